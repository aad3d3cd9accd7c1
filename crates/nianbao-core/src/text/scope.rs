//! Which sentences speak of the report's own year and scope (rules.md, X).

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
    pub fn excludes(&self, sentence: &str) -> bool {
        const SCOPE: &[&str] = &[
            "全市",
            "全省",
            "全区",
            "全县",
            "全州",
            "全旗",
            "各部门",
            "各单位",
            "累计",
            "近三年",
            "同比",
            "较上年",
            "增长",
            "下降",
        ];
        if SCOPE
            .iter()
            .any(|k| sentence.contains(k) && Some(*k) != self.own.as_deref())
            || (sentence.contains('自') && sentence.contains("以来"))
        {
            return true;
        }
        if self.kind == Some(Kind::Department) && sentence.contains("乡镇") {
            return true;
        }
        // a government report's sentence about its general office only (`区政府办代表区政府受理…`)
        if self.kind == Some(Kind::Government)
            && ["政府办", "办公室", "办公厅", "本级", "代表"]
                .iter()
                .any(|k| sentence.contains(k))
        {
            return true;
        }
        match (self.year, find_year(sentence)) {
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
