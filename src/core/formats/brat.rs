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
//! - A discontinuous `T2<TAB>LOC 0 5;9 14<TAB>…` is kept as one span per
//!   fragment; the fragments share the note `brat T2: one discontinuous
//!   entity in 2 fragments` (after any annotator note), and a warning says
//!   how many there were.
//! - `#1<TAB>AnnotatorNotes T1<TAB>note` becomes the span's note.
//! - Other lines (relations `R`, events `E`, attributes `A`/`M`,
//!   normalizations `N`, equivalences `*`) are skipped, with a warning that
//!   counts them.
//!
//! [`import_pair`] reads a `.txt` and its `.ann`; [`super::import_files`]
//! pairs them by stem. A lone `.ann` is an error naming the missing `.txt`.
//! A `.zip` as written by the export (pairs plus `annotation.conf`) imports
//! too.
//!
//! Export is one `.zip`: `<name>.txt` and `<name>.ann` per document and an
//! `annotation.conf` listing the labels as entity types.

use std::collections::{BTreeMap, BTreeSet};

use super::common::{
    added_documents, base_name, decode, dedupe_spans, dropped_extras, span_text, split_extension,
};
use super::zip::{self, Entry};
use super::{
    ExportOptions, Exported, Format, ImportError, Imported, ImportedDocument, ImportedSpan,
    InputFile, OutputFile,
};
use crate::core::model::{Document, Label};
use crate::core::text::{Text, decode_utf8};

/// This format's id.
pub const ID: &str = "brat";

/// brat standoff.
pub struct Brat;

/// What reading `.ann` files skipped or repaired.
#[derive(Default)]
struct Tally {
    skipped: BTreeMap<char, usize>,
    discontinuous: usize,
}

impl Tally {
    fn warnings(&self, file: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        if !self.skipped.is_empty() {
            let kinds: Vec<String> = self
                .skipped
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            warnings.push(format!(
                "{file}: lines other than entities and notes were skipped ({}); Wasim keeps spans only",
                kinds.join(", ")
            ));
        }
        if self.discontinuous > 0 {
            warnings.push(format!(
                "{file}: {} discontinuous entit(ies) were split into one span per fragment, sharing a note",
                self.discontinuous
            ));
        }
        warnings
    }
}

impl Format for Brat {
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
            return Err(ImportError::new(
                &file.name,
                None,
                format!("brat annotations need their text: add {stem}.txt to the same import"),
            ));
        }
        Err(ImportError::new(
            &file.name,
            None,
            "expected a brat .ann file (with its .txt) or a .zip of them",
        ))
    }

    fn export(
        &self,
        labels: &[Label],
        documents: &[&Document],
        _options: ExportOptions,
    ) -> Exported {
        let mut warnings: Vec<String> = dropped_extras("brat", documents, true, false)
            .into_iter()
            .collect();
        let mut entries = Vec::with_capacity(documents.len() * 2 + 1);
        let mut used = BTreeSet::new();
        let mut types: Vec<String> = Vec::new();
        let mut add_type = |name: &str| {
            if !types.iter().any(|t| t == name) {
                types.push(name.to_owned());
            }
        };
        for label in labels {
            add_type(&type_name(&label.name));
        }
        let mut renamed = BTreeSet::new();
        let mut flattened_notes = 0;
        for doc in documents {
            let base = base_name(&doc.name);
            let mut stem = base.clone();
            let mut n = 1;
            while !used.insert(stem.clone()) {
                n += 1;
                stem = format!("{base}-{n}");
            }
            let mut ann = String::new();
            let mut note_number = 0;
            for (i, span) in doc.spans.iter().enumerate() {
                let kind = type_name(&span.label);
                if kind != span.label {
                    renamed.insert((span.label.clone(), kind.clone()));
                }
                add_type(&kind);
                let surface = one_line(span_text(doc, span));
                ann.push_str(&format!(
                    "T{}\t{kind} {} {}\t{surface}\n",
                    i + 1,
                    span.start,
                    span.end
                ));
                if let Some(note) = &span.note {
                    note_number += 1;
                    if note.contains(['\n', '\r', '\t']) {
                        flattened_notes += 1;
                    }
                    let flat = one_line(note);
                    ann.push_str(&format!(
                        "#{note_number}\tAnnotatorNotes T{}\t{flat}\n",
                        i + 1
                    ));
                }
            }
            entries.push(Entry {
                name: format!("{stem}.txt"),
                bytes: doc.text.as_str().as_bytes().to_vec(),
            });
            entries.push(Entry {
                name: format!("{stem}.ann"),
                bytes: ann.into_bytes(),
            });
        }
        for (from, to) in renamed {
            warnings.push(format!(
                "label {from:?} was written as the brat type {to:?} (types cannot hold spaces)"
            ));
        }
        if flattened_notes > 0 {
            warnings.push(format!(
                "{flattened_notes} note(s) had line breaks or tabs, written as spaces"
            ));
        }
        let mut conf = String::from("# Entity types written by Wasim\n[entities]\n");
        for kind in &types {
            conf.push_str(kind);
            conf.push('\n');
        }
        conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
        entries.push(Entry {
            name: "annotation.conf".to_owned(),
            bytes: conf.into_bytes(),
        });
        Exported {
            file: OutputFile {
                name: "wasim-brat.zip".to_owned(),
                mime: "application/zip",
                bytes: zip::write(&entries),
            },
            warnings,
        }
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
    let document = read_pair(&txt.name, text, &ann.name, &annotations, &mut tally)?;
    Ok(added_documents(vec![document], tally.warnings(&ann.name)))
}

