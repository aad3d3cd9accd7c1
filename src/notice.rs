//! The notice above the editor: why a file was not opened, and the one-step undo of a
//! replaced draft (载入示例, 打开文件, 清空). Nothing replaces a draft without a way back.

use leptos::prelude::*;

/// One message; `undo` is the editor, the text it held before it was replaced and where
/// that text came from.
#[derive(Clone)]
pub struct Notice {
    pub message: String,
    pub error: bool,
    pub undo: Option<(RwSignal<String>, String, Option<String>)>,
    /// Work under way: how much of it is done (`done`, `total`).
    pub progress: Option<(u32, u32)>,
}

/// The page's notice, shared through a context, and where the editor's text came from:
/// `origin` is the shape of the file it was opened from (`docx`, `doc`, `pdf`; the check
/// passes it on, so that a PDF's findings carry their pages), `None` for typed, pasted or
/// sample text.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Option<Notice>>, pub RwSignal<Option<String>>);

impl Notices {
    pub fn new(origin: Option<String>) -> Self {
        Notices(RwSignal::new(None), RwSignal::new(origin))
    }
    pub fn origin(self) -> RwSignal<Option<String>> {
        self.1
    }
    /// Says why something could not be done; the draft is untouched.
    pub fn error(self, message: String) {
        self.0.set(Some(Notice {
            message,
            error: true,
            undo: None,
            progress: None,
        }));
    }
    /// Says how far a long task has come (`done` of `total`).
    pub fn progress(self, message: String, done: u32, total: u32) {
        self.0.set(Some(Notice {
            message,
            error: false,
            undo: None,
            progress: Some((done, total)),
        }));
    }
    /// Replaces the text of an editor with `new`, keeping what it held for 撤销 (when it held
    /// anything). `done` says what happened (`已载入示例`).
    pub fn replace(self, text: RwSignal<String>, new: String, done: &str) {
        let origin = self.1.get_untracked();
        self.replace_from(text, new, origin, done)
    }
    /// [`Notices::replace`] with text from elsewhere: a file of the shape `origin`, or
    /// (`None`) the sample or nothing.
    pub fn replace_from(
        self,
        text: RwSignal<String>,
        new: String,
        origin: Option<String>,
        done: &str,
    ) {
        crate::editor::flush_all();
        let old = text.get_untracked();
        let old_origin = self.1.get_untracked();
        let had = !old.trim().is_empty() && old != new;
        self.1.set(origin);
        text.set(new);
        self.0.set(Some(Notice {
            message: if had {
                format!("{done}，原来的内容已被替换。")
            } else {
                format!("{done}。")
            },
            error: false,
            undo: had.then_some((text, old, old_origin)),
            progress: None,
        }));
    }
}

/// Asks before a non-empty draft is replaced by `what` (a file); true when it may be.
pub fn may_replace(current: &str, new: &str, what: &str) -> bool {
    current.trim().is_empty()
        || current == new
        || window()
            .confirm_with_message(&format!(
                "用{what}替换编辑器中的当前内容吗？替换后可以点“撤销”恢复。"
            ))
            .unwrap_or(false)
}

#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<Notices>();
    move || {
        notices.0.get().map(|n| {
            let undo = n.undo.map(|(text, old, origin)| {
                let old = StoredValue::new((old, origin));
                view! {
                    <button class="undo" on:click=move |_| {
                        let (old, origin) = old.get_value();
                        notices.1.set(origin);
                        text.set(old);
                        notices.0.set(Some(Notice { message: "已撤销，原来的内容已恢复。".into(), error: false, undo: None, progress: None }));
                    }>"撤销"</button>
                }
            });
            view! {
                <div class="notice" class:error=n.error role=if n.error { "alert" } else { "status" }>
                    <span class="message">{n.message}</span>
                    {n.progress.map(|(done, total)| view! { <progress max=total value=done></progress> })}
                    {undo}
                    <button class="link close" aria-label="关闭提示" on:click=move |_| notices.0.set(None)>"×"</button>
                </div>
            }
        })
    }
}
