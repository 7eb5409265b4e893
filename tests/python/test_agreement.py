"""Wasim's agreement measures equal independent implementations, to 1e-9.

The fixture ``target/python-fixtures/agreement.json`` is written by the Rust
test ``tests/agreement_fixtures.rs`` (``cargo test``, layer 1 of
``.ci/test-all``): 300 generated cases of two to four annotators on one to
four Arabic texts, each annotator's entities given as word indices
(inclusive end), with every number Wasim's ``compare`` (the code the browser
runs) gives for them.

Here each number is computed again from the entities alone:
- exact-span precision, recall, F1, overall and per label: seqeval
  (``classification_report`` on IOB2 sequences, default mode);
- partial-overlap precision, recall, F1: nervaluate's ``partial`` scheme;
- Cohen's kappa on token labels: scikit-learn's ``cohen_kappa_score`` and
  NLTK's ``AnnotationTask.kappa_pairwise``;
- Fleiss' kappa: statsmodels' ``fleiss_kappa``;
- Krippendorff's alpha (nominal): the ``krippendorff`` package and NLTK's
  ``AnnotationTask.alpha``.
A value Wasim reports as undefined (null) must be undefined (NaN or an
error) in the reference too.
"""

import json
import math
import warnings
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from nervaluate import Evaluator
from nltk.metrics.agreement import AnnotationTask
from seqeval.metrics import classification_report
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "target" / "python-fixtures" / "agreement.json"
TOL = 1e-9


def cases():
    if not FIXTURE.is_file():
        pytest.fail(f"{FIXTURE} is missing: run `cargo test --test agreement_fixtures` first")
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


CASES = cases() if FIXTURE.is_file() else []


def iob(words, entities):
    tags = ["O"] * words
    for start, end, label in entities:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end + 1):
            tags[i] = f"I-{label}"
    return tags


def token_labels(words, entities):
    labels = ["O"] * words
    for start, end, label in entities:
        for i in range(start, end + 1):
            labels[i] = label
    return labels


def same(wasim, reference):
    if wasim is None:
        return reference is None or (isinstance(reference, float) and math.isnan(reference))
    return reference is not None and abs(wasim - reference) <= TOL


def test_fixture_is_there_and_varied():
    assert len(cases()) == 300
    assert any(len(c["entities"]) >= 3 for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_token_labels_are_the_words_labels(case):
    for d, words in enumerate(case["words"]):
        for a, annotator in enumerate(case["entities"]):
            assert case["wasim"]["token_labels"][d][a] == token_labels(words, annotator[d])


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_exact_span_scores_equal_seqeval(case):
    for pair in case["wasim"]["pairs"]:
        ref, cand = case["entities"][pair["reference"]], case["entities"][pair["candidate"]]
        y_true = [iob(w, ref[d]) for d, w in enumerate(case["words"])]
        y_pred = [iob(w, cand[d]) for d, w in enumerate(case["words"])]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
        labels = {k for k in report if not k.endswith(" avg")}
        assert labels == set(pair["per_label"]), (labels, pair["per_label"].keys())
        for label in labels:
            for key in ("precision", "recall"):
                assert same(pair["per_label"][label][key], report[label][key]), (label, key)
            assert same(pair["per_label"][label]["f1"], report[label]["f1-score"]), label
        if labels:
            micro = report["micro avg"]
            assert same(pair["overall"]["precision"], micro["precision"])
            assert same(pair["overall"]["recall"], micro["recall"])
            assert same(pair["overall"]["f1"], micro["f1-score"])
        else:
            assert pair["overall"]["f1"] == 0


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_partial_scores_equal_nervaluate(case):
    tags = ["PER", "LOC", "ORG", "MISC"]
    for pair in case["wasim"]["pairs"]:
        ref, cand = case["entities"][pair["reference"]], case["entities"][pair["candidate"]]
        true = [iob(w, ref[d]) for d, w in enumerate(case["words"])]
        pred = [iob(w, cand[d]) for d, w in enumerate(case["words"])]
        result = Evaluator(true, pred, tags=tags, loader="list").evaluate()["overall"]["partial"]
        assert same(pair["partial"]["precision"], result.precision)
        assert same(pair["partial"]["recall"], result.recall)
        assert same(pair["partial"]["f1"], result.f1)


def all_token_labels(case):
    """Per annotator, every token's label over all documents."""
    out = []
    for annotator in case["entities"]:
        labels = []
        for d, words in enumerate(case["words"]):
            labels.extend(token_labels(words, annotator[d]))
        out.append(labels)
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_cohen_kappa_equals_sklearn_and_nltk(case):
    labels = all_token_labels(case)
    for pair in case["wasim"]["pairs"]:
        a, b = labels[pair["reference"]], labels[pair["candidate"]]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sk = cohen_kappa_score(a, b) if a else float("nan")
        assert same(pair["kappa"], sk), (pair["kappa"], sk)
        if pair["kappa"] is not None:
            task = AnnotationTask(data=[(c, i, l) for c, seq in (("a", a), ("b", b)) for i, l in enumerate(seq)])
            assert same(pair["kappa"], task.kappa_pairwise("a", "b"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_fleiss_kappa_equals_statsmodels(case):
    labels = all_token_labels(case)
    units = np.array(labels).T  # items × raters
    wasim = case["wasim"]["fleiss"]
    if len(units) == 0:
        assert wasim is None
        return
    table, _ = aggregate_raters(units)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = fleiss_kappa(table, method="fleiss")
    assert same(wasim, reference), (wasim, reference)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_krippendorff_alpha_equals_the_package_and_nltk(case):
    labels = all_token_labels(case)
    wasim = case["wasim"]["alpha"]
    codes = {l: i for i, l in enumerate(sorted({l for seq in labels for l in seq}))}
    if len(codes) < 2:
        # One category (or no token at all): alpha is undefined.
        assert wasim is None
        return
    data = np.array([[codes[l] for l in seq] for seq in labels], dtype=float)
    reference = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert same(wasim, reference), (wasim, reference)
    task = AnnotationTask(
        data=[(str(c), i, l) for c, seq in enumerate(labels) for i, l in enumerate(seq)]
    )
    assert same(wasim, task.alpha())
