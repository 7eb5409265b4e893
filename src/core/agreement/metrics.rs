//! Agreement measures between annotators, each one a pure function of
//! mentions or token labels. The formulas are written out in the README
//! ("Working as a team") and pinned by hand-worked cases here and by the
//! reference implementations in `tests/python/test_agreement.py`.
//!
//! **Offsets:** a [`Mention`] is a code point range, half-open, like every
//! span in Wasim. Undefined values (a κ whose chance agreement is 1, an α
//! with one category) are `None`, never NaN.

use crate::core::sort;
use crate::core::sorted::SortedMap;

/// One annotator's span, reduced to what agreement compares.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Label name.
    pub label: String,
}

impl Mention {
    /// A mention of `[start, end)` labelled `label`.
    pub fn new(start: usize, end: usize, label: &str) -> Mention {
        Mention {
            start,
            end,
            label: label.to_owned(),
        }
    }

    fn overlaps(&self, other: &Mention) -> bool {
        self.start < other.end && other.start < self.end
    }

    fn same_extent(&self, other: &Mention) -> bool {
        self.start == other.start && self.end == other.end
    }
}

/// Exact-span counts: a candidate mention is a true positive when the
/// reference has one with the same start, end and label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// In both.
    pub tp: usize,
    /// Only in the candidate.
    pub fp: usize,
    /// Only in the reference.
    pub fn_: usize,
}

impl Counts {
    /// Adds `other` to these counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// `tp / (tp + fp)`, 0 when the candidate has no mention (as seqeval).
    pub fn precision(&self) -> f64 {
        ratio(self.tp as f64, (self.tp + self.fp) as f64)
    }

    /// `tp / (tp + fn)`, 0 when the reference has no mention.
    pub fn recall(&self) -> f64 {
        ratio(self.tp as f64, (self.tp + self.fn_) as f64)
    }

    /// The harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

fn f1(precision: f64, recall: f64) -> f64 {
    ratio(2.0 * precision * recall, precision + recall)
}

/// Exact-span counts per label (labels of either side), comparing one
/// document's `candidate` mentions with its `reference` ones.
pub fn exact(reference: &[Mention], candidate: &[Mention]) -> SortedMap<String, Counts> {
    let mut out: SortedMap<String, Counts> = SortedMap::new();
    for m in candidate {
        let entry = out.get_or_insert_with(m.label.clone(), Counts::default);
        if reference.contains(m) {
            entry.tp += 1;
        } else {
            entry.fp += 1;
        }
    }
    for m in reference.iter().filter(|m| !candidate.contains(m)) {
        out.get_or_insert_with(m.label.clone(), Counts::default).fn_ += 1;
    }
    out
}

/// Partial-match counts, as nervaluate's *partial* scheme counts them
/// (labels ignored).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartialCounts {
    /// Candidate mentions with the extent of a reference mention.
    pub correct: usize,
    /// Candidate mentions overlapping a reference mention, other extent.
    pub partial: usize,
    /// Candidate mentions overlapping no (unmatched) reference mention.
    pub spurious: usize,
    /// Reference mentions no candidate matched.
    pub missed: usize,
}

impl PartialCounts {
    /// Adds `other` to these counts.
    pub fn add(&mut self, other: PartialCounts) {
        self.correct += other.correct;
        self.partial += other.partial;
        self.spurious += other.spurious;
        self.missed += other.missed;
    }

    fn credit(&self) -> f64 {
        self.correct as f64 + 0.5 * self.partial as f64
    }

    /// `(correct + partial / 2) / (correct + partial + spurious)`.
    pub fn precision(&self) -> f64 {
        ratio(
            self.credit(),
            (self.correct + self.partial + self.spurious) as f64,
        )
    }

    /// `(correct + partial / 2) / (correct + partial + missed)`.
    pub fn recall(&self) -> f64 {
        ratio(
            self.credit(),
            (self.correct + self.partial + self.missed) as f64,
        )
    }

