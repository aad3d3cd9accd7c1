use crate::rules::prelude::*;

rule! {
    /// 表三勾稽关系不成立：一＋二 ≠ （七）＋四
    ///
    /// ## 检查什么
    /// 表三每一列：`一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理`。
    ///
    /// ## 为什么重要
    /// 本年新收和上年结转的每一件申请，要么在本年度办理完毕（计入`（七）总计`），要么
    /// 结转下年度继续办理。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号和国办公开办函〔2021〕30号印发的格式，均在表三表头注明
    /// `本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和`。其中第三项
    /// 为`三、本年度办理结果`，其数值即`（七）总计`行。
    ///
    /// ## 示例
    /// `自然人`列：12 + 1 = 13，而`（七）总计` 10 + `四、结转下年度继续办理` 2 = 12，
    /// 应为 13，实为 12。
    T301, "t3-balance", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.model.t3() else { return };
    for col in T3Col::VALUES {
        let identity = identities::t3_balance(col);
        let ops = [&identity.left[..], &identity.right[..]].concat();
        let ops: Option<Vec<Operand>> = ops.iter().map(|p| operand_at(t, p)).collect();
        let Some([n, c, p, f]) = ops.and_then(|v| <[Operand; 4]>::try_from(v).ok()) else {
            continue;
        };
        record(cx, &[&n, &c], &[&p, &f]);
        let left = n.value + c.value;
        let right = p.value + f.value;
        if left == right {
            continue;
        }
        let left_ops = [n, c];
        let finding = RULE
            .finding(format!(
                "表三“{}”列：一+二 应等于 （七）总计+四",
                col.label()
            ))
            .at(cell_span(t, &p))
            .formula(format!(
                "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理：{} = {}，{} + {} = {}",
                terms(&left_ops),
                sum(&left_ops),
                p.cell.shown(),
                f.cell.shown(),
                right
            ))
            .expected(left.to_string())
            .actual(right.to_string())
            .cell(p.path())
            .help("核对该列各项数据");
        out.push(with_operands(finding, &[&left_ops[0], &left_ops[1], &f]));
    }
}
