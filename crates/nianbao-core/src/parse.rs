//! From input bytes to a [`Model`]: decode, pick the shape, find headings and table regions,
//! read the metadata and the three tables. Parsing never fails.

use crate::doc::{self, Doc, Shape, Span};
use crate::model::*;
use crate::normalize::{cn_numeral_value, norm, split_numbering, Numbering};
use crate::tables;
use crate::template::Format;

/// The decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes bytes: UTF-8 (a BOM is kept as part of the text so spans stay byte offsets into
/// the file), UTF-16 with BOM, or GBK/GB18030 when declared in a `<meta charset>` or when
/// the bytes are not UTF-8 but decode cleanly as GB18030.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "utf-8",
        };
    }
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return Decoded {
            text: String::from_utf16_lossy(&units),
            encoding: "utf-16",
        };
    }
    #[cfg(feature = "gbk")]
    {
        let head = &bytes[..bytes.len().min(4096)];
        let head_lc = String::from_utf8_lossy(head)
            .to_ascii_lowercase()
            .replace(' ', "");
        let declared_gb = [
            "charset=gb2312",
            "charset=\"gb2312",
            "charset=gbk",
            "charset=\"gbk",
            "charset=gb18030",
            "charset=\"gb18030",
        ]
        .iter()
        .any(|p| head_lc.contains(p));
        let (t, _, had_errors) = encoding_rs::GB18030.decode(bytes);
        if declared_gb || !had_errors {
            return Decoded {
                text: t.into_owned(),
                encoding: "gbk",
            };
        }
    }
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "utf-8-lossy",
    }
}

/// Guesses what the text is.
pub fn detect_shape(text: &str) -> Shape {
    let bytes = text.as_bytes();
    let has_lt = memchr::memchr(b'<', bytes).is_some();
    let has_pipe = memchr::memchr(b'|', bytes).is_some();
    if !has_lt && !has_pipe {
        return Shape::Text;
    }
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    let t = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.starts_with("<!doctype")
        || t.starts_with("<html")
        || t.starts_with("<?xml")
        || text.contains("</td>")
        || text.contains("</TD>")
        || (t.starts_with('<')
            && (head.contains("<p")
                || head.contains("<div")
                || head.contains("<table")
                || head.contains("<meta")))
    {
        return Shape::Html;
    }
    let pipe_sep = has_pipe
        && text.lines().take(5000).any(|l| {
            let l = l.trim();
            l.starts_with('|')
                && l.contains("---")
                && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        });
    if pipe_sep {
        Shape::Markdown
    } else {
        Shape::Text
    }
}

pub fn build_doc(text: &str, shape: Shape) -> Doc {
    match shape {
        Shape::Html => crate::html::to_doc(text),
        s => doc::from_text(text, s),
    }
}

/// Which section a heading's text (numbering removed, normalised) names (format.md §3).
pub fn section_key(body: &str) -> Option<SectionKey> {
    let b = body.trim_end_matches(['。', '.', ':', '：']);
    if b.contains("复议") && b.contains("诉讼") {
        Some(SectionKey::ReviewLitigation)
    } else if b.contains("问题") && b.contains("改进") {
        Some(SectionKey::Problems)
    } else if b.contains("其他") && b.contains("事项") {
        Some(SectionKey::Other)
    } else if b.contains("申请") && (b.contains("收到") || b.contains("处理")) {
        Some(SectionKey::Applications)
    } else if b.contains("主动公开") {
        Some(SectionKey::Proactive)
    } else if b.ends_with("总体情况") {
        Some(SectionKey::Overview)
    } else {
        None
    }
}

/// A heading candidate from one line, if it is one.
fn heading_of(line: &doc::Line) -> Option<Heading> {
    if line.in_html_table {
        return None;
    }
    let nonempty: Vec<&doc::Cell> = line.cells.iter().filter(|c| !c.text.is_empty()).collect();
    if nonempty.len() != 1 {
        return None;
    }
    let cell = nonempty[0];
    let n = cell.norm.as_str();
    let chars = n.chars().count();
    if chars > 40 || chars < 2 {
        return None;
    }
    // no sentence end before the end
    if n.trim_end_matches('。').contains('。') {
        return None;
    }
    let (numbering, num, rest) = split_numbering(n);
    let (numbering, num, rest) = match numbering {
        Numbering::None => {
            // 第一部分 …
            if let Some(r) = n.strip_prefix('第') {
                if let Some(i) = r.find("部分") {
                    let num = &r[..i];
                    if cn_numeral_value(num).is_some() {
                        (
                            Numbering::Paren,
                            num,
                            r[i + "部分".len()..].trim_start_matches([':', '、', ' ']),
                        )
                    } else {
                        (numbering, num, rest)
                    }
                } else {
                    (numbering, num, rest)
                }
            } else {
                (numbering, num, rest)
            }
        }
        _ => (numbering, num, rest),
    };
    let key = section_key(rest);
    let title = rest.trim_end_matches('。').to_string();
    match numbering {
        Numbering::Top => Some(Heading {
            span: cell.span,
            number: Some(num.to_string()),
            numeral_value: cn_numeral_value(num),
            numbering,
            title,
            key,
        }),
        Numbering::None if key.is_some() && is_exact_heading(rest) => Some(Heading {
            span: cell.span,
            number: None,
            numeral_value: None,
            numbering,
            title,
            key,
        }),
        Numbering::Paren | Numbering::Arabic if key.is_some() => Some(Heading {
            span: cell.span,
            number: Some(num.to_string()),
            numeral_value: cn_numeral_value(num).or(num.parse().ok()),
            numbering,
            title,
            key,
        }),
        _ => None,
    }
}

