//! Entry point: mounts the Yew app in the browser. Natively it does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasim::ui::start();
}
