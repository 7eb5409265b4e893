//! Download names that say what an export holds: the document's name for
//! one document, `corpus` for all of them, then who annotated it (when the
//! documents name one annotator, so that every export carries the name,
//! whatever room its format has inside), then the date.
//!
//! `003_مقال.txt` exported alone as CoNLL on 2025-06-01 downloads as
//! `003_مقال_2025-06-01.conll`; the whole corpus as brat as
//! `corpus_2025-06-01.zip`. Arabic and other letters are kept; characters
//! that file systems refuse or that could disguise a name (path separators,
//! `: * ? " < > |`, control and bidi control characters) are not. The core
//! has no clock: the caller passes the date.

use super::{ExportScope, OutputFile};
use crate::core::model::Document;

/// The subject of a corpus export's file name.
pub const CORPUS_STEM: &str = "corpus";

/// The longest stem kept, in characters.
const MAX_STEM: usize = 80;

/// Characters that never go into a file name: reserved on Windows, or path
/// separators anywhere.
fn is_reserved(c: char) -> bool {
    matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
}

/// Invisible characters that change how a name is displayed (bidi marks,
/// embeddings, overrides and isolates, the byte order mark) and are dropped.
fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Names Windows reserves for devices, whatever the extension.
const DEVICE_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `name` as a safe file-name stem: its last extension (up to five ASCII
/// letters or digits, such as `.txt`) removed, reserved characters replaced
/// by `_`, control and bidi characters dropped, white space collapsed, dots
/// and spaces trimmed from the ends, at most [`MAX_STEM`] characters.
/// `document` when nothing is left.
pub fn safe_stem(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.trim().is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            stem
        }
        _ => name,
    };
    clean(stem)
}

/// `stem` with reserved characters replaced, control and bidi characters
/// dropped and white space collapsed (see [`safe_stem`]); no extension is
/// removed. Also names the entries of an archive export.
pub(crate) fn clean(stem: &str) -> String {
    let mut out = String::with_capacity(stem.len());
    let mut space = false;
    for c in stem.chars() {
        if is_invisible_control(c) || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(if is_reserved(c) { '_' } else { c });
    }
    let trimmed: String = out
        .trim_matches(|c: char| c == '.' || c == ' ')
        .chars()
        .take(MAX_STEM)
        .collect();
    let trimmed = trimmed.trim_end_matches(['.', ' ']).to_owned();
    if trimmed.is_empty() {
        return "document".to_owned();
    }
    let device = trimmed.split('.').next().unwrap_or_default();
    if DEVICE_NAMES.iter().any(|d| d.eq_ignore_ascii_case(device)) {
        return format!("_{trimmed}");
    }
    trimmed
}

/// The stem for an export of `documents` with `scope`: the document's name
/// when the export holds the open document, [`CORPUS_STEM`] otherwise;
/// then `_` and the annotator when every document names the same one.
pub fn export_stem(documents: &[&Document], scope: ExportScope) -> String {
    let what = match (scope, documents) {
        (ExportScope::OpenDocument, [doc]) => safe_stem(&doc.name),
        _ => CORPUS_STEM.to_owned(),
    };
    match sole_annotator(documents) {
        Some(name) => format!("{what}_{}", clean(name)),
        None => what,
    }
}

/// The annotator every document names, if they all name the same one.
fn sole_annotator<'a>(documents: &[&'a Document]) -> Option<&'a str> {
    let first = documents.first()?.annotator.as_deref()?;
    documents
        .iter()
        .all(|d| d.annotator.as_deref() == Some(first))
        .then_some(first)
}

/// `stem_date.ext`, keeping the extension of `generated` (the exporter's
/// name, such as `wasim-brat.zip`). `date` is `YYYY-MM-DD`; anything else
/// (an empty string when the date is unknown) is left out. Where two
/// formats share an extension (Wasim JSON and Label Studio's `.json`,
/// doccano's and spaCy's `.jsonl`), the other format's name goes before
/// it, `stem_date.label-studio.json`, so one export does not overwrite or
/// pass for another.
pub fn dated_name(stem: &str, date: &str, generated: &str) -> String {
    let (base, ext) = match generated.rsplit_once('.') {
        Some((base, ext)) if !ext.is_empty() => (base, Some(ext)),
        _ => (generated, None),
    };
    let tag = base
        .strip_prefix("wasim-")
        .filter(|tag| *tag != "annotations" && matches!(ext, Some("json" | "jsonl")));
    let ext = match tag {
        Some(tag) => ext.map(|ext| format!("{tag}.{ext}")),
        None => ext.map(str::to_owned),
    };
    let date = is_iso_date(date).then_some(date);
    let mut name = clean(stem);
    if let Some(date) = date {
        name.push('_');
        name.push_str(date);
    }
    if let Some(ext) = ext {
        name.push('.');
        name.push_str(&ext);
    }
    name
}

