//! The demo document: a tour shown on the very first visit, written by the
//! Wasim team so a newcomer has something to try at once.
//!
//! The demo is a [`Document`] whose [`Document::demo`] flag is set (stored
//! with the snapshot). It is not work: progress, corpus counts and corpus
//! exports leave it out ([`Workspace::work_documents`]), and loading any file
//! removes it in the same undoable step as the load
//! ([`crate::core::formats::import_edit`]), together with any spans made on
//! it. [`show_demo`] brings it back on demand.

use super::edit::Edit;
use super::model::{DocId, Document, Workspace};

/// The demo document's name.
pub const DEMO_NAME: &str = "مثال — Wasim demo";

/// The demo document's text: Arabic with some English, digits and a name
/// inside a prefixed word (بالقاهرة).
pub const DEMO_TEXT: &str = "مرحبًا بك في واسم (Wasim)، أداة لتعليم الكيانات المسمّاة تعمل في متصفحك دون اتصال.\n\
\n\
التقى الروائي نجيب محفوظ بالقاهرة وفدًا من جامعة الدول العربية يوم 11 ديسمبر 1988، \
وحضر اللقاء ممثلون عن UNESCO ومكتبة الإسكندرية.\n\
\n\
جرّب الآن: حدّد اسمًا بالفأرة ثم اضغط 1 للشخص، 2 للمكان، 3 للمنظمة، 4 لغير ذلك.\n\
Select a name with the mouse, then press 1–4 or click a label. Click a highlight and press Delete to remove it.\n";

/// A fresh demo document with an id of `ws` (not yet added).
pub fn demo_document(ws: &mut Workspace) -> Document {
    let mut doc = ws.new_document(DEMO_NAME, DEMO_TEXT);
    doc.demo = true;
    doc
}

/// Whether a document with this name and text is the demo: how snapshots
/// saved before [`Document::demo`] existed are recognised.
pub fn is_demo(name: &str, text: &str) -> bool {
    name == DEMO_NAME && text == DEMO_TEXT
}

/// A fresh workspace holding only the demo document, open.
pub fn demo_workspace() -> Workspace {
    let mut ws = Workspace::default();
    let doc = demo_document(&mut ws);
    ws.open = Some(doc.id);
    ws.documents.push(doc.into());
    ws
}

/// Bringing the demo back: the demo document to open, and the edit that
/// inserts it at the top of the list when it is not there (`None` when it
/// is: then it only needs opening).
pub fn show_demo(ws: &mut Workspace) -> (DocId, Option<Edit>) {
    if let Some(id) = ws.demo_ids().first() {
        return (*id, None);
    }
    let doc = demo_document(ws);
    let id = doc.id;
    let edit = Edit::InsertDocuments {
        at: 0,
        documents: vec![doc.into()],
    };
    (id, Some(edit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::layout::{Direction, dominant_direction};

    #[test]
    fn demo_is_open_arabic_with_english() {
        let ws = demo_workspace();
        let doc = ws.open_document().expect("demo is open");
        assert_eq!(doc.name, DEMO_NAME);
        assert_eq!(dominant_direction(doc.text.as_str()), Some(Direction::Rtl));
        assert!(doc.text.as_str().contains("Select"));
        assert!(ws.validate().is_ok());
        assert!(doc.demo, "the demo is marked");
        assert_eq!(ws.demo_ids(), vec![doc.id]);
        assert_eq!(ws.work_documents().count(), 0, "the demo is not work");
    }

    #[test]
    fn show_demo_inserts_it_once_and_undo_takes_it_away() {
        let mut ws = Workspace::default();
        let work = ws.new_document("003_مقال.txt", "نص");
        ws.documents.push(work.into());
        let (id, edit) = show_demo(&mut ws);
        let edit = edit.expect("the demo is missing, so it is inserted");
        let mut history = crate::core::edit::History::default();
        history.apply(&mut ws, edit).expect("applies");
        assert_eq!(ws.documents[0].id, id);
        assert!(ws.documents[0].demo);
        assert_eq!(ws.work_documents().count(), 1);
        let (again, edit) = show_demo(&mut ws);
        assert_eq!((again, edit), (id, None), "never twice");
        assert!(history.undo(&mut ws).is_some());
        assert!(ws.demo_ids().is_empty());
        assert_eq!(ws.documents.len(), 1);
    }

    #[test]
    fn the_demo_is_recognised_by_name_and_text_only() {
        assert!(is_demo(DEMO_NAME, DEMO_TEXT));
        assert!(!is_demo(DEMO_NAME, "another text"));
        assert!(!is_demo("demo.txt", DEMO_TEXT));
    }
}
