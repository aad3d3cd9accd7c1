//! The page's file reader: a Web Worker started only when a file is opened (the Word
//! readers are most of its size, and most visits never open a file). Requests
//! (`src/worker.rs` has the message loop):
//!
//! - `{id, op: "file", bytes}` → `{id, op, text, shape?}` or `{id, op, error}`: the file's
//!   text (decoded; a Word document's or a PDF's text extracted, `shape` `docx`/`doc`/`pdf`;
//!   a saved page turned into the text a user sees) or why it cannot be opened, in Chinese.
//! - `{id, op: "read", bytes}` → `{id, op, text, encoding, shape}` or `{id, op, error}`:
//!   what the CLI's check reads from the same file (a batch's reports: `shape`
//!   `docx`/`doc`/`pdf` or null, the text not turned into what a user sees, so that the
//!   report equals the CLI's).
//! - `{id, op: "unzip", bytes}` → `{id, op, files: [{name, bytes}]}` or `{id, op, error}`:
//!   the files of a .zip (names decoded as UTF-8, else GBK; an entry that cannot be
//!   inflated has `error` instead of `bytes`).
//!
//! While a long PDF (50 pages or more) is opened (`file`), `{id, op: "progress", done,
//! total}` (pages) comes before the reply.

#[path = "../panic.rs"]
mod panic;
#[path = "../worker.rs"]
mod worker;

use wasm_bindgen::{JsCast, JsValue};
use worker::{get, set};

/// Tells the page how far a long PDF is read: `{id, op: "progress", done, total}` (pages),
/// for a PDF of [`LONG`] pages or more, every fortieth of it and at least four times a
/// second (so a long file shows its progress on any machine, however fast).
fn progress(data: &JsValue) -> impl FnMut(usize, usize) {
    let id = get(data, "id");
    let mut last = (js_sys::Date::now(), 0);
    move |done, total| {
        let now = js_sys::Date::now();
        let step = total.div_ceil(40);
        if total < LONG || done == total || (done < last.1 + step && now - last.0 < 250.0) {
            return;
        }
        last = (now, done);
        let msg = js_sys::Object::new();
        set(&msg, "id", &id);
        set(&msg, "op", &"progress".into());
        set(&msg, "done", &JsValue::from(done as u32));
        set(&msg, "total", &JsValue::from(total as u32));
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&msg);
    }
}

/// A PDF this long tells its progress while it is read.
const LONG: usize = 50;

fn main() {
    worker::serve(handle);
}

fn handle(op: &str, data: &JsValue, reply: &js_sys::Object) -> bool {
    let bytes = || js_sys::Uint8Array::new(&get(data, "bytes")).to_vec();
    match op {
        "file" => match read_file(bytes(), &mut progress(data)) {
            Ok((text, shape)) => {
                set(reply, "text", &text.into());
                if let Some(shape) = shape {
                    set(reply, "shape", &shape.into());
                }
            }
            Err(why) => set(reply, "error", &why.into()),
        },
        // a batch's files: its list shows the progress
        "read" => match read_as_cli(bytes(), &mut |_, _| {}) {
            Ok((text, encoding, shape)) => {
                set(reply, "text", &text.into());
                set(reply, "encoding", &encoding.into());
                set(
                    reply,
                    "shape",
                    &shape.map(JsValue::from).unwrap_or(JsValue::NULL),
                );
            }
            Err(why) => set(reply, "error", &why.into()),
        },
        "unzip" => match unzip(&bytes()) {
            Ok(files) => set(reply, "files", &files),
            Err(why) => set(reply, "error", &why.into()),
        },
        _ => return false,
    }
    true
}

/// What the CLI's check reads from a file (`nianbao_core::check_file`): the text, its
/// encoding and, for a Word document or a PDF, its shape.
fn read_as_cli(
    mut bytes: Vec<u8>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(String, &'static str, Option<&'static str>), String> {
    let (text, encoding, shape) = {
        let r = nianbao_core::input::read_with_progress(&bytes, progress)
            .map_err(|r| r.message().to_string())?;
        (
            r.text.into_owned(),
            r.encoding,
            r.shape.and_then(nianbao_core::Shape::document_name),
        )
    };
    let (text, encoding) = match encoding {
        // the CLI decodes GBK itself; here the browser does
        "utf-8-lossy" => match gbk(&mut bytes) {
            Some(t) => (t, "gbk"),
            None => (text, encoding),
        },
        e => (text, e),
    };
    if nianbao_core::input::is_blank(&text) {
        return Err(nianbao_core::Refusal::Empty.message().to_string());
    }
    Ok((text, encoding, shape))
}

/// The files of a .zip: `[{name, bytes}]`, or `[{name, error}]` for one that cannot be
/// read.
fn unzip(bytes: &[u8]) -> Result<js_sys::Array, String> {
    let files = nianbao_core::input::zip::files(bytes).map_err(|r| match r {
        nianbao_core::Refusal::TooLarge => "压缩包解压后过大，无法读取".to_string(),
        _ => "压缩包已损坏或不完整，无法读取".to_string(),
    })?;
    let out = js_sys::Array::new();
    for (name, data) in files {
        let name = match std::str::from_utf8(name) {
            Ok(n) => n.to_string(),
            Err(_) => gbk(&mut name.to_vec())
                .unwrap_or_else(|| String::from_utf8_lossy(name).into_owned()),
        };
        let f = js_sys::Object::new();
        set(&f, "name", &name.into());
        match data {
            Some(d) => set(&f, "bytes", &js_sys::Uint8Array::from(d.as_slice())),
            None => set(
                &f,
                "error",
                &"压缩包中的这个文件无法解压（可能已加密或已损坏）".into(),
            ),
        }
        out.push(&f);
    }
    Ok(out)
}

/// A file's text for the editor and its document shape, or why it cannot be opened. Bytes
/// that are neither UTF-8 nor UTF-16 (GBK/GB2312 pages) are decoded by the browser's
/// `TextDecoder`.
fn read_file(
    mut bytes: Vec<u8>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(String, Option<&'static str>), String> {
    let (read, lossy, shape) = match nianbao_core::input::read_with_progress(&bytes, progress) {
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
    Ok((
        match shape == Some(nianbao_core::Shape::Html)
            || nianbao_core::input::detect_shape(&decoded) == nianbao_core::Shape::Html
        {
            true => nianbao_core::html_to_text(&decoded),
            false => decoded,
        },
        shape.and_then(nianbao_core::Shape::document_name),
    ))
}

fn gbk(bytes: &mut [u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label("gb18030")
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}
