//! Which sentences speak of the report's own year and scope (rules.md, X).

use super::keywords::{kw, Kw};
use super::sentences::Sentence;
use crate::base::find_year;
use crate::structure::{Kind, Meta};

/// What a report speaks of: its agency's kind, its own scope (`全市` for a city
/// government), its year.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub kind: Option<Kind>,
    pub year: Option<i32>,
    /// `全市` for a city government (`淮安市人民政府`), `全区` for a district, …
    own: Option<String>,
}

impl Scope {
    pub fn of(meta: &Meta) -> Self {
        Scope {
            kind: meta.kind,
            year: meta.year,
            own: own_scope(meta.kind, meta.agency.as_deref()),
        }
    }

    /// Sentences the text-vs-table rules must not compare (rules.md, X): another year as
    /// the subject, another scope, cumulative figures, comparisons. `全市` is another scope
    /// except in a city government's own report (and so on for 区, 县, 省).
    pub fn excludes(&self, sn: &Sentence) -> bool {
        const SCOPE: &[(Kw, &str)] = &[
            (kw::全市, "全市"),
            (kw::全省, "全省"),
            (kw::全区, "全区"),
            (kw::全县, "全县"),
            (kw::全州, "全州"),
            (kw::全旗, "全旗"),
            (kw::各部门, "各部门"),
            (kw::各单位, "各单位"),
            (kw::累计, "累计"),
            (kw::近三年, "近三年"),
            (kw::同比, "同比"),
            (kw::较上年, "较上年"),
            (kw::增长, "增长"),
            (kw::下降, "下降"),
        ];
        if SCOPE
            .iter()
            .any(|(k, w)| sn.has(*k) && Some(*w) != self.own.as_deref())
            || (sn.has(kw::自) && sn.has(kw::以来))
        {
            return true;
        }
        if self.kind == Some(Kind::Department) && sn.has(kw::乡镇) {
            return true;
        }
        // a government report's sentence about its general office only (`区政府办代表区政府受理…`)
        if self.kind == Some(Kind::Government)
            && sn.has_any(&[kw::政府办, kw::办公室, kw::办公厅, kw::本级, kw::代表])
        {
            return true;
        }
        match (self.year, find_year(&sn.text)) {
            (Some(y), Some((sy, _, _))) => sy != y,
            _ => false,
        }
    }
}

fn own_scope(kind: Option<Kind>, agency: Option<&str>) -> Option<String> {
    if kind != Some(Kind::Government) {
        return None;
    }
    let a = agency?;
    let i = a.find("人民政府").or_else(|| a.find("政府"))?;
    let level = a[..i].chars().next_back()?;
    "市区县省州旗".contains(level).then(|| format!("全{level}"))
}
