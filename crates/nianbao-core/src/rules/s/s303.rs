use crate::rules::prelude::*;

rule! {
    /// 表格混用了两种格式的元素
    ///
    /// ## What it checks
    /// Single elements of the other format inside the report's format (taken from table 二's columns, else the year, else table 三's （六）):
    /// - `规范性文件` in a 2021-format table 二, or `行政规范性文件` in a 2019-format one;
    /// - `其他对外管理服务事项`, `政府集中采购` or `第二十条第（九）项` in a 2021-format table;
    /// - a single `（六）其他处理` row in a 2021-format table 三, or three （六） sub-rows in a 2019-format one.
    ///
    /// ## Why it matters
    /// A mixed table was usually updated by hand from last year's file; the rows of the other format ask for other quantities and often hide missing data.
    ///
    /// ## Example
    /// A 2024 report whose table 三 has one `（六）其他处理` row instead of its three sub-rows.
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
