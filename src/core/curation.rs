//! Adjudication of team documents: which places the annotators disagree
//! on, how a curator decides them, and how many are left.
//!
//! A *team document* ([`is_team`]) holds the merged work of two or more
//! annotators ([`Document::team`]); each of its spans lists who proposed it
//! ([`Span::annotators`]; identical spans of several annotators are one
//! span) and whether a curator accepted it ([`Span::accepted`]).
//!
//! - Spans that overlap, directly or through others, form a [`Group`]. In a
//!   document's sorted span list a group is a run of consecutive spans.
//! - A group is [`Status::Decided`] when all its spans are accepted,
//!   [`Status::Agreed`] when every span in it was proposed by every team
//!   member of a team of two or more, and [`Status::Open`] otherwise: the
//!   open groups are the disagreements. In a document only one annotator
//!   had (a team of one), every undecided group is open: nobody agreed.
//!   A group whose spans were all removed is gone.
//! - A decision ([`decide`]) keeps some spans of a group, accepted, and
//!   removes the others, as one [`Edit::Batch`] (one undo step). Each kept
//!   span lists who agreed with it: the annotators of every span of the
//!   group with the same extent and label.
//! - [`accept_quorum`] decides, in one edit over every team document, each
//!   group where one span was proposed by at least *k* team members and no
//!   other span of the group was; agreed groups are accepted whole.
//! - [`Disputes`] counts the open groups per document and in all, kept
//!   current by the documents each edit touches (see
//!   [`crate::core::tally`]), so that a key press never recounts the corpus.
//! - [`next_open`] walks the open groups in document order, then text order.
//!
//! Pure: no browser API. **Offsets:** code points, half-open.

use super::edit::Edit;
use super::i18n::{Counted, Key, Lang, Msg};
use super::model::{DocId, Document, Span, SpanId, Workspace};
use super::text::CharRange;
use std::collections::HashMap;
use std::ops::Range;

/// Whether `doc` holds a team's merged work to adjudicate (never the
/// demo): a team of two or more, or of one when only one annotator had
/// its text (see [`single`]).
pub fn is_team(doc: &Document) -> bool {
    !doc.team.is_empty() && !doc.demo
}

/// Whether `team` is a single annotator's: nobody else had the text, so
/// nobody agreed with any of its spans and each must be reviewed.
pub fn single(team: &[String]) -> bool {
    team.len() < 2
}

/// Runs of overlapping ranges, directly or through others: for `ranges`
/// sorted by start, the index range of each maximal run and the extent it
/// covers. Touching is not overlapping: `[0, 3)` and `[3, 5)` are two runs.
pub fn overlapping_runs(
    ranges: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<(Range<usize>, CharRange)> {
    let mut runs: Vec<(Range<usize>, CharRange)> = Vec::new();
    for (i, (start, end)) in ranges.into_iter().enumerate() {
        match runs.last_mut() {
            Some((indices, extent)) if start < extent.end() => {
                indices.end = i + 1;
                *extent = CharRange::ordered(extent.start(), extent.end().max(end));
            }
            _ => runs.push((i..i + 1, CharRange::ordered(start, end))),
        }
    }
    runs
}

/// Where a group stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every span in it was proposed by every team member (and not all are
    /// accepted yet).
    Agreed,
    /// All its spans are accepted.
    Decided,
    /// A disagreement still to decide.
    Open,
}

impl Status {
    /// The `data-status` value: `agreed`, `decided` or `open`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agreed => "agreed",
            Status::Decided => "decided",
            Status::Open => "open",
        }
    }
}

/// Overlapping spans of a team document, decided together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// From its first start to its last end.
    pub range: CharRange,
    /// Its spans: these indices of the document's sorted span list.
    pub spans: Range<usize>,
    /// Where it stands.
    pub status: Status,
}

impl Group {
    /// Its spans in `doc` (the document it was found in), in text order.
    pub fn spans<'a>(&self, doc: &'a Document) -> &'a [Span] {
        doc.spans.get(self.spans.clone()).unwrap_or_default()
    }

    /// Whether it is a disagreement still to decide.
    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }

    /// Whether span `id` of `doc` is one of its spans.
    pub fn holds(&self, doc: &Document, id: SpanId) -> bool {
        self.spans(doc).iter().any(|s| s.id == id)
    }
}

/// How many members of `team` proposed `span`.
pub fn proposers(team: &[String], span: &Span) -> usize {
    team.iter().filter(|m| span.annotators.contains(m)).count()
}

