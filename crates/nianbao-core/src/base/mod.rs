//! The bottom layer, shared by every stage: byte spans, exact decimals, label normalisation
//! and the one-pass comparison form with its signature (`sig`), substring search
//! (`search`), whitespace at the byte level (`spaces`), years, reading one cell's value,
//! and the byte ↔ line/column ↔ UTF-16 conversions used at the edges. It imports nothing
//! else of the crate.

pub mod decimal;
pub mod lines;
pub mod normalize;
pub mod search;
mod sig;
pub mod sort;
pub mod spaces;
mod span;
pub mod value;
pub mod wire;
mod years;

pub use decimal::Decimal;
pub use sig::{mark, Sig, Spaces};
pub use span::Span;
pub use years::find_year;
