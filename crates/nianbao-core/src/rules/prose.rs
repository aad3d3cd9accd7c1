//! Prose helpers for the text rules: sentences and numbers, each with its byte span.

use crate::doc::Span;
use crate::normalize::cn_numeral_value;

/// Sentences of the prose lines (outside the tables): split at 。！？ and line ends.
pub(crate) fn sentences<'a>(text: &'a str, prose: &'a [Span]) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    prose.iter().flat_map(move |line| {
        let s = &text[line.start..line.end];
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if matches!(c, '。' | '！' | '？') {
                out.push((line.start + start, &s[start..i + c.len_utf8()]));
                start = i + c.len_utf8();
            }
        }
        if start < s.len() {
            out.push((line.start + start, &s[start..]));
        }
        out
    })
}

/// A number written at the start of `s` (after spaces): ASCII or full-width digits, or a
/// Chinese numeral (一…九十九, 两, 零). Returns (value, byte length including nothing after).
pub(crate) fn number_at(s: &str) -> Option<(i64, usize, usize)> {
    let lead = s.len() - s.trim_start_matches([' ', '\u{a0}', '\u{3000}']).len();
    let rest = &s[lead..];
    let digits: usize = rest.chars().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).map(char::len_utf8).sum();
    if digits > 0 && digits <= 27 {
        let v: String = rest[..digits].chars().map(|c| if c.is_ascii_digit() { c } else { char::from_u32(c as u32 - 0xFEE0).unwrap() }).collect();
        return v.parse().ok().map(|n| (n, lead, digits));
    }
    let cn: usize = rest.chars().take_while(|c| "零一二三四五六七八九十两".contains(*c)).take(3).map(char::len_utf8).sum();
    if cn > 0 {
        return cn_numeral_value(&rest[..cn]).map(|n| (n as i64, lead, cn));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_at("12项"), Some((12, 0, 2)));
        assert_eq!(number_at(" １２项"), Some((12, 1, 6)));
        assert_eq!(number_at("十二项"), Some((12, 0, 6)));
        assert_eq!(number_at("两项"), Some((2, 0, 3)));
        assert_eq!(number_at("项"), None);
    }

    #[test]
    fn sentence_spans() {
        let t = "甲。乙！\n丙";
        let prose = [Span::new(0, 12), Span::new(13, 16)];
        let s: Vec<_> = sentences(t, &prose).collect();
        assert_eq!(s, [(0, "甲。"), (6, "乙！"), (13, "丙")]);
    }
}

/// The body of a section: from the end of its heading to the next heading (or the end).
pub(crate) fn section_body<'a>(cx: &super::Ctx<'a>, key: crate::model::SectionKey) -> Option<(&'a crate::model::Heading, Span)> {
    let hs = &cx.model.headings;
    let i = hs.iter().position(|h| h.key == Some(key))?;
    let h = &hs[i];
    let end = hs.get(i + 1).map(|n| n.span.start).unwrap_or(cx.text.len());
    Some((h, Span::new(h.span.end.min(end), end)))
}

/// Text without whitespace and punctuation, for length checks.
pub(crate) fn content_chars(s: &str) -> usize {
    s.chars().filter(|c| !crate::normalize::is_space(*c) && !c.is_ascii_punctuation() && !"，。、；：！？“”‘’（）《》【】—…·".contains(*c)).count()
}

/// Sentences the text-vs-table rules must not compare (rules.md, X): another year as the
/// subject, another scope, cumulative figures, comparisons.
pub(crate) fn out_of_scope(sentence: &str, year: Option<i32>, department: bool) -> bool {
    const SCOPE: &[&str] = &["全市", "全省", "全区", "全县", "各部门", "累计", "自", "近三年", "同比", "较上年", "增长", "下降"];
    if SCOPE.iter().any(|k| sentence.contains(k) && !(*k == "自" && !sentence.contains("以来"))) {
        return true;
    }
    if department && sentence.contains("乡镇") {
        return true;
    }
    match (year, crate::parse::find_year(sentence)) {
        (Some(y), Some((sy, _, _))) => sy != y,
        _ => false,
    }
}

/// The first number after `from` in `s` within `max` bytes, followed by one of `units`:
/// (value, byte span relative to `s`).
pub(crate) fn count_after(s: &str, from: usize, max: usize, units: &[&str]) -> Option<(i64, Span)> {
    let end = (from + max).min(s.len());
    let mut i = from;
    while i < end {
        if let Some((n, lead, len)) = number_at(&s[i..]) {
            let after = s[i + lead + len..].trim_start();
            if units.iter().any(|u| after.starts_with(u)) {
                return Some((n, Span::new(i + lead, i + lead + len)));
            }
            return None;
        }
        i += s[i..].chars().next().map(char::len_utf8).unwrap_or(1);
    }
    None
}
