use crate::base::normalize::cn_numeral_value;
use crate::rules::prelude::*;
use crate::structure::section_key;

rule! {
    /// 开头所列的报告组成部分与六个部分不符
    ///
    /// ## 检查什么
    /// 报告开头对全文结构的说明（`本报告包括总体情况、主动公开政府信息情况…等六部分`、
    /// `全文包括…`、`本报告由…组成`）与规定的六个部分相比：漏列某个部分，列出了六个部分以外的内容，
    /// 或所称部分数不是“六”（或与实际列出的个数不一致）。
    ///
    /// ## 为什么重要
    /// 开头的结构说明是读者的目录。与六个部分不符，往往说明套用了其他年份、其他机关的文字，
    /// 或报告确实缺少部分；评估中按“未按照要素撰写”扣分。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号规定年度报告由六个部分组成，“不能遗漏”。
    ///
    /// ## 示例
    /// `本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况等五个部分组成`
    /// （未列复议诉讼和其他需要报告的事项，称“五个部分”）。
    S207, "intro-parts-mismatch", Warning
}

/// The official parts, as the expected value.
const SIX: &str = "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项";

/// A listed part: its text, and the section it names (None: not one of the six).
struct Part<'s> {
    text: &'s str,
    key: Option<SectionKey>,
}

/// A stated count of parts: its value and where it is written (`六`).
type Count = (u32, usize, usize);

/// The list of parts in a sentence's text: (start, end) of the list and the stated count.
/// The first of 包括/分为/分成/由…组成 after a word for the report that opens a list.
fn list_of(t: &str) -> Option<(usize, usize, Option<Count>)> {
    let about = ["本报告", "报告全文", "全文", "年度报告"];
    let mut marks: Vec<(usize, &str)> = ["包括", "分为", "分成", "由"]
        .iter()
        .filter_map(|m| t.find(m).map(|i| (i, *m)))
        .collect();
    marks.sort_unstable();
    marks
        .into_iter()
        .filter(|(a, _)| about.iter().any(|w| t[..*a].contains(w)))
        .find_map(|(a, m)| list_at(t, a + m.len(), m == "由"))
}

/// The list that starts at `start`: up to `部分` (or, after 由, up to 组成).
fn list_at(t: &str, start: usize, composed: bool) -> Option<(usize, usize, Option<Count>)> {
    let rest = &t[start..];
    let end = if composed {
        // 由…组成, or 由…等五个部分组成
        let z = rest.find("组成")?;
        start + rest[..z].strip_suffix("部分").unwrap_or(&rest[..z]).len()
    } else {
        start + rest.find("部分")?
    };
    // the stated count right before 部分: `等六部分`, `六个部分`, `六大部分`, `共5个部分`
    let head = t[start..end].trim_end_matches(['个', '大']);
    let mut e = start + head.len();
    let digits: usize = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(*c))
        .map(char::len_utf8)
        .sum();
    let count = (digits > 0).then(|| {
        let raw = &head[head.len() - digits..];
        let n = raw
            .parse::<u32>()
            .ok()
            .or_else(|| cn_numeral_value(raw))
            .unwrap_or(0);
        (n, e - digits, e)
    });
    e -= digits;
    // a list ends at its count or 等: `各部分`, `其中部分数据` do not end one
    if !composed && count.is_none() && !t[start..e].ends_with(['等', '共', '计', '这']) {
        return None;
    }
    let items = t[start..e].trim_end_matches(['等', '共', '计', '这', '，', '、']);
    Some((start, start + items.len(), count))
}

/// The section a fragment names, after leading joiners and numbering.
fn key_of(f: &str) -> Option<SectionKey> {
    let f = f.trim_start_matches(['：', ':', '“', '”', ' ']);
    let f = ["以及", "和", "及", "与"]
        .iter()
        .find_map(|j| f.strip_prefix(j))
        .unwrap_or(f);
    section_key(f.trim_end_matches(['”', '“']))
}

