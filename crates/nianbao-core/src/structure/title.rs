//! The title and what it says: the agency, the year and the kind of agency
//! (format.md §9.8). A body pasted without its title takes the year from the statistical
//! period.

use super::headings::heading_of;
use crate::base::normalize::norm;
use crate::base::{find_year, mark, Span};
use crate::document::{Doc, Line, LineKind};
use serde::Serialize;

/// A 人民政府 (or its office reporting for it) or a department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Government,
    Department,
}

#[derive(Debug, Clone, Default)]
pub struct Title {
    pub span: Span,
    pub text: String,
    /// The year's digits inside the title.
    pub year_span: Option<Span>,
}

/// What the title (or, for the year, the statistical period) says about the report.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<Title>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<Kind>,
}

/// Reads the title among the first lines that `in_table` does not exclude, and the
/// agency, year and kind from it.
pub fn meta(text: &str, doc: &Doc, in_table: &dyn Fn(usize) -> bool) -> Meta {
    let mut m = Meta::default();
    if let Some(mut title) = find_title(text, doc, in_table) {
        let (agency, year) = match find_year(&title.text) {
            Some((y, s, e)) => {
                let mut agency = title.text[..s]
                    .trim()
                    .trim_end_matches(['（', '('])
                    .to_string();
                if agency.is_empty() {
                    // 2022年度螅镇政府信息公开工作年度报告: the agency follows the year
                    let rest = title.text[e..]
                        .trim_start()
                        .trim_start_matches('年')
                        .trim_start_matches('度');
                    if let Some(i) = rest.find("政府信息公开") {
                        agency = rest[..i].trim().to_string();
                    }
                }
                (agency, Some(y))
            }
            None => {
                let i = title.text.find("政府信息公开").unwrap_or(0);
                (title.text[..i].trim().to_string(), None)
            }
        };
        if let Some(y) = year {
            let ys = y.to_string();
            if let Some(p) = title.span.of(text).find(&ys) {
                title.year_span = Some(Span::new(title.span.start + p, title.span.start + p + 4));
            }
        }
        m.year = year;
        let agency = agency
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
            .to_string();
        m.kind = kind_of(&agency);
        m.agency = (!agency.is_empty()).then_some(agency);
        m.title = Some(title);
    }
    if m.year.is_none() {
        m.year = period_year(doc);
    }
    m
}

/// The year of the statistical-period sentence (`统计期限为2023年1月1日至…`).
fn period_year(doc: &Doc) -> Option<i32> {
    for l in doc.lines() {
        if !l.sig().has(const { mark('统') | mark('计') })
            || !l.cells().any(|c| c.text.contains("统计"))
        {
            continue;
        }
        let n = l.norm();
        if n.contains("统计期限")
            || n.contains("统计时间")
            || n.contains("统计期间")
            || n.contains("数据统计")
        {
            if let Some((y, _, _)) = find_year(&l.text()) {
                return Some(y);
            }
        }
    }
    None
}

/// Does the normalised line read as the report's title?
fn reads_as_title(n: &str, raw: &str) -> bool {
    // a sentence that cites the report (《…》, 根据…, 现公布…) is not the title; norm()
    // drops 《》, so look at the raw text for them
    let is_title = (n.contains("政府信息公开") || n.contains("政务公开"))
        && n.contains("年度报告")
        && n.chars().count() <= 70
        && !raw.contains('《')
        && !n.contains("关于")
        && !n.contains('。')
        && !n.contains("根据")
        && !n.contains("现公布");
    // a garbled title such as 政府信息公开 工作告年度报 still names the report kind
    let garbled = n.contains("政府信息公开")
        && n.contains("年度报")
        && n.chars().count() <= 40
        && !n.contains('。')
        && !raw.contains('《')
        && !n.contains("关于")
        && !n.contains("根据");
    // a transmittal notice (关于印发…年度报告的通知) is not the report's title
    let notice = n.ends_with("通知") || n.ends_with("的函");
    !notice && (is_title || garbled)
}

