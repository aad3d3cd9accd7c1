//! S303 format-mixed.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::normalize::norm;
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "S303",
    name: "format-mixed",
    severity: Severity::Warning,
    summary: doc!("表格混用了两种格式的元素"),
    doc: doc!("## What it checks\nSingle elements of the other format inside the report's format (taken from table 二's columns, else the year, else table 三's （六）):\n- `规范性文件` in a 2021-format table 二, or `行政规范性文件` in a 2019-format one;\n- `其他对外管理服务事项`, `政府集中采购` or `第二十条第（九）项` in a 2021-format table;\n- a single `（六）其他处理` row in a 2021-format table 三, or three （六） sub-rows in a 2019-format one.\n\n## Why it matters\nA mixed table was usually updated by hand from last year's file; the rows of the other format ask for other quantities and often hide missing data.\n\n## Example\nA 2024 report whose table 三 has one `（六）其他处理` row instead of its three sub-rows."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(fmt) = m.format else { return };
    if let Some(t2) = &m.t2 {
        for r in &t2.rows {
            let n = norm(&r.label);
            let (bad, want) = match (fmt, r.key.as_str()) {
                (Format::B, "normative_documents") if n == "规范性文件" => {
                    (true, "行政规范性文件")
                }
                (Format::A, "normative_documents") if n == "行政规范性文件" => {
                    (true, "规范性文件")
                }
                (Format::B, "other_services") | (Format::B, "procurement") => {
                    (true, "（2021年格式无此行）")
                }
                _ => (false, ""),
            };
            if bad {
                out.push(
                    Finding::new(
                        &RULE,
                        format!("{}的表二中出现另一格式的行“{}”", fmt.label(), r.label),
                    )
                    .at(r.label_span)
                    .expected(want)
                    .actual(r.label.clone()),
                );
            }
        }
        if fmt == Format::B {
            if let Some(s) = m.t2_item9 {
                out.push(Finding::new(&RULE, "2021年格式的表二中出现“第二十条第（九）项”（2019年试行格式的政府集中采购）").at(s).expected("（2021年格式无此项）").actual("第二十条第（九）项"));
            }
        }
    }
    if let Some(t3) = &m.t3 {
        if fmt == Format::B && !t3.three_other_rows {
            if let Some(r) = t3.rows.iter().find(|r| r.key == "other_processing") {
                out.push(
                    Finding::new(
                        &RULE,
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
                .find(|r| r.key.starts_with("other_") && r.key != "other_processing")
            {
                out.push(
                    Finding::new(
                        &RULE,
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
