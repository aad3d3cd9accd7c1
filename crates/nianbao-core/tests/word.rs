//! Word documents (.docx, .doc) and PDFs: the synthetic fixtures (scripts/gen-docx.py) read as exactly
//! the sample's text and get the sample's findings; the real reports of
//! `../shared/corpus/office` (when present) give the same table cells as the same reports'
//! saved pages; damaged and foreign files are refused with their own messages.

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

/// A Word fixture made from `sample-2021.txt` reads back as exactly its text (numbered
/// headings, merged cells, the tracked change and the field included) and gets the same
/// findings and cells as that text.
fn reads_as_the_sample(name: &str, shape: Shape) {
    let file = std::fs::read(fixtures().join(name)).unwrap();
    let sample = std::fs::read_to_string(fixtures().join("sample-2021.txt")).unwrap();
    let read = input::read(&file).unwrap();
    assert_eq!(read.shape, Some(shape));
    assert_eq!(read.text.trim_end(), sample.trim_end(), "{name}");
    let from_file = check_bytes(&file, &Default::default()).unwrap();
    let from_text = check_text(&sample, None).unwrap();
    assert_eq!(from_file.source.shape, shape);
    let findings = |r: &Report| -> Vec<_> { r.findings.iter().map(|f| (f.code, f.span)).collect() };
    assert_eq!(findings(&from_file), findings(&from_text), "{name}");
    assert_eq!(cells(&from_file), cells(&from_text), "{name}");
    // the six numbered headings were found (their numbers come from the list definitions)
    let sections = from_file
        .sections
        .iter()
        .filter(|s| s.key.is_some())
        .count();
    assert_eq!(sections, 6, "{name}");
    assert!(
        from_file.tables.t3.as_ref().is_some_and(|t| t.complete),
        "{name}"
    );
}

#[test]
fn the_docx_fixture_reads_as_the_sample() {
    reads_as_the_sample("sample-2021.docx", Shape::Docx);
}

#[test]
fn the_doc_fixture_reads_as_the_sample() {
    // the .docx fixture saved by LibreOffice as Word 97–2003
    reads_as_the_sample("sample-2021.doc", Shape::Doc);
}

/// The sample printed to PDF by LibreOffice (from the .docx, with one wrong 表三 total) and by
/// Chromium (as a page with ruled tables, and with tables drawn without rules, read by their
/// columns' positions): the text is the sample's, page breaks and blank lines aside; the same
/// findings and cells; and every location carries its page.
#[test]
fn the_pdf_fixtures_read_as_the_sample_with_pages() {
    let sample = std::fs::read_to_string(fixtures().join("sample-2021.txt")).unwrap();
    // the mistake scripts/gen-docx.py makes in sample-2021.pdf
    let wrong = sample.replace(
        "（一）予以公开\t5\t1\t0\t0\t0\t0\t6",
        "（一）予以公开\t5\t1\t0\t0\t0\t0\t7",
    );
    assert_ne!(wrong, sample);
    for (name, pages, sample) in [
        ("sample-2021.pdf", 5, &wrong),
        ("sample-2021.chromium.pdf", 4, &sample),
        ("sample-2021.borderless.pdf", 4, &sample),
    ] {
        let from_text = check_text(sample, None).unwrap();
        let file = std::fs::read(fixtures().join(name)).unwrap();
        let read = input::read(&file).unwrap();
        assert_eq!(read.shape, Some(Shape::Pdf));
        assert_eq!(read.text.matches('\u{c}').count(), pages - 1, "{name}");
        let lines = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.is_empty() && *l != "\u{c}")
                .map(str::to_string)
                .collect()
        };
        assert_eq!(lines(&read.text), lines(sample), "{name}");
        let r = check_bytes(&file, &Default::default()).unwrap();
        assert_eq!(r.source.shape, Shape::Pdf);
        let codes = |r: &Report| -> Vec<_> { r.findings.iter().map(|f| f.code).collect() };
        assert_eq!(codes(&r), codes(&from_text), "{name}");
        assert_eq!(cells(&r), cells(&from_text), "{name}");
        // the page of an offset: one more than the page breaks before it
        let page = |at: usize| 1 + read.text[..at].matches('\u{c}').count();
        let mut seen = std::collections::BTreeSet::new();
        for f in &r.findings {
            assert_eq!(f.page, f.span.map(|s| page(s.start)), "{name} {}", f.code);
            seen.extend(f.page);
            for rel in &f.related {
                assert_eq!(rel.page, Some(page(rel.span.start)), "{name} {}", f.code);
                seen.extend(rel.page);
            }
        }
        if name == "sample-2021.pdf" {
            // T303 and T302 on the wrong total; T302's operands run over the page break
            assert!(codes(&r).contains(&"T302"), "{name}");
            assert!(seen.len() >= 2, "{name}: findings on pages {seen:?}");
        }
        let mut seen = std::collections::BTreeSet::new();
        for t in [&r.tables.t2, &r.tables.t3, &r.tables.t4] {
            for (_, row) in &t.as_ref().unwrap().rows.0 {
                for (_, c) in &row.cells.0 {
                    let s = c.span.unwrap();
                    assert_eq!(c.page, Some(page(s.start)), "{name}");
                    seen.insert(c.page.unwrap());
                }
            }
        }
        // the tables run over more than one page, and the pages are in the JSON
        assert!(seen.len() >= 2, "{name}: cells on pages {seen:?}");
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"page\":"), "{name}");
        // other inputs carry no page
        let json = serde_json::to_string(&from_text).unwrap();
        assert!(!json.contains("\"page\""), "{name}");
    }
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
    // a .doc cut short, and a compound file that is not a Word document
    let doc = std::fs::read(fixtures().join("sample-2021.doc")).unwrap();
    assert!(matches!(
        input::read(&doc[..doc.len() / 3]),
        Err(Refusal::Damaged | Refusal::Compound)
    ));
    let mut xls = doc.clone();
    // rename the WordDocument stream's directory entry: no Word document any more
    let name: Vec<u8> = "WordDocument"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let i = xls
        .windows(name.len())
        .position(|w| w == &name[..])
        .unwrap();
    xls[i] = b'X';
    assert_eq!(input::read(&xls).unwrap_err(), Refusal::Compound);
}

