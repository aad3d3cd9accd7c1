//! Prose helpers for the text rules: sentences and numbers, each with its byte span.

use crate::doc::Span;
use crate::normalize::cn_numeral_value;
use std::borrow::Cow;

/// A sentence of the prose, read across what the source puts inside it: the hard line
/// breaks of PDF text (`答\n复 3050 件`) and the inline tags of an HTML page. `text` is the
/// sentence without them; [`Sentence::span`] maps offsets in `text` back to the input.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub text: Cow<'a, str>,
    start: usize,
    /// (offset in `text`, offset in the input) wherever the text skips part of the input.
    jumps: Vec<(usize, usize)>,
}

impl Sentence<'_> {
    /// The input offset of byte `i` of `text`.
    pub fn pos(&self, i: usize) -> usize {
        match self.jumps.iter().rev().find(|j| j.0 <= i) {
            Some(&(t, s)) => s + (i - t),
            None => self.start + i,
        }
    }
    /// The input span of `text[a..b]`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.pos(a);
        Span::new(start, if b > a { self.pos(b - 1) + 1 } else { start })
    }
    /// The input span of a span relative to `text`.
    pub fn map(&self, s: Span) -> Span {
        self.span(s.start, s.end)
    }
}

/// A paragraph: source runs joined into one text.
struct Para {
    text: String,
    start: usize,
    jumps: Vec<(usize, usize)>,
}

impl Para {
    fn push(&mut self, src: &str, from: usize) {
        let len = self.text.len();
        let here = self
            .jumps
            .last()
            .map(|&(t, s)| s + (len - t))
            .unwrap_or(self.start + len);
        if len == 0 {
            self.start = from;
        } else if from != here {
            self.jumps.push((len, from));
        }
        self.text.push_str(src);
    }
}

/// Does a wrapped line continue on the next one? Only plain text is wrapped by its
/// converter: a long line that does not end a sentence, followed by one that does not start
/// an enumeration.
fn continues(prev: &str, next: &str) -> bool {
    let p = prev.trim_end();
    let n = next.trim_start();
    p.chars().count() >= 20
        && !p.ends_with(['。', '！', '？', '；', '：', ':', ';'])
        && !n.starts_with([
            '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '第', '●', '•',
            '—', '-', '#',
        ])
        && !n.chars().next().is_some_and(|c| {
            c.is_ascii_digit()
                && n[1..]
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(['.', '、', '．', ')', '）'])
        })
}

/// Appends `src[a..b]` to the paragraph without HTML tags and space entities, and without
/// line breaks and the spaces around them.
fn push_clean(p: &mut Para, text: &str, a: usize, b: usize, html: bool) {
    let s = &text[a..b];
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let skip = if html && bytes[i] == b'<' {
            s[i..].find('>').map(|k| k + 1)
        } else if html && bytes[i] == b'&' {
            // a space entity inside a sentence (`申请&nbsp;12&nbsp;件`) reads as nothing
            crate::html::SPACE_ENTITIES
                .iter()
                .find(|e| s[i..].starts_with(**e))
                .map(|e| e.len())
        } else if bytes[i] == b'\n' || bytes[i] == b'\r' {
            // the break and the spaces on both sides
            let before =
                s[run..i].len() - s[run..i].trim_end_matches([' ', '\t', '\u{3000}']).len();
            let after = s[i..].len()
                - s[i..]
                    .trim_start_matches([' ', '\t', '\u{3000}', '\r', '\n'])
                    .len();
            if before > 0 {
                p.push(&s[run..i - before], a + run);
                run = i;
            }
            Some(after)
        } else {
            None
        };
        match skip {
            Some(k) => {
                if run < i {
                    p.push(&s[run..i], a + run);
                }
                i += k.max(1);
                run = i;
            }
            None => i += 1,
        }
    }
    if run < bytes.len() {
        p.push(&s[run..], a + run);
    }
}

