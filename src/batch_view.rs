//! The batch view (批量检查): progress and cancel, the list of reports (sortable,
//! filterable), a report opened in the editor and the way back, the exports and the
//! printable summary. The domain logic is in `batch.rs`.

use crate::app::{jumper, Checking, Fix, Marks, Previous, PreviousEditor, Results};
use crate::batch::{Batch, Item, Phase, Sort};
use crate::editor::{Editor, EditorRef};
use crate::files::download;
use crate::store::Dismissals;
use leptos::prelude::*;

#[component]
pub fn BatchView() -> impl IntoView {
    let b = expect_context::<Batch>();
    let export_csv = move |_| {
        download(
            "批量检查汇总.csv",
            "text/csv;charset=utf-8",
            &b.summary_csv(),
        )
    };
    let export_jsonl = move |_| download("批量检查结果.jsonl", "application/x-ndjson", &b.jsonl());
    view! {
        <section class="batch" aria-label="批量检查">
            <div class="batch-head">
                <h2>"批量检查"</h2>
                <Progress />
                <div class="toolbar">
                    <button class="danger" hidden=move || !b.running() on:click=move |_| b.cancel()>"取消"</button>
                    <button disabled=move || b.running() on:click=export_csv>"导出汇总 CSV"</button>
                    <button disabled=move || b.running() on:click=export_jsonl>"导出全部 JSON Lines"</button>
                    <button disabled=move || b.running() on:click=move |_| { let _ = window().print(); }>"打印汇总"</button>
                    <button on:click=move |_| { b.cancel(); b.open.set(None); b.shown.set(false); }>"返回单份检查"</button>
                </div>
            </div>
            <div hidden=move || b.open.get().is_some()>
                <List />
            </div>
            {move || b.open.get().map(|i| view! { <Detail i /> })}
            <BatchPrint />
        </section>
    }
}

#[component]
fn Progress() -> impl IntoView {
    let b = expect_context::<Batch>();
    let words = move || {
        let (done, total) = (b.done.get(), b.total.get());
        match b.phase.get() {
            Phase::Reading => "正在读取压缩包……".to_string(),
            Phase::Checking => format!("已检查 {done} / {total}"),
            Phase::Peers => format!("正在对照同批报告（跨年度、跨机关）{done} / {total}"),
            Phase::Cancelled => "已取消：列表中是已检查的报告".to_string(),
            Phase::Done => {
                let total = b.items.with_value(Vec::len);
                // tenths of a second, in integers: no float formatting in the page
                let t = ((js_sys::Date::now() - b.started.get_untracked()) / 100.0) as u64;
                format!("已检查 {total} 份报告（用时 {}.{} 秒）", t / 10, t % 10)
            }
            Phase::Idle => String::new(),
        }
    };
    view! {
        <div class="batch-progress" role="status" aria-live="polite" aria-busy=move || b.running().to_string()>
            <progress max=move || b.total.get().max(1) value=move || match b.phase.get() {
                Phase::Reading | Phase::Checking | Phase::Peers => b.done.get(),
                _ => b.total.get(),
            } aria-label="检查进度"></progress>
            <span class="batch-progress-text">{words}</span>
        </div>
    }
}

/// Rows of the list drawn at a time.
const PAGE: usize = 100;

