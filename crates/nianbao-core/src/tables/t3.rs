//! 表三 收到和处理政府信息公开申请情况 (format.md §5): 25 or 26 rows of 7 cells (8 with the
//! non-official 法人或其他组织小计 column), non-official subtotal rows kept apart.

use super::assemble::{finish_table, mark_unreadable, unreadable, MAX_EXTRA_ROWS};
use super::identities::{t3_balance, t3_outcome_rows, t3_outcomes, t3_row_sum};
use super::labels::Class;
use super::model::{CellPath, ColKey, RowError, RowKey, RowKind, RowModel, TableId, TableModel};
use super::reader::{Picked, Reader};
use super::schema::{t3_rows, Format, Group, RowDef, T3Col, T3Row, T3_DEFS};
use super::stream::{PosIdentity, RowSum};
use super::tokens::TK;
use crate::base::normalize::{split_numbering, strip_parens, Chars, Numbering};
use crate::document::Doc;

const HEADERS: &[&str] = &[
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "法人或其他组织小计",
    "信息内容",
];
const GROUPS: &[&str] = &["本年度办理结果", "不予公开", "无法提供", "不予处理"];

/// The rows' bodies prepared for similarity, in `T3_DEFS` order.
fn def_chars() -> &'static [Chars] {
    static DEFS: std::sync::OnceLock<Vec<Chars>> = std::sync::OnceLock::new();
    DEFS.get_or_init(|| T3_DEFS.iter().map(|d| Chars::new(d.body)).collect())
}

fn match_row(body: &str, numbering: Numbering, numeral: &str) -> Option<T3Row> {
    let allowed = |d: &RowDef| match d.needs_numbering {
        Some((nb, nm)) => nb == numbering && nm == numeral,
        None => true,
    };
    // exact, then a label cut short or carrying trailing text, then a typo; the first two
    // need the same first character
    let first = body.chars().next();
    let defs = def_chars();
    let same_first = || {
        T3_DEFS
            .iter()
            .zip(defs)
            .filter(move |(_, dc)| dc.chars.first().copied() == first)
    };
    if let Some((d, _)) = same_first().find(|(d, _)| allowed(d) && body == d.body) {
        return Some(d.row);
    }
    let blen = body.chars().count();
    let prefix = same_first().find(|(d, dc)| {
        let dlen = dc.len();
        allowed(d)
            && d.needs_numbering.is_none()
            && ((blen >= 6 && d.body.starts_with(body))
                || (dlen >= 4 && body.starts_with(d.body) && blen <= dlen + 12))
    });
    if prefix.is_some() || blen < 4 {
        return prefix.map(|(d, _)| d.row);
    }
    let chars = Chars::new(body);
    let mut best: Option<(T3Row, f32)> = None;
    for (d, dc) in T3_DEFS.iter().zip(defs) {
        if !allowed(d) || d.needs_numbering.is_some() {
            continue;
        }
        let s = chars.similarity_at_least(dc, 0.8);
        if s >= 0.8 && best.map(|(_, b)| s > b).unwrap_or(true) {
            best = Some((d.row, s));
        }
    }
    best.map(|(k, _)| k)
}

fn classify(n: &str) -> Class {
    if n.contains("勾稽") {
        return Class::Header;
    }
    let (numbering, num, rest) = split_numbering(n);
    let body = strip_parens(rest);
    if body.is_empty() {
        return Class::Unknown;
    }
    if numbering == Numbering::None && HEADERS.contains(&&*body) {
        return Class::Header;
    }
    if body.ends_with("小计") && body != "法人或其他组织小计" {
        return Class::Subtotal;
    }
    if GROUPS.contains(&&*body) {
        return Class::Group;
    }
    match match_row(&body, numbering, num) {
        Some(r) => Class::Row(r as u8),
        None => Class::Unknown,
    }
}

fn row_of(class: Class) -> Option<T3Row> {
    match class {
        Class::Row(k) => Some(T3Row::ALL[k as usize]),
        _ => None,
    }
}

