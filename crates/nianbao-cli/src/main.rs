//! `nianbao`: check annual reports from the command line.

mod render;

/// Parsing allocates many small strings; mimalloc is much faster at that than glibc malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
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
    /// Check report files (.txt .html .htm .md), folders of them, or `-` for standard input.
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

const EXTS: &[&str] = &["txt", "html", "htm", "md", "markdown", "text"];

/// One input: its display name and either its bytes or why it could not be read.
struct Input {
    name: String,
    data: Result<Vec<u8>, String>,
}

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

fn read_input(p: &Path) -> Input {
    if p.as_os_str() == "-" {
        let mut buf = Vec::new();
        let data = std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| format!("无法读取标准输入：{e}"));
        return Input {
            name: "<stdin>".into(),
            data,
        };
    }
    let name = p.display().to_string();
    let ext = p
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "docx" || ext == "doc" || ext == "pdf" {
        return Input {
            name,
            data: Err(format!(
                "暂不支持 .{ext} 文件，请另存为文本或网页（.txt/.html）后再检查"
            )),
        };
    }
    let data = std::fs::read(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        _ => format!("无法读取：{e}"),
    });
    Input { name, data }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Rules => {
            let mut out = std::io::stdout().lock();
            for r in rules::RULES {
                let _ = writeln!(
                    out,
                    "{}  {:<34} {:<8} {}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary
                );
            }
            ExitCode::SUCCESS
        }
        Cmd::Explain { code } => match rules::find(&code) {
            Some(r) => {
                println!(
                    "{} {} ({})\n{}\n\n{}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary,
                    r.doc()
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("nianbao: 没有规则“{code}”。用 `nianbao rules` 查看全部规则。");
                ExitCode::from(2)
            }
        },
        Cmd::Check {
            files,
            format,
            previous,
            published,
            no_progress,
        } => {
            let mut base = Options::default();
            if let Some(p) = previous {
                let input = read_input(&p);
                match input.data {
                    Ok(bytes) => {
                        base.previous = Some(nianbao_core::input::decode(&bytes).text);
                        base.previous_name =
                            p.file_name().and_then(|n| n.to_str()).map(str::to_string);
                    }
                    Err(e) => {
                        eprintln!("nianbao: {}: {e}", input.name);
                        return ExitCode::from(2);
                    }
                }
            }
            if let Some(d) = published {
                if nianbao_core::text::dates::date_at(d.trim()).is_none() {
                    eprintln!("nianbao: --published 的日期“{d}”无法识别，请写作 2024-01-20 或 2024年1月20日");
                    return ExitCode::from(2);
                }
                base.published = Some(d);
            }
            check(&files, format, no_progress, &base)
        }
    }
}

fn check(paths: &[PathBuf], format: Format, no_progress: bool, base: &Options) -> ExitCode {
    let files = expand(paths);
    if files.is_empty() {
        eprintln!("nianbao: 没有找到可检查的报告文件（.txt .html .htm .md）");
        return ExitCode::from(2);
    }
    let bar = (!no_progress && files.len() >= 20 && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}").unwrap(),
        );
        b
    });
    let checked: Vec<(String, Result<(String, Report), String>)> = files
        .par_iter()
        .map(|p| {
            let input = read_input(p);
            let r = input.data.map(|bytes| {
                let name = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .map(str::to_string)
                    .filter(|_| p.as_os_str() != "-");
                let d = nianbao_core::input::decode(&bytes);
                let report = nianbao_core::check_decoded(
                    &d.text,
                    bytes.len(),
                    d.encoding,
                    &Options {
                        name,
                        ..base.clone()
                    },
                );
                (d.text, report)
            });
            if let Some(b) = &bar {
                b.inc(1);
            }
            (input.name, r)
        })
        .collect();
    for (name, r) in &checked {
        if let Ok((_, rep)) = r {
            if rep.source.encoding == "utf-8-lossy" {
                eprintln!("nianbao: {name}: 文件不是可识别的文本编码（UTF-8、UTF-16 或 GBK），无法识别的字节已替换，结果可能不完整");
            }
        }
    }
    let texts: Vec<Option<&str>> = checked
        .iter()
        .map(|(_, r)| r.as_ref().ok().map(|(t, _)| t.as_str()))
        .collect();
    let results: Vec<(String, Result<Report, String>)> = checked
        .iter()
        .map(|(n, r)| {
            (
                n.clone(),
                r.as_ref()
                    .map(|(_, rep)| rep.clone())
                    .map_err(|e| e.clone()),
            )
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut unreadable = false;
    let mut errors = false;
    let reports: Vec<&Report> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .collect();
    for (name, r) in &results {
        match r {
            Err(e) => {
                unreadable = true;
                eprintln!("nianbao: {name}: {e}");
            }
            Ok(rep) => errors |= rep.has_errors(),
        }
    }
    let _ = match format {
        Format::Json => {
            if results.len() == 1 {
                match reports.first() {
                    Some(r) => writeln!(out, "{}", r.to_json()),
                    None => Ok(()),
                }
            } else {
                writeln!(out, "{}", serde_json::to_string_pretty(&reports).unwrap())
            }
        }
        Format::Jsonl => reports
            .iter()
            .try_for_each(|r| writeln!(out, "{}", serde_json::to_string(r).unwrap())),
        Format::Csv => render::csv(&mut out, &results),
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            results
                .iter()
                .zip(&texts)
                .try_for_each(|((name, r), text)| match (r, text) {
                    (Ok(rep), Some(text)) => render::text(&mut out, name, text, rep, color),
                    _ => Ok(()),
                })
        }
    };
    if results.len() > 1 {
        // per-file summary: on stdout for text, on stderr for machine formats
        let summary = render::batch_summary(&results);
        if format == Format::Text {
            let _ = write!(out, "{summary}");
        } else {
            let _ = out.flush();
            eprint!("{summary}");
        }
    }
    let _ = out.flush();
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
