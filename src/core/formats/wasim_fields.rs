//! The fields of a Wasim JSON file this version does not read: a file
//! written by a newer Wasim, or edited by hand. They are not kept (Wasim's
//! model has no place for them), so the import says which were left out,
//! where (the file, its labels, its documents, their spans), instead of
//! dropping them without a word.
//!
//! Both readers report to [`Unknown`]: the whole-file one from its parsed
//! `Value`, the one that reads a document at a time from each document's
//! bytes ([`Unknown::document_json`], keys only: values are skipped).

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::core::i18n::{Arg, Key, Msg};
use crate::core::sort;

/// The fields the file's top level has.
pub const FILE: [&str; 5] = ["format", "version", "labels", "documents", "open"];
/// The fields a label has.
const LABEL: [&str; 4] = ["name", "color", "key", "description"];
/// The fields a document has.
const DOCUMENT: [&str; 7] = [
    "name",
    "text",
    "done",
    "spans",
    "source",
    "annotator",
    "team",
];
/// The fields a span has.
const SPAN: [&str; 8] = [
    "start",
    "end",
    "label",
    "text",
    "note",
    "entity_id",
    "annotators",
    "accepted",
];

/// Where an unknown field was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    File,
    Label,
    Document,
    Span,
}

/// The unknown fields met so far, each name once per place.
#[derive(Debug, Default)]
pub struct Unknown(Vec<(Place, String)>);

impl Unknown {
    fn note(&mut self, place: Place, known: &[&str], key: &str) {
        if !known.contains(&key) && !self.0.iter().any(|(p, k)| *p == place && k == key) {
            self.0.push((place, key.to_owned()));
        }
    }

    /// The top-level fields' names.
    pub fn file_keys<'a>(&mut self, keys: impl IntoIterator<Item = &'a str>) {
        for key in keys {
            self.note(Place::File, &FILE, key);
        }
    }

    /// The labels, as parsed.
    pub fn labels(&mut self, labels: &[Value]) {
        for key in labels
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|l| l.keys())
        {
            self.note(Place::Label, &LABEL, key);
        }
    }

    /// A document, as parsed.
    pub fn document(&mut self, doc: &Value) {
        let Some(doc) = doc.as_object() else {
            return;
        };
        for key in doc.keys() {
            self.note(Place::Document, &DOCUMENT, key);
        }
        let spans = doc.get("spans").and_then(Value::as_array);
        for span in spans.into_iter().flatten().filter_map(Value::as_object) {
            for key in span.keys() {
                self.note(Place::Span, &SPAN, key);
            }
        }
    }

    /// The whole file, as parsed.
    pub fn file(&mut self, file: &Value) {
        let Some(top) = file.as_object() else {
            return;
        };
        self.file_keys(top.keys().map(String::as_str));
        if let Some(labels) = top.get("labels").and_then(Value::as_array) {
            self.labels(labels);
        }
        for doc in top
            .get("documents")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.document(doc);
        }
    }

    /// A document's JSON text (already read, so valid): its keys and its
    /// spans' keys, every value skipped.
    pub fn document_json(&mut self, json: &[u8]) {
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let _ = deserializer.deserialize_map(DocumentKeys(self));
    }

    /// The warning naming the fields left out of `file`, if any.
    pub fn warning(&self, file: &str) -> Option<Msg> {
        if self.0.is_empty() {
            return None;
        }
        // By place, in the file's order (both readers meet them in
        // another order), then as met.
        let mut met: Vec<&(Place, String)> = self.0.iter().collect();
        sort::sort_by_key(&mut met, |(place, _)| *place);
        let fields = met
            .into_iter()
            .map(|(place, key)| {
                let place = match place {
                    Place::File => Key::FieldOfFile,
                    Place::Label => Key::FieldOfLabels,
                    Place::Document => Key::FieldOfDocuments,
                    Place::Span => Key::FieldOfSpans,
                };
                Arg::Msg(Msg::new(place).quoted("field", key.as_str()))
            })
            .collect();
        Some(
            Msg::new(Key::WasimUnknownFields)
                .arg("file", file)
                .with("fields", Arg::List(fields)),
        )
    }
}

/// Reads a document's keys into [`Unknown`], and its spans' keys.
struct DocumentKeys<'a>(&'a mut Unknown);

impl<'de> Visitor<'de> for DocumentKeys<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(spans) = map.next_key_seed(KeyNote(&mut *self.0, Place::Document))? {
            if spans {
                map.next_value_seed(SpansKeys(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// Reads the keys of a document's spans into [`Unknown`].
struct SpansKeys<'a>(&'a mut Unknown);

impl<'de> serde::de::DeserializeSeed<'de> for SpansKeys<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SpansKeys<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("spans")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(SpanKeys(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Reads one span's keys into [`Unknown`].
struct SpanKeys<'a>(&'a mut Unknown);

impl<'de> serde::de::DeserializeSeed<'de> for SpanKeys<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SpanKeys<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a span")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map
            .next_key_seed(KeyNote(&mut *self.0, Place::Span))?
            .is_some()
        {
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

/// Notes one key met at `place`, without copying it (a copy of every key
/// of every span made the scan cost a fifth of an import); says whether it
/// is `spans`.
struct KeyNote<'a>(&'a mut Unknown, Place);

impl<'de> serde::de::DeserializeSeed<'de> for KeyNote<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyNote<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, key: &str) -> Result<bool, E> {
        let known: &[&str] = match self.1 {
            Place::Span => &SPAN,
            _ => &DOCUMENT,
        };
        self.0.note(self.1, known, key);
        Ok(key == "spans")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_readers_name_the_same_fields() {
        let doc = r#"{"name": "a", "text": "نص", "x_doc": 1, "spans": [{"start": 0, "end": 2, "label": "PER", "text": "نص", "conf": 0.9}, {"start": 0, "end": 1, "label": "L", "text": "ن", "conf": 1}]}"#;
        let file = format!(
            r##"{{"format": "wasim", "version": 2, "x_top": true, "labels": [{{"name": "PER", "color": "#ffc38a", "shade": 1}}], "documents": [{doc}]}}"##
        );
        let mut whole = Unknown::default();
        whole.file(&serde_json::from_str(&file).expect("json"));
        let mut stepped = Unknown::default();
        stepped.file_keys(["format", "version", "x_top", "labels", "documents"]);
        stepped.labels(
            &serde_json::from_str::<Vec<Value>>(
                r##"[{"name": "PER", "color": "#ffc38a", "shade": 1}]"##,
            )
            .expect("json"),
        );
        stepped.document_json(doc.as_bytes());
        let said = |u: &Unknown| {
            u.warning("w.json")
                .map(|m| m.to_string())
                .unwrap_or_default()
        };
        let mut names: Vec<&str> = whole.0.iter().map(|(_, k)| k.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["conf", "shade", "x_doc", "x_top"]);
        let (a, b) = (said(&whole), said(&stepped));
        for field in ["x_top", "shade", "x_doc", "conf"] {
            assert!(a.contains(field) && b.contains(field), "{a}\n{b}");
        }
        assert!(a.contains("w.json"), "{a}");
        assert_eq!(Unknown::default().warning("w.json"), None);
    }
}
