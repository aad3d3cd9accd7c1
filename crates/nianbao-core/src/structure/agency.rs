//! Agency names compared across a report and last year's (format.md §9.8).

use crate::base::normalize::is_space;

/// Full agency names and their usual short forms, and `政府` for `人民政府`.
pub const ALIASES: &[(&str, &str)] = &[
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
pub fn agency_key(name: &str) -> String {
    let mut s: String = name.chars().filter(|c| !is_space(*c)).collect();
    for (long, short) in ALIASES {
        if s.contains(long) {
            s = s.replace(long, short);
        }
    }
    s
}

/// Same agency after aliasing; a region prefix above the agency's own may be written or
/// not (`淮安市洪泽区人民政府` = `洪泽区人民政府`).
pub fn same_agency(a: &str, b: &str) -> bool {
    same_key(&agency_key(a), &agency_key(b))
}

/// [`same_agency`] of two names already in their comparable form ([`agency_key`]).
pub fn same_key(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    long == short
        || (long.ends_with(short)
            && short.chars().count() >= 3
            && long[..long.len() - short.len()].ends_with(['省', '市', '州', '盟']))
}
