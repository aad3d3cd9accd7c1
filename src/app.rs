//! The page: editor, verdict, findings, tables. Domain logic lives in `nianbao_core` and
//! `view.rs`; components only wire signals to the DOM.

use crate::batch::{is_report_name, Batch};
use crate::batch_view::BatchView;
use crate::checker::{self, Live};
use crate::editor::{select_span, Editor, EditorRef};
use crate::files::{download, open_files};
use crate::findings::{rule_summary, Findings, RuleDoc};
use crate::notice::{NoticeBar, Notices};
use crate::store::{self, Dismissals};
use crate::tables_view::TablesView;
use crate::view;
use leptos::prelude::*;
use nianbao_core::{Report, Severity, Span};
use wasm_bindgen::JsCast;

const SAMPLE: &str = include_str!("../assets/sample.txt");

/// A place to show in the editor: a finding's (or a table cell's) span, the spans it is
/// computed from and the cell most likely wrong.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Target {
    /// The finding shown (its index in the report), highlighted in the list.
    pub finding: Option<usize>,
    /// Selected and marked as the primary place.
    pub span: Option<Span>,
    pub related: Vec<Span>,
    /// The cell most likely wrong (`suspect`), marked apart from the operands.
    pub suspect: Option<Span>,
}

/// What an editor marks: the place shown there.
pub type Marks = Target;

/// The second editor (上年度报告): its text, its marks and whether it is open. Provided as
/// context so that a finding can mark its locations in last year's report.
#[derive(Clone, Copy)]
pub struct Previous {
    pub text: RwSignal<String>,
    pub marks: RwSignal<Marks>,
    pub open: RwSignal<bool>,
    pub editor: EditorRef,
}

/// Beyond this size (no real report comes near it) the page checks only when asked: the
/// draft is kept, and a button starts the check.
pub const AUTO_CHECK_MAX: usize = 2 << 20;

/// The editor's checking: reports from the worker, and whether the text is too large to be
/// checked on every edit. Provided as context.
#[derive(Clone, Copy)]
pub struct Checking {
    pub live: Live,
    pub large: RwSignal<bool>,
    text: RwSignal<String>,
    previous: Option<RwSignal<String>>,
    /// A report of the batch, opened in the editor: its place in the batch (C114).
    me: Option<usize>,
    /// The shape of the file the text was opened from (`Notices::origin`).
    origin: RwSignal<Option<String>>,
}

impl Checking {
    /// Checks on every edit of `text` (and of last year's report) below `AUTO_CHECK_MAX`;
    /// `origin`: the shape of the file the text came from.
    pub fn new(
        text: RwSignal<String>,
        previous: Option<RwSignal<String>>,
        me: Option<usize>,
        origin: RwSignal<Option<String>>,
    ) -> Self {
        let c = Checking {
            live: Live {
                report: RwSignal::new(None),
                busy: RwSignal::new(false),
                at: RwSignal::new(0.0),
                failed: RwSignal::new(false),
            },
            large: RwSignal::new(false),
            text,
            previous,
            me,
            origin,
        };
        Effect::new(move |_| {
            let large = text.with(|t| t.len() > AUTO_CHECK_MAX);
            origin.track();
            if let Some(p) = previous {
                p.track();
            }
            c.large.set(large);
            if !large {
                c.run();
            }
        });
        c
    }
    /// Checks the current text now.
    pub fn run(self) {
        crate::editor::flush_all();
        let t = self.text.get_untracked();
        let p = self.previous.map(|p| p.get_untracked()).unwrap_or_default();
        checker::check_live(self.live, t, p, self.me, self.origin.get_untracked());
    }
    /// The report with the user's dismissals applied (an empty report before the first).
    pub fn report(self, dismissals: RwSignal<Dismissals>) -> Memo<Report> {
        Memo::new(move |_| {
            let mut r = self.live.report.get().unwrap_or_else(Report::empty);
            dismissals.with(|d| {
                self.text
                    .with_untracked(|t| r.apply_dismissals(t, |k| d.get(k).cloned()))
            });
            r
        })
    }
}

