//! Which format reads a file: the one place that knows every format.
//!
//! [`all`] lists the formats in menu order, [`classify`] and [`detect`]
//! decide a file's format from its name and content, and [`import_files`]
//! routes a batch of files (brat pairs, archives, plain texts) to them.
//! Formats never look at one another; shared pieces live in
//! `common`, [`super::iob`] and [`super::tokenize`].

use serde_json::Value;

use super::common;
use super::types::{Format, ImportError, Imported, ImportedDocument, InputFile};
use super::{brat, conll, doccano, label_studio, spacy, wasim, web_annotation, zip};
use crate::core::i18n::{Key, Msg};
use crate::core::json;
use crate::core::text::decode_utf16;

/// Every format Wasim speaks, in menu order.
pub fn all() -> &'static [&'static dyn Format] {
    &[
        &wasim::WasimJson,
        &doccano::Doccano,
        &spacy::Spacy,
        &label_studio::LabelStudio,
        &brat::Brat,
        &conll::Conll,
        &web_annotation::WebAnnotation,
    ]
}

/// The format with this [`Format::id`].
pub fn by_id(id: &str) -> Option<&'static dyn Format> {
    all().iter().copied().find(|format| format.id() == id)
}

/// Reads every file the user dropped or picked.
///
/// - A `.txt` file with a same-stem `.ann` file in the same batch is one brat
///   document (`a.txt` + `a.ann`); a `.ann` without its `.txt` is an error
///   naming the missing file.
/// - Other `.txt` files become one plain document each, named after the file,
///   unless every line is a `token … tag` CoNLL line (ANERcorp and AQMAR ship
///   as `.txt`), in which case they are read as CoNLL.
/// - A `.zip` archive is opened and its files are read as if they had been
///   given loose ([`import_archive`]).
/// - Other files go to the format that claims them ([`detect`]).
///
/// Results follow the order of `files` (a brat pair takes the place of its
/// `.txt`, an archive's results take its place). Each result stands alone,
/// so one bad file never stops the others.
pub fn import_files(files: Vec<InputFile>) -> Vec<Result<Imported, ImportError>> {
    import_files_under(files, &[])
}

/// [`import_files`] for the files of a folder whose brat pairs also keep
/// `inherited`, the configuration files of a folder above it (brat looks
/// for them up the folders) when it has none of its own.
fn import_files_under(
    files: Vec<InputFile>,
    inherited: &[InputFile],
) -> Vec<Result<Imported, ImportError>> {
    let mut results = Vec::with_capacity(files.len());
    let mut confs = brat_confs(&files);
    if confs.is_empty() {
        confs = inherited.iter().collect();
    }
    for unit in import_units(&files) {
        let unit: Vec<&InputFile> = unit.iter().filter_map(|&i| files.get(i)).collect();
        results.extend(import_unit(&unit, &confs));
    }
    results
}

/// brat's configuration files among `files` (`annotation.conf`,
/// `visual.conf`…): the batch's brat documents keep them
/// ([`brat::keep_conf`]), besides their own reading.
pub fn brat_confs(files: &[InputFile]) -> Vec<&InputFile> {
    files.iter().filter(|f| brat::is_conf(&f.name)).collect()
}

/// How [`import_files`] splits a batch of files into parts read on their
/// own, in the order of their results: a brat pair (`.txt` then `.ann`)
/// together, every other file alone; an `.ann` whose `.txt` is in the batch
/// is part of its pair. Indices into `files`.
///
/// A long import reads one part at a time ([`crate::core::import_job`]).
pub fn import_units(files: &[InputFile]) -> Vec<Vec<usize>> {
    let keys: Vec<(&str, String)> = files
        .iter()
        .map(|file| {
            let (stem, ext) = common::split_extension(&file.name);
            (stem, ext.to_lowercase())
        })
        .collect();
    // Files by stem and extension, so that finding a partner never walks
    // the batch (ten thousand files would take a hundred million steps).
    let mut by_key: std::collections::HashMap<(&str, &str), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, (stem, ext)) in keys.iter().enumerate() {
        by_key.entry((stem, ext.as_str())).or_default().push(i);
    }
    let partner = |index: usize, ext: &str| {
        by_key
            .get(&(keys[index].0, ext))
            .and_then(|list| list.iter().copied().find(|&other| other != index))
    };
    let mut units = Vec::with_capacity(files.len());
    for (index, (_, ext)) in keys.iter().enumerate() {
        match ext.as_str() {
            "ann" if partner(index, "txt").is_some() => {}
            "txt" => match partner(index, "ann") {
                Some(ann) => units.push(vec![index, ann]),
                None => units.push(vec![index]),
            },
            _ => units.push(vec![index]),
        }
    }
    units
}

