//! brat standoff: a `.txt` text with a `.ann` annotation file of the same
//! stem.
//!
//! **Offsets:** code points into the `.txt`, half-open (brat is Python; the
//! CoNLL-2002 example corpus checks out this way, byte offsets would not).
//!
//! Read from the `.ann`:
//! - `T1<TAB>PER 0 5<TAB>text` becomes a span. The stated text must equal the
//!   `.txt` there (line breaks compare as spaces), or the import fails naming
//!   the line.
//! - A discontinuous `T2<TAB>LOC 0 5;9 14<TAB>…` is shown as one span per
//!   fragment; the fragments share the note `brat T2: one discontinuous
//!   entity in 2 fragments` (after any annotator note), and a warning says
//!   how many there were.
//! - `#1<TAB>AnnotatorNotes T1<TAB>note` becomes the span's note.
//! - Relations `R`, events `E`, attributes `A`/`M`, normalizations `N`,
//!   equivalences `*` and any other line are not shown, but kept: the import
//!   warning counts them.
//!
//! **What is kept:** the document keeps the whole `.ann` text as its
//! [`Source`] (`{"ann": …}`), and export walks it line by line, so an
//! unchanged document writes its `.ann` back byte for byte (IDs, line order,
//! line endings, everything above). After edits:
//! - a `T` line whose spans are all still there with its type is written as
//!   it was (a discontinuous one too);
//! - a relabelled span rewrites its `T` line in place, keeping the ID (a
//!   discontinuous entity whose fragments were all relabelled alike stays
//!   one entity, `T1 ORG 4 8;12 15`);
//! - a discontinuous entity that lost fragments keeps its ID and its line,
//!   rewritten with the fragments left (`T1 PER 4 8;12 15` without its
//!   second fragment is written `T1 PER 4 8`), so relations and notes that
//!   point at it stay valid;
//! - a discontinuous entity whose fragments now carry different labels is
//!   split: the fragments that kept its type (or, when none did, those with
//!   the label of its first fragment left) keep its ID and line, each other
//!   label becomes a new entity appended with a fresh `T` ID (and the note of
//!   its first fragment), and the export warns which IDs were split
//!   (`T1 → T3`). Relations keep pointing at the ID;
//! - a changed note rewrites the `AnnotatorNotes` line in place (a removed
//!   note drops it, a new note on an old span is appended with a fresh ID);
//! - an entity whose spans were all deleted drops its `T` line and its
//!   notes, unless a relation, event, attribute, normalization or
//!   equivalence points at it: then the line stays as it was (brat would
//!   refuse the dangling reference) and the export warns which IDs were kept;
//! - new spans are appended with fresh `T` IDs (notes right after, as `#`
//!   lines).
//!
//! A fragment stands for the span of its range with its line's type; failing
//! that, for a span of its range with another label that no line stands for
//! (a relabel); failing that, it was deleted. So no fragment is written
//! twice (only lines that already shared a fragment in the file still share
//! it), and re-importing the export shows exactly the spans Wasim showed.
//!
//! A document from any other format is written the same way from nothing:
//! `T1`, `T2`… in span order.
//!
//! [`import_pair`] reads a `.txt` and its `.ann`; [`super::import_files`]
//! pairs them by stem, also inside `.zip` archives. A lone `.ann` is an error
//! naming the missing `.txt`.
//!
//! A loose `annotation.conf` ([`import_conf`]) holds no document: the entity
//! types of its `[entities]` section become labels
//! ([`super::Imported::listed_labels`]), the rest is passed over with a
//! message. brat's other `.conf` files are passed over with a word.
//!
//! Export is one deflated `.zip`: `<name>.txt` and `<name>.ann` per document
//! and an `annotation.conf` declaring the entity types, and the relation,
//! event and attribute types that kept lines use.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::json;

use super::common::{
    added_documents, base_name, decode, dedupe_spans, dropped_extras, range, split_extension,
};
use super::types::{
    ExportOptions, Exported, Format, ImportError, ImportMode, Imported, ImportedDocument,
    ImportedSpan, InputFile, OutputFile, TeamData,
};
use super::zip::{self, Entry};
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::model::{Document, Label, Source};
use crate::core::sorted::{SortedMap, SortedSet};
use crate::core::text::Text;

/// This format's id.
pub const ID: &str = "brat";

/// brat standoff.
pub struct Brat;

/// What reading `.ann` files kept without showing, or repaired.
#[derive(Default)]
struct Tally {
    kept: SortedMap<char, usize>,
    discontinuous: usize,
    /// IDs met so far, and those given to more than one line (brat refuses
    /// such a file; they were read without a word).
    ids: HashSet<String>,
    twice: Vec<String>,
}

impl Tally {
    fn warnings(&self, file: &str) -> Vec<Msg> {
        let mut warnings = Vec::new();
        if !self.kept.is_empty() {
            let kinds = self
                .kept
                .iter()
                .map(|(kind, n)| Arg::Plain(format!("{n} {kind}")))
                .collect();
            warnings.push(
                Msg::new(Key::BratKeptLines)
                    .arg("file", file)
                    .with("kinds", Arg::List(kinds)),
            );
        }
        if self.discontinuous > 0 {
            warnings.push(
                Msg::counted(Counted::BratDiscontinuous, self.discontinuous).arg("file", file),
            );
        }
        if !self.twice.is_empty() {
            let ids = self.twice.iter().map(|id| Arg::Plain(id.clone())).collect();
            warnings.push(
                Msg::new(Key::BratDuplicateIds)
                    .arg("file", file)
                    .with("ids", Arg::List(ids)),
            );
        }
        warnings
    }

    /// Notes the ID of a line (all but `*` lines have one).
    fn id(&mut self, id: &str) {
        if !self.ids.insert(id.to_owned()) && !self.twice.iter().any(|t| t == id) {
            self.twice.push(id.to_owned());
        }
    }
}

impl Format for Brat {
    fn team_data(&self) -> TeamData {
        TeamData::InNotes
    }

    /// Relations, events, attributes, normalizations and equivalences.
    fn holds_links(&self, data: &serde_json::Value) -> bool {
        data.get("ann")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|ann| {
                ann.lines().any(|line| {
                    matches!(line.chars().next(), Some('R' | 'E' | 'A' | 'M' | 'N' | '*'))
                })
            })
    }

    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "brat standoff (.zip)"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let (stem, ext) = split_extension(&file.name);
        if ext.eq_ignore_ascii_case("zip") {
            return import_zip(file);
        }
        if ext.eq_ignore_ascii_case("ann") {
            let message = Msg::new(Key::BratNeedsText).arg("stem", stem);
            return Err(ImportError::new(&file.name, None, message));
        }
        if is_conf(&file.name) {
            return import_conf(file);
        }
        Err(ImportError::new(&file.name, None, Key::BratExpected))
    }

    fn export(
        &self,
        labels: &[Label],
        documents: &[&Document],
        _options: ExportOptions,
    ) -> Exported {
        let mut warnings: Vec<Msg> = dropped_extras("brat", documents, |_, _| true, false)
            .into_iter()
            .collect();
        let mut entries = Vec::with_capacity(documents.len() * 2 + 1);
        let mut used = HashSet::new();
        let kept = KeptConf::of(documents);
        let mut conf = Conf::default();
        if !kept.has_types() {
            for label in labels {
                conf.entity(&type_name(&label.name));
            }
        }
        let mut renamed = SortedSet::new();
        let mut files_renamed = Vec::new();
        let mut flattened_notes = 0;
        for doc in documents {
            let base = base_name(&doc.name);
            let mut stem = base.clone();
            let mut n = 1;
            while !used.insert(stem.clone()) {
                n += 1;
                stem = format!("{base}-{n}");
            }
            if n > 1 {
                files_renamed.push(Arg::Plain(format!("{} → {stem}.txt", doc.name)));
            }
            let written = write_ann(doc);
            for line in &written.lines_for_conf {
                conf.line(line);
            }
            renamed.extend(written.renamed);
            flattened_notes += written.flattened_notes;
            if !written.kept_deleted.is_empty() {
                warnings.push(
                    Msg::counted(Counted::BratKeptDeleted, written.kept_deleted.len())
                        .arg("file", format!("{stem}.ann"))
                        .with("ids", Arg::some_of(&written.kept_deleted)),
                );
            }
            if written.refit {
                warnings.push(Msg::new(Key::BratTextsRefit).arg("file", format!("{stem}.ann")));
            }
            if let Some(warning) = split_warning(&written.split, &stem) {
                warnings.push(warning);
            }
            let txt_bom = doc
                .source_data(ID)
                .and_then(|d| d.get("txt_bom"))
                .is_some_and(|bom| bom == true);
            let bom: &[u8] = if txt_bom { b"\xEF\xBB\xBF" } else { b"" };
            entries.push(Entry {
                name: format!("{stem}.txt"),
                bytes: [bom, doc.text.as_str().as_bytes()].concat(),
            });
            entries.push(Entry {
                name: format!("{stem}.ann"),
                bytes: written.ann.into_bytes(),
            });
        }
        for (from, to) in renamed {
            warnings.push(
                Msg::new(Key::BratRenamed)
                    .quoted("from", from)
                    .quoted("to", to),
            );
        }
        if !files_renamed.is_empty() {
            warnings.push(Msg::new(Key::BratFilesRenamed).with("names", Arg::List(files_renamed)));
        }
        if flattened_notes > 0 {
            warnings.push(Msg::counted(Counted::FlattenedNotes, flattened_notes));
        }
        let (conf_files, conf_warnings) = kept.written(&conf);
        warnings.extend(conf_warnings);
        entries.extend(conf_files);
        let bytes = match zip::write(&entries) {
            Ok(bytes) => bytes,
            Err(why) => {
                warnings.push(Msg::new(Key::ArchiveNotWritten).msg("why", why));
                Vec::new()
            }
        };
        Exported {
            file: OutputFile {
                name: "wasim-brat.zip".to_owned(),
                mime: "application/zip",
                bytes,
            },
            warnings,
        }
    }
}

