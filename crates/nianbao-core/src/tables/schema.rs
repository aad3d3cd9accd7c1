//! The two official layouts (format.md §4–§6) as types: every row and column of 表二, 表三
//! and 表四 is an enum variant with its machine key and printed label, so a rule that names
//! a cell that does not exist does not compile. Everything the readers and the rules know
//! about the tables' shape comes from here; the identities between the cells are in
//! `identities.rs`.

use crate::base::normalize::Numbering;
use serde::Serialize;

/// The format of a report: 2019 trial format (A) or 2021 format (B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
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
    pub fn other(self) -> Format {
        match self {
            Format::A => Format::B,
            Format::B => Format::A,
        }
    }
}

/// Declares a key enum: variants with their machine key and printed label, in order.
macro_rules! keys {
    ($(#[$m:meta])* $name:ident { $($v:ident = $key:literal, $label:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($v),* }
        impl $name {
            /// Every variant, in table order.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            /// The machine key (format.md).
            pub fn key(self) -> &'static str {
                match self { $($name::$v => $key),* }
            }
            /// The label as printed in the official table.
            pub fn label(self) -> &'static str {
                match self { $($name::$v => $label),* }
            }
            /// The variant with this machine key.
            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$v),)* _ => None }
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// 表三

keys! {
    /// The rows of 表三: both formats (format A has one （六） row, format B three).
    T3Row {
        NewReceived = "new_received", "一、本年新收政府信息公开申请数量";
        CarriedOver = "carried_over", "二、上年结转政府信息公开申请数量";
        Granted = "granted", "（一）予以公开";
        PartiallyGranted = "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
        DeniedStateSecret = "denied_state_secret", "1.属于国家秘密";
        DeniedProhibitedByLaw = "denied_prohibited_by_law", "2.其他法律行政法规禁止公开";
        DeniedThreeSafetiesOneStability = "denied_three_safeties_one_stability", "3.危及“三安全一稳定”";
        DeniedThirdPartyRights = "denied_third_party_rights", "4.保护第三方合法权益";
        DeniedInternalAffairs = "denied_internal_affairs", "5.属于三类内部事务信息";
        DeniedProcessInfo = "denied_process_info", "6.属于四类过程性信息";
        DeniedEnforcementFile = "denied_enforcement_file", "7.属于行政执法案卷";
        DeniedInquiryMatter = "denied_inquiry_matter", "8.属于行政查询事项";
        UnableNotHeld = "unable_not_held", "1.本机关不掌握相关政府信息";
        UnableNeedsCreation = "unable_needs_creation", "2.没有现成信息需要另行制作";
        UnableUnclearAfterCorrection = "unable_unclear_after_correction", "3.补正后申请内容仍不明确";
        RejectedPetitionComplaint = "rejected_petition_complaint", "1.信访举报投诉类申请";
        RejectedDuplicate = "rejected_duplicate", "2.重复申请";
        RejectedPublication = "rejected_publication", "3.要求提供公开出版物";
        RejectedMassRepeated = "rejected_mass_repeated", "4.无正当理由大量反复申请";
        RejectedConfirmation = "rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息";
        OtherProcessing = "other_processing", "（六）其他处理";
        OtherOverdueCorrection = "other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        OtherOverdueFee = "other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
        OtherMisc = "other_misc", "3.其他";
        TotalProcessed = "total_processed", "（七）总计";
        CarriedForward = "carried_forward", "四、结转下年度继续办理";
    }
}

keys! {
    /// The columns of 表三; `LegalPersonSubtotal` is the non-official 法人或其他组织小计
    /// column some reports add (format.md §9.7).
    T3Col {
        NaturalPerson = "natural_person", "自然人";
        Commercial = "commercial", "商业企业";
        Research = "research", "科研机构";
        SocialWelfare = "social_welfare", "社会公益组织";
        LegalService = "legal_service", "法律服务机构";
        OtherOrg = "other_org", "其他";
        LegalPersonSubtotal = "legal_person_subtotal", "法人或其他组织小计";
        Total = "total", "总计";
    }
}

