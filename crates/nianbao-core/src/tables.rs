//! Reading tables 二/三/四 out of a region of a [`Doc`] (format.md §9.3–§9.7).
//!
//! 1. The region's cells become tokens: `Value` (a number or placeholder), `Empty` (an
//!    explicit empty cell of a tab/pipe/HTML row) or `Text`. Page numbers are dropped.
//! 2. Text tokens are matched against the template's labels (a label broken over several
//!    tokens is joined; a piece that follows a matched label before any value continues it).
//! 3. **Row-local reading**: each row label takes the value cells after it: on a structured
//!    row, the cells of that line; otherwise the values up to the next label. Exactly the
//!    layout's count is required.
//! 4. **Stream reading**, only when row-local reading fails: PDF text can put values before
//!    or far from their labels but keeps them in table order. All values of the table are
//!    assigned in template order if and only if their number is exactly the layout's, and
//!    every label that is directly followed by a value sits at the position the template
//!    gives it. Otherwise the rows that could not be read are reported (S406): nothing is
//!    shifted or guessed.

use crate::doc::{Doc, LineKind, Span};
use crate::model::*;
use crate::normalize::{similarity, split_numbering, strip_parens, Numbering};
use crate::template::{self, Format, Group, RowDef, T3_COLUMNS, T3_SUBTOTAL_COLUMN};
use crate::value::{self, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TK {
    Empty,
    Value,
    Text,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    line: usize,
    line_kind: LineKind,
    span: Span,
    text: &'a str,
    norm: &'a str,
    kind: TK,
    /// The value for arithmetic of a `Value` token (a placeholder counts as 0).
    num: crate::decimal::Decimal,
}

fn is_page_number(t: &str) -> bool {
    // most cells are not: a page number has a dash, 页 or a form feed (no allocation then)
    if !t.contains(['-', '—', '–', '－', '页', '\u{0c}']) {
        return false;
    }
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = s.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
    let dashed = inner.len() < s.len()
        && !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_digit())
        && s.starts_with(['-', '—', '–', '－'])
        && s.ends_with(['-', '—', '–', '－']);
    let paged = (s.starts_with('第') && s.ends_with('页'))
        || s.contains("页共")
        || (s.starts_with("共") && s.ends_with("页"));
    dashed || paged || t == "\u{0c}"
}

fn tokens<'a>(doc: &'a Doc, lines: std::ops::Range<usize>) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    for li in lines {
        let line = &doc.lines[li];
        for c in &line.cells {
            if line.kind != LineKind::Row && c.text.is_empty() {
                continue;
            }
            if is_page_number(&c.text) {
                continue;
            }
            let mut num = crate::decimal::Decimal::ZERO;
            let kind = if c.text.is_empty() {
                TK::Empty
            } else {
                match value::read(&c.text).value {
                    value::Value::Number(d) => {
                        num = d;
                        TK::Value
                    }
                    value::Value::Placeholder => TK::Value,
                    _ => TK::Text,
                }
            };
            out.push(Tok {
                line: li,
                line_kind: line.kind,
                span: c.span,
                text: &c.text,
                norm: &c.norm,
                kind,
                num,
            });
        }
    }
    out
}

/// What a label token is.
#[derive(Debug, Clone, PartialEq)]
enum Class {
    /// Index into the reader's row list.
    Row(usize),
    Subtotal,
    /// A known local row (表二 `其他主动公开文件`).
    Local,
    Group,
    Header,
    Unknown,
}

#[derive(Debug, Clone)]
struct Label {
    class: Class,
    first: usize,
    last: usize,
    span: Span,
    text: String,
}

/// A cell picked for a row: a token, or an explicit empty cell.
type Picked = Vec<usize>;

struct Reader<'a> {
    src: &'a str,
    toks: Vec<Tok<'a>>,
    labels: Vec<Label>,
}

impl<'a> Reader<'a> {
    fn new(
        src: &'a str,
        doc: &'a Doc,
        lines: std::ops::Range<usize>,
        classify: &dyn Fn(&str) -> Class,
    ) -> Self {
        let toks = tokens(doc, lines);
        let labels = find_labels(&toks, classify);
        Reader { src, toks, labels }
    }

    fn label_at(&self, tok: usize) -> Option<usize> {
        self.labels
            .iter()
            .position(|l| l.first <= tok && tok <= l.last)
    }

