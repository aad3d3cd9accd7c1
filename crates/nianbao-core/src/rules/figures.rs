//! X101–X107: the table 三 figures of the prose (read by `text::figures`) compared with
//! their cells.

use super::prelude::*;
use crate::text::figures::Kind;

/// The table cells a figure is compared with, and the values it may equal.
pub(crate) struct Target<'m, 'a> {
    pub ops: Vec<Operand<'m, 'a>>,
    /// The value the prose should have (the sum of `ops`).
    pub expected: Decimal,
    /// Other readings that also pass (`new + carried over` for 收到).
    pub also: Vec<Decimal>,
    /// The table side of the formula.
    pub what: String,
}

/// The cells behind a figure's kind; None when any is missing or not numeric.
pub(crate) fn target<'m, 'a>(t3: &'m TableModel<'a>, kind: Kind) -> Option<Target<'m, 'a>> {
    let one = |row: T3Row| operand(t3, row, T3Col::Total);
    let (ops, also) = match kind {
        Kind::NewReceived => {
            let n = one(T3Row::NewReceived)?;
            let also = one(T3Row::CarriedOver)
                .map(|c| vec![n.value + c.value])
                .unwrap_or_default();
            (vec![n], also)
        }
        Kind::CarriedOver => (vec![one(T3Row::CarriedOver)?], vec![]),
        Kind::CarriedForward => (vec![one(T3Row::CarriedForward)?], vec![]),
        Kind::Processed => (vec![one(T3Row::TotalProcessed)?], vec![]),
        Kind::ProcessedLoose => {
            let p = one(T3Row::TotalProcessed)?;
            let mut also = Vec::new();
            if let Some(n) = one(T3Row::NewReceived) {
                also.push(n.value);
                if let Some(c) = one(T3Row::CarriedOver) {
                    also.push(n.value + c.value);
                }
            }
            (vec![p], also)
        }
        Kind::Outcome(_, rows) => (
            rows.iter().map(|r| one(*r)).collect::<Option<Vec<_>>>()?,
            vec![],
        ),
    };
    let expected = sum(&ops);
    let what = match kind {
        Kind::Outcome(label, rows) if rows.len() > 1 => format!("表三 {label}各项 总计之和"),
        _ => ops
            .iter()
            .map(|o| o.label())
            .collect::<Vec<_>>()
            .join(" + "),
    };
    Some(Target {
        ops,
        expected,
        also,
        what,
    })
}

/// X101–X105: each figure of a kind `pick` selects against its cells.
pub(crate) fn check_counts(
    cx: &Ctx,
    out: &mut Vec<Finding>,
    rule: &'static Rule,
    pick: fn(Kind) -> bool,
) {
    let Some(t3) = cx.model.t3() else { return };
    for f in cx.model.prose.figures.iter().filter(|f| pick(f.kind)) {
        let Some(t) = target(t3, f.kind) else {
            continue;
        };
        let n = Decimal::from_int(f.value);
        if n == t.expected || t.also.contains(&n) {
            continue;
        }
        let finding = rule
            .finding(format!("正文“{}”{}件与表三不符", f.word, f.value))
            .at(f.span)
            .expected(t.expected.to_string())
            .actual(f.value.to_string())
            .formula(format!("正文“{}”件数 = {}", f.word, t.what))
            .help("核对正文数字与表三，二者应一致");
        out.push(with_operands(finding, &t.ops.iter().collect::<Vec<_>>()));
    }
}

/// X106/X107: the percentage attached to a figure, recomputed against each base.
/// `truncated` selects X107 (only truncation gives the printed value) instead of X106.
pub(crate) fn check_pct(cx: &Ctx, out: &mut Vec<Finding>, rule: &'static Rule, truncated: bool) {
    let Some(t3) = cx.model.t3() else { return };
    let p = operand(t3, T3Row::TotalProcessed, T3Col::Total);
    let n = operand(t3, T3Row::NewReceived, T3Col::Total);
    let c = operand(t3, T3Row::CarriedOver, T3Col::Total);
    let mut bases: Vec<(i64, Vec<&Operand>)> = Vec::new();
    for ops in [
        vec![p.as_ref()],
        vec![n.as_ref()],
        vec![n.as_ref(), c.as_ref()],
    ] {
        let Some(ops) = ops.into_iter().collect::<Option<Vec<_>>>() else {
            continue;
        };
        let Some(v) = ops.iter().fold(Decimal::ZERO, |a, o| a + o.value).as_i64() else {
            continue;
        };
        if v > 0 && !bases.iter().any(|(b, _)| *b == v) {
            bases.push((v, ops));
        }
    }
    if bases.is_empty() {
        return;
    }
    for f in &cx.model.prose.figures {
        let Some((pv, d, pspan)) = f.pct else {
            continue;
        };
        if d > 4 || f.value < 0 {
            continue;
        }
        let scale = 10i64.pow(d) * 100;
        let rounded = |b: i64| (2 * f.value * scale + b) / (2 * b);
        let trunc = |b: i64| f.value * scale / b;
        if bases.iter().any(|(b, _)| rounded(*b) == pv) {
            continue;
        }
        let is_trunc = bases.iter().any(|(b, _)| trunc(*b) == pv);
        if is_trunc != truncated {
            continue;
        }
        let show = |v: i64| {
            let s = format!("{:0>w$}", v, w = d as usize + 1);
            if d == 0 {
                format!("{s}%")
            } else {
                format!(
                    "{}.{}%",
                    &s[..s.len() - d as usize],
                    &s[s.len() - d as usize..]
                )
            }
        };
        let expected: Vec<String> = bases
            .iter()
            .filter(|(b, _)| !truncated || trunc(*b) == pv)
            .map(|(b, _)| format!("{}（{} ÷ {}）", show(rounded(*b)), f.value, b))
            .collect();
        let mut finding = rule
            .finding(if truncated {
                format!(
                    "百分比{}是截断值，四舍五入应为{}",
                    show(pv),
                    expected
                        .first()
                        .map(|e| e.split('（').next().unwrap_or(""))
                        .unwrap_or("")
                )
            } else {
                format!("正文百分比{}与件数{}及表三不符", show(pv), f.value)
            })
            .at(pspan)
            .expected(expected.join("，"))
            .actual(show(pv))
            .formula("占比 = 件数 ÷ 基数 × 100%（四舍五入）")
            .related(f.span, format!("正文“{}”件数 {}", f.word, f.value));
        let mut seen = Vec::new();
        for (_, ops) in &bases {
            for o in ops {
                let path = o.path();
                if seen.contains(&path) {
                    continue;
                }
                if let Some(s) = o.cell.span {
                    finding = finding.related(s, format!("{} = {}", o.label(), o.cell.shown()));
                }
                seen.push(path);
                finding = finding.cell(path);
            }
        }
        out.push(finding);
    }
}
