use crate::rules::prelude::*;

rule! {
    /// 表格混用了两种格式的元素
    ///
    /// ## 检查什么
    /// 报告所用格式中出现了另一种格式的个别元素。报告格式依次根据表二表头、报告年度、表三（六）的形式确定。检查的元素包括：
    /// - 2021年格式的表二中出现 `规范性文件`，或2019年格式（试行）的表二中出现 `行政规范性文件`；
    /// - 2021年格式的表格中出现 `其他对外管理服务事项`、`政府集中采购` 或 `第二十条第（九）项`；
    /// - 2021年格式的表三中 `（六）其他处理` 只有一行，或2019年格式（试行）的表三中（六）分为三个子项。
    ///
    /// ## 为什么重要
    /// 混用两种格式的表格，通常是在上一年度文件的基础上手工修改而成；另一种格式的行统计的是另一些数量，往往掩盖了数据缺失。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号印发的2019年格式（试行）与国办公开办函〔2021〕30号印发的2021年格式在上述各行上有所不同。
    ///
    /// ## 示例
    /// 2024年度报告的表三中，`（六）其他处理` 只有一行，没有分为三个子项。
    S303, "format-mixed", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(fmt) = m.format else { return };
    if let Some(t2) = m.t2() {
        for r in &t2.rows {
            let n = crate::base::normalize::norm(&r.label);
            let (bad, want) = match (fmt, r.key) {
                (Format::B, RowKey::T2(T2Row::NormativeDocuments)) if n == "规范性文件" => {
                    (true, "行政规范性文件")
                }
                (Format::A, RowKey::T2(T2Row::NormativeDocuments)) if n == "行政规范性文件" => {
                    (true, "规范性文件")
                }
                (Format::B, RowKey::T2(T2Row::OtherServices | T2Row::Procurement)) => {
                    (true, "（2021年格式无此行）")
                }
                _ => (false, ""),
            };
            if bad {
                out.push(
                    RULE.finding(
                        format!("{}的表二中出现另一格式的行“{}”", fmt.label(), r.label),
                    )
                    .at(r.label_span)
                    .expected(want)
                    .actual(r.label.clone()),
                );
            }
        }
        if fmt == Format::B {
            if let Some(s) = m.tables.t2_item9 {
                out.push(RULE.finding("2021年格式的表二中出现“第二十条第（九）项”（2019年试行格式的政府集中采购）").at(s).expected("（2021年格式无此项）").actual("第二十条第（九）项"));
            }
        }
    }
    if let Some(t3) = m.t3() {
        if fmt == Format::B && !t3.three_other_rows {
            if let Some(r) = t3.rows.iter().find(|r| r.key == RowKey::T3(T3Row::OtherProcessing)) {
                out.push(
                    RULE.finding(
                        "2021年格式的表三中“（六）其他处理”只有一行，应分为三个子项",
                    )
                    .at(r.label_span)
                    .expected("（六）其他处理 1.…逾期不补正 2.…逾期未缴纳费用 3.其他")
                    .actual(r.label.clone()),
                );
            }
        } else if fmt == Format::A && t3.three_other_rows {
            if let Some(r) = t3
                .rows
                .iter()
                .find(|r| {
                    // `other_…` keys: the three sub-rows and their subtotal
                    matches!(r.key, RowKey::T3(k) if k.is_other_sub())
                        || r.key == RowKey::Subtotal(Group::Other)
                })
            {
                out.push(
                    RULE.finding(
                        "2019年试行格式的表三中“（六）其他处理”分成了2021年格式的子项",
                    )
                    .at(r.label_span)
                    .expected("（六）其他处理（一行）")
                    .actual(r.label.clone()),
                );
            }
        }
    }
}
