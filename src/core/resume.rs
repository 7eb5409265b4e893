//! Where the user was: per document, the scroll position and the selected
//! span; and the search (query, options, scope). Kept apart from the
//! workspace (it is not work and never goes into the undo history), saved by
//! the platform as a small JSON record, and read back forgivingly: a
//! missing, unreadable or outdated record is an empty [`Resume`], and places
//! of documents that no longer exist are ignored.

use serde::{Deserialize, Serialize};

use super::json;
use super::model::{DocId, SpanId, Workspace};
use super::search::SearchOptions;

/// Layout version of the record.
pub const RESUME_VERSION: u32 = 1;

/// How many documents' places are kept (the most recently touched).
const MAX_PLACES: usize = 500;

/// The longest search query kept, in characters.
const MAX_QUERY: usize = 1000;

/// Where the view of one document was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The document.
    pub doc: DocId,
    /// The code point where the first visible line starts, if the view was
    /// scrolled at all.
    #[serde(default)]
    pub line: Option<usize>,
    /// How many pixels of that line were scrolled past.
    #[serde(default)]
    pub dy: i32,
    /// The selected span.
    #[serde(default)]
    pub span: Option<SpanId>,
}

/// The search bar's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchState {
    /// What was typed.
    pub query: String,
    /// Search the whole corpus instead of the open document.
    pub corpus: bool,
    /// The switches, stored flat next to the query.
    #[serde(flatten)]
    pub options: SearchOptions,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState::new(String::new(), SearchOptions::default(), false)
    }
}

impl SearchState {
    /// The state of a search for `query` with `options`, in the corpus or not.
    pub fn new(query: String, options: SearchOptions, corpus: bool) -> Self {
        SearchState {
            query: query.chars().take(MAX_QUERY).collect(),
            corpus,
            options,
        }
    }

    /// The search options it holds.
    pub fn options(&self) -> SearchOptions {
        self.options
    }
}

/// Everything remembered about where the user was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// [`RESUME_VERSION`].
    pub version: u32,
    /// One place per document, most recently touched last.
    #[serde(default)]
    pub places: Vec<Place>,
    /// The search bar.
    #[serde(default)]
    pub search: SearchState,
}

impl Default for Resume {
    fn default() -> Self {
        Resume {
            version: RESUME_VERSION,
            places: Vec::new(),
            search: SearchState::default(),
        }
    }
}

impl Resume {
    /// Reads a record written by [`Resume::to_json`]; anything else (absent,
    /// broken, another version) gives an empty record.
    pub fn from_json(json: Option<&str>) -> Resume {
        json.and_then(|json| json::parse::<Resume>(json).ok())
            .filter(|r| r.version == RESUME_VERSION)
            .unwrap_or_default()
    }

    /// The record as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The place of `doc`, if one is known.
    pub fn place(&self, doc: DocId) -> Option<&Place> {
        self.places.iter().find(|p| p.doc == doc)
    }

    /// The selected span of `doc`, if it still exists in `ws`.
    pub fn span_in(&self, ws: &Workspace, doc: DocId) -> Option<SpanId> {
        let span = self.place(doc)?.span?;
        ws.document(doc)?.span(span).map(|s| s.id)
    }

    /// Changes the place of `doc` (creating it), making it the most recent.
    /// Says whether anything changed.
    pub fn update(&mut self, doc: DocId, change: impl FnOnce(&mut Place)) -> bool {
        let at = self.places.iter().position(|p| p.doc == doc);
        let mut place = match at {
            Some(i) => self.places.remove(i),
            None => Place {
                doc,
                line: None,
                dy: 0,
                span: None,
            },
        };
        let before = place.clone();
        change(&mut place);
        let changed = at.is_none() || place != before;
        self.places.push(place);
        if self.places.len() > MAX_PLACES {
            self.places.remove(0);
        }
        changed
    }

    /// Forgets the places of documents `ws` does not hold.
    pub fn retain(&mut self, ws: &Workspace) {
        self.places.retain(|p| ws.document(p.doc).is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_round_trips_and_bad_ones_are_empty() {
        let mut resume = Resume::default();
        resume.update(DocId(3), |p| {
            p.line = Some(120);
            p.dy = 7;
            p.span = Some(SpanId(9));
        });
        let options = SearchOptions {
            whole_word: false,
            ..SearchOptions::default()
        };
        resume.search = SearchState::new("الامارات".into(), options, true);
        let json = resume.to_json();
        let back = Resume::from_json(Some(&json));
        assert_eq!(back, resume);
        assert_eq!(back.search.options(), options);
        assert_eq!(back.place(DocId(3)).and_then(|p| p.line), Some(120));
        for bad in [
            None,
            Some(""),
            Some("{"),
            Some("[1]"),
            Some(r#"{"version":99}"#),
        ] {
            assert_eq!(Resume::from_json(bad), Resume::default(), "{bad:?}");
        }
        let partial = Resume::from_json(Some(r#"{"version":1,"search":{"query":"x"}}"#));
        assert_eq!(partial.search.query, "x");
        assert_eq!(partial.search.options(), SearchOptions::default());
    }

    #[test]
    fn spans_and_documents_that_are_gone_are_ignored() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "زار علي بغداد");
        let span = ws.new_span(4, 7, "PER");
        let span_id = span.id;
        doc.spans.push(span);
        let id = doc.id;
        ws.documents.push(doc.into());
        let mut resume = Resume::default();
        resume.update(id, |p| p.span = Some(span_id));
        resume.update(DocId(999), |p| p.span = Some(SpanId(1000)));
        assert_eq!(resume.span_in(&ws, id), Some(span_id));
        assert_eq!(resume.span_in(&ws, DocId(999)), None);
        std::sync::Arc::make_mut(&mut ws.documents[0]).spans.clear();
        assert_eq!(resume.span_in(&ws, id), None, "a deleted span");
        resume.retain(&ws);
        assert_eq!(resume.places.len(), 1);
    }

    #[test]
    fn updates_say_whether_anything_changed_and_the_list_is_bounded() {
        let mut resume = Resume::default();
        assert!(resume.update(DocId(1), |p| p.line = Some(5)));
        assert!(!resume.update(DocId(1), |p| p.line = Some(5)));
        assert!(resume.update(DocId(1), |p| p.dy = 3));
        for i in 0..(MAX_PLACES as u64 + 10) {
            resume.update(DocId(100 + i), |p| p.line = Some(1));
        }
        assert_eq!(resume.places.len(), MAX_PLACES);
        assert!(resume.place(DocId(1)).is_none(), "the oldest place went");
        let long = "ب".repeat(MAX_QUERY * 2);
        let state = SearchState::new(long, SearchOptions::default(), false);
        assert_eq!(state.query.chars().count(), MAX_QUERY);
    }
}
