//! Report whitespace ([`is_space`]) found by bytes: the scanners that split lines into
//! cells look at every byte of the input, and decoding characters there is the cost.

use super::Span;

/// The length in bytes of the [`is_space`] character that starts at byte `i` of `b`
/// (valid UTF-8, `i` on a character boundary), or 0.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        0x09..=0x0D | 0x20 => 1,
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        0xEF if at(1) == 0xBB && at(2) == 0xBF => 3,
        _ => 0,
    }
}

/// Bytes that can start an [`is_space`] character.
const LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let leads = [
        0x09u8, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF,
    ];
    let mut i = 0;
    while i < leads.len() {
        t[leads[i] as usize] = true;
        i += 1;
    }
    t
};

/// The first space character at or after byte `from`: (start, length).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn next_space(b: &[u8], mut from: usize) -> Option<(usize, usize)> {
    while from < b.len() {
        if LEAD[b[from] as usize] {
            let n = space_len(b, from);
            if n > 0 {
                return Some((from, n));
            }
        }
        from += 1;
    }
    None
}

/// Trims report whitespace off `text[start..end]`, returning the trimmed span.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn trim_span(text: &str, mut start: usize, mut end: usize) -> Span {
    let b = text.as_bytes();
    while start < end {
        let n = space_len(b, start);
        if n == 0 {
            break;
        }
        start += n;
    }
    while end > start {
        // the last character: back up over continuation bytes
        let mut k = end - 1;
        while k > start && b[k] & 0xC0 == 0x80 {
            k -= 1;
        }
        if space_len(b, k) != end - k {
            break;
        }
        end = k;
    }
    Span::new(start, end)
}

/// Trims report whitespace off both ends of `s`.
pub fn trim(s: &str) -> &str {
    let sp = trim_span(s, 0, s.len());
    &s[sp.start..sp.end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::normalize::is_space;

    #[test]
    fn every_character_is_classified_as_is_space_does() {
        let mut buf = [0u8; 4];
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let s = c.encode_utf8(&mut buf);
            let n = space_len(s.as_bytes(), 0);
            assert_eq!(n > 0, is_space(c), "U+{u:04X}");
            if n > 0 {
                assert_eq!(n, s.len());
            }
        }
    }

    #[test]
    fn trimming_matches_the_char_version() {
        for s in [
            "",
            "  ",
            "\u{3000}规章\u{a0} ",
            "\u{feff}x\u{200b}",
            "a b",
            " \t表三\u{2028}",
            "\u{2003}",
            "é",
        ] {
            let want = s.trim_start_matches(is_space).trim_end_matches(is_space);
            assert_eq!(trim(s), want, "{s:?}");
        }
        assert_eq!(next_space("规章 0".as_bytes(), 0), Some(("规章".len(), 1)));
        assert_eq!(next_space("规章".as_bytes(), 0), None);
    }
}
