//! Text (rustc-like), CSV and batch-summary output.

use nianbao_core::{base::lines::LineIndex, Finding, Report, Severity};
use std::io::{self, Write};

fn width(c: char) -> usize {
    match c as u32 {
        0x09 => 4,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

fn show(s: &str) -> String {
    s.replace('\t', "    ")
}

fn paint(s: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The source line of `start` with the span underlined.
fn snippet(
    text: &str,
    idx: &LineIndex,
    start: usize,
    end: usize,
    note: &str,
    color: bool,
    sev: Severity,
) -> Vec<String> {
    let line = idx.line_of(start);
    let Some((ls, le)) = idx.line_range(text, line) else {
        return vec![];
    };
    let end = end.min(le).max(start);
    let src = &text[ls..le];
    let pad: usize = text[ls..start].chars().map(width).sum();
    let len: usize = text[start..end].chars().map(width).sum::<usize>().max(1);
    let gutter = (line + 1).to_string();
    let blank = " ".repeat(gutter.len());
    let mark = paint(
        &format!("{}{} {}", " ".repeat(pad), "^".repeat(len), note),
        if sev == Severity::Error {
            "1;31"
        } else {
            "1;33"
        },
        color,
    );
    vec![
        format!("{blank} |"),
        format!("{gutter} | {}", show(src)),
        format!("{blank} | {mark}"),
    ]
}

pub fn text(
    out: &mut impl Write,
    name: &str,
    src: &str,
    r: &Report,
    color: bool,
) -> io::Result<()> {
    let idx = LineIndex::new(src);
    for f in &r.findings {
        finding(
            out,
            name,
            r.previous.as_ref().and_then(|p| p.name.as_deref()),
            f,
            Some(src),
            Some(&idx),
            color,
        )?;
    }
    let s = &r.summary;
    let verdict = if s.errors == 0 && s.warnings == 0 {
        "通过".to_string()
    } else {
        format!("发现 {} 个错误、{} 个警告", s.errors, s.warnings)
    };
    let meta = &r.meta;
    writeln!(
        out,
        "{name}: {verdict}（{} 个提示）；格式 {}，年度 {}，机关 {}\n",
        s.infos,
        meta.format.map(|f| f.label()).unwrap_or("未确定"),
        meta.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "未识别".into()),
        meta.agency.as_deref().unwrap_or("未识别")
    )
}

fn finding(
    out: &mut impl Write,
    name: &str,
    previous: Option<&str>,
    f: &Finding,
    src: Option<&str>,
    idx: Option<&LineIndex>,
    color: bool,
) -> io::Result<()> {
    let head = format!("{}[{}]", f.severity.as_str(), f.code);
    let head = paint(
        &head,
        if f.severity == Severity::Error {
            "1;31"
        } else if f.severity == Severity::Warning {
            "1;33"
        } else {
            "1;36"
        },
        color,
    );
    writeln!(out, "{head}: {}", f.message)?;
    match (f.span, f.line, f.column) {
        (Some(s), Some(l), Some(c)) => {
            writeln!(out, "  --> {name}:{l}:{c}")?;
            if let (Some(src), Some(idx)) = (src, idx) {
                let note = match (&f.expected, &f.actual) {
                    (Some(e), Some(a)) => format!("期望 {e}，实际 {a}"),
                    _ => String::new(),
                };
                for l in snippet(src, idx, s.start, s.end, &note, color, f.severity) {
                    writeln!(out, "{l}")?;
                }
            }
        }
        _ => writeln!(out, "  --> {name}")?,
    }
    if f.span.is_none() || src.is_none() {
        if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
            writeln!(out, "   = 期望: {e}\n   = 实际: {a}")?;
        }
    }
    if let Some(fm) = &f.formula {
        writeln!(out, "   = 公式: {fm}")?;
    }
    for r in &f.related {
        let file = if r.input.is_some() {
            previous.unwrap_or("上年报告")
        } else {
            name
        };
        writeln!(
            out,
            "   = 相关: {} ({file}:{}:{})",
            r.label, r.line, r.column
        )?;
    }
    if let Some(h) = &f.help {
        writeln!(out, "   = help: {h}")?;
    }
    writeln!(out)
}

/// CSV with a UTF-8 BOM so that Excel reads the Chinese text correctly.
pub fn csv(out: &mut impl Write, results: &[(String, Result<Report, String>)]) -> io::Result<()> {
    let reports: Vec<(&str, &Report)> = results
        .iter()
        .filter_map(|(n, r)| r.as_ref().ok().map(|r| (n.as_str(), r)))
        .collect();
    out.write_all(Report::csv(&reports).as_bytes())
}

pub fn batch_summary(results: &[(String, Result<Report, String>)]) -> String {
    let mut s = String::from("\n批量检查结果：\n");
    let (mut pass, mut fail, mut bad) = (0, 0, 0);
    for (name, r) in results {
        match r {
            Ok(rep) if rep.summary.errors == 0 => {
                pass += 1;
                s += &format!("  通过  {name}（{} 个警告）\n", rep.summary.warnings);
            }
            Ok(rep) => {
                fail += 1;
                s += &format!(
                    "  错误  {name}（{} 个错误、{} 个警告）\n",
                    rep.summary.errors, rep.summary.warnings
                );
            }
            Err(e) => {
                bad += 1;
                s += &format!("  无法读取  {name}：{e}\n");
            }
        }
    }
    s += &format!(
        "共 {} 个文件：{pass} 个无错误，{fail} 个有错误，{bad} 个无法读取\n",
        results.len()
    );
    s
}