/// The warning that entities of `{stem}.ann` were split (`split`: `(old ID,
/// new ID)` pairs), if any were.
fn split_warning(split: &[(String, String)], stem: &str) -> Option<Msg> {
    let entities: HashSet<&str> = split.iter().map(|(from, _)| from.as_str()).collect();
    let ids: Vec<String> = split
        .iter()
        .map(|(from, to)| format!("{from} → {to}"))
        .collect();
    (!split.is_empty()).then(|| {
        Msg::counted(Counted::BratSplit, entities.len())
            .arg("file", format!("{stem}.ann"))
            .with("ids", Arg::some_of(&ids))
    })
}

/// The types an `annotation.conf` declares, in first-seen order.
#[derive(Default)]
struct Conf {
    entities: Vec<String>,
    /// Relation types.
    relations: Vec<String>,
    /// Event types and the roles seen with each.
    events: Vec<(String, Vec<String>)>,
    /// Attribute names and the values seen with each.
    attributes: Vec<(String, Vec<String>)>,
}

fn push_new(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_owned());
    }
}

fn slot<'a>(list: &'a mut Vec<(String, Vec<String>)>, name: &str) -> &'a mut Vec<String> {
    let at = match list.iter().position(|(n, _)| n == name) {
        Some(at) => at,
        None => {
            list.push((name.to_owned(), Vec::new()));
            list.len() - 1
        }
    };
    &mut list[at].1
}

impl Conf {
    fn entity(&mut self, kind: &str) {
        push_new(&mut self.entities, kind);
    }

    /// Notes the types a written `.ann` line uses.
    fn line(&mut self, line: &str) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some(middle) = line.split('\t').nth(1) else {
            return;
        };
        let mut words = middle.split_whitespace();
        match line.chars().next() {
            Some('T') => {
                if let Some(kind) = words.next() {
                    self.entity(kind);
                }
            }
            Some('R') => {
                if let Some(kind) = words.next() {
                    push_new(&mut self.relations, kind);
                }
            }
            Some('E') => {
                let Some((kind, _)) = words.next().and_then(|w| w.split_once(':')) else {
                    return;
                };
                let roles = slot(&mut self.events, kind);
                for word in words {
                    if let Some((role, _)) = word.split_once(':') {
                        push_new(roles, role.trim_end_matches(|c: char| c.is_ascii_digit()));
                    }
                }
            }
            Some('A' | 'M') => {
                if let Some(name) = words.next() {
                    let values = slot(&mut self.attributes, name);
                    if let Some(value) = words.nth(1) {
                        push_new(values, value);
                    }
                }
            }
            _ => {}
        }
    }

    /// The lines declaring this conf's types in `section` (one of
    /// [`SECTIONS`]), without line ends. Event types are declared as
    /// events only, not as entities too.
    fn lines_of(&self, section: &str) -> Vec<String> {
        match section {
            "entities" => {
                let triggers: SortedSet<&str> =
                    self.events.iter().map(|(e, _)| e.as_str()).collect();
                self.entities
                    .iter()
                    .filter(|kind| !triggers.contains(&kind.as_str()))
                    .cloned()
                    .collect()
            }
            "relations" => self
                .relations
                .iter()
                .map(|kind| format!("{kind}\tArg1:<ANY>, Arg2:<ANY>"))
                .collect(),
            "events" => self
                .events
                .iter()
                .map(|(kind, roles)| {
                    let roles: Vec<String> = roles.iter().map(|r| format!("{r}*:<ANY>")).collect();
                    format!("{kind}\t{}", roles.join(", "))
                })
                .collect(),
            _ => self
                .attributes
                .iter()
                .map(|(name, values)| match values.is_empty() {
                    true => format!("{name}\tArg:<ANY>"),
                    false => format!("{name}\tArg:<ANY>, Value:{}", values.join("|")),
                })
                .collect(),
        }
    }

    fn render(&self) -> String {
        let mut conf = String::from("# Types written by Wasim\n");
        for (i, section) in SECTIONS.iter().enumerate() {
            if i > 0 {
                conf.push('\n');
            }
            conf.push_str(&format!("[{section}]\n"));
            for line in self.lines_of(section) {
                conf.push_str(&line);
                conf.push('\n');
            }
        }
        conf
    }

    /// What this conf uses that `text`, an `annotation.conf`, does not
    /// declare (an entity type declared as an event counts as declared).
    fn missing_from(&self, text: &str) -> Conf {
        let declared = declared(text);
        let has = |section: &str, name: &str| declared.contains(&(section, name));
        let mut missing = Conf::default();
        for kind in &self.entities {
            if !has("entities", kind) && !has("events", kind) {
                missing.entity(kind);
            }
        }
        for kind in &self.relations {
            if !has("relations", kind) {
                push_new(&mut missing.relations, kind);
            }
        }
        let events = self.events.iter().filter(|(kind, _)| !has("events", kind));
        missing.events = events.cloned().collect();
        let attributes = self
            .attributes
            .iter()
            .filter(|(n, _)| !has("attributes", n));
        missing.attributes = attributes.cloned().collect();
        missing
    }

    /// Every type name, entities first.
    fn names(&self) -> Vec<String> {
        let events = self.events.iter().map(|(kind, _)| kind);
        let attributes = self.attributes.iter().map(|(name, _)| name);
        let names = self.entities.iter().chain(&self.relations);
        names.chain(events).chain(attributes).cloned().collect()
    }
}

/// The sections of an `annotation.conf`, in the order Wasim writes them.
const SECTIONS: [&str; 4] = ["entities", "relations", "events", "attributes"];

/// `(section, type)` for every type an `annotation.conf` declares: the first
/// word of each line of a section, an abstract `!Type` as `Type`; comments,
/// blank lines and macros (`<NAME>=…`) passed over.
fn declared(conf: &str) -> HashSet<(&str, &str)> {
    let mut section = "";
    let mut names = HashSet::new();
    for line in conf.trim_start_matches('\u{feff}').lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(['#', '<']) {
            continue;
        }
        if let Some(name) = section_header(line) {
            section = SECTIONS
                .iter()
                .find(|s| s.eq_ignore_ascii_case(name))
                .map_or("", |s| s);
            continue;
        }
        if let Some(word) = line.split_whitespace().next() {
            names.insert((section, word.trim_start_matches('!')));
        }
    }
    names
}

/// The section a line of an `annotation.conf` starts (`entities` for
/// `[entities]`), if it starts one.
fn section_header(line: &str) -> Option<&str> {
    let line = line.trim().trim_start_matches('\u{feff}');
    let name = line.strip_prefix('[').and_then(|l| l.strip_suffix(']'));
    name.map(str::trim)
}

/// `text`, an `annotation.conf`, declaring `missing`'s types too: each
/// added at the end of its section (a section it lacks is added at the
/// end), with `text`'s line ends. Every other byte stays.
fn declare(text: &str, missing: &Conf) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    for section in SECTIONS {
        let added = missing.lines_of(section);
        if added.is_empty() {
            continue;
        }
        let header = |line: &String| section_header(line).is_some();
        let at = lines.iter().position(|line| {
            section_header(line).is_some_and(|name| name.eq_ignore_ascii_case(section))
        });
        let mut insert = match at {
            Some(at) => {
                let next = lines[at + 1..].iter().position(header);
                let mut end = next.map_or(lines.len(), |n| at + 1 + n);
                while end > at + 1 && lines[end - 1].trim().is_empty() {
                    end -= 1;
                }
                end
            }
            None => lines.len(),
        };
        if let Some(last) = insert.checked_sub(1).and_then(|i| lines.get_mut(i))
            && !last.ends_with('\n')
        {
            last.push_str(eol);
        }
        if at.is_none() {
            if !lines.is_empty() {
                lines.push(eol.to_owned());
                insert += 1;
            }
            lines.push(format!("[{section}]{eol}"));
            insert += 1;
        }
        for (i, line) in added.into_iter().enumerate() {
            lines.insert(insert + i, format!("{line}{eol}"));
        }
    }
    lines.concat()
}

/// Where a brat document's [`Source`] keeps the configuration files loaded
/// with it ([`keep_conf`]): `{"conf": {"annotation.conf": "…", …}}`.
const CONF_KEY: &str = "conf";

/// Keeps brat's configuration files (`annotation.conf`, `visual.conf`…)
/// loaded together with brat documents in each document's [`Source`], so
/// that export writes them back as they were (see [`KeptConf`]). A file
/// that is not UTF-8 is left out: its own import says why.
pub fn keep_conf(imported: &mut Imported, confs: &[&InputFile]) {
    let mut kept = serde_json::Map::new();
    for file in confs {
        if let Ok(text) = std::str::from_utf8(&file.bytes) {
            kept.insert(file.name.clone(), json!(text));
        }
    }
    if kept.is_empty() {
        return;
    }
    for doc in &mut imported.documents {
        let source = doc.source.as_mut().filter(|s| s.format == ID);
        if let Some(data) = source.and_then(|s| s.data.as_object_mut()) {
            data.insert(CONF_KEY.to_owned(), serde_json::Value::Object(kept.clone()));
        }
    }
}

/// The configuration files the exported documents were loaded with: each
/// file's text as the first document that has it kept it, and the names
/// whose text differed between documents, or that some had and others
/// lacked (two projects exported together).
///
/// Written back as they were, except that a kept `annotation.conf` also
/// declares the types the written `.ann` files use and it did not (a new
/// label, say), with a warning. Without a kept `annotation.conf` one is
/// written from nothing, declaring every label.
#[derive(Default)]
struct KeptConf {
    files: Vec<(String, String)>,
    differ: Vec<String>,
    /// Names a (hand-edited) source gives that are not brat's
    /// configuration files: never written (`../../evil.conf`).
    left_out: Vec<String>,
}

impl KeptConf {
    fn of(documents: &[&Document]) -> KeptConf {
        let mut kept = KeptConf::default();
        let mut sets: Vec<&serde_json::Map<String, serde_json::Value>> = Vec::new();
        for doc in documents {
            let confs = doc.source_data(ID).and_then(|d| d.get(CONF_KEY));
            let Some(confs) = confs.and_then(serde_json::Value::as_object) else {
                continue;
            };
            sets.push(confs);
            for (name, text) in confs {
                if !is_conf(name) {
                    push_new(&mut kept.left_out, name);
                    continue;
                }
                let Some(text) = text.as_str() else { continue };
                match kept.files.iter().find(|(n, _)| n == name) {
                    Some((_, first)) if first != text => push_new(&mut kept.differ, name),
                    Some(_) => {}
                    None => kept.files.push((name.clone(), text.to_owned())),
                }
            }
        }
        // A file some projects have and others lack is a mix too.
        for (name, _) in &kept.files {
            if sets.iter().any(|set| !set.contains_key(name.as_str())) {
                push_new(&mut kept.differ, name);
            }
        }
        kept
    }

