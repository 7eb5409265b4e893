//! Messages made where something happens and worded where they are shown.
//!
//! A [`Msg`] is a catalogue key and its arguments. The format readers and
//! writers, the label checks and the JSON reader describe their errors and
//! warnings this way, without knowing the interface's language; the session,
//! the Team panel and the label editor word them with [`Msg::render`] in the
//! language the user reads. `Display` words them in English (what native
//! tests and logs read).
//!
//! An argument is shown as it is ([`Arg::Plain`]: file names, numbers,
//! labels), quoted ([`Arg::Quoted`]: `"…"` in English, invisible
//! characters shown as `\u{…}`, and «…» in Arabic), as a message of its
//! own in the same language ([`Arg::Msg`]: where a span is, a reason), or as a list that names a few
//! items and counts the rest ([`Arg::List`]).

use super::{Counted, Key, Lang};
use crate::core::bidi::{defused, is_invisible, isolate, isolate_in};

/// How many items a list argument names before "and N more".
const LIST_SHOWN: usize = 5;

/// A message of the interface with its arguments, not yet worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    text: Template,
    args: Vec<(&'static str, Arg)>,
}

/// What a [`Msg`] is worded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Template {
    /// A plain message.
    Key(Key),
    /// A counted message and its number (placeholder `{n}`).
    Counted(Counted, usize),
}

/// An argument of a [`Msg`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: a file name, a number, a label.
    Plain(String),
    /// A value from a file, quoted: `"…"` in English, «…» in Arabic.
    Quoted(String),
    /// A message of its own, worded in the same language.
    Msg(Msg),
    /// Items joined as the language joins them; past five, "and N more".
    List(Vec<Arg>),
}

/// Placeholders that hold names of files, documents, people or labels, or
/// a span's text: a name that mixes scripts is isolated there
/// ([`isolate`]), and in an Arabic sentence one with Latin letters or
/// digits too, so that it reads in typing order in either language (in
/// Arabic, `PER «Barack Obama»` was drawn `Barack Obama» PER»`). Other
/// values (a phrase, a reason) keep their place in the sentence.
const NAME_PLACEHOLDERS: [&str; 23] = [
    "name",
    "names",
    "file",
    "files",
    "base",
    "with",
    "without",
    "first",
    "second",
    "who",
    "stem",
    "label",
    "labels",
    "types",
    "tag",
    "quote",
    "archive",
    "entry",
    "origin",
    "reference",
    "candidate",
    "id",
    "ids",
];

/// What a placeholder holds, for how its value is isolated.
#[derive(Clone, Copy)]
enum Holds {
    /// Text of the message's own direction.
    Text,
    /// Names ([`NAME_PLACEHOLDERS`]).
    Name,
    /// A file name's stem, its extension after it in the template.
    Stem,
}

impl Holds {
    fn of(placeholder: &str) -> Holds {
        match placeholder {
            "stem" => Holds::Stem,
            name if NAME_PLACEHOLDERS.contains(&name) => Holds::Name,
            _ => Holds::Text,
        }
    }
}

impl Arg {
    /// A list of items shown as they are: the first five, then "and N
    /// more" (`"3, 7, 12, 15, 20 and 4 more"`).
    pub fn some_of<T: ToString>(items: &[T]) -> Arg {
        Arg::List(items.iter().map(|i| Arg::Plain(i.to_string())).collect())
    }

