//! The reasons of import errors and the import and export warnings, in
//! both languages: each broken input below is fed to the reader that
//! claims it (and a few workspaces to the writers), and what comes back is
//! worded in Arabic and in English.
//!
//! In Arabic, no English word may be left: past quoted values («…»),
//! code samples (isolated left to right), file names and extensions, the
//! only runs of four or more Latin letters allowed are the names of
//! formats, tools and standards ([`ALLOWED`]). In English, the messages
//! read as they did before they were structured (a sample is compared byte
//! for byte), except that counts take their plural form instead of "(s)".
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Write};

use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, ZipWriter};

use wasim::core::edit::EditError;
use wasim::core::formats::{
    ExportOptions, ImportError, InputFile, by_id, import_edit, import_files, with_team_data,
};
use wasim::core::i18n::{Counted, Key, Lang, Msg};
use wasim::core::model::{Document, Workspace, labels_from_json};
use wasim::core::search::{SearchOptions, find_all};
use wasim::core::text::Text;

/// Latin words an Arabic message may hold: names of formats, tools and
/// standards, and JSON's own words.
const ALLOWED: [&str; 32] = [
    "JSON",
    "HTTP",
    "HTTPS",
    "JSONL",
    "JSON_MIN",
    "CoNLL",
    "brat",
    "spaCy",
    "Prodigy",
    "Label",
    "Studio",
    "doccano",
    "Wasim",
    "UTF",
    "ZIP64",
    "IndexedDB",
    "Python",
    "JavaScript",
    "HTML",
    "IOB2",
    "IOB1",
    "BIOES",
    "BILOU",
    "deflate",
    "Annotation",
    "Locks",
    "true",
    "false",
    "null",
    "WCAG",
    "TYPE",
    "LABEL",
];

/// `text` without what may stay Latin: «quoted values», "quoted values",
/// code isolated left to right (U+2066 … U+2069), and the `names` given
/// (file names, labels).
fn without_allowed(text: &str, names: &[&str]) -> String {
    let mut out = text.to_owned();
    for (open, close) in [('«', '»'), ('"', '"'), ('\u{2066}', '\u{2069}')] {
        let mut kept = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find(open) {
            kept.push_str(&rest[..at]);
            let after = &rest[at + open.len_utf8()..];
            match after.find(close) {
                Some(end) => rest = &after[end + close.len_utf8()..],
                None => {
                    rest = after;
                    break;
                }
            }
        }
        kept.push_str(rest);
        out = kept;
    }
    for name in names {
        out = out.replace(name, " ");
    }
    out
}

/// The runs of four or more ASCII letters in `text` that are neither
/// allowed words nor file extensions (`.jsonl`).
fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphabetic() || chars[i] == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let extension = start > 0 && chars[start - 1] == '.';
            let letters = word.chars().filter(char::is_ascii_alphabetic).count();
            if letters >= 4 && !extension && !ALLOWED.contains(&word.as_str()) {
                words.push(word);
            }
        } else {
            i += 1;
        }
    }
    words
}

/// Asserts that `message` reads in Arabic (with Arabic letters, and no
/// English words once `names` are set aside) and that its English wording
/// contains `english`.
fn check(message: &Msg, english: &str, names: &[&str]) {
    let en = message.render(Lang::En);
    assert_eq!(en, message.to_string(), "Display is the English wording");
    assert!(en.contains(english), "expected {english:?} in {en:?}");
    let ar = message.render(Lang::Ar);
    assert!(
        ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "not Arabic: {ar}"
    );
    let left = english_words(&without_allowed(&ar, names));
    assert!(left.is_empty(), "English words {left:?} in {ar:?}");
}

fn file(name: &str, text: &str) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// The error importing `files` gives.
fn error_of(files: Vec<InputFile>) -> ImportError {
    let results = import_files(files);
    let first = results.into_iter().next().expect("a result");
    first.expect_err("an error")
}

/// The warnings importing `files` gives.
fn warnings_of(files: Vec<InputFile>) -> Vec<Msg> {
    let results = import_files(files);
    let first = results.into_iter().next().expect("a result");
    first.expect("imports").warnings
}

