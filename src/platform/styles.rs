//! Styles under the page's Content Security Policy: a stylesheet Wasim
//! owns, and lengths set on elements, both through the CSSOM.
//!
//! The policy (`style-src 'self'`) refuses `style` attributes written in
//! markup or with `setAttribute`, and `<style>` elements; it allows the
//! CSSOM. So a label's colour is a class whose rules ([`ClassRule`], built
//! from checked values in the core) are inserted once with `insertRule`
//! into a constructed stylesheet adopted by the document, and lengths that
//! follow the layout (gap heights, list paddings, a progress bar) are set
//! with `element.style.setProperty`. This module writes what it is given
//! and decides nothing.

use std::cell::RefCell;
use std::collections::HashSet;

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, HtmlElement};

use crate::core::css::ClassRule;

/// Wasim's stylesheet and the classes whose rules it holds.
#[derive(Default)]
struct Sheet {
    sheet: Option<CssStyleSheet>,
    classes: HashSet<String>,
}

thread_local! {
    static SHEET: RefCell<Sheet> = RefCell::new(Sheet::default());
}

/// A new stylesheet, adopted by the document after its own sheets.
fn adopt() -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    let document = web_sys::window()?.document()?;
    let adopted = document.adopted_style_sheets();
    adopted.push(&sheet);
    document.set_adopted_style_sheets(&adopted);
    Some(sheet)
}

/// The class of `rule`, its rules inserted into Wasim's stylesheet the
/// first time it is asked for. Cheap after that (a set lookup), so it is
/// called while rendering.
pub fn class_of(rule: &ClassRule) -> String {
    SHEET.with(|cell| {
        let mut state = cell.borrow_mut();
        if !state.classes.contains(&rule.class) {
            if state.sheet.is_none() {
                state.sheet = adopt();
            }
            if let Some(sheet) = &state.sheet {
                // Each class's rules are independent of every other's, so
                // where they go in the sheet does not matter. The core
                // builds only valid rules; one refused would cost a colour.
                for css in &rule.rules {
                    let _ = sheet.insert_rule(css);
                }
            }
            state.classes.insert(rule.class.clone());
        }
        rule.class.clone()
    })
}

/// Sets inline style `properties` (name, value) of `element` through the
/// CSSOM, each only when its value changed.
pub fn set_properties(element: &web_sys::Element, properties: &[(&str, String)]) {
    let Some(element) = element.dyn_ref::<HtmlElement>() else {
        return;
    };
    let style = element.style();
    for (name, value) in properties {
        if style.get_property_value(name).ok().as_deref() != Some(value.as_str()) {
            let _ = style.set_property(name, value);
        }
    }
}
