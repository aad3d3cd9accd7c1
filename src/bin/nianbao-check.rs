//! The page's checker: `nianbao_core` in a Web Worker, so that checking never blocks the
//! page (typing, scrolling, rendering). Requests (`src/worker.rs` has the message loop):
//!
//! - `{id, op: "check", text, previous}` → `{id, op, json}`: the report JSON (compact);
//!   `previous` (last year's report, or null) runs the cross-year rules; an empty text
//!   gives the empty report (`source.bytes` 0).
//!   A report of a batch (the page's 批量检查) also gives `me` (its place in the batch set
//!   by `batch`), `name`, `previous_name` (and `previous_shape`), and what the reader read
//!   (`shape`, `bytes`, `encoding`), so that its report equals the CLI's; the reply then also has `row` (its
//!   line of the summary CSV) and `line` (what the batch list shows).
//! - `{id, op: "first", …}`: a `check` of a batch's report before the batch is known, its
//!   reply also with `agency`, `year`, `sentences`: what the batch needs of it
//!   (`nianbao_core::rules::peers::Profile`; the sentence hashes as little-endian u64 bytes).
//! - `{id, op: "batch", names, agencies, years, sentences}` → `{id, op, previous}`: the
//!   batch the next checks with `me` belong to (the profiles' fields, `sentences` null for
//!   a file that could not be read); `previous[i]` is the place of report i's last year's
//!   report in the batch, or null; `changes[i]` whether the batch changes report i's report
//!   (it is then checked again with `me`).
//! - `{id, op: "paste", html}` → `{id, op, text}`: a rich paste's HTML as the text a user
//!   sees (cells by tabs, rows by lines).
//! - `{id, op: "bench", text, n}` → `{id, op, ms}`: milliseconds per check (scripts/bench-wasm).

#[path = "../panic.rs"]
mod panic;
#[path = "../worker.rs"]
mod worker;

use nianbao_core::rules::peers::{Batch, Peers, Profile};
use nianbao_core::{Options, Report, Shape};
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use worker::{get, set};

fn main() {
    worker::serve(handle);
}

thread_local! {
    /// The batch set by `batch`: the checks with `me` are its reports.
    static BATCH: RefCell<Option<Arc<Batch>>> = const { RefCell::new(None) };
}

/// The options of a check request: its name, shape, last year's report, its place in the
/// batch (`me`).
fn options_of(data: &JsValue) -> Options {
    let previous = get(data, "previous")
        .as_string()
        .filter(|p| !p.trim().is_empty());
    let me = get(data, "me").as_f64().map(|m| m as usize);
    let peers = me.and_then(|me| {
        BATCH.with(|b| {
            b.borrow().as_ref().filter(|b| me < b.len()).map(|b| Peers {
                batch: b.clone(),
                me,
            })
        })
    });
    Options {
        name: get(data, "name").as_string(),
        shape: shape_of(data, "shape"),
        previous_shape: previous.as_ref().and(shape_of(data, "previous_shape")),
        previous_name: previous
            .as_ref()
            .and(get(data, "previous_name").as_string()),
        previous,
        peers,
        ..Default::default()
    }
}

fn shape_of(data: &JsValue, key: &str) -> Option<Shape> {
    Shape::document(&get(data, key).as_string()?)
}

