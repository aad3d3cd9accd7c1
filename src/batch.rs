//! 批量检查: many reports at once, as the office above its subordinates checks them. The
//! files (several, a folder, a .zip) are read by the file worker exactly as the CLI reads
//! them, profiled and then checked by two checker workers (both cores), each report among
//! its peers: the same agency's report of the year before as last year's (the Y rules),
//! passages shared with other agencies (C114). The page keeps each report's text, its
//! report JSON and the line the list shows — never its findings as DOM.
//!
//! Domain logic (sorting, filtering, exports) is here; the components are in
//! `batch_view.rs`.

use crate::checker::{all, field, message, put, request, Which};
use leptos::prelude::*;
use nianbao_core::Report;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// What the list shows of one checked report (the checker's `line`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub format: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// `表二 ✓ 表三 ✗2 表四 ✓`
    pub tables: String,
    /// Each table's state: `ok`, `warnings`, `errors`, `incomplete`, `missing`.
    pub states: [String; 3],
    pub previous: Option<String>,
    pub problems: Vec<String>,
    pub codes: Vec<String>,
}

impl Line {
    fn from_js(v: &JsValue) -> Option<Line> {
        if v.is_null() || v.is_undefined() {
            return None;
        }
        let s = |k: &str| field(v, k).as_string();
        let n = |k: &str| field(v, k).as_f64().unwrap_or(0.0) as usize;
        let list = |k: &str| -> Vec<String> {
            js_sys::Array::from(&field(v, k))
                .iter()
                .filter_map(|x| x.as_string())
                .collect()
        };
        let states = list("states");
        Some(Line {
            agency: s("agency"),
            year: field(v, "year").as_f64().map(|y| y as i32),
            format: s("format"),
            errors: n("errors"),
            warnings: n("warnings"),
            infos: n("infos"),
            tables: s("tables").unwrap_or_default(),
            states: [0, 1, 2].map(|i| states.get(i).cloned().unwrap_or_default()),
            previous: s("previous"),
            problems: list("problems"),
            codes: list("codes"),
        })
    }
}

/// What the file worker read (what the CLI's check reads).
#[derive(Clone, Debug)]
pub struct Read {
    pub text: String,
    pub encoding: String,
    pub shape: Option<String>,
    pub bytes: usize,
}

/// One file of the batch.
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// Where it came from: `folder/2023.txt`, `reports.zip/2023.txt`.
    pub path: String,
    /// Its name, as the report's `source.name` (the CLI's too).
    pub name: String,
    pub read: Option<Read>,
    /// Why it could not be read or checked.
    pub error: Option<String>,
    /// What the batch needs of it: agency, year, sentence hashes (LE u64 bytes).
    pub profile: Option<(Option<String>, Option<i32>, Vec<u8>)>,
    /// The report JSON (compact, as the CLI's `--format jsonl` line).
    pub json: Option<String>,
    /// Its line of the summary CSV.
    pub row: Option<String>,
    pub line: Option<Line>,
    /// Its last year's report in the batch.
    pub previous: Option<usize>,
    /// Does the batch change its report (a last year's report, a sentence shared with
    /// another agency)? Then it is checked again among its peers.
    pub changes: bool,
}

