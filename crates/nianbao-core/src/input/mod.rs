//! Stage 1, input: bytes → decoded text, and what shape the text has.

mod decode;
mod shape;

pub use decode::{decode, Decoded};
pub use shape::{detect_shape, Shape};
