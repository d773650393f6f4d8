"""The crisis detector: whose risk a message shows, if anyone's. Pure: no state, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from core.language.crisis import context
from core.language.crisis.constructs import ALARM_WORDS, Construct, Pattern, Person
from core.language.crisis.gate import WordGate
from core.language.crisis.lexicon import CLOSE_PEOPLE, FIRST_PERSON, THIRD_PRONOUNS
from core.language.crisis.patterns import PATTERNS
from core.language.crisis.people import (
    SPEAKERS,
    THIRD_VERBS,
    WRITER_OBJECTS,
    as_first_person,
    speech_ends,
    subject,
)
from core.language.crisis.reading import (
    NO_CONCERN,
    WORRY_ORDER,
    Assessment,
    Context,
    Finding,
    Reading,
    route,
    settle,
)
from core.language.crisis.scorer import Scorer
from core.language.crisis.scorer import features as text_features
from core.language.crisis.spelling import QUOTE, Speller

_DIRECT = frozenset({QUOTE, "goes", "went", "like"})  # "she goes i keep picturing my gun"


def key_words() -> set[str]:
    """Every plain word the patterns spell out: what a typo is corrected toward."""
    found: set[str] = set()
    for pattern in PATTERNS:
        found.update(w for w in re.findall(r"[a-z]{4,}", pattern.regex) if w.isalpha())
    found.update(re.findall(r"[a-z]{4,}", ALARM_WORDS))
    found.update({"suicide", "suicidal", "myself", "kill", "want", "pills", "glock", "noose"})
    found.update({"die", "gun", "end", "dead", "off"})
    found.update(w for w in CLOSE_PEOPLE if len(w) >= 5)
    found.update(w for w in re.findall(r"[a-z]{5,}", context.SPEECH) if w.isalpha())
    return found


class CrisisDetector:
    """Reads a message for suicidal risk: the writer's own, someone else's, or none."""

    def __init__(self, known_words: Iterable[str], scorer: Scorer | None = None) -> None:
        self.known_words = tuple(known_words)
        self.known_word_set = frozenset(self.known_words)
        self._speller = Speller(self.known_words, key_words())
        self.gate = WordGate(PATTERNS)
        self._scorer = scorer
        self._alarm = re.compile(ALARM_WORDS)
        self._speech = re.compile(context.SPEECH)
        self._completed = re.compile(context.COMPLETED)
        self._still = re.compile(context.STILL_AT_RISK)
        self._idioms = re.compile(context.IDIOMS)
        self._context = {
            name: re.compile(getattr(context, name.upper()))
            for name in (
                "work", "work_loose", "topical", "concern", "warning_signs", "strong_signs",
                "close", "someone", "grief", "public", "colleague", "worry", "peer",
            )
        }  # fmt: skip

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
            if WORRY_ORDER[other.concern] > WORRY_ORDER[best.concern]:
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
        ctx = self._surroundings(whole)
        if ctx.work_loose and not ctx.work and not self._loose_beside_alarm(clauses):
            ctx = replace(ctx, work_loose=False)
        at_risk = any(f.person is Person.OTHER and not f.completed for f in findings)
        worried = ctx.worry or ctx.help
        grief = (ctx.grief or any(f.completed for f in findings)) and not (at_risk or worried)
        features = _features(whole, findings, ctx)
        return Reading(route(ctx, findings), tuple(findings), features, len(whole.split()), grief)

    def _loose_beside_alarm(self, clauses: list[str]) -> bool:
        """A loose work cue ("days", "shift", "bridge") excuses a bare alarm word only in
        the alarm word's own clause ("we had a suicide on days"), not from another line of
        noise ("suicide. / DYS", read "days")."""
        loose = self._context["work_loose"]
        return any(self._alarm.search(c) and loose.search(c) for c in clauses)

    # ---- what the message says, and about whom ----------------------------------------

    def _findings(self, clauses: list[str]) -> list[Finding]:
        found: list[Finding] = []
        previous: Person | None = None
        for clause in clauses:
            for pattern, regex in self.gate.candidates(clause):
                for match in regex.finditer(clause):
                    found.append(self._finding(pattern.construct, pattern, clause, match, previous))
            mirrored = as_first_person(clause)
            if mirrored is not None:
                found.extend(self._mirrored(clause, mirrored))
            for match in self._alarm.finditer(clause):
                found.append(self._finding(Construct.ALARM_WORD, None, clause, match, previous))
            previous = subject(_referents(clause)) or previous
        return found

    def _finding(
        self,
        construct: Construct,
        pattern: Pattern | None,
        clause: str,
        match: re.Match[str],
        previous: Person | None,
    ) -> Finding:
        stated = pattern.person if pattern is not None else Person.INFER
        person = self._attribute(stated, clause, match, previous)
        weak = pattern.weak if pattern is not None else True
        completed = person is Person.OTHER and self._is_completed(clause, match)
        return Finding(construct, person, weak, completed)

    def _mirrored(self, clause: str, mirrored: str) -> list[Finding]:
        """Someone else's risk, found by reading "he says he wants to die" as "i want to die"."""
        found: list[Finding] = []
        for pattern, regex in self.gate.candidates(mirrored):
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
        if speaker is Person.OTHER and _DIRECT.intersection(before):
            return Person.OTHER  # quoted or direct speech: the words of whoever spoke
        if speaker is Person.OTHER:
            # "she says the kids are better off without me": a "me" inside is still the writer,
            # unless the words are quoted to the writer ("you'll be fine without me")
            quoted = "you" in before or "you" in inside
            mine = any(w in WRITER_OBJECTS for w in inside)
            return Person.WRITER if mine and not quoted else Person.OTHER
        if said is not None:
            before = said  # reported speech ended at "but", "and i": who speaks after it
        if any(w in FIRST_PERSON for w in inside):
            return Person.WRITER
        if person is Person.WRITER:
            return Person.OTHER if subject(before, nouns=False) is Person.OTHER else Person.WRITER
        if any(w in THIRD_PRONOUNS for w in inside) or inside[0] in THIRD_VERBS:
            return Person.OTHER
        return subject(before) or (previous if not before else None) or Person.WRITER

    def _speaker(self, before: list[str]) -> tuple[Person | None, list[str] | None]:
        """Someone else speaking: "he keeps saying ...", "caller states ...".

        Returns who speaks, and, where the reported words ended at a "but" or "and i", the
        words after that point (they are the writer's again unless they name someone).
        """
        text = " ".join(before)
        for speech in reversed(list(self._speech.finditer(text))):
            speaker = text[: speech.start()].split()
            named = subject(speaker + [speech.group().split()[0]])
            if named is None and speaker and speaker[-1] in SPEAKERS:
                named = Person.OTHER
            if named is None and speech.group() == QUOTE:
                named = Person.OTHER  # quoted, and not by the writer: someone else's words
            if named is not Person.OTHER:
                continue
            direct = speech.group() in _DIRECT  # quoted words run to the end of the clause
            after = None if direct else speech_ends(text[speech.end() :].split())
            return (None, after) if after is not None else (Person.OTHER, None)
        return None, None

    def _is_completed(self, clause: str, match: re.Match[str]) -> bool:
        return bool(self._completed.search(match.group())) and not self._still.search(clause)

    def _surroundings(self, whole: str) -> Context:
        def found(name: str, text: str = whole) -> bool:
            return bool(self._context[name].search(text))

        plain = self._idioms.sub(" ", whole)
        close = found("close")
        someone = close or found("someone")
        topical = found("topical")
        return Context(
            work=topical or found("work"),
            topical=topical,
            work_loose=topical or found("work_loose"),
            close=close,
            someone=someone,
            help=someone and found("concern"),
            worry=someone and found("worry"),
            public=found("public"),
            colleague=close or found("colleague"),
            peer=found("peer"),
            signs=found("warning_signs", plain),
            strong_signs=found("strong_signs", plain),
            grief=found("grief") and not self._still.search(whole),
        )


def _features(whole: str, findings: list[Finding], ctx: Context) -> frozenset[str]:
    """Words and character n-grams, plus what the rules read: constructs and context."""
    extra = {f"r:{f.construct.value}:{f.person.value}{':weak' if f.weak else ''}" for f in findings}
    extra.update("ctx:" + flag for flag in ctx.flags())
    return frozenset(text_features(whole)) | extra


def _referents(clause: str) -> list[str]:
    """A clause's words as they can name whom the next clause is about: a bare "who" ("who
    is", a line of noise) names nobody, so "who is / thinking about suicide" stays the
    writer's own. Nor does a line of one word among noise ("He", or "H¾", read "he 4"): the
    safer reading of "he / thinking about suicide" is the writer's own."""
    words = [w for w in clause.split() if w not in ("who", "whos") and _is_word(w)]
    return words if len(words) > 1 else []


def _is_word(token: str) -> bool:
    return not token.isdigit() and (len(token) > 1 or token in ("i", "a"))
