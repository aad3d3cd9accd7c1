//! The two official layouts (format.md §4–§6): rows, columns, labels and machine keys.
//! Everything the readers and rules know about the tables comes from here.

use crate::normalize::Numbering;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// 2019 trial format (format A).
    #[serde(rename = "2019")]
    A,
    /// 2021 format (format B).
    #[serde(rename = "2021")]
    B,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::A => "2019年试行格式",
            Format::B => "2021年格式",
        }
    }
}

/// One row of a table layout.
#[derive(Debug, Clone, Copy)]
pub struct RowDef {
    pub key: &'static str,
    /// The official label (full width, as printed).
    pub label: &'static str,
    /// What a normalised label (numbering and notes stripped) is compared with.
    pub body: &'static str,
    /// The numbering the label needs to be told apart from a header word or another row
    /// (`3.其他`, not `（八）其他`; `（七）总计`, not the column `总计`), if any.
    pub needs_numbering: Option<(Numbering, &'static str)>,
    pub group: Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    None,
    Denied,
    Unable,
    Rejected,
    Other,
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Denied => "（三）不予公开",
            Group::Unable => "（四）无法提供",
            Group::Rejected => "（五）不予处理",
            Group::Other => "（六）其他处理",
            Group::None => "",
        }
    }
}

const fn row(key: &'static str, label: &'static str, body: &'static str, group: Group) -> RowDef {
    RowDef {
        key,
        label,
        body,
        needs_numbering: None,
        group,
    }
}

pub const T3_COLUMNS: &[(&str, &str)] = &[
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social_welfare", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
];
pub const T3_SUBTOTAL_COLUMN: (&str, &str) = ("legal_person_subtotal", "法人或其他组织小计");

pub const T3_ROWS: &[RowDef] = &[
    row(
        "new_received",
        "一、本年新收政府信息公开申请数量",
        "本年新收政府信息公开申请数量",
        Group::None,
    ),
    row(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
        Group::None,
    ),
    row("granted", "（一）予以公开", "予以公开", Group::None),
    row(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "部分公开",
        Group::None,
    ),
    row(
        "denied_state_secret",
        "1.属于国家秘密",
        "属于国家秘密",
        Group::Denied,
    ),
    row(
        "denied_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "其他法律行政法规禁止公开",
        Group::Denied,
    ),
    row(
        "denied_three_safeties_one_stability",
        "3.危及“三安全一稳定”",
        "危及三安全一稳定",
        Group::Denied,
    ),
    row(
        "denied_third_party_rights",
        "4.保护第三方合法权益",
        "保护第三方合法权益",
        Group::Denied,
    ),
    row(
        "denied_internal_affairs",
        "5.属于三类内部事务信息",
        "属于三类内部事务信息",
        Group::Denied,
    ),
    row(
        "denied_process_info",
        "6.属于四类过程性信息",
        "属于四类过程性信息",
        Group::Denied,
    ),
    row(
        "denied_enforcement_file",
        "7.属于行政执法案卷",
        "属于行政执法案卷",
        Group::Denied,
    ),
    row(
        "denied_inquiry_matter",
        "8.属于行政查询事项",
        "属于行政查询事项",
        Group::Denied,
    ),
    row(
        "unable_not_held",
        "1.本机关不掌握相关政府信息",
        "本机关不掌握相关政府信息",
        Group::Unable,
    ),
    row(
        "unable_needs_creation",
        "2.没有现成信息需要另行制作",
        "没有现成信息需要另行制作",
        Group::Unable,
    ),
    row(
        "unable_unclear_after_correction",
        "3.补正后申请内容仍不明确",
        "补正后申请内容仍不明确",
        Group::Unable,
    ),
    row(
        "rejected_petition_complaint",
        "1.信访举报投诉类申请",
        "信访举报投诉类申请",
        Group::Rejected,
    ),
    row(
        "rejected_duplicate",
        "2.重复申请",
        "重复申请",
        Group::Rejected,
    ),
    row(
        "rejected_publication",
        "3.要求提供公开出版物",
        "要求提供公开出版物",
        Group::Rejected,
    ),
    row(
        "rejected_mass_repeated",
        "4.无正当理由大量反复申请",
        "无正当理由大量反复申请",
        Group::Rejected,
    ),
    row(
        "rejected_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "要求行政机关确认或重新出具已获取信息",
        Group::Rejected,
    ),
    row(
        "other_processing",
        "（六）其他处理",
        "其他处理",
        Group::None,
    ),
    row(
        "other_overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        Group::Other,
    ),
    row(
        "other_overdue_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        Group::Other,
    ),
    RowDef {
        key: "other_misc",
        label: "3.其他",
        body: "其他",
        needs_numbering: Some((Numbering::Arabic, "3")),
        group: Group::Other,
    },
    RowDef {
        key: "total_processed",
        label: "（七）总计",
        body: "总计",
        needs_numbering: Some((Numbering::Paren, "七")),
        group: Group::None,
    },
    row(
        "carried_forward",
        "四、结转下年度继续办理",
        "结转下年度继续办理",
        Group::None,
    ),
];

