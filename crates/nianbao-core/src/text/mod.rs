//! Stage 5, text: the prose outside the tables, read once while parsing — its lines, its
//! sentences (joined across hard line wraps and inline HTML tags, every offset mapped back
//! to the input), the table 三 figures it states, and the dates it carries. The rules only
//! read what this stage built.

pub mod applicants;
pub mod dates;
pub mod figures;
pub mod keywords;
pub mod numbers;
pub mod scope;
pub mod sentences;

pub use dates::Published;
pub use figures::Figure;
pub use keywords::kw;
pub use scope::Scope;
pub use sentences::Sentence;

use crate::base::Span;
use crate::tables::Format;

/// The prose of a report.
#[derive(Debug, Clone, Default)]
pub struct Prose<'a> {
    /// Lines of prose (outside the tables), in order.
    pub lines: Vec<Span>,
    pub sentences: Vec<Sentence<'a>>,
    /// Table 三 figures stated in the prose (X101–X107).
    pub figures: Vec<Figure>,
    /// The applicant breakdown of new applications stated in the prose (X117).
    pub applicants: Vec<applicants::Applicant>,
    /// What the report speaks of (its year, its own scope).
    pub scope: Scope,
}

/// Reads the prose lines of `text`: `heading_starts` are where the section headings start
/// (sorted), `html` whether the input is a page.
pub fn read<'a>(
    text: &'a str,
    lines: Vec<Span>,
    heading_starts: &[usize],
    html: bool,
    scope: Scope,
    format: Option<Format>,
) -> Prose<'a> {
    let sentences = sentences::sentences(text, &lines, heading_starts, html);
    let figures = figures::read(&sentences, &scope, format);
    let applicants = applicants::read(&sentences, &scope);
    Prose {
        lines,
        sentences,
        figures,
        applicants,
        scope,
    }
}