/// The extension of a file name, lower-cased (`"json"` for `a.JSON`).
pub fn extension(name: &str) -> String {
    common::split_extension(name).1.to_lowercase()
}

/// A file name without its extension (`"a.b"` for `a.b.json`).
pub fn stem(name: &str) -> &str {
    common::split_extension(name).0
}

/// Reads one part of a batch (see [`import_units`]): a brat pair, an
/// archive, a text, or a file of another format. A file in UTF-16 (as
/// Windows' Notepad saves "Unicode") is read as the text it holds, and the
/// import says so: what Wasim writes is UTF-8. A brat pair keeps `confs`,
/// the batch's brat configuration files ([`brat_confs`]).
pub fn import_unit(
    unit: &[&InputFile],
    confs: &[&InputFile],
) -> Vec<Result<Imported, ImportError>> {
    let utf8: Vec<std::borrow::Cow<'_, InputFile>> = unit.iter().map(|f| as_utf8(f)).collect();
    let files: Vec<&InputFile> = utf8.iter().map(AsRef::as_ref).collect();
    let mut results = import_utf8_unit(&files, confs);
    let converted = utf8
        .iter()
        .filter(|f| matches!(f, std::borrow::Cow::Owned(_)));
    for file in converted {
        let note = Msg::new(Key::ReadAsUtf16).arg("name", file.name.as_str());
        for imported in results.iter_mut().flatten() {
            imported.warnings.insert(0, note.clone());
        }
    }
    results
}

/// `file` with its UTF-16 text as UTF-8 bytes, when it is UTF-16 (see
/// [`decode_utf16`]); otherwise `file` itself.
fn as_utf8(file: &InputFile) -> std::borrow::Cow<'_, InputFile> {
    match decode_utf16(&file.bytes) {
        Some(text) => std::borrow::Cow::Owned(InputFile {
            name: file.name.clone(),
            bytes: text.into_bytes(),
        }),
        None => std::borrow::Cow::Borrowed(file),
    }
}

/// [`import_unit`] once every file is UTF-8 or not text at all.
fn import_utf8_unit(
    unit: &[&InputFile],
    confs: &[&InputFile],
) -> Vec<Result<Imported, ImportError>> {
    let (file, ann) = match unit {
        [file] => (*file, None),
        [file, ann] => (*file, Some(*ann)),
        _ => return Vec::new(),
    };
    let (_, ext) = common::split_extension(&file.name);
    let ext = ext.to_lowercase();
    if ext == "zip" {
        return import_archive(file);
    }
    let result = if ext == "txt" {
        match ann {
            Some(ann) => brat::import_pair(file, ann).map(|mut imported| {
                brat::keep_conf(&mut imported, confs);
                imported
            }),
            None => match classify(file).and_then(by_id) {
                Some(format) if format.id() == conll::ID => format.import(file),
                // JSON of a format, saved as .txt: read as what it holds, and said.
                Some(format) => format.import(file).map(|mut imported| {
                    let note = Msg::new(Key::ReadByContent)
                        .arg("file", file.name.as_str())
                        .arg("format", format.name());
                    imported.warnings.insert(0, note);
                    imported
                }),
                None => import_plain_text(file),
            },
        }
    } else {
        match detect(file) {
            Some(format) => format.import(file),
            None if file.bytes.iter().all(u8::is_ascii_whitespace) => {
                Err(ImportError::new(&file.name, None, Key::EmptyFile))
            }
            // Bytes that are not text say why, before any guess at a format.
            None => common::decode(file)
                .and_then(|_| Err(ImportError::new(&file.name, None, Key::Unrecognized))),
        }
    };
    vec![result]
}

