//! A panic hook that tells the user instead of failing silently.
//!
//! A panic in WebAssembly stops the app. The hook logs the panic to the
//! console and draws a banner, outside Yew's tree, saying that saved work is
//! safe and a reload continues from the last save.

/// Installs the hook. Call before the app is rendered.
pub fn install_panic_banner() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
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
    banner.set_text_content(Some(&format!(
        "Wasim stopped because of an internal error. Your work up to the last edit is saved in this browser: \
         reload the page to continue, and export a copy to be safe. Details: {detail}"
    )));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
