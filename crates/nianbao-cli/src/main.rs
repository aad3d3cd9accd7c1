//! `nianbao`: check annual reports from the command line.

mod error;
mod render;

/// Parsing allocates many small strings; mimalloc is much faster at that than glibc malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
use error::CliError;
use nianbao_core::{rules, Options, Report};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "检查政府信息公开工作年度报告（表格、勾稽关系、格式）"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check report files (.txt .html .htm .md .docx), folders of them, or `-` for standard input.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Last year's report of the same agency: runs the cross-year rules (Y101–Y106)
        /// against every FILE.
        #[arg(long)]
        previous: Option<PathBuf>,
        /// The publication date (2024-01-20) for the P rules, when the files do not carry one.
        #[arg(long)]
        published: Option<String>,
        /// Never draw a progress bar.
        #[arg(long)]
        no_progress: bool,
    },
    /// Print the text the checker reads from a file (a Word document's extracted text:
    /// cells separated by tabs, rows by lines); the spans of the report point into it.
    Text { file: PathBuf },
    /// List every rule: code, name, severity.
    Rules,
    /// Print a rule's documentation.
    Explain { code: String },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
}

/// The files a folder contributes.
const EXTS: &[&str] = &[
    "txt", "html", "htm", "md", "markdown", "text", "docx", "doc",
];

/// Files checked in parallel at a time: their outputs are written in order, and only
/// this many are held in memory.
const CHUNK: usize = 128;

fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            let ext = p
                .extension()
                .and_then(|x| x.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if EXTS.contains(&ext.as_str()) && name != "readme.md" && name != "index.md" {
                out.push(p);
            }
        }
    }
}

fn read_bytes(p: &Path) -> Result<Vec<u8>, CliError> {
    if p.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(CliError::Stdin)?;
        return Ok(buf);
    }
    std::fs::read(p).map_err(|e| CliError::from_read(e, p))
}

