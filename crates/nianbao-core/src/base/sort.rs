//! Sorting through one small function. Each use of the standard library's sorts
//! instantiates kilobytes of code, and the page's wasm has a size budget: there every sort
//! of the crate (and of the web app) is one heapsort (in place, O(n log n), not stable);
//! natively it is the standard library's unstable sort. Neither is stable: callers sort by
//! keys under which equal elements are interchangeable.

use std::cmp::Ordering;

/// Sorts `v` by `cmp` (unstable).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable_by(cmp);
    #[cfg(target_arch = "wasm32")]
    heapsort(v, &|a, b| cmp(a, b) == Ordering::Less);
}

/// Sorts `v` by a key (unstable).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// Sorts `v` (unstable).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// Heapsort: the wasm build's sort (tested natively against the standard library's).
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn heapsort<T>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let sift = |v: &mut [T], mut node: usize, end: usize| loop {
        let mut child = 2 * node + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            break;
        }
        v.swap(node, child);
        node = child;
    };
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::heapsort;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heapsort_sorts_like_the_standard_library(mut v in proptest::collection::vec((0u8..8, 0u16..2000), 0..300)) {
            let mut expected = v.clone();
            expected.sort();
            heapsort(&mut v, &|a, b| a < b);
            prop_assert_eq!(v, expected);
        }
    }

    #[test]
    fn heapsort_small_and_sorted_inputs() {
        for n in 0..40usize {
            let mut up: Vec<usize> = (0..n).collect();
            let mut down: Vec<usize> = (0..n).rev().collect();
            heapsort(&mut up, &|a, b| a < b);
            heapsort(&mut down, &|a, b| a < b);
            assert_eq!(up, (0..n).collect::<Vec<_>>());
            assert_eq!(down, up);
        }
    }
}
