//! The page's checker: `nianbao_core` in a Web Worker, so that checking never blocks the
//! page (typing, scrolling, rendering). Requests (`src/worker.rs` has the message loop):
//!
//! - `{id, op: "check", text, previous}` → `{id, op, json}`: the report JSON (compact);
//!   `previous` (last year's report, or null) runs the cross-year rules; an empty text
//!   gives the empty report (`source.bytes` 0).
//! - `{id, op: "paste", html}` → `{id, op, text}`: a rich paste's HTML as the text a user
//!   sees (cells by tabs, rows by lines).
//! - `{id, op: "bench", text, n}` → `{id, op, ms}`: milliseconds per check (scripts/bench-wasm).

#[path = "../panic.rs"]
mod panic;
#[path = "../worker.rs"]
mod worker;

use nianbao_core::Options;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use worker::{get, set};

fn main() {
    worker::serve(handle);
}

fn handle(op: &str, data: &JsValue, reply: &js_sys::Object) -> bool {
    let text = || get(data, "text").as_string().unwrap_or_default();
    match op {
        "check" => {
            let previous = get(data, "previous")
                .as_string()
                .filter(|p| !p.trim().is_empty());
            let options = Options {
                previous,
                ..Default::default()
            };
            // an empty text: the empty report (no findings, `source.bytes` 0)
            let r = nianbao_core::check_with(&text(), &options)
                .unwrap_or_else(|_| nianbao_core::Report::empty());
            set(reply, "json", &r.to_compact_json().into());
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
