//! What the page keeps in localStorage: the draft and the dismissals. Nothing else is stored
//! and nothing is sent.

use gloo_storage::{LocalStorage, Storage};
use std::collections::BTreeMap;

const DRAFT: &str = "nianbao:draft";
const DISMISSED: &str = "nianbao:dismissed";

pub fn load_draft() -> String {
    LocalStorage::get::<String>(DRAFT).unwrap_or_default()
}

pub fn save_draft(text: &str) {
    // a full quota must not lose the text in the editor: the save is best effort
    let _ = LocalStorage::set(DRAFT, text);
}

/// Dismissal key (rule + place, see `Report::dismissal_key`) → reason.
pub type Dismissals = BTreeMap<String, String>;

pub fn load_dismissals() -> Dismissals {
    LocalStorage::get::<Dismissals>(DISMISSED).unwrap_or_default()
}

pub fn save_dismissals(d: &Dismissals) {
    let _ = LocalStorage::set(DISMISSED, d);
}
