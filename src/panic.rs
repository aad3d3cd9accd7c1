//! The panic hook of the page and of its workers: a bug must at least say so in the
//! console (a small hook: the standard one formats locations the release build drops).

pub fn hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
            .unwrap_or("");
        web_sys::console::error_1(&format!("nianbao 内部错误（请报告此问题）：{msg}").into());
    }));
}
