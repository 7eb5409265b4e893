//! Conformance against real files from other tools, read from
//! `../shared/external/` (each folder has a SOURCE.txt; the files are not
//! copied into this repository). A missing folder fails the test.
//!
//! Offsets are code points, half-open, as everywhere in Wasim.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use wasim::core::formats::brat::Brat;
use wasim::core::formats::conll::Conll;
use wasim::core::formats::doccano::Doccano;
use wasim::core::formats::label_studio::LabelStudio;
use wasim::core::formats::{
    ExportOptions, Format, Imported, InputFile, classify, import_edit, import_files, zip,
};
use wasim::core::model::{Document, Workspace};

fn external(folder: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/external")
        .join(folder);
    assert!(
        path.join("SOURCE.txt").is_file(),
        "conformance data missing: {} (expected the shared external corpus next to the crate)",
        path.display()
    );
    path
}

fn input(path: &Path) -> InputFile {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("file name")
        .to_owned();
    InputFile { name, bytes }
}

fn workspace(imported: Imported) -> Workspace {
    let mut ws = Workspace::default();
    let (edit, _) = import_edit(&mut ws, imported).expect("import is valid");
    edit.apply(&mut ws).expect("applies");
    ws
}

fn only(results: Vec<Result<Imported, wasim::core::formats::ImportError>>) -> Imported {
    assert_eq!(results.len(), 1, "one result expected");
    results
        .into_iter()
        .next()
        .expect("one")
        .unwrap_or_else(|e| panic!("import failed: {e}"))
}

/// `(type, start, end, text)` of every T line.
fn t_lines(ann: &str) -> BTreeSet<(String, usize, usize, String)> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let mid: Vec<&str> = cols[1].split(' ').collect();
            (
                mid[0].to_owned(),
                mid[1].parse().expect("start"),
                mid[2].parse().expect("end"),
                cols[2].to_owned(),
            )
        })
        .collect()
}

#[test]
fn brat_conll2002_pairs_import_and_export_byte_for_byte() {
    let root = external("brat-conll2002");
    let mut pairs = 0;
    let mut spans = 0;
    for lang in ["esp", "ned"] {
        let mut txts: Vec<PathBuf> = fs::read_dir(root.join(lang))
            .expect("folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        txts.sort();
        for txt in txts {
            let ann = txt.with_extension("ann");
            let ann_text = fs::read_to_string(&ann).expect("ann");
            let expected = t_lines(&ann_text);
            // The .ann comes first: pairing must not depend on order.
            let imported = only(import_files(vec![input(&ann), input(&txt)]));
            assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
            let ws = workspace(imported);
            let doc = &ws.documents[0];
            let got: BTreeSet<_> = doc
                .spans
                .iter()
                .map(|s| {
                    (
                        s.label.to_string(),
                        s.start,
                        s.end,
                        doc.text.slice(s.start, s.end).expect("in range").to_owned(),
                    )
                })
                .collect();
            assert_eq!(
                got,
                expected,
                "{}: span texts equal the .ann texts",
                txt.display()
            );
            let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
            let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
            let entries = zip::read(&exported.file.bytes).expect("zip reads");
            let ann_out = entries
                .iter()
                .find(|e| e.name.ends_with(".ann"))
                .expect("ann in zip");
            assert_eq!(
                t_lines(&String::from_utf8_lossy(&ann_out.bytes)),
                expected,
                "{}: same T lines",
                txt.display()
            );
            assert_eq!(
                String::from_utf8_lossy(&ann_out.bytes),
                ann_text,
                "{}: an unchanged .ann is written back byte for byte",
                txt.display()
            );
            let txt_out = entries
                .iter()
                .find(|e| e.name.ends_with(".txt"))
                .expect("txt in zip");
            assert_eq!(
                txt_out.bytes,
                fs::read(&txt).expect("txt"),
                "text unchanged"
            );
            pairs += 1;
            spans += expected.len();
        }
    }
    assert_eq!(pairs, 6);
    python_reads_brat_zip(&root);
    eprintln!(
        "brat-conll2002: {pairs} .txt/.ann pairs, {spans} T lines: span texts match and re-export gives the same .ann, byte for byte"
    );
}

/// `(label, text, start, end)` of every span. The variants differ only in
/// where sentences break (a line break or a space in Wasim's text), which
/// moves no offset.
/// Python's `zipfile` opens a brat export of the whole corpus, checks every
/// CRC and sees the pairs and `annotation.conf` (skipped, with a message,
/// when python3 is not installed).
fn python_reads_brat_zip(root: &Path) {
    let mut files = Vec::new();
    for lang in ["esp", "ned"] {
        for entry in fs::read_dir(root.join(lang)).expect("folder") {
            files.push(input(&entry.expect("entry").path()));
        }
    }
    let mut ws = Workspace::default();
    for result in import_files(files) {
        let (edit, _) = import_edit(&mut ws, result.expect("imports")).expect("valid");
        edit.apply(&mut ws).expect("applies");
    }
    assert_eq!(ws.documents.len(), 6);
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance-brat.zip");
    fs::write(&path, &exported.file.bytes).expect("write zip");
    let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n\
                  names = z.namelist()\nprint(len(names), 'annotation.conf' in names)\n";
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "python3 zipfile failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(stdout.trim(), "13 True", "6 pairs and annotation.conf");
            eprintln!(
                "brat export: Python's zipfile opened {} and checked every CRC",
                path.display()
            );
        }
        Err(error) => eprintln!(
            "brat export: python3 not available ({error}); zip checked by Wasim's reader only"
        ),
    }
}