/// Labels whose run of values is not certainly theirs, each with the label of an official
/// row that found no values of its own (`Err(0)`), in two cases seen in PDF converter
/// output:
/// - that label stands directly before this one (nothing but group labels between) and
///   this label's values are not on its own row line: two labels before one run;
/// - a later or earlier row found too many values (`Err(k)`, k > `n`): the rows between
///   the two may each hold another row's values.
fn doubtful_labels(
    reader: &Reader,
    local: &[(usize, Result<Picked, usize>)],
    n: usize,
) -> Vec<(usize, usize)> {
    let toks = &reader.t.toks;
    let official = |li: usize| matches!(reader.labels[li].class, Class::Row(_));
    let own_line = |li: usize, picked: &Picked| {
        let line = toks[reader.labels[li].last()].line;
        picked.iter().all(|&i| toks[i].line == line)
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, (la, ra)) in local.iter().enumerate() {
        if !matches!(ra, Err(0)) || !official(*la) {
            continue;
        }
        if let Some((lb, Ok(picked))) = local.get(k + 1) {
            let (a, b) = (&reader.labels[*la], &reader.labels[*lb]);
            let between_groups = reader.labels[la + 1..*lb]
                .iter()
                .all(|l| matches!(l.class, Class::Group | Class::Header));
            let values_between = (a.last() + 1..b.first()).any(|i| toks[i].kind == TK::Value);
            if official(*lb) && between_groups && !values_between && !own_line(*lb, picked) {
                out.push((*lb, *la));
            }
        }
        let overfull = |(_, r): &&(usize, Result<Picked, usize>)| matches!(r, Err(f) if *f > n);
        let after = local[k + 1..]
            .iter()
            .position(|x| overfull(&x))
            .map(|p| k + 1 + p);
        let before = local[..k].iter().rposition(|x| overfull(&x));
        // the rows between it and a row with too many values, on either side
        let ranges = [before.map(|b| (b + 1, k)), after.map(|h| (k + 1, h))];
        for (lo, hi) in ranges.into_iter().flatten() {
            for (lb, rb) in &local[lo..hi] {
                if let Ok(picked) = rb {
                    if !own_line(*lb, picked) && !out.iter().any(|d| d.0 == *lb) {
                        out.push((*lb, *la));
                    }
                }
            }
        }
    }
    out
}

/// T301 and T302 of every official column, in positions of the layout: they choose
/// between readings of a run of values (stream reading).
fn position_identities(defs: &[T3Row], cols: &[T3Col], three: bool) -> Vec<PosIdentity> {
    let pos = |p: &CellPath| -> Option<(usize, usize)> {
        let RowKey::T3(r) = p.row else { return None };
        let ColKey::T3(c) = p.col else { return None };
        Some((
            defs.iter().position(|d| *d == r)?,
            cols.iter().position(|x| *x == c)?,
        ))
    };
    let to_pos = |i: super::identities::Identity| PosIdentity {
        left: i.left.iter().filter_map(pos).collect(),
        right: i.right.iter().filter_map(pos).collect(),
    };
    let mut out = Vec::new();
    for c in T3Col::VALUES {
        out.push(to_pos(t3_balance(c)));
        out.push(to_pos(t3_outcomes(
            c,
            t3_outcome_rows(three).map(RowKey::T3),
        )));
    }
    out
}

