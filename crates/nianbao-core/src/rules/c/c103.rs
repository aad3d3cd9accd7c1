use crate::rules::prelude::*;
use crate::base::search::{find, Bloom};
use crate::structure::agency::{agency_key, same_agency, ALIASES};

rule! {
    /// 正文出现其他机关的名称，疑为套用其他单位报告
    ///
    /// ## 检查什么
    /// 将正文中的机关名称与标题中的机关对照，对照前先统一常见简称（科技局 = 科学技术局，
    /// 教体局 = 教育体育局，…）。提示两种情形：
    /// - 同级别其他地区的同类部门（`周口市科技局`报告中出现`商丘市科技局`）；
    ///   上级机关（如县级部门报告中的`周口市科技局`）不提示；
    /// - 其他机关在第一、五部分的自述句中作主语（`XX局高度重视…`、`XX局坚持…`），
    ///   或出现在落款中。
    ///
    /// `我局`、`本机关`、`市科技局`等均视为报告机关本身。
    ///
    /// ## 为什么重要
    /// 出现其他机关的名称，是套用他人报告最明显的迹象。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“内容雷同”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 标题为`商水县教育体育局…`，正文写`2021年，沈丘县教育体育局认真贯彻…`。
    C103, "agency-name-mismatch", Warning
}

const REGION: &[char] = &['省', '市', '州', '盟', '县', '区', '旗', '镇', '乡'];
const SUFFIXES: &[&str] = &[
    "委员会",
    "办公室",
    "政府",
    "中心",
    "局",
    "委",
    "办",
    "厅",
    "署",
];
const VERBS: &[&str] = &[
    "高度重视",
    "坚持",
    "认真贯彻",
    "深入贯彻",
    "严格落实",
    "全面落实",
    "认真落实",
    "始终",
    "积极",
];

fn level(c: char) -> u8 {
    match c {
        '省' => 0,
        '市' | '州' | '盟' => 1,
        '县' | '区' | '旗' => 2,
        _ => 3,
    }
}

/// (region tail: the two characters before the region character, the region character,
/// the agency type after it) of an agency name.
fn split(name: &str) -> Option<(String, char, String)> {
    let (i, c) = name
        .char_indices().rfind(|(_, c)| REGION.contains(c))?;
    let head: Vec<char> = name[..i].chars().collect();
    if head.len() < 2 {
        return None;
    }
    let tail: String = head[head.len() - 2..].iter().collect();
    Some((tail, c, name[i + c.len_utf8()..].to_string()))
}

/// Is `name` (as written in the prose) the reporting agency?
fn is_self(name: &str, title: &str) -> bool {
    let (n, t) = (agency_key(name), agency_key(title));
    t.ends_with(&n) || n.ends_with(&t) || same_agency(name, title)
}

/// A fully named agency (a region of two characters or more, then the body) that is not the
/// reporting agency. Bodies named as superiors are not flagged: a government in a
/// department's report, an agency of a higher region level, `市科技局`-style short names.
fn is_other_agency(name: &str, title: &str, kind: Option<Kind>) -> bool {
    let Some((_, level_char, body)) = split(&agency_key(name)) else {
        return false;
    };
    if body.is_empty() || is_self(name, title) {
        return false;
    }
    if body.ends_with("政府") && kind != Some(Kind::Government) {
        return false;
    }
    match split(&agency_key(title)) {
        Some((_, own, _)) => level(level_char) >= level(own),
        None => true,
    }
}

