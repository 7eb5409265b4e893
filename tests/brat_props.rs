//! brat round trips: an imported `.txt`/`.ann` pair that was not edited is
//! exported byte for byte (IDs, line order, line ends, relations, events,
//! attributes, normalizations, notes, equivalences, blank lines), and edits
//! change exactly the lines they should.
//!
//! Offsets are code points, half-open, as everywhere in Wasim. The property
//! runs with a fixed seed (ChaCha); failures are kept in
//! `tests/brat_props.proptest-regressions`; `PROPTEST_CASES` asks for more
//! than the default 64 cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use wasim::core::formats::brat::Brat;
use wasim::core::formats::{ExportOptions, Format, InputFile, import_edit, import_files, zip};
use wasim::core::model::{Document, Workspace};

const WORDS: &[&str] = &[
    "Ali",
    "Baghdad",
    "بِسْمِ",
    "الْعِرَاق",
    "بغداد",
    "naïve",
    "٣٤٥",
    "👩‍👩‍👧",
    "🇮🇶",
    "\u{200F}علي\u{200F}",
    "x",
];
const GAPS: &[&str] = &[" ", "  ", "\r\n", "\n", ", ", "، ", "\t", " \u{200E}"];
const TYPES: &[&str] = &["PER", "LOC", "ORG", "Attack", "Has-Dash"];
const NOTES: &[&str] = &["", "الوزير", "a note", "x: y", "👍🏽 ok"];

/// (type, first word, words, second fragment's word)
type GenT = (usize, usize, usize, Option<usize>);
/// (kind of line, first T, second T, note)
type GenOther = (u8, usize, usize, usize);

#[derive(Clone, Debug)]
struct Pair {
    txt: String,
    ann: String,
}

/// `text` with line breaks and tabs as spaces, as brat writes a surface.
fn flat(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn build(
    pieces: &[(usize, usize)],
    ts: &[GenT],
    others: &[GenOther],
    crlf: bool,
    trailing: bool,
    shuffle: u64,
) -> Pair {
    let mut txt = String::new();
    let mut words = Vec::new();
    let mut at = 0;
    for &(word, gap) in pieces {
        let word = WORDS[word];
        let start = at;
        at += word.chars().count();
        words.push((start, at));
        txt.push_str(word);
        txt.push_str(GAPS[gap]);
        at += GAPS[gap].chars().count();
    }
    let chars: Vec<char> = txt.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let mut lines = Vec::new();
    for (i, &(kind, first, len, second)) in ts.iter().enumerate() {
        let last = (first + len - 1).min(words.len() - 1);
        let mut parts = vec![(words[first].0, words[last].1)];
        if let Some(second) = second.filter(|&w| w > last) {
            parts.push(words[second]);
        }
        let offsets: Vec<String> = parts.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let surface: Vec<String> = parts.iter().map(|&(s, e)| slice(s, e)).collect();
        lines.push(format!(
            "T{}\t{} {}\t{}",
            i + 1,
            TYPES[kind],
            offsets.join(";"),
            flat(&surface.join(" "))
        ));
    }
    let t = |n: usize| format!("T{}", n % ts.len() + 1);
    let (mut r, mut e, mut a, mut n, mut note) = (0, 0, 0, 0, 0);
    for &(kind, x, y, text) in others {
        lines.push(match kind {
            0 => {
                r += 1;
                format!("R{r}\tRel Arg1:{} Arg2:{}", t(x), t(y))
            }
            1 => {
                e += 1;
                format!("E{e}\tAttack:{} Target:{}", t(x), t(y))
            }
            2 => {
                a += 1;
                format!("A{a}\tNeg {}", t(x))
            }
            3 => {
                a += 1;
                format!("M{a}\tConfidence {} High", t(x))
            }
            4 => {
                n += 1;
                format!("N{n}\tReference {} Wikidata:Q{y}\t{}", t(x), NOTES[text])
            }
            5 | 6 => {
                note += 1;
                format!("#{note}\tAnnotatorNotes {}\t{}", t(x), NOTES[text])
            }
            7 => format!("*\tEquiv {} {}", t(x), t(y)),
            _ => String::new(),
        });
    }
    // A deterministic shuffle: brat files interleave kinds of lines.
    let mut state = shuffle | 1;
    for i in (1..lines.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from(state >> 33).unwrap_or(0) % (i + 1);
        lines.swap(i, j);
    }
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut ann = lines.join(eol);
    if trailing {
        ann.push_str(eol);
    }
    Pair { txt, ann }
}

fn gen_pair() -> impl Strategy<Value = Pair> {
    (
        prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..10),
        any::<bool>(),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_flat_map(|(pieces, crlf, trailing, shuffle)| {
            let n = pieces.len();
            let ts = prop::collection::vec(
                (0..TYPES.len(), 0..n, 1..3usize, prop::option::of(0..n)),
                1..8,
            );
            let others =
                prop::collection::vec((0..9u8, 0..16usize, 0..16usize, 0..NOTES.len()), 0..12);
            (
                Just(pieces),
                ts,
                others,
                Just(crlf),
                Just(trailing),
                Just(shuffle),
            )
        })
        .prop_map(|(pieces, ts, others, crlf, trailing, shuffle)| {
            build(&pieces, &ts, &others, crlf, trailing, shuffle)
        })
}

fn file(name: &str, text: &str) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// Imports the pair into a fresh workspace.
fn import(pair: &Pair) -> Workspace {
    let mut results = import_files(vec![file("doc.ann", &pair.ann), file("doc.txt", &pair.txt)]);
    assert_eq!(results.len(), 1);
    let imported = results.remove(0).unwrap_or_else(|e| panic!("imports: {e}"));
    let mut ws = Workspace::default();
    let (edit, _) = import_edit(&mut ws, imported).expect("valid");
    edit.apply(&mut ws).expect("applies");
    ws
}

/// Exports the workspace and returns `(txt, ann, warnings)` of its one document.
fn export(ws: &Workspace) -> (String, String, Vec<String>) {
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
    let entries = zip::read(&exported.file.bytes).expect("zip");
    let get = |name: &str| {
        let entry = entries.iter().find(|e| e.name == name).expect(name);
        String::from_utf8(entry.bytes.clone()).expect("utf-8")
    };
    let warnings = exported.warnings.iter().map(ToString::to_string).collect();
    (get("doc.txt"), get("doc.ann"), warnings)
}

/// The spans of the one document: `(start, end, label)`, sorted.
fn shown(ws: &Workspace) -> Vec<(usize, usize, String)> {
    let mut shown: Vec<_> = ws.documents[0]
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.to_string()))
        .collect();
    shown.sort();
    shown.dedup();
    shown
}

