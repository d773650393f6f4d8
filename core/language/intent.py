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

# Words a plea is made of. A query of these alone (with at least one cue) is a plea.
_PLEA_CUES = frozenset(
    [
        "person",
        "human",
        "good",
        "who",
        "24",
        "7",
        "247",
        "help",
        "helps",
        "helping",
        "struggling",
        "struggle",
        "struggles",
        "hard",
        "rough",
        "tough",
        "bad",
        "ok",
        "okay",
        "alright",
        "talk",
        "someone",
        "somebody",
        "anyone",
        "call",
        "hotline",
        "line",
        "lines",
        "number",
        "support",
        "drowning",
        "sinking",
        "falling",
        "apart",
        "breaking",
    ]
)
_PLEA_FILLER = frozenset(
    [
        "i",
        "im",
        "me",
        "my",
        "a",
        "an",
        "the",
        "to",
        "for",
        "with",
        "at",
        "about",
        "of",
        "in",
        "on",
        "and",
        "or",
        "but",
        "just",
        "really",
        "so",
        "very",
        "please",
        "pls",
        "plz",
        "need",
        "needs",
        "needed",
        "want",
        "wanna",
        "get",
        "got",
        "can",
        "could",
        "do",
        "does",
        "who",
        "whom",
        "where",
        "what",
        "how",
        "is",
        "are",
        "am",
        "was",
        "be",
        "been",
        "being",
        "have",
        "having",
        "has",
        "time",
        "times",
        "lately",
        "rn",
        "now",
        "today",
        "tonight",
        "right",
        "anymore",
        "any",
        "more",
        "much",
        "dont",
        "cant",
        "not",
        "no",
        "know",
        "start",
        "some",
        "one",
        "sure",
        "anybody",
        "there",
        "here",
        "it",
        "its",
        "this",
        "that",
        "stuff",
        "things",
        "thing",
        "going",
        "doing",
        "feel",
        "feeling",
        "work",
        "dept",
        "department",
        "shift",
        "10",
        "8",
        "108",
        "guys",
        "guy",
        "out",
        "from",
        "our",
        "ur",
        "u",
        "you",
        "your",
        "ya",
        "hey",
        "hi",
        "hello",
        "yo",
        "somewhere",
        "something",
        "everything",
        "too",
        "dispatcher",
        "dispatch",
        "prison",
        "guard",
        "co",
        "cop",
        "officer",
        "deputy",
        "trooper",
        "sergeant",
        "sgt",
        "corrections",
        "jail",
        "telecommunicator",
        "medic",
        "firefighter",
        "nurse",
        "rookie",
        "patrol",
        "hit",
        "wall",
        "real",
        "person",
        "human",
        "bot",
        "good",
        "great",
        "we",
        "us",
        "asking",
        "ask",
        "even",
        "anywhere",
        "rock",
        "bottom",
        "end",
        "rope",
        "wits",
        "edge",
        "barely",
        "holding",
        "together",
        "hanging",
        "thread",
        "night",
        "nights",
        "tonite",
        "late",
        "morning",
        "am",
        "pm",
        "1am",
        "2am",
        "3am",
        "4am",
        "5am",
        "job",
        "go",
        "turn",
        "reach",
        "able",
    ]
)
_NEGATORS = frozenset({"not", "no", "without", "isnt", "arent", "dont", "instead"})
# What an asker can turn down is a kind of help, not a state ("not sleeping", "no money"
# are the problem itself): only these words are taken as not wanted.
KINDS_OF_HELP = frozenset(
    [
        "shrink",
        "shrinks",
        "therapist",
        "therapists",
        "therapy",
        "counselor",
        "counselors",
        "counselling",
        "counseling",
        "psychologist",
        "psychiatrist",
        "doctor",
        "clinician",
        "cop",
        "cops",
        "officer",
        "officers",
        "police",
        "leo",
        "peer",
        "religious",
        "religion",
        "church",
        "faith",
        "chaplain",
        "pastor",
        "priest",
        "spiritual",
        "prayer",
        "988",
        "hotline",
        "loan",
        "loans",
        "text",
        "texting",
        "call",
        "calling",
        "phone",
        "department",
        "dept",
        "eap",
        "hr",
        "supervisor",
        "sergeant",
        "boss",
        "command",
        "meds",
        "medication",
        "pills",
        "rehab",
        "inpatient",
        "app",
        "group",
        "groups",
    ]
)
_NEGATION_ENDS = frozenset({"but", "just", "and", "or", "i", "im", "we"})
_NEGATION_SKIP = frozenset({"a", "an", "the", "to", "want", "wanna", "need", "some", "any"})
NEGATION_REACH = 3  # words after a negator that it can cover


@dataclass(frozen=True)
class Intent:
    plea: bool = False
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
    plea = bool(plain) and all(w in _PLEA_CUES or w in _PLEA_FILLER for w in plain)
    plea = plea and any(w in _PLEA_CUES for w in plain)
    return Intent(plea, tuple(negated), tuple(kept))
