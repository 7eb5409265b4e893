//! The annotation model: labels, spans, documents and the workspace.
//!
//! Invariants, checked by [`Workspace::validate`] on every import:
//! - a span is a non-empty [`CharRange`] of its text: `start < end <= text length`;
//! - a span's label exists in the workspace's label set;
//! - label names and hotkeys are unique;
//! - a document's spans are kept sorted by `(start, end, label)` and no two
//!   spans are identical in range and label.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::doclist::DocList;
use super::i18n::{Arg, Counted, Key, Msg};
use super::sort::sort_by_key;
use super::text::{CharRange, Text};

/// Identifies a document within a workspace for its lifetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocId(pub u64);

/// Identifies a span within a workspace for its lifetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SpanId(pub u64);

/// An entity type that spans carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Unique name, such as `PER`.
    pub name: String,
    /// Background colour as `#rrggbb`.
    pub color: String,
    /// The single-character hotkey that applies this label, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<char>,
    /// Free-text guidance for annotators.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl Label {
    fn new(name: &str, color: &str, key: char, description: &str) -> Self {
        Label {
            name: name.to_owned(),
            color: color.to_owned(),
            key: Some(key),
            description: description.to_owned(),
        }
    }
}

/// The label set a new workspace starts with: PER, LOC, ORG, MISC on keys 1–4.
///
/// The colours are light enough that near-black text on them passes WCAG AA.
pub fn default_labels() -> Vec<Label> {
    vec![
        Label::new("PER", "#ffc38a", '1', "Person"),
        Label::new("LOC", "#9be39b", '2', "Location"),
        Label::new("ORG", "#9fd0ff", '3', "Organization"),
        Label::new("MISC", "#e3b8ff", '4', "Other named entity"),
    ]
}

/// Colours given to new labels (added in the editor or brought by an
/// import), in turn; all pass WCAG AA with [`TEXT_COLOR`].
const NEW_LABEL_COLOURS: [&str; 8] = [
    "#ffe08a", "#b8f0e0", "#ffc2d1", "#d0d6ff", "#e6f5a1", "#ffd1a6", "#c9f2ff", "#f0c8ff",
];

/// The colour for a new label joining a set of `existing` labels.
pub fn new_label_color(existing: usize) -> &'static str {
    NEW_LABEL_COLOURS[existing % NEW_LABEL_COLOURS.len()]
}

/// The colour of text drawn on highlights.
pub const TEXT_COLOR: (u8, u8, u8) = (0x1b, 0x1b, 0x1b);

/// The minimum contrast ratio WCAG AA asks of normal text.
pub const WCAG_AA: f64 = 4.5;

/// Parses `#rrggbb`.
pub fn parse_hex_color(hex: &str) -> Option<(u8, u8, u8)> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The WCAG contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Keys Wasim's own shortcuts use, which labels cannot take: the shortcut
/// sheet, and the next and previous disagreement when adjudicating (`]`,
/// `[`).
pub const RESERVED_KEYS: [char; 5] = ['?', '/', '\\', '[', ']'];

/// Why `key` cannot be a label's hotkey, if it cannot.
fn key_problem(key: char) -> Option<Key> {
    if RESERVED_KEYS.contains(&key) {
        Some(Key::KeyReserved)
    } else if key.is_control() || key.is_whitespace() || crate::core::bidi::is_invisible(key) {
        Some(Key::KeyUntypable)
    } else {
        None
    }
}

/// A label as a file (or a saved profile) gives it, before it is checked:
/// loosely typed, so that a bad colour or hotkey costs that value, with a
/// message, not the whole file. Written exactly as [`Label`] is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelRecord {
    /// The label's name.
    pub name: String,
    /// Its colour; anything but `#rrggbb` is replaced.
    #[serde(default)]
    pub color: String,
    /// Its hotkey; anything but one usable character is dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Free-text guidance.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl From<&Label> for LabelRecord {
    fn from(label: &Label) -> Self {
        LabelRecord {
            name: label.name.clone(),
            color: label.color.clone(),
            key: label.key.map(String::from),
            description: label.description.clone(),
        }
    }
}

