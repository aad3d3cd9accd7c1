//! One finding per problem (rules.md): a condition seen in many cells of one table is one
//! finding for that table, with every cell and the count in its message.

mod common;
use common::*;
use nianbao_core::tables::Format;

#[test]
fn blank_rows_of_one_table_are_one_finding() {
    let mut rng = Rng(11);
    let mut t = tables(&mut rng, Format::B);
    let rows = t.t3.len();
    for r in &mut t.t3 {
        for (col, v) in &mut r.cells {
            if *col == "commercial" {
                v.clear();
            }
        }
    }
    let r = nianbao_core::check_text(&report(&t, Shape::Tabs), None).unwrap();
    let n101: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == "N101" && f.cells.iter().any(|c| c.table.key() == "t3"))
        .collect();
    assert_eq!(
        n101.len(),
        1,
        "{:?}",
        n101.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert_eq!(
        n101[0].message,
        format!("表三 {rows} 行有空白单元格（共 {rows} 个），已按0计算")
    );
    assert_eq!(n101[0].cells.len(), rows);
}

#[test]
fn rows_missing_in_two_places_are_one_finding() {
    let mut rng = Rng(5);
    let mut t = tables(&mut rng, Format::B);
    let first = t.t3.remove(1).label;
    let second = t.t3.remove(9).label;
    let r = nianbao_core::check_text(&report(&t, Shape::Tabs), None).unwrap();
    let s402: Vec<_> = r.findings.iter().filter(|f| f.code == "S402").collect();
    assert_eq!(
        s402.len(),
        1,
        "{:?}",
        s402.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert_eq!(s402[0].message, format!("表三缺少2行（2处）：“{first}”等"));
    assert_eq!(
        s402[0].expected.as_deref(),
        Some(format!("{first}、{second}").as_str())
    );
    assert_eq!(s402[0].related.len(), 1);
    assert!(
        s402[0].related[0].label.contains(second),
        "{:?}",
        s402[0].related
    );
}
