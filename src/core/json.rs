//! One way in for JSON text: [`parse`], and [`describe`] for what was
//! wrong with it.
//!
//! `serde_json` compiles every `Deserialize` impl once per kind of reader
//! (`from_str`, `from_slice`, `from_value`, …). Reading all JSON through one
//! reader (bytes) keeps one copy of each in the wasm; the workspace records,
//! the journal and the formats all come this way.

use serde::de::DeserializeOwned;

use crate::core::i18n::{Key, Msg};

/// `json` parsed as a `T` (through `serde_json::from_slice`, the reader the
/// streaming import uses too).
///
/// # Errors
/// `serde_json`'s error when `json` is not valid JSON or not a `T`.
pub fn parse<T: DeserializeOwned>(json: &str) -> serde_json::Result<T> {
    serde_json::from_slice(json.as_bytes())
}

/// What was wrong with JSON text or its shape, as a message for the user:
/// `serde_json`'s reason (a syntax error, a missing field, a value of the
/// wrong type…) and where it is, worded from the catalogue. A reason it
/// does not know is kept as `serde_json` gives it.
pub fn describe(error: &serde_json::Error) -> Msg {
    let text = error.to_string();
    let detail = match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => &text[..at],
        _ => text.as_str(),
    };
    let what = reason(detail);
    if error.line() == 0 {
        return what;
    }
    Msg::new(Key::JsonAt)
        .msg("what", what)
        .num("line", error.line())
        .num("column", error.column())
}

/// The largest whole number an `f64` holds exactly (2^53 − 1).
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// A non-negative whole number written `4` or `4.0`: JSON Schema's
/// `integer` is any number without a fractional part, and tools that write
/// every number as a float (pandas, some JavaScript) write offsets so.
/// `None` for anything else (negative, fractional, too large for an `f64`
/// to hold exactly, not a number).
pub fn whole(value: &serde_json::Value) -> Option<u64> {
    value.as_u64().or_else(|| whole_f64(value.as_f64()?))
}

fn whole_f64(f: f64) -> Option<u64> {
    // The cast is exact: `f` is whole and below 2^53.
    (f >= 0.0 && f.fract() == 0.0 && f <= MAX_EXACT).then_some(f as u64)
}

/// `#[serde(deserialize_with = "…")]` for an offset or count that is a
/// [`whole`] number, `4` or `4.0`.
///
/// # Errors
/// The reader's "invalid type/value …, expected usize" for anything else.
pub fn whole_usize<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<usize, D::Error> {
    struct Whole;
    impl serde::de::Visitor<'_> for Whole {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("usize")
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<usize, E> {
            usize::try_from(n)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<usize, E> {
            usize::try_from(n)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
        }
        fn visit_f64<E: serde::de::Error>(self, f: f64) -> Result<usize, E> {
            let whole = whole_f64(f).and_then(|n| usize::try_from(n).ok());
            whole.ok_or_else(|| E::invalid_type(serde::de::Unexpected::Float(f), &self))
        }
    }
    reader.deserialize_any(Whole)
}

/// `serde_json`'s syntax errors, as it words them, and their keys.
const SYNTAX: [(&str, Key); 23] = [
    ("EOF while parsing a list", Key::JsonEofList),
    ("EOF while parsing an object", Key::JsonEofObject),
    ("EOF while parsing a string", Key::JsonEofString),
    ("EOF while parsing a value", Key::JsonEofValue),
    ("expected `:`", Key::JsonExpectedColon),
    ("expected `,` or `]`", Key::JsonExpectedListEnd),
    ("expected `,` or `}`", Key::JsonExpectedObjectEnd),
    ("expected ident", Key::JsonExpectedIdent),
    ("expected value", Key::JsonExpectedValue),
    ("expected `\"`", Key::JsonExpectedQuote),
    ("invalid escape", Key::JsonInvalidEscape),
    ("invalid number", Key::JsonInvalidNumber),
    ("number out of range", Key::JsonNumberOutOfRange),
    ("invalid unicode code point", Key::JsonInvalidUnicode),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        Key::JsonControlCharacter,
    ),
    ("key must be a string", Key::JsonKeyMustBeString),
    (
        "invalid value: expected key to be a number in quotes",
        Key::JsonInvalidKey,
    ),
    (
        "float key must be finite (got NaN or +/-inf)",
        Key::JsonInvalidKey,
    ),
    (
        "lone leading surrogate in hex escape",
        Key::JsonInvalidUnicode,
    ),
    ("trailing comma", Key::JsonTrailingComma),
    ("trailing characters", Key::JsonTrailingCharacters),
    ("unexpected end of hex escape", Key::JsonInvalidEscape),
    ("recursion limit exceeded", Key::JsonTooDeep),
];