/// The IDs the export says it kept although their spans were deleted.
fn pinned(warnings: &[String]) -> Vec<String> {
    let Some(warning) = warnings.iter().find(|w| w.contains(" kept as ")) else {
        return Vec::new();
    };
    let ids = warning.rsplit('(').next().unwrap_or_default();
    assert!(!ids.contains("more"), "all IDs named: {warning}");
    ids.trim_end_matches(')')
        .split([',', ' '])
        .filter(|id| id.starts_with('T'))
        .map(str::to_owned)
        .collect()
}

/// The fragments of the `T` line `id` of `ann`, as spans.
fn fragments_of(ann: &str, id: &str) -> Vec<(usize, usize, String)> {
    let line = ann.lines().find(|l| l.split('\t').next() == Some(id));
    let counts = line.map(fragments).unwrap_or_default();
    counts.into_keys().collect()
}

/// How many times each `(start, end, type)` fragment is written in the
/// `T` lines of `ann`.
fn fragments(ann: &str) -> std::collections::HashMap<(usize, usize, String), usize> {
    let mut counts = std::collections::HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let Some(middle) = line.split('\t').nth(1) else {
            continue;
        };
        let Some((kind, offsets)) = middle.split_once(' ') else {
            continue;
        };
        for part in offsets.split(';') {
            let mut numbers = part.split_whitespace().map(|n| n.parse().unwrap_or(0));
            let (s, e) = (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0));
            *counts.entry((s, e, kind.to_owned())).or_insert(0) += 1;
        }
    }
    counts
}