fn import_zip(file: &InputFile) -> Result<Imported, ImportError> {
    let entries = zip::read(&file.bytes).map_err(|why| ImportError::new(&file.name, None, why))?;
    let mut by_stem: BTreeMap<String, (Option<&Entry>, Option<&Entry>)> = BTreeMap::new();
    let mut order = Vec::new();
    for entry in &entries {
        let (stem, ext) = split_extension(&entry.name);
        let slot = by_stem.entry(stem.to_owned()).or_insert_with(|| {
            order.push(stem.to_owned());
            (None, None)
        });
        if ext.eq_ignore_ascii_case("txt") {
            slot.0 = Some(entry);
        } else if ext.eq_ignore_ascii_case("ann") {
            slot.1 = Some(entry);
        }
    }
    let mut documents = Vec::new();
    let mut tally = Tally::default();
    let read = |entry: &Entry| {
        decode_utf8(&entry.bytes).map_err(|why| {
            ImportError::new(
                &file.name,
                None,
                format!("{}: cannot load this file: {why}", entry.name),
            )
        })
    };
    for stem in order {
        match by_stem.get(&stem) {
            Some((Some(txt), ann)) => {
                let annotations = match ann {
                    Some(ann) => read(ann)?,
                    None => String::new(),
                };
                let ann_name = format!("{}: {stem}.ann", file.name);
                documents.push(read_pair(
                    &txt.name,
                    read(txt)?,
                    &ann_name,
                    &annotations,
                    &mut tally,
                )?);
            }
            Some((None, Some(ann))) => {
                return Err(ImportError::new(
                    &file.name,
                    None,
                    format!(
                        "{} has no text: the archive needs {stem}.txt next to it",
                        ann.name
                    ),
                ));
            }
            _ => {}
        }
    }
    if documents.is_empty() {
        return Err(ImportError::new(
            &file.name,
            None,
            "the archive holds no .txt documents",
        ));
    }
    Ok(added_documents(documents, tally.warnings(&file.name)))
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

fn read_pair(
    name: &str,
    text: String,
    ann_name: &str,
    annotations: &str,
    tally: &mut Tally,
) -> Result<ImportedDocument, ImportError> {
    let indexed = Text::new(&text);
    let mut entities: Vec<(String, Vec<ImportedSpan>)> = Vec::new();
    let mut notes: BTreeMap<String, String> = BTreeMap::new();
    for (i, raw_line) in annotations.split('\n').enumerate() {
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        let error = |message: String| ImportError::new(ann_name, Some(i + 1), message);
        let Some(first) = line.chars().next() else {
            continue;
        };
        let columns: Vec<&str> = line.splitn(3, '\t').collect();
        match first {
            'T' => {
                let expected = "expected `T1<TAB>TYPE start end<TAB>text`";
                let (Some(id), Some(middle)) = (columns.first(), columns.get(1)) else {
                    return Err(error(expected.to_owned()));
                };
                let (kind, offsets) = middle
                    .split_once(' ')
                    .ok_or_else(|| error(expected.to_owned()))?;
                if kind.trim().is_empty() {
                    return Err(error(format!("{id} has an empty type; {expected}")));
                }
                let parts = fragments(offsets)
                    .ok_or_else(|| error(format!("{offsets:?} are not offsets; {expected}")))?;
                let mut surface = Vec::with_capacity(parts.len());
                for &(start, end) in &parts {
                    if start >= end || end > indexed.char_len() {
                        return Err(error(format!(
                            "{id}: [{start}, {end}) is {} (the text has {} characters)",
                            if start >= end {
                                "empty or reversed"
                            } else {
                                "past the end of the text"
                            },
                            indexed.char_len()
                        )));
                    }
                    surface.push(indexed.slice(start, end).unwrap_or_default());
                }
                let actual = surface.join(" ");
                if let Some(stated) = columns.get(2)
                    && flat(stated) != flat(&actual)
                {
                    return Err(error(format!(
                        "{id} says its text is {stated:?}, but {name} has {actual:?} there"
                    )));
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
                        note: None,
                        entity_id: None,
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
                    None => *tally.skipped.entry('#').or_default() += 1,
                }
            }
            other => *tally.skipped.entry(other).or_default() += 1,
        }
    }
    let mut spans = Vec::new();
    for (id, fragments) in entities {
        let count = fragments.len();
        let note = notes.get(&id).cloned().filter(|n| !n.is_empty());
        let note = if count > 1 {
            let split = format!("brat {id}: one discontinuous entity in {count} fragments");
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
        source: None,
    })
}

/// `text` with line breaks and tabs turned into spaces, so it fits one field
/// of an `.ann` line.
fn one_line(text: &str) -> String {
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
        let warnings = imported.warnings.join("\n");
        assert!(warnings.contains("1 A, 1 R"), "{warnings}");
        assert!(warnings.contains("1 discontinuous"), "{warnings}");
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
        ws.documents.push(doc);
        let docs: Vec<&Document> = ws.documents.iter().collect();
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
}
