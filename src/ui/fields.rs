//! Form fields: reading their values from events, and [`DraftField`], a
//! text field that does not lose what is being typed when the state changes.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

/// The current value of the `<input>`, `<select>` or `<textarea>` that
/// fired `event`.
pub fn field_value(event: &Event) -> Option<String> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return Some(input.value());
    }
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        return Some(select.value());
    }
    target
        .dyn_ref::<HtmlTextAreaElement>()
        .map(HtmlTextAreaElement::value)
}

/// Props of [`DraftField`].
#[derive(Properties, PartialEq, Clone)]
pub struct DraftFieldProps {
    /// The saved value.
    pub value: AttrValue,
    /// Called when the user commits the field (change event).
    pub onchange: Callback<Event>,
    /// A `<textarea>` instead of an `<input>`.
    #[prop_or_default]
    pub multiline: bool,
    /// `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// `class`.
    #[prop_or_default]
    pub class: Option<AttrValue>,
    /// `aria-label`.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// `placeholder`.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// `dir`.
    #[prop_or_default]
    pub dir: Option<AttrValue>,
    /// `id`, for a `<label for>`.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `maxlength`.
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
    /// `rows` of a textarea.
    #[prop_or_default]
    pub rows: Option<AttrValue>,
    /// Called with the field's text once typing pauses for
    /// [`IDLE_COMMIT_MS`], before the field is left: a note being typed is
    /// saved, not lost to a reload or a closed tab.
    #[prop_or_default]
    pub onidle: Option<Callback<String>>,
}

/// How long typing must pause before a field with `onidle` commits.
pub const IDLE_COMMIT_MS: u32 = 1_000;

/// A text field committed on change that keeps what the user is typing
/// through re-renders. Yew resets an `<input>`'s DOM value to its `value`
/// attribute on every render, so a field showing the saved value lost the
/// keys typed since the last commit whenever anything else changed the state
/// (an autosave finishing, another tab's news). This one shows a draft: the
/// saved value until the user types, their text until the saved value
/// itself changes (a commit, an undo, another span).
#[function_component(DraftField)]
pub fn draft_field(props: &DraftFieldProps) -> Html {
    let draft = use_state(|| props.value.to_string());
    {
        // A saved value that is the draft but for its ends (a commit made
        // while typing, trimmed) keeps the draft: the space just typed
        // stays.
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |saved| {
            if draft.trim() != saved.trim() {
                draft.set(saved.to_string());
            }
        });
    }
    let idle: std::rc::Rc<std::cell::RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let oninput = {
        let (draft, onidle, idle) = (draft.clone(), props.onidle.clone(), idle.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                draft.set(value.clone());
                *idle.borrow_mut() = onidle
                    .clone()
                    .map(|commit| Timeout::new(IDLE_COMMIT_MS, move || commit.emit(value)));
            }
        })
    };
    // A commit shows the saved value again: the new one once the state has
    // it, the old one when the change was refused (a hotkey two labels
    // would share), so the field never shows what was not kept.
    let onchange = {
        let (draft, commit, saved) = (draft.clone(), props.onchange.clone(), props.value.clone());
        let idle = idle.clone();
        Callback::from(move |event: Event| {
            *idle.borrow_mut() = None;
            commit.emit(event);
            draft.set(saved.to_string());
        })
    };
    let p = props.clone();
    if p.multiline {
        html! {
            <textarea value={(*draft).clone()} {oninput} {onchange} data-testid={p.testid} id={p.id}
                class={p.class} aria-label={p.aria_label} placeholder={p.placeholder} dir={p.dir}
                rows={p.rows} />
        }
    } else {
        html! {
            <input value={(*draft).clone()} {oninput} {onchange} data-testid={p.testid} id={p.id}
                class={p.class} aria-label={p.aria_label} placeholder={p.placeholder} dir={p.dir}
                maxlength={p.maxlength} />
        }
    }
}
