//! The identities between the cells of the tables, as data (rules.md, T). The stream
//! reader uses them to choose between readings of PDF text, the T rules check them, and
//! every finding of an identity names its cells from here.

use super::model::{CellPath, RowKey, TableId};
use super::schema::{t3_rows, Format, Group, T2Col, T2Row, T3Col, T3Row, T4Col, T4Group};

/// `Σ left = Σ right` over cells of one table.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub left: Vec<CellPath>,
    pub right: Vec<CellPath>,
}

fn t3(row: impl Into<RowKey>, col: T3Col) -> CellPath {
    CellPath::new(TableId::T3, row, col)
}

/// T301, per column: `一 + 二 = （七） + 四` (printed in the table's header).
pub fn t3_balance(col: T3Col) -> Identity {
    Identity {
        left: vec![t3(T3Row::NewReceived, col), t3(T3Row::CarriedOver, col)],
        right: vec![
            t3(T3Row::TotalProcessed, col),
            t3(T3Row::CarriedForward, col),
        ],
    }
}

/// The outcome rows of a layout: every row but 一、二、（七）、四.
pub fn t3_outcome_rows(three_other_rows: bool) -> impl Iterator<Item = T3Row> {
    t3_rows(three_other_rows).filter(|r| !r.is_balance())
}

/// T302, per column: `（七）总计 = Σ outcome rows`. `rows` are the outcome rows (a rule may
/// put a block's subtotal in place of its missing sub-rows).
pub fn t3_outcomes(col: T3Col, rows: impl IntoIterator<Item = RowKey>) -> Identity {
    Identity {
        left: vec![t3(T3Row::TotalProcessed, col)],
        right: rows.into_iter().map(|r| t3(r, col)).collect(),
    }
}

/// T303, per row: `总计 = Σ the six applicant columns`.
pub fn t3_row_sum(row: RowKey) -> Identity {
    Identity {
        left: vec![t3(row, T3Col::Total)],
        right: T3Col::APPLICANTS.iter().map(|c| t3(row, *c)).collect(),
    }
}

/// T304, per block and column: `subtotal = Σ the block's rows`.
pub fn t3_subtotal(group: Group, three_other_rows: bool, col: T3Col) -> Identity {
    Identity {
        left: vec![t3(RowKey::Subtotal(group), col)],
        right: t3_rows(three_other_rows)
            .filter(|r| r.group() == group)
            .map(|r| t3(r, col))
            .collect(),
    }
}

/// T304, per row of a table with the non-official column: `法人或其他组织小计 = Σ the five
/// organisation columns`.
pub fn t3_legal_person_subtotal(row: RowKey) -> Identity {
    Identity {
        left: vec![t3(row, T3Col::LegalPersonSubtotal)],
        right: T3Col::ORGANISATIONS.iter().map(|c| t3(row, *c)).collect(),
    }
}

/// T401, per group: `总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`.
pub fn t4_group(group: T4Group) -> Identity {
    Identity {
        left: vec![CellPath::new(TableId::T4, group, T4Col::Total)],
        right: T4Col::RESULTS
            .iter()
            .map(|c| CellPath::new(TableId::T4, group, *c))
            .collect(),
    }
}

/// A relation between the cells of one 表二 row.
#[derive(Debug, Clone, Copy)]
pub enum T2Relation {
    /// `left ≤ Σ right` (T201, T211).
    AtMost {
        left: T2Col,
        right: &'static [T2Col],
    },
    /// `Σ terms ≥ 0` (T212).
    NonNegative { terms: &'static [T2Col] },
    /// `decisions > 0 ⇒ Σ items ≠ 0` (T213).
    NeedsItems {
        decisions: T2Col,
        items: &'static [T2Col],
    },
    /// `a = 0 ⇔ b = 0` (T214).
    BothOrNeither { a: T2Col, b: T2Col },
}

/// A 表二 relation of a rule: in which format and on which rows it holds.
#[derive(Debug, Clone, Copy)]
pub struct T2Check {
    pub code: &'static str,
    pub format: Format,
    pub rows: &'static [T2Row],
    pub relation: T2Relation,
}

const DOCS: &[T2Row] = &[T2Row::Regulations, T2Row::NormativeDocuments];

/// T201: in format B, `本年制发件数 ≤ 现行有效件数 + 本年废止件数`.
pub const T201: T2Check = T2Check {
    code: "T201",
    format: Format::B,
    rows: DOCS,
    relation: T2Relation::AtMost {
        left: T2Col::Issued,
        right: &[T2Col::InForce, T2Col::Repealed],
    },
};

/// T211: in format A, `本年新公开数量 ≤ 对外公开总数量`.
pub const T211: T2Check = T2Check {
    code: "T211",
    format: Format::A,
    rows: DOCS,
    relation: T2Relation::AtMost {
        left: T2Col::Published,
        right: &[T2Col::TotalPublic],
    },
};

/// T212: in format A, `上一年项目数量 + 本年增/减 ≥ 0`.
pub const T212: T2Check = T2Check {
    code: "T212",
    format: Format::A,
    rows: &[
        T2Row::Licensing,
        T2Row::OtherServices,
        T2Row::Punishment,
        T2Row::Coercion,
        T2Row::Fees,
    ],
    relation: T2Relation::NonNegative {
        terms: &[T2Col::Previous, T2Col::Change],
    },
};

/// T213: in format A, a row with decisions has items (`上一年项目数量 + 本年增/减 ≠ 0`).
pub const T213: T2Check = T2Check {
    code: "T213",
    format: Format::A,
    rows: &[
        T2Row::Licensing,
        T2Row::OtherServices,
        T2Row::Punishment,
        T2Row::Coercion,
    ],
    relation: T2Relation::NeedsItems {
        decisions: T2Col::Decisions,
        items: &[T2Col::Previous, T2Col::Change],
    },
};

/// T214: in format A, `采购项目数量 = 0 ⇔ 采购总金额 = 0`.
pub const T214: T2Check = T2Check {
    code: "T214",
    format: Format::A,
    rows: &[T2Row::Procurement],
    relation: T2Relation::BothOrNeither {
        a: T2Col::Count,
        b: T2Col::Amount,
    },
};

/// The 表二 relations of rules.md.
pub const T2_CHECKS: [T2Check; 5] = [T201, T211, T212, T213, T214];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_rows_of_both_layouts() {
        assert_eq!(t3_outcome_rows(false).count(), 19);
        assert_eq!(t3_outcome_rows(true).count(), 21);
        let i = t3_subtotal(Group::Unable, true, T3Col::Total);
        assert_eq!(i.right.len(), 3);
        assert_eq!(i.left[0].to_string(), "t3.unable_subtotal.total");
        assert_eq!(
            t3_balance(T3Col::NaturalPerson).right[0].to_string(),
            "t3.total_processed.natural_person"
        );
        assert!(T2_CHECKS
            .iter()
            .all(|c| c.rows.iter().all(|r| r.in_format(c.format))));
    }
}
