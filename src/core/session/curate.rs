//! The session's side of adjudication ([`crate::core::curation`]): walking
//! the disagreements, the set of candidates chosen to accept, and decisions
//! made as ordinary edits (one undo step each, saved like any other).
//!
//! The group being decided is the one holding the selected span of the
//! open document, so the annotating keys (Tab, ↑/↓, a label key, Delete)
//! choose and edit candidates as they choose and edit spans. After a
//! decision the next disagreement is selected.

use super::{MessageKind, Persist, Session};
use crate::core::curation::{Choice, Group, accept_quorum, decide, group_of, is_team, next_open};
use crate::core::edit::Edit;
use crate::core::i18n::{Counted, Key, Msg};
use crate::core::model::{DocId, Span, SpanId};

/// What the curator does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Curate {
    /// Go to the next disagreement (`]`).
    Next,
    /// Go to the previous disagreement (`[`).
    Previous,
    /// Put the selected candidate in the chosen set, or take it out (Space).
    Toggle,
    /// Accept the chosen set, or the selected candidate when none is chosen
    /// (Enter).
    Accept,
    /// Accept team member `i`'s version of the group (Alt+1…9).
    Version(usize),
    /// Accept none of the group's candidates (Alt+0).
    Reject,
    /// Accept, over every team document, what at least this many team
    /// members agree on alone.
    Quorum(usize),
    /// Show or hide the curation panel.
    Panel,
}

impl Curate {
    /// Whether it changes the workspace (a read-only tab refuses it).
    pub fn changes(&self) -> bool {
        matches!(
            self,
            Curate::Accept | Curate::Version(_) | Curate::Reject | Curate::Quorum(_)
        )
    }
}

/// Said when a decision key finds no group to decide.
const NO_GROUP: Key = Key::NoGroup;

impl Session {
    /// Does what the curator asked.
    pub(super) fn curate(&mut self, what: Curate) {
        match what {
            Curate::Next => self.walk(true),
            Curate::Previous => self.walk(false),
            Curate::Toggle => self.toggle_chosen(),
            Curate::Accept => {
                let Some((_, group)) = self.current_group() else {
                    self.notify(MessageKind::Info, NO_GROUP);
                    return;
                };
                let mut ids = self.chosen_in(&group);
                if ids.is_empty() {
                    ids.extend(self.selected);
                }
                self.decide_current(Choice::Spans(ids));
            }
            Curate::Version(i) => self.decide_current(Choice::Version(i)),
            Curate::Reject => self.decide_current(Choice::Nothing),
            Curate::Quorum(k) => self.quorum(k),
            Curate::Panel => self.curation_panel = Some(!self.curation_shown()),
        }
    }

    /// Whether the curation panel shows: as the curator last chose, else
    /// when the open document is a team document.
    pub fn curation_shown(&self) -> bool {
        self.curation_panel
            .unwrap_or_else(|| self.open_document().is_some_and(is_team))
    }

    /// The group being decided: the one holding the selected span of the
    /// open document, with that document's id.
    pub fn current_group(&self) -> Option<(DocId, Group)> {
        let doc = self.open_document()?;
        Some((doc.id, group_of(doc, self.selected?)?))
    }

    /// The chosen candidates that are in `group` of the open document.
    pub fn chosen_in(&self, group: &Group) -> Vec<SpanId> {
        let Some(doc) = self.open_document() else {
            return Vec::new();
        };
        self.chosen
            .iter()
            .copied()
            .filter(|id| group.holds(doc, *id))
            .collect()
    }