#[test]
fn scanned_encrypted_and_broken_pdfs_are_refused_with_their_own_messages() {
    // a page that only draws an image: a scan
    let scan = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]>>endobj\n3 0 obj<</Type/Page/Resources<</XObject<</Im0 5 0 R>>>>/Contents 4 0 R>>endobj\n4 0 obj<</Length 30>>stream\nq 600 0 0 800 0 0 cm /Im0 Do Q\nendstream endobj\n5 0 obj<</Type/XObject/Subtype/Image/Width 1/Height 1/BitsPerComponent 8/ColorSpace/DeviceGray/Length 1>>stream\n\x00\nendstream endobj\ntrailer<</Root 1 0 R>>";
    assert_eq!(input::read(scan).unwrap_err(), Refusal::PdfScanned);
    assert_eq!(
        Refusal::PdfScanned.message(),
        "该 PDF 是扫描图像，不含可读取的文字"
    );
    let encrypted = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R/Encrypt 9 0 R>>";
    assert_eq!(input::read(encrypted).unwrap_err(), Refusal::PdfEncrypted);
    assert_eq!(
        input::read(b"%PDF-1.7\n%%EOF").unwrap_err(),
        Refusal::PdfDamaged
    );
    // a real export cut anywhere: a refusal or a partial reading, never a panic
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/office/2021");
    for name in [
        "2021-zone-pingtan.libreoffice.pdf",
        "2021-zone-pingtan.chromium.pdf",
    ] {
        let Ok(pdf) = std::fs::read(root.join(name)) else {
            continue;
        };
        for cut in [10, 1000, pdf.len() / 3, pdf.len() / 2, pdf.len() - 100] {
            let _ = check_bytes(&pdf[..cut], &Default::default());
        }
    }
}

#[test]
fn real_word_documents_read_like_their_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !root.join("office").is_dir() {
        eprintln!("skipped: ../shared/corpus/office not found");
        return;
    }
    let mut seen = 0;
    for (year, ext) in [
        ("2019", "docx"),
        ("2021", "docx"),
        ("2019", "doc"),
        ("2021", "doc"),
        ("2019", "libreoffice.pdf"),
        ("2021", "libreoffice.pdf"),
        ("2019", "chromium.pdf"),
        ("2021", "chromium.pdf"),
    ] {
        let docx = root.join(format!("office/{year}/{year}-zone-pingtan.{ext}"));
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
        if ext.ends_with("pdf") {
            assert_eq!(a.source.shape, Shape::Pdf);
        }
        seen += 1;
    }
    assert!(seen > 0);
}