/// Puts a finding's suspected correct value into the text (one edit the notice's 撤销 takes
/// back). Provided as context.
#[derive(Clone, Copy)]
pub struct Fix(pub Callback<(Span, String, String)>);

impl Fix {
    /// `(span, raw, value)`: the cell's place, what the report read there, the right value.
    /// Only if the text there still says `raw` (the report may be older than the text).
    pub fn new(text: RwSignal<String>) -> Self {
        let notices = expect_context::<Notices>();
        Fix(Callback::new(
            move |(span, raw, value): (Span, String, String)| {
                crate::editor::flush_all();
                let new = text.with_untracked(|t| {
                    (t.get(span.start..span.end) == Some(raw.as_str()))
                        .then(|| format!("{}{}{}", &t[..span.start], value, &t[span.end..]))
                });
                match new {
                    Some(new) => notices.replace(text, new, &format!("已把该格改为 {value}")),
                    None => notices.error("正文已改动，请等检查结果更新后再试".to_string()),
                }
            },
        ))
    }
}

pub type DocCode = RwSignal<Option<(&'static str, &'static str, Severity)>>;

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Findings,
    Tables,
}

/// Marks a target's spans, selects its primary span in the editor and scrolls it into view.
pub fn select(editor: EditorRef, text: RwSignal<String>, marks: RwSignal<Marks>, t: Target) {
    let span = t.span;
    marks.set(t);
    if let Some(span) = span {
        select_span(editor, text, span);
    }
}

/// What showing a place in an editor does: [`select`] there.
pub fn jumper(
    editor: EditorRef,
    text: RwSignal<String>,
    marks: RwSignal<Marks>,
) -> Callback<Target> {
    Callback::new(move |t: Target| select(editor, text, marks, t))
}

#[component]
pub fn App() -> impl IntoView {
    let text = RwSignal::new(store::load_draft());
    let dismissals = RwSignal::new(store::load_dismissals());
    let marks = RwSignal::new(Marks::default());
    let doc_code: DocCode = RwSignal::new(None);
    provide_context(doc_code);
    let batch = Batch::new();
    provide_context(batch);
    let editor = EditorRef::default();

    let prev = Previous {
        text: RwSignal::new(store::load_previous()),
        marks: RwSignal::new(Marks::default()),
        open: RwSignal::new(false),
        editor: EditorRef::default(),
    };
    prev.open.set(!prev.text.get_untracked().trim().is_empty());
    // a draft (or last year's report) over 1 MB was kept in IndexedDB: it arrives a moment later
    let origin = store::load_origin();
    let notices = Notices::new(origin.clone());
    provide_context(notices);
    provide_context(Fix::new(text));
    // where the draft came from is forgotten when the editor is emptied
    Effect::new(move |was_empty: Option<bool>| {
        let empty = text.with(|t| t.trim().is_empty());
        if was_empty == Some(false) && empty {
            notices.origin().set(None);
        }
        empty
    });
    store::load_large(false, move |t| {
        // typed over (or a file opened) while it loaded: restored, with the shape of the
        // file it came from, and a way back to what was there
        match text.with_untracked(String::is_empty) {
            true => text.set(t),
            false => notices.replace_from(text, t, origin, "已恢复上次保存的草稿"),
        }
    });
    store::load_large(true, move |t| {
        if prev.text.with_untracked(String::is_empty) {
            prev.open.set(true);
            prev.text.set(t);
        }
    });
    provide_context(prev);
    let checking = Checking::new(text, Some(prev.text), None, notices.origin());
    provide_context(checking);
    let report = checking.report(dismissals);
    let jump = jumper(editor, text, marks);

    // autosave: the draft survives a reload or a crash, saved with the shape of the file it
    // came from (a PDF's findings keep their pages)
    store::autosave(text, move |t| {
        store::save_draft(t);
        notices
            .origin()
            .with_untracked(|o| store::save_origin(o.as_deref()));
    });
    Effect::new(move |_| dismissals.with(store::save_dismissals));
    store::autosave(prev.text, store::save_previous);

    view! {
        <header class="top">
            <h1>"年报检查"<span class="sub">" · 政府信息公开工作年度报告"</span></h1>
            <p class="privacy">"报告只在本机浏览器中检查，不会上传或发送到任何地方。"
                <a class="offline" href="nianbao.html" download="nianbao.html">"下载离线版（单个文件，断网可用）"</a></p>
        </header>
        <main class="layout" hidden=move || batch.shown.get()>
            <section class="left" aria-label="报告正文">
                <Toolbar text report />
                <NoticeBar />
                <Editor text editor marks report on_marker=crate::findings::on_marker(report, jump) />
                <PreviousEditor prev id="previous-text" label="上年度报告全文（可选，用于跨年度核对）"
                    placeholder="在此粘贴本机关上一年度的年度报告（可选）……">
                    "上年度报告（可选）"<span class="hint">"：粘贴本机关上一年度的报告，即可进行跨年度核对"</span>
                </PreviousEditor>
            </section>
            <section class="right" aria-label="检查结果">
                <Results report text dismissals marks jump />
            </section>
        </main>
        <Show when=move || batch.shown.get() fallback=|| ()>
            <BatchView />
        </Show>
        <RuleDoc doc_code />
        <div hidden=move || batch.shown.get()>
            <PrintView report />
        </div>
    }
}

