//! The sentences of the prose, each with its byte span and the keywords it holds.

use super::keywords::{self, Kw, KwSet};
use crate::base::Span;
use crate::document::html::SPACE_ENTITIES;
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
    /// The keywords the sentence contains.
    pub kw: KwSet,
}

impl Sentence<'_> {
    /// Does the sentence contain the keyword? (`text.contains(word)`, found while parsing.)
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn has(&self, k: Kw) -> bool {
        self.kw.has(k)
    }
    /// Does it contain any of the keywords?
    pub fn has_any(&self, ks: &[Kw]) -> bool {
        self.kw.any(ks)
    }
    /// `text.find(word)` ([`crate::base::search::find`]).
    pub fn find(&self, word: &str) -> Option<usize> {
        crate::base::search::find(&self.text, word)
    }
    /// `text.contains(word)`.
    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some()
    }
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

/// Most sentences read (a report has a few hundred; the text rules read no further).
pub const MAX_SENTENCES: usize = 100_000;

/// A paragraph: source runs joined into one text, borrowed from the input while the runs
/// follow each other.
struct Para<'a> {
    text: Cow<'a, str>,
    start: usize,
    jumps: Vec<(usize, usize)>,
}

impl<'a> Para<'a> {
    /// Appends `input[from..to]`.
    fn push(&mut self, input: &'a str, from: usize, to: usize) {
        let len = self.text.len();
        if len == 0 {
            self.start = from;
            self.text = Cow::Borrowed(&input[from..to]);
            return;
        }
        let here = self
            .jumps
            .last()
            .map(|&(t, s)| s + (len - t))
            .unwrap_or(self.start + len);
        if from == here {
            if let Cow::Borrowed(_) = self.text {
                self.text = Cow::Borrowed(&input[self.start..to]);
                return;
            }
        } else {
            self.jumps.push((len, from));
        }
        self.text.to_mut().push_str(&input[from..to]);
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
fn push_clean<'a>(p: &mut Para<'a>, text: &'a str, a: usize, b: usize, html: bool) {
    let s = &text[a..b];
    let bytes = s.as_bytes();
    // the next byte that may start something to skip
    let next = |from: usize| {
        let rest = &bytes[from..];
        let found = if html {
            rest.iter()
                .position(|b| matches!(b, b'<' | b'&' | b'\n' | b'\r'))
        } else {
            memchr::memchr2(b'\n', b'\r', rest)
        };
        found.map(|k| from + k).unwrap_or(bytes.len())
    };
    let mut run = 0;
    let mut i = next(0);
    while i < bytes.len() {
        let skip = if html && bytes[i] == b'<' {
            s[i..].find('>').map(|k| k + 1)
        } else if html && bytes[i] == b'&' {
            // a space entity inside a sentence (`申请&nbsp;12&nbsp;件`) reads as nothing
            SPACE_ENTITIES
                .iter()
                .find(|e| s[i..].starts_with(**e))
                .map(|e| e.len())
        } else {
            // a line break: the break and the spaces on both sides
            let before =
                s[run..i].len() - s[run..i].trim_end_matches([' ', '\t', '\u{3000}']).len();
            let after = s[i..].len()
                - s[i..]
                    .trim_start_matches([' ', '\t', '\u{3000}', '\r', '\n'])
                    .len();
            if before > 0 {
                p.push(text, a + run, a + i - before);
                run = i;
            }
            Some(after)
        };
        match skip {
            Some(k) => {
                if run < i {
                    p.push(text, a + run, a + i);
                }
                i += k.max(1);
                run = i;
            }
            None => i += 1,
        }
        if i < bytes.len() {
            i = next(i);
        }
    }
    if run < bytes.len() {
        p.push(text, a + run, b);
    }
}

/// The sentences of the prose (outside the tables): paragraphs split at 。！？.
///
/// `prose` are the prose lines, `heading_starts` where headings start, sorted (a heading is never
/// joined with its neighbours), `html` whether the input is a page (never hard-wrapped).
pub fn sentences<'a>(
    text: &'a str,
    prose: &[Span],
    heading_starts: &[usize],
    html: bool,
) -> Vec<Sentence<'a>> {
    let mut paras: Vec<Para> = Vec::new();
    let mut prev: Option<Span> = None;
    for line in prose {
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
                && heading_starts.binary_search(&line.start).is_err()
                && heading_starts.binary_search(&p.start).is_err()
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
                text: Cow::Borrowed(""),
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
        if out.len() >= MAX_SENTENCES {
            break;
        }
        let mut a = 0;
        // 。 is E3 80 82, ！ EF BC 81, ？ EF BC 9F
        let b = p.text.as_bytes();
        for i in memchr::memchr2_iter(0xE3, 0xEF, b) {
            let end = matches!(
                b.get(i..i + 3),
                Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F])
            );
            if end {
                if out.len() >= MAX_SENTENCES {
                    break;
                }
                out.push(cut(text, p, a, i + 3));
                a = i + 3;
            }
        }
        if a < p.text.len() && out.len() < MAX_SENTENCES {
            out.push(cut(text, p, a, p.text.len()));
        }
    }
    out
}

fn cut<'a>(src: &'a str, p: &Para, a: usize, b: usize) -> Sentence<'a> {
    let start = match p.jumps.iter().rev().find(|j| j.0 <= a) {
        Some(&(t, s)) => s + (a - t),
        None => p.start + a,
    };
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
    let kw = keywords::scan(&text);
    Sentence {
        text,
        start,
        jumps,
        kw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'a>(t: &'a str, lines: &[(usize, usize)], html: bool) -> Vec<Sentence<'a>> {
        let prose: Vec<Span> = lines.iter().map(|&(a, b)| Span::new(a, b)).collect();
        sentences(t, &prose, &[], html)
    }

    #[test]
    fn sentence_spans() {
        let t = "甲。乙！\n丙";
        let s = read(t, &[(0, 12), (13, 16)], false);
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
        let s = read(t, &[(0, l1), (l2, l2e), (h, t.len())], false);
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
        let s = read(t, &[(0, 18), (19, t.len())], false);
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
            let s = read(t, &[(a, b)], true);
            assert_eq!(&*s[0].text, "共收到申请12件。");
            let n = s[0].text.find("12").unwrap();
            let sp = s[0].span(n, n + 2);
            assert_eq!(&t[sp.start..sp.end], "12");
            let w = s[0].span(0, s[0].text.len());
            assert_eq!((w.start, w.end), (a, b));
        }
    }
}
