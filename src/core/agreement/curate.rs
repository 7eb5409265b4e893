//! Adjudication: the candidate spans of a document annotated by several
//! people, who proposed each, and the groups of overlapping candidates a
//! curator decides one at a time. Adjudicating in the workspace itself
//! (team documents, decisions as edits) is [`crate::core::curation`].
//!
//! A [`Candidate`] is one distinct `(start, end, label)` with the indices of
//! the annotators who proposed it. Candidates that overlap (directly or
//! through others) form a [`Group`]: deciding a group means choosing which
//! of its candidates become gold spans. A group is *settled* when every
//! annotator proposed exactly its one candidate; [`accepted`] lists the
//! candidates a chosen majority proposed, which can be accepted in one step.
//!
//! **Offsets:** code points, half-open.

use super::metrics::Mention;
use crate::core::curation::overlapping_runs;
use crate::core::sort;
use crate::core::text::CharRange;

/// One distinct span proposed by one or more annotators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The span.
    pub mention: Mention,
    /// Indices of the annotators who proposed it, ascending.
    pub by: Vec<usize>,
}

/// Overlapping candidates, decided together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// From the first start to the last end of its candidates.
    pub range: CharRange,
    /// Its candidates, in text order.
    pub candidates: Vec<Candidate>,
}

impl Group {
    /// Whether all `annotators` proposed the same single candidate.
    pub fn settled(&self, annotators: usize) -> bool {
        matches!(self.candidates.as_slice(), [only] if only.by.len() == annotators)
    }

    /// The candidates `annotator` proposed: their version of this place.
    pub fn version_of(&self, annotator: usize) -> Vec<&Candidate> {
        self.candidates
            .iter()
            .filter(|c| c.by.contains(&annotator))
            .collect()
    }
}

/// The distinct candidates of one document, given each annotator's
/// mentions (`mentions[i]` for annotator `i`), in text order (start, then
/// the longest first, then label).
pub fn candidates(mentions: &[Vec<Mention>]) -> Vec<Candidate> {
    let mut all: Vec<(&Mention, usize)> = mentions
        .iter()
        .enumerate()
        .flat_map(|(a, list)| list.iter().map(move |m| (m, a)))
        .collect();
    sort::sort_by(&mut all, |(x, a), (y, b)| {
        order(x).cmp(&order(y)).then(a.cmp(b))
    });
    let mut out: Vec<Candidate> = Vec::new();
    for (mention, annotator) in all {
        match out.last_mut() {
            Some(last) if last.mention == *mention => {
                if !last.by.contains(&annotator) {
                    last.by.push(annotator);
                }
            }
            _ => out.push(Candidate {
                mention: mention.clone(),
                by: vec![annotator],
            }),
        }
    }
    out
}

fn order(m: &Mention) -> (usize, std::cmp::Reverse<usize>, &str) {
    (m.start, std::cmp::Reverse(m.end), &m.label)
}

/// `candidates` (in text order) gathered into groups of overlapping ones
/// (the same runs as a team document's groups,
/// [`crate::core::curation::overlapping_runs`]).
pub fn groups(candidates: Vec<Candidate>) -> Vec<Group> {
    let runs = overlapping_runs(candidates.iter().map(|c| (c.mention.start, c.mention.end)));
    let mut rest = candidates.into_iter();
    runs.into_iter()
        .map(|(indices, range)| Group {
            range,
            candidates: rest.by_ref().take(indices.len()).collect(),
        })
        .collect()
}

/// The candidates at least `quorum` annotators proposed (all of them when
/// `quorum` is their number): what "accept where they agree" accepts.
pub fn accepted(candidates: &[Candidate], quorum: usize) -> Vec<&Candidate> {
    candidates
        .iter()
        .filter(|c| c.by.len() >= quorum.max(1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, label: &str) -> Mention {
        Mention::new(start, end, label)
    }

    #[test]
    fn identical_spans_are_one_candidate_with_everyone_who_proposed_it() {
        let a = vec![m(0, 5, "PER"), m(10, 14, "LOC")];
        let b = vec![m(0, 5, "PER"), m(10, 14, "ORG")];
        let c = vec![m(0, 5, "PER")];
        let list = candidates(&[a, b, c]);
        assert_eq!(
            list,
            vec![
                Candidate {
                    mention: m(0, 5, "PER"),
                    by: vec![0, 1, 2]
                },
                Candidate {
                    mention: m(10, 14, "LOC"),
                    by: vec![0]
                },
                Candidate {
                    mention: m(10, 14, "ORG"),
                    by: vec![1]
                },
            ]
        );
        let groups = groups(list.clone());
        assert_eq!(groups.len(), 2);
        assert!(groups[0].settled(3));
        assert!(!groups[1].settled(3));
        assert_eq!(groups[1].version_of(1)[0].mention.label, "ORG");
        assert!(groups[1].version_of(2).is_empty());
        assert_eq!(accepted(&list, 3).len(), 1);
        assert_eq!(accepted(&list, 1).len(), 3);
    }

    #[test]
    fn overlapping_candidates_chain_into_one_group() {
        let a = vec![m(0, 6, "PER"), m(20, 25, "LOC")];
        let b = vec![m(4, 10, "PER")];
        let c = vec![m(8, 12, "ORG")];
        let groups = groups(candidates(&[a, b, c]));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].range, CharRange::ordered(0, 12));
        assert_eq!(groups[0].candidates.len(), 3);
        // Touching is not overlapping: [12, 20) would be a group of its own.
        assert_eq!(groups[1].range, CharRange::ordered(20, 25));
    }

    #[test]
    fn nested_spans_of_one_annotator_group_together() {
        let a = vec![m(0, 12, "ORG"), m(6, 12, "LOC")];
        let b = vec![m(0, 12, "ORG")];
        let groups = groups(candidates(&[a, b]));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].version_of(0).len(), 2);
        assert_eq!(groups[0].version_of(1).len(), 1);
    }
}