/// Reads the files of a `.zip` archive through [`import_files`], folder by
/// folder, so `proj/doc1.txt` pairs with `proj/doc1.ann` (documents are named
/// after the file, without its folder). brat's configuration files are
/// read with the `.ann` files of their folder (and kept with them); folders,
/// macOS litter, other `.conf` files and a corpus's own papers
/// ([`is_paperwork`]: `README`,
/// `LICENSE`…, unless an `.ann` beside it makes it a brat document) are
/// passed over; archives inside the archive are refused.
/// Errors name the entry and the archive (`proj/doc1.ann in proj.zip`).
///
/// What an archive may cost is bounded (see [`zip::LIMITS`]).
pub fn import_archive(archive: &InputFile) -> Vec<Result<Imported, ImportError>> {
    let entries = match zip::read(&archive.bytes) {
        Ok(entries) => entries,
        Err(why) => return vec![Err(ImportError::new(&archive.name, None, why))],
    };
    let mut results = Vec::new();
    let mut folders: Vec<(String, Vec<InputFile>)> = Vec::new();
    // A README.txt with its README.ann is a brat document, not paperwork.
    let annotated: std::collections::HashSet<String> = entries
        .iter()
        .filter_map(|e| {
            let (stem, ext) = common::split_extension(&e.name);
            ext.eq_ignore_ascii_case("ann").then(|| stem.to_owned())
        })
        .collect();
    let brat_folders: std::collections::HashSet<&str> = annotated
        .iter()
        .map(|stem| stem.rsplit_once('/').map_or("", |(folder, _)| folder))
        .collect();
    // brat's configuration files serve the pairs of their folder and of the
    // folders below it (as brat looks them up).
    let serves = |folder: &str| {
        brat_folders
            .iter()
            .any(|b| folder.is_empty() || *b == folder || b.starts_with(&format!("{folder}/")))
    };
    let mut confs: Vec<(String, InputFile)> = Vec::new();
    for entry in entries {
        let (folder, name) = match entry.name.rsplit_once('/') {
            Some((folder, name)) => (format!("{folder}/"), name.to_owned()),
            None => (String::new(), entry.name.clone()),
        };
        let (_, ext) = common::split_extension(&name);
        let ext = ext.to_lowercase();
        let (stem, _) = common::split_extension(&entry.name);
        let paperwork = is_paperwork(&name) && !(ext == "txt" && annotated.contains(stem));
        let conf = brat::is_conf(&name) && serves(folder.trim_end_matches('/'));
        if (ext == "conf" && !conf) || paperwork {
            continue;
        }
        if ext == "zip" {
            let mut error = ImportError::new(&entry.name, None, Key::NestedArchive);
            error.archive = Some(archive.name.clone());
            results.push(Err(error));
            continue;
        }
        let file = InputFile {
            name,
            bytes: entry.bytes,
        };
        if conf {
            confs.push((folder.clone(), file.clone()));
        }
        match folders.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, files)) => files.push(file),
            None => folders.push((folder, vec![file])),
        }
    }
    for (folder, files) in folders {
        // The nearest folder above with configuration files.
        let above = confs
            .iter()
            .filter(|(f, _)| f.len() < folder.len() && folder.starts_with(f.as_str()))
            .map(|(f, _)| f.len())
            .max();
        let inherited: Vec<InputFile> = confs
            .iter()
            .filter(|(f, _)| Some(f.len()) == above && folder.starts_with(f.as_str()))
            .map(|(_, file)| file.clone())
            .collect();
        results.extend(
            import_files_under(files, &inherited)
                .into_iter()
                .map(|result| {
                    result.map_err(|mut error| {
                        error.file = format!("{folder}{}", error.file);
                        error.archive = Some(archive.name.clone());
                        error
                    })
                }),
        );
    }
    if results.is_empty() {
        results.push(Err(ImportError::new(
            &archive.name,
            None,
            Key::EmptyArchive,
        )));
    }
    results
}

/// Whether an archive's entry is the corpus's own paperwork (`README`,
/// `LICENSE.md`, `COPYING.txt`…), as corpora from brat's site ship, rather
/// than a document: by its name without extension, in any case.
fn is_paperwork(name: &str) -> bool {
    const PAPERS: [&str; 8] = [
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "authors",
        "notice",
    ];
    let (stem, ext) = common::split_extension(name);
    let stem = stem.to_lowercase();
    let ext = ext.to_lowercase();
    matches!(ext.as_str(), "" | "md" | "txt" | "rst")
        && PAPERS
            .iter()
            .any(|paper| stem == *paper || stem.starts_with(&format!("{paper}.")))
}

