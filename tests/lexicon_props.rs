//! Property test: counting a text's words a line at a time (as the
//! background build of the snapping lexicon does, in steps that stop at
//! line ends) finds exactly the words of the whole text, whatever the text:
//! Arabic with tashkeel and tatweel, Latin, digits, punctuation, emoji and
//! flags (regional indicators), joiners, and every kind of line break.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use wasim::core::lexicon::{Lexicon, LexiconBuilder};
use wasim::core::text::Text;

/// Pieces a text is made of, line breaks and word-joining marks included.
const PIECES: &[&str] = &[
    "بغداد",
    "الكاظمي",
    "كَتَبَ",
    "بـــغداد",
    "و",
    "Paris",
    "don't",
    "3.14",
    "2024",
    "،",
    ".",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{2028}",
    "\u{0085}",
    "😀",
    "🇮🇶",
    "🇫",
    "\u{200D}",
    "\u{200F}",
    "\u{064E}",
    "\u{0301}",
    "a",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(common::proptest_config("lexicon_props", 256))]

    #[test]
    fn counting_line_by_line_finds_the_words_of_the_whole_text(
        texts in prop::collection::vec(text(), 1..4),
        budget in 1usize..40,
    ) {
        let whole = Lexicon::of_texts(texts.iter().map(String::as_str));
        let mut builder = LexiconBuilder::new(texts.iter().map(|t| Text::new(t)).collect());
        let mut steps = 0;
        while !builder.step(budget) {
            steps += 1;
            prop_assert!(steps < 10_000);
        }
        prop_assert_eq!(builder.counted(), texts.iter().map(String::len).sum::<usize>());
        prop_assert_eq!(builder.finish(), &whole);
    }
}
