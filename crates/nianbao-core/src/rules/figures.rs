//! Figures about table 三 in the prose (X101–X107): `受理政府信息公开申请 3119 件`,
//! `办结69件`, `1件结转下年度继续办理`, `予以公开258件（33.9%）`. Read once per report
//! ([`super::Ctx::figures`]) and shared by the rules, which each compare their kind.
//!
//! Precision first: a figure is read only from a clause (between `，；：。`) about
//! applications, with the number right after its keyword (a few filler characters allowed)
//! or right before it, and never from a clause that names an applicant type or `其中`.

use super::prose::{self, Sentence};
use super::Ctx;
use crate::doc::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// X101: 一、本年新收 (or new + carried over).
    NewReceived,
    /// X102: 二、上年结转.
    CarriedOver,
    /// X103: 四、结转下年度继续办理.
    CarriedForward,
    /// X104: （七）总计.
    Processed,
    /// X104, `办理…申请 N 件`: total processed, new received, or new + carried over.
    ProcessedLoose,
    /// X105: the sum of these outcome rows' totals.
    Outcome(&'static str, &'static [&'static str]),
}

#[derive(Debug, Clone)]
pub(crate) struct Figure {
    pub kind: Kind,
    /// The keyword as written (`受理`, `办结`, `不予公开`).
    pub word: &'static str,
    pub value: i64,
    /// The number in the input.
    pub span: Span,
    /// A percentage attached to the figure: (value × 10^decimals, decimals, span).
    pub pct: Option<(i64, u32, Span)>,
}

const UNITS: &[&str] = &["件", "份", "条", "宗"];
const APPLICANTS: &[&str] = &[
    "其中",
    "自然人",
    "法人",
    "企业",
    "科研",
    "公益",
    "法律服务",
    "其他组织",
];
const TOPICS: &[&str] = &[
    "复议",
    "诉讼",
    "建议",
    "提案",
    "留言",
    "信访",
    "来信",
    "咨询",
    "热线",
    "投诉",
    "举报",
    "依职权",
    "主动公开",
];

/// Outcome phrases, longest first; `其他处理` depends on the format (see [`outcome_rows`]).
const OUTCOMES: &[(&str, &str, &[&str])] = &[
    (
        "予以公开和部分公开",
        "予以公开和部分公开",
        &["granted", "partially_granted"],
    ),
    (
        "予以公开及部分公开",
        "予以公开和部分公开",
        &["granted", "partially_granted"],
    ),
    (
        "予以公开、部分公开",
        "予以公开和部分公开",
        &["granted", "partially_granted"],
    ),
    ("部分公开", "部分公开", &["partially_granted"]),
    (
        "不予公开",
        "不予公开",
        &[
            "denied_state_secret",
            "denied_prohibited_by_law",
            "denied_three_safeties_one_stability",
            "denied_third_party_rights",
            "denied_internal_affairs",
            "denied_process_info",
            "denied_enforcement_file",
            "denied_inquiry_matter",
        ],
    ),
    (
        "无法提供",
        "无法提供",
        &[
            "unable_not_held",
            "unable_needs_creation",
            "unable_unclear_after_correction",
        ],
    ),
    (
        "不予处理",
        "不予处理",
        &[
            "rejected_petition_complaint",
            "rejected_duplicate",
            "rejected_publication",
            "rejected_mass_repeated",
            "rejected_confirmation",
        ],
    ),
    ("其他处理", "其他处理", &["other_processing"]),
    ("予以公开", "予以公开", &["granted"]),
    (
        "本机关不掌握",
        "本机关不掌握相关政府信息",
        &["unable_not_held"],
    ),
    (
        "没有现成信息",
        "没有现成信息需要另行制作",
        &["unable_needs_creation"],
    ),
    (
        "补正后申请内容仍不明确",
        "补正后申请内容仍不明确",
        &["unable_unclear_after_correction"],
    ),
    ("重复申请", "重复申请", &["rejected_duplicate"]),
    (
        "公开出版物",
        "要求提供公开出版物",
        &["rejected_publication"],
    ),
    ("属于国家秘密", "属于国家秘密", &["denied_state_secret"]),
    (
        "保护第三方合法权益",
        "保护第三方合法权益",
        &["denied_third_party_rights"],
    ),
    (
        "三类内部事务",
        "属于三类内部事务信息",
        &["denied_internal_affairs"],
    ),
    (
        "四类过程性信息",
        "属于四类过程性信息",
        &["denied_process_info"],
    ),
    (
        "行政执法案卷",
        "属于行政执法案卷",
        &["denied_enforcement_file"],
    ),
    (
        "行政查询事项",
        "属于行政查询事项",
        &["denied_inquiry_matter"],
    ),
];

const OTHER_B: &[&str] = &[
    "other_overdue_correction",
    "other_overdue_fee",
    "other_misc",
];

/// Keyword, kind, filler allowed between keyword and number (characters), number may come
/// before the keyword.
const COUNTS: &[(&str, Kind, usize, bool)] = &[
    ("上一年度结转", Kind::CarriedOver, 10, true),
    ("上年度结转", Kind::CarriedOver, 10, true),
    ("上年结转", Kind::CarriedOver, 10, true),
    ("结转下一年", Kind::CarriedForward, 12, true),
    ("结转下年", Kind::CarriedForward, 12, true),
    ("结转至下年", Kind::CarriedForward, 12, true),
    ("结转到下年", Kind::CarriedForward, 12, true),
    ("顺延至下年", Kind::CarriedForward, 12, true),
    ("顺延到下年", Kind::CarriedForward, 12, true),
    ("新收", Kind::NewReceived, 14, false),
    ("收到", Kind::NewReceived, 14, false),
    ("受理", Kind::NewReceived, 14, false),
    ("接收", Kind::NewReceived, 14, false),
    ("办理完毕", Kind::Processed, 3, false),
    ("办结", Kind::Processed, 3, false),
    ("答复", Kind::Processed, 3, false),
];

/// Words before 办结/答复 that make the figure a subset (`延期答复 2 件`).
const SUBSET: &[&str] = &[
    "延期", "延长", "逾期", "超期", "按时", "按期", "当场", "当日", "现场", "书面", "电话", "网上",
    "线上",
];

/// The clauses of a sentence: (start, end) byte offsets in its text.
fn clauses(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？') {
            if i > a {
                out.push((a, i));
            }
            a = i + c.len_utf8();
        }
    }
    if a < s.len() {
        out.push((a, s.len()));
    }
    out
}