fn span_set(imported: &Imported) -> Vec<(String, String, usize, usize)> {
    imported
        .documents
        .iter()
        .flat_map(|d| {
            let chars: Vec<char> = d.text.chars().collect();
            d.spans.iter().map(move |s| {
                (
                    s.label.clone(),
                    chars[s.start..s.end]
                        .iter()
                        .collect::<String>()
                        .replace('\n', " "),
                    s.start,
                    s.end,
                )
            })
        })
        .collect()
}

#[test]
fn spacy_iob_variants_give_the_same_spans() {
    let root = external("spacy-ner-example-data");
    let variants = [
        "ner-token-per-line.iob",
        "ner-token-per-line-conll2003.iob",
        "ner-token-per-line-with-pos.iob",
        "ner-sent-per-line.iob",
        "ner-token-per-line.json",
    ];
    let mut reference: Option<(Vec<_>, String)> = None;
    for name in variants {
        let imported = only(import_files(vec![input(&root.join(name))]));
        assert_eq!(imported.documents.len(), 1, "{name}");
        let spans = span_set(&imported);
        let text = imported.documents[0].text.replace('\n', " ");
        eprintln!(
            "spaCy {name}: {} spans, {} characters, warnings {:?}",
            spans.len(),
            text.chars().count(),
            imported.warnings
        );
        match &reference {
            None => reference = Some((spans, text)),
            Some((expected, expected_text)) => {
                assert_eq!(&spans, expected, "{name} has the same spans");
                assert_eq!(&text, expected_text, "{name} has the same text");
            }
        }
    }
    let (spans, _) = reference.expect("read");
    assert!(
        spans
            .iter()
            .any(|s| s.0 == "PERSON" && s.1 == "Sebastian Thrun")
    );
    eprintln!(
        "spaCy: {} IOB/JSON variants agree on {} spans",
        variants.len(),
        spans.len()
    );
}