impl T3Col {
    /// The seven official value columns, in order.
    pub const VALUES: [T3Col; 7] = [
        T3Col::NaturalPerson,
        T3Col::Commercial,
        T3Col::Research,
        T3Col::SocialWelfare,
        T3Col::LegalService,
        T3Col::OtherOrg,
        T3Col::Total,
    ];
    /// The six applicant columns whose sum is 总计 (T303).
    pub const APPLICANTS: [T3Col; 6] = [
        T3Col::NaturalPerson,
        T3Col::Commercial,
        T3Col::Research,
        T3Col::SocialWelfare,
        T3Col::LegalService,
        T3Col::OtherOrg,
    ];
    /// The five organisation columns whose sum is 法人或其他组织小计.
    pub const ORGANISATIONS: [T3Col; 5] = [
        T3Col::Commercial,
        T3Col::Research,
        T3Col::SocialWelfare,
        T3Col::LegalService,
        T3Col::OtherOrg,
    ];
    /// The columns of a table with or without the subtotal column, in order.
    pub fn layout(with_subtotal: bool) -> &'static [T3Col] {
        const EIGHT: [T3Col; 8] = [
            T3Col::NaturalPerson,
            T3Col::Commercial,
            T3Col::Research,
            T3Col::SocialWelfare,
            T3Col::LegalService,
            T3Col::OtherOrg,
            T3Col::LegalPersonSubtotal,
            T3Col::Total,
        ];
        if with_subtotal {
            &EIGHT
        } else {
            &T3Col::VALUES
        }
    }
}

/// The outcome blocks of 表三 with numbered sub-rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    None,
    Denied,
    Unable,
    Rejected,
    Other,
}

impl Group {
    /// The blocks that have sub-rows (and may have a non-official subtotal row).
    pub const BLOCKS: [Group; 4] = [Group::Denied, Group::Unable, Group::Rejected, Group::Other];
    pub fn label(self) -> &'static str {
        match self {
            Group::Denied => "（三）不予公开",
            Group::Unable => "（四）无法提供",
            Group::Rejected => "（五）不予处理",
            Group::Other => "（六）其他处理",
            Group::None => "",
        }
    }
    /// The machine key of the block's non-official subtotal row (format.md §9.7).
    pub fn subtotal_key(self) -> &'static str {
        match self {
            Group::Denied => "denied_subtotal",
            Group::Unable => "unable_subtotal",
            Group::Rejected => "rejected_subtotal",
            Group::Other => "other_subtotal",
            Group::None => "subtotal",
        }
    }
}

/// How a 表三 row is recognised.
#[derive(Debug, Clone, Copy)]
pub struct RowDef {
    pub row: T3Row,
    /// What a normalised label (numbering and notes stripped) is compared with.
    pub body: &'static str,
    /// The numbering the label needs to be told apart from a header word or another row
    /// (`3.其他`, not `（八）其他`; `（七）总计`, not the column `总计`), if any.
    pub needs_numbering: Option<(Numbering, &'static str)>,
    pub group: Group,
}

const fn def(row: T3Row, body: &'static str, group: Group) -> RowDef {
    RowDef {
        row,
        body,
        needs_numbering: None,
        group,
    }
}

/// Every 表三 row's recognition data, in `T3Row` order.
pub const T3_DEFS: [RowDef; 26] = {
    use Group::*;
    use T3Row::*;
    [
        def(NewReceived, "本年新收政府信息公开申请数量", None),
        def(CarriedOver, "上年结转政府信息公开申请数量", None),
        def(Granted, "予以公开", None),
        def(PartiallyGranted, "部分公开", None),
        def(DeniedStateSecret, "属于国家秘密", Denied),
        def(DeniedProhibitedByLaw, "其他法律行政法规禁止公开", Denied),
        def(DeniedThreeSafetiesOneStability, "危及三安全一稳定", Denied),
        def(DeniedThirdPartyRights, "保护第三方合法权益", Denied),
        def(DeniedInternalAffairs, "属于三类内部事务信息", Denied),
        def(DeniedProcessInfo, "属于四类过程性信息", Denied),
        def(DeniedEnforcementFile, "属于行政执法案卷", Denied),
        def(DeniedInquiryMatter, "属于行政查询事项", Denied),
        def(UnableNotHeld, "本机关不掌握相关政府信息", Unable),
        def(UnableNeedsCreation, "没有现成信息需要另行制作", Unable),
        def(
            UnableUnclearAfterCorrection,
            "补正后申请内容仍不明确",
            Unable,
        ),
        def(RejectedPetitionComplaint, "信访举报投诉类申请", Rejected),
        def(RejectedDuplicate, "重复申请", Rejected),
        def(RejectedPublication, "要求提供公开出版物", Rejected),
        def(RejectedMassRepeated, "无正当理由大量反复申请", Rejected),
        def(
            RejectedConfirmation,
            "要求行政机关确认或重新出具已获取信息",
            Rejected,
        ),
        def(OtherProcessing, "其他处理", None),
        def(
            OtherOverdueCorrection,
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            Other,
        ),
        def(
            OtherOverdueFee,
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            Other,
        ),
        RowDef {
            row: OtherMisc,
            body: "其他",
            needs_numbering: Some((Numbering::Arabic, "3")),
            group: Other,
        },
        RowDef {
            row: TotalProcessed,
            body: "总计",
            needs_numbering: Some((Numbering::Paren, "七")),
            group: None,
        },
        def(CarriedForward, "结转下年度继续办理", None),
    ]
};

impl T3Row {
    pub fn def(self) -> &'static RowDef {
        &T3_DEFS[self as usize]
    }
    pub fn group(self) -> Group {
        self.def().group
    }
    /// The rows of format B's three （六） sub-rows.
    pub fn is_other_sub(self) -> bool {
        matches!(
            self,
            T3Row::OtherOverdueCorrection | T3Row::OtherOverdueFee | T3Row::OtherMisc
        )
    }
    /// The four rows that are not outcomes: 一、二、（七）、四.
    pub fn is_balance(self) -> bool {
        matches!(
            self,
            T3Row::NewReceived | T3Row::CarriedOver | T3Row::TotalProcessed | T3Row::CarriedForward
        )
    }
    /// The row's label for messages: numbering kept, notes dropped (`（二）部分公开`).
    pub fn short_label(self) -> &'static str {
        match self {
            T3Row::PartiallyGranted => "（二）部分公开",
            r => r.label(),
        }
    }
}

