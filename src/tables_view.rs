//! Tables 二/三/四 drawn in the official layout from the parsed report. Cells named by a
//! finding are coloured by its severity; clicking a cell selects it in the editor.

use crate::view;
use leptos::prelude::*;
use nianbao_core::report::{RowOut, TableOut};
use nianbao_core::tables::schema::{t3_rows, Format, Group, T2Row, T3Col, T3Row, T4Col, T4Group};
use nianbao_core::{Report, Span};

type Marks = view::CellMarks;

#[component]
pub fn TablesView(
    report: Memo<Report>,
    on_cell: Callback<(Option<Span>, Vec<Span>)>,
) -> impl IntoView {
    move || {
        report.with(|r| {
            let marks = view::cell_severity(r);
            let fmt = r.meta.format.unwrap_or(Format::B);
            view! {
                <div class="tables">
                    {table2(r.tables.t2.as_ref(), fmt, &marks, on_cell)}
                    {table3(r.tables.t3.as_ref(), fmt, &marks, on_cell)}
                    {table4(r.tables.t4.as_ref(), &marks, on_cell)}
                </div>
            }
        })
    }
}

fn row<'a>(t: Option<&'a TableOut>, key: &str) -> Option<&'a RowOut> {
    t.and_then(|t| t.rows.0.iter().find(|(k, _)| k == key).map(|(_, r)| r))
}

/// One value cell: its raw text (or a dot when it was not located), its marks.
fn cell(
    t: Option<&TableOut>,
    tid: &str,
    row_key: &str,
    col: &str,
    colspan: u32,
    marks: &Marks,
    on_cell: Callback<(Option<Span>, Vec<Span>)>,
) -> AnyView {
    let c = row(t, row_key).and_then(|r| r.cells.0.iter().find(|(k, _)| k == col).map(|(_, c)| c));
    let path = format!("{tid}.{row_key}.{col}");
    let (class, title, should) = match marks.get(&path) {
        Some((s, msgs, should)) => (
            format!(
                "cell {}{}",
                s.as_str(),
                if should.is_some() { " suspect" } else { "" }
            ),
            msgs.join("\n"),
            should.clone(),
        ),
        None => ("cell".to_string(), String::new(), None),
    };
    let (shown, span, located) = match c {
        Some(c) if c.raw.is_empty() => ("空".to_string(), c.span, true),
        Some(c) => (c.raw.clone(), c.span, true),
        None => ("·".to_string(), None, false),
    };
    let class = if located {
        class
    } else {
        format!("{class} missing")
    };
    view! {
        <td class=class colspan=colspan title=title data-path=path.clone()
            tabindex=span.is_some().then_some("0")
            on:click=move |_| if span.is_some() { on_cell.run((span, vec![])) }
            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" && span.is_some() { on_cell.run((span, vec![])) }>
            {shown}
            {should.map(|v| view! { <span class="should">{format!("应为 {v}")}</span> })}
        </td>
    }
    .into_any()
}

fn missing(name: &str) -> AnyView {
    view! { <p class="missing-table">{format!("{name}：未找到")}</p> }.into_any()
}

