//! Byte spans into the decoded input.

use serde::{Serialize, Serializer};

/// A half-open byte range `[start, end)` into the decoded input, on char boundaries.
/// Serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    /// The text the span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}