/// Whether `date` looks like `YYYY-MM-DD`.
fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// Who a corpus export names in its file name, the inverse of
/// [`export_stem`] and [`dated_name`] for the whole corpus:
/// `corpus_Amina_2025-06-01.conll` → `Amina` (a second download of one
/// name, `… (1).conll`, too). For the Team panel, which names a file that
/// says nobody inside (CoNLL, brat) after the file.
pub fn annotator_in_name(file: &str) -> Option<&str> {
    annotator_after(file, CORPUS_STEM)
}

/// Who an export of the document whose stem ([`safe_stem`]) is `stem`
/// names in its file name: `article_Badr_2026-12-03.conll` after `article`
/// → `Badr`. `None` when the name is not `stem_who_date…` (a document
/// exported without an annotator is `stem_date`).
pub fn annotator_after<'a>(file: &'a str, stem: &str) -> Option<&'a str> {
    let rest = file.strip_prefix(stem)?.strip_prefix('_')?;
    let dated = |i: &usize| {
        let date = rest.get(i + 1..i + 11).unwrap_or_default();
        let after = rest[i + 1..].chars().nth(10);
        is_iso_date(date) && matches!(after, None | Some('.' | ' '))
    };
    let end = rest.match_indices('_').map(|(i, _)| i).rfind(dated)?;
    let who = rest[..end].trim();
    (!who.is_empty()).then_some(who)
}

