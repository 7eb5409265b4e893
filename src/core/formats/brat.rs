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
//! - a `T` line whose spans are all still there is written as it was (a
//!   discontinuous one too, while every fragment remains with its type);
//! - a relabelled span rewrites its `T` line in place, keeping the ID;
//! - a changed note rewrites the `AnnotatorNotes` line in place (a removed
//!   note drops it, a new note on an old span is appended with a fresh ID);
//! - a deleted span drops its `T` line and its notes, unless a relation,
//!   event, attribute, normalization or equivalence points at it: then the
//!   line stays (brat would refuse the dangling reference) and the export
//!   warns which IDs were kept;
//! - new spans, and the fragments of a discontinuous entity that lost one,
//!   are appended with fresh `T` IDs (notes right after, as `#` lines).
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

use std::collections::{HashMap, HashSet};

use serde_json::json;

use super::common::{
    added_documents, base_name, decode, dedupe_spans, dropped_extras, range, span_text,
    split_extension,
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
        warnings
    }
}

impl Format for Brat {
    fn team_data(&self) -> TeamData {
        TeamData::InNotes
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
        let mut conf = Conf::default();
        for label in labels {
            conf.entity(&type_name(&label.name));
        }
        let mut renamed = SortedSet::new();
        let mut flattened_notes = 0;
        for doc in documents {
            let base = base_name(&doc.name);
            let mut stem = base.clone();
            let mut n = 1;
            while !used.insert(stem.clone()) {
                n += 1;
                stem = format!("{base}-{n}");
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
                        .with("ids", super::common::some_of(&written.kept_deleted)),
                );
            }
            entries.push(Entry {
                name: format!("{stem}.txt"),
                bytes: doc.text.as_str().as_bytes().to_vec(),
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
        if flattened_notes > 0 {
            warnings.push(Msg::counted(Counted::FlattenedNotes, flattened_notes));
        }
        entries.push(Entry {
            name: "annotation.conf".to_owned(),
            bytes: conf.render().into_bytes(),
        });
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

    fn render(&self) -> String {
        let triggers: SortedSet<&str> = self.events.iter().map(|(e, _)| e.as_str()).collect();
        let mut conf = String::from("# Types written by Wasim\n[entities]\n");
        for kind in &self.entities {
            if !triggers.contains(&kind.as_str()) {
                conf.push_str(kind);
                conf.push('\n');
            }
        }
        conf.push_str("\n[relations]\n");
        for kind in &self.relations {
            conf.push_str(&format!("{kind}\tArg1:<ANY>, Arg2:<ANY>\n"));
        }
        conf.push_str("\n[events]\n");
        for (kind, roles) in &self.events {
            let roles: Vec<String> = roles.iter().map(|r| format!("{r}*:<ANY>")).collect();
            conf.push_str(&format!("{kind}\t{}\n", roles.join(", ")));
        }
        conf.push_str("\n[attributes]\n");
        for (name, values) in &self.attributes {
            if values.is_empty() {
                conf.push_str(&format!("{name}\tArg:<ANY>\n"));
            } else {
                conf.push_str(&format!("{name}\tArg:<ANY>, Value:{}\n", values.join("|")));
            }
        }
        conf
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
/// # Errors
/// When either file is not UTF-8 text, or a `T` line is malformed, out of
/// range, or states a text that differs from the `.txt`.
pub fn import_pair(txt: &InputFile, ann: &InputFile) -> Result<Imported, ImportError> {
    let text = decode(txt)?;
    let annotations = decode(ann)?;
    let mut tally = Tally::default();
    let mut document = read_pair(&txt.name, text, &ann.name, &annotations, &mut tally)?;
    if ann.bytes.starts_with(b"\xEF\xBB\xBF")
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
        message = message.with("types", super::common::some_of(&types));
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
    for line in conf.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_lowercase();
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
    /// Its spans are all there: written as it was.
    Kept,
    /// Same ranges, another label: the type is rewritten.
    Relabelled(String),
    /// Its spans are gone: dropped, with its notes.
    Deleted,
    /// Its spans are gone but other lines point at it: written as it was.
    Pinned,
}

/// One document's `.ann`, and what writing it changed.
struct WrittenAnn {
    ann: String,
    /// The lines written, for `annotation.conf`.
    lines_for_conf: Vec<String>,
    /// `T` IDs kept although their spans were deleted.
    kept_deleted: Vec<String>,
    /// `(label, type)` pairs written under another name.
    renamed: SortedSet<(String, String)>,
    /// Notes whose line breaks or tabs became spaces.
    flattened_notes: usize,
}

/// The number after the one-character prefix of an ID (`T12` → 12).
fn id_number(id: &str) -> Option<u64> {
    id.get(1..).and_then(|n| n.parse().ok())
}

/// Writes `doc`'s `.ann`: its kept `.ann` walked line by line (see the module
/// documentation), or fresh `T` lines when it has none.
fn write_ann(doc: &Document) -> WrittenAnn {
    let data = doc.source_data(ID);
    let source = data.and_then(|d| d.get("ann")).and_then(|a| a.as_str());
    let bom = data
        .and_then(|d| d.get("bom"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false);
    // The spans and notes as the import gave them, to tell edits apart. A
    // kept `.ann` that no longer reads against the text is not walked.
    let read = source.and_then(|ann| {
        read_pair(
            &doc.name,
            doc.text.as_str().to_owned(),
            "",
            ann,
            &mut Tally::default(),
        )
        .ok()
        .map(|imported| (ann, imported))
    });
    let source = read.as_ref().map(|(ann, _)| *ann);
    let imported: SortedMap<(usize, usize, String), Option<String>> = read
        .map(|(_, imported)| {
            imported
                .spans
                .into_iter()
                .map(|s| ((s.start, s.end, s.label), s.note))
                .collect()
        })
        .unwrap_or_default();
    let ann = source.unwrap_or("");
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

    let mut by_key: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for (i, span) in doc.spans.iter().enumerate() {
        by_key
            .entry((span.start, span.end, &span.label))
            .or_insert(i);
    }
    let mut claimed = vec![false; doc.spans.len()];
    let mut fates: Vec<Option<Fate>> = vec![None; lines.len()];
    // Exact matches first, so a relabel never takes a span a kept line has.
    for (i, line) in lines.iter().enumerate() {
        if let Line::Entity { kind, parts, .. } = line {
            let found: Option<Vec<usize>> = parts
                .iter()
                .map(|&(s, e)| by_key.get(&(s, e, *kind)).copied())
                .collect();
            if let Some(found) = found {
                for at in found {
                    claimed[at] = true;
                }
                fates[i] = Some(Fate::Kept);
            }
        }
    }
    let mut references: Vec<&str> = Vec::new();
    for (raw_line, line) in raw.iter().zip(&lines) {
        if let Line::Other = line {
            let middle = raw_line.split('\t').nth(1).unwrap_or_default();
            for word in middle.split_whitespace() {
                references.push(word.rsplit(':').next().unwrap_or(word));
            }
        }
    }
    let references = SortedSet::from_items(references);
    for (i, line) in lines.iter().enumerate() {
        let Line::Entity {
            id, kind, parts, ..
        } = line
        else {
            continue;
        };
        if fates[i].is_some() {
            continue;
        }
        let unclaimed = |s: usize, e: usize, label: &str, claimed: &[bool]| {
            doc.spans
                .iter()
                .enumerate()
                .find(|(at, span)| {
                    !claimed[*at] && span.start == s && span.end == e && span.label == label
                })
                .map(|(at, _)| at)
        };
        let Some(&(s0, e0)) = parts.first() else {
            continue;
        };
        let candidates: Vec<&str> = doc
            .spans
            .iter()
            .enumerate()
            .filter(|(at, span)| {
                !claimed[*at] && span.start == s0 && span.end == e0 && span.label != *kind
            })
            .map(|(_, span)| span.label.as_str())
            .collect();
        let relabel = candidates.into_iter().find_map(|label| {
            parts
                .iter()
                .map(|&(s, e)| unclaimed(s, e, label, &claimed))
                .collect::<Option<Vec<usize>>>()
                .map(|found| (label, found))
        });
        fates[i] = Some(match relabel {
            Some((label, found)) => {
                for at in found {
                    claimed[at] = true;
                }
                Fate::Relabelled(label.to_owned())
            }
            None if references.contains(id) => Fate::Pinned,
            None => Fate::Deleted,
        });
    }

    let mut out = WrittenAnn {
        ann: String::new(),
        lines_for_conf: Vec::new(),
        kept_deleted: Vec::new(),
        renamed: SortedSet::new(),
        flattened_notes: 0,
    };
    let mut fate_of: Vec<(&str, &Fate)> = Vec::new();
    // Notes that changed, by entity ID: the new text (`None`: removed).
    let mut new_notes: Vec<(&str, Option<String>)> = Vec::new();
    for (line, fate) in lines.iter().zip(&fates) {
        let (
            Line::Entity {
                id, kind, parts, ..
            },
            Some(fate),
        ) = (line, fate)
        else {
            continue;
        };
        fate_of.push((id, fate));
        let label = match fate {
            Fate::Kept => *kind,
            Fate::Relabelled(label) => label.as_str(),
            Fate::Deleted => continue,
            Fate::Pinned => {
                out.kept_deleted.push((*id).to_owned());
                continue;
            }
        };
        let Some(&(s, e)) = parts.first() else {
            continue;
        };
        let now = by_key
            .get(&(s, e, label))
            .and_then(|&at| doc.spans[at].note.as_deref());
        let then = imported
            .get(&(s, e, (*kind).to_owned()))
            .and_then(Option::as_deref);
        if now != then {
            new_notes.push((id, user_note(now)));
        }
    }
    let fate_of = SortedMap::from_pairs(fate_of);
    let new_notes = SortedMap::from_pairs(new_notes);
    let mut last_note: Vec<(&str, usize)> = Vec::new();
    let mut next_note = 1;
    let mut next_t = 1;
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Note { id, target } => {
                last_note.push((target, i));
                next_note = next_note.max(id_number(id).map_or(0, |n| n + 1));
            }
            Line::Entity { id, .. } => {
                next_t = next_t.max(id_number(id).map_or(0, |n| n + 1));
            }
            Line::Other => {}
        }
    }
    let last_note = SortedMap::from_pairs(last_note);
    let mut written: Vec<String> = Vec::with_capacity(raw.len() + doc.spans.len());
    let flatten = |note: &str, out: &mut WrittenAnn| {
        if note.contains(['\n', '\r', '\t']) {
            out.flattened_notes += 1;
        }
        one_line(note)
    };
    for (i, (raw_line, line)) in raw.iter().zip(&lines).enumerate() {
        let cr = if raw_line.ends_with('\r') { "\r" } else { "" };
        match line {
            Line::Entity {
                id,
                offsets,
                surface,
                ..
            } => match &fates[i] {
                Some(Fate::Deleted) => {}
                Some(Fate::Relabelled(label)) => {
                    let kind = type_name(label);
                    if kind != *label {
                        out.renamed.insert((label.clone(), kind.clone()));
                    }
                    let surface = surface.map(|s| format!("\t{s}")).unwrap_or_default();
                    written.push(format!("{id}\t{kind} {offsets}{surface}{cr}"));
                }
                _ => written.push((*raw_line).to_owned()),
            },
            Line::Note { id, target } => match (fate_of.get(target), new_notes.get(target)) {
                (Some(Fate::Deleted), _) => {}
                (_, Some(new)) if last_note.get(target) == Some(&i) => {
                    if let Some(note) = new {
                        let note = flatten(note, &mut out);
                        written.push(format!("{id}\tAnnotatorNotes {target}\t{note}{cr}"));
                    }
                }
                _ => written.push((*raw_line).to_owned()),
            },
            Line::Other => written.push((*raw_line).to_owned()),
        }
    }
    let mut appended: Vec<String> = Vec::new();
    for (id, note) in new_notes.iter() {
        if let (Some(note), false) = (note, last_note.contains_key(id)) {
            let note = flatten(note, &mut out);
            appended.push(format!("#{next_note}\tAnnotatorNotes {id}\t{note}"));
            next_note += 1;
        }
    }
    for (at, span) in doc.spans.iter().enumerate() {
        if claimed[at] {
            continue;
        }
        let kind = type_name(&span.label);
        if kind != span.label {
            out.renamed.insert((span.label.to_string(), kind.clone()));
        }
        let surface = one_line(span_text(doc, span));
        let id = format!("T{next_t}");
        next_t += 1;
        appended.push(format!(
            "{id}\t{kind} {} {}\t{surface}",
            span.start, span.end
        ));
        if let Some(note) = user_note(span.note.as_deref()) {
            let note = flatten(&note, &mut out);
            appended.push(format!("#{next_note}\tAnnotatorNotes {id}\t{note}"));
            next_note += 1;
        }
    }
    let mut ann = String::with_capacity(ann.len() + appended.len() * 32);
    if bom {
        ann.push('\u{feff}');
    }
    ann.push_str(&written.join("\n"));
    if trailing {
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
        assert!(visual.warnings[0].to_string().contains("passed over"));
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
}
