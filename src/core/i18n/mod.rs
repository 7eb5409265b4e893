//! The interface's languages: English and Arabic, one catalogue each
//! ([`en`], [`ar`]), message keys ([`Key`], [`Counted`]) and the CLDR
//! plural rules of both languages ([`plural`]).
//!
//! Every string the UI shows comes from here. A catalogue is a table from
//! a key to a `&'static str`, written `Key => "text"` and filled when the
//! build evaluates it (`text_table!`, `counted_table!`): a key missing
//! from either language does not compile, and the wasm carries the strings
//! and their table, no code per string (a `match` compiled to 23 KB).
//! Arguments are filled into `{name}` placeholders by [`fill`]; counted
//! messages take the form their number calls for in the language (Arabic
//! has six: zero, one, two, few, many, other), never an appended "s".

/// A catalogue's texts by [`Key`], from `Name => "text"` lines: a static
/// table indexed by the key's number. A key left out fails the build.
macro_rules! text_table {
    ($($key:ident => $text:expr),* $(,)?) => {{
        let mut table = [None; Key::ALL.len()];
        $(table[Key::$key as usize] = Some($text);)*
        $crate::core::i18n::complete(&table);
        table
    }};
}

/// A catalogue's forms by [`Counted`] key and [`Plural`] category, from
/// `(Name, Category) => "text"` lines and `(Name, _) => "text"` for the
/// categories not given before it (as a `match` would read them). A key or
/// a category left out fails the build.
macro_rules! counted_table {
    ($(($key:ident, $form:tt) => $text:expr),* $(,)?) => {{
        let mut table = [[None; 6]; Counted::ALL.len()];
        $(counted_table!(@put table[Counted::$key as usize], $form, $text);)*
        let mut key = 0;
        while key < table.len() {
            $crate::core::i18n::complete(&table[key]);
            key += 1;
        }
        table
    }};
    (@put $row:expr, _, $text:expr) => {{
        let mut form = 0;
        while form < 6 {
            if $row[form].is_none() {
                $row[form] = Some($text);
            }
            form += 1;
        }
    }};
    (@put $row:expr, $form:ident, $text:expr) => {
        if $row[Plural::$form as usize].is_none() {
            $row[Plural::$form as usize] = Some($text);
        }
    };
}

/// Fails the build (the tables are evaluated when compiled) when an entry
/// of a catalogue's table is missing.
const fn complete(table: &[Option<&'static str>]) {
    let mut i = 0;
    while i < table.len() {
        assert!(table[i].is_some(), "a catalogue leaves a key out");
        i += 1;
    }
}

mod ar;
mod en;
mod keys;
mod msg;

pub use keys::{Counted, Key};
pub use msg::{Arg, Msg};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default, and what the tests read).
    #[default]
    En,
    /// Arabic: the whole layout is mirrored (`dir="rtl"`).
    Ar,
}

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// Arabic 0.
    Zero,
    /// 1 (both languages).
    One,
    /// Arabic 2.
    Two,
    /// Arabic 3–10 (after the hundreds: 103, 1010…).
    Few,
    /// Arabic 11–99 (after the hundreds: 111, 1099…).
    Many,
    /// Everything else (English: all but 1; Arabic: 100–102, 200…).
    Other,
}

/// The plural category of the whole number `n` in `lang` (CLDR rules for
/// integers: English `one: i = 1 and v = 0`; Arabic `zero: n = 0`,
/// `one: n = 1`, `two: n = 2`, `few: n % 100 = 3..10`,
/// `many: n % 100 = 11..99`).
pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En if n == 1 => Plural::One,
        Lang::En => Plural::Other,
        Lang::Ar => match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
    }
}

