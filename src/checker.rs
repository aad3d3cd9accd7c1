//! The page's side of its two workers: the checker (`src/bin/nianbao-check.rs`: checking,
//! turning a rich paste into text) and the file reader (`src/bin/nianbao-read.rs`,
//! started when the first file is opened). The page never waits for either; requests made
//! before a worker is ready wait for it.
//!
//! The editor's check is "latest wins": at most one check is in flight; while it runs, a
//! newer text replaces any waiting one, and a reply whose text has been edited since is
//! dropped (its spans would point into text that is no longer there).
//!
//! A worker is started from a small script made here: served over http it loads
//! `NAME.js` and `NAME_bg.wasm` next to the page; opened from disk (the single offline
//! file, or a page saved with "save page as") it boots from the copies in
//! `<script type="text/plain" id="nianbao-keep-NAME-glue">` / `…-wasm` (base64).

use leptos::prelude::*;
use nianbao_core::Report;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Callback = Box<dyn FnOnce(JsValue)>;

/// Where the editor's reports go: the report (`None`: nothing to check) and whether a
/// check is running.
#[derive(Clone, Copy)]
pub struct Live {
    pub report: RwSignal<Option<Report>>,
    pub busy: RwSignal<bool>,
    /// When the report shown was made (ms since the epoch, the browser's clock).
    pub at: RwSignal<f64>,
    /// The checker stopped (it could not start, or failed on a text): the report shown is
    /// gone and the page says so; the next edit starts a new checker.
    pub failed: RwSignal<bool>,
}

/// The workers, by the name of their build (Trunk's `data-bin`): the checker, the file
/// reader, and a second checker that a batch starts (two cores check at once).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Check = 0,
    Read = 1,
    Check2 = 2,
}

impl Which {
    fn name(self) -> &'static str {
        match self {
            Which::Check | Which::Check2 => "nianbao-check",
            Which::Read => "nianbao-read",
        }
    }
}

/// The worker whose copies a page saved with "save page as" carries (`keep.rs`): the
/// checker. The file reader's are not fetched on every visit (a saved page checks text; the
/// offline single file also reads files).
pub const KEPT_WORKERS: [&str; 1] = ["nianbao-check"];

#[derive(Default)]
struct Conn {
    worker: Option<web_sys::Worker>,
    failed: bool,
    ready: bool,
    waiting: Vec<js_sys::Object>,
    /// The last batch set on this worker (`op` `batch`): a worker started again after one
    /// died gets it first, so that a report of the batch is still checked among its peers.
    batch: Option<js_sys::Object>,
}

#[derive(Default)]
struct State {
    conns: [Conn; 3],
    next_id: u32,
    callbacks: HashMap<u32, (usize, Callback)>,
    live: Option<Live>,
    live_next: Option<(String, String, Option<usize>, Option<String>)>,
    live_in_flight: Option<u32>,
    /// What to tell of a request's progress (`{op: "progress", done, total}`), by its id.
    progress: HashMap<u32, Box<dyn Fn(u32, u32)>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), v);
}

/// The worker's boot script: over http it loads the glue and the wasm next to the page;
/// from disk the glue is inlined and the wasm arrives as the first message (base64).
/// Appended to the boot's `wasm_bindgen(…)` promise: a module that cannot start says so
/// (a rejected promise in a worker fires no `error` event).
const FAIL: &str = ".catch(()=>postMessage({op:\"failed\"}))";

