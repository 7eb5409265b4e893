//! "What was read is what is written" (issue 8) for doccano, spaCy and Label
//! Studio: fields and result types Wasim does not model survive import →
//! export, byte for byte when the file is in the exporter's own layout, as
//! equal JSON values otherwise, and still after spans are added, relabelled
//! and deleted. Document names go to each format's name field and come back.
//!
//! Offsets in the fixtures are code points, half-open.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{Value, json};
use wasim::core::edit::Edit;
use wasim::core::formats::doccano::Doccano;
use wasim::core::formats::label_studio::LabelStudio;
use wasim::core::formats::spacy::Spacy;
use wasim::core::formats::{ExportOptions, Format};
use wasim::core::model::{DocId, Document, Workspace};

fn workspace(format: &dyn Format, name: &str, text: &str) -> Workspace {
    common::imported(format, name, text)
}

fn export(format: &dyn Format, ws: &Workspace) -> String {
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = format.export(&ws.labels, &docs, ExportOptions::default());
    String::from_utf8(exported.file.bytes).expect("UTF-8")
}

/// JSON Lines as values.
fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// The records of a fixture in the exporter's JSONL layout: one compact
/// record per line, keys in the fixture's order.
fn compact_jsonl(records: &Value) -> String {
    records
        .as_array()
        .expect("array")
        .iter()
        .map(|r| serde_json::to_string(r).expect("serializes") + "\n")
        .collect()
}

fn doc_id(ws: &Workspace, index: usize) -> DocId {
    ws.documents[index].id
}

fn span_id(ws: &Workspace, doc: usize, start: usize, end: usize) -> wasim::core::model::SpanId {
    ws.documents[doc]
        .spans
        .iter()
        .find(|s| s.start == start && s.end == end)
        .unwrap_or_else(|| panic!("span [{start}, {end})"))
        .id
}

fn ensure_label(ws: &mut Workspace, name: &str) {
    if ws.label(name).is_none() {
        let mut labels = ws.labels.clone();
        labels.push(wasim::core::model::Label {
            name: name.into(),
            color: "#ffe08a".into(),
            key: None,
            description: String::new(),
        });
        ws.labels = labels;
    }
}

fn add(ws: &mut Workspace, doc: usize, start: usize, end: usize, label: &str) {
    ensure_label(ws, label);
    let id = doc_id(ws, doc);
    let edit = Edit::add_span(ws, id, start, end, label).expect("add");
    edit.apply(ws).expect("applies");
}

fn relabel(ws: &mut Workspace, doc: usize, start: usize, end: usize, label: &str) {
    ensure_label(ws, label);
    let edit = Edit::SetSpanLabel {
        doc: doc_id(ws, doc),
        span: span_id(ws, doc, start, end),
        label: label.into(),
    };
    edit.apply(ws).expect("applies");
}

fn remove(ws: &mut Workspace, doc: usize, start: usize, end: usize) {
    let edit = Edit::RemoveSpans {
        doc: doc_id(ws, doc),
        ids: vec![span_id(ws, doc, start, end)],
    };
    edit.apply(ws).expect("applies");
}

fn rename(ws: &mut Workspace, doc: usize, name: &str) {
    std::sync::Arc::make_mut(&mut ws.documents[doc]).name = name.into();
}

// ---------------------------------------------------------------- doccano

fn doccano_fixture() -> Value {
    json!([
        {"id": 17, "text": "EU rejects German call", "label": [[0, 2, "ORG"], [11, 17, "MISC"]],
         "meta": {"name": "eu.txt", "source": "reuters"}, "cats": ["politics"],
         "Comments": [{"user": "a", "text": "check"}]},
        {"id": 18, "text": "قال علي في بغداد",
         "entities": [{"id": 5, "start_offset": 4, "end_offset": 7, "label": "PER", "confidence": 0.9},
                      {"id": 6, "start_offset": 11, "end_offset": 16, "label": "LOC"}],
         "relations": [{"id": 1, "from_id": 5, "to_id": 6, "type": "in"}],
         "meta": {"wikiPageID": 1}},
        {"text": "😀 Ali", "label": [[2, 5, "PER"]], "offset_unit": "code_points", "annotation_approver": null}
    ])
}

