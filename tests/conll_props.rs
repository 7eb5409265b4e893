//! Property test: any CoNLL file Wasim reads, it writes back byte for byte
//! when nothing was edited ("what was read is what is written").
//!
//! Generated files vary everything the layout can: a BOM or not, CRLF or LF,
//! tabs or spaces (a different separator at every gap), 1–4 tag columns
//! varying per line, 0–2 POS/lemma columns, `#` comments, `-DOCSTART-`
//! lines, whitespace-only and trailing blank lines, a missing final line
//! end, tokens with U+200E/U+200F marks, tashkeel, tatweel, `#`, `|` and
//! tag-like words, and tags of every scheme (irregular sequences included).
//!
//! The run is deterministic: a fixed seed (override with
//! `PROPTEST_RNG_SEED`), ChaCha, 64 cases (override with `PROPTEST_CASES`),
//! and failures saved to `tests/conll_props.proptest-regressions`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use wasim::core::formats::conll::Conll;
use wasim::core::formats::{ExportOptions, Format, InputFile, import_edit};
use wasim::core::model::{Document, Span, SpanId, Workspace};

const WORDS: &[&str] = &[
    "كَتَبَ",
    "بغداد",
    "\u{200E}فرانكفورت",
    "\u{200E}؟",
    "\u{200F}علي\u{200F}",
    "\u{200F}",
    "؟",
    ".",
    "ـ",
    "دُمِّر",
    "Paris",
    "#",
    "#tag",
    "a|b",
    "O",
    "B-X",
    "3.5",
];
const POS: &[&str] = &["NN", "VERB", "_", "PUNCT", "اسم", "-X-"];
const TAGS: &[&str] = &[
    "O", "O", "O", "O", "B-X", "I-X", "B-Y", "I-Y", "E-X", "S-Y", "L-X", "U-Y", "B-MIS1`",
];
const SEPARATORS: &[&str] = &[" ", "\t", "  ", " \t"];
const COMMENTS: &[&str] = &["# sent_id = 1", "#", "# text = زار علي ."];
const BLANKS: &[&str] = &["", " ", "\t "];

/// One token line: word, POS values, tags, separator per gap, trailing
/// space.
type TokenLine = (usize, Vec<usize>, Vec<usize>, Vec<usize>, bool);

#[derive(Clone, Debug)]
enum Item {
    Tokens(Vec<TokenLine>),
    Comment(usize),
    DocStart(bool),
    Blank(usize),
}

#[derive(Clone, Debug)]
struct Plan {
    bom: bool,
    crlf: bool,
    skip: usize,
    before: Vec<Item>,
    tokens: Vec<TokenLine>,
    after: Vec<Item>,
    trailing_blank_lines: usize,
    final_eol: bool,
}

fn token_line() -> impl Strategy<Value = TokenLine> {
    (
        0..WORDS.len(),
        prop::collection::vec(0..POS.len(), 2),
        prop::collection::vec(0..TAGS.len(), 1..=4),
        prop::collection::vec(0..SEPARATORS.len(), 6),
        prop::bool::weighted(0.1),
    )
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        4 => prop::collection::vec(token_line(), 1..6).prop_map(Item::Tokens),
        1 => (0..COMMENTS.len()).prop_map(Item::Comment),
        1 => any::<bool>().prop_map(Item::DocStart),
        2 => (0..BLANKS.len()).prop_map(Item::Blank),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (any::<bool>(), any::<bool>(), 0..=2usize),
        prop::collection::vec(item(), 0..8),
        prop::collection::vec(token_line(), 1..4),
        prop::collection::vec(item(), 0..8),
        (0..3usize, any::<bool>()),
    )
        .prop_map(
            |((bom, crlf, skip), before, tokens, after, (trailing, final_eol))| Plan {
                bom,
                crlf,
                skip,
                before,
                tokens,
                after,
                trailing_blank_lines: trailing,
                final_eol,
            },
        )
}

/// Writes a token line: the word, `skip` POS columns and the tags, each
/// after its own separator.
fn write_token_line(line: &TokenLine, skip: usize) -> String {
    let (word, pos, tags, seps, trailing) = line;
    let columns = pos
        .iter()
        .take(skip)
        .map(|p| POS[*p])
        .chain(tags.iter().map(|t| TAGS[*t]));
    let mut out = WORDS[*word].to_owned();
    for (i, column) in columns.enumerate() {
        out.push_str(SEPARATORS[seps[i % seps.len()]]);
        out.push_str(column);
    }
    if *trailing {
        out.push(' ');
    }
    out
}

