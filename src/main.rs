//! nianbao web app (minimal page until the web-app issue): paste a report, see the verdict
//! and the findings. All checking is `nianbao_core`, compiled to WebAssembly; nothing is sent.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let report = Memo::new(move |_| text.with(|t| nianbao_core::check_text(t, None)));
    let verdict = move || {
        report.with(|r| {
            if r.summary.errors == 0 && r.summary.warnings == 0 {
                "通过".to_string()
            } else {
                format!("发现 {} 个错误、{} 个警告", r.summary.errors, r.summary.warnings)
            }
        })
    };
    view! {
        <main>
            <h1>"政府信息公开工作年度报告检查"</h1>
            <p class="privacy">"报告只在本机浏览器中检查，不会发送到任何地方。"</p>
            <label for="report">"粘贴年度报告全文"</label>
            <textarea id="report" rows="16"
                on:input=move |ev| set_text.set(event_target_value(&ev))
                prop:value=text></textarea>
            <p class="verdict" aria-live="polite">{verdict}</p>
            <ul class="findings">
                {move || report.with(|r| r.findings.iter().map(|f| {
                    let class = f.severity.as_str();
                    let line = f.line.map(|l| format!("第{l}行 ")).unwrap_or_default();
                    view! { <li class=class><b>{f.code}</b>" "{f.severity.zh()}" "{line}{f.message.clone()}</li> }
                }).collect_view())}
            </ul>
        </main>
    }
}