/// Fills `{name}` placeholders of `template` with `args` (name, value);
/// a placeholder without an argument is left as it is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    /// The BCP 47 code (`<html lang>`, the stored choice).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The layout direction (`<html dir>`).
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    /// The language of a BCP 47 tag (`ar`, `ar-IQ`, `en-US`…), if the
    /// interface has it.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ar") {
            Some(Lang::Ar)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first language of the browser's list (`navigator.languages`)
    /// that the interface has; English when none is.
    pub fn from_browser<S: AsRef<str>>(tags: &[S]) -> Lang {
        tags.iter()
            .find_map(|t| Lang::from_code(t.as_ref()))
            .unwrap_or_default()
    }

    /// The text of `key`.
    pub fn t(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Ar => ar::text(key),
        }
    }

    /// The text of `key` with its placeholders filled.
    pub fn f(self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The form of `key` for the number `n` (placeholder `{n}`), with the
    /// other placeholders filled from `args`.
    pub fn n(self, key: Counted, n: usize, args: &[(&str, &str)]) -> String {
        let form = match self {
            Lang::En => en::counted(key, plural(self, n as u64)),
            Lang::Ar => ar::counted(key, plural(self, n as u64)),
        };
        let count = n.to_string();
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(("n", count.as_str()));
        all.extend_from_slice(args);
        fill(form, &all)
    }

    /// A list of items joined as the language joins them ("a, b" / "a، b").
    pub fn join(self, items: &[String]) -> String {
        let mut sep = self.t(Key::ListSep).to_owned();
        sep.push(' ');
        items.join(&sep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_plural_categories_follow_cldr() {
        let cases = [
            (0, Plural::Zero),
            (1, Plural::One),
            (2, Plural::Two),
            (3, Plural::Few),
            (10, Plural::Few),
            (11, Plural::Many),
            (99, Plural::Many),
            (100, Plural::Other),
            (101, Plural::Other),
            (102, Plural::Other),
            (103, Plural::Few),
            (110, Plural::Few),
            (111, Plural::Many),
            (199, Plural::Many),
            (200, Plural::Other),
            (1000, Plural::Other),
            (1003, Plural::Few),
            (1011, Plural::Many),
        ];
        for (n, category) in cases {
            assert_eq!(plural(Lang::Ar, n), category, "{n}");
        }
    }

    #[test]
    fn english_plural_categories_follow_cldr() {
        assert_eq!(plural(Lang::En, 1), Plural::One);
        for n in [0, 2, 3, 11, 21, 101] {
            assert_eq!(plural(Lang::En, n), Plural::Other, "{n}");
        }
    }

    #[test]
    fn counted_messages_take_the_right_form() {
        let docs = |lang, n| lang_n(lang, Counted::Documents, n);
        assert_eq!(docs(Lang::En, 1), "1 document");
        assert_eq!(docs(Lang::En, 0), "0 documents");
        assert_eq!(docs(Lang::En, 2), "2 documents");
        assert_eq!(docs(Lang::Ar, 0), "لا مستندات");
        assert_eq!(docs(Lang::Ar, 1), "مستند واحد");
        assert_eq!(docs(Lang::Ar, 2), "مستندان");
        assert_eq!(docs(Lang::Ar, 3), "3 مستندات");
        assert_eq!(docs(Lang::Ar, 10), "10 مستندات");
        assert_eq!(docs(Lang::Ar, 11), "11 مستندًا");
        assert_eq!(docs(Lang::Ar, 99), "99 مستندًا");
        assert_eq!(docs(Lang::Ar, 100), "100 مستند");
        assert_eq!(docs(Lang::Ar, 101), "101 مستند");
        assert_eq!(docs(Lang::Ar, 102), "102 مستند");
        assert_eq!(docs(Lang::Ar, 103), "103 مستندات");
        assert_eq!(docs(Lang::Ar, 111), "111 مستندًا");
        // After «في» the dual is oblique; the other forms read the same.
        let in_docs = |lang, n| lang_n(lang, Counted::InDocuments, n);
        assert_eq!(in_docs(Lang::Ar, 2), "مستندين");
        assert_eq!(in_docs(Lang::En, 2), "2 documents");
        for n in [0, 1, 3, 11, 100, 103] {
            assert_eq!(in_docs(Lang::Ar, n), docs(Lang::Ar, n), "{n}");
        }
    }

    fn lang_n(lang: Lang, key: Counted, n: usize) -> String {
        lang.n(key, n, &[])
    }

    #[test]
    fn one_annotator_agrees_in_the_singular() {
        for (lang, n, said) in [
            (Lang::En, 1, "at least 1 annotator agrees"),
            (Lang::En, 3, "at least 3 annotators agree"),
            (Lang::Ar, 1, "يتفق واسم واحد على الأقل"),
            (Lang::Ar, 2, "يتفق واسمان على الأقل"),
        ] {
            assert_eq!(lang_n(lang, Counted::AgreeAtLeast, n), said);
        }
    }

    #[test]
    fn no_counted_form_appends_an_s_or_leaves_a_placeholder() {
        for key in Counted::ALL {
            for n in [0, 1, 2, 3, 11, 100, 101] {
                for lang in Lang::ALL {
                    let args = [
                        ("name", "x"),
                        ("label", "PER"),
                        ("k", "2"),
                        ("agree", "a"),
                        ("count", "5"),
                        ("documents", "d"),
                        ("what", "w"),
                        ("file", "f.json"),
                        ("unit", "u"),
                        ("why", "y"),
                        ("lines", "l"),
                        ("repair", "r"),
                        ("ids", "T1"),
                        ("max", "9"),
                        ("column", "3"),
                        ("format", "brat"),
                        ("labels", "L"),
                        ("spans", "s"),
                        ("names", "N"),
                    ];
                    let text = lang.n(key, n, &args);
                    assert!(!text.contains("(s)"), "{key:?} {n} {lang:?}: {text}");
                    assert!(!text.contains('{'), "{key:?} {n} {lang:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn every_key_has_both_languages_and_matching_placeholders() {
        for key in Key::ALL {
            let (en, ar) = (Lang::En.t(key), Lang::Ar.t(key));
            assert!(!ar.is_empty() || en.is_empty(), "{key:?}");
            assert_eq!(placeholders(en), placeholders(ar), "{key:?}");
        }
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// In right-to-left text a bracket is drawn mirrored: a key name "]"
    /// would read "[", the key for the other way. Every bracket of the
    /// Arabic catalogue sits in a left-to-right isolate (U+2066 … U+2069).
    #[test]
    fn arabic_brackets_are_isolated_left_to_right() {
        for key in Key::ALL {
            let mut depth = 0_i32;
            for ch in Lang::Ar.t(key).chars() {
                match ch {
                    '\u{2066}' => depth += 1,
                    '\u{2069}' => depth -= 1,
                    '[' | ']' => assert!(depth > 0, "{key:?}: {}", Lang::Ar.t(key)),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_only() {
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        assert_eq!(fill("{a} {x}", &[("a", "{b}"), ("b", "no")]), "{b} {x}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("«{q}»", &[("q", "بغداد")]), "«بغداد»");
    }

    #[test]
    fn the_browser_language_picks_the_first_supported() {
        assert_eq!(Lang::from_browser(&["ar-IQ", "en-US"]), Lang::Ar);
        assert_eq!(Lang::from_browser(&["fr-FR", "ar"]), Lang::Ar);
        assert_eq!(Lang::from_browser(&["en-US", "ar"]), Lang::En);
        assert_eq!(Lang::from_browser(&["fr"]), Lang::En);
        assert_eq!(Lang::from_browser::<&str>(&[]), Lang::En);
        assert_eq!(Lang::from_code("AR_eg"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("arn"), None);
    }
}
