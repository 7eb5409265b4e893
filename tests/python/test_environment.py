"""The Python test layer's own check: the venv has what tests/python needs.

Runs without any fixture from the Rust tests and without downloading a
spaCy model (a blank pipeline is only the rule-based tokenizer).
"""

import spacy


def test_spacy_is_the_pinned_series():
    assert spacy.__version__.startswith("3.8."), spacy.__version__


def test_blank_arabic_pipeline_tokenizes_offline():
    nlp = spacy.blank("ar")
    doc = nlp("زار علي بغداد.")
    assert [t.text for t in doc] == ["زار", "علي", "بغداد", "."]
    # Character offsets are code points, as in Wasim.
    assert [t.idx for t in doc] == [0, 4, 8, 13]