/// The rows of 表三 for a layout, in order: format A has one （六） row, B three.
pub fn t3_rows(three_other_rows: bool) -> impl Iterator<Item = T3Row> {
    T3Row::ALL.iter().copied().filter(move |r| match r {
        T3Row::OtherProcessing => !three_other_rows,
        r if r.is_other_sub() => three_other_rows,
        _ => true,
    })
}

// ---------------------------------------------------------------------------------------
// 表二

keys! {
    /// The rows of 表二 (both formats; see [`T2Row::in_format`]).
    T2Row {
        Regulations = "regulations", "规章";
        NormativeDocuments = "normative_documents", "规范性文件";
        Licensing = "licensing", "行政许可";
        OtherServices = "other_services", "其他对外管理服务事项";
        Punishment = "punishment", "行政处罚";
        Coercion = "coercion", "行政强制";
        Fees = "fees", "行政事业性收费";
        Procurement = "procurement", "政府集中采购";
    }
}

keys! {
    /// The columns of 表二's blocks (both formats).
    T2Col {
        Made = "made", "本年新制作数量";
        Published = "published", "本年新公开数量";
        TotalPublic = "total_public", "对外公开总数量";
        Issued = "issued", "本年制发件数";
        Repealed = "repealed", "本年废止件数";
        InForce = "in_force", "现行有效件数";
        Previous = "previous", "上一年项目数量";
        Change = "change", "本年增/减";
        Decisions = "decisions", "处理决定数量";
        Amount10kYuan = "amount_10k_yuan", "本年收费金额（单位：万元）";
        Count = "count", "采购项目数量";
        Amount = "amount", "采购总金额";
    }
}

impl T2Col {
    /// The column's header in a format (format B says `本年处理决定数量`).
    pub fn label_in(self, f: Format) -> &'static str {
        match (self, f) {
            (T2Col::Decisions, Format::B) => "本年处理决定数量",
            (c, _) => c.label(),
        }
    }
    /// Amount columns hold decimals (N105 does not apply).
    pub fn is_amount(self) -> bool {
        matches!(self, T2Col::Amount | T2Col::Amount10kYuan)
    }
}

