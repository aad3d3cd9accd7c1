//! The findings list: groups by place, filters, each finding with its location, formula,
//! expected and actual values and the dismiss form; and the rule documentation dialog.

use crate::app::{select, DocCode, Fix, Marks, Previous, Target};
use crate::editor::OnMarker;
use crate::store::Dismissals;
use crate::view;
use leptos::prelude::*;
use nianbao_core::{Finding, Report, Severity, Span};
use wasm_bindgen::JsCast;

/// Findings drawn per group before 全部显示.
const FINDINGS_SHOWN: usize = 100;

#[component]
pub fn Findings(
    report: Memo<Report>,
    text: RwSignal<String>,
    dismissals: RwSignal<Dismissals>,
    doc_code: DocCode,
    /// The marks of the report's editor: the finding shown there is highlighted here.
    marks: RwSignal<Marks>,
    on_jump: Callback<Target>,
) -> impl IntoView {
    let show = RwSignal::new([true, true, true]);
    // a long list is drawn in part until asked for (drawing hundreds of findings on every
    // check would hold up typing)
    let all = RwSignal::new(false);
    let sev_index = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let filter = move |i: usize, label: &'static str| {
        view! {
            <label class="filter">
                <input type="checkbox" prop:checked=move || show.get()[i]
                    on:change=move |_| show.update(|s| s[i] = !s[i]) />
                {label}
            </label>
        }
    };
    // what the list shows: each open finding with its place in the list and its spans left
    // out (they move with every keystroke before them), so that a check after an edit that
    // moved nothing else redraws nothing; a click looks the places up in the latest report
    let listed = Memo::new(move |_| {
        report.with(|r| {
            r.findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.dismissed.is_none())
                .map(|(i, f)| (view::place(f, r), i, without_spans(f)))
                .collect::<Vec<_>>()
        })
    });
    // a finding shown from its marker that the filters (or the limit) hide: shown
    Effect::new(move |_| {
        let Some(i) = marks.with(|m| m.finding) else {
            return;
        };
        let Some((place, sev)) = listed.with_untracked(|l| {
            l.iter()
                .find(|(_, j, _)| *j == i)
                .map(|(p, _, f)| (*p, sev_index(f.severity)))
        }) else {
            return;
        };
        if !show.get_untracked()[sev] {
            show.update(|s| s[sev] = true);
        }
        let before = listed.with_untracked(|l| {
            let shown = show.get_untracked();
            l.iter()
                .take_while(|(_, j, _)| *j != i)
                .filter(|(p, _, f)| *p == place && shown[sev_index(f.severity)])
                .count()
        });
        if before >= FINDINGS_SHOWN && !all.get_untracked() {
            all.set(true);
        }
    });
    let groups = move || {
        listed.with(|listed| {
            let shown = show.get();
            view::PLACES
                .iter()
                .filter_map(|place| {
                    let items: Vec<&(&str, usize, Finding)> = listed.iter().filter(|(p, _, f)| p == place && shown[sev_index(f.severity)]).collect();
                    let limit = if all.get() { usize::MAX } else { FINDINGS_SHOWN };
                    let more = items.len().saturating_sub(limit);
                    (!items.is_empty()).then(|| {
                        view! {
                            <section class="group">
                                <h3>{*place}<span class="count">{items.len()}</span></h3>
                                <ul class="findings">
                                    {items.iter().take(limit).map(|(_, i, f)| {
                                        let (i, f) = (*i, f.clone());
                                        view! { <FindingItem i f report text dismissals doc_code marks on_jump /> }
                                    }).collect_view()}
                                </ul>
                                {(more > 0).then(|| view! {
                                    <button class="link more" on:click=move |_| all.set(true)>{format!("还有 {more} 项，全部显示")}</button>
                                })}
                            </section>
                        }
                    })
                })
                .collect_view()
        })
    };
    let dismissed = move || {
        report.with(|r| {
            r.findings
                .iter()
                .filter(|f| f.dismissed.is_some())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="filters" role="group" aria-label="按严重程度筛选">
            {filter(0, "错误")}{filter(1, "警告")}{filter(2, "提示")}
        </div>
        <Show when=move || report.with(|r| r.findings.iter().all(|f| f.dismissed.is_some())) fallback=|| ()>
            <p class="empty">"没有需要处理的问题。"</p>
        </Show>
        {move || {
            let shown = show.get();
            let hidden = report.with(|r| r.findings.iter().filter(|f| f.dismissed.is_none() && !shown[sev_index(f.severity)]).count());
            let open = report.with(|r| r.findings.iter().filter(|f| f.dismissed.is_none()).count());
            (hidden > 0 && hidden == open).then(|| view! {
                <p class="hidden-all">{format!("筛选条件隐藏了全部 {hidden} 个问题，请勾选上方的类别查看。")}</p>
            })
        }}
        {groups}
        <Show when=move || !dismissed().is_empty() fallback=|| ()>
            <details class="dismissed">
                <summary>{move || format!("{} 项已忽略", dismissed().len())}</summary>
                <ul>
                    {move || dismissed().into_iter().map(|f| {
                        let key = text.with_untracked(|t| Report::dismissal_key(&f, t));
                        let reason = f.dismissed.as_ref().map(|d| d.reason.clone()).unwrap_or_default();
                        view! {
                            <li>
                                <b>{f.code}</b>" "{f.message.clone()}<span class="reason">{format!("（理由：{reason}）")}</span>
                                <button class="link" on:click=move |_| dismissals.update(|d| { d.remove(&key); })>"撤销"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn FindingItem(
    /// Its place in the report.
    i: usize,
    /// The finding without its spans ([`without_spans`]): they are looked up in `report`.
    f: Finding,
    report: Memo<Report>,
    text: RwSignal<String>,
    dismissals: RwSignal<Dismissals>,
    doc_code: DocCode,
    marks: RwSignal<Marks>,
    on_jump: Callback<Target>,
) -> impl IntoView {
    // where the suspect cell's value is in the text and what it says there (to put the right
    // value in its place), in the latest report
    let fix_at = move || {
        report.with_untracked(|r| {
            let s = r.findings.get(i)?.suspect.as_ref()?;
            view::cell_span(r, &s.cell)
        })
    };
    let asking = RwSignal::new(false);
    let fix = use_context::<Fix>();
    let suspect = f.suspect.clone().map(|s| {
        let v = s.expected.clone();
        let copy = v.clone();
        view! {
            <p class="suspect"><b>{s.describe()}</b>
                <button class="link" on:click=move |_| {
                    let _ = window().navigator().clipboard().write_text(&copy);
                }>{format!("复制 {v}")}</button>
                {fix.filter(|_| fix_at().is_some()).map(|fix| {
                    let v2 = v.clone();
                    view! { <button class="link fix" on:click=move |_| {
                        if let Some((at, raw)) = fix_at() {
                            fix.0.run((at, raw, v2.clone()))
                        }
                    }>{format!("在正文中改为 {v}")}</button> }
                })}
            </p>
        }
    });
    // the form takes focus when it opens; 取消 (or Escape) gives it back to 已确认无误…
    let reason_input = NodeRef::<leptos::html::Input>::new();
    let ask_button = NodeRef::<leptos::html::Button>::new();
    let returning = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(i) = reason_input.get() {
            let _ = i.focus();
        }
    });
    Effect::new(move |_| {
        if let (Some(b), true) = (ask_button.get(), returning.get_value()) {
            returning.set_value(false);
            let _ = b.focus();
        }
    });
    let cancel = move || {
        returning.set_value(true);
        asking.set(false);
    };
    let reason = RwSignal::new(String::new());
    // (keyed by the text at its place as it is now)
    let key = move || {
        report.with_untracked(|r| {
            let f = r.findings.get(i)?;
            Some(text.with_untracked(|t| Report::dismissal_key(f, t)))
        })
    };
    let code = f.code;
    let doc = (f.code, f.name, f.severity);
    let span = f.span;
    let index = Some(i);
    let prev = use_context::<Previous>();
    let jump = move || {
        if let Some((t, in_previous)) = report.with_untracked(|r| target(r, i)) {
            show(prev, t, &in_previous, on_jump)
        }
    };
    let has_place = span.is_some() || f.related.iter().any(|r| r.input.is_some());
    // a PDF's findings also say their page (the line is the editor's)
    let page = f
        .page
        .map(|p| format!("PDF 第 {p} 页，"))
        .unwrap_or_default();
    let place = match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{page}第 {l} 行第 {c} 列"),
        _ => "（缺失，无位置）".to_string(),
    };
    let confirm = move || {
        let r = reason.get_untracked();
        if let (false, Some(k)) = (r.trim().is_empty(), key()) {
            dismissals.update(|d| {
                d.insert(k, r.trim().to_string());
            });
        }
    };
    let shown = move || index.is_some() && marks.with(|m| m.finding == index);
    view! {
        <li class=move || format!("finding {}{}", f.severity.as_str(), if shown() { " current" } else { "" })
            aria-current=move || shown().then_some("true")>
            <div class="head">
                <button class="code" title="查看规则说明" on:click=move |_| doc_code.set(Some(doc))>{code}</button>
                <span class="sev">{f.severity.zh()}</span>
                <button class="loc link" disabled=!has_place on:click=move |_| jump()>{place}</button>
            </div>
            <p class="msg">{f.message.clone()}</p>
            {f.formula.clone().map(|fm| view! { <p class="formula">"公式："{fm}</p> })}
            {(f.expected.is_some() || f.actual.is_some()).then(|| view! {
                <p class="ea">"期望："<b>{f.expected.clone().unwrap_or_default()}</b>"　实际："<b>{f.actual.clone().unwrap_or_default()}</b></p>
            })}
            {suspect}
            {f.help.clone().map(|h| view! { <p class="help">"建议："{h}</p> })}
            <Show when=move || asking.get() fallback=move || view! {
                <button class="link dismiss" node_ref=ask_button on:click=move |_| asking.set(true)>"已确认无误…"</button>
            }>
                <form class="dismiss-form" on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { cancel() } on:submit=move |ev: web_sys::SubmitEvent| { ev.prevent_default(); confirm(); }>
                    <label>"理由"<input type="text" required placeholder="例如：已与原表核对" node_ref=reason_input
                        on:input=move |ev| reason.set(event_target_value(&ev)) /></label>
                    <button type="submit">"确认"</button>
                    <button type="button" class="link" on:click=move |_| cancel()>"取消"</button>
                </form>
            </Show>
        </li>
    }
}

/// A finding as the list shows it: its spans zeroed (kept or not), what it says unchanged.
fn without_spans(f: &Finding) -> Finding {
    Finding {
        span: f.span.map(|_| Span::default()),
        related: f
            .related
            .iter()
            .map(|r| nianbao_core::report::Related {
                span: Span::default(),
                ..r.clone()
            })
            .collect(),
        ..f.clone()
    }
}

/// Where the `i`th finding of `r` is: its place in this year's report and its places in
/// last year's.
pub fn target(r: &Report, i: usize) -> Option<(Target, Vec<Span>)> {
    let f = r.findings.get(i)?;
    let suspect = f.suspect.as_ref().and_then(|s| view::cell_span(r, &s.cell));
    let (previous, here): (Vec<_>, Vec<_>) = f.related.iter().partition(|r| r.input.is_some());
    let target = Target {
        finding: Some(i),
        span: f.span,
        related: here.iter().map(|r| r.span).collect(),
        suspect: suspect.map(|(at, _)| at),
    };
    Some((target, previous.iter().map(|r| r.span).collect()))
}

/// Shows a finding: its places in last year's report (opened to show them), then in this
/// year's (`on_jump`).
fn show(prev: Option<Previous>, t: Target, in_previous: &[Span], on_jump: Callback<Target>) {
    if let (Some(p), Some((first, rest))) = (prev, in_previous.split_first()) {
        p.open.set(true);
        let at = Target {
            finding: t.finding,
            span: Some(*first),
            related: rest.to_vec(),
            suspect: None,
        };
        select(p.editor, p.text, p.marks, at);
    }
    on_jump.run(t);
}

/// A click on the marker beside a line of the editor: its finding is shown as from the
/// list, and the list scrolls to it.
pub fn on_marker(report: Memo<Report>, on_jump: Callback<Target>) -> OnMarker {
    let prev = use_context::<Previous>();
    Callback::new(move |i: usize| {
        let Some((t, in_previous)) = report.with_untracked(|r| target(r, i)) else {
            return;
        };
        show(prev, t, &in_previous, on_jump);
        request_animation_frame(|| {
            let Ok(list) = document().query_selector_all("li.finding.current") else {
                return;
            };
            for i in 0..list.length() {
                let Some(li) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                // the one on screen (a batch's report hides the page's own)
                if li.offset_parent().is_some() {
                    let o = web_sys::ScrollIntoViewOptions::new();
                    o.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    li.scroll_into_view_with_scroll_into_view_options(&o);
                }
            }
        });
    })
}

#[component]
pub fn RuleDoc(doc_code: DocCode) -> impl IntoView {
    // the dialog takes focus when it opens, keeps it (Tab cycles inside), closes with
    // Escape, and gives focus back to what opened it
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close_button = NodeRef::<leptos::html::Button>::new();
    let dialog = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(b) = close_button.get() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            let _ = b.focus();
        }
    });
    let close = move || {
        doc_code.set(None);
        if let Some(e) = opener.get_value() {
            let _ = e.focus();
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => close(),
        "Tab" => {
            let Some(d) = dialog.get_untracked() else {
                return;
            };
            let Ok(all) = d.query_selector_all("button, a[href], input, [tabindex]") else {
                return;
            };
            let n = all.length();
            let at = |i: u32| {
                all.get(i)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            };
            let active = document().active_element();
            let (first, last) = (at(0), at(n.saturating_sub(1)));
            let wrap_to = match ev.shift_key() {
                true if active.as_ref() == first.as_ref().map(|e| e.as_ref()) => last,
                false if active.as_ref() == last.as_ref().map(|e| e.as_ref()) => first,
                _ => None,
            };
            if let Some(e) = wrap_to {
                ev.prevent_default();
                let _ = e.focus();
            }
        }
        _ => {}
    };
    view! {
        <Show when=move || doc_code.get().is_some() fallback=|| ()>
            <div class="overlay" on:click=move |_| close()>
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="doc-title" on:click=|ev| ev.stop_propagation()
                    node_ref=dialog on:keydown=on_key>
                    {move || doc_code.get().map(|(code, name, severity)| view! {
                        <h2 id="doc-title">{code}" "{name}<span class="sev">{format!(" · {}", severity.zh())}</span></h2>
                        <p>{rule_doc("summary", code)}</p>
                        <DocText doc=rule_doc("doc", code) />
                    })}
                    <button node_ref=close_button on:click=move |_| close()>"关闭"</button>
                </div>
            </div>
        </Show>
    }
}

/// A rule's documentation as formatted text: headings, paragraphs, lists, report text in
/// `<code>` (read by the core's `rules::doc::blocks`).
#[component]
fn DocText(doc: String) -> impl IntoView {
    use nianbao_core::rules::doc::{blocks, Block, Inline};
    let runs = |xs: Vec<Inline>| {
        xs.into_iter()
            .map(|x| match x {
                Inline::Text(t) => view! { <span>{t}</span> }.into_any(),
                Inline::Code(c) => view! { <code>{c}</code> }.into_any(),
            })
            .collect_view()
    };
    let body = blocks(&doc)
        .into_iter()
        .map(|b| match b {
            Block::Heading(h) => view! { <h3>{h}</h3> }.into_any(),
            Block::Paragraph(p) => view! { <p>{runs(p)}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{runs(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view();
    view! { <div class="doc">{body}</div> }
}

/// A rule's summary or documentation (`part`: `summary` | `doc`). The page's wasm is built
/// without them (core feature `docs`); the page carries them in inert
/// `<script type="text/plain" id="nianbao-doc-CODE">` elements (assets/rule-docs.html).
/// A rule's summary, its name for people (the CSV's 规则名称).
pub fn rule_summary(code: &str) -> String {
    rule_doc("summary", code)
}

fn rule_doc(part: &str, code: &str) -> String {
    document()
        .get_element_by_id(&format!("nianbao-{part}-{code}"))
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}