fn import_plain_text(file: &InputFile) -> Result<Imported, ImportError> {
    let text = common::decode(file)?;
    // Loaded all the same (a document to write into is no error), but said.
    let warnings = if text.trim().is_empty() {
        vec![Msg::new(Key::EmptyText).arg("name", file.name.as_str())]
    } else {
        Vec::new()
    };
    Ok(common::added_documents(
        vec![ImportedDocument {
            name: file.name.clone(),
            text,
            spans: Vec::new(),
            done: false,
            source: None,
            ..ImportedDocument::default()
        }],
        warnings,
    ))
}

/// The format that claims `file`, if any.
pub fn detect(file: &InputFile) -> Option<&'static dyn Format> {
    classify(file).and_then(by_id)
}

/// Decides which format a file is in, from its extension and content, so
/// that exactly one format claims it. Returns the format's id.
///
/// `.ann`, `.zip` and brat's `.conf` files (`annotation.conf`,
/// `visual.conf`…) are brat; `.conll`, `.iob`, `.bio`… are CoNLL; JSON is
/// told apart by shape: an object with `"format"` is Wasim, tasks with
/// `"data"` are Label Studio, records with `"spans"`/`"tokens"` or
/// `"paragraphs"` are spaCy, records whose spans are objects with `"labels"`
/// are Label Studio's JSON_MIN, and records with `"label"` or `"entities"`
/// are doccano. A `.jsonld`, or JSON whose `@context` is the W3C Web
/// Annotation context, is Web Annotation (which Wasim only writes: its
/// import says so). A `.txt` is CoNLL only when every line is `token … tag`.
pub fn classify(file: &InputFile) -> Option<&'static str> {
    let (_, ext) = common::split_extension(&file.name);
    let ext = ext.to_lowercase();
    match ext.as_str() {
        "ann" | "zip" => return Some(brat::ID),
        "conf" if brat::is_conf(&file.name) => return Some(brat::ID),
        "jsonld" => return Some(web_annotation::ID),
        "conll" | "conll03" | "conll2003" | "conllx" | "iob" | "iob1" | "iob2" | "bio"
        | "bioes" | "bilou" | "tsv" => {
            return Some(conll::ID);
        }
        _ => {}
    }
    let text = common::decode(file).ok()?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('{')
        || trimmed.starts_with('[')
        || matches!(ext.as_str(), "json" | "jsonl" | "ndjson")
    {
        return classify_json(&text, &ext);
    }
    conll::looks_like_conll(&text).then_some(conll::ID)
}

/// Whether `text` is a JSON object with a `"format"` key: found in one
/// pass, without building the tree of a 50 MB workspace.
fn declares_format(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        format: Option<serde::de::IgnoredAny>,
    }
    json::parse::<Probe>(text).is_ok_and(|probe| probe.format.is_some())
}

/// Which format a JSON or JSON Lines file is in, by shape; see
/// [`classify`]. Unparseable files go to the format their extension
/// suggests, so the user sees the parse error.
fn classify_json(text: &str, ext: &str) -> Option<&'static str> {
    if text.trim_start().starts_with('{') && declares_format(text) {
        return Some(wasim::ID);
    }
    let fallback = match ext {
        "json" => Some(wasim::ID),
        "jsonl" | "ndjson" => Some(doccano::ID),
        _ => None,
    };
    match json::parse::<Value>(text) {
        Ok(Value::Object(object)) => {
            if is_web_annotation(&object) {
                Some(web_annotation::ID)
            } else if object.contains_key("format")
                || object.get("documents").is_some_and(Value::is_array)
            {
                // A workspace that lost its "format" says what it lacks.
                Some(wasim::ID)
            } else if object.get("data").is_some_and(Value::is_object) {
                Some(label_studio::ID)
            } else {
                record_kind(&Value::Object(object))
            }
        }
        Ok(Value::Array(items)) => {
            let first = items.iter().find(|item| item.is_object())?;
            if first.as_object().is_some_and(is_web_annotation) {
                Some(web_annotation::ID)
            } else if first.get("data").is_some_and(Value::is_object) {
                Some(label_studio::ID)
            } else if first.get("paragraphs").is_some() {
                Some(spacy::ID)
            } else {
                record_kind(first)
            }
        }
        Ok(_) => None,
        Err(_) => {
            let first = text.lines().find(|line| !line.trim().is_empty())?;
            match json::parse::<Value>(first) {
                // JSON Lines of Label Studio tasks (one line alone parses as
                // a whole and is found above).
                Ok(Value::Object(task)) if task.get("data").is_some_and(Value::is_object) => {
                    Some(label_studio::ID)
                }
                Ok(value @ Value::Object(_)) => record_kind(&value).or(fallback),
                _ => fallback,
            }
        }
    }
}