    /// The argument worded in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.render_as(lang, Holds::Text)
    }

    /// The argument worded in `lang`, its placeholder holding `holds`.
    fn render_as(&self, lang: Lang, holds: Holds) -> String {
        // In an Arabic sentence a name with Latin letters or digits is
        // isolated too: `004_9237d8f2.txt` showed as `9237d8f2.txt_004`.
        // (A `{stem}` is followed by its extension, outside the isolate:
        // isolated alone, `x.txt` would read `txt.x`.)
        let shown = |text: &str| {
            let text = &*defused(text);
            match (holds, lang) {
                (Holds::Name, Lang::Ar) => isolate_in(text, true).into_owned(),
                (Holds::Name | Holds::Stem, _) => isolate(text).into_owned(),
                (Holds::Text, _) => text.to_owned(),
            }
        };
        match self {
            Arg::Plain(text) => shown(text),
            Arg::Quoted(text) => match lang {
                // Quoted first: quoting escapes invisibles, the isolate's too.
                Lang::En => shown(&quote(text)),
                Lang::Ar => format!("«{}»", shown(text)),
            },
            Arg::Msg(msg) => msg.render(lang),
            Arg::List(items) => {
                let shown: Vec<String> = items
                    .iter()
                    .take(LIST_SHOWN)
                    .map(|item| item.render_as(lang, holds))
                    .collect();
                let mut out = lang.join(&shown);
                if items.len() > LIST_SHOWN {
                    out.push(' ');
                    out.push_str(&lang.n(Counted::AndMore, items.len() - LIST_SHOWN, &[]));
                }
                out
            }
        }
    }
}

/// `text` in double quotes for an English message: `"` and `\` escaped, and
/// control characters and invisible format characters (direction marks,
/// zero-width characters, the byte order mark) written `\u{…}`, so that the
/// reader sees they are there. Letters keep their marks: عمّان, not
/// `عم\u{651}ان` as Rust's `{:?}` writes it.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Arg::Msg(msg)
    }
}

impl Msg {
    /// The message `key`, without arguments yet.
    pub fn new(key: Key) -> Msg {
        Msg {
            text: Template::Key(key),
            args: Vec::new(),
        }
    }

    /// The counted message `key` for the number `n`.
    pub fn counted(key: Counted, n: usize) -> Msg {
        Msg {
            text: Template::Counted(key, n),
            args: Vec::new(),
        }
    }

    /// Whether the message is worded from `key`.
    pub fn is(&self, key: Key) -> bool {
        self.text == Template::Key(key)
    }

    /// Whether the message is worded from the counted `key`.
    pub fn is_counted(&self, key: Counted) -> bool {
        matches!(self.text, Template::Counted(k, _) if k == key)
    }

    /// The placeholder `{name}` filled with `value` as it is.
    #[must_use]
    pub fn arg(self, name: &'static str, value: impl Into<String>) -> Msg {
        self.with(name, Arg::Plain(value.into()))
    }

    /// The placeholder `{name}` filled with a number.
    #[must_use]
    pub fn num(self, name: &'static str, value: usize) -> Msg {
        self.with(name, Arg::Plain(value.to_string()))
    }

    /// The placeholder `{name}` filled with `value` quoted.
    #[must_use]
    pub fn quoted(self, name: &'static str, value: impl Into<String>) -> Msg {
        self.with(name, Arg::Quoted(value.into()))
    }

    /// The placeholder `{name}` filled with another message.
    #[must_use]
    pub fn msg(self, name: &'static str, value: Msg) -> Msg {
        self.with(name, Arg::Msg(value))
    }

    /// The placeholder `{name}` filled with `value`.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    /// The message worded in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| (*name, arg.render_as(lang, Holds::of(name))))
            .collect();
        let args: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        match self.text {
            Template::Key(key) => lang.f(key, &args),
            Template::Counted(key, n) => lang.n(key, n, &args),
        }
    }
}

#[cfg(test)]
impl Msg {
    /// Whether the English wording contains `text` (for the tests).
    pub fn contains(&self, text: &str) -> bool {
        self.to_string().contains(text)
    }

    /// Whether the English wording starts with `text` (for the tests).
    pub fn starts_with(&self, text: &str) -> bool {
        self.to_string().starts_with(text)
    }
}

impl From<Key> for Msg {
    fn from(key: Key) -> Self {
        Msg::new(key)
    }
}

impl From<String> for Msg {
    /// A text worded the same in every language ([`Key::Verbatim`]).
    fn from(text: String) -> Self {
        Msg::new(Key::Verbatim).arg("text", text)
    }
}

