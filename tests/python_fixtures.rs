//! Writes the files the Python tests in `tests/python/` check with the real
//! tools: `target/python-fixtures/spacy.jsonl`, a spaCy export of the seed
//! corpus (`../shared/corpus`, five Arabic news articles) with spans placed
//! the way *Tag all* would (every occurrence of العراق, بغداد, الكاظمي, also
//! inside words after proclitics such as بال، وال، لل) and on the rest of
//! every word after a proclitic, plus synthetic documents with emoji,
//! tashkeel, CRLF, tabs, bidi marks and odd whitespace.
//!
//! The same properties are checked here natively: the tokens rebuild the
//! text exactly and every span starts and ends on token boundaries.
//!
//! Offsets are code points, half-open.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use serde_json::Value;
use wasim::core::edit::Edit;
use wasim::core::formats::spacy::Spacy;
use wasim::core::formats::{ExportOptions, Format};
use wasim::core::model::{Document, Workspace};

/// Every code point offset where `needle` occurs in `text` (overlaps too).
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = needle.chars().collect();
    (0..chars.len().saturating_sub(needle.len() - 1))
        .filter(|&i| chars[i..i + needle.len()] == needle[..])
        .map(|i| (i, i + needle.len()))
        .collect()
}

/// The part after the proclitic of every word that starts with one, such as
/// العراق in بالعراق or لعراق in للعراق.
fn after_proclitics(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_alphabetic() || is_mark(chars[i])) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let bare: String = word.chars().filter(|c| !is_mark(*c)).collect();
        if ["وال", "بال", "فال", "كال", "لل", "وب", "ول"]
            .iter()
            .any(|p| bare.starts_with(p))
            && bare.chars().count() > 3
        {
            // Skip the first letter and its marks.
            let mut cut = start + 1;
            while cut < i && is_mark(chars[cut]) {
                cut += 1;
            }
            out.push((cut, i));
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

fn add(ws: &mut Workspace, doc: usize, start: usize, end: usize, label: &str) -> bool {
    let id = ws.documents[doc].id;
    match Edit::add_span(ws, id, start, end, label) {
        Ok(edit) => {
            edit.apply(ws).expect("applies");
            true
        }
        Err(_) => false,
    }
}

/// A synthetic document: name, text and spans `(start, end, label)`.
type Synthetic = (&'static str, String, Vec<(usize, usize, &'static str)>);

/// Synthetic documents and the spans on them: every occurrence of some
/// names, the rest of words after proclitics, or given offsets.
fn synthetic() -> Vec<Synthetic> {
    let emoji = "👩‍👩‍👧 زار علي بالعراق 😀والكاظمي";
    let tashkeel = "كَتَبَ عَلِيٌّ فِي بَغْدَادَ وَبِالعِرَاقِ";
    let crlf = "\u{FEFF}  سطر أول\r\n\tبالعراق  و  بغداد\r\n\r\n   \u{200F}الكاظمي\u{200E} \u{061C}x\u{00A0}y \n";
    let zwnj = "می\u{200C}خواهم در تهران، و(بغداد)؟ نعم!";
    let mut docs = Vec::new();
    for (name, text) in [
        ("emoji.txt", emoji),
        ("tashkeel.txt", tashkeel),
        ("crlf.txt", crlf),
        ("zwnj.txt", zwnj),
    ] {
        let mut spans = Vec::new();
        for (needle, label) in [
            ("العراق", "LOC"),
            ("بغداد", "LOC"),
            ("الكاظمي", "PER"),
            ("علي", "PER"),
            ("بَغْدَادَ", "LOC"),
            ("عِرَاقِ", "LOC"),
            ("تهران", "LOC"),
            ("خواهم", "MISC"),
        ] {
            for (s, e) in occurrences(text, needle) {
                spans.push((s, e, label));
            }
        }
        for (s, e) in after_proclitics(text) {
            spans.push((s, e, "MISC"));
        }
        docs.push((name, text.to_owned(), spans));
    }
    // Spans that take whitespace in: a trailing space, a leading space, a
    // whole line break, a space inside a double space.
    let spaces = "a b  c\r\nd \te";
    docs.push((
        "spaces.txt",
        spaces.to_owned(),
        vec![
            (0, 2, "MISC"),
            (1, 3, "MISC"),
            (4, 5, "MISC"),
            (6, 8, "MISC"),
            (9, 11, "MISC"),
        ],
    ));
    docs
}

