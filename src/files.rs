//! Files the user opens: one into the editor (read by the file worker, a draft replaced
//! only when the user agrees), several, a folder or a .zip as a batch; what a drop holds
//! (folders walked); downloads of exports.

use crate::batch::{is_report_name, Batch};
use crate::checker;
use crate::checker::field;
use crate::notice::{may_replace, Notices};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Files chosen or dropped: one (not a .zip) opens in the editor, more are a batch.
pub fn open_files(
    files: Vec<(String, web_sys::File)>,
    text: RwSignal<String>,
    notices: Notices,
    batch: Batch,
) {
    let zip = |p: &str| p.to_lowercase().ends_with(".zip");
    match files.len() {
        0 => {}
        1 if !zip(&files[0].0) => {
            if let Some((_, f)) = files.into_iter().next() {
                load_file(f, text, notices);
            }
        }
        _ => batch.start(files),
    }
}

/// Files dropped on an editor: one opens in it, more (or a folder, walked) are a batch where
/// there is one (the widget opens the first). True when the drop held files (the editor then
/// does not insert anything).
pub fn dropped(
    ev: &web_sys::DragEvent,
    text: RwSignal<String>,
    notices: Notices,
    batch: Option<Batch>,
) -> bool {
    let Some(dt) = ev.data_transfer() else {
        return false;
    };
    let files = dt.files().map(|l| files_of(&l)).unwrap_or_default();
    if files.is_empty() {
        return false;
    }
    ev.prevent_default();
    match (batch, entries_of_drop(&dt)) {
        // a folder among what was dropped: walk it, then check it all as a batch
        (Some(b), Some(entries)) if has_folder(&entries) => leptos::task::spawn_local(async move {
            let files = files_of_entries(entries).await;
            match files.is_empty() {
                true => notices.error("拖入的文件夹中没有可检查的报告文件".to_string()),
                false => b.start(files),
            }
        }),
        (Some(b), _) => open_files(files, text, notices, b),
        (None, _) => {
            if let Some((_, f)) = files.into_iter().next() {
                load_file(f, text, notices);
            }
        }
    }
    true
}

/// Reads a dropped or chosen file in the checker worker: bytes decoded (UTF-8, UTF-16,
/// GBK), a Word document's text extracted, HTML turned into the text a user sees (cells by
/// tabs, rows by newlines). A file that is not a report's text (empty, PDF, image, binary,
/// damaged) leaves the editor untouched and the notice says why; a non-empty draft is
/// replaced only when the user agrees, and 撤销 brings it back.
pub fn load_file(file: web_sys::File, text: RwSignal<String>, notices: Notices) {
    let shown = file.name();
    leptos::task::spawn_local(async move {
        let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            notices.error(format!("未能打开“{shown}”：文件无法读取"));
            return;
        };
        let reading = shown.clone();
        let progress = move |done, total| {
            notices.progress(
                format!("正在读取“{reading}”：第 {done} 页，共 {total} 页"),
                done,
                total,
            )
        };
        checker::file_text(
            js_sys::Uint8Array::new(&buf),
            progress,
            move |read| match read {
                Err(why) => notices.error(format!("未打开“{shown}”：{why}")),
                Ok((new, shape)) => {
                    if text
                        .with_untracked(|cur| may_replace(cur, &new, &format!("“{shown}”的内容")))
                    {
                        notices.replace_from(text, new, shape, &format!("已打开“{shown}”"));
                    } else if notices
                        .0
                        .with_untracked(|n| n.as_ref().is_some_and(|n| n.progress.is_some()))
                    {
                        // declined: the progress of its reading goes
                        notices.0.set(None);
                    }
                }
            },
        );
    });
}

pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = document().create_element("a").unwrap().unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The files of a file input (a folder's: their paths inside it).
pub fn files_of(list: &web_sys::FileList) -> Vec<(String, web_sys::File)> {
    (0..list.length())
        .filter_map(|k| list.get(k))
        .map(|f| {
            let rel = js_sys::Reflect::get(&f, &"webkitRelativePath".into())
                .ok()
                .and_then(|v| v.as_string())
                .filter(|p| !p.is_empty());
            (rel.unwrap_or_else(|| f.name()), f)
        })
        .collect()
}

/// What a drop holds, taken while the drop event lasts (its items are gone after it):
/// entries of the file system (files and folders), or `None` where the browser has none.
pub fn entries_of_drop(dt: &web_sys::DataTransfer) -> Option<Vec<JsValue>> {
    let items = js_sys::Reflect::get(dt, &"items".into()).ok()?;
    let n = field(&items, "length").as_f64()? as u32;
    let mut out = Vec::new();
    for k in 0..n {
        let item = js_sys::Reflect::get_u32(&items, k).ok()?;
        let get: js_sys::Function = js_sys::Reflect::get(&item, &"webkitGetAsEntry".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let entry = get.call0(&item).ok()?;
        if !entry.is_null() && !entry.is_undefined() {
            out.push(entry);
        }
    }
    Some(out)
}

/// Does a drop hold a folder?
pub fn has_folder(entries: &[JsValue]) -> bool {
    entries
        .iter()
        .any(|e| field(e, "isDirectory").as_bool() == Some(true))
}

/// Calls `obj.method(resolve, reject)` and waits for the value it hands back.
async fn callback(obj: &JsValue, method: &str) -> Option<JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(obj, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let p = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = f.call2(obj, &resolve, &reject);
    });
    wasm_bindgen_futures::JsFuture::from(p).await.ok()
}

/// Every file under dropped entries, with its path (folders walked).
pub async fn files_of_entries(entries: Vec<JsValue>) -> Vec<(String, web_sys::File)> {
    let mut out = Vec::new();
    let mut todo = entries;
    while let Some(e) = todo.pop() {
        let path = field(&e, "fullPath")
            .as_string()
            .unwrap_or_default()
            .trim_start_matches('/')
            .to_string();
        if field(&e, "isDirectory").as_bool() == Some(true) {
            let Ok(reader) = js_sys::Reflect::get(&e, &"createReader".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
                .and_then(|f| f.call0(&e))
            else {
                continue;
            };
            // readEntries hands over a folder in parts until an empty one
            while let Some(part) = callback(&reader, "readEntries").await {
                let part = js_sys::Array::from(&part);
                if part.length() == 0 {
                    break;
                }
                todo.extend(part.iter());
            }
        } else if is_report_name(&path) {
            if let Some(f) = callback(&e, "file").await.and_then(|f| f.dyn_into().ok()) {
                out.push((path, f));
            }
        }
    }
    out
}
