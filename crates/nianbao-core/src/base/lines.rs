//! Byte offsets ↔ line/column ↔ UTF-16 offsets.
//!
//! Everything inside the core works on UTF-8 byte offsets into the decoded input. Line and
//! column (1-based, columns counted in Unicode scalar values) and UTF-16 offsets (what a
//! browser `<textarea>` selection uses) are computed here, at the edges only.

/// Precomputed line starts of one text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the first byte of every line. `starts[0] == 0`.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// 0-based line containing `byte` (clamped to the text).
    pub fn line_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of 0-based line `line`, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line)?;
        let mut end = self.starts.get(line + 1).map(|s| s - 1).unwrap_or(self.len);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Some((start, end))
    }

    /// 1-based line and 1-based column in characters. A byte offset inside a multi-byte
    /// character counts as that character.
    pub fn line_col(&self, text: &str, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(text, byte.min(self.len));
        let line = self.line_of(byte);
        let col = text[self.starts[line]..byte].chars().count();
        (line + 1, col + 1)
    }

    /// Byte offset of 1-based `line` and 1-based character `col`, if it exists.
    pub fn byte_of_line_col(&self, text: &str, line: usize, col: usize) -> Option<usize> {
        let l0 = line.checked_sub(1)?;
        let start = *self.starts.get(l0)?;
        // the line including its terminator: a position on `\r` or `\n` is a column too
        let end = self.starts.get(l0 + 1).copied().unwrap_or(self.len);
        let col0 = col.checked_sub(1)?;
        let slice = &text[start..end];
        let mut count = 0;
        for (i, _) in slice.char_indices() {
            if count == col0 {
                return Some(start + i);
            }
            count += 1;
        }
        (count == col0).then_some(end)
    }
}

impl LineIndex {
    /// [`LineIndex::line_col`] of many offsets at once, in one pass over the text: the
    /// columns of offsets on one long line are counted once, not from the line's start for
    /// each. Returns (offset, (line, column)) sorted by offset, for [`lookup`].
    pub fn line_cols(&self, text: &str, offsets: Vec<usize>) -> Vec<(usize, (usize, usize))> {
        // sorted as (usize, usize) pairs: a sort the page's wasm has already
        let mut pairs: Vec<(usize, usize)> = offsets.into_iter().map(|o| (o, 0)).collect();
        super::sort::sort(&mut pairs);
        let mut offsets: Vec<usize> = pairs.into_iter().map(|p| p.0).collect();
        offsets.dedup();
        let mut out = Vec::with_capacity(offsets.len());
        let mut prev: Option<(usize, usize, usize)> = None; // (byte, line, column)
        for o in offsets {
            let byte = floor_char_boundary(text, o.min(self.len));
            let line = self.line_of(byte);
            let col = match prev {
                Some((pb, pl, pc)) if pl == line && pb <= byte => {
                    pc + text[pb..byte].chars().count()
                }
                _ => 1 + text[self.starts[line]..byte].chars().count(),
            };
            prev = Some((byte, line, col));
            out.push((o, (line + 1, col)));
        }
        out
    }
}

/// The (line, column) of `offset` in a table made by [`LineIndex::line_cols`].
pub fn lookup(table: &[(usize, (usize, usize))], offset: usize) -> (usize, usize) {
    match table.binary_search_by_key(&offset, |x| x.0) {
        Ok(i) => table[i].1,
        Err(_) => (1, 1),
    }
}

/// UTF-16 code-unit offset of byte offset `byte`.
pub fn utf16_of_byte(text: &str, byte: usize) -> usize {
    let byte = floor_char_boundary(text, byte.min(text.len()));
    text[..byte].chars().map(char::len_utf16).sum()
}

/// [`utf16_of_byte`] of every offset in `bytes` (in any order, repeated, inside a char or
/// past the end), in one pass over `text` however many there are: the editor's markers of
/// every finding.
pub fn utf16_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    crate::base::sort::sort_by_key(&mut order, |&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut at, mut units) = (0, 0);
    for i in order {
        let b = floor_char_boundary(text, bytes[i]);
        units += text[at..b].chars().map(char::len_utf16).sum::<usize>();
        at = b;
        out[i] = units;
    }
    out
}

/// Byte offset of UTF-16 offset `u16` (an offset inside a surrogate pair rounds down).
pub fn byte_of_utf16(text: &str, u16: usize) -> usize {
    let mut acc = 0;
    for (i, c) in text.char_indices() {
        if acc + c.len_utf16() > u16 {
            return i;
        }
        acc += c.len_utf16();
    }
    text.len()
}

/// The largest char boundary `<= byte`.
pub fn floor_char_boundary(text: &str, mut byte: usize) -> usize {
    if byte >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str = "a\u{1F600}b\r\n表三\n\n\t𝄞x\u{0301}\r\nend\n";

    #[test]
    fn line_col_counts_chars_and_handles_crlf() {
        let idx = LineIndex::new(NASTY);
        assert_eq!(idx.line_col(NASTY, 0), (1, 1));
        let b = NASTY.find('b').unwrap();
        assert_eq!(idx.line_col(NASTY, b), (1, 3));
        let t = NASTY.find('表').unwrap();
        assert_eq!(idx.line_col(NASTY, t), (2, 1));
        assert_eq!(idx.line_col(NASTY, t + 3), (2, 2));
        // a byte inside a multi-byte char counts as that char
        assert_eq!(idx.line_col(NASTY, t + 1), (2, 1));
        let e = NASTY.find("end").unwrap();
        assert_eq!(idx.line_col(NASTY, e), (5, 1));
        assert_eq!(
            idx.line_range(NASTY, 0),
            Some((0, NASTY.find('\r').unwrap()))
        );
    }

    #[test]
    fn every_boundary_round_trips() {
        for text in [NASTY, "", "\n", "x", "\r\n\r\n", "周口\u{200d}👩‍👩‍👧"] {
            let idx = LineIndex::new(text);
            for (b, _) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                let (l, c) = idx.line_col(text, b);
                let back = idx.byte_of_line_col(text, l, c);
                // a position on a '\r' before '\n' maps to itself too
                assert_eq!(back, Some(b), "text {text:?} byte {b}");
                let u = utf16_of_byte(text, b);
                assert_eq!(byte_of_utf16(text, u), b);
            }
        }
    }

    #[test]
    fn many_offsets_at_once_agree_with_one_by_one() {
        for text in [NASTY, "", "一二三\n四五", &"表".repeat(300)] {
            let idx = LineIndex::new(text);
            let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
            let table = idx.line_cols(text, offsets.clone());
            for o in offsets {
                assert_eq!(lookup(&table, o), idx.line_col(text, o), "{text:?} {o}");
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let s = "a😀b";
        assert_eq!(utf16_of_byte(s, s.find('b').unwrap()), 3);
        // inside a surrogate pair rounds down to the char start
        assert_eq!(byte_of_utf16(s, 2), 1);
        assert_eq!(byte_of_utf16(s, 99), s.len());
    }

    #[test]
    fn offsets_at_once_agree_with_one_by_one() {
        for text in [NASTY, "", "a😀b", "周口\u{200d}👩‍👩‍👧", &"表😀".repeat(50)]
        {
            // unsorted, repeated, inside chars, past the end
            let bytes: Vec<usize> = (0..=text.len() + 3)
                .rev()
                .chain([1, 1, 0, text.len(), 2])
                .collect();
            let at = utf16_offsets(text, &bytes);
            for (b, u) in bytes.iter().zip(at) {
                assert_eq!(u, utf16_of_byte(text, *b), "{text:?} byte {b}");
            }
        }
    }
}