/// The one check of labels that come from outside (an imported file, a
/// label set, a saved profile): every value that reaches a `style`, a class
/// or a shortcut is made safe here. A colour that is not `#rrggbb` (such as
/// `#00ff00; background-image: url(…)`) is replaced by a palette colour; a
/// hotkey that is not one character, cannot be typed, is one of Wasim's own
/// shortcuts or is taken by an earlier label is dropped. Names are kept as
/// they are: they are only ever shown as text or set as attribute values
/// (never in CSS or a class), and [`validate_labels`] refuses empty or
/// repeated ones. Returns the labels and one message per repair, each
/// starting with `origin` (the file's name) and naming the label.
pub fn checked_labels(
    records: impl IntoIterator<Item = LabelRecord>,
    origin: &Arg,
) -> (Vec<Label>, Vec<Msg>) {
    let mut labels: Vec<Label> = Vec::new();
    let mut repairs = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let name = record.name;
        let color = if parse_hex_color(&record.color).is_some() {
            record.color
        } else {
            let fixed = new_label_color(i);
            repairs.push(
                Msg::new(Key::ColourRepaired)
                    .with("origin", origin.clone())
                    .quoted("label", name.as_str())
                    .quoted("colour", record.color.as_str())
                    .arg("fixed", fixed),
            );
            fixed.to_owned()
        };
        let key = record.key.and_then(|key| {
            let mut chars = key.chars();
            let problem = match (chars.next(), chars.next()) {
                // `z` and `Z` are one key (Shift+key adds a label).
                (Some(c), None) => key_problem(c).or_else(|| {
                    labels
                        .iter()
                        .any(|l| l.key.is_some_and(|k| same_key(k, c)))
                        .then_some(Key::KeyTaken)
                }),
                _ => Some(Key::KeyNotOneCharacter),
            };
            match problem {
                None => key.chars().next(),
                Some(problem) => {
                    repairs.push(
                        Msg::new(Key::HotkeyDropped)
                            .with("origin", origin.clone())
                            .quoted("label", name.as_str())
                            .quoted("key", key.as_str())
                            .msg("problem", Msg::new(problem)),
                    );
                    None
                }
            }
        });
        labels.push(Label {
            name,
            color,
            key,
            description: record.description,
        });
    }
    (labels, repairs)
}

/// Whether two hotkeys are one key: the same character, ignoring letter
/// case (a label's key is pressed with Shift to add it as a second label).
fn same_key(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// [`checked_labels`] for labels already typed (a saved profile): repairs
/// them in place.
pub fn repair_labels(labels: &mut Vec<Label>, origin: &Arg) -> Vec<Msg> {
    let (checked, repairs) = checked_labels(labels.iter().map(LabelRecord::from), origin);
    if !repairs.is_empty() {
        *labels = checked;
    }
    repairs
}

/// Checks the names of labels that come in from a file (an import, a label
/// set): none may hold a direction override, embedding or isolate
/// (U+202A…U+202E, U+2066…U+2069), with which `\u{202e}REP` is drawn PER
/// beside a real PER, in the toolbar, after its spans and in the entities
/// panel. (Not part of [`validate_labels`], which every edit and the
/// journal's replay run: a workspace saved with such a label still opens.)
///
/// # Errors
/// The first such label, named with its controls shown.
pub fn check_incoming_names<'a>(labels: impl IntoIterator<Item = &'a Label>) -> Result<(), Msg> {
    let control = |c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    match labels.into_iter().find(|l| l.name.contains(control)) {
        Some(label) => {
            Err(Msg::new(Key::LabelDirectionControl).quoted("label", label.name.as_str()))
        }
        None => Ok(()),
    }
}

/// [`validate_labels`] and [`check_incoming_names`]: the labels a file
/// brings (a Wasim file, a label set).
///
/// # Errors
/// The first problem, described for the user.
pub fn validate_incoming_labels(labels: &[Label]) -> Result<(), Msg> {
    validate_labels(labels)?;
    check_incoming_names(labels)
}

/// Checks a label set: names non-empty and unique, hotkeys unique, usable
/// and not taken by Wasim's shortcuts, colours `#rrggbb`.
///
/// # Errors
/// The first problem, described for the user.
pub fn validate_labels(labels: &[Label]) -> Result<(), Msg> {
    for (i, label) in labels.iter().enumerate() {
        let name = label.name.as_str();
        if name.trim().is_empty() {
            return Err(Msg::new(Key::LabelEmptyName).num("n", i + 1));
        }
        if labels[..i].iter().any(|l| l.name == name) {
            return Err(Msg::new(Key::LabelTwice).quoted("label", name));
        }
        if let Some(key) = label.key {
            if let Some(first) = labels[..i].iter().find(|l| l.key == Some(key)) {
                return Err(Msg::new(Key::HotkeyTwice)
                    .quoted("key", key)
                    .quoted("first", first.name.as_str())
                    .quoted("label", name));
            }
            if let Some(problem) = key_problem(key) {
                return Err(Msg::new(Key::HotkeyRefused)
                    .quoted("key", key)
                    .msg("problem", Msg::new(problem))
                    .quoted("label", name));
            }
        }
        if parse_hex_color(&label.color).is_none() {
            return Err(Msg::new(Key::NotAColour)
                .quoted("label", name)
                .quoted("colour", label.color.as_str()));
        }
    }
    Ok(())
}

/// `hex` if [`TEXT_COLOR`] on it passes WCAG AA, else the same hue mixed
/// with white just enough to pass. Unparseable input gives a light grey.
pub fn readable_color(hex: &str) -> String {
    let Some(mut rgb) = parse_hex_color(hex) else {
        return "#dddddd".to_owned();
    };
    let mix = |c: u8| c.saturating_add(((255 - c) / 10).max(1));
    while contrast_ratio(rgb, TEXT_COLOR) < WCAG_AA {
        rgb = (mix(rgb.0), mix(rgb.1), mix(rgb.2));
    }
    format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2)
}

