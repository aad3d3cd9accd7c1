//! Section headings (format.md §3): which lines are top-level headings, which of the six
//! sections each names, and which numbering the report uses.

use crate::base::normalize::{cn_numeral_value, split_numbering, Numbering};
use crate::base::Span;
use crate::document::Line;
use serde::Serialize;

/// The six official sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    Overview,
    Proactive,
    Applications,
    ReviewLitigation,
    Problems,
    Other,
}

impl SectionKey {
    pub const ALL: [SectionKey; 6] = [
        SectionKey::Overview,
        SectionKey::Proactive,
        SectionKey::Applications,
        SectionKey::ReviewLitigation,
        SectionKey::Problems,
        SectionKey::Other,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    /// The official heading (`五、存在的主要问题及改进情况`).
    pub fn official(self) -> &'static str {
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ][self.index()]
    }
    pub fn numeral(self) -> &'static str {
        ["一", "二", "三", "四", "五", "六"][self.index()]
    }
}

/// A top-level heading candidate (format.md §3).
#[derive(Debug, Clone)]
pub struct Heading {
    pub span: Span,
    /// The numeral as written (`一`), if any.
    pub number: Option<String>,
    pub numeral_value: Option<u32>,
    pub numbering: Numbering,
    /// The heading without its numbering.
    pub title: String,
    pub key: Option<SectionKey>,
}

/// Which section a heading's text (numbering removed, normalised) names (format.md §3).
pub fn section_key(body: &str) -> Option<SectionKey> {
    let b = body.trim_end_matches(['。', '.', ':', '：']);
    let has = crate::base::search::contains;
    if has(b, "复议") && has(b, "诉讼") {
        Some(SectionKey::ReviewLitigation)
    } else if (has(b, "问题") || has(b, "不足"))
        && ["改进", "整改", "措施", "打算", "计划"]
            .iter()
            .any(|w| has(b, w))
    {
        // 存在的主要问题及改进情况 and its real variants: …及整改措施, …及整改情况,
        // 存在的不足及改进措施, …问题及下一步工作计划
        Some(SectionKey::Problems)
    } else if has(b, "其他") && has(b, "事项") {
        Some(SectionKey::Other)
    } else if has(b, "申请") && (has(b, "收到") || has(b, "处理")) {
        Some(SectionKey::Applications)
    } else if has(b, "主动公开") {
        Some(SectionKey::Proactive)
    } else if b.ends_with("总体情况") {
        Some(SectionKey::Overview)
    } else {
        None
    }
}

/// What a heading's normalised text can start with: a numbering (`一、`, `(一)`, `1.`,
/// `第一部分`) or the first character of an exact heading ([`is_exact_heading`]).
fn is_first(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '('
            | '第'
            | '总'
            | '政'
            | '主'
            | '收'
            | '因'
            | '被'
            | '存'
            | '其'
            | '0'..='9'
    )
}

/// Longest heading, in characters of its normalised text.
const MAX_CHARS: usize = 40;

/// A heading candidate from one line, if it is one.
pub fn heading_of(line: &Line) -> Option<Heading> {
    if line.in_html_table() {
        return None;
    }
    let mut filled = line.filled();
    let cell = filled.next()?;
    if filled.next().is_some() {
        return None;
    }
    // a heading starts with its numbering or with an exact heading's first character; a
    // long line is prose
    if cell.sig.len as usize > MAX_CHARS || !is_first(cell.sig.first) {
        return None;
    }
    let n = cell.norm;
    let chars = cell.sig.len as usize;
    if !(2..=MAX_CHARS).contains(&chars) {
        return None;
    }
    // no sentence end before the end
    if n.trim_end_matches('。').contains('。') {
        return None;
    }
    let (numbering, num, rest) = split_numbering(n);
    let (numbering, num, rest) = match numbering {
        Numbering::None => part_numbering(n).unwrap_or((numbering, num, rest)),
        _ => (numbering, num, rest),
    };
    // only `一、` headings are kept whatever they name; the others must name a section
    if numbering != Numbering::Top && !could_name_a_section(rest) {
        return None;
    }
    let key = section_key(rest);
    let (number, numeral_value) = match numbering {
        Numbering::Top => (Some(num), cn_numeral_value(num)),
        Numbering::None if key.is_some() && is_exact_heading(rest) => (None, None),
        Numbering::Paren | Numbering::Arabic if key.is_some() => {
            (Some(num), cn_numeral_value(num).or(num.parse().ok()))
        }
        _ => return None,
    };
    Some(Heading {
        span: cell.span,
        number: number.map(str::to_string),
        numeral_value,
        numbering,
        title: rest.trim_end_matches('。').to_string(),
        key,
    })
}

