"""The crisis detector: whose risk a message shows, if anyone's. Pure: no state, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
    OTHER = (
        "other"  # someone the writer is worried about: how to help, and lines that take such calls
    )


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
    other_score: float = 0.0  # ... that the writer is worried about someone else

    @property
    def crisis(self) -> bool:
        return self.concern is Concern.SELF


@dataclass(frozen=True)
class Context:
    """What surrounds the risky words of a message (see `context`)."""

    work: bool  # dispatch, corrections, training, reports, or suicide as a topic
    topical: bool  # prevention, statistics, loss: suicide as a subject
    work_loose: bool  # enough to read a bare "suicide" as work ("we had a suicide on nights")
    close: bool  # someone the writer knows: "my partner", "a co i work with"
    someone: bool  # anyone else as a subject
    help: bool  # asking how to help someone
    worry: bool  # worry said outright about someone
    public: bool  # a caller, subject, inmate: a call, not a worry
    colleague: bool  # any law-enforcement role
    signs: bool  # warning signs, idioms set aside
    strong_signs: bool  # signs strong enough without a word of worry
    grief: bool  # a death that already happened, nobody said to be at risk now

    def flags(self) -> Iterator[str]:
        return (name for name, value in vars(self).items() if value)


@dataclass(frozen=True)
class Reading:
    """What the rules make of one reading of a message, before the scorer has its say."""

    route: Concern | None
    findings: tuple[Finding, ...]
    features: frozenset[str]
    words: int
    grief: bool = False  # a death that already happened, and nobody said to be at risk now

    @property
    def only_someone_else(self) -> bool:
        """Someone else's risk and nothing of the writer's: the scorer sees words, not who
        says them, so it may not turn that into the writer's crisis."""
        findings = self.findings
        return any(f.person is Person.OTHER and not f.completed for f in findings) and not any(
            f.person is Person.WRITER for f in findings
        )


NO_CONCERN = Assessment(None)
SCORER_MIN_WORDS = 4  # "pray", "divorce": a lookup word is no sentence to judge a person by
_WORRY_ORDER = {Concern.SELF: 2, Concern.OTHER: 1, None: 0}