    /// The harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Partial-match counts of one document. Candidate mentions are taken in
/// text order; each is matched with the first unmatched reference mention
/// of the same extent, else the first unmatched one it overlaps (a
/// reference mention is matched at most once): nervaluate's algorithm.
pub fn partial(reference: &[Mention], candidate: &[Mention]) -> PartialCounts {
    let reference = sorted(reference);
    let mut matched = vec![false; reference.len()];
    let mut counts = PartialCounts::default();
    for m in sorted(candidate) {
        let free = |i: &usize| !matched[*i];
        let same = (0..reference.len())
            .filter(free)
            .find(|&i| reference[i].same_extent(m));
        let overlap = || {
            (0..reference.len())
                .filter(free)
                .find(|&i| reference[i].overlaps(m))
        };
        match (same, same.or_else(overlap)) {
            (Some(i), _) => {
                matched[i] = true;
                counts.correct += 1;
            }
            (None, Some(i)) => {
                matched[i] = true;
                counts.partial += 1;
            }
            (None, None) => counts.spurious += 1,
        }
    }
    counts.missed = matched.iter().filter(|m| !**m).count();
    counts
}

fn sorted(mentions: &[Mention]) -> Vec<&Mention> {
    let mut out: Vec<&Mention> = mentions.iter().collect();
    sort::sort(&mut out);
    out
}

/// Mentions of both sides with the same extent and different labels, per
/// `(reference label, candidate label)`.
pub fn confusion(
    reference: &[Mention],
    candidate: &[Mention],
) -> SortedMap<(String, String), usize> {
    let mut out = SortedMap::new();
    for c in candidate.iter().filter(|c| !reference.contains(c)) {
        for r in reference
            .iter()
            .filter(|r| r.same_extent(c) && !candidate.contains(r))
        {
            *out.get_or_insert_with((r.label.clone(), c.label.clone()), || 0) += 1;
        }
    }
    out
}

/// Candidate mentions that have no exact match but overlap a reference
/// mention with the same label that has none either: the annotators agree
/// on what, not where. A span one annotator added inside another's that
/// both have (nested work the other did not do) is no boundary
/// disagreement, in either direction. Counted per candidate mention, as
/// precision is: one reference span that two candidate spans split counts
/// two one way and one the other.
pub fn boundary_only(reference: &[Mention], candidate: &[Mention]) -> usize {
    candidate
        .iter()
        .filter(|c| !reference.contains(c))
        .filter(|c| {
            reference.iter().any(|r| {
                r.label == c.label && r.overlaps(c) && !r.same_extent(c) && !candidate.contains(r)
            })
        })
        .count()
}

/// Cohen's κ of two annotators' labels for the same items:
/// `(p_o − p_e) / (1 − p_e)`, with `p_o` the share of items labelled alike
/// and `p_e = Σ_k p_a(k) · p_b(k)`. `None` when there are no items, the
/// lists differ in length, or `p_e = 1`.
pub fn cohen_kappa<T: Ord>(a: &[T], b: &[T]) -> Option<f64> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    let n = a.len() as f64;
    let observed = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n;
    let (ca, cb) = (frequencies(a.iter()), frequencies(b.iter()));
    let expected: f64 = ca
        .iter()
        .map(|(k, x)| *x as f64 / n * cb.get(k).copied().unwrap_or(0) as f64 / n)
        .sum();
    kappa(observed, expected)
}