fn boot_script(doc: &web_sys::Document, name: &str) -> Option<(String, Option<String>)> {
    let kept = |part: &str| {
        doc.get_element_by_id(&format!("nianbao-keep-{name}-{part}"))
            .and_then(|e| e.text_content())
    };
    if let (Some(glue), Some(wasm)) = (kept("glue"), kept("wasm")) {
        let boot = format!(
            "{glue}\nself.onmessage=(e)=>{{self.onmessage=null;\
             wasm_bindgen({{module_or_path:Uint8Array.from(atob(e.data),(c)=>c.charCodeAt(0))}}){FAIL}}};"
        );
        return Some((boot, Some(wasm.trim().to_string())));
    }
    let base = doc.base_uri().ok().flatten()?;
    let url = |f: &str| web_sys::Url::new_with_base(f, &base).ok().map(|u| u.href());
    let (glue, wasm) = (
        url(&format!("{name}.js"))?,
        url(&format!("{name}_bg.wasm"))?,
    );
    Some((
        format!("try{{importScripts({glue:?});wasm_bindgen({{module_or_path:{wasm:?}}}){FAIL};}}catch(e){{postMessage({{op:\"failed\"}});}}"),
        None,
    ))
}

fn spawn(which: Which) -> Option<web_sys::Worker> {
    let doc = web_sys::window()?.document()?;
    let (script, wasm) = boot_script(&doc, which.name())?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&script));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            on_reply(which, ev.data())
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| failed(which));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    if let Some(wasm) = wasm {
        let _ = worker.post_message(&JsValue::from_str(&wasm));
    }
    Some(worker)
}

/// A worker could not start (or died): its waiting requests get no reply and later ones
/// are refused; the draft stays in the editor.
fn failed(which: Which) {
    let (live, orphans) = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let c = &mut s.conns[which as usize];
        // a worker that ran and then died (a check that trapped) is replaced by the next
        // request; one that never became ready is not tried again
        c.failed = !c.ready;
        if let Some(w) = c.worker.take() {
            w.terminate();
        }
        c.ready = false;
        c.waiting.clear();
        let ids: Vec<u32> = s
            .callbacks
            .iter()
            .filter(|(_, (w, _))| *w == which as usize)
            .map(|(id, _)| *id)
            .collect();
        let orphans: Vec<Callback> = ids
            .iter()
            .filter_map(|id| s.callbacks.remove(id).map(|(_, c)| c))
            .collect();
        let live = match which {
            Which::Check => s.live_in_flight.take().and(s.live),
            _ => None,
        };
        (live, orphans)
    });
    if let (Some(live), Which::Check) = (live.or(STATE.with(|s| s.borrow().live)), which) {
        live.busy.set(false);
        live.report.set(None);
        live.failed.set(true);
    }
    // every request still waiting hears why it will get no answer
    let reply = js_sys::Object::new();
    set(
        &reply,
        "error",
        &"本页面的文件读取或检查程序未能启动，请刷新页面后重试".into(),
    );
    for done in orphans {
        done(reply.clone().into());
    }
    web_sys::console::error_1(&format!("nianbao: {} 未能启动", which.name()).into());
}

/// Starts the worker if it is not running; `false` if it cannot run.
fn start(which: Which) -> bool {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let c = &mut s.conns[which as usize];
        if c.worker.is_none() && !c.failed {
            c.worker = spawn(which);
            c.failed = c.worker.is_none();
            if let (Some(batch), false) = (&c.batch, c.failed) {
                c.waiting
                    .push(js_sys::Object::assign(&js_sys::Object::new(), batch));
            }
        }
        !c.failed
    })
}

/// Sends a request (an object with `op` and its fields); `done` gets the reply. `None`
/// when the worker cannot run.
fn send(which: Which, msg: js_sys::Object, done: Option<Callback>) -> Option<u32> {
    if !start(which) {
        return None;
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.next_id += 1;
        let id = s.next_id;
        set(&msg, "id", &JsValue::from(id));
        if let Some(done) = done {
            s.callbacks.insert(id, (which as usize, done));
        }
        let c = &mut s.conns[which as usize];
        if get(&msg, "op").as_string().as_deref() == Some("batch") {
            // (its reply is the sender's; a copy sent again has none)
            let copy = js_sys::Object::assign(&js_sys::Object::new(), &msg);
            js_sys::Reflect::delete_property(&copy, &"id".into()).ok();
            c.batch = Some(copy);
        }
        match (c.ready, &c.worker) {
            (true, Some(w)) => {
                let _ = w.post_message(&msg);
            }
            _ => c.waiting.push(msg),
        }
        Some(id)
    })
}

