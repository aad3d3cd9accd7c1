use crate::rules::prelude::*;

rule! {
    /// 正文所述申请人构成与表三“本年新收”不符
    ///
    /// ## 检查什么
    /// 正文中关于新收申请的申请人构成（`其中自然人N件、法人或其他组织M件`、`涉及自然人N件、商业企业M件`）
    /// 与表三 `一、本年新收政府信息公开申请数量` 对应列的数值相比：自然人对应“自然人”列，
    /// 法人或其他组织对应商业企业、科研机构、社会公益组织、法律服务机构、其他五列之和，
    /// 商业企业等对应各自的列。只读取关于收到、受理申请的句子；关于办理结果、结转、复议诉讼的句子不读取，
    /// 正文所述范围不是本机关（如全市）的句子也不读取。数值等于本年新收与上年结转之和的也视为一致。
    ///
    /// ## 为什么重要
    /// 正文与表三说的是同一批申请；二者不一致，说明其中之一有误。评估中发现过正文与表格相差一名自然人的报告。
    ///
    /// ## 示例
    /// `收到申请40件，涉及自然人38件、商业企业2件`，而表三本年新收“自然人”列为 36（上年结转为 0）：应为 36，实为 38。
    X117, "text-applicant-breakdown", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t3) = cx.model.t3() else { return };
    for a in &cx.model.prose.applicants {
        let Some(ops) = a
            .cols
            .iter()
            .map(|c| operand(t3, T3Row::NewReceived, *c))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let expected = sum(&ops);
        let n = Decimal::from_int(a.value);
        if n == expected {
            continue;
        }
        let with_carried = a
            .cols
            .iter()
            .map(|c| operand(t3, T3Row::CarriedOver, *c))
            .collect::<Option<Vec<_>>>()
            .map(|c| expected + sum(&c));
        if with_carried == Some(n) {
            continue;
        }
        let what = if ops.len() > 1 {
            format!("表三 本年新收 {}各列之和", a.word)
        } else {
            ops[0].label()
        };
        let f = RULE
            .finding(format!("正文“{}”{}件与表三本年新收不符", a.word, a.value))
            .at(a.span)
            .expected(expected.to_string())
            .actual(a.value.to_string())
            .formula(format!("正文“{}”件数 = {what}", a.word))
            .help("核对正文的申请人构成与表三“本年新收”一行，二者应一致");
        out.push(with_operands(f, &ops.iter().collect::<Vec<_>>()));
    }
}

#[cfg(test)]
mod tests {
    use crate::text::applicants::read;

    fn read_text(t: &str) -> Vec<(&'static str, i64)> {
        let m = crate::model::parse(t, crate::input::Shape::Text);
        read(&m.prose.sentences, &m.prose.scope)
            .into_iter()
            .map(|a| (a.word, a.value))
            .collect()
    }

    #[test]
    fn the_prose_breakdowns_of_new_applications() {
        assert_eq!(
            read_text("本年度共收到政府信息公开申请40件，涉及自然人38件、商业企业2件。"),
            [("自然人", 38), ("商业企业", 2)]
        );
        assert_eq!(
            read_text("全年受理申请12件，其中自然人申请10件，法人或其他组织申请2件。"),
            [("自然人", 10), ("法人或其他组织", 2)]
        );
        // outcomes and other topics are not the breakdown of new applications
        assert!(read_text("收到申请12件，予以公开自然人申请10件。").is_empty());
        assert!(read_text("收到行政复议申请2件，其中自然人2件。").is_empty());
        assert!(read_text("自然人办件量为108101件，法人办件量为1090件。").is_empty());
        // a list of applicant types is not a breakdown
        assert!(read_text("收到公民、法人或其他组织申请40件。").is_empty());
        assert!(read_text("共收到自然人、法人和其他组织提交的申请40件。").is_empty());
        // nor is the breakdown of another year's or of the handled applications
        assert!(read_text("2023年收到申请40件，2022年收到申请35件，其中自然人30件。").is_empty());
        assert!(read_text("收到申请40件，办理完毕38件，其中自然人36件。").is_empty());
        assert_eq!(
            read_text("收到申请12件，其中法人或者其他组织申请2件。"),
            [("法人或者其他组织", 2)]
        );
    }
}