/// Broken files, the English the error must hold, and the names in it.
fn broken_files() -> Vec<(Vec<InputFile>, &'static str)> {
    let one = |name: &str, text: &str| vec![file(name, text)];
    vec![
        // Decoding.
        (
            vec![InputFile {
                name: "bin.txt".into(),
                bytes: vec![b'a', 0, b'b'],
            }],
            "binary file",
        ),
        (
            vec![InputFile {
                name: "cp.txt".into(),
                bytes: vec![b'a', 0xE1, 0x28],
            }],
            "not valid UTF-8",
        ),
        (one("what.bin", "\u{1}"), "unrecognized file type"),
        // Wasim JSON.
        (
            one("w.json", "{\"format\": \"wasim\",\n  \"version\": "),
            "EOF while parsing",
        ),
        (
            one("w.json", "{\"format\": \"wasim\" \"version\": 2}"),
            "expected `,` or `}`",
        ),
        (one("w.json", "[1, 2,]"), "trailing comma"),
        (
            one("w.json", r#"{"format": "doccano"}"#),
            "unknown format \"doccano\"",
        ),
        (
            one("w.json", r#"{"format": 3, "version": 2}"#),
            "unknown format: expected a Wasim export",
        ),
        (
            one("w.json", r#"{"format": "wasim", "version": 9}"#),
            "unsupported version 9",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": [], "documents": [{"name": 3, "text": "x"}]}"#,
            ),
            "invalid type: integer `3`, expected a string",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": []}"#,
            ),
            "missing field `documents`",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": [], "documents": [{"name": "d", "text": "abc", "spans": [{"start": -1, "end": 2, "label": "X", "text": "ab"}]}]}"#,
            ),
            "expected a non-negative whole number",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": [], "documents": [{"name": "d", "text": "abc", "spans": [{"start": 1, "end": 9, "label": "X", "text": "bc"}]}]}"#,
            ),
            "is outside the text (3 characters)",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": [], "documents": [{"name": "d", "text": "abc", "spans": [{"start": 1, "end": 2, "label": "X", "text": "c"}]}]}"#,
            ),
            "does not match the document",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": [], "documents": [], "open": 3}"#,
            ),
            "\"open\" names a document",
        ),
        // doccano.
        (
            one("d.jsonl", "{\"text\": \"a\", \"label\": []}\n{broken\n"),
            "invalid JSON: key must be a string",
        ),
        (
            one("d.jsonl", "{\"label\": [[0, 1, \"X\"]]}"),
            "no \"text\" field",
        ),
        (
            one("d.jsonl", r#"{"text": "abc", "entities": 3}"#),
            "\"entities\" must be a list",
        ),
        (
            one(
                "d.jsonl",
                r#"{"text": "abc", "entities": [{"start_offset": 0, "end_offset": 1, "label": 5}]}"#,
            ),
            "entity 1: \"label\" must be a string",
        ),
        (
            one(
                "d.jsonl",
                r#"{"text": "abc", "entities": [{"start_offset": -1, "end_offset": 1, "label": "X"}]}"#,
            ),
            "\"start_offset\" must be a non-negative integer",
        ),
        (
            one("d.jsonl", r#"{"text": "abc", "label": 4}"#),
            "\"label\" must be a list of [start, end, \"LABEL\"]",
        ),
        (
            one("d.jsonl", r#"{"text": "abc", "label": ["POSITIVE"]}"#),
            "text-classification label",
        ),
        (
            one("d.jsonl", r#"{"text": "abc", "label": [[2, 1, "X"]]}"#),
            "is empty or reversed (the text has 3 characters)",
        ),
        (
            one("d.jsonl", r#"{"text": "abc", "label": [[0, 9, "X"]]}"#),
            "is past the end of the text",
        ),
        (
            one("d.jsonl", r#"{"text": "abc", "label": [[0, 1, " "]]}"#),
            "has an empty label",
        ),
        (
            one("d.json", r#"[{"text": "a", "label": [[0, 1, "X"]]}, 7]"#),
            "record 2: expected a JSON object",
        ),
        // spaCy and Prodigy.
        (
            one("s.jsonl", r#"{"text": "abc", "spans": 1}"#),
            "\"spans\" must be a list",
        ),
        (
            one("s.jsonl", r#"{"text": "abc", "spans": [4]}"#),
            "span 1: expected {\"start\", \"end\", \"label\"}",
        ),
        (
            one(
                "s.jsonl",
                r#"{"text": "abc", "spans": [{"start": 0, "end": 1}]}"#,
            ),
            "\"label\" must be a string",
        ),
        (
            one(
                "s.jsonl",
                r#"{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "X", "text": "b"}]}"#,
            ),
            "says its text is \"b\", but the document has \"a\" there",
        ),
        (
            one("s.json", r#"[{"id": 0, "paragraphs": [{"raw": "x"}]}]"#),
            "a paragraph has no \"sentences\" list",
        ),
        (
            one(
                "s.json",
                r#"[{"id": 0, "paragraphs": [{"sentences": [{}]}]}]"#,
            ),
            "a sentence has no \"tokens\" list",
        ),
        (
            one(
                "s.json",
                r#"[{"id": 0, "paragraphs": [{"sentences": [{"tokens": [{}]}]}]}]"#,
            ),
            "a token has no \"orth\" string",
        ),
        (
            one(
                "s.json",
                r#"[{"id": 0, "paragraphs": [{"sentences": [{"tokens": [{"orth": "a", "ner": "Q-X"}]}]}]}]"#,
            ),
            "\"Q-X\" is not a tag",
        ),
        // Label Studio.
        (
            one("ls.json", r#"[{"data": {"x": 1, "y": 2}}]"#),
            "task 1: \"data\" has no \"text\" string",
        ),
        (
            one(
                "ls.json",
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": 5}]}]"#,
            ),
            "\"result\" must be a list",
        ),
        (
            one(
                "ls.json",
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": "X"}}]}]}]"#,
            ),
            "task 1: annotation 1, result 1: \"labels\" must be a list of label names",
        ),
        (
            one(
                "ls.json",
                r#"[{"data": {"text": "abc"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "labels": ["X"]}}]}]}]"#,
            ),
            "prediction 1, result 1: \"end\" must be a non-negative integer",
        ),
        // brat.
        (
            one("lone.ann", "T1\tPER 0 1\tx\n"),
            "add lone.txt to the same import",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\tPER\n")],
            "expected `T1<TAB>TYPE start end<TAB>text`",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\t 0 1\ta\n")],
            "T1 has an empty type",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\tPER a b\ta\n")],
            "\"a b\" are not offsets",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\tPER 2 2\t\n")],
            "[2, 2) is empty or reversed",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\tPER 1 7\tbc\n")],
            "is past the end of the text",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\tPER 0 1\tz\n")],
            "T1 says its text is \"z\", but b.txt has \"a\" there",
        ),
        // CoNLL.
        (
            one("c.conll", "word\nother O\n"),
            "this line has a token but no tag",
        ),
        (
            one("c.conll", "a B-PER\nb Q-X\n"),
            "\"Q-X\" (column 2) is not a tag",
        ),
        (
            one("c.conll", "a|B-PER b|O\nbroken line\n"),
            "expected word|TAG items",
        ),
        (one("c.conll", "-DOCSTART- -X- O O\n\n"), "no tokens found"),
        // Archives.
        (
            one("bad.zip", "PK not really"),
            "not a ZIP archive, or a damaged one",
        ),
        (
            vec![zip_of("nested.zip", &[("inner.zip", b"PK")])],
            "archives inside archives are not read",
        ),
        (
            vec![zip_of("empty.zip", &[("notes.conf", b"x")])],
            "the archive holds no files Wasim reads",
        ),
        (
            vec![zip_of("in.zip", &[("proj/x.ann", b"T1\tPER 0 1\tx\n")])],
            "add x.txt",
        ),
        // Web Annotation is written, not read: the import says so.
        (
            one("w.jsonld", "{}"),
            "Wasim writes these but cannot read them back",
        ),
    ]
}

/// An archive of `entries`, deflated.
fn zip_of(name: &str, entries: &[(&str, &[u8])]) -> InputFile {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, bytes) in entries {
        writer.start_file(*path, options).expect("entry");
        writer.write_all(bytes).expect("write");
    }
    InputFile {
        name: name.into(),
        bytes: writer.finish().expect("finish").into_inner(),
    }
}

#[test]
fn every_reader_gives_its_reasons_in_arabic() {
    for (files, english) in broken_files() {
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let error = error_of(files);
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.extend(["PER", "T1", "lone.txt", "x.txt", "proj/x.ann", "inner.zip"]);
        check(&error.message, english, &names);
        // The notice around it reads in the same language.
        let notice = error.describe(Lang::Ar);
        assert!(notice.starts_with("تعذّر تحميل"), "{notice}");
        assert!(
            english_words(&without_allowed(&notice, &names)).is_empty(),
            "{notice}"
        );
        assert!(error.describe(Lang::En).starts_with("Could not load "));
    }
}

#[test]
fn the_web_annotation_writer_refuses_to_read_in_arabic() {
    let format = by_id("web-annotation").expect("web annotation");
    let error = format
        .import(&file("w.json", "{}"))
        .expect_err("write only");
    check(
        &error.message,
        "import the Wasim JSON export (Export JSON) instead",
        &["w.json"],
    );
}

/// Files that import with warnings, and the English each warning holds.
fn warned_files() -> Vec<(Vec<InputFile>, &'static str)> {
    let one = |name: &str, text: &str| vec![file(name, text)];
    vec![
        (
            one(
                "d.jsonl",
                "{\"text\": \"😀 Ali\", \"label\": [[3, 6, \"PER\"]]}",
            ),
            "offsets were read as UTF-16 code units",
        ),
        (
            one(
                "d.jsonl",
                r#"{"text": "abc", "label": [[0, 1, "X"], [0, 1, "X"]]}"#,
            ),
            "1 duplicate span (same range and label) is shown once",
        ),
        (
            one(
                "d.jsonl",
                r#"{"text": "abc", "label": [], "relations": [{"from_id": 1}, {"from_id": 2}]}"#,
            ),
            "2 relations are not shown",
        ),
        (
            one(
                "d.jsonl",
                "{\"text\": \"😀 Ali\", \"label\": [[2, 5, \"PER\"]], \"offset_unit\": \"code_points\"}",
            ),
            "because the file says so",
        ),
        (
            one(
                "s.jsonl",
                "{\"text\": \"a\", \"spans\": [], \"answer\": \"reject\"}\n{\"text\": \"b\", \"spans\": []}\n",
            ),
            "1 record answered \"reject\" or \"ignore\"",
        ),
        (
            one(
                "s.jsonl",
                r#"{"text": "ab cd", "tokens": [{"text": "ab", "start": 0, "end": 2, "id": 0}, {"text": "cd", "start": 3, "end": 5, "id": 1}], "spans": [{"start": 0, "end": 2, "label": "X", "token_start": 1, "token_end": 1}]}"#,
            ),
            "token_start/token_end disagree",
        ),
        (
            one(
                "ls.json",
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["A"]}}]}, {"result": []}], "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": ["X"]}}]}]}]"#,
            ),
            "1 task has annotations and predictions",
        ),
        (
            one(
                "ls.json",
                r#"[{"data": {"text": "abc"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": ["X"]}}]}]}]"#,
            ),
            "1 predicted span was imported",
        ),
        (
            vec![
                file("b.txt", "abc def"),
                file(
                    "b.ann",
                    "T1\tPER 0 3\tabc\nR1\tRel Arg1:T1 Arg2:T1\nT2\tLOC 0 1;4 5\ta d\n",
                ),
            ],
            "lines other than entities and notes were kept (1 R)",
        ),
        (
            vec![
                file("b.txt", "abc def"),
                file("b.ann", "T2\tLOC 0 1;4 5\ta d\n"),
            ],
            "1 discontinuous entity is shown",
        ),
        (
            one("c.conll", "a B-LOC\nb O\nc I-PER\n"),
            "1 entity does not start with a proper tag (line 3 (I-PER))",
        ),
        (
            one("c.conll", "a B-PE@R\nb O\n"),
            "1 tag has unusual characters",
        ),
        (
            one("c.conll", "a NN B-PER\nb NN O\n"),
            "1 column between the token and the tags",
        ),
        (
            one("c.conll", "a B-PER B-LOC\nb O O\n"),
            "2 tag columns were read as nested entity layers",
        ),
        (
            one(
                "w.json",
                r#"{"format": "wasim", "version": 2, "labels": [{"name": "PER", "color": "red", "key": "?"}], "documents": []}"#,
            ),
            "label \"PER\": colour \"red\" is not #rrggbb",
        ),
        (
            one("annotation.conf", "[entities]\nPER\n"),
            "its entity types are in the label list (PER)",
        ),
        (
            one(
                "annotation.conf",
                "[entities]\nPER\n[relations]\nIn\tArg1:PER, Arg2:PER\n",
            ),
            "its relation, event and attribute types are not used",
        ),
        (
            one("annotation.conf", "[entities]\n"),
            "declares no entity type",
        ),
        (one("visual.conf", "[labels]\n"), "which Wasim does not use"),
    ]
}

