//! The team's files: naming, notices, matching, the merge and the report
//! files, on small hand-made cases.

use serde_json::{Value, json};

use super::merge::merge;
use super::report::{CSV_HEADER, chart_svg, csv, json as report_json, label_f1, shown};
use super::*;
use crate::core::agreement::token_labels;
use crate::core::edit::History;
use crate::core::formats::{ExportScope, import_edit, scoped_documents, wasim::WasimJson};
use crate::core::i18n::Lang;
use crate::core::model::Workspace;

/// The e2e spec's case: one text, three annotators.
const TEXT: &str = "زار علي بغداد ثم عاد إلى الموصل";

type Spans<'a> = &'a [(usize, usize, &'a str)];

fn span_json(text: &str, spans: Spans<'_>) -> Vec<Value> {
    spans
        .iter()
        .map(|&(s, e, l)| {
            let t: String = text.chars().skip(s).take(e - s).collect();
            json!({"start": s, "end": e, "label": l, "text": t})
        })
        .collect()
}

/// A Wasim JSON file of `docs` (name, text, spans), signed by `annotator`.
fn wasim(file: &str, annotator: Option<&str>, docs: &[(&str, &str, Spans<'_>)]) -> InputFile {
    let documents: Vec<Value> = docs
        .iter()
        .map(|(name, text, spans)| {
            let mut doc =
                json!({"name": name, "text": text, "done": false, "spans": span_json(text, spans)});
            if let Some(a) = annotator {
                doc["annotator"] = json!(a);
            }
            doc
        })
        .collect();
    let value = json!({
        "format": "wasim", "version": 2,
        "labels": [
            {"name": "PER", "color": "#ffc38a", "key": "1"},
            {"name": "LOC", "color": "#9be39b", "key": "2"},
            {"name": "ORG", "color": "#9fd0ff", "key": "3"},
            {"name": "MISC", "color": "#e3b8ff", "key": "4"},
        ],
        "documents": documents,
    });
    InputFile {
        name: file.into(),
        bytes: value.to_string().into_bytes(),
    }
}

const AMINA: Spans<'static> = &[(4, 7, "PER"), (8, 13, "LOC"), (25, 31, "LOC")];
const BADR: Spans<'static> = &[
    (4, 7, "PER"),
    (8, 13, "ORG"),
    (14, 16, "MISC"),
    (21, 31, "LOC"),
];

fn two() -> Team {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            wasim("b.json", Some("Badr"), &[("d.txt", TEXT, BADR)]),
        ],
        Vec::new(),
    );
    team
}

/// The notices' sentences, in English.
fn texts(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(|n| n.text.to_string()).collect()
}

/// A notice's detail lines, in English.
fn details(notice: &Notice) -> Vec<String> {
    notice.details.iter().map(Msg::to_string).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn a_small_case_worked_out_by_hand() {
    let team = two();
    assert_eq!(team.names(), ["Amina", "Badr"]);
    assert!(team.notices().is_empty(), "{:?}", team.notices());
    let report = team.compare().expect("two annotators");
    let ab = &report.pairs[0];
    assert_eq!((ab.reference, ab.candidate), (0, 1));
    // Exact: PER agrees; LOC/ORG on بغداد, Badr's MISC and the LOC with
    // another start do not. tp 1, fp 3, fn 2.
    assert_eq!((ab.overall.tp, ab.overall.fp, ab.overall.fn_), (1, 3, 2));
    assert!(close(ab.overall.precision(), 0.25));
    assert!(close(ab.overall.recall(), 1.0 / 3.0));
    assert!(close(ab.overall.f1(), 2.0 / 7.0));
    // Partial: 2 correct, 1 partial, 1 spurious: P 2.5/4, R 2.5/3, F1 5/7.
    assert!(close(ab.partial.f1(), 5.0 / 7.0));
    // Tokens: O PER LOC O O O LOC / O PER ORG MISC O LOC LOC: p_o = 4/7,
    // p_e = 13/49, κ = 15/36.
    assert!(close(ab.kappa.unwrap_or(f64::NAN), 15.0 / 36.0));
    assert_eq!(ab.boundary_only, 1);
    assert_eq!(ab.confusion.get(&("LOC".into(), "ORG".into())), Some(&1));
    assert_eq!(report.tokens, 7);
    assert_eq!(shown(ab.kappa), "0.417");
    assert_eq!(shown(None), "—");
}

#[test]
fn three_annotators_have_fleiss_and_alpha() {
    let mut team = two();
    team.add(
        vec![wasim("c.json", Some("Chadi"), &[("d.txt", TEXT, AMINA)])],
        Vec::new(),
    );
    let report = team.compare().expect("three");
    assert_eq!(report.pairs.len(), 6);
    // P̄ = 5/7, P̄_e = 147/441: κ = 4/7; D = 6, E = 294, n = 21: α = 1 − 20·6/294.
    assert!(close(report.fleiss.unwrap_or(f64::NAN), 4.0 / 7.0));
    assert!(close(report.alpha.unwrap_or(f64::NAN), 1.0 - 120.0 / 294.0));
    assert_eq!(
        (shown(report.fleiss), shown(report.alpha)),
        ("0.571".into(), "0.592".into())
    );
}

#[test]
fn a_file_without_a_name_is_named_after_the_file() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("amina_final.json", None, &[("d.txt", TEXT, AMINA)]),
            wasim("b.json", Some("Badr"), &[("d.txt", TEXT, BADR)]),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["amina_final", "Badr"]);
    assert_eq!(
        texts(&team.notices()),
        ["amina_final.json names no annotator: its work is called “amina_final”."]
    );
    assert_eq!(team.notices()[0].level, Level::Warning);
}

#[test]
fn the_same_annotator_twice_is_kept_twice() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            wasim("b.json", Some("Amina"), &[("d.txt", TEXT, BADR)]),
            wasim(
                "c.json",
                Some("Amina"),
                &[("d.txt", TEXT, &[(4, 7, "PER")])],
            ),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "Amina (b.json)", "Amina (c.json)"]);
    let notices = texts(&team.notices());
    assert!(
        notices.contains(&"“Amina” is the annotator of two files (a.json and b.json): the second is called “Amina (b.json)”, and both are compared.".to_owned()),
        "{notices:?}"
    );
    let report = team.compare().expect("three");
    assert_eq!(report.annotators.len(), 3);
    // Removing the first gives the name back.
    team.remove(0);
    assert_eq!(team.names(), ["Amina", "Amina (c.json)"]);
}