fn file(plan: &Plan) -> String {
    let mut lines = Vec::new();
    let middle = Item::Tokens(plan.tokens.clone());
    let items = plan
        .before
        .iter()
        .chain(std::iter::once(&middle))
        .chain(&plan.after);
    for item in items {
        match item {
            Item::Tokens(tokens) => {
                lines.extend(tokens.iter().map(|t| write_token_line(t, plan.skip)));
            }
            Item::Comment(c) => lines.push(COMMENTS[*c].to_owned()),
            Item::DocStart(columns) => lines.push(if *columns {
                "-DOCSTART- -X- O O".to_owned()
            } else {
                "-DOCSTART-".to_owned()
            }),
            Item::Blank(b) => lines.push(BLANKS[*b].to_owned()),
        }
    }
    lines.extend(std::iter::repeat_n(
        String::new(),
        plan.trailing_blank_lines,
    ));
    let eol = if plan.crlf { "\r\n" } else { "\n" };
    let mut out = if plan.bom { "\u{FEFF}" } else { "" }.to_owned();
    out.push_str(&lines.join(eol));
    if plan.final_eol {
        out.push_str(eol);
    }
    out
}

proptest! {
    #![proptest_config(common::proptest_config("conll_props", 64))]

    #[test]
    fn import_then_export_is_the_identity(plan in plan()) {
        let text = file(&plan);
        let ws = import(&text);
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Conll.export(&ws.labels, &docs, ExportOptions::default());
        prop_assert_eq!(String::from_utf8_lossy(&exported.file.bytes), text.as_str());
        prop_assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
    }

    #[test]
    fn edits_read_back_and_keep_everything_but_tags(
        plan in plan(),
        keep in prop::collection::vec(any::<bool>(), 40),
        new in (any::<prop::sample::Index>(), 1..3usize, 0..2usize),
    ) {
        let text = file(&plan);
        let mut ws = import(&text);
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        let mut flags = keep.iter().cycle();
        doc.spans.retain(|_| *flags.next().unwrap_or(&true));
        add_token_span(doc, new);
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Conll.export(&ws.labels, &docs, ExportOptions::default());
        prop_assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
        let out = String::from_utf8(exported.file.bytes).expect("utf8");
        let back = import(&out);
        for (a, b) in ws.documents.iter().zip(&back.documents) {
            prop_assert_eq!(a.text.as_str(), b.text.as_str());
            prop_assert_eq!(keys(a), keys(b));
        }
        for (x, y) in text.split('\n').zip(out.split('\n')) {
            let lead = |l: &str| l.split([' ', '\t']).take(1 + plan.skip).map(str::to_owned).collect::<Vec<_>>();
            prop_assert_eq!(lead(x), lead(y));
        }
    }
}

fn import(text: &str) -> Workspace {
    let imported = Conll
        .import(&InputFile {
            name: "p.conll".into(),
            bytes: text.as_bytes().to_vec(),
        })
        .unwrap_or_else(|e| panic!("imports: {e}\n{text:?}"));
    let mut ws = Workspace::default();
    let (edit, _) = import_edit(&mut ws, imported).expect("valid");
    edit.apply(&mut ws).expect("applies");
    ws
}

/// `(start, end, label)` of every span, sorted.
fn keys(doc: &Document) -> Vec<(usize, usize, String)> {
    let mut keys: Vec<_> = doc
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.to_string()))
        .collect();
    keys.sort();
    keys
}

/// Adds a span over `len` tokens of one line of the text, from a token
/// picked by `at`, labelled `Z` or `X`.
fn add_token_span(doc: &mut Document, (at, len, label): (prop::sample::Index, usize, usize)) {
    let text = doc.text.as_str().to_owned();
    let mut tokens = Vec::new();
    let mut cp = 0;
    for line in text.split('\n') {
        let mut row = Vec::new();
        for word in line.split(' ') {
            let n = word.chars().count();
            row.push((cp, cp + n));
            cp += n + 1;
        }
        tokens.push(row);
    }
    let flat: Vec<(usize, usize)> = tokens.iter().flatten().copied().collect();
    if text.is_empty() || flat.is_empty() {
        return;
    }
    let first = at.index(flat.len());
    let row = tokens
        .iter()
        .find(|r| r.contains(&flat[first]))
        .expect("row");
    let pos = row.iter().position(|t| *t == flat[first]).expect("pos");
    let last = row[(pos + len - 1).min(row.len() - 1)];
    let span = Span {
        id: SpanId(1_000_000),
        start: flat[first].0,
        end: last.1,
        label: ["Z", "X"][label].into(),
        note: None,
        entity_id: None,
        annotators: Vec::new(),
        accepted: false,
    };
    if !doc.has_span(span.start, span.end, &span.label) {
        let index = doc.insertion_index(&span);
        doc.spans.insert(index, span);
    }
}