#[test]
fn doccano_unchanged_file_in_own_layout_reexports_byte_identically() {
    let file = compact_jsonl(&doccano_fixture());
    let ws = workspace(&Doccano, "d.jsonl", &file);
    assert_eq!(ws.documents[0].name, "eu.txt", "meta.name is the name");
    assert_eq!(ws.documents[1].name, "d.jsonl #2", "generated when absent");
    assert_eq!(export(&Doccano, &ws), file);
}

#[test]
fn doccano_other_layouts_reexport_the_same_values() {
    let fixture = doccano_fixture();
    let pretty = serde_json::to_string_pretty(&fixture).expect("json");
    let ws = workspace(&Doccano, "d.json", &pretty);
    assert_eq!(Value::Array(lines(&export(&Doccano, &ws))), fixture);
    // Spaced JSONL (Python's json.dumps default separators).
    let spaced: String = fixture
        .as_array()
        .expect("array")
        .iter()
        .map(|r| {
            serde_json::to_string(r)
                .expect("json")
                .replace("\":", "\": ")
                .replace(",\"", ", \"")
                + "\n"
        })
        .collect();
    let ws = workspace(&Doccano, "d.jsonl", &spaced);
    assert_eq!(Value::Array(lines(&export(&Doccano, &ws))), fixture);
}

#[test]
fn doccano_unknown_fields_survive_edits() {
    let ws0 = workspace(&Doccano, "d.jsonl", &compact_jsonl(&doccano_fixture()));
    let mut ws = ws0.clone();
    add(&mut ws, 0, 18, 22, "MISC");
    relabel(&mut ws, 1, 11, 16, "ORG");
    add(&mut ws, 1, 0, 3, "PER");
    remove(&mut ws, 1, 4, 7);
    rename(&mut ws, 1, "baghdad");
    let out = lines(&export(&Doccano, &ws));
    assert_eq!(
        out[0],
        json!({"id": 17, "text": "EU rejects German call",
               "label": [[0, 2, "ORG"], [11, 17, "MISC"], [18, 22, "MISC"]],
               "meta": {"name": "eu.txt", "source": "reuters"}, "cats": ["politics"],
               "Comments": [{"user": "a", "text": "check"}]})
    );
    assert_eq!(
        out[1],
        json!({"id": 18, "text": "قال علي في بغداد",
               "entities": [{"id": 6, "start_offset": 11, "end_offset": 16, "label": "ORG"},
                            {"id": 7, "start_offset": 0, "end_offset": 3, "label": "PER"}],
               "relations": [],
               "meta": {"wikiPageID": 1, "name": "baghdad"}}),
        "the relabelled entity keeps its id; the relation to the deleted one goes"
    );
    // Re-import reads the new name back.
    let again = workspace(&Doccano, "x.jsonl", &export(&Doccano, &ws));
    assert_eq!(again.documents[1].name, "baghdad");
}

#[test]
fn doccano_documents_not_read_from_doccano_carry_their_names() {
    let mut ws = Workspace::default();
    let doc = ws.new_document("article.txt", "زار علي");
    ws.documents.push(doc.into());
    add(&mut ws, 0, 4, 7, "PER");
    let out = lines(&export(&Doccano, &ws));
    assert_eq!(out[0]["meta"]["name"], "article.txt");
    let again = workspace(&Doccano, "wasim-doccano.jsonl", &export(&Doccano, &ws));
    assert_eq!(again.documents[0].name, "article.txt");
}

// ------------------------------------------------------------------ spaCy

fn spacy_fixture() -> Value {
    json!([
        {"text": "زار علي بالعراق", "_input_hash": -12, "_task_hash": 99,
         "tokens": [{"text": "زار", "start": 0, "end": 3, "id": 0, "ws": true},
                    {"text": "علي", "start": 4, "end": 7, "id": 1, "ws": true},
                    {"text": "ب", "start": 8, "end": 9, "id": 2, "ws": false},
                    {"text": "العراق", "start": 9, "end": 15, "id": 3, "ws": false}],
         "spans": [{"start": 4, "end": 7, "label": "PER", "text": "علي", "token_start": 1, "token_end": 1,
                    "id": "s1", "source": "model", "score": 0.93, "kb_id": "Q1"},
                   {"start": 9, "end": 15, "label": "LOC", "token_start": 3, "token_end": 3, "input_hash": 5}],
         "meta": {"name": "iraq", "section": "news"}, "answer": "accept", "_view_id": "ner_manual",
         "_timestamp": 1_700_000_000},
        {"text": "Ali went home", "spans": [{"start": 0, "end": 3, "label": "PER", "kb_id": ""}],
         "meta": {"source": "x"}, "answer": "accept"}
    ])
}

