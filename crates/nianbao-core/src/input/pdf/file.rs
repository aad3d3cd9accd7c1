//! A PDF file's objects and pages. The objects are found by scanning the body for
//! `N G obj` (later definitions win, as incremental updates do), not through the
//! cross-reference table: a damaged or truncated table, a wrong offset or a missing
//! `startxref` costs nothing. Object streams (`/Type /ObjStm`) are opened too. Streams are
//! decoded with a budget ([`MAX_INFLATED`] in all).

use super::object::{is_space, Dict, Lexer, Obj};
use std::collections::HashMap;

/// Most bytes all of a file's streams may inflate to.
pub const MAX_INFLATED: usize = 512 << 20;
/// Most pages read.
pub const MAX_PAGES: usize = 5000;
/// Most objects kept.
const MAX_OBJECTS: usize = 2_000_000;

pub struct File<'a> {
    pub bytes: &'a [u8],
    objs: HashMap<u32, Obj>,
    /// The trailer's entries (from `trailer` dictionaries and cross-reference streams).
    pub trailer: Dict,
    inflated: std::cell::Cell<usize>,
}

/// One page: its content streams, resources and media box.
pub struct Page {
    pub contents: Vec<Obj>,
    pub resources: Dict,
    /// `[x0, y0, x1, y1]`.
    pub media: [f64; 4],
}