/// `file` renamed for what it holds ([`export_stem`]) and the day it was
/// made ([`dated_name`]).
pub fn name_export(
    mut file: OutputFile,
    documents: &[&Document],
    scope: ExportScope,
    date: &str,
) -> OutputFile {
    file.name = dated_name(&export_stem(documents, scope), date, &file.name);
    file
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Workspace;

    #[test]
    fn a_corpus_export_names_its_annotator() {
        assert_eq!(
            annotator_in_name("corpus_Amina_2025-06-01.conll"),
            Some("Amina")
        );
        assert_eq!(
            annotator_in_name("corpus_أمينة_ب_2025-06-01 (1).zip"),
            Some("أمينة_ب")
        );
        assert_eq!(
            annotator_in_name("corpus_Badr_2025-06-01.label-studio.json"),
            Some("Badr")
        );
        for nobody in [
            "corpus_2025-06-01.conll",
            "003_مقال_Amina_2025-06-01.conll",
            "corpus_Amina.conll",
            "corpus_Amina_2025-06-011.conll",
            "corpus__2025-06-01.conll",
        ] {
            assert_eq!(annotator_in_name(nobody), None, "{nobody}");
        }
    }

    #[test]
    fn stems_keep_arabic_and_drop_the_extension() {
        assert_eq!(safe_stem("003_مقال.txt"), "003_مقال");
        assert_eq!(safe_stem("تقرير الأمم المتحدة.TXT"), "تقرير الأمم المتحدة");
        assert_eq!(safe_stem("a.b.conll"), "a.b");
        assert_eq!(safe_stem("doc1"), "doc1");
        assert_eq!(safe_stem("مثال — Wasim demo"), "مثال — Wasim demo");
        assert_eq!(
            safe_stem("نسخة.النهائية"),
            "نسخة.النهائية",
            "not an extension"
        );
    }

    #[test]
    fn unsafe_characters_are_replaced_or_dropped() {
        assert_eq!(safe_stem("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_stem(r#"a:b*c?d"e<f>g|h\i.txt"#), "a_b_c_d_e_f_g_h_i");
        assert_eq!(safe_stem("\u{202E}txt.exe\u{202C}.txt"), "txt.exe");
        assert_eq!(
            safe_stem("\u{200F}بغداد\u{200E}\t\n  2024.txt"),
            "بغداد 2024"
        );
        assert_eq!(safe_stem("a\u{0}b\u{7}c"), "abc");
        assert_eq!(safe_stem(" . .txt"), "document");
        assert_eq!(safe_stem(""), "document");
        assert_eq!(safe_stem("...hidden"), "hidden");
        assert_eq!(safe_stem("CON.txt"), "_CON");
        assert_eq!(safe_stem("nul.tar"), "_nul");
        assert_eq!(safe_stem("console.txt"), "console");
        let long = "ك".repeat(200);
        assert_eq!(safe_stem(&long).chars().count(), MAX_STEM);
    }

    #[test]
    fn names_say_who_when_one_annotator_did_it_all() {
        let mut ws = Workspace::default();
        let mut a = ws.new_document("003_مقال.txt", "نص");
        let mut b = ws.new_document("b.txt", "نص");
        a.annotator = Some("أمينة".into());
        assert_eq!(
            export_stem(&[&a], ExportScope::OpenDocument),
            "003_مقال_أمينة"
        );
        assert_eq!(export_stem(&[&a, &b], ExportScope::Corpus), "corpus");
        b.annotator = Some("Badr".into());
        assert_eq!(export_stem(&[&a, &b], ExportScope::Corpus), "corpus");
        b.annotator = Some("أمينة".into());
        assert_eq!(export_stem(&[&a, &b], ExportScope::Corpus), "corpus_أمينة");
        a.annotator = Some("a/b".into());
        assert_eq!(
            export_stem(&[&a], ExportScope::OpenDocument),
            "003_مقال_a_b"
        );
    }

    #[test]
    fn names_say_what_and_when() {
        assert_eq!(
            dated_name("003_مقال", "2025-06-01", "wasim-annotations.conll"),
            "003_مقال_2025-06-01.conll"
        );
        assert_eq!(
            dated_name(CORPUS_STEM, "2025-06-01", "wasim-brat.zip"),
            "corpus_2025-06-01.zip"
        );
        assert_eq!(
            dated_name("x", "2025-06-01", "wasim-web-annotation.jsonld"),
            "x_2025-06-01.jsonld"
        );
        assert_eq!(
            dated_name("x", "2025-06-01", "wasim-annotations.json"),
            "x_2025-06-01.json"
        );
        assert_eq!(
            dated_name("x", "2025-06-01", "wasim-label-studio.json"),
            "x_2025-06-01.label-studio.json",
            "not the name of the Wasim JSON"
        );
        assert_eq!(
            dated_name("x", "2025-06-01", "wasim-doccano.jsonl"),
            "x_2025-06-01.doccano.jsonl"
        );
        assert_eq!(
            dated_name("x", "2025-06-01", "wasim-spacy.jsonl"),
            "x_2025-06-01.spacy.jsonl"
        );
        assert_eq!(dated_name("x", "", "a.json"), "x.json", "no date known");
        assert_eq!(dated_name("x", "1/6/2025", "a.json"), "x.json");
        assert_eq!(dated_name("a/b", "2025-06-01", "noext"), "a_b_2025-06-01");
        assert_eq!(
            dated_name(&safe_stem("a.b.conll"), "2025-06-01", "x.conll"),
            "a.b_2025-06-01.conll",
            "a stem keeps its dots"
        );
    }

    #[test]
    fn one_document_is_named_after_it_and_the_corpus_is_corpus() {
        let mut ws = Workspace::default();
        let a = ws.new_document("003_مقال.txt", "نص");
        let b = ws.new_document("b.txt", "نص");
        let file = || OutputFile {
            name: "wasim-annotations.conll".to_owned(),
            mime: "text/plain",
            bytes: Vec::new(),
        };
        let one = name_export(file(), &[&a], ExportScope::OpenDocument, "2025-06-01");
        assert_eq!(one.name, "003_مقال_2025-06-01.conll");
        let all = name_export(file(), &[&a, &b], ExportScope::Corpus, "2025-06-01");
        assert_eq!(all.name, "corpus_2025-06-01.conll");
        let single_corpus = name_export(file(), &[&a], ExportScope::Corpus, "2025-06-01");
        assert_eq!(single_corpus.name, "corpus_2025-06-01.conll");
    }
}