pub(super) fn read<'a>(
    doc: &Doc<'a>,
    lines: std::ops::Range<usize>,
    format: Option<Format>,
) -> TableModel<'a> {
    let reader = Reader::new(doc, lines, &classify);
    let has = |rows: &[T3Row]| {
        reader
            .labels
            .iter()
            .any(|l| row_of(l.class).is_some_and(|r| rows.contains(&r)))
    };
    let three = if has(&[
        T3Row::OtherOverdueCorrection,
        T3Row::OtherOverdueFee,
        T3Row::OtherMisc,
    ]) {
        true
    } else if has(&[T3Row::OtherProcessing]) {
        false
    } else {
        format != Some(Format::A)
    };
    let defs: Vec<T3Row> = t3_rows(three).collect();

    // columns: 7, or 8 with a 法人或其他组织小计 column
    let toks = &reader.t.toks;
    let sub_header = (0..toks.len())
        .find(|&i| toks[i].kind == TK::Text && reader.t.norm(i) == "法人或其他组织小计");
    let values = toks.iter().filter(|t| t.kind == TK::Value).count();
    let eight = sub_header.is_some() || (values == defs.len() * 8 && values > 0);
    let cols = T3Col::layout(eight);
    let col_keys: Vec<ColKey> = cols.iter().map(|c| ColKey::T3(*c)).collect();
    let n = cols.len();

    let mut found: Vec<bool> = vec![false; defs.len()];
    let mut local_ok = true;
    let mut local: Vec<(usize, Result<Picked, usize>)> = Vec::new();
    let mut extra = 0;
    for (li, l) in reader.labels.iter().enumerate() {
        match l.class {
            Class::Row(_) => {
                // a row of the other （六） shape is left out
                let Some(pos) = row_of(l.class).and_then(|r| defs.iter().position(|d| *d == r))
                else {
                    continue;
                };
                if found[pos] {
                    continue;
                }
                let r = reader.row_local(li, n);
                local_ok &= r.is_ok();
                found[pos] = true;
                local.push((li, r));
            }
            Class::Subtotal | Class::Unknown => {
                let r = reader.row_local(li, n);
                if matches!(r, Err(0)) {
                    continue;
                }
                local_ok &= r.is_ok();
                extra += 1;
                if extra <= MAX_EXTRA_ROWS {
                    local.push((li, r));
                }
            }
            _ => {}
        }
    }
    let all_found = found.iter().all(|f| *f);
    let doubtful = doubtful_labels(&reader, &local, n);
    let mut rows: Vec<RowModel> = Vec::new();
    let mut stream_used = false;
    if !(local_ok && all_found) {
        let row_ids: Vec<usize> = defs.iter().map(|d| *d as usize).collect();
        let total = cols
            .iter()
            .position(|c| *c == T3Col::Total)
            .unwrap_or(n - 1);
        let parts: Vec<usize> = t3_row_sum(RowKey::T3(T3Row::NewReceived))
            .right
            .iter()
            .filter_map(|p| match p.col {
                ColKey::T3(c) => cols.iter().position(|x| *x == c),
                _ => None,
            })
            .collect();
        let table = position_identities(&defs, cols, three);
        let row_sum = RowSum {
            total,
            parts: &parts,
        };
        let picked = reader
            .stream_runs(&row_ids, n, &row_sum, &table, &[])
            .or_else(|| {
                let skip: Vec<usize> = doubtful.iter().map(|d| d.0).collect();
                (!skip.is_empty())
                    .then(|| reader.stream_runs(&row_ids, n, &row_sum, &table, &skip))
                    .flatten()
            });
        if let Some(picked) = picked {
            stream_used = true;
            for (k, d) in defs.iter().enumerate() {
                let label = reader
                    .labels
                    .iter()
                    .find(|l| l.class == Class::Row(*d as u8));
                let (label_span, text) = match label {
                    Some(l) => (reader.label_span(l), reader.label_text(l)),
                    None => (reader.t.span(picked[k][0]), d.label().to_string()),
                };
                rows.push(RowModel {
                    key: RowKey::T3(*d),
                    label: text,
                    label_span,
                    kind: RowKind::Official,
                    cells: reader.cells(&picked[k], &col_keys),
                    shape_error: None,
                });
            }
        }
    }
    if !stream_used {
        // the group of the next official row after each label (for subtotal rows)
        let mut next_group: Vec<Option<Group>> = vec![None; reader.labels.len() + 1];
        for li in (0..reader.labels.len()).rev() {
            next_group[li] = row_of(reader.labels[li].class)
                .map(|r| r.group())
                .or(next_group[li + 1]);
        }
        let mut prev_group = Group::None;
        let mut unknown = 0;
        for (li, r) in &local {
            let l = &reader.labels[*li];
            let (key, kind) = match (l.class, row_of(l.class)) {
                (_, Some(row)) => {
                    prev_group = row.group();
                    (RowKey::T3(row), RowKind::Official)
                }
                (Class::Subtotal, None) => {
                    let next = next_group[li + 1];
                    let g = if prev_group != Group::None && next != Some(prev_group) {
                        prev_group
                    } else {
                        next.unwrap_or(prev_group)
                    };
                    (RowKey::Subtotal(g), RowKind::Subtotal)
                }
                _ => {
                    unknown += 1;
                    (RowKey::Extra(unknown as u16), RowKind::Unknown)
                }
            };
            let doubt = doubtful.iter().find(|d| d.0 == *li);
            let (cells, shape_error) = match r {
                Ok(_) if doubt.is_some() => (
                    Vec::new(),
                    doubt.map(|d| RowError::Doubt {
                        other: reader.label_text(&reader.labels[d.1]),
                    }),
                ),
                Ok(p) => (reader.cells(p, &col_keys), None),
                Err(found) => (Vec::new(), Some(RowError::count(n, *found))),
            };
            rows.push(RowModel {
                key,
                label: reader.label_text(l),
                label_span: reader.label_span(l),
                kind,
                cells,
                shape_error,
            });
        }
    }
    let layout: Vec<(RowKey, &'static str)> =
        defs.iter().map(|d| (RowKey::T3(*d), d.label())).collect();
    let mut t = finish_table(
        TableId::T3,
        &reader,
        rows,
        &layout,
        three,
        sub_header.map(|i| reader.t.span(i)),
    );
    mark_unreadable(&mut t, unreadable(&reader, extra));
    t
}
