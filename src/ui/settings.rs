//! The reader's display preferences: reading size and line height (a
//! popover in the toolbar) and the side panels' open/closed buttons. They
//! live in their own context, apart from the annotation state, and are
//! remembered in `localStorage` by [`crate::platform::prefs`].

use yew::prelude::*;

use crate::core::display::{LINE_RANGE, Prefs, SIZE_RANGE};
use crate::core::i18n::Key;
use crate::ui::fields::field_value;
use crate::ui::icons::{Icon, icon};
use crate::ui::lang::use_lang;
use crate::ui::modal::use_dismiss;

/// The preferences and their setter, shared through a context.
pub type PrefsHandle = UseStateHandle<Prefs>;

/// The preferences, from the root's context (the defaults outside it).
#[hook]
pub fn use_prefs() -> Option<PrefsHandle> {
    use_context::<PrefsHandle>()
}

/// A slider's new value, clamped by [`Prefs::clamped`] when applied.
fn slider(prefs: &Option<PrefsHandle>, set: fn(&mut Prefs, u32)) -> Callback<InputEvent> {
    let prefs = prefs.clone();
    Callback::from(move |event: InputEvent| {
        let (Some(prefs), Some(value)) = (
            prefs.as_ref(),
            field_value(&event).and_then(|v| v.parse::<u32>().ok()),
        ) else {
            return;
        };
        let mut next = **prefs;
        set(&mut next, value);
        prefs.set(next.clamped());
    })
}

/// The toolbar button and popover that set the reading size and line
/// height.
#[function_component(ReadingSettings)]
pub fn reading_settings() -> Html {
    let prefs = use_prefs();
    let t = use_lang();
    let open = use_state(|| false);
    let root = use_node_ref();
    use_dismiss(open.clone(), root.clone());
    let current = prefs.as_deref().copied().unwrap_or_default();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onsize = slider(&prefs, |p, v| p.reading_size = v);
    let online = slider(&prefs, |p, v| p.line_height = v);
    let onreset = {
        let prefs = prefs.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(prefs) = &prefs {
                prefs.set(Prefs {
                    reading_size: Prefs::default().reading_size,
                    line_height: Prefs::default().line_height,
                    ..**prefs
                });
            }
        })
    };
    let line = format!("{}.{}", current.line_height / 10, current.line_height % 10);
    html! {
        <div class="reading-settings" ref={root}>
            <button class="icon-button" data-testid="settings-toggle" onclick={toggle}
                aria-expanded={open.to_string()} aria-controls="reading-settings"
                aria-label={t.t(Key::ReadingSettings)} title={t.t(Key::ReadingSettingsTitle)}>
                { icon(Icon::Text) }
            </button>
            if *open {
                <section id="reading-settings" class="popover settings-panel" data-testid="settings"
                    aria-label={t.t(Key::ReadingSettings)}>
                    <label>{ t.t(Key::TextSize) }
                        <input type="range" data-testid="reading-size" min={SIZE_RANGE.0.to_string()}
                            max={SIZE_RANGE.1.to_string()} step="1" value={current.reading_size.to_string()}
                            oninput={onsize} />
                        <output data-testid="reading-size-value">{ t.f(Key::Px, &[("n", &current.reading_size.to_string())]) }</output>
                    </label>
                    <label>{ t.t(Key::LineHeight) }
                        <input type="range" data-testid="line-height" min={LINE_RANGE.0.to_string()}
                            max={LINE_RANGE.1.to_string()} step="1" value={current.line_height.to_string()}
                            oninput={online} />
                        <output data-testid="line-height-value">{ line }</output>
                    </label>
                    <button data-testid="settings-reset" onclick={onreset}>{ t.t(Key::DefaultSize) }</button>
                </section>
            }
        </div>
    }
}

/// Which side panel a [`PanelToggle`] opens and closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The documents and labels (left).
    Documents,
    /// The selected span and the entities (right).
    Details,
}

/// Props of [`PanelToggle`].
#[derive(Properties, PartialEq)]
pub struct PanelToggleProps {
    /// The panel.
    pub side: Side,
}

/// The button that opens or closes a side panel; the choice is remembered.
#[function_component(PanelToggle)]
pub fn panel_toggle(props: &PanelToggleProps) -> Html {
    let prefs = use_prefs();
    let t = use_lang();
    let current = prefs.as_deref().copied().unwrap_or_default();
    let side = props.side;
    let (open, [hide, show], id, testid, kind) = match side {
        Side::Documents => (
            current.documents_open,
            [Key::HideDocumentsPanel, Key::ShowDocumentsPanel],
            "documents-panel",
            "toggle-documents",
            Icon::PanelLeft,
        ),
        Side::Details => (
            current.details_open,
            [Key::HideSpanPanel, Key::ShowSpanPanel],
            "details-panel",
            "toggle-details",
            Icon::PanelRight,
        ),
    };
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(prefs) = &prefs {
            let mut next = **prefs;
            match side {
                Side::Documents => next.documents_open = !next.documents_open,
                Side::Details => next.details_open = !next.details_open,
            }
            prefs.set(next);
        }
    });
    let name = t.t(if open { hide } else { show });
    html! {
        <button class="icon-button panel-toggle" data-testid={testid} aria-expanded={open.to_string()}
            aria-controls={id} aria-label={name} title={name} {onclick}>
            { icon(kind) }
        </button>
    }
}