/// An unnumbered line that is exactly a section heading (official text or an accepted
/// variant), not a sentence that happens to contain the words.
fn is_exact_heading(body: &str) -> bool {
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
    EXACT.contains(&body.trim_end_matches('。'))
}

fn cell_norms(line: &doc::Line) -> impl Iterator<Item = &str> + '_ {
    line.cells
        .iter()
        .filter(|c| !c.text.is_empty())
        .map(|c| c.norm.as_str())
}

fn is_t2_start(line: &doc::Line) -> bool {
    cell_norms(line).any(|n| n.contains("第二十条第(一)项") || n.contains("第二十条第一项"))
}
fn is_t2_fallback(line: &doc::Line) -> bool {
    cell_norms(line).any(|n| n == "信息内容" || n.starts_with("信息内容"))
}
fn is_t3_start(line: &doc::Line) -> bool {
    cell_norms(line).any(|n| {
        (n.contains("勾稽") && n.chars().count() < 60)
            || n == "申请人情况"
            || (n.contains("本年新收政府信息公开申请") && n.chars().count() < 30)
    })
}
fn is_t4_anchor(line: &doc::Line) -> bool {
    cell_norms(line).any(|n| n == "行政复议")
}

struct Regions {
    t2: Option<(usize, usize)>,
    t3: Option<(usize, usize)>,
    t4: Option<(usize, usize)>,
    dups: Vec<(TableId, usize)>,
}

fn find_regions(doc: &Doc, heads: &[(usize, Heading)]) -> Regions {
    let n = doc.lines.len();
    let next_heading = |from: usize, keys: &[SectionKey]| {
        heads
            .iter()
            .find(|(li, h)| *li > from && h.key.map(|k| keys.contains(&k)).unwrap_or(false))
            .map(|(li, _)| *li)
    };
    let find = |from: usize, to: usize, f: &dyn Fn(&doc::Line) -> bool| {
        (from..to).find(|&i| f(&doc.lines[i]))
    };
    let t2s = find(0, n, &is_t2_start).or_else(|| {
        let after = heads
            .iter()
            .find(|(_, h)| h.key == Some(SectionKey::Proactive))
            .map(|(l, _)| *l)
            .unwrap_or(0);
        find(after, n, &is_t2_fallback)
    });
    let t3s = find(t2s.unwrap_or(0), n, &is_t3_start);
    let t4_from = t3s.or(t2s).unwrap_or(0);
    let t4s = (t4_from..n).find(|&i| {
        is_t4_anchor(&doc.lines[i])
            && (i..(i + 40).min(n)).any(|j| cell_norms(&doc.lines[j]).any(|c| c == "行政诉讼"))
    });
    use SectionKey::*;
    let mut r = Regions {
        t2: None,
        t3: None,
        t4: None,
        dups: vec![],
    };
    if let Some(s) = t2s {
        let mut end =
            next_heading(s, &[Applications, ReviewLitigation, Problems, Other]).unwrap_or(n);
        if let Some(t3) = t3s {
            end = end.min(t3);
        }
        r.t2 = Some((s, end));
        if let Some(d) = find(end, n, &is_t2_start) {
            r.dups.push((TableId::T2, d));
        }
    }
    if let Some(s) = t3s {
        let mut end = next_heading(s, &[ReviewLitigation, Problems, Other]).unwrap_or(n);
        if let Some(t4) = t4s {
            end = end.min(t4);
        }
        r.t3 = Some((s, end));
        if let Some(d) = (end..n).find(|&i| {
            cell_norms(&doc.lines[i]).any(|c| {
                c.contains("勾稽")
                    || (c.contains("本年新收政府信息公开申请") && c.chars().count() < 30)
            })
        }) {
            r.dups.push((TableId::T3, d));
        }
    }
    if let Some(s) = t4s {
        let end = next_heading(s, &[Problems, Other]).unwrap_or(n);
        r.t4 = Some((s, end));
    }
    r
}

