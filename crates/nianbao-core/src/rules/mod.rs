//! The rule registry: one file per rule, one table of codes ([`RULES`]).
//!
//! Each rule file defines `pub static RULE: Rule` with its code, kebab-case name, default
//! severity, documentation (what it checks, why it matters, an example: printed by
//! `nianbao explain CODE`) and its check function. Codes are never reused.

use crate::decimal::Decimal;
use crate::finding::{Finding, Severity};
use crate::model::{CellModel, Model, TableModel};
use crate::template::cell_label;

/// Rule documentation (summary and doc) is compiled in with the `docs` feature (CLI, JS API).
/// The web page leaves it out of its wasm and carries it as data instead
/// (`assets/rule-docs.html`, generated from this registry and checked by `tests/rules.rs`).
#[cfg(feature = "docs")]
macro_rules! doc {
    ($s:literal) => {
        $s
    };
}
#[cfg(not(feature = "docs"))]
macro_rules! doc {
    ($s:literal) => {
        ""
    };
}

mod c101;
mod c102;
mod c103;
mod c104;
mod c105;
mod c106;
mod c107;
mod c108;
mod c109;
mod c110;
mod c111;
mod c112;
mod figures;
mod n101;
mod n102;
mod n103;
mod n104;
mod n105;
mod n106;
mod n107;
mod n108;
mod n109;
mod p101;
mod p102;
mod prose;
mod s101;
mod s102;
mod s103;
mod s104;
mod s201;
mod s202;
mod s203;
mod s204;
mod s205;
mod s206;
mod s301;
mod s302;
mod s303;
mod s304;
mod s305;
mod s306;
mod s401;
mod s402;
mod s403;
mod s404;
mod s405;
mod s406;
mod s407;
mod t201;
mod t202;
mod t211;
mod t212;
mod t213;
mod t214;
mod t301;
mod t302;
mod t303;
mod t304;
mod t401;
mod x101;
mod x102;
mod x103;
mod x104;
mod x105;
mod x106;
mod x107;
mod x108;
mod x109;
mod x110;
mod x111;
mod x112;
mod x113;
mod x114;
mod x115;
mod x116;
mod y101;
mod y102;
mod y103;
mod y104;
mod y105;
mod y106;

/// What a rule sees.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub model: &'a Model,
    /// The prose split into sentences once, for the text rules (hard line wraps and inline
    /// HTML tags removed, offsets mapped back).
    pub sentences: Vec<prose::Sentence<'a>>,
    /// Table 三 figures of the prose (X101–X107), read on first use.
    figures: std::cell::OnceCell<Vec<figures::Figure>>,
    /// Last year's report (text and model), for the Y rules.
    pub previous: Option<(&'a str, &'a Model)>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, model: &'a Model) -> Self {
        Ctx {
            text,
            model,
            sentences: prose::sentences(text, model),
            figures: Default::default(),
            previous: None,
        }
    }
}

impl Ctx<'_> {
    pub(crate) fn figures(&self) -> &[figures::Figure] {
        self.figures.get_or_init(|| figures::read(self))
    }
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// The full documentation (What it checks / Why it matters / Example).
    pub doc: &'static str,
    pub check: fn(&Ctx, &mut Vec<Finding>),
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &s101::RULE,
    &s102::RULE,
    &s103::RULE,
    &s104::RULE,
    &s201::RULE,
    &s202::RULE,
    &s203::RULE,
    &s204::RULE,
    &s205::RULE,
    &s206::RULE,
    &s301::RULE,
    &s302::RULE,
    &s303::RULE,
    &s304::RULE,
    &s305::RULE,
    &s306::RULE,
    &s401::RULE,
    &s402::RULE,
    &s403::RULE,
    &s404::RULE,
    &s405::RULE,
    &s406::RULE,
    &s407::RULE,
    &n101::RULE,
    &n102::RULE,
    &n103::RULE,
    &n104::RULE,
    &n105::RULE,
    &n106::RULE,
    &n107::RULE,
    &n108::RULE,
    &n109::RULE,
    &t201::RULE,
    &t202::RULE,
    &t211::RULE,
    &t212::RULE,
    &t213::RULE,
    &t214::RULE,
    &t301::RULE,
    &t302::RULE,
    &t303::RULE,
    &t304::RULE,
    &t401::RULE,
    &x101::RULE,
    &x102::RULE,
    &x103::RULE,
    &x104::RULE,
    &x105::RULE,
    &x106::RULE,
    &x107::RULE,
    &x108::RULE,
    &x109::RULE,
    &x110::RULE,
    &x111::RULE,
    &x112::RULE,
    &x113::RULE,
    &x114::RULE,
    &x115::RULE,
    &x116::RULE,
    &c101::RULE,
    &c102::RULE,
    &c103::RULE,
    &c104::RULE,
    &c105::RULE,
    &c106::RULE,
    &c107::RULE,
    &c108::RULE,
    &c109::RULE,
    &c110::RULE,
    &c111::RULE,
    &c112::RULE,
    &y101::RULE,
    &y102::RULE,
    &y103::RULE,
    &y104::RULE,
    &y105::RULE,
    &y106::RULE,
    &p101::RULE,
    &p102::RULE,
];

