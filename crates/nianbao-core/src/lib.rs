//! nianbao-core: parse and check 政府信息公开工作年度报告 (annual reports on government
//! information disclosure).
//!
//! ```
//! let report = nianbao_core::check_text("一、总体情况\n……", None).unwrap();
//! assert_eq!(report.schema, "nianbao-report/1");
//! assert_eq!(nianbao_core::check_text(" \n", None).unwrap_err().message(), "文件为空");
//! ```
//!
//! Parsing never fails: any text yields a [`Report`] with findings; only an empty input
//! or a binary file is refused ([`Refusal`], with a Chinese message). All positions are
//! UTF-8 byte offsets into the decoded input. No I/O, no printing: the CLI and the web
//! app do that.
//!
//! The pipeline, one module per stage (imports only run to earlier modules of this list):
//! [`base`] (spans, decimals, normalisation) → [`input`] (decoding, shape) → [`document`]
//! (lines of cells) → [`structure`] (headings, title) → [`tables`] (regions, readers, the
//! typed schema) → [`text`] (sentences, figures, dates) → [`model`] (what the rules read,
//! and [`model::parse`]) → [`report`] (findings, the report JSON) → [`rules`].

pub mod base;
pub mod document;
pub mod input;
pub mod model;
pub mod report;
pub mod rules;
pub mod structure;
pub mod tables;
pub mod text;

pub use base::Span;
pub use input::{Refusal, Shape};
pub use model::{parse, Model};
pub use report::{Finding, Report, Severity};

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
    /// Last year's report's shape when it was read from a document (a PDF's locations in
    /// it then carry their pages); `None`: detected from its text.
    pub previous_shape: Option<Shape>,
    /// The publication date (`2024-01-20`, `2024年1月20日`) when the caller knows it;
    /// otherwise it is looked for in the input.
    pub published: Option<String>,
    /// The batch the report is checked in: pairs and shared passages (C114).
    pub peers: Option<rules::peers::Peers>,
}

/// Checks text with options (last year's report, publication date, name).
pub fn check_with(text: &str, options: &Options) -> Result<Report, Refusal> {
    check_decoded(text, text.len(), "utf-8", options)
}

/// Checks raw bytes (a file): reads a Word document's text ([`input::read`]), refuses other
/// binary files, decodes the rest (UTF-8, UTF-16, GBK/GB18030).
pub fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, Refusal> {
    check_file(bytes, options).map(|(_, report)| report)
}

/// [`check_bytes`], also handing on what was read: the text the report's spans point into
/// (a document's extracted text). A document is read as the shape it is, whatever
/// `options.shape` says: its text is cells and lines, not HTML or markdown.
pub fn check_file<'a>(
    bytes: &'a [u8],
    options: &Options,
) -> Result<(input::Read<'a>, Report), Refusal> {
    check_file_inner(bytes, options, false).map(|(r, report, _)| (r, report))
}

/// [`check_file`], also giving the report's [`profile`] from the same parse (the first
/// pass of a batch).
pub fn check_file_and_profile<'a>(
    bytes: &'a [u8],
    options: &Options,
) -> Result<(input::Read<'a>, Report, rules::peers::Profile), Refusal> {
    check_file_inner(bytes, options, true).map(|(r, report, p)| (r, report, p.unwrap_or_default()))
}

#[allow(clippy::type_complexity)]
fn check_file_inner<'a>(
    bytes: &'a [u8],
    options: &Options,
    with_profile: bool,
) -> Result<(input::Read<'a>, Report, Option<rules::peers::Profile>), Refusal> {
    let r = input::read(bytes)?;
    let options = match r.shape {
        Some(shape) => Options {
            shape: Some(shape),
            ..options.clone()
        },
        None => options.clone(),
    };
    let (report, profile) = check_inner(&r.text, bytes.len(), r.encoding, &options, with_profile)?;
    Ok((r, report, profile))
}

/// What a batch needs of a report (its agency, year and comparable sentences), from its
/// text as read (`shape`: a document's, else detected).
pub fn profile(text: &str, shape: Option<Shape>) -> rules::peers::Profile {
    let model = parse(text, shape.unwrap_or_else(|| input::detect_shape(text)));
    rules::peers::Profile::of(&model)
}

