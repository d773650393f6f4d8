"""The detector on its labelled corpus: figures per split, typos, and the pattern gate.

The held-out files were written by separate authors and are never used to tune patterns
or to train the scorer; the floors here guard against regressions (the issue's targets
and the current figures are in bench/RESULTS.md).
"""

from __future__ import annotations

import os
import random
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bench.corpus import Example, load_corpus
from core.datafiles.loader import Bundle
from core.language.crisis import CrisisDetector
from core.language.crisis.detector import key_words
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus" / "crisis"
TRAIN = load_corpus(CORPUS, ["train"])
HELDOUT = load_corpus(CORPUS, ["heldout"])


def _route(detector: CrisisDetector, text: str) -> str:
    concern = detector.assess(text).concern
    return concern.value if concern is not None else "none"


def _figures(detector: CrisisDetector, examples: list[Example]) -> dict[str, float]:
    routes = [(e.label, _route(detector, e.text)) for e in examples]

    def share(label: str, got: str) -> float:
        of_label = [g for lab, g in routes if lab == label]
        return sum(g == got for g in of_label) / len(of_label)

    return {
        "recall": share("self", "self"),
        "false_alarms": share("none", "self"),
        "other_routed": share("other", "other"),
        "other_as_self": share("other", "self"),
    }


def test_the_corpus_is_as_large_as_the_issue_asks() -> None:
    everything = TRAIN + HELDOUT
    counts = {
        label: sum(e.label == label for e in everything) for label in ("self", "none", "other")
    }
    assert counts["self"] >= 400 and counts["none"] >= 400 and counts["other"] >= 150
    assert len(HELDOUT) >= 250
    assert not {e.text.lower() for e in TRAIN} & {e.text.lower() for e in HELDOUT}


def test_train_split_figures(bundle: Bundle) -> None:
    figures = _figures(bundle.detector, TRAIN)
    assert figures["recall"] >= 0.99
    assert figures["false_alarms"] <= 0.01
    assert figures["other_routed"] >= 0.98
    assert figures["other_as_self"] <= 0.01


def test_heldout_split_figures(bundle: Bundle) -> None:
    """Floors a little under the figures in bench/RESULTS.md; issue 9's targets are recall
    >= 98%, false alarms on work talk <= 5%, worry about someone routed right >= 90%."""
    figures = _figures(bundle.detector, HELDOUT)
    assert figures["recall"] >= 0.98
    assert figures["false_alarms"] <= 0.04
    assert figures["other_routed"] >= 0.90
    assert figures["other_as_self"] <= 0.08


def test_the_word_gate_never_skips_a_pattern_that_matches(bundle: Bundle) -> None:
    """Patterns are tried only when the clause shares a word with them: prove it loses nothing."""
    detector = bundle.detector
    for example in TRAIN + HELDOUT:
        for clause in detector.canonical(example.text):
            chosen = {id(regex) for _, regex in detector.gate.candidates(clause)}
            for pattern, regex in detector.gate.patterns:
                if regex.search(clause):
                    assert id(regex) in chosen, (pattern.regex[:60], clause)


FLAGGED = [e.text for e in TRAIN + HELDOUT if e.label == "self"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edit(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    match rng.randrange(4):
        case 0:
            return word[:i] + word[i + 1 :]
        case 1:
            return word[:i] + rng.choice(LETTERS) + word[i:]
        case 2:
            return word[:i] + rng.choice(LETTERS) + word[i + 1 :]
        case _:
            i = min(i, len(word) - 2)
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


KEYS = frozenset(k for k in key_words() if len(k) >= 4)


@settings(
    max_examples=int(os.environ.get("WELLCHECK_TYPO_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(index=st.integers(0, len(FLAGGED) - 1), seed=st.integers(0, 2**32 - 1))
def test_one_typo_in_a_key_word_is_still_flagged(bundle: Bundle, index: int, seed: int) -> None:
    """Any flagged corpus message with one edit (drop, add, change or swap a letter) in one of
    its key words is still flagged, when the edit makes a non-word (a real word is another
    message: "kill" → "bill")."""
    detector = bundle.detector
    text = FLAGGED[index]
    assume(detector.is_crisis(text))
    rng = random.Random(seed)
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in KEYS]
    assume(words)
    word = rng.choice(words)
    typo = _edit(word.lower(), rng)
    assume(typo != word.lower() and len(typo) >= 3 and typo not in detector.known_word_set)
    edited = re.sub(rf"\b{re.escape(word)}\b", typo, text, count=1)
    assert detector.is_crisis(edited), (text, edited)
