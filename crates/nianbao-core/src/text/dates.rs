//! The publication date of a report (P rules): supplied by the caller, or found in a saved
//! page's metadata (`<meta name="PubDate" content="2022-02-08 16:34">`), a `发布日期`/`发布时间`
//! line, or the signature date at the end (`2022年1月20日`, `二〇二二年一月二十日`).

use crate::base::lines::floor_char_boundary;
use crate::base::Span;
use serde::Serialize;

/// A publication date and where it was found.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Published {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `caller` (given with the input), `page_metadata` (a saved page's `<meta>`),
    /// `date_line` (`发布日期：…` in the text) or `signature` (the date under the signature).
    #[serde(deserialize_with = "crate::base::wire::interned")]
    pub source: crate::base::wire::Interned,
    pub span: Option<Span>,
    #[serde(skip)]
    pub ymd: (i32, u32, u32),
}

impl Published {
    pub fn new(ymd: (i32, u32, u32), source: &'static str, span: Option<Span>) -> Self {
        Published {
            date: format!("{:04}-{:02}-{:02}", ymd.0, ymd.1, ymd.2),
            source,
            span,
            ymd,
        }
    }
    /// How the source is named in messages.
    pub fn source_zh(&self) -> &'static str {
        match self.source {
            "caller" => "调用方提供的发布日期",
            "page_metadata" => "网页元数据中的发布日期",
            "date_line" => "正文中的发布日期",
            _ => "落款日期",
        }
    }
}

/// A calendar date (year, month, day), validated.
pub type Ymd = (i32, u32, u32);

fn valid((y, m, d): Ymd) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2099).contains(&y) && d >= 1 && d <= days
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | 'Ｏ' | '零' => Some(0),
        _ => "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1),
    }
}

/// A small number in digits or Chinese (`1`, `12`, `十二`, `二十一`, `三十`).
fn small(s: &str) -> Option<u32> {
    if s.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return s
            .chars()
            .try_fold(0u32, |a, c| Some(a * 10 + digit(c)?))
            .filter(|_| !s.is_empty() && s.chars().count() <= 2);
    }
    crate::base::normalize::cn_numeral_value(s)
}

/// A four-digit year at the start of `s` (digits or 〇一二…): (year, length in bytes).
fn year_at(s: &str) -> Option<(i32, usize)> {
    let mut year = 0i32;
    let mut len = 0;
    for (n, c) in s.chars().take(4).enumerate() {
        year = year * 10 + digit(c)? as i32;
        len += c.len_utf8();
        if n == 3 && s[len..].chars().next().is_some_and(|c| digit(c).is_some()) {
            return None;
        }
    }
    (len > 0 && s[..len].chars().count() == 4).then_some((year, len))
}

/// `M月D日` at the start of `s` (digits or Chinese numerals, spaces allowed):
/// (month, day, length in bytes).
fn month_day(s: &str) -> Option<(u32, u32, usize)> {
    let mi = s.find('月')?;
    let r = &s[mi + '月'.len_utf8()..];
    let di = r.find(['日', '号'])?;
    if mi > 9 || di > 9 {
        return None;
    }
    let (m, d) = (small(s[..mi].trim())?, small(r[..di].trim())?);
    Some((m, d, mi + '月'.len_utf8() + di + '日'.len_utf8()))
}

/// A date at the start of `s`: `2022-02-08`, `2022/2/8`, `2022.02.08`, `2022年2月8日`,
/// `二〇二二年二月八日`. Returns the date and its length in bytes.
pub fn date_at(s: &str) -> Option<(Ymd, usize)> {
    let (year, rest_at) = year_at(s)?;
    let rest = &s[rest_at..];
    let sep = rest.chars().next()?;
    let (month, day, len) = if sep == '年' {
        let (m, d, len) = month_day(&rest['年'.len_utf8()..])?;
        (m, d, rest_at + '年'.len_utf8() + len)
    } else if matches!(sep, '-' | '/' | '.') {
        let r = &rest[1..];
        let a = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        let m: u32 = r[..a].parse().ok()?;
        let r2 = r[a..].strip_prefix(sep)?;
        let b = r2.find(|c: char| !c.is_ascii_digit()).unwrap_or(r2.len());
        let d: u32 = r2[..b].parse().ok()?;
        if a > 2 || b > 2 {
            return None;
        }
        (m, d, rest_at + 1 + a + 1 + b)
    } else {
        return None;
    };
    valid((year, month, day)).then_some(((year, month, day), len))
}

/// `[YYYY 年] M 月 D 日` as written in a statistical period, whose second date may leave
/// the year out (`2023年1月1日至12月31日`): (year if written, month, day, length in bytes).
pub fn period_date_at(s: &str) -> Option<(Option<i32>, u32, u32, usize)> {
    if let Some((y, n)) = year_at(s) {
        let r = s[n..].trim_start_matches(' ').strip_prefix('年')?;
        let at = s.len() - r.len();
        let (m, d, len) = month_day(r)?;
        return Some((Some(y), m, d, at + len));
    }
    let (m, d, len) = month_day(s)?;
    Some((None, m, d, len))
}