    /// Selects the next (or previous) disagreement, opening its document.
    fn walk(&mut self, forward: bool) {
        let from = self.ws.open.and_then(|id| self.position(id)).unwrap_or(0);
        let at = match self.current_group() {
            Some((_, group)) => Some(group.range.start()),
            None => self
                .open_document()
                .and_then(|doc| doc.span(self.selected?))
                .map(|span| span.start),
        };
        match next_open(&self.ws, self.tally.disputes(), from, at, forward) {
            Some((doc, group)) => self.go_to_group(doc, &group),
            None if self.tally.disputes().team_documents() == 0 => {
                self.notify(MessageKind::Info, Key::NothingToAdjudicate);
            }
            None => self.notify(MessageKind::Info, Key::NoDisagreementsLeft),
        }
    }

    /// Opens `doc`, selects the first candidate of `group` and shows it.
    fn go_to_group(&mut self, doc: DocId, group: &Group) {
        if self.ws.open != Some(doc) {
            self.ws.open = Some(doc);
            self.persist(Persist::Opened(doc));
        }
        self.chosen.clear();
        self.selected = self
            .document(doc)
            .and_then(|d| group.spans(d).first())
            .map(|s| s.id);
        self.changed();
        self.reveal = Some((self.revision, group.range));
    }

    fn toggle_chosen(&mut self) {
        let Some((_, group)) = self.current_group() else {
            self.notify(MessageKind::Info, NO_GROUP);
            return;
        };
        let mut chosen = self.chosen_in(&group);
        if let Some(id) = self.selected {
            match chosen.iter().position(|c| *c == id) {
                Some(at) => {
                    chosen.remove(at);
                }
                None => chosen.push(id),
            }
        }
        self.chosen = chosen;
    }

    /// Decides the current group by `choice`, then goes to the next
    /// disagreement.
    fn decide_current(&mut self, choice: Choice) {
        let Some((doc_id, group)) = self.current_group() else {
            self.notify(MessageKind::Info, NO_GROUP);
            return;
        };
        let Some(doc) = self.document(doc_id) else {
            return;
        };
        if let Choice::Version(i) = choice
            && i >= doc.team.len()
        {
            let text = Msg::counted(Counted::TeamHas, doc.team.len());
            self.notify(MessageKind::Info, text);
            return;
        }
        if let Some(edit) = decide(doc, &group, &choice)
            && !self.edit(edit)
        {
            return;
        }
        self.chosen.clear();
        let from = self.position(doc_id).unwrap_or(0);
        match next_open(
            &self.ws,
            self.tally.disputes(),
            from,
            Some(group.range.start()),
            true,
        ) {
            Some((doc, next)) => self.go_to_group(doc, &next),
            None => {
                self.selected = None;
                self.notify(MessageKind::Info, Key::AllDecided);
            }
        }
    }

    fn quorum(&mut self, k: usize) {
        let outcome = accept_quorum(&self.ws, k);
        // "At least k agree" is true only where a team has k members.
        let agree = if outcome.fewer {
            Counted::AgreeAtLeastOrAll
        } else {
            Counted::AgreeAtLeast
        };
        let Some(edit) = outcome.edit else {
            let agree = Msg::counted(agree, k);
            let text = Msg::new(Key::NothingToAccept).msg("agree", agree);
            self.notify(MessageKind::Info, text);
            return;
        };
        if self.edit(edit) {
            self.chosen.clear();
            if self
                .open_document()
                .zip(self.selected)
                .is_some_and(|(doc, id)| doc.span(id).is_none())
            {
                self.selected = None;
            }
            let (g, d) = (outcome.groups, outcome.documents);
            let text = Msg::counted(Counted::AcceptedGroups, g)
                .msg("documents", Msg::counted(Counted::InDocuments, d))
                .msg("agree", Msg::counted(agree, k));
            self.notify(MessageKind::Info, text);
        }
    }