    /// Row-local reading of label `li` with `n` cells. `Ok(token indices)` or `Err(found)`.
    fn row_local(&self, li: usize, n: usize) -> Result<Picked, usize> {
        let label = &self.labels[li];
        let lt = &self.toks[label.last];
        if lt.line_kind == LineKind::Row {
            let same: Vec<usize> = (label.last + 1..self.toks.len())
                .take_while(|&i| self.toks[i].line == lt.line)
                .collect();
            let stop = same.iter().position(|&i| {
                self.toks[i].kind == TK::Text
                    && self
                        .label_at(i)
                        .map(|l| self.labels[l].class != Class::Unknown)
                        .unwrap_or(false)
            });
            let same = &same[..stop.unwrap_or(same.len())];
            let nonempty: Vec<usize> = same
                .iter()
                .copied()
                .filter(|&i| self.toks[i].kind != TK::Empty)
                .collect();
            if !nonempty.is_empty() {
                if nonempty.len() == n {
                    return Ok(nonempty);
                }
                if nonempty.len() > n {
                    return Err(nonempty.len());
                }
                if same.len() == n {
                    return Ok(same.to_vec());
                }
                let first = same
                    .iter()
                    .position(|&i| self.toks[i].kind != TK::Empty)
                    .unwrap();
                if same.len() - first >= n {
                    let window = &same[first..first + n];
                    // the window must hold every value of the line
                    if window
                        .iter()
                        .filter(|&&i| self.toks[i].kind != TK::Empty)
                        .count()
                        == nonempty.len()
                    {
                        return Ok(window.to_vec());
                    }
                }
                return Err(nonempty.len());
            }
            // every value cell of the row is empty: blank cells, unless the values follow
            // on the next lines (a wrapped label)
            let next = self
                .labels
                .get(li + 1)
                .map(|l| l.first)
                .unwrap_or(self.toks.len());
            let later_values = (label.last + 1..next).any(|i| self.toks[i].kind == TK::Value);
            if same.len() >= n && !later_values {
                return Ok(same[..n].to_vec());
            }
        }
        // values up to the next label
        let next = self
            .labels
            .get(li + 1)
            .map(|l| l.first)
            .unwrap_or(self.toks.len());
        let vals: Vec<usize> = (label.last + 1..next)
            .filter(|&i| self.toks[i].kind == TK::Value)
            .collect();
        if vals.len() == n {
            Ok(vals)
        } else {
            Err(vals.len())
        }
    }

    /// Stream reading: all values of the region in order, if they fit `layout` exactly and
    /// every label directly followed by a value agrees with its template position.
    fn stream(&self, layout: &[(usize, usize)]) -> Option<Vec<Picked>> {
        let vals: Vec<usize> = (0..self.toks.len())
            .filter(|&i| self.toks[i].kind == TK::Value)
            .collect();
        let total: usize = layout.iter().map(|(_, n)| n).sum();
        if vals.len() != total || total == 0 {
            return None;
        }
        let mut offsets = Vec::new();
        let mut acc = 0;
        for (_, n) in layout {
            offsets.push(acc);
            acc += n;
        }
        let mut anchors = 0;
        for l in &self.labels {
            let next = (l.last + 1..self.toks.len()).find(|&i| self.toks[i].kind != TK::Empty);
            let Some(next) = next.filter(|&i| self.toks[i].kind == TK::Value) else {
                continue;
            };
            let pos = vals.iter().position(|&v| v == next).unwrap();
            match &l.class {
                Class::Row(r) => match layout.iter().position(|(row, _)| row == r) {
                    Some(k) if offsets[k] == pos => anchors += 1,
                    _ => return None,
                },
                Class::Unknown | Class::Subtotal | Class::Local => return None,
                _ => {}
            }
        }
        if anchors == 0 {
            return None;
        }
        Some(
            layout
                .iter()
                .enumerate()
                .map(|(k, (_, n))| vals[offsets[k]..offsets[k] + n].to_vec())
                .collect(),
        )
    }