fn display_name(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        p.display().to_string()
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = match cli.cmd {
        Cmd::Rules => list_rules(&mut out),
        Cmd::Text { file } => print_text(&mut out, &file),
        Cmd::Explain { code } => explain(&mut out, &code),
        Cmd::Check {
            files,
            format,
            previous,
            published,
            no_progress,
        } => options(previous, published)
            .and_then(|base| check(&mut out, &files, format, no_progress, &base)),
    };
    let flushed = out.flush().map_err(CliError::Write);
    match result.and_then(|code| flushed.map(|_| code)) {
        Ok(code) => ExitCode::from(code),
        // the reader went away (`| head`): stop quietly with the verdict so far
        Err(CliError::Closed(code)) => ExitCode::from(code),
        Err(e) if e.is_closed_pipe() => ExitCode::from(e.exit_code()),
        Err(e) => {
            eprintln!("nianbao: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn print_text(out: &mut impl Write, p: &Path) -> Result<u8, CliError> {
    let bytes = read_bytes(p)?;
    let r = nianbao_core::input::read(&bytes).map_err(CliError::Refused)?;
    out.write_all(r.text.as_bytes()).map_err(CliError::Write)?;
    Ok(0)
}

fn list_rules(out: &mut impl Write) -> Result<u8, CliError> {
    for r in rules::RULES {
        writeln!(
            out,
            "{}  {:<34} {:<8} {}",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary
        )
        .map_err(CliError::Write)?;
    }
    Ok(0)
}

fn explain(out: &mut impl Write, code: &str) -> Result<u8, CliError> {
    let r = rules::find(code).ok_or_else(|| CliError::UnknownRule(code.to_string()))?;
    writeln!(
        out,
        "{} {} ({})\n{}\n\n{}",
        r.code,
        r.name,
        r.severity.as_str(),
        r.summary,
        r.doc()
    )
    .map_err(CliError::Write)?;
    Ok(0)
}

/// The options every file is checked with: last year's report, the publication date.
fn options(previous: Option<PathBuf>, published: Option<String>) -> Result<Options, CliError> {
    let mut base = Options::default();
    if let Some(p) = previous {
        let bytes =
            read_bytes(&p).map_err(|e| CliError::Previous(display_name(&p), Box::new(e)))?;
        let read = nianbao_core::input::read(&bytes)
            .map_err(|r| CliError::Previous(display_name(&p), Box::new(CliError::Refused(r))))?;
        base.previous = Some(read.text.into_owned());
        base.previous_name = p.file_name().and_then(|n| n.to_str()).map(str::to_string);
    }
    if let Some(d) = published {
        if nianbao_core::text::dates::date_at(d.trim()).is_none() {
            return Err(CliError::BadDate(d));
        }
        base.published = Some(d);
    }
    Ok(base)
}

/// What checking one file gave: its output in the chosen format, and its verdict.
struct Checked {
    name: String,
    output: Result<String, CliError>,
    verdict: Option<Verdict>,
    lossy: bool,
}

/// The counts of a checked file, for the batch summary.
#[derive(Clone, Copy)]
pub struct Verdict {
    pub errors: usize,
    pub warnings: usize,
}

fn check_one(p: &Path, format: Format, base: &Options, color: bool) -> Checked {
    let name = display_name(p);
    let checked = read_bytes(p).and_then(|bytes| {
        let file_name = p
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
            .filter(|_| p.as_os_str() != "-");
        let options = Options {
            name: file_name,
            ..base.clone()
        };
        let (read, report) =
            nianbao_core::check_file(&bytes, &options).map_err(CliError::Refused)?;
        Ok((read.text.into_owned(), report))
    });
    let (output, verdict, lossy) = match checked {
        Err(e) => (Err(e), None, false),
        Ok((text, report)) => {
            let verdict = Verdict {
                errors: report.summary.errors,
                warnings: report.summary.warnings,
            };
            let lossy = report.source.encoding == "utf-8-lossy";
            let s = match format {
                Format::Json => report.to_json(),
                Format::Jsonl => serde_json::to_string(&report).unwrap_or_default(),
                Format::Csv => report.csv_rows(&name),
                Format::Text => render::text(&name, &text, &report, color),
            };
            (Ok(s), Some(verdict), lossy)
        }
    };
    Checked {
        name,
        output,
        verdict,
        lossy,
    }
}

/// Indents every line of a pretty JSON document by two spaces: an element of a pretty
/// JSON array (serde_json's layout).
fn indent(doc: &str) -> String {
    let mut s = String::with_capacity(doc.len() + doc.len() / 16);
    for (i, line) in doc.split('\n').enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str("  ");
        s.push_str(line);
    }
    s
}

fn check(
    out: &mut impl Write,
    paths: &[PathBuf],
    format: Format,
    no_progress: bool,
    base: &Options,
) -> Result<u8, CliError> {
    let files = expand(paths);
    if files.is_empty() {
        return Err(CliError::NoFiles);
    }
    let bar = (!no_progress && files.len() >= 20 && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
        {
            b.set_style(style);
        }
        b
    });
    let color = format == Format::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let many = files.len() > 1;
    let mut summary: Vec<(String, Result<Verdict, String>)> = Vec::with_capacity(files.len());
    let (mut unreadable, mut errors, mut written) = (false, false, 0usize);
    let code = |unreadable: bool, errors: bool| {
        if unreadable {
            2
        } else if errors {
            1
        } else {
            0
        }
    };
    let write = |out: &mut dyn Write, s: &str, unreadable: bool, errors: bool| {
        out.write_all(s.as_bytes()).map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                CliError::Closed(code(unreadable, errors))
            } else {
                CliError::Write(e)
            }
        })
    };
    if format == Format::Csv {
        write(out, Report::CSV_HEADER, false, false)?;
    }
    if format == Format::Json && many {
        write(out, "[", false, false)?;
    }
    for chunk in files.chunks(CHUNK) {
        let done: Vec<Checked> = chunk
            .par_iter()
            .map(|p| {
                let c = check_one(p, format, base, color);
                if let Some(b) = &bar {
                    b.inc(1);
                }
                c
            })
            .collect();
        for c in done {
            if c.lossy {
                eprintln!("nianbao: {}: 文件不是可识别的文本编码（UTF-8、UTF-16 或 GBK），无法识别的字节已替换，结果可能不完整", c.name);
            }
            match c.output {
                Err(e) => {
                    unreadable = true;
                    if let Some(b) = &bar {
                        b.suspend(|| eprintln!("nianbao: {}: {e}", c.name));
                    } else {
                        eprintln!("nianbao: {}: {e}", c.name);
                    }
                    summary.push((c.name, Err(e.to_string())));
                }
                Ok(s) => {
                    let v = c.verdict.unwrap_or(Verdict {
                        errors: 0,
                        warnings: 0,
                    });
                    errors |= v.errors > 0;
                    let s = match format {
                        Format::Json if many => {
                            format!("{}\n{}", if written == 0 { "" } else { "," }, indent(&s))
                        }
                        Format::Json | Format::Jsonl => format!("{s}\n"),
                        _ => s,
                    };
                    write(out, &s, unreadable, errors)?;
                    written += 1;
                    summary.push((c.name, Ok(v)));
                }
            }
        }
    }
    if format == Format::Json && many {
        write(
            out,
            if written == 0 { "]\n" } else { "\n]\n" },
            unreadable,
            errors,
        )?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if many {
        // per-file summary: on stdout for text, on stderr for machine formats
        let s = render::batch_summary(&summary);
        if format == Format::Text {
            write(out, &s, unreadable, errors)?;
        } else {
            out.flush().map_err(CliError::Write)?;
            eprint!("{s}");
        }
    }
    Ok(code(unreadable, errors))
}