/// The agency subject at the start of a sentence, before a self-describing verb.
fn subject(s: &str) -> Option<(usize, usize)> {
    // cheap test first: an agency name ends in one of these
    if !s.contains(['局', '委', '办', '厅', '府', '心', '室', '署']) {
        return None;
    }
    let mut a = 0;
    if let Some((_, _, e)) = crate::base::find_year(s).filter(|(_, st, _)| *st == 0) {
        let k = e + s[e..].find(['，', ','])?;
        a = k + s[k..].chars().next().map_or(1, char::len_utf8);
    }
    let rest = &s[a..];
    let lead = rest.len() - rest.trim_start().len();
    let chars = Bloom::of(rest);
    let (v, _) = VERBS
        .iter()
        .filter(|v| chars.may_contain(v))
        .filter_map(|v| find(rest, v).map(|i| (i, v)))
        .min()?;
    let name = rest[lead..v].trim();
    (name.chars().count() >= 3
        && name.chars().count() <= 20
        && name
            .chars()
            .all(|c| !c.is_ascii() && !matches!(c, '，' | '。' | '、' | '；' | '：' | '（' | '）' | '《' | '》' | '“' | '”'))
        && SUFFIXES.iter().any(|x| name.ends_with(x)))
    .then_some((a + lead, a + lead + name.len()))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(agency) = m.agency() else {
        return;
    };
    let mut seen: Vec<String> = Vec::new();
    let mut flag = |span: Span, name: &str, why: &str, out: &mut Vec<Finding>| {
        if seen.iter().any(|s| s == name) {
            return;
        }
        seen.push(name.to_string());
        out.push(
            RULE.finding(
                format!("正文出现“{name}”，{why}，疑为套用其他单位报告"),
            )
            .at(span)
            .expected(agency.to_string())
            .actual(name.to_string())
            .formula("正文中的本机关名称应与标题中的机关一致")
            .help("核对该段文字是否为本机关的情况"),
        );
    };
    // another agency describing itself, in 一 or 五
    let bodies: Vec<Span> = [SectionKey::Overview, SectionKey::Problems]
        .iter()
        .filter_map(|k| section_body(cx, *k).map(|(_, b)| b))
        .collect();
    for sn in cx.sentences() {
        let start = sn.span(0, 0).start;
        if !bodies.iter().any(|b| b.start <= start && start < b.end) {
            continue;
        }
        if let Some((a, b)) = subject(&sn.text) {
            let name = &sn.text[a..b];
            if is_other_agency(name, agency, m.kind()) {
                flag(sn.span(a, b), name, "作为工作主体与标题机关不符", out);
            }
        }
    }
    // the signature: a last line that is an agency name
    if let Some(line) = m.prose.lines.last() {
        let s = cx.text()[line.start..line.end].trim();
        let name = s.trim_end_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | ' ')
        });
        if name.chars().count() >= 4
            && name.chars().count() <= 20
            && SUFFIXES.iter().any(|x| name.ends_with(x))
            && !name.contains(['，', '。', '：', '、'])
            && is_other_agency(name, agency, m.kind())
        {
            let at = line.start + cx.text()[line.start..line.end].find(name).unwrap_or(0);
            flag(
                Span::new(at, at + name.len()),
                name,
                "落款与标题机关不符",
                out,
            );
        }
    }
    // a department of the same type in another region of the same level
    if m.kind() != Some(Kind::Department) {
        return;
    }
    let Some((tail, rc, kind)) = split(&agency_key(agency)) else {
        return;
    };
    if kind.chars().count() < 2 {
        return;
    }
    // the type as written in full or short (科技局, 科学技术局)
    let forms: Vec<&str> = std::iter::once(kind.as_str())
        .chain(
            ALIASES
                .iter()
                .filter(|(_, short)| *short == kind)
                .map(|(long, _)| *long),
        )
        .collect();
    let forms: Vec<&str> = forms.into_iter().filter(|f| cx.text().contains(f)).collect();
    if forms.is_empty() {
        return;
    }
    for &(lstart, lend) in m
        .prose
        .lines
        .iter()
        .map(|l| (l.start, l.end))
        .collect::<Vec<_>>()
        .iter()
    {
        let line = &cx.text()[lstart..lend];
        for form in &forms {
            for i in crate::base::search::find_iter(line, form) {
                let before: Vec<(usize, char)> = line[..i].char_indices().rev().take(3).collect();
                let [(ri, r), (_, b1), (b0i, b0)] = before[..] else {
                    continue;
                };
                if !REGION.contains(&r)
                    || level(r) != level(rc)
                    || !is_han(b0)
                    || !is_han(b1)
                    || matches!(b1, '全' | '本' | '我' | '该' | '各')
                {
                    continue;
                }
                let found_tail: String = [b0, b1].iter().collect();
                if found_tail != tail {
                    let name = &line[b0i..i + form.len()];
                    let _ = ri;
                    flag(
                        Span::new(lstart + b0i, lstart + i + form.len()),
                        name,
                        "与标题机关同类但地区不同",
                        out,
                    );
                }
            }
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_agencies() {
        let dept = Some(Kind::Department);
        // the reporting agency, in full, short or aliased
        assert!(!is_other_agency("周口市科学技术局", "周口市科技局", dept));
        assert!(!is_other_agency("市科技局", "周口市科技局", dept));
        // superiors named as such
        assert!(!is_other_agency("周口市科技局", "商水县科技局", dept));
        assert!(!is_other_agency("商水县人民政府", "商水县科技局", dept));
        assert!(!is_other_agency("县政府", "商水县科技局", dept));
        // another agency of the same level
        assert!(is_other_agency(
            "沈丘县教育体育局",
            "商水县教育体育局",
            dept
        ));
        assert!(is_other_agency("商丘市科技局", "周口市科技局", dept));
        // a government report naming another government of its level
        assert!(is_other_agency(
            "清江浦区人民政府",
            "淮安市洪泽区人民政府",
            Some(Kind::Government)
        ));
        assert!(!is_other_agency(
            "淮安市人民政府",
            "淮安市洪泽区人民政府",
            Some(Kind::Government)
        ));
    }
}
