//! The editor: CodeMirror (js/editor.js, inlined into the page as `window.NianbaoEditor`)
//! behind a small binding. It draws only the lines in view, with line numbers and a marker
//! beside each line that has a finding; the text lives in the `text` signal, which follows
//! every edit (after a pause in a very long report: see js/editor.js).

use crate::app::Marks;
use crate::notice::Notices;
use leptos::prelude::*;
use nianbao_core::base::lines::utf16_offsets;
use nianbao_core::{Report, Span};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One CodeMirror editor on the page (positions in UTF-16 code units).
    #[derive(Clone)]
    pub type Cm;
    #[wasm_bindgen(js_namespace = NianbaoEditor, js_name = create)]
    fn create(parent: &web_sys::HtmlElement, options: &js_sys::Object) -> Cm;
    /// Every editor's last edits into its `text` now: a very long text is told of typing
    /// only once it pauses, and the page must not read (or replace) a text that lacks them.
    #[wasm_bindgen(js_namespace = NianbaoEditor, js_name = flushAll)]
    pub fn flush_all();
    #[wasm_bindgen(method)]
    fn text(this: &Cm) -> String;
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &Cm, text: &str);
    #[wasm_bindgen(method, js_name = wholeSelected)]
    pub fn whole_selected(this: &Cm) -> bool;
    /// Inserts at the selection as typing does (one step of Ctrl+Z takes it back).
    #[wasm_bindgen(method)]
    pub fn insert(this: &Cm, text: &str);
    #[wasm_bindgen(method)]
    fn select(this: &Cm, from: u32, to: u32);
    #[wasm_bindgen(method, js_name = setMarks)]
    fn set_marks(this: &Cm, flat: &js_sys::Array);
    #[wasm_bindgen(method, js_name = setMarkers)]
    fn set_markers(this: &Cm, flat: &js_sys::Array);
    #[wasm_bindgen(method)]
    fn destroy(this: &Cm);
}

/// The editor of a `text`, once it is on the page (like a `NodeRef`).
#[derive(Clone, Copy)]
pub struct EditorRef(StoredValue<Option<Cm>, LocalStorage>);

impl Default for EditorRef {
    fn default() -> Self {
        EditorRef(StoredValue::new_local(None))
    }
}

impl EditorRef {
    pub fn get(self) -> Option<Cm> {
        self.0.try_get_value().flatten()
    }
}

/// Selects `span` of `text` in the editor (focused, scrolled so that it is in view).
pub fn select_span(editor: EditorRef, text: RwSignal<String>, span: Span) {
    if let Some(cm) = editor.get() {
        let at = text.with_untracked(|t| utf16_offsets(t, &[span.start, span.end]));
        cm.select(at[0] as u32, at[1] as u32);
    }
}

/// What a marker beside a line does when clicked: select the `usize`th finding.
pub type OnMarker = Callback<usize>;

