use crate::rules::prelude::*;

rule! {
    /// 报告出现其他类型机关的专门用语，疑为套用他人报告
    ///
    /// ## 检查什么
    /// 在已知类型的部门报告中，查找只有其他类型机关在述及本系统工作时才使用的用语：
    /// - 教育：`依法治教`、`依法治校`、`教育行政工作`、`教育教学`；
    /// - 公安：`依法治警`、`警务公开`；
    /// - 税务：`依法治税`、`纳税服务`；
    /// - 卫生健康：`医疗机构执业`、`疾病预防控制`；
    /// - 生态环境：`环境影响评价`、`排污许可`；
    /// - 科技：`高新技术企业认定`、`科技成果转化`。
    ///
    /// 报告机关本系统的用语不提示；政府报告和综合性机关（行政审批服务局、政务服务管理局、
    /// 人民政府办公室）的报告不予检查。每一其他类型只提示一次。
    ///
    /// ## 为什么重要
    /// 中国社会科学院的评估发现，有报告跨部门、跨地区相互套用。出现其他领域的用语，
    /// 是粘贴他人段落最明显的痕迹。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“内容雷同”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 周口市科技局2019年度报告中出现`教育行政工作`和`依法治教`。
    C104, "foreign-vocabulary", Warning
}

/// (type name, what the title contains, distinctive terms). Data, tuned on real reports.
const TYPES: &[(&str, &[&str], &[&str])] = &[
    (
        "教育",
        &["教育局", "教育体育局", "教体局", "教育委员会"],
        &["依法治教", "依法治校", "教育行政工作", "教育教学"],
    ),
    ("公安", &["公安局", "公安厅"], &["依法治警", "警务公开"]),
    ("税务", &["税务局"], &["依法治税", "纳税服务"]),
    (
        "卫生健康",
        &["卫生健康委员会", "卫健委", "卫生健康局"],
        &["医疗机构执业", "疾病预防控制"],
    ),
    (
        "生态环境",
        &["生态环境局", "环保局"],
        &["环境影响评价", "排污许可"],
    ),
    (
        "科技",
        &["科技局", "科学技术局"],
        &["高新技术企业认定", "科技成果转化"],
    ),
];
const CROSS_CUTTING: &[&str] = &[
    "行政审批服务局",
    "政务服务管理局",
    "人民政府办公室",
    "人民政府办公厅",
    "政务服务",
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let (Some(agency), Some(Kind::Department)) = (m.agency(), m.kind()) else {
        return;
    };
    if CROSS_CUTTING.iter().any(|c| agency.contains(c)) {
        return;
    }
    let Some(own) = TYPES
        .iter()
        .find(|(_, names, _)| names.iter().any(|n| agency.contains(n)))
    else {
        return;
    };
    for (name, _, terms) in TYPES.iter().filter(|t| t.0 != own.0) {
        let mut hits: Vec<(Span, &str)> = Vec::new();
        for term in terms.iter() {
            // one search of the whole text first: most terms are absent
            if !cx.text().contains(term) {
                continue;
            }
            for line in &m.prose.lines {
                for i in crate::base::search::find_iter(&cx.text()[line.start..line.end], term) {
                    hits.push((Span::new(line.start + i, line.start + i + term.len()), term));
                }
            }
        }
        if hits.is_empty() {
            continue;
        }
        crate::base::sort::sort_by_key(&mut hits, |(s, _)| (s.start, s.end));
        let (first, term) = hits[0];
        let mut f = RULE.finding(
            format!(
                "{}部门报告出现{}部门用语“{}”，疑为套用其他单位报告",
                own.0, name, term
            ),
        )
        .at(first)
        .expected(format!("{}部门的表述", own.0))
        .actual(term.to_string())
        .formula("年度报告应报告本机关的工作情况；其他类型机关的专门用语提示内容可能雷同")
        .help("核对该段内容是否为本机关的工作情况");
        for (s, t) in &hits[1..] {
            f = f.related(*s, format!("{name}部门用语“{t}”"));
        }
        out.push(f);
    }
}
