//! How the workbench shows what is not part of the annotations: long
//! document names cut in the middle, and the reader's display preferences
//! (reading size, line height, which side panels are open).
//!
//! Pure and tested natively; the browser side stores [`Prefs`] as JSON
//! (`crate::platform::prefs`) and the UI draws them with a class
//! ([`crate::core::css::ClassRule::reading`]).

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::{bidi, json};

/// How many grapheme clusters at the end of a name stay visible however
/// narrow the document list is (about "a7e9.txt").
pub const NAME_TAIL: usize = 8;

/// The longest tail kept whole, in grapheme clusters, when no shorter one
/// can be cut without swapping the parts.
const LONGEST_TAIL: usize = 20;

/// A name split for display: `head` may be cut with an ellipsis, `tail` is
/// always shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameParts<'a> {
    /// The beginning of the name; the part that gets an ellipsis.
    pub head: &'a str,
    /// The end of the name (extension included), never cut.
    pub tail: &'a str,
    /// Whether two Arabic letters that join meet at the cut, so the UI must
    /// keep them joined across the two boxes (with U+200D ZERO WIDTH JOINER
    /// drawn by CSS on both sides, which adds nothing to the text).
    pub joined: bool,
}

/// Splits `name` so that its last [`NAME_TAIL`] grapheme clusters or so stay
/// visible. The cut moves a little (to a tail of 5 to 10 clusters, shorter
/// first) to fall next to a non-letter (`_`, `.`, a digit, a space) when
/// there is one, so Arabic letters are rarely separated; if none of those
/// keeps the order, the tail grows up to [`LONGEST_TAIL`] (never longer
/// than the head); it never splits a
/// grapheme cluster, nor a run of the direction opposite to the name's
/// ([`bidi::cut_reorders`]: the two parts are laid side by side, so such a
/// cut would swap them, "مثال — Wasim demo" drawn as "demo Wasim — مثال").
/// A name with no such place, or short enough to show whole, is all head.
pub fn split_name(name: &str) -> NameParts<'_> {
    let bounds: Vec<usize> = name.grapheme_indices(true).map(|(i, _)| i).collect();
    let count = bounds.len();
    if count <= NAME_TAIL + 2 {
        return NameParts {
            head: name,
            tail: "",
            joined: false,
        };
    }
    let ideal = count - NAME_TAIL;
    // Candidate cuts: the ideal, then shorter tails (down to 5 clusters),
    // then longer ones (up to 10); never fewer than two head clusters.
    // Last, tails of up to 20 clusters: a name ending in a date or in
    // Latin letters ("…_الاستراتيجي_2021-12-09.txt") can be cut only
    // before that run, or else it showed nothing of its end at all.
    let near = (0..=NAME_TAIL - 5)
        .map(|d| ideal + d)
        .chain([ideal.saturating_sub(1), ideal.saturating_sub(2)]);
    let far = (NAME_TAIL + 3..=LONGEST_TAIL).map(|tail| count.saturating_sub(tail));
    let keeps_order = |cuts: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        cuts.filter(|cut| *cut >= 2 && *cut < count)
            .filter(|cut| count - cut <= NAME_TAIL + 2 || *cut >= count - cut)
            .filter(|cut| !bidi::cut_reorders(name, bounds[*cut]))
            .collect()
    };
    // A longer tail only when no near cut keeps the order: it takes room
    // from the head.
    let (near, far) = (
        keeps_order(&mut near.into_iter()),
        keeps_order(&mut far.into_iter()),
    );
    let pick = |cuts: &[usize]| {
        cuts.iter()
            .find(|cut| !letters_meet(name, bounds[**cut]))
            .or(cuts.first())
            .copied()
    };
    let chosen = pick(&near).or_else(|| pick(&far));
    let Some(at) = chosen.map(|cut| bounds[cut]) else {
        return NameParts {
            head: name,
            tail: "",
            joined: false,
        };
    };
    let (head, tail) = name.split_at(at);
    NameParts {
        head,
        tail,
        joined: joins_across(head.chars().last(), tail.chars().next()),
    }
}

/// Whether the characters on both sides of byte `at` are letters.
fn letters_meet(name: &str, at: usize) -> bool {
    let before = name[..at].chars().last();
    let after = name[at..].chars().next();
    before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic)
}

/// Whether an Arabic letter `before` joins the letter `after` it: `before`
/// joins on both sides and `after` is an Arabic letter.
fn joins_across(before: Option<char>, after: Option<char>) -> bool {
    let dual = |c: char| {
        matches!(c, '\u{0626}' | '\u{0628}' | '\u{062A}'..='\u{062E}' | '\u{0633}'..='\u{064A}' | '\u{066E}' | '\u{066F}' | '\u{0678}'..='\u{0687}' | '\u{069A}'..='\u{06BF}' | '\u{06C1}' | '\u{06CC}' | '\u{06CE}' | '\u{06D0}' | '\u{06D1}')
            && !matches!(c, '\u{0648}')
    };
    let arabic_letter = |c: char| matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}');
    match (before, after) {
        (Some(b), Some(a)) => dual(b) && arabic_letter(a),
        _ => false,
    }
}

