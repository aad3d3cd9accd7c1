//! Stage 3, structure: the section headings, the title and what it says (agency, year,
//! kind).

pub mod agency;
mod headings;
mod title;

pub use headings::{heading_of, section_key, sections, Heading, SectionKey};
pub use title::{kind_of, meta, Kind, Meta, Title};