/// Can [`section_key`] find a section in `body`? Each key needs one of these characters
/// (议 诉 问 足 其 事 申 收 处 主 况), so most lines are told apart without a search.
fn could_name_a_section(body: &str) -> bool {
    body.chars().any(|c| {
        matches!(
            c,
            '议' | '诉' | '问' | '足' | '其' | '事' | '申' | '收' | '处' | '主' | '况'
        )
    })
}

/// `第一部分 …` numbers a section like `（一）`.
fn part_numbering(n: &str) -> Option<(Numbering, &str, &str)> {
    let r = n.strip_prefix('第')?;
    let i = r.find("部分")?;
    let num = &r[..i];
    cn_numeral_value(num)?;
    Some((
        Numbering::Paren,
        num,
        r[i + "部分".len()..].trim_start_matches([':', '、', ' ']),
    ))
}

/// An unnumbered line that is exactly a section heading (official text or an accepted
/// variant), not a sentence that happens to contain the words.
fn is_exact_heading(body: &str) -> bool {
    EXACT.contains(&body.trim_end_matches('。'))
}

const EXACT: &[&str] = &[
    "总体情况",
    "政府信息公开总体情况",
    "政府信息公开工作总体情况",
    "政务公开工作总体情况",
    "政务信息公开总体情况",
    "主动公开政府信息情况",
    "主动公开政府信息的情况",
    "收到和处理政府信息公开申请情况",
    "收到和处理政府信息公开申请的情况",
    "政府信息公开行政复议、行政诉讼情况",
    "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "政府信息公开行政复议和行政诉讼情况",
    "被申请行政复议、提起行政诉讼情况",
    "存在的主要问题及改进情况",
    "政府信息公开工作存在的主要问题及改进情况",
    "存在的主要问题和改进情况",
    "存在的主要问题及改进措施",
    "其他需要报告的事项",
    "其他需报告的事项",
    "其他事项",
];

/// The section headings outside the tables, in order: the `一、` / unnumbered candidates, or,
/// when those name no section and the `（一）`-numbered ones name all six, those (S206).
/// Returns the headings and whether the alternative numbering was used.
pub fn sections(candidates: impl Iterator<Item = Heading>) -> (Vec<Heading>, bool) {
    let mut top = Vec::new();
    let mut alt = Vec::new();
    for h in candidates {
        if h.numbering == Numbering::Top || h.numbering == Numbering::None {
            top.push(h);
        } else {
            alt.push(h);
        }
    }
    let keyed = |hs: &[Heading]| {
        let mut seen = [false; 6];
        for k in hs.iter().filter_map(|h| h.key) {
            seen[k.index()] = true;
        }
        seen.iter().filter(|s| **s).count()
    };
    if keyed(&top) == 0 && keyed(&alt) == 6 {
        alt.retain(|h| h.key.is_some());
        (alt, true)
    } else {
        (top, false)
    }
}