fn on_reply(which: Which, data: JsValue) {
    let op = get(&data, "op").as_string().unwrap_or_default();
    if op == "failed" {
        return failed(which);
    }
    if op == "ready" {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let c = &mut s.conns[which as usize];
            c.ready = true;
            let waiting = std::mem::take(&mut c.waiting);
            if let Some(w) = &c.worker {
                for m in waiting {
                    let _ = w.post_message(&m);
                }
            }
        });
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(-1.0) as u32;
    if op == "progress" {
        let n = |k: &str| get(&data, k).as_f64().unwrap_or(0.0) as u32;
        STATE.with(|s| {
            if let Some(tell) = s.borrow().progress.get(&id) {
                tell(n("done"), n("total"));
            }
        });
        return;
    }
    let (callback, live) = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.progress.remove(&id);
        let live = (s.live_in_flight == Some(id)).then(|| {
            s.live_in_flight = None;
            s.live
        });
        (s.callbacks.remove(&id).map(|(_, c)| c), live)
    });
    if let Some(done) = callback {
        done(data.clone());
    }
    if let Some(live) = live.flatten() {
        // an edit arrived while this one was checked: check the newest text instead
        if STATE.with(|s| s.borrow().live_next.is_some()) {
            send_live();
            return;
        }
        live.busy.set(false);
        live.at.set(js_sys::Date::now());
        let json = get(&data, "json").as_string();
        live.report.set(json.as_deref().and_then(Report::from_json));
    }
}

fn send_live() {
    let Some((text, previous, me, shape)) = STATE.with(|s| s.borrow_mut().live_next.take()) else {
        return;
    };
    let msg = js_sys::Object::new();
    set(&msg, "op", &"check".into());
    set(&msg, "text", &JsValue::from_str(&text));
    set(&msg, "previous", &JsValue::from_str(&previous));
    if let Some(me) = me {
        // a report of the batch opened in the editor: checked among its peers
        set(&msg, "me", &JsValue::from(me as u32));
    }
    if let Some(shape) = shape {
        // text read from a Word document or a PDF: the report says so (and a PDF's pages)
        set(&msg, "shape", &JsValue::from_str(&shape));
    }
    let id = send(Which::Check, msg, None);
    STATE.with(|s| s.borrow_mut().live_in_flight = id);
    if id.is_none() {
        if let Some(live) = STATE.with(|s| s.borrow().live) {
            live.busy.set(false);
        }
    }
}

/// Checks the editor's text (with last year's report, possibly empty; `me`: the report's
/// place in the batch it was opened from; `shape`: the shape of the file the text was read
/// from, if a Word document or a PDF); the report arrives in `live.report`. A newer call
/// replaces a waiting one.
pub fn check_live(
    live: Live,
    text: String,
    previous: String,
    me: Option<usize>,
    shape: Option<String>,
) {
    // nothing to check: no report at once, and a check still running is forgotten
    if text.trim().is_empty() {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.live_next = None;
            s.live_in_flight = None;
        });
        live.busy.set(false);
        live.report.set(None);
        return;
    }
    live.busy.set(true);
    live.failed.set(false);
    let idle = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.live = Some(live);
        s.live_next = Some((text, previous, me, shape));
        s.live_in_flight.is_none()
    });
    if idle {
        send_live();
    }
}