const DOC_A: &[T2Col] = &[T2Col::Made, T2Col::Published, T2Col::TotalPublic];
const DOC_B: &[T2Col] = &[T2Col::Issued, T2Col::Repealed, T2Col::InForce];
const ITEMS_A: &[T2Col] = &[T2Col::Previous, T2Col::Change, T2Col::Decisions];
const DECISIONS_B: &[T2Col] = &[T2Col::Decisions];
const FEES_A: &[T2Col] = &[T2Col::Previous, T2Col::Change];
const FEES_B: &[T2Col] = &[T2Col::Amount10kYuan];
const PROC_A: &[T2Col] = &[T2Col::Count, T2Col::Amount];

impl T2Row {
    /// The row's label in a format (empty when the format has no such row).
    pub fn label_in(self, f: Format) -> &'static str {
        match (self, f) {
            (T2Row::NormativeDocuments, Format::B) => "行政规范性文件",
            (T2Row::OtherServices | T2Row::Procurement, Format::B) => "",
            (r, _) => r.label(),
        }
    }
    pub fn in_format(self, f: Format) -> bool {
        !self.label_in(f).is_empty()
    }
    /// The row's columns in a format (empty when the format has no such row).
    pub fn cols(self, f: Format) -> &'static [T2Col] {
        use T2Row::*;
        match (self, f) {
            (Regulations | NormativeDocuments, Format::A) => DOC_A,
            (Regulations | NormativeDocuments, Format::B) => DOC_B,
            (Licensing | OtherServices | Punishment | Coercion, Format::A) => ITEMS_A,
            (Licensing | Punishment | Coercion, Format::B) => DECISIONS_B,
            (Fees, Format::A) => FEES_A,
            (Fees, Format::B) => FEES_B,
            (Procurement, Format::A) => PROC_A,
            (OtherServices | Procurement, Format::B) => &[],
        }
    }
    /// The columns of the row as the table reads it: its own format's, or the other
    /// format's for a row that only the other format has.
    pub fn cols_read(self, f: Format) -> &'static [T2Col] {
        if self.in_format(f) {
            self.cols(f)
        } else {
            self.cols(f.other())
        }
    }
    /// `第二十条第（X）项`: the caption item of the row's block.
    pub fn item(self) -> &'static str {
        use T2Row::*;
        match self {
            Regulations | NormativeDocuments => "一",
            Licensing | OtherServices => "五",
            Punishment | Coercion => "六",
            Fees => "八",
            Procurement => "九",
        }
    }
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

// ---------------------------------------------------------------------------------------
// 表四

keys! {
    /// The three groups of 表四.
    T4Group {
        Review = "review", "行政复议";
        LitigationDirect = "litigation_direct", "未经复议直接起诉";
        LitigationAfterReview = "litigation_after_review", "复议后起诉";
    }
}

keys! {
    /// The five columns of each 表四 group.
    T4Col {
        Upheld = "upheld", "结果维持";
        Corrected = "corrected", "结果纠正";
        Other = "other", "其他结果";
        Pending = "pending", "尚未审结";
        Total = "total", "总计";
    }
}

impl T4Col {
    /// The four result columns whose sum is 总计 (T401).
    pub const RESULTS: [T4Col; 4] = [
        T4Col::Upheld,
        T4Col::Corrected,
        T4Col::Other,
        T4Col::Pending,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_have_the_official_sizes() {
        assert_eq!(t3_rows(false).count() * 7, 161);
        assert_eq!(t3_rows(true).count() * 7, 175);
        let size = |f| -> usize {
            T2Row::ALL
                .iter()
                .filter(|r| r.in_format(f))
                .map(|r| r.cols(f).len())
                .sum()
        };
        assert_eq!((size(Format::A), size(Format::B)), (22, 10));
        assert_eq!(T4Group::ALL.len() * T4Col::ALL.len(), 15);
        for (i, d) in T3_DEFS.iter().enumerate() {
            assert_eq!(d.row as usize, i, "T3_DEFS is in T3Row order");
        }
    }

    #[test]
    fn keys_round_trip() {
        for r in T3Row::ALL {
            assert_eq!(T3Row::from_key(r.key()), Some(*r));
        }
        assert_eq!(
            T2Col::from_key("amount_10k_yuan"),
            Some(T2Col::Amount10kYuan)
        );
        assert_eq!(T3Row::from_key("nope"), None);
        assert_eq!(T3Row::PartiallyGranted.short_label(), "（二）部分公开");
        assert_eq!(T3Row::TotalProcessed.short_label(), "（七）总计");
    }
}
