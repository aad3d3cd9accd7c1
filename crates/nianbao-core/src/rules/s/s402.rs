use crate::rules::prelude::*;

rule! {
    /// 统计表缺少官方格式中的行
    ///
    /// ## 检查什么
    /// 所识别格式中的每一个官方行，是否都能在所在统计表中按其标签找到。每张表只报告一条：第一处缺口（连续缺失的若干行算一处，表格在中途截断也算一处）为主要位置，其余各处缺口列为相关位置。
    ///
    /// ## 为什么重要
    /// 缺少某一行，说明格式要求的某项数量没有报告；需要该行的规则会跳过，表格也因此无法完整核对。
    ///
    /// ## 示例
    /// 表三缺少 `二、上年结转政府信息公开申请数量`。
    S402, "table-row-missing", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3] {
        let Some(t) = cx.model.table(id) else {
            continue;
        };
        if t.unreadable.is_some() {
            continue;
        }
        // one finding per table (rules.md, one finding per problem); each gap (consecutive
        // missing rows after the same located row) is a place in it
        let mut gaps: Vec<Vec<_>> = Vec::new();
        let mut i = 0;
        while i < t.missing.len() {
            let gap: Vec<_> = t.missing[i..]
                .iter()
                .take_while(|m| m.after == t.missing[i].after)
                .collect();
            i += gap.len();
            gaps.push(gap);
        }
        if gaps.is_empty() {
            continue;
        }
        let labels: Vec<&str> = gaps.iter().flatten().map(|m| m.label).collect();
        let msg = match (gaps.len(), labels.len()) {
            (_, 1) => format!("{}缺少“{}”行", id.name(), labels[0]),
            (1, n) => format!(
                "{}缺少{n}行：“{}”至“{}”（文本可能不完整）",
                id.name(),
                labels[0],
                labels[n - 1]
            ),
            (g, n) => format!(
                "{}缺少{n}行（{g}处）：“{}”等",
                id.name(),
                labels[0]
            ),
        };
        let mut f = RULE
            .finding(msg)
            .at(gaps[0][0].after)
            .expected(labels.join("、"))
            .actual("缺失");
        for gap in gaps.iter().skip(1) {
            let names: Vec<&str> = gap.iter().map(|m| m.label).collect();
            f = f.related(gap[0].after, format!("此后缺少：{}", names.join("、")));
        }
        out.push(f);
    }
}
