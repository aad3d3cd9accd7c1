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

pub mod dates;
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
    /// Last year's report (decoded text) for the Y rules, and its name.
    pub previous: Option<String>,
    pub previous_name: Option<String>,
    /// The publication date (`2024-01-20`, `2024年1月20日`) when the caller knows it;
    /// otherwise it is looked for in the input.
    pub published: Option<String>,
}

/// Checks text with options (last year's report, publication date, name).
pub fn check_with(text: &str, options: &Options) -> Report {
    check_decoded(text, text.len(), "utf-8", options)
}

/// Checks raw bytes (a file): decodes them first (UTF-8, UTF-16, GBK/GB18030).
pub fn check_bytes(bytes: &[u8], options: &Options) -> Report {
    let d = parse::decode(bytes);
    check_decoded(&d.text, bytes.len(), d.encoding, options)
}

/// Checks text that is already decoded (a paste).
pub fn check_text(text: &str, name: Option<String>) -> Report {
    check_decoded(
        text,
        text.len(),
        "utf-8",
        &Options {
            name,
            ..Default::default()
        },
    )
}

/// Checks text already decoded from `bytes` bytes in `encoding` (see [`parse::decode`]).
pub fn check_decoded(text: &str, bytes: usize, encoding: &str, options: &Options) -> Report {
    let shape = options.shape.unwrap_or_else(|| parse::detect_shape(text));
    let (_doc, mut model) = parse::parse(text, shape);
    model.published = match options
        .published
        .as_deref()
        .and_then(|d| dates::date_at(d.trim()))
    {
        Some((ymd, _)) => Some(model::Published::new(ymd, "caller", None)),
        None => dates::find(text, shape == Shape::Html, &model.prose),
    };
    let previous = options
        .previous
        .as_deref()
        .map(|p| (p, parse::parse(p, parse::detect_shape(p)).1));
    let mut cx = rules::Ctx::new(text, &model);
    cx.previous = previous.as_ref().map(|(t, m)| (*t, m));
    let findings = rules::run(&cx);
    Report::build(
        text,
        options.name.clone(),
        bytes,
        encoding,
        &model,
        findings,
        previous
            .as_ref()
            .map(|(t, m)| (options.previous_name.clone(), *t, m)),
    )
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