    /// Stream reading for tables whose rows all have `n` values, where a run of values
    /// between two labels may cover several rows written row by row or column by column
    /// (PDF text; format.md §9.3). Each run must hold whole rows; a label directly before a
    /// run must name one of the run's rows. Within a run of several rows the reading (row by
    /// row, column by column, or the first rows row by row and the rest column by column)
    /// is the one that breaks the fewest identities (the row identity `总计 = Σ applicant
    /// columns` within the run, plus the table's column identities given by `table_broken`);
    /// equally good readings are ranked row by row, then column by column, then mixed. The
    /// chosen reading may break the row identity in at most one row (a real error in the
    /// report); otherwise the values cannot be assigned with certainty and this is `None`.
    fn stream_runs(
        &self,
        rows: &[usize],
        n: usize,
        total_col: usize,
        part_cols: &[usize],
        table_broken: &dyn Fn(&[Picked], &dyn Fn(usize) -> crate::decimal::Decimal) -> usize,
    ) -> Option<Vec<Picked>> {
        let vals: Vec<usize> = (0..self.toks.len())
            .filter(|&i| self.toks[i].kind == TK::Value)
            .collect();
        if vals.is_empty() || vals.len() != rows.len() * n {
            return None;
        }
        // runs: values not separated by a text token
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for k in 1..=vals.len() {
            let split = k == vals.len()
                || (vals[k - 1] + 1..vals[k]).any(|i| self.toks[i].kind == TK::Text);
            if split {
                runs.push((start, k - start));
                start = k;
            }
        }
        if runs.iter().any(|(s, l)| s % n != 0 || l % n != 0) {
            return None;
        }
        let mut anchors = 0;
        for l in &self.labels {
            let next = (l.last + 1..self.toks.len()).find(|&i| self.toks[i].kind != TK::Empty);
            let Some(next) = next.filter(|&i| self.toks[i].kind == TK::Value) else {
                continue;
            };
            let pos = vals.iter().position(|&v| v == next).unwrap();
            let Some(&(rs, rl)) = runs.iter().find(|(s, _)| *s == pos) else {
                return None;
            };
            match &l.class {
                Class::Row(r) => match rows.iter().position(|x| x == r) {
                    Some(k) if k >= rs / n && k < (rs + rl) / n => anchors += 1,
                    _ => return None,
                },
                Class::Unknown | Class::Subtotal | Class::Local => return None,
                _ => {}
            }
        }
        if anchors == 0 {
            return None;
        }
        let num = |i: usize| self.toks[i].num;
        // candidates per run: row by row first (the default reading of text)
        let mut run_cands: Vec<Vec<(usize, Vec<Picked>)>> = Vec::new();
        for &(rs, rl) in &runs {
            let m = rl / n;
            let run = &vals[rs..rs + rl];
            let reading = |j: usize| -> Vec<Picked> {
                // the first j rows row by row, the rest column by column
                let mut rows: Vec<Picked> =
                    (0..j).map(|r| run[r * n..(r + 1) * n].to_vec()).collect();
                let rest = &run[j * n..];
                let mr = m - j;
                for r in 0..mr {
                    rows.push((0..n).map(|c| rest[c * mr + r]).collect());
                }
                rows
            };
            let broken = |rows: &[Picked]| {
                rows.iter()
                    .filter(|r| {
                        part_cols
                            .iter()
                            .fold(crate::decimal::Decimal::ZERO, |a, &c| a.add(num(r[c])))
                            != num(r[total_col])
                    })
                    .count()
            };
            let values = |rows: &[Picked]| {
                rows.iter()
                    .map(|r| r.iter().map(|&i| num(i)).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            let mut cands: Vec<(usize, Vec<Picked>)> = Vec::new();
            // prior order among equally good readings: row by row, column by column, mixed
            let order: Vec<usize> = std::iter::once(m)
                .chain(std::iter::once(0))
                .chain((1..m.saturating_sub(1)).rev())
                .collect();
            for j in order {
                if m == 1 && j == 0 {
                    continue;
                }
                let r = reading(j);
                if cands.iter().any(|(_, c)| values(c) == values(&r)) {
                    continue;
                }
                cands.push((broken(&r), r));
            }
            run_cands.push(cands);
        }
        // choose per run: fewest broken rows in the run plus broken column identities of the
        // whole table (other runs at their current choice); row by row wins ties
        let mut choice: Vec<usize> = vec![0; runs.len()];
        let assemble = |choice: &[usize]| -> Vec<Picked> {
            run_cands
                .iter()
                .zip(choice)
                .flat_map(|(c, &k)| c[k].1.iter().cloned())
                .collect()
        };
        for _pass in 0..2 {
            for ri in 0..runs.len() {
                if run_cands[ri].len() == 1 {
                    continue;
                }
                let scores: Vec<usize> = (0..run_cands[ri].len())
                    .map(|k| {
                        let mut c = choice.clone();
                        c[ri] = k;
                        run_cands[ri][k].0 + table_broken(&assemble(&c), &num)
                    })
                    .collect();
                let best = *scores.iter().min().unwrap();
                choice[ri] = scores.iter().position(|&x| x == best).unwrap();
            }
        }
        if run_cands.iter().zip(&choice).any(|(c, &k)| c[k].0 > 1) {
            return None;
        }
        let out = assemble(&choice);
        Some(out)
    }

    fn cells(&self, picked: &[usize], cols: &[&str]) -> Vec<CellModel> {
        picked
            .iter()
            .zip(cols)
            .map(|(&i, col)| {
                let t = &self.toks[i];
                if t.kind == TK::Empty {
                    CellModel {
                        col: col.to_string(),
                        raw: String::new(),
                        span: None,
                        reading: value::read(""),
                    }
                } else {
                    let raw = &self.src[t.span.start..t.span.end];
                    // in HTML the source may hold an entity; read the decoded text then
                    let reading = value::read(t.text);
                    CellModel {
                        col: col.to_string(),
                        raw: raw.to_string(),
                        span: Some(t.span),
                        reading,
                    }
                }
            })
            .collect()
    }

    fn region_span(&self) -> Span {
        let spans: Vec<Span> = self
            .toks
            .iter()
            .filter(|t| t.kind != TK::Empty)
            .map(|t| t.span)
            .collect();
        spans
            .iter()
            .copied()
            .reduce(Span::cover)
            .unwrap_or_default()
    }
}

/// Finds the labels among the text tokens. `classify` takes a normalised label.
fn find_labels(toks: &[Tok], classify: &dyn Fn(&str) -> Class) -> Vec<Label> {
    let single: Vec<Option<Class>> = toks
        .iter()
        .map(|t| (t.kind == TK::Text).then(|| classify(t.norm)))
        .collect();
    let mut labels: Vec<Label> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(first) = &single[i] else {
            i += 1;
            continue;
        };
        let mut class = first.clone();
        let mut last = i;
        // a label broken over lines or cells: join it with the following text tokens (not
        // within a structured row, whose cells are whole)
        if class == Class::Unknown && toks[i].line_kind != LineKind::Row {
            let mut joined = toks[i].norm.to_string();
            let mut j = i + 1;
            let mut parts = 1;
            while j < toks.len() && parts < 4 && joined.len() < 200 {
                match toks[j].kind {
                    TK::Empty => {}
                    TK::Value => break,
                    TK::Text => {
                        joined.push_str(toks[j].norm);
                        parts += 1;
                        let c = classify(&joined);
                        if c != Class::Unknown {
                            // do not swallow a token that is a label on its own
                            if single[j] == Some(Class::Unknown) || matches!(c, Class::Row(_)) {
                                class = c;
                                last = j;
                            }
                            break;
                        }
                    }
                }
                j += 1;
            }
        }
        // a piece right after a row label, before any value, continues that label; in a
        // structured row the next cell is a cell of its own, not a continuation
        if class == Class::Unknown {
            if let Some(prev) = labels.last_mut() {
                let between_values = (prev.last + 1..i).any(|k| toks[k].kind == TK::Value);
                let same_row =
                    toks[i].line_kind == LineKind::Row && toks[i].line == toks[prev.last].line;
                if matches!(prev.class, Class::Row(_) | Class::Subtotal | Class::Local)
                    && !between_values
                    && !same_row
                {
                    prev.last = i;
                    prev.span = prev.span.cover(toks[i].span);
                    prev.text.push_str(toks[i].text);
                    i += 1;
                    continue;
                }
            }
        }
        let span = toks[i].span.cover(toks[last].span);
        let text = (i..=last)
            .filter(|&k| toks[k].kind == TK::Text)
            .map(|k| toks[k].text)
            .collect::<Vec<_>>()
            .join("");
        labels.push(Label {
            class,
            first: i,
            last,
            span,
            text,
        });
        i = last + 1;
    }
    labels
}

// ---------------------------------------------------------------------------------------
// Table 三

const T3_HEADERS: &[&str] = &[
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
const T3_GROUPS: &[&str] = &["本年度办理结果", "不予公开", "无法提供", "不予处理"];

fn match_row(body: &str, numbering: Numbering, numeral: &str, defs: &[&RowDef]) -> Option<usize> {
    let allowed = |d: &RowDef| match d.needs_numbering {
        Some((nb, nm)) => nb == numbering && nm == numeral,
        None => true,
    };
    // exact, then a label cut short or carrying trailing text, then a typo
    if let Some(k) = defs.iter().position(|d| allowed(d) && body == d.body) {
        return Some(k);
    }
    let blen = body.chars().count();
    let prefix = defs.iter().position(|d| {
        let dlen = d.body.chars().count();
        allowed(d)
            && d.needs_numbering.is_none()
            && ((blen >= 6 && d.body.starts_with(body))
                || (dlen >= 4 && body.starts_with(d.body) && blen <= dlen + 12))
    });
    if prefix.is_some() || blen < 4 {
        return prefix;
    }
    let chars: Vec<char> = body.chars().collect();
    let mut best: Option<(usize, f32)> = None;
    for (k, d) in defs.iter().enumerate() {
        if !allowed(d) || d.needs_numbering.is_some() {
            continue;
        }
        let dlen = d.body.chars().count();
        if !crate::normalize::may_be_similar(blen, dlen, 0.8) {
            continue;
        }
        let s = crate::normalize::similarity_to(&chars, d.body);
        if s >= 0.8 && best.map(|(_, b)| s > b).unwrap_or(true) {
            best = Some((k, s));
        }
    }
    best.map(|(k, _)| k)
}

fn classify_t3(n: &str, defs: &[&RowDef]) -> Class {
    if n.contains("勾稽") {
        return Class::Header;
    }
    let (numbering, num, rest) = split_numbering(n);
    let body = strip_parens(rest);
    if body.is_empty() {
        return Class::Unknown;
    }
    if numbering == Numbering::None && T3_HEADERS.contains(&body.as_str()) {
        return Class::Header;
    }
    if body.ends_with("小计") && body != "法人或其他组织小计" {
        return Class::Subtotal;
    }
    if T3_GROUPS.contains(&body.as_str()) {
        return Class::Group;
    }
    match match_row(&body, numbering, num, defs) {
        Some(k) => Class::Row(k),
        None => Class::Unknown,
    }
}

pub(crate) fn read_t3(
    src: &str,
    doc: &Doc,
    lines: std::ops::Range<usize>,
    format: Option<Format>,
) -> TableModel {
    let all: Vec<&RowDef> = template::T3_ROWS.iter().collect();
    let reader = Reader::new(src, doc, lines, &|t| classify_t3(t, &all));
    let has = |key: &str| {
        reader
            .labels
            .iter()
            .any(|l| matches!(l.class, Class::Row(k) if all[k].key == key))
    };
    let b_rows = has("other_overdue_correction") || has("other_overdue_fee") || has("other_misc");
    let three = if b_rows {
        true
    } else if has("other_processing") {
        false
    } else {
        format != Some(Format::A)
    };
    let defs: Vec<&RowDef> = template::t3_rows(three);
    let to_layout = |k: usize| defs.iter().position(|d| d.key == all[k].key);

    // columns: 7, or 8 with a 法人或其他组织小计 column
    let sub_header = reader
        .toks
        .iter()
        .find(|t| t.kind == TK::Text && t.norm == "法人或其他组织小计");
    let mut cols: Vec<&str> = T3_COLUMNS.iter().map(|c| c.0).collect();
    let values = reader.toks.iter().filter(|t| t.kind == TK::Value).count();
    let eight = sub_header.is_some() || (values == defs.len() * 8 && values > 0);
    if eight {
        cols.insert(6, T3_SUBTOTAL_COLUMN.0);
    }
    let n = cols.len();

    let mut rows: Vec<RowModel> = Vec::new();
    let mut found: Vec<Option<usize>> = vec![None; defs.len()];
    let mut local_ok = true;
    let mut local: Vec<(usize, Result<Picked, usize>)> = Vec::new();
    for (li, l) in reader.labels.iter().enumerate() {
        match &l.class {
            Class::Row(k) => {
                let Some(pos) = to_layout(*k) else {
                    // a row of the other （六） shape: treat as the row of this layout's （六）
                    continue;
                };
                if found[pos].is_some() {
                    continue;
                }
                let r = reader.row_local(li, n);
                local_ok &= r.is_ok();
                found[pos] = Some(local.len());
                local.push((li, r));
            }
            Class::Subtotal | Class::Unknown => {
                let r = reader.row_local(li, n);
                if matches!(r, Err(0)) {
                    continue;
                }
                local_ok &= r.is_ok();
                local.push((li, r));
            }
            _ => {}
        }
    }
    let all_found = found.iter().all(|f| f.is_some());
    let mut stream_used = false;
    if !(local_ok && all_found) {
        let layout: Vec<(usize, usize)> = defs
            .iter()
            .map(|d| (all.iter().position(|a| a.key == d.key).unwrap(), n))
            .collect();
        let row_ids: Vec<usize> = layout.iter().map(|x| x.0).collect();
        let total_col = cols.iter().position(|c| *c == "total").unwrap();
        let part_cols: Vec<usize> = (0..6).collect();
        // T301 and T302 per column, for choosing between readings of a run
        let pos = |key: &str| defs.iter().position(|d| d.key == key);
        let (nr, co, tp, cf) = (
            pos("new_received"),
            pos("carried_over"),
            pos("total_processed"),
            pos("carried_forward"),
        );
        let outcome: Vec<usize> = (0..defs.len())
            .filter(|&k| ![nr, co, tp, cf].contains(&Some(k)))
            .collect();
        let table_broken = |rows: &[Picked], num: &dyn Fn(usize) -> crate::decimal::Decimal| {
            let (Some(nr), Some(co), Some(tp), Some(cf)) = (nr, co, tp, cf) else {
                return 0;
            };
            (0..n)
                .filter(|&c| c != 6 || n == 7)
                .map(|c| {
                    let t301 = num(rows[nr][c]).add(num(rows[co][c]))
                        != num(rows[tp][c]).add(num(rows[cf][c]));
                    let t302 = outcome.iter().fold(crate::decimal::Decimal::ZERO, |a, &k| {
                        a.add(num(rows[k][c]))
                    }) != num(rows[tp][c]);
                    t301 as usize + t302 as usize
                })
                .sum()
        };
        if let Some(picked) = reader.stream_runs(&row_ids, n, total_col, &part_cols, &table_broken)
        {
            stream_used = true;
            for (k, d) in defs.iter().enumerate() {
                let label = reader
                    .labels
                    .iter()
                    .find(|l| l.class == Class::Row(layout[k].0));
                let (label_span, text) = label
                    .map(|l| (l.span, l.text.clone()))
                    .unwrap_or_else(|| (reader.toks[picked[k][0]].span, d.label.to_string()));
                rows.push(RowModel {
                    key: d.key.to_string(),
                    label: text,
                    label_span,
                    kind: RowKind::Official,
                    cells: reader.cells(&picked[k], &cols),
                    shape_error: None,
                });
            }
        }
    }
    if !stream_used {
        // subtotal keys by position: the group of the rows around it
        let mut prev_group = Group::None;
        for (li, r) in &local {
            let l = &reader.labels[*li];
            let (key, kind) = match &l.class {
                Class::Row(k) => {
                    prev_group = all[*k].group;
                    (all[*k].key.to_string(), RowKind::Official)
                }
                Class::Subtotal => {
                    let next_group = reader.labels[li + 1..].iter().find_map(|x| match x.class {
                        Class::Row(k) => Some(all[k].group),
                        _ => None,
                    });
                    let g = if prev_group != Group::None && next_group != Some(prev_group) {
                        prev_group
                    } else {
                        next_group.unwrap_or(prev_group)
                    };
                    let key = template::T3_SUBTOTALS
                        .iter()
                        .find(|(_, gg)| *gg == g)
                        .map(|x| x.0)
                        .unwrap_or("subtotal");
                    (key.to_string(), RowKind::Subtotal)
                }
                _ => (
                    format!(
                        "extra_{}",
                        rows.iter().filter(|r| r.kind == RowKind::Unknown).count() + 1
                    ),
                    RowKind::Unknown,
                ),
            };
            let (cells, shape_error) = match r {
                Ok(p) => (reader.cells(p, &cols), None),
                Err(found) => (Vec::new(), Some((n, *found))),
            };
            rows.push(RowModel {
                key,
                label: l.text.clone(),
                label_span: l.span,
                kind,
                cells,
                shape_error,
            });
        }
    }
    let mut t = finish_table(
        TableId::T3,
        &reader,
        rows,
        &defs.iter().map(|d| (d.key, d.label)).collect::<Vec<_>>(),
        three,
        sub_header.map(|t| t.span),
    );
    t.unreadable = unreadable(&reader);
    if t.unreadable.is_some() {
        t.rows.clear();
        t.missing.clear();
        t.complete = false;
    }
    t
}

/// A table region in which nothing can be read honestly: no row label at all (cells run
/// together with no separator), or labels but not a single value.
fn unreadable(reader: &Reader) -> Option<String> {
    if !reader
        .labels
        .iter()
        .any(|l| matches!(l.class, Class::Row(_)))
    {
        return Some(
            "未能识别表格中的任何一行：单元格之间没有分隔（例如“230 000023”），无法可靠拆分"
                .to_string(),
        );
    }
    if !reader.toks.iter().any(|t| t.kind == TK::Value) {
        return Some("表格中没有读到任何数值：单元格为空，或在复制时丢失".to_string());
    }
    None
}

fn finish_table(
    id: TableId,
    reader: &Reader,
    mut rows: Vec<RowModel>,
    layout: &[(&'static str, &'static str)],
    three: bool,
    extra_column: Option<Span>,
) -> TableModel {
    // order rows by the template, extras after the official row before them
    let span = reader.region_span();
    let mut missing = Vec::new();
    let mut prev_span = span.start;
    for (key, label) in layout {
        match rows.iter().find(|r| r.key == *key) {
            Some(r) => prev_span = r.label_span.end.max(prev_span),
            None => missing.push(MissingRow {
                key,
                label,
                after: Span::new(prev_span, prev_span),
            }),
        }
    }
    for m in &mut missing {
        // point at the label of the row before the gap
        if let Some(r) = rows
            .iter()
            .filter(|r| r.label_span.end <= m.after.start && r.kind == RowKind::Official)
            .last()
        {
            m.after = r.label_span;
        } else {
            m.after = Span::new(span.start, span.start);
        }
    }
    rows.sort_unstable_by_key(|r| (r.label_span.start, r.label_span.end));
    let complete = missing.is_empty()
        && layout
            .iter()
            .all(|(k, _)| rows.iter().any(|r| r.key == *k && r.shape_error.is_none()));
    TableModel {
        id,
        span,
        rows,
        missing,
        complete,
        extra_column,
        amount_header: None,
        unreadable: None,
        three_other_rows: three,
    }
}

// ---------------------------------------------------------------------------------------
// Table 二

fn classify_t2(n: &str) -> Class {
    if n.contains("第二十条") || n.contains("信息内容") {
        return Class::Header;
    }
    let (_, _, rest) = split_numbering(n);
    let body = strip_parens(rest);
    if body.is_empty() {
        return Class::Header;
    }
    for (label, _) in template::T2_SIGNALS {
        if body.starts_with(label)
            || (body.chars().count() >= 4 && label.starts_with(body.as_str()))
        {
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
    for (k, r) in template::T2_ROWS.iter().enumerate() {
        for l in [r.label_b, r.label_a] {
            if !l.is_empty() && body == l {
                return Class::Row(k);
            }
        }
    }
    if template::T2_LOCAL_ROWS.contains(&body.as_str()) {
        return Class::Local;
    }
    for (k, r) in template::T2_ROWS.iter().enumerate() {
        for l in [r.label_b, r.label_a] {
            let (bl, ll) = (body.chars().count(), l.chars().count());
            if !l.is_empty()
                && ll >= 4
                && crate::normalize::may_be_similar(bl, ll, 0.85)
                && similarity(&body, l) >= 0.85
            {
                return Class::Row(k);
            }
        }
    }
    Class::Unknown
}

/// The format table 二's headers name, with the signals found.
pub(crate) fn t2_signals(doc: &Doc, lines: std::ops::Range<usize>) -> Vec<FormatSignal> {
    let mut out = Vec::new();
    for li in lines {
        for c in &doc.lines[li].cells {
            let n = strip_parens(&c.norm);
            for (label, f) in template::T2_SIGNALS {
                if n.contains(label) {
                    // 处理决定数量 alone is A; 本年处理决定数量 is B
                    out.push(FormatSignal {
                        format: *f,
                        span: c.span,
                        text: c.text.clone(),
                    });
                    break;
                }
            }
            if n == "处理决定数量" {
                out.push(FormatSignal {
                    format: Format::A,
                    span: c.span,
                    text: c.text.clone(),
                });
            }
        }
    }
    out
}

pub(crate) fn read_t2(
    src: &str,
    doc: &Doc,
    lines: std::ops::Range<usize>,
    format: Format,
) -> TableModel {
    let reader = Reader::new(src, doc, lines.clone(), &|t| classify_t2(t));
    let defs: Vec<(usize, &template::T2RowDef)> = template::T2_ROWS
        .iter()
        .enumerate()
        .filter(|(_, r)| r.in_format(format))
        .collect();
    let ncols = |k: usize| {
        let r = &template::T2_ROWS[k];
        if r.in_format(format) {
            r.cols(format).len()
        } else {
            r.cols(if format == Format::A {
                Format::B
            } else {
                Format::A
            })
            .len()
        }
    };
    let cols_of = |k: usize| -> Vec<&str> {
        let r = &template::T2_ROWS[k];
        let f = if r.in_format(format) {
            format
        } else if format == Format::A {
            Format::B
        } else {
            Format::A
        };
        r.cols(f).iter().map(|c| c.0).collect()
    };
    let mut rows = Vec::new();
    let mut local_ok = true;
    let mut seen = Vec::new();
    let mut block_cols: Option<usize> = None;
    let mut extra = 0;
    for (li, l) in reader.labels.iter().enumerate() {
        match l.class {
            Class::Row(k) => {
                if seen.contains(&k) {
                    continue;
                }
                seen.push(k);
                block_cols = Some(k);
                let r = reader.row_local(li, ncols(k));
                local_ok &= r.is_ok();
                let (cells, shape_error) = match &r {
                    Ok(p) => (reader.cells(p, &cols_of(k)), None),
                    Err(f) => (Vec::new(), Some((ncols(k), *f))),
                };
                rows.push(RowModel {
                    key: template::T2_ROWS[k].key.to_string(),
                    label: l.text.clone(),
                    label_span: l.span,
                    kind: RowKind::Official,
                    cells,
                    shape_error,
                });
            }
            Class::Local | Class::Unknown => {
                let Some(bk) = block_cols else { continue };
                let r = reader.row_local(li, ncols(bk));
                if matches!(r, Err(0)) {
                    continue;
                }
                local_ok &= r.is_ok();
                extra += 1;
                let kind = if l.class == Class::Local {
                    RowKind::Local
                } else {
                    RowKind::Unknown
                };
                let (cells, shape_error) = match &r {
                    Ok(p) => (reader.cells(p, &cols_of(bk)), None),
                    Err(f) => (Vec::new(), Some((ncols(bk), *f))),
                };
                rows.push(RowModel {
                    key: format!("extra_{extra}"),
                    label: l.text.clone(),
                    label_span: l.span,
                    kind,
                    cells,
                    shape_error,
                });
            }
            _ => {}
        }
    }
    let all_found = defs.iter().all(|(k, _)| seen.contains(k));
    if !(local_ok && all_found) {
        let layout: Vec<(usize, usize)> = defs.iter().map(|(k, _)| (*k, ncols(*k))).collect();
        if let Some(picked) = reader.stream(&layout) {
            rows.clear();
            for (i, (k, d)) in defs.iter().enumerate() {
                let label = reader.labels.iter().find(|l| l.class == Class::Row(*k));
                let (label_span, text) =
                    label.map(|l| (l.span, l.text.clone())).unwrap_or_else(|| {
                        (reader.toks[picked[i][0]].span, d.label(format).to_string())
                    });
                rows.push(RowModel {
                    key: d.key.to_string(),
                    label: text,
                    label_span,
                    kind: RowKind::Official,
                    cells: reader.cells(&picked[i], &cols_of(*k)),
                    shape_error: None,
                });
            }
        }
    }
    let layout: Vec<(&'static str, &'static str)> =
        defs.iter().map(|(_, d)| (d.key, d.label(format))).collect();
    let mut t = finish_table(TableId::T2, &reader, rows, &layout, false, None);
    t.amount_header = amount_header(doc, lines, format);
    t.unreadable = unreadable(&reader);
    if t.unreadable.is_some() {
        t.rows.clear();
        t.missing.clear();
        t.complete = false;
    }
    t
}

fn amount_header(doc: &Doc, lines: std::ops::Range<usize>, format: Format) -> Option<AmountHeader> {
    let key = if format == Format::A {
        "采购总金额"
    } else {
        "本年收费金额"
    };
    for li in lines {
        for c in &doc.lines[li].cells {
            let n = &c.norm;
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
                    num.parse::<u32>()
                        .ok()
                        .or_else(|| crate::normalize::cn_numeral_value(&num))
                });
                return Some(AmountHeader {
                    span: c.span,
                    text: c.text.clone(),
                    unit,
                    decimals,
                });
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Table 四

pub(crate) fn read_t4(src: &str, doc: &Doc, lines: std::ops::Range<usize>) -> TableModel {
    let reader = Reader::new(src, doc, lines, &|_| Class::Header);
    let span = reader.region_span();
    let cols: Vec<String> = template::T4_GROUPS
        .iter()
        .flat_map(|(g, _)| {
            template::T4_COLUMNS
                .iter()
                .map(move |(c, _)| format!("{g}.{c}"))
        })
        .collect();
    let vals: Vec<usize> = (0..reader.toks.len())
        .filter(|&i| reader.toks[i].kind == TK::Value)
        .collect();
    let mut picked: Result<Vec<usize>, usize> = Err(vals.len());
    if let Some(&first) = vals.first() {
        let ft = &reader.toks[first];
        if ft.line_kind == LineKind::Row {
            // the values' line: exact positions, blanks are real
            let same: Vec<usize> = (0..reader.toks.len())
                .filter(|&i| reader.toks[i].line == ft.line && i >= first)
                .collect();
            let nonempty = same
                .iter()
                .filter(|&&i| reader.toks[i].kind != TK::Empty)
                .count();
            let all_values = same.iter().all(|&i| reader.toks[i].kind != TK::Text);
            if nonempty == 15 && all_values {
                picked = Ok(same
                    .iter()
                    .copied()
                    .filter(|&i| reader.toks[i].kind != TK::Empty)
                    .collect());
            } else if all_values
                && same.len() >= 15
                && nonempty < 15
                && same[15..].iter().all(|&i| reader.toks[i].kind == TK::Empty)
            {
                picked = Ok(same[..15].to_vec());
            }
        }
        if picked.is_err() && vals.len() == 15 {
            picked = Ok(vals.clone());
        }
    }
    // in one-cell-per-line text a 总计 label just before a value must head a 总计 cell
    let mut unreadable = None;
    if let Ok(p) = &picked {
        let first = p
            .iter()
            .copied()
            .find(|&i| reader.toks[i].kind != TK::Empty)
            .unwrap_or(0);
        for (k, &vi) in p.iter().enumerate() {
            // only labels interleaved among the values count; the header ends before them
            if vi <= first || reader.toks[vi].kind == TK::Empty {
                continue;
            }
            let prev = (0..vi).rev().find(|&i| reader.toks[i].kind != TK::Empty);
            if let Some(prev) = prev {
                let t = &reader.toks[prev];
                if t.kind == TK::Text
                    && t.line_kind == LineKind::Text
                    && t.norm == "总计"
                    && k % 5 != 4
                {
                    unreadable = Some("表四数值的顺序与表头不一致（PDF提取可能打乱了列顺序），无法确定各数值所属的单元格".to_string());
                }
            }
        }
    }
    let anchor_span = reader.labels.first().map(|l| l.span).unwrap_or(span);
    let mut rows = Vec::new();
    match (&picked, &unreadable) {
        (Ok(p), None) => {
            let cells = reader.cells(p, &cols.iter().map(|s| s.as_str()).collect::<Vec<_>>());
            for (g, _) in template::T4_GROUPS {
                let gc: Vec<CellModel> = cells
                    .iter()
                    .filter(|c| c.col.starts_with(&format!("{g}.")))
                    .map(|c| CellModel {
                        col: c.col[g.len() + 1..].to_string(),
                        ..c.clone()
                    })
                    .collect();
                rows.push(RowModel {
                    key: g.to_string(),
                    label: template::T4_GROUPS
                        .iter()
                        .find(|x| x.0 == *g)
                        .unwrap()
                        .1
                        .to_string(),
                    label_span: anchor_span,
                    kind: RowKind::Official,
                    cells: gc,
                    shape_error: None,
                });
            }
        }
        _ => {
            let found = match &picked {
                Ok(_) => 15,
                Err(f) => *f,
            };
            rows.push(RowModel {
                key: "review".into(),
                label: "行政复议".into(),
                label_span: anchor_span,
                kind: RowKind::Official,
                cells: vec![],
                shape_error: Some((15, found)),
            });
        }
    }
    let complete = rows.len() == 3;
    TableModel {
        id: TableId::T4,
        span,
        rows,
        missing: vec![],
        complete,
        extra_column: None,
        amount_header: None,
        unreadable,
        three_other_rows: false,
    }
}