#[component]
fn List() -> impl IntoView {
    let b = expect_context::<Batch>();
    let head = move |label: &'static str, s: Sort| {
        let aria = move || match b.sort.get() {
            (x, false) if x == s => "ascending",
            (x, true) if x == s => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button class="sort" on:click=move |_| b.sort.update(|(x, d)| {
                    if *x == s { *d = !*d } else { *x = s; *d = matches!(s, Sort::Errors | Sort::Warnings); }
                })>{label}</button>
            </th>
        }
    };
    let rows = move || b.shown_items();
    let count = move || b.items.with_value(Vec::len);
    // drawn a page at a time: 500 rows at once would hold the page's thread for half a
    // second; a new batch or filter starts again at the first page
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        b.version.track();
        b.only_failing.track();
        b.rule.track();
        b.table.track();
        b.sort.track();
        limit.set(PAGE);
    });
    view! {
        <div class="batch-totals">
            {move || { let (e, ok, bad, idle) = b.totals(); format!(
                "有错误 {e} 份 · 未发现错误 {ok} 份 · 无法读取 {bad} 份{}",
                if idle > 0 { format!(" · 未检查 {idle} 份") } else { String::new() }) }}
        </div>
        <div class="filters batch-filters" role="group" aria-label="筛选报告">
            <label><input type="checkbox" prop:checked=move || b.only_failing.get()
                on:change=move |ev| b.only_failing.set(event_target_checked(&ev)) />"只看有错误或无法读取的报告"</label>
            <label>"规则 "
                <select on:change=move |ev| b.rule.set(event_target_value(&ev)) prop:value=move || b.rule.get()>
                    <option value="">"全部规则"</option>
                    {move || b.codes().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label>"统计表 "
                <select on:change=move |ev| b.table.set(event_target_value(&ev)) prop:value=move || b.table.get()>
                    <option value="">"全部"</option>
                    <option value="t2">"表二有问题"</option>
                    <option value="t3">"表三有问题"</option>
                    <option value="t4">"表四有问题"</option>
                </select>
            </label>
            <span class="batch-count">{move || format!("显示 {} / {} 份", rows().len(), count())}</span>
        </div>
        <Show when=move || !b.running() fallback=|| ()>
        <Show when=move || !rows().is_empty() fallback=move || view! {
            <p class="empty-filter">"没有符合筛选条件的报告。"</p>
        }>
            <div class="batch-scroll">
                <table class="batch-list">
                    <thead><tr>
                        {head("文件", Sort::Path)}
                        {head("机关", Sort::Agency)}
                        {head("年度", Sort::Year)}
                        <th scope="col">"格式"</th>
                        {head("结论", Sort::Verdict)}
                        {head("错误", Sort::Errors)}
                        {head("警告", Sort::Warnings)}
                        <th scope="col">"提示"</th>
                        <th scope="col">"统计表"</th>
                        <th scope="col">"上年报告"</th>
                        <th scope="col">"主要问题"</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().take(limit.get()).map(|i| b.items.with_value(|items| row(b, i, &items[i]))).collect_view()}
                    </tbody>
                </table>
            </div>
            <Show when=move || { rows().len() > limit.get() } fallback=|| ()>
                <p class="more">
                    <button on:click=move |_| limit.update(|l| *l += PAGE)>
                        {move || format!("再显示 {} 份（共 {} 份）", (rows().len() - limit.get()).min(PAGE), rows().len())}
                    </button>
                </p>
            </Show>
        </Show>
        </Show>
    }
}

