//! An agreement [`Report`] written out: numbers for the screen ([`shown`]),
//! the per-label F1 chart as SVG ([`chart_svg`]), and the whole report as
//! CSV ([`csv`]) and JSON ([`json`]) with every number at full precision.
//!
//! Undefined measures (a κ whose chance agreement is 1…) are "—" on screen,
//! an empty cell in CSV and `null` in JSON, never a number.

use serde_json::{Value, json};

use crate::core::agreement::metrics::Counts;
use crate::core::agreement::{Pair, Report};
use crate::core::i18n::{Counted, Key, Lang};
use crate::core::model::{Label, readable_color};
use crate::core::number::{fixed, shortest};

/// A measure as shown: three decimals, or "—" when it is undefined.
pub fn shown(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => fixed(v, 3),
        _ => "—".to_owned(),
    }
}

/// The unordered pairs of a report: the pairs whose reference comes before
/// their candidate (exact F1 is the same either way round).
fn unordered(report: &Report) -> impl Iterator<Item = &Pair> {
    report.pairs.iter().filter(|p| p.reference < p.candidate)
}

/// Exact-span F1 per label, as the chart shows it: for each label of the
/// report, the mean over the pairs of annotators of the pair's F1 on that
/// label (pairs where neither used it do not count; `None` when no pair
/// did). First, `None` for the label name, the mean of the pairs' F1 over
/// all labels.
pub fn label_f1(report: &Report) -> Vec<(Option<String>, Option<f64>)> {
    let mean = |values: Vec<f64>| {
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let overall = mean(
        unordered(report)
            .filter_map(|p| p.measured(p.overall.f1()))
            .collect(),
    );
    std::iter::once((None, overall))
        .chain(report.labels.iter().map(|label| {
            let values = unordered(report)
                .filter_map(|p| p.per_label.get(label).map(Counts::f1))
                .collect();
            (Some(label.clone()), mean(values))
        }))
        .collect()
}

/// Text for XML: `&`, `<`, `>` and quotes escaped, and the control
/// characters XML 1.0 cannot hold (all below U+0020 but tab and line ends)
/// shown as U+FFFD: a label holding U+0001 made the saved chart a file no
/// XML reader opens.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c < ' ' && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The `data-label` of the "all labels" bar (the same in every language;
/// the bar's text is [`Key::AllLabels`] in the chart's language).
pub const ALL_LABELS: &str = "All labels";

/// The chart of [`label_f1`] as a standalone SVG image: one horizontal bar
/// per label (the label's colour from `labels`, else grey, outlined), the
/// value written after each bar so that colour is never the only signal,
/// and a scale from 0 to 1. Styles are attributes only (no `style`), so it
/// shows under a strict Content Security Policy and in any viewer. Its
/// title (also its accessible name) and the "all labels" bar are in `lang`.
pub fn chart_svg(report: &Report, labels: &[Label], lang: Lang) -> String {
    const WIDTH: f64 = 560.0;
    const LEFT: f64 = 130.0;
    const BAR: f64 = 340.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 40.0;
    let bars = label_f1(report);
    let height = TOP + ROW * bars.len() as f64 + 30.0;
    let pairs = unordered(report).count();
    let title = lang.n(Counted::ChartTitle, pairs, &[]);
    // Numbers through `shortest`/`fixed`, as `{}`/`{:.1}` would write them
    // (see `crate::core::number`).
    let n = shortest;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" font-family="sans-serif" font-size="13"><title>{t}</title><rect width="{w}" height="{h}" fill="#ffffff"/><text x="8" y="22" font-weight="bold" fill="#1b1b1b">{t}</text>"##,
        t = xml(&title),
        w = n(WIDTH),
        h = n(height),
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let width = BAR * value.unwrap_or(0.0).clamp(0.0, 1.0);
        let (id, name) = match label.as_deref() {
            Some(label) => (label, label),
            None => (ALL_LABELS, lang.t(Key::AllLabels)),
        };
        let colour = label
            .as_ref()
            .and_then(|l| labels.iter().find(|d| d.name == *l))
            .map_or_else(|| "#d9d9d9".to_owned(), |d| readable_color(&d.color));
        let number = shown(*value);
        svg.push_str(&format!(
            r##"<g data-label="{id}" data-value="{v}"><text x="{tx}" y="{ty}" text-anchor="end" fill="#1b1b1b">{name}</text><rect x="{left}" y="{ry}" width="{width}" height="18" fill="{colour}" stroke="#1b1b1b" stroke-width="1"/><text x="{vx}" y="{ty}" fill="#1b1b1b">{number}</text></g>"##,
            id = xml(id),
            name = xml(name),
            v = value.map_or(String::new(), n),
            tx = n(LEFT - 8.0),
            ty = n(y + 14.0),
            left = n(LEFT),
            ry = n(y + 1.0),
            width = fixed(width, 1),
            vx = fixed(LEFT + width + 6.0, 1),
        ));
    }
    let axis = TOP + ROW * bars.len() as f64 + 4.0;
    svg.push_str(&format!(
        r##"<line x1="{left}" y1="{a}" x2="{r}" y2="{a}" stroke="#1b1b1b"/>"##,
        left = n(LEFT),
        a = n(axis),
        r = n(LEFT + BAR)
    ));
    for tick in [0.0, 0.5, 1.0] {
        svg.push_str(&format!(
            r##"<text x="{x}" y="{y}" text-anchor="middle" fill="#555555">{t}</text>"##,
            x = n(LEFT + BAR * tick),
            y = n(axis + 16.0),
            t = fixed(tick, 1),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// One CSV field: quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    // A cell a spreadsheet would take for a formula (`=cmd|…`, `+`, `-`,
    // `@`, or a tab or line end first) starts with an apostrophe, which
    // spreadsheets read as "text", instead.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number for CSV and JSON: every digit Rust needs to read it back.
fn number(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map_or(String::new(), shortest)
}

/// The columns of [`csv`].
pub const CSV_HEADER: &str =
    "table,reference,candidate,label,candidate_label,document,measure,value";

/// The report as one CSV table, one number per row (columns
/// [`CSV_HEADER`]): `exact` (per pair and label, `label` empty for all
/// labels: tp, fp, fn, precision, recall, f1), `partial` (correct, partial,
/// spurious, missed, precision, recall, f1), `cohen_kappa`,
/// `boundary_only`, `confusion` (reference label, candidate label: count),
/// `all` (fleiss_kappa, krippendorff_alpha, tokens, documents) and
/// `document` (f1, and each annotator's mentions with `reference` = the
/// annotator). An undefined measure has an empty value.
pub fn csv(report: &Report) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    let mut row = |fields: [&str; 7], value: String| {
        for f in fields {
            out.push_str(&field(f));
            out.push(',');
        }
        out.push_str(&value);
        out.push_str("\r\n");
    };
    let name = |i: usize| report.annotators.get(i).map_or("", String::as_str);
    for pair in &report.pairs {
        let (r, c) = (name(pair.reference), name(pair.candidate));
        let counts = std::iter::once(("", pair.overall))
            .chain(pair.per_label.iter().map(|(l, c)| (l.as_str(), *c)));
        for (label, k) in counts {
            for (measure, value) in counts_measures(pair, &k) {
                row(["exact", r, c, label, "", "", measure], value);
            }
        }
        let p = pair.partial;
        for (measure, value) in [
            ("correct", p.correct.to_string()),
            ("partial", p.partial.to_string()),
            ("spurious", p.spurious.to_string()),
            ("missed", p.missed.to_string()),
            ("precision", number(pair.measured(p.precision()))),
            ("recall", number(pair.measured(p.recall()))),
            ("f1", number(pair.measured(p.f1()))),
        ] {
            row(["partial", r, c, "", "", "", measure], value);
        }
        row(
            ["cohen_kappa", r, c, "", "", "", "kappa"],
            number(pair.kappa),
        );
        row(
            ["boundary_only", r, c, "", "", "", "count"],
            pair.boundary_only.to_string(),
        );
        for ((rl, cl), count) in &pair.confusion {
            row(["confusion", r, c, rl, cl, "", "count"], count.to_string());
        }
    }
    let all = |measure| ["all", "", "", "", "", "", measure];
    row(all("fleiss_kappa"), number(report.fleiss));
    row(all("krippendorff_alpha"), number(report.alpha));
    row(all("tokens"), report.tokens.to_string());
    row(all("documents"), report.documents.len().to_string());
    for doc in &report.documents {
        row(
            ["document", "", "", "", "", &doc.name, "f1"],
            number(Some(doc.f1)),
        );
        for (a, count) in doc.mentions.iter().enumerate() {
            row(
                ["document", name(a), "", "", "", &doc.name, "mentions"],
                count.to_string(),
            );
        }
    }
    out
}

/// `k`'s counts and scores (of `pair`, empty when it has no data).
fn counts_measures(pair: &Pair, k: &Counts) -> [(&'static str, String); 6] {
    [
        ("tp", k.tp.to_string()),
        ("fp", k.fp.to_string()),
        ("fn", k.fn_.to_string()),
        ("precision", number(pair.measured(k.precision()))),
        ("recall", number(pair.measured(k.recall()))),
        ("f1", number(pair.measured(k.f1()))),
    ]
}

/// `k` as JSON (of `pair`: scores `null` when it has no data).
fn counts_json(pair: &Pair, k: &Counts) -> Value {
    json!({
        "tp": k.tp, "fp": k.fp, "fn": k.fn_,
        "precision": pair.measured(k.precision()),
        "recall": pair.measured(k.recall()),
        "f1": pair.measured(k.f1()),
    })
}

/// The `format` of [`json`]'s document.
pub const JSON_FORMAT: &str = "wasim-agreement";

/// The report as JSON (`{"format": "wasim-agreement", "version": 1, …}`):
/// the annotators, every ordered pair (`exact` over all labels and
/// `per_label`, `partial`, `cohen_kappa`, `boundary_only`, `confusion`),
/// `fleiss_kappa`, `krippendorff_alpha`, `tokens`, the documents least
/// agreement first, the labels, and the documents left out. Numbers are
/// JSON numbers at full precision; undefined ones are `null`.
pub fn json(report: &Report) -> String {
    let name = |i: usize| report.annotators.get(i).cloned().unwrap_or_default();
    let pairs: Vec<Value> = report
        .pairs
        .iter()
        .map(|p| {
            json!({
                "reference": name(p.reference),
                "candidate": name(p.candidate),
                "exact": counts_json(p, &p.overall),
                "per_label": p.per_label.iter().map(|(l, c)| (l.clone(), counts_json(p, c))).collect::<serde_json::Map<_, _>>(),
                "partial": {
                    "correct": p.partial.correct, "partial": p.partial.partial,
                    "spurious": p.partial.spurious, "missed": p.partial.missed,
                    "precision": p.measured(p.partial.precision()),
                    "recall": p.measured(p.partial.recall()),
                    "f1": p.measured(p.partial.f1()),
                },
                "cohen_kappa": p.kappa,
                "boundary_only": p.boundary_only,
                "confusion": p.confusion.iter().map(|((r, c), n)| json!({
                    "reference_label": r, "candidate_label": c, "count": n,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let documents: Vec<Value> = report
        .documents
        .iter()
        .map(|d| {
            json!({
                "name": d.name,
                "f1": d.f1,
                "mentions": d.mentions.iter().enumerate().map(|(a, n)| (name(a), json!(n))).collect::<serde_json::Map<_, _>>(),
            })
        })
        .collect();
    let value = json!({
        "format": JSON_FORMAT,
        "version": 1,
        "annotators": report.annotators,
        "labels": report.labels,
        "tokens": report.tokens,
        "fleiss_kappa": report.fleiss,
        "krippendorff_alpha": report.alpha,
        "pairs": pairs,
        "documents": documents,
        "left_out": report.unmatched,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn control_characters_never_reach_the_chart() {
        assert_eq!(super::xml("a\u{0}b\u{1}<"), "a\u{FFFD}b\u{FFFD}&lt;");
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_text() {
        assert_eq!(field("=cmd|\"/c calc\"!A1"), "\"'=cmd|\"\"/c calc\"\"!A1\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-1+2"), "'-1+2");
        assert_eq!(field("أمينة"), "أمينة");
        assert_eq!(field("a,b"), "\"a,b\"");
    }
}
