//! What a paste does to the draft: a rich paste's HTML (tables with merged cells) is read
//! by the worker and inserted as typing inserts text; a paste over the whole of this year's
//! draft makes it no longer the text of the file it was opened from (its pages go).

use crate::checker;
use crate::notice::Notices;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A paste into the editor `id`. `replacing` holds, until the browser has inserted the
/// pasted text (its `input` event, which then forgets the draft's origin), whether the paste
/// replaces the whole of this year's draft.
pub fn paste(
    ev: &web_sys::ClipboardEvent,
    id: &str,
    editor: NodeRef<leptos::html::Textarea>,
    text: RwSignal<String>,
    replacing: StoredValue<bool>,
    notices: Notices,
) {
    let whole = id == "report-text" && editor.get_untracked().is_some_and(|ta| whole(&ta));
    replacing.set_value(whole);
    // (a paste that inserts nothing, an image, leaves the draft the file's)
    set_timeout(
        move || replacing.set_value(false),
        std::time::Duration::ZERO,
    );
    let Some(html) = ev
        .clipboard_data()
        .and_then(|d| d.get_data("text/html").ok())
        .filter(|h| h.contains("<table") || h.contains("<TABLE"))
    else {
        return;
    };
    ev.prevent_default();
    checker::paste_text(html, move |pasted| {
        if whole && !pasted.is_empty() {
            notices.origin().set(None);
        }
        insert_text(editor, text, &pasted)
    });
}

/// The editor's `input`: a paste over the whole draft (see [`paste`]) is in, and the draft
/// is no longer the file's.
pub fn input(replacing: StoredValue<bool>, notices: Notices) {
    if replacing.get_value() {
        replacing.set_value(false);
        notices.origin().set(None);
    }
}

/// Is all of the editor's text selected?
fn whole(ta: &web_sys::HtmlTextAreaElement) -> bool {
    let len = ta.text_length();
    len > 0 && (ta.selection_start(), ta.selection_end()) == (Ok(Some(0)), Ok(Some(len)))
}

/// Inserts `pasted` at the editor's selection, undoable with the browser's Ctrl+Z where
/// `insertText` is supported.
fn insert_text(editor: NodeRef<leptos::html::Textarea>, text: RwSignal<String>, pasted: &str) {
    let Some(ta) = editor.get_untracked() else {
        return;
    };
    let _ = ta.focus();
    let doc: web_sys::HtmlDocument = document().unchecked_into();
    if doc
        .exec_command_with_show_ui_and_value("insertText", false, pasted)
        .unwrap_or(false)
    {
        return;
    }
    let cur = ta.value();
    let (a, b) = (
        ta.selection_start().ok().flatten().unwrap_or(0) as usize,
        ta.selection_end().ok().flatten().unwrap_or(0) as usize,
    );
    let (a, b) = (
        nianbao_core::base::lines::byte_of_utf16(&cur, a),
        nianbao_core::base::lines::byte_of_utf16(&cur, b),
    );
    let new = format!("{}{}{}", &cur[..a], pasted, &cur[b.max(a)..]);
    let caret = nianbao_core::base::lines::utf16_of_byte(&new, a + pasted.len()) as u32;
    text.set(new);
    let _ = ta.set_selection_range(caret, caret);
}