    /// The kept `annotation.conf`'s text, if there is one.
    fn types(&self) -> Option<&str> {
        let mut types = self
            .files
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(CONF_FILES[0]));
        types.next().map(|(_, text)| text.as_str())
    }

    fn has_types(&self) -> bool {
        self.types().is_some()
    }

    /// The configuration files to write, given the types the written `.ann`
    /// files use (`used`), and what the export should say about them.
    fn written(&self, used: &Conf) -> (Vec<Entry>, Vec<Msg>) {
        let mut warnings = Vec::new();
        if !self.differ.is_empty() {
            let names = Arg::some_of(&self.differ);
            warnings.push(Msg::new(Key::BratConfsDiffer).with("names", names));
        }
        if !self.left_out.is_empty() {
            let names = Arg::some_of(&self.left_out);
            warnings.push(Msg::new(Key::BratConfsLeftOut).with("names", names));
        }
        let mut declared: Option<Vec<String>> = None;
        let mut entries: Vec<Entry> = Vec::with_capacity(self.files.len() + 1);
        for (name, text) in &self.files {
            let text = if name.eq_ignore_ascii_case(CONF_FILES[0]) {
                let missing = used.missing_from(text);
                declared.get_or_insert_with(|| missing.names());
                declare(text, &missing)
            } else {
                text.clone()
            };
            entries.push(Entry {
                name: name.clone(),
                bytes: text.into_bytes(),
            });
        }
        match declared {
            None => entries.push(Entry {
                name: CONF_FILES[0].to_owned(),
                bytes: used.render().into_bytes(),
            }),
            Some(missing) if !missing.is_empty() => {
                let types = Arg::some_of(&missing);
                warnings.push(
                    Msg::new(Key::BratConfDeclared)
                        .arg("file", CONF_FILES[0])
                        .with("types", types),
                );
            }
            Some(_) => {}
        }
        (entries, warnings)
    }
}

/// A label as a brat type: no whitespace.
fn type_name(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// Reads a `.txt` and its `.ann` as one document named after the `.txt`.
///
/// A `.txt` that starts with a byte order mark is read as brat reads it
/// (brat's Python keeps it as U+FEFF, the text's first character) unless the
/// offsets fit only without it; either way it is written back.
///
/// # Errors
/// When either file is not UTF-8 text, or a `T` line is malformed, out of
/// range, or states a text that differs from the `.txt`.
pub fn import_pair(txt: &InputFile, ann: &InputFile) -> Result<Imported, ImportError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let text = decode(txt)?;
    let annotations = decode(ann)?;
    let mut tally = Tally::default();
    let read = |text: String, tally: &mut Tally| {
        read_pair(&txt.name, text, &ann.name, &annotations, tally)
    };
    // With a mark, brat's own reading first: it decides where offsets fit
    // both (an .ann with no entity yet), so spans added here count the mark
    // as brat will. Without the mark only where they fit only so; an error
    // is that reading's, whose text the user sees.
    let kept_mark = txt.bytes.starts_with(BOM).then(|| {
        let mut kept = Tally::default();
        read(format!("\u{feff}{text}"), &mut kept).map(|document| (document, kept))
    });
    let mut document = match kept_mark {
        Some(Ok((document, kept))) => {
            tally = kept;
            document
        }
        Some(Err(_)) => {
            let mut document = read(text, &mut tally)?;
            if let Some(source) = &mut document.source {
                source.data["txt_bom"] = json!(true);
            }
            document
        }
        None => read(text, &mut tally)?,
    };
    if ann.bytes.starts_with(BOM)
        && let Some(source) = &mut document.source
    {
        source.data["bom"] = json!(true);
    }
    Ok(added_documents(vec![document], tally.warnings(&ann.name)))
}

/// brat's own configuration files: `annotation.conf` (the types) and the
/// display and tool settings next to it.
const CONF_FILES: [&str; 4] = [
    "annotation.conf",
    "visual.conf",
    "tools.conf",
    "kb_shortcuts.conf",
];

/// Whether `name` is one of brat's configuration files (any case).
pub fn is_conf(name: &str) -> bool {
    CONF_FILES
        .iter()
        .any(|conf| name.eq_ignore_ascii_case(conf))
}

/// Reads a brat configuration file, which holds no document. From
/// `annotation.conf` the entity types become labels
/// ([`Imported::listed_labels`]), said in a message; the other files
/// (colours, tools, shortcuts) are passed over, with a word about it.
///
/// # Errors
/// When the file is not UTF-8 text.
pub fn import_conf(file: &InputFile) -> Result<Imported, ImportError> {
    let text = decode(file)?;
    let name = file.name.as_str();
    let mut imported = added_documents(Vec::new(), Vec::new());
    if !name.eq_ignore_ascii_case(CONF_FILES[0]) {
        imported.warnings = vec![Msg::new(Key::BratConfNotUsed).arg("file", name)];
        return Ok(imported);
    }
    let (types, others) = conf_entities(&text);
    let key = match (types.is_empty(), others) {
        (true, _) => Key::BratConfNoEntities,
        (false, false) => Key::BratConfLabels,
        (false, true) => Key::BratConfLabelsMore,
    };
    let mut message = Msg::new(key).arg("file", name);
    if !types.is_empty() {
        message = message.with("types", Arg::some_of(&types));
    }
    imported.warnings = vec![message];
    imported.listed_labels = types;
    Ok(imported)
}

/// The entity types an `annotation.conf` declares in its `[entities]`
/// section, in file order, and whether its other sections (relations,
/// events, attributes) declare anything. One type per line, its first word;
/// the indentation that nests a type under another is dropped, and
/// comments (`#`), blank lines, abstract types (`!Type`) and macros
/// (`<NAME>=…`) are passed over.
fn conf_entities(conf: &str) -> (Vec<String>, bool) {
    let mut section = String::new();
    let mut types = Vec::new();
    let mut others = false;
    for line in conf.trim_start_matches('\u{feff}').lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = section_header(line) {
            section = name.to_lowercase();
            continue;
        }
        if section != "entities" {
            others |= !section.is_empty();
            continue;
        }
        if line.starts_with(['!', '<']) {
            continue;
        }
        if let Some(kind) = line.split_whitespace().next() {
            push_new(&mut types, kind);
        }
    }
    (types, others)
}

/// Reads an archive as its files would be read loose, and gathers the
/// documents into one import.
fn import_zip(file: &InputFile) -> Result<Imported, ImportError> {
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    for result in super::import_archive(file) {
        let imported = result?;
        documents.extend(imported.documents);
        warnings.extend(imported.warnings);
    }
    Ok(Imported {
        mode: ImportMode::AddDocuments,
        ..added_documents(documents, warnings)
    })
}

/// Maps line breaks and tabs to spaces, as brat writes a surface text.
fn flat(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Parses `s e;s e` fragments.
fn fragments(offsets: &str) -> Option<Vec<(usize, usize)>> {
    offsets
        .split(';')
        .map(|fragment| {
            let mut numbers = fragment.split_whitespace().map(str::parse::<usize>);
            match (numbers.next(), numbers.next(), numbers.next()) {
                (Some(Ok(start)), Some(Ok(end)), None) => Some((start, end)),
                _ => None,
            }
        })
        .collect()
}

/// The note shared by the fragments of a discontinuous entity.
fn fragments_note(id: &str, count: usize) -> String {
    format!("brat {id}: one discontinuous entity in {count} fragments")
}

/// `note` without the lines [`fragments_note`] added; `None` when nothing
/// else is left.
fn user_note(note: Option<&str>) -> Option<String> {
    let kept: Vec<&str> = note?
        .split('\n')
        .filter(|line| {
            !(line.starts_with("brat ")
                && line.contains(": one discontinuous entity in ")
                && line.ends_with(" fragments"))
        })
        .collect();
    let note = kept.join("\n");
    (!note.is_empty()).then_some(note)
}

fn read_pair(
    name: &str,
    text: String,
    ann_name: &str,
    annotations: &str,
    tally: &mut Tally,
) -> Result<ImportedDocument, ImportError> {
    let indexed = Text::new(&text);
    let mut entities: Vec<(String, Vec<ImportedSpan>)> = Vec::new();
    let mut notes: HashMap<String, String> = HashMap::new();
    for (i, raw_line) in annotations.split('\n').enumerate() {
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        let error = |message: Msg| ImportError::new(ann_name, Some(i + 1), message);
        let Some(first) = line.chars().next() else {
            continue;
        };
        let columns: Vec<&str> = line.splitn(3, '\t').collect();
        if let Some(id) = columns.first().filter(|id| first != '*' && !id.is_empty()) {
            tally.id(id);
        }
        match first {
            'T' => {
                let expected = || Msg::new(Key::BratExpectedT);
                let (Some(id), Some(middle)) = (columns.first(), columns.get(1)) else {
                    return Err(error(expected()));
                };
                let (kind, offsets) = middle.split_once(' ').ok_or_else(|| error(expected()))?;
                if kind.trim().is_empty() {
                    let message = Msg::new(Key::BratEmptyType)
                        .arg("id", *id)
                        .msg("expected", expected());
                    return Err(error(message));
                }
                let parts = fragments(offsets).ok_or_else(|| {
                    let message = Msg::new(Key::BratNotOffsets)
                        .quoted("offsets", offsets)
                        .msg("expected", expected());
                    error(message)
                })?;
                let mut surface = Vec::with_capacity(parts.len());
                for &(start, end) in &parts {
                    if start >= end || end > indexed.char_len() {
                        let key = if start >= end {
                            Key::BratRangeEmpty
                        } else {
                            Key::BratRangePastEnd
                        };
                        let message = Msg::new(key)
                            .arg("id", *id)
                            .msg("range", range(start, end))
                            .msg("length", Msg::counted(Counted::TextHas, indexed.char_len()));
                        return Err(error(message));
                    }
                    surface.push(indexed.slice(start, end).unwrap_or_default());
                }
                let actual = surface.join(" ");
                if let Some(stated) = columns.get(2)
                    && flat(stated) != flat(&actual)
                {
                    let message = Msg::new(Key::BratTextDiffers)
                        .arg("id", *id)
                        .quoted("stated", *stated)
                        .arg("name", name)
                        .quoted("actual", actual);
                    return Err(error(message));
                }
                if parts.len() > 1 {
                    tally.discontinuous += 1;
                }
                let spans = parts
                    .iter()
                    .map(|&(start, end)| ImportedSpan {
                        start,
                        end,
                        label: kind.to_owned(),
                        ..ImportedSpan::default()
                    })
                    .collect();
                entities.push(((*id).to_owned(), spans));
            }
            '#' => {
                let target = columns
                    .get(1)
                    .and_then(|m| m.strip_prefix("AnnotatorNotes "));
                match target {
                    Some(target) => {
                        notes.insert(
                            target.trim().to_owned(),
                            columns.get(2).copied().unwrap_or_default().to_owned(),
                        );
                    }
                    None => *tally.kept.get_or_insert_with('#', || 0) += 1,
                }
            }
            other => *tally.kept.get_or_insert_with(other, || 0) += 1,
        }
    }
    let mut spans = Vec::new();
    for (id, fragments) in entities {
        let count = fragments.len();
        let note = notes.get(&id).cloned().filter(|n| !n.is_empty());
        let note = if count > 1 {
            let split = fragments_note(&id, count);
            Some(match note {
                Some(note) => format!("{note}\n{split}"),
                None => split,
            })
        } else {
            note
        };
        spans.extend(fragments.into_iter().map(|span| ImportedSpan {
            note: note.clone(),
            ..span
        }));
    }
    dedupe_spans(&mut spans);
    Ok(ImportedDocument {
        name: name.to_owned(),
        text,
        spans,
        done: false,
        source: Some(Source {
            format: ID.to_owned(),
            data: json!({ "ann": annotations }),
        }),
        ..ImportedDocument::default()
    })
}

/// `text` with line breaks and tabs turned into spaces, so it fits one field
/// of an `.ann` line.
fn one_line(text: &str) -> String {
    flat(text)
}

/// One line of a kept `.ann`, as export sees it.
enum Line<'a> {
    /// `T…`: an entity (or event trigger).
    Entity {
        id: &'a str,
        kind: &'a str,
        offsets: &'a str,
        surface: Option<&'a str>,
        parts: Vec<(usize, usize)>,
    },
    /// `#…<TAB>AnnotatorNotes <target><TAB>note`.
    Note { id: &'a str, target: &'a str },
    /// Anything else: written back as it was.
    Other,
}

