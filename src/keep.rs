//! Keeps the page usable after the browser's "save page as": the running app copies its own
//! JS glue and wasm, and its workers', into inert `<script type="text/plain">` elements in
//! `<head>`, so that the saved page carries them: the loader in `index.html` boots the
//! page from them on `file://` (where Chromium refuses module imports and wasm fetches),
//! and `checker.rs` its workers. Same-origin fetches only.

use wasm_bindgen::JsCast;

pub fn keep_for_saving() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if web_sys::window()
        .map(|w| w.location().protocol().ok().as_deref() == Some("file:"))
        .unwrap_or(true)
    {
        return;
    }
    let href = |sel: &str| {
        doc.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("href"))
    };
    let (Some(glue), Some(wasm)) = (
        href("link[rel=modulepreload]"),
        href("link[rel=preload][href$='.wasm']"),
    ) else {
        return;
    };
    // the page's own module, then its workers' (started from these copies on file://)
    let mut copies = vec![("nianbao-keep-glue".to_string(), glue, false)];
    copies.push(("nianbao-keep-wasm".to_string(), wasm, true));
    for name in crate::checker::KEPT_WORKERS {
        copies.push((
            format!("nianbao-keep-{name}-glue"),
            format!("{name}.js"),
            false,
        ));
        copies.push((
            format!("nianbao-keep-{name}-wasm"),
            format!("{name}_bg.wasm"),
            true,
        ));
    }
    leptos::task::spawn_local(async move {
        let mut kept = Vec::new();
        for (id, url, binary) in copies {
            let content = match binary {
                true => fetch_bytes(&url).await.map(|b| base64(&b)),
                false => fetch_text(&url).await,
            };
            let Some(content) = content else { return };
            kept.push((id, content));
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(head) = doc.head() else { return };
        for (id, content) in kept {
            if doc.get_element_by_id(&id).is_some() {
                continue;
            }
            let Ok(el) = doc.create_element("script") else {
                return;
            };
            let _ = el.set_attribute("type", "text/plain");
            el.set_id(&id);
            el.set_text_content(Some(&content));
            let _ = head.append_child(&el);
        }
    });
}

async fn fetch(url: &str) -> Option<web_sys::Response> {
    let p = web_sys::window()?.fetch_with_str(url);
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .ok()?
        .dyn_into()
        .ok()
}

async fn fetch_text(url: &str) -> Option<String> {
    let r = fetch(url).await?;
    wasm_bindgen_futures::JsFuture::from(r.text().ok()?)
        .await
        .ok()?
        .as_string()
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let r = fetch(url).await?;
    let buf = wasm_bindgen_futures::JsFuture::from(r.array_buffer().ok()?)
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