#[test]
fn the_same_work_twice_is_refused_with_a_notice_naming_the_file() {
    let file = wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]);
    let mut copy = wasim("a (1).json", Some("Amina"), &[("d.txt", TEXT, AMINA)]);
    // Byte-identical in one load, and again in a later one; a copy under
    // another file name too.
    let mut same = Team::default();
    same.add(vec![file.clone(), file.clone()], Vec::new());
    same.add(vec![file], Vec::new());
    assert_eq!(same.names(), ["Amina"]);
    let notices = same.notices();
    assert_eq!(
        texts(&notices),
        ["a.json holds the same work as a.json (“Amina”): it is not added again."]
    );
    assert_eq!(notices[0].level, Level::Error);
    assert!(has_arabic(&notices[0].text.render(Lang::Ar)));
    same.add(vec![copy.clone()], Vec::new());
    assert_eq!(same.names(), ["Amina"]);
    assert_eq!(
        texts(&same.notices()),
        ["a (1).json holds the same work as a.json (“Amina”): it is not added again."]
    );
    // Another annotator's identical work is theirs: kept.
    copy = wasim("b.json", Some("Badr"), &[("d.txt", TEXT, AMINA)]);
    same.add(vec![copy], Vec::new());
    assert_eq!(same.names(), ["Amina", "Badr"]);
}

#[test]
fn labels_that_differ_say_who_used_which() {
    let mut team = Team::default();
    let mut date = wasim(
        "b.json",
        Some("Badr"),
        &[("d.txt", TEXT, &[(17, 20, "DATE")])],
    );
    // Badr's file defines no MISC and uses DATE.
    let mut value: Value = serde_json::from_slice(&date.bytes).expect("json");
    value["labels"] = json!([{"name": "PER", "color": "#ffc38a"}, {"name": "LOC", "color": "#9be39b"}, {"name": "ORG", "color": "#9fd0ff"}]);
    date.bytes = value.to_string().into_bytes();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            date,
        ],
        Vec::new(),
    );
    let notices = team.notices();
    let labels = notices
        .iter()
        .find(|n| n.text.starts_with("The annotators' labels differ"))
        .expect("a label notice");
    // MISC, which Amina defines and nobody used, changes nothing.
    assert_eq!(details(labels), ["DATE: Badr; not Amina"]);

    // A doccano file names only the labels it uses: no notice when both
    // used the same ones.
    let doccano = InputFile {
        name: "badr.jsonl".into(),
        bytes: format!("{}\n", json!({"text": TEXT, "label": [[4, 7, "PER"]]})).into_bytes(),
    };
    let mut team = Team::default();
    team.add(
        vec![
            wasim(
                "a.json",
                Some("Amina"),
                &[("d.txt", TEXT, &[(4, 7, "PER")])],
            ),
            doccano,
        ],
        Vec::new(),
    );
    let notices = texts(&team.notices());
    assert!(
        notices
            .iter()
            .all(|n| !n.starts_with("The annotators' labels differ")),
        "{notices:?}"
    );
}

#[test]
fn documents_are_matched_by_text_and_those_not_everywhere_are_named() {
    let other = "نص آخر لا يشبه الأول";
    let mut team = Team::default();
    team.add(
        vec![
            // Names differ, texts match: they are the same document.
            wasim(
                "a.json",
                Some("Amina"),
                &[("first.txt", TEXT, AMINA), ("only-a.txt", other, &[])],
            ),
            wasim("b.json", Some("Badr"), &[("renamed.txt", TEXT, BADR)]),
        ],
        Vec::new(),
    );
    let report = team.compare().expect("two");
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0].name, "first.txt");
    let notices = team.notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(
        notices[0].text.to_string(),
        "1 document is not in every file: it is left out of the comparison, and merged with the annotators who have them."
    );
    assert_eq!(
        details(&notices[0]),
        ["“only-a.txt”: in a.json (Amina); not in b.json (Badr)"]
    );
}

/// Two annotators' copies of one article under one name, one of them
/// edited: they are not compared (documents match by text), and the notice
/// says why, not only "not in every file".
#[test]
fn one_name_with_two_texts_says_who_has_which_and_where_they_part() {
    let edited = TEXT.replacen("بغداد", "البصرة", 1);
    let at = TEXT
        .find("بغداد")
        .map(|b| TEXT[..b].chars().count())
        .expect("in the text");
    let mut team = Team::default();
    team.add(
        vec![
            wasim(
                "a.json",
                Some("Amina"),
                &[("d.txt", TEXT, AMINA), ("e.txt", "نص مشترك", &[])],
            ),
            wasim(
                "b.json",
                Some("Badr"),
                &[("d.txt", &edited, &[]), ("e.txt", "نص مشترك", &[])],
            ),
        ],
        Vec::new(),
    );
    let notices = texts(&team.notices());
    let expected = format!(
        "“d.txt” has one text in a.json (Amina) and another in b.json (Badr) (they part at code point {at}): documents are matched by their text, so it is not compared."
    );
    assert!(notices.contains(&expected), "{notices:?}");
    assert_eq!(notices.len(), 2, "and the one that lists it: {notices:?}");
    let arabic = team
        .notices()
        .iter()
        .map(|n| n.text.render(Lang::Ar))
        .collect::<Vec<_>>();
    assert!(
        arabic.iter().any(|t| t.contains("يفترقان عند المحرف")),
        "{arabic:?}"
    );
}

#[test]
fn files_of_different_texts_say_so() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            wasim("b.json", Some("Badr"), &[("e.txt", "شيء مختلف تماما", &[])]),
        ],
        Vec::new(),
    );
    let notices = texts(&team.notices());
    assert!(notices.contains(&"a.json (Amina) has no document in common with the other files: are they annotations of the same texts?".to_owned()), "{notices:?}");
    assert!(notices.contains(&"b.json (Badr) has no document in common with the other files: are they annotations of the same texts?".to_owned()));
    assert!(
        notices
            .contains(&"No document is in every file, so there is nothing to compare.".to_owned())
    );
    let report = team.compare().expect("two");
    assert!(report.documents.is_empty());
    assert_eq!((report.pairs[0].kappa, report.fleiss), (None, None));
}

/// Whether `text` has an Arabic letter.
fn has_arabic(text: &str) -> bool {
    text.chars().any(crate::core::bidi::is_strong_rtl)
}

