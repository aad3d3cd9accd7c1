use crate::rules::prelude::*;

rule! {
    /// 一级标题序号与其部分不符
    ///
    /// ## 检查什么
    /// 已识别的各部分标题的序号，是否与该部分在官方格式中的位置一致（总体情况为一，……，其他事项为六）。没有任何序号的标题（如单独成行的 `总体情况`）同样计入。已由 S203报告的重复序号不再重复报告。连续多个序号不符的标题合并为一条提示。
    ///
    /// ## 为什么重要
    /// 序号不符通常说明有部分被删除或合并；读者也按序号引用各部分。
    ///
    /// ## 依据
    /// 2019年格式（试行）和2021年格式均规定了各部分的序号。
    ///
    /// ## 示例
    /// 总体情况没有序号，其后依次为 `一、主动公开政府信息情况` … `五、其他需要报告的事项`。
    S204, "section-number-wrong", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let hs = &cx.model.headings;
    let mut run: Vec<&Heading> = Vec::new();
    let flush = |run: &mut Vec<&Heading>, out: &mut Vec<Finding>| {
        if let Some(first) = run.first() {
            let k = first.key.unwrap();
            let mut f = RULE.finding(
                format!("“{}”应编号为“{}、”", first.title, k.numeral()),
            )
            .at(first.span)
            .expected(
                run.iter()
                    .map(|h| format!("{}、", h.key.unwrap().numeral()))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .actual(
                run.iter()
                    .map(|h| {
                        h.number
                            .as_deref()
                            .map(|n| format!("{n}、"))
                            .unwrap_or_else(|| "无序号".into())
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            for h in &run[1..] {
                f = f.related(
                    h.span,
                    format!("“{}”应为“{}、”", h.title, h.key.unwrap().numeral()),
                );
            }
            out.push(f.formula("一级标题序号应与部分对应：一、总体情况 … 六、其他需要报告的事项"));
        }
        run.clear();
    };
    for (i, h) in hs.iter().enumerate() {
        let Some(k) = h.key else {
            flush(&mut run, out);
            continue;
        };
        let dup =
            h.numeral_value.is_some() && hs[..i].iter().any(|p| p.numeral_value == h.numeral_value);
        let wrong = h.numeral_value != Some(k.index() as u32 + 1);
        if wrong && !dup {
            run.push(h);
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}
