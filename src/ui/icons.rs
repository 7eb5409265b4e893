//! Icons as inline SVG: no emoji and no icon font, so they show wherever
//! the page does. Each is drawn with `currentColor` strokes on a 24×24 grid.
//!
//! An icon inside a control that already has an accessible name is hidden
//! from assistive technology ([`icon`]); one that stands alone carries its
//! own name in `aria-label` ([`named_icon`]; no `<title>`, so the name does
//! not join the text of the element around it — give that a `title` for
//! the hover tooltip).

use yew::prelude::*;

/// The icons Wasim draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A magnifying glass: search matches.
    Search,
    /// A bin: delete.
    Delete,
    /// A cross: close, dismiss, remove.
    Close,
    /// A pencil: has a note.
    Note,
    /// An arrow turning back: undo.
    Undo,
    /// An arrow turning forward: redo.
    Redo,
    /// An arrow up.
    Up,
    /// An arrow down.
    Down,
    /// Two letters of different sizes: reading settings.
    Text,
    /// A bell: messages.
    Bell,
    /// A panel with its left column shaded.
    PanelLeft,
    /// A panel with its right column shaded.
    PanelRight,
}

impl Icon {
    /// The SVG drawing (paths in a 24×24 box).
    fn paths(self) -> Html {
        match self {
            Icon::Search => {
                html! { <><circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5 21 21" /></> }
            }
            Icon::Delete => {
                html! { <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" /> }
            }
            Icon::Close => html! { <path d="M6 6l12 12M18 6 6 18" /> },
            Icon::Note => html! { <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" /> },
            Icon::Undo => html! { <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" /> },
            Icon::Redo => html! { <path d="m15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" /> },
            Icon::Up => html! { <path d="M12 20V5M6 11l6-6 6 6" /> },
            Icon::Down => html! { <path d="M12 4v15M6 13l6 6 6-6" /> },
            Icon::Text => {
                html! { <path d="M3 19 8 6l5 13M4.8 14.5h6.4M14 19l3.5-9 3.5 9M15.2 16h4.6" /> }
            }
            Icon::Bell => html! { <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 21h4" /> },
            Icon::PanelLeft => {
                html! { <><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M9 4v16M5 8h2M5 11h2" /></> }
            }
            Icon::PanelRight => {
                html! { <><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M15 4v16M17 8h2M17 11h2" /></> }
            }
        }
    }
}

fn svg(kind: Icon, name: Option<&str>) -> Html {
    let hidden = name.is_none().then_some("true");
    let role = name.map(|_| "img");
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor"
            stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false"
            aria-hidden={hidden} role={role} aria-label={name.map(str::to_owned)}>
            { kind.paths() }
        </svg>
    }
}

/// A decorative icon, for a control that has its own accessible name.
pub fn icon(kind: Icon) -> Html {
    svg(kind, None)
}

/// An icon that stands alone, named `name` for assistive technology.
pub fn named_icon(kind: Icon, name: &str) -> Html {
    svg(kind, Some(name))
}