fn handle(op: &str, data: &JsValue, reply: &js_sys::Object) -> bool {
    let text = || get(data, "text").as_string().unwrap_or_default();
    match op {
        "check" | "first" => {
            let options = options_of(data);
            let text = text();
            let (bytes, encoding) = (
                get(data, "bytes")
                    .as_f64()
                    .map(|b| b as usize)
                    .unwrap_or(text.len()),
                match get(data, "encoding").as_string().as_deref() {
                    Some("gbk") => "gbk",
                    Some("utf-16le") => "utf-16le",
                    Some("utf-16be") => "utf-16be",
                    Some("utf-8-lossy") => "utf-8-lossy",
                    _ => "utf-8",
                },
            );
            // an empty text: the empty report (no findings, `source.bytes` 0)
            let r = match op {
                "first" => {
                    let (r, p) = nianbao_core::check_and_profile(&text, bytes, encoding, &options)
                        .unwrap_or_else(|_| (Report::empty(), Profile::default()));
                    set(
                        reply,
                        "agency",
                        &p.agency.map(JsValue::from).unwrap_or(JsValue::NULL),
                    );
                    set(
                        reply,
                        "year",
                        &p.year.map(JsValue::from).unwrap_or(JsValue::NULL),
                    );
                    let bytes: Vec<u8> = p.sentences.iter().flat_map(|h| h.to_le_bytes()).collect();
                    set(
                        reply,
                        "sentences",
                        &js_sys::Uint8Array::from(bytes.as_slice()),
                    );
                    r
                }
                _ => nianbao_core::check_decoded(&text, bytes, encoding, &options)
                    .unwrap_or_else(|_| Report::empty()),
            };
            set(reply, "json", &r.to_compact_json().into());
            if let Some(name) = &options.name {
                set(reply, "row", &r.summary_row(name).into());
                set(reply, "line", &line(&r));
            }
        }
        "batch" => {
            let list = |k: &str| js_sys::Array::from(&get(data, k));
            let names = list("names")
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect();
            let (agencies, years) = (list("agencies"), list("years"));
            let profiles = list("sentences")
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    (!s.is_null() && !s.is_undefined()).then(|| Profile {
                        agency: agencies.get(i as u32).as_string(),
                        year: years.get(i as u32).as_f64().map(|y| y as i32),
                        sentences: js_sys::Uint8Array::new(&s)
                            .to_vec()
                            .chunks_exact(8)
                            .map(|c| {
                                u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
                            })
                            .collect(),
                    })
                })
                .collect();
            let batch = Arc::new(Batch::new(names, profiles));
            // which report is which one's last year's: the page sends its text
            let previous = js_sys::Array::new();
            for i in 0..batch.len() {
                previous.push(
                    &batch
                        .previous_of(i)
                        .map(|j| JsValue::from(j as u32))
                        .unwrap_or(JsValue::NULL),
                );
            }
            set(reply, "previous", &previous);
            // which reports the batch changes (checked again among their peers)
            let changes: js_sys::Array = (0..batch.len())
                .map(|i| JsValue::from(batch.changes(i)))
                .collect();
            set(reply, "changes", &changes);
            BATCH.with(|b| *b.borrow_mut() = Some(batch));
        }
        "paste" => {
            let html = get(data, "html").as_string().unwrap_or_default();
            set(reply, "text", &nianbao_core::html_to_text(&html).into());
        }
        "bench" => {
            let (text, n) = (
                text(),
                get(data, "n").as_f64().unwrap_or(1.0).max(1.0) as u32,
            );
            let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
                .ok()
                .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
            let now = || perf.as_ref().map(|p| p.now()).unwrap_or(0.0);
            let t = now();
            for _ in 0..n {
                std::hint::black_box(nianbao_core::check_text(&text, None).ok());
            }
            set(reply, "ms", &((now() - t) / n as f64).into());
        }
        _ => return false,
    }
    true
}

/// What the batch list shows of a report: agency, year, format, verdict, counts, each
/// table's state, last year's report, the first problems, every rule that found one.
fn line(r: &Report) -> js_sys::Object {
    let mut codes: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.dismissed.is_none())
        .map(|f| f.code)
        .collect();
    nianbao_core::base::sort::sort(&mut codes);
    codes.dedup();
    let strings = |v: &[&str]| {
        v.iter()
            .map(|s| JsValue::from(*s))
            .collect::<js_sys::Array>()
    };
    let opt = |s: Option<&str>| s.map(JsValue::from).unwrap_or(JsValue::NULL);
    let st = &r.summary.tables;
    let o = js_sys::Object::new();
    set(&o, "agency", &opt(r.meta.agency.as_deref()));
    set(
        &o,
        "year",
        &r.meta.year.map(JsValue::from).unwrap_or(JsValue::NULL),
    );
    set(&o, "format", &opt(r.meta.format.map(|f| f.label())));
    set(&o, "errors", &JsValue::from(r.summary.errors as u32));
    set(&o, "warnings", &JsValue::from(r.summary.warnings as u32));
    set(&o, "infos", &JsValue::from(r.summary.infos as u32));
    set(&o, "tables", &r.tables_line().into());
    set(
        &o,
        "states",
        &strings(&[st.t2.as_str(), st.t3.as_str(), st.t4.as_str()]),
    );
    set(
        &o,
        "previous",
        &opt(r.previous.as_ref().and_then(|p| p.name.as_deref())),
    );
    set(&o, "problems", &strings(&r.first_problems(2)));
    set(&o, "codes", &strings(&codes));
    o
}