#[test]
fn notices_are_worded_in_the_language_they_are_shown_in() {
    let mut team = Team::default();
    let mut date = wasim(
        "b.json",
        Some("Badr"),
        &[
            ("d.txt", TEXT, &[(17, 20, "DATE")]),
            ("only-b.txt", "x y", &[]),
        ],
    );
    let mut value: Value = serde_json::from_slice(&date.bytes).expect("json");
    value["labels"] =
        json!([{"name": "PER", "color": "#ffc38a"}, {"name": "DATE", "color": "#ffd700"}]);
    date.bytes = value.to_string().into_bytes();
    team.add(
        vec![wasim("amina.json", None, &[("d.txt", TEXT, AMINA)]), date],
        Vec::new(),
    );
    let notices = team.notices();
    assert_eq!(
        texts(&notices),
        [
            "amina.json names no annotator: its work is called “amina”.",
            "The annotators' labels differ: a label one of them lacks counts as a disagreement.",
            "1 document is not in every file: it is left out of the comparison, and merged with the annotators who have them.",
        ]
    );
    // The same notices, shown after the interface turned Arabic, then back.
    let arabic = [
        "\u{2068}amina.json\u{2069} لا يسمّي واسمًا: يُسمّى عمله «\u{2068}amina\u{2069}».",
        "تختلف وسوم الواسمين: الوسم الذي ينقص أحدهم يُحسب خلافًا.",
        "مستند واحد ليس في كل الملفات: يُستبعد من المقارنة، ويُدمج مع الواسمين الذين لديهم.",
    ];
    for (notice, expected) in notices.iter().zip(arabic) {
        assert_eq!(notice.text.render(Lang::Ar), expected);
        let english = notice.text.render(Lang::En);
        assert!(!has_arabic(&english), "{english}");
        for line in &notice.details {
            let (en, ar) = (line.render(Lang::En), line.render(Lang::Ar));
            assert!(has_arabic(&ar) && ar != en, "{ar}");
            assert!(en.contains("not"), "{en}");
        }
    }
    let lines = |notice: &Notice, lang| -> Vec<String> {
        notice.details.iter().map(|l| l.render(lang)).collect()
    };
    assert_eq!(
        lines(&notices[1], Lang::Ar),
        [
            "\u{2068}LOC\u{2069}: \u{2068}amina\u{2069}؛ لا \u{2068}Badr\u{2069}",
            "\u{2068}DATE\u{2069}: \u{2068}Badr\u{2069}؛ لا \u{2068}amina\u{2069}"
        ]
    );
    assert_eq!(
        lines(&notices[2], Lang::Ar),
        [
            "«\u{2068}only-b.txt\u{2069}»: في \u{2068}b.json\u{2069} (\u{2068}Badr\u{2069})؛ لا في \u{2068}amina.json\u{2069} (\u{2068}amina\u{2069})"
        ]
    );
    assert_eq!(
        lines(&notices[2], Lang::En),
        ["“only-b.txt”: in b.json (Badr); not in amina.json (amina)"]
    );
}

#[test]
fn broken_files_give_the_import_error_and_the_others_load() {
    let good = wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]);
    let mut wrong_text = wasim("offsets.json", Some("Badr"), &[("d.txt", TEXT, BADR)]);
    wrong_text.bytes = String::from_utf8(wrong_text.bytes)
        .expect("utf-8")
        .replace("\"text\":\"علي\"", "\"text\":\"عمر\"")
        .into_bytes();
    let files = vec![
        InputFile {
            name: "broken.json".into(),
            bytes: b"{\"format\":\"wasim\",".to_vec(),
        },
        InputFile {
            name: "latin1.txt".into(),
            bytes: vec![0x63, 0x61, 0x66, 0xe9],
        },
        wrong_text,
        // doccano with a span past the end of its text.
        InputFile {
            name: "far.jsonl".into(),
            bytes: "{\"text\":\"abc\",\"label\":[[0,9,\"PER\"]]}\n"
                .as_bytes()
                .to_vec(),
        },
        good,
    ];
    let mut team = Team::default();
    team.add(
        files,
        vec![
            crate::core::i18n::Msg::new(crate::core::i18n::Key::BrowserCouldNotRead)
                .arg("name", "gone.json")
                .arg("error", "NotFoundError"),
        ],
    );
    assert_eq!(team.names(), ["Amina"]);
    let notices = team.notices();
    let errors: Vec<&Notice> = notices.iter().filter(|n| n.level == Level::Error).collect();
    assert_eq!(errors.len(), 5, "{notices:?}");
    // Each broken file is said once: not again as one holding no document.
    assert!(
        notices
            .iter()
            .all(|n| !n.text.contains("holds no document")),
        "{notices:?}"
    );
    assert_eq!(
        errors[0].text.to_string(),
        "gone.json: the browser could not read it (NotFoundError)"
    );
    assert!(
        errors[1].text.starts_with("Could not load broken.json"),
        "{}",
        errors[1].text
    );
    assert!(
        errors[1].text.contains("invalid JSON"),
        "{}",
        errors[1].text
    );
    assert!(
        errors[2].text.starts_with("Could not load latin1.txt"),
        "{}",
        errors[2].text
    );
    assert!(
        errors[3].text.starts_with("Could not load offsets.json"),
        "{}",
        errors[3].text
    );
    assert!(
        errors[4].text.starts_with("Could not load far.jsonl"),
        "{}",
        errors[4].text
    );
    // A later load forgets the last one's errors, not its annotators.
    team.add(
        vec![wasim("b.json", Some("Badr"), &[("d.txt", TEXT, BADR)])],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "Badr"]);
    assert!(team.notices().iter().all(|n| n.level != Level::Error));
}

#[test]
fn any_format_is_one_annotator_named_after_its_file() {
    let doccano = InputFile {
        name: "badr.jsonl".into(),
        bytes: format!(
            "{}\n",
            json!({"text": TEXT, "label": [[4, 7, "PER"], [8, 13, "ORG"]]})
        )
        .into_bytes(),
    };
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            doccano,
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "badr"]);
    let report = team.compare().expect("two");
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.pairs[0].overall.tp, 1, "PER agrees, ORG ≠ LOC");
}

/// Wasim's own exports in a format without room for the annotator carry
/// the name in the file name: the panel takes it from there.
#[test]
fn a_corpus_export_without_an_annotator_inside_is_named_from_its_file_name() {
    let doccano = |file: &str| InputFile {
        name: file.into(),
        bytes: format!("{}\n", json!({"text": TEXT, "label": [[4, 7, "PER"]]})).into_bytes(),
    };
    let mut team = Team::default();
    team.add(
        vec![
            doccano("corpus_Amina_2026-12-03.jsonl"),
            doccano("corpus_Badr_2026-12-03 (1).jsonl"),
            doccano("corpus_2026-12-03.jsonl"),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "Badr", "corpus_2026-12-03"]);
}

