"""The crisis detector: whose risk a message shows, if anyone's. Pure: no state, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from core.crisis import context
from core.crisis.constructs import ALARM_WORDS, PATTERNS, Construct, Pattern, Person
from core.crisis.lexicon import CLOSE_PEOPLE, FIRST_PERSON, THIRD_PERSON, THIRD_PRONOUNS
from core.crisis.scorer import Scorer
from core.crisis.scorer import features as text_features
from core.crisis.spelling import Speller


class Concern(Enum):
    """Whose risk the message shows."""

    SELF = "self"  # the writer's own: the crisis lines first
    OTHER = "other"  # someone the writer is worried about: how to help, and lines that take such calls


@dataclass(frozen=True)
class Finding:
    construct: Construct
    person: Person  # WRITER or OTHER once attributed
    weak: bool
    completed: bool = False  # someone else's death that already happened: grief, not worry


@dataclass(frozen=True)
class Assessment:
    concern: Concern | None
    findings: tuple[Finding, ...] = ()
    score: float = 0.0  # the learned scorer's probability that the writer is at risk

    @property
    def crisis(self) -> bool:
        return self.concern is Concern.SELF


NO_CONCERN = Assessment(None)
SCORER_MIN_WORDS = 4  # "pray", "divorce": a lookup word is no sentence to judge a person by


def key_words() -> set[str]:
    """Every plain word the patterns spell out: what a typo is corrected toward."""
    words: set[str] = set()
    for pattern in PATTERNS:
        words.update(w for w in re.findall(r"[a-z]{4,}", pattern.regex) if w.isalpha())
    words.update(re.findall(r"[a-z]{4,}", ALARM_WORDS))
    words.update({"suicide", "suicidal", "myself", "kill", "want", "pills", "glock", "noose"})
    words.update({"die", "gun", "end", "dead", "off"})
    words.update(w for w in CLOSE_PEOPLE if len(w) >= 5)
    return words


class CrisisDetector:
    """Reads a message for suicidal risk: the writer's own, someone else's, or none."""

    def __init__(self, known_words: Iterable[str], scorer: Scorer | None = None) -> None:
        self.known_words = tuple(known_words)
        self._speller = Speller(self.known_words, key_words())
        self.known_word_set = frozenset(self.known_words)
        self._patterns = [(p, re.compile(p.regex)) for p in PATTERNS]
        self._index, self._always = _index_by_word(PATTERNS)
        self._alarm = re.compile(ALARM_WORDS)
        self._work = re.compile(context.WORK)
        self._work_loose = re.compile(context.WORK_LOOSE)
        self._topical = re.compile(context.TOPICAL)
        self._concern = re.compile(context.CONCERN)
        self._signs = re.compile(context.WARNING_SIGNS)
        self._speech = re.compile(context.SPEECH)
        self._completed = re.compile(context.COMPLETED)
        self._still = re.compile(context.STILL_AT_RISK)
        self._close = re.compile(context.CLOSE)
        self._someone = re.compile(context.SOMEONE)
        self._grief = re.compile(context.GRIEF)
        self._scorer = scorer

    def is_crisis(self, text: str) -> bool:
        return self.assess(text).crisis

    def canonical(self, text: str) -> list[str]:
        return self._speller.clauses(text)

    def assess(self, text: str) -> Assessment:
        """Whose risk `text` shows. Where a typo reads two ways, the more worrying reading wins."""
        readings = self._speller.readings_of(text)
        if not readings[0]:
            return NO_CONCERN
        first = self._assess(readings[0])
        for clauses in readings[1:]:
            if first.crisis:
                break
            other = self._assess(clauses)
            if other.crisis or (first.concern is None and other.concern is not None):
                first = other
        return first

    def _assess(self, clauses: list[str]) -> Assessment:
        whole = " . ".join(clauses)
        findings = self._findings(clauses)
        score = 0.0
        if self._scorer is not None:
            score = self._scorer.score(self._features(whole, findings))
        return Assessment(self._decide(whole, findings, score), tuple(findings), score)

    def features(self, text: str) -> frozenset[str]:
        """What the learned scorer sees of a message (for training it)."""
        clauses = self._speller.clauses(text)
        whole = " . ".join(clauses)
        return self._features(whole, self._findings(clauses))

    def _features(self, whole: str, findings: list[Finding]) -> frozenset[str]:
        """Words and character n-grams, plus what the rules read: constructs and context."""
        extra = {
            f"r:{f.construct.value}:{f.person.value}{':weak' if f.weak else ''}" for f in findings
        }
        for name, regex in (("work", self._work), ("topic", self._topical), ("close", self._close)):
            if regex.search(whole):
                extra.add(f"ctx:{name}")
        return frozenset(text_features(whole)) | extra

    # ---- reading -----------------------------------------------------------------------

    def _findings(self, clauses: list[str]) -> list[Finding]:
        found: list[Finding] = []
        previous: Person | None = None
        for clause in clauses:
            for pattern, regex in self._candidates(clause):
                for match in regex.finditer(clause):
                    person = self._attribute(pattern.person, clause, match, previous)
                    completed = person is Person.OTHER and self._is_completed(clause, match)
                    found.append(Finding(pattern.construct, person, pattern.weak, completed))
            mirrored = _as_first_person(clause)
            if mirrored is not None:
                found.extend(self._mirrored(clause, mirrored))
            for match in self._alarm.finditer(clause):
                person = self._attribute(Person.INFER, clause, match, previous)
                completed = person is Person.OTHER and self._is_completed(clause, match)
                found.append(Finding(Construct.ALARM_WORD, person, True, completed))
            previous = _subject(clause.split()) or previous
        return found

    def _candidates(self, clause: str) -> list[tuple[Pattern, re.Pattern[str]]]:
        """The patterns that could match: those sharing a word (or a word's stem) with the clause."""
        chosen = set(self._always)
        for token in clause.split():
            for end in range(2, len(token) + 1):
                chosen.update(self._index.get(token[:end], ()))
        return [self._patterns[i] for i in sorted(chosen)]

    def _mirrored(self, clause: str, mirrored: str) -> list[Finding]:
        """Someone else's risk, found by reading "he says he wants to die" as "i want to die"."""
        found: list[Finding] = []
        for pattern, regex in self._candidates(mirrored):
            if pattern.person is Person.OTHER:
                continue
            for match in regex.finditer(mirrored):
                if regex.search(clause) is not None and match.group() in clause:
                    continue  # said in the clause as it stands: already attributed
                completed = self._is_completed(mirrored, match)
                found.append(Finding(pattern.construct, Person.OTHER, pattern.weak, completed))
        return found

    def _attribute(
        self, person: Person, clause: str, match: re.Match[str], previous: Person | None
    ) -> Person:
        """Whose risk a match states: the pattern's own person, else who the clause is about."""
        before = clause[: match.start()].split()
        inside = match.group().split()
        if person is Person.OTHER:
            return Person.OTHER
        if " ".join(before[-5:]).endswith(("i am the one who", "i am the one that", "i am one who")):
            return Person.WRITER
        speaker, said = self._speaker(before)
        if speaker is Person.OTHER:
            # "she says the kids are better off without me": a "me" inside is still the writer
            return Person.WRITER if any(w in _WRITER_OBJECTS for w in inside) else Person.OTHER
        if said is not None:
            before = said  # reported speech ended at "but", "and": who speaks after it
        if person is Person.WRITER:
            return Person.OTHER if _subject(before, nouns=False) is Person.OTHER else Person.WRITER
        if any(w in FIRST_PERSON for w in inside):
            return Person.WRITER
        if any(w in THIRD_PRONOUNS for w in inside) or inside[0] in _THIRD_VERBS:
            return Person.OTHER
        return _subject(before) or (previous if not before else None) or Person.WRITER

    def _speaker(self, before: list[str]) -> tuple[Person | None, list[str] | None]:
        """Someone else speaking: "he keeps saying ...", "caller states ...".

        Returns who speaks, and, where the reported words ended at a "but" or "and", the words
        after that point (they are the writer's again unless they name someone).
        """
        text = " ".join(before)
        for speech in reversed(list(self._speech.finditer(text))):
            speaker = text[: speech.start()].split()
            named = _subject(speaker + [speech.group().split()[0]])
            if named is None and any(w in THIRD_PERSON for w in speaker[-4:]):
                named = Person.OTHER
            if named is not Person.OTHER:
                continue
            after = text[speech.end() :].split()
            for i in range(len(after) - 1, -1, -1):
                following = after[i + 1] if i + 1 < len(after) else ""
                if after[i] in _BOUNDARIES or (after[i] in _AND_I and following == "i"):
                    return None, after[i + 1 :]
            return Person.OTHER, None
        return None, None

    def _is_completed(self, clause: str, match: re.Match[str]) -> bool:
        return bool(self._completed.search(match.group())) and not self._still.search(clause)

    # ---- deciding ----------------------------------------------------------------------

    def _decide(self, whole: str, findings: list[Finding], score: float) -> Concern | None:
        """The rules' route, unless the learned scorer is confident the writer is at risk."""
        route = self._route(whole, findings)
        confident = (
            self._scorer is not None
            and score >= self._scorer.threshold
            and len(whole.split()) >= SCORER_MIN_WORDS
        )
        return Concern.SELF if confident else route

    def _route(self, whole: str, findings: list[Finding]) -> Concern | None:
        writer = [f for f in findings if f.person is Person.WRITER]
        other = [
            f
            for f in findings
            if f.person is Person.OTHER and not f.completed and f.construct is not Construct.ALARM_WORD
        ]
        work = bool(self._work.search(whole) or self._topical.search(whole))
        close = bool(self._close.search(whole))
        if any(not f.weak for f in writer):
            return Concern.SELF
        writer_alarm = any(f.construct is Construct.ALARM_WORD for f in writer)
        writer_weak = any(f.construct is not Construct.ALARM_WORD for f in writer)
        someone = close or bool(self._someone.search(whole))
        worry = someone and bool(self._concern.search(whole))
        if writer_weak and not work and not other and not worry:
            return Concern.SELF
        if writer_alarm and not other and not worry and not self._topical_alarm(whole):
            return Concern.SELF
        signs = bool(self._signs.search(whole))
        if other or (someone and signs and (worry or not writer)):
            if work and not close:
                return None
            if not other and self._grief.search(whole) and not self._still.search(whole):
                return None
            return Concern.OTHER
        return None

    def _topical_alarm(self, whole: str) -> bool:
        return bool(self._topical.search(whole) or self._work_loose.search(whole))


_WRITER_OBJECTS = frozenset({"me", "my", "myself", "mine"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
_VERBISH = frozenset(
    ["wants", "wanted", "said", "says", "is", "was", "keeps", "kept", "has", "had", "seems", "seemed", "would", "will", "thinks", "thought", "told", "texted", "talks", "talked", "can", "could", "might", "just", "never", "always", "already", "does", "did", "doesnt", "feels", "felt", "sounds", "sounded", "started", "stopped", "gave", "left", "wrote", "called", "sent", "acts", "acted", "looks", "needs", "needed", "tried", "tries", "hopes", "wishes", "wished", "hoped", "believes", "believed", "asked", "asks", "been"]
)


_THIRD_VERBS = frozenset(
    ["wants", "wishes", "hopes", "needs", "plans", "deserves", "prays", "keeps", "says", "talks", "thinks", "threatens"]
)
_MIRROR = {
    "he": "i", "she": "i", "they": "i", "him": "me", "them": "me", "his": "my", "their": "my",
    "himself": "myself", "herself": "myself", "themselves": "myself", "themself": "myself",
    "hes": "i am", "shes": "i am",
}
_AFTER_SUBJECT = {"is": "am", "are": "am", "has": "have", "does": "do", "were": "was"}
_ENDS_CLAUSE = frozenset(["and", "but", "so", "or", "to", "for", "with", "at", "in", "on", "about", "of", "from", ".", "if", "when"])


def _as_first_person(clause: str) -> str | None:
    """ "he says he wants to die" → "i say i want to die"; None when nobody else is named."""
    words = clause.split()
    if not any(w in _MIRROR or w == "her" for w in words):
        return None
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "her":
            following = words[i + 1] if i + 1 < len(words) else ""
            out.append("me" if not following or following in _ENDS_CLAUSE else "my")
            continue
        previous = words[i - 1] if i else ""
        if previous in {"he", "she", "they"}:
            if word in _AFTER_SUBJECT:
                out.append(_AFTER_SUBJECT[word])
                continue
            if word in _THIRD_VERBS or word in {"says", "seems", "feels", "gets", "goes"}:
                out.append(word[:-2] if word.endswith(("shes", "sses")) else word[:-1])
                continue
        out.append(_MIRROR.get(word, word))
    return " ".join(out)


_RELATIVE_VERBS = frozenset(["work", "know", "ride", "trained", "met", "served", "used", "supervise"])
_BOUNDARIES = frozenset({"but", "though", "although", "yet"})
_AND_I = frozenset({"and", "so", "because", "while"})  # a boundary only before "i"
_PREPOSITIONS = frozenset({"to", "with", "for", "from", "at", "of", "about", "by"})


def _subject(words: list[str], *, nouns: bool = True) -> Person | None:
    """The nearest subject before a phrase: "i", "he/she/they", or someone named before a verb."""
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word == "i":
            following = words[i + 1] if i + 1 < len(words) else ""
            if i and following in _RELATIVE_VERBS and words[i - 1] not in {"and", "but", "so"}:
                return Person.OTHER  # "a co i work with is ...": the co is the subject
            return Person.WRITER
        if word in {"who", "whos"} or (word == "mine" and i and words[i - 1] == "of"):
            return Person.OTHER
        if word in _SUBJECT_PRONOUNS:
            return Person.OTHER
        if nouns and word in THIRD_PERSON and word not in THIRD_PRONOUNS:
            if any(w in _PREPOSITIONS for w in words[max(0, i - 2) : i]):
                continue  # "handed my gear to the rookie": an object, not a subject
            following = words[i + 1] if i + 1 < len(words) else ""
            if following in _VERBISH or following in {"who", "that"}:
                return Person.OTHER
    return None


# Words so common that indexing patterns by them would select nearly every pattern.
_COMMON = frozenset(
    ["to", "my", "me", "it", "is", "of", "on", "in", "the", "and", "for", "at", "be", "am", "do", "not", "can", "will", "would", "that", "this", "with", "was", "have", "just", "so", "if", "all", "up", "no", "he", "she", "they", "his", "her", "him", "them", "their", "what", "how", "when", "get", "got", "going", "want", "about", "like", "your", "you", "an", "or", "as", "by", "an", "are", "has", "had", "did", "does", "from", "its", "been", "being", "any", "some", "one", "more", "than", "then", "there", "too", "very", "into", "also", "even", "still", "really"]
)


def _index_by_word(patterns: tuple[Pattern, ...]) -> tuple[dict[str, list[int]], list[int]]:
    """Each literal word of each pattern → the patterns it appears in.

    Every match of a pattern contains one of its literal words, or a word that starts with
    one (for stems written `think\\w*`), so a clause sharing none of them cannot match.
    Patterns with no such literal (beyond the commonest words) are always tried.
    """
    index: dict[str, list[int]] = {}
    always: list[int] = []
    for i, pattern in enumerate(patterns):
        plain = re.sub(r"\\[a-zA-Z]|\{[^}]*\}|\[[^\]]*\]", " ", pattern.regex)
        plain = re.sub(r"[a-z0-9]\?", " ", plain)  # an optional letter is no literal
        literals = {w for w in re.findall(r"[a-z0-9]+", plain) if len(w) >= 2} - _COMMON
        if not literals:
            always.append(i)
        for word in literals:
            index.setdefault(word, []).append(i)
    return index, always