#[derive(Serialize, Deserialize)]
struct LabelSetFile {
    format: String,
    version: u32,
    labels: Vec<Label>,
}

/// The `format` tag of a label-set file.
pub const LABELS_FORMAT: &str = "wasim-labels";

/// Serializes a label set: `{"format":"wasim-labels","version":1,"labels":[…]}`.
pub fn labels_to_json(labels: &[Label]) -> String {
    let file = LabelSetFile {
        format: LABELS_FORMAT.to_owned(),
        version: 1,
        labels: labels.to_vec(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a label set written by [`labels_to_json`], or a Wasim export (whose
/// `labels` field has the same shape), from the file named `origin`. Values
/// are checked by [`checked_labels`] (the messages are returned with the
/// labels) and dark colours are made readable.
///
/// # Errors
/// A message when the bytes are not such a JSON file or the set is invalid.
pub fn labels_from_json(bytes: &[u8], origin: &str) -> Result<(Vec<Label>, Vec<Msg>), Msg> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| Msg::new(Key::InvalidJson).msg("error", super::json::describe(&e)))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(LABELS_FORMAT | "wasim") => {}
        _ => return Err(Msg::new(Key::NotALabelSet)),
    }
    let labels = value
        .get("labels")
        .cloned()
        .ok_or_else(|| Msg::new(Key::NoLabels))?;
    // Through text rather than `from_value`: see `super::json`.
    let records: Vec<LabelRecord> = super::json::parse(&labels.to_string())
        .map_err(|e| Msg::new(Key::InvalidLabelSet).msg("error", super::json::describe(&e)))?;
    let (mut labels, repairs) = checked_labels(records, &Arg::Plain(origin.to_owned()));
    for label in &mut labels {
        label.color = readable_color(&label.color);
    }
    validate_incoming_labels(&labels)?;
    Ok((labels, repairs))
}

/// The label list after importing the label set `set` from the file named
/// `file` over `current`: the set's labels, then each current label the set
/// lacks that a span carries (`used`), so that no span loses its label; such
/// a kept label loses a hotkey the set gives to another. The messages say
/// which labels were removed (unused, not in the set), which were kept, and
/// each hotkey dropped: a label set never changes the list out of sight.
pub fn with_label_set(
    current: &[Label],
    mut set: Vec<Label>,
    used: impl Fn(&str) -> bool,
    file: &str,
) -> (Vec<Label>, Vec<Msg>) {
    let origin = Arg::Plain(file.to_owned());
    let (mut kept, mut removed, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    let set_len = set.len();
    for label in current {
        if set[..set_len].iter().any(|l| l.name == label.name) {
            continue;
        }
        if !used(&label.name) {
            removed.push(label.name.clone());
            continue;
        }
        let mut label = label.clone();
        let taken = |k: &char| set.iter().any(|l| l.key.is_some_and(|s| same_key(s, *k)));
        if let Some(key) = label.key.filter(taken) {
            notes.push(
                Msg::new(Key::HotkeyDropped)
                    .with("origin", origin.clone())
                    .quoted("label", label.name.as_str())
                    .quoted("key", key.to_string())
                    .msg("problem", Msg::new(Key::KeyTaken)),
            );
            label.key = None;
        }
        kept.push(label.name.clone());
        set.push(label);
    }
    for (key, names) in [
        (Counted::LabelSetRemoved, &removed),
        (Counted::LabelSetKept, &kept),
    ] {
        if !names.is_empty() {
            let msg = Msg::counted(key, names.len()).with("file", origin.clone());
            notes.push(msg.with("labels", Arg::some_of(names)));
        }
    }
    (set, notes)
}

/// The label a span carries: a label name shared, not copied, by every span
/// that carries it, so copying a document's spans (as each edit of a shared
/// document does) allocates nothing per span. Reads, compares and serializes
/// as the text of the name.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelName(Arc<str>);

impl LabelName {
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for LabelName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for LabelName {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for LabelName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for LabelName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for LabelName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for LabelName {
    fn from(name: &str) -> Self {
        LabelName(name.into())
    }
}

impl From<String> for LabelName {
    fn from(name: String) -> Self {
        LabelName(name.into())
    }
}

impl From<LabelName> for String {
    fn from(name: LabelName) -> Self {
        name.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for LabelName {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for LabelName {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for LabelName {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<LabelName> for str {
    fn eq(&self, other: &LabelName) -> bool {
        *self == *other.0
    }
}

impl PartialEq<LabelName> for &str {
    fn eq(&self, other: &LabelName) -> bool {
        **self == *other.0
    }
}

impl PartialEq<LabelName> for String {
    fn eq(&self, other: &LabelName) -> bool {
        **self == *other.0
    }
}

/// One annotated range of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Workspace-unique id; not exported.
    pub id: SpanId,
    /// First code point, inclusive.
    pub start: usize,
    /// Last code point, exclusive.
    pub end: usize,
    /// Name of a label in the workspace's label set.
    pub label: LabelName,
    /// Free-text note.
    pub note: Option<String>,
    /// Link to a knowledge base entry, such as a Wikidata QID.
    pub entity_id: Option<String>,
    /// Who proposed or agreed with this span, when several annotators' work
    /// was merged (see [`Document::team`]); empty for one person's span.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotators: Vec<String>,
    /// Whether a curator accepted this span while adjudicating (see
    /// [`crate::core::curation`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub accepted: bool,
}

impl Span {
    /// The span's extent.
    pub fn range(&self) -> CharRange {
        CharRange::ordered(self.start, self.end)
    }

    /// The key spans are ordered by within a document.
    pub fn sort_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (self.start, std::cmp::Reverse(self.end), &self.label)
    }
}

/// What a document keeps from the file it was imported from, so that an
/// export to the same format can write that file again: its layout and
/// everything Wasim does not model ("what was read is what is written").
///
/// Only the format named by [`Source::format`] reads [`Source::data`]; to
/// everything else it is opaque. A source never changes after import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The [`crate::core::formats::Format::id`] of the format that read it.
    pub format: String,
    /// That format's own record of the file's layout and extras.
    pub data: serde_json::Value,
}

/// The parts of a document that never change after loading, stored once
/// under its id: the text and the [`Source`] it was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentBody {
    /// The text exactly as loaded.
    pub text: Text,
    /// The file layout it was imported from, if any.
    pub source: Option<Arc<Source>>,
}

/// A text and its spans.
///
/// Serialized **without its text**: texts are large and never change, so
/// storage keeps each one once under the document's id. A deserialized
/// document has an empty text until its owner puts the stored one back (see
/// [`crate::core::edit::History::hydrate`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Workspace-unique id; not exported.
    pub id: DocId,
    /// Display name, usually the file name.
    pub name: String,
    /// The text exactly as loaded.
    #[serde(skip)]
    pub text: Text,
    /// The file layout the document was imported from; stored with the text
    /// (see [`DocumentBody`]), so never serialized with the document.
    #[serde(skip)]
    pub source: Option<Arc<Source>>,
    /// Spans sorted by [`Span::sort_key`].
    pub spans: Vec<Span>,
    /// Whether the annotator marked the document finished.
    pub done: bool,
    /// Whether this is Wasim's demo document (see [`crate::core::demo`]): a
    /// tour, not work. It is left out of progress, corpus counts and corpus
    /// exports, and goes away when the user loads a file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
    /// Who annotated this document, as its file said; exports fall back to
    /// the workspace's [`Workspace::annotator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// The annotators whose work was merged into this document to be
    /// adjudicated, in order; empty for one person's document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
}

impl Document {
    /// The document's immutable parts, as storage keeps them.
    pub fn body(&self) -> DocumentBody {
        DocumentBody {
            text: self.text.clone(),
            source: self.source.clone(),
        }
    }

    /// The source's data when the document was read by `format`.
    pub fn source_data(&self, format: &str) -> Option<&serde_json::Value> {
        self.source
            .as_deref()
            .filter(|source| source.format == format)
            .map(|source| &source.data)
    }

    /// Index where `span` belongs in the sorted span list.
    pub fn insertion_index(&self, span: &Span) -> usize {
        self.spans
            .partition_point(|s| s.sort_key() < span.sort_key())
    }

    /// The span with this id, if it is in this document.
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    /// Of `ranges`, those no span labelled `label` covers, in their order.
    ///
    /// One sweep over the spans (sorted by start) and the ranges taken by
    /// start: a range is covered exactly when a span with that label that
    /// starts at or before it reaches its end, i.e. when the furthest end
    /// of those spans does. `O(spans + ranges)` for ranges already in order
    /// (search results are), so that counting what *Tag all* would add
    /// costs no more than the spans and matches themselves.
    pub fn uncovered(&self, ranges: &[CharRange], label: &str) -> Vec<CharRange> {
        let mut order: Vec<usize> = (0..ranges.len()).collect();
        if !ranges.is_sorted_by_key(|r| r.start()) {
            sort_by_key(&mut order, |&i| ranges[i].start());
        }
        let mut covered = vec![false; ranges.len()];
        let mut spans = self.spans.iter().peekable();
        let mut furthest: Option<usize> = None;
        for i in order {
            let range = ranges[i];
            while let Some(span) = spans.next_if(|s| s.start <= range.start()) {
                if span.label == label {
                    furthest = furthest.max(Some(span.end));
                }
            }
            covered[i] = furthest.is_some_and(|end| end >= range.end());
        }
        ranges
            .iter()
            .zip(covered)
            .filter_map(|(range, covered)| (!covered).then_some(*range))
            .collect()
    }

    /// How many spans carry `label`.
    pub fn count_label(&self, label: &str) -> usize {
        self.spans.iter().filter(|s| s.label == label).count()
    }

    /// Spans carrying each of `labels`, in one pass over the spans (what
    /// [`Document::count_label`] gives for each, at the cost of one).
    pub fn count_labels(&self, labels: &[&str]) -> Vec<usize> {
        let mut counts = vec![0; labels.len()];
        for span in &self.spans {
            for (count, name) in counts.iter_mut().zip(labels) {
                *count += usize::from(span.label == *name);
            }
        }
        counts
    }

    /// Whether a span with this exact range and label already exists.
    pub fn has_span(&self, start: usize, end: usize, label: &str) -> bool {
        self.spans
            .iter()
            .any(|s| s.start == start && s.end == end && s.label == label)
    }
}

/// Everything the user works on: labels and documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The label set, in display order.
    pub labels: Vec<Label>,
    /// The documents, in display order. Shared and copied on write
    /// ([`Workspace::document_mut`]), so that copying a workspace (every
    /// state the UI keeps, every undo step) costs a pointer, and finding
    /// or changing one document costs the same in any corpus
    /// ([`DocList`]).
    pub documents: DocList,
    /// The document shown in the editor.
    pub open: Option<DocId>,
    /// The next id to hand out for a document or span.
    pub next_id: u64,
    /// The name of the person annotating in this workspace, set once in the
    /// settings; every export carries it.
    pub annotator: Option<String>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            labels: default_labels(),
            documents: DocList::new(),
            open: None,
            next_id: 1,
            annotator: None,
        }
    }
}

impl Workspace {
    /// Hands out a fresh id number.
    pub fn fresh_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A new document with a fresh id and no spans (not yet added).
    pub fn new_document(&mut self, name: &str, text: &str) -> Document {
        Document {
            id: DocId(self.fresh_id()),
            name: name.to_owned(),
            text: Text::new(text),
            source: None,
            spans: Vec::new(),
            done: false,
            demo: false,
            annotator: None,
            team: Vec::new(),
        }
    }

    /// A new span with a fresh id (not yet added).
    pub fn new_span(&mut self, start: usize, end: usize, label: &str) -> Span {
        Span {
            id: SpanId(self.fresh_id()),
            start,
            end,
            label: label.into(),
            note: None,
            entity_id: None,
            annotators: Vec::new(),
            accepted: false,
        }
    }

    /// The document with this id.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.by_id(id).map(|d| &**d)
    }

    /// The document with this id, mutably.
    ///
    /// Copies the document first when another workspace shares it, so the
    /// others never see the change.
    pub fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        let at = self.documents.position(id)?;
        self.documents.get_mut(at).map(Arc::make_mut)
    }

    /// The open document.
    pub fn open_document(&self) -> Option<&Document> {
        self.open.and_then(|id| self.document(id))
    }

    /// The user's documents: every document but the demo, in display order.
    pub fn work_documents(&self) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(|d| !d.demo).map(|d| &**d)
    }

    /// The ids of the demo documents (none or one).
    pub fn demo_ids(&self) -> Vec<DocId> {
        self.documents
            .iter()
            .filter(|d| d.demo)
            .map(|d| d.id)
            .collect()
    }

    /// The label with this name.
    pub fn label(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// The label whose hotkey is `key`, ignoring letter case.
    pub fn label_for_key(&self, key: char) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.key.is_some_and(|k| same_key(k, key)))
    }

    /// Checks the invariants listed in this module's documentation.
    ///
    /// # Errors
    /// The first broken invariant, described for the user.
    pub fn validate(&self) -> Result<(), Msg> {
        validate_parts(
            &self.labels,
            self.documents.iter().map(std::borrow::Borrow::borrow),
        )
    }
}