impl From<&str> for Msg {
    /// A text worded the same in every language ([`Key::Verbatim`]).
    fn from(text: &str) -> Self {
        Msg::from(text.to_owned())
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_direction_override_in_a_name_is_shown_not_obeyed() {
        let name = "report\u{202e}txt.exe";
        for lang in [Lang::En, Lang::Ar] {
            let said = Msg::new(Key::LoadingDocument)
                .arg("name", name)
                .render(lang);
            assert!(!said.contains('\u{202e}'), "{said:?}");
            assert!(said.contains("report\\u{202e}txt.exe"), "{said:?}");
        }
        assert_eq!(defused("بغداد.txt"), "بغداد.txt");
    }

    use super::*;

    #[test]
    fn english_quotes_show_invisibles_and_keep_marks_on_letters() {
        assert_eq!(quote("عمّان"), "\"عمّان\"");
        assert_eq!(quote("بَغْدَاد"), "\"بَغْدَاد\"");
        assert_eq!(quote("عمّان\u{200f}"), "\"عمّان\\u{200f}\"");
        assert_eq!(quote("\u{feff}a\u{200d}b"), "\"\\u{feff}a\\u{200d}b\"");
        assert_eq!(quote("a\"b\\c\nd\te\u{7}"), "\"a\\\"b\\\\c\\nd\\te\\u{7}\"");
        // As Rust's own quoting does for all but the marks.
        for text in [
            "plain",
            "with \"quotes\"",
            "tab\there",
            "line\nbreak",
            "\u{202e}evil",
        ] {
            assert_eq!(quote(text), format!("{text:?}"), "{text}");
        }
    }

    #[test]
    fn names_that_mix_scripts_are_isolated_and_phrases_are_not() {
        let file = "corpus_أمينة_2026-12-03.conll";
        let text = Msg::new(Key::EmptyText).arg("name", file).render(Lang::En);
        assert!(
            text.starts_with("\u{2068}corpus_أمينة\u{200E}_2026-12-03.conll\u{2069} has"),
            "{text:?}"
        );
        let label = Msg::new(Key::Verbatim).arg("text", "LOC «بغداد»");
        assert_eq!(label.render(Lang::Ar), "LOC «بغداد»");
        assert_eq!(
            Msg::new(Key::EmptyText)
                .arg("name", "a.txt")
                .render(Lang::En),
            "a.txt has no text: it is loaded empty, with nothing to tag."
        );
    }

    #[test]
    fn a_name_with_latin_letters_or_digits_is_isolated_in_an_arabic_sentence() {
        let msg = Msg::new(Key::HoldsNoDocument).arg("file", "004_9237d8f2f57de89b.txt");
        assert!(
            msg.render(Lang::Ar)
                .contains("\u{2068}004_9237d8f2f57de89b.txt\u{2069}"),
            "{}",
            msg.render(Lang::Ar)
        );
        // Not in an English one, where it reads in its own direction.
        assert!(
            msg.render(Lang::En)
                .starts_with("004_9237d8f2f57de89b.txt holds")
        );
        let arabic = Msg::new(Key::HoldsNoDocument).arg("file", "مقال.txt");
        assert!(arabic.render(Lang::Ar).contains('\u{2068}'));
        let plain = Msg::new(Key::HoldsNoDocument).arg("file", "مقال");
        assert!(!plain.render(Lang::Ar).contains('\u{2068}'));
    }

    #[test]
    fn arguments_are_worded_in_the_message_language() {
        let inner = Msg::new(Key::CouldNotLoad)
            .arg("file", "a.json")
            .quoted("message", "x");
        assert_eq!(inner.to_string(), "Could not load a.json: \"x\"");
        assert_eq!(
            inner.render(Lang::Ar),
            "تعذّر تحميل \u{2068}a.json\u{2069}: «x»"
        );
        let outer = Msg::new(Key::CouldNotImport).msg("error", inner);
        assert!(outer.render(Lang::Ar).contains("تعذّر تحميل"));
    }

    #[test]
    fn lists_name_five_and_count_the_rest() {
        let items = |n: usize| Arg::List((1..=n).map(|i| Arg::Plain(i.to_string())).collect());
        assert_eq!(items(3).render(Lang::En), "1, 2, 3");
        assert_eq!(items(7).render(Lang::En), "1, 2, 3, 4, 5 and 2 more");
        assert_eq!(items(8).render(Lang::Ar), "1، 2، 3، 4، 5 و3 أخرى");
    }
}
