//! One component for long lists: [`WindowedList`] draws only the rows in
//! and near the visible part of whatever scrolls it, padded above and below
//! by the height of the others, so that the scrollbar is right and the cost
//! of a list is what is on screen, not its length.
//!
//! Rows have one height (measured once from the drawn rows; an estimate
//! until then). The parent draws a row from its index ([`WindowedListProps::row`]),
//! as a keyed element. [`Reveal`] scrolls a row into view (and draws it),
//! optionally focusing it; ↑/↓, Page Up/Down, Home and End on a focused row
//! move the focus through the whole list, drawing rows as they come.
//!
//! Which rows to draw is the core's arithmetic ([`crate::core::window`]);
//! measuring and scrolling is [`crate::platform::lists`]'s.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::css::px;
use crate::core::window::{
    Band, Window, in_view_with_margin, rows_per_page, scroll_to_reveal, step_row, window,
};
use crate::platform::lists;
use crate::ui::styled::use_style_properties;

/// Rows drawn beyond each edge of the visible band.
const MARGIN: usize = 12;

/// The band assumed before the list is measured, in pixels.
const FIRST_BAND: f64 = 1200.0;

/// A request to scroll a row into view, numbered so that asking for the same
/// row twice scrolls twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reveal {
    /// Increases with every request.
    pub seq: u64,
    /// The row.
    pub row: usize,
    /// Whether to move the keyboard focus to it.
    pub focus: bool,
}

/// Props of [`WindowedList`].
#[derive(Properties, PartialEq)]
pub struct WindowedListProps {
    /// How many rows the list has.
    pub count: usize,
    /// Draws row `i`: one keyed element.
    pub row: Callback<usize, Html>,
    /// A row's height in pixels until one is measured.
    pub estimate: f64,
    /// A row to scroll into view.
    #[prop_or_default]
    pub reveal: Option<Reveal>,
    /// `<ol>` instead of `<ul>`.
    #[prop_or_default]
    pub ordered: bool,
    /// The list's classes.
    #[prop_or_default]
    pub class: Classes,
    /// The list's `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// The list's accessible name.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// What the scroll listener needs from the latest render.
struct Latest {
    count: usize,
    pitch: Option<f64>,
    estimate: f64,
    band: Band,
    drawn: Window,
    /// A row to focus once it is drawn.
    focus: Option<usize>,
    /// The length of the list when the band was last measured.
    measured: Option<usize>,
}

impl Latest {
    fn pitch(&self) -> f64 {
        self.pitch.unwrap_or(self.estimate)
    }

