//! Substring search for sentence-sized texts, in place of `str::find` / `match_indices`,
//! whose Two-Way searcher costs more to set up than most clauses take to search. Long
//! texts go to memchr's vectorised `memmem` natively and to the standard library in the
//! page's wasm (memmem would add to its size). Needles are never empty, so every offset
//! found is a char boundary of the haystack.

/// The byte offset of the first `needle` in `hay`. A sentence-sized haystack is searched
/// for one byte of the needle with memchr, each hit verified: the third byte of a Chinese
/// needle (the last of its first character) is one of 64 values and rare, and nothing has
/// to be set up.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    debug_assert!(!needle.is_empty());
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if h.len() >= 512 || n.len() < 3 {
        return long_find(hay, needle);
    }
    let k = 2;
    let mut from = k;
    while from < h.len() {
        let i = from + memchr::memchr(n[k], &h[from..])?;
        let start = i - k;
        if h[start..].starts_with(n) {
            return Some(start);
        }
        from = i + 1;
    }
    None
}

/// Does `hay` contain `needle`? ([`find`].)
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

#[cfg(not(target_arch = "wasm32"))]
fn long_find(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

#[cfg(target_arch = "wasm32")]
fn long_find(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle)
}

/// The byte offsets of the non-overlapping `needle`s in `hay`, as `str::match_indices`
/// (short haystacks are searched again from each match: building a vectorised finder
/// costs more than searching a clause).
pub fn find_iter<'h, 'n>(hay: &'h str, needle: &'n str) -> impl Iterator<Item = usize> + 'h
where
    'n: 'h,
{
    debug_assert!(!needle.is_empty());
    let n = needle.len();
    #[cfg(not(target_arch = "wasm32"))]
    let mut long =
        (hay.len() >= 256).then(|| memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()));
    #[cfg(target_arch = "wasm32")]
    let mut long = (hay.len() >= 256).then(|| hay.match_indices(needle).map(|(i, _)| i));
    let mut at = 0;
    std::iter::from_fn(move || match &mut long {
        Some(it) => it.next(),
        None => {
            let i = at + find(hay.get(at..)?, needle)?;
            at = i + n;
            Some(i)
        }
    })
}

/// A 128-bit set of the characters of a text (hashed): when a needle has a character
/// the set lacks, the text cannot contain it — a test of a few instructions before a
/// search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bloom(u128);

impl Bloom {
    /// The set of `s`'s characters.
    pub fn of(s: &str) -> Bloom {
        let mut b = Bloom::default();
        s.chars().for_each(|c| b.insert(c));
        b
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn insert(&mut self, c: char) {
        self.insert_code(c as u32);
    }
    /// Inserts the character with code point `u`.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn insert_code(&mut self, u: u32) {
        self.0 |= 1 << (u.wrapping_mul(0x9E37_79B1) >> 25);
    }
    /// Can the text contain `needle`?
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn may_contain(self, needle: &str) -> bool {
        Bloom::of(needle).0 & !self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_search() {
        let long = "政府信息公开申请".repeat(20) + "结转下年度";
        for (h, n) in [
            ("受理政府信息公开申请3件", "申请"),
            ("申请申请申请", "申请申"),
            ("", "件"),
            ("abc", "abcd"),
            (long.as_str(), "结转下年"),
            (long.as_str(), "申请"),
            (&long[..long.len() - 15], "申请"),
            ("aaaab", "aab"),
            ("申请申请结转", "请结转"),
            ("x", "abc"),
            ("请", "请"),
        ] {
            assert_eq!(find(h, n), h.find(n), "{h} {n}");
            assert_eq!(contains(h, n), h.contains(n), "{h} {n}");
            let std: Vec<usize> = h.match_indices(n).map(|(i, _)| i).collect();
            assert_eq!(find_iter(h, n).collect::<Vec<_>>(), std, "{h} {n}");
            if h.contains(n) {
                assert!(Bloom::of(h).may_contain(n));
            }
        }
    }
}
