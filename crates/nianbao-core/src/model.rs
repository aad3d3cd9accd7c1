//! The parsed report — what the rules see — and [`parse`], which builds it stage by stage.
//! Every heading, cell and sentence knows its span in `text`.

use crate::base::Span;
use crate::input::Shape;
use crate::structure::{heading_of, Heading, Kind, Meta, SectionKey, Title};
use crate::tables::{Format, FormatSource, TableId, TableModel, Tables};
use crate::text::{Prose, Published, Scope};
use crate::{document, structure, tables, text};

#[derive(Debug, Clone)]
pub struct Model<'a> {
    /// The decoded input every span points into.
    pub text: &'a str,
    pub shape: Shape,
    /// Title, agency, year, kind.
    pub meta: Meta,
    pub format: Option<Format>,
    pub format_source: Option<FormatSource>,
    /// The section headings outside the tables, in order.
    pub headings: Vec<Heading>,
    /// The six sections are numbered `（一）…（六）` or similar instead of `一、…六、` (S206);
    /// `headings` then holds them.
    pub alt_numbering: bool,
    /// Sub-topics of section 一 numbered like sections (S208); not in `headings`.
    pub subtopics: Vec<Heading>,
    pub tables: Tables<'a>,
    /// Pre-2019 statistical labels (S304).
    pub pre2019: Vec<(Span, &'static str)>,
    pub prose: Prose<'a>,
    /// The publication date (P rules), when known.
    pub published: Option<Published>,
}

/// Parses decoded text read as `shape`: the stages of the pipeline in order. (Offsets are
/// 32-bit inside the document: text beyond 4 GiB is not read; the entry points refuse
/// such input.)
pub fn parse(text: &str, shape: Shape) -> Model<'_> {
    let text = &text[..crate::base::lines::floor_char_boundary(text, u32::MAX as usize - 1)];
    let doc = document::build(text, shape);
    let candidates: Vec<(usize, Heading)> = doc
        .lines()
        .enumerate()
        .filter_map(|(i, l)| heading_of(&l).map(|h| (i, h)))
        .take(structure::MAX_HEADINGS)
        .collect();
    let regions = tables::regions::find(&doc, &candidates);
    let meta = structure::meta(text, &doc, &|i| regions.contains(i));
    let (mut headings, alt_numbering) = structure::sections(
        candidates
            .into_iter()
            .filter(|(i, _)| !regions.contains(*i))
            .map(|(_, h)| h),
    );
    let subtopics = structure::subtopics(&mut headings);
    let tables = tables::read(&doc, &regions, meta.year);
    let pre2019 = tables::pre2019(&doc);
    let lines: Vec<Span> = doc
        .lines()
        .enumerate()
        .filter(|(i, l)| !regions.contains(*i) && !l.in_html_table() && !l.is_blank())
        .map(|(_, l)| l.span())
        .collect();
    let mut heading_starts: Vec<usize> = headings
        .iter()
        .chain(&subtopics)
        .map(|h| h.span.start)
        .collect();
    heading_starts.sort_unstable();
    let prose = text::read(
        text,
        lines,
        &heading_starts,
        shape == Shape::Html,
        Scope::of(&meta),
        tables.format,
    );
    let published = text::dates::find(text, shape == Shape::Html, &prose.lines);
    Model {
        text,
        shape,
        format: tables.format,
        format_source: tables.format_source,
        meta,
        headings,
        alt_numbering,
        subtopics,
        tables,
        pre2019,
        prose,
        published,
    }
}

impl<'a> Model<'a> {
    pub fn table(&self, id: TableId) -> Option<&TableModel<'a>> {
        self.tables.get(id)
    }
    pub fn t2(&self) -> Option<&TableModel<'a>> {
        self.tables.t2.as_ref()
    }
    pub fn t3(&self) -> Option<&TableModel<'a>> {
        self.tables.t3.as_ref()
    }
    pub fn t4(&self) -> Option<&TableModel<'a>> {
        self.tables.t4.as_ref()
    }
    pub fn section(&self, key: SectionKey) -> Option<&Heading> {
        self.headings.iter().find(|h| h.key == Some(key))
    }
    pub fn title(&self) -> Option<&Title> {
        self.meta.title.as_ref()
    }
    pub fn agency(&self) -> Option<&str> {
        self.meta.agency.as_deref()
    }
    pub fn year(&self) -> Option<i32> {
        self.meta.year
    }
    pub fn kind(&self) -> Option<Kind> {
        self.meta.kind
    }
}
