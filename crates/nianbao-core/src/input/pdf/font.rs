//! Fonts: how a string's bytes split into glyph codes, each code's Unicode text and its
//! advance width. The text comes from the font's `/ToUnicode` CMap (`bfchar`, `bfrange`,
//! its `codespacerange` giving the code lengths); without one, a simple font's codes are
//! read through its `/Differences` glyph names (`uni4E00`, `one`) or as ASCII. Type0 fonts
//! take their widths from the descendant's `/W` and `/DW`; Type 3 fonts scale theirs by
//! `/FontMatrix`.

use super::file::File;
use super::object::{Dict, Lexer, Obj};
use std::collections::HashMap;

pub struct Font {
    /// Code lengths in bytes by first byte (from the codespace ranges); 1 or 2.
    lengths: [u8; 256],
    to_unicode: HashMap<u32, String>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (1/1000 except in Type 3 fonts).
    scale: f64,
    /// Does any code map to text at all (a font without any mapping yields no text)?
    pub mapped: bool,
}

impl Font {
    pub fn load(f: &File, d: &Dict) -> Font {
        let subtype = f.entry(d, b"Subtype").name().unwrap_or_default().to_vec();
        let type0 = subtype == b"Type0";
        let mut font = Font {
            lengths: [if type0 { 2 } else { 1 }; 256],
            to_unicode: HashMap::new(),
            widths: HashMap::new(),
            default_width: if type0 { 1000.0 } else { 0.0 },
            scale: 0.001,
            mapped: false,
        };
        if subtype == b"Type3" {
            if let Some(a) = f.entry(d, b"FontMatrix").array() {
                if let Some(s) = a.first().and_then(|o| f.get(o).num()) {
                    font.scale = s.abs();
                }
            }
        }
        if type0 {
            let desc = match f.entry(d, b"DescendantFonts") {
                Obj::Array(a) => a.first().and_then(|o| f.get(o).dict()),
                _ => None,
            };
            if let Some(desc) = desc {
                if let Some(dw) = f.entry(desc, b"DW").num() {
                    font.default_width = dw;
                }
                if let Some(w) = f.entry(desc, b"W").array() {
                    font.cid_widths(f, w);
                }
            }
            // a predefined one-byte encoding (rare); Identity-H and UCS-2 maps are two bytes
            if let Some(enc) = f.entry(d, b"Encoding").name() {
                if enc.starts_with(b"Identity") || enc.windows(3).any(|w| w == b"UCS") {
                    font.lengths = [2; 256];
                }
            }
        } else {
            let first = f.entry(d, b"FirstChar").num().unwrap_or(0.0) as u32;
            // codes outside /Widths take the descriptor's MissingWidth (0 by default)
            let missing = f
                .entry(d, b"FontDescriptor")
                .dict()
                .and_then(|fd| f.entry(fd, b"MissingWidth").num());
            if let Some(w) = f.entry(d, b"Widths").array() {
                font.default_width = missing.unwrap_or(0.0);
                for (i, o) in w.iter().enumerate().take(65536) {
                    if let Some(v) = f.get(o).num() {
                        font.widths.insert(first + i as u32, v);
                    }
                }
            } else if subtype != b"Type3" {
                // a standard font may come without widths: about an average glyph, so
                // that its words stay apart and its letters in order
                let base = f.entry(d, b"BaseFont").name().unwrap_or_default();
                let base = base.splitn(2, |&b| b == b'+').last().unwrap_or_default();
                font.default_width =
                    missing
                        .filter(|w| *w > 0.0)
                        .unwrap_or(if base.starts_with(b"Courier") {
                            600.0
                        } else {
                            500.0
                        });
            }
            font.differences(f, d);
        }
        if let Some(cmap) = f.stream(f.entry(d, b"ToUnicode")) {
            // a simple font's codes are single bytes whatever its CMap's codespace says
            let lengths = font.lengths;
            font.read_cmap(&cmap);
            if !type0 {
                font.lengths = lengths;
            }
        }
        font.mapped = !font.to_unicode.is_empty() || !type0;
        font
    }