/// Reads a line (without its `\r`) for export; anything unexpected is
/// [`Line::Other`], written back untouched.
fn parse_line(line: &str) -> Line<'_> {
    let mut columns = line.splitn(3, '\t');
    let (Some(id), Some(middle)) = (columns.next(), columns.next()) else {
        return Line::Other;
    };
    let rest = columns.next();
    if id.starts_with('T') {
        if let Some((kind, offsets)) = middle.split_once(' ')
            && let Some(parts) = fragments(offsets)
        {
            return Line::Entity {
                id,
                kind,
                offsets,
                surface: rest,
                parts,
            };
        }
    } else if id.starts_with('#')
        && let Some(target) = middle.strip_prefix("AnnotatorNotes ")
    {
        return Line::Note {
            id,
            target: target.trim(),
        };
    }
    Line::Other
}

/// What export does with a kept `T` line.
#[derive(Clone, PartialEq, Eq)]
enum Fate {
    /// Every fragment is still there with its type: written as it was.
    /// `first`: the span of its first fragment, which holds its note.
    Kept { first: usize },
    /// Some fragments were relabelled or deleted: the line keeps its ID and
    /// is rewritten with `label` over the fragments `parts` that carry it;
    /// `first` as in `Kept`.
    Rewritten {
        label: String,
        parts: Vec<(usize, usize)>,
        first: usize,
    },
    /// Its spans are gone: dropped, with its notes.
    Deleted,
    /// Its spans are gone but other lines point at it: written as it was.
    Pinned,
}

/// Fragments that left their `T` line for a label of their own: written as
/// a new entity.
struct SplitOff<'a> {
    /// The ID of the line they left.
    from: &'a str,
    label: String,
    parts: Vec<(usize, usize)>,
    /// The span of the first of them, whose note is written.
    first: usize,
}

/// The kept `T` lines matched against the document's spans.
struct Matched<'a> {
    /// Per line, what becomes of it (`None`: not a `T` line).
    fates: Vec<Option<Fate>>,
    /// Fragments split off their line, in line order.
    split: Vec<SplitOff<'a>>,
    /// The spans a line stands for; the others are new entities.
    claimed: Vec<bool>,
}

/// One document's `.ann`, and what writing it changed.
struct WrittenAnn {
    ann: String,
    /// The lines written, for `annotation.conf`.
    lines_for_conf: Vec<String>,
    /// `T` IDs kept although their spans were deleted.
    kept_deleted: Vec<String>,
    /// `(old ID, new ID)` of the fragments split off a discontinuous entity.
    split: Vec<(String, String)>,
    /// `(label, type)` pairs written under another name.
    renamed: SortedSet<(String, String)>,
    /// Notes whose line breaks or tabs became spaces.
    flattened_notes: usize,
    /// Whether the kept `T` lines were made to say the text as it is now.
    refit: bool,
}

/// The number after the one-character prefix of an ID (`T12` → 12).
fn id_number(id: &str) -> Option<u64> {
    id.get(1..).and_then(|n| n.parse().ok())
}

/// Finds each fragment of the kept `T` lines among `doc`'s spans: first a
/// span of its range and the line's type (lines that shared a fragment in
/// the file may share it still), then, for the fragments left, a span of its
/// range with another label that no line has taken: a relabel.
fn match_lines<'a>(
    doc: &Document,
    lines: &[Line<'a>],
    references: &SortedSet<&str>,
) -> Matched<'a> {
    let mut by_key: HashMap<(usize, usize, &str), usize> = HashMap::new();
    let mut by_range: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (at, span) in doc.spans.iter().enumerate() {
        by_key
            .entry((span.start, span.end, &span.label))
            .or_insert(at);
        by_range.entry((span.start, span.end)).or_default().push(at);
    }
    let mut found: Vec<Vec<Option<usize>>> = lines
        .iter()
        .map(|line| match line {
            Line::Entity { kind, parts, .. } => parts
                .iter()
                .map(|&(s, e)| by_key.get(&(s, e, *kind)).copied())
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let mut claimed = vec![false; doc.spans.len()];
    for &at in found.iter().flatten().flatten() {
        claimed[at] = true;
    }
    for (line, found) in lines.iter().zip(&mut found) {
        if let Line::Entity { kind, parts, .. } = line {
            relabelled(doc, &by_range, &mut claimed, (kind, parts), found);
        }
    }
    let mut fates = Vec::with_capacity(lines.len());
    let mut split = Vec::new();
    for (line, found) in lines.iter().zip(&found) {
        let Line::Entity {
            id, kind, parts, ..
        } = line
        else {
            fates.push(None);
            continue;
        };
        let (line_fate, off) = fate(doc, (id, kind, parts), found, references.contains(id));
        fates.push(Some(line_fate));
        split.extend(off);
    }
    Matched {
        fates,
        split,
        claimed,
    }
}

/// Gives each fragment of a `T` line (`kind`, `parts`) not yet `found` an
/// unclaimed span of its range with another label, if there is one: the
/// label an earlier fragment of the line took, else the oldest span (the
/// one read with the file, its label renamed, rather than one added beside
/// it with Shift+key, which took the line's ID, note and relations).
fn relabelled(
    doc: &Document,
    by_range: &HashMap<(usize, usize), Vec<usize>>,
    claimed: &mut [bool],
    (kind, parts): (&str, &[(usize, usize)]),
    found: &mut [Option<usize>],
) {
    let mut taken: Option<&str> = None;
    for (range, slot) in parts.iter().zip(found.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let free: Vec<usize> = by_range
            .get(range)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&at| !claimed[at] && &*doc.spans[at].label != kind)
            .collect();
        let same = free
            .iter()
            .copied()
            .find(|&at| Some(&*doc.spans[at].label) == taken);
        let oldest = free.iter().copied().min_by_key(|&at| doc.spans[at].id);
        *slot = same.or(oldest);
        if let Some(at) = *slot {
            claimed[at] = true;
            taken = taken.or(Some(&doc.spans[at].label));
        }
    }
}

/// What becomes of the `T` line (`id`, `kind`, `parts`) whose fragments are
/// now the spans `found` (`None`: deleted), and the fragments that leave it.
/// The ID stays with the fragments that kept `kind`, or else with the label
/// of the first fragment left; each other label is split off.
fn fate<'a>(
    doc: &Document,
    (id, kind, parts): (&'a str, &str, &[(usize, usize)]),
    found: &[Option<usize>],
    pointed_at: bool,
) -> (Fate, Vec<SplitOff<'a>>) {
    let label = |at: usize| -> &str { &doc.spans[at].label };
    let left: Vec<((usize, usize), usize)> = parts
        .iter()
        .zip(found)
        .filter_map(|(&part, at)| at.map(|at| (part, at)))
        .collect();
    let Some(&(_, first)) = left.first() else {
        let fate = if pointed_at {
            Fate::Pinned
        } else {
            Fate::Deleted
        };
        return (fate, Vec::new());
    };
    let typed = left.iter().filter(|&&(_, at)| label(at) == kind).count();
    if typed == parts.len() {
        return (Fate::Kept { first }, Vec::new());
    }
    let lead = if typed > 0 { kind } else { label(first) };
    let mut groups: Vec<SplitOff<'a>> = Vec::new();
    for (part, at) in left {
        match groups.iter_mut().find(|g| g.label == label(at)) {
            Some(group) => group.parts.push(part),
            None => groups.push(SplitOff {
                from: id,
                label: label(at).to_owned(),
                parts: vec![part],
                first: at,
            }),
        }
    }
    let kept = groups.iter().position(|g| g.label == lead).unwrap_or(0);
    let kept = groups.remove(kept);
    let fate = Fate::Rewritten {
        label: kept.label,
        parts: kept.parts,
        first: kept.first,
    };
    (fate, groups)
}

