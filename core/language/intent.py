"""What a lookup asks for beyond its topic words: a plain plea for help, and what the
asker does not want ("a cop, not a shrink").

A plea carries no topic ("i need help", "struggling bad rn", "who do i call"): it is
answered with the people who talk to officers, never with whatever programme happens to
mention "help". Negated words are taken out of the query and count against entries that
are about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.language.text import normalize
from core.language.word_classes import KINDS_OF_HELP, PLEA_CUES, PLEA_FILLER

_NEGATORS = frozenset({"not", "no", "without", "isnt", "arent", "dont", "instead"})
_NEGATION_ENDS = frozenset({"but", "just", "and", "or", "i", "im", "we"})
_NEGATION_SKIP = frozenset({"a", "an", "the", "to", "want", "wanna", "need", "some", "any"})
NEGATION_REACH = 3  # words after a negator that it can cover


@dataclass(frozen=True)
class Intent:
    plea: bool = False
    cued: bool = False  # a word pleas are made of ("help", "talk", "anyone", "rough")
    negated: tuple[str, ...] = ()  # words the asker does not want, as typed (normalised)
    kept: tuple[str, ...] = ()  # the query's words with the negated ones taken out


@lru_cache(maxsize=1024)
def read_intent(query: str) -> Intent:
    """The plea and negation reading of `query` (cached: a lookup asks for it several times)."""
    words = normalize(query).replace(",", " , ").split()
    kept: list[str] = []
    negated: list[str] = []
    reach = 0
    for word in words:
        if word in _NEGATORS:
            reach = NEGATION_REACH
            continue
        if reach and (word in _NEGATION_ENDS or word == ","):
            reach = 0
        if reach:
            reach -= 1
            if word in KINDS_OF_HELP:
                negated.append(word)
                continue
        if word != ",":
            kept.append(word)
    plain = [w for w in words if w != ","]
    if negated and set(kept).isdisjoint(KINDS_OF_HELP):
        # read in what is left once the refusals are out: "not religious, just want to
        # talk" is a plea that turns down a chaplain ("talk to a cop, not a shrink" is not:
        # it asks for a kind of help)
        plain = kept
    cued = any(w in PLEA_CUES for w in plain)
    plea = cued and all(w in PLEA_CUES or w in PLEA_FILLER for w in plain)
    return Intent(plea, cued, tuple(negated), tuple(kept))