/// Non-official subtotal rows (format.md §9.7).
pub const T3_SUBTOTALS: &[(&str, Group)] = &[
    ("denied_subtotal", Group::Denied),
    ("unable_subtotal", Group::Unable),
    ("rejected_subtotal", Group::Rejected),
    ("other_subtotal", Group::Other),
];

/// Rows of table 三 for a layout: format A has one （六） row, B three.
pub fn t3_rows(three_other_rows: bool) -> Vec<&'static RowDef> {
    T3_ROWS
        .iter()
        .filter(|r| match r.key {
            "other_processing" => !three_other_rows,
            "other_overdue_correction" | "other_overdue_fee" | "other_misc" => three_other_rows,
            _ => true,
        })
        .collect()
}

pub fn t3_row(key: &str) -> Option<&'static RowDef> {
    T3_ROWS.iter().find(|r| r.key == key)
}

/// Table 二 row: key, labels that name it (normalised), block, and columns per format.
#[derive(Debug, Clone, Copy)]
pub struct T2RowDef {
    pub key: &'static str,
    pub label_a: &'static str,
    pub label_b: &'static str,
    /// `第二十条第（X）项`
    pub item: &'static str,
    pub cols_a: &'static [(&'static str, &'static str)],
    pub cols_b: &'static [(&'static str, &'static str)],
}

const DOC_A: &[(&str, &str)] = &[
    ("made", "本年新制作数量"),
    ("published", "本年新公开数量"),
    ("total_public", "对外公开总数量"),
];
const DOC_B: &[(&str, &str)] = &[
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
];
const ITEMS_A: &[(&str, &str)] = &[
    ("previous", "上一年项目数量"),
    ("change", "本年增/减"),
    ("decisions", "处理决定数量"),
];
const DECISIONS_B: &[(&str, &str)] = &[("decisions", "本年处理决定数量")];
const FEES_A: &[(&str, &str)] = &[("previous", "上一年项目数量"), ("change", "本年增/减")];
const FEES_B: &[(&str, &str)] = &[("amount_10k_yuan", "本年收费金额（单位：万元）")];
const PROC_A: &[(&str, &str)] = &[("count", "采购项目数量"), ("amount", "采购总金额")];

pub const T2_ROWS: &[T2RowDef] = &[
    T2RowDef {
        key: "regulations",
        label_a: "规章",
        label_b: "规章",
        item: "一",
        cols_a: DOC_A,
        cols_b: DOC_B,
    },
    T2RowDef {
        key: "normative_documents",
        label_a: "规范性文件",
        label_b: "行政规范性文件",
        item: "一",
        cols_a: DOC_A,
        cols_b: DOC_B,
    },
    T2RowDef {
        key: "licensing",
        label_a: "行政许可",
        label_b: "行政许可",
        item: "五",
        cols_a: ITEMS_A,
        cols_b: DECISIONS_B,
    },
    T2RowDef {
        key: "other_services",
        label_a: "其他对外管理服务事项",
        label_b: "",
        item: "五",
        cols_a: ITEMS_A,
        cols_b: &[],
    },
    T2RowDef {
        key: "punishment",
        label_a: "行政处罚",
        label_b: "行政处罚",
        item: "六",
        cols_a: ITEMS_A,
        cols_b: DECISIONS_B,
    },
    T2RowDef {
        key: "coercion",
        label_a: "行政强制",
        label_b: "行政强制",
        item: "六",
        cols_a: ITEMS_A,
        cols_b: DECISIONS_B,
    },
    T2RowDef {
        key: "fees",
        label_a: "行政事业性收费",
        label_b: "行政事业性收费",
        item: "八",
        cols_a: FEES_A,
        cols_b: FEES_B,
    },
    T2RowDef {
        key: "procurement",
        label_a: "政府集中采购",
        label_b: "",
        item: "九",
        cols_a: PROC_A,
        cols_b: &[],
    },
];