/// Smallest and largest reading size, in CSS pixels.
pub const SIZE_RANGE: (u32, u32) = (14, 32);
/// Smallest and largest line height, in tenths of the reading size.
pub const LINE_RANGE: (u32, u32) = (13, 30);

/// Narrowest and widest a side panel can be dragged to, in CSS pixels.
pub const PANEL_RANGE: (u32, u32) = (160, 560);
/// The widest share of the window, in percent, a side panel takes: with
/// both panels at their widest, the text keeps 40 %.
pub const PANEL_SHARE: u32 = 30;

/// The width a side panel is dragged to: `start` (its width when the drag
/// began) grown by `grow` pixels, within [`PANEL_RANGE`] and `max` (a share
/// of the window, so the text keeps room), in steps of 4 px.
pub fn panel_width(start: f64, grow: f64, max: f64) -> u32 {
    let max = max
        .min(f64::from(PANEL_RANGE.1))
        .max(f64::from(PANEL_RANGE.0));
    let width = (start + grow).clamp(f64::from(PANEL_RANGE.0), max);
    if !width.is_finite() {
        return PANEL_RANGE.0;
    }
    // A step of 4 px, never past `max`. `width` is finite and within
    // PANEL_RANGE, so the cast is exact.
    let step = |w: f64| (w / 4.0).round() * 4.0;
    step(width)
        .min((max / 4.0).floor() * 4.0)
        .max(f64::from(PANEL_RANGE.0)) as u32
}

/// The reader's display preferences, remembered in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Prefs {
    /// Text size of the document, in CSS pixels.
    pub reading_size: u32,
    /// Line height of the document, in tenths of the text size (19 = 1.9).
    pub line_height: u32,
    /// Whether the documents panel (left) is open.
    pub documents_open: bool,
    /// Whether the span panel (right) is open.
    pub details_open: bool,
    /// Width the documents panel was dragged to, in CSS pixels; 0: the
    /// automatic width, which follows the window.
    pub documents_width: u32,
    /// Width the span panel was dragged to; 0: automatic.
    pub details_width: u32,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            reading_size: 18,
            line_height: 19,
            documents_open: true,
            details_open: true,
            documents_width: 0,
            details_width: 0,
        }
    }
}

impl Prefs {
    /// Reads stored preferences; anything missing, unreadable or out of
    /// range falls back to the default or the nearest allowed value.
    pub fn from_json(json: &str) -> Prefs {
        json::parse::<Prefs>(json).unwrap_or_default().clamped()
    }