/// The IDs the lines other than `T` and `#` lines point at.
fn references<'a>(raw: &[&'a str], lines: &[Line]) -> SortedSet<&'a str> {
    let mut references: Vec<&str> = Vec::new();
    for (raw_line, line) in raw.iter().zip(lines) {
        if let Line::Other = line {
            let middle = raw_line.split('\t').nth(1).unwrap_or_default();
            for word in middle.split_whitespace() {
                references.push(word.rsplit(':').next().unwrap_or(word));
            }
        }
    }
    SortedSet::from_items(references)
}

/// `s e;s e` for brat.
fn offsets_of(parts: &[(usize, usize)]) -> String {
    let parts: Vec<String> = parts.iter().map(|(s, e)| format!("{s} {e}")).collect();
    parts.join(";")
}

/// The text of `parts` as brat states it: fragments joined by a space, on
/// one line.
fn surface_of(doc: &Document, parts: &[(usize, usize)]) -> String {
    let texts: Vec<&str> = parts
        .iter()
        .map(|&(s, e)| doc.text.slice(s, e).unwrap_or_default())
        .collect();
    one_line(&texts.join(" "))
}

/// `note` on one line, counting it when it had to be flattened.
fn flatten(note: &str, out: &mut WrittenAnn) -> String {
    if note.contains(['\n', '\r', '\t']) {
        out.flattened_notes += 1;
    }
    one_line(note)
}

/// `label` as a brat type, noting it when it had to be renamed.
fn kind_of(label: &str, out: &mut WrittenAnn) -> String {
    let kind = type_name(label);
    if kind != label {
        out.renamed.insert((label.to_owned(), kind.clone()));
    }
    kind
}

/// The lines appended after the kept ones, and the next free IDs.
struct Appended {
    lines: Vec<String>,
    next_t: u64,
    next_note: u64,
}

impl Appended {
    /// Appends `#n<TAB>AnnotatorNotes <target><TAB>note`.
    fn note(&mut self, target: &str, note: &str, out: &mut WrittenAnn) {
        let note = flatten(note, out);
        self.lines.push(format!(
            "#{}\tAnnotatorNotes {target}\t{note}",
            self.next_note
        ));
        self.next_note += 1;
    }

    /// Appends a new `T` line for `label` over `parts`, with the note of the
    /// span `first`; returns its ID.
    fn entity(
        &mut self,
        doc: &Document,
        (label, parts, first): (&str, &[(usize, usize)], usize),
        out: &mut WrittenAnn,
    ) -> String {
        let kind = kind_of(label, out);
        let id = format!("T{}", self.next_t);
        self.next_t += 1;
        let (offsets, surface) = (offsets_of(parts), surface_of(doc, parts));
        self.lines
            .push(format!("{id}\t{kind} {offsets}\t{surface}"));
        let note = doc.spans.get(first).and_then(|s| s.note.as_deref());
        if let Some(note) = user_note(note) {
            self.note(&id, &note, out);
        }
        id
    }
}

/// The first free `T` and `#` numbers after those `lines` use.
fn next_ids(lines: &[Line]) -> (u64, u64) {
    let (mut next_t, mut next_note) = (1, 1);
    for line in lines {
        match line {
            Line::Note { id, .. } => next_note = next_note.max(id_number(id).map_or(0, |n| n + 1)),
            Line::Entity { id, .. } => next_t = next_t.max(id_number(id).map_or(0, |n| n + 1)),
            Line::Other => {}
        }
    }
    (next_t, next_note)
}

/// The notes of the spans the kept `.ann` gave at import, by `(start, end,
/// label)`, to tell edits apart.
type ImportedNotes = SortedMap<(usize, usize, String), Option<String>>;

/// `doc`'s kept `.ann` and the notes it gave at import. A kept `.ann` that
/// no longer reads against the text is not walked (`None`).
fn kept_ann(doc: &Document) -> (Option<Cow<'_, str>>, ImportedNotes, bool) {
    let source = doc
        .source_data(ID)
        .and_then(|d| d.get("ann"))
        .and_then(|a| a.as_str());
    let read = |ann: &str| {
        read_pair(
            &doc.name,
            doc.text.as_str().to_owned(),
            "",
            ann,
            &mut Tally::default(),
        )
        .ok()
    };
    // A text edited by hand in a Wasim JSON file no longer has what the
    // `T` lines say: they are made to say what it has now (the `.ann` was
    // dropped whole, and with it every relation, note and event).
    let (ann, imported, refit) = match source {
        Some(ann) => match read(ann) {
            Some(imported) => (Cow::Borrowed(ann), imported, false),
            None => {
                let refit = refit_surfaces(doc, ann);
                match read(&refit) {
                    Some(imported) => (Cow::Owned(refit), imported, true),
                    None => return (None, SortedMap::default(), false),
                }
            }
        },
        None => return (None, SortedMap::default(), false),
    };
    let notes = imported
        .spans
        .into_iter()
        .map(|s| ((s.start, s.end, s.label), s.note))
        .collect();
    (Some(ann), notes, refit)
}

/// `ann` with each `T` line's text the text its fragments cover in `doc`.
fn refit_surfaces(doc: &Document, ann: &str) -> String {
    let lines: Vec<String> = ann
        .split('\n')
        .map(|raw| {
            let (line, cr) = match raw.strip_suffix('\r') {
                Some(line) => (line, "\r"),
                None => (raw, ""),
            };
            match parse_line(line) {
                Line::Entity {
                    id,
                    kind,
                    offsets,
                    surface: Some(_),
                    parts,
                } => format!("{id}\t{kind} {offsets}\t{}{cr}", surface_of(doc, &parts)),
                _ => raw.to_owned(),
            }
        })
        .collect();
    lines.join("\n")
}

/// The notes whose text changed, by entity ID (`None`: removed), and the
/// IDs kept although all their spans were deleted (into `out`).
fn changed_notes<'a>(
    doc: &Document,
    lines: &[Line<'a>],
    fates: &[Option<Fate>],
    imported: &ImportedNotes,
    out: &mut WrittenAnn,
) -> SortedMap<&'a str, Option<String>> {
    let mut new_notes = Vec::new();
    for (line, fate) in lines.iter().zip(fates) {
        let (
            Line::Entity {
                id, kind, parts, ..
            },
            Some(fate),
        ) = (line, fate)
        else {
            continue;
        };
        let first = match fate {
            Fate::Kept { first } | Fate::Rewritten { first, .. } => *first,
            Fate::Deleted => continue,
            Fate::Pinned => {
                out.kept_deleted.push((*id).to_owned());
                continue;
            }
        };
        let Some(&(s, e)) = parts.first() else {
            continue;
        };
        let now = doc.spans.get(first).and_then(|s| s.note.as_deref());
        let then = imported
            .get(&(s, e, (*kind).to_owned()))
            .and_then(Option::as_deref);
        if now != then {
            new_notes.push((*id, user_note(now)));
        }
    }
    SortedMap::from_pairs(new_notes)
}

/// A kept `T` line as written: as it was, rewritten, or not at all.
fn entity_line(
    doc: &Document,
    (raw_line, line, fate): (&str, &Line, Option<&Fate>),
    out: &mut WrittenAnn,
) -> Option<String> {
    let Line::Entity {
        id,
        offsets,
        surface,
        parts,
        ..
    } = line
    else {
        return Some(raw_line.to_owned());
    };
    let Some(Fate::Rewritten {
        label, parts: now, ..
    }) = fate
    else {
        return (fate != Some(&Fate::Deleted)).then(|| raw_line.to_owned());
    };
    let cr = if raw_line.ends_with('\r') { "\r" } else { "" };
    let kind = kind_of(label, out);
    let (offsets, surface) = if now == parts {
        ((*offsets).to_owned(), surface.map(str::to_owned))
    } else {
        (offsets_of(now), surface.map(|_| surface_of(doc, now)))
    };
    let surface = surface.map(|s| format!("\t{s}")).unwrap_or_default();
    Some(format!("{id}\t{kind} {offsets}{surface}{cr}"))
}

