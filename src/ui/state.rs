//! The app's single state: the Yew adapter around the core session.
//!
//! Every rule lives in [`crate::core::session`]: [`Reducible::reduce`] hands
//! each [`Action`] (a session [`Event`]) to [`Session::update`] and queues the
//! write plans it returns in the [`Outbox`], which the app's shell hands to
//! the saver (`platform::saver`). What stays here is what only the browser has: where the user
//! was in each document ([`resume`]) and the lazily built word lexicon. The
//! UI gets the state through [`use_app`].

use std::cell::RefCell;
use std::collections::VecDeque;
use std::ops::Deref;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::core::lexicon::LexiconBuilder;
use crate::core::model::{DocId, Document, Workspace};
use crate::core::persist::WritePlan;
use crate::core::session::{Effect, Session};
pub use crate::core::session::{
    Event, Event as Action, LOG_SIZE, Message, MessageKind, StorageStatus, untagged,
};
use crate::core::sort;
use crate::platform::resume;

/// Everything the UI shows: the session, plus what the browser keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    /// The session: workspace, history, selection, messages.
    pub session: Session,
    /// The words of the workspace's texts, for proclitic snapping; rebuilt
    /// when documents come or go.
    pub lexicon: SharedLexicon,
    /// What the session asked to save, oldest first, until the shell takes
    /// it; shared by every state, never compared.
    pub outbox: Outbox,
}

impl Deref for AppState {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

/// The queue of write plans between the reducer and the shell.
#[derive(Clone, Debug, Default)]
pub struct Outbox(Rc<RefCell<VecDeque<WritePlan>>>);

impl PartialEq for Outbox {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Outbox {
    /// Takes everything queued, oldest first.
    pub fn take(&self) -> Vec<WritePlan> {
        self.0.borrow_mut().drain(..).collect()
    }

    fn push(&self, plan: WritePlan) {
        self.0.borrow_mut().push_back(plan);
    }
}

/// A [`LexiconBuilder`] shared between states; equal when it is the same
/// one, so comparing states never compares word lists. It is built again
/// only when documents come or go (a new
/// [`crate::core::tally::Tally::generation`] with other documents): a
/// little at a time in the background ([`SharedLexicon::build_some`]), the
/// rest at once on first use (the first drag that needs it) if that comes
/// first.
#[derive(Clone, Debug, Default)]
pub struct SharedLexicon {
    builder: Rc<RefCell<LexiconBuilder>>,
    generation: u64,
    /// The documents it counts, sorted: each one's id and text length. A
    /// document's text never changes and an id is never given twice, so
    /// the same documents in a new generation (a read-only tab reading the
    /// writer's work again after each save) keep the words counted.
    documents: Rc<[(DocId, usize)]>,
}

impl PartialEq for SharedLexicon {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.builder, &other.builder)
    }
}

impl SharedLexicon {
    /// The lexicon for `ws`, whose documents are those of `generation`:
    /// this one when the generation is the same (without looking at the
    /// documents, so that an edit never costs the corpus's size).
    fn refreshed(&self, ws: &Workspace, generation: u64) -> SharedLexicon {
        if generation == self.generation {
            return self.clone();
        }
        let mut documents: Vec<(DocId, usize)> = ws
            .documents
            .iter()
            .map(|d| (d.id, d.text.as_str().len()))
            .collect();
        sort::sort(&mut documents);
        if *documents == *self.documents {
            return SharedLexicon {
                generation,
                ..self.clone()
            };
        }
        let texts = ws.documents.iter().map(|d| d.text.clone()).collect();
        SharedLexicon {
            builder: Rc::new(RefCell::new(LexiconBuilder::new(texts))),
            generation,
            documents: documents.into(),
        }
    }

    /// Counts about `budget` more bytes of text; says whether the lexicon
    /// is complete, and how many bytes this counted (`None`: no state uses
    /// it any more).
    pub fn build_some(
        weak: &Weak<RefCell<LexiconBuilder>>,
        budget: usize,
    ) -> Option<(bool, usize)> {
        let builder = weak.upgrade()?;
        let mut builder = builder.try_borrow_mut().ok()?;
        let before = builder.counted();
        let done = builder.step(budget);
        Some((done, builder.counted() - before))
    }

    /// A handle on the lexicon being built that does not keep it alive.
    pub fn downgrade(&self) -> Weak<RefCell<LexiconBuilder>> {
        Rc::downgrade(&self.builder)
    }

    /// Whether `word` ([bare](crate::core::words::bare)) occurs on its own in
    /// a text of the workspace, or is the text of a span of `doc`.
    pub fn attests(&self, doc: &Document, word: &str) -> bool {
        let attested = match self.builder.try_borrow_mut() {
            Ok(mut builder) => builder.finish().attests(word),
            Err(_) => false,
        };
        attested
            || doc.spans.iter().any(|s| {
                doc.text
                    .slice_range(s.range())
                    .is_some_and(|t| crate::core::words::bare(t) == word)
            })
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        let effects = resume::with(|r| state.session.update(action, r));
        for effect in effects {
            match effect {
                Effect::Write(plan) => state.outbox.push(plan),
            }
        }
        let generation = state.session.tally.generation();
        state.lexicon = state.lexicon.refreshed(&state.session.ws, generation);
        Rc::new(state)
    }
}

/// The app state handle, shared through a context.
pub type AppHandle = UseReducerHandle<AppState>;

/// The app state and its dispatcher, from the root's context.
///
/// Components using it must be rendered inside [`crate::ui::app::App`] (or a
/// test's provider); that is a programming invariant, not user data.
#[hook]
pub fn use_app() -> AppHandle {
    #[allow(clippy::expect_used)]
    use_context::<AppHandle>().expect("rendered inside the app's context provider")
}
