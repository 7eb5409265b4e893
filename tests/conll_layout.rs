//! CoNLL files are written back as they were read ("what was read is what
//! is written"): nested tag columns that vary per line, BOM, CRLF, tabs, POS
//! and lemma columns, `#` comments and `-DOCSTART-` lines; and an edit
//! changes only the tag columns of the entities it touched.
//!
//! Offsets are code points, half-open, as everywhere in Wasim.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use wasim::core::formats::conll::Conll;
use wasim::core::formats::{ExportOptions, Format, TagScheme};
use wasim::core::model::{Document, Span, SpanId, Workspace};

fn workspace(name: &str, text: &str) -> Workspace {
    common::imported(&Conll, name, text)
}

fn export(ws: &Workspace, tag_scheme: TagScheme) -> (String, Vec<String>) {
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Conll.export(
        &ws.labels,
        &docs,
        ExportOptions {
            tag_scheme,
            ..ExportOptions::default()
        },
    );
    let text = String::from_utf8(exported.file.bytes).expect("utf8");
    let warnings = exported.warnings.iter().map(ToString::to_string).collect();
    (text, warnings)
}

/// `(label, covered text)` of every span of a document.
fn labelled(doc: &Document) -> Vec<(String, String)> {
    doc.spans
        .iter()
        .map(|s| {
            let text = doc.text.slice(s.start, s.end).expect("in range");
            (s.label.to_string(), text.to_owned())
        })
        .collect()
}

/// The code point range of the first occurrence of `word` in a document.
fn find(doc: &Document, word: &str) -> (usize, usize) {
    let text = doc.text.as_str();
    let byte = text.find(word).expect("word in text");
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

fn add_span(doc: &mut Document, (start, end): (usize, usize), label: &str) {
    let span = Span {
        id: SpanId(10_000 + doc.spans.len() as u64),
        start,
        end,
        label: label.into(),
        note: None,
        entity_id: None,
        annotators: Vec::new(),
        accepted: false,
    };
    let at = doc.insertion_index(&span);
    doc.spans.insert(at, span);
}

/// Lines that differ, as `(1-based line, before, after)`.
fn diff<'a>(before: &'a str, after: &'a str) -> Vec<(usize, &'a str, &'a str)> {
    let (a, b): (Vec<&str>, Vec<&str>) =
        (before.split('\n').collect(), after.split('\n').collect());
    assert_eq!(a.len(), b.len(), "same number of lines");
    a.into_iter()
        .zip(b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i + 1, x, y))
        .collect()
}

const NESTED: &str = "البنك B-ORG\nالمركزي I-ORG\nالعراقي I-ORG B-GPE\nفي O\nبغداد B-LOC O B-CITY\n\nقال O O\nعلي B-PER\n";

