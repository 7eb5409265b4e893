//! The demo workspace shown on the very first visit, written by the Wasim
//! team so a newcomer has something to try at once.

use super::model::Workspace;

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

/// A fresh workspace holding only the demo document, open.
pub fn demo_workspace() -> Workspace {
    let mut ws = Workspace::default();
    let doc = ws.new_document(DEMO_NAME, DEMO_TEXT);
    ws.open = Some(doc.id);
    ws.documents.push(doc);
    ws
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
    }
}