/// Writes `doc`'s `.ann`: its kept `.ann` walked line by line (see the module
/// documentation), or fresh `T` lines when it has none.
fn write_ann(doc: &Document) -> WrittenAnn {
    let bom = doc
        .source_data(ID)
        .and_then(|d| d.get("bom"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false);
    let (source, imported, refit) = kept_ann(doc);
    let ann = source.as_deref().unwrap_or("");
    let (body, trailing) = match ann.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (ann, false),
    };
    let raw: Vec<&str> = if body.is_empty() && !trailing {
        Vec::new()
    } else {
        body.split('\n').collect()
    };
    let eol = if raw.first().is_some_and(|l| l.ends_with('\r')) {
        "\r\n"
    } else {
        "\n"
    };
    let lines: Vec<Line> = raw
        .iter()
        .map(|l| parse_line(l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    let Matched {
        fates,
        split,
        claimed,
    } = match_lines(doc, &lines, &references(&raw, &lines));

    let mut out = WrittenAnn {
        ann: String::new(),
        lines_for_conf: Vec::new(),
        kept_deleted: Vec::new(),
        split: Vec::new(),
        renamed: SortedSet::new(),
        flattened_notes: 0,
        refit,
    };
    let new_notes = changed_notes(doc, &lines, &fates, &imported, &mut out);
    let written = kept_lines(
        doc,
        (&raw, &lines, &fates),
        (&new_notes, trailing),
        &mut out,
    );
    let (next_t, next_note) = next_ids(&lines);
    let mut appended = Appended {
        lines: Vec::new(),
        next_t,
        next_note,
    };
    let noted: SortedSet<&str> = lines
        .iter()
        .filter_map(|line| match line {
            Line::Note { target, .. } => Some(*target),
            _ => None,
        })
        .collect();
    for (id, note) in new_notes.iter() {
        if let (Some(note), false) = (note, noted.contains(id)) {
            appended.note(id, note, &mut out);
        }
    }
    for off in &split {
        let id = appended.entity(doc, (&off.label, &off.parts, off.first), &mut out);
        out.split.push((off.from.to_owned(), id));
    }
    for (at, span) in doc.spans.iter().enumerate() {
        if !claimed[at] {
            let parts = [(span.start, span.end)];
            appended.entity(doc, (&span.label, &parts, at), &mut out);
        }
    }
    let appended = appended.lines;
    let mut ann = String::with_capacity(ann.len() + appended.len() * 32);
    if bom {
        ann.push('\u{feff}');
    }
    ann.push_str(&written.join("\n"));
    if trailing && !written.is_empty() {
        // The last kept line already holds its `\r`, if any.
        ann.push('\n');
    } else if !appended.is_empty() && !written.is_empty() {
        ann.push_str(eol);
    }
    for line in &appended {
        ann.push_str(line);
        ann.push_str(eol);
    }
    out.lines_for_conf = written.into_iter().chain(appended).collect();
    out.ann = ann;
    out
}

/// The kept `.ann`'s lines as written: `T` lines by their fate, `#` notes
/// updated (`new_notes`, on the last note line of their entity) or dropped
/// with their entity, anything else as it was; `trailing`: whether the kept
/// `.ann` ends with a line break.
fn kept_lines(
    doc: &Document,
    (raw, lines, fates): (&[&str], &[Line], &[Option<Fate>]),
    (new_notes, trailing): (&SortedMap<&str, Option<String>>, bool),
    out: &mut WrittenAnn,
) -> Vec<String> {
    let mut fate_of: Vec<(&str, &Fate)> = Vec::new();
    let mut last_note: Vec<(&str, usize)> = Vec::new();
    for (i, (line, fate)) in lines.iter().zip(fates).enumerate() {
        match (line, fate) {
            (Line::Entity { id, .. }, Some(fate)) => fate_of.push((id, fate)),
            (Line::Note { target, .. }, _) => last_note.push((target, i)),
            _ => {}
        }
    }
    let fate_of = SortedMap::from_pairs(fate_of);
    let last_note = SortedMap::from_pairs(last_note);
    let mut written = Vec::with_capacity(raw.len());
    let mut last_dropped = false;
    for (i, ((raw_line, line), fate)) in raw.iter().zip(lines).zip(fates).enumerate() {
        let kept = match line {
            Line::Note { id, target } => {
                let cr = if raw_line.ends_with('\r') { "\r" } else { "" };
                match (fate_of.get(target), new_notes.get(target)) {
                    (Some(Fate::Deleted), _) => None,
                    (_, Some(new)) if last_note.get(target) == Some(&i) => {
                        new.as_deref().map(|note| {
                            let note = flatten(note, out);
                            format!("{id}\tAnnotatorNotes {target}\t{note}{cr}")
                        })
                    }
                    _ => Some((*raw_line).to_owned()),
                }
            }
            _ => entity_line(doc, (raw_line, line, fate.as_ref()), out),
        };
        last_dropped = kept.is_none();
        written.extend(kept);
    }
    // A file that ended without a line break still does: the line now last
    // drops the `\r` that parted it from the dropped last line.
    if last_dropped
        && !trailing
        && let Some(last) = written.last_mut()
        && last.ends_with('\r')
    {
        last.pop();
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::tests::file;

    #[test]
    fn reads_entities_notes_and_fragments() {
        let txt = file("a.txt", "زار علي\r\nبغداد و البصرة");
        let ann = file(
            "a.ann",
            "T1\tPER 4 7\tعلي\r\n#1\tAnnotatorNotes T1\tالوزير\nT2\tLOC 9 14;17 23\tبغداد البصرة\nR1\tIn Arg1:T1 Arg2:T2\nA1\tNeg T1\n",
        );
        let imported = import_pair(&txt, &ann).expect("imports");
        let spans = &imported.documents[0].spans;
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[0].note.as_deref(), Some("الوزير"));
        assert_eq!(
            spans[1].note.as_deref(),
            Some("brat T2: one discontinuous entity in 2 fragments")
        );
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        let warnings = warnings.join("\n");
        assert!(warnings.contains("were kept (1 A, 1 R)"), "{warnings}");
        assert!(warnings.contains("1 discontinuous"), "{warnings}");
        let source = imported.documents[0].source.as_ref().expect("source");
        assert_eq!(source.format, "brat");
        assert_eq!(
            source.data["ann"].as_str(),
            std::str::from_utf8(&ann.bytes).ok()
        );
    }

    #[test]
    fn bad_lines_are_clear_errors() {
        let txt = file("a.txt", "abc def");
        let cases = [
            ("T1\tPER 0 3\tabd\n", "line 1: T1 says its text is \"abd\""),
            (
                "\nT1\tPER 0 30\tabc\n",
                "line 2: T1: [0, 30) is past the end",
            ),
            ("T1\tPER x 3\tabc\n", "are not offsets"),
            ("T1 PER 0 3 abc\n", "expected `T1<TAB>TYPE"),
            ("T1\t 0 3\tabc\n", "line 1: T1 has an empty type"),
        ];
        for (input, expected) in cases {
            let error = import_pair(&txt, &file("a.ann", input)).expect_err(expected);
            assert!(
                error.to_string().contains(expected),
                "{error} should contain {expected}"
            );
        }
        let lone = Brat
            .import(&file("b.ann", "T1\tPER 0 1\ta\n"))
            .expect_err("lone .ann");
        assert!(lone.to_string().contains("add b.txt"), "{lone}");
    }

    #[test]
    fn export_zip_reimports() {
        let mut ws = crate::core::model::Workspace::default();
        let mut doc = ws.new_document("خبر.txt", "قال علي\nفي بغداد");
        let mut span = ws.new_span(4, 7, "PER");
        span.note = Some("two\nlines".into());
        doc.spans.push(span);
        let span = ws.new_span(2, 11, "MISC");
        doc.spans.insert(0, span);
        ws.documents.push(doc.into());
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
        let entries = zip::read(&exported.file.bytes).expect("zip");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["خبر.txt", "خبر.ann", "annotation.conf"]);
        assert_eq!(
            String::from_utf8_lossy(&entries[1].bytes),
            "T1\tMISC 2 11\tل علي في \nT2\tPER 4 7\tعلي\n#1\tAnnotatorNotes T2\ttwo lines\n"
        );
        assert!(exported.warnings.iter().any(|w| w.contains("line breaks")));
        let back = Brat
            .import(&InputFile {
                name: "x.zip".into(),
                bytes: exported.file.bytes,
            })
            .expect("imports");
        assert_eq!(back.documents[0].spans.len(), 2);
        assert_eq!(back.documents[0].text, "قال علي\nفي بغداد");
    }

    #[test]
    fn documents_named_alike_are_written_apart_and_said() {
        let mut ws = crate::core::model::Workspace::default();
        for text in ["one", "two", "three"] {
            let doc = ws.new_document("doc.txt", text);
            ws.documents.push(doc.into());
        }
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
        let entries = zip::read(&exported.file.bytes).expect("zip");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names[..6],
            [
                "doc.txt",
                "doc.ann",
                "doc-2.txt",
                "doc-2.ann",
                "doc-3.txt",
                "doc-3.ann"
            ]
        );
        let warnings: Vec<String> = exported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "brat: documents with the same file name were written under other names: doc.txt → doc-2.txt, doc.txt → doc-3.txt"
            ]
        );
    }

    #[test]
    fn a_txt_with_a_byte_order_mark_reads_as_brat_counts_and_writes_back() {
        let txt = "\u{feff}علي زار بغداد\n";
        // brat (Python's "utf-8") counts the mark; a tool that reads
        // "utf-8-sig" does not. Both read, and both write the same bytes.
        for (ann, text) in [
            ("T1\tPER 1 4\tعلي\n", txt),
            ("T1\tPER 0 3\tعلي\n", &txt[3..]),
        ] {
            let imported = import_pair(&file("a.txt", txt), &file("a.ann", ann)).expect("reads");
            let doc = &imported.documents[0];
            assert_eq!(doc.text, text, "{ann}");
            let span = &doc.spans[0];
            let chars: Vec<char> = doc.text.chars().collect();
            assert_eq!(
                chars[span.start..span.end].iter().collect::<String>(),
                "علي"
            );
            let mut ws = crate::core::model::Workspace::default();
            let (edit, _) = crate::core::formats::import_edit(&mut ws, imported).expect("valid");
            edit.apply(&mut ws).expect("applies");
            let (bytes, written, _) = export(&ws);
            assert_eq!(written, ann);
            let entries = zip::read(&bytes).expect("zip");
            assert_eq!(entries[0].bytes, txt.as_bytes(), "{ann}");
        }
        // An .ann with no entity yet: brat's reading, so a span added here
        // is written where brat's Python finds it.
        let imported = import_pair(&file("a.txt", txt), &file("a.ann", "")).expect("reads");
        assert_eq!(imported.documents[0].text, txt);
        // Offsets that fit neither reading are refused as before.
        let wrong = import_pair(&file("a.txt", txt), &file("a.ann", "T1\tPER 2 5\tعلي\n"));
        assert!(
            wrong
                .expect_err("refused")
                .to_string()
                .contains("T1 says its text is")
        );
    }

    /// An `annotation.conf` as brat projects write it: comments, a
    /// hierarchy, an abstract type, a macro, and the other sections.
    const CONF: &str = "# Types of the project\n\n[entities]\n\n# people\nPER\n!Place\n\tCITY\n\t\tCAPITAL\n    REGION\nORG\nPER\n\n[relations]\n<PLACE>=CITY|REGION\nLocated\tArg1:ORG, Arg2:<PLACE>\n\n[events]\n\n[attributes]\nNegated\tArg:<EVENT>\n";

    #[test]
    fn annotation_conf_gives_its_entity_types() {
        assert_eq!(
            conf_entities(CONF),
            (
                ["PER", "CITY", "CAPITAL", "REGION", "ORG"]
                    .map(String::from)
                    .to_vec(),
                true
            )
        );
        let only = "[entities]\r\nPER\r\n[relations]\r\n# none\r\n[events]\r\n";
        assert_eq!(conf_entities(only), (vec!["PER".to_owned()], false));
        assert_eq!(conf_entities("# nothing\n"), (Vec::new(), false));
    }

    #[test]
    fn annotation_conf_loads_with_its_pairs_and_adds_its_labels() {
        let results = super::super::import_files(vec![
            file("annotation.conf", CONF),
            file("a.txt", "علي في بغداد"),
            file("a.ann", "T1\tPER 0 3\tعلي\n"),
            file("visual.conf", "[labels]\nPER | Person\n"),
        ]);
        let [Ok(conf), Ok(pair), Ok(visual)] = results.as_slice() else {
            panic!("three results, none an error: {results:?}")
        };
        assert!(conf.documents.is_empty());
        assert_eq!(
            conf.listed_labels,
            ["PER", "CITY", "CAPITAL", "REGION", "ORG"]
        );
        let said: Vec<String> = conf.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "annotation.conf: its entity types are in the label list (PER, CITY, CAPITAL, \
              REGION, ORG); its relation, event and attribute types are not used, as Wasim \
              edits entities only (an imported .ann keeps those lines)"
            ]
        );
        assert_eq!(pair.documents[0].spans[0].label, "PER");
        assert!(visual.documents.is_empty() && visual.listed_labels.is_empty());
        assert!(visual.warnings[0].to_string().contains("write it back"));
        assert!(conf.documents.is_empty() && visual.documents.is_empty());
        let kept = pair.documents[0].source.as_ref().map(|s| &s.data[CONF_KEY]);
        assert_eq!(
            kept,
            Some(&json!({"annotation.conf": CONF, "visual.conf": "[labels]\nPER | Person\n"}))
        );
        // The labels the conf lists join those the spans carry, in its order.
        let mut ws = crate::core::model::Workspace {
            labels: Vec::new(),
            ..Default::default()
        };
        let mut prepared = crate::core::formats::Prepared::of(conf.clone());
        prepared.append(crate::core::formats::Prepared::of(pair.clone()));
        let (edit, _) = crate::core::formats::import_prepared(&mut ws, prepared).expect("valid");
        edit.apply(&mut ws).expect("applies");
        let names: Vec<&str> = ws.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["PER", "CITY", "CAPITAL", "REGION", "ORG"]);
        assert_eq!(ws.documents.len(), 1);
    }

    #[test]
    fn an_annotation_conf_without_entities_is_said_not_an_error() {
        let imported = Brat
            .import(&file("ANNOTATION.CONF", "[entities]\n# none yet\n"))
            .expect("not an error");
        assert!(imported.listed_labels.is_empty());
        assert_eq!(
            imported.warnings[0].to_string(),
            "ANNOTATION.CONF declares no entity type: there was no label to add"
        );
        let other = file("settings.conf", "[entities]\nPER\n");
        assert_eq!(super::super::classify(&other), None, "not a brat file name");
    }

    #[test]
    fn conf_declares_what_kept_lines_use() {
        let mut conf = Conf::default();
        for line in [
            "T1\tPER 0 1\ta",
            "T2\tAttack 2 3\tb",
            "R1\tIn Arg1:T1 Arg2:T1",
            "E1\tAttack:T2 Target:T1 Target2:T1",
            "A1\tNeg T1",
            "M1\tConfidence E1 High\r",
        ] {
            conf.line(line);
        }
        assert_eq!(
            conf.render(),
            "# Types written by Wasim\n[entities]\nPER\n\n[relations]\nIn\tArg1:<ANY>, Arg2:<ANY>\n\n[events]\nAttack\tTarget*:<ANY>\n\n[attributes]\nNeg\tArg:<ANY>\nConfidence\tArg:<ANY>, Value:High\n"
        );
    }

    /// A workspace of brat `files` imported together, as *Open files…* does.
    fn loaded(files: Vec<InputFile>) -> crate::core::model::Workspace {
        let mut ws = crate::core::model::Workspace::default();
        for imported in super::super::import_files(files) {
            let imported = imported.expect("imports");
            let (edit, _) = crate::core::formats::import_edit(&mut ws, imported).expect("valid");
            edit.apply(&mut ws).expect("applies");
        }
        ws
    }

    /// The archive's entries of `ws` exported, by name, and the warnings.
    fn exported(ws: &crate::core::model::Workspace) -> (Vec<(String, String)>, Vec<String>) {
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
        let entries = zip::read(&exported.file.bytes).expect("zip");
        let entries = entries
            .into_iter()
            .map(|e| (e.name, String::from_utf8(e.bytes).expect("utf-8")))
            .collect();
        let warnings = exported.warnings.iter().map(ToString::to_string).collect();
        (entries, warnings)
    }

    fn entry<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
        let found = entries.iter().find(|(n, _)| n == name);
        found.map(|(_, text)| text.as_str()).expect(name)
    }

    #[test]
    fn configuration_files_loaded_with_the_pairs_are_written_back_as_they_were() {
        const VISUAL: &str = "[labels]\r\nPER | Person\r\n";
        let files = || {
            vec![
                file("annotation.conf", CONF),
                file("a.txt", "علي في بغداد"),
                file("a.ann", "T1\tPER 0 3\tعلي\n"),
                file("visual.conf", VISUAL),
            ]
        };
        let ws = loaded(files());
        let (entries, warnings) = exported(&ws);
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.txt", "a.ann", "annotation.conf", "visual.conf"]);
        assert_eq!(entry(&entries, "annotation.conf"), CONF, "byte for byte");
        assert_eq!(entry(&entries, "visual.conf"), VISUAL);
        assert!(warnings.is_empty(), "{warnings:?}");
        // A new label used by a span is declared at the end of [entities];
        // the rest of the file stays as it was.
        let mut ws = loaded(files());
        edit(&mut ws, (0, 3, "PER"), |spans, at| {
            spans[at].label = "شخص".into()
        });
        let (entries, warnings) = exported(&ws);
        let conf = entry(&entries, "annotation.conf");
        assert_eq!(
            conf,
            CONF.replacen("ORG\nPER\n\n[relations]", "ORG\nPER\nشخص\n\n[relations]", 1)
        );
        assert_eq!(
            warnings,
            ["annotation.conf now also declares شخص, which the exported .ann files use"]
        );
    }

    #[test]
    fn a_source_naming_other_files_than_brats_configuration_writes_none_of_them() {
        let mut ws = loaded(vec![
            file("annotation.conf", CONF),
            file("a.txt", "علي في بغداد"),
            file("a.ann", "T1\tPER 0 3\tعلي\n"),
        ]);
        // A hand-edited Wasim JSON can say anything in a document's source.
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        let mut source = (**doc.source.as_ref().expect("a source")).clone();
        let confs = source.data[CONF_KEY].as_object_mut().expect("confs");
        confs.insert("../../evil.conf".into(), json!("x"));
        confs.insert("/abs/evil2.conf".into(), json!("y"));
        doc.source = Some(std::sync::Arc::new(source));
        let (entries, warnings) = exported(&ws);
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.txt", "a.ann", "annotation.conf"]);
        assert_eq!(
            warnings,
            [
                "The documents' brat sources name files that are not brat configuration files; they were left out of the archive: ../../evil.conf, /abs/evil2.conf"
            ]
        );
    }

    #[test]
    fn a_kept_conf_gains_missing_sections_in_its_own_line_ends() {
        let mut used = Conf::default();
        for line in ["T1\tNEW 0 1\ta", "R1\tNear Arg1:T1 Arg2:T1"] {
            used.line(line);
        }
        let conf = "[entities]\r\nPER\r\n\r\n# relations follow\r\n";
        assert_eq!(
            declare(conf, &used.missing_from(conf)),
            "[entities]\r\nPER\r\n\r\n# relations follow\r\nNEW\r\n\r\n[relations]\r\nNear\tArg1:<ANY>, Arg2:<ANY>\r\n"
        );
        // Without a final line end, and with an abstract type declared.
        let conf = "[entities]\n!NEW\n[relations]\nNear";
        assert!(used.missing_from(conf).names().is_empty());
        let conf = "[entities]\nPER";
        assert_eq!(
            declare(conf, &used.missing_from(conf)),
            "[entities]\nPER\nNEW\n\n[relations]\nNear\tArg1:<ANY>, Arg2:<ANY>\n"
        );
    }

    #[test]
    fn documents_of_two_projects_keep_the_first_conf_and_say_so() {
        let mut ws = loaded(vec![
            file("annotation.conf", "[entities]\nPER\n"),
            file("visual.conf", "[labels]\n"),
            file("a.txt", "علي"),
            file("a.ann", "T1\tPER 0 3\tعلي\n"),
        ]);
        let other = loaded(vec![
            file("annotation.conf", "[entities]\nPER\nLOC\n"),
            file("b.txt", "بغداد"),
            file("b.ann", "T1\tLOC 0 5\tبغداد\n"),
        ]);
        for doc in other.documents.iter() {
            let mut doc = (**doc).clone();
            doc.id = crate::core::model::DocId(ws.fresh_id());
            ws.documents.push(std::sync::Arc::new(doc));
        }
        let (entries, warnings) = exported(&ws);
        assert_eq!(entry(&entries, "annotation.conf"), "[entities]\nPER\nLOC\n");
        assert_eq!(
            warnings,
            [
                "The documents came from brat projects whose annotation.conf, visual.conf differ \
                 (or only some have them); the export writes the first document's of each",
                "annotation.conf now also declares LOC, which the exported .ann files use"
            ]
        );
    }

    /// The tester's document: «محمد … علي» is one discontinuous PER entity.
    const TXT: &str = "زار محمد بن علي جامعة بغداد في العراق.";
    const T1: &str = "T1\tPER 4 8;12 15\tمحمد علي\n";
    const T2: &str = "T2\tLOC 22 27\tبغداد\n";
    const R1: &str = "R1\tLives-in Arg1:T1 Arg2:T2\n";

    /// A workspace holding the pair `TXT` + `ann`, imported as the app does.
    fn workspace(ann: &str) -> crate::core::model::Workspace {
        let imported = import_pair(&file("a.txt", TXT), &file("a.ann", ann)).expect("imports");
        let mut ws = crate::core::model::Workspace::default();
        let (edit, _) = crate::core::formats::import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        ws
    }

    /// Exports `ws`: the archive, the one `.ann` and the warnings in English.
    fn export(ws: &crate::core::model::Workspace) -> (Vec<u8>, String, Vec<String>) {
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
        let entries = zip::read(&exported.file.bytes).expect("zip");
        let ann = entries.iter().find(|e| e.name == "a.ann").expect("a.ann");
        let ann = String::from_utf8(ann.bytes.clone()).expect("utf-8");
        let warnings = exported.warnings.iter().map(ToString::to_string).collect();
        (exported.file.bytes, ann, warnings)
    }

    /// The spans of the one document, as the user sees them.
    fn shown(spans: &[crate::core::model::Span]) -> Vec<(usize, usize, String)> {
        let mut shown: Vec<_> = spans
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string()))
            .collect();
        shown.sort();
        shown
    }

    /// Applies `change` to the span `start..end` labelled `label`.
    fn edit(
        ws: &mut crate::core::model::Workspace,
        (start, end, label): (usize, usize, &str),
        change: impl FnOnce(&mut Vec<crate::core::model::Span>, usize),
    ) {
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        let at = doc
            .spans
            .iter()
            .position(|s| s.start == start && s.end == end && s.label == label)
            .expect("span");
        change(&mut doc.spans, at);
    }

    fn relabel(ws: &mut crate::core::model::Workspace, span: (usize, usize, &str), to: &str) {
        edit(ws, span, |spans, at| spans[at].label = to.into());
    }

    fn delete(ws: &mut crate::core::model::Workspace, span: (usize, usize, &str)) {
        edit(ws, span, |spans, at| {
            spans.remove(at);
        });
    }

    /// Exports `ws`, checks that reading the export back shows what `ws`
    /// shows, and returns the `.ann` and the warnings.
    fn export_and_reimport(ws: &crate::core::model::Workspace) -> (String, Vec<String>) {
        let (zip, ann, warnings) = export(ws);
        let back = Brat
            .import(&InputFile {
                name: "x.zip".into(),
                bytes: zip,
            })
            .expect("reimports");
        assert_eq!(
            shown(&ws.documents[0].spans),
            back.documents[0]
                .spans
                .iter()
                .map(|s| (s.start, s.end, s.label.clone()))
                .collect::<Vec<_>>(),
            "re-import of\n{ann}"
        );
        (ann, warnings)
    }

    #[test]
    fn ids_given_to_two_lines_are_said() {
        let ann = format!(
            "{T1}{T2}{}",
            T2.replace("22 27", "31 37").replace("بغداد", "العراق")
        );
        let imported = import_pair(&file("a.txt", TXT), &file("a.ann", &ann)).expect("imports");
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        assert!(
            warnings.iter().any(|w| w.contains("a.ann")
                && w.contains("more than one line")
                && w.contains("T2")),
            "{warnings:?}"
        );
        let fine = import_pair(
            &file("a.txt", TXT),
            &file("a.ann", &format!("{T1}{T2}{R1}")),
        )
        .expect("imports");
        assert!(
            fine.warnings
                .iter()
                .all(|w| !w.to_string().contains("more than one line"))
        );
    }

    #[test]
    fn a_text_edited_by_hand_keeps_its_ann_with_the_texts_it_has_now() {
        // A Wasim JSON file whose text was edited by hand (محمد → أحمد)
        // keeps the .ann it was read with: its T line said «محمد علي», so
        // the whole .ann was dropped, relation and all.
        let mut ws = workspace(&format!("{T1}{T2}{R1}"));
        let edited = TXT.replace("محمد", "أحمد");
        std::sync::Arc::make_mut(&mut ws.documents[0]).text = crate::core::text::Text::new(&edited);
        let (ann, warnings) = export_and_reimport(&ws);
        assert_eq!(ann, format!("{}{T2}{R1}", T1.replace("محمد", "أحمد")));
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("a.ann: the text is not the one")),
            "{warnings:?}"
        );
    }

    #[test]
    fn an_unchanged_discontinuous_entity_is_written_byte_for_byte() {
        for ann in [
            format!("{T1}{T2}{R1}"),
            format!("{T1}{T2}"),
            format!("{R1}{T2}{T1}").replace('\n', "\r\n"),
            format!("{T2}{T1}").trim_end().to_owned(),
        ] {
            let ws = workspace(&ann);
            let (written, warnings) = export_and_reimport(&ws);
            assert_eq!(written, ann);
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn relabelling_one_fragment_splits_the_entity_keeping_its_id() {
        for relation in ["", R1] {
            let mut ws = workspace(&format!("{T1}{T2}{relation}"));
            relabel(&mut ws, (12, 15, "PER"), "ORG");
            let (ann, warnings) = export_and_reimport(&ws);
            assert_eq!(
                ann,
                format!("T1\tPER 4 8\tمحمد\n{T2}{relation}T3\tORG 12 15\tعلي\n")
            );
            assert_eq!(
                warnings,
                [
                    "a.ann: 1 discontinuous entity was split, as its fragments now carry \
                  different labels: the fragments that kept its type (or else its first \
                  remaining fragment's label) keep its ID, which relations and notes point \
                  at; the others get new IDs (T1 → T3)"
                ]
            );
        }
    }

    #[test]
    fn relabelling_the_first_fragment_leaves_the_id_with_the_type() {
        let mut ws = workspace(&format!("{T1}{T2}{R1}"));
        relabel(&mut ws, (4, 8, "PER"), "ORG");
        let (ann, warnings) = export_and_reimport(&ws);
        assert_eq!(
            ann,
            format!("T1\tPER 12 15\tعلي\n{T2}{R1}T3\tORG 4 8\tمحمد\n")
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].ends_with("(T1 → T3)"), "{warnings:?}");
    }

    #[test]
    fn relabelling_every_fragment_alike_relabels_the_entity() {
        let mut ws = workspace(&format!("{T1}{T2}{R1}"));
        relabel(&mut ws, (4, 8, "PER"), "ORG");
        relabel(&mut ws, (12, 15, "PER"), "ORG");
        let (ann, warnings) = export_and_reimport(&ws);
        assert_eq!(ann, format!("T1\tORG 4 8;12 15\tمحمد علي\n{T2}{R1}"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn relabelling_to_several_labels_keeps_the_id_with_the_first() {
        let txt_ann = "T1\tPER 4 8;12 15;22 27\tمحمد علي بغداد\n#1\tAnnotatorNotes T1\tالوزير\n";
        let mut ws = workspace(txt_ann);
        relabel(&mut ws, (4, 8, "PER"), "ORG");
        relabel(&mut ws, (12, 15, "PER"), "LOC");
        relabel(&mut ws, (22, 27, "PER"), "ORG");
        let (ann, warnings) = export_and_reimport(&ws);
        assert_eq!(
            ann,
            "T1\tORG 4 8;22 27\tمحمد بغداد\n#1\tAnnotatorNotes T1\tالوزير\n\
             T2\tLOC 12 15\tعلي\n#2\tAnnotatorNotes T2\tالوزير\n"
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].ends_with("(T1 → T2)"), "{warnings:?}");
    }

    #[test]
    fn deleting_one_fragment_keeps_the_id_with_the_rest() {
        for relation in ["", R1] {
            let mut ws = workspace(&format!("{T1}{T2}{relation}"));
            delete(&mut ws, (12, 15, "PER"));
            let (ann, warnings) = export_and_reimport(&ws);
            assert_eq!(ann, format!("T1\tPER 4 8\tمحمد\n{T2}{relation}"));
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn deleting_one_fragment_and_relabelling_the_other_keeps_the_id() {
        let mut ws = workspace(&format!("{T1}{T2}{R1}"));
        delete(&mut ws, (4, 8, "PER"));
        relabel(&mut ws, (12, 15, "PER"), "ORG");
        let (ann, warnings) = export_and_reimport(&ws);
        assert_eq!(ann, format!("T1\tORG 12 15\tعلي\n{T2}{R1}"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn deleting_every_fragment_drops_the_entity_unless_something_points_at_it() {
        let mut ws = workspace(&format!("{T1}{T2}"));
        delete(&mut ws, (4, 8, "PER"));
        delete(&mut ws, (12, 15, "PER"));
        let (ann, warnings) = export_and_reimport(&ws);
        assert_eq!(ann, T2);
        assert!(warnings.is_empty(), "{warnings:?}");

        let mut ws = workspace(&format!("{T1}{T2}{R1}"));
        delete(&mut ws, (4, 8, "PER"));
        delete(&mut ws, (12, 15, "PER"));
        let (_, ann, warnings) = export(&ws);
        assert_eq!(ann, format!("{T1}{T2}{R1}"));
        assert_eq!(
            warnings,
            [
                "a.ann: 1 deleted span kept as an entity because relations, events, \
              attributes, normalizations or equivalences point at it (T1)"
            ]
        );
    }

    /// A second label added on an entity's text (Shift+key), then the
    /// entity's label renamed: the entity keeps its ID, its note and its
    /// relation; the added span gets a new ID (it took them all).
    #[test]
    fn a_renamed_entity_keeps_its_id_beside_a_span_added_on_its_text() {
        let ann = "T1\tPER 0 5\tAhmed\nT2\tLOC 14 19\tAmman\nR1\tvisits Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T2\tcapital\n";
        let mut ws = loaded(vec![
            file("b.txt", "Ahmed visited Amman."),
            file("b.ann", ann),
        ]);
        let added = ws.new_span(14, 19, "ORG");
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        doc.spans.push(added);
        relabel(&mut ws, (14, 19, "LOC"), "PLACE");
        // In text order, ORG before PLACE (as the document keeps them).
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        crate::core::sort::sort_by_key(&mut doc.spans, |s| (s.start, s.end, s.label.to_string()));
        let (entries, _) = exported(&ws);
        assert_eq!(
            entry(&entries, "b.ann"),
            "T1\tPER 0 5\tAhmed\nT2\tPLACE 14 19\tAmman\nR1\tvisits Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T2\tcapital\nT3\tORG 14 19\tAmman\n"
        );
    }

    #[test]
    fn a_file_without_a_final_line_break_ends_without_one_after_its_last_line_goes() {
        let mut ws = workspace(format!("{T2}{T1}").replace('\n', "\r\n").trim_end());
        delete(&mut ws, (4, 8, "PER"));
        delete(&mut ws, (12, 15, "PER"));
        assert_eq!(export_and_reimport(&ws).0, T2.trim_end());
        relabel(&mut ws, (22, 27, "LOC"), "GPE");
        let mut span = ws.new_span(4, 8, "PER");
        span.note = Some("الوزير".into());
        std::sync::Arc::make_mut(&mut ws.documents[0])
            .spans
            .insert(0, span);
        assert_eq!(
            export_and_reimport(&ws).0,
            "T2\tGPE 22 27\tبغداد\r\nT1\tPER 4 8\tمحمد\r\n#1\tAnnotatorNotes T1\tالوزير\r\n",
            "a span of T1's fragment back with T1's type is T1 again"
        );
    }
}