/// [`Workspace::validate`] for a workspace in parts (a label set and its
/// documents), so that a candidate need not be copied into one to be
/// checked.
///
/// # Errors
/// The first broken invariant, described for the user.
pub fn validate_parts<'a>(
    labels: &[Label],
    documents: impl IntoIterator<Item = &'a Document>,
) -> Result<(), Msg> {
    validate_labels(labels)?;
    for doc in documents {
        let len = doc.text.char_len();
        for span in &doc.spans {
            let error = |key: Key| {
                Msg::new(key).quoted("name", doc.name.as_str()).msg(
                    "range",
                    Msg::new(Key::Range)
                        .num("start", span.start)
                        .num("end", span.end),
                )
            };
            if span.start >= span.end || span.end > len {
                return Err(error(Key::SpanOutsideText)
                    .msg("length", Msg::counted(Counted::Characters, len)));
            }
            if labels.iter().all(|l| l.name != span.label) {
                return Err(error(Key::SpanUnknownLabel).quoted("label", span.label.as_str()));
            }
        }
        if doc
            .spans
            .windows(2)
            .any(|w| w[0].sort_key() > w[1].sort_key())
        {
            return Err(Msg::new(Key::SpansUnsorted).quoted("name", doc.name.as_str()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_labels_counts_each_label_as_count_label_does() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "one two three");
        for (start, end, label) in [(0, 3, "PER"), (4, 7, "LOC"), (8, 13, "PER"), (0, 7, "ORG")] {
            doc.spans.push(ws.new_span(start, end, label));
        }
        let names = ["LOC", "PER", "MISC", "ORG", "PER"];
        let each: Vec<usize> = names.iter().map(|n| doc.count_label(n)).collect();
        assert_eq!(each, [1, 2, 0, 1, 2]);
        assert_eq!(doc.count_labels(&names), each);
        assert_eq!(doc.count_labels(&[]), Vec::<usize>::new());
    }

    #[test]
    fn a_copied_span_shares_its_label_name_which_reads_and_writes_as_text() {
        let span = Workspace::default().new_span(0, 3, "PER");
        let copy = span.clone();
        // Copying a document's spans (each edit of a shared document does)
        // must not copy every label name.
        assert!(std::ptr::eq(span.label.as_str(), copy.label.as_str()));
        let (name, owned): (&str, String) = ("PER", "PER".into());
        // Both ways round, against `&str` and `String`.
        assert_eq!(span.label, name);
        assert_eq!(name, span.label);
        assert_eq!(span.label, owned);
        assert_eq!(owned, span.label);
        assert_ne!(span.label, "LOC");
        assert_eq!(span.label.to_string(), "PER");
        let json = serde_json::to_string(&span.label).expect("serializes");
        assert_eq!(json, "\"PER\"");
        let back: LabelName = serde_json::from_str("\"موقع\"").expect("deserializes");
        assert_eq!(back, LabelName::from("موقع"));
        assert_eq!(format!("{back:?}"), "\"موقع\"");
    }

    #[test]
    fn default_labels_have_distinct_names_keys_and_colours() {
        let labels = default_labels();
        let names: Vec<_> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["PER", "LOC", "ORG", "MISC"]);
        let keys: Vec<_> = labels.iter().map(|l| l.key).collect();
        assert_eq!(keys, [Some('1'), Some('2'), Some('3'), Some('4')]);
        let mut colours: Vec<_> = labels.iter().map(|l| &l.color).collect();
        colours.dedup();
        assert_eq!(colours.len(), 4);
        assert!(Workspace::default().validate().is_ok());
    }

    #[test]
    fn hotkeys_find_their_label_whatever_the_case() {
        let mut ws = Workspace::default();
        assert_eq!(ws.label_for_key('3').map(|l| l.name.as_str()), Some("ORG"));
        assert!(ws.label_for_key('9').is_none());
        ws.labels[0].key = Some('p');
        assert_eq!(ws.label_for_key('P').map(|l| l.name.as_str()), Some("PER"));
    }

    #[test]
    fn colours_are_readable() {
        for label in default_labels() {
            let rgb = parse_hex_color(&label.color).expect("hex");
            assert!(contrast_ratio(rgb, TEXT_COLOR) >= WCAG_AA, "{}", label.name);
            assert_eq!(
                readable_color(&label.color),
                label.color,
                "already readable colours are kept"
            );
        }
        for existing in 0..8 {
            let rgb = parse_hex_color(new_label_color(existing)).expect("hex");
            assert!(contrast_ratio(rgb, TEXT_COLOR) >= WCAG_AA);
        }
        for dark in ["#000000", "#123456", "#7f0000", "#0000ff"] {
            let fixed = readable_color(dark);
            let rgb = parse_hex_color(&fixed).expect("hex");
            assert!(
                contrast_ratio(rgb, TEXT_COLOR) >= WCAG_AA,
                "{dark} -> {fixed}"
            );
        }
        assert_eq!(parse_hex_color("#12345"), None);
        assert_eq!(parse_hex_color("red"), None);
        assert_eq!(parse_hex_color("#ééé"), None);
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    }

    fn record(name: &str, color: &str, key: Option<&str>) -> LabelRecord {
        LabelRecord {
            name: name.into(),
            color: color.into(),
            key: key.map(Into::into),
            description: String::new(),
        }
    }

    #[test]
    fn hostile_colours_and_keys_are_repaired_with_a_message_naming_file_and_label() {
        let smuggled = "#00ff00; background-image: url(http://127.0.0.2:9/x.png)";
        let records = vec![
            record("PER", smuggled, Some("1")),
            record("LOC", "red", Some("\u{7}")),
            record("ORG", "#9FD0FF", Some("12")),
            record("MISC", "", Some("?")),
            record("GPE", "#ffffff\n", Some("1")),
            record("EVT", "#e3b8ff", Some(" ")),
            record("FAC", "url(x)", None),
        ];
        let (labels, repairs) = checked_labels(records, &Arg::Plain("evil.json".into()));
        for label in &labels {
            assert!(parse_hex_color(&label.color).is_some(), "{label:?}");
        }
        assert!(validate_labels(&labels).is_ok(), "{labels:?}");
        assert_eq!(labels[0].key, Some('1'));
        assert_eq!(labels[2].color, "#9FD0FF", "#RRGGBB is a colour, kept");
        let keys: Vec<_> = labels.iter().map(|l| l.key).collect();
        assert_eq!(keys, [Some('1'), None, None, None, None, None, None]);
        assert_eq!(repairs.len(), 10, "{repairs:#?}");
        for repair in &repairs {
            assert!(repair.starts_with("evil.json: label \""), "{repair}");
        }
        assert!(repairs[0].contains("\"PER\"") && repairs[0].contains("is not #rrggbb"));
        for expected in [
            "\"ORG\": hotkey \"12\" is not one character",
            "\"MISC\": hotkey \"?\" is one of Wasim's own shortcuts",
            "\"GPE\": hotkey \"1\" is already another label's",
            "\"EVT\": hotkey \" \" cannot be typed",
        ] {
            assert!(repairs.iter().any(|r| r.contains(expected)), "{expected}");
        }
        let good: Vec<LabelRecord> = default_labels().iter().map(LabelRecord::from).collect();
        assert_eq!(
            checked_labels(good, &Arg::Plain("x".into())),
            (default_labels(), Vec::new())
        );
    }

    #[test]
    fn saved_labels_are_repaired_in_place() {
        let mut labels = default_labels();
        labels[0].color = "#00ff00;background:url(x)".into();
        labels[1].key = Some('/');
        let repairs = repair_labels(&mut labels, &Arg::Plain("Saved workspace".into()));
        assert_eq!(repairs.len(), 2, "{repairs:?}");
        assert!(validate_labels(&labels).is_ok());
        assert_eq!(labels[0].name, "PER");
        let mut clean = default_labels();
        assert!(repair_labels(&mut clean, &Arg::Plain("Saved workspace".into())).is_empty());
        assert_eq!(clean, default_labels());
    }

    #[test]
    fn validation_refuses_what_checking_repairs() {
        let bad = |change: &dyn Fn(&mut Vec<Label>)| {
            let mut labels = default_labels();
            change(&mut labels);
            validate_labels(&labels).expect_err("refused")
        };
        assert!(bad(&|l| l[0].color = "#00ff00; x".into()).contains("not a colour"));
        assert!(bad(&|l| l[0].key = Some('?')).contains("shortcuts"));
        assert!(bad(&|l| l[0].key = Some('\t')).contains("cannot be typed"));
        // Nor a format character: it showed as an empty box.
        assert!(bad(&|l| l[0].key = Some('\u{202e}')).contains("cannot be typed"));
        assert!(bad(&|l| l[0].key = Some('\u{200d}')).contains("cannot be typed"));
        assert!(bad(&|l| l[0].key = Some('2')).contains("used by \"PER\" and \"LOC\""));
        assert!(bad(&|l| l[0].name = " ".into()).contains("empty name"));
        assert!(bad(&|l| l[0].name = "LOC".into()).contains("defined twice"));
        let mut ws = Workspace::default();
        ws.labels[0].color = "url(x)".into();
        assert!(ws.validate().is_err(), "a workspace checks its labels");
    }

    #[test]
    fn label_records_serialize_as_labels_do() {
        for label in default_labels() {
            let as_label = serde_json::to_string(&label).expect("json");
            let as_record = serde_json::to_string(&LabelRecord::from(&label)).expect("json");
            assert_eq!(as_label, as_record);
        }
    }

    #[test]
    fn a_label_set_says_which_labels_it_removes_and_keeps() {
        let set = vec![
            Label::new("GPE", "#ffffff", '2', "Geo-political entity"),
            Label::new("ORG", "#ffffff", '9', ""),
        ];
        let used = |name: &str| matches!(name, "PER" | "LOC");
        let (labels, notes) = with_label_set(&default_labels(), set, used, "set.json");
        let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["GPE", "ORG", "PER", "LOC"]);
        // LOC is kept, but its hotkey is the set's GPE's now; PER keeps its own.
        assert_eq!((labels[2].key, labels[3].key), (Some('1'), None));
        let said: Vec<String> = notes.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                r#"set.json: label "LOC": hotkey "2" is already another label's; the label has no hotkey."#,
                "set.json: a label that is not in the set and that no span carries was removed: MISC (Undo brings it back)",
                "set.json: 2 labels that are not in the set are kept, as spans carry them: PER, LOC",
            ]
        );
        let (same, quiet) = with_label_set(&default_labels(), default_labels(), used, "set.json");
        assert_eq!((same, quiet), (default_labels(), Vec::new()));
    }

    #[test]
    fn label_sets_round_trip_and_bad_files_are_refused() {
        let labels = default_labels();
        let json = labels_to_json(&labels);
        assert_eq!(
            labels_from_json(json.as_bytes(), "set.json"),
            Ok((labels, Vec::new()))
        );
        assert!(
            labels_from_json(b"{", "set.json")
                .expect_err("invalid")
                .contains("invalid JSON")
        );
        assert!(
            labels_from_json(br#"{"format":"x"}"#, "set.json")
                .expect_err("format")
                .contains("not a Wasim")
        );
        let twice = r##"{"format":"wasim-labels","version":1,"labels":[{"name":"A","color":"#ffffff"},{"name":"A","color":"#ffffff"}]}"##;
        assert!(
            labels_from_json(twice.as_bytes(), "set.json")
                .expect_err("twice")
                .contains("defined twice")
        );
        let clash = r##"{"format":"wasim-labels","version":1,"labels":[{"name":"A","color":"#ffffff","key":"1"},{"name":"B","color":"#000000; x","key":"1"}]}"##;
        let (fixed, repairs) = labels_from_json(clash.as_bytes(), "set.json").expect("repaired");
        assert_eq!(fixed[1].key, None);
        assert!(parse_hex_color(&fixed[1].color).is_some());
        assert_eq!(repairs.len(), 2, "{repairs:?}");
        assert!(
            repairs
                .iter()
                .all(|r| r.starts_with("set.json: label \"B\""))
        );
        // `z` and `Z` are one key: the second label's is dropped.
        let cased = r##"{"format":"wasim-labels","version":1,"labels":[{"name":"A","color":"#ffffff","key":"z"},{"name":"B","color":"#ffffff","key":"Z"}]}"##;
        let (fixed, repairs) = labels_from_json(cased.as_bytes(), "set.json").expect("repaired");
        assert_eq!((fixed[0].key, fixed[1].key), (Some('z'), None));
        assert_eq!(
            repairs.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                r#"set.json: label "B": hotkey "Z" is already another label's; the label has no hotkey."#
            ]
        );
        let dark =
            r##"{"format":"wasim-labels","version":1,"labels":[{"name":"A","color":"#000000"}]}"##;
        let (fixed, _) = labels_from_json(dark.as_bytes(), "set.json").expect("valid");
        assert_ne!(fixed[0].color, "#000000", "dark colours are lightened");
    }

    #[test]
    fn uncovered_looks_for_the_same_label_around() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a", "زار بالعراق اليوم");
        doc.spans.push(ws.new_span(4, 11, "LOC"));
        let within = CharRange::ordered(5, 11);
        let wider = CharRange::ordered(3, 11);
        assert_eq!(doc.uncovered(&[within, wider], "LOC"), vec![wider]);
        assert_eq!(doc.uncovered(&[within], "ORG"), vec![within]);
    }

    /// The sweep against the plain definition, on every small case: spans
    /// of two labels, ranges in and out of order.
    #[test]
    fn uncovered_is_what_no_span_of_the_label_covers() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a", "abcdefghij");
        for (start, end, label) in [
            (0, 3, "A"),
            (1, 8, "B"),
            (2, 4, "A"),
            (5, 6, "A"),
            (5, 9, "A"),
        ] {
            doc.spans.push(ws.new_span(start, end, label));
        }
        doc.spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut ranges = Vec::new();
        for start in 0..10 {
            for end in start..=10 {
                ranges.push(CharRange::ordered(start, end));
            }
        }
        let mut shuffled = ranges.clone();
        shuffled.reverse();
        shuffled.swap(3, 40);
        for label in ["A", "B", "C"] {
            for list in [&ranges, &shuffled] {
                let expected: Vec<CharRange> = list
                    .iter()
                    .copied()
                    .filter(|r| {
                        !doc.spans
                            .iter()
                            .any(|s| s.label == label && s.range().covers(*r))
                    })
                    .collect();
                assert_eq!(doc.uncovered(list, label), expected, "label {label}");
            }
        }
    }

    #[test]
    fn validate_rejects_broken_invariants() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "بغداد");
        let span = ws.new_span(0, 6, "PER");
        doc.spans.push(span);
        ws.documents.push(doc.into());
        assert!(ws.validate().unwrap_err().contains("outside"));
        std::sync::Arc::make_mut(&mut ws.documents[0]).spans[0].end = 5;
        assert!(ws.validate().is_ok());
        std::sync::Arc::make_mut(&mut ws.documents[0]).spans[0].label = "NOPE".into();
        assert!(ws.validate().unwrap_err().contains("unknown label"));
        std::sync::Arc::make_mut(&mut ws.documents[0]).spans[0].label = "PER".into();
        ws.labels[1].key = Some('1');
        assert!(ws.validate().unwrap_err().contains("hotkey"));
        ws.labels[1].key = None;
        ws.labels[1].name = "PER".into();
        assert!(ws.validate().unwrap_err().contains("twice"));
    }
}
