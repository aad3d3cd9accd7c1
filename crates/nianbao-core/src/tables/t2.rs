//! 表二 主动公开政府信息情况 (format.md §4): blocks of rows with two or three cells, whose
//! columns differ between the formats.

use super::assemble::{finish_table, mark_unreadable, unreadable, MAX_EXTRA_ROWS};
use super::labels::Class;
use super::model::{
    AmountHeader, ColKey, RowError, RowKey, RowKind, RowModel, TableId, TableModel,
};
use super::reader::Reader;
use super::schema::{Format, T2Row, T2_LOCAL_ROWS, T2_SIGNALS};
use crate::base::mark;
use crate::base::normalize::{cn_numeral_value, split_numbering, strip_parens, Chars};
use crate::base::value::Unit;
use crate::document::Doc;

/// Each row's labels (format B's, then A's; none where the format has no such row),
/// prepared for similarity.
fn label_chars() -> &'static [Vec<Chars>] {
    static LABELS: std::sync::OnceLock<Vec<Vec<Chars>>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        T2Row::ALL
            .iter()
            .map(|r| {
                [r.label_in(Format::B), r.label_in(Format::A)]
                    .iter()
                    .filter(|l| !l.is_empty())
                    .map(|l| Chars::new(l))
                    .collect()
            })
            .collect()
    })
}

fn classify(n: &str) -> Class {
    if n.contains("第二十条") || n.contains("信息内容") {
        return Class::Header;
    }
    let (_, _, rest) = split_numbering(n);
    let body = strip_parens(rest);
    if body.is_empty() {
        return Class::Header;
    }
    let blen = body.chars().count();
    for (label, _) in T2_SIGNALS {
        if body.starts_with(label) || (blen >= 4 && label.starts_with(&*body)) {
            return Class::Header;
        }
    }
    if ["处理决定数量", "采购总金额", "本年收费金额"]
        .iter()
        .any(|h| body.starts_with(h))
    {
        return Class::Header;
    }
    // exact labels of either format; B's 行政规范性文件 before A's 规范性文件
    for r in T2Row::ALL {
        for l in [r.label_in(Format::B), r.label_in(Format::A)] {
            if !l.is_empty() && body == l {
                return Class::Row(*r as u8);
            }
        }
    }
    if T2_LOCAL_ROWS.contains(&&*body) {
        return Class::Local;
    }
    let chars = Chars::new(&body);
    for (r, labels) in T2Row::ALL.iter().zip(label_chars()) {
        for l in labels {
            if l.len() >= 4 && chars.similarity_at_least(l, 0.85) >= 0.85 {
                return Class::Row(*r as u8);
            }
        }
    }
    Class::Unknown
}

fn cols(row: T2Row, format: Format) -> Vec<ColKey> {
    row.cols_read(format)
        .iter()
        .map(|c| ColKey::T2(*c))
        .collect()
}

pub(super) fn read<'a>(
    doc: &Doc<'a>,
    lines: std::ops::Range<usize>,
    format: Format,
) -> TableModel<'a> {
    let reader = Reader::new(doc, lines.clone(), &classify);
    let defs: Vec<T2Row> = T2Row::ALL
        .iter()
        .copied()
        .filter(|r| r.in_format(format))
        .collect();
    let ncols = |r: T2Row| r.cols_read(format).len();
    let mut rows = Vec::new();
    let mut local_ok = true;
    let mut seen: Vec<T2Row> = Vec::new();
    let mut block: Option<T2Row> = None;
    let mut extra = 0;
    for (li, l) in reader.labels.iter().enumerate() {
        match l.class {
            Class::Row(k) => {
                let row = T2Row::ALL[k as usize];
                if seen.contains(&row) {
                    continue;
                }
                seen.push(row);
                block = Some(row);
                let r = reader.row_local(li, ncols(row));
                local_ok &= r.is_ok();
                let (cells, shape_error) = match &r {
                    Ok(p) => (reader.cells(p, &cols(row, format)), None),
                    Err(f) => (Vec::new(), Some(RowError::count(ncols(row), *f))),
                };
                rows.push(RowModel {
                    key: RowKey::T2(row),
                    label: reader.label_text(l),
                    label_span: reader.label_span(l),
                    kind: RowKind::Official,
                    cells,
                    shape_error,
                });
            }
            Class::Local | Class::Unknown => {
                let Some(b) = block else { continue };
                let r = reader.row_local(li, ncols(b));
                if matches!(r, Err(0)) {
                    continue;
                }
                local_ok &= r.is_ok();
                extra += 1;
                if extra > MAX_EXTRA_ROWS {
                    continue;
                }
                let kind = if l.class == Class::Local {
                    RowKind::Local
                } else {
                    RowKind::Unknown
                };
                let (cells, shape_error) = match &r {
                    Ok(p) => (reader.cells(p, &cols(b, format)), None),
                    Err(f) => (Vec::new(), Some(RowError::count(ncols(b), *f))),
                };
                rows.push(RowModel {
                    key: RowKey::Extra(extra as u16),
                    label: reader.label_text(l),
                    label_span: reader.label_span(l),
                    kind,
                    cells,
                    shape_error,
                });
            }
            _ => {}
        }
    }
    let all_found = defs.iter().all(|r| seen.contains(r));
    if !(local_ok && all_found) {
        let layout: Vec<(usize, usize)> = defs.iter().map(|r| (*r as usize, ncols(*r))).collect();
        if let Some(picked) = reader.stream(&layout) {
            rows.clear();
            for (i, d) in defs.iter().enumerate() {
                let label = reader
                    .labels
                    .iter()
                    .find(|l| l.class == Class::Row(*d as u8));
                let (label_span, text) = match label {
                    Some(l) => (reader.label_span(l), reader.label_text(l)),
                    None => (reader.t.span(picked[i][0]), d.label_in(format).to_string()),
                };
                rows.push(RowModel {
                    key: RowKey::T2(*d),
                    label: text,
                    label_span,
                    kind: RowKind::Official,
                    cells: reader.cells(&picked[i], &cols(*d, format)),
                    shape_error: None,
                });
            }
        }
    }
    let layout: Vec<(RowKey, &'static str)> = defs
        .iter()
        .map(|d| (RowKey::T2(*d), d.label_in(format)))
        .collect();
    let mut t = finish_table(TableId::T2, &reader, rows, &layout, false, None);
    t.amount_header = amount_header(doc, lines, format);
    mark_unreadable(&mut t, unreadable(&reader, extra));
    t
}

fn amount_header(doc: &Doc, lines: std::ops::Range<usize>, format: Format) -> Option<AmountHeader> {
    let key = if format == Format::A {
        "采购总金额"
    } else {
        "本年收费金额"
    };
    for li in lines {
        for c in doc.line(li).cells() {
            // both headers have 金 (金额)
            if !c.sig.has(const { mark('金') }) {
                continue;
            }
            let n = c.norm;
            if n.contains(key) {
                let unit = if n.contains("万元") {
                    Some(Unit::TenThousandYuan)
                } else if n.contains('元') {
                    Some(Unit::Yuan)
                } else {
                    None
                };
                let decimals = n.find("保留").and_then(|i| {
                    let rest = &n[i + "保留".len()..];
                    let num: String = rest.chars().take_while(|c| !matches!(c, '位')).collect();
                    num.parse::<u32>().ok().or_else(|| cn_numeral_value(&num))
                });
                return Some(AmountHeader {
                    span: c.span,
                    text: c.text.to_string(),
                    unit,
                    decimals,
                });
            }
        }
    }
    None
}
