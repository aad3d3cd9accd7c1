use crate::rules::prelude::*;

rule! {
    /// 正文所述复议、诉讼结果与表四不符
    ///
    /// ## 检查什么
    /// 句子就其所涉类别（行政复议、行政诉讼或二者）所作的结果表述，与表四对照：
    /// - `均(获|被)维持`、`全部维持`：要求`结果纠正` + `其他结果` + `尚未审结` = 0；
    /// - `无败诉`、`未败诉`、`全部胜诉`：要求行政诉讼两类的`结果纠正` = 0；
    /// - `无被纠错`、`未被纠错`：要求`结果纠正` = 0；
    /// - `均已审结`：要求`尚未审结` = 0。
    ///
    /// ## 为什么重要
    /// 称全部案件均获维持是很强的表述，表格可以检验其是否成立。
    ///
    /// ## 示例
    /// `行政复议7件、诉讼9件，均获维持`，而`尚未审结`为2（复议）和1（诉讼），实为3。
    X112, "text-review-litigation-outcome", Warning
}

/// (claim, columns that must be 0, litigation groups only)
const CLAIMS: &[(&str, &[T4Col], bool)] = &[
    ("均获维持", &[T4Col::Corrected, T4Col::Other, T4Col::Pending], false),
    ("均被维持", &[T4Col::Corrected, T4Col::Other, T4Col::Pending], false),
    ("均维持", &[T4Col::Corrected, T4Col::Other, T4Col::Pending], false),
    ("全部维持", &[T4Col::Corrected, T4Col::Other, T4Col::Pending], false),
    ("无败诉", &[T4Col::Corrected], true),
    ("未败诉", &[T4Col::Corrected], true),
    ("全部胜诉", &[T4Col::Corrected], true),
    ("无被纠错", &[T4Col::Corrected], false),
    ("未被纠错", &[T4Col::Corrected], false),
    ("均已审结", &[T4Col::Pending], false),
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(t4) = m.t4() else { return };
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        let review = sn.has(kw::行政复议) || (sn.has(kw::复议) && !sn.has(kw::复议后));
        let litigation = sn.has(kw::诉讼);
        if !(review || litigation) || m.prose.scope.excludes(sn) {
            continue;
        }
        for &(claim, cols, lit_only) in CLAIMS {
            let Some(i) = sn.find(claim) else { continue };
            // 均维持 inside 均获维持 is the same claim
            if CLAIMS
                .iter()
                .any(|(c, _, _)| c.len() > claim.len() && c.contains(claim) && s.contains(c))
            {
                continue;
            }
            // the groups named before the claim, within its part of the sentence (`；`)
            let seg = &s[..i];
            let seg = seg
                .rfind(['；', ';'])
                .map(|k| &seg[k..])
                .filter(|g| g.contains("复议") || g.contains("诉讼"))
                .unwrap_or(seg);
            let review =
                review && (seg.contains("行政复议") || seg.replace("复议后", "").contains("复议"));
            let litigation = litigation && seg.contains("诉讼");
            let mut groups = Vec::new();
            if review && !lit_only {
                groups.push(T4Group::Review);
            }
            if litigation {
                groups.extend([T4Group::LitigationDirect, T4Group::LitigationAfterReview]);
            }
            let ops: Vec<Operand> = groups
                .iter()
                .flat_map(|g| cols.iter().filter_map(move |c| operand(t4, *g, *c)))
                .collect();
            if ops.len() != groups.len() * cols.len() || groups.is_empty() {
                continue;
            }
            let bad: Vec<&Operand> = ops.iter().filter(|o| o.value > Decimal::ZERO).collect();
            if bad.is_empty() {
                continue;
            }
            let sum = bad.iter().fold(Decimal::ZERO, |a, o| a + o.value);
            let what = cols
                .iter()
                .map(|c| match *c {
                    T4Col::Corrected => "结果纠正",
                    T4Col::Other => "其他结果",
                    _ => "尚未审结",
                })
                .collect::<Vec<_>>()
                .join("、");
            let f = RULE.finding(format!("正文称“{claim}”，但表四{what}共{sum}件"))
                .at(sn.span(i, i + claim.len()))
                .expected("0")
                .actual(sum.to_string())
                .formula(format!("正文“{claim}”应与表四{what}均为0一致"));
            out.push(with_operands(f, &bad));
            break;
        }
    }
}
