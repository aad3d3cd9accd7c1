//! The suspect cell (rules.md, report-json.md `suspect`), as a property: for any balanced
//! synthetic 表三 and any single changed cell, every 表三 arithmetic finding names exactly
//! that cell with its original value; with two cells of one row changed, none is named.

mod common;
use common::*;
use nianbao_core::tables::schema::T3Row;
use nianbao_core::tables::Format;

fn t3_findings(text: &str) -> Vec<nianbao_core::Finding> {
    let r = nianbao_core::check_text(text, None).unwrap();
    r.findings
        .into_iter()
        .filter(|f| f.code.starts_with("T3"))
        .collect()
}

#[test]
fn one_changed_cell_is_named_with_its_value() {
    let mut named = 0;
    for seed in 1..=120u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let format = if seed % 2 == 0 { Format::A } else { Format::B };
        let mut t = tables(&mut rng, format);
        balance(&mut t, &mut rng);
        let shape = SHAPES[(seed % SHAPES.len() as u64) as usize];
        assert!(
            t3_findings(&report(&t, shape)).is_empty(),
            "seed {seed}: the balanced table has 表三 findings"
        );
        let row = t.t3[rng.below(t.t3.len() as u64) as usize].key;
        let cols: Vec<&'static str> = t.t3[0].cells.iter().map(|(c, _)| *c).collect();
        let col = cols[rng.below(cols.len() as u64) as usize];
        let original = value(&t, row, col);
        set(&mut t, row, col, original + 1 + rng.below(40));
        let found = t3_findings(&report(&t, shape));
        assert!(
            !found.is_empty(),
            "seed {seed}: t3.{row}.{col} changed, no finding"
        );
        for f in &found {
            let s = f.suspect.as_ref().unwrap_or_else(|| {
                panic!(
                    "seed {seed} {shape:?}: {} has no suspect ({})",
                    f.code, f.message
                )
            });
            assert_eq!(s.cell.to_string(), format!("t3.{row}.{col}"), "seed {seed}");
            assert_eq!(s.expected, original.to_string(), "seed {seed}");
            named += 1;
        }
    }
    assert!(named >= 240, "{named}");
}

#[test]
fn two_changed_cells_of_one_row_are_not_guessed() {
    for seed in 1..=60u64 {
        let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D));
        let mut t = tables(&mut rng, Format::B);
        balance(&mut t, &mut rng);
        let row = T3Row::Granted.key();
        let a = value(&t, row, "natural_person");
        let b = value(&t, row, "other_org");
        set(&mut t, row, "natural_person", a + 1 + rng.below(9));
        set(&mut t, row, "other_org", b + 2 + rng.below(9));
        let found = t3_findings(&report(&t, Shape::Tabs));
        assert!(!found.is_empty(), "seed {seed}");
        assert!(
            found.iter().all(|f| f.suspect.is_none()),
            "seed {seed}: {:?}",
            found.iter().map(|f| &f.suspect).collect::<Vec<_>>()
        );
    }
}

/// `summary.tables`: a balanced 表三 is `ok`; one wrong cell makes it `errors`; with its
/// findings dismissed it is `ok` again.
#[test]
fn summary_tables_follow_the_findings_on_each_table() {
    use nianbao_core::report::TableState;
    let mut rng = Rng(7);
    let mut t = tables(&mut rng, Format::B);
    balance(&mut t, &mut rng);
    let text = report(&t, Shape::Tabs);
    let r = nianbao_core::check_text(&text, None).unwrap();
    assert_eq!(r.summary.tables.t3, TableState::Ok);
    let v = value(&t, "granted", "natural_person");
    set(&mut t, "granted", "natural_person", v + 3);
    let text = report(&t, Shape::Tabs);
    let mut r = nianbao_core::check_text(&text, None).unwrap();
    assert_eq!(r.summary.tables.t3, TableState::Errors);
    let keys: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.cells.iter().any(|c| c.table.key() == "t3"))
        .map(|f| nianbao_core::Report::dismissal_key(f, &text))
        .collect();
    r.apply_dismissals(&text, |k| {
        keys.contains(&k.to_string()).then(|| "核对".to_string())
    });
    assert_eq!(r.summary.tables.t3, TableState::Ok);
    // a report without 表四 says so
    let cut = text.find("四、政府信息公开行政复议").unwrap();
    let r = nianbao_core::check_text(&text[..cut], None).unwrap();
    assert_eq!(r.summary.tables.t4, TableState::Missing);
}

/// Adds `d` to a cell of an outcome row, keeping 表三 balanced.
fn adjust(t: &mut Tables, row: &str, col: &str, d: i64) {
    for (r, c) in [
        (row, col),
        (row, "total"),
        ("total_processed", col),
        ("total_processed", "total"),
        ("new_received", col),
        ("new_received", "total"),
    ] {
        let v = value(t, r, c) as i64 + d;
        set(t, r, c, v as u64);
    }
}

/// Split digits: `12` `0` read as `1` `2` — the row's T303 says what the cells should be.
#[test]
fn split_digits_are_pointed_out() {
    for seed in 1..=20u64 {
        let mut rng = Rng(seed.wrapping_mul(0x5851_F42D_4C95_7F2D));
        let mut t = tables(&mut rng, Format::B);
        balance(&mut t, &mut rng);
        let row = "granted";
        let n = value(&t, row, "natural_person") as i64;
        adjust(
            &mut t,
            row,
            "natural_person",
            12 + (seed as i64 % 7) * 10 - n,
        );
        let c = value(&t, row, "commercial") as i64;
        adjust(&mut t, row, "commercial", -c);
        let whole = value(&t, row, "natural_person").to_string();
        let (a, b) = whole.split_at(1);
        set(&mut t, row, "natural_person", a.parse().unwrap());
        set(&mut t, row, "commercial", b.parse().unwrap());
        let found = t3_findings(&report(&t, Shape::Tabs));
        let t303 = found
            .iter()
            .find(|f| f.code == "T303")
            .unwrap_or_else(|| panic!("seed {seed}: no T303"));
        assert_eq!(
            t303.help.as_deref(),
            Some(format!("可能是数字被拆分到相邻单元格：“自然人”列的 {a} 与“商业企业”列的 {b} 应为 {whole} 与 0").as_str()),
            "seed {seed}"
        );
        assert!(t303.suspect.is_none(), "seed {seed}: two cells, no suspect");
    }
}