def settle(
    reading: Reading, self_score: float, other_score: float, self_at: float, other_at: float
) -> Concern | None:
    """The rules' route, unless a scorer head is sure: crisis over anything, worry over none."""
    judged = reading.words >= SCORER_MIN_WORDS
    sure_of_crisis = judged and self_score >= self_at and not reading.only_someone_else
    if reading.route is not Concern.SELF and sure_of_crisis:
        return Concern.SELF
    if reading.route is None and judged and other_score >= other_at and not reading.grief:
        return Concern.OTHER
    return reading.route


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
        self._longest = max(len(word) for word in self._index)
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
        self._public = re.compile(context.PUBLIC)
        self._strong_signs = re.compile(context.STRONG_SIGNS)
        self._idioms = re.compile(context.IDIOMS)
        self._colleague = re.compile(context.COLLEAGUE)
        self._worry = re.compile(context.WORRY)
        self._scorer = scorer

    def is_crisis(self, text: str) -> bool:
        return self.assess(text).crisis

    def canonical(self, text: str) -> list[str]:
        return self._speller.clauses(text)

    def assess(self, text: str) -> Assessment:
        """Whose risk `text` shows. Where a typo reads two ways, the more worrying reading wins."""
        clauses = self._speller.readings_of(text)
        if not clauses[0]:
            return NO_CONCERN
        best = self._settle(self._read(clauses[0]))
        for alternative in clauses[1:]:
            if best.crisis:
                break
            other = self._settle(self._read(alternative))
            if _WORRY_ORDER[other.concern] > _WORRY_ORDER[best.concern]:
                best = other
        return best

    def reading(self, text: str) -> Reading:
        """The rules' reading of a message's first spelling (for training the scorer)."""
        return self._read(self._speller.clauses(text))

    def _settle(self, reading: Reading) -> Assessment:
        scorer = self._scorer
        if scorer is None:
            return Assessment(reading.route, reading.findings)
        mine, theirs = scorer.probabilities(reading.features)
        concern = settle(
            reading, mine, theirs, scorer.self_head.threshold, scorer.other_head.threshold
        )
        return Assessment(concern, reading.findings, mine, theirs)

    def _read(self, clauses: list[str]) -> Reading:
        whole = " . ".join(clauses)
        findings = self._findings(clauses)
        ctx = self._context(whole)
        features = _features(whole, findings, ctx)
        at_risk = any(f.person is Person.OTHER and not f.completed for f in findings)
        grief = (ctx.grief or any(f.completed for f in findings)) and not at_risk
        route = self._route(ctx, findings)
        return Reading(route, tuple(findings), features, len(whole.split()), grief)

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
            for end in range(2, min(len(token), self._longest) + 1):
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
        if " ".join(before[-5:]).endswith(
            ("i am the one who", "i am the one that", "i am one who")
        ):
            return Person.WRITER
        speaker, said = self._speaker(before)
        if speaker is Person.OTHER:
            # "she says the kids are better off without me": a "me" inside is still the writer,
            # unless the words are quoted to the writer ("you'll be fine without me")
            quoted = "you" in before or "you" in inside
            mine = any(w in _WRITER_OBJECTS for w in inside)
            return Person.WRITER if mine and not quoted else Person.OTHER
        if said is not None:
            before = said  # reported speech ended at "but", "and": who speaks after it
        if person is Person.WRITER:
            if any(w in FIRST_PERSON for w in inside):
                return Person.WRITER
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
            if named is None and speaker and speaker[-1] in _SPEAKERS:
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

    def _context(self, whole: str) -> Context:
        plain = self._idioms.sub(" ", whole)
        close = bool(self._close.search(whole))
        someone = close or bool(self._someone.search(whole))
        topical = bool(self._topical.search(whole))
        return Context(
            work=topical or bool(self._work.search(whole)),
            topical=topical,
            work_loose=topical or bool(self._work_loose.search(whole)),
            close=close,
            someone=someone,
            help=someone and bool(self._concern.search(whole)),
            worry=someone and bool(self._worry.search(whole)),
            public=bool(self._public.search(whole)),
            colleague=close or bool(self._colleague.search(whole)),
            signs=bool(self._signs.search(plain)),
            strong_signs=bool(self._strong_signs.search(plain)),
            grief=bool(self._grief.search(whole)) and not self._still.search(whole),
        )

    @staticmethod
    def _route(ctx: Context, findings: list[Finding]) -> Concern | None:
        """What the rules alone make of the findings in their context."""
        writer = [f for f in findings if f.person is Person.WRITER]
        other = [
            f
            for f in findings
            if f.person is Person.OTHER
            and not f.completed
            and f.construct is not Construct.ALARM_WORD
        ]
        if any(not f.weak for f in writer):
            return Concern.SELF
        writer_alarm = any(f.construct is Construct.ALARM_WORD for f in writer)
        writer_weak = any(f.construct is not Construct.ALARM_WORD for f in writer)
        if writer_weak and not ctx.work and not other and not ctx.help:
            return Concern.SELF
        if writer_alarm and not other and not ctx.help and not ctx.work_loose:
            return Concern.SELF
        if other:
            # a colleague or family member at risk is a worry; a caller or inmate is a call
            at_work = ctx.public or (ctx.work and not ctx.colleague)
            return None if at_work and not ctx.close and not ctx.help else Concern.OTHER
        signs = ctx.signs if ctx.help else ctx.strong_signs
        if ctx.someone and (signs or ctx.worry) and not writer and not ctx.topical:
            if (ctx.work or ctx.public) and not ctx.close:
                return None
            return None if ctx.grief else Concern.OTHER
        return None


