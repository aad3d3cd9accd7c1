use crate::rules::prelude::*;

rule! {
    /// 缺少六个部分之一
    ///
    /// ## 检查什么
    /// 六个部分（总体情况、主动公开、收到和处理申请、复议诉讼、问题及改进、其他事项）各有对应的一级标题（以 `一、` 至 `六、` 编号，或单独成行的官方标题文字）。
    ///
    /// ## 为什么重要
    /// 缺少某一部分，是年度报告最明显的缺陷。
    ///
    /// ## 依据
    /// 《条例》第五十条规定了年度报告的内容；国办公开办函〔2021〕30号要求报告内容“不能遗漏”。2019年格式（试行）和2021年格式均由这六个部分组成。
    ///
    /// ## 示例
    /// 报告从 `四、政府信息公开行政复议、行政诉讼情况` 直接跳到 `六、其他需要报告的事项`。
    S201, "section-missing", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let hs = &cx.model.headings;
    for key in SectionKey::ALL {
        if cx.model.section(key).is_some() {
            continue;
        }
        let mut f = RULE.finding(format!("缺少“{}”部分", key.official()))
            .expected(key.official())
            .actual("缺失")
            .formula("年度报告应包含六个部分（《条例》第五十条）");
        let before = hs
            .iter().rfind(|h| h.key.map(|k| k.index() < key.index()).unwrap_or(false));
        let after = hs
            .iter()
            .find(|h| h.key.map(|k| k.index() > key.index()).unwrap_or(false));
        if let Some(b) = before {
            f = f.related(b.span, "缺失部分之前的标题");
        }
        if let Some(a) = after {
            f = f.related(a.span, "缺失部分之后的标题");
        }
        out.push(f);
    }
}