/// Every CoNLL file, including those with POS and chunk columns and
/// `-DOCSTART-` lines (spaCy's examples) and the sentence-per-line
/// `word|POS|TAG` one, comes back byte for byte from import then export.
#[test]
fn conll_files_survive_import_and_export_byte_for_byte() {
    let spacy = external("spacy-ner-example-data");
    let files = [
        external("anercorp-camellab-test").join("ANERCorp_CamelLab_test.head3946lines.txt"),
        external("aqmar").join("Ibn_Tolun_Mosque.txt"),
        external("aqmar").join("Summer_Olympics2004.txt"),
        spacy.join("ner-token-per-line.iob"),
        spacy.join("ner-token-per-line-conll2003.iob"),
        spacy.join("ner-token-per-line-with-pos.iob"),
        spacy.join("ner-sent-per-line.iob"),
        external("doccano-fixtures")
            .join("backend/data_import/tests/data/sequence_labeling/labeling.trailing.conll"),
    ];
    for path in files {
        let file = input(&path);
        assert_eq!(
            classify(&file),
            Some("conll"),
            "{} is recognized as CoNLL",
            file.name
        );
        let imported = only(import_files(vec![file.clone()]));
        let warnings = imported.warnings.clone();
        let mut ws = workspace(imported);
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Conll.export(&ws.labels, &docs, ExportOptions::default());
        relabelling_changes_only_its_tags(&file, &mut ws);
        let tokens = file
            .bytes
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count();
        let spans: usize = ws.documents.iter().map(|d| d.spans.len()).sum();
        if exported.file.bytes != file.bytes {
            let out = String::from_utf8_lossy(&exported.file.bytes);
            let orig = String::from_utf8_lossy(&file.bytes);
            let diff = out
                .lines()
                .zip(orig.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b);
            panic!(
                "{}: export differs; first difference at line {:?}",
                file.name,
                diff.map(|(i, p)| (i + 1, p))
            );
        }
        assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
        eprintln!(
            "{}: {} bytes, {tokens} tokens, {spans} spans, identical after import+export; import warnings: {warnings:?}",
            file.name,
            file.bytes.len()
        );
    }
}

/// Relabels the first span without a note to `ZZZ`: the export differs
/// from the file only on that span's lines, where the label changed.
fn relabelling_changes_only_its_tags(file: &InputFile, ws: &mut Workspace) {
    let Some((d, s)) = ws.documents.iter().enumerate().find_map(|(d, doc)| {
        doc.spans
            .iter()
            .position(|s| s.note.is_none())
            .map(|s| (d, s))
    }) else {
        return;
    };
    let old = std::mem::replace(
        &mut std::sync::Arc::make_mut(&mut ws.documents[d]).spans[s].label,
        "ZZZ".into(),
    );
    let words = {
        let doc = &ws.documents[d];
        let span = &doc.spans[s];
        doc.text
            .slice(span.start, span.end)
            .expect("in range")
            .split([' ', '\n'])
            .count()
    };
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Conll.export(&ws.labels, &docs, ExportOptions::default());
    assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
    let out = String::from_utf8(exported.file.bytes).expect("utf8");
    let orig = String::from_utf8_lossy(&file.bytes);
    let orig = orig.strip_prefix('\u{FEFF}').unwrap_or(&orig);
    let out = out.strip_prefix('\u{FEFF}').unwrap_or(&out);
    let (a, b): (Vec<&str>, Vec<&str>) = (out.split('\n').collect(), orig.split('\n').collect());
    assert_eq!(a.len(), b.len(), "{}: same lines", file.name);
    let changed: Vec<(&str, &str)> = a.into_iter().zip(b).filter(|(x, y)| x != y).collect();
    assert!(
        !changed.is_empty() && changed.len() <= words,
        "{}: {} changed line(s) for a span of {words} token(s)",
        file.name,
        changed.len()
    );
    for (new, old_line) in changed {
        assert_eq!(new.replace("ZZZ", &old), old_line, "{}", file.name);
    }
    std::sync::Arc::make_mut(&mut ws.documents[d]).spans[s].label = old;
}

