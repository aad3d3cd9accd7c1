//! Stage 2, document: every input shape becomes one [`Doc`] — lines of cells, each cell
//! with its exact byte span in the decoded input. The later stages only ever see a `Doc`,
//! so a new input shape is a new way to build one (`text.rs`, `html/`).
//!
//! The document is flat and small: all cells in one vector, offsets as `u32`, and a cell's
//! text is a slice of the input unless the input encodes it (HTML entities, tags inside a
//! cell), so a 10 MB input costs tens of bytes per cell, not an allocation per cell.
//! Each cell's comparison form ([`crate::base::normalize::norm`]) and signature are made
//! in the same pass when the cell is added, into one string for the whole document: no
//! later stage normalises a cell again.

pub mod html;
mod paragraphs;
mod text;

use crate::base::{Sig, Span};
use crate::input::Shape;
use std::borrow::Cow;

pub use crate::base::spaces::trim_span;

/// How a line was split into cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Plain text: one cell (prose, a heading, or one cell per line from a PDF).
    Text,
    /// Cells separated by tabs or `|`, or an HTML `<tr>`: cell positions are meaningful and
    /// empty cells are real.
    Row,
    /// Cells separated by runs of spaces (`pdftotext -layout`).
    Layout,
}

/// Most cells a line can have and still be a table row; a line with more is read as one
/// text cell (no official table has more than 16 cells in a row).
pub const MAX_CELLS: usize = 512;

#[derive(Debug, Clone, Copy)]
struct LineData {
    start: u32,
    end: u32,
    first: u32,
    count: u32,
    kind: LineKind,
    in_html_table: bool,
}

/// `NONE`: the cell's text is its span of the input; otherwise an index into `decoded`.
const SOURCE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct CellData {
    start: u32,
    end: u32,
    text: u32,
    /// Where the comparison form stands in `Doc::norms`.
    norm_start: u32,
    norm_end: u32,
    sig: Sig,
}

/// The document: lines of cells over the decoded input.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub src: &'a str,
    pub shape: Shape,
    lines: Vec<LineData>,
    cells: Vec<CellData>,
    /// Cell texts that are not slices of the input (decoded HTML).
    decoded: Vec<Box<str>>,
    /// Every cell's comparison form, one after the other.
    norms: String,
}

/// One cell: its text as the user sees it (entities decoded, trimmed), where it stands,
/// and the signature of its comparison form.
#[derive(Debug, Clone, Copy)]
pub struct Cell<'d> {
    pub span: Span,
    pub text: &'d str,
    /// The text's comparison form ([`crate::base::normalize::norm`]).
    pub norm: &'d str,
    pub sig: Sig,
}

impl Cell<'_> {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// One line of the document.
#[derive(Debug, Clone, Copy)]
pub struct Line<'d> {
    doc: &'d Doc<'d>,
    data: LineData,
}

impl<'d> Line<'d> {
    pub fn span(&self) -> Span {
        Span::new(self.data.start as usize, self.data.end as usize)
    }
    pub fn kind(&self) -> LineKind {
        self.data.kind
    }
    /// True for lines that come from inside an HTML `<table>`.
    pub fn in_html_table(&self) -> bool {
        self.data.in_html_table
    }
    /// The cells, in order.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn cells(&self) -> impl DoubleEndedIterator<Item = Cell<'d>> + ExactSizeIterator + 'd {
        let doc = self.doc;
        let (a, n) = (self.data.first as usize, self.data.count as usize);
        (a..a + n).map(move |i| doc.cell_at(i))
    }
    pub fn cell_count(&self) -> usize {
        self.data.count as usize
    }
    /// The document-wide index of the line's first cell (see [`Doc::cell_at`]).
    pub fn first_cell(&self) -> usize {
        self.data.first as usize
    }
    /// The non-empty cells.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn filled(&self) -> impl Iterator<Item = Cell<'d>> + 'd {
        self.cells().filter(|c| !c.is_empty())
    }
    /// The signature of the line's text (its non-empty cells joined).
    pub fn sig(&self) -> Sig {
        self.filled().fold(Sig::default(), |a, c| a.join(c.sig))
    }
    /// The comparison form of [`Line::text`] (the cells' forms joined: `norm` drops the
    /// joining space).
    pub fn norm(&self) -> Cow<'d, str> {
        let mut cells = self.filled();
        let Some(first) = cells.next() else {
            return Cow::Borrowed("");
        };
        match cells.next() {
            None => Cow::Borrowed(first.norm),
            Some(second) => {
                let mut out = String::with_capacity(first.norm.len() + second.norm.len());
                out.push_str(first.norm);
                out.push_str(second.norm);
                cells.for_each(|c| out.push_str(c.norm));
                Cow::Owned(out)
            }
        }
    }
    /// Is every cell empty?
    pub fn is_blank(&self) -> bool {
        self.cells().all(|c| c.is_empty())
    }
    /// The whole line's text, for headings and prose: a `Text` line's only cell, or the
    /// non-empty cells of a `Row`/`Layout` line joined by a space.
    pub fn text(&self) -> Cow<'d, str> {
        match self.data.kind {
            LineKind::Text => Cow::Borrowed(self.cells().next().map(|c| c.text).unwrap_or("")),
            _ => {
                let mut out = String::new();
                for c in self.filled() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(c.text);
                }
                Cow::Owned(out)
            }
        }
    }
}