impl T2RowDef {
    pub fn in_format(&self, f: Format) -> bool {
        match f {
            Format::A => !self.label_a.is_empty(),
            Format::B => !self.label_b.is_empty(),
        }
    }
    pub fn cols(&self, f: Format) -> &'static [(&'static str, &'static str)] {
        match f {
            Format::A => self.cols_a,
            Format::B => self.cols_b,
        }
    }
    pub fn label(&self, f: Format) -> &'static str {
        match f {
            Format::A => self.label_a,
            Format::B => self.label_b,
        }
    }
}

pub fn t2_row(key: &str) -> Option<&'static T2RowDef> {
    T2_ROWS.iter().find(|r| r.key == key)
}

/// Known local rows of table 二 (S404), normalised.
pub const T2_LOCAL_ROWS: &[&str] = &["其他主动公开文件"];

/// Table 二 column headers that identify a format (normalised; the longer B label first,
/// since the A label `处理决定数量` is a substring of it).
pub const T2_SIGNALS: &[(&str, Format)] = &[
    ("本年制发件数", Format::B),
    ("本年废止件数", Format::B),
    ("现行有效件数", Format::B),
    ("本年处理决定数量", Format::B),
    ("本年收费金额", Format::B),
    ("本年新制作数量", Format::A),
    ("本年新公开数量", Format::A),
    ("对外公开总数量", Format::A),
    ("上一年项目数量", Format::A),
    ("本年增/减", Format::A),
    ("采购项目数量", Format::A),
    ("采购总金额", Format::A),
];

pub const T4_GROUPS: &[(&str, &str)] = &[
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
];
pub const T4_COLUMNS: &[(&str, &str)] = &[
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
];

/// Human label of a cell path, e.g. `表三 本年新收 自然人`.
pub fn cell_label(path: &str) -> String {
    let mut it = path.splitn(3, '.');
    let (t, r, c) = (
        it.next().unwrap_or(""),
        it.next().unwrap_or(""),
        it.next().unwrap_or(""),
    );
    match t {
        "t3" => {
            let row = t3_row(r)
                .map(|d| short_t3(d.label))
                .unwrap_or_else(|| r.to_string());
            let col = T3_COLUMNS
                .iter()
                .chain([&T3_SUBTOTAL_COLUMN])
                .find(|(k, _)| *k == c)
                .map(|x| x.1)
                .unwrap_or(c);
            format!("表三 {row} {col}")
        }
        "t4" => {
            let g = T4_GROUPS
                .iter()
                .find(|(k, _)| *k == r)
                .map(|x| x.1)
                .unwrap_or(r);
            let col = T4_COLUMNS
                .iter()
                .find(|(k, _)| *k == c)
                .map(|x| x.1)
                .unwrap_or(c);
            format!("表四 {g} {col}")
        }
        "t2" => {
            let def = t2_row(r);
            let row = def
                .map(|d| {
                    if d.label_a.is_empty() {
                        d.label_b
                    } else {
                        d.label_a
                    }
                })
                .unwrap_or(r);
            let col = def
                .and_then(|d| {
                    d.cols_a
                        .iter()
                        .chain(d.cols_b.iter())
                        .find(|(k, _)| *k == c)
                })
                .map(|x| x.1)
                .unwrap_or(c);
            format!("表二 {row} {col}")
        }
        _ => path.to_string(),
    }
}

/// Short form of a table 三 row label for messages: numbering kept, notes dropped.
pub fn short_t3(label: &str) -> String {
    let s = label.split('（').collect::<Vec<_>>();
    if label.starts_with('（') && s.len() > 2 {
        format!("（{}", s[1])
    } else {
        label.split("（区分").next().unwrap_or(label).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_have_the_official_sizes() {
        assert_eq!(t3_rows(false).len() * 7, 161);
        assert_eq!(t3_rows(true).len() * 7, 175);
        let a: usize = T2_ROWS
            .iter()
            .filter(|r| r.in_format(Format::A))
            .map(|r| r.cols_a.len())
            .sum();
        let b: usize = T2_ROWS
            .iter()
            .filter(|r| r.in_format(Format::B))
            .map(|r| r.cols_b.len())
            .sum();
        assert_eq!((a, b), (22, 10));
        assert_eq!(T4_GROUPS.len() * T4_COLUMNS.len(), 15);
    }

    #[test]
    fn labels() {
        assert_eq!(
            cell_label("t3.new_received.total"),
            "表三 一、本年新收政府信息公开申请数量 总计"
        );
        assert_eq!(
            cell_label("t3.partially_granted.total"),
            "表三 （二）部分公开 总计"
        );
        assert_eq!(cell_label("t4.review.upheld"), "表四 行政复议 结果维持");
        assert_eq!(
            cell_label("t2.other_services.change"),
            "表二 其他对外管理服务事项 本年增/减"
        );
    }
}
