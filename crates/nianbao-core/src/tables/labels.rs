//! Finding the row labels among a region's text tokens (format.md §9.1): a label broken over
//! lines or cells is joined; a piece right after a row label, before any value, continues
//! it. What each label is comes from the table's `classify`, which sees the label's
//! comparison form.

use super::tokens::{Tokens, TK};
use crate::base::Span;
use crate::document::LineKind;

/// What a label token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Index into the table's row enum (`T2Row`/`T3Row` as usize).
    Row(u8),
    Subtotal,
    /// A known local row (表二 `其他主动公开文件`).
    Local,
    Group,
    Header,
    Unknown,
}

/// A label: tokens `first..=last` (its text tokens, joined, are the label's text).
#[derive(Debug, Clone, Copy)]
pub(super) struct Label {
    pub class: Class,
    pub first: u32,
    pub last: u32,
}

impl Label {
    pub fn first(&self) -> usize {
        self.first as usize
    }
    pub fn last(&self) -> usize {
        self.last as usize
    }
    pub fn span(&self, t: &Tokens) -> Span {
        t.span(self.first()).cover(t.span(self.last()))
    }
    /// The label as written: its text tokens joined.
    pub fn text(&self, t: &Tokens) -> String {
        (self.first()..=self.last())
            .filter(|&k| t.toks[k].kind == TK::Text)
            .map(|k| t.text(k))
            .collect()
    }
}

/// Finds the labels among the text tokens. `classify` takes a normalised label.
pub(super) fn find_labels(t: &Tokens, classify: &dyn Fn(&str) -> Class) -> Vec<Label> {
    let toks = &t.toks;
    let single: Vec<Option<Class>> = (0..toks.len())
        .map(|i| (toks[i].kind == TK::Text).then(|| classify(t.norm(i))))
        .collect();
    let mut labels: Vec<Label> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(first) = single[i] else {
            i += 1;
            continue;
        };
        let mut class = first;
        let mut last = i;
        // a label broken over lines or cells: join it with the following text tokens (not
        // within a structured row, whose cells are whole)
        if class == Class::Unknown && toks[i].line_kind != LineKind::Row {
            let mut joined = t.norm(i).to_string();
            let mut j = i + 1;
            let mut parts = 1;
            while j < toks.len() && parts < 4 && joined.len() < 200 {
                match toks[j].kind {
                    TK::Empty => {}
                    TK::Value => break,
                    TK::Text => {
                        joined.push_str(t.norm(j));
                        parts += 1;
                        let c = classify(&joined);
                        if c != Class::Unknown {
                            // do not swallow a token that is a label on its own
                            if single[j] == Some(Class::Unknown) || matches!(c, Class::Row(_)) {
                                class = c;
                                last = j;
                            }
                            break;
                        }
                    }
                }
                j += 1;
            }
        }
        // a piece right after a row label, before any value, continues that label; in a
        // structured row the next cell is a cell of its own, not a continuation
        if class == Class::Unknown {
            if let Some(prev) = labels.last_mut() {
                let between_values = (prev.last() + 1..i).any(|k| toks[k].kind == TK::Value);
                let same_row =
                    toks[i].line_kind == LineKind::Row && toks[i].line == toks[prev.last()].line;
                if matches!(prev.class, Class::Row(_) | Class::Subtotal | Class::Local)
                    && !between_values
                    && !same_row
                {
                    prev.last = i as u32;
                    i += 1;
                    continue;
                }
            }
        }
        labels.push(Label {
            class,
            first: i as u32,
            last: last as u32,
        });
        i = last + 1;
    }
    labels
}