#[test]
fn a_file_with_several_annotators_is_several_and_a_text_twice_is_told() {
    let mut value: Value = serde_json::from_slice(
        &wasim(
            "team.json",
            Some("Amina"),
            &[("d.txt", TEXT, AMINA), ("again.txt", TEXT, &[])],
        )
        .bytes,
    )
    .expect("json");
    let mut badr = value["documents"][0].clone();
    badr["annotator"] = json!("Badr");
    badr["spans"] = json!(span_json(TEXT, BADR));
    value["documents"].as_array_mut().expect("array").push(badr);
    let mut team = Team::default();
    team.add(
        vec![InputFile {
            name: "team.json".into(),
            bytes: value.to_string().into_bytes(),
        }],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "Badr"]);
    assert_eq!(
        team.members()[0].documents.len(),
        1,
        "the repeated text once"
    );
    let notices = team.notices();
    assert_eq!(
        texts(&notices),
        [
            "team.json holds the work of Amina, Badr: each is compared as one annotator.",
            "team.json gives the same text more than once: only the first of each is compared and merged.",
        ]
    );
    assert_eq!(
        details(&notices[1]),
        ["“again.txt” repeats the text of “d.txt”"]
    );
    assert_eq!(team.compare().expect("two").documents.len(), 1);
}

#[test]
fn merge_unites_spans_and_says_who_proposed_each() {
    let mut team = two();
    let other = "قال سامي الخطيب";
    team.add(
        vec![wasim(
            "c.json",
            Some("Chadi"),
            &[
                ("d.txt", TEXT, &[(4, 7, "PER"), (0, 3, "MISC")]),
                ("o.txt", other, &[(4, 15, "PER")]),
            ],
        )],
        Vec::new(),
    );
    let merged = merge(&team);
    assert_eq!(merged.partial, ["o.txt"]);
    let docs = &merged.imported.documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].team, ["Amina", "Badr", "Chadi"]);
    assert_eq!(docs[1].team, ["Chadi"]);
    let spans: Vec<(usize, usize, &str, Vec<&str>)> = docs[0]
        .spans
        .iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.label.as_str(),
                s.annotators.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (0, 3, "MISC", vec!["Chadi"]),
            (4, 7, "PER", vec!["Amina", "Badr", "Chadi"]),
            (8, 13, "LOC", vec!["Amina"]),
            (8, 13, "ORG", vec!["Badr"]),
            (14, 16, "MISC", vec!["Badr"]),
            (21, 31, "LOC", vec!["Badr"]),
            (25, 31, "LOC", vec!["Amina"]),
        ]
    );
    assert!(docs[0].spans.iter().all(|s| !s.accepted));
    // Into the workspace as one undoable step, kept by Wasim JSON.
    let mut ws = Workspace::default();
    let mut history = History::default();
    let (edit, open) = import_edit(&mut ws, merged.imported).expect("valid");
    history.apply(&mut ws, edit).expect("applies");
    assert_eq!(open, Some(0));
    assert_eq!(ws.documents.len(), 2);
    let exported: Value = serde_json::from_str(&WasimJson::to_json(
        &ws.labels,
        &scoped_documents(&ws, ExportScope::Corpus),
        None,
    ))
    .expect("json");
    assert_eq!(
        exported["documents"][0]["team"],
        json!(["Amina", "Badr", "Chadi"])
    );
    assert_eq!(
        exported["documents"][0]["spans"][1]["annotators"],
        json!(["Amina", "Badr", "Chadi"])
    );
    assert_eq!(exported["documents"][0]["spans"][1]["text"], json!("علي"));
    assert!(history.undo(&mut ws).is_some());
    assert!(ws.documents.is_empty());
}

#[test]
fn merge_keeps_notes_and_the_first_files_label_colours() {
    let mut a: Value = serde_json::from_slice(
        &wasim(
            "a.json",
            Some("Amina"),
            &[("d.txt", TEXT, &[(4, 7, "PER")])],
        )
        .bytes,
    )
    .expect("json");
    a["labels"] = json!([{"name": "PER", "color": "#123456", "key": "p"}]);
    let mut b: Value = serde_json::from_slice(
        &wasim(
            "b.json",
            Some("Badr"),
            &[("d.txt", TEXT, &[(4, 7, "PER"), (8, 13, "CITY")])],
        )
        .bytes,
    )
    .expect("json");
    b["labels"] = json!([{"name": "PER", "color": "#654321"}, {"name": "CITY", "color": "#abcdef", "key": "p", "description": "A city"}, {"name": "EVENT", "color": "#fedcba"}]);
    b["documents"][0]["spans"][0]["note"] = json!("the minister");
    b["documents"][0]["spans"][0]["entity_id"] = json!("Q1");
    let file = |name: &str, v: &Value| InputFile {
        name: name.into(),
        bytes: v.to_string().into_bytes(),
    };
    let mut team = Team::default();
    team.add(vec![file("a.json", &a), file("b.json", &b)], Vec::new());
    let merged = merge(&team);
    let span = &merged.imported.documents[0].spans[0];
    assert_eq!(span.annotators, ["Amina", "Badr"]);
    assert_eq!(
        span.note.as_deref(),
        Some("the minister"),
        "the first note given"
    );
    assert_eq!(span.entity_id.as_deref(), Some("Q1"));
    let labels: Vec<(&str, &str, Option<char>)> = merged
        .imported
        .labels
        .iter()
        .map(|l| (l.name.as_str(), l.color.as_str(), l.key))
        .collect();
    assert_eq!(
        labels,
        [
            ("PER", "#123456", Some('p')),
            ("CITY", "#abcdef", None),
            ("EVENT", "#fedcba", None)
        ]
    );
    // Added to a workspace that has PER already: CITY comes with its
    // file's colour and description.
    let mut ws = Workspace::default();
    let (edit, _) = import_edit(&mut ws, merged.imported).expect("valid");
    edit.apply(&mut ws).expect("applies");
    let city = ws.labels.iter().find(|l| l.name == "CITY").expect("added");
    assert_eq!(
        (city.color.as_str(), city.description.as_str()),
        ("#abcdef", "A city")
    );
    let event = ws.labels.iter().find(|l| l.name == "EVENT");
    assert_eq!(
        event.map(|l| l.color.as_str()),
        Some("#fedcba"),
        "a label no span uses yet joins too"
    );
    let per = ws.labels.iter().find(|l| l.name == "PER").expect("kept");
    assert_eq!(
        per.color,
        Workspace::default().labels[0].color,
        "the workspace's own"
    );
}

