//! nianbao-core: parse and check 政府信息公开工作年度报告 (annual reports on government
//! information disclosure).
//!
//! ```
//! let report = nianbao_core::check_text("一、总体情况\n……", None);
//! assert_eq!(report.schema, "nianbao-report/1");
//! ```
//!
//! Parsing never fails: any input yields a [`Report`] with findings. All positions are UTF-8
//! byte offsets into the decoded input. No I/O, no printing: the CLI and the web app do that.

pub mod decimal;
pub mod doc;
pub mod finding;
pub mod html;
pub mod lines;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod report;
pub mod rules;
mod tables;
pub mod template;
pub mod value;

pub use doc::{Shape, Span};
pub use finding::{Finding, Severity};
pub use report::Report;

/// Options for one check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// File name shown in the report (`source.name`).
    pub name: Option<String>,
    /// Force a shape instead of detecting it.
    pub shape: Option<Shape>,
}

/// Checks raw bytes (a file): decodes them first (UTF-8, UTF-16, GBK/GB18030).
pub fn check_bytes(bytes: &[u8], options: &Options) -> Report {
    let d = parse::decode(bytes);
    check_decoded(&d.text, bytes.len(), d.encoding, options)
}

/// Checks text that is already decoded (a paste).
pub fn check_text(text: &str, name: Option<String>) -> Report {
    check_decoded(text, text.len(), "utf-8", &Options { name, shape: None })
}

/// Checks text already decoded from `bytes` bytes in `encoding` (see [`parse::decode`]).
pub fn check_decoded(text: &str, bytes: usize, encoding: &str, options: &Options) -> Report {
    let shape = options.shape.unwrap_or_else(|| parse::detect_shape(text));
    let (_doc, model) = parse::parse(text, shape);
    let findings = rules::run(&rules::Ctx::new(text, &model));
    Report::build(text, options.name.clone(), bytes, encoding, &model, findings)
}

/// The text a user sees for pasted HTML (rich clipboard): table cells separated by tabs,
/// rows and blocks by newlines. Checking this text reads the same tables as the HTML.
pub fn html_to_text(html: &str) -> String {
    let doc = html::to_doc(html);
    let mut out = String::with_capacity(html.len() / 4);
    for line in &doc.lines {
        match line.kind {
            doc::LineKind::Row => {
                let cells: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
                out.push_str(&cells.join("\t"));
            }
            _ => out.push_str(line.text()),
        }
        out.push('\n');
    }
    out
}

/// Parses without running the rules (for tools that only need the tables).
pub fn parse_text(text: &str) -> model::Model {
    parse::parse(text, parse::detect_shape(text)).1
}