/// Last year's report under this year's editor, folded away until opened (`children`: its
/// heading).
#[component]
pub fn PreviousEditor(
    prev: Previous,
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="previous" prop:open=move || prev.open.get()
            on:toggle=move |ev| prev.open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{children()}</summary>
            <Editor text=prev.text editor=prev.editor marks=prev.marks id label placeholder />
        </details>
    }
}

/// The results of a report beside its editor: verdict, then the findings or the tables.
#[component]
pub fn Results(
    report: Memo<Report>,
    text: RwSignal<String>,
    dismissals: RwSignal<Dismissals>,
    marks: RwSignal<Marks>,
    /// Shows a place in the report's editor ([`jumper`]).
    jump: Callback<Target>,
) -> impl IntoView {
    let tab = RwSignal::new(Tab::Findings);
    let doc_code = expect_context::<DocCode>();
    view! {
        <Summary report />
        <Show when=move || !report.with(view::is_empty) fallback=move || text.with(|t| t.trim().is_empty()).then(|| view! { <Welcome /> })>
        <div class="tabs" role="tablist">
            <button role="tab" id="tab-findings" aria-selected=move || (tab.get() == Tab::Findings).to_string()
                on:click=move |_| tab.set(Tab::Findings)>"问题列表"</button>
            <button role="tab" id="tab-tables" aria-selected=move || (tab.get() == Tab::Tables).to_string()
                on:click=move |_| tab.set(Tab::Tables)>"统计表"</button>
        </div>
        <Show when=move || tab.get() == Tab::Findings fallback=move || view! {
            <TablesView report on_cell=Callback::new(move |(span, related): (Option<Span>, Vec<Span>)| jump.run(Target { span, related, ..Target::default() })) />
        }>
            <Findings report text dismissals doc_code marks on_jump=jump />
        </Show>
        </Show>
    }
}