impl Item {
    pub fn verdict(&self) -> (&'static str, &'static str) {
        match (&self.error, &self.line) {
            (Some(_), _) => ("unread", "无法读取"),
            (None, Some(l)) if l.errors > 0 => ("error", "有错误"),
            (None, Some(l)) if l.warnings > 0 => ("warning", "未发现错误"),
            (None, Some(_)) => ("ok", "未发现错误"),
            (None, None) => ("idle", "未检查"),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    Idle,
    /// Reading a .zip.
    Reading,
    /// Each report read and checked alone.
    Checking,
    /// Reports the batch changes checked again among their peers.
    Peers,
    Done,
    Cancelled,
}

/// A column the list sorts by.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sort {
    Path,
    Agency,
    Year,
    Verdict,
    Errors,
    Warnings,
}

/// The batch: its files, where the run is, and how the list is shown. Provided as context.
#[derive(Clone, Copy)]
pub struct Batch {
    pub items: StoredValue<Vec<Item>>,
    /// Bumped when `items` changed in a way the list shows.
    pub version: RwSignal<u32>,
    pub phase: RwSignal<Phase>,
    pub done: RwSignal<usize>,
    pub total: RwSignal<usize>,
    /// The batch view is shown instead of the single report's.
    pub shown: RwSignal<bool>,
    /// The report opened in the editor from the list.
    pub open: RwSignal<Option<usize>>,
    pub sort: RwSignal<(Sort, bool)>,
    pub only_failing: RwSignal<bool>,
    pub rule: RwSignal<String>,
    pub table: RwSignal<String>,
    /// The page's scroll position when a report was opened (restored on the way back).
    pub scroll: StoredValue<f64>,
    run: StoredValue<u32>,
    pub started: RwSignal<f64>,
    /// The checkers hold this run's batch: a report opened from the list is checked among
    /// its peers (before, it is checked alone: the checkers may hold another batch).
    pub peers_set: RwSignal<bool>,
}

/// A file of the batch before it is read: chosen (its bytes not yet read), from a .zip, or
/// why it cannot be read.
enum Input {
    File(web_sys::File),
    Bytes(js_sys::Uint8Array),
    Error(String),
}

/// The files, each taken by the lane that reads it.
type Inputs = Rc<RefCell<Vec<Option<Input>>>>;

/// Requests each checker has in flight: replies wait for the page's main thread, so with
/// one the checker would idle between two (measured with scripts/bench-batch.mjs: one 8.8 s,
/// two 6.1 s for 500 reports).
const IN_FLIGHT: usize = 3;

/// The items of files not read yet: a path, and the file's name as its report's name.
fn items_of<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<Item> {
    paths
        .map(|path| Item {
            path: path.to_string(),
            name: path.rsplit('/').next().unwrap_or(path).to_string(),
            ..Default::default()
        })
        .collect()
}

/// Names of files a batch reads: what the CLI reads in a folder, and .zip archives.
pub fn is_report_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let base = n.rsplit('/').next().unwrap_or(&n);
    if base.starts_with('.') || base == "readme.md" || base == "index.md" {
        return false;
    }
    [
        ".txt",
        ".html",
        ".htm",
        ".md",
        ".markdown",
        ".text",
        ".docx",
        ".doc",
        ".pdf",
        ".zip",
    ]
    .iter()
    .any(|e| base.ends_with(e))
}

impl Batch {
    pub fn new() -> Self {
        Batch {
            items: StoredValue::new(Vec::new()),
            version: RwSignal::new(0),
            phase: RwSignal::new(Phase::Idle),
            done: RwSignal::new(0),
            total: RwSignal::new(0),
            shown: RwSignal::new(false),
            open: RwSignal::new(None),
            sort: RwSignal::new((Sort::Path, false)),
            only_failing: RwSignal::new(false),
            rule: RwSignal::new(String::new()),
            table: RwSignal::new(String::new()),
            scroll: StoredValue::new(0.0),
            run: StoredValue::new(0),
            started: RwSignal::new(0.0),
            peers_set: RwSignal::new(false),
        }
    }

    pub fn running(&self) -> bool {
        matches!(
            self.phase.get(),
            Phase::Reading | Phase::Checking | Phase::Peers
        )
    }

    /// Stops the run: what is checked stays in the list.
    pub fn cancel(&self) {
        self.run.update_value(|r| *r += 1);
        if self.running() {
            self.phase.set(Phase::Cancelled);
            self.version.update(|v| *v += 1);
        }
    }

    /// Checks `files` (path, file) as one batch, replacing the one before.
    pub fn start(self, files: Vec<(String, web_sys::File)>) {
        self.run.update_value(|r| *r += 1);
        let run = self.run.get_value();
        // the files as they were given, until a .zip's files take its place
        self.items
            .set_value(items_of(files.iter().map(|(path, _)| path.as_str())));
        self.open.set(None);
        self.peers_set.set(false);
        self.shown.set(true);
        self.done.set(0);
        self.total.set(files.len());
        self.phase.set(Phase::Reading);
        self.started.set(js_sys::Date::now());
        self.version.update(|v| *v += 1);
        leptos::task::spawn_local(async move { self.run_batch(run, files).await });
    }

    fn live(&self, run: u32) -> bool {
        self.run.get_value() == run
    }