/// The number+unit right after `from` in `c`, with at most `filler` characters between.
fn after(c: &str, from: usize, filler: usize) -> Option<(i64, usize, usize, usize)> {
    prose::number_after(c, from, filler, UNITS, false)
}

/// The number+unit right before `to` in `c` (`103 件顺延到下年度`), with at most `filler`
/// characters between the unit and `to`.
fn before(c: &str, to: usize, filler: usize) -> Option<(i64, usize, usize, usize)> {
    let head = &c[..to];
    // the last digit run before `to`
    let end = head.rfind(|ch: char| ch.is_ascii_digit() || ('０'..='９').contains(&ch))?;
    let end = end + head[end..].chars().next()?.len_utf8();
    let start = head[..end]
        .rfind(|ch: char| !(ch.is_ascii_digit() || ('０'..='９').contains(&ch)))
        .map(|i| i + head[i..].chars().next().unwrap().len_utf8())
        .unwrap_or(0);
    let (n, _, len) = prose::number_at(&head[start..end])?;
    let rest = head[start + len..].trim_start();
    let unit = UNITS.iter().find(|u| rest.starts_with(**u))?;
    let between = &rest[unit.len()..];
    (between.chars().count() <= filler && !between.contains(['（', '('])).then_some((
        n,
        start,
        start + len,
        head.len() - rest.len() + unit.len(),
    ))
}

/// A percentage right after the figure: `（33.9%）`, `，占…33.9%` within the clause.
fn pct_after(s: &str, from: usize, clause_end: usize) -> Option<(i64, u32, usize, usize)> {
    let rest = &s[from..];
    let t = rest.trim_start();
    let par = t.starts_with(['（', '(']);
    let limit = if par {
        rest.find(['）', ')'])
            .map(|i| from + i)
            .unwrap_or(clause_end)
    } else {
        clause_end
    };
    let zone = &s[from..limit];
    if !par && !zone.contains('占') {
        return None;
    }
    let p = zone.find(['%', '％'])?;
    let num_end = from + zone[..p].trim_end().len();
    let num_start = s[..num_end]
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|i| i + s[i..].chars().next().unwrap().len_utf8())
        .unwrap_or(0);
    let raw = &s[num_start..num_end];
    if raw.is_empty() || raw.starts_with('.') || raw.chars().filter(|c| *c == '.').count() > 1 {
        return None;
    }
    let d = raw.find('.').map(|i| raw.len() - i - 1).unwrap_or(0) as u32;
    let v: i64 = raw.replace('.', "").parse().ok()?;
    Some((v, d, num_start, num_end))
}