/// The compact checker for portals (`?embed=1`): editor, verdict, findings.
#[component]
pub fn Widget(cfg: crate::embed::Embed) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let dismissals = RwSignal::new(Dismissals::new());
    let marks = RwSignal::new(Marks::default());
    let doc_code: DocCode = RwSignal::new(None);
    provide_context(doc_code);
    let editor = EditorRef::default();
    let notices = Notices::new(None);
    provide_context(notices);
    let checking = Checking::new(text, None, None, notices.origin());
    provide_context(checking);
    let report = checking.report(dismissals);
    provide_context(Fix::new(text));
    let jump = jumper(editor, text, marks);
    // the host sizes the iframe to the content
    let cfg2 = cfg.clone();
    Effect::new(move |_| {
        report.track();
        let cfg = cfg2.clone();
        request_animation_frame(move || crate::embed::post_height(&cfg));
    });
    view! {
        <div class="embed">
            <NoticeBar />
            <Editor text editor marks report on_marker=crate::findings::on_marker(report, jump) />
            <Summary report />
            <Show when=move || !report.with(view::is_empty) fallback=|| ()>
                <Findings report text dismissals doc_code marks on_jump=jump />
            </Show>
            <p class="embed-foot">"在本机浏览器中检查，不上传。"<a href="./" target="_blank" rel="noopener">"在完整页面中打开 ↗"</a></p>
        </div>
        <RuleDoc doc_code />
    }
}

#[component]
fn Toolbar(text: RwSignal<String>, report: Memo<Report>) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let batch = expect_context::<Batch>();
    // one file opens in the editor; several, or a .zip, are checked as a batch
    let on_file = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            open_files(crate::files::files_of(&list), text, notices, batch);
        }
        input.set_value("");
    };
    let on_folder = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            let files: Vec<_> = crate::files::files_of(&list)
                .into_iter()
                .filter(|(p, _)| is_report_name(p))
                .collect();
            match files.is_empty() {
                true => notices.error(
                    "文件夹中没有可检查的报告文件（.txt .html .md .docx .doc .zip）".to_string(),
                ),
                false => batch.start(files),
            }
        }
        input.set_value("");
    };
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(i) = folder.get() {
            let _ = i.set_attribute("webkitdirectory", "");
        }
    });
    // both can be undone in one step (the notice's 撤销)
    let clear = move |_| notices.replace_from(text, String::new(), None, "已清空");
    // named after the report (`<机关><年度>年报检查.csv`); rule names from the page's docs
    let export_json = move |_| {
        report.with(|r| download(&r.export_name("json"), "application/json", &r.to_json()))
    };
    let export_csv = move |_| {
        report.with(|r| {
            let file = r.source.name.as_deref().unwrap_or("");
            let csv = Report::csv(&[(file, r)], &|code| rule_summary(code));
            download(&r.export_name("csv"), "text/csv;charset=utf-8", &csv)
        })
    };
    view! {
        <div class="toolbar">
            <button on:click=move |_| notices.replace_from(text, SAMPLE.to_string(), None, "已载入示例")>"载入示例"</button>
            <label class="button">"打开文件"
                <input type="file" multiple accept=".txt,.html,.htm,.md,.text,.docx,.doc,.pdf,.zip" class="visually-hidden" on:change=on_file />
            </label>
            <label class="button" title="检查文件夹中的全部报告（批量检查）">"打开文件夹"
                <input type="file" multiple node_ref=folder class="visually-hidden" on:change=on_folder />
            </label>
            <button on:click=export_json>"导出 JSON"</button>
            <button on:click=export_csv>"导出 CSV"</button>
            <button on:click=move |_| { let _ = window().print(); }>"打印"</button>
            <button class="danger" on:click=clear>"清空"</button>
        </div>
    }
}

/// What an empty page shows instead of results: how to start (the toolbar offers 载入示例).
#[component]
fn Welcome() -> impl IntoView {
    view! {
        <div class="welcome">
            <p>"粘贴报告全文，或把 .txt / .html / .docx / .doc / .pdf 文件拖入编辑框，即可检查章节、格式、三张统计表的勾稽关系以及正文与表格是否一致。没有报告时，可点“载入示例”看看检查结果。"</p>
            <p>"一次拖入（或“打开文件”选择）多个文件、一个文件夹或 .zip 压缩包，即可批量检查：同一机关相邻年度的报告自动对照，并查找不同机关报告中相同的段落。"</p>
        </div>
    }
}

