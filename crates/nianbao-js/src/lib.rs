//! The JS API: `check(text, options?)` returns the report of the JSON contract
//! (`nianbao-report/1`) as a plain JS object, the same document as `nianbao check
//! --format json`; `checkFile(bytes, options?)` does the same for a file's bytes (text in
//! UTF-8 or UTF-16, HTML, .docx, .doc, a PDF with text: the readers of the CLI; a PDF's
//! findings and cells carry their `page`), and `fileText(bytes)` returns the text the spans
//! of such a report point into. Built by `scripts/build-js` into
//! `dist/js/nianbao.js` + its wasm.
//!
//! ```js
//! import init, { check } from './js/nianbao.js';
//! await init();
//! const report = check(text, { name: '某局2023年报告.txt' });
//! // with last year's report (cross-year rules) and a known publication date (P rules):
//! const r2 = check(text, { previous: lastYearText, published: '2024-01-20' });
//! console.log(report.summary.errors, report.findings);
//! // a file, e.g. from <input type=file>: new Uint8Array(await file.arrayBuffer())
//! const r3 = checkFile(bytes, { name: file.name });
//! ```

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Checks a report. Options (all optional): `name` becomes `source.name`; `previous` is
/// last year's report (text) for the cross-year rules, `previousName` its name; `published`
/// is the publication date (`2024-01-20`) for the P rules. An empty text throws an `Error`
/// whose message is `文件为空`.
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    // an empty text is refused: the error carries the Chinese message (`文件为空`)
    let report = nianbao_core::check_with(text, &read_options(&options))
        .map_err(|r| JsError::new(r.message()))?;
    to_js(&report)
}

/// Checks a file's bytes (the options of [`check`]), sniffed by content: a .docx, a .doc
/// or a PDF is read as its text; other binary files (scanned or encrypted PDFs, images,
/// spreadsheets), damaged and empty files throw an `Error` whose message says why, in
/// Chinese.
#[wasm_bindgen(js_name = checkFile)]
pub fn check_file(bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    let report = nianbao_core::check_bytes(bytes, &read_options(&options))
        .map_err(|r| JsError::new(r.message()))?;
    to_js(&report)
}

/// The text the checker reads from a file's bytes (a Word document's or a PDF's extracted
/// text: cells separated by tabs, rows by lines, a PDF's pages by a form feed line): what the spans of [`check_file`]'s report point into.
#[wasm_bindgen(js_name = fileText)]
pub fn file_text(bytes: &[u8]) -> Result<String, JsError> {
    nianbao_core::input::read(bytes)
        .map(|r| r.text.into_owned())
        .map_err(|r| JsError::new(r.message()))
}

fn to_js(report: &nianbao_core::Report) -> Result<JsValue, JsError> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The options object of [`check`] and [`check_file`].
fn read_options(options: &JsValue) -> nianbao_core::Options {
    let opt = |key: &str| {
        if options.is_object() {
            js_sys::Reflect::get(options, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
        } else {
            None
        }
    };
    nianbao_core::Options {
        name: opt("name"),
        previous: opt("previous"),
        previous_name: opt("previousName"),
        published: opt("published"),
        ..Default::default()
    }
}

/// Every rule: `[{code, name, severity, summary, doc}]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct R {
        code: &'static str,
        name: &'static str,
        severity: &'static str,
        summary: &'static str,
        doc: String,
    }
    let all: Vec<R> = nianbao_core::rules::RULES
        .iter()
        .map(|r| R {
            code: r.code,
            name: r.name,
            severity: r.severity.as_str(),
            summary: r.summary,
            doc: r.doc(),
        })
        .collect();
    all.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