fn find_title(text: &str, doc: &Doc, skip: &dyn Fn(usize) -> bool) -> Option<Title> {
    // the first line always counts: in flattened text the whole report, tables included,
    // is one line that starts with the title
    let first = doc.lines().position(|l| !l.is_blank());
    let cand: Vec<usize> = (0..doc.len())
        .filter(|&i| (Some(i) == first || !skip(i)) && !doc.line(i).is_blank())
        .take(40)
        .collect();
    for (k, &i) in cand.iter().enumerate() {
        let line = doc.line(i);
        // a title names 政府信息公开 (or 政务公开) and 年度报告
        if !line
            .sig()
            .has(const { mark('政') | mark('度') | mark('报') })
        {
            continue;
        }
        let raw = line.text();
        let n = line.norm();
        if !reads_as_title(&n, &raw) {
            if k == 0 && n.chars().count() > 70 {
                if let Some(t) = flattened_title(text, &line, &raw) {
                    return Some(t);
                }
            }
            continue;
        }
        let mut span = line.span();
        let mut title = raw.trim().to_string();
        // a saved page's metadata block: 标题：…年度报告 (the label is no part of the agency)
        if let Some(skip) = metadata_label(&title) {
            title = title[skip..].trim_start().to_string();
            if let Some(p) = span.of(text).find(title.as_str()) {
                span = Span::new(span.start + p, span.end);
            }
        }
        // the agency may stand on the line before: 洪泽区人民政府 / 2023 年政府信息公开工作年度报告
        // or the agency and the year: 平潭综合实验区2019年 / 政府信息公开工作年度报告 (a title
        // broken over two paragraphs of a Word document)
        let starts_with_year = n.chars().take(4).all(|c| c.is_ascii_digit());
        let starts_with_kind = n.starts_with("政府信息公开") || n.starts_with("政务公开");
        if (starts_with_year || starts_with_kind) && k > 0 {
            let p = doc.line(cand[k - 1]);
            let pt = p.text();
            let pn = p.norm();
            let names_the_year = !starts_with_kind
                || (find_year(&pn).is_some() && (pn.ends_with('年') || pn.ends_with("年度")));
            if pn.chars().count() <= 30
                && names_the_year
                && !pn.contains('。')
                && heading_of(&p).is_none()
                && cand[k - 1] + 3 >= i
            {
                span = p.span().cover(span);
                title = format!("{}{}", pt.trim(), title);
            }
        }
        return Some(Title {
            span,
            text: title,
            year_span: None,
        });
    }
    None
}

/// The length of a metadata label that starts a title line of a saved page (`标题：`,
/// `标　题:`, `信息名称：`), with its colon.
fn metadata_label(title: &str) -> Option<usize> {
    const LABELS: [&str; 6] = ["标题", "题名", "名称", "信息名称", "文章标题", "文件名称"];
    let colon = title
        .char_indices()
        .take(8)
        .find(|(_, c)| matches!(c, '：' | ':'))?;
    let label: String = title[..colon.0]
        .chars()
        .filter(|c| !crate::base::normalize::is_space(*c))
        .collect();
    LABELS
        .contains(&label.as_str())
        .then_some(colon.0 + colon.1.len_utf8())
}

/// Flattened text: the title runs straight into the first paragraph. The title is the line
/// up to its first `年度报告`; its span ends where that `年度报告` ends in the input (the
/// line's text may differ from the input: cells joined by one space, HTML decoded).
fn flattened_title(text: &str, line: &Line, raw: &str) -> Option<Title> {
    const END: &str = "年度报告";
    let p = raw.find(END)?;
    let head = &raw[..p + END.len()];
    let hn = norm(head);
    if hn.chars().count() > 60
        || !hn.contains("政府信息公开")
        || head.contains('《')
        || hn.contains('。')
    {
        return None;
    }
    let start = line.filled().next()?.span.start;
    let only = line.cells().next()?;
    let end = match line.kind() {
        // a text line's only cell is a slice of the input
        LineKind::Text if only.span.of(text) == only.text => only.span.start + p + END.len(),
        _ => line
            .filled()
            .find_map(|c| {
                c.span
                    .of(text)
                    .find(END)
                    .map(|q| c.span.start + q + END.len())
            })
            .unwrap_or(line.span().end),
    };
    Some(Title {
        span: Span::new(start, end.max(start)),
        text: head.trim().to_string(),
        year_span: None,
    })
}