#[component]
pub fn Editor(
    text: RwSignal<String>,
    editor: EditorRef,
    marks: RwSignal<Marks>,
    /// The findings whose lines get a marker (none for last year's report).
    #[prop(optional)]
    report: Option<Memo<Report>>,
    #[prop(optional)] on_marker: Option<OnMarker>,
    #[prop(default = "report-text")] id: &'static str,
    #[prop(default = "年度报告全文（粘贴、输入或拖入 .txt / .html / .docx / .doc / .pdf 文件）")]
    label: &'static str,
    #[prop(default = "在此粘贴年度报告全文，或拖入 .txt / .html / .docx / .doc / .pdf 文件……")]
    placeholder: &'static str,
) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let batch = use_context::<crate::batch::Batch>();
    let host = NodeRef::<leptos::html::Div>::new();
    // rich paste: the clipboard's HTML is read so that merged cells survive
    let replacing = StoredValue::new(false);
    // the editor's text follows `text`, except for the edit the user just made (writing it
    // back would copy the whole text on every keystroke)
    let typed = StoredValue::new(false);
    // what the editor tells the page (js/editor.js: `o.on(kind, value)`): 0 an edit, 1 a
    // paste and 2 a drop (true: the page takes it), 3 a click on the marker of a finding
    let on =
        Closure::<dyn Fn(u32, JsValue) -> bool>::new(move |kind: u32, v: JsValue| match kind {
            0 => {
                if let Some(cm) = editor.get() {
                    crate::paste::input(replacing, notices);
                    typed.set_value(true);
                    if marks.with_untracked(|m| *m != Marks::default()) {
                        marks.set(Marks::default());
                    }
                    text.set(cm.text());
                }
                false
            }
            1 => crate::paste::paste(v.unchecked_ref(), id, editor, replacing, notices),
            2 => crate::files::dropped(v.unchecked_ref(), text, notices, batch),
            _ => {
                if let (Some(f), Some(i)) = (on_marker, v.as_f64()) {
                    f.run(i as usize);
                }
                false
            }
        });
    let on = StoredValue::new_local(Some(on));
    host.on_load(move |el| {
        let o = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
        };
        set("id", &id.into());
        set("label", &label.into());
        set("placeholder", &placeholder.into());
        text.with_untracked(|t| set("text", &JsValue::from_str(t)));
        on.with_value(|f| {
            if let Some(f) = f {
                set("on", f.as_ref());
            }
        });
        editor.0.set_value(Some(create(&el, &o)));
    });
    on_cleanup(move || {
        if let Some(cm) = editor.0.try_update_value(|e| e.take()).flatten() {
            cm.destroy();
        }
        on.set_value(None);
    });
    Effect::new(move |_| {
        text.track();
        if typed.get_value() {
            typed.set_value(false);
            return;
        }
        if let Some(cm) = editor.get() {
            text.with_untracked(|t| cm.set_text(t));
        }
        // the page's own change: what is marked may have moved
        if marks.with_untracked(|m| *m != Marks::default()) {
            marks.set(Marks::default());
        }
    });
    Effect::new(move |_| {
        let m = marks.get();
        if let Some(cm) = editor.get() {
            cm.set_marks(&text.with_untracked(|t| mark_list(t, &m)));
        }
    });
    if let Some(report) = report {
        Effect::new(move |_| {
            let list = report.with(|r| text.with_untracked(|t| marker_list(t, r)));
            if let Some(cm) = editor.get() {
                cm.set_markers(&list);
            }
        });
    }
    view! { <div class="editor-wrap" node_ref=host></div> }
}

/// The marks as CodeMirror's ranges: `[from, to, class, …]`, the primary span (and the
/// suspect cell) over the operands.
fn mark_list(t: &str, m: &Marks) -> js_sys::Array {
    let mut ranges: Vec<(Span, &'static str)> = m
        .related
        .iter()
        .filter(|s| Some(**s) != m.suspect && Some(**s) != m.span)
        .map(|s| (*s, "related"))
        .collect();
    match m.span {
        Some(p) if Some(p) == m.suspect => ranges.push((p, "primary suspect")),
        Some(p) => ranges.push((p, "primary")),
        None => {}
    }
    if let Some(s) = m.suspect.filter(|s| Some(*s) != m.span) {
        ranges.push((s, "suspect"));
    }
    ranges.retain(|(s, _)| s.start <= s.end && s.end <= t.len());
    let at: Vec<usize> = ranges.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
    let at = utf16_offsets(t, &at);
    let out = js_sys::Array::new();
    for (i, (_, class)) in ranges.iter().enumerate() {
        out.push(&at[2 * i].into());
        out.push(&at[2 * i + 1].into());
        out.push(&JsValue::from_str(class));
    }
    out
}

/// A marker per finding at its place: `[at, severity, message, finding, …]` (dismissed
/// findings have none).
fn marker_list(t: &str, r: &Report) -> js_sys::Array {
    let found: Vec<(usize, &nianbao_core::Finding)> = r
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.dismissed.is_none())
        .filter(|(_, f)| f.span.is_some_and(|s| s.start <= t.len()))
        .collect();
    let at: Vec<usize> = found
        .iter()
        .filter_map(|(_, f)| f.span.map(|s| s.start))
        .collect();
    let at = utf16_offsets(t, &at);
    let out = js_sys::Array::new();
    for ((i, f), at) in found.iter().zip(at) {
        out.push(&at.into());
        out.push(&JsValue::from_str(f.severity.as_str()));
        out.push(&JsValue::from_str(&format!(
            "{} {}：{}",
            f.code,
            f.severity.zh(),
            f.message
        )));
        out.push(&(*i as u32).into());
    }
    out
}