/// Finds the publication date in the text (or the page source).
pub fn find(text: &str, html: bool, prose: &[Span]) -> Option<Published> {
    if html {
        if let Some(p) = page_metadata(text) {
            return Some(p);
        }
    }
    for key in ["发布日期", "发布时间", "发布于", "成文日期"] {
        for i in crate::base::search::find_iter(text, key) {
            let after = &text[i + key.len()..];
            let skip = after.len()
                - after
                    .trim_start_matches([':', '：', ' ', '\u{3000}', '\u{a0}', '\t'])
                    .len();
            if let Some((ymd, len)) = date_at(&after[skip..]) {
                let at = i + key.len() + skip;
                return Some(Published::new(
                    ymd,
                    if key == "成文日期" {
                        "signature"
                    } else {
                        "date_line"
                    },
                    Some(Span::new(at, at + len)),
                ));
            }
        }
    }
    // the signature: a line at the end that is a date (after the agency's name, if any)
    for line in prose.iter().rev().take(3) {
        let s = text[line.start..line.end].trim_end();
        for (i, _) in s.char_indices().rev().take(24) {
            if let Some((ymd, len)) = date_at(&s[i..]) {
                // alone on its line, or after the agency's name (`示例市科学技术局 2024年1月20日`);
                // never after words such as 截至 (a statistical period)
                let before = s[..i].trim_end();
                let signature = before.is_empty()
                    || (before.chars().count() <= 30
                        && before.ends_with([
                            '局', '委', '办', '厅', '府', '心', '室', '署', '会', '院', '所', '站',
                            '处',
                        ]));
                if i + len == s.len() && signature {
                    return Some(Published::new(
                        ymd,
                        "signature",
                        Some(Span::new(line.start + i, line.start + i + len)),
                    ));
                }
            }
        }
    }
    None
}

/// `<meta name="PubDate" content="2022-02-08 16:34">` (and the usual variants) in a saved page.
fn page_metadata(src: &str) -> Option<Published> {
    // the head of the page, cut on a character boundary
    let head = &src[..floor_char_boundary(src, 64 * 1024)];
    let lower = head.to_ascii_lowercase();
    for (i, _) in lower.match_indices("<meta") {
        let end = lower[i..].find('>').map(|e| i + e)?;
        let tag = &lower[i..end];
        if ![
            "pubdate",
            "publishdate",
            "published_time",
            "firstpublishedtime",
            "publish_date",
        ]
        .iter()
        .any(|k| tag.contains(k))
        {
            continue;
        }
        let c = tag.find("content=")? + "content=".len();
        let q = tag[c..].chars().next()?;
        let v0 = if q == '"' || q == '\'' { c + 1 } else { c };
        let at = i + v0;
        if let Some((ymd, len)) = date_at(&head[at..]) {
            return Some(Published::new(
                ymd,
                "page_metadata",
                Some(Span::new(at, at + len)),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_at("2022-02-08 16:34"), Some(((2022, 2, 8), 10)));
        assert_eq!(
            date_at("2022年2月17日"),
            Some(((2022, 2, 17), "2022年2月17日".len()))
        );
        assert_eq!(
            date_at("二〇二二年一月二十日"),
            Some(((2022, 1, 20), "二〇二二年一月二十日".len()))
        );
        assert_eq!(date_at("2022年2月30日"), None);
        assert_eq!(date_at("2022年度"), None);
        assert_eq!(date_at("2024/1/5"), Some(((2024, 1, 5), 8)));
        assert_eq!(date_at("20245年1月1日"), None);
        assert_eq!(
            period_date_at("2023 年 1 月 1 日起"),
            Some((Some(2023), 1, 1, "2023 年 1 月 1 日".len()))
        );
        assert_eq!(
            period_date_at("12月31日止"),
            Some((None, 12, 31, "12月31日".len()))
        );
        assert_eq!(period_date_at("2023年度"), None);
    }

    #[test]
    fn sources() {
        let html = r#"<html><head><meta name="PubDate" content="2020-01-20 15:22"/></head><body>x</body></html>"#;
        let p = find(html, true, &[]).unwrap();
        assert_eq!((p.ymd, p.source), ((2020, 1, 20), "page_metadata"));
        let t = "标题\n发布时间: 2021-01-18 来源: 南源街\n正文。\n示例局\n2021年1月18日";
        let p = find(t, false, &[]).unwrap();
        assert_eq!((p.ymd, p.source), ((2021, 1, 18), "date_line"));
        let t = "正文。\n示例市科学技术局\n2024年2月17日";
        let last = t.rfind('\n').unwrap() + 1;
        let p = find(t, false, &[Span::new(0, 9), Span::new(last, t.len())]).unwrap();
        assert_eq!(
            (p.ymd, p.source, p.span),
            ((2024, 2, 17), "signature", Some(Span::new(last, t.len())))
        );
        // a date inside a sentence, or ending a statistical period, is not a signature
        let t = "本机关于2024年2月17日召开会议。";
        assert!(find(t, false, &[Span::new(0, t.len())]).is_none());
        let t = "本报告数据统计截至2023年12月31日";
        assert!(find(t, false, &[Span::new(0, t.len())]).is_none());
        let t = "示例市科学技术局 2024年1月20日";
        assert_eq!(
            find(t, false, &[Span::new(0, t.len())]).map(|p| p.ymd),
            Some((2024, 1, 20))
        );
    }
}