impl<'a> Doc<'a> {
    fn new(src: &'a str, shape: Shape) -> Self {
        Doc {
            src,
            shape,
            lines: Vec::new(),
            cells: Vec::new(),
            decoded: Vec::new(),
            norms: String::new(),
        }
    }
    pub fn len(&self) -> usize {
        self.lines.len()
    }
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
    pub fn line(&self, i: usize) -> Line<'_> {
        Line {
            doc: self,
            data: self.lines[i],
        }
    }
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = Line<'_>> + ExactSizeIterator + '_ {
        self.lines.iter().map(move |&data| Line { doc: self, data })
    }
    /// The cell with a document-wide index (cells are numbered in reading order).
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn cell_at(&self, i: usize) -> Cell<'_> {
        let c = &self.cells[i];
        let span = Span::new(c.start as usize, c.end as usize);
        let norm_start = c.norm_start as usize;
        let text = if c.text == SOURCE {
            &self.src[span.start..span.end]
        } else {
            &self.decoded[c.text as usize]
        };
        Cell {
            span,
            text,
            norm: &self.norms[norm_start..c.norm_end as usize],
            sig: c.sig,
        }
    }

    // building

    /// Adds a cell whose text is its span of the input.
    fn push_cell(&mut self, span: Span) {
        let norm_start = self.norms.len() as u32;
        let sig = Sig::norm_into(&self.src[span.start..span.end], &mut self.norms);
        self.cells.push(CellData {
            start: span.start as u32,
            end: span.end as u32,
            text: SOURCE,
            norm_start,
            norm_end: self.norms.len() as u32,
            sig,
        });
    }
    /// Adds a cell whose text is its span of the input and whose comparison form was
    /// just appended to `norms` from `norm_start` on.
    fn push_scanned_cell(&mut self, span: Span, norm_start: usize, sig: Sig) {
        self.cells.push(CellData {
            start: span.start as u32,
            end: span.end as u32,
            text: SOURCE,
            norm_start: norm_start as u32,
            norm_end: self.norms.len() as u32,
            sig,
        });
    }
    /// Adds a cell with its own text (decoded HTML); stored only when it differs from the
    /// input at `span`.
    fn push_cell_text(&mut self, span: Span, text: Cow<'_, str>) {
        if &self.src[span.start..span.end] == text.as_ref() {
            return self.push_cell(span);
        }
        let i = self.decoded.len() as u32;
        let norm_start = self.norms.len() as u32;
        let sig = Sig::norm_into(&text, &mut self.norms);
        self.decoded.push(text.into_owned().into_boxed_str());
        self.cells.push(CellData {
            start: span.start as u32,
            end: span.end as u32,
            text: i,
            norm_start,
            norm_end: self.norms.len() as u32,
            sig,
        });
    }
    /// Drops the cells from `first` on.
    fn truncate_cells(&mut self, first: usize) {
        self.cells.truncate(first);
        let end = self.cells.last().map(|c| c.norm_end).unwrap_or(0);
        self.norms.truncate(end as usize);
    }
    /// The number of cells added so far: where the next line's cells start.
    fn mark(&self) -> usize {
        self.cells.len()
    }
    /// Adds line `i` of `old` (a document over the same input) as it is.
    fn copy_line(&mut self, old: &Doc, i: usize) {
        let l = old.lines[i];
        let first = self.mark();
        for c in &old.cells[l.first as usize..(l.first + l.count) as usize] {
            let norm_start = self.norms.len() as u32;
            self.norms
                .push_str(&old.norms[c.norm_start as usize..c.norm_end as usize]);
            let text = if c.text == SOURCE {
                SOURCE
            } else {
                self.decoded.push(old.decoded[c.text as usize].clone());
                (self.decoded.len() - 1) as u32
            };
            self.cells.push(CellData {
                text,
                norm_start,
                norm_end: self.norms.len() as u32,
                ..*c
            });
        }
        self.lines.push(LineData {
            first: first as u32,
            ..l
        });
    }
    /// Ends a line whose cells were added since `first`.
    fn push_line(&mut self, span: Span, first: usize, kind: LineKind, in_html_table: bool) {
        self.lines.push(LineData {
            start: span.start as u32,
            end: span.end as u32,
            first: first as u32,
            count: (self.cells.len() - first) as u32,
            kind,
            in_html_table,
        });
    }
}

/// Builds the document of `text` read as `shape`. Inputs are bounded by the caller to
/// less than 4 GiB (offsets are `u32`).
pub fn build(text: &str, shape: Shape) -> Doc<'_> {
    debug_assert!(text.len() < u32::MAX as usize);
    match shape {
        Shape::Html => html::to_doc(text),
        s => text::from_text(text, s),
    }
}
