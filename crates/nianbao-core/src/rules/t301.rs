//! T301 t3-balance.
use super::{cell_span, operand, sum, terms, with_operands, Ctx, Rule, T3_VALUE_COLS};
use crate::finding::{Finding, Severity};
use crate::template::T3_COLUMNS;

pub static RULE: Rule = Rule {
    code: "T301",
    name: "t3-balance",
    severity: Severity::Error,
    summary: doc!("表三勾稽关系不成立：一＋二 ≠ （七）＋四"),
    doc: doc!("## What it checks\nFor every column of 表三: `一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理`.\n\n## Why it matters\nThis identity is printed in the table header itself (`本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和`): every application received or carried over is either handled this year or carried forward.\n\n## Example\n自然人: 12 + 1 = 13, but （七）总计 10 + 结转 2 = 12 → expected 13, actual 12."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = &cx.model.t3 else { return };
    for col in T3_VALUE_COLS {
        let ops = [
            "new_received",
            "carried_over",
            "total_processed",
            "carried_forward",
        ]
        .map(|r| operand(t, r, col));
        let [Some(n), Some(c), Some(p), Some(f)] = ops else {
            continue;
        };
        let left = n.value.add(c.value);
        let right = p.value.add(f.value);
        if left == right {
            continue;
        }
        let cname = T3_COLUMNS.iter().find(|x| x.0 == col).unwrap().1;
        let left_ops = [n, c];
        let finding = Finding::new(&RULE, format!("表三“{cname}”列：一+二 应等于 （七）总计+四"))
            .at(cell_span(t, "total_processed", &p))
            .formula(format!("一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理：{} = {}，{} + {} = {}", terms(&left_ops), sum(&left_ops), p.cell.shown(), f.cell.shown(), right))
            .expected(left.to_string())
            .actual(right.to_string())
            .cell(p.path())
            .help("核对该列各项数据");
        out.push(with_operands(finding, &[&left_ops[0], &left_ops[1], &f]));
    }
}