/// Checks the files of a batch together (the office above checking its subordinates'
/// reports): each report with the same agency's report of the year before, when the batch
/// holds one, as last year's (the Y rules), and every report against the other agencies'
/// (C114). A file that cannot be read is its refusal; the others are checked all the same.
/// The CLI does the same file by file, without holding every text at once.
pub fn check_batch(files: &[(String, &[u8])]) -> Vec<Result<Report, Refusal>> {
    let reads: Vec<Result<input::Read, Refusal>> =
        files.iter().map(|(_, b)| input::read(b)).collect();
    let profiles = reads
        .iter()
        .map(|r| r.as_ref().ok().map(|r| profile(&r.text, r.shape)))
        .collect();
    let names = files.iter().map(|(n, _)| n.clone()).collect();
    let batch = std::sync::Arc::new(rules::peers::Batch::new(names, profiles));
    (0..files.len())
        .map(|i| {
            let r = reads[i].as_ref().map_err(|e| *e)?;
            let previous = batch.previous_of(i);
            let options = Options {
                name: Some(files[i].0.clone()),
                shape: r.shape,
                previous: previous.and_then(|j| reads[j].as_ref().ok().map(|p| p.text.to_string())),
                previous_name: previous.map(|j| files[j].0.clone()),
                previous_shape: previous.and_then(|j| reads[j].as_ref().ok().and_then(|p| p.shape)),
                peers: Some(rules::peers::Peers {
                    batch: batch.clone(),
                    me: i,
                }),
                ..Default::default()
            };
            check_decoded(&r.text, files[i].1.len(), r.encoding, &options)
        })
        .collect()
}

/// Checks text that is already decoded (a paste).
pub fn check_text(text: &str, name: Option<String>) -> Result<Report, Refusal> {
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

/// Checks text already decoded from `bytes` bytes in `encoding` (see [`input::decode`]).
/// Empty text is refused.
pub fn check_decoded(
    text: &str,
    bytes: usize,
    encoding: &str,
    options: &Options,
) -> Result<Report, Refusal> {
    check_inner(text, bytes, encoding, options, false).map(|(r, _)| r)
}

/// [`check_decoded`], also giving what a batch needs of the report ([`profile`]) from the
/// same parse: the page's batch checks every report once this way, and again among its
/// peers only where the batch changes its report (a pair of years, a shared sentence).
pub fn check_and_profile(
    text: &str,
    bytes: usize,
    encoding: &str,
    options: &Options,
) -> Result<(Report, rules::peers::Profile), Refusal> {
    check_inner(text, bytes, encoding, options, true).map(|(r, p)| (r, p.unwrap_or_default()))
}

fn check_inner(
    text: &str,
    bytes: usize,
    encoding: &str,
    options: &Options,
    with_profile: bool,
) -> Result<(Report, Option<rules::peers::Profile>), Refusal> {
    if input::is_blank(text) {
        return Err(Refusal::Empty);
    }
    if text.len() >= u32::MAX as usize {
        return Err(Refusal::TooLarge);
    }
    let shape = options.shape.unwrap_or_else(|| input::detect_shape(text));
    let mut model = parse(text, shape);
    if let Some((ymd, _)) = options
        .published
        .as_deref()
        .and_then(|d| text::dates::date_at(d.trim()))
    {
        model.published = Some(text::Published::new(ymd, "caller", None));
    }
    let previous = options.previous.as_deref().map(|p| {
        parse(
            p,
            options
                .previous_shape
                .unwrap_or_else(|| input::detect_shape(p)),
        )
    });
    let cx = rules::Ctx::new(&model, previous.as_ref()).with_peers(options.peers.as_ref());
    let findings = rules::run(&cx);
    let profile = with_profile.then(|| rules::peers::Profile::of(&model));
    let report = Report::build(
        report::Source {
            name: options.name.clone(),
            bytes,
            encoding,
        },
        &model,
        findings,
        previous
            .as_ref()
            .map(|p| (options.previous_name.clone(), p)),
    );
    Ok((report, profile))
}

/// The text a user sees for pasted HTML (rich clipboard): table cells separated by tabs,
/// rows and blocks by newlines. Checking this text reads the same tables as the HTML.
pub fn html_to_text(html: &str) -> String {
    let doc = document::html::to_doc(html);
    let mut out = String::with_capacity(html.len() / 4);
    for line in doc.lines() {
        match line.kind() {
            document::LineKind::Row => {
                for (i, c) in line.cells().enumerate() {
                    if i > 0 {
                        out.push('\t');
                    }
                    out.push_str(c.text);
                }
            }
            _ => out.push_str(&line.text()),
        }
        out.push('\n');
    }
    out
}

/// Parses without running the rules (for tools that only need the tables).
pub fn parse_text(text: &str) -> Model<'_> {
    parse(text, input::detect_shape(text))
}