#[test]
fn spacy_unchanged_file_in_own_layout_reexports_byte_identically() {
    let file = compact_jsonl(&spacy_fixture());
    let ws = workspace(&Spacy, "s.jsonl", &file);
    assert_eq!(ws.documents[0].name, "iraq");
    assert_eq!(ws.documents[1].name, "s.jsonl #2");
    assert_eq!(export(&Spacy, &ws), file);
    let pretty = serde_json::to_string_pretty(&spacy_fixture()).expect("json");
    let ws = workspace(&Spacy, "s.json", &pretty);
    assert_eq!(Value::Array(lines(&export(&Spacy, &ws))), spacy_fixture());
}

#[test]
fn spacy_unknown_fields_survive_edits_and_tokens_follow_spans() {
    let mut ws = workspace(&Spacy, "s.jsonl", &compact_jsonl(&spacy_fixture()));
    // عراق inside the token العراق: the file's tokens no longer fit.
    add(&mut ws, 0, 11, 15, "MISC");
    let edit = Edit::SetSpanNote {
        doc: doc_id(&ws, 0),
        span: span_id(&ws, 0, 4, 7),
        note: None,
        entity_id: Some("Q2".into()),
    };
    edit.apply(&mut ws).expect("applies");
    relabel(&mut ws, 1, 0, 3, "ORG");
    let out = lines(&export(&Spacy, &ws));
    let record = &out[0];
    for key in [
        "_input_hash",
        "_task_hash",
        "answer",
        "_view_id",
        "_timestamp",
    ] {
        assert_eq!(record[key], spacy_fixture()[0][key], "{key}");
    }
    assert_eq!(record["meta"], json!({"name": "iraq", "section": "news"}));
    let tokens: Vec<(String, u64, u64, bool)> = record["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| {
            (
                t["text"].as_str().expect("text").to_owned(),
                t["start"].as_u64().expect("start"),
                t["end"].as_u64().expect("end"),
                t["ws"].as_bool().expect("ws"),
            )
        })
        .collect();
    let expected: Vec<(String, u64, u64, bool)> = [
        ("زار", 0, 3, true),
        ("علي", 4, 7, true),
        ("ب", 8, 9, false),
        ("ال", 9, 11, false),
        ("عراق", 11, 15, false),
    ]
    .iter()
    .map(|&(t, s, e, w)| (t.to_owned(), s, e, w))
    .collect();
    assert_eq!(tokens, expected);
    assert_eq!(
        record["spans"],
        json!([
            {"start": 4, "end": 7, "label": "PER", "text": "علي", "token_start": 1, "token_end": 1,
             "id": "s1", "source": "model", "score": 0.93, "kb_id": "Q2"},
            {"start": 9, "end": 15, "label": "LOC", "token_start": 3, "token_end": 4, "input_hash": 5},
            {"start": 11, "end": 15, "label": "MISC", "text": "عراق", "token_start": 4, "token_end": 4}
        ])
    );
    assert_eq!(
        out[1],
        json!({"text": "Ali went home", "spans": [{"start": 0, "end": 3, "label": "ORG", "kb_id": ""}],
               "meta": {"source": "x"}, "answer": "accept"}),
        "relabelled in place; no tokens added to a record that had none"
    );
}

