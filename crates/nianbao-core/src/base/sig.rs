//! A cell's comparison form ([`super::normalize::norm`]) and its signature, made in one
//! pass when the document is built. The signature says how many characters the form has,
//! the first one, and which of a few marker characters it holds: the stages that look for
//! labels and anchors test it before they compare any text.

use super::normalize::{is_space, norm_char, trad_to_simp, TRAD_BITS};

/// The marker characters (in comparison form: `數` counts as `数`). Each stands for the
/// labels that contain it.
const MARKS: [char; 17] = [
    '第', '信', '稽', '收', '申', '行', '数', '请', '答', '统', '计', '度', '报', '政', '年', '金',
    '页',
];

/// The bit of a marker character; not a marker: a compile error where used in a
/// `const` (`sig.has(const { mark('第') })`).
pub const fn mark(c: char) -> u32 {
    let mut i = 0;
    while i < MARKS.len() {
        if MARKS[i] == c {
            return 1 << i;
        }
        i += 1;
    }
    panic!("not a marker character")
}

/// The markers in either script, as written.
const MARKED: [char; 22] = [
    '第', '信', '稽', '收', '申', '行', '数', '數', '请', '請', '答', '统', '統', '计', '計', '度',
    '报', '報', '政', '年', '金', '页',
];

/// One bit per ideograph (U+4E00..=U+9FFF): set for the characters of [`MARKED`]. Testing
/// it is one predictable branch per character; the match in [`mark_of`] runs for markers
/// only.
const MARK_BITS: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < MARKED.len() {
        let k = MARKED[i] as usize - 0x4E00;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// One bit per code point of U+4000..=U+9FFF (the three-byte characters that start with
/// E4..=E9), indexed by `(u >> 6) - 256` and `u & 63`: set for the ideographs that are
/// markers ([`MARKED`]) or traditional (they have an entry in the normalisation's
/// character map). One table for both tests, stored once.
static SPECIAL: [u64; 384] = {
    let mut t = [0u64; 384];
    let mut k = 0;
    while k < 328 {
        // U+4E00 is (256 + 56) × 64
        t[56 + k] = MARK_BITS[k] | TRAD_BITS[k];
        k += 1;
    }
    t
};

/// Is `u` (U+4000..=U+9FFF) a marker or a traditional character?
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn special(u: u32) -> bool {
    SPECIAL[(u as usize >> 6) - 256] >> (u & 0x3F) & 1 != 0
}

/// The marker a character stands for, in either script (`數` is `数`).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn mark_of(c: char) -> u32 {
    match c {
        '第' => mark('第'),
        '信' => mark('信'),
        '稽' => mark('稽'),
        '收' => mark('收'),
        '申' => mark('申'),
        '行' => mark('行'),
        '数' | '數' => mark('数'),
        '请' | '請' => mark('请'),
        '答' => mark('答'),
        '统' | '統' => mark('统'),
        '计' | '計' => mark('计'),
        '度' => mark('度'),
        '报' | '報' => mark('报'),
        '政' => mark('政'),
        '年' => mark('年'),
        '金' => mark('金'),
        '页' => mark('页'),
        _ => 0,
    }
}

/// What a text's comparison form holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sig {
    /// Characters of the comparison form, at most 255.
    pub len: u8,
    /// Its first character (`'\0'` when empty).
    pub first: char,
    marks: u32,
}

impl Sig {
    /// The signature of `s`.
    pub fn of(s: &str) -> Sig {
        Sig::norm_into(s, &mut String::new())
    }
    /// Appends [`norm`](super::normalize::norm)`(s)` to `out` and returns the signature
    /// of `s`: one pass over the bytes, copying runs that are already in comparison form
    /// (most text: ideographs, digits, letters) as they are.
    pub fn norm_into(s: &str, out: &mut String) -> Sig {
        scan(s, out, false).0
    }
    /// [`Sig::norm_into`] for a whole line of text, also telling how it could split into
    /// cells.
    pub fn norm_line_into(s: &str, out: &mut String) -> (Sig, Spaces) {
        scan(s, out, true)
    }
    /// Does the comparison form contain every marker of `marks`?
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn has(self, marks: u32) -> bool {
        self.marks & marks == marks
    }
    /// The signature of two texts joined.
    pub fn join(self, other: Sig) -> Sig {
        Sig {
            len: self.len.saturating_add(other.len),
            first: if self.len > 0 {
                self.first
            } else {
                other.first
            },
            marks: self.marks | other.marks,
        }
    }
}