    async fn run_batch(self, run: u32, files: Vec<(String, web_sys::File)>) {
        // 1. a .zip's files in its place (the other files are read as they are checked)
        let mut inputs: Vec<(String, Input)> = Vec::new();
        for (path, f) in files {
            if !path.to_ascii_lowercase().ends_with(".zip") {
                inputs.push((path, Input::File(f)));
                continue;
            }
            let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await;
            if !self.live(run) {
                return;
            }
            let Ok(buf) = buf else {
                inputs.push((path, Input::Error("文件无法读取".into())));
                continue;
            };
            let bytes = js_sys::Uint8Array::new(&buf);
            let msg = message("unzip");
            put(&msg, "bytes", &bytes);
            let reply = request(Which::Read, msg).await.unwrap_or(JsValue::NULL);
            if !self.live(run) {
                return;
            }
            if let Some(e) = field(&reply, "error").as_string() {
                inputs.push((path, Input::Error(e)));
                continue;
            }
            for f in js_sys::Array::from(&field(&reply, "files")).iter() {
                let name = field(&f, "name").as_string().unwrap_or_default();
                if !is_report_name(&name) || name.to_ascii_lowercase().ends_with(".zip") {
                    continue;
                }
                let entry = match field(&f, "error").as_string() {
                    Some(e) => Input::Error(e),
                    None => Input::Bytes(js_sys::Uint8Array::new(&field(&f, "bytes"))),
                };
                inputs.push((format!("{path}/{name}"), entry));
            }
        }
        // the CLI's order for a folder: by path
        nianbao_core::base::sort::sort_by_key(&mut inputs, |(p, _)| p.clone());
        let n = inputs.len();
        self.items
            .set_value(items_of(inputs.iter().map(|(path, _)| path.as_str())));
        self.total.set(n);
        self.done.set(0);
        self.phase.set(Phase::Checking);
        let inputs = Rc::new(RefCell::new(
            inputs.into_iter().map(|(_, b)| Some(b)).collect::<Vec<_>>(),
        ));
        // 2. read and check each alone (profiles from the same parse), on both checkers
        self.lanes(run, n, Some(inputs)).await;
        if !self.live(run) {
            return;
        }
        // 3. the batch on both checkers; which report is which one's last year's
        let msg = message("batch");
        self.items.with_value(|items| {
            let col = |f: &dyn Fn(&Item) -> JsValue| items.iter().map(f).collect::<js_sys::Array>();
            fn p(it: &Item) -> Option<&(Option<String>, Option<i32>, Vec<u8>)> {
                it.profile.as_ref()
            }
            put(&msg, "names", &col(&|it| it.name.as_str().into()));
            put(
                &msg,
                "agencies",
                &col(&|it| {
                    p(it)
                        .and_then(|p| p.0.as_deref())
                        .map(JsValue::from)
                        .unwrap_or(JsValue::NULL)
                }),
            );
            put(
                &msg,
                "years",
                &col(&|it| {
                    p(it)
                        .and_then(|p| p.1)
                        .map(JsValue::from)
                        .unwrap_or(JsValue::NULL)
                }),
            );
            put(
                &msg,
                "sentences",
                &col(&|it| match p(it) {
                    Some(p) => js_sys::Uint8Array::from(p.2.as_slice()).into(),
                    None => JsValue::NULL,
                }),
            );
        });
        let (mut previous, mut changes) = (Vec::new(), Vec::new());
        for lane in [Which::Check, Which::Check2] {
            let msg: js_sys::Object = js_sys::Object::assign(&js_sys::Object::new(), &msg);
            let reply = request(lane, msg).await.unwrap_or(JsValue::NULL);
            if !self.live(run) {
                return;
            }
            let list =
                |k: &str| -> js_sys::Array { field(&reply, k).dyn_into().unwrap_or_default() };
            previous = list("previous")
                .iter()
                .map(|v| v.as_f64().map(|j| j as usize))
                .collect();
            changes = list("changes")
                .iter()
                .map(|v| v.as_bool() == Some(true))
                .collect();
        }
        if !self.live(run) {
            return;
        }
        self.items.update_value(|items| {
            for ((it, p), c) in items.iter_mut().zip(&previous).zip(&changes) {
                it.previous = *p;
                it.changes = *c;
            }
        });
        self.peers_set.set(true);
        self.phase.set(Phase::Peers);
        self.done.set(0);
        self.total.set(changes.iter().filter(|c| **c).count());
        // 4. check again, among its peers, every report the batch changes
        self.lanes(run, n, None).await;
        if self.live(run) {
            self.phase.set(Phase::Done);
            self.version.update(|v| *v += 1);
        }
    }

    /// A step on both checkers, `IN_FLIGHT` requests in flight on each (a checker never
    /// waits for the page between two): with `inputs`, reading and checking each file
    /// alone; else checking again those the batch changes.
    async fn lanes(self, run: u32, n: usize, inputs: Option<Inputs>) {
        let next = Rc::new(Cell::new(0usize));
        all((0..2 * IN_FLIGHT)
            .map(|k| {
                let lane = if k % 2 == 0 {
                    Which::Check
                } else {
                    Which::Check2
                };
                self.lane(run, n, next.clone(), lane, inputs.clone())
            })
            .collect())
        .await
    }