#[test]
fn the_report_as_csv_and_json_at_full_precision() {
    let report = two().compare().expect("two");
    let json: Value = serde_json::from_str(&report_json(&report)).expect("json");
    assert_eq!(json["format"], "wasim-agreement");
    assert_eq!(json["annotators"], json!(["Amina", "Badr"]));
    let ab = &json["pairs"][0];
    assert_eq!(
        (ab["reference"].as_str(), ab["candidate"].as_str()),
        (Some("Amina"), Some("Badr"))
    );
    let f1 = report.pairs[0].overall.f1();
    assert!(close(f1, 2.0 / 7.0));
    assert_eq!(ab["exact"]["f1"].as_f64(), Some(f1), "every digit");
    assert_eq!(ab["cohen_kappa"].as_f64(), report.pairs[0].kappa);
    assert_eq!(ab["per_label"]["PER"]["f1"].as_f64(), Some(1.0));
    assert_eq!(
        ab["confusion"],
        json!([{"reference_label": "LOC", "candidate_label": "ORG", "count": 1}])
    );
    assert!(json["fleiss_kappa"].is_number(), "computed for two as well");
    let csv = csv(&report);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(CSV_HEADER));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 8), "{rows:?}");
    let find = |table: &str, r: &str, label: &str, measure: &str| {
        rows.iter()
            .find(|row| row[0] == table && row[1] == r && row[3] == label && row[6] == measure)
            .map(|row| row[7])
    };
    assert_eq!(
        find("exact", "Amina", "", "f1"),
        Some(f1.to_string().as_str())
    );
    assert_eq!(find("exact", "Badr", "PER", "tp"), Some("1"));
    assert_eq!(
        find("cohen_kappa", "Amina", "", "kappa"),
        report.pairs[0].kappa.map(|k| k.to_string()).as_deref()
    );
    assert_eq!(find("confusion", "Amina", "LOC", "count"), Some("1"));
    assert_eq!(find("all", "", "", "tokens"), Some("7"));
    assert_eq!(find("document", "Badr", "", "mentions"), Some("4"));
}

#[test]
fn undefined_measures_are_empty_in_csv_and_null_in_json() {
    // Nobody tagged anything: every token is O, κ and α are undefined.
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, &[])]),
            wasim("b.json", Some("Badr"), &[("d.txt", TEXT, &[])]),
            wasim("c.json", Some("Chadi"), &[("d.txt", TEXT, &[])]),
        ],
        Vec::new(),
    );
    let report = team.compare().expect("three");
    assert_eq!(
        (report.pairs[0].kappa, report.fleiss, report.alpha),
        (None, None, None)
    );
    let json: Value = serde_json::from_str(&report_json(&report)).expect("json");
    assert_eq!(json["pairs"][0]["cohen_kappa"], Value::Null);
    assert_eq!(json["krippendorff_alpha"], Value::Null);
    assert!(csv(&report).contains("cohen_kappa,Amina,Badr,,,,kappa,\r\n"));
    assert!(csv(&report).contains("all,,,,,,fleiss_kappa,\r\n"));
}

#[test]
fn csv_fields_with_commas_and_quotes_are_quoted() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina, \"A\""), &[("d, 1.txt", TEXT, AMINA)]),
            wasim("b.json", Some("Badr"), &[("d.txt", TEXT, BADR)]),
        ],
        Vec::new(),
    );
    let csv = csv(&team.compare().expect("two"));
    assert!(
        csv.contains("exact,\"Amina, \"\"A\"\"\",Badr,,,,tp,1\r\n"),
        "{csv}"
    );
    assert!(csv.contains("document,,,,,\"d, 1.txt\",f1,"));
}

#[test]
fn the_chart_has_a_bar_and_a_written_value_per_label() {
    let report = two().compare().expect("two");
    let bars = label_f1(&report);
    assert_eq!(bars[0], (None, Some(report.pairs[0].overall.f1())));
    assert_eq!(
        bars.iter()
            .find(|(l, _)| l.as_deref() == Some("PER"))
            .map(|b| b.1),
        Some(Some(1.0))
    );
    let labels = crate::core::model::default_labels();
    let svg = chart_svg(&report, &labels, Lang::En);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert!(!svg.contains("style="), "no style attribute (CSP)");
    assert_eq!(svg.matches("<rect x=").count(), bars.len());
    assert!(svg.contains(">0.286</text>") && svg.contains(">1.000</text>"));
    assert!(svg.contains("data-label=\"PER\""));
    assert!(svg.contains("<title>Exact-span F1 per label, mean over 1 pair</title>"));
    assert!(svg.contains("data-label=\"All labels\""));
    // In Arabic: the title, the accessible name and the "all labels" bar;
    // the bar keeps its data-label.
    let arabic = chart_svg(&report, &labels, Lang::Ar);
    assert!(
        arabic.contains("<title>F1 للمقاطع المطابقة لكل وسم، متوسط زوج واحد</title>"),
        "{arabic}"
    );
    assert!(arabic.contains("aria-label=\"F1 للمقاطع المطابقة"));
    assert!(arabic.contains("data-label=\"All labels\"") && arabic.contains(">كل الوسوم</text>"));
    // Names are escaped.
    let mut odd = report.clone();
    odd.labels = vec!["<b>&".into()];
    assert!(chart_svg(&odd, &labels, Lang::En).contains("&lt;b&gt;&amp;"));
}

/// Three annotators, one of whom gave بغداد two labels (`misc` names the
/// second), for the rename-invariance test.
fn tied(misc: &str) -> Team {
    let mut team = Team::default();
    let a: Vec<(usize, usize, &str)> = vec![(4, 7, "PER"), (8, 13, "ORG"), (8, 13, misc)];
    let c: Vec<(usize, usize, &str)> = vec![(8, 13, misc), (25, 31, "LOC")];
    team.add(
        vec![
            wasim("a.json", Some("A"), &[("d.txt", TEXT, &a)]),
            wasim(
                "b.json",
                Some("B"),
                &[("d.txt", TEXT, &[(4, 7, "PER"), (8, 13, "ORG")])],
            ),
            wasim("c.json", Some("C"), &[("d.txt", TEXT, &c)]),
        ],
        Vec::new(),
    );
    team
}

