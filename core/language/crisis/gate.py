"""Which patterns are worth trying on a clause: a word index over their literals.

Every match of a pattern contains one of its literal words, or a word that starts with one
(for stems written `think\\w*`), so a clause sharing none of them cannot match. Trying only
the rest keeps detection well under a millisecond; a test proves nothing is skipped.
"""

from __future__ import annotations

import re

from core.language.crisis.constructs import Pattern
from core.language.crisis.lexicon import words

# Words so common that indexing patterns by them would select nearly every pattern.
_COMMON = words(
    "about all also am an and any are as at be been being by can did do does even for from "
    "get going got had has have he her him his how if in into is it its just like me more my "
    "no not of on one or really she so some still than that the their them then there they "
    "this to too up very want was what when will with would you your"
)


class WordGate:
    """Patterns, compiled, and the few of them that could match a given clause."""

    def __init__(self, patterns: tuple[Pattern, ...]) -> None:
        self.patterns = [(p, re.compile(p.regex)) for p in patterns]
        self._index: dict[str, list[int]] = {}
        self._always: list[int] = []
        for i, pattern in enumerate(patterns):
            literals = _literals(pattern.regex)
            if not literals:
                self._always.append(i)
            for word in literals:
                self._index.setdefault(word, []).append(i)
        self._longest = max(len(word) for word in self._index)

    def candidates(self, clause: str) -> list[tuple[Pattern, re.Pattern[str]]]:
        chosen = set(self._always)
        for token in clause.split():
            for end in range(2, min(len(token), self._longest) + 1):
                chosen.update(self._index.get(token[:end], ()))
        return [self.patterns[i] for i in sorted(chosen)]


def _literals(regex: str) -> set[str]:
    plain = re.sub(r"\\[a-zA-Z]|\{[^}]*\}|\[[^\]]*\]", " ", regex)
    plain = re.sub(r"[a-z0-9]\?", " ", plain)  # an optional letter is no literal
    return {w for w in re.findall(r"[a-z0-9]+", plain) if len(w) >= 2} - _COMMON
