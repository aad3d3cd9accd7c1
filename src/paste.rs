//! What a paste does to the draft: a rich paste's HTML (tables with merged cells) is read
//! by the worker and inserted as typing inserts text; a paste over the whole of this year's
//! draft makes it no longer the text of the file it was opened from (its pages go).

use crate::checker;
use crate::editor::EditorRef;
use crate::notice::Notices;
use leptos::prelude::*;

/// A paste into the editor `id`; true when the page inserts it (the editor then does not).
/// `replacing` holds, until the editor has inserted the pasted text (its change, which then
/// forgets the draft's origin), whether the paste replaces the whole of this year's draft.
pub fn paste(
    ev: &web_sys::ClipboardEvent,
    id: &str,
    editor: EditorRef,
    replacing: StoredValue<bool>,
    notices: Notices,
) -> bool {
    let whole = id == "report-text" && editor.get().is_some_and(|cm| cm.whole_selected());
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
        return false;
    };
    ev.prevent_default();
    checker::paste_text(html, move |pasted| {
        if whole && !pasted.is_empty() {
            notices.origin().set(None);
        }
        if let Some(cm) = editor.get() {
            cm.insert(&pasted);
        }
    });
    true
}

/// The editor's change: a paste over the whole draft (see [`paste`]) is in, and the draft
/// is no longer the file's.
pub fn input(replacing: StoredValue<bool>, notices: Notices) {
    if replacing.get_value() {
        replacing.set_value(false);
        notices.origin().set(None);
    }
}
