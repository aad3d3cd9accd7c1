//! Figures about table 三 in the prose (X101–X107): `受理政府信息公开申请 3119 件`,
//! `办结69件`, `1件结转下年度继续办理`, `予以公开258件（33.9%）`. Read once while parsing and
//! shared by the rules, which each compare their kind.
//!
//! Precision first: a figure is read only from a clause (between `，；：。`) about
//! applications, with the number right after its keyword (a few filler characters allowed)
//! or right before it, and never from a clause that names an applicant type or `其中`.

use super::keywords::{kw, Kw};
use super::numbers::{number_after, number_at};
use super::scope::Scope;
use super::sentences::Sentence;
use crate::base::search::{find, find_iter, Bloom};
use crate::base::Span;
use crate::tables::{Format, T3Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
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
    Outcome(&'static str, &'static [T3Row]),
}

#[derive(Debug, Clone)]
pub struct Figure {
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
pub(super) const TOPICS: &[Kw] = &[
    kw::复议,
    kw::诉讼,
    kw::建议,
    kw::提案,
    kw::留言,
    kw::信访,
    kw::来信,
    kw::咨询,
    kw::热线,
    kw::投诉,
    kw::举报,
    kw::依职权,
    kw::主动公开,
];

/// Outcome phrases, longest first; `其他处理` depends on the format (see [`outcome_rows`]).
const OUTCOMES: &[(&str, &str, &[T3Row])] = &[
    (
        "予以公开和部分公开",
        "予以公开和部分公开",
        &[T3Row::Granted, T3Row::PartiallyGranted],
    ),
    (
        "予以公开及部分公开",
        "予以公开和部分公开",
        &[T3Row::Granted, T3Row::PartiallyGranted],
    ),
    (
        "予以公开、部分公开",
        "予以公开和部分公开",
        &[T3Row::Granted, T3Row::PartiallyGranted],
    ),
    ("部分公开", "部分公开", &[T3Row::PartiallyGranted]),
    (
        "不予公开",
        "不予公开",
        &[
            T3Row::DeniedStateSecret,
            T3Row::DeniedProhibitedByLaw,
            T3Row::DeniedThreeSafetiesOneStability,
            T3Row::DeniedThirdPartyRights,
            T3Row::DeniedInternalAffairs,
            T3Row::DeniedProcessInfo,
            T3Row::DeniedEnforcementFile,
            T3Row::DeniedInquiryMatter,
        ],
    ),
    (
        "无法提供",
        "无法提供",
        &[
            T3Row::UnableNotHeld,
            T3Row::UnableNeedsCreation,
            T3Row::UnableUnclearAfterCorrection,
        ],
    ),
    (
        "不予处理",
        "不予处理",
        &[
            T3Row::RejectedPetitionComplaint,
            T3Row::RejectedDuplicate,
            T3Row::RejectedPublication,
            T3Row::RejectedMassRepeated,
            T3Row::RejectedConfirmation,
        ],
    ),
    ("其他处理", "其他处理", &[T3Row::OtherProcessing]),
    ("予以公开", "予以公开", &[T3Row::Granted]),
    (
        "本机关不掌握",
        "本机关不掌握相关政府信息",
        &[T3Row::UnableNotHeld],
    ),
    (
        "没有现成信息",
        "没有现成信息需要另行制作",
        &[T3Row::UnableNeedsCreation],
    ),
    (
        "补正后申请内容仍不明确",
        "补正后申请内容仍不明确",
        &[T3Row::UnableUnclearAfterCorrection],
    ),
    ("重复申请", "重复申请", &[T3Row::RejectedDuplicate]),
    (
        "公开出版物",
        "要求提供公开出版物",
        &[T3Row::RejectedPublication],
    ),
    ("属于国家秘密", "属于国家秘密", &[T3Row::DeniedStateSecret]),
    (
        "保护第三方合法权益",
        "保护第三方合法权益",
        &[T3Row::DeniedThirdPartyRights],
    ),
    (
        "三类内部事务",
        "属于三类内部事务信息",
        &[T3Row::DeniedInternalAffairs],
    ),
    (
        "四类过程性信息",
        "属于四类过程性信息",
        &[T3Row::DeniedProcessInfo],
    ),
    (
        "行政执法案卷",
        "属于行政执法案卷",
        &[T3Row::DeniedEnforcementFile],
    ),
    (
        "行政查询事项",
        "属于行政查询事项",
        &[T3Row::DeniedInquiryMatter],
    ),
];

const OTHER_B: &[T3Row] = &[
    T3Row::OtherOverdueCorrection,
    T3Row::OtherOverdueFee,
    T3Row::OtherMisc,
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
    number_after(c, from, filler, UNITS, false)
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
    let (n, _, len) = number_at(&head[start..end])?;
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

/// Every figure of the prose; `format` decides which rows （六）其他处理 means.
pub fn read(sentences: &[Sentence], scope: &Scope, format: Option<Format>) -> Vec<Figure> {
    let mut out = Vec::new();
    for sn in sentences {
        let s: &str = &sn.text;
        // every figure is a number with a unit: most sentences and clauses have none, so
        // that cheap test comes first
        let has_unit = |t: &str| t.contains(['件', '份', '条', '宗']);
        if !sn.has_any(&[kw::件, kw::份, kw::条, kw::宗])
            || !sn.has_any(&[
                kw::申请,
                kw::公开,
                kw::办结,
                kw::答复,
                kw::办理,
                kw::无法提供,
                kw::不予处理,
                kw::结转,
            ])
            || sn.has_any(TOPICS)
            || scope.excludes(sn)
        {
            continue;
        }
        let about_applications = sn.has(kw::申请);
        for (a, b) in clauses(s) {
            let c = &s[a..b];
            if !has_unit(c) {
                continue;
            }
            // the characters of the clause: most words are not in it
            let cb = Bloom::of(c);
            if APPLICANTS
                .iter()
                .any(|k| cb.may_contain(k) && c.contains(k))
            {
                continue;
            }
            let n0 = out.len();
            // outcomes: the first phrase found, longest first; the phrase is masked so that
            // 予以公开 is not read again inside 予以公开和部分公开
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for &(word, label, rows) in OUTCOMES {
                if !cb.may_contain(word) {
                    continue;
                }
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
                    let rows = if word == "其他处理" && format == Some(Format::B) {
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
                if !cb.may_contain(word) {
                    continue;
                }
                let Some(i) = find(c, word) else { continue };
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
                let i = find(c, "办理").unwrap_or(0);
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
    find_iter(c, word).find(|&i| !taken.iter().any(|&(a, b)| i < b && i + word.len() > a))
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