fn find_title(doc: &Doc, skip: &dyn Fn(usize) -> bool) -> Option<(Title, usize)> {
    // the first line always counts: in flattened text the whole report, tables included,
    // is one line that starts with the title
    let first = (0..doc.lines.len()).find(|&i| !doc.lines[i].text().trim().is_empty());
    let cand: Vec<usize> = (0..doc.lines.len())
        .filter(|&i| (Some(i) == first || !skip(i)) && !doc.lines[i].text().trim().is_empty())
        .take(40)
        .collect();
    for (k, &i) in cand.iter().enumerate() {
        let line = &doc.lines[i];
        let n = norm(line.text());
        // a sentence that cites the report (《…》, 根据…, 现公布…) is not the title; norm()
        // drops 《》, so look at the raw text for them
        let raw = line.text();
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
        if notice || !(is_title || garbled) {
            // flattened text: the title runs straight into the first paragraph
            if k == 0 && n.chars().count() > 70 {
                if let Some(p) = line.text().find("年度报告") {
                    let head = &line.text()[..p + "年度报告".len()];
                    let hn = norm(head);
                    if hn.chars().count() <= 60
                        && hn.contains("政府信息公开")
                        && !head.contains('《')
                        && !hn.contains('。')
                    {
                        let start = line.span.start + (text_offset(line.text(), head));
                        let span = Span::new(start, start + head.trim_start().len());
                        return Some((
                            Title {
                                span,
                                text: head.trim().to_string(),
                                year_span: None,
                            },
                            i,
                        ));
                    }
                }
            }
            continue;
        }
        let mut span = line.span;
        let mut text = line.text().trim().to_string();
        // the agency may stand on the line before: 洪泽区人民政府 / 2023 年政府信息公开工作年度报告
        let starts_with_year = n.chars().take(4).all(|c| c.is_ascii_digit());
        if starts_with_year && k > 0 {
            let p = &doc.lines[cand[k - 1]];
            let pn = norm(p.text());
            if pn.chars().count() <= 30
                && !pn.contains('。')
                && heading_of(p).is_none()
                && cand[k - 1] + 3 >= i
            {
                span = p.span.cover(span);
                text = format!("{}{}", p.text().trim(), text);
            }
        }
        return Some((
            Title {
                span,
                text,
                year_span: None,
            },
            i,
        ));
    }
    None
}

/// Offset of the first non-space character of `head` within `line` (for a `Text` line the
/// line text is the source text itself).
fn text_offset(line: &str, head: &str) -> usize {
    line.len() - line.trim_start().len() + (head.len() - head.trim_start().len())
}

/// Year: four digits (2008–2099) before 年, spaces allowed around the digits.
pub fn find_year(s: &str) -> Option<(i32, usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
        {
            let rest = s[i + 4..].trim_start_matches([' ', '\u{a0}', '\u{3000}']);
            if rest.starts_with('年') {
                let y: i32 = s[i..i + 4].parse().ok()?;
                if (2008..=2099).contains(&y) {
                    return Some((y, i, i + 4));
                }
            }
        }
        i += 1;
    }
    None
}