    /// One checker's share of a step: the next file not taken by the other, until none is
    /// left or the run is cancelled. With `inputs`, reading and profiling; else checking.
    async fn lane(
        self,
        run: u32,
        n: usize,
        next: Rc<Cell<usize>>,
        lane: Which,
        inputs: Option<Inputs>,
    ) {
        loop {
            let i = next.get();
            if i >= n || !self.live(run) {
                return;
            }
            next.set(i + 1);
            match &inputs {
                Some(inputs) => {
                    let input = inputs.borrow_mut()[i].take();
                    self.read_one(run, i, input, lane).await;
                    if self.live(run) {
                        self.done.update(|d| *d += 1);
                    }
                }
                // only the reports the batch changes count in this step
                None => {
                    if self.check_one(run, i, lane).await && self.live(run) {
                        self.done.update(|d| *d += 1);
                    }
                }
            }
        }
    }

    /// Reads file `i` (its bytes, or why there are none) and profiles it on `lane`.
    async fn read_one(self, run: u32, i: usize, input: Option<Input>, lane: Which) {
        let set = |f: &mut dyn FnMut(&mut Item)| self.update(run, i, f);
        let bytes = match input {
            Some(Input::Bytes(b)) => b,
            Some(Input::File(f)) => {
                match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
                    Ok(buf) => js_sys::Uint8Array::new(&buf),
                    Err(_) => return set(&mut |it| it.error = Some("文件无法读取".into())),
                }
            }
            Some(Input::Error(e)) => return set(&mut |it| it.error = Some(e.clone())),
            None => return,
        };
        let len = bytes.length() as usize;
        let msg = message("read");
        put(&msg, "bytes", &bytes);
        let reply = request(Which::Read, msg).await.unwrap_or(JsValue::NULL);
        if let Some(e) = field(&reply, "error").as_string() {
            return set(&mut |it| it.error = Some(e.clone()));
        }
        let read = Read {
            text: field(&reply, "text").as_string().unwrap_or_default(),
            encoding: field(&reply, "encoding").as_string().unwrap_or_default(),
            shape: field(&reply, "shape").as_string(),
            bytes: len,
        };
        set(&mut |it| it.read = Some(read.clone()));
        // checked alone, its profile from the same parse
        let reply = self.check_request(run, i, lane, "first").await;
        let sentences = field(&reply, "sentences");
        let profile = (!sentences.is_undefined()).then(|| {
            (
                field(&reply, "agency").as_string(),
                field(&reply, "year").as_f64().map(|y| y as i32),
                js_sys::Uint8Array::new(&sentences).to_vec(),
            )
        });
        set(&mut |it| it.profile = profile.clone());
    }

    /// Checks report `i` again on `lane` among its peers (`me`), with its last year's report
    /// when the batch has it — if the batch changes its report.
    async fn check_one(self, run: u32, i: usize, lane: Which) -> bool {
        let changes = self
            .items
            .with_value(|items| items.get(i).is_some_and(|it| it.changes));
        if changes {
            self.check_request(run, i, lane, "check").await;
        }
        changes
    }

    /// Changes item `i` of run `run` — unless a new batch (or a cancel) came since: a late
    /// reply never writes into another batch's items.
    fn update(self, run: u32, i: usize, f: &mut dyn FnMut(&mut Item)) {
        if self.live(run) {
            self.items.update_value(|items| {
                if let Some(it) = items.get_mut(i) {
                    f(it)
                }
            });
        }
    }

    /// A check of report `i` (`op` `first`: alone; `check`: in the batch), its report
    /// stored; the reply.
    async fn check_request(self, run: u32, i: usize, lane: Which, op: &str) -> JsValue {
        let in_batch = op == "check";
        if !self.live(run) {
            return JsValue::NULL;
        }
        let msg = self.items.with_value(|items| {
            let it = items.get(i)?;
            let read = it.read.as_ref()?;
            let msg = message(op);
            put(&msg, "text", &read.text.as_str().into());
            put(&msg, "name", &it.name.as_str().into());
            put(&msg, "bytes", &JsValue::from(read.bytes as u32));
            put(&msg, "encoding", &read.encoding.as_str().into());
            if let Some(s) = &read.shape {
                put(&msg, "shape", &s.as_str().into());
            }
            if in_batch {
                put(&msg, "me", &JsValue::from(i as u32));
            }
            if let Some(p) = it.previous.and_then(|j| items.get(j)).filter(|_| in_batch) {
                if let Some(pr) = &p.read {
                    put(&msg, "previous", &pr.text.as_str().into());
                    put(&msg, "previous_name", &p.name.as_str().into());
                    if let Some(s) = &pr.shape {
                        put(&msg, "previous_shape", &s.as_str().into());
                    }
                }
            }
            Some(msg)
        });
        let Some(msg) = msg else {
            return JsValue::NULL;
        };
        let reply = request(lane, msg).await.unwrap_or(JsValue::NULL);
        let error = field(&reply, "error").as_string();
        let json = field(&reply, "json").as_string();
        let row = field(&reply, "row").as_string();
        let line = Line::from_js(&field(&reply, "line"));
        self.update(run, i, &mut |it| {
            it.error = error.clone();
            it.json = json.clone();
            it.row = row.clone();
            it.line = line.clone();
        });
        reply
    }

    /// The items in the list's order, filtered: their places in `items`.
    pub fn shown_items(&self) -> Vec<usize> {
        let (sort, desc) = self.sort.get();
        let (failing, rule, table) = (self.only_failing.get(), self.rule.get(), self.table.get());
        self.version.track();
        self.items.with_value(|items| {
            let mut idx: Vec<usize> = (0..items.len())
                .filter(|&i| {
                    let it = &items[i];
                    let l = it.line.as_ref();
                    (!failing || it.error.is_some() || l.is_some_and(|l| l.errors > 0))
                        && (rule.is_empty() || l.is_some_and(|l| l.codes.contains(&rule)))
                        && (table.is_empty()
                            || l.is_some_and(|l| {
                                let k = ["t2", "t3", "t4"].iter().position(|t| *t == table);
                                k.is_some_and(|k| l.states[k] != "ok")
                            }))
                })
                .collect();
            let key = |i: &usize| -> (i64, String) {
                let it = &items[*i];
                let l = it.line.as_ref();
                match sort {
                    Sort::Path => (0, it.path.clone()),
                    Sort::Agency => (0, l.and_then(|l| l.agency.clone()).unwrap_or_default()),
                    Sort::Year => (l.and_then(|l| l.year).unwrap_or(0) as i64, String::new()),
                    Sort::Verdict => (
                        match it.verdict().0 {
                            "unread" => 0,
                            "error" => 1,
                            "warning" => 2,
                            "ok" => 3,
                            _ => 4,
                        },
                        it.path.clone(),
                    ),
                    Sort::Errors => (l.map_or(-1, |l| l.errors as i64), String::new()),
                    Sort::Warnings => (l.map_or(-1, |l| l.warnings as i64), String::new()),
                }
            };
            nianbao_core::base::sort::sort_by_key(&mut idx, |i| (key(i), *i));
            if desc {
                idx.reverse();
            }
            idx
        })
    }

    /// Every rule that found something in the batch, for the rule filter.
    pub fn codes(&self) -> Vec<String> {
        self.version.track();
        self.items.with_value(|items| {
            let mut c: Vec<String> = items
                .iter()
                .filter_map(|it| it.line.as_ref())
                .flat_map(|l| l.codes.iter().cloned())
                .collect();
            nianbao_core::base::sort::sort(&mut c);
            c.dedup();
            c
        })
    }

    /// Totals per verdict: (有错误, 未发现错误, 无法读取, 未检查).
    pub fn totals(&self) -> (usize, usize, usize, usize) {
        self.version.track();
        self.items.with_value(|items| {
            let mut t = (0, 0, 0, 0);
            for it in items {
                match it.verdict().0 {
                    "error" => t.0 += 1,
                    "warning" | "ok" => t.1 += 1,
                    "unread" => t.2 += 1,
                    _ => t.3 += 1,
                }
            }
            t
        })
    }

    /// The summary CSV for Excel: one row per report, in the batch's order (the CLI's
    /// `--format csv --summary`).
    pub fn summary_csv(&self) -> String {
        self.items.with_value(|items| {
            let mut out = String::from(Report::SUMMARY_HEADER);
            for it in items {
                match (&it.row, &it.error) {
                    (Some(r), _) => out.push_str(r),
                    (None, e) => out.push_str(&Report::summary_row_unread(
                        &it.path,
                        e.as_deref().unwrap_or("未检查（已取消）"),
                    )),
                }
            }
            out
        })
    }

    /// Every report JSON, one per line (the CLI's `--format jsonl`).
    pub fn jsonl(&self) -> String {
        self.items.with_value(|items| {
            let mut out = String::new();
            for j in items.iter().filter_map(|it| it.json.as_deref()) {
                out.push_str(j);
                out.push('\n');
            }
            out
        })
    }
}