fn config() -> ProptestConfig {
    ProptestConfig {
        // The relabel property skips pairs without a T line of its own range
        // (about one pair in two), whatever the number of cases asked for
        // (PROPTEST_CASES is applied after this config).
        max_global_rejects: 1_000_000,
        ..common::proptest_config("brat_props", 64)
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn unchanged_pairs_export_byte_for_byte(pair in gen_pair()) {
        let ws = import(&pair);
        let (txt, ann, warnings) = export(&ws);
        prop_assert_eq!(&txt, &pair.txt);
        prop_assert_eq!(&ann, &pair.ann);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
    }

    #[test]
    fn a_relabel_changes_only_its_t_line(pair in gen_pair(), pick in any::<prop::sample::Index>()) {
        let mut ws = import(&pair);
        // A span that exactly one single-fragment T line stands for.
        let lines: Vec<&str> = pair.ann.split('\n').collect();
        let singles: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with('T') && !l.contains(';'))
            .map(|(i, _)| i)
            .collect();
        prop_assume!(!singles.is_empty());
        let line = singles[pick.index(singles.len())];
        let cols: Vec<&str> = lines[line].split('\t').collect();
        let mid: Vec<&str> = cols[1].split(' ').collect();
        let (kind, start, end): (&str, usize, usize) =
            (mid[0], mid[1].parse().expect("start"), mid[2].parse().expect("end"));
        let same_key = lines
            .iter()
            .filter(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                l.starts_with('T')
                    && c.get(1).is_some_and(|m| {
                        m.split_once(' ').map_or("", |(_, o)| o).split([' ', ';']).collect::<Vec<_>>().chunks(2).any(|w| {
                            w.len() == 2 && w[0].parse() == Ok(start) && w[1].parse() == Ok(end)
                        })
                    })
            })
            .count();
        prop_assume!(same_key == 1);
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        let span = doc
            .spans
            .iter_mut()
            .find(|s| s.start == start && s.end == end && s.label == kind)
            .expect("span");
        span.label = "NEW".into();
        let (_, ann, _) = export(&ws);
        let mut expected: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        expected[line] = lines[line].replacen(&format!("\t{kind} "), "\tNEW ", 1);
        prop_assert_eq!(ann, expected.join("\n"));
    }

    #[test]
    fn edited_pairs_reimport_as_shown(
        pair in gen_pair(),
        edits in prop::collection::vec(0..TYPES.len() + 3, 0..20),
    ) {
        let mut ws = import(&pair);
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        // Per span: keep it (0, 1), delete it (2) or relabel it.
        let mut spans = Vec::new();
        for (i, mut span) in std::mem::take(&mut doc.spans).into_iter().enumerate() {
            match edits.get(i).copied().unwrap_or(0) {
                0 | 1 => spans.push(span),
                2 => {}
                k => {
                    span.label = TYPES[k - 3].into();
                    spans.push(span);
                }
            }
        }
        // The app never holds one label twice on a range.
        spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        spans.dedup_by(|a, b| a.sort_key() == b.sort_key());
        doc.spans = spans;
        let (txt, ann, warnings) = export(&ws);
        let back = import(&Pair { txt, ann: ann.clone() });
        // Entities deleted but pointed at are kept whole, and said so.
        let mut expected = shown(&ws);
        for id in pinned(&warnings) {
            expected.extend(fragments_of(&pair.ann, &id));
        }
        expected.sort();
        expected.dedup();
        prop_assert_eq!(expected, shown(&back), "{}\n{:?}", ann, warnings);
        // No fragment is written twice unless the file already had it twice.
        let (before, after) = (fragments(&pair.ann), fragments(&ann));
        for (key, n) in &after {
            let had = before.get(key).copied().unwrap_or(0).max(1);
            prop_assert!(*n <= had, "{:?} written {} times:\n{}", key, n, ann);
        }
    }
}

const EDIT_TXT: &str = "Ali met Sara in Baghdad and Basra today .";
const EDIT_ANN: &str = "T1\tPER 0 3\tAli\n\
T2\tPER 8 12\tSara\n\
T3\tLOC 16 23\tBaghdad\n\
T4\tGPE 16 23;28 33\tBaghdad Basra\n\
T5\tMISC 34 39\ttoday\n\
R1\tMeets Arg1:T1 Arg2:T2\n\
#1\tAnnotatorNotes T2\tfriend\n\
A1\tNeg T3\n\
#2\tAnnotatorNotes T5\tsoon\n";

fn edit_pair() -> Workspace {
    import(&Pair {
        txt: EDIT_TXT.into(),
        ann: EDIT_ANN.into(),
    })
}