/// Finds a rule by code (`T301`) or name (`t3-balance`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

pub fn run(cx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in RULES {
        (r.check)(cx, &mut out);
    }
    out
}

/// One operand of an arithmetic rule: a located cell with a usable value.
pub(crate) struct Operand<'a> {
    pub table: crate::model::TableId,
    pub row: &'a str,
    pub cell: &'a CellModel,
    pub value: Decimal,
}

impl Operand<'_> {
    /// The cell's machine path (`t3.granted.total`); built only for findings.
    pub fn path(&self) -> String {
        format!("{}.{}.{}", self.table.key(), self.row, self.cell.col)
    }
    pub fn label(&self) -> String {
        cell_label(&self.path())
    }
}

/// The operand at `row.col`, if located and numeric (blank and placeholder count as 0).
pub(crate) fn operand<'a>(t: &'a TableModel, row: &str, col: &str) -> Option<Operand<'a>> {
    let r = t.row(row)?;
    let cell = r.cell(col)?;
    Some(Operand {
        table: t.id,
        row: &r.key,
        value: cell.num()?,
        cell,
    })
}

/// Adds operands as related locations and cells.
pub(crate) fn with_operands(mut f: Finding, ops: &[&Operand]) -> Finding {
    for o in ops {
        if let Some(s) = o.cell.span {
            f = f.related(s, format!("{} = {}", o.label(), o.cell.shown()));
        }
        f = f.cell(o.path());
    }
    f
}

/// Where a cell's finding points: the cell, or its row label when the cell is blank.
pub(crate) fn cell_span(t: &TableModel, row: &str, o: &Operand) -> crate::doc::Span {
    o.cell
        .span
        .unwrap_or_else(|| t.row(row).map(|r| r.label_span).unwrap_or(t.span))
}

pub(crate) fn sum(ops: &[Operand]) -> Decimal {
    ops.iter().fold(Decimal::ZERO, |a, o| a.add(o.value))
}

/// `a + b + c` with blanks shown as 空.
pub(crate) fn terms(ops: &[Operand]) -> String {
    ops.iter()
        .map(|o| o.cell.shown())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A located cell of the official layout, with its table and row.
pub(crate) struct CellRef<'a> {
    pub table: &'a TableModel,
    pub row: &'a crate::model::RowModel,
    pub cell: &'a CellModel,
}

impl CellRef<'_> {
    pub fn path(&self) -> String {
        self.table.path(&self.row.key, &self.cell.col)
    }
    /// Amount cells: `t2.procurement.amount` (A) and `t2.fees.amount_10k_yuan` (B).
    pub fn is_amount(&self) -> bool {
        self.table.id == crate::model::TableId::T2
            && matches!(
                (self.row.key.as_str(), self.cell.col.as_str()),
                ("procurement", "amount") | ("fees", "amount_10k_yuan")
            )
    }
}

/// Every located cell of the official layout.
pub(crate) fn official_cells(m: &Model) -> impl Iterator<Item = CellRef<'_>> {
    [m.t2.as_ref(), m.t3.as_ref(), m.t4.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|t| {
            t.rows
                .iter()
                .filter(|r| r.kind == crate::model::RowKind::Official && r.shape_error.is_none())
                .flat_map(move |r| {
                    r.cells.iter().map(move |c| CellRef {
                        table: t,
                        row: r,
                        cell: c,
                    })
                })
        })
}

