use crate::rules::prelude::*;

rule! {
    /// 正文所述文件件数或处理决定数量与表二不符
    ///
    /// ## 检查什么
    /// 正文所述文件件数和处理决定数量，与表二对照。
    /// - 2021年格式：`制发/出台/印发…(规章|行政规范性文件) N 件`对照
    ///   `本年制发件数`，`废止…N 件`对照`本年废止件数`，
    ///   `现行有效…N 件`对照`现行有效件数`，
    ///   `行政许可/行政处罚/行政强制(处理决定数量) N 件`对照`本年处理决定数量`。
    /// - 2019年格式（试行）：`(规章|规范性文件)制定数…N`对照`本年新制作数量`，
    ///   `公开数…N`对照`本年新公开数量`，`对外公开总数…N`对照`对外公开总数量`。
    ///
    /// 所对照的行，为与动词一同写明的文件类型；未写明的，取动词之前最近的文件类型。
    ///
    /// ## 为什么重要
    /// 正文与表二反映的是同一批文件和处理决定。
    ///
    /// ## 示例
    /// `规范性文件制定数为0，公开数为0`，与`本年新制作数量`0、
    /// `本年新公开数量`0一致（周口市科技局2019年度报告）。
    X113, "text-t2-figures", Warning
}

const VERBS_B: &[(&str, T2Col)] = &[
    ("制发", T2Col::Issued),
    ("出台", T2Col::Issued),
    ("印发", T2Col::Issued),
    ("废止", T2Col::Repealed),
    ("现行有效", T2Col::InForce),
];
const VERBS_A: &[(&str, T2Col)] = &[
    ("对外公开总数", T2Col::TotalPublic),
    ("新制作", T2Col::Made),
    ("制定", T2Col::Made),
    ("制作", T2Col::Made),
    ("新公开", T2Col::Published),
    ("公开", T2Col::Published),
];
const DOCS: &[(&str, T2Row)] = &[
    ("规范性文件", T2Row::NormativeDocuments),
    ("规章", T2Row::Regulations),
];
const DECISIONS: &[(&str, T2Row)] = &[
    ("行政许可", T2Row::Licensing),
    ("行政处罚", T2Row::Punishment),
    ("行政强制", T2Row::Coercion),
];

/// The document row named in `s` (a `规章` that is not `规章制度`), and where.
fn doc_rows(s: &str) -> Vec<(usize, T2Row)> {
    let mut v: Vec<(usize, T2Row)> = Vec::new();
    for (w, row) in DOCS {
        for i in crate::base::search::find_iter(s, w) {
            if *w == "规章"
                && (s[i..].starts_with("规章制度")
                    || v.iter().any(|(j, _)| *j <= i && i < j + "规范性文件".len()))
            {
                continue;
            }
            v.push((i, *row));
        }
    }
    // by position (as (usize, usize) pairs: a sort the page's wasm has already)
    let mut by_pos: Vec<(usize, usize)> = v.iter().map(|(i, r)| (*i, *r as usize)).collect();
    crate::base::sort::sort(&mut by_pos);
    by_pos.into_iter().map(|(i, r)| (i, T2Row::ALL[r])).collect()
}

/// The number after `from` with its unit, or without one after `数为`/`数是`/`数`:
/// (value, start, end, filler).
fn number_after(s: &str, from: usize, max: usize) -> Option<(i64, usize, usize, &str)> {
    const UNITS: &[&str] = &["件", "部", "份", "个", "宗", "起"];
    let (n, a, b, unit_end) = crate::text::numbers::number_after(s, from, max, UNITS, true)?;
    let filler = s[from..a].trim_end();
    let unit = unit_end > b;
    (unit || filler.ends_with("数为") || filler.ends_with("数是") || filler.ends_with('数'))
        .then_some((n, a, b, &s[from..a]))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(t2) = m.t2() else { return };
    let Some(format) = m.format else { return };
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        if !sn.has_any(&[kw::规章, kw::规范性文件, kw::行政许可, kw::行政处罚, kw::行政强制])
            || m.prose.scope.excludes(sn)
        {
            continue;
        }
        let mut claims: Vec<(T2Row, T2Col, i64, usize, usize)> = Vec::new();
        let verbs = if format == Format::B {
            VERBS_B
        } else {
            VERBS_A
        };
        let rows = doc_rows(s);
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for &(verb, col) in verbs {
            for i in crate::base::search::find_iter(s, verb) {
                if taken.iter().any(|&(a, b)| a <= i && i < b) {
                    continue;
                }
                taken.push((i, i + verb.len()));
                let Some((n, a, b, filler)) = number_after(s, i + verb.len(), 10) else {
                    continue;
                };
                // the document type: named in the filler, else the nearest one before the verb
                let own = doc_rows(filler).first().map(|r| r.1);
                let row = own.or_else(|| {
                    (filler.chars().count() <= 3)
                        .then(|| rows.iter().rev().find(|(j, _)| *j < i).map(|r| r.1))
                        .flatten()
                });
                if let Some(row) = row {
                    claims.push((row, col, n, a, b));
                }
            }
        }
        if format == Format::B {
            for &(word, row) in DECISIONS {
                for i in crate::base::search::find_iter(s, word) {
                    let Some((n, a, b, filler)) = number_after(s, i + word.len(), 8) else {
                        continue;
                    };
                    let rest = [
                        "处理",
                        "决定书",
                        "决定",
                        "数量",
                        "案件",
                        "共",
                        "为",
                        "是",
                        "：",
                        ":",
                        " ",
                    ]
                    .iter()
                    .fold(filler.to_string(), |f, w| f.replace(w, ""));
                    if rest.is_empty() && !s[b..].trim_start().starts_with(['个', '项']) {
                        claims.push((row, T2Col::Decisions, n, a, b));
                    }
                }
            }
        }
        for (row, col, n, a, b) in claims {
            let Some(o) = operand(t2, row, col) else {
                continue;
            };
            if o.value == Decimal::from_int(n) {
                continue;
            }
            let f = RULE.finding(
                format!(
                    "正文所述{}{}与表二不符",
                    o.label().trim_start_matches("表二 "),
                    n
                ),
            )
            .at(sn.span(a, b))
            .expected(o.cell.shown())
            .actual(n.to_string())
            .formula(format!("正文件数 = {}", o.label()));
            out.push(with_operands(f, &[&o]));
        }
    }
}