fn status(team: &[String], spans: &[Span]) -> Status {
    if spans.iter().all(|s| s.accepted) {
        Status::Decided
    } else if !single(team) && spans.iter().all(|s| proposers(team, s) == team.len()) {
        Status::Agreed
    } else {
        Status::Open
    }
}

/// The groups of `doc` in text order; none when it is not a team document.
pub fn groups(doc: &Document) -> Vec<Group> {
    if !is_team(doc) {
        return Vec::new();
    }
    overlapping_runs(doc.spans.iter().map(|s| (s.start, s.end)))
        .into_iter()
        .map(|(spans, range)| Group {
            status: status(&doc.team, doc.spans.get(spans.clone()).unwrap_or_default()),
            range,
            spans,
        })
        .collect()
}

/// How many open groups (disagreements) `doc` has.
pub fn open_count(doc: &Document) -> usize {
    groups(doc).iter().filter(|g| g.is_open()).count()
}

/// The group holding span `id` of `doc`.
pub fn group_of(doc: &Document, id: SpanId) -> Option<Group> {
    groups(doc).into_iter().find(|g| g.holds(doc, id))
}

/// The candidate to select once span `id` of `doc` is deleted: the next
/// span of its group, else the one before it, so that the rest of the
/// group stays listed and Enter accepts it. `None` outside a team document
/// or when the span is alone in its group.
pub fn neighbour_in_group(doc: &Document, id: SpanId) -> Option<SpanId> {
    let group = group_of(doc, id)?;
    let spans = group.spans(doc);
    let at = spans.iter().position(|s| s.id == id)?;
    let before = at.checked_sub(1).and_then(|i| spans.get(i));
    spans.get(at + 1).or(before).map(|s| s.id)
}

/// What a curator keeps of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The spans team member `i` (an index in [`Document::team`]) proposed.
    Version(usize),
    /// These spans (ids outside the group are ignored).
    Spans(Vec<SpanId>),
    /// None: every span of the group is removed.
    Nothing,
}

/// The edit that decides `group` of `doc` by `choice`: the chosen spans
/// accepted, listing who agreed with each, the others removed; one
/// [`Edit::Batch`]. `None` when it would change nothing.
pub fn decide(doc: &Document, group: &Group, choice: &Choice) -> Option<Edit> {
    let spans = group.spans(doc);
    let keep: Vec<&Span> = match choice {
        Choice::Version(i) => {
            let member = doc.team.get(*i)?;
            spans
                .iter()
                .filter(|s| s.annotators.contains(member))
                .collect()
        }
        Choice::Spans(ids) => spans.iter().filter(|s| ids.contains(&s.id)).collect(),
        Choice::Nothing => Vec::new(),
    };
    keep_only(doc, spans, &keep)
}