/// Sub-topics of section 一 numbered like sections (S208): right after 总体情况, a run of
/// `二、`-numbered headings that name no section, followed by a section heading whose numeral
/// is not above theirs (the numbering starts again: `一、总体情况` `二、依申请公开`
/// `三、政府信息管理` `二、主动公开政府信息情况`). They are taken out of `headings` (section 一
/// then runs through them) and returned.
pub fn subtopics(headings: &mut Vec<Heading>) -> Vec<Heading> {
    let Some(o) = headings
        .iter()
        .position(|h| h.key == Some(SectionKey::Overview))
    else {
        return Vec::new();
    };
    let run_end = headings[o + 1..]
        .iter()
        .position(|h| h.key.is_some() || h.numbering != Numbering::Top || h.numeral_value.is_none())
        .map(|i| o + 1 + i)
        .unwrap_or(headings.len());
    let (Some(top), Some(next)) = (
        headings[o + 1..run_end]
            .iter()
            .filter_map(|h| h.numeral_value)
            .max(),
        headings.get(run_end),
    ) else {
        return Vec::new();
    };
    if next.key.is_none() || next.numeral_value.is_none_or(|n| n > top) {
        return Vec::new();
    }
    headings.drain(o + 1..run_end).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_keys() {
        assert_eq!(section_key("总体情况"), Some(SectionKey::Overview));
        assert_eq!(
            section_key("政务信息公开总体情况"),
            Some(SectionKey::Overview)
        );
        assert_eq!(
            section_key("收到和处理政府信息公开申请情况"),
            Some(SectionKey::Applications)
        );
        assert_eq!(section_key("本年新收政府信息公开申请数量"), None);
        assert_eq!(
            section_key("政府信息公开行政复议、行政诉讼情况"),
            Some(SectionKey::ReviewLitigation)
        );
        assert_eq!(section_key("结转下年度继续办理"), None);
        // the problems section as real reports head it
        for h in [
            "存在的主要问题及改进情况",
            "存在的主要问题及整改措施",
            "存在的主要问题及整改情况",
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的问题和改进措施",
            "存在的不足及改进措施",
            "存在的主要问题和下一步工作计划",
            "存在问题及下一步打算",
        ] {
            assert_eq!(section_key(h), Some(SectionKey::Problems), "{h}");
            assert!(could_name_a_section(h), "{h}");
        }
    }

    fn h(text: &str, at: usize) -> Heading {
        let doc = crate::document::build(text, crate::input::Shape::Text);
        let mut hd = heading_of(&doc.lines().next().unwrap()).unwrap();
        hd.span = Span::new(at, at + 1);
        hd
    }

    #[test]
    fn subtopics_of_the_overview_are_taken_out() {
        let names = [
            "一、总体情况",
            "二、依申请公开",
            "三、政府信息管理",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
        ];
        let mut hs: Vec<Heading> = names.iter().enumerate().map(|(i, t)| h(t, i)).collect();
        let sub = subtopics(&mut hs);
        assert_eq!(
            sub.iter().map(|h| h.title.as_str()).collect::<Vec<_>>(),
            ["依申请公开", "政府信息管理"]
        );
        assert_eq!(hs.len(), 3);
        // an extra part numbered in sequence is not a sub-topic (S205 reports it)
        let names = [
            "一、总体情况",
            "二、政务公开工作",
            "三、主动公开政府信息情况",
        ];
        let mut hs: Vec<Heading> = names.iter().enumerate().map(|(i, t)| h(t, i)).collect();
        assert!(subtopics(&mut hs).is_empty());
        assert_eq!(hs.len(), 3);
        // nor is a run with no section after it
        let names = ["一、总体情况", "二、依申请公开"];
        let mut hs: Vec<Heading> = names.iter().enumerate().map(|(i, t)| h(t, i)).collect();
        assert!(subtopics(&mut hs).is_empty());
    }

    #[test]
    fn every_exact_heading_starts_with_a_first_character() {
        for h in EXACT {
            assert!(is_first(h.chars().next().unwrap()), "{h}");
        }
    }

    #[test]
    fn a_section_needs_one_of_the_characters() {
        for h in EXACT.iter().chain(&[
            "复议诉讼",
            "问题改进",
            "其他事项",
            "申请收到",
            "申请处理",
            "主动公开",
            "总体情况",
        ]) {
            assert!(section_key(h).is_some(), "{h}");
            assert!(could_name_a_section(h), "{h}");
        }
        assert!(!could_name_a_section("12"));
    }
}
