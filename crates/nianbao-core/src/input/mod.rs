//! Stage 1, input: bytes → decoded text, and what shape the text has; inputs that are
//! not a report's text (empty, binary) are refused.

mod decode;
#[cfg(feature = "doc")]
pub mod doc;
#[cfg(feature = "docx")]
pub mod docx;
#[cfg(feature = "pdf")]
pub mod pdf;
mod refusal;
mod shape;
#[cfg(any(feature = "docx", feature = "doc"))]
mod word;
#[cfg(feature = "docx")]
pub mod zip;

pub use decode::{decode, read, read_with_progress, Decoded, Read};
pub use refusal::{is_blank, refusal, Refusal};
pub use shape::{detect_shape, Shape};
