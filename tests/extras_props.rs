//! Property tests: doccano, spaCy and Label Studio files with fields Wasim
//! does not model (random keys and values at record, span and result level,
//! results of other types) come back with every one of them after import
//! then export, and byte for byte when the file is in the exporter's own
//! layout (JSON Lines: one compact record per line).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use wasim::core::formats::doccano::Doccano;
use wasim::core::formats::label_studio::LabelStudio;
use wasim::core::formats::spacy::Spacy;
use wasim::core::formats::{ExportOptions, Format};
use wasim::core::model::Document;

/// Words a text is made of; spans cover whole words.
const WORDS: &[&str] = &[
    "قال",
    "علي",
    "بغداد",
    "الكاظمي",
    "Paris",
    "EU",
    "😀",
    "كَتَبَ",
    "2024",
    "\u{200F}لندن",
];

/// A random JSON value Wasim knows nothing about.
fn extra_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        "[a-zء-ي ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(("x_[a-z]{1,5}", inner), 0..3)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Extra fields, with keys no format uses (`x_…`).
fn extras() -> impl Strategy<Value = Extras> {
    prop::collection::vec(("x_[a-z]{1,6}", extra_value()), 0..4).prop_map(|mut pairs| {
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|a, b| a.0 == b.0);
        pairs
    })
}

/// Fields a format does not model: (key, value) pairs.
type Extras = Vec<(String, Value)>;

/// A span as (start, end, label, its extras).
type GenSpan = (usize, usize, String, Extras);

/// A text of words and its word ranges in code points, plus spans (word
/// ranges, unique) each with its own extras.
#[derive(Clone, Debug)]
struct Doc {
    text: String,
    spans: Vec<GenSpan>,
    extras: Extras,
}

fn doc() -> impl Strategy<Value = Doc> {
    let words = prop::collection::vec(0..WORDS.len(), 1..8);
    let spans = prop::collection::vec((any::<prop::sample::Index>(), 0..3usize, extras()), 0..4);
    (words, spans, extras()).prop_map(|(words, spans, extras)| {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(WORDS[*w]);
            ranges.push((start, text.chars().count()));
        }
        let labels = ["PER", "LOC", "ORG"];
        let mut chosen: Vec<GenSpan> = Vec::new();
        for (at, label, extra) in spans {
            let (start, end) = ranges[at.index(ranges.len())];
            if chosen.iter().all(|s| (s.0, s.1) != (start, end)) {
                chosen.push((start, end, labels[label].to_owned(), extra));
            }
        }
        chosen.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        Doc {
            text,
            spans: chosen,
            extras,
        }
    })
}

fn object(base: Vec<(&str, Value)>, extras: &[(String, Value)]) -> Value {
    let mut map = Map::new();
    for (k, v) in base {
        map.insert(k.to_owned(), v);
    }
    for (k, v) in extras {
        map.insert(k.clone(), v.clone());
    }
    Value::Object(map)
}

fn doccano_record(d: &Doc) -> Value {
    let entities: Vec<Value> = d
        .spans
        .iter()
        .enumerate()
        .map(|(i, (s, e, l, x))| {
            object(
                vec![
                    ("id", json!(i + 1)),
                    ("start_offset", json!(s)),
                    ("end_offset", json!(e)),
                    ("label", json!(l)),
                ],
                x,
            )
        })
        .collect();
    object(
        vec![
            ("text", json!(d.text)),
            ("entities", Value::Array(entities)),
        ],
        &d.extras,
    )
}

fn spacy_record(d: &Doc) -> Value {
    let spans: Vec<Value> = d
        .spans
        .iter()
        .map(|(s, e, l, x)| {
            object(
                vec![("start", json!(s)), ("end", json!(e)), ("label", json!(l))],
                x,
            )
        })
        .collect();
    object(
        vec![("text", json!(d.text)), ("spans", Value::Array(spans))],
        &d.extras,
    )
}

fn label_studio_task(d: &Doc, id: usize) -> Value {
    let chars: Vec<char> = d.text.chars().collect();
    let mut result: Vec<Value> = d
        .spans
        .iter()
        .enumerate()
        .map(|(i, (s, e, l, x))| {
            let value = json!({"start": s, "end": e, "text": chars[*s..*e].iter().collect::<String>(), "labels": [l]});
            object(
                vec![
                    ("id", json!(format!("r{i}"))),
                    ("from_name", json!("label")),
                    ("to_name", json!("text")),
                    ("type", json!("labels")),
                    ("value", value),
                ],
                x,
            )
        })
        .collect();
    result.push(
        json!({"id": "c1", "from_name": "topic", "to_name": "text", "type": "choices",
                       "value": {"choices": ["news"]}}),
    );
    let annotation = object(
        vec![("id", json!(id * 10)), ("result", Value::Array(result))],
        &d.extras,
    );
    object(
        vec![
            ("id", json!(id)),
            ("data", json!({"text": d.text})),
            ("annotations", json!([annotation])),
        ],
        &d.extras,
    )
}

fn round_trip(format: &dyn Format, name: &str, text: &str) -> String {
    let ws = common::imported(format, name, text);
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = format.export(&ws.labels, &docs, ExportOptions::default());
    String::from_utf8(exported.file.bytes).expect("UTF-8")
}

fn jsonl(records: &[Value]) -> String {
    records
        .iter()
        .map(|r| serde_json::to_string(r).expect("serializes") + "\n")
        .collect()
}

proptest! {
    #![proptest_config(common::proptest_config("extras_props", 64))]

    #[test]
    fn doccano_keeps_every_field(docs in prop::collection::vec(doc(), 1..4)) {
        let file = jsonl(&docs.iter().map(doccano_record).collect::<Vec<_>>());
        prop_assert_eq!(round_trip(&Doccano, "d.jsonl", &file), file);
    }

    #[test]
    fn spacy_keeps_every_field(docs in prop::collection::vec(doc(), 1..4)) {
        let file = jsonl(&docs.iter().map(spacy_record).collect::<Vec<_>>());
        prop_assert_eq!(round_trip(&Spacy, "s.jsonl", &file), file);
    }

    #[test]
    fn label_studio_keeps_every_field(docs in prop::collection::vec(doc(), 1..4)) {
        let tasks: Vec<Value> = docs.iter().enumerate().map(|(i, d)| label_studio_task(d, i + 1)).collect();
        let file = serde_json::to_string_pretty(&Value::Array(tasks.clone())).expect("serializes");
        let out = round_trip(&LabelStudio, "ls.json", &file);
        let back: Value = serde_json::from_str(&out).expect("JSON");
        prop_assert_eq!(back, Value::Array(tasks));
    }
}
