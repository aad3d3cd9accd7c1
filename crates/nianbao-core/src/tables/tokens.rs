//! A table region's cells as tokens (format.md §9.2): `Value` (a number or placeholder),
//! `Empty` (an explicit empty cell of a tab/pipe/HTML row) or `Text`. Page numbers are
//! dropped. A token is a reference to its cell in the document, so a large region costs
//! a few bytes per cell.

use crate::base::mark;
use crate::base::value::{self, Value};
use crate::base::{Decimal, Span};
use crate::document::{Cell, Doc, LineKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TK {
    Empty,
    Value,
    Text,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// The cell's document-wide index.
    pub cell: u32,
    /// The line's index in the document.
    pub line: u32,
    pub kind: TK,
    pub line_kind: LineKind,
}

/// The tokens of a region of lines.
pub(super) struct Tokens<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub toks: Vec<Tok>,
}

impl<'d, 'a> Tokens<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, lines: std::ops::Range<usize>) -> Self {
        let mut toks = Vec::new();
        for li in lines {
            let line = doc.line(li);
            let kind = line.kind();
            for (k, c) in line.cells().enumerate() {
                if kind != LineKind::Row && c.is_empty() {
                    continue;
                }
                if is_page_number(c.text, c.sig.has(const { mark('页') })) {
                    continue;
                }
                let tk = if c.is_empty() {
                    TK::Empty
                } else {
                    match value::read(c.text).value {
                        Value::Number(_) | Value::Placeholder => TK::Value,
                        _ => TK::Text,
                    }
                };
                toks.push(Tok {
                    cell: (line.first_cell() + k) as u32,
                    line: li as u32,
                    kind: tk,
                    line_kind: kind,
                });
            }
        }
        Tokens { doc, toks }
    }
    /// The comparison form of a text token ([`crate::base::normalize::norm`]); empty for
    /// values and blanks.
    pub fn norm(&self, i: usize) -> &'d str {
        match self.toks[i].kind {
            TK::Text => self.cell(i).norm,
            _ => "",
        }
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn cell(&self, i: usize) -> Cell<'d> {
        self.doc.cell_at(self.toks[i].cell as usize)
    }
    pub fn span(&self, i: usize) -> Span {
        self.cell(i).span
    }
    pub fn text(&self, i: usize) -> &'d str {
        self.cell(i).text
    }
    /// The value for arithmetic of a `Value` token (a placeholder counts as 0).
    pub fn num(&self, i: usize) -> Decimal {
        match value::read(self.text(i)).value {
            Value::Number(d) => d,
            _ => Decimal::ZERO,
        }
    }
    /// The span covering every non-empty token.
    pub fn region_span(&self) -> Span {
        (0..self.len())
            .filter(|&i| self.toks[i].kind != TK::Empty)
            .map(|i| self.span(i))
            .reduce(Span::cover)
            .unwrap_or_default()
    }
}

/// Is the cell a page number? `has_page` says whether it holds 页 (from its signature).
fn is_page_number(t: &str, has_page: bool) -> bool {
    if t == "\u{0c}" {
        return true;
    }
    // the text without whitespace, read without building it
    let s = || t.chars().filter(|c| !c.is_whitespace());
    let Some(first) = s().next() else {
        return false;
    };
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－');
    // `-N-` starts with a dash; every other form holds 页
    if !dash(first) && !has_page {
        return false;
    }
    let Some(last) = s().next_back() else {
        return false;
    };
    let trimmed = |c: char| dash(c) || c == '·';
    // `- 12 -`: dashes (or `·`) around one run of digits, a dash at both ends
    let dashed = dash(first) && dash(last) && {
        let (mut digits, mut after) = (0, false);
        let mut ok = true;
        for c in s().skip_while(|c| trimmed(*c)) {
            if c.is_ascii_digit() && !after {
                digits += 1;
            } else if trimmed(c) {
                after = true;
            } else {
                ok = false;
                break;
            }
        }
        ok && digits > 0
    };
    let paged = ((first == '第' || first == '共') && last == '页')
        || (has_page && s().zip(s().skip(1)).any(|(a, b)| a == '页' && b == '共'));
    dashed || paged
}

#[cfg(test)]
mod tests {
    use super::is_page_number;

    /// The definition: the text without whitespace is `-N-` or `第…页`, `共…页`, `…页共…`.
    fn reference(t: &str) -> bool {
        let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let inner = s.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
        let dashed = inner.len() < s.len()
            && !inner.is_empty()
            && inner.chars().all(|c| c.is_ascii_digit())
            && s.starts_with(['-', '—', '–', '－'])
            && s.ends_with(['-', '—', '–', '－']);
        let paged = (s.starts_with('第') && s.ends_with('页'))
            || s.contains("页共")
            || (s.starts_with('共') && s.ends_with('页'));
        dashed || paged || t == "\u{0c}"
    }

    #[test]
    fn page_numbers_as_defined() {
        let pieces = [
            "-", "—", "·", " ", "1", "23", "第", "页", "共", "x", "\u{0c}", "－",
        ];
        // every text of up to four pieces
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let next: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(next);
        }
        texts.push("第 3 页 共 12 页".into());
        texts.push("- 12 -".into());
        for t in &texts {
            assert_eq!(is_page_number(t, t.contains('页')), reference(t), "{t:?}");
        }
    }
}
