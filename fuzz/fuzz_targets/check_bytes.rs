//! Any bytes: `check_bytes` never panics, and every span of the report is in bounds, on
//! character boundaries, and a cell's span holds its raw text. With the first byte odd,
//! the input is split in two: this year's report and last year's (the Y rules run).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::{check_bytes, input, Options, Span};

fn ok(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    let (this, previous) = match data.first() {
        Some(b) if b & 1 == 1 && data.len() > 2 => {
            let mid = 1 + (data.len() - 1) / 2;
            (&data[mid..], Some(String::from_utf8_lossy(&data[1..mid]).into_owned()))
        }
        _ => (data, None),
    };
    let options = Options {
        previous: previous.clone(),
        ..Default::default()
    };
    let Ok(r) = check_bytes(this, &options) else {
        return;
    };
    // what the spans point into: the decoded text, or a Word document's extracted text
    let text = match input::read(this) {
        Ok(r) => r.text.into_owned(),
        Err(_) => return,
    };
    let prev = previous.unwrap_or_default();
    for f in &r.findings {
        if let Some(s) = f.span {
            assert!(ok(&text, s), "{} {s:?}", f.code);
        }
        for rel in &f.related {
            let t = if rel.input.is_some() { &prev } else { &text };
            assert!(ok(t, rel.span), "{} related {:?}", f.code, rel.span);
        }
        let _ = nianbao_core::Report::dismissal_key(f, &text);
    }
    for s in &r.sections {
        assert!(ok(&text, s.span));
    }
    for t in [&r.tables.t2, &r.tables.t3, &r.tables.t4].into_iter().flatten() {
        for (_, row) in &t.rows.0 {
            assert!(ok(&text, row.label_span));
            for (_, c) in &row.cells.0 {
                if let Some(s) = c.span {
                    assert!(ok(&text, s));
                    assert_eq!(&text[s.start..s.end], c.raw);
                }
            }
        }
    }
    let _ = serde_json::to_string(&r).unwrap();
});