    /// The preferences as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The same preferences with sizes inside their ranges (a panel width
    /// of 0, automatic, stays 0).
    pub fn clamped(self) -> Prefs {
        let panel = |w: u32| match w {
            0 => 0,
            w => w.clamp(PANEL_RANGE.0, PANEL_RANGE.1),
        };
        Prefs {
            reading_size: self.reading_size.clamp(SIZE_RANGE.0, SIZE_RANGE.1),
            line_height: self.line_height.clamp(LINE_RANGE.0, LINE_RANGE.1),
            documents_width: panel(self.documents_width),
            details_width: panel(self.details_width),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(parts: NameParts) -> String {
        format!("{}{}", parts.head, parts.tail)
    }

    #[test]
    fn a_longer_tail_only_when_no_near_cut_keeps_the_order() {
        let name =
            "تقرير_اللجنة_الوطنية_للانتخابات_عن_نتائج_الجولة_الثانية_في_المحافظات_الشمالية.txt";
        let tail = split_name(name).tail.chars().count();
        assert!((5..=10).contains(&tail), "{:?}", split_name(name));
    }

    #[test]
    fn an_arabic_name_ending_in_a_date_keeps_the_date() {
        let name = "تقرير_وزارة_الخارجية_العراقية_عن_الحوار_الاستراتيجي_2021-12-09.txt";
        let parts = split_name(name);
        assert_eq!(parts.tail, "2021-12-09.txt");
        assert_eq!(format!("{}{}", parts.head, parts.tail), name);
        assert!(!bidi::cut_reorders(name, parts.head.len()));
        // a run of the other direction longer than 20 still gives no tail
        let long = format!("تقرير_{}.txt", "a".repeat(30));
        assert_eq!(split_name(&long).tail, "");
    }

    #[test]
    fn short_names_are_whole() {
        let parts = split_name("notes.txt");
        assert_eq!(parts.head, "notes.txt");
        assert_eq!(parts.tail, "");
    }

    #[test]
    fn long_names_keep_their_end() {
        let name = "001_447af13bdafea7e9.txt";
        let parts = split_name(name);
        assert_eq!(joined(parts), name);
        assert!(parts.tail.ends_with("e9.txt"), "{parts:?}");
        assert!(parts.tail.chars().count() >= 6, "{parts:?}");
        assert!(parts.head.starts_with("001_"), "{parts:?}");
    }

    #[test]
    fn cuts_prefer_a_non_letter() {
        let name = "تقرير_الأمم_المتحدة_عن_التنمية_البشرية_في_العالم_العربي.txt";
        let parts = split_name(name);
        assert_eq!(joined(parts), name);
        assert!(parts.tail.ends_with(".txt"));
        assert!(!letters_meet(name, parts.head.len()), "{parts:?}");
        assert!(!parts.joined);
    }

    #[test]
    fn never_splits_a_cluster_and_flags_joined_letters() {
        // Letters with tashkeel and no separator anywhere near the cut.
        let name = "مُحَمَّدبنعبداللهالكبيرفيالمدينةالمنورة";
        let parts = split_name(name);
        assert_eq!(joined(parts), name);
        let first = parts.tail.chars().next();
        assert!(
            first.is_some_and(|c| !('\u{064B}'..='\u{065F}').contains(&c)),
            "{parts:?}"
        );
        assert_eq!(parts.joined, joins_across(parts.head.chars().last(), first));
    }

    #[test]
    fn a_cut_never_swaps_the_parts_of_a_name_that_mixes_directions() {
        // The cut falls before "Wasim", not inside "Wasim demo".
        let parts = split_name("مثال — Wasim demo");
        assert_eq!(parts.tail, "Wasim demo");
        // Only digits and Latin after the Arabic: no place keeps the order.
        let parts = split_name("تقرير 2026-12-03 final");
        assert_eq!((parts.head, parts.tail), ("تقرير 2026-12-03 final", ""));
    }

    #[test]
    fn emoji_and_latin() {
        let name = "👩‍👩‍👧 family photos of the summer.txt";
        let parts = split_name(name);
        assert_eq!(joined(parts), name);
        assert!(!parts.joined);
    }

    #[test]
    fn joining_rules() {
        assert!(joins_across(Some('ب'), Some('ي')));
        assert!(!joins_across(Some('ا'), Some('ب')));
        assert!(!joins_across(Some('د'), Some('ب')));
        assert!(!joins_across(Some('و'), Some('ب')));
        assert!(!joins_across(Some('_'), Some('ب')));
        assert!(!joins_across(Some('ب'), Some('.')));
    }

    #[test]
    fn prefs_round_trip_and_clamp() {
        let prefs = Prefs {
            reading_size: 22,
            line_height: 24,
            documents_open: false,
            details_open: true,
            documents_width: 300,
            details_width: 0,
        };
        assert_eq!(Prefs::from_json(&prefs.to_json()), prefs);
        assert_eq!(Prefs::from_json("not json"), Prefs::default());
        assert_eq!(Prefs::from_json("{}"), Prefs::default());
        let wild = Prefs::from_json(r#"{"readingSize": 400, "lineHeight": 1}"#);
        assert_eq!(wild.reading_size, SIZE_RANGE.1);
        assert_eq!(wild.line_height, LINE_RANGE.0);
        assert!(wild.documents_open);
        // Stored before panels could be resized: automatic widths.
        let old = Prefs::from_json(r#"{"readingSize": 20, "documentsOpen": false}"#);
        assert_eq!((old.documents_width, old.details_width), (0, 0));
        let wide = Prefs::from_json(r#"{"documentsWidth": 9000, "detailsWidth": 3}"#);
        assert_eq!(wide.documents_width, PANEL_RANGE.1);
        assert_eq!(wide.details_width, PANEL_RANGE.0);
    }

    #[test]
    fn a_dragged_panel_stays_in_range_in_steps_of_four() {
        assert_eq!(panel_width(200.0, 41.0, 1000.0), 240);
        assert_eq!(panel_width(200.0, 43.0, 1000.0), 244);
        assert_eq!(panel_width(200.0, -500.0, 1000.0), PANEL_RANGE.0);
        assert_eq!(panel_width(200.0, 900.0, 1000.0), PANEL_RANGE.1);
        // A narrow window keeps room for the text…
        assert_eq!(panel_width(200.0, 900.0, 320.0), 320);
        assert_eq!(
            panel_width(294.0, 16.0, 307.2),
            304,
            "a step, not past the window's share"
        );
        // …but never makes a panel narrower than the smallest width.
        assert_eq!(panel_width(200.0, 0.0, 50.0), PANEL_RANGE.0);
        assert_eq!(panel_width(f64::NAN, 0.0, 1000.0), PANEL_RANGE.0);
    }
}
