"""What a message says, and whose risk: the rules' reading and the final decision.

A `Reading` is what the rules make of a message; `route` is their verdict alone, and
`settle` lets the learned scorer overrule it when it is sure. Both are pure functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from core.language.crisis.constructs import Construct, Person


class Concern(Enum):
    """Whose risk the message shows."""

    SELF = "self"  # the writer's own: the crisis lines first
    OTHER = "other"  # someone the writer worries about: how to help, lines that take such calls


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

    @property
    def someone_at_risk(self) -> bool:
        """Words of risk said of someone else ("he talks about ending it"), not only worry
        ("my husband keeps gambling, not himself")."""
        return any(f.person is Person.OTHER and not f.completed for f in self.findings)


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
    peer: bool  # a colleague, spouse or friend, not someone else's
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
WORRY_ORDER = {Concern.SELF: 2, Concern.OTHER: 1, None: 0}


def route(ctx: Context, findings: list[Finding]) -> Concern | None:
    """What the rules alone make of the findings in their context."""
    writer = [f for f in findings if f.person is Person.WRITER]
    other = [
        f
        for f in findings
        if f.person is Person.OTHER and not f.completed and f.construct is not Construct.ALARM_WORD
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
        return None if ctx.grief and not (ctx.worry or ctx.help) else Concern.OTHER
    if ctx.help and ctx.peer and not writer and not (ctx.topical or ctx.public):
        return Concern.OTHER  # "how do I help a coworker who refuses EAP"
    return None


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
