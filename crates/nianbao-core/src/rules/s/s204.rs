use crate::rules::prelude::*;

rule! {
    /// 一级标题序号与其部分不符
    ///
    /// ## What it checks
    /// The numeral of each recognised section heading against the section's official position (总体情况 is 一, …, 其他事项 is 六). A heading without any numeral (`总体情况` on its own line) also counts. A numeral already reported by S203 is not reported again. One finding covers a run of consecutive misnumbered headings.
    ///
    /// ## Why it matters
    /// Misnumbered parts usually mean a part was dropped or merged, and readers cite parts by number.
    ///
    /// ## Example
    /// An unnumbered overview, then `一、主动公开政府信息情况` … `五、其他需要报告的事项`.
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