#[test]
fn doccano_fixtures_import_or_fail_clearly() {
    let root = external("doccano-fixtures").join("backend");
    let valid = [
        (
            "data_export/pipeline/examples/sequence_labeling/example.jsonl",
            3,
        ),
        (
            "data_export/pipeline/examples/relation_extraction/example.jsonl",
            1,
        ),
        (
            "data_import/pipeline/examples/sequence_labeling/example.jsonl",
            3,
        ),
        (
            "data_import/pipeline/examples/sequence_labeling/example.txt",
            1,
        ),
        (
            "data_import/pipeline/examples/relation_extraction/example.jsonl",
            1,
        ),
        ("data_import/tests/data/sequence_labeling/example.conll", 1),
        (
            "data_import/tests/data/sequence_labeling/example_overlapping.jsonl",
            1,
        ),
        (
            "data_import/tests/data/sequence_labeling/labeling.trailing.conll",
            1,
        ),
        (
            "data_import/tests/data/relation_extraction/example.jsonl",
            1,
        ),
    ];
    for (path, documents) in valid {
        let imported = only(import_files(vec![input(&root.join(path))]));
        assert_eq!(imported.documents.len(), documents, "{path}");
        let spans: usize = imported.documents.iter().map(|d| d.spans.len()).sum();
        assert!(spans > 0, "{path} has spans");
        eprintln!(
            "doccano {path}: {documents} document(s), {spans} span(s), warnings {:?}",
            imported.warnings
        );
    }
    let overlapping = only(import_files(vec![input(&root.join(valid[6].0))]));
    assert!(
        overlapping
            .warnings
            .iter()
            .any(|w| w.to_string().contains("duplicate"))
    );

    let invalid = [
        (
            "data_import/tests/data/sequence_labeling/example.jsonl",
            "line 3",
            "no \"text\" field",
        ),
        (
            "data_import/tests/data/sequence_labeling/labeling.invalid.conll",
            "line 1",
            "column",
        ),
    ];
    for (path, line, message) in invalid {
        let results = import_files(vec![input(&root.join(path))]);
        let error = results
            .into_iter()
            .next()
            .expect("one")
            .expect_err(path)
            .to_string();
        assert!(
            error.contains(line) && error.contains(message),
            "{path}: {error}"
        );
        eprintln!("doccano {path}: rejected: {error}");
    }
}

#[test]
fn label_studio_ner_example_matches_value_text() {
    let root = external("label-studio-ner-example");
    for path in [root.join("tasks.json"), root.join("annotations/1.json")] {
        let file = input(&path);
        assert_eq!(classify(&file), Some("label-studio"), "{}", file.name);
        let imported = only(import_files(vec![file]));
        let raw: serde_json::Value =
            serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
        let doc = &imported.documents[0];
        let chars: Vec<char> = doc.text.chars().collect();
        let spans: Vec<(String, String)> = doc
            .spans
            .iter()
            .map(|s| (s.label.clone(), chars[s.start..s.end].iter().collect()))
            .collect();
        assert_eq!(spans, [("Date".to_owned(), "February 22".to_owned())]);
        let task = if raw.is_array() { &raw[0] } else { &raw };
        let key = if task.get("annotations").is_some() {
            "annotations"
        } else {
            "predictions"
        };
        assert_eq!(task[key][0]["result"][0]["value"]["text"], "February 22");
        assert_eq!((doc.spans[0].start, doc.spans[0].end), (343, 354));
        eprintln!(
            "Label Studio {}: {} span(s) match value.text, warnings {:?}",
            path.display(),
            spans.len(),
            imported.warnings
        );
    }
}

/// The records of a JSON or JSON Lines file as values.
fn json_records(bytes: &[u8]) -> Vec<serde_json::Value> {
    let text = String::from_utf8_lossy(bytes);
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(value) => vec![value],
        Err(_) => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect(),
    }
}

#[test]
fn doccano_fixtures_reexport_with_their_extra_fields() {
    let root = external("doccano-fixtures").join("backend");
    for path in [
        "data_export/pipeline/examples/sequence_labeling/example.jsonl",
        "data_export/pipeline/examples/relation_extraction/example.jsonl",
        "data_import/pipeline/examples/sequence_labeling/example.jsonl",
        "data_import/pipeline/examples/relation_extraction/example.jsonl",
        "data_import/tests/data/sequence_labeling/example_overlapping.jsonl",
        "data_import/tests/data/relation_extraction/example.jsonl",
    ] {
        let file = input(&root.join(path));
        let ws = workspace(only(import_files(vec![file.clone()])));
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = Doccano.export(&ws.labels, &docs, ExportOptions::default());
        let out = String::from_utf8(exported.file.bytes).expect("UTF-8");
        let got: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect();
        assert_eq!(
            got,
            json_records(&file.bytes),
            "{path}: the same records (entity ids, relations, meta, column names)"
        );
        // A file of one record per line comes back byte for byte (a
        // pretty-printed whole-file object, as data_export's relation
        // example is, comes back as compact JSON Lines).
        let text = String::from_utf8_lossy(&file.bytes);
        let one_per_line = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok());
        if one_per_line {
            assert_eq!(out, text, "{path}: byte for byte");
        }
        eprintln!(
            "doccano {path}: {} record(s) re-exported, byte for byte: {one_per_line}",
            got.len()
        );
    }
}

