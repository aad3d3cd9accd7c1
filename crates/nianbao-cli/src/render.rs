//! Text output (like rustc: code, place, the source under the span, formula) and the batch
//! summary. A long source line is shown as a window around the span, never whole.

use crate::Verdict;
use nianbao_core::base::lines::LineIndex;
use nianbao_core::{Finding, Report, Severity};
use std::fmt::Write;

/// Display columns of a character in a terminal.
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

/// A character as shown: tabs as four spaces, other controls as a space.
fn shown(c: char, out: &mut String) {
    match c {
        '\t' => out.push_str("    "),
        c if c.is_control() => out.push(' '),
        c => out.push(c),
    }
}

fn paint(s: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// Display columns shown before and after a span on a long line.
const CONTEXT: usize = 40;
/// Display columns of a span underlined at most.
const MARK: usize = 60;

/// The source line of `start` with the span underlined: a window of the line around the
/// span, `…` where it is cut.
fn snippet(
    text: &str,
    idx: &LineIndex,
    start: usize,
    end: usize,
    note: &str,
    color: bool,
    sev: Severity,
) -> [String; 3] {
    let line = idx.line_of(start);
    let (ls, le) = idx.line_range(text, line).unwrap_or((start, start));
    let start = nianbao_core::base::lines::floor_char_boundary(text, start.clamp(ls, le));
    let end = nianbao_core::base::lines::floor_char_boundary(text, end.clamp(start, le));
    // the context before the span, from its end backwards, up to CONTEXT columns
    let mut before = String::new();
    let mut cols = 0;
    let mut cut_before = false;
    let mut chars: Vec<char> = Vec::new();
    for c in text[ls..start].chars().rev() {
        if cols + width(c) > CONTEXT {
            cut_before = true;
            break;
        }
        cols += width(c);
        chars.push(c);
    }
    if cut_before {
        before.push('…');
    }
    for c in chars.into_iter().rev() {
        shown(c, &mut before);
    }
    let pad: usize = before.chars().map(width).sum();
    // the span, up to MARK columns
    let mut span = String::new();
    let mut len = 0;
    let mut cut_span = false;
    for c in text[start..end].chars() {
        if len + width(c) > MARK {
            cut_span = true;
            break;
        }
        len += width(c);
        shown(c, &mut span);
    }
    if cut_span {
        span.push('…');
        len += 1;
    }
    // the context after, up to CONTEXT columns
    let mut after = String::new();
    let mut cols = 0;
    if !cut_span {
        for c in text[end..le].chars() {
            if cols + width(c) > CONTEXT {
                after.push('…');
                break;
            }
            cols += width(c);
            shown(c, &mut after);
        }
    }
    let gutter = (line + 1).to_string();
    let blank = " ".repeat(gutter.len());
    let mark = paint(
        &format!("{}{} {}", " ".repeat(pad), "^".repeat(len.max(1)), note),
        if sev == Severity::Error {
            "1;31"
        } else {
            "1;33"
        },
        color,
    );
    [
        format!("{blank} |"),
        format!("{gutter} | {before}{span}{after}"),
        format!("{blank} | {mark}"),
    ]
}

/// A report as text: its findings, then a line with the verdict.
pub fn text(name: &str, src: &str, r: &Report, color: bool) -> String {
    let idx = LineIndex::new(src);
    let mut out = String::new();
    let previous = r.previous.as_ref().and_then(|p| p.name.as_deref());
    for f in &r.findings {
        finding(&mut out, name, previous, f, src, &idx, color);
    }
    let s = &r.summary;
    let verdict = if s.errors == 0 && s.warnings == 0 {
        "通过".to_string()
    } else {
        format!("发现 {} 个错误、{} 个警告", s.errors, s.warnings)
    };
    let meta = &r.meta;
    let _ = writeln!(
        out,
        "{name}: {verdict}（{} 个提示）；格式 {}，年度 {}，机关 {}；{}\n",
        s.infos,
        meta.format.map(|f| f.label()).unwrap_or("未确定"),
        meta.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "未识别".into()),
        meta.agency.as_deref().unwrap_or("未识别"),
        r.tables_line()
    );
    if let Some(p) = previous {
        // with last year's report: the line says which (a batch pairs them itself)
        out.insert_str(out.len() - 2, &format!("；上年报告 {p}"));
    }
    out
}

