//! Property tests over every format: what a format can hold survives
//! export then import, and no input makes an importer panic.
//!
//! Texts mix Arabic with tashkeel, Latin, digits, emoji with ZWJ and skin
//! tones, RTL/LTR marks and CRLF line ends. Offsets are code points,
//! half-open, as everywhere in Wasim.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use wasim::core::formats::{
    ExportOptions, Format, ImportMode, Imported, InputFile, TagScheme, all, by_id, classify,
    import_edit, import_files,
};
use wasim::core::model::{Document, Workspace};

/// Pieces texts are made of: `true` for words a span may start or end on.
const WORDS: &[&str] = &[
    "كَتَبَ",
    "بِسْمِ",
    "الْعِرَاق",
    "بغداد",
    "دُمِّر",
    "ـ",
    "Paris",
    "Wasim",
    "naïve",
    "2024",
    "٣٤٥",
    "3.5",
    "👩‍👩‍👧",
    "👍🏽",
    "😀",
    "🇮🇶",
    "\u{200F}علي\u{200F}",
    "x",
];
const GAPS: &[&str] = &[
    " ",
    " ",
    " ",
    "  ",
    "\r\n",
    "\n",
    "\n\n",
    ", ",
    "، ",
    ". ",
    " (",
    ") ",
    " \u{200E}",
    "\t",
    ": ",
];

/// (first word, word count, label index, note, entity id)
type GenSpan = (usize, usize, usize, Option<String>, Option<String>);

#[derive(Clone, Debug)]
struct GenDoc {
    text: String,
    /// Code point ranges of the word pieces.
    words: Vec<(usize, usize)>,
    spans: Vec<GenSpan>,
    done: bool,
}

fn gen_doc() -> impl Strategy<Value = GenDoc> {
    let pieces = prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..14);
    let spans = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            1..4usize,
            0..4usize,
            prop::option::of("[a-z ءا-ي]{1,8}"),
            prop::option::of("Q[1-9][0-9]{0,4}"),
        ),
        0..6,
    );
    (pieces, spans, any::<bool>()).prop_map(|(pieces, spans, done)| {
        let mut text = String::new();
        let mut words = Vec::new();
        let mut cp = 0;
        for (w, g) in pieces {
            let word = WORDS[w];
            let len = word.chars().count();
            words.push((cp, cp + len));
            text.push_str(word);
            cp += len;
            text.push_str(GAPS[g]);
            cp += GAPS[g].chars().count();
        }
        let spans = spans
            .into_iter()
            .map(|(first, count, label, note, id)| {
                let first = first.index(words.len());
                (first, count.min(words.len() - first), label, note, id)
            })
            .collect();
        GenDoc {
            text,
            words,
            spans,
            done,
        }
    })
}

const LABELS: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

fn build(docs: &[GenDoc]) -> Workspace {
    let mut ws = Workspace::default();
    for (i, g) in docs.iter().enumerate() {
        let mut doc = ws.new_document(&format!("doc{}.txt", i + 1), &g.text);
        doc.done = g.done;
        for (first, count, label, note, id) in &g.spans {
            let (start, end) = (g.words[*first].0, g.words[first + count - 1].1);
            if doc.has_span(start, end, LABELS[*label]) {
                continue;
            }
            let mut span = ws.new_span(start, end, LABELS[*label]);
            span.note = note.clone();
            span.entity_id = id.clone();
            let at = doc.insertion_index(&span);
            doc.spans.insert(at, span);
        }
        ws.documents.push(doc.into());
    }
    ws
}

fn round_trip(format: &dyn Format, ws: &Workspace, options: ExportOptions) -> (Workspace, Vec<u8>) {
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = format.export(&ws.labels, &docs, options);
    let file = InputFile {
        name: exported.file.name.clone(),
        bytes: exported.file.bytes.clone(),
    };
    assert_eq!(
        wasim::core::formats::detect(&file).map(|f| f.id()),
        Some(format.id()),
        "{} claims its own export",
        format.id()
    );
    let imported = format
        .import(&file)
        .unwrap_or_else(|e| panic!("{} re-import failed: {e}", format.id()));
    let mut back = Workspace::default();
    let (edit, _) =
        import_edit(&mut back, imported).unwrap_or_else(|e| panic!("{}: {e}", format.id()));
    edit.apply(&mut back).expect("applies");
    (back, exported.file.bytes)
}

/// (start, end, label, note, entity id) of a document's spans.
type Full = Vec<(usize, usize, String, Option<String>, Option<String>)>;

fn spans(doc: &Document, notes: bool, ids: bool) -> Full {
    doc.spans
        .iter()
        .map(|s| {
            let note = s.note.clone().filter(|_| notes);
            let id = s.entity_id.clone().filter(|_| ids);
            (s.start, s.end, s.label.to_string(), note, id)
        })
        .collect()
}

fn same_offsets(format: &str, ws: &Workspace, back: &Workspace, notes: bool, ids: bool) {
    assert_eq!(
        back.documents.len(),
        ws.documents.len(),
        "{format}: document count"
    );
    for (a, b) in ws.documents.iter().zip(&back.documents) {
        assert_eq!(a.text, b.text, "{format}: text");
        assert_eq!(
            spans(a, notes, ids),
            spans(b, notes, ids),
            "{format}: spans"
        );
    }
}

