//! What the decoded text is: plain text, HTML or markdown.

use serde::Serialize;

/// How the input was read (`source.shape` in the report JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Text,
    Html,
    Markdown,
    Docx,
    Doc,
    Pdf,
}

impl Shape {
    /// A document's shape by its name in the report JSON (`docx`, `doc`, `pdf`): how the
    /// page's workers pass it on; `None` for anything else.
    pub fn document(name: &str) -> Option<Shape> {
        match name {
            "docx" => Some(Shape::Docx),
            "doc" => Some(Shape::Doc),
            "pdf" => Some(Shape::Pdf),
            _ => None,
        }
    }
    /// The name of a document's shape (`docx`, `doc`, `pdf`); `None` for text shapes.
    pub fn document_name(self) -> Option<&'static str> {
        match self {
            Shape::Docx => Some("docx"),
            Shape::Doc => Some("doc"),
            Shape::Pdf => Some("pdf"),
            Shape::Text | Shape::Html | Shape::Markdown => None,
        }
    }
}

/// Guesses what the text is.
pub fn detect_shape(text: &str) -> Shape {
    let bytes = text.as_bytes();
    let has_lt = memchr::memchr(b'<', bytes).is_some();
    let has_pipe = memchr::memchr(b'|', bytes).is_some();
    if !has_lt && !has_pipe {
        return Shape::Text;
    }
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    let t = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.starts_with("<!doctype")
        || t.starts_with("<html")
        || t.starts_with("<?xml")
        || text.contains("</td>")
        || text.contains("</TD>")
        || (t.starts_with('<')
            && (head.contains("<p")
                || head.contains("<div")
                || head.contains("<table")
                || head.contains("<meta")))
    {
        return Shape::Html;
    }
    let pipe_sep = has_pipe
        && text.lines().take(5000).any(|l| {
            let l = l.trim();
            l.starts_with('|')
                && l.contains("---")
                && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        });
    if pipe_sep {
        Shape::Markdown
    } else {
        Shape::Text
    }
}
