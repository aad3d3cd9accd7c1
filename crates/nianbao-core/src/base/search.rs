//! Substring search through memchr's `memmem` (Rabin–Karp on short texts, vectorised on
//! long ones) in place of `str::find` / `match_indices`, whose Two-Way searcher costs
//! more to set up than most clauses take to search. Needles are never empty, so every
//! offset found is a char boundary of the haystack.

/// The byte offset of the first `needle` in `hay`.
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    debug_assert!(!needle.is_empty());
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// The byte offset of the last `needle` in `hay`.
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    debug_assert!(!needle.is_empty());
    memchr::memmem::rfind(hay.as_bytes(), needle.as_bytes())
}

/// The byte offsets of the non-overlapping `needle`s in `hay`, as `str::match_indices`
/// (short haystacks are searched again from each match: building a vectorised finder
/// costs more than searching a clause).
pub fn find_iter<'h, 'n>(hay: &'h str, needle: &'n str) -> impl Iterator<Item = usize> + 'h
where
    'n: 'h,
{
    debug_assert!(!needle.is_empty());
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let mut long = (h.len() >= 256).then(|| memchr::memmem::find_iter(h, n));
    let mut at = 0;
    std::iter::from_fn(move || match &mut long {
        Some(it) => it.next(),
        None => {
            let i = at + memchr::memmem::find(h.get(at..)?, n)?;
            at = i + n.len();
            Some(i)
        }
    })
}

/// A 64-bit set of the characters of `s` (hashed): when `bloom(needle) & !bloom(hay)` is
/// not zero, `hay` cannot contain `needle` — a test of a few instructions before a
/// search.
pub fn bloom(s: &str) -> u64 {
    s.chars().fold(0, |b, c| {
        b | 1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
    })
}

/// Can `hay`, whose [`bloom`] is `hay_bloom`, contain `needle`?
#[inline]
pub fn may_contain(hay_bloom: u64, needle: &str) -> bool {
    bloom(needle) & !hay_bloom == 0
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
        ] {
            assert_eq!(find(h, n), h.find(n), "{h} {n}");
            assert_eq!(rfind(h, n), h.rfind(n), "{h} {n}");
            let std: Vec<usize> = h.match_indices(n).map(|(i, _)| i).collect();
            assert_eq!(find_iter(h, n).collect::<Vec<_>>(), std, "{h} {n}");
            if h.contains(n) {
                assert!(may_contain(bloom(h), n));
            }
        }
    }
}