/// A request to a worker (`msg` with its `op`), answered by a future of the reply; a reply
/// with `error` set when the worker cannot run.
pub fn request(which: Which, msg: js_sys::Object) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let r = resolve.clone();
        let sent = send(
            which,
            msg.clone(),
            Some(Box::new(move |reply| {
                let _ = r.call1(&JsValue::NULL, &reply);
            })),
        );
        if sent.is_none() {
            let reply = js_sys::Object::new();
            set(
                &reply,
                "error",
                &"本页面的文件读取或检查程序未能启动，请刷新页面后重试".into(),
            );
            let _ = resolve.call1(&JsValue::NULL, &reply);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

/// A field of a worker's reply.
pub fn field(o: &JsValue, k: &str) -> JsValue {
    get(o, k)
}

/// A new request object: `{op}`.
pub fn message(op: &str) -> js_sys::Object {
    let msg = js_sys::Object::new();
    set(&msg, "op", &op.into());
    msg
}

/// Sets a field of a request.
pub fn put(msg: &js_sys::Object, k: &str, v: &JsValue) {
    set(msg, k, v)
}

/// One check outside the editor (the widget's host messages): `done` gets the report JSON.
pub fn check_once(text: String, previous: Option<String>, done: impl FnOnce(String) + 'static) {
    let msg = js_sys::Object::new();
    set(&msg, "op", &"check".into());
    set(&msg, "text", &JsValue::from_str(&text));
    set(
        &msg,
        "previous",
        &previous.map(JsValue::from).unwrap_or(JsValue::NULL),
    );
    send(
        Which::Check,
        msg,
        Some(Box::new(move |reply| {
            done(get(&reply, "json").as_string().unwrap_or_default())
        })),
    );
}

/// A rich paste's HTML as text; `done` gets it.
pub fn paste_text(html: String, done: impl FnOnce(String) + 'static) {
    let msg = js_sys::Object::new();
    set(&msg, "op", &"paste".into());
    set(&msg, "html", &JsValue::from_str(&html));
    send(
        Which::Check,
        msg,
        Some(Box::new(move |reply| {
            done(get(&reply, "text").as_string().unwrap_or_default())
        })),
    );
}

/// A file's text and, for a Word document or a PDF, its shape (`docx`, `doc`, `pdf`), or
/// why it cannot be opened (Chinese); `progress(done, total)` is told the pages read of a
/// long PDF.
pub fn file_text(
    bytes: js_sys::Uint8Array,
    progress: impl Fn(u32, u32) + 'static,
    done: impl FnOnce(Result<(String, Option<String>), String>) + 'static,
) {
    if !start(Which::Read) {
        return done(Err(
            "本页面的文件读取程序未能启动（“另存为”保存的网页不含它）：请刷新页面，或使用离线版 nianbao.html"
                .into(),
        ));
    }
    let msg = js_sys::Object::new();
    set(&msg, "op", &"file".into());
    set(&msg, "bytes", &bytes);
    let id = send(
        Which::Read,
        msg,
        Some(Box::new(move |reply| {
            done(match get(&reply, "text").as_string() {
                Some(t) => Ok((t, get(&reply, "shape").as_string())),
                None => Err(get(&reply, "error").as_string().unwrap_or_default()),
            })
        })),
    );
    if let Some(id) = id {
        STATE.with(|s| s.borrow_mut().progress.insert(id, Box::new(progress)));
    }
}

/// For the benchmark script: milliseconds per check of `text`, `n` checks in the worker.
#[wasm_bindgen]
pub fn bench_check(text: String, n: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut move |resolve, _| {
        let msg = js_sys::Object::new();
        set(&msg, "op", &"bench".into());
        set(&msg, "text", &JsValue::from_str(&text));
        set(&msg, "n", &JsValue::from(n));
        send(
            Which::Check,
            msg,
            Some(Box::new(move |reply| {
                let _ = resolve.call1(&JsValue::NULL, &get(&reply, "ms"));
            })),
        );
    })
}

/// Runs futures at once (the checkers' lanes) until all are done.
pub async fn all<F: std::future::Future<Output = ()>>(futures: Vec<F>) {
    let mut futures: Vec<Option<std::pin::Pin<Box<F>>>> =
        futures.into_iter().map(|f| Some(Box::pin(f))).collect();
    std::future::poll_fn(move |cx| {
        for slot in futures.iter_mut() {
            if slot
                .as_mut()
                .is_some_and(|f| f.as_mut().poll(cx).is_ready())
            {
                *slot = None;
            }
        }
        match futures.iter().all(Option::is_none) {
            true => std::task::Poll::Ready(()),
            false => std::task::Poll::Pending,
        }
    })
    .await
}