    fn window(&self) -> Window {
        window(self.count, self.pitch(), self.band, MARGIN)
    }
}

/// Measures the band (and the row height, once) and says whether the rows
/// to draw changed.
fn remeasure(list: &web_sys::Element, latest: &RefCell<Latest>) -> bool {
    let mut latest = latest.borrow_mut();
    if latest.pitch.is_none() {
        latest.pitch = lists::row_pitch(list);
    }
    latest.band = lists::band(list);
    latest.measured = Some(latest.count);
    latest.window() != latest.drawn
}

/// A list that draws only the rows near the visible band of its scroller.
#[function_component(WindowedList)]
pub fn windowed_list(props: &WindowedListProps) -> Html {
    let list = use_node_ref();
    let redraw = use_force_update();
    let latest = use_mut_ref(|| Latest {
        count: props.count,
        pitch: None,
        estimate: props.estimate,
        band: Band::first(FIRST_BAND),
        drawn: Window { start: 0, end: 0 },
        focus: None,
        measured: None,
    });
    let shown = {
        let mut latest = latest.borrow_mut();
        latest.count = props.count;
        latest.estimate = props.estimate;
        latest.drawn = latest.window();
        latest.drawn
    };
    let pitch = latest.borrow().pitch();
    // The padding stands for the rows not drawn (set before the effects
    // below measure the list). It is set after the rows are: another
    // component's effect may lay the page out in between, with the new
    // rows and the old padding. The minimum height (the list is
    // `border-box`) keeps the list its full height even then, so that its
    // scroller never clamps the scroll position to a list briefly shorter.
    use_style_properties(
        list.clone(),
        vec![
            ("padding-top", px(shown.padding_before(pitch))),
            (
                "padding-bottom",
                px(shown.padding_after(props.count, pitch)),
            ),
            ("min-height", px(props.count as f64 * pitch)),
        ],
    );

    // Scrolls and resizes redraw only when the rows to draw change.
    {
        let (list, latest, redraw) = (list.clone(), latest.clone(), redraw.clone());
        use_effect_with((), move |_| {
            let guards = list.cast::<web_sys::Element>().map(|element| {
                let target = element.clone();
                lists::on_scroll_or_resize(element, move || {
                    if remeasure(&target, &latest) {
                        redraw.force_update();
                    }
                })
            });
            move || drop(guards)
        });
    }
    // After a render that changed the list the band is measured again: at
    // once when its rows are not measured yet or a row waits for the focus
    // (it may be drawn now), before the next frame when only its length
    // changed (content around it may have moved). Other renders (every edit
    // draws the lists again) measure nothing, so that they never force a
    // layout of the page in the middle of an edit.
    {
        let (list, latest, redraw) = (list.clone(), latest.clone(), redraw.clone());
        use_effect(move || {
            let (now, later) = {
                let latest = latest.borrow();
                let now = latest.pitch.is_none() || latest.focus.is_some();
                (now, !now && latest.measured != Some(latest.count))
            };
            if later {
                let count = latest.borrow().count;
                latest.borrow_mut().measured = Some(count);
                let (list, latest, redraw) = (list.clone(), latest.clone(), redraw.clone());
                lists::next_frame(move || {
                    let changed = list
                        .cast::<web_sys::Element>()
                        .is_some_and(|element| remeasure(&element, &latest));
                    if changed {
                        redraw.force_update();
                    }
                });
            }
            if let Some(element) = list.cast::<web_sys::Element>().filter(|_| now) {
                if remeasure(&element, &latest) {
                    redraw.force_update();
                } else {
                    let mut latest = latest.borrow_mut();
                    let drawn = latest.drawn;
                    if let Some(row) = latest.focus.filter(|row| drawn.contains(*row)) {
                        latest.focus = None;
                        lists::focus_row(&element, row - drawn.start);
                    }
                }
            }
        });
    }
    // A reveal scrolls the row into view, then draws it. One that does not
    // move the focus (the entities list following the selected span) waits
    // for the next frame: it measures the page, which in the middle of an
    // edit would force a layout before the edit is even drawn.
    {
        let (list, latest, redraw) = (list.clone(), latest.clone(), redraw.clone());
        use_effect_with(props.reveal, move |reveal| {
            let Some(reveal) = *reveal else {
                return;
            };
            let run = move || {
                if let Some(element) = list.cast::<web_sys::Element>()
                    && reveal_row(&element, &latest, reveal)
                {
                    redraw.force_update();
                }
            };
            if reveal.focus {
                run();
            } else {
                lists::next_frame(run);
            }
        });
    }
    let onkeydown = {
        let (list, latest, redraw) = (list.clone(), latest.clone(), redraw.clone());
        Callback::from(move |event: KeyboardEvent| {
            let Some(element) = list.cast::<web_sys::Element>() else {
                return;
            };
            let Some(at) = event.target().and_then(|t| lists::row_of(&element, &t)) else {
                return;
            };
            let next = {
                let latest = latest.borrow();
                let page = rows_per_page(latest.pitch(), latest.band);
                step_row(latest.drawn.start + at, latest.count, &event.key(), page)
            };
            if let Some(row) = next {
                event.prevent_default();
                event.stop_propagation();
                let reveal = Reveal {
                    seq: 0,
                    row,
                    focus: true,
                };
                if reveal_row(&element, &latest, reveal) {
                    redraw.force_update();
                }
            }
        })
    };

    let rows = shown.rows().map(|i| props.row.emit(i));
    let tag = if props.ordered { "ol" } else { "ul" };
    html! {
        <@{tag} ref={list} class={props.class.clone()} data-testid={props.testid.clone()}
            aria-label={props.label.clone()} data-rows={props.count.to_string()} {onkeydown}>
            { for rows }
        </@>
    }
}

/// Scrolls `reveal.row` into view and asks for it to be drawn (and
/// focused).
/// A reveal that does not move the focus, of a row well in view by the last
/// measure or of a list that scrolls with the page, does nothing (it
/// returns `false`): every edit that selects a
/// span asks the entities list to reveal its row, and measuring the list
/// then would force a layout of the page in the middle of the edit.
fn reveal_row(list: &web_sys::Element, latest: &Rc<RefCell<Latest>>, reveal: Reveal) -> bool {
    let seen = {
        let latest = latest.borrow();
        latest.pitch.is_some() && in_view_with_margin(reveal.row, latest.pitch(), latest.band)
    };
    // Nor does one that would scroll the whole page (the narrow layout):
    // a span tagged in the text would take the page down to its row.
    if !reveal.focus && (seen || lists::scrolls_with_page(list)) {
        return false;
    }
    remeasure(list, latest);
    let dy = {
        let latest = latest.borrow();
        scroll_to_reveal(reveal.row, latest.pitch(), latest.band)
    };
    lists::scroll_by(list, dy);
    remeasure(list, latest);
    if reveal.focus {
        latest.borrow_mut().focus = Some(reveal.row);
    }
    true
}