#[test]
fn nested_columns_varying_per_line_import_and_round_trip() {
    let ws = workspace("nested.conll", NESTED);
    let doc = &ws.documents[0];
    assert_eq!(doc.text.as_str(), "البنك المركزي العراقي في بغداد\nقال علي");
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    assert_eq!(
        labelled(doc),
        pairs(&[
            ("ORG", "البنك المركزي العراقي"),
            ("GPE", "العراقي"),
            ("CITY", "بغداد"),
            ("LOC", "بغداد"),
            ("PER", "علي"),
        ])
    );
    let (out, warnings) = export(&ws, TagScheme::AsImported);
    assert_eq!(out, NESTED);
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// A CoNLL-U-like file: BOM, CRLF, tabs, POS and lemma columns, comments,
/// two documents, every token starting with U+200E (the mark that made
/// export split every word in two), tashkeel.
const MARKED: &str = concat!(
    "\u{FEFF}# source = test\r\n",
    "-DOCSTART-\t-X-\t-X-\tO\r\n",
    "\r\n",
    "# sent_id = 1\r\n",
    "\u{200E}زارَ\tVERB\tزار\tO\r\n",
    "\u{200E}علي\tPROPN\tعلي\tB-PER\r\n",
    "\u{200E}فرانكفورت\tPROPN\tفرانكفورت\tB-LOC\r\n",
    "\u{200E}؟\tPUNCT\t؟\tO\r\n",
    "\r\n",
    "-DOCSTART-\t-X-\t-X-\tO\r\n",
    "\r\n",
    "# sent_id = 2\r\n",
    "\u{200E}مسجد\tNOUN\tمسجد\tB-LOC\r\n",
    "\u{200E}ابن\tNOUN\tابن\tI-LOC\r\n",
    "\u{200E}طولون\tPROPN\tطولون\tI-LOC\r\n",
    "\u{200E}؟\tPUNCT\t؟\tO\r\n",
    "\r\n",
    "\r\n",
);

#[test]
fn a_marked_crlf_file_with_pos_lemma_and_comments_round_trips() {
    let ws = workspace("marked.conll", MARKED);
    assert_eq!(ws.documents.len(), 2);
    assert_eq!(ws.documents[0].name, "marked.conll #1");
    assert_eq!(
        ws.documents[0].text.as_str(),
        "\u{200E}زارَ \u{200E}علي \u{200E}فرانكفورت \u{200E}؟"
    );
    let (out, warnings) = export(&ws, TagScheme::AsImported);
    assert_eq!(out, MARKED);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn edits_change_only_the_affected_tag_columns() {
    let mut ws = workspace("marked.conll", MARKED);
    let first = std::sync::Arc::make_mut(&mut ws.documents[0]);
    for span in &mut first.spans {
        if span.label == "PER" {
            span.label = "ORG".into();
        }
    }
    first.spans.retain(|s| s.label != "LOC");
    let second = std::sync::Arc::make_mut(&mut ws.documents[1]);
    let range = find(second, "\u{200E}طولون");
    add_span(second, range, "PER");
    let (out, warnings) = export(&ws, TagScheme::AsImported);
    // The nested PER needs a second tag column: every token line of its
    // document gets one, and the export says so.
    assert_eq!(
        warnings,
        [
            "marked.conll #2: nested spans need another tag column, added to every token line of the document (2 columns now)"
        ]
    );
    assert_eq!(
        diff(MARKED, &out),
        [
            (
                6,
                "\u{200E}علي\tPROPN\tعلي\tB-PER\r",
                "\u{200E}علي\tPROPN\tعلي\tB-ORG\r"
            ),
            (
                7,
                "\u{200E}فرانكفورت\tPROPN\tفرانكفورت\tB-LOC\r",
                "\u{200E}فرانكفورت\tPROPN\tفرانكفورت\tO\r"
            ),
            (
                13,
                "\u{200E}مسجد\tNOUN\tمسجد\tB-LOC\r",
                "\u{200E}مسجد\tNOUN\tمسجد\tB-LOC\tO\r"
            ),
            (
                14,
                "\u{200E}ابن\tNOUN\tابن\tI-LOC\r",
                "\u{200E}ابن\tNOUN\tابن\tI-LOC\tO\r"
            ),
            (
                15,
                "\u{200E}طولون\tPROPN\tطولون\tI-LOC\r",
                "\u{200E}طولون\tPROPN\tطولون\tI-LOC\tB-PER\r"
            ),
            (
                16,
                "\u{200E}؟\tPUNCT\t؟\tO\r",
                "\u{200E}؟\tPUNCT\t؟\tO\tO\r"
            ),
        ]
    );
    // What was written reads back as the edited spans.
    let back = workspace("marked.conll", &out);
    for (a, b) in ws.documents.iter().zip(&back.documents) {
        assert_eq!(labelled(a), labelled(b));
    }
}

#[test]
fn deleting_a_nested_entity_pads_its_column_with_o() {
    let mut ws = workspace("nested.conll", NESTED);
    std::sync::Arc::make_mut(&mut ws.documents[0])
        .spans
        .retain(|s| s.label != "GPE");
    let (out, _) = export(&ws, TagScheme::AsImported);
    assert_eq!(
        diff(NESTED, &out),
        [(3, "العراقي I-ORG B-GPE", "العراقي I-ORG O")]
    );
}

#[test]
fn an_explicit_scheme_rewrites_only_tags() {
    let ws = workspace("marked.conll", MARKED);
    let (out, _) = export(&ws, TagScheme::Bioes);
    let changed: Vec<(usize, &str)> = diff(MARKED, &out)
        .into_iter()
        .map(|(line, _, after)| (line, after))
        .collect();
    assert_eq!(
        changed,
        [
            (6, "\u{200E}علي\tPROPN\tعلي\tS-PER\r"),
            (7, "\u{200E}فرانكفورت\tPROPN\tفرانكفورت\tS-LOC\r"),
            (15, "\u{200E}طولون\tPROPN\tطولون\tE-LOC\r"),
        ]
    );
}

#[test]
fn without_its_layout_a_marked_document_keeps_its_tokens() {
    let mut ws = workspace("marked.conll", MARKED);
    for doc in ws.documents.iter_mut() {
        std::sync::Arc::make_mut(doc).source = None;
    }
    let (out, warnings) = export(&ws, TagScheme::AsImported);
    let tokens: Vec<&str> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
        .map(|l| l.split(' ').next().unwrap_or_default())
        .collect();
    let expected: Vec<&str> = MARKED
        .lines()
        .filter(|l| l.starts_with('\u{200E}'))
        .map(|l| l.split('\t').next().unwrap_or_default())
        .collect();
    assert_eq!(tokens, expected, "no mark became a token of its own");
    assert!(warnings.is_empty(), "{warnings:?}");
    let back = workspace("again.conll", &out);
    for (a, b) in ws.documents.iter().zip(&back.documents) {
        assert_eq!(a.text, b.text);
        assert_eq!(labelled(a), labelled(b));
    }
}