fn kind_of(agency: &str) -> Option<Kind> {
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

const PRE_2019: &[&str] = &[
    "当面申请数",
    "传真申请数",
    "电子邮件申请数",
    "网上申请数",
    "信函申请数",
    "否决公开答复总数",
];

/// Parses decoded text into a document and its model.
pub fn parse(text: &str, shape: Shape) -> (Doc, Model) {
    let doc = build_doc(text, shape);
    let mut m = Model {
        shape: Some(shape),
        ..Default::default()
    };
    let heads: Vec<(usize, Heading)> = doc
        .lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| heading_of(l).map(|h| (i, h)))
        .collect();
    let regions = find_regions(&doc, &heads);
    let in_table = |i: usize| {
        [regions.t2, regions.t3, regions.t4]
            .iter()
            .flatten()
            .any(|(s, e)| i >= *s && i < *e)
    };

    // title and metadata
    if let Some((title, _)) = find_title(&doc, &in_table) {
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
        let mut title = title;
        if let Some(y) = year {
            let ys = y.to_string();
            if let Some(p) = text[title.span.start..title.span.end].find(&ys) {
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
        // the statistical-period sentence
        for l in &doc.lines {
            if !l.text().contains("统计") {
                continue;
            }
            let n = norm(l.text());
            if n.contains("统计期限")
                || n.contains("统计时间")
                || n.contains("统计期间")
                || n.contains("数据统计")
            {
                if let Some((y, _, _)) = find_year(l.text()) {
                    m.year = Some(y);
                    break;
                }
            }
        }
    }

    // headings outside the tables
    let mut top = Vec::new();
    let mut alt = Vec::new();
    for (i, h) in heads {
        if in_table(i) {
            continue;
        }
        if h.numbering == Numbering::Top || h.numbering == Numbering::None {
            top.push(h);
        } else {
            alt.push(h);
        }
    }
    let keyed = |hs: &[Heading]| {
        hs.iter()
            .filter_map(|h| h.key.map(|k| k.index()))
            .collect::<std::collections::BTreeSet<_>>()
    };
    if keyed(&top).is_empty() && keyed(&alt).len() == 6 {
        m.alt_numbering = true;
        m.headings = alt.iter().filter(|h| h.key.is_some()).cloned().collect();
    } else {
        m.headings = top;
    }

    // tables
    if let Some((s, e)) = regions.t2 {
        m.t2_signals = tables::t2_signals(&doc, s..e);
        m.t2_item9 = (s..e)
            .flat_map(|i| doc.lines[i].cells.iter())
            .find(|c| c.norm.contains("第二十条第(九)项") || c.norm.contains("第二十条第九项"))
            .map(|c| c.span);
    }
    let a = m
        .t2_signals
        .iter()
        .filter(|s| s.format == Format::A)
        .count();
    let b = m
        .t2_signals
        .iter()
        .filter(|s| s.format == Format::B)
        .count();
    if a + b > 0 {
        m.format = Some(if a > b { Format::A } else { Format::B });
        m.format_source = Some(FormatSource::Table2);
    } else if let Some(y) = m.year.filter(|y| *y >= 2019) {
        m.format = Some(if y >= 2021 { Format::B } else { Format::A });
        m.format_source = Some(FormatSource::Year);
    }
    if let Some((s, e)) = regions.t3 {
        let t3 = tables::read_t3(text, &doc, s..e, m.format);
        if m.format.is_none() && t3.rows.iter().any(|r| r.kind == RowKind::Official) {
            m.format = Some(if t3.three_other_rows {
                Format::B
            } else {
                Format::A
            });
            m.format_source = Some(FormatSource::Table3);
        }
        m.t3 = Some(t3);
    }
    if let Some((s, e)) = regions.t2 {
        m.t2 = Some(tables::read_t2(
            text,
            &doc,
            s..e,
            m.format.unwrap_or(Format::B),
        ));
    }
    if let Some((s, e)) = regions.t4 {
        m.t4 = Some(tables::read_t4(text, &doc, s..e));
    }
    for (id, li) in regions.dups {
        if let Some(first) = m.table(id) {
            m.duplicates.push((id, first.span, doc.lines[li].span));
        }
    }
    for (i, l) in doc.lines.iter().enumerate() {
        if !in_table(i) && !l.in_html_table {
            if !l.text().trim().is_empty() {
                m.prose.push(l.span);
            }
        }
        for c in &l.cells {
            let n = &c.norm;
            if let Some(p) = PRE_2019.iter().find(|p| n.contains(*p)) {
                if n.chars().count() < 30 {
                    m.pre2019.push((c.span, p.to_string()));
                }
            }
        }
    }
    (doc, m)
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
    }

    #[test]
    fn years_and_kinds() {
        assert_eq!(find_year("2023 年政府信息公开").map(|y| y.0), Some(2023));
        assert_eq!(find_year("周口市科技局2019年政府").map(|y| y.0), Some(2019));
        assert_eq!(find_year("12019年"), None);
        assert_eq!(kind_of("周口市科技局"), Some(Kind::Department));
        assert_eq!(kind_of("淮安市人民政府"), Some(Kind::Government));
        assert_eq!(kind_of("上海市人民政府办公厅"), Some(Kind::Department));
        assert_eq!(
            kind_of("北京市通州区中仓街道办事处"),
            Some(Kind::Department)
        );
        assert_eq!(kind_of("平潭综合实验区"), Some(Kind::Government));
    }

    #[test]
    fn decode_utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "规章".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&b).text, "规章");
        assert_eq!(decode(&b).encoding, "utf-16");
    }

    #[cfg(feature = "gbk")]
    #[test]
    fn decode_gbk_declared() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><p>规章</p>");
        let d = decode(&bytes);
        assert_eq!(d.encoding, "gbk");
        assert!(d.text.contains("规章"));
    }
}
