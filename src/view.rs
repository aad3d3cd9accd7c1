//! View logic without components: grouping, severities per cell, positions for the editor.

use nianbao_core::{Finding, Report, Severity};
use std::collections::BTreeMap;

/// Where a finding belongs in the list: the table of its cells, else the table its primary
/// location lies in, else the sections and format.
pub fn place(f: &Finding, r: &Report) -> &'static str {
    let table = |key: &str| match key {
        "t2" => Some("表二 主动公开"),
        "t3" => Some("表三 依申请公开"),
        "t4" => Some("表四 复议诉讼"),
        _ => None,
    };
    if let Some(p) = f.cells.first().and_then(|c| table(c.table.key())) {
        return p;
    }
    let inside = |t: &Option<nianbao_core::report::TableOut>| match (t, f.span) {
        (Some(t), Some(s)) => s.start >= t.span.start && s.start <= t.span.end,
        _ => false,
    };
    [
        ("t2", &r.tables.t2),
        ("t3", &r.tables.t3),
        ("t4", &r.tables.t4),
    ]
    .iter()
    .find(|(_, t)| inside(t))
    .and_then(|(k, _)| table(k))
    .unwrap_or(match f.code.as_bytes()[0] {
        b'C' | b'X' => "正文内容",
        b'Y' | b'P' => "发布日期与跨年度",
        _ => "章节与格式",
    })
}

pub const PLACES: [&str; 6] = [
    "章节与格式",
    "正文内容",
    "表二 主动公开",
    "表三 依申请公开",
    "表四 复议诉讼",
    "发布日期与跨年度",
];

/// What the tables view marks per cell path: the most severe finding, every finding's
/// words, and the value the cell should have when it is a finding's suspect (dismissed
/// findings do not count).
pub type CellMarks = BTreeMap<String, (Severity, Vec<String>, Option<String>)>;

pub fn cell_severity(r: &Report) -> CellMarks {
    let mut out: CellMarks = BTreeMap::new();
    for f in r.findings.iter().filter(|f| f.dismissed.is_none()) {
        for c in &f.cells {
            let e = out
                .entry(c.to_string())
                .or_insert((f.severity, Vec::new(), None));
            e.0 = e.0.min(f.severity);
            e.1.push(format!("{} {}", f.code, f.message));
        }
        if let Some(s) = &f.suspect {
            if let Some(e) = out.get_mut(&s.cell.to_string()) {
                e.2 = Some(s.expected.clone());
            }
        }
    }
    out
}

/// Where a cell's value is in the text, and the value as written there.
pub fn cell_span(
    r: &Report,
    path: &nianbao_core::tables::CellPath,
) -> Option<(nianbao_core::Span, String)> {
    let t = match path.table.key() {
        "t2" => r.tables.t2.as_ref(),
        "t3" => r.tables.t3.as_ref(),
        _ => r.tables.t4.as_ref(),
    }?;
    let row = path.row.to_string();
    let (_, row) = t.rows.0.iter().find(|(k, _)| *k == row)?;
    let (_, c) = row.cells.0.iter().find(|(k, _)| *k == path.col.key())?;
    Some((c.span?, c.raw.clone()))
}

/// Is there nothing to check yet (an empty editor)?
pub fn is_empty(r: &Report) -> bool {
    r.source.bytes == 0
}

/// The verdict's class (`idle` / `pass` / `warn` / `fail`) and words: red only for errors.
pub fn verdict(r: &Report) -> (&'static str, String) {
    let s = &r.summary;
    if is_empty(r) {
        (
            "idle",
            "粘贴报告全文，或拖入 .txt / .html / .docx / .doc 文件".to_string(),
        )
    } else if s.errors > 0 && s.warnings > 0 {
        (
            "fail",
            format!("发现 {} 个错误、{} 个警告", s.errors, s.warnings),
        )
    } else if s.errors > 0 {
        ("fail", format!("发现 {} 个错误", s.errors))
    } else if s.warnings > 0 {
        ("warn", format!("未发现错误，{} 个警告", s.warnings))
    } else {
        ("pass", "未发现错误".to_string())
    }
}

pub fn format_label(r: &Report) -> &'static str {
    match r.meta.format {
        Some(nianbao_core::tables::Format::A) => "2019 试行格式",
        Some(nianbao_core::tables::Format::B) => "2021 格式",
        None => "格式未确定",
    }
}

pub fn kind_label(r: &Report) -> &'static str {
    match r.meta.kind {
        Some(nianbao_core::structure::Kind::Government) => "政府报告",
        Some(nianbao_core::structure::Kind::Department) => "部门报告",
        None => "类型未确定",
    }
}

/// The print header: 机关, 年度, 格式, 类型, 检查时间 (`at`, ms since the epoch, shown in the
/// browser's time zone), 检查结果 and the counts, dismissed ones included.
/// A moment (ms since the epoch) as the browser's local `2024-01-20 09:30`.
pub fn date_time(at: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

pub fn print_header(r: &Report, at: f64) -> Vec<(&'static str, String)> {
    let time = date_time(at);
    let s = &r.summary;
    vec![
        (
            "机关",
            r.meta.agency.clone().unwrap_or_else(|| "未识别".into()),
        ),
        (
            "年度",
            r.meta
                .year
                .map(|y| format!("{y}年度"))
                .unwrap_or_else(|| "未识别".into()),
        ),
        ("格式", format_label(r).to_string()),
        ("类型", kind_label(r).to_string()),
        ("检查时间", time),
        ("检查结果", verdict(r).1),
        (
            "问题数",
            format!(
                "错误 {} · 警告 {} · 提示 {} · 已确认无误（忽略）{}",
                s.errors, s.warnings, s.infos, s.dismissed
            ),
        ),
    ]
}
