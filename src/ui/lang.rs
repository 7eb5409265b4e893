//! The interface's language in the UI: a context holding the [`Lang`]
//! (chosen at start by [`crate::platform::lang::initial`]), the
//! [`use_lang`] hook every component reads its strings through, and the
//! switch in the toolbar ([`LangSwitch`], remembered in this browser).

use yew::prelude::*;

use crate::core::i18n::{Key, Lang};
use crate::ui::fields::field_value;

/// The language and its setter, shared through a context.
pub type LangHandle = UseStateHandle<Lang>;

/// The language of the interface (English outside the app's context).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangHandle>().map_or(Lang::default(), |handle| *handle)
}

/// The language picker: each language by its own name.
#[function_component(LangSwitch)]
pub fn lang_switch() -> Html {
    let handle = use_context::<LangHandle>();
    let lang = handle.as_deref().copied().unwrap_or_default();
    let onchange = Callback::from(move |event: Event| {
        let chosen = field_value(&event).and_then(|code| Lang::from_code(&code));
        if let (Some(handle), Some(chosen)) = (&handle, chosen) {
            crate::platform::lang::store(chosen);
            handle.set(chosen);
        }
    });
    let options = Lang::ALL.iter().map(|l| {
        html! {
            <option key={l.code()} value={l.code()} lang={l.code()} selected={*l == lang}>{ l.native_name() }</option>
        }
    });
    let name = lang.t(Key::LangSwitch);
    html! {
        <select class="lang-switch" data-testid="lang-switch" aria-label={name} title={name} {onchange}>
            { for options }
        </select>
    }
}