fn finding(
    out: &mut String,
    name: &str,
    previous: Option<&str>,
    f: &Finding,
    src: &str,
    idx: &LineIndex,
    color: bool,
) {
    let head = format!("{}[{}]", f.severity.zh(), f.code);
    let head = paint(
        &head,
        match f.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        },
        color,
    );
    let _ = writeln!(out, "{head}: {}", f.message);
    match (f.span, f.line, f.column) {
        (Some(s), Some(l), Some(c)) => {
            let page = f.page.map(|p| format!("（第 {p} 页）")).unwrap_or_default();
            let _ = writeln!(out, "  --> {name}:{l}:{c}{page}");
            let note = match (&f.expected, &f.actual) {
                (Some(e), Some(a)) => format!("期望 {e}，实际 {a}"),
                _ => String::new(),
            };
            for l in snippet(src, idx, s.start, s.end, &note, color, f.severity) {
                let _ = writeln!(out, "{l}");
            }
        }
        _ => {
            let _ = writeln!(out, "  --> {name}");
            if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
                let _ = writeln!(out, "   = 期望: {e}\n   = 实际: {a}");
            }
        }
    }
    if let Some(fm) = &f.formula {
        let _ = writeln!(out, "   = 公式: {fm}");
    }
    for r in &f.related {
        let file = if r.input.is_some() {
            previous.unwrap_or("上年报告")
        } else {
            name
        };
        let page = r.page.map(|p| format!("，第 {p} 页")).unwrap_or_default();
        let _ = writeln!(
            out,
            "   = 相关: {} ({file}:{}:{}{page})",
            r.label, r.line, r.column
        );
    }
    if let Some(s) = &f.suspect {
        let _ = writeln!(out, "   = {}", s.describe());
    }
    if let Some(h) = &f.help {
        let _ = writeln!(out, "   = 建议: {h}");
    }
    out.push('\n');
}

/// One line per file and the totals.
pub fn batch_summary(results: &[(String, Result<Verdict, String>)]) -> String {
    let mut s = String::from("\n批量检查结果：\n");
    let (mut pass, mut fail, mut bad) = (0, 0, 0);
    for (name, r) in results {
        match r {
            Ok(v) if v.errors == 0 => {
                pass += 1;
                let _ = writeln!(s, "  通过  {name}（{} 个警告）", v.warnings);
            }
            Ok(v) => {
                fail += 1;
                let _ = writeln!(
                    s,
                    "  错误  {name}（{} 个错误、{} 个警告）",
                    v.errors, v.warnings
                );
            }
            Err(e) => {
                bad += 1;
                let _ = writeln!(s, "  无法读取  {name}：{e}");
            }
        }
    }
    let _ = writeln!(
        s,
        "共 {} 个文件：{pass} 个无错误，{fail} 个有错误，{bad} 个无法读取",
        results.len()
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_shown_as_a_window() {
        let text = format!("{}规章{}", "前".repeat(5000), "后".repeat(5000));
        let idx = LineIndex::new(&text);
        let at = text.find("规章").unwrap();
        let [_, line, mark] = snippet(
            &text,
            &idx,
            at,
            at + 6,
            "期望 1，实际 2",
            false,
            Severity::Error,
        );
        assert!(line.chars().count() < 80, "{line}");
        assert!(line.contains("…前") && line.contains("规章后") && line.ends_with('…'));
        // the underline stands under the span
        let caret = mark.find('^').unwrap();
        let shown_before: usize = line[..line.find("规章").unwrap()].chars().map(width).sum();
        assert_eq!(mark[..caret].chars().count(), shown_before);
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "一、总体情况\n本年收到申请12件。";
        let idx = LineIndex::new(text);
        let at = text.find("12").unwrap();
        let [_, line, _] = snippet(text, &idx, at, at + 2, "", false, Severity::Warning);
        assert_eq!(line, "2 | 本年收到申请12件。");
    }
}