/// Who agreed with `span`: the annotators of every span of `spans` with its
/// extent and label, team members first in team order.
fn agreeing(team: &[String], spans: &[Span], span: &Span) -> Vec<String> {
    let same = |s: &&Span| s.start == span.start && s.end == span.end && s.label == span.label;
    let mut names: Vec<&String> = Vec::new();
    for s in spans.iter().filter(same) {
        names.extend(s.annotators.iter());
    }
    let mut out: Vec<String> = team.iter().filter(|m| names.contains(m)).cloned().collect();
    for name in names {
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

/// The edit keeping `keep` (accepted, with who agreed) and removing the rest
/// of `spans`; a span identical to one kept before it is removed too.
fn keep_only(doc: &Document, spans: &[Span], keep: &[&Span]) -> Option<Edit> {
    let mut kept: Vec<&Span> = Vec::new();
    let mut accept = Vec::new();
    let mut rewrite = Vec::new();
    for span in keep {
        let duplicate = kept
            .iter()
            .any(|k| k.start == span.start && k.end == span.end && k.label == span.label);
        if duplicate {
            continue;
        }
        kept.push(span);
        let annotators = agreeing(&doc.team, spans, span);
        if annotators != span.annotators {
            rewrite.push(Span {
                annotators,
                accepted: true,
                ..(*span).clone()
            });
        } else if !span.accepted {
            accept.push(Edit::SetSpanAccepted {
                doc: doc.id,
                span: span.id,
                accepted: true,
            });
        }
    }
    let mut remove: Vec<SpanId> = spans
        .iter()
        .filter(|s| !kept.iter().any(|k| k.id == s.id))
        .map(|s| s.id)
        .collect();
    remove.extend(rewrite.iter().map(|s| s.id));
    let mut steps = accept;
    if !remove.is_empty() {
        steps.push(Edit::RemoveSpans {
            doc: doc.id,
            ids: remove,
        });
    }
    if !rewrite.is_empty() {
        steps.push(Edit::AddSpans {
            doc: doc.id,
            spans: rewrite,
        });
    }
    (!steps.is_empty()).then_some(Edit::Batch(steps))
}

/// What [`accept_quorum`] decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuorumOutcome {
    /// One edit over every team document, or `None` when nothing changes.
    pub edit: Option<Edit>,
    /// How many groups it decides.
    pub groups: usize,
    /// In how many documents.
    pub documents: usize,
    /// Whether a team document has fewer members than the quorum (there
    /// all of them is enough), so that what was accepted is worded truly.
    pub fewer: bool,
}

/// The spans of an undecided group that a quorum of `k` keeps: all of an
/// agreed group; in an open group without accepted spans, the one span at
/// least `k` team members proposed when no other span of the group was,
/// and no other was proposed by one of them too. Such a span is not a
/// rival the majority outvoted but a second span of theirs (a nested
/// entity inside the one all agree on): the group is left to the curator,
/// never removed in bulk.
fn quorum_keep<'a>(
    team: &[String],
    group: &Group,
    spans: &'a [Span],
    k: usize,
) -> Option<Vec<&'a Span>> {
    match group.status {
        Status::Decided => None,
        Status::Agreed => Some(spans.iter().collect()),
        Status::Open => {
            if spans.iter().any(|s| s.accepted) {
                return None;
            }
            // One annotator alone is a quorum only when one is asked for.
            let k = k.clamp(1, team.len().max(2));
            let mut backed = spans.iter().filter(|s| proposers(team, s) >= k);
            let (Some(only), None) = (backed.next(), backed.next()) else {
                return None;
            };
            let also_theirs = spans
                .iter()
                .filter(|s| s.id != only.id)
                .any(|s| s.annotators.iter().any(|a| only.annotators.contains(a)));
            (!also_theirs).then(|| vec![only])
        }
    }
}

/// Accepts, over every team document of `ws`, every agreed group and every
/// open group where one span has at least `quorum` proposers and no other
/// span of the group does (the others are removed): one edit, one undo
/// step. A quorum larger than a document's team of two or more means all
/// of it; a team of one is a quorum only for `quorum` = 1.
pub fn accept_quorum(ws: &Workspace, quorum: usize) -> QuorumOutcome {
    let mut steps = Vec::new();
    let mut groups_decided = 0;
    let mut documents = 0;
    let mut fewer = false;
    for doc in ws.work_documents().filter(|d| is_team(d)) {
        fewer |= doc.team.len() < quorum;
        let before = steps.len();
        for group in groups(doc) {
            let spans = group.spans(doc);
            let Some(keep) = quorum_keep(&doc.team, &group, spans, quorum) else {
                continue;
            };
            if let Some(edit) = keep_only(doc, spans, &keep) {
                steps.push(edit);
                groups_decided += 1;
            }
        }
        if steps.len() > before {
            documents += 1;
        }
    }
    QuorumOutcome {
        edit: (!steps.is_empty()).then_some(Edit::Batch(steps)),
        groups: groups_decided,
        documents,
        fewer,
    }
}

/// The largest team among `ws`'s documents (0 when there is none).
pub fn largest_team(ws: &Workspace) -> usize {
    ws.work_documents()
        .filter(|d| is_team(d))
        .map(|d| d.team.len())
        .max()
        .unwrap_or(0)
}

/// Open groups per team document and in all, kept current document by
/// document ([`Disputes::refresh`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disputes {
    /// Open groups of each team document (zero included).
    open: HashMap<DocId, usize>,
    /// Their sum.
    total: usize,
    /// Team documents with at least one open group.
    documents: usize,
}

impl Disputes {
    /// Counts every document of `ws`.
    pub fn of(ws: &Workspace) -> Disputes {
        let mut disputes = Disputes::default();
        for doc in &ws.documents {
            disputes.refresh(doc.id, Some(doc));
        }
        disputes
    }

    /// Counts document `id` again, now `doc` (`None`: it is gone).
    pub fn refresh(&mut self, id: DocId, doc: Option<&Document>) {
        if let Some(old) = self.open.remove(&id) {
            self.total -= old;
            self.documents -= usize::from(old > 0);
        }
        if let Some(doc) = doc.filter(|d| is_team(d)) {
            let open = open_count(doc);
            self.total += open;
            self.documents += usize::from(open > 0);
            self.open.insert(id, open);
        }
    }

    /// Open groups in all.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Documents with open groups.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Team documents, decided or not.
    pub fn team_documents(&self) -> usize {
        self.open.len()
    }

