//! A panic hook that tells the user instead of failing silently.
//!
//! A panic in WebAssembly stops the app. The hook logs the panic to the
//! console and draws a banner, outside Yew's tree, saying that saved work is
//! safe and a reload continues from the last save.

use crate::core::i18n::{Key, Lang};

/// Installs the hook. Call before the app is rendered.
///
/// A WebAssembly trap is not a panic: running out of memory aborts with
/// `unreachable` without calling the hook, and the app then went on in a
/// state no one can trust, without a word. An uncaught
/// `WebAssembly.RuntimeError` (an event handler's, or a task's) draws the
/// same banner.
pub fn install_panic_banner() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
    let window = gloo::utils::window();
    for (kind, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        gloo::events::EventListener::new(&window, kind, move |event| {
            let error = js_sys::Reflect::get(event, &field.into()).unwrap_or_default();
            if wasm_bindgen::JsCast::is_instance_of::<js_sys::WebAssembly::RuntimeError>(&error) {
                let message = js_sys::Reflect::get(&error, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                show_banner(&format!("WebAssembly: {message}"));
            }
        })
        .forget();
    }
}

fn show_banner(detail: &str) {
    let document = gloo::utils::document();
    if document
        .query_selector("[data-testid=panic-banner]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    let _ = banner.set_attribute("data-testid", "panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "panic-banner");
    // In the interface's language, as the page's root element says it.
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let _ = banner.set_attribute("lang", lang.code());
    let _ = banner.set_attribute("dir", lang.dir());
    let detail = crate::core::bidi::isolate(detail);
    banner.set_text_content(Some(&lang.f(Key::PanicBanner, &[("detail", &detail)])));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