#[test]
fn spacy_new_records_have_names_and_tokens() {
    let mut ws = Workspace::default();
    let doc = ws.new_document("a.txt", "  زار\tعلي بالعراق\r\n😀 x");
    ws.documents.push(doc.into());
    add(&mut ws, 0, 7, 9, "PER"); // لي, inside علي
    add(&mut ws, 0, 11, 17, "LOC"); // العراق after the proclitic ب
    let out = lines(&export(&Spacy, &ws));
    let record = &out[0];
    assert_eq!(record["meta"]["name"], "a.txt");
    let text = record["text"].as_str().expect("text");
    let mut rebuilt = String::new();
    for token in record["tokens"].as_array().expect("tokens") {
        rebuilt.push_str(token["text"].as_str().expect("text"));
        if token["ws"].as_bool().expect("ws") {
            rebuilt.push(' ');
        }
    }
    assert_eq!(rebuilt, text);
    let tokens = record["tokens"].as_array().expect("tokens");
    for span in record["spans"].as_array().expect("spans") {
        let first = &tokens[span["token_start"].as_u64().expect("ts") as usize];
        let last = &tokens[span["token_end"].as_u64().expect("te") as usize];
        assert_eq!(first["start"], span["start"]);
        assert_eq!(last["end"], span["end"]);
    }
    let again = workspace(&Spacy, "wasim-spacy.jsonl", &export(&Spacy, &ws));
    assert_eq!(again.documents[0].name, "a.txt");
    assert_eq!(again.documents[0].spans.len(), 2);
}

// ----------------------------------------------------------- Label Studio

