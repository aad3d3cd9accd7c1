//! Word documents (.docx): the synthetic fixture (scripts/gen-docx.py) reads as exactly the
//! sample's text and gets the sample's findings; the real reports of `../shared/corpus/office`
//! (when present) give the same table cells as the same reports' saved pages; damaged and
//! foreign archives are refused with their own messages.

use nianbao_core::{check_bytes, check_text, input, Refusal, Report, Shape};
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// Every cell value of every table, by path.
fn cells(r: &Report) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (t, table) in [
        ("t2", &r.tables.t2),
        ("t3", &r.tables.t3),
        ("t4", &r.tables.t4),
    ] {
        let Some(table) = table else { continue };
        for (row, rv) in &table.rows.0 {
            for (col, c) in &rv.cells.0 {
                out.push((format!("{t}.{row}.{col}"), c.raw.clone()));
            }
        }
    }
    out
}

#[test]
fn the_fixture_reads_as_the_sample() {
    let docx = std::fs::read(fixtures().join("sample-2021.docx")).unwrap();
    let sample = std::fs::read_to_string(fixtures().join("sample-2021.txt")).unwrap();
    let read = input::read(&docx).unwrap();
    assert_eq!(read.shape, Some(Shape::Docx));
    // numbered headings, merged cells, the tracked change and the field give back the text
    assert_eq!(read.text.trim_end(), sample.trim_end());
    let from_docx = check_bytes(&docx, &Default::default()).unwrap();
    let from_text = check_text(&read.text, None).unwrap();
    assert_eq!(from_docx.source.shape, Shape::Docx);
    let findings = |r: &Report| -> Vec<_> { r.findings.iter().map(|f| (f.code, f.span)).collect() };
    assert_eq!(findings(&from_docx), findings(&from_text));
    // the six numbered headings were found (their numbers come from numbering.xml)
    assert_eq!(
        from_docx
            .sections
            .iter()
            .filter(|s| s.key.is_some())
            .count(),
        6
    );
    assert_eq!(cells(&from_docx), cells(&from_text));
    assert!(from_docx.tables.t3.as_ref().is_some_and(|t| t.complete));
}

#[test]
fn damaged_and_foreign_archives_are_refused() {
    let docx = std::fs::read(fixtures().join("sample-2021.docx")).unwrap();
    // cut short: the archive's directory is gone
    assert_eq!(
        input::read(&docx[..docx.len() / 2]).unwrap_err(),
        Refusal::Damaged
    );
    // a zip without a Word document (a spreadsheet, say) is not read as one
    let xlsx = b"PK\x03\x04\x14\x00\x00\x00\x00\x00xl/workbook.xml";
    assert_eq!(input::read(xlsx).unwrap_err(), Refusal::Zip);
    assert!(!Refusal::Damaged.message().is_empty());
}

#[test]
fn real_word_documents_read_like_their_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !root.join("office").is_dir() {
        eprintln!("skipped: ../shared/corpus/office not found");
        return;
    }
    let mut seen = 0;
    for year in ["2019", "2021"] {
        let docx = root.join(format!("office/{year}/{year}-zone-pingtan.docx"));
        let html = root.join(format!("{year}/{year}-zone-pingtan.html"));
        if !docx.exists() || !html.exists() {
            continue;
        }
        let a = check_bytes(&std::fs::read(&docx).unwrap(), &Default::default()).unwrap();
        let b = check_bytes(&std::fs::read(&html).unwrap(), &Default::default()).unwrap();
        for t in [&a.tables.t2, &a.tables.t3, &a.tables.t4] {
            assert!(t.as_ref().is_some_and(|t| t.complete), "{}", docx.display());
        }
        let (ca, cb) = (cells(&a), cells(&b));
        assert!(ca.len() >= 190, "{}: {} cells", docx.display(), ca.len());
        assert_eq!(ca, cb, "{}", docx.display());
        assert_eq!(a.meta.year, Some(year.parse().unwrap()));
        seen += 1;
    }
    assert!(seen > 0);
}
