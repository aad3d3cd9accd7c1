//! nianbao web app: paste a report, see every problem at its place. All checking is
//! `nianbao_core` compiled to WebAssembly; nothing is sent anywhere.

mod app;
mod batch;
mod batch_view;
mod checker;
mod editor;
mod embed;
mod files;
mod findings;
mod idb;
mod keep;
mod notice;
mod panic;
mod paste;
mod store;
mod tables_view;
mod view;

fn main() {
    panic::hook();
    // a page saved with the browser's "save page as" holds the rendered app: start clean
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_html("");
    }
    match embed::config() {
        Some(cfg) => {
            embed::listen(&cfg);
            leptos::mount::mount_to_body(move || leptos::view! { <app::Widget cfg=cfg.clone() /> });
        }
        None => {
            leptos::mount::mount_to_body(app::App);
            keep::keep_for_saving();
        }
    }
}