/// Splits the list into parts: `、` and `，` separate them, but `行政复议、行政诉讼情况` is one,
/// and `…改进情况和其他需要报告的事项` is two.
fn parts(list: &str) -> Vec<Part<'_>> {
    let mut frags: Vec<&str> = list
        .split(['、', '，', ',', '；'])
        .map(str::trim)
        .filter(|f| !f.is_empty() && !f.chars().all(|c| "一二三四五六七八九十".contains(c)))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < frags.len() {
        let f = frags[i];
        // not a part's name (and no quadratic splitting of a long run of text)
        if f.len() > 200 {
            out.push(Part { text: f, key: None });
            i += 1;
            continue;
        }
        if key_of(f).is_none() && i + 1 < frags.len() {
            // one part written with a 、 inside it
            let joined_end = frags[i + 1].as_ptr() as usize - list.as_ptr() as usize
                + frags[i + 1].len();
            let start = f.as_ptr() as usize - list.as_ptr() as usize;
            let joined = &list[start..joined_end];
            if key_of(joined).is_some() && key_of(frags[i + 1]).is_none() {
                frags[i + 1] = joined;
                i += 1;
                continue;
            }
        }
        let split = ["以及", "和", "及", "与"].iter().find_map(|j| {
            f.match_indices(j).find_map(|(at, _)| {
                let (l, r) = (&f[..at], &f[at + j.len()..]);
                match (key_of(l), key_of(r)) {
                    (Some(a), Some(b)) if a != b => Some((l, r, a, b)),
                    _ => None,
                }
            })
        });
        match split {
            Some((l, r, a, b)) => {
                out.push(Part {
                    text: l,
                    key: Some(a),
                });
                out.push(Part {
                    text: r,
                    key: Some(b),
                });
            }
            None => out.push(Part {
                text: f,
                key: key_of(f),
            }),
        }
        i += 1;
    }
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for sn in opening(cx) {
        if !sn.contains("部分") && !sn.contains("组成") {
            continue;
        }
        let t: &str = &sn.text;
        let Some((a, b, count)) = list_of(t) else {
            continue;
        };
        let ps = parts(&t[a..b]);
        // a list of two or more of the six: anything else is another list
        let named: Vec<SectionKey> = ps.iter().filter_map(|p| p.key).collect();
        if named.len() < 2 {
            continue;
        }
        let mut problems = Vec::new();
        let missing: Vec<&str> = SectionKey::ALL
            .iter()
            .filter(|k| !named.contains(k))
            .map(|k| &k.official()["一、".len()..])
            .collect();
        if !missing.is_empty() {
            problems.push(format!("未列“{}”", missing.join("”“")));
        }
        let extra: Vec<&str> = ps
            .iter()
            .filter(|p| p.key.is_none())
            .map(|p| p.text)
            .collect();
        if !extra.is_empty() {
            problems.push(format!("“{}”不属于六个部分", extra.join("”“")));
        }
        let said = |(_, s, e): Count| &t[s..e];
        if let Some(c @ (n, ..)) = count {
            if n != 6 {
                problems.push(format!("称共{}个部分", said(c)));
            } else if ps.len() != 6 {
                problems.push(format!("称六个部分，实际列出{}项", ps.len()));
            }
        }
        if problems.is_empty() {
            continue;
        }
        let listed: Vec<&str> = ps.iter().map(|p| p.text).collect();
        let mut f = RULE
            .finding(format!(
                "开头所列的报告组成部分与六个部分不符：{}",
                problems.join("；")
            ))
            .at(sn.span(a, b))
            .expected(format!("六个部分：{SIX}"))
            .actual(match count {
                Some(c) => format!("{}（称{}个部分）", listed.join("、"), said(c)),
                None => listed.join("、"),
            })
            .help("按六个部分核对开头的说明与正文标题");
        if let Some((_, s, e)) = count {
            f = f.related(sn.span(s, e), "所称部分数");
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::{list_of, parts};

    fn listed(t: &str) -> Option<(Vec<&str>, Option<u32>)> {
        let (a, b, c) = list_of(t)?;
        Some((
            parts(&t[a..b]).iter().map(|p| p.text).collect(),
            c.map(|c| c.0),
        ))
    }

    #[test]
    fn lists_of_parts() {
        let full = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分";
        assert_eq!(listed(full).map(|l| (l.0.len(), l.1)), Some((6, Some(6))));
        // an earlier 由 that opens no list
        let t = "本年度报告由某区人民政府办公室编制，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分内容";
        assert_eq!(listed(t).map(|l| (l.0.len(), l.1)), Some((6, Some(6))));
        // 六大部分
        let t = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六大部分";
        assert_eq!(listed(t).map(|l| (l.0.len(), l.1)), Some((6, Some(6))));
        // 部分 that ends no list
        assert_eq!(listed("本报告包括总体情况、主动公开政府信息情况等内容，其中部分数据因四舍五入存在误差"), None);
        assert_eq!(listed("本报告包括总体情况、主动公开政府信息情况六个方面，各部分数据截至12月31日"), None);
        // 由…组成
        let t = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况等五个部分组成";
        assert_eq!(listed(t).map(|l| (l.0.len(), l.1)), Some((4, Some(5))));
    }
}