/// The sentences of the prose (outside the tables): paragraphs split at 。！？.
pub(crate) fn sentences<'a>(text: &'a str, model: &crate::model::Model) -> Vec<Sentence<'a>> {
    let html = model.shape == Some(crate::doc::Shape::Html);
    let heading_starts: Vec<usize> = model.headings.iter().map(|h| h.span.start).collect();
    let mut paras: Vec<Para> = Vec::new();
    let mut prev: Option<Span> = None;
    for line in &model.prose {
        let join = prev.is_some_and(|p| {
            !html
                && text[p.end..line.start]
                    .bytes()
                    .filter(|b| *b == b'\n')
                    .count()
                    == 1
                && text[p.end..line.start]
                    .trim_matches([' ', '\t', '\r', '\n', '\u{3000}'])
                    .is_empty()
                && !heading_starts.contains(&line.start)
                && !heading_starts.contains(&p.start)
                && continues(&text[p.start..p.end], &text[line.start..line.end])
        });
        if join {
            push_clean(
                paras.last_mut().unwrap(),
                text,
                prev.unwrap().end,
                line.end,
                false,
            );
        } else {
            let mut p = Para {
                text: String::new(),
                start: line.start,
                jumps: Vec::new(),
            };
            push_clean(&mut p, text, line.start, line.end, html);
            paras.push(p);
        }
        prev = Some(*line);
    }
    let mut out = Vec::new();
    for p in &paras {
        let mut a = 0;
        for (i, c) in p.text.char_indices() {
            if matches!(c, '。' | '！' | '？') {
                out.push(cut(text, p, a, i + c.len_utf8()));
                a = i + c.len_utf8();
            }
        }
        if a < p.text.len() {
            out.push(cut(text, p, a, p.text.len()));
        }
    }
    out
}

fn cut<'a>(src: &'a str, p: &Para, a: usize, b: usize) -> Sentence<'a> {
    let whole = Sentence {
        text: Cow::Borrowed(""),
        start: p.start,
        jumps: p.jumps.clone(),
    };
    let start = whole.pos(a);
    let jumps: Vec<(usize, usize)> = p
        .jumps
        .iter()
        .filter(|j| j.0 > a && j.0 < b)
        .map(|&(t, s)| (t - a, s))
        .collect();
    let text = if jumps.is_empty() {
        Cow::Borrowed(&src[start..start + (b - a)])
    } else {
        Cow::Owned(p.text[a..b].to_string())
    };
    Sentence { text, start, jumps }
}

