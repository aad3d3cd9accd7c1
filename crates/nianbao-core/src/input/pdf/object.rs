//! PDF objects (ISO 32000-1 §7.3) and the lexer that reads them, from a file's body and from
//! content streams alike: numbers, strings (literal and hex), names, arrays, dictionaries,
//! references `N G R`, and in content streams the operators. Nesting is bounded
//! ([`MAX_DEPTH`]); malformed input ends the object early instead of failing the file.

/// Deepest nesting of arrays and dictionaries read (deeper input is cut off).
pub const MAX_DEPTH: usize = 64;

/// One object. A stream's data is a byte range of the file (streams never sit inside
/// object streams).
#[derive(Debug, Clone, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    Stream(Dict, std::ops::Range<usize>),
    /// A bare keyword: an operator in a content stream (`Tj`, `re`), or `obj`/`stream`/…
    /// in a file's body.
    Op(Vec<u8>),
}

/// A dictionary: keys in file order (a later duplicate key wins in [`Dict::get`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Obj {
    pub fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
    pub fn array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// Is `c` PDF white space (§7.2.2)?
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0)
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_space(c) && !is_delim(c)
}

/// Reads objects one after another from `b`, starting at `at`.
pub struct Lexer<'a> {
    pub b: &'a [u8],
    pub at: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(b: &'a [u8], at: usize) -> Lexer<'a> {
        Lexer { b, at }
    }

    /// Skips white space and comments.
    pub fn skip_space(&mut self) {
        while let Some(&c) = self.b.get(self.at) {
            if is_space(c) {
                self.at += 1;
            } else if c == b'%' {
                while self
                    .b
                    .get(self.at)
                    .is_some_and(|&c| c != b'\n' && c != b'\r')
                {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next object (references `N G R` folded into [`Obj::Ref`]); `None` at the end.
    pub fn next(&mut self) -> Option<Obj> {
        self.object(0)
    }

    fn object(&mut self, depth: usize) -> Option<Obj> {
        self.skip_space();
        let c = *self.b.get(self.at)?;
        match c {
            b'/' => {
                self.at += 1;
                Some(Obj::Name(self.name()))
            }
            b'(' => {
                self.at += 1;
                Some(Obj::Str(self.literal()))
            }
            b'<' if self.b.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                Some(Obj::Dict(self.dict(depth)))
            }
            b'<' => {
                self.at += 1;
                Some(Obj::Str(self.hex()))
            }
            b'[' => {
                self.at += 1;
                Some(Obj::Array(self.items(depth, b"]")))
            }
            b'>' | b']' | b')' | b'{' | b'}' => {
                // a stray delimiter: an operator of its own so that callers move on
                self.at += 1;
                Some(Obj::Op(vec![c]))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => Some(self.number()),
            _ => {
                let start = self.at;
                while self.b.get(self.at).is_some_and(|&c| is_regular(c)) {
                    self.at += 1;
                }
                let word = &self.b[start..self.at];
                Some(match word {
                    b"true" => Obj::Bool(true),
                    b"false" => Obj::Bool(false),
                    b"null" => Obj::Null,
                    _ => Obj::Op(word.to_vec()),
                })
            }
        }
    }

    fn number(&mut self) -> Obj {
        let start = self.at;
        self.at += 1;
        while self
            .b
            .get(self.at)
            .is_some_and(|&c| c.is_ascii_digit() || c == b'.' || c == b'-')
        {
            self.at += 1;
        }
        let s = std::str::from_utf8(&self.b[start..self.at]).unwrap_or("0");
        // `--5` or `4-3` (seen in the wild) read as far as they parse
        let n = s
            .parse::<f64>()
            .ok()
            .or_else(|| {
                let t = s.trim_start_matches(['-', '+']);
                let end = t[1.min(t.len())..]
                    .find('-')
                    .map_or(t.len(), |i| i + 1.min(t.len()));
                t[..end]
                    .parse::<f64>()
                    .ok()
                    .map(|v| if s.starts_with('-') { -v } else { v })
            })
            .unwrap_or(0.0);
        Obj::Num(n)
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(&c) = self.b.get(self.at) {
            if !is_regular(c) {
                break;
            }
            self.at += 1;
            if c == b'#' {
                if let Some(v) = self.b.get(self.at..self.at + 2).and_then(hex_byte) {
                    out.push(v);
                    self.at += 2;
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut open = 1usize;
        while let Some(&c) = self.b.get(self.at) {
            self.at += 1;
            match c {
                b'(' => {
                    open += 1;
                    out.push(c);
                }
                b')' => {
                    open -= 1;
                    if open == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.b.get(self.at) else { break };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.b.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match self.b.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + (d - b'0') as u32;
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        _ => out.push(e),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut half: Option<u8> = None;
        while let Some(&c) = self.b.get(self.at) {
            self.at += 1;
            let v = match c {
                b'>' => break,
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => continue,
            };
            match half.take() {
                Some(h) => out.push(h << 4 | v),
                None => half = Some(v),
            }
        }
        if let Some(h) = half {
            out.push(h << 4);
        }
        out
    }

    /// The objects of an array or a dictionary up to `close` (`]`, `>>`), references
    /// folded; deeper than [`MAX_DEPTH`], the content is skipped.
    fn items(&mut self, depth: usize, close: &[u8]) -> Vec<Obj> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if self.at >= self.b.len() {
                break;
            }
            if self.b[self.at..].starts_with(close) {
                self.at += close.len();
                break;
            }
            if depth >= MAX_DEPTH {
                self.at += 1;
                continue;
            }
            let before = self.at;
            let Some(o) = self.object(depth + 1) else {
                break;
            };
            if self.at == before {
                self.at += 1;
            }
            items.push(o);
        }
        fold_refs(&mut items);
        items
    }

    fn dict(&mut self, depth: usize) -> Dict {
        let items = self.items(depth, b">>");
        // keys and values in turn
        let mut d = Dict::default();
        let mut it = items.into_iter().peekable();
        while let Some(k) = it.next() {
            let Obj::Name(k) = k else { continue };
            // a key is always followed by its value (a name too: `/Type /Page`)
            if let Some(v) = it.next() {
                d.0.push((k, v));
            }
        }
        d
    }
}

/// `N G R` inside an array becomes one reference.
fn fold_refs(items: &mut Vec<Obj>) {
    if !items.iter().any(|o| matches!(o, Obj::Op(r) if r == b"R")) {
        return;
    }
    let mut out = Vec::with_capacity(items.len());
    for o in items.drain(..) {
        if matches!(&o, Obj::Op(r) if r == b"R") && out.len() >= 2 {
            if let (Some(Obj::Num(_)), Some(Obj::Num(n))) = (out.last(), out.get(out.len() - 2)) {
                let n = *n as u32;
                out.truncate(out.len() - 2);
                out.push(Obj::Ref(n));
                continue;
            }
        }
        out.push(o);
    }
    *items = out;
}

fn hex_byte(h: &[u8]) -> Option<u8> {
    let d = |c: u8| (c as char).to_digit(16);
    Some((d(h[0])? * 16 + d(h[1])?) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Obj {
        Lexer::new(s.as_bytes(), 0).next().unwrap()
    }

    #[test]
    fn objects_of_every_kind() {
        assert_eq!(one("-12.5"), Obj::Num(-12.5));
        assert_eq!(one(".5"), Obj::Num(0.5));
        assert_eq!(one("(a\\(b\\)\\101)"), Obj::Str(b"a(b)A".to_vec()));
        assert_eq!(one("(x(y)z)"), Obj::Str(b"x(y)z".to_vec()));
        assert_eq!(one("<4E 2d7>"), Obj::Str(vec![0x4e, 0x2d, 0x70]));
        assert_eq!(one("/A#20B"), Obj::Name(b"A B".to_vec()));
        assert_eq!(
            one("[1 0 R 2 /N (s)]"),
            Obj::Array(vec![
                Obj::Ref(1),
                Obj::Num(2.0),
                Obj::Name(b"N".to_vec()),
                Obj::Str(b"s".to_vec())
            ])
        );
        let d = one("<</Type/Page/Parent 3 0 R/Count 5/Box[0 0 612 792]/Font<</F1 7 0 R>>>>");
        let d = d.dict().unwrap();
        assert_eq!(d.get(b"Type"), Some(&Obj::Name(b"Page".to_vec())));
        assert_eq!(d.get(b"Parent"), Some(&Obj::Ref(3)));
        assert_eq!(d.get(b"Count"), Some(&Obj::Num(5.0)));
        assert_eq!(
            d.get(b"Box").and_then(Obj::array).map(<[Obj]>::len),
            Some(4)
        );
        assert_eq!(
            d.get(b"Font")
                .and_then(Obj::dict)
                .and_then(|f| f.get(b"F1")),
            Some(&Obj::Ref(7))
        );
        // a number value followed by the next key, and one at the very end
        let d = one("<</Length 12/Filter/FlateDecode/N 3>>");
        let d = d.dict().unwrap();
        assert_eq!(d.get(b"Length"), Some(&Obj::Num(12.0)));
        assert_eq!(d.get(b"Filter"), Some(&Obj::Name(b"FlateDecode".to_vec())));
        assert_eq!(d.get(b"N"), Some(&Obj::Num(3.0)));
    }

    #[test]
    fn malformed_input_ends_early_without_failing() {
        for s in [
            "(",
            "<",
            "<<",
            "[",
            "<</A",
            "<</A 1 0",
            "[[[[",
            ")",
            ">>",
            "<</A[1 2>>",
            "--5",
            "1-2",
        ] {
            let mut l = Lexer::new(s.as_bytes(), 0);
            let mut n = 0;
            while l.next().is_some() {
                n += 1;
                assert!(n < 100, "{s}");
            }
        }
        let deep = "[".repeat(100_000);
        assert!(Lexer::new(deep.as_bytes(), 0).next().is_some());
        let deep = "<</A ".repeat(100_000);
        assert!(Lexer::new(deep.as_bytes(), 0).next().is_some());
    }
}
