//! `nianbao`: check annual reports from the command line.

mod error;
mod render;

/// Parsing allocates many small strings; mimalloc is much faster at that than glibc malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
use error::CliError;
use nianbao_core::rules::peers::{Batch, Peers, Profile};
use nianbao_core::{rules, Options, Report};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The help pages in Chinese: clap's own headings and flags are English.
const HELP: &str = "{about}\n\n用法：{usage}\n\n{all-args}";

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "检查政府信息公开工作年度报告（表格、勾稽关系、格式）",
    help_template = "{about}\n\n用法：{usage}\n\n命令：\n{subcommands}\n\n选项：\n{options}",
    override_usage = "nianbao <命令>",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_value_name = "命令"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    /// 显示帮助
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true, help_heading = "选项")]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Cmd {
    /// 检查报告文件（.txt .html .htm .md .docx .doc）、文件夹，或用 `-` 读取标准输入
    #[command(help_template = HELP, override_usage = "nianbao check [选项] <文件>...", next_help_heading = "选项")]
    Check {
        /// 报告文件或文件夹
        #[arg(required = true, value_name = "文件", help_heading = "参数")]
        files: Vec<PathBuf>,
        /// 输出格式：text（默认，类似编译器的文字）、json、jsonl（每行一份报告）、csv
        #[arg(long, value_enum, default_value_t = Format::Text, value_name = "格式", hide_possible_values = true, hide_default_value = true)]
        format: Format,
        /// 同一机关上一年度的报告：对每个文件进行跨年度核对（Y101–Y107）。不指定时，
        /// 同时检查的多个文件中同一机关相邻年度的报告自动配对
        #[arg(long, value_name = "文件")]
        previous: Option<PathBuf>,
        /// 与 --format csv 一起使用：每份报告一行的汇总表（文件、机关、年度、格式、结论、
        /// 错误/警告/提示数、各表状态、上年报告、主要问题）
        #[arg(long)]
        summary: bool,
        /// 发布日期（如 2024-01-20），文件中没有时用于发布时间规则（P 类）
        #[arg(long, value_name = "日期")]
        published: Option<String>,
        /// 不显示进度条
        #[arg(long)]
        no_progress: bool,
    },
    /// 输出检查程序从文件中读到的文字（Word 文档为提取的文字）；检查结果中的位置都指向这段文字
    #[command(help_template = HELP, override_usage = "nianbao text <文件>")]
    Text {
        /// 报告文件
        #[arg(value_name = "文件", help_heading = "参数")]
        file: PathBuf,
    },
    /// 列出全部规则：代码、名称、严重程度
    #[command(help_template = HELP, override_usage = "nianbao rules")]
    Rules,
    /// 显示一条规则的说明
    #[command(help_template = HELP, override_usage = "nianbao explain <规则>")]
    Explain {
        /// 规则代码（如 T301）或名称
        #[arg(value_name = "规则", help_heading = "参数")]
        code: String,
    },
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_error(e),
    };
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
            summary,
        } => {
            if summary && format != Format::Csv {
                Err(CliError::SummaryNeedsCsv)
            } else {
                options(previous, published)
                    .and_then(|base| check(&mut out, &files, format, summary, no_progress, &base))
            }
        }
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

/// Help and version as clap prints them (in Chinese, see the templates); a wrong command
/// line in Chinese, exit code 2.
fn parse_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => "没有这个命令",
        ErrorKind::UnknownArgument => "没有这个选项",
        ErrorKind::MissingRequiredArgument => "缺少必需的参数（例如要检查的文件）",
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令（check、text、rules 或 explain）"
        }
        ErrorKind::InvalidValue => "参数值无效",
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => "参数有误",
        _ => "命令行参数有误",
    };
    let arg = e
        .get(ContextKind::InvalidSubcommand)
        .or_else(|| e.get(ContextKind::InvalidArg))
        .map(|v| format!("：{v}"))
        .unwrap_or_default();
    eprintln!("nianbao: {what}{arg}\n用法见 nianbao --help");
    ExitCode::from(2)
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
        "{} {}（{}）\n{}\n\n{}",
        r.code,
        r.name,
        r.severity.zh(),
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
        base.previous_shape = read.shape;
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