/// The kind of agency its name says (format.md §9.8).
pub fn kind_of(agency: &str) -> Option<Kind> {
    let a = agency.trim();
    if a.is_empty() {
        return None;
    }
    if a.ends_with("人民政府办公室") || a.ends_with("人民政府办公厅") || a.contains("街道")
    {
        return Some(Kind::Department);
    }
    if a.ends_with("人民政府") || a.ends_with("政府") {
        return Some(Kind::Government);
    }
    const DEPT: &[&str] = &[
        "局",
        "委",
        "办",
        "中心",
        "厅",
        "院",
        "所",
        "站",
        "队",
        "会",
        "处",
        "署",
        "室",
        "部",
        "馆",
        "公司",
        "集团",
        "办事处",
    ];
    if DEPT.iter().any(|d| a.ends_with(d)) {
        return Some(Kind::Department);
    }
    const REGION: &[&str] = &[
        "省",
        "市",
        "区",
        "县",
        "州",
        "盟",
        "旗",
        "镇",
        "乡",
        "自治区",
        "新区",
        "实验区",
        "开发区",
    ];
    if REGION.iter().any(|r| a.ends_with(r)) {
        return Some(Kind::Government);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_over_two_lines() {
        for text in [
            "平潭综合实验区2019年\n政府信息公开工作年度报告\n正文。",
            "洪泽区人民政府\n2023年政府信息公开工作年度报告\n正文。",
        ] {
            let doc = crate::document::build(text, crate::input::Shape::Text);
            let m = meta(text, &doc, &|_| false);
            assert!(
                m.agency
                    .as_deref()
                    .is_some_and(|a| a.ends_with("区") || a.ends_with("政府")),
                "{text}: {m:?}"
            );
            assert!(m.year.is_some(), "{text}");
        }
        // a breadcrumb before the title is not part of it
        let text = "首页 > 政务公开\n政府信息公开工作年度报告\n正文。";
        let doc = crate::document::build(text, crate::input::Shape::Text);
        assert_eq!(
            meta(text, &doc, &|_| false).title.unwrap().text,
            "政府信息公开工作年度报告"
        );
    }

    #[test]
    fn a_metadata_label_is_no_part_of_the_agency() {
        let read = |t: &str| {
            let doc = crate::document::build(t, crate::input::Shape::Text);
            meta(t, &doc, &|_| false)
        };
        let t =
            "标题：沭阳县发展和改革局2023年政府信息公开工作年度报告\n来源：沭阳县\n一、总体情况\n";
        assert_eq!(read(t).agency.as_deref(), Some("沭阳县发展和改革局"));
        let t = "标　题: 沭阳县发展和改革局2023年政府信息公开工作年度报告\n";
        let m = read(t);
        assert_eq!(m.agency.as_deref(), Some("沭阳县发展和改革局"));
        assert_eq!(
            m.title.unwrap().span.of(t),
            "沭阳县发展和改革局2023年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("周口市科技局"), Some(Kind::Department));
        assert_eq!(kind_of("淮安市人民政府"), Some(Kind::Government));
        assert_eq!(kind_of("上海市人民政府办公厅"), Some(Kind::Department));
        assert_eq!(
            kind_of("北京市通州区中仓街道办事处"),
            Some(Kind::Department)
        );
        assert_eq!(kind_of("平潭综合实验区"), Some(Kind::Government));
    }
}