/// Every figure of the prose.
pub(crate) fn read(cx: &Ctx) -> Vec<Figure> {
    let m = cx.model;
    let mut out = Vec::new();
    for sn in &cx.sentences {
        let s: &str = &sn.text;
        // every figure is a number with a unit: most sentences and clauses have none, so
        // that cheap test comes first
        let has_unit = |t: &str| t.contains(['件', '份', '条', '宗']);
        if !has_unit(s)
            || ![
                "申请",
                "公开",
                "办结",
                "答复",
                "办理",
                "无法提供",
                "不予处理",
                "结转",
            ]
            .iter()
            .any(|k| s.contains(k))
            || TOPICS.iter().any(|k| s.contains(k))
            || prose::out_of_scope(s, m)
        {
            continue;
        }
        let about_applications = s.contains("申请");
        for (a, b) in clauses(s) {
            let c = &s[a..b];
            if !has_unit(c) || APPLICANTS.iter().any(|k| c.contains(k)) {
                continue;
            }
            let n0 = out.len();
            // outcomes: the first phrase found, longest first; the phrase is masked so that
            // 予以公开 is not read again inside 予以公开和部分公开
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for &(word, label, rows) in OUTCOMES {
                let Some(i) = find_free(c, word, &taken) else {
                    continue;
                };
                if word == "予以公开" && c[..i].ends_with('不') {
                    continue;
                }
                taken.push((i, i + word.len()));
                let hit = after(c, i + word.len(), 6).or_else(|| before(c, i, 3));
                // `予以公开的政府信息120条` counts published items, not applications
                if let Some((n, ns, ne, ue)) = hit.filter(|h| !c[..h.3].ends_with('条')) {
                    let rows = if word == "其他处理" && m.format == Some(crate::template::Format::B)
                    {
                        OTHER_B
                    } else {
                        rows
                    };
                    push(
                        &mut out,
                        sn,
                        a,
                        Kind::Outcome(label, rows),
                        word,
                        n,
                        ns,
                        ne,
                        ue,
                        b,
                    );
                }
            }
            if out.len() > n0 {
                continue;
            }
            let mut used: Vec<usize> = Vec::new();
            for &(word, kind, filler, num_before) in COUNTS {
                let Some(i) = c.find(word) else { continue };
                if c[..i].ends_with(['不', '未']) {
                    continue;
                }
                if kind == Kind::Processed && SUBSET.iter().any(|w| c[..i].ends_with(w)) {
                    continue;
                }
                if kind == Kind::NewReceived && !about_applications {
                    continue;
                }
                let hit = after(c, i + word.len(), filler).or_else(|| {
                    if num_before {
                        before(c, i, 4)
                    } else {
                        None
                    }
                });
                if let Some((n, ns, ne, ue)) = hit {
                    if used.contains(&ns) || out[n0..].iter().any(|f| f.kind == kind) {
                        continue;
                    }
                    used.push(ns);
                    push(&mut out, sn, a, kind, word, n, ns, ne, ue, b);
                }
            }
            if out.len() == n0
                && about_applications
                && c.contains("办理")
                && c.contains("申请")
                && !c.contains("结转")
            {
                let i = c.find("办理").unwrap();
                if let Some((n, ns, ne, ue)) = after(c, i + "办理".len(), 14) {
                    push(
                        &mut out,
                        sn,
                        a,
                        Kind::ProcessedLoose,
                        "办理",
                        n,
                        ns,
                        ne,
                        ue,
                        b,
                    );
                }
            }
        }
    }
    out
}