fn find(ws: &mut Workspace, start: usize, end: usize, label: &str) -> usize {
    ws.documents[0]
        .spans
        .iter()
        .position(|s| s.start == start && s.end == end && s.label == label)
        .unwrap_or_else(|| panic!("span {start} {end} {label}"))
}

#[test]
fn edits_change_exactly_their_lines() {
    let mut ws = edit_pair();
    // Relabel Sara and change her note; delete "today" (nothing points at
    // it) and Ali (a relation does); add "met" with a note.
    let at = find(&mut ws, 8, 12, "PER");
    let span = &mut std::sync::Arc::make_mut(&mut ws.documents[0]).spans[at];
    span.label = "ORG".into();
    span.note = Some("colleague".into());
    let at = find(&mut ws, 34, 39, "MISC");
    std::sync::Arc::make_mut(&mut ws.documents[0])
        .spans
        .remove(at);
    let at = find(&mut ws, 0, 3, "PER");
    std::sync::Arc::make_mut(&mut ws.documents[0])
        .spans
        .remove(at);
    let mut span = ws.new_span(4, 7, "VERB PHRASE");
    span.note = Some("new".into());
    let at = ws.documents[0].insertion_index(&span);
    std::sync::Arc::make_mut(&mut ws.documents[0])
        .spans
        .insert(at, span);

    let (_, ann, warnings) = export(&ws);
    assert_eq!(
        ann,
        "T1\tPER 0 3\tAli\n\
T2\tORG 8 12\tSara\n\
T3\tLOC 16 23\tBaghdad\n\
T4\tGPE 16 23;28 33\tBaghdad Basra\n\
R1\tMeets Arg1:T1 Arg2:T2\n\
#1\tAnnotatorNotes T2\tcolleague\n\
A1\tNeg T3\n\
T6\tVERB_PHRASE 4 7\tmet\n\
#3\tAnnotatorNotes T6\tnew\n"
    );
    let warnings = warnings.join("\n");
    assert!(
        warnings.contains("doc.ann: 1 deleted span kept as an entity") && warnings.contains("(T1)"),
        "{warnings}"
    );
    assert!(warnings.contains("\"VERB PHRASE\""), "{warnings}");
}

#[test]
fn notes_added_and_removed_and_fragments_broken() {
    let mut ws = edit_pair();
    // A note on Baghdad (none before) and none on Sara any more.
    let at = find(&mut ws, 16, 23, "LOC");
    std::sync::Arc::make_mut(&mut ws.documents[0]).spans[at].note = Some("capital".into());
    let at = find(&mut ws, 8, 12, "PER");
    std::sync::Arc::make_mut(&mut ws.documents[0]).spans[at].note = None;
    // Basra's fragment of T4 goes: T4 keeps its ID with Baghdad's fragment,
    // its line rewritten in place.
    let at = find(&mut ws, 28, 33, "GPE");
    std::sync::Arc::make_mut(&mut ws.documents[0])
        .spans
        .remove(at);

    let (_, ann, warnings) = export(&ws);
    assert_eq!(
        ann,
        "T1\tPER 0 3\tAli\n\
T2\tPER 8 12\tSara\n\
T3\tLOC 16 23\tBaghdad\n\
T4\tGPE 16 23\tBaghdad\n\
T5\tMISC 34 39\ttoday\n\
R1\tMeets Arg1:T1 Arg2:T2\n\
A1\tNeg T3\n\
#2\tAnnotatorNotes T5\tsoon\n\
#3\tAnnotatorNotes T3\tcapital\n"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn crlf_files_get_crlf_lines_and_a_missing_final_newline_is_kept() {
    let pair = Pair {
        txt: EDIT_TXT.into(),
        ann: "T1\tPER 0 3\tAli\r\nT2\tPER 8 12\tSara".into(),
    };
    let mut ws = import(&pair);
    assert_eq!(export(&ws).1, pair.ann);
    let span = ws.new_span(16, 23, "LOC");
    std::sync::Arc::make_mut(&mut ws.documents[0])
        .spans
        .push(span);
    assert_eq!(
        export(&ws).1,
        "T1\tPER 0 3\tAli\r\nT2\tPER 8 12\tSara\r\nT3\tLOC 16 23\tBaghdad\r\n"
    );
}
