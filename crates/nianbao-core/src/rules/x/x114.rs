use crate::rules::prelude::*;

rule! {
    /// 正文所述事项数与表二“上一年项目数量”“本年增/减”不符
    ///
    /// ## 检查什么
    /// 2019年格式（试行）报告中，正文`<事项>原有 N 项，现为 M 项`（以及
    /// `现有 M 项`、`由 N 项调整为 M 项`）形式的分句。事项为表二的某一行（行政许可、
    /// 行政处罚、行政强制、行政事业性收费），
    /// 或在述及其他对外管理服务事项的句子中出现的子类（行政检查、行政确认、行政奖励、
    /// 行政裁决、行政给付、行政征收、其他职权、公共服务等），
    /// 子类按其全部分句合计。`上一年项目数量`应等于ΣN，`本年增/减`应等于ΣM − ΣN；
    /// 两格分别提示。涉及其他年份、其他范围（`全市`、`全省`等）或作比较的句子不予检查。
    ///
    /// ## 为什么重要
    /// 正文与表格描述的是同一批事项，二者不一致时必有一处有误，读者无从判断。
    /// 本规则为警告：也可能正文正确而表格有误。
    ///
    /// ## 示例
    /// 周口市科技局2019年度报告：行政检查1 → 0，行政确认1 → 1，其他职权26 → 42，
    /// 合计28 → 43，`本年增/减`应为15，表中实为12。
    X114, "text-t2-items", Warning
}

const ROWS: &[(&str, T2Row)] = &[
    ("行政许可", T2Row::Licensing),
    ("行政处罚", T2Row::Punishment),
    ("行政强制", T2Row::Coercion),
    ("行政事业性收费", T2Row::Fees),
];
const SUBCATEGORIES: &[&str] = &[
    "行政检查",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "行政给付",
    "行政征收",
    "其他职权",
    "公共服务",
    "行政备案",
    "其他行政权力",
];
const SKIP: &[Kw] = &[
    kw::全市,
    kw::全省,
    kw::全区,
    kw::全县,
    kw::各部门,
    kw::累计,
    kw::同比,
    kw::较上年,
];

/// One clause: the item and the two numbers with their spans.
struct Clause {
    label: String,
    before: (i64, Span),
    now: (i64, Span),
}

fn clauses(sn: &crate::text::Sentence) -> Vec<Clause> {
    let s: &str = &sn.text;
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(p) = s[at..]
        .find("原有")
        .map(|p| p + at)
        .or_else(|| s[at..].find('由').map(|p| p + at))
    {
        let (key_len, is_you) = if s[p..].starts_with("原有") {
            ("原有".len(), false)
        } else {
            ('由'.len_utf8(), true)
        };
        at = p + key_len;
        let Some((n, lead, len)) = crate::text::numbers::number_at(&s[at..]) else {
            continue;
        };
        let n_span = sn.span(at + lead, at + lead + len);
        let mut q = at + lead + len;
        if !s[q..].trim_start().starts_with('项') {
            continue;
        }
        q = s.len() - s[q..].trim_start().len() + '项'.len_utf8();
        let next = s[q..].trim_start_matches([' ', '，', ',']);
        let q2 = s.len() - next.len();
        let key2 = if is_you {
            ["调整为", "变为", "增至", "减至"]
                .iter()
                .find(|k| next.starts_with(**k))
        } else {
            ["现为", "现有", "调整为"]
                .iter()
                .find(|k| next.starts_with(**k))
        };
        let Some(key2) = key2 else { continue };
        let r = q2 + key2.len();
        let Some((m, lead2, len2)) = crate::text::numbers::number_at(&s[r..]) else {
            continue;
        };
        if !s[r + lead2 + len2..].trim_start().starts_with('项') {
            continue;
        }
        let m_span = sn.span(r + lead2, r + lead2 + len2);
        // the item: the clause before the keyword
        let clause_start = s[..p]
            .rfind(['，', ',', '；', ';', '：', ':', '、'])
            .map(|i| i + s[i..].chars().next().unwrap().len_utf8())
            .unwrap_or(0);
        let label = s[clause_start..p].trim().to_string();
        out.push(Clause {
            label,
            before: (n, n_span),
            now: (m, m_span),
        });
        at = r + lead2 + len2;
    }
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    if m.format != Some(Format::A) {
        return;
    }
    let Some(t2) = m.t2() else { return };
    // (row key) → clauses describing it
    let mut per_row: Vec<(T2Row, Vec<Clause>)> = Vec::new();
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        if !sn.has(kw::项) || sn.has_any(SKIP) {
            continue;
        }
        if let Some(y) = m.year() {
            if crate::base::find_year(s)
                .map(|(sy, _, _)| sy != y)
                .unwrap_or(false)
            {
                continue;
            }
        }
        let other_services = sn.contains("其他对外管理服务事项");
        for c in clauses(sn) {
            let row = ROWS
                .iter()
                .find(|(l, _)| c.label.ends_with(l))
                .map(|(_, k)| *k)
                .or_else(|| {
                    (other_services && SUBCATEGORIES.iter().any(|sc| c.label.ends_with(sc)))
                        .then_some(T2Row::OtherServices)
                });
            let Some(row) = row else { continue };
            match per_row.iter_mut().find(|(k, _)| *k == row) {
                Some((_, v)) => v.push(c),
                None => per_row.push((row, vec![c])),
            }
        }
    }
    for (row, cs) in per_row {
        let before: i64 = cs.iter().map(|c| c.before.0).sum();
        let now: i64 = cs.iter().map(|c| c.now.0).sum();
        let terms = |f: fn(&Clause) -> i64| {
            cs.iter()
                .map(|c| f(c).to_string())
                .collect::<Vec<_>>()
                .join("+")
        };
        let (Some(prev), Some(change)) = (operand(t2, row, T2Col::Previous), operand(t2, row, T2Col::Change))
        else {
            continue;
        };
        let label = t2.row(row).map(|r| r.label.clone()).unwrap_or_default();
        // every prose number used, as related locations
        let prose_spans = |mut f: Finding| {
            for c in &cs {
                f = f
                    .related(c.before.1, format!("正文“{}”原有数", c.label))
                    .related(c.now.1, format!("正文“{}”现有数", c.label));
            }
            f
        };
        if prev.value.as_i64() != Some(before) {
            let f = RULE.finding(format!("表二“{label}”上一年项目数量与正文不符"))
                .at(cell_span(t2, &prev))
                .formula(format!(
                    "上一年项目数量 = 正文原有项目数 = {} = {}",
                    terms(|c| c.before.0),
                    before
                ))
                .expected(before.to_string())
                .actual(prev.cell.shown())
                .cell(prev.path());
            out.push(prose_spans(f));
        }
        let implied = now - before;
        if change.value.as_i64() != Some(implied) {
            let f = RULE.finding(
                format!("表二“{label}”本年增/减与正文所述项目数变化不符"),
            )
            .at(cell_span(t2, &change))
            .formula(format!(
                "本年增/减 = 现有项目数 − 上一年项目数 = ({}) − ({}) = {}",
                terms(|c| c.now.0),
                terms(|c| c.before.0),
                implied
            ))
            .expected(implied.to_string())
            .actual(change.cell.shown())
            .cell(change.path());
            out.push(with_operands(prose_spans(f), &[&prev]));
        }
    }
}