#[test]
fn token_measures_do_not_depend_on_label_names() {
    let (before, after) = (tied("MISC"), tied("XMISC"));
    let (before, after) = (
        before.compare().expect("three"),
        after.compare().expect("three"),
    );
    for (b, a) in before.pairs.iter().zip(&after.pairs) {
        assert_eq!(b.kappa, a.kappa, "{} → {}", b.reference, b.candidate);
    }
    assert_eq!(before.fleiss, after.fleiss);
    assert_eq!(before.alpha, after.alpha);
    // A's بغداد is neither ORG nor MISC but both: a category of its own.
    // Tokens: O PER MISC+ORG O O O O / O PER ORG O O O O: p_o = 6/7,
    // p_e = (25 + 1)/49, κ = (42 − 26)/(49 − 26) = 16/23.
    let ab = &before.pairs[0];
    assert!(close(ab.kappa.unwrap_or(f64::NAN), 16.0 / 23.0));
    let annotators = tied("MISC").annotators();
    let docs: Vec<&AnnotatedText> = annotators.iter().map(|a| &a.documents[0]).collect();
    assert_eq!(token_labels(&docs)[0][2], "MISC+ORG");
}

#[test]
fn a_pair_that_compared_no_document_has_no_scores_not_zeros() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            wasim(
                "b.json",
                Some("Badr"),
                &[("e.txt", "نص آخر", &[(0, 2, "PER")])],
            ),
        ],
        Vec::new(),
    );
    let report = team.compare().expect("two");
    let ab = &report.pairs[0];
    assert_eq!(ab.documents, 0);
    let scores = [ab.overall.precision(), ab.overall.f1(), ab.partial.f1()];
    assert_eq!(scores.map(|s| ab.measured(s)), [None, None, None]);
    assert_eq!(label_f1(&report)[0], (None, None));
    let json: Value = serde_json::from_str(&report_json(&report)).expect("json");
    assert_eq!(json["pairs"][0]["exact"]["f1"], Value::Null);
    assert_eq!(json["pairs"][0]["partial"]["precision"], Value::Null);
    let csv = csv(&report);
    assert!(csv.contains("exact,Amina,Badr,,,,f1,\r\n"), "{csv}");
    assert!(csv.contains("partial,Amina,Badr,,,,recall,\r\n"), "{csv}");
    // With a shared document, scores are numbers again (0 included).
    let report = two().compare().expect("two");
    assert_eq!(report.pairs[0].documents, 1);
    assert!(report.pairs[0].measured(0.0).is_some());
}

#[test]
fn adjudicating_again_keeps_the_team_documents_already_there() {
    let team = two();
    let mut ws = Workspace::default();
    let mut first = merge(&team);
    assert!(super::merge::without_existing(&mut first, &ws).is_empty());
    let (edit, _) = import_edit(&mut ws, first.imported).expect("valid");
    edit.apply(&mut ws).expect("applies");
    let id = ws.documents[0].id;
    // The same files again: nothing new, the document already there.
    let mut again = merge(&team);
    assert_eq!(super::merge::without_existing(&mut again, &ws), [id]);
    assert!(again.imported.documents.is_empty());
    assert_eq!(again.imported.open, None);
    // A third annotator: another team, so a new document.
    let mut three = two();
    three.add(
        vec![wasim("c.json", Some("Chadi"), &[("d.txt", TEXT, AMINA)])],
        Vec::new(),
    );
    let mut merged = merge(&three);
    assert!(super::merge::without_existing(&mut merged, &ws).is_empty());
    assert_eq!(merged.imported.documents.len(), 1);
}

/// Wasim's CoNLL export of `text` with `spans`, as a file named `file`.
fn conll_export(file: &str, text: &str, spans: Spans<'_>) -> InputFile {
    use crate::core::formats::{ExportOptions, Format, conll::Conll};
    let json = wasim("x.json", None, &[("d.txt", text, spans)]);
    let prepared = ImportJob::run(vec![json])
        .into_iter()
        .next()
        .expect("one result")
        .expect("read");
    let docs: Vec<&Document> = prepared.documents().iter().collect();
    let out = Conll.export(&prepared.labels, &docs, ExportOptions::default());
    InputFile {
        name: file.into(),
        bytes: out.file.bytes,
    }
}

#[test]
fn a_conll_export_is_compared_with_the_json_of_the_same_article() {
    // Punctuation and a second line: CoNLL rebuilds the text as
    // "زار علي بغداد ، ثم الموصل .\nوعاد ." and matching by text found
    // nothing in common.
    let text = "زار علي بغداد، ثم الموصل.\nوعاد.";
    let amina: Spans<'_> = &[(4, 7, "PER"), (8, 13, "LOC"), (18, 24, "LOC")];
    let badr: Spans<'_> = &[(4, 7, "PER"), (8, 13, "ORG"), (18, 24, "LOC")];
    let json = || wasim("amina.json", Some("Amina"), &[("d.txt", text, amina)]);
    let conll = || conll_export("corpus_Badr_2026-12-03.conll", text, badr);
    for files in [vec![json(), conll()], vec![conll(), json()]] {
        let mut team = Team::default();
        team.add(files, Vec::new());
        let notices = team.notices();
        assert!(
            texts(&notices).iter().all(|n| !n.contains("in common")),
            "{notices:?}"
        );
        let respaced = notices
            .iter()
            .find(|n| {
                n.text
                    .to_string()
                    .starts_with("corpus_Badr_2026-12-03.conll spaces its words")
            })
            .expect("the respacing is said");
        assert_eq!(
            details(respaced),
            ["“corpus_Badr_2026-12-03.conll”: on the text of “d.txt” in amina.json"]
        );
        let report = team.compare().expect("two");
        assert!(report.unmatched.is_empty());
        assert_eq!(report.documents.len(), 1);
        let pair = &report.pairs[0];
        assert_eq!(
            (pair.overall.tp, pair.overall.fp, pair.overall.fn_),
            (2, 1, 1)
        );
        // The JSON's text is the one merged, with each span on its word.
        let merged = merge(&team);
        let doc = &merged.imported.documents[0];
        assert_eq!(doc.text, text);
        for span in &doc.spans {
            let word: String = doc
                .text
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert!(
                ["علي", "بغداد", "الموصل"].contains(&word.as_str()),
                "{word}"
            );
        }
    }
}

#[test]
fn two_files_that_keep_their_spacing_are_not_matched_by_words() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", "علي في بغداد", &[])]),
            wasim("b.json", Some("Badr"), &[("d.txt", "علي  في بغداد", &[])]),
        ],
        Vec::new(),
    );
    let report = team.compare().expect("two");
    assert!(report.documents.is_empty());
    assert!(texts(&team.notices()).iter().all(|n| !n.contains("CoNLL")));
}