/// Whether a JSON object declares the W3C Web Annotation context
/// (`"@context": "http://www.w3.org/ns/anno.jsonld"`, alone or in a list).
fn is_web_annotation(object: &serde_json::Map<String, Value>) -> bool {
    let is_anno = |value: &Value| {
        value
            .as_str()
            .is_some_and(|iri| iri.trim_end_matches('/').ends_with("w3.org/ns/anno.jsonld"))
    };
    match object.get("@context") {
        Some(Value::Array(contexts)) => contexts.iter().any(is_anno),
        Some(context) => is_anno(context),
        None => false,
    }
}

/// The format of one record (an object with a text and its spans).
fn record_kind(record: &Value) -> Option<&'static str> {
    let object = record.as_object()?;
    let is_min_regions = |value: &Value| {
        value
            .as_array()
            .and_then(|items| items.first())
            .is_some_and(|item| item.get("labels").is_some() && item.get("start").is_some())
    };
    if object.contains_key("spans") || object.contains_key("tokens") {
        Some(spacy::ID)
    } else if object.values().any(is_min_regions) {
        Some(label_studio::ID)
    } else if [
        "label",
        "labels",
        "entities",
        "column_label",
        "text",
        "column_data",
    ]
    .iter()
    .any(|k| object.contains_key(*k))
    {
        Some(doccano::ID)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str) -> Imported {
        let file = InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        };
        match import_files(vec![file]).pop() {
            Some(Ok(imported)) => imported,
            other => panic!("{name}: {other:?}"),
        }
    }

    fn utf16(text: &str, bom: bool, little: bool) -> Vec<u8> {
        let mut bytes = match (bom, little) {
            (false, _) => Vec::new(),
            (true, true) => vec![0xFF, 0xFE],
            (true, false) => vec![0xFE, 0xFF],
        };
        for unit in text.encode_utf16() {
            let pair = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    }

    #[test]
    fn utf16_files_are_read_as_their_text_and_said_so() {
        let text = "قال محمد 😀 في بغداد\r\n";
        for (bom, little) in [(true, true), (true, false), (false, true), (false, false)] {
            let file = InputFile {
                name: "notepad.txt".into(),
                bytes: utf16(text, bom, little),
            };
            let imported = match import_files(vec![file]).pop() {
                Some(Ok(imported)) => imported,
                other => panic!("{bom} {little}: {other:?}"),
            };
            assert_eq!(imported.documents[0].text, text, "{bom} {little}");
            assert!(
                imported.warnings[0].to_string().contains("UTF-16"),
                "{:?}",
                imported.warnings
            );
        }
        // A doccano JSONL saved as UTF-16 is recognised as doccano.
        let jsonl = r#"{"text": "محمد في بغداد", "label": [[0, 4, "PER"]]}"#;
        let file = InputFile {
            name: "d.jsonl".into(),
            bytes: utf16(jsonl, true, true),
        };
        let Some(Ok(imported)) = import_files(vec![file]).pop() else {
            panic!("the UTF-16 JSONL is read");
        };
        assert_eq!(imported.documents[0].spans.len(), 1);
        // Binary data is still refused, and UTF-8 is never taken for UTF-16.
        let binary = InputFile {
            name: "x.txt".into(),
            bytes: vec![0, 1, 0, 2, 3, 0, 0xFF],
        };
        assert!(matches!(import_files(vec![binary]).pop(), Some(Err(_))));
        assert_eq!(read("a.txt", "ab").warnings.len(), 0);
        // UTF-8 with one NUL byte has its NULs at one parity too: it is
        // read as the UTF-8 it is (it became CJK), or refused as binary
        // when the NULs are too many for text.
        let one_nul = format!(
            "{}\0{}",
            "The quick brown fox jumps. ".repeat(36),
            "بغداد\n"
        );
        let imported = read("p.txt", &one_nul);
        assert_eq!(imported.documents[0].text, one_nul);
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        let short = InputFile {
            name: "n.txt".into(),
            bytes: b"abc\0def\n".to_vec(),
        };
        let Some(Err(error)) = import_files(vec![short]).pop() else {
            panic!("refused");
        };
        assert!(error.to_string().contains("binary"), "{error}");
    }

    #[test]
    fn a_file_cut_inside_a_character_says_so_whatever_its_extension() {
        let whole = r#"{"format": "wasim", "documents": [{"name": "a", "text": "بغداد"#;
        let cut = &whole.as_bytes()[..whole.len() - 1];
        for name in ["w.json", "d.jsonl", "a.txt", "a.conll", "x.data"] {
            let file = InputFile {
                name: name.into(),
                bytes: cut.to_vec(),
            };
            let Some(Err(error)) = import_files(vec![file]).pop() else {
                panic!("{name}: a cut file is refused");
            };
            assert!(error.to_string().contains("cut short"), "{name}: {error}");
        }
    }

    #[test]
    fn annotations_saved_as_txt_are_read_as_what_they_hold_and_said() {
        let doccano = r#"{"text": "علي في بغداد", "label": [[0, 3, "PER"]]}"#;
        let imported = read("notes.txt", doccano);
        assert_eq!(imported.documents[0].text, "علي في بغداد");
        assert_eq!(imported.documents[0].spans.len(), 1);
        assert!(
            imported.warnings[0]
                .to_string()
                .starts_with("notes.txt holds doccano"),
            "{:?}",
            imported.warnings
        );
        // A text that merely starts like JSON stays a text.
        for text in ["[تحديث] زار علي بغداد", "{ملاحظة} نص", "[1, 2, 3]"] {
            let imported = read("a.txt", text);
            assert_eq!(imported.documents[0].text, text);
            assert!(
                imported.warnings.is_empty(),
                "{text}: {:?}",
                imported.warnings
            );
        }
    }

    #[test]
    fn a_workspace_without_its_format_says_what_it_lacks() {
        let file = InputFile {
            name: "w.json".into(),
            bytes: br#"{"version": 2, "labels": [], "documents": [{"name": "a", "text": "x", "spans": []}]}"#.to_vec(),
        };
        let Some(Err(error)) = import_files(vec![file]).pop() else {
            panic!("refused");
        };
        assert!(error.to_string().contains("format"), "{error}");
        assert!(!error.to_string().contains("doccano"), "{error}");
    }

    #[test]
    fn json_lines_of_label_studio_tasks_are_label_studio() {
        let task = |text: &str| {
            format!(
                "{{\"data\": {{\"text\": \"{text}\"}}, \"annotations\": [{{\"result\": [{{\"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\", \"value\": {{\"start\": 0, \"end\": 3, \"text\": \"علي\", \"labels\": [\"PER\"]}}}}]}}]}}"
            )
        };
        let text = format!("{}\n{}\n", task("علي هنا"), task("علي هناك"));
        let imported = read("tasks.jsonl", &text);
        assert_eq!(imported.documents.len(), 2);
        assert!(imported.documents.iter().all(|d| d.spans.len() == 1));
    }

    #[test]
    fn an_empty_json_file_is_called_empty() {
        for name in ["a.json", "a.jsonl", "a.conll", "a.ann"] {
            let file = InputFile {
                name: name.into(),
                bytes: b" \n".to_vec(),
            };
            let result = import_files(vec![file]).pop();
            let Some(Err(error)) = result else {
                panic!("{name}: {result:?}");
            };
            assert!(
                !error.to_string().contains("unrecognized"),
                "{name}: {error}"
            );
        }
    }

    #[test]
    fn an_empty_text_file_loads_with_a_word_about_it() {
        for text in ["", " \n\r\n\t"] {
            let imported = read("empty.txt", text);
            assert_eq!(imported.documents.len(), 1);
            assert_eq!(imported.documents[0].text, text, "the text as read");
            let said: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
            assert_eq!(
                said,
                ["empty.txt has no text: it is loaded empty, with nothing to tag."]
            );
        }
        assert!(read("a.txt", "بغداد").warnings.is_empty());
    }
}
