//! The browser's regular expressions (`RegExp`, flags `gu`, plus `i` to
//! ignore case) as the core's [`RegexEngine`], for the search's regex mode:
//! the browser has an engine already, and one compiled into the wasm
//! cost 18 KB gzipped.
//!
//! A search passes the folded text once (kept as a JavaScript string for
//! the pattern's life) and asks for matches from increasing positions;
//! UTF-16 positions are converted by [`Utf16Walker`].

use std::cell::RefCell;

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::core::search::{Pattern, RegexEngine};
use crate::core::text::Utf16Walker;

#[wasm_bindgen]
extern "C" {
    /// A `RegExp`, whose constructor's `SyntaxError` is caught.
    #[wasm_bindgen(js_name = RegExp)]
    type JsRegExp;

    #[wasm_bindgen(constructor, catch, js_class = "RegExp")]
    fn new(pattern: &str, flags: &str) -> Result<JsRegExp, JsValue>;

    #[wasm_bindgen(method, setter = lastIndex)]
    fn set_last_index(this: &JsRegExp, index: f64);

    /// The match array (with its `index`), or `null`.
    #[wasm_bindgen(method)]
    fn exec(this: &JsRegExp, text: &JsString) -> JsValue;
}

/// The browser's `RegExp` as a [`RegexEngine`].
pub struct BrowserRegex;

impl RegexEngine for BrowserRegex {
    fn compile(&self, pattern: &str, case_insensitive: bool) -> Result<Box<dyn Pattern>, String> {
        let flags = if case_insensitive { "giu" } else { "gu" };
        let regexp = JsRegExp::new(pattern, flags).map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_else(|| "not a regular expression".to_owned())
        })?;
        Ok(Box::new(BrowserPattern {
            regexp,
            hay: RefCell::new(None),
        }))
    }
}

/// The text being searched, as JavaScript holds it.
struct Hay {
    /// Which Rust string it is (address and length).
    of: (usize, usize),
    js: JsString,
    walker: Utf16Walker,
}

/// A compiled `RegExp` and the text it searches.
struct BrowserPattern {
    regexp: JsRegExp,
    hay: RefCell<Option<Hay>>,
}

impl Pattern for BrowserPattern {
    fn find_from(&self, hay: &str, from: usize) -> Option<(usize, usize)> {
        let of = (hay.as_ptr() as usize, hay.len());
        let mut held = self.hay.borrow_mut();
        if held.as_ref().is_none_or(|held| held.of != of) {
            *held = Some(Hay {
                of,
                js: JsString::from(hay),
                walker: Utf16Walker::default(),
            });
        }
        let held = held.as_mut()?;
        self.regexp
            .set_last_index(held.walker.utf16(hay, from) as f64);
        let found = self.regexp.exec(&held.js);
        let found = found.dyn_ref::<Array>()?;
        let index = Reflect::get(found, &"index".into()).ok()?.as_f64()? as usize;
        let length = found.get(0).dyn_into::<JsString>().ok()?.length() as usize;
        let start = held.walker.cp(hay, index)?;
        let end = held.walker.cp(hay, index + length)?;
        Some((start, end))
    }
}
