"""What a message says about someone's risk, as constructs of the Columbia scale (C-SSRS).

Each pattern names its construct and whose risk it states:
- `Person.WRITER`: the writer's own ("kill myself", "my gun in my mouth", "i have a plan");
- `Person.OTHER`: someone else's ("kill himself", "his gun in his mouth");
- `Person.INFER`: no one named in the phrase ("want to die", "better off dead"); the nearest
  person before it in the clause decides, and with nobody there it is the writer's.
Patterns match canonical clauses (see `spelling`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Person(Enum):
    WRITER = "writer"
    OTHER = "other"
    INFER = "infer"


class Construct(Enum):
    WISH_DEAD = "wish-dead"
    THOUGHTS = "active-thoughts"
    METHOD = "method"
    INTENT = "intent-plan"
    PREPARATION = "preparation"
    ATTEMPT = "attempt"
    HOPELESS = "hopelessness"
    BURDEN = "burden"
    PAIN = "unbearable-pain"
    ALARM_WORD = "alarm-word"  # "suicide", "suicidal": topical unless the context says otherwise


@dataclass(frozen=True)
class Pattern:
    construct: Construct
    person: Person
    regex: str
    weak: bool = False  # set aside when the message is about work, training or someone else


# A word for suicide said without a construct: the writer's alarm unless the context is topical.
ALARM_WORDS = r"\b(?:suicide|suicides|self harm|selfharm|10 ?56|10-56|ten fifty six|unalive)\b"
