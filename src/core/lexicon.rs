//! The words a workspace attests, so that word snapping can tell a
//! proclitic from the first letter of a name: ب + العراق in بالعراق, but
//! بغداد whole (غداد is not a word).
//!
//! A [`Lexicon`] counts every word of the workspace's texts (as
//! [`crate::core::words`] segments them) and the text of every span, each in
//! its [`bare`] form (no tashkeel, no tatweel). Counts, not a set, so that a
//! document can be taken out again as exactly as it was put in.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use unicode_segmentation::UnicodeSegmentation;

use super::model::{Document, Workspace};
use super::words::{bare, is_word_char};

/// Attested words with how often each occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    counts: HashMap<String, u32, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: the words are the user's own texts, looked up millions of times
/// while a corpus is counted; a hash that resists crafted collisions (the
/// standard one) would only make that slower.
#[derive(Clone, Copy, Debug)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
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
            // Looked up first: most words are counted already, and a new
            // key would be a copy of the word for every occurrence.
            match self.counts.get_mut(word) {
                Some(count) => *count += delta.unsigned_abs(),
                None => {
                    self.counts.insert(word.to_owned(), delta.unsigned_abs());
                }
            }
        } else if let Some(count) = self.counts.get_mut(word) {
            *count = count.saturating_sub(delta.unsigned_abs());
            if *count == 0 {
                self.counts.remove(word);
            }
        }
    }
}

/// A [`Lexicon`] of many texts built a budget of bytes at a time, so that
/// the words of ten thousand articles can be counted in the background
/// without holding the page; [`LexiconBuilder::finish`] counts what is left
/// at once when the lexicon is needed before that.
#[derive(Clone, Debug, Default)]
pub struct LexiconBuilder {
    texts: Vec<crate::core::text::Text>,
    next: usize,
    lexicon: Lexicon,
}

impl LexiconBuilder {
    /// A builder for the words of `texts`, none counted yet.
    pub fn new(texts: Vec<crate::core::text::Text>) -> Self {
        LexiconBuilder {
            texts,
            next: 0,
            lexicon: Lexicon::default(),
        }
    }

    /// Counts texts until about `budget` bytes are counted (at least one
    /// text). Returns whether every text is counted.
    pub fn step(&mut self, budget: usize) -> bool {
        let mut spent = 0;
        while spent < budget.max(1) {
            let Some(text) = self.texts.get(self.next) else {
                break;
            };
            self.lexicon.add_words(text.as_str(), 1);
            spent += text.as_str().len().max(1);
            self.next += 1;
        }
        self.is_done()
    }

    /// Whether every text is counted.
    pub fn is_done(&self) -> bool {
        self.next >= self.texts.len()
    }

    /// The lexicon, every text counted.
    pub fn finish(&mut self) -> &Lexicon {
        while !self.step(usize::MAX) {}
        &self.lexicon
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_steps_it_is_the_lexicon_of_the_texts() {
        let texts: Vec<crate::core::text::Text> = ["زار بِغْدادَ وفد", "من لندن", "", "وفد آخر"]
            .into_iter()
            .map(crate::core::text::Text::new)
            .collect();
        let whole = Lexicon::of_texts(texts.iter().map(|t| t.as_str()));
        let mut builder = LexiconBuilder::new(texts);
        let mut steps = 0;
        while !builder.step(5) {
            steps += 1;
        }
        assert!(steps >= 2, "{steps}");
        assert_eq!(builder.finish(), &whole);
        let mut at_once = LexiconBuilder::new(vec![crate::core::text::Text::new("لندن")]);
        assert!(at_once.finish().attests("لندن"));
    }

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