fn label_studio_fixture() -> Value {
    json!([{
        "id": 42,
        "data": {"text": "قال علي في بغداد", "meta_info": {"lang": "ar"}},
        "annotations": [
            {"id": 7, "completed_by": 3, "result": [
                {"value": {"start": 4, "end": 7, "text": "علي", "labels": ["PER"]}, "id": "r1",
                 "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
                 "meta": {"text": ["a note"]}},
                {"value": {"start": 11, "end": 16, "text": "بغداد", "labels": ["LOC"]}, "id": "r2",
                 "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
                {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right", "labels": ["in"]},
                {"value": {"choices": ["news"]}, "id": "c1", "from_name": "topic", "to_name": "text",
                 "type": "choices", "origin": "manual"},
                {"value": {"text": ["free text"]}, "id": "t1", "from_name": "comment", "to_name": "text",
                 "type": "textarea", "origin": "manual"},
                {"value": {"rating": 4}, "id": "k1", "from_name": "quality", "to_name": "text",
                 "type": "rating", "origin": "manual"}
             ],
             "was_cancelled": false, "ground_truth": false, "created_at": "2024-01-01T00:00:00Z",
             "updated_at": "2024-01-02T00:00:00Z", "lead_time": 12.5, "prediction": {}, "result_count": 0,
             "task": 42, "project": 1},
            {"id": 8, "result": [{"value": {"start": 0, "end": 3, "text": "قال", "labels": ["ORG"]}, "id": "x1",
                                  "from_name": "label", "to_name": "text", "type": "labels"}],
             "was_cancelled": true}
        ],
        "predictions": [{"id": 3, "model_version": "v1", "score": 0.5, "result": [
            {"value": {"start": 0, "end": 3, "text": "قال", "labels": ["MISC"]}, "id": "p1",
             "from_name": "label", "to_name": "text", "type": "labels"}]}],
        "meta": {"batch": 2}, "created_at": "2024-01-01T00:00:00Z", "inner_id": 1, "total_annotations": 1,
        "cancelled_annotations": 1, "total_predictions": 1, "project": 1, "updated_by": 3,
        "file_upload": "x.json", "drafts": [], "comment_authors": []
    }])
}

#[test]
fn label_studio_unchanged_file_in_own_layout_reexports_byte_identically() {
    let file = serde_json::to_string_pretty(&label_studio_fixture()).expect("json");
    let ws = workspace(&LabelStudio, "ls.json", &file);
    // The open annotation's spans; not the prediction's (the task has an
    // annotation) nor the cancelled annotation's.
    assert_eq!(ws.documents[0].spans.len(), 2);
    assert_eq!(ws.documents[0].spans[0].note.as_deref(), Some("a note"));
    assert_eq!(export(&LabelStudio, &ws), file);
    let compact = serde_json::to_string(&label_studio_fixture()).expect("json");
    let ws = workspace(&LabelStudio, "ls.json", &compact);
    let out: Value = serde_json::from_str(&export(&LabelStudio, &ws)).expect("json");
    assert_eq!(out, label_studio_fixture());
}

#[test]
fn label_studio_unknown_results_survive_edits() {
    let file = serde_json::to_string_pretty(&label_studio_fixture()).expect("json");
    let mut ws = workspace(&LabelStudio, "ls.json", &file);
    remove(&mut ws, 0, 4, 7);
    relabel(&mut ws, 0, 11, 16, "ORG");
    add(&mut ws, 0, 8, 10, "LOC");
    rename(&mut ws, 0, "baghdad");
    let out: Value = serde_json::from_str(&export(&LabelStudio, &ws)).expect("json");
    let mut expected = label_studio_fixture();
    let task = &mut expected[0];
    task["data"]["name"] = json!("baghdad");
    let results = task["annotations"][0]["result"]
        .as_array_mut()
        .expect("results");
    results.remove(2); // the relation to the deleted region
    results.remove(0); // the deleted region
    results[0]["value"]["labels"] = json!(["ORG"]);
    results.push(json!({"id": "wasim-1-1", "from_name": "label", "to_name": "text", "type": "labels",
                        "origin": "manual", "value": {"start": 8, "end": 10, "text": "في", "labels": ["LOC"]}}));
    assert_eq!(out, expected);
    // The relation that went is said, naming the document.
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let warnings = LabelStudio
        .export(&ws.labels, &docs, ExportOptions::default())
        .warnings;
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(|w| w
            == "Label Studio: 1 relation was left out because an entity it links was deleted (\"baghdad\")"),
        "{warnings:?}"
    );
    let again = workspace(&LabelStudio, "x.json", &export(&LabelStudio, &ws));
    assert_eq!(again.documents[0].name, "baghdad");
}

#[test]
fn label_studio_json_min_keeps_its_shape_and_fields() {
    let min = json!([{"id": 3, "text": "Ali went", "label": [{"start": 0, "end": 3, "text": "Ali", "labels": ["PER"]}],
                      "sentiment": "pos", "annotator": 1}]);
    let mut ws = workspace(&LabelStudio, "min.json", &min.to_string());
    let out: Value = serde_json::from_str(&export(&LabelStudio, &ws)).expect("json");
    assert_eq!(out, min);
    add(&mut ws, 0, 4, 8, "MISC");
    rename(&mut ws, 0, "ali");
    let out: Value = serde_json::from_str(&export(&LabelStudio, &ws)).expect("json");
    assert_eq!(
        out,
        json!([{"id": 3, "text": "Ali went",
                "label": [{"start": 0, "end": 3, "text": "Ali", "labels": ["PER"]},
                          {"start": 4, "end": 8, "text": "went", "labels": ["MISC"]}],
                "sentiment": "pos", "annotator": 1, "name": "ali"}])
    );
}

#[test]
fn utf16_files_find_their_entries_again() {
    // doccano's web UI counts UTF-16 units: علي is [9, 12) after the ZWJ family.
    let file = "{\"id\":1,\"text\":\"👩‍👩‍👧 علي\",\"entities\":[{\"id\":4,\"start_offset\":9,\"end_offset\":12,\"label\":\"PER\"}],\"relations\":[],\"offset_unit\":\"utf-16\"}\n";
    let ws = workspace(&Doccano, "d.jsonl", file);
    assert_eq!(
        (ws.documents[0].spans[0].start, ws.documents[0].spans[0].end),
        (6, 9)
    );
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let utf16 = ExportOptions {
        utf16_offsets: true,
        ..ExportOptions::default()
    };
    let out = Doccano.export(&ws.labels, &docs, utf16);
    assert_eq!(String::from_utf8(out.file.bytes).expect("UTF-8"), file);
    // Without the option too: a document is written in the unit its file
    // used, so re-uploading to doccano moves no span.
    assert_eq!(export(&Doccano, &ws), file);
    // Old Label Studio releases counted UTF-16 too: a task is written in
    // the unit it was read in, so that release reads it back.
    let task = json!([{"data": {"text": "👩‍👩‍👧 علي"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 9, "end": 12, "text": "علي", "labels": ["PER"]}}]}]}]);
    let ws = workspace(&LabelStudio, "ls.json", &task.to_string());
    assert_eq!(export(&LabelStudio, &ws), task.to_string());
}

