//! Lengths that follow the layout (a gap's height, a list's padding, a
//! progress bar's width), set on an element after each render through the
//! CSSOM ([`crate::platform::styles::set_properties`]), because the page's
//! Content Security Policy refuses `style` attributes. Colours and the
//! reading settings are classes ([`crate::core::css::ClassRule`]), not
//! these.

use yew::prelude::*;

use crate::platform::styles::set_properties;

/// Sets `properties` (name, value) on the element of `node` after every
/// render, each only when it changed. Effects of a component run in the
/// order its hooks are called, and a child's before its parent's: call
/// this before hooks whose effects measure the element.
#[hook]
pub fn use_style_properties(node: NodeRef, properties: Vec<(&'static str, String)>) {
    use_effect(move || {
        if let Some(element) = node.cast::<web_sys::Element>() {
            set_properties(&element, &properties);
        }
    });
}
