use crate::rules::prelude::*;

rule! {
    /// 正文中同一个词连写两次
    ///
    /// ## 检查什么
    /// 正文中两到四个汉字的词紧接着重复一次（`规范审核审核发布机制`、`政府信息公开工作工作`）。
    /// 不报告叠词（`常常`、`层层`、`切切实实` 这类单字叠用不在检查范围内）和常见的合法重复
    /// （`研究研究`、`一个一个` 等）；表格内的文字、网页中相邻的两个链接或栏目不检查。
    ///
    /// ## 为什么重要
    /// 重复的词多是修改时留下的笔误，出现在公开发布的报告里有损严肃性，发布前应当改正。
    ///
    /// ## 示例
    /// `进一步完善规范审核审核发布机制`：“审核”重复，应删去一个。
    C113, "duplicated-word", Info
}

/// Repetitions that are words of their own.
const LEGITIMATE: &[&str] = &[
    "研究", "学习", "了解", "讨论", "商量", "检查", "看一", "一个", "一次", "一项", "一件", "一批",
    "一条", "一步", "一年", "一天", "一点", "一家", "一户", "一人",
];

/// A CJK unified ideograph: 3 bytes in UTF-8.
fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Byte ranges (first copy start, second copy start, end) of the doubled words of `t`.
fn doubled(t: &str) -> Vec<(usize, usize, usize)> {
    let b = t.as_bytes();
    let han_at = |i: usize| t.get(i..).and_then(|s| s.chars().next()).is_some_and(is_han);
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i + 12 <= b.len() {
        // the lead byte of U+4000..U+9FFF (never a continuation byte): everything else is
        // skipped a byte at a time without decoding
        if !(0xE4..=0xE9).contains(&b[i]) {
            i += 1;
            continue;
        }
        for n in (2..=4).rev() {
            let w = 3 * n;
            let end = i + 2 * w;
            if end > b.len() || b[i..i + 3] != b[i + w..i + w + 3] || b[i..i + w] != b[i + w..end]
            {
                continue;
            }
            // every character of the word a 3-byte ideograph: then i + w is a boundary
            if !(0..n).all(|k| han_at(i + 3 * k)) {
                continue;
            }
            let word = &t[i..i + w];
            let first = word.chars().next().unwrap_or(' ');
            if word.chars().all(|c| c == first)
                || LEGITIMATE.iter().any(|l| word.starts_with(l) && word.len() == l.len())
            {
                continue;
            }
            out.push((i, i + w, end));
            i = end;
            continue 'outer;
        }
        i += 3;
    }
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for sn in cx.sentences() {
        for (a, m, e) in doubled(&sn.text) {
            // written so in the source: not two links or cells of a page read as one sentence
            let whole = sn.span(a, e);
            if whole.end - whole.start != e - a {
                continue;
            }
            let word = &sn.text[a..m];
            out.push(
                RULE.finding(format!("“{word}”连写了两次"))
                    .at(sn.span(m, e))
                    .expected(word.to_string())
                    .actual(sn.text[a..e].to_string())
                    .help("删除重复的词"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::doubled;

    #[test]
    fn doubled_words_and_the_exceptions() {
        let t = "进一步完善规范审核审核发布机制";
        let d = doubled(t);
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].0..d[0].2], "审核审核");
        assert_eq!(doubled("政府信息公开工作工作").len(), 1);
        assert_eq!(&doubled("做好做好信息公开")[..], &[(0, 6, 12)]);
        for ok in ["切切实实", "层层落实", "常常", "研究研究", "一个一个地", "方方面面", "审核，审核"] {
            assert!(doubled(ok).is_empty(), "{ok}");
        }
        // the longest repetition, once
        assert_eq!(doubled("公开工作公开工作").len(), 1);
        assert_eq!(doubled("ab审核审核").len(), 1);
        // mixed widths never cut a character
        for t in ["中ab中ab", "中é中é中é", "审a审a审a审a", "中\u{10000}中\u{10000}", "é中é中é中é中"] {
            assert!(doubled(t).is_empty(), "{t}");
        }
    }
}