/// `total` must equal the sum of `parts`. Skipped (None) when any operand is missing or
/// not numeric. Primary: the total cell; related: the parts.
pub(crate) fn sum_check<'a>(
    rule: &Rule,
    t: &'a TableModel,
    total: (&str, &str),
    parts: &[(&str, &str)],
    message: String,
    formula: &str,
) -> Option<Finding> {
    let tot = operand(t, total.0, total.1)?;
    let ops: Vec<Operand> = parts
        .iter()
        .map(|(r, c)| operand(t, r, c))
        .collect::<Option<_>>()?;
    let s = sum(&ops);
    if s == tot.value {
        return None;
    }
    let f = Finding::new(rule, message)
        .at(cell_span(t, total.0, &tot))
        .formula(format!("{formula}：{} = {}", terms(&ops), s))
        .expected(s.to_string())
        .actual(tot.cell.shown())
        .cell(tot.path())
        .help("核对该合计及其各项数据");
    Some(with_operands(f, &ops.iter().collect::<Vec<_>>()))
}

/// The official value columns of 表三 (without the non-official subtotal column).
pub(crate) const T3_VALUE_COLS: [&str; 7] = [
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
];

/// One finding per table for the cells `pick` selects: `first` builds it from the table's
/// first such cell; the other cells are added to its `cells`.
pub(crate) fn one_per_table<'a>(
    m: &'a Model,
    out: &mut Vec<Finding>,
    pick: impl Fn(&CellRef<'a>) -> bool,
    first: impl Fn(&CellRef<'a>) -> Finding,
) {
    let mut current: Option<(crate::model::TableId, Finding)> = None;
    for x in official_cells(m).filter(|x| pick(x)) {
        match &mut current {
            Some((id, f)) if *id == x.table.id => f.cells.push(x.path()),
            _ => {
                out.extend(current.take().map(|(_, f)| f));
                current = Some((x.table.id, first(&x).cell(x.path())));
            }
        }
    }
    out.extend(current.map(|(_, f)| f));
}

/// Full agency names and their usual short forms (format.md §9.8), and `政府` for `人民政府`.
pub(crate) const ALIASES: &[(&str, &str)] = &[
    ("科学技术局", "科技局"),
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("卫生健康委员会", "卫健委"),
    ("卫生和健康委员会", "卫健委"),
    ("人力资源和社会保障局", "人社局"),
    ("住房和城乡建设局", "住建局"),
    ("市场监督管理局", "市监局"),
    ("教育体育局", "教体局"),
    ("人民政府", "政府"),
];

/// An agency name in a comparable form: the short forms of [`ALIASES`], no spaces.
pub(crate) fn agency_key(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| !crate::normalize::is_space(*c))
        .collect();
    for (long, short) in ALIASES {
        if s.contains(long) {
            s = s.replace(long, short);
        }
    }
    s
}

/// Same agency after aliasing; a region prefix above the agency's own may be written or
/// not (`淮安市洪泽区人民政府` = `洪泽区人民政府`).
pub(crate) fn same_agency(a: &str, b: &str) -> bool {
    let (a, b) = (agency_key(a), agency_key(b));
    let (long, short) = if a.len() >= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    long == short
        || (long.ends_with(short.as_str())
            && short.chars().count() >= 3
            && long[..long.len() - short.len()].ends_with(['省', '市', '州', '盟']))
}

/// Last year's report, when it is the same agency's report of the year before (Y106 reports
/// otherwise, and the progression rules Y101–Y103 are then skipped).
pub(crate) fn previous_matching<'a>(cx: &Ctx<'a>) -> Option<(&'a str, &'a Model)> {
    let (t, p) = cx.previous?;
    (!previous_mismatch(cx.model, p)).then_some((t, p))
}

/// Y106's condition: the year is not the one before, or the agency differs.
pub(crate) fn previous_mismatch(m: &Model, p: &Model) -> bool {
    let year = matches!((m.year, p.year), (Some(a), Some(b)) if b != a - 1);
    let agency = matches!((&m.agency, &p.agency), (Some(a), Some(b)) if !same_agency(a, b));
    year || agency
}
