//! A cell's signature: what its comparison form ([`super::normalize::norm`]) holds, read in
//! one pass when the document is built — how many characters, the first one, and which
//! of a few marker characters. The stages that look for labels and anchors test the
//! signature first and normalise only the cells that can match.

use super::normalize::{fold_char, norm_char};

/// The marker characters (in comparison form: `數` counts as `数`). Each stands for the
/// labels that contain it.
const MARKS: [char; 16] = [
    '第', '信', '稽', '收', '申', '行', '数', '请', '答', '统', '计', '度', '报', '政', '年', '金',
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
const MARKED: [char; 21] = [
    '第', '信', '稽', '收', '申', '行', '数', '數', '请', '請', '答', '统', '統', '计', '計', '度',
    '报', '報', '政', '年', '金',
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

/// The marker a character stands for, in either script (`數` is `数`).
#[inline]
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
        let (mut len, mut first, mut marks) = (0u32, '\0', 0);
        for c in s.chars() {
            // ideographs, most of the text: always kept; the markers are among them
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                if len == 0 {
                    first = fold_char(c);
                }
                len += 1;
                let k = c as usize - 0x4E00;
                if MARK_BITS[k / 64] & (1 << (k % 64)) != 0 {
                    marks |= mark_of(c);
                }
                continue;
            }
            let Some(f) = norm_char(c) else { continue };
            if len == 0 {
                first = f;
            }
            len += 1;
        }
        Sig {
            len: len.min(255) as u8,
            first,
            marks,
        }
    }
    /// Does the comparison form contain every marker of `marks`?
    #[inline]
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

#[cfg(test)]
mod tests {
    use super::*;

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
