//! Texts too large for localStorage (its quota is about 5 MB per site; a draft of several
//! megabytes would silently not be saved) go to IndexedDB: one object store of strings by
//! key. Best effort, like localStorage: a failure leaves the text in the editor.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const DB: &str = "nianbao";
const STORE: &str = "texts";

/// Opens the database and hands it to `then` (never, if it cannot be opened).
fn open(then: impl FnOnce(web_sys::IdbDatabase) + 'static) {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else {
        return;
    };
    let Ok(req) = factory.open_with_u32(DB, 1) else {
        return;
    };
    let upgrade = Closure::once(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    upgrade.forget();
    let r = req.clone();
    let success = Closure::once(move |_: web_sys::Event| {
        if let Some(db) = r.result().ok().and_then(|d| d.dyn_into().ok()) {
            then(db);
        }
    });
    req.set_onsuccess(Some(success.as_ref().unchecked_ref()));
    success.forget();
}

fn store(
    db: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Option<web_sys::IdbObjectStore> {
    db.transaction_with_str_and_mode(STORE, mode)
        .ok()?
        .object_store(STORE)
        .ok()
}

/// Stores `value` under `key` (`None` deletes it); `done` runs once it is stored.
pub fn put(key: &'static str, value: Option<String>, done: impl FnOnce() + 'static) {
    open(move |db| {
        let Ok(tx) =
            db.transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)
        else {
            return;
        };
        let Ok(s) = tx.object_store(STORE) else {
            return;
        };
        let _ = match value {
            Some(v) => s.put_with_key(&JsValue::from_str(&v), &JsValue::from_str(key)),
            None => s.delete(&JsValue::from_str(key)),
        };
        let complete = Closure::once(move |_: web_sys::Event| done());
        tx.set_oncomplete(Some(complete.as_ref().unchecked_ref()));
        complete.forget();
    });
}

/// The text under `key`, handed to `then` (not called when there is none).
pub fn get(key: &'static str, then: impl FnOnce(String) + 'static) {
    open(move |db| {
        let Some(s) = store(&db, web_sys::IdbTransactionMode::Readonly) else {
            return;
        };
        let Ok(req) = s.get(&JsValue::from_str(key)) else {
            return;
        };
        let r = req.clone();
        let done = Closure::once(move |_: web_sys::Event| {
            if let Some(t) = r.result().ok().and_then(|v| v.as_string()) {
                then(t);
            }
        });
        req.set_onsuccess(Some(done.as_ref().unchecked_ref()));
        done.forget();
    });
}