#[test]
fn doccano_relations_to_a_deleted_entity_are_dropped_with_a_warning() {
    let path = external("doccano-fixtures")
        .join("backend/data_import/tests/data/relation_extraction/example.jsonl");
    let file = input(&path);
    let mut ws = workspace(only(import_files(vec![file.clone()])));
    // Larry Page [44, 54) is entity 2, which "foundedBy" points at.
    let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
    doc.spans.retain(|s| (s.start, s.end) != (44, 54));
    let name = doc.name.clone();
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Doccano.export(&ws.labels, &docs, ExportOptions::default());
    let out = String::from_utf8(exported.file.bytes).expect("UTF-8");
    let first: serde_json::Value =
        serde_json::from_str(out.lines().next().expect("a line")).expect("JSON");
    let relations = first["relations"].as_array().expect("relations");
    assert!(relations.iter().all(|r| r["to_id"] != 2), "{relations:?}");
    let warnings: Vec<String> = exported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("1 relation was left out") && w.contains(&name)),
        "{warnings:?}"
    );
    // The other records are written as the file had them.
    let text = String::from_utf8_lossy(&file.bytes);
    assert_eq!(
        out.lines().skip(1).collect::<Vec<_>>(),
        text.lines().skip(1).collect::<Vec<_>>()
    );
}

#[test]
fn label_studio_ner_example_reexports_its_tasks_unchanged() {
    let root = external("label-studio-ner-example");
    for path in [root.join("tasks.json"), root.join("annotations/1.json")] {
        let file = input(&path);
        let ws = workspace(only(import_files(vec![file.clone()])));
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let exported = LabelStudio.export(&ws.labels, &docs, ExportOptions::default());
        assert_eq!(
            String::from_utf8_lossy(&exported.file.bytes),
            String::from_utf8_lossy(&file.bytes),
            "{}: the same bytes (a single task stays an object, indentation, final newline)",
            path.display()
        );
        eprintln!("Label Studio {}: re-exported byte for byte", path.display());
    }
}

#[test]
fn label_studio_ner_example_edits_keep_the_prediction_and_the_control_name() {
    let root = external("label-studio-ner-example");
    // tasks.json: a relabelled prediction becomes an annotation.
    let file = input(&root.join("tasks.json"));
    let mut ws = workspace(only(import_files(vec![file.clone()])));
    let read = json_records(&file.bytes);
    let mut doc = (*ws.documents[0]).clone();
    doc.spans[0].label = "PER".into();
    let out = json_records(
        &LabelStudio
            .export(&ws.labels, &[&doc], ExportOptions::default())
            .file
            .bytes,
    );
    assert_eq!(
        out[0]["predictions"], read[0]["predictions"],
        "the model's output as read"
    );
    let region = &out[0]["annotations"][0]["result"][0];
    assert_eq!(region["value"]["labels"], serde_json::json!(["PER"]));
    assert_eq!(region["from_name"], "ner");
    doc.spans.clear();
    let out = json_records(
        &LabelStudio
            .export(&ws.labels, &[&doc], ExportOptions::default())
            .file
            .bytes,
    );
    assert_eq!(out[0]["predictions"], read[0]["predictions"]);
    assert_eq!(out[0]["annotations"][0]["result"], serde_json::json!([]));
    // annotations/1.json: a new span's region uses the project's control, "ner".
    let file = input(&root.join("annotations/1.json"));
    ws = workspace(only(import_files(vec![file])));
    let mut doc = (*ws.documents[0]).clone();
    let mut added = doc.spans[0].clone();
    (added.start, added.end, added.label) = (0, 7, "Person".into());
    doc.spans.push(added);
    let out = json_records(
        &LabelStudio
            .export(&ws.labels, &[&doc], ExportOptions::default())
            .file
            .bytes,
    );
    let results = out[0]["annotations"][0]["result"]
        .as_array()
        .expect("results");
    assert_eq!(results.len(), 2);
    assert_eq!(results[1]["value"]["text"], "Showers");
    assert_eq!(
        (&results[1]["from_name"], &results[1]["to_name"]),
        (&"ner".into(), &"text".into())
    );
    eprintln!("Label Studio: edits keep the prediction and use from_name \"ner\"");
}