impl<'a> File<'a> {
    pub fn parse(bytes: &'a [u8]) -> File<'a> {
        let mut f = File {
            bytes,
            objs: HashMap::new(),
            trailer: Dict::default(),
            inflated: std::cell::Cell::new(0),
        };
        let mut streams = Vec::new();
        for at in memchr::memmem::find_iter(bytes, b"obj") {
            if f.objs.len() >= MAX_OBJECTS {
                break;
            }
            let Some(num) = header(bytes, at) else {
                continue;
            };
            if bytes.get(at + 3).is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let mut l = Lexer::new(bytes, at + 3);
            let Some(o) = l.next() else { continue };
            let o = match o {
                Obj::Dict(d) => match stream_data(bytes, &mut l) {
                    Some(r) => Obj::Stream(d, r),
                    None => Obj::Dict(d),
                },
                o => o,
            };
            if let Obj::Stream(d, _) = &o {
                match d.get(b"Type").and_then(Obj::name) {
                    Some(b"ObjStm") => streams.push(num),
                    Some(b"XRef") => merge(&mut f.trailer, d),
                    _ => {}
                }
            }
            f.objs.insert(num, o);
        }
        for at in memchr::memmem::find_iter(bytes, b"trailer") {
            if let Some(Obj::Dict(d)) = Lexer::new(bytes, at + 7).next() {
                merge(&mut f.trailer, &d);
            }
        }
        for num in streams {
            f.open_object_stream(num);
        }
        f
    }

    /// The objects of an object stream, where the body does not define them itself.
    fn open_object_stream(&mut self, num: u32) {
        let Some(Obj::Stream(d, _)) = self.objs.get(&num) else {
            return;
        };
        let (n, first) = (
            d.get(b"N").and_then(Obj::num).unwrap_or(0.0) as usize,
            d.get(b"First").and_then(Obj::num).unwrap_or(0.0) as usize,
        );
        let Some(data) = self.stream(&Obj::Ref(num)) else {
            return;
        };
        let mut l = Lexer::new(&data, 0);
        let mut heads = Vec::new();
        for _ in 0..n.min(data.len() / 2 + 1) {
            match (l.next(), l.next()) {
                (Some(Obj::Num(a)), Some(Obj::Num(b))) => heads.push((a as u32, b as usize)),
                _ => break,
            }
        }
        for (obj, off) in heads {
            if self.objs.len() >= MAX_OBJECTS {
                break;
            }
            let Some(at) = first.checked_add(off).filter(|&a| a < data.len()) else {
                continue;
            };
            if let Some(o) = Lexer::new(&data, at).next() {
                self.objs.entry(obj).or_insert(o);
            }
        }
    }

    /// The object itself, references followed (a chain of at most eight).
    pub fn get<'o>(&'o self, mut o: &'o Obj) -> &'o Obj {
        for _ in 0..8 {
            match o {
                Obj::Ref(n) => match self.objs.get(n) {
                    Some(x) => o = x,
                    None => return &Obj::Null,
                },
                _ => return o,
            }
        }
        &Obj::Null
    }

    /// A dictionary entry, its reference followed.
    pub fn entry<'o>(&'o self, d: &'o Dict, key: &[u8]) -> &'o Obj {
        d.get(key).map_or(&Obj::Null, |o| self.get(o))
    }

    /// A stream's data, decoded; `None` for a filter this reader does not know (images'
    /// DCT and JPX among them), for damaged data and once the budget is spent.
    pub fn stream(&self, o: &Obj) -> Option<Vec<u8>> {
        let Obj::Stream(d, r) = self.get(o) else {
            return None;
        };
        let raw = self.bytes.get(r.clone())?;
        let filters: Vec<&[u8]> = match self.entry(d, b"Filter") {
            Obj::Name(n) => vec![n],
            Obj::Array(a) => a.iter().filter_map(|o| self.get(o).name()).collect(),
            _ => vec![],
        };
        let mut data = raw.to_vec();
        for f in filters {
            let left = MAX_INFLATED.saturating_sub(self.inflated.get());
            data = match f {
                b"FlateDecode" | b"Fl" => inflate(&data, left)?,
                b"ASCIIHexDecode" | b"AHx" => {
                    let mut v = b"<".to_vec();
                    v.extend_from_slice(&data);
                    match Lexer::new(&v, 0).next() {
                        Some(Obj::Str(s)) => s,
                        _ => return None,
                    }
                }
                b"ASCII85Decode" | b"A85" => ascii85(&data)?,
                _ => return None,
            };
            self.inflated.set(self.inflated.get() + data.len());
        }
        Some(data)
    }

    /// Is the file encrypted (a password, or permissions only)?
    pub fn encrypted(&self) -> bool {
        self.trailer.get(b"Encrypt").is_some()
    }

    /// The pages in order, with their inherited resources and media box.
    pub fn pages(&self) -> Vec<Page> {
        let mut out = Vec::new();
        let root = self.entry(&self.trailer, b"Root");
        let Some(root) = root.dict() else {
            return self.loose_pages();
        };
        let mut seen = std::collections::HashSet::new();
        let top = root.get(b"Pages").cloned().unwrap_or(Obj::Null);
        self.walk(&top, None, None, &mut seen, &mut out, 0);
        if out.is_empty() {
            return self.loose_pages();
        }
        out
    }

    /// Without a page tree (a damaged catalogue): the page objects in file order.
    fn loose_pages(&self) -> Vec<Page> {
        let mut nums: Vec<u32> = self
            .objs
            .iter()
            .filter(|(_, o)| {
                o.dict()
                    .is_some_and(|d| d.get(b"Type").and_then(Obj::name) == Some(b"Page"))
            })
            .map(|(n, _)| *n)
            .collect();
        nums.sort_unstable();
        nums.truncate(MAX_PAGES);
        nums.iter()
            .filter_map(|n| self.objs.get(n)?.dict().map(|d| self.page(d, None, None)))
            .collect()
    }

    fn walk(
        &self,
        node: &Obj,
        res: Option<&Dict>,
        media: Option<[f64; 4]>,
        seen: &mut std::collections::HashSet<u32>,
        out: &mut Vec<Page>,
        depth: usize,
    ) {
        if let Obj::Ref(n) = node {
            if !seen.insert(*n) {
                return;
            }
        }
        let Some(d) = self.get(node).dict() else {
            return;
        };
        if out.len() >= MAX_PAGES || depth > 64 {
            return;
        }
        let own_res = self.entry(d, b"Resources").dict();
        let res = own_res.or(res);
        let media = self.media(d).or(media);
        match self.entry(d, b"Kids") {
            Obj::Array(kids) => {
                for k in kids {
                    self.walk(k, res, media, seen, out, depth + 1);
                }
            }
            _ => out.push(self.page(d, res, media)),
        }
    }

    fn page(&self, d: &Dict, res: Option<&Dict>, media: Option<[f64; 4]>) -> Page {
        let contents = match self.entry(d, b"Contents") {
            Obj::Array(a) => a.clone(),
            _ => d.get(b"Contents").cloned().into_iter().collect(),
        };
        Page {
            contents,
            resources: self
                .entry(d, b"Resources")
                .dict()
                .or(res)
                .cloned()
                .unwrap_or_default(),
            media: self.media(d).or(media).unwrap_or([0.0, 0.0, 612.0, 792.0]),
        }
    }

    fn media(&self, d: &Dict) -> Option<[f64; 4]> {
        let a = self.entry(d, b"MediaBox").array()?;
        let n: Vec<f64> = a.iter().filter_map(|o| self.get(o).num()).collect();
        let [x0, y0, x1, y1] = n[..] else { return None };
        Some([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
    }
}

/// The entries of a trailer or cross-reference stream dictionary that reading needs; a
/// later one (an update) wins, as [`Dict::get`] takes the last.
fn merge(trailer: &mut Dict, d: &Dict) {
    for (k, v) in &d.0 {
        if matches!(k.as_slice(), b"Root" | b"Encrypt" | b"Info") {
            trailer.0.push((k.clone(), v.clone()));
        }
    }
}

/// The object number of `N G obj` ending just before `at` (where `obj` starts).
fn header(b: &[u8], at: usize) -> Option<u32> {
    let mut i = at;
    let spaces = |i: &mut usize| {
        let s = *i;
        while *i > 0 && is_space(b[*i - 1]) {
            *i -= 1;
        }
        *i < s
    };
    let digits = |i: &mut usize| {
        let e = *i;
        while *i > 0 && b[*i - 1].is_ascii_digit() && e - *i < 10 {
            *i -= 1;
        }
        (*i < e).then(|| std::str::from_utf8(&b[*i..e]).ok()?.parse::<u64>().ok())?
    };
    spaces(&mut i);
    digits(&mut i)?;
    if !spaces(&mut i) {
        return None;
    }
    let n = digits(&mut i)?;
    if i > 0 && b[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    u32::try_from(n).ok()
}

/// After a dictionary: the data range of `stream … endstream`, if a stream follows. The
/// data ends at `endstream` (so a wrong or indirect `/Length` does not matter).
fn stream_data(b: &[u8], l: &mut Lexer) -> Option<std::ops::Range<usize>> {
    let mut at = l.at;
    while b.get(at).is_some_and(|&c| is_space(c)) {
        at += 1;
    }
    if !b[at.min(b.len())..].starts_with(b"stream") {
        return None;
    }
    at += 6;
    if b.get(at) == Some(&b'\r') {
        at += 1;
    }
    if b.get(at) == Some(&b'\n') {
        at += 1;
    }
    let end = memchr::memmem::find(&b[at.min(b.len())..], b"endstream").map_or(b.len(), |e| at + e);
    let mut data_end = end;
    if data_end > at && b[data_end - 1] == b'\n' {
        data_end -= 1;
    }
    if data_end > at && b[data_end - 1] == b'\r' {
        data_end -= 1;
    }
    l.at = end;
    Some(at.min(data_end)..data_end)
}

/// zlib data inflated (raw deflate where the header is missing), at most `limit` bytes; a
/// truncated stream gives what it holds.
fn inflate(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::TINFLStatus;
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, decompress_to_vec_zlib_with_limit};
    match decompress_to_vec_zlib_with_limit(data, limit) {
        Ok(v) => Some(v),
        Err(e) if e.status == TINFLStatus::FailedCannotMakeProgress && !e.output.is_empty() => {
            Some(e.output)
        }
        Err(e) if e.status == TINFLStatus::HasMoreOutput => None,
        Err(e) => decompress_to_vec_with_limit(data, limit)
            .ok()
            .or((!e.output.is_empty()).then_some(e.output)),
    }
}

fn ascii85(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut group = [0u32; 5];
    let mut n = 0;
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = (c - b'!') as u32;
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + d as u64);
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            c if is_space(c) => {}
            _ => return None,
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + d as u64);
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_found_without_the_cross_reference_table() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/MediaBox[0 0 200 100]>>endobj\n3 0 obj <</Type/Page/Parent 2 0 R/Contents 4 0 R>> endobj\n4 0 obj<</Length 99>>stream\r\nBT ET\r\nendstream endobj\ntrailer<</Root 1 0 R>>";
        let f = File::parse(pdf);
        let pages = f.pages();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].media, [0.0, 0.0, 200.0, 100.0]);
        assert_eq!(f.stream(&pages[0].contents[0]).unwrap(), b"BT ET");
        assert!(!f.encrypted());
        // `10 0 obj` is not `0 obj` of another number
        assert_eq!(header(b"x 10 0 obj", 7), Some(10));
        assert_eq!(header(b"a10 0 obj", 6), None);
    }

    #[test]
    fn filters_decode() {
        assert_eq!(ascii85(b"<~87cURD]i,\"Ebo80~>").unwrap(), b"Hello World!");
        let z = miniz_oxide::deflate::compress_to_vec_zlib(b"BT (x) Tj ET", 6);
        assert_eq!(inflate(&z, 1 << 20).unwrap(), b"BT (x) Tj ET");
        // truncated: what it holds, never a panic
        let long = miniz_oxide::deflate::compress_to_vec_zlib(&[b'a'; 100_000], 1);
        let _ = inflate(&long[..long.len() / 2], 1 << 20);
        assert!(inflate(&long, 10).is_none());
    }
}