/// How a line's text could split into cells (layout text separates cells by runs of
/// spaces).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spaces {
    /// The heaviest run of [`is_space`] characters (U+3000 weighs two).
    pub max_run: u32,
    /// Is there an ASCII space?
    pub ascii: bool,
    run: u32,
}

impl Spaces {
    #[inline(always)]
    fn step(&mut self, space: bool, weight: u32) {
        if space {
            self.run += weight;
        } else {
            self.other();
        }
    }
    /// A character that is not a space ends the run.
    #[inline(always)]
    fn other(&mut self) {
        if self.run > 0 {
            self.max_run = self.max_run.max(self.run);
            self.run = 0;
        }
    }
}

const KEEP: u32 = 0;
const DROP: u32 = 1;
const SPACE: u32 = 2;
const WIDE_SPACE: u32 = 3;

/// What [`norm_char`] does with each character of U+2000..=U+20FF, U+3000..=U+30FF and
/// U+FF00..=U+FFFF (256 each): keep it, drop it (a quote, or a space: U+3000 weighs two
/// in a run), or the code point it becomes (never below U+0020). Made from `norm_char`
/// itself, so the two cannot disagree.
fn punctuation() -> &'static [u32; 768] {
    static TABLE: std::sync::OnceLock<[u32; 768]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [KEEP; 768];
        for (page, base) in [0x2000u32, 0x3000, 0xFF00].into_iter().enumerate() {
            for low in 0..256 {
                let Some(c) = char::from_u32(base + low) else {
                    continue;
                };
                t[page * 256 + low as usize] = match norm_char(c) {
                    Some(f) if f == c => KEEP,
                    Some(f) => f as u32,
                    None if c == '\u{3000}' => WIDE_SPACE,
                    None if is_space(c) => SPACE,
                    None => DROP,
                };
            }
        }
        t
    })
}

/// The one pass of [`Sig::norm_into`]; `runs` also measures the runs of spaces (one copy
/// of the loop for both in the page's wasm, which must stay small; natively it is inlined
/// into each).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn scan(s: &str, out: &mut String, runs: bool) -> (Sig, Spaces) {
    let b = s.as_bytes();
    let mut spaces = Spaces::default();
    let (mut len, mut marks) = (0u32, 0u32);
    let start = out.len();
    // the bytes from `run` up to the current one are copied verbatim when the run ends
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            let space = matches!(x, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
            if space || x == b'"' || x == b'\'' {
                out.push_str(&s[run..i]);
                run = i + 1;
            } else {
                len += 1;
            }
            if runs {
                spaces.step(space, 1);
                spaces.ascii |= x == b' ';
            }
            i += 1;
            continue;
        }
        if let (0xE4..=0xE9, Some(&[y, z])) = (x, b.get(i + 1..i + 3)) {
            // a three-byte character U+4000..=U+9FFF (the input is valid UTF-8): kept as
            // it is unless it is a marker or traditional (one bit in SPECIAL)
            let u = ((x as u32 & 0x0F) << 12) | ((y as u32 & 0x3F) << 6) | (z as u32 & 0x3F);
            if special(u) {
                let c = char::from_u32(u).unwrap_or('\u{FFFD}');
                marks |= mark_of(c);
                let f = trad_to_simp(c);
                if f != c {
                    out.push_str(&s[run..i]);
                    out.push(f);
                    run = i + 3;
                }
            }
            len += 1;
            if runs {
                spaces.other();
            }
            i += 3;
            continue;
        }
        if let (0xE2 | 0xE3 | 0xEF, Some(&[y, z])) = (x, b.get(i + 1..i + 3)) {
            // punctuation and full-width forms (U+2000..=U+20FF, U+3000..=U+30FF,
            // U+FF00..=U+FFFF): what `norm_char` does with each, from a table
            let u = ((x as u32 & 0x0F) << 12) | ((y as u32 & 0x3F) << 6) | (z as u32 & 0x3F);
            if let Some(page) = match u >> 8 {
                0x20 => Some(0),
                0x30 => Some(1),
                0xFF => Some(2),
                _ => None,
            } {
                let act = punctuation()[page * 256 + (u as usize & 0xFF)];
                if runs {
                    spaces.step(
                        act == SPACE || act == WIDE_SPACE,
                        if act == WIDE_SPACE { 2 } else { 1 },
                    );
                }
                match act {
                    KEEP => len += 1,
                    SPACE | WIDE_SPACE | DROP => {
                        out.push_str(&s[run..i]);
                        run = i + 3;
                    }
                    mapped => {
                        out.push_str(&s[run..i]);
                        out.push(char::from_u32(mapped).unwrap_or('\u{FFFD}'));
                        len += 1;
                        run = i + 3;
                    }
                }
                i += 3;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
        let n = c.len_utf8();
        if runs {
            spaces.step(is_space(c), if c == '\u{3000}' { 2 } else { 1 });
        }
        match norm_char(c) {
            Some(f) if f == c => len += 1,
            f => {
                out.push_str(&s[run..i]);
                if let Some(f) = f {
                    out.push(f);
                    len += 1;
                }
                run = i + n;
            }
        }
        i += n;
    }
    out.push_str(&s[run..]);
    if runs {
        spaces.other();
    }
    let sig = Sig {
        len: len.min(255) as u8,
        first: out[start..].chars().next().unwrap_or('\0'),
        marks,
    };
    (sig, spaces)
}