/// A file's name as the reports show it: the name without its folder.
fn file_name(p: &Path) -> Option<String> {
    p.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .filter(|_| p.as_os_str() != "-")
}

/// The options of file `i` of a batch: its peers, and the same agency's report of the
/// year before as last year's.
fn batch_options(base: &Options, batch: &Arc<Batch>, files: &[PathBuf], i: usize) -> Options {
    let mut o = Options {
        peers: Some(Peers {
            batch: batch.clone(),
            me: i,
        }),
        ..base.clone()
    };
    if let Some(j) = batch.previous_of(i) {
        let read = read_bytes(&files[j]).ok().and_then(|b| {
            nianbao_core::input::read(&b)
                .ok()
                .map(|r| (r.text.into_owned(), r.shape))
        });
        if let Some((text, shape)) = read {
            o.previous = Some(text);
            o.previous_shape = shape;
            o.previous_name = file_name(&files[j]);
        }
    }
    o
}

/// Checks one file; with `profile`, also what a batch needs of it (from the same parse).
fn check_one(
    p: &Path,
    format: Format,
    summary: bool,
    base: &Options,
    color: bool,
    profile: bool,
) -> (Checked, Option<Profile>) {
    let name = display_name(p);
    let checked = read_bytes(p).and_then(|bytes| {
        let options = Options {
            name: file_name(p),
            ..base.clone()
        };
        let (read, report, prof) = match profile {
            true => nianbao_core::check_file_and_profile(&bytes, &options)
                .map(|(r, report, p)| (r, report, Some(p))),
            false => {
                nianbao_core::check_file(&bytes, &options).map(|(r, report)| (r, report, None))
            }
        }
        .map_err(CliError::Refused)?;
        Ok((read.text.into_owned(), report, prof))
    });
    let mut prof = None;
    let (output, verdict, lossy) = match checked {
        Err(e) => (Err(e), None, false),
        Ok((text, report, p)) => {
            prof = p;
            let verdict = Verdict {
                errors: report.summary.errors,
                warnings: report.summary.warnings,
            };
            let lossy = report.source.encoding == "utf-8-lossy";
            let s = match format {
                Format::Json => report.to_json(),
                Format::Jsonl => serde_json::to_string(&report).unwrap_or_default(),
                Format::Csv if summary => report.summary_row(&name),
                Format::Csv => report.csv_rows(&name, &nianbao_core::rules::summary_of),
                Format::Text => render::text(&name, &text, &report, color),
            };
            (Ok(s), Some(verdict), lossy)
        }
    };
    (
        Checked {
            name,
            output,
            verdict,
            lossy,
        },
        prof,
    )
}

/// The first pass of a batch: every file checked alone, its profile from the same parse
/// and its output kept in a temporary file (memory stays bounded), so that the second pass
/// checks again only the files the batch changes.
struct FirstPass {
    spill: std::fs::File,
    path: PathBuf,
    /// Per file: its first check, `None` once taken (or for standard input).
    slots: Vec<Option<Slot>>,
}

/// A file's first check: its output in the spill (offset, length), or the check itself when
/// it failed.
enum Slot {
    Kept(Checked, u64, usize),
    Failed(Checked),
}

