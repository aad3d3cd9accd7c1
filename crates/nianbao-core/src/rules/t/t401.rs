use crate::rules::prelude::*;

rule! {
    /// 表四总计不等于各结果之和
    ///
    /// ## What it checks
    /// For 行政复议, 未经复议直接起诉 and 复议后起诉: `总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`.
    ///
    /// ## Why it matters
    /// The 总计 column of each group is the sum of its outcomes. There is deliberately no rule linking 表四 to 表三: cases can concern applications from earlier years.
    ///
    /// ## Example
    /// 行政复议: 5 + 1 + 0 + 1 = 7 against a total of 6.
    T401, "t4-group-sum", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.model.t4() else { return };
    for &g in T4Group::ALL {
        let name = g.label();
        if let Some(f) = sum_check(
            cx,
            &RULE,
            t,
            &identities::t4_group(g),
            &|| format!("表四“{name}”：总计不等于各结果之和"),
            &format!("{name} 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        ) {
            out.push(f);
        }
    }
}
