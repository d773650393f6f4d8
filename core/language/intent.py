"""What a lookup asks for beyond its topic words: a plain plea for help, and what the
asker does not want ("a cop, not a shrink").

A plea carries no topic ("i need help", "struggling bad rn", "who do i call"): it is
answered with the people who talk to officers, never with whatever programme happens to
mention "help". Negated words are taken out of the query and count against entries that
are about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.language.text import fold, normalize
from core.language.word_classes import ASKERS, KINDS_OF_HELP, PLEA_CUES, PLEA_FILLER

_NEGATORS = frozenset(
    {"not", "no", "without", "isnt", "arent", "dont", "instead", "nobody", "noone"}
)
_NEGATION_ENDS = frozenset({"but", "just", "and", "or", "i", "im", "we"})
# Words between a negator and what it turns down that do not use up its reach: "dont want
# anyone from my dept knowing" turns down the department.
_NEGATION_SKIP = frozenset(
    {"a", "an", "the", "to", "want", "wanna", "need", "some", "any", "anyone", "anybody",
     "from", "my", "our", "at", "in", "through", "involving"}
)  # fmt: skip
# Words that go with the kind of help before them: "no peer team", "not the eap program".
_COMPANIONS = frozenset(
    {"team", "teams", "unit", "program", "programs", "programme", "line", "lines", "group",
     "groups", "services", "people", "guys", "stuff"}
)  # fmt: skip
_ASKS = frozenset({"want", "wanna", "need", "prefer", "rather"})
_CLAUSE_BREAK = re.compile(r"[,;:!?]|\.(?!\d)")
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
    clauses = _CLAUSE_BREAK.split(fold(query))  # a refusal ends with its clause
    words = " , ".join(normalize(clause) for clause in clauses).split()
    kept: list[str | None] = []  # None where a turned-down word was
    negated: list[str] = []
    reach = 0
    refused = False  # whether the current negator has turned something down yet
    for word in words:
        if word in _NEGATORS:
            reach, refused = NEGATION_REACH, False
            continue
        if reach and (word in _NEGATION_ENDS or word == "," or (refused and word in _ASKS)):
            reach = 0  # "no chaplain, want a counselor": the second want is a new ask
        if reach:
            if word in KINDS_OF_HELP or (word in _COMPANIONS and kept[-1:] == [None]):
                negated.append(word)  # "no peer team": the team goes with the peer
                kept.append(None)
                refused = True
                reach -= 1
                continue
            if word not in _NEGATION_SKIP:
                reach -= 1
        if word != ",":
            kept.append(word)
    left = [w for w in kept if w is not None]
    plain = [w for w in words if w != ","]
    if negated and set(left).isdisjoint(KINDS_OF_HELP):
        # read in what is left once the refusals are out: "not religious, just want to
        # talk" is a plea that turns down a chaplain ("talk to a cop, not a shrink" is not:
        # it asks for a kind of help)
        plain = left
    cued = any(w in PLEA_CUES for w in plain)
    plea = cued and all(w in PLEA_CUES or w in PLEA_FILLER for w in plain)
    return Intent(plea, cued, tuple(negated), tuple(left))


def asker(query: str) -> str | None:
    """The audience the asker names ("dispatcher here, need to talk": "dispatchers")."""
    return next((ASKERS[w] for w in normalize(query).split() if w in ASKERS), None)