fn table2(
    t: Option<&TableOut>,
    fmt: Format,
    marks: &Marks,
    on_cell: Callback<(Option<Span>, Vec<Span>)>,
) -> AnyView {
    if t.is_none() {
        return missing("表二 主动公开政府信息情况");
    }
    let mut body = Vec::new();
    let mut item = "";
    for d in T2Row::ALL.iter().filter(|d| d.in_format(fmt)) {
        let cols = d.cols(fmt);
        if d.item() != item {
            item = d.item();
            body.push(view! { <tr class="caption"><th colspan="4">{format!("第二十条第（{}）项", d.item())}</th></tr> }.into_any());
            let span = if cols.len() == 1 { 3 } else { 1 };
            body.push(view! { <tr><th>"信息内容"</th>{cols.iter().map(|c| view! { <th colspan=span>{c.label_in(fmt)}</th> }).collect_view()}</tr> }.into_any());
        }
        let span = if cols.len() == 1 { 3 } else { 1 };
        body.push(view! {
            <tr><th class="label">{d.label_in(fmt)}</th>{cols.iter().map(|c| cell(t, "t2", d.key(), c.key(), span, marks, on_cell)).collect_view()}</tr>
        }.into_any());
    }
    view! {
        <table class="official" aria-label="表二">
            <caption>"二、主动公开政府信息情况"</caption>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

fn table3(
    t: Option<&TableOut>,
    fmt: Format,
    marks: &Marks,
    on_cell: Callback<(Option<Span>, Vec<Span>)>,
) -> AnyView {
    if t.is_none() {
        return missing("表三 收到和处理政府信息公开申请情况");
    }
    let three = row(t, "other_overdue_correction").is_some()
        || row(t, "other_misc").is_some()
        || (row(t, "other_processing").is_none() && fmt == Format::B);
    let defs: Vec<T3Row> = t3_rows(three).collect();
    let eight = t
        .map(|t| {
            t.rows
                .0
                .iter()
                .any(|(_, r)| r.cells.0.iter().any(|(k, _)| k == "legal_person_subtotal"))
        })
        .unwrap_or(false);
    let cols = T3Col::layout(eight);
    let outcome_rows = defs
        .iter()
        .filter(|d| {
            !matches!(
                d,
                T3Row::NewReceived | T3Row::CarriedOver | T3Row::CarriedForward
            )
        })
        .count();
    let group_len = |g: Group| defs.iter().filter(|d| d.group() == g).count();
    let mut body = Vec::new();
    let mut last_group = Group::None;
    for d in &defs {
        let label_cells = match d {
            T3Row::NewReceived | T3Row::CarriedOver | T3Row::CarriedForward => {
                view! { <th class="label" colspan="3">{d.label()}</th> }.into_any()
            }
            _ => {
                let first_outcome = *d == T3Row::Granted;
                let head = first_outcome.then(|| view! { <th class="label vertical" rowspan=outcome_rows>"三、本年度办理结果"</th> });
                let inner = if d.group() == Group::None {
                    view! { <th class="label" colspan="2">{d.short_label()}</th> }.into_any()
                } else if d.group() != last_group {
                    view! { <th class="label" rowspan=group_len(d.group())>{d.group().label()}</th><th class="label">{d.label()}</th> }.into_any()
                } else {
                    view! { <th class="label">{d.label()}</th> }.into_any()
                };
                view! { {head}{inner} }.into_any()
            }
        };
        last_group = d.group();
        body.push(view! { <tr>{label_cells}{cols.iter().map(|c| cell(t, "t3", d.key(), c.key(), 1, marks, on_cell)).collect_view()}</tr> }.into_any());
    }
    let org_span = if eight { 6 } else { 5 };
    view! {
        <table class="official" aria-label="表三">
            <caption>"三、收到和处理政府信息公开申请情况"</caption>
            <thead>
                <tr><th colspan="3" rowspan="3" class="note">"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"</th>
                    <th colspan=cols.len()>"申请人情况"</th></tr>
                <tr><th rowspan="2">"自然人"</th><th colspan=org_span>"法人或其他组织"</th><th rowspan="2">"总计"</th></tr>
                <tr>{cols[1..cols.len() - 1].iter().map(|c| view! { <th>{c.label()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

fn table4(
    t: Option<&TableOut>,
    marks: &Marks,
    on_cell: Callback<(Option<Span>, Vec<Span>)>,
) -> AnyView {
    if t.is_none() {
        return missing("表四 政府信息公开行政复议、行政诉讼情况");
    }
    let heads = || {
        T4Col::ALL
            .iter()
            .map(|c| view! { <th>{c.label()}</th> })
            .collect_view()
    };
    view! {
        <table class="official" aria-label="表四">
            <caption>"四、政府信息公开行政复议、行政诉讼情况"</caption>
            <thead>
                <tr><th colspan="5">"行政复议"</th><th colspan="10">"行政诉讼"</th></tr>
                <tr>{T4Col::ALL.iter().map(|c| view! { <th rowspan="2">{c.label()}</th> }).collect_view()}
                    <th colspan="5">"未经复议直接起诉"</th><th colspan="5">"复议后起诉"</th></tr>
                <tr>{heads()}{heads()}</tr>
            </thead>
            <tbody>
                <tr>{T4Group::ALL.iter().flat_map(|g| T4Col::ALL.iter().map(move |c| (g.key(), c.key()))).map(|(g, c)| cell(t, "t4", g, c, 1, marks, on_cell)).collect_view()}</tr>
            </tbody>
        </table>
    }
    .into_any()
}
