//! The handle on a side panel's inner edge that resizes it: dragged with
//! the mouse (or a pen, or a finger), or moved with the arrow keys when it
//! has the focus (a focusable `role="separator"` with its value). The width
//! is one of the reader's preferences ([`Prefs`]): remembered, applied as a
//! class ([`ClassRule::panels`]), and double-click gives the automatic
//! width back. Arrow keys move the edge the way they point, in either
//! direction of the interface.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::css::ClassRule;
use crate::core::display::{PANEL_RANGE, PANEL_SHARE, Prefs, panel_width};
use crate::core::i18n::Key;
use crate::platform::styles::class_of;
use crate::ui::lang::use_lang;
use crate::ui::settings::{Side, use_prefs};

/// How far one arrow key moves the edge (Shift: four times as far).
const STEP: f64 = 16.0;

/// The class of `.workspace` for the dragged widths, if any.
pub fn panels_class(prefs: &Prefs) -> Option<String> {
    ClassRule::panels(prefs).map(|rule| class_of(&rule))
}

/// Props of [`PanelResizer`].
#[derive(Properties, PartialEq)]
pub struct PanelResizerProps {
    /// The panel it resizes.
    pub side: Side,
}

/// The panel's width now, as laid out (the handle's parent is the panel).
fn laid_out_width(handle: &NodeRef) -> f64 {
    handle
        .cast::<web_sys::Element>()
        .and_then(|el| el.parent_element())
        .map_or(f64::from(PANEL_RANGE.0), |panel| {
            panel.get_bounding_client_rect().width()
        })
}

/// The widest a panel may be in this window.
fn max_width() -> f64 {
    let window = gloo::utils::window().inner_width().ok();
    window.and_then(|w| w.as_f64()).unwrap_or(1000.0) * f64::from(PANEL_SHARE) / 100.0
}

/// How much wider the panel gets when its edge moves `dx` pixels to the
/// right: the documents panel sits at the start of the line, the span
/// panel at its end, and in a right-to-left interface the start is on the
/// right.
fn growth(side: Side, rtl: bool, dx: f64) -> f64 {
    let toward_end = if rtl { -dx } else { dx };
    match side {
        Side::Documents => toward_end,
        Side::Details => -toward_end,
    }
}

/// The separator between a side panel and the text.
#[function_component(PanelResizer)]
pub fn panel_resizer(props: &PanelResizerProps) -> Html {
    let Some(prefs) = use_prefs() else {
        return html! {};
    };
    let t = use_lang();
    let handle = use_node_ref();
    // Where a drag began: the pointer's x and the panel's width.
    let drag = use_mut_ref(|| None::<(f64, f64)>);
    let side = props.side;
    let rtl = t.dir() == "rtl";
    let set_width = {
        let prefs = prefs.clone();
        move |width: u32| {
            let mut next = *prefs;
            match side {
                Side::Documents => next.documents_width = width,
                Side::Details => next.details_width = width,
            }
            if next != *prefs {
                prefs.set(next);
            }
        }
    };
    let onpointerdown = {
        let (handle, drag) = (handle.clone(), drag.clone());
        Callback::from(move |event: PointerEvent| {
            if event.button() != 0 {
                return;
            }
            event.prevent_default();
            if let Some(el) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(event.pointer_id());
            }
            *drag.borrow_mut() = Some((f64::from(event.client_x()), laid_out_width(&handle)));
        })
    };
    let onpointermove = {
        let (drag, set_width) = (drag.clone(), set_width.clone());
        Callback::from(move |event: PointerEvent| {
            let Some((x, start)) = *drag.borrow() else {
                return;
            };
            let dx = f64::from(event.client_x()) - x;
            set_width(panel_width(start, growth(side, rtl, dx), max_width()));
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let ondblclick = {
        let set_width = set_width.clone();
        Callback::from(move |_: MouseEvent| set_width(0))
    };
    let onkeydown = {
        let (handle, set_width) = (handle.clone(), set_width.clone());
        Callback::from(move |event: KeyboardEvent| {
            let step = if event.shift_key() { 4.0 * STEP } else { STEP };
            let start = laid_out_width(&handle);
            let width = match event.key().as_str() {
                "ArrowRight" => panel_width(start, growth(side, rtl, step), max_width()),
                "ArrowLeft" => panel_width(start, growth(side, rtl, -step), max_width()),
                "Home" => PANEL_RANGE.0,
                "End" => panel_width(f64::from(PANEL_RANGE.1), 0.0, max_width()),
                _ => return,
            };
            event.prevent_default();
            set_width(width);
        })
    };
    let (name, controls, testid, width) = match side {
        Side::Documents => (
            Key::ResizeDocumentsPanel,
            "documents-panel",
            "resize-documents",
            prefs.documents_width,
        ),
        Side::Details => (
            Key::ResizeSpanPanel,
            "details-panel",
            "resize-details",
            prefs.details_width,
        ),
    };
    // The widest this window allows (the End key's width).
    let max = panel_width(f64::from(PANEL_RANGE.1), 0.0, max_width());
    // The value a screen reader hears: the dragged width, or the laid-out
    // one while it is automatic, read once the panel is laid out (after
    // each draw, and when the handle gets the focus: the window may have
    // changed size). Read while drawing, it was 160 for a 243 px panel.
    let dragged = (width != 0).then(|| width.clamp(PANEL_RANGE.0, max).to_string());
    let show_laid_out = {
        let handle = handle.clone();
        move || {
            if let (0, Some(el)) = (width, handle.cast::<web_sys::Element>()) {
                let now = (laid_out_width(&handle).round() as u32).clamp(PANEL_RANGE.0, max);
                let _ = el.set_attribute("aria-valuenow", &now.to_string());
            }
        }
    };
    {
        let show = show_laid_out.clone();
        use_effect(show);
    }
    let onfocus = Callback::from(move |_: FocusEvent| show_laid_out());
    html! {
        <div ref={handle} class="panel-resizer" role="separator" aria-orientation="vertical" tabindex="0"
            data-testid={testid} aria-controls={controls} aria-label={t.t(name)} title={t.t(Key::ResizeHint)}
            aria-valuemin={PANEL_RANGE.0.to_string()} aria-valuemax={max.to_string()}
            aria-valuenow={dragged} {onfocus}
            data-width={width.to_string()}
            {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
            {ondblclick} {onkeydown}>
        </div>
    }
}