/// A doccano JSONL file of one text.
fn doccano(file: &str, text: &str, spans: Spans<'_>) -> InputFile {
    let label: Vec<Value> = spans.iter().map(|&(s, e, l)| json!([s, e, l])).collect();
    InputFile {
        name: file.into(),
        bytes: format!("{}\n", json!({"text": text, "label": label})).into_bytes(),
    }
}

const ARTICLE: &str = "زار علي بغداد، ثم الموصل.\nوعاد.";
const ARTICLE_SPANS: Spans<'static> = &[(4, 7, "PER"), (8, 13, "LOC")];

#[test]
fn an_annotators_json_and_her_conll_export_of_it_are_one_work() {
    let json = || {
        wasim(
            "amina.json",
            Some("Amina"),
            &[("d.txt", ARTICLE, ARTICLE_SPANS)],
        )
    };
    let conll = || conll_export("corpus_Amina_2026-12-03.conll", ARTICLE, ARTICLE_SPANS);
    for files in [vec![json(), conll()], vec![conll(), json()]] {
        let mut team = Team::default();
        team.add(files, Vec::new());
        assert_eq!(team.members().len(), 1, "{:?}", texts(&team.notices()));
        assert!(texts(&team.notices())[0].contains("holds the same work as"));
    }
}

#[test]
fn annotators_named_by_their_file_names_who_agree_are_all_kept() {
    let mut team = Team::default();
    team.add(
        vec![
            doccano("corpus_Amina_2026-12-03.jsonl", TEXT, AMINA),
            doccano("corpus_Chadi_2026-12-03.jsonl", TEXT, AMINA),
            doccano("corpus_Badr_2026-12-03.jsonl", TEXT, BADR),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "Chadi", "Badr"]);
    let report = team.compare().expect("three");
    assert!(report.fleiss.is_some());
    // The same file twice is still refused.
    team.add(
        vec![doccano("corpus_Amina_2026-12-03 (1).jsonl", TEXT, AMINA)],
        Vec::new(),
    );
    assert_eq!(team.members().len(), 3);
}

#[test]
fn nameless_files_alike_are_two_annotators_with_a_warning_but_a_copy_is_refused() {
    let mut team = Team::default();
    team.add(
        vec![
            doccano("amina.jsonl", TEXT, AMINA),
            doccano("badr.jsonl", TEXT, AMINA),
            doccano("chadi.jsonl", TEXT, &[]),
            doccano("dalia.jsonl", TEXT, &[]),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["amina", "badr", "chadi", "dalia"]);
    let alike: Vec<String> = texts(&team.notices())
        .into_iter()
        .filter(|t| t.contains("agree in full"))
        .collect();
    assert_eq!(alike.len(), 2, "{alike:?}");
    assert!(alike[0].starts_with("“badr” has the same texts and spans as “amina”"));
    assert!(alike[1].starts_with("“dalia” has the same texts and spans as “chadi”"));
    let report = team.compare().expect("four");
    assert_eq!(report.annotators.len(), 4);
    // A second download of one file is the same file: refused.
    team.add(vec![doccano("amina (1).jsonl", TEXT, AMINA)], Vec::new());
    assert_eq!(team.members().len(), 4);
    assert!(texts(&team.notices())[0].contains("holds the same work as amina.jsonl"));
    // Named annotators who agree in full are kept without a word.
    let mut named = Team::default();
    named.add(
        vec![
            wasim("a.json", Some("Amina"), &[("d.txt", TEXT, AMINA)]),
            wasim("b.json", Some("Badr"), &[("d.txt", TEXT, AMINA)]),
        ],
        Vec::new(),
    );
    assert!(
        texts(&named.notices())
            .iter()
            .all(|t| !t.contains("agree in full"))
    );
}

#[test]
fn placing_depends_on_the_files_loaded_not_on_their_history() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim(
                "amina.json",
                Some("Amina"),
                &[("d.txt", ARTICLE, ARTICLE_SPANS)],
            ),
            conll_export("badr.conll", ARTICLE, &[(4, 7, "PER")]),
        ],
        Vec::new(),
    );
    assert_eq!(team.compare().expect("two").documents.len(), 1);
    team.remove(0);
    // Nothing left to place it on: the notice is gone, the text as read.
    assert!(texts(&team.notices()).iter().all(|n| !n.contains("CoNLL")));
    assert_ne!(team.members()[0].documents[0].text.as_str(), ARTICLE);
    // Dalia's text has the same words and a final line break.
    let dalia = format!("{ARTICLE}\n");
    team.add(
        vec![doccano("dalia.jsonl", &dalia, ARTICLE_SPANS)],
        Vec::new(),
    );
    let report = team.compare().expect("two");
    assert_eq!(report.documents.len(), 1);
    // Badr the reference, Dalia the candidate, with one span more.
    let pair = &report.pairs[0];
    assert_eq!(
        (pair.overall.tp, pair.overall.fp, pair.overall.fn_),
        (1, 1, 0)
    );
    let notices = team.notices();
    let placed = notices
        .iter()
        .find(|n| n.text.starts_with("badr.conll spaces its words"))
        .expect("placed");
    assert_eq!(
        details(placed),
        ["“badr.conll”: on the text of “dalia.jsonl” in dalia.jsonl"]
    );
    // The placed document takes the kept document's name.
    assert_eq!(team.members()[0].documents[0].name, "dalia.jsonl");
}