/// A number written at the start of `s` (after spaces): ASCII or full-width digits, or a
/// Chinese numeral (一…九十九, 两, 零). Returns (value, byte length including nothing after).
pub(crate) fn number_at(s: &str) -> Option<(i64, usize, usize)> {
    let lead = s.len() - s.trim_start_matches([' ', '\u{a0}', '\u{3000}']).len();
    let rest = &s[lead..];
    let digits: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 && digits <= 27 {
        let v: String = rest[..digits]
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    c
                } else {
                    char::from_u32(c as u32 - 0xFEE0).unwrap()
                }
            })
            .collect();
        return v.parse().ok().map(|n| (n, lead, digits));
    }
    let cn: usize = rest
        .chars()
        .take_while(|c| "零一二三四五六七八九十两".contains(*c))
        .take(3)
        .map(char::len_utf8)
        .sum();
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
        assert_eq!(
            number_after(
                "受理政府信息公开申请 3119 件",
                "受理".len(),
                14,
                &["件"],
                false
            )
            .map(|x| x.0),
            Some(3119)
        );
        assert_eq!(
            number_after("收到申请十二件", "收到".len(), 14, &["件"], false).map(|x| x.0),
            Some(12)
        );
        assert_eq!(
            number_after("答复15个工作日", "答复".len(), 3, &["件"], false),
            None
        );
        assert_eq!(
            number_after("制定，5件", "制定".len(), 3, &["件"], false),
            None
        );
        assert_eq!(
            number_after("制定数为0，", "制定".len(), 3, &["件"], true).map(|x| (x.0, x.3)),
            Some((0, "制定数为0".len()))
        );
        assert_eq!(number_at("12项"), Some((12, 0, 2)));
        assert_eq!(number_at(" １２项"), Some((12, 1, 6)));
        assert_eq!(number_at("十二项"), Some((12, 0, 6)));
        assert_eq!(number_at("两项"), Some((2, 0, 3)));
        assert_eq!(number_at("项"), None);
    }

    fn model(text: &str, lines: &[(usize, usize)], html: bool) -> crate::model::Model {
        let mut m = crate::model::Model::default();
        m.prose = lines.iter().map(|&(a, b)| Span::new(a, b)).collect();
        if html {
            m.shape = Some(crate::doc::Shape::Html);
        }
        let _ = text;
        m
    }

    #[test]
    fn sentence_spans() {
        let t = "甲。乙！\n丙";
        let s = sentences(t, &model(t, &[(0, 12), (13, 16)], false));
        let got: Vec<_> = s
            .iter()
            .map(|s| (s.span(0, s.text.len()), &*s.text))
            .collect();
        assert_eq!(
            got,
            [
                (Span::new(0, 6), "甲。"),
                (Span::new(6, 12), "乙！"),
                (Span::new(13, 16), "丙")
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined_and_map_back() {
        // a PDF wrap inside 答复, with spaces at the break
        let t = "本年度共收到政府信息公开申请三千余件，其中已经答 \n  复 3050 件。\n二、主动公开";
        let l1 = t.find(" \n").unwrap();
        let l2 = t.find("复").unwrap();
        let l2e = t.find("。").unwrap() + 3;
        let h = t.find("二、").unwrap();
        let s = sentences(t, &model(t, &[(0, l1), (l2, l2e), (h, t.len())], false));
        assert_eq!(s.len(), 2);
        let i = s[0].text.find("答复").unwrap();
        assert_eq!(
            s[0].span(i, i + "答复".len()),
            Span::new(t.find("答").unwrap(), l2 + "复".len())
        );
        let n = s[0].text.find("3050").unwrap();
        assert_eq!(
            &t[s[0].span(n, n + 4).start..s[0].span(n, n + 4).end],
            "3050"
        );
        assert_eq!(&*s[1].text, "二、主动公开");
    }

    #[test]
    fn short_or_ended_lines_are_not_joined() {
        let t = "一、总体情况\n本机关共收到申请5件。";
        let s = sentences(t, &model(t, &[(0, 18), (19, t.len())], false));
        assert_eq!(
            s.iter().map(|s| &*s.text).collect::<Vec<_>>(),
            ["一、总体情况", "本机关共收到申请5件。"]
        );
    }

    #[test]
    fn html_tags_and_space_entities_inside_a_sentence_are_skipped() {
        for t in [
            "<p>共收到申请<span>12</span>件。</p>",
            "<p>共收到申请&nbsp;12&nbsp;件。</p>",
        ] {
            let a = t.find("共").unwrap();
            let b = t.find("</p>").unwrap();
            let s = sentences(t, &model(t, &[(a, b)], true));
            assert_eq!(&*s[0].text, "共收到申请12件。");
            let n = s[0].text.find("12").unwrap();
            let sp = s[0].span(n, n + 2);
            assert_eq!(&t[sp.start..sp.end], "12");
            let w = s[0].span(0, s[0].text.len());
            assert_eq!((w.start, w.end), (a, b));
        }
    }
}

/// The body of a section: from the end of its heading to the next heading (or the end).
pub(crate) fn section_body<'a>(
    cx: &super::Ctx<'a>,
    key: crate::model::SectionKey,
) -> Option<(&'a crate::model::Heading, Span)> {
    let hs = &cx.model.headings;
    let i = hs.iter().position(|h| h.key == Some(key))?;
    let h = &hs[i];
    let end = hs.get(i + 1).map(|n| n.span.start).unwrap_or(cx.text.len());
    Some((h, Span::new(h.span.end.min(end), end)))
}

/// Text without whitespace and punctuation, for length checks.
pub(crate) fn content_chars(s: &str) -> usize {
    s.chars()
        .filter(|c| {
            !crate::normalize::is_space(*c)
                && !c.is_ascii_punctuation()
                && !"，。、；：！？“”‘’（）《》【】—…·".contains(*c)
        })
        .count()
}

/// Sentences the text-vs-table rules must not compare (rules.md, X): another year as the
/// subject, another scope, cumulative figures, comparisons. `全市` is another scope except in
/// a city government's own report (and so on for 区, 县, 省).
pub(crate) fn out_of_scope(sentence: &str, m: &crate::model::Model) -> bool {
    const SCOPE: &[&str] = &[
        "全市",
        "全省",
        "全区",
        "全县",
        "全州",
        "全旗",
        "各部门",
        "各单位",
        "累计",
        "近三年",
        "同比",
        "较上年",
        "增长",
        "下降",
    ];
    let own = own_scope(m);
    if SCOPE
        .iter()
        .any(|k| sentence.contains(k) && Some(*k) != own.as_deref())
        || (sentence.contains('自') && sentence.contains("以来"))
    {
        return true;
    }
    if m.kind == Some(crate::model::Kind::Department) && sentence.contains("乡镇") {
        return true;
    }
    // a government report's sentence about its general office only (`区政府办代表区政府受理…`)
    if m.kind == Some(crate::model::Kind::Government)
        && ["政府办", "办公室", "办公厅", "本级", "代表"]
            .iter()
            .any(|k| sentence.contains(k))
    {
        return true;
    }
    match (m.year, crate::parse::find_year(sentence)) {
        (Some(y), Some((sy, _, _))) => sy != y,
        _ => false,
    }
}

/// `全市` for a city government (`淮安市人民政府`), `全区` for a district, …
fn own_scope(m: &crate::model::Model) -> Option<String> {
    if m.kind != Some(crate::model::Kind::Government) {
        return None;
    }
    let a = m.agency.as_deref()?;
    let i = a.find("人民政府").or_else(|| a.find("政府"))?;
    let level = a[..i].chars().next_back()?;
    "市区县省州旗".contains(level).then(|| format!("全{level}"))
}

/// The first number after `from` in `s` (digits, full-width digits or a Chinese numeral),
/// after at most `filler` characters that contain no digit and no clause punctuation, and
/// followed by one of `units` — or by no unit when `unitless` (the caller then checks the
/// filler). A number without a unit ends the search: `一次性` is not a count.
/// Returns (value, number start, number end, unit end), offsets into `s`.
pub(crate) fn number_after(
    s: &str,
    from: usize,
    filler: usize,
    units: &[&str],
    unitless: bool,
) -> Option<(i64, usize, usize, usize)> {
    for (k, (i, ch)) in s[from..].char_indices().enumerate() {
        if k > filler || matches!(ch, '，' | ',' | '；' | ';' | '。' | '、') {
            return None;
        }
        if let Some((n, lead, len)) = number_at(&s[from + i..]) {
            let at = from + i + lead;
            let rest = s[at + len..].trim_start();
            return match units.iter().find(|u| rest.starts_with(**u)) {
                Some(u) => Some((n, at, at + len, s.len() - rest.len() + u.len())),
                None if unitless && !rest.starts_with(['%', '％', '.']) => {
                    Some((n, at, at + len, at + len))
                }
                None => None,
            };
        }
    }
    None
}

/// An amount in the prose after `from`: at most `filler` characters without digits, then a
/// decimal number and `万元` or `元` (value, unit, span relative to `s`).
pub(crate) fn amount_after(
    s: &str,
    from: usize,
    filler: usize,
) -> Option<(crate::decimal::Decimal, crate::value::Unit, Span)> {
    let rest = &s[from..];
    let k = rest.find(|c: char| c.is_ascii_digit())?;
    if rest[..k].chars().count() > filler || rest[..k].contains(['，', ',', '；', '。']) {
        return None;
    }
    let len = rest[k..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len() - k);
    let v = crate::decimal::Decimal::parse_unsigned(rest[k..k + len].trim_end_matches('.'))?;
    let after = rest[k + len..].trim_start();
    let unit = if after.starts_with("万元") {
        crate::value::Unit::TenThousandYuan
    } else if after.starts_with('元') {
        crate::value::Unit::Yuan
    } else {
        return None;
    };
    Some((v, unit, Span::new(from + k, from + k + len)))
}

/// Do a prose amount and a cell agree? The prose is converted to the cell's unit (when
/// known; otherwise either reading is accepted) and they may differ by half a unit of the
/// last decimal of the less precise figure.
pub(crate) fn amounts_agree(
    prose: crate::decimal::Decimal,
    prose_unit: crate::value::Unit,
    cell: crate::decimal::Decimal,
    cell_unit: Option<crate::value::Unit>,
) -> bool {
    use crate::value::Unit;
    let close = |a: crate::decimal::Decimal, b: crate::decimal::Decimal| {
        let s = a.scale.max(b.scale) + 1;
        let m = |d: crate::decimal::Decimal| {
            d.mantissa
                .saturating_mul(10i128.saturating_pow(s - d.scale))
        };
        let diff = (m(a) - m(b)).abs();
        let coarse = a.scale.min(b.scale);
        diff.saturating_mul(2) <= 10i128.saturating_pow(s - coarse)
    };
    let converted = |to: Unit| match (prose_unit, to) {
        (Unit::Yuan, Unit::TenThousandYuan) => prose.shift(-4),
        (Unit::TenThousandYuan, Unit::Yuan) => prose.shift(4),
        _ => prose,
    };
    match cell_unit {
        Some(u) => close(converted(u), cell),
        None => close(converted(Unit::Yuan), cell) || close(converted(Unit::TenThousandYuan), cell),
    }
}