    /// Open groups of document `id`.
    pub fn open_in(&self, id: DocId) -> usize {
        self.open.get(&id).copied().unwrap_or(0)
    }

    /// "3 disagreements left in 2 documents", in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        match (self.team_documents(), self.total) {
            (0, _) => lang.t(Key::NoTeamDocuments).to_owned(),
            (teams, 0) => lang.n(Counted::NoDisagreementsIn, teams, &[]),
            (_, total) => {
                let documents = lang.n(Counted::InDocuments, self.documents, &[]);
                lang.n(
                    Counted::DisagreementsLeft,
                    total,
                    &[("documents", &documents)],
                )
            }
        }
    }
}

/// The warning an export of `documents` gives while some of their groups
/// are open: how many disagreements, in how many documents, and that their
/// candidates are written as they are. `None` when none is open.
pub fn open_warning<'a>(
    disputes: &Disputes,
    documents: impl IntoIterator<Item = &'a Document>,
) -> Option<Msg> {
    let (mut open, mut in_documents) = (0, 0);
    for doc in documents {
        let here = disputes.open_in(doc.id);
        open += here;
        in_documents += usize::from(here > 0);
    }
    (open > 0).then(|| {
        Msg::counted(Counted::OpenExported, open).msg(
            "documents",
            Msg::counted(Counted::InDocuments, in_documents),
        )
    })
}