fn row(b: Batch, i: usize, it: &Item) -> impl IntoView {
    let (class, verdict) = it.verdict();
    let l = it.line.clone().unwrap_or_default();
    let checked = it.line.is_some();
    let problems = match &it.error {
        Some(e) => e.clone(),
        None => l.problems.join("；"),
    };
    let open = move |_| {
        b.scroll.set_value(window().scroll_y().unwrap_or(0.0));
        b.open.set(Some(i));
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let num = move |n: usize| {
        if checked {
            n.to_string()
        } else {
            String::new()
        }
    };
    view! {
        <tr class=format!("v-{class}")>
            <td class="file">
                <button class="link" disabled=it.read.is_none() on:click=open title="在编辑框中打开">{it.path.clone()}</button>
            </td>
            <td>{l.agency.clone().unwrap_or_default()}</td>
            <td>{l.year.map(|y| y.to_string()).unwrap_or_default()}</td>
            <td>{l.format.clone().unwrap_or_default()}</td>
            <td><span class=format!("badge {class}")>{verdict}</span></td>
            <td class="num">{num(l.errors)}</td>
            <td class="num">{num(l.warnings)}</td>
            <td class="num">{num(l.infos)}</td>
            <td class="states">{l.tables.clone()}</td>
            <td>{l.previous.clone().unwrap_or_default()}</td>
            <td class="problems">{problems}</td>
        </tr>
    }
}

/// A report of the batch in the editor: checked among its peers as it is edited (its last
/// year's report beside it), and a way back to the list as it was.
#[component]
fn Detail(i: usize) -> impl IntoView {
    let b = expect_context::<Batch>();
    let (path, text0, prev, shape) = b.items.with_value(|items| {
        let it = &items[i];
        let prev = it
            .previous
            .and_then(|j| items.get(j))
            .and_then(|p| p.read.as_ref().map(|r| (p.name.clone(), r.text.clone())));
        (
            it.path.clone(),
            it.read.as_ref().map(|r| r.text.clone()).unwrap_or_default(),
            prev,
            it.read.as_ref().and_then(|r| r.shape.clone()),
        )
    });
    let text = RwSignal::new(String::new());
    let prev_text = RwSignal::new(String::new());
    // a saved page is shown as the text a user sees (as when it is opened alone)
    for (t, s) in [
        (text0, text),
        (
            prev.as_ref().map(|p| p.1.clone()).unwrap_or_default(),
            prev_text,
        ),
    ] {
        if nianbao_core::input::detect_shape(&t) == nianbao_core::Shape::Html {
            crate::checker::paste_text(t, move |plain| s.set(plain));
        } else {
            s.set(t);
        }
    }
    let marks = RwSignal::new(Marks::default());
    let editor = EditorRef::default();
    let previous = Previous {
        text: prev_text,
        marks: RwSignal::new(Marks::default()),
        open: RwSignal::new(false),
        editor: EditorRef::default(),
    };
    provide_context(previous);
    provide_context(Fix::new(text));
    let me = b.peers_set.get_untracked().then_some(i);
    // checked as the file it was read from (a PDF's findings with their pages)
    let checking = Checking::new(text, Some(prev_text), me, RwSignal::new(shape));
    provide_context(checking);
    let dismissals = RwSignal::new(Dismissals::new());
    let report = checking.report(dismissals);
    let jump = jumper(editor, text, marks);
    let on_marker = crate::findings::on_marker(report, jump);
    let back = move |_| {
        b.open.set(None);
        let y = b.scroll.get_value();
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
    };
    view! {
        <div class="batch-detail">
            <p class="batch-detail-head">
                <button on:click=back>"← 返回列表"</button>
                <strong>{path}</strong>
                {prev.as_ref().map(|p| format!("（与同批的上年报告 {} 对照）", p.0))}
                <span class="hint">"：此处的修改不保存到草稿"</span>
            </p>
            <main class="layout">
                <section class="left" aria-label="报告正文">
                    <Editor text editor marks report on_marker id="batch-text" label="批量检查中的报告正文" placeholder="" />
                    <PreviousEditor prev=previous id="batch-previous-text" label="同批中的上年度报告"
                        placeholder="同批中没有本机关上一年度的报告">"上年度报告"</PreviousEditor>
                </section>
                <section class="right" aria-label="检查结果">
                    <Results report text dismissals marks jump />
                </section>
            </main>
        </div>
    }
}

/// Only shown when printing (A4): one line per report, totals per verdict.
#[component]
fn BatchPrint() -> impl IntoView {
    let b = expect_context::<Batch>();
    // a line per report: drawn only for the printout (hundreds of rows)
    let printing = crate::app::printing();
    view! {
        <Show when=move || printing.get() fallback=|| ()>
        <div class="print-only batch-print">
            <h1>"政府信息公开工作年度报告批量检查汇总"</h1>
            <p>{move || { let (e, ok, bad, idle) = b.totals(); format!(
                "共 {} 份：有错误 {e} 份，未发现错误 {ok} 份，无法读取 {bad} 份{}；检查时间 {}",
                e + ok + bad + idle,
                if idle > 0 { format!("，未检查 {idle} 份") } else { String::new() },
                crate::view::date_time(b.started.get()),
            ) }}</p>
            <table class="batch-print-list">
                <thead><tr><th>"文件"</th><th>"机关"</th><th>"年度"</th><th>"结论"</th><th>"错误"</th><th>"警告"</th><th>"统计表"</th></tr></thead>
                <tbody>
                    {move || { b.version.track(); b.items.with_value(|items| items.iter().map(|it| {
                        let l = it.line.clone().unwrap_or_default();
                        view! { <tr>
                            <td>{it.path.clone()}</td>
                            <td>{l.agency.unwrap_or_default()}</td>
                            <td>{l.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                            <td>{it.verdict().1}</td>
                            <td>{l.errors}</td>
                            <td>{l.warnings}</td>
                            <td>{it.error.clone().unwrap_or(l.tables)}</td>
                        </tr> }
                    }).collect_view()) }}
                </tbody>
            </table>
        </div>
        </Show>
    }
}