#[test]
fn every_reader_gives_its_warnings_in_arabic() {
    for (files, english) in warned_files() {
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.extend(["b.ann", "PER", "I-PER", "1 R", "T2", "#rrggbb"]);
        let warnings = warnings_of(files);
        let found = warnings.iter().find(|w| w.to_string().contains(english));
        let warning = found.unwrap_or_else(|| panic!("{english:?} in {warnings:?}"));
        check(warning, english, &names);
        for other in &warnings {
            check(other, "", &names);
        }
    }
}

/// A workspace of one document with spans `(start, end, label, note)`.
fn workspace(text: &str, spans: &[(usize, usize, &str, Option<&str>)]) -> Workspace {
    let mut ws = Workspace::default();
    let mut doc = ws.new_document("doc.txt", text);
    for &(start, end, label, note) in spans {
        let mut span = ws.new_span(start, end, label);
        span.note = note.map(str::to_owned);
        span.entity_id = Some("Q1".into());
        doc.spans.push(span);
    }
    let mut labels = ws.labels.clone();
    for &(_, _, label, _) in spans {
        if labels.iter().all(|l| l.name != label) {
            labels.push(wasim::core::model::Label {
                name: label.into(),
                color: "#aaccee".into(),
                key: None,
                description: String::new(),
            });
        }
    }
    ws.labels = labels;
    ws.documents.push(doc.into());
    ws
}