/// Text without whitespace, which CoNLL keeps.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    // 96 cases from a fixed seed, after the saved regressions; `PROPTEST_CASES`
    // and `PROPTEST_RNG_SEED` ask for others (see tests/common/mod.rs).
    #![proptest_config(common::proptest_config("formats_props", 96))]

    #[test]
    fn every_format_keeps_what_it_can_hold(docs in prop::collection::vec(gen_doc(), 1..4)) {
        let ws = build(&docs);
        let options = ExportOptions::default();

        let (back, _) = round_trip(by_id("wasim").expect("wasim"), &ws, options);
        assert_eq!(back.labels, ws.labels);
        for (a, b) in ws.documents.iter().zip(&back.documents) {
            assert_eq!((&a.name, a.done), (&b.name, b.done));
        }
        same_offsets("wasim", &ws, &back, true, true);

        let (back, _) = round_trip(by_id("doccano").expect("doccano"), &ws, options);
        same_offsets("doccano", &ws, &back, false, false);
        let utf16 = ExportOptions { utf16_offsets: true, ..options };
        let (back, _) = round_trip(by_id("doccano").expect("doccano"), &ws, utf16);
        same_offsets("doccano utf16", &ws, &back, false, false);

        let (back, _) = round_trip(by_id("spacy").expect("spacy"), &ws, options);
        same_offsets("spacy", &ws, &back, false, true);

        let (back, _) = round_trip(by_id("label-studio").expect("ls"), &ws, options);
        same_offsets("label-studio", &ws, &back, true, false);
        for (a, b) in ws.documents.iter().zip(&back.documents) {
            assert_eq!(a.name, b.name);
        }

        let (back, _) = round_trip(by_id("brat").expect("brat"), &ws, options);
        same_offsets("brat", &ws, &back, true, false);

        for scheme in TagScheme::ALL {
            let options = ExportOptions { tag_scheme: scheme, ..options };
            let (back, bytes) = round_trip(by_id("conll").expect("conll"), &ws, options);
            assert_eq!(back.documents.len(), ws.documents.len());
            for (a, b) in ws.documents.iter().zip(&back.documents) {
                assert_eq!(compact(a.text.as_str()), compact(b.text.as_str()), "conll {scheme:?}: tokens");
                let labelled = |d: &Document| -> Vec<(String, String)> {
                    d.spans.iter().map(|s| (s.label.to_string(), compact(d.text.slice(s.start, s.end).unwrap_or_default()))).collect()
                };
                assert_eq!(labelled(a), labelled(b), "conll {scheme:?}: spans");
            }
            let (_, again) = round_trip(by_id("conll").expect("conll"), &back, options);
            assert_eq!(String::from_utf8_lossy(&again), String::from_utf8_lossy(&bytes), "conll {scheme:?}: stable");
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), name in 0..8usize) {
        let names = ["a.json", "a.jsonl", "a.conll", "a.txt", "a.ann", "a.zip", "a.iob", "a"];
        let file = InputFile { name: names[name].into(), bytes };
        feed(file);
    }

    #[test]
    fn mutated_exports_never_panic(
        docs in prop::collection::vec(gen_doc(), 1..3),
        format in 0..6usize,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..5usize, "[\\[\\]{}\":,0-9a-zA-Z\\- \\n\\t|;#]{0,3}"), 1..6),
    ) {
        let ws = build(&docs);
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let formats: Vec<&dyn Format> = all().iter().copied().filter(|f| f.can_import()).collect();
        let format = formats[format % formats.len()];
        let exported = format.export(&ws.labels, &docs, ExportOptions::default());
        let mut bytes = exported.file.bytes.clone();
        for (at, cut, insert) in edits {
            let at = at.index(bytes.len() + 1);
            let end = (at + cut).min(bytes.len());
            bytes.splice(at..end, insert.bytes());
        }
        feed(InputFile { name: exported.file.name.clone(), bytes: bytes.clone() });
        if format.id() == "brat" {
            // Also as a .txt + .ann pair built from the first document.
            let ann = String::from_utf8_lossy(&bytes).into_owned();
            let pair = vec![
                InputFile { name: "p.txt".into(), bytes: ws.documents[0].text.as_str().as_bytes().to_vec() },
                InputFile { name: "p.ann".into(), bytes: ann.into_bytes() },
            ];
            for result in import_files(pair) {
                check(result.ok());
            }
        }
    }
}

/// Every importer and the batch entry point read `file` without panicking,
/// and whatever they accept is consistent.
fn feed(file: InputFile) {
    let _ = classify(&file);
    for format in all() {
        if format.can_import() {
            check(format.import(&file).ok());
        }
    }
    for result in import_files(vec![file]) {
        check(result.ok());
    }
}

fn check(imported: Option<Imported>) {
    let Some(imported) = imported else {
        return;
    };
    for doc in &imported.documents {
        let len = doc.text.chars().count();
        for span in &doc.spans {
            assert!(
                span.start < span.end && span.end <= len,
                "importers return spans inside their text"
            );
        }
    }
    let mode = imported.mode;
    let mut ws = Workspace::default();
    match import_edit(&mut ws, imported) {
        Ok((edit, _)) => {
            edit.apply(&mut ws).expect("a valid import applies");
        }
        // Importers refuse what a workspace cannot hold, so only replacing
        // the workspace (a Wasim file with bad labels) may fail here.
        Err(e) => assert_eq!(
            mode,
            ImportMode::ReplaceWorkspace,
            "import_edit refused documents an importer accepted: {e}"
        ),
    }
}
