//! What the page keeps in localStorage: the draft (and the shape of the file it was opened
//! from), last year's report and the dismissals. Nothing else is stored
//! and nothing is sent. Values are JSON (the format earlier versions wrote through
//! gloo-storage), encoded and decoded by the browser's own `JSON`, so the wasm carries no
//! JSON parser.

use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};

const DRAFT: &str = "nianbao:draft";
const DISMISSED: &str = "nianbao:dismissed";
const PREVIOUS: &str = "nianbao:previous";
const ORIGIN: &str = "nianbao:origin";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<JsValue> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    js_sys::JSON::parse(&raw).ok()
}

/// Best effort: a full quota or a disabled storage must not lose the text in the editor.
fn set(key: &str, v: &JsValue) {
    if let (Some(s), Ok(json)) = (storage(), js_sys::JSON::stringify(v)) {
        let _ = s.set_item(key, &String::from(json));
    }
}

/// Saves `text` with `save` a moment after the last edit (typing fast in a long report
/// would otherwise copy it into storage on every keystroke), and at once when the page is
/// hidden or closed.
pub fn autosave(text: leptos::prelude::RwSignal<String>, save: impl Fn(&str) + Copy + 'static) {
    use leptos::prelude::*;
    let pending = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    // what was saved last (or loaded): a page hidden with nothing new saves nothing
    // (FNV-1a: a hash the page already has no need for would cost its wasm more)
    let fingerprint = |t: &str| {
        t.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    };
    let saved = StoredValue::new(text.with_untracked(|t| fingerprint(t)));
    let store = move || {
        text.with_untracked(|t| {
            saved.set_value(fingerprint(t));
            save(t)
        })
    };
    // when the page is hidden: with the editor's last keystrokes (a long text is told of
    // them only once typing pauses), if they are not saved yet
    let flush = move || {
        crate::editor::flush_all();
        if let Some(h) = pending.get_value() {
            h.clear();
            pending.set_value(None);
        }
        if text.with_untracked(|t| fingerprint(t)) != saved.get_value() {
            store();
        }
    };
    Effect::new(move |first: Option<()>| {
        text.track();
        if first.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                store();
            },
            std::time::Duration::from_millis(300),
        );
        pending.set_value(h.ok());
    });
    let on_hide = wasm_bindgen::closure::Closure::<dyn Fn()>::new(flush);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        if let Some(d) = w.document() {
            let _ = d.add_event_listener_with_callback(
                "visibilitychange",
                on_hide.as_ref().unchecked_ref(),
            );
        }
    }
    on_hide.forget();
}

/// Texts longer than this (bytes) are kept in IndexedDB (`idb.rs`), with a mark in
/// localStorage saying so; shorter ones in localStorage.
const LARGE: usize = 1 << 20;

/// The draft if it is in localStorage; a large one is read later by `load_large`.
pub fn load_draft() -> String {
    get(DRAFT).and_then(|v| v.as_string()).unwrap_or_default()
}

thread_local! {
    /// Per key (draft, last year's report): the number of the latest save, whether one went
    /// to IndexedDB in this session, and whether a large text is still being loaded (no save
    /// may overwrite it before it has arrived).
    static SAVES: std::cell::RefCell<BTreeMap<&'static str, (u32, bool, bool)>> =
        const { std::cell::RefCell::new(BTreeMap::new()) };
}

fn saves<R>(key: &'static str, f: impl FnOnce(&mut (u32, bool, bool)) -> R) -> R {
    SAVES.with(|s| f(s.borrow_mut().entry(key).or_default()))
}

/// A large draft or last year's report, if one was kept in IndexedDB: `then` gets it.
/// Until it has arrived, nothing is saved under its key.
pub fn load_large(previous: bool, then: impl FnOnce(String) + 'static) {
    let key = if previous { PREVIOUS } else { DRAFT };
    let mark = format!("{key}:large");
    if storage()
        .and_then(|s| s.get_item(&mark).ok().flatten())
        .is_some()
    {
        saves(key, |s| s.2 = true);
        crate::idb::get(key, move |t| {
            saves(key, |s| s.2 = false);
            then(t)
        });
    }
}

fn save_text(key: &'static str, text: &str) {
    let mark = format!("{key}:large");
    let Some(s) = storage() else { return };
    let (n, loading) = saves(key, |s| {
        s.0 += 1;
        (s.0, s.2)
    });
    if loading {
        return;
    }
    if text.len() > LARGE {
        saves(key, |s| s.1 = true);
        // the mark (and dropping the copy in localStorage) only once the text is stored,
        // and only if no newer save came meanwhile
        crate::idb::put(key, Some(text.to_string()), move || {
            if saves(key, |s| s.0) != n {
                return;
            }
            if let Some(s) = storage() {
                let _ = s.set_item(&mark, "1");
                let _ = s.remove_item(key);
            }
        });
    } else {
        set(key, &JsValue::from_str(text));
        let large_before = saves(key, |s| s.1) || s.get_item(&mark).ok().flatten().is_some();
        if large_before {
            let _ = s.remove_item(&mark);
            crate::idb::put(key, None, || ());
        }
    }
}

pub fn save_draft(text: &str) {
    save_text(DRAFT, text);
}

/// The shape of the file the draft was opened from (`docx`, `doc`, `pdf`), if any.
pub fn load_origin() -> Option<String> {
    get(ORIGIN).and_then(|v| v.as_string())
}

pub fn save_origin(origin: Option<&str>) {
    match origin {
        Some(o) => set(ORIGIN, &JsValue::from_str(o)),
        None => {
            if let Some(s) = storage() {
                let _ = s.remove_item(ORIGIN);
            }
        }
    }
}

/// Last year's report (the second, optional editor).
pub fn load_previous() -> String {
    get(PREVIOUS)
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

pub fn save_previous(text: &str) {
    save_text(PREVIOUS, text);
}

/// Dismissal key (rule + place, see `Report::dismissal_key`) → reason.
pub type Dismissals = BTreeMap<String, String>;

pub fn load_dismissals() -> Dismissals {
    let Some(obj) = get(DISMISSED).and_then(|v| v.dyn_into::<js_sys::Object>().ok()) else {
        return Dismissals::new();
    };
    // inserted one by one: collecting into a BTreeMap instantiates a stable sort (kilobytes
    // of the page's wasm)
    let mut out = Dismissals::new();
    for e in js_sys::Object::entries(&obj).iter() {
        let Ok(pair) = e.dyn_into::<js_sys::Array>() else {
            continue;
        };
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.insert(k, v);
        }
    }
    out
}

pub fn save_dismissals(d: &Dismissals) {
    let obj = js_sys::Object::new();
    for (k, v) in d {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    set(DISMISSED, &obj);
}
