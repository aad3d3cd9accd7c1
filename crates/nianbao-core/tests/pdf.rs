//! The PDF reader on small hand-written PDFs (`scripts/pdf-seeds.py` writes them into
//! tests/fixtures/pdf; they are the fuzzer's seeds too): each kind of font, rules stroked
//! and filled, compressed content, an xref stream with an object stream, two pages, a scan
//! and an encrypted file.

use nianbao_core::{input, Refusal, Shape};
use std::path::Path;

fn read(name: &str) -> Result<String, Refusal> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    let bytes = std::fs::read(path).unwrap();
    input::read(&bytes).map(|r| {
        assert_eq!(r.shape, Some(Shape::Pdf));
        r.text.into_owned()
    })
}

#[test]
fn a_standard_font_without_widths_keeps_its_words_and_letters() {
    // Helvetica with no /Widths: words apart, letters in order; a table of stroked rules
    // with a blank cell; the page number `- 1 -` dropped
    assert_eq!(
        read("simple.pdf").unwrap(),
        "Annual report 2023\nItem\tA\tB\nRules\t3\t1\nTotal\t4\t\n"
    );
}

#[test]
fn an_identity_h_font_maps_through_its_to_unicode_cmap() {
    // bfchar and bfrange, Flate-compressed content, a table of filled rectangles with
    // blank cells
    assert_eq!(
        read("type0.pdf").unwrap(),
        "示例市科学技术局年政府信息公开工作年度报告\n一、总体情况\n\t\t总计\n本年新收申请数量\t\t3\n予以公开\t\t2\n"
    );
}

#[test]
fn a_type3_font_and_a_simple_font_s_two_byte_codespace() {
    // the CMap says two-byte codes, but a simple font's codes are single bytes; the
    // page number at the foot is dropped
    let text = read("type3.pdf").unwrap();
    assert!(text.starts_with("结果维持1\n"), "{text}");
    assert!(!text.trim_end().ends_with('1'), "{text}");
}

#[test]
fn pages_apart_by_a_form_feed_and_objects_in_an_object_stream() {
    // the font is in an object stream found through the xref stream
    assert_eq!(
        read("two-pages.pdf").unwrap(),
        "Row 0\t0\nRow 1\t1\nRow 2\t2\nRow 3\t3\n\u{c}\nRow 4\t1\nRow 5\t2\nRow 6\t3\nRow 7\t4\n"
    );
}

#[test]
fn a_table_without_rules_reads_by_its_columns() {
    // the header's wrapped cells one row, the wrapped label one cell with its number, the
    // blank cell kept
    assert_eq!(
        read("borderless.pdf").unwrap(),
        "Annual report 2023\nItem\tNew made\tIn force\nRules\t3\t1\nNormative documents\t5\t\nTotal\t8\t1\n"
    );
}

#[test]
fn a_scan_and_an_encrypted_file_are_refused() {
    assert_eq!(read("scan.pdf").unwrap_err(), Refusal::PdfScanned);
    assert_eq!(read("encrypted.pdf").unwrap_err(), Refusal::PdfEncrypted);
}
