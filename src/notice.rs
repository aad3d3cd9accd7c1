//! The notice above the editor: why a file was not opened, and the one-step undo of a
//! replaced draft (载入示例, 打开文件, 清空). Nothing replaces a draft without a way back.

use leptos::prelude::*;

/// One message; `undo` is the editor and the text it held before it was replaced.
#[derive(Clone)]
pub struct Notice {
    pub message: String,
    pub error: bool,
    pub undo: Option<(RwSignal<String>, String)>,
}

/// The page's notice, shared through a context.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Option<Notice>>);

impl Notices {
    pub fn new() -> Self {
        Notices(RwSignal::new(None))
    }
    /// Says why something could not be done; the draft is untouched.
    pub fn error(self, message: String) {
        self.0.set(Some(Notice {
            message,
            error: true,
            undo: None,
        }));
    }
    /// Replaces the text of an editor with `new`, keeping what it held for 撤销 (when it held
    /// anything). `done` says what happened (`已载入示例`).
    pub fn replace(self, text: RwSignal<String>, new: String, done: &str) {
        let old = text.get_untracked();
        let had = !old.trim().is_empty() && old != new;
        text.set(new);
        self.0.set(Some(Notice {
            message: if had {
                format!("{done}，原来的内容已被替换。")
            } else {
                format!("{done}。")
            },
            error: false,
            undo: had.then_some((text, old)),
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
            let undo = n.undo.map(|(text, old)| {
                let old = StoredValue::new(old);
                view! {
                    <button class="undo" on:click=move |_| {
                        text.set(old.get_value());
                        notices.0.set(Some(Notice { message: "已撤销，原来的内容已恢复。".into(), error: false, undo: None }));
                    }>"撤销"</button>
                }
            });
            view! {
                <div class="notice" class:error=n.error role=if n.error { "alert" } else { "status" }>
                    <span class="message">{n.message}</span>
                    {undo}
                    <button class="link close" aria-label="关闭提示" on:click=move |_| notices.0.set(None)>"×"</button>
                </div>
            }
        })
    }
}