#[test]
fn the_document_name_an_export_was_named_after_names_the_annotator() {
    let mut team = Team::default();
    team.add(
        vec![
            wasim(
                "amina.json",
                Some("Amina"),
                &[("article.txt", ARTICLE, ARTICLE_SPANS)],
            ),
            conll_export("article_Badr_2026-12-03.conll", ARTICLE, &[(4, 7, "PER")]),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Amina", "Badr"]);
    // Named after the JSON's document, whichever file came first.
    assert_eq!(
        team.compare().expect("two").documents[0].name,
        "article.txt"
    );
    let mut team = Team::default();
    team.add(
        vec![
            conll_export("article_Badr_2026-12-03.conll", ARTICLE, &[(4, 7, "PER")]),
            wasim(
                "amina.json",
                Some("Amina"),
                &[("article.txt", ARTICLE, ARTICLE_SPANS)],
            ),
        ],
        Vec::new(),
    );
    assert_eq!(team.names(), ["Badr", "Amina"]);
    assert_eq!(
        team.compare().expect("two").documents[0].name,
        "article.txt"
    );
    assert_eq!(merge(&team).imported.documents[0].name, "article.txt");
}

#[test]
fn a_span_that_cannot_be_placed_is_said_and_a_leading_feff_is_spacing() {
    // محمّد tokenized apart inside its cluster: the span would end inside it.
    let conll = InputFile {
        name: "split.conll".into(),
        bytes: "زار O\nمحم B-PER\nّد O\n".as_bytes().to_vec(),
    };
    let mut team = Team::default();
    team.add(
        vec![
            wasim(
                "amina.json",
                Some("Amina"),
                &[("d.txt", "زار محمّد", &[(4, 9, "PER")])],
            ),
            conll,
        ],
        Vec::new(),
    );
    let notices = texts(&team.notices());
    assert!(
        notices.iter().any(|n| n
            == "“split.conll” in split.conll has the words of “d.txt” in amina.json, but one of its spans would end inside a character there: it is not compared."),
        "{notices:?}"
    );
    // A JSON text that starts with U+FEFF, which CoNLL reads as a byte order mark.
    let text = "\u{feff}زار علي بغداد";
    let mut team = Team::default();
    team.add(
        vec![
            wasim(
                "amina.json",
                Some("Amina"),
                &[("d.txt", text, &[(5, 8, "PER")])],
            ),
            conll_export("badr.conll", text, &[(5, 8, "PER")]),
        ],
        Vec::new(),
    );
    let report = team.compare().expect("two");
    assert_eq!(report.documents.len(), 1, "{:?}", texts(&team.notices()));
    assert!((report.pairs[0].overall.f1() - 1.0).abs() < 1e-12);
}

/// A Label Studio region of `text`'s `[s, e)` with `label`.
fn ls_region(text: &str, (s, e, l): (usize, usize, &str)) -> Value {
    let t: String = text.chars().skip(s).take(e - s).collect();
    json!({"from_name": "label", "to_name": "text", "type": "labels",
        "value": {"start": s, "end": e, "text": t, "labels": [l]}})
}

#[test]
fn a_label_studio_task_several_people_annotated_is_their_work_apart() {
    let second = "وصل علي إلى بغداد";
    let annotation = |by: Value, text: &str, spans: Spans<'_>| {
        let result: Vec<Value> = spans.iter().map(|&s| ls_region(text, s)).collect();
        json!({"completed_by": by, "was_cancelled": false, "result": result})
    };
    let amina = json!({"id": 1, "email": "amina@news.example", "first_name": "Amina"});
    let tasks = json!([
        {"data": {"text": TEXT}, "annotations": [
            annotation(amina.clone(), TEXT, AMINA),
            annotation(json!(2), TEXT, BADR),
            {"completed_by": 3, "was_cancelled": true, "result": []},
        ]},
        {"data": {"text": second}, "annotations": [
            annotation(amina.clone(), second, &[(4, 7, "PER")]),
        ]},
        {"data": {"text": "لم يوسم"}, "annotations": []},
    ]);
    let file = InputFile {
        name: "project-1.json".into(),
        bytes: tasks.to_string().into_bytes(),
    };
    let mut team = Team::default();
    team.add(vec![file.clone()], Vec::new());
    assert_eq!(team.names(), ["amina@news.example", "#2"]);
    let spans = |m: &Member, d: usize| -> Vec<(usize, usize, String)> {
        m.documents[d]
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect()
    };
    let owned = |s: Spans<'_>| -> Vec<(usize, usize, String)> {
        s.iter().map(|&(a, b, l)| (a, b, l.to_owned())).collect()
    };
    let members = team.members();
    assert_eq!(members[0].documents.len(), 2, "Amina annotated two tasks");
    assert_eq!(spans(&members[0], 0), owned(AMINA));
    assert_eq!(spans(&members[1], 0), owned(BADR));
    assert_eq!(members[1].documents.len(), 1);
    let notices = texts(&team.notices());
    assert!(
        notices.iter().all(|n| !n.contains("were merged")),
        "{notices:?}"
    );
    assert!(notices.iter().any(|n| n.contains("amina@news.example")));
    let report = team.compare().expect("two");
    assert_eq!(report.documents.len(), 1, "the task both annotated");
    // One Label Studio export per annotator: each is named by its
    // completed_by, not after its file.
    let own = |by: Value, file: &str| InputFile {
        name: file.into(),
        bytes: json!([{"data": {"text": TEXT}, "annotations": [annotation(by, TEXT, AMINA)]}])
            .to_string()
            .into_bytes(),
    };
    let mut apart = Team::default();
    apart.add(
        vec![own(amina.clone(), "p.json"), own(json!(7), "q.json")],
        Vec::new(),
    );
    assert_eq!(apart.names(), ["amina@news.example", "#7"]);
    let said = texts(&apart.notices());
    assert!(
        said.iter().all(|n| !n.contains("names no annotator")),
        "{said:?}"
    );
    // A task whose annotations do not say who made them stays one work.
    let mut anonymous = tasks.clone();
    anonymous[0]["annotations"][1]
        .as_object_mut()
        .expect("object")
        .remove("completed_by");
    let mut one = Team::default();
    one.add(
        vec![InputFile {
            name: "project-1.json".into(),
            bytes: anonymous.to_string().into_bytes(),
        }],
        Vec::new(),
    );
    assert_eq!(one.names(), ["project-1"]);
}

#[test]
fn two_annotators_brat_pairs_loaded_loose_say_to_load_folders() {
    let pair = |spans: Spans<'_>| {
        let ann: String = spans
            .iter()
            .enumerate()
            .map(|(i, &(s, e, l))| {
                let t: String = TEXT.chars().skip(s).take(e - s).collect();
                format!("T{}\t{l} {s} {e}\t{t}\n", i + 1)
            })
            .collect();
        vec![
            InputFile {
                name: "000.txt".into(),
                bytes: TEXT.as_bytes().to_vec(),
            },
            InputFile {
                name: "000.ann".into(),
                bytes: ann.into_bytes(),
            },
        ]
    };
    let mut team = Team::default();
    team.add(pair(AMINA), Vec::new());
    team.add(pair(BADR), Vec::new());
    assert_eq!(team.names(), ["000", "000 (000.txt)"]);
    let notices = texts(&team.notices());
    assert!(
        notices.contains(&"Two files are both called 000.txt: the second is called “000 (000.txt)”. To compare annotators' brat files, load each annotator's as a folder or a .zip named after them.".to_owned()),
        "{notices:?}"
    );
    assert!(
        notices
            .iter()
            .all(|n| !n.contains("is the annotator of two files"))
    );
}