_WRITER_OBJECTS = frozenset({"me", "my", "myself", "mine"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
_VERBISH = frozenset(
    [
        "wants",
        "wanted",
        "said",
        "says",
        "is",
        "was",
        "keeps",
        "kept",
        "has",
        "had",
        "seems",
        "seemed",
        "would",
        "will",
        "thinks",
        "thought",
        "told",
        "texted",
        "talks",
        "talked",
        "can",
        "could",
        "might",
        "just",
        "never",
        "always",
        "already",
        "does",
        "did",
        "doesnt",
        "feels",
        "felt",
        "sounds",
        "sounded",
        "started",
        "stopped",
        "gave",
        "left",
        "wrote",
        "called",
        "sent",
        "acts",
        "acted",
        "looks",
        "needs",
        "needed",
        "tried",
        "tries",
        "hopes",
        "wishes",
        "wished",
        "hoped",
        "believes",
        "believed",
        "asked",
        "asks",
        "been",
        "posted",
        "posts",
        "muttered",
        "mutters",
        "swears",
        "swore",
        "joked",
        "jokes",
        "mentioned",
        "hinted",
        "hints",
        "quit",
        "drives",
        "drove",
        "bought",
        "buys",
        "gives",
    ]
)


_THIRD_VERBS = frozenset(
    [
        "wants",
        "wishes",
        "hopes",
        "needs",
        "plans",
        "deserves",
        "prays",
        "keeps",
        "says",
        "talks",
        "thinks",
        "threatens",
    ]
)
_MIRROR = {
    "he": "i",
    "she": "i",
    "they": "i",
    "him": "me",
    "them": "me",
    "his": "my",
    "their": "my",
    "himself": "myself",
    "herself": "myself",
    "themselves": "myself",
    "themself": "myself",
    "hes": "i am",
    "shes": "i am",
}
_AFTER_SUBJECT = {"is": "am", "are": "am", "has": "have", "does": "do", "were": "was"}
_ENDS_CLAUSE = frozenset(
    [
        "and",
        "but",
        "so",
        "or",
        "to",
        "for",
        "with",
        "at",
        "in",
        "on",
        "about",
        "of",
        "from",
        ".",
        "if",
        "when",
    ]
)


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


_RELATIVE_VERBS = frozenset(
    ["work", "know", "ride", "trained", "met", "served", "used", "supervise"]
)
_BOUNDARIES = frozenset({"but", "though", "although", "yet"})
_AND_I = frozenset({"and", "so", "because", "while"})  # a boundary only before "i"
_SPEAKERS = THIRD_PERSON - {"you", "your", "yourself"}  # "if you are asking": the bot
_SOME = frozenset({"one", "some", "two", "few", "several", "any", "all", "none", "most"})
_PREPOSITIONS = frozenset({"to", "with", "for", "from", "at", "of", "about", "by"})


def _acts(words: list[str], i: int) -> bool:
    """Whether the person named at `i` is the subject of a verb: "my partner keeps ...",
    "the guy on b shift posted ...", "a co who ..."."""
    j = i + 1
    if j < len(words) and words[j] in {"on", "from", "in", "at", "of", "with"}:
        j = next((k for k in range(j, min(j + 5, len(words))) if words[k] in _VERBISH), j)
    following = words[j] if j < len(words) else ""
    return following in _VERBISH or following in {"who", "that"}


def _features(whole: str, findings: list[Finding], ctx: Context) -> frozenset[str]:
    """Words and character n-grams, plus what the rules read: constructs and context."""
    extra = {f"r:{f.construct.value}:{f.person.value}{':weak' if f.weak else ''}" for f in findings}
    extra.update("ctx:" + flag for flag in ctx.flags())
    return frozenset(text_features(whole)) | extra


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
            one_of = i >= 3 and words[i - 3] in _SOME and words[i - 2] == "of"
            if any(w in _PREPOSITIONS for w in words[max(0, i - 2) : i]) and not one_of:
                continue  # "handed my gear to the rookie": an object, not a subject
            if _acts(words, i):
                return Person.OTHER
    return None


# Words so common that indexing patterns by them would select nearly every pattern.
_COMMON = frozenset(
    [
        "to",
        "my",
        "me",
        "it",
        "is",
        "of",
        "on",
        "in",
        "the",
        "and",
        "for",
        "at",
        "be",
        "am",
        "do",
        "not",
        "can",
        "will",
        "would",
        "that",
        "this",
        "with",
        "was",
        "have",
        "just",
        "so",
        "if",
        "all",
        "up",
        "no",
        "he",
        "she",
        "they",
        "his",
        "her",
        "him",
        "them",
        "their",
        "what",
        "how",
        "when",
        "get",
        "got",
        "going",
        "want",
        "about",
        "like",
        "your",
        "you",
        "an",
        "or",
        "as",
        "by",
        "an",
        "are",
        "has",
        "had",
        "did",
        "does",
        "from",
        "its",
        "been",
        "being",
        "any",
        "some",
        "one",
        "more",
        "than",
        "then",
        "there",
        "too",
        "very",
        "into",
        "also",
        "even",
        "still",
        "really",
    ]
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