/// The next (`forward`) or previous open group from a place: `from` is the
/// position of a document in `ws`'s list and, when there is one, the start
/// of the group there to move away from (`None`: from the document's start,
/// or its end going back). Documents come in list order, then around again;
/// those [`Disputes`] counts no open group in are skipped without looking.
pub fn next_open(
    ws: &Workspace,
    disputes: &Disputes,
    from: usize,
    at: Option<usize>,
    forward: bool,
) -> Option<(DocId, Group)> {
    let count = ws.documents.len();
    if count == 0 || disputes.total() == 0 {
        return None;
    }
    let from = from.min(count - 1);
    let positions = (0..=count).map(|step| {
        if forward {
            (from + step) % count
        } else {
            (from + count - step % count) % count
        }
    });
    for (step, position) in positions.enumerate() {
        let doc = &ws.documents[position];
        if disputes.open_in(doc.id) == 0 {
            continue;
        }
        let mut open = groups(doc).into_iter().filter(Group::is_open);
        // The document we start in is looked at past `at` first, and once
        // more (around) before it at the end.
        let past = |g: &Group| match (step, at) {
            (0, Some(at)) if forward => g.range.start() > at,
            (0, Some(at)) => g.range.start() < at,
            _ => true,
        };
        let found = if forward {
            open.find(past)
        } else {
            open.rfind(past)
        };
        if let Some(group) = found {
            return Some((doc.id, group));
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::edit::History;
    use std::sync::Arc;

    fn shared(doc: Document) -> Arc<Document> {
        Arc::new(doc)
    }

    const TEXT: &str = "زار محمد بن سلمان مدينة الرياض ثم عاد إلى جدة مع وزير الخارجية.";

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// A team document of Amina and Badr with spans `(start, end, label,
    /// annotators)`.
    fn team_doc(ws: &mut Workspace, spans: &[(usize, usize, &str, &[&str])]) -> DocId {
        doc_of(ws, &["Amina", "Badr"], spans)
    }

    /// A team document of `team` with spans `(start, end, label,
    /// annotators)`.
    fn doc_of(ws: &mut Workspace, team: &[&str], spans: &[(usize, usize, &str, &[&str])]) -> DocId {
        let mut doc = ws.new_document(&format!("{}.txt", ws.documents.len()), TEXT);
        doc.team = names(team);
        for (start, end, label, by) in spans {
            let mut span = ws.new_span(*start, *end, label);
            span.annotators = names(by);
            let at = doc.insertion_index(&span);
            doc.spans.insert(at, span);
        }
        let id = doc.id;
        ws.documents.push(shared(doc));
        id
    }

    const AB: &[&str] = &["Amina", "Badr"];
    const A: &[&str] = &["Amina"];
    const B: &[&str] = &["Badr"];

    fn doc(ws: &Workspace, id: DocId) -> &Document {
        ws.document(id).expect("the document")
    }

    fn statuses(ws: &Workspace, id: DocId) -> Vec<(usize, usize, Status)> {
        groups(doc(ws, id))
            .iter()
            .map(|g| (g.range.start(), g.range.end(), g.status))
            .collect()
    }

    /// A span as the tests compare it: extent, label, who, accepted.
    pub(crate) type Row = (usize, usize, String, Vec<String>, bool);

    /// `doc`'s spans as [`Row`]s.
    pub(crate) fn rows(doc: &Document) -> Vec<Row> {
        doc.spans
            .iter()
            .map(|s| {
                (
                    s.start,
                    s.end,
                    s.label.to_string(),
                    s.annotators.clone(),
                    s.accepted,
                )
            })
            .collect()
    }

    fn kept(ws: &Workspace, id: DocId) -> Vec<Row> {
        rows(doc(ws, id))
    }

    #[test]
    fn overlapping_spans_chain_into_groups_touching_ones_do_not() {
        let runs = overlapping_runs([(0, 6), (4, 10), (8, 12), (12, 14), (20, 25), (21, 22)]);
        let runs: Vec<_> = runs
            .into_iter()
            .map(|(i, r)| (i, r.start(), r.end()))
            .collect();
        assert_eq!(runs, [(0..3, 0, 12), (3..4, 12, 14), (4..6, 20, 25)]);
        assert!(overlapping_runs([]).is_empty());
    }

    #[test]
    fn groups_are_agreed_decided_or_open() {
        let mut ws = Workspace::default();
        let id = team_doc(
            &mut ws,
            &[
                (4, 17, "PER", AB), // agreed
                (24, 30, "LOC", A), // label swap
                (24, 30, "ORG", B),
                (42, 45, "LOC", A),  // one missing
                (49, 62, "PER", AB), // nested: both agree on the outer
                (54, 62, "ORG", A),
            ],
        );
        assert_eq!(
            statuses(&ws, id),
            [
                (4, 17, Status::Agreed),
                (24, 30, Status::Open),
                (42, 45, Status::Open),
                (49, 62, Status::Open),
            ]
        );
        assert_eq!(open_count(doc(&ws, id)), 3);
        // All accepted: decided, whoever proposed them.
        let d = Arc::make_mut(&mut ws.documents[0]);
        d.spans[3].accepted = true;
        assert_eq!(statuses(&ws, id)[2].2, Status::Decided);
        // Not a team document: no groups.
        let d = Arc::make_mut(&mut ws.documents[0]);
        d.team.clear();
        assert!(groups(doc(&ws, id)).is_empty());
    }

    #[test]
    fn a_document_only_one_annotator_had_is_open_until_reviewed() {
        let mut ws = Workspace::default();
        let pair = team_doc(&mut ws, &[(4, 17, "PER", AB)]);
        let alone = team_doc(&mut ws, &[(4, 17, "PER", B), (42, 45, "LOC", B)]);
        Arc::make_mut(&mut ws.documents[1]).team = names(B);
        assert!(is_team(doc(&ws, alone)));
        assert_eq!(
            statuses(&ws, alone),
            [(4, 17, Status::Open), (42, 45, Status::Open)]
        );
        let disputes = Disputes::of(&ws);
        assert_eq!((disputes.total(), disputes.documents()), (2, 1));
        assert_eq!(
            disputes.summary(Lang::En),
            "2 disagreements left in 1 document."
        );
        let walked = next_open(&ws, &disputes, 0, None, true).map(|(d, g)| (d, g.range.start()));
        assert_eq!(walked, Some((alone, 4)), "] visits it");
        // "All agree" (2) accepts the pair's agreed span, not Badr's alone.
        let outcome = accept_quorum(&ws, 2);
        assert_eq!((outcome.groups, outcome.documents), (1, 1));
        let mut all = ws.clone();
        outcome
            .edit
            .expect("an edit")
            .apply(&mut all)
            .expect("applies");
        assert!(kept(&all, pair)[0].4);
        assert!(kept(&all, alone).iter().all(|s| !s.4));
        // A quorum of one takes the lone annotator's word.
        assert_eq!(accept_quorum(&all, 1).groups, 2);
        // Decided one by one: nothing left.
        let group = groups(doc(&ws, alone)).remove(0);
        let edit = decide(doc(&ws, alone), &group, &Choice::Version(0)).expect("changes");
        edit.apply(&mut ws).expect("applies");
        assert_eq!(open_count(doc(&ws, alone)), 1);
    }

    #[test]
    fn a_version_keeps_that_annotators_spans_and_undo_restores_the_rest() {
        let mut ws = Workspace::default();
        let id = team_doc(
            &mut ws,
            &[(49, 62, "PER", AB), (54, 62, "ORG", A), (24, 30, "LOC", B)],
        );
        let before = ws.clone();
        let mut history = History::default();
        let group = groups(doc(&ws, id)).pop().expect("the nested group");
        let edit = decide(doc(&ws, id), &group, &Choice::Version(1)).expect("changes");
        assert!(matches!(edit, Edit::Batch(_)));
        history.apply(&mut ws, edit).expect("applies");
        assert_eq!(
            kept(&ws, id),
            [
                (24, 30, "LOC".into(), names(B), false),
                (49, 62, "PER".into(), names(AB), true),
            ]
        );
        assert_eq!(statuses(&ws, id)[1].2, Status::Decided);
        // Amina's version of the same place: both of hers.
        history.undo(&mut ws).expect("undoes");
        assert_eq!(ws, before);
        let group = groups(doc(&ws, id)).pop().expect("the nested group");
        let edit = decide(doc(&ws, id), &group, &Choice::Version(0)).expect("changes");
        history.apply(&mut ws, edit).expect("applies");
        assert_eq!(kept(&ws, id).len(), 3);
        assert!(kept(&ws, id)[1..].iter().all(|s| s.4));
        history.undo(&mut ws).expect("undoes");
        history.redo(&mut ws).expect("redoes");
        assert_eq!(kept(&ws, id).len(), 3);
        assert_eq!(decide(doc(&ws, id), &group, &Choice::Version(7)), None);
    }

    #[test]
    fn none_removes_the_group_and_a_chosen_set_keeps_only_it() {
        let mut ws = Workspace::default();
        let id = team_doc(
            &mut ws,
            &[(24, 30, "LOC", A), (24, 30, "ORG", B), (24, 33, "LOC", B)],
        );
        let group = groups(doc(&ws, id)).remove(0);
        let mut copy = ws.clone();
        decide(doc(&ws, id), &group, &Choice::Nothing)
            .expect("changes")
            .apply(&mut copy)
            .expect("applies");
        assert!(kept(&copy, id).is_empty());
        assert!(groups(doc(&copy, id)).is_empty(), "a removed group is gone");
        let ids: Vec<SpanId> = group.spans(doc(&ws, id)).iter().map(|s| s.id).collect();
        let chosen = Choice::Spans(vec![ids[0], ids[1], SpanId(999_999)]);
        decide(doc(&ws, id), &group, &chosen)
            .expect("changes")
            .apply(&mut ws)
            .expect("applies");
        assert_eq!(
            kept(&ws, id),
            [
                (24, 33, "LOC".into(), names(B), true),
                (24, 30, "LOC".into(), names(A), true),
            ]
        );
        let again = groups(doc(&ws, id)).remove(0);
        assert_eq!(again.status, Status::Decided);
        assert_eq!(
            decide(doc(&ws, id), &again, &Choice::Spans(ids)),
            None,
            "nothing changes"
        );
    }

    #[test]
    fn an_edited_candidate_lists_who_agrees_with_what_it_became() {
        let mut ws = Workspace::default();
        // Amina's LOC, Badr's ORG on the same word; the curator adds ORG
        // over it again (as a relabel in a team document does, with no
        // annotators), then accepts it.
        let id = team_doc(
            &mut ws,
            &[(24, 30, "LOC", A), (24, 30, "ORG", B), (24, 30, "PER", &[])],
        );
        let group = groups(doc(&ws, id)).remove(0);
        let edited = group.spans(doc(&ws, id))[2].id; // ORG < PER: PER is last
        assert_eq!(
            doc(&ws, id).span(edited).map(|s| s.label.as_str()),
            Some("PER")
        );
        let mut copy = ws.clone();
        decide(doc(&ws, id), &group, &Choice::Spans(vec![edited]))
            .expect("changes")
            .apply(&mut copy)
            .expect("applies");
        assert_eq!(kept(&copy, id), [(24, 30, "PER".into(), vec![], true)]);
        // Relabelled to Badr's label: it keeps Badr's agreement, and Badr's
        // own identical span goes.
        let span = Arc::make_mut(&mut ws.documents[0])
            .spans
            .iter_mut()
            .find(|s| s.id == edited)
            .expect("span");
        span.label = "ORG".into();
        let d = Arc::make_mut(&mut ws.documents[0]);
        d.spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let group = groups(doc(&ws, id)).remove(0);
        decide(doc(&ws, id), &group, &Choice::Spans(vec![edited]))
            .expect("changes")
            .apply(&mut ws)
            .expect("applies");
        assert_eq!(kept(&ws, id), [(24, 30, "ORG".into(), names(B), true)]);
        assert_eq!(doc(&ws, id).spans[0].id, edited);
    }

    #[test]
    fn quorum_accepts_agreed_groups_and_clear_majorities_in_one_undoable_edit() {
        let mut ws = Workspace::default();
        let one = team_doc(
            &mut ws,
            &[(4, 17, "PER", AB), (24, 30, "LOC", A), (24, 30, "ORG", B)],
        );
        let two = team_doc(
            &mut ws,
            &[(42, 45, "LOC", A), (49, 62, "PER", AB), (54, 62, "ORG", A)],
        );
        let three = doc_of(
            &mut ws,
            &["Amina", "Badr", "Chadi"],
            &[
                (4, 17, "PER", &["Amina", "Badr"][..]),
                (4, 17, "ORG", &["Chadi"][..]),
                (24, 30, "LOC", &["Amina"][..]),
                (24, 33, "LOC", &["Badr"][..]),
            ],
        );
        let before = ws.clone();
        // 2: the agreed PER of one; in two, the nested group is left open:
        // Amina's inner ORG is no rival of the outer PER both gave but a
        // second span of hers; in three, 2 of 3 settle the PER/ORG swap
        // and the LOC boundary has no majority.
        let outcome = accept_quorum(&ws, 2);
        assert_eq!((outcome.groups, outcome.documents), (2, 2));
        let mut history = History::default();
        history
            .apply(&mut ws, outcome.edit.expect("an edit"))
            .expect("applies");
        assert_eq!(kept(&ws, one)[0], (4, 17, "PER".into(), names(AB), true));
        assert_eq!(kept(&ws, one).len(), 3, "the label swap stays open");
        assert_eq!(
            kept(&ws, two),
            [
                (42, 45, "LOC".into(), names(A), false),
                (49, 62, "PER".into(), names(AB), false),
                (54, 62, "ORG".into(), names(A), false),
            ]
        );
        assert_eq!(
            kept(&ws, three),
            [
                (4, 17, "PER".into(), names(&["Amina", "Badr"]), true),
                (24, 33, "LOC".into(), names(B), false),
                (24, 30, "LOC".into(), names(A), false),
            ]
        );
        // k = 1: a span only one proposed is accepted when it has no rival
        // (Amina's LOC of two), not where two rivals have one each.
        let outcome = accept_quorum(&ws, 1);
        assert_eq!((outcome.groups, outcome.documents), (1, 1));
        // Undo restores everything.
        history.undo(&mut ws).expect("undoes");
        assert_eq!(ws, before);
        // Decided groups are left alone: nothing more to do at k = 2.
        let mut done = before.clone();
        for _ in 0..2 {
            if let Some(edit) = accept_quorum(&done, 2).edit {
                edit.apply(&mut done).expect("applies");
            }
        }
        assert_eq!(accept_quorum(&done, 2).edit, None);
    }

    /// Three annotators: Amina and Badr tag the inner name, Chadi the outer.
    fn boundary_doc(ws: &mut Workspace, chadi_inner: bool) -> DocId {
        let inner: &[&str] = if chadi_inner {
            &["Amina", "Badr", "Chadi"]
        } else {
            &["Amina", "Badr"]
        };
        let spans = [(4, 17, "PER", &["Chadi"][..]), (8, 17, "PER", inner)];
        doc_of(ws, &["Amina", "Badr", "Chadi"], &spans)
    }

    #[test]
    fn a_majority_outvotes_a_rival_extent_but_not_a_second_span_of_its_own() {
        // Chadi's outer name is a rival of the inner one: 2 of 3 decide.
        let mut ws = Workspace::default();
        let id = boundary_doc(&mut ws, false);
        let edit = accept_quorum(&ws, 2).edit.expect("decided");
        edit.apply(&mut ws).expect("applies");
        assert_eq!(
            kept(&ws, id),
            [(8, 17, "PER".into(), names(&["Amina", "Badr"]), true)]
        );
        // Chadi tagged the inner name too: the outer is a nested span of
        // his, which no bulk acceptance removes.
        let mut ws = Workspace::default();
        let id = boundary_doc(&mut ws, true);
        assert_eq!(accept_quorum(&ws, 2).edit, None);
        assert_eq!(kept(&ws, id).len(), 2);
    }

    #[test]
    fn disputes_follow_edits_document_by_document() {
        let mut ws = Workspace::default();
        let one = team_doc(
            &mut ws,
            &[(24, 30, "LOC", A), (24, 30, "ORG", B), (42, 45, "LOC", A)],
        );
        let two = team_doc(&mut ws, &[(4, 17, "PER", AB)]);
        let plain = ws.new_document("plain.txt", TEXT);
        ws.documents.push(shared(plain));
        let mut disputes = Disputes::of(&ws);
        assert_eq!(
            (
                disputes.total(),
                disputes.documents(),
                disputes.team_documents()
            ),
            (2, 1, 2)
        );
        assert_eq!(
            disputes.summary(Lang::En),
            "2 disagreements left in 1 document."
        );
        let group = groups(doc(&ws, one)).remove(0);
        decide(doc(&ws, one), &group, &Choice::Nothing)
            .expect("changes")
            .apply(&mut ws)
            .expect("applies");
        disputes.refresh(one, ws.document(one));
        assert_eq!(disputes, Disputes::of(&ws));
        assert_eq!(
            (
                disputes.total(),
                disputes.open_in(one),
                disputes.open_in(two)
            ),
            (1, 1, 0)
        );
        assert_eq!(
            disputes.summary(Lang::En),
            "1 disagreement left in 1 document."
        );
        disputes.refresh(one, None);
        assert_eq!(
            (
                disputes.total(),
                disputes.documents(),
                disputes.team_documents()
            ),
            (0, 0, 1)
        );
        assert_eq!(
            disputes.summary(Lang::En),
            "No disagreements left in 1 team document."
        );
        assert_eq!(
            Disputes::default().summary(Lang::En),
            "No team documents to adjudicate."
        );
    }

    #[test]
    fn an_export_with_open_groups_says_how_many_and_where() {
        let mut ws = Workspace::default();
        let one = team_doc(
            &mut ws,
            &[(24, 30, "LOC", A), (24, 30, "ORG", B), (42, 45, "LOC", A)],
        );
        let _agreed = team_doc(&mut ws, &[(4, 17, "PER", AB)]);
        let three = team_doc(&mut ws, &[(42, 45, "LOC", B)]);
        let disputes = Disputes::of(&ws);
        let all = open_warning(&disputes, ws.documents.iter().map(|d| &**d));
        assert_eq!(
            all.map(|m| m.to_string()).as_deref(),
            Some(
                "3 disagreements are still open (in 2 documents): their candidates are \
                 written as they are, undecided."
            )
        );
        let only = open_warning(&disputes, ws.document(three));
        assert_eq!(
            only.map(|m| m.render(Lang::Ar)).as_deref(),
            Some("ما زال خلاف واحد مفتوحًا (في مستند واحد): كُتب مرشحوه كما هم، دون حسم.")
        );
        let decided = ws
            .documents
            .iter()
            .map(|d| &**d)
            .filter(|d| d.id != one && d.id != three);
        assert_eq!(open_warning(&disputes, decided), None);
    }

    #[test]
    fn navigation_walks_open_groups_in_document_then_text_order_and_around() {
        let mut ws = Workspace::default();
        let one = team_doc(
            &mut ws,
            &[(4, 17, "PER", A), (24, 30, "LOC", A), (24, 30, "ORG", B)],
        );
        let plain = ws.new_document("plain.txt", TEXT);
        ws.documents.push(shared(plain));
        let _agreed = team_doc(&mut ws, &[(4, 17, "PER", AB)]);
        let three = team_doc(&mut ws, &[(42, 45, "LOC", B)]);
        let disputes = Disputes::of(&ws);
        let walk = |from: usize, at: Option<usize>, forward: bool| {
            next_open(&ws, &disputes, from, at, forward).map(|(d, g)| (d, g.range.start()))
        };
        assert_eq!(walk(0, None, true), Some((one, 4)));
        assert_eq!(walk(0, Some(4), true), Some((one, 24)));
        assert_eq!(
            walk(0, Some(24), true),
            Some((three, 42)),
            "past the agreed document"
        );
        assert_eq!(
            walk(3, Some(42), true),
            Some((one, 4)),
            "around to the first"
        );
        assert_eq!(walk(3, Some(42), false), Some((one, 24)));
        assert_eq!(
            walk(0, Some(4), false),
            Some((three, 42)),
            "around backwards"
        );
        assert_eq!(walk(2, None, true), Some((three, 42)));
        assert_eq!(walk(0, None, false), Some((one, 24)));
        // A single open group is found again from itself, around.
        let mut lone = Workspace::default();
        let id = team_doc(&mut lone, &[(42, 45, "LOC", B)]);
        let d = Disputes::of(&lone);
        assert_eq!(
            next_open(&lone, &d, 0, Some(42), true).map(|(x, _)| x),
            Some(id)
        );
        assert_eq!(
            next_open(&Workspace::default(), &Disputes::default(), 0, None, true),
            None
        );
    }
}