#[cfg(test)]
mod tests {
    use super::super::normalize::{fold_char, norm};
    use super::*;

    /// The signature by its definition, from the comparison form.
    fn reference(s: &str) -> (String, Sig) {
        let n = norm(s);
        let marks = n.chars().map(mark_of).fold(0, |a, m| a | m);
        let sig = Sig {
            len: n.chars().count().min(255) as u8,
            first: n.chars().next().unwrap_or('\0'),
            marks,
        };
        (n, sig)
    }

    #[test]
    fn one_pass_is_the_definition() {
        let texts = [
            "",
            " 第二十條 第（一）項",
            "“信息内容”\t本年新制作數量",
            "ａｂｃ　１２３\u{a0}\u{200b}x",
            "〔2023〕1号【统计】﹝﹞",
            "é ü 😀 一\r\n統計數據",
            "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}",
            "'\"‘’《》「」",
        ];
        for t in texts {
            let mut out = String::from("前");
            let g = Sig::norm_into(t, &mut out);
            let (n, r) = reference(t);
            assert_eq!(&out[3..], n, "{t:?}");
            assert_eq!(g, r, "{t:?}");
        }
        // every character of the blocks read by table, and around them
        let all: String = (0x1F00..=0xA100u32)
            .chain(0xFE00..=0x10FFF)
            .filter_map(char::from_u32)
            .collect();
        let mut out = String::new();
        Sig::norm_into(&all, &mut out);
        assert_eq!(out, norm(&all));
        let (_, g) = reference(&all);
        assert_eq!(Sig::norm_into(&all, &mut String::new()), g);
    }

    #[test]
    fn runs_of_spaces_as_the_layout_splitter_weighs_them() {
        use super::super::normalize::is_space;
        let weight = |c: char| if c == '\u{3000}' { 2 } else { 1 };
        let reference = |s: &str| {
            let (mut max, mut run) = (0, 0);
            for c in s.chars() {
                if is_space(c) {
                    run += weight(c);
                } else {
                    max = max.max(run);
                    run = 0;
                }
            }
            max.max(run)
        };
        let spaces: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| is_space(*c))
            .collect();
        for &a in &spaces {
            for t in [
                format!("甲{a}乙"),
                format!("甲{a}{a}乙"),
                format!("1{a}\u{3000}2"),
            ] {
                let (_, sp) = Sig::norm_line_into(&t, &mut String::new());
                assert_eq!(sp.max_run, reference(&t), "{t:?}");
                assert_eq!(sp.ascii, t.contains(' '), "{t:?}");
            }
        }
    }

    #[test]
    fn signatures() {
        let g = Sig::of(" 第二十條 第（一）項");
        assert_eq!((g.len, g.first), (9, '第'));
        assert!(g.has(const { mark('第') }));
        assert!(!g.has(const { mark('信') | mark('第') }));
        assert!(Sig::of("統計數").has(const { mark('统') | mark('计') | mark('数') }));
        assert_eq!(Sig::of("").len, 0);
        assert_eq!(Sig::of(&"表".repeat(300)).len, 255);
        assert_eq!(Sig::of("“信息内容”").first, '信');
        for m in MARKS {
            assert_eq!(mark_of(m), mark(m));
        }
        for c in MARKED {
            assert_ne!(mark_of(c), 0, "{c}");
        }
        // every character that folds to a marker is one
        for u in 0x4E00..=0x9FFFu32 {
            let c = char::from_u32(u).unwrap();
            if MARKS.contains(&fold_char(c)) {
                assert_eq!(mark_of(c), mark_of(fold_char(c)), "{c}");
            }
        }
    }
}
