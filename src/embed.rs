//! Embed mode (`?embed=1`) for government portals: a compact checker in an iframe that
//! reports its height to the host, and a postMessage API.
//!
//! The host sends `{type: "nianbao:check", id, text, previous?}`; the widget answers
//! `{type: "nianbao:result", id, report}` with the report JSON of the contract. Only origins
//! in the allowlist given by the host (`?embed=1&origins=https://a.example,https://b.example`,
//! default: this page's own origin) are answered; other origins and malformed messages get a
//! console warning and no answer. The text is only checked, never executed or stored.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    pub allowed: Vec<String>,
}

/// `Some` when the page runs as a widget.
pub fn config() -> Option<Embed> {
    let loc = web_sys::window()?.location();
    let params = web_sys::UrlSearchParams::new_with_str(&loc.search().ok()?).ok()?;
    if params.get("embed").as_deref() != Some("1") {
        return None;
    }
    let own = loc.origin().ok()?;
    let mut allowed: Vec<String> = params
        .get("origins")
        .map(|o| {
            o.split(',')
                .map(|s| s.trim().trim_end_matches('/').to_string())
                .filter(|s| !s.is_empty() && s != "*")
                .collect()
        })
        .unwrap_or_default();
    if allowed.is_empty() {
        allowed.push(own);
    }
    Some(Embed { allowed })
}

fn warn(msg: &str) {
    web_sys::console::warn_1(&JsValue::from_str(msg));
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Answers `nianbao:check` messages from allowed origins.
pub fn listen(cfg: &Embed) {
    let allowed = cfg.allowed.clone();
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let origin = ev.origin();
            if !allowed.contains(&origin) {
                warn(&format!("nianbao: 忽略来自未授权来源 {origin} 的消息"));
                return;
            }
            let data = ev.data();
            // the widget's own messages (when host and widget share an origin) are not requests
            if matches!(
                get(&data, "type").as_string().as_deref(),
                Some("nianbao:result" | "nianbao:height")
            ) {
                return;
            }
            if !data.is_object()
                || get(&data, "type").as_string().as_deref() != Some("nianbao:check")
            {
                warn("nianbao: 忽略格式不正确的消息（需要 {type: \"nianbao:check\", id, text}）");
                return;
            }
            let Some(text) = get(&data, "text").as_string() else {
                warn("nianbao: 消息中的 text 必须是字符串");
                return;
            };
            // last year's report (optional) runs the cross-year rules
            let previous = get(&data, "previous");
            if !previous.is_undefined() && !previous.is_null() && previous.as_string().is_none() {
                warn("nianbao: 消息中的 previous（上年度报告）必须是字符串");
                return;
            }
            let previous = previous.as_string().filter(|p| !p.trim().is_empty());
            let id = get(&data, "id");
            let Some(src) = ev.source() else { return };
            let origin = origin.clone();
            crate::checker::check_once(text, previous, move |json| {
                let Ok(report) = js_sys::JSON::parse(&json) else {
                    return;
                };
                let reply = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&reply, &"type".into(), &"nianbao:result".into());
                let _ = js_sys::Reflect::set(&reply, &"id".into(), &id);
                let _ = js_sys::Reflect::set(&reply, &"report".into(), &report);
                // a cross-origin WindowProxy is not `instanceof Window` here, but
                // postMessage is allowed on it
                let _ = src
                    .unchecked_into::<web_sys::Window>()
                    .post_message(&reply, &origin);
            });
        });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    }
    handler.forget();
}

/// Tells the host the widget's height so that it can size the iframe. Posted to each allowed
/// origin; the browser delivers it only to the one the parent has.
pub fn post_height(cfg: &Embed) {
    let Some(w) = web_sys::window() else { return };
    let Some(h) = w
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
    else {
        return;
    };
    let Ok(Some(parent)) = w.parent() else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"nianbao:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
    for origin in &cfg.allowed {
        let _ = parent.post_message(&msg, origin);
    }
}