    /// `/W [c [w1 w2 …] c_first c_last w …]`.
    fn cid_widths(&mut self, f: &File, w: &[Obj]) {
        let mut i = 0;
        while i < w.len() && self.widths.len() < 1 << 20 {
            let Some(c) = f.get(&w[i]).num() else { break };
            match w.get(i + 1).map(|o| f.get(o)) {
                Some(Obj::Array(ws)) => {
                    for (k, o) in ws.iter().enumerate() {
                        if let Some(v) = f.get(o).num() {
                            self.widths.insert(c as u32 + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(Obj::Num(last)) => {
                    let v = w.get(i + 2).and_then(|o| f.get(o).num()).unwrap_or(0.0);
                    let (c, last) = (c as u32, (*last as u32).min(c as u32 + 65536));
                    for k in c..=last {
                        self.widths.insert(k, v);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }

    /// A simple font's `/Differences` names: those that say their character.
    fn differences(&mut self, f: &File, d: &Dict) {
        let Some(enc) = f.entry(d, b"Encoding").dict() else {
            return;
        };
        let Some(diffs) = f.entry(enc, b"Differences").array() else {
            return;
        };
        let mut code = 0u32;
        for o in diffs {
            match f.get(o) {
                Obj::Num(n) => code = *n as u32,
                Obj::Name(n) => {
                    if let Some(c) = glyph_name(n) {
                        self.to_unicode.insert(code, c.to_string());
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }

    fn read_cmap(&mut self, cmap: &[u8]) {
        let mut l = Lexer::new(cmap, 0);
        let mut ops: Vec<Obj> = Vec::new();
        let mut spaces: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        let mut n = 0usize;
        while let Some(o) = l.next() {
            n += 1;
            if n > 4_000_000 {
                break;
            }
            match o {
                Obj::Op(op) => {
                    match op.as_slice() {
                        b"endcodespacerange" => {
                            for p in ops.chunks_exact(2) {
                                if let [Obj::Str(a), Obj::Str(b)] = p {
                                    spaces.push((a.clone(), b.clone()));
                                }
                            }
                        }
                        b"endbfchar" => {
                            for p in ops.chunks_exact(2) {
                                if let [Obj::Str(src), Obj::Str(dst)] = p {
                                    self.to_unicode.insert(code(src), utf16(dst));
                                }
                            }
                        }
                        b"endbfrange" => {
                            for p in ops.chunks_exact(3) {
                                if let [Obj::Str(lo), Obj::Str(hi), dst] = p {
                                    self.range(code(lo), code(hi), dst);
                                }
                            }
                        }
                        _ => {}
                    }
                    ops.clear();
                }
                o => ops.push(o),
            }
        }
        if !spaces.is_empty() {
            let mut lengths = [0u8; 256];
            for (lo, hi) in &spaces {
                let (Some(&a), Some(&b)) = (lo.first(), hi.first()) else {
                    continue;
                };
                for x in a..=b.max(a) {
                    let len = lo.len().clamp(1, 4) as u8;
                    if lengths[x as usize] == 0 || len < lengths[x as usize] {
                        lengths[x as usize] = len;
                    }
                }
            }
            let fallback = spaces.iter().map(|(a, _)| a.len()).max().unwrap_or(1) as u8;
            for (i, l) in lengths.iter_mut().enumerate() {
                self.lengths[i] = if *l == 0 { fallback.clamp(1, 4) } else { *l };
            }
        }
    }

    fn range(&mut self, lo: u32, hi: u32, dst: &Obj) {
        let hi = hi.min(lo.saturating_add(65535));
        match dst {
            Obj::Str(d) => {
                let units = utf16_units(d);
                for (k, c) in (lo..=hi).enumerate() {
                    let mut u = units.clone();
                    if let Some(last) = u.last_mut() {
                        *last = last.wrapping_add(k as u16);
                    }
                    self.to_unicode.insert(c, String::from_utf16_lossy(&u));
                }
            }
            Obj::Array(a) => {
                for (c, o) in (lo..=hi).zip(a) {
                    if let Obj::Str(d) = o {
                        self.to_unicode.insert(c, utf16(d));
                    }
                }
            }
            _ => {}
        }
    }

    /// The codes of a string: `(code, byte length)`.
    pub fn codes<'s>(&'s self, s: &'s [u8]) -> impl Iterator<Item = (u32, usize)> + 's {
        let mut i = 0;
        std::iter::from_fn(move || {
            let first = *s.get(i)?;
            let n = (self.lengths[first as usize] as usize)
                .min(s.len() - i)
                .max(1);
            let c = code(&s[i..i + n]);
            i += n;
            Some((c, n))
        })
    }

    /// A code's text: its mapping, else (a simple font) the ASCII character; `None` when
    /// the font does not say.
    pub fn text(&self, code: u32, len: usize) -> Option<&str> {
        if let Some(t) = self.to_unicode.get(&code) {
            return Some(t);
        }
        if len == 1 && (0x20..0x7f).contains(&code) && self.mapped {
            return Some(ASCII[code as usize - 0x20..code as usize - 0x1f].as_ref());
        }
        None
    }

    /// A code's advance in text space per unit of font size.
    pub fn advance(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}

const ASCII: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

fn code(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0, |a, &x| a << 8 | x as u32)
}

fn utf16_units(b: &[u8]) -> Vec<u16> {
    b.chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

/// UTF-16BE bytes (a CMap's destination, a text string after its BOM) as text.
pub fn utf16(b: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(b))
}

/// The character a glyph name says (`uni4E00`, `u4E00`, the common Latin names).
fn glyph_name(n: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(n).ok()?;
    if let Some(h) = s.strip_prefix("uni").or_else(|| s.strip_prefix('u')) {
        if (4..=6).contains(&h.len()) {
            if let Some(c) = u32::from_str_radix(&h[..h.len().min(6)], 16)
                .ok()
                .and_then(char::from_u32)
            {
                return Some(c);
            }
        }
    }
    const NAMES: [(&str, char); 22] = [
        ("space", ' '),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("period", '.'),
        ("comma", ','),
        ("hyphen", '-'),
        ("minus", '-'),
        ("percent", '%'),
        ("slash", '/'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("plus", '+'),
    ];
    if let Some((_, c)) = NAMES.iter().find(|(k, _)| *k == s) {
        return Some(*c);
    }
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(cmap: &str) -> Font {
        let mut f = Font {
            lengths: [1; 256],
            to_unicode: HashMap::new(),
            widths: HashMap::new(),
            default_width: 1000.0,
            scale: 0.001,
            mapped: true,
        };
        f.read_cmap(cmap.as_bytes());
        f
    }

    #[test]
    fn cmaps_map_codes_to_text() {
        let f = font(
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             2 beginbfchar <0003> <0020> <0011> <4E00> endbfchar\n\
             1 beginbfrange <0020> <0022> <0041> endbfrange\n\
             1 beginbfrange <0030> <0031> [<6211> <D83DDE00>] endbfrange",
        );
        let codes: Vec<_> = f.codes(&[0, 0x11, 0, 0x21, 0, 0x31]).collect();
        assert_eq!(codes, vec![(0x11, 2), (0x21, 2), (0x31, 2)]);
        assert_eq!(f.text(0x11, 2), Some("一"));
        assert_eq!(f.text(0x22, 2), Some("C"));
        assert_eq!(f.text(0x30, 2), Some("我"));
        assert_eq!(f.text(0x31, 2), Some("😀"));
        assert_eq!(f.text(0x99, 2), None);
        // an odd byte at the end is a code of its own, never out of bounds
        assert_eq!(f.codes(&[0, 0x11, 7]).count(), 2);
    }

    #[test]
    fn glyph_names_say_their_character() {
        assert_eq!(glyph_name(b"uni4E00"), Some('一'));
        assert_eq!(glyph_name(b"seven"), Some('7'));
        assert_eq!(glyph_name(b"g123"), None);
    }
}