#[test]
fn every_writer_gives_its_warnings_in_arabic() {
    let ws = workspace(
        "علي في بغداد. وصل أمس",
        &[
            (0, 3, "VERB PHRASE", Some("سطر\nثان")),
            (1, 2, "PER", None),
            (7, 16, "LOC", None),
        ],
    );
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let cases = [
        ("brat", "was written as the brat type \"VERB_PHRASE\""),
        ("brat", "1 note had line breaks or tabs"),
        ("conll", "span \"ل\" (PER) cuts the token \"علي\""),
        ("conll", "its text was split into tokens for CoNLL"),
        (
            "conll",
            "label \"VERB PHRASE\" was written as \"VERB_PHRASE\"",
        ),
        (
            "spacy",
            "spaCy JSONL has no place for span notes: the note of 1 span was left out",
        ),
        (
            "brat",
            "brat has no place for entity ids: the ids of 3 spans were left out",
        ),
        (
            "label-studio",
            "Label Studio JSON has no place for entity ids: the ids of 3 spans were left out",
        ),
        (
            "doccano",
            "doccano has no place for span notes or entity ids; left out: 1 span note, 3 entity ids",
        ),
    ];
    for (id, english) in cases {
        let format = by_id(id).expect(id);
        let exported = format.export(&ws.labels, &docs, ExportOptions::default());
        let warnings = exported.warnings;
        let warning = warnings
            .iter()
            .find(|w| w.to_string().contains(english))
            .unwrap_or_else(|| panic!("{id}: {english:?} in {warnings:?}"));
        check(
            warning,
            english,
            &["doc.txt", "VERB PHRASE", "VERB_PHRASE", "LOC"],
        );
    }
    // A document read from CoNLL is written on its own lines: a span that
    // does not fit them is left out.
    let mut read = Workspace::default();
    let imported = import_files(vec![file("c.conll", "a O\nb O\n\nc O\nd O\n")]);
    let imported = imported.into_iter().next().expect("one").expect("reads");
    let (edit, _) = import_edit(&mut read, imported).expect("valid");
    edit.apply(&mut read).expect("applies");
    let mut doc = (*read.documents[0]).clone();
    doc.spans = vec![read.new_span(0, 2, "PER"), read.new_span(2, 5, "PER")];
    let conll = by_id("conll").expect("conll");
    let warnings = conll
        .export(&read.labels, &[&doc], ExportOptions::default())
        .warnings;
    for english in ["starts or ends inside a token", "crosses a sentence break"] {
        let warning = warnings
            .iter()
            .find(|w| w.to_string().contains(english))
            .unwrap_or_else(|| panic!("{english:?} in {warnings:?}"));
        check(warning, english, &["c.conll", "PER"]);
    }
    // Who proposed a span: in the notes (brat), or left out (CoNLL).
    let mut team = (*ws.documents[0]).clone();
    team.spans[1].annotators = vec!["Amina".into()];
    for (id, english) in [
        ("brat", "1 span carries it in its note"),
        ("conll", "left out of 1 span"),
    ] {
        let format = by_id(id).expect(id);
        let (_, warning) = with_team_data(format, vec![std::borrow::Cow::Borrowed(&team)]);
        // The format is named as its menu names it ("brat standoff (.zip)").
        check(&warning.expect("a warning"), english, &[format.name()]);
    }
}