/// The message for `serde_json`'s reason `detail` (without its place).
fn reason(detail: &str) -> Msg {
    if let Some((_, key)) = SYNTAX.iter().find(|(text, _)| *text == detail) {
        return Msg::new(*key);
    }
    let named = |prefix: &str| {
        detail
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix('`'))
            .map(str::to_owned)
    };
    if let Some(field) = named("missing field `") {
        return Msg::new(Key::JsonMissingField).arg("field", field);
    }
    if let Some(field) = named("duplicate field `") {
        return Msg::new(Key::JsonDuplicateField).arg("field", field);
    }
    let wrong = |prefix: &str, key: Key| {
        let rest = detail.strip_prefix(prefix)?;
        let (found, expected) = rest.rsplit_once(", expected ")?;
        Some(
            Msg::new(key)
                .msg("found", found_value(found))
                .msg("expected", expected_value(expected)),
        )
    };
    if let Some(msg) = wrong("invalid type: ", Key::JsonInvalidType) {
        return msg;
    }
    if let Some(msg) = wrong("invalid value: ", Key::JsonInvalidValue) {
        return msg;
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `")
        && let Some((value, _)) = rest.split_once('`')
    {
        return Msg::new(Key::JsonUnknownVariant).arg("value", value);
    }
    Msg::new(Key::Verbatim).arg("text", detail)
}

/// What `serde_json` found, as it words it (`integer `3``, `null`…).
fn found_value(found: &str) -> Msg {
    const KINDS: [(&str, Key); 4] = [
        ("boolean ", Key::JsonFoundBoolean),
        ("integer ", Key::JsonFoundInteger),
        ("floating point ", Key::JsonFoundFloat),
        ("string ", Key::JsonFoundString),
    ];
    for (prefix, key) in KINDS {
        if let Some(value) = found.strip_prefix(prefix) {
            return Msg::new(key).arg("value", value);
        }
    }
    match found {
        "null" => Msg::new(Key::JsonFoundNull),
        "sequence" => Msg::new(Key::JsonFoundList),
        "map" => Msg::new(Key::JsonFoundObject),
        other => Msg::new(Key::Verbatim).arg("text", other),
    }
}

/// What was expected, as `serde` words it (`a string`, `usize`, `struct
/// Label`…).
fn expected_value(expected: &str) -> Msg {
    let key = match expected {
        "a string" => Key::JsonWantString,
        "a boolean" => Key::JsonWantBoolean,
        "a sequence" => Key::JsonWantList,
        "a map" => Key::JsonWantObject,
        "a character" => Key::JsonWantCharacter,
        "u8" | "u16" | "u32" | "u64" | "usize" => Key::JsonWantWholeNumber,
        "f32" | "f64" => Key::JsonWantNumber,
        other if other.starts_with("struct ") => Key::JsonWantObject,
        other => return Msg::new(Key::Verbatim).arg("text", other),
    };
    Msg::new(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;

    fn error<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> serde_json::Error {
        parse::<T>(json).expect_err(json)
    }

    #[test]
    fn syntax_errors_read_as_serde_json_words_them_in_english() {
        for json in [
            "{",
            "[1,",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\":1,}",
            "nul",
            "\"a",
            "1 2",
            "{1:2}",
        ] {
            let error = error::<serde_json::Value>(json);
            assert_eq!(describe(&error).to_string(), error.to_string(), "{json}");
            let arabic = describe(&error).render(Lang::Ar);
            assert!(
                !arabic.contains("EOF") && !arabic.contains("expected"),
                "{arabic}"
            );
        }
    }

    #[test]
    fn shape_errors_name_the_field_and_the_types() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Shape {
            name: String,
            start: usize,
        }
        let missing = describe(&error::<Shape>(r#"{"name": "x"}"#));
        assert_eq!(
            missing.to_string(),
            "missing field `start` at line 1 column 13"
        );
        assert!(missing.render(Lang::Ar).contains("start"));
        let wrong = describe(&error::<Shape>(r#"{"name": 3, "start": 1}"#));
        assert_eq!(
            wrong.to_string(),
            "invalid type: integer `3`, expected a string at line 1 column 10"
        );
        let negative = describe(&error::<Shape>(r#"{"name": "x", "start": -1}"#));
        assert!(
            negative
                .to_string()
                .contains("expected a non-negative whole number")
        );
        assert!(!negative.render(Lang::Ar).contains("expected"));
    }
}
