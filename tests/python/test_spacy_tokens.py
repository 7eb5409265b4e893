"""spaCy itself reads Wasim's spaCy JSONL export.

The fixture ``target/python-fixtures/spacy.jsonl`` is written by the Rust
test ``tests/python_fixtures.rs`` (run ``cargo test`` first): the seed corpus
with spans after Arabic proclitics (العراق in بالعراق) and synthetic texts
with emoji, tashkeel, CRLF, tabs and bidi marks.

For every record, ``Doc(vocab, words, spaces)`` built from the exported
tokens must have exactly the record's text, and every span must be a strict
``char_span`` (offsets are code points, half-open, as Python's ``str``
counts) whose tokens are ``token_start`` .. ``token_end`` (inclusive).
"""

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "target" / "python-fixtures" / "spacy.jsonl"


def records():
    if not FIXTURE.is_file():
        pytest.skip(
            f"{FIXTURE} is missing: run `cargo test --test python_fixtures` first "
            "(it writes the spaCy export this test reads)"
        )
    with FIXTURE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("ar")


def test_fixture_has_spans_after_proclitics():
    recs = records()
    assert len(recs) >= 9
    inside = 0
    for record in recs:
        text = record["text"]
        for span in record["spans"]:
            if span["start"] > 0 and text[span["start"] - 1].isalpha():
                inside += 1
    assert inside > 20, f"only {inside} spans start inside a word"


def test_tokens_rebuild_the_text_and_spans_are_strict_char_spans(nlp):
    checked = 0
    for record in records():
        text = record["text"]
        tokens = record["tokens"]
        words = [t["text"] for t in tokens]
        spaces = [t["ws"] for t in tokens]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        assert doc.text == text, record.get("meta", {}).get("name")
        for token, exported in zip(doc, tokens):
            assert token.idx == exported["start"]
            assert token.idx + len(token.text) == exported["end"]
            assert token.text == text[exported["start"] : exported["end"]]
        for span in record["spans"]:
            start, end, label = span["start"], span["end"], span["label"]
            char_span = doc.char_span(start, end, label=label)
            where = f"{record.get('meta', {}).get('name')} [{start}, {end}) {text[start:end]!r}"
            assert char_span is not None, where
            assert char_span.text == text[start:end], where
            assert span["text"] == text[start:end], where
            assert char_span.start == span["token_start"], where
            assert char_span.end - 1 == span["token_end"], where
            assert char_span.label_ == label
            checked += 1
    assert checked > 100, f"only {checked} spans checked"