/// Offsets written as whole floats (`4.0`, as pandas and some JavaScript
/// write every number, and as JSON Schema's `integer` allows) are read as
/// the offsets they are, and an unchanged file comes back byte for byte; a
/// fractional offset is still refused.
#[test]
fn offsets_written_as_whole_floats_are_read() {
    use wasim::core::formats::InputFile;
    use wasim::core::formats::wasim::WasimJson;
    let text = "قال علي اليوم";
    let files: [(&dyn Format, &str, String); 4] = [
        (
            &Doccano,
            "d.jsonl",
            format!("{{\"text\":\"{text}\",\"label\":[[4.0,7.0,\"PER\"]]}}\n"),
        ),
        (
            &Spacy,
            "s.jsonl",
            format!(
                "{{\"text\":\"{text}\",\"spans\":[{{\"start\":4.0,\"end\":7.0,\"label\":\"PER\"}}]}}\n"
            ),
        ),
        (
            &LabelStudio,
            "l.json",
            format!(
                "[{{\"id\":1,\"data\":{{\"text\":\"{text}\"}},\"annotations\":[{{\"id\":1,\"result\":[{{\"id\":\"a\",\"type\":\"labels\",\"from_name\":\"label\",\"to_name\":\"text\",\"value\":{{\"start\":4.0,\"end\":7.0,\"text\":\"علي\",\"labels\":[\"PER\"]}}}}]}}]}}]"
            ),
        ),
        (
            &WasimJson,
            "w.json",
            format!(
                "{{\"format\":\"wasim\",\"version\":1,\"labels\":[{{\"name\":\"PER\",\"color\":\"#ffc38a\"}}],\"documents\":[{{\"name\":\"a\",\"text\":\"{text}\",\"spans\":[{{\"start\":4.0,\"end\":7.0,\"label\":\"PER\",\"text\":\"علي\"}}]}}]}}"
            ),
        ),
    ];
    for (format, name, file) in files {
        let ws = workspace(format, name, &file);
        let spans: Vec<(usize, usize, &str)> = ws.documents[0]
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(spans, [(4, 7, "PER")], "{name}");
        if name != "w.json" {
            assert_eq!(export(format, &ws), file, "{name} comes back as it was");
        }
        let fractional = file.replacen("4.0", "4.5", 1);
        let refused = format.import(&InputFile {
            name: name.into(),
            bytes: fractional.into_bytes(),
        });
        let kept = refused
            .as_ref()
            .map(|i| i.documents.iter().map(|d| d.spans.len()).sum::<usize>());
        assert!(
            matches!(kept, Err(_) | Ok(0)),
            "{name}: 4.5 is not an offset: {kept:?}"
        );
    }
}

/// A second label added on an entity's text (Shift+key), then the entity's
/// label renamed: doccano's entity keeps its id, and the relation still
/// points at it; the added span gets a new id (it took the id and the
/// relation).
#[test]
fn a_renamed_entity_keeps_its_id_beside_a_span_added_on_its_text() {
    let record = r#"{"text":"Ahmed visited Amman.","entities":[{"id":1,"start_offset":0,"end_offset":5,"label":"PER"},{"id":2,"start_offset":14,"end_offset":19,"label":"LOC"}],"relations":[{"id":1,"from_id":1,"to_id":2,"type":"visits"}]}"#;
    let mut ws = workspace(&Doccano, "d.jsonl", &format!("{record}\n"));
    let doc = doc_id(&ws, 0);
    let added = ws.new_span(14, 19, "ORG");
    for edit in [
        Edit::AddSpans {
            doc,
            spans: vec![added],
        },
        Edit::RenameLabel {
            from: "LOC".into(),
            to: "PLACE".into(),
        },
    ] {
        edit.apply(&mut ws).expect("applies");
    }
    let out = lines(&export(&Doccano, &ws));
    assert_eq!(
        out[0]["entities"],
        json!([
            {"id": 1, "start_offset": 0, "end_offset": 5, "label": "PER"},
            {"id": 2, "start_offset": 14, "end_offset": 19, "label": "PLACE"},
            {"id": 3, "start_offset": 14, "end_offset": 19, "label": "ORG"},
        ])
    );
    assert_eq!(out[0]["relations"][0]["to_id"], json!(2));
}
