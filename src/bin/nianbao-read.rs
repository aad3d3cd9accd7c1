//! The page's file reader: a Web Worker started only when a file is opened (the Word
//! readers are most of its size, and most visits never open a file). Requests
//! (`src/worker.rs` has the message loop):
//!
//! - `{id, op: "file", bytes}` → `{id, op, text}` or `{id, op, error}`: the file's text
//!   (decoded; a Word document's text extracted; a saved page turned into the text a user
//!   sees) or why it cannot be opened, in Chinese.

#[path = "../panic.rs"]
mod panic;
#[path = "../worker.rs"]
mod worker;

use wasm_bindgen::JsValue;
use worker::{get, set};

fn main() {
    worker::serve(handle);
}

fn handle(op: &str, data: &JsValue, reply: &js_sys::Object) -> bool {
    if op != "file" {
        return false;
    }
    let bytes = js_sys::Uint8Array::new(&get(data, "bytes")).to_vec();
    match read_file(bytes) {
        Ok(text) => set(reply, "text", &text.into()),
        Err(why) => set(reply, "error", &why.into()),
    }
    true
}

/// A file's text for the editor, or why it cannot be opened. Bytes that are neither UTF-8
/// nor UTF-16 (GBK/GB2312 pages) are decoded by the browser's `TextDecoder`.
fn read_file(mut bytes: Vec<u8>) -> Result<String, String> {
    let (read, lossy, shape) = match nianbao_core::input::read(&bytes) {
        Err(r) => return Err(r.message().to_string()),
        Ok(r) => (r.text.into_owned(), r.encoding == "utf-8-lossy", r.shape),
    };
    let decoded = match lossy {
        true => gbk(&mut bytes).unwrap_or(read),
        false => read,
    };
    if nianbao_core::input::is_blank(&decoded) {
        return Err(nianbao_core::Refusal::Empty.message().to_string());
    }
    Ok(
        match shape == Some(nianbao_core::Shape::Html)
            || nianbao_core::input::detect_shape(&decoded) == nianbao_core::Shape::Html
        {
            true => nianbao_core::html_to_text(&decoded),
            false => decoded,
        },
    )
}

fn gbk(bytes: &mut [u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label("gb18030")
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}
