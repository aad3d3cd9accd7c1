//! Stage 3, structure: the section headings, the title and what it says (agency, year,
//! kind).

pub mod agency;
mod headings;
mod title;

pub use headings::{heading_of, section_key, sections, subtopics, Heading, SectionKey};

/// Most heading candidates read (a report has six sections and a few dozen numbered
/// lines; the candidates after these are not headings of a report).
pub const MAX_HEADINGS: usize = 1000;
pub use title::{kind_of, meta, Kind, Meta, Title};