#[test]
fn label_sets_and_edits_explain_themselves_in_arabic() {
    let cases = [
        (
            "{",
            "invalid JSON: EOF while parsing an object at line 1 column 1",
        ),
        (r#"{"format": "other"}"#, "not a Wasim label set"),
        (
            r#"{"format": "wasim-labels"}"#,
            "the file has no \"labels\"",
        ),
        (
            r#"{"format": "wasim-labels", "labels": 3}"#,
            "invalid label set: invalid type: integer `3`, expected a sequence",
        ),
        (
            r##"{"format": "wasim-labels", "labels": [{"name": "A", "color": "#aaaaaa"}, {"name": "A", "color": "#bbbbbb"}]}"##,
            "label \"A\" is defined twice",
        ),
        (
            r##"{"format": "wasim-labels", "labels": [{"name": " ", "color": "#aaaaaa"}]}"##,
            "label #1 has an empty name",
        ),
    ];
    for (json, english) in cases {
        let error = labels_from_json(json.as_bytes(), "set.json").expect_err(json);
        check(&error, english, &["set.json"]);
    }
    let (_, repairs) = labels_from_json(
        br##"{"format": "wasim-labels", "labels": [{"name": "A", "color": "#aaaaaa", "key": "1"}, {"name": "B", "color": "#bbbbbb", "key": "1"}, {"name": "C", "color": "#cccccc", "key": "[]"}]}"##,
        "set.json",
    )
    .expect("repaired");
    assert_eq!(repairs.len(), 2, "{repairs:?}");
    check(
        &repairs[0],
        "set.json: label \"B\": hotkey \"1\" is already another label's; the label has no hotkey.",
        &["set.json"],
    );
    check(
        &repairs[1],
        "hotkey \"[]\" is not one character",
        &["set.json"],
    );
    let errors = [
        (EditError::NoSuchDocument, "that document no longer exists"),
        (EditError::NoSuchSpan, "that span no longer exists"),
        (
            EditError::UnknownLabel("PER".into()),
            "there is no label \"PER\"",
        ),
        (
            EditError::BadRange {
                start: 3,
                end: 9,
                len: 5,
            },
            "range [3, 9) does not fit a text of 5 characters",
        ),
        (EditError::Duplicate, "that text already has this label"),
    ];
    for (error, english) in errors {
        assert_eq!(error.to_string(), english);
        check(&error.msg(), english, &["PER"]);
    }
    let options = SearchOptions {
        regex: true,
        ..SearchOptions::default()
    };
    let error = find_all(&Text::new("abc"), "(ab", &options).expect_err("invalid");
    assert!(
        error
            .to_string()
            .starts_with("invalid regular expression: ")
    );
    assert!(
        error
            .msg()
            .render(Lang::Ar)
            .starts_with("تعبير نمطي غير صالح: ")
    );
}

/// The English of a sample of errors, byte for byte as before they were
/// structured (counted ones aside: "(s)" became a plural form).
#[test]
fn english_reads_as_before() {
    let cases: [(Vec<InputFile>, &str); 8] = [
        (
            vec![file("w.json", "{\"format\": \"wasim\" \"version\": 2}")],
            "w.json, line 1: invalid JSON: expected `,` or `}` at line 1 column 20",
        ),
        (
            vec![file("w.json", r#"{"format": "doccano"}"#)],
            "w.json: unknown format \"doccano\"; expected \"wasim\"",
        ),
        (
            vec![file(
                "d.jsonl",
                r#"{"text": "abc", "label": [[0, 9, "X"]]}"#,
            )],
            "d.jsonl, line 1: label 1: span [0, 9) is past the end of the text (the text has 3 characters)",
        ),
        (
            vec![file("ls.json", r#"[{"data": {"x": 1, "y": 2}}]"#)],
            "ls.json: task 1: \"data\" has no \"text\" string",
        ),
        (
            vec![file("b.txt", "abc"), file("b.ann", "T1\tPER 0 1\tz\n")],
            "b.ann, line 1: T1 says its text is \"z\", but b.txt has \"a\" there",
        ),
        (
            vec![file("c.conll", "a B-PER\nb Q-X\n")],
            "c.conll, line 2: \"Q-X\" (column 2) is not a tag; expected O, or B-, I-, E-, S-, L- or U- followed by a type (such as B-PER)",
        ),
        (
            vec![zip_of("in.zip", &[("proj/x.ann", b"T1\tPER 0 1\tx\n")])],
            "proj/x.ann in in.zip: brat annotations need their text: add x.txt to the same import",
        ),
        (
            vec![InputFile {
                name: "cp.txt".into(),
                bytes: vec![b'a', 0xE1, 0x28],
            }],
            "cp.txt: cannot load this file: it is not valid UTF-8 (first bad byte at offset 1); save it as UTF-8 and try again",
        ),
    ];
    for (files, english) in cases {
        assert_eq!(error_of(files).to_string(), english);
    }
    let error = error_of(vec![zip_of(
        "in.zip",
        &[("proj/x.ann", b"T1\tPER 0 1\tx\n")],
    )]);
    assert_eq!(
        error.describe(Lang::Ar),
        "تعذّر تحميل \u{2068}proj/x.ann\u{2069} في \u{2068}in.zip\u{2069}: وسوم brat تحتاج إلى نصها: أضف x.txt إلى الاستيراد نفسه"
    );
    // A Latin file name alone is isolated too: `(copy) tags.jsonl` was
    // drawn `tags.jsonl (copy)` in the Arabic sentence.
    let error = error_of(vec![file(
        "(copy) tags.jsonl",
        "{\"text\": \"بغداد\", \"label\": [[0, 9, \"LOC\"]]}\n",
    )]);
    let said = error.describe(Lang::Ar);
    assert!(
        said.starts_with("تعذّر تحميل \u{2068}(copy) tags.jsonl\u{2069}"),
        "{said}"
    );
}

/// Every Arabic message of the catalogue, its placeholders aside, holds
/// no English word but the names of formats, tools, standards and keys.
#[test]
fn the_arabic_catalogue_has_no_english_words() {
    const KEYS: [&str; 8] = [
        "Ctrl", "Shift", "Enter", "Delete", "Search", "Space", "SVG", "Esc",
    ];
    let strip = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            match rest[open..].find('}') {
                Some(close) => rest = &rest[open + close + 1..],
                None => {
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
        without_allowed(&out, &KEYS)
    };
    for key in Key::ALL {
        let text = Lang::Ar.t(key);
        let left = english_words(&strip(text));
        assert!(left.is_empty(), "{key:?}: {left:?} in {text:?}");
    }
    for key in Counted::ALL {
        for n in [0, 1, 2, 3, 11, 100] {
            let text = Lang::Ar.n(key, n, &[]);
            let left = english_words(&strip(&text));
            assert!(left.is_empty(), "{key:?} {n}: {left:?} in {text:?}");
        }
    }
}