fn kappa(observed: f64, expected: f64) -> Option<f64> {
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// How many times each item occurs. Runs of equal items (most tokens are
/// `O`, one after the other) are counted before they reach the map.
fn frequencies<'a, T: Ord + 'a>(items: impl Iterator<Item = &'a T>) -> SortedMap<&'a T, usize> {
    let mut out = SortedMap::new();
    let mut run: Option<(&T, usize)> = None;
    for item in items {
        match &mut run {
            Some((value, count)) if *value == item => *count += 1,
            _ => {
                if let Some((value, count)) = run.replace((item, 1)) {
                    *out.get_or_insert_with(value, || 0) += count;
                }
            }
        }
    }
    if let Some((value, count)) = run {
        *out.get_or_insert_with(value, || 0) += count;
    }
    out
}

/// Fleiss' κ of items each labelled by the same number `n ≥ 2` of
/// annotators (`units[i]` holds item `i`'s labels): `(P̄ − P̄_e) / (1 − P̄_e)`
/// with `P_i = (Σ_k n_ik² − n) / (n (n − 1))`, `P̄` their mean,
/// `p_k = Σ_i n_ik / (N n)` and `P̄_e = Σ_k p_k²`. `None` when there are no
/// items, items differ in size or have fewer than two labels, or
/// `P̄_e = 1`.
pub fn fleiss_kappa<T: Ord, U: AsRef<[T]>>(units: &[U]) -> Option<f64> {
    let n = units.first()?.as_ref().len();
    if n < 2 || units.iter().any(|u| u.as_ref().len() != n) {
        return None;
    }
    let (items, raters) = (units.len() as f64, n as f64);
    let agreement: f64 = units
        .iter()
        .map(|u| (alike_pairs(u.as_ref()) as f64 - raters) / (raters * (raters - 1.0)))
        .sum::<f64>()
        / items;
    let expected: f64 = frequencies(units.iter().flat_map(|u| u.as_ref()))
        .values()
        .map(|c| (*c as f64 / (items * raters)).powi(2))
        .sum();
    kappa(agreement, expected)
}

/// `Σ_k n_k²` of one unit: the ordered pairs of its values (a value with
/// itself included) that are equal. Units are small (one value per
/// annotator), so this counts them directly rather than build a map.
fn alike_pairs<T: Eq>(unit: &[T]) -> usize {
    unit.iter()
        .map(|a| unit.iter().filter(|b| a == *b).count())
        .sum()
}

/// Krippendorff's α for nominal data: `1 − (n − 1) · D / E`, where, over
/// the coincidence matrix `o_ck = Σ_u (pairs of values c, k in unit u) /
/// (m_u − 1)` of the units with `m_u ≥ 2` values, `D = Σ_{c≠k} o_ck`,
/// `n_c = Σ_k o_ck`, `n = Σ_c n_c` and `E = Σ_{c≠k} n_c · n_k`. Units may
/// have any number of values (missing ones are simply absent). `None` when
/// fewer than two values are pairable or `E = 0` (one category).
pub fn krippendorff_alpha<T: Ord, U: AsRef<[T]>>(units: &[U]) -> Option<f64> {
    let pairable = || units.iter().map(AsRef::as_ref).filter(|u| u.len() >= 2);
    let mut disagreement = 0.0;
    for unit in pairable() {
        let m = unit.len();
        // Ordered pairs (c, k ≠ c) within the unit.
        disagreement += (m * m - alike_pairs(unit)) as f64 / (m - 1) as f64;
    }
    let totals = frequencies(pairable().flatten());
    let n = totals.values().sum::<usize>() as f64;
    let expected: f64 = n * n - totals.values().map(|c| (*c as f64).powi(2)).sum::<f64>();
    if n < 2.0 || expected <= 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * disagreement / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, label: &str) -> Mention {
        Mention::new(start, end, label)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn exact_counts_per_label() {
        let a = [m(0, 3, "PER"), m(5, 9, "LOC"), m(12, 15, "ORG")];
        let b = [m(0, 3, "PER"), m(5, 9, "ORG"), m(20, 22, "PER")];
        let counts = exact(&a, &b);
        assert_eq!(
            counts.get(&"PER".to_owned()).copied().unwrap_or_default(),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            counts.get(&"LOC".to_owned()).copied().unwrap_or_default(),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            counts.get(&"ORG".to_owned()).copied().unwrap_or_default(),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        let mut all = Counts::default();
        counts.values().for_each(|c| all.add(*c));
        // 1 of 3 either way: P = R = F1 = 1/3.
        assert!(close(all.precision(), 1.0 / 3.0));
        assert!(close(all.recall(), 1.0 / 3.0));
        assert!(close(all.f1(), 1.0 / 3.0));
    }

    #[test]
    fn all_agree_and_none_agree() {
        let a = [m(0, 3, "PER"), m(5, 9, "LOC")];
        let mut all = Counts::default();
        exact(&a, &a).values().for_each(|c| all.add(*c));
        assert!(close(all.f1(), 1.0));
        let b = [m(10, 12, "PER")];
        let mut none = Counts::default();
        exact(&a, &b).values().for_each(|c| none.add(*c));
        assert_eq!(none.f1(), 0.0);
        // An annotator who tagged nothing: precision 0 (nothing proposed),
        // recall 0, F1 0; two empty annotators have nothing to count.
        let empty: [Mention; 0] = [];
        let mut nothing = Counts::default();
        exact(&a, &empty).values().for_each(|c| nothing.add(*c));
        assert_eq!(
            (nothing.precision(), nothing.recall(), nothing.f1()),
            (0.0, 0.0, 0.0)
        );
        assert!(exact(&empty, &empty).is_empty());
    }

    #[test]
    fn a_boundary_off_by_one_is_partial_not_exact() {
        let a = [m(0, 5, "PER")];
        let b = [m(0, 4, "PER")];
        let mut counts = Counts::default();
        exact(&a, &b).values().for_each(|c| counts.add(*c));
        assert_eq!(counts.f1(), 0.0);
        let p = partial(&a, &b);
        assert_eq!(
            p,
            PartialCounts {
                correct: 0,
                partial: 1,
                spurious: 0,
                missed: 0
            }
        );
        assert!(close(p.precision(), 0.5) && close(p.recall(), 0.5) && close(p.f1(), 0.5));
        assert_eq!(boundary_only(&a, &b), 1);
        assert!(confusion(&a, &b).is_empty());
    }

    #[test]
    fn a_swapped_label_is_confusion_and_partial_correct() {
        let a = [m(0, 5, "PER"), m(6, 9, "LOC")];
        let b = [m(0, 5, "ORG"), m(6, 9, "LOC")];
        assert_eq!(
            confusion(&a, &b),
            SortedMap::from_pairs(vec![(("PER".to_owned(), "ORG".to_owned()), 1)])
        );
        // Partial ignores labels: both extents are right.
        assert_eq!(partial(&a, &b).correct, 2);
        assert_eq!(boundary_only(&a, &b), 0);
    }

    #[test]
    fn a_nested_span_only_one_annotator_made_is_no_boundary_disagreement() {
        // A tagged the city inside the bank's name as well; C did not.
        let a = [m(0, 10, "LOC"), m(0, 5, "LOC")];
        let c = [m(0, 10, "LOC")];
        assert_eq!((boundary_only(&a, &c), boundary_only(&c, &a)), (0, 0));
        // Different ends, both unmatched: one each way.
        let c = [m(0, 9, "LOC")];
        let a = [m(0, 10, "LOC")];
        assert_eq!((boundary_only(&a, &c), boundary_only(&c, &a)), (1, 1));
        // One span split in two by the other: counted per candidate span.
        let c = [m(0, 4, "LOC"), m(5, 10, "LOC")];
        assert_eq!((boundary_only(&a, &c), boundary_only(&c, &a)), (2, 1));
    }

    #[test]
    fn partial_matches_each_reference_mention_once() {
        // Two candidates overlap the same reference mention: the first is
        // partial, the second spurious; the unmatched reference is missed.
        let a = [m(0, 10, "PER"), m(20, 25, "LOC")];
        let b = [m(0, 4, "PER"), m(5, 10, "PER")];
        assert_eq!(
            partial(&a, &b),
            PartialCounts {
                correct: 0,
                partial: 1,
                spurious: 1,
                missed: 1
            }
        );
    }

    #[test]
    fn cohen_kappa_by_hand() {
        // 10 items, 8 alike; A and B: 6×X 4×O each.
        let a = "XXXXXXOOOO".chars().collect::<Vec<_>>();
        let b = "XXXXXOOOXO".chars().collect::<Vec<_>>();
        let po = 0.8;
        let pe = 0.6 * 0.6 + 0.4 * 0.4;
        assert!(close(
            cohen_kappa(&a, &b).unwrap_or(f64::NAN),
            (po - pe) / (1.0 - pe)
        ));
        assert!(close(cohen_kappa(&a, &a).unwrap_or(f64::NAN), 1.0));
        // Everyone says O everywhere: chance agreement is 1, κ undefined.
        assert_eq!(cohen_kappa(&['O', 'O'], &['O', 'O']), None);
        assert_eq!(cohen_kappa::<char>(&[], &[]), None);
    }

    #[test]
    fn fleiss_kappa_by_hand() {
        // 3 raters, 4 items.
        let units = vec![
            vec!['A', 'A', 'A'],
            vec!['A', 'A', 'B'],
            vec!['B', 'B', 'B'],
            vec!['A', 'B', 'B'],
        ];
        // P_i = 1, 1/3, 1, 1/3 → P̄ = 2/3; p_A = 6/12, p_B = 6/12 → P̄e = 1/2.
        let expected = (2.0 / 3.0 - 0.5) / 0.5;
        assert!(close(fleiss_kappa(&units).unwrap_or(f64::NAN), expected));
        assert_eq!(fleiss_kappa(&[vec!['A', 'A'], vec!['A', 'A']]), None);
    }

    #[test]
    fn krippendorff_alpha_by_hand() {
        // Same units: n = 12, n_A = n_B = 6. Disagreeing ordered pairs per
        // unit, each / (m − 1) = 2: unit 2 and 4 have 2·1·2 = 4 → 2 each.
        let units = vec![
            vec!['A', 'A', 'A'],
            vec!['A', 'A', 'B'],
            vec!['B', 'B', 'B'],
            vec!['A', 'B', 'B'],
        ];
        let d = 4.0;
        let e = 12.0 * 12.0 - 36.0 - 36.0;
        let expected = 1.0 - 11.0 * d / e;
        assert!(close(
            krippendorff_alpha(&units).unwrap_or(f64::NAN),
            expected
        ));
        assert_eq!(krippendorff_alpha(&[vec!['A', 'A']]), None);
        assert!(close(
            krippendorff_alpha(&[vec!['A', 'A'], vec!['B', 'B']]).unwrap_or(f64::NAN),
            1.0
        ));
    }
}
