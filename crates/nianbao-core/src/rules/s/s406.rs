use crate::rules::prelude::*;

rule! {
    /// 统计表某行的数值个数不对
    ///
    /// ## 检查什么
    /// 某行的数值个数与表格布局不符（表三为7个，有小计列时为8个；表四为15个；表二按各栏目确定）。表格中的数值无法确定地对应到单元格时也会报告（例如从PDF提取的文本中，表四数值的顺序与表头不一致）。
    ///
    /// ## 为什么重要
    /// 数值从不移位或推测：数值过少或过多的行无法核对，涉及该行的所有计算规则均跳过。
    ///
    /// ## 示例
    /// 表三中一行为 `（一）予以公开 0 0 0 0 0 0`（只有6个数值）。
    S406, "table-row-shape", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let Some(t) = cx.model.table(id) else {
            continue;
        };
        if let Some(reason) = &t.unreadable {
            let (expected, actual) = if id == TableId::T4 {
                ("可确定位置的15个数值", "顺序无法确定")
            } else {
                ("可逐行读取的表格", "无法读取")
            };
            out.push(
                RULE.finding(
                    format!(
                        "{}：{}。可能由复制或PDF提取造成，请对照原表",
                        id.name(),
                        reason
                    ),
                )
                .at(t.rows.first().map(|r| r.label_span).unwrap_or(t.span))
                .expected(expected)
                .actual(actual),
            );
            continue;
        }
        for r in &t.rows {
            match &r.shape_error {
                Some(RowError::Count { expected, found }) => out.push(
                    RULE.finding(format!("{}“{}”行应有{}个数值，实际读到{}个。可能由复制或PDF提取造成，请对照原表", id.name(), r.label, expected, found))
                        .at(r.label_span)
                        .expected(format!("{expected}个数值"))
                        .actual(format!("{found}个数值")),
                ),
                Some(RowError::Doubt { other }) => out.push(
                    RULE.finding(format!("{}“{}”行：其后的数值无法确定属于本行（“{}”行没有读到自己的数值，数值可能错位），未读取。可能由PDF转换造成，请对照原表", id.name(), r.label, other))
                        .at(r.label_span)
                        .expected("能确定归属的数值")
                        .actual(format!("可能属于“{other}”行")),
                ),
                None => {}
            }
        }
    }
}