impl Drop for FirstPass {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl FirstPass {
    fn run(
        files: &[PathBuf],
        format: Format,
        per_report: bool,
        base: &Options,
        color: bool,
        bar: Option<&indicatif::ProgressBar>,
    ) -> Result<(Arc<Batch>, FirstPass), CliError> {
        use std::io::Seek;
        let path = std::env::temp_dir().join(format!(
            "nianbao-{}-{}.spill",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        let spill = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(CliError::Write)?;
        let mut fp = FirstPass {
            spill,
            path,
            slots: Vec::with_capacity(files.len()),
        };
        let mut profiles = Vec::with_capacity(files.len());
        let mut at = 0u64;
        for chunk in files.chunks(CHUNK) {
            // standard input can be read once only: checked in the second pass
            let done: Vec<Option<(Checked, Option<Profile>)>> = chunk
                .par_iter()
                .map(|p| {
                    (p.as_os_str() != "-").then(|| {
                        let c = check_one(p, format, per_report, base, color, true);
                        if let Some(b) = bar {
                            b.inc(1);
                        }
                        c
                    })
                })
                .collect();
            for first in done {
                let Some((c, prof)) = first else {
                    profiles.push(None);
                    fp.slots.push(None);
                    continue;
                };
                profiles.push(prof);
                match &c.output {
                    Ok(s) => {
                        fp.spill.write_all(s.as_bytes()).map_err(CliError::Write)?;
                        let len = s.len();
                        let kept = Checked {
                            output: Ok(String::new()),
                            ..c
                        };
                        fp.slots.push(Some(Slot::Kept(kept, at, len)));
                        at += len as u64;
                    }
                    Err(_) => fp.slots.push(Some(Slot::Failed(c))),
                }
            }
        }
        fp.spill.rewind().map_err(CliError::Write)?;
        let names = files
            .iter()
            .map(|p| file_name(p).unwrap_or_else(|| display_name(p)))
            .collect();
        Ok((Arc::new(Batch::new(names, profiles)), fp))
    }

    /// File `i`'s check from the first pass (`None`: check it now).
    fn take(&mut self, i: usize) -> Result<Option<Checked>, CliError> {
        use std::io::{Seek, SeekFrom};
        match self.slots[i].take() {
            None => Ok(None),
            Some(Slot::Failed(c)) => Ok(Some(c)),
            Some(Slot::Kept(mut c, at, len)) => {
                let mut buf = vec![0u8; len];
                self.spill
                    .seek(SeekFrom::Start(at))
                    .map_err(CliError::Write)?;
                self.spill.read_exact(&mut buf).map_err(CliError::Write)?;
                c.output = Ok(String::from_utf8(buf).unwrap_or_default());
                Ok(Some(c))
            }
        }
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
    per_report: bool,
    no_progress: bool,
    base: &Options,
) -> Result<u8, CliError> {
    let files = expand(paths);
    if files.is_empty() {
        return Err(CliError::NoFiles);
    }
    // several files and no --previous: one batch (years paired, passages shared, C114)
    let in_batch = files.len() > 1 && base.previous.is_none();
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
    let (batch, mut first) = match in_batch {
        true => {
            let (b, f) = FirstPass::run(&files, format, per_report, base, color, bar.as_ref())?;
            (Some(b), Some(f))
        }
        false => (None, None),
    };
    if let Some(b) = &bar {
        b.set_position(0);
    }
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
        let header = if per_report {
            Report::SUMMARY_HEADER
        } else {
            Report::CSV_HEADER
        };
        write(out, header, false, false)?;
    }
    if format == Format::Json && many {
        write(out, "[", false, false)?;
    }
    for (k, chunk) in files.chunks(CHUNK).enumerate() {
        // in a batch, the first pass's check of each file the batch does not change
        let mut kept: Vec<Option<Checked>> = Vec::with_capacity(chunk.len());
        for i in 0..chunk.len() {
            let j = k * CHUNK + i;
            kept.push(match (&mut first, &batch) {
                (Some(f), Some(b)) if !b.changes(j) => f.take(j)?,
                _ => None,
            });
        }
        let done: Vec<Checked> = chunk
            .par_iter()
            .zip(kept)
            .enumerate()
            .map(|(i, (p, kept))| {
                let c = kept.unwrap_or_else(|| {
                    let options = batch
                        .as_ref()
                        .map(|b| batch_options(base, b, &files, k * CHUNK + i));
                    check_one(
                        p,
                        format,
                        per_report,
                        options.as_ref().unwrap_or(base),
                        color,
                        false,
                    )
                    .0
                });
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
                    if per_report {
                        let row = Report::summary_row_unread(&c.name, &e.to_string());
                        write(out, &row, unreadable, errors)?;
                    }
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