#[test]
fn spacy_export_of_the_corpus_for_python() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paths: Vec<_> = fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("seed corpus missing: {} ({e})", corpus.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "five articles in {}", corpus.display());
    let mut ws = Workspace::default();
    let mut proclitic_spans = 0;
    for path in &paths {
        let text = fs::read_to_string(path).expect("UTF-8 text");
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let doc = ws.new_document(name, &text);
        ws.documents.push(doc.into());
        let d = ws.documents.len() - 1;
        for (needle, label) in [("العراق", "LOC"), ("بغداد", "LOC"), ("الكاظمي", "PER")]
        {
            for (s, e) in occurrences(&text, needle) {
                add(&mut ws, d, s, e, label);
            }
        }
        for (s, e) in after_proclitics(&text) {
            proclitic_spans += usize::from(add(&mut ws, d, s, e, "MISC"));
        }
    }
    for (name, text, spans) in synthetic() {
        let doc = ws.new_document(name, &text);
        ws.documents.push(doc.into());
        let d = ws.documents.len() - 1;
        for (s, e, label) in spans {
            add(&mut ws, d, s, e, label);
        }
    }
    assert!(
        proclitic_spans > 20,
        "{proclitic_spans} spans after proclitics"
    );
    let inside_words = ws
        .documents
        .iter()
        .flat_map(|d| {
            let chars: Vec<char> = d.text.as_str().chars().collect();
            d.spans
                .iter()
                .filter(move |s| s.start > 0 && chars[s.start - 1].is_alphabetic())
        })
        .count();
    assert!(
        inside_words > 20,
        "{inside_words} spans start inside a word"
    );

    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Spacy.export(&ws.labels, &docs, ExportOptions::default());
    let jsonl = String::from_utf8(exported.file.bytes).expect("UTF-8");
    let mut spans = 0;
    for line in jsonl.lines() {
        let record: Value = serde_json::from_str(line).expect("JSON");
        let text = record["text"].as_str().expect("text");
        let tokens = record["tokens"].as_array().expect("tokens");
        let mut rebuilt = String::new();
        for (i, token) in tokens.iter().enumerate() {
            assert_eq!(token["id"], i);
            assert_eq!(
                token["start"].as_u64(),
                Some(rebuilt.chars().count() as u64)
            );
            let word = token["text"].as_str().expect("text");
            assert!(!word.is_empty());
            rebuilt.push_str(word);
            assert_eq!(token["end"].as_u64(), Some(rebuilt.chars().count() as u64));
            if token["ws"].as_bool().expect("ws") {
                rebuilt.push(' ');
            }
        }
        assert_eq!(rebuilt, text, "tokens rebuild the text");
        for span in record["spans"].as_array().expect("spans") {
            let first = &tokens[span["token_start"].as_u64().expect("token_start") as usize];
            let last = &tokens[span["token_end"].as_u64().expect("token_end") as usize];
            assert_eq!(first["start"], span["start"]);
            assert_eq!(last["end"], span["end"]);
            spans += 1;
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/python-fixtures");
    fs::create_dir_all(&dir).expect("create target/python-fixtures");
    let path = dir.join("spacy.jsonl");
    fs::write(&path, &jsonl).expect("write fixture");
    eprintln!(
        "wrote {}: {} documents, {spans} spans ({proclitic_spans} after proclitics in the corpus, {inside_words} starting inside a word)",
        path.display(),
        ws.documents.len()
    );
}
