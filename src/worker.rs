//! What both of the page's workers share (`src/bin/nianbao-check.rs`, the checker;
//! `src/bin/nianbao-read.rs`, the file reader): the message loop. The page
//! (`src/checker.rs`) posts `{id, op, …}` requests; each reply repeats `id` and `op`. A
//! worker starts by posting `{op: "ready"}`; the page sends nothing before that.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), v);
}

/// Answers every request with `handle(op, request, reply)`; `false` from it: no reply.
pub fn serve(handle: fn(&str, &JsValue, &js_sys::Object) -> bool) {
    crate::panic::hook();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let reply = js_sys::Object::new();
            set(&reply, "id", &get(&data, "id"));
            let op = get(&data, "op");
            set(&reply, "op", &op);
            if handle(&op.as_string().unwrap_or_default(), &data, &reply) {
                let _ = reply_to.post_message(&reply);
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = js_sys::Object::new();
    set(&ready, "op", &"ready".into());
    let _ = scope.post_message(&ready);
}
