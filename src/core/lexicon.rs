//! The words a workspace attests, so that word snapping can tell a
//! proclitic from the first letter of a name: ب + العراق in بالعراق, but
//! بغداد whole (غداد is not a word).
//!
//! A [`Lexicon`] counts every word of the workspace's texts (as
//! [`crate::core::words`] segments them) and the text of every span, each in
//! its [`bare`] form (no tashkeel, no tatweel). Counts, not a set, so that a
//! document can be taken out again as exactly as it was put in.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::model::{Document, Workspace};
use super::words::{bare, is_word_char};

/// Attested words with how often each occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    counts: HashMap<String, u32>,
}

impl Lexicon {
    /// The words of `texts`.
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut lexicon = Lexicon::default();
        for text in texts {
            lexicon.add_words(text, 1);
        }
        lexicon
    }

    /// The words of every document of `ws` and the texts of its spans.
    pub fn of_workspace(ws: &Workspace) -> Self {
        let mut lexicon = Lexicon::default();
        for doc in &ws.documents {
            lexicon.add_document(doc);
        }
        lexicon
    }

    /// Counts a document's words and span texts in.
    pub fn add_document(&mut self, doc: &Document) {
        self.add_words(doc.text.as_str(), 1);
        for span in &doc.spans {
            if let Some(text) = doc.text.slice_range(span.range()) {
                self.add(&bare(text), 1);
            }
        }
    }

    /// Counts a document's words and span texts out again.
    pub fn remove_document(&mut self, doc: &Document) {
        self.add_words(doc.text.as_str(), -1);
        for span in &doc.spans {
            if let Some(text) = doc.text.slice_range(span.range()) {
                self.add(&bare(text), -1);
            }
        }
    }

    /// Whether `word` (in its [`bare`] form) occurs on its own somewhere.
    pub fn attests(&self, word: &str) -> bool {
        self.counts.contains_key(word)
    }

    /// How many different words are attested.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether nothing is attested.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    fn add_words(&mut self, text: &str, delta: i32) {
        for word in text.split_word_bounds() {
            if word.chars().any(is_word_char) {
                self.add(&bare(word), delta);
            }
        }
    }

    fn add(&mut self, word: &str, delta: i32) {
        if word.is_empty() {
            return;
        }
        if delta > 0 {
            *self.counts.entry(word.to_owned()).or_default() += delta.unsigned_abs();
        } else if let Some(count) = self.counts.get_mut(word) {
            *count = count.saturating_sub(delta.unsigned_abs());
            if *count == 0 {
                self.counts.remove(word);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_bare_and_spans_whole() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a", "زار بِغْدادَ وفد من لندن");
        let span = ws.new_span(20, 24, "LOC");
        doc.spans.push(span);
        ws.documents.push(doc.into());
        let lexicon = Lexicon::of_workspace(&ws);
        assert!(lexicon.attests("بغداد"), "tashkeel removed");
        assert!(lexicon.attests("لندن"));
        assert!(!lexicon.attests("غداد"));
        let mut changed = lexicon.clone();
        changed.remove_document(&ws.documents[0]);
        assert!(changed.is_empty(), "out exactly as in");
        changed.add_document(&ws.documents[0]);
        assert_eq!(changed, lexicon);
    }
}