fn find_free(c: &str, word: &str, taken: &[(usize, usize)]) -> Option<usize> {
    c.match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| !taken.iter().any(|&(a, b)| i < b && i + word.len() > a))
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Figure>,
    sn: &Sentence,
    a: usize,
    kind: Kind,
    word: &'static str,
    n: i64,
    ns: usize,
    ne: usize,
    unit_end: usize,
    clause_end: usize,
) {
    let s: &str = &sn.text;
    let pct = pct_after(s, a + unit_end, clause_end).map(|(v, d, ps, pe)| (v, d, sn.span(ps, pe)));
    out.push(Figure {
        kind,
        word,
        value: n,
        span: sn.span(a + ns, a + ne),
        pct,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_before_and_after() {
        assert_eq!(
            after("受理政府信息公开申请 3119 件", "受理".len(), 14).map(|x| x.0),
            Some(3119)
        );
        assert_eq!(
            after("收到70件申请", "收到".len(), 14).map(|x| x.0),
            Some(70)
        );
        assert_eq!(after("答复15个工作日", "答复".len(), 3), None);
        assert_eq!(
            before("另有 103 件顺延到下年度", "另有 103 件".len(), 4).map(|x| x.0),
            Some(103)
        );
        assert_eq!(
            before("1件结转下年度", "1件".len(), 4).map(|x| x.0),
            Some(1)
        );
        assert_eq!(
            before("2件（含1件结转", "2件（含1件".len(), 4).map(|x| x.0),
            Some(1)
        );
        // Chinese numerals and full-width digits
        assert_eq!(
            after("收到申请十二件", "收到".len(), 14).map(|x| x.0),
            Some(12)
        );
        assert_eq!(after("办结１２件", "办结".len(), 3).map(|x| x.0), Some(12));
    }

    #[test]
    fn percentages() {
        let s = "予以公开258件（33.9%）";
        let from = s.find('（').unwrap();
        assert_eq!(
            pct_after(s, from, s.len()).map(|x| (x.0, x.1)),
            Some((339, 1))
        );
        let s = "予以公开258件占全部申请的32%";
        let from = s.find("占").unwrap();
        assert_eq!(
            pct_after(s, from, s.len()).map(|x| (x.0, x.1)),
            Some((32, 0))
        );
        assert_eq!(pct_after("件，比例较高", 0, 18), None);
    }
}

/// The table cells a figure is compared with, and the values it may equal.
pub(crate) struct Target<'a> {
    pub ops: Vec<super::Operand<'a>>,
    /// The value the prose should have (the sum of `ops`).
    pub expected: crate::decimal::Decimal,
    /// Other readings that also pass (`new + carried over` for 收到).
    pub also: Vec<crate::decimal::Decimal>,
    /// The table side of the formula.
    pub what: String,
}

/// The cells behind a figure's kind; None when any is missing or not numeric.
pub(crate) fn target<'a>(t3: &'a crate::model::TableModel, kind: Kind) -> Option<Target<'a>> {
    use super::operand;
    let one = |row: &str| operand(t3, row, "total");
    let (ops, also) = match kind {
        Kind::NewReceived => {
            let n = one("new_received")?;
            let also = one("carried_over")
                .map(|c| vec![n.value.add(c.value)])
                .unwrap_or_default();
            (vec![n], also)
        }
        Kind::CarriedOver => (vec![one("carried_over")?], vec![]),
        Kind::CarriedForward => (vec![one("carried_forward")?], vec![]),
        Kind::Processed => (vec![one("total_processed")?], vec![]),
        Kind::ProcessedLoose => {
            let p = one("total_processed")?;
            let mut also = Vec::new();
            if let Some(n) = one("new_received") {
                also.push(n.value);
                if let Some(c) = one("carried_over") {
                    also.push(n.value.add(c.value));
                }
            }
            (vec![p], also)
        }
        Kind::Outcome(_, rows) => (
            rows.iter().map(|r| one(r)).collect::<Option<Vec<_>>>()?,
            vec![],
        ),
    };
    let expected = super::sum(&ops);
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
    out: &mut Vec<crate::finding::Finding>,
    rule: &'static super::Rule,
    pick: fn(Kind) -> bool,
) {
    use crate::decimal::Decimal;
    let Some(t3) = &cx.model.t3 else { return };
    for f in cx.figures().iter().filter(|f| pick(f.kind)) {
        let Some(t) = target(t3, f.kind) else {
            continue;
        };
        let n = Decimal::from_int(f.value);
        if n == t.expected || t.also.contains(&n) {
            continue;
        }
        let finding =
            crate::finding::Finding::new(rule, format!("正文“{}”{}件与表三不符", f.word, f.value))
                .at(f.span)
                .expected(t.expected.to_string())
                .actual(f.value.to_string())
                .formula(format!("正文“{}”件数 = {}", f.word, t.what))
                .help("核对正文数字与表三，二者应一致");
        out.push(super::with_operands(
            finding,
            &t.ops.iter().collect::<Vec<_>>(),
        ));
    }
}

/// X106/X107: the percentage attached to a figure, recomputed against each base.
/// `truncated` selects X107 (only truncation gives the printed value) instead of X106.
pub(crate) fn check_pct(
    cx: &Ctx,
    out: &mut Vec<crate::finding::Finding>,
    rule: &'static super::Rule,
    truncated: bool,
) {
    use super::operand;
    let Some(t3) = &cx.model.t3 else { return };
    let p = operand(t3, "total_processed", "total");
    let n = operand(t3, "new_received", "total");
    let c = operand(t3, "carried_over", "total");
    let mut bases: Vec<(i64, Vec<&super::Operand>)> = Vec::new();
    for ops in [
        vec![p.as_ref()],
        vec![n.as_ref()],
        vec![n.as_ref(), c.as_ref()],
    ] {
        let Some(ops) = ops.into_iter().collect::<Option<Vec<_>>>() else {
            continue;
        };
        let Some(v) = ops
            .iter()
            .fold(crate::decimal::Decimal::ZERO, |a, o| a.add(o.value))
            .as_i64()
        else {
            continue;
        };
        if v > 0 && !bases.iter().any(|(b, _)| *b == v) {
            bases.push((v, ops));
        }
    }
    if bases.is_empty() {
        return;
    }
    for f in cx.figures() {
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
        let mut finding = crate::finding::Finding::new(
            rule,
            if truncated {
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
            },
        )
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
                seen.push(path.clone());
                finding = finding.cell(path);
            }
        }
        out.push(finding);
    }
}