    /// The edit giving span `span` of `doc` another label. In a team
    /// document a relabelled candidate is the curator's own, no longer
    /// what its annotators proposed: it loses their names and its
    /// acceptance (one step that replaces it, keeping its id).
    pub(super) fn relabel_edit(&self, doc: DocId, span: SpanId, label: String) -> Edit {
        let proposed = self
            .document(doc)
            .filter(|d| is_team(d))
            .and_then(|d| d.span(span))
            .filter(|s| !s.annotators.is_empty() || s.accepted);
        match proposed {
            Some(old) => Edit::Batch(vec![
                Edit::RemoveSpans {
                    doc,
                    ids: vec![span],
                },
                Edit::AddSpans {
                    doc,
                    spans: vec![Span {
                        label: label.into(),
                        annotators: Vec::new(),
                        accepted: false,
                        ..old.clone()
                    }],
                },
            ]),
            None => Edit::SetSpanLabel { doc, span, label },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::curation::tests::{Row, rows};
    use crate::core::formats::InputFile;
    use crate::core::i18n::Lang;
    use crate::core::resume::Resume;
    use crate::core::session::{Event, Restored};
    use crate::core::tabs::Role;
    use serde_json::json;

    const ONE: &str = "زار محمد بن سلمان مدينة الرياض ثم عاد إلى جدة مع وزير الخارجية.";
    const TWO: &str = "قال علي إن شركة أرامكو في الظهران.";

    fn span(start: usize, end: usize, label: &str, text: &str, by: &[&str]) -> serde_json::Value {
        let text: String = text.chars().skip(start).take(end - start).collect();
        json!({"start": start, "end": end, "label": label, "text": text, "annotators": by})
    }

    /// A team workspace of Amina and Badr: an agreed span, a label swap,
    /// a span only one tagged and a nested disagreement in one; a boundary
    /// off by one in two.
    fn team_file() -> InputFile {
        let ab = ["Amina", "Badr"];
        let file = json!({
            "format": "wasim", "version": 2,
            "labels": crate::core::model::default_labels(),
            "documents": [
                {"name": "one.txt", "text": ONE, "team": ab, "spans": [
                    span(4, 17, "PER", ONE, &ab),
                    span(24, 30, "LOC", ONE, &["Amina"]),
                    span(24, 30, "ORG", ONE, &["Badr"]),
                    span(42, 45, "LOC", ONE, &["Amina"]),
                    span(49, 62, "ORG", ONE, &ab),
                    span(54, 62, "LOC", ONE, &["Badr"]),
                ]},
                {"name": "plain.txt", "text": TWO, "spans": []},
                {"name": "two.txt", "text": TWO, "team": ab, "spans": [
                    span(4, 7, "PER", TWO, &ab),
                    span(16, 22, "ORG", TWO, &["Amina"]),
                    span(11, 22, "ORG", TWO, &["Badr"]),
                ]},
            ]
        });
        InputFile {
            name: "team.json".into(),
            bytes: file.to_string().into_bytes(),
        }
    }

    fn session() -> Session {
        let mut session = Session::default();
        let resume = Resume::default();
        session.update(Event::Role(Role::Writer), &resume);
        session.update(Event::Restored(Ok(Restored::Empty)), &resume);
        session.update(
            Event::Imported {
                results: crate::core::import_job::ImportJob::run(vec![team_file()]),
                unreadable: Vec::new(),
                announce: None,
            },
            &resume,
        );
        session
    }

    fn run(session: &mut Session, what: Curate) {
        session.update(Event::Curate(what), &Resume::default());
    }

    /// The open document's name and the selected span's place and label.
    fn at(session: &Session) -> (String, usize, usize, String) {
        let doc = session.open_document().expect("an open document");
        let span = session
            .selected
            .and_then(|id| doc.span(id))
            .expect("a selected span");
        (
            doc.name.clone(),
            span.start,
            span.end,
            span.label.to_string(),
        )
    }

    fn place(name: &str, start: usize, end: usize, label: &str) -> (String, usize, usize, String) {
        (name.into(), start, end, label.into())
    }

    /// `(start, end, label, annotators, accepted)` of a document's spans.
    fn spans_of(session: &Session, name: &str) -> Vec<Row> {
        let doc = session.ws.documents.iter().find(|d| d.name == name);
        rows(doc.expect("the document"))
    }

    fn who(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn every_disagreement_is_walked_and_decided_with_undo_and_redo() {
        let mut s = session();
        assert_eq!(
            s.tally.disputes().summary(Lang::En),
            "4 disagreements left in 2 documents."
        );
        assert!(s.curation_shown(), "the open document is a team document");
        run(&mut s, Curate::Next);
        assert_eq!(at(&s), place("one.txt", 24, 30, "LOC"));
        run(&mut s, Curate::Previous);
        assert_eq!(at(&s), place("two.txt", 11, 22, "ORG"), "around backwards");
        run(&mut s, Curate::Next);
        assert_eq!(at(&s), place("one.txt", 24, 30, "LOC"));
        // Badr's version of the label swap; the next one is selected.
        run(&mut s, Curate::Version(1));
        assert_eq!(at(&s), place("one.txt", 42, 45, "LOC"));
        // None of the span only Amina tagged.
        run(&mut s, Curate::Reject);
        assert_eq!(at(&s), place("one.txt", 49, 62, "ORG"));
        // Both nested spans: chosen one by one, accepted together.
        run(&mut s, Curate::Toggle);
        s.selected = s
            .open_document()
            .and_then(|d| d.spans.iter().find(|x| x.start == 54).map(|x| x.id));
        run(&mut s, Curate::Toggle);
        assert_eq!(s.chosen.len(), 2);
        run(&mut s, Curate::Accept);
        assert_eq!(
            at(&s),
            place("two.txt", 11, 22, "ORG"),
            "on to the next document"
        );
        assert!(s.chosen.is_empty());
        assert_eq!(
            spans_of(&s, "one.txt"),
            [
                (4, 17, "PER".into(), who(&["Amina", "Badr"]), false),
                (24, 30, "ORG".into(), who(&["Badr"]), true),
                (49, 62, "ORG".into(), who(&["Amina", "Badr"]), true),
                (54, 62, "LOC".into(), who(&["Badr"]), true),
            ]
        );
        assert_eq!(
            s.tally.disputes().summary(Lang::En),
            "1 disagreement left in 1 document."
        );
        // Undo the nested decision: it is open again, shown and selected.
        s.update(Event::Undo, &Resume::default());
        assert_eq!(s.open_document().map(|d| d.name.as_str()), Some("one.txt"));
        assert_eq!(s.tally.disputes().total(), 2);
        assert!(
            s.current_group()
                .is_some_and(|(_, g)| g.range.start() == 49)
        );
        s.update(Event::Redo, &Resume::default());
        assert_eq!(s.tally.disputes().total(), 1);
        // Edit a candidate, then accept it: Amina's [16, 22) becomes LOC,
        // nobody's proposal any more.
        run(&mut s, Curate::Next);
        assert_eq!(at(&s), place("two.txt", 11, 22, "ORG"));
        let amina = s
            .open_document()
            .and_then(|d| d.spans.iter().find(|x| x.start == 16).map(|x| x.id));
        s.selected = amina;
        s.update(
            Event::ApplyLabel {
                label: "LOC".into(),
                selection: None,
                add: false,
            },
            &Resume::default(),
        );
        assert_eq!(s.selected, amina, "the relabelled candidate stays selected");
        run(&mut s, Curate::Accept);
        assert_eq!(
            spans_of(&s, "two.txt"),
            [
                (4, 7, "PER".into(), who(&["Amina", "Badr"]), false),
                (16, 22, "LOC".into(), vec![], true),
            ]
        );
        assert_eq!(s.tally.disputes().total(), 0);
        assert_eq!(s.selected, None);
        assert!(
            s.messages
                .iter()
                .any(|m| m.text == "Every disagreement is decided.")
        );
        run(&mut s, Curate::Next);
        assert!(
            s.messages
                .iter()
                .any(|m| m.text == "No disagreements left.")
        );
        // Everyone agreed on the rest: accepted in one step.
        run(&mut s, Curate::Quorum(2));
        assert!(spans_of(&s, "one.txt").iter().all(|x| x.4));
        assert!(spans_of(&s, "two.txt").iter().all(|x| x.4));
        s.update(Event::Undo, &Resume::default());
        assert!(!spans_of(&s, "one.txt")[0].4);
    }

    #[test]
    fn a_quorum_above_a_team_is_worded_as_all_of_it() {
        // Both documents' teams have 2 members: a quorum of 3 accepts where
        // both agree, and says so (one.txt's nested ORG/LOC, where Badr gave
        // both spans, is left to the curator).
        let mut s = session();
        run(&mut s, Curate::Quorum(3));
        let last = s.messages.last().map(|m| m.text.to_string());
        assert_eq!(
            last.as_deref(),
            Some(
                "Accepted 2 groups in 2 documents where at least 3 annotators (all of a document's team when it has fewer) agree. Ctrl+Z undoes this."
            )
        );
        let mut s = session();
        run(&mut s, Curate::Quorum(2));
        let last = s.messages.last().map(|m| m.text.to_string());
        assert!(
            last.as_deref().is_some_and(
                |t| t.ends_with("where at least 2 annotators agree. Ctrl+Z undoes this.")
            ),
            "{last:?}"
        );
    }

    #[test]
    fn deleting_a_candidate_keeps_the_rest_of_its_group_selected() {
        let mut s = session();
        // two.txt's crossing ORGs and the PER before them: the last
        // candidate of the group deleted, the one before it is selected.
        run(&mut s, Curate::Next);
        run(&mut s, Curate::Previous);
        assert_eq!(at(&s), place("two.txt", 11, 22, "ORG"));
        let last = s
            .open_document()
            .and_then(|d| d.spans.iter().find(|x| x.start == 16).map(|x| x.id));
        s.selected = last;
        s.update(Event::DeleteSelected, &Resume::default());
        assert_eq!(
            at(&s),
            place("two.txt", 11, 22, "ORG"),
            "still in the group"
        );
        assert!(s.current_group().is_some());
        run(&mut s, Curate::Accept);
        assert_eq!(
            spans_of(&s, "two.txt"),
            [
                (4, 7, "PER".into(), who(&["Amina", "Badr"]), false),
                (11, 22, "ORG".into(), who(&["Badr"]), true),
            ]
        );
        // The first of a group deleted (the next disagreement, selected
        // after the decision): the next one is selected.
        assert_eq!(at(&s), place("one.txt", 24, 30, "LOC"));
        s.update(Event::DeleteSelected, &Resume::default());
        assert_eq!(at(&s), place("one.txt", 24, 30, "ORG"));
        // A candidate alone in its group: nothing left to select.
        run(&mut s, Curate::Next);
        assert_eq!(at(&s), place("one.txt", 42, 45, "LOC"));
        s.update(Event::DeleteSelected, &Resume::default());
        assert_eq!(s.selected, None);
    }

    #[test]
    fn decision_keys_need_a_candidate_and_a_read_only_tab_refuses_them() {
        let mut s = session();
        run(&mut s, Curate::Accept);
        assert!(s.messages.iter().any(|m| m.text == Lang::En.t(NO_GROUP)));
        run(&mut s, Curate::Next);
        run(&mut s, Curate::Version(5));
        assert!(
            s.messages
                .iter()
                .any(|m| m.text.contains("has 2 annotators"))
        );
        assert_eq!(s.tally.disputes().total(), 4);
        s.role = Role::Reader;
        run(&mut s, Curate::Reject);
        assert_eq!(s.tally.disputes().total(), 4);
        run(&mut s, Curate::Panel);
        assert!(!s.curation_shown(), "hidden by hand");
    }
}
