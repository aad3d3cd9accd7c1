//! The applicant breakdown the prose states about new applications (X117):
//! `其中自然人38件、法人或其他组织2件`, `涉及自然人38件、商业企业2件`. Read once while parsing.
//!
//! Precision first, as for the other figures: only a sentence about receiving applications
//! (`收到`, `受理`, `新收`, `接收`), never one about outcomes, carried-over or other topics;
//! the number right after the applicant word, a few filler characters allowed.

use super::figures::TOPICS;
use super::keywords::kw;
use super::numbers::number_after;
use super::scope::Scope;
use super::sentences::Sentence;
use crate::base::Span;
use crate::tables::T3Col;

/// A stated number of new applications from one kind of applicant.
#[derive(Debug, Clone)]
pub struct Applicant {
    /// The applicant word as written (`自然人`, `法人或其他组织`).
    pub word: &'static str,
    /// The 表三 columns whose 本年新收 it states (their sum).
    pub cols: &'static [T3Col],
    pub value: i64,
    /// The number in the input.
    pub span: Span,
}

const WORDS: &[(&str, &[T3Col])] = &[
    ("法人或者其他组织", &T3Col::ORGANISATIONS),
    ("法人或其他组织", &T3Col::ORGANISATIONS),
    ("法人和其他组织", &T3Col::ORGANISATIONS),
    ("法人及其他组织", &T3Col::ORGANISATIONS),
    ("自然人", &[T3Col::NaturalPerson]),
    ("商业企业", &[T3Col::Commercial]),
    ("科研机构", &[T3Col::Research]),
    ("社会公益组织", &[T3Col::SocialWelfare]),
    ("法律服务机构", &[T3Col::LegalService]),
];

/// Words of a sentence about receiving applications.
const RECEIVED: &[&str] = &["收到", "受理", "新收", "接收", "接到"];

/// Words of a clause that make it about something else than new applications.
const OTHER: &[&str] = &[
    "办结",
    "答复",
    "结转",
    "予以公开",
    "部分公开",
    "不予",
    "无法提供",
    "其他处理",
    "告知",
    "同比",
    "上年",
    "去年",
    "较",
    "办理",
    "完成",
    "相比",
    "增加",
    "减少",
];

/// The first `YYYY年` of a text.
fn year_in(s: &str) -> Option<&str> {
    let i = s.find('年')?;
    let y = s[..i].get(i.saturating_sub(4)..)?;
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())).then_some(y)
}

/// Is the applicant word at `at` the start of a breakdown item: at the clause's start (after
/// `其中`, `涉及` …), or after a previous item's number (`自然人38件、商业企业2件`)? Not a
/// list of applicant types (`收到公民、法人或其他组织申请40件`).
fn starts_item(clause: &str, at: usize) -> bool {
    let head = clause[..at].trim_end();
    let before = ["、", "和", "及"]
        .iter()
        .find_map(|j| head.strip_suffix(j))
        .unwrap_or(head);
    let lead = head.trim_start();
    lead.is_empty()
        || ["其中", "涉及", "包括", "来自", "有"]
            .iter()
            .any(|w| lead.ends_with(w) && lead.len() <= w.len() + 6)
        || (before.len() < clause[..at].len() && before.ends_with(['件', '份', '条']))
}

/// Every applicant figure of the prose.
pub fn read(sentences: &[Sentence], scope: &Scope) -> Vec<Applicant> {
    let mut out = Vec::new();
    for sn in sentences {
        if !sn.has(kw::申请)
            || !sn.has_any(&[kw::件, kw::份, kw::条])
            || sn.has_any(TOPICS)
            || !RECEIVED.iter().any(|w| sn.contains(w))
            || scope.excludes(sn)
        {
            continue;
        }
        let s: &str = &sn.text;
        if !s.contains("自然人")
            && !s.contains("法人")
            && !s.contains("机构")
            && !s.contains("组织")
            && !s.contains("企业")
        {
            continue;
        }
        let mut a = 0;
        // breakdown clauses follow a clause about receiving this year's applications
        let mut active = false;
        let first_year = year_in(s);
        for (i, c) in s.char_indices().chain([(s.len(), '。')]) {
            if !matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？') {
                continue;
            }
            let clause = &s[a..i];
            let start = a;
            a = i + c.len_utf8();
            if OTHER.iter().any(|w| clause.contains(w))
                || year_in(clause).is_some_and(|y| Some(y) != first_year)
            {
                active = false;
                continue;
            }
            if RECEIVED.iter().any(|w| clause.contains(w)) {
                active = true;
            }
            if !active {
                continue;
            }
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for &(word, cols) in WORDS {
                for (at, _) in clause.match_indices(word) {
                    if taken.iter().any(|&(x, y)| at < y && at + word.len() > x) {
                        continue;
                    }
                    taken.push((at, at + word.len()));
                    if !starts_item(clause, at) {
                        continue;
                    }
                    if let Some((n, ns, ne, _)) =
                        number_after(clause, at + word.len(), 6, &["件", "份", "条"], false)
                    {
                        out.push(Applicant {
                            word,
                            cols,
                            value: n,
                            span: sn.span(start + ns, start + ne),
                        });
                    }
                }
            }
        }
    }
    out
}