#[component]
fn Summary(report: Memo<Report>) -> impl IntoView {
    let c = expect_context::<Checking>();
    let waiting = move || c.live.busy.get() && report.with(view::is_empty);
    view! {
        <div class="summary" role="status" aria-live="polite" aria-busy=move || c.live.busy.get().to_string()>
            <p class=move || match waiting() {
                true => "verdict idle".to_string(),
                false => report.with(|r| format!("verdict {}", view::verdict(r).0)),
            }>
                {move || match waiting() {
                    true => "正在检查……".to_string(),
                    false => report.with(|r| view::verdict(r).1),
                }}
            </p>
            <p class="busy" hidden=move || !c.live.busy.get() || waiting()>"正在更新检查结果……"</p>
            <p class="tables-state" hidden=move || report.with(view::is_empty)>
                {move || report.with(|r| r.tables_line())}
            </p>
            <Show when=move || c.live.failed.get() fallback=|| ()>
                <p class="large" role="alert">"检查程序出错，未能给出结果；编辑内容后将重新检查（草稿不受影响）。"</p>
            </Show>
            <Show when=move || c.large.get() fallback=|| ()>
                <p class="large">
                    {format!("报告超过 {} MB，输入时不再自动检查（草稿已保存）。", AUTO_CHECK_MAX >> 20)}
                    <button on:click=move |_| c.run() disabled=move || c.live.busy.get()>
                        {move || if c.live.busy.get() { "正在检查……" } else { "立即检查" }}
                    </button>
                </p>
            </Show>
            <p class="meta" hidden=move || report.with(view::is_empty)>
                {move || report.with(|r| format!(
                    "{} · {} · {} · {}{}",
                    view::format_label(r),
                    r.meta.year.map(|y| format!("{y}年度")).unwrap_or_else(|| "年度未识别".into()),
                    r.meta.agency.clone().unwrap_or_else(|| "机关未识别".into()),
                    view::kind_label(r),
                    if r.summary.infos > 0 { format!(" · {} 个提示", r.summary.infos) } else { String::new() },
                ))}
            </p>
        </div>
    }
}

/// Only shown when printing (A4): verdict, findings (with dismissal reasons), tables.
#[component]
fn PrintView(report: Memo<Report>) -> impl IntoView {
    let checked_at = expect_context::<Checking>().live.at;
    // drawn only while printing (or print media is emulated): it repeats every finding and
    // every table, which would otherwise be redrawn on every check
    let printing = printing();
    view! {
        <Show when=move || printing.get() fallback=|| ()>
        <div class="print-only">
            <h1>"政府信息公开工作年度报告检查结果"</h1>
            <p class="print-title">{move || report.with(|r| r.meta.title.clone().unwrap_or_else(|| "（未识别标题）".into()))}</p>
            <dl class="print-head">
                {move || report.with(|r| view::print_header(r, checked_at.get())).into_iter().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view()}
            </dl>
            <ol>
                {move || report.with(|r| r.findings.iter().map(|f| view! {
                    <li>{format!("[{}] {} {} {}", f.code, f.severity.zh(), f.page.map(|p| format!("第{p}页")).unwrap_or_default() + &f.line.map(|l| format!("第{l}行")).unwrap_or_default(), f.message)}
                        {f.dismissed.as_ref().map(|d| format!("（已确认无误：{}）", d.reason))}</li>
                }).collect_view())}
            </ol>
            <Show when=move || !report.with(view::is_empty) fallback=|| ()>
                <TablesView report on_cell=Callback::new(|_| ()) />
            </Show>
        </div>
        </Show>
    }
}

/// True while the page is printed (or print media is emulated): what only a printout shows
/// is drawn only then.
pub fn printing() -> RwSignal<bool> {
    let printing = RwSignal::new(false);
    if let Ok(Some(mq)) = window().match_media("print") {
        printing.set(mq.matches());
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| printing.set(e.matches()),
        );
        let _ = mq.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
    for (event, on) in [("beforeprint", true), ("afterprint", false)] {
        let f = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || printing.set(on));
        let _ = window().add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
        f.forget();
    }
    printing
}
