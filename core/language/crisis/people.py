"""Who a phrase is about: the writer, or someone else.

"i want to die" is the writer's; "my partner keeps saying he wants to die" is someone
else's; "a co i work with is suicidal" is the co's. These functions find the subject of a
clause from plain word order, read reported speech, and turn third-person clauses into the
first person so that every pattern also finds someone else's risk.
"""

from __future__ import annotations

from core.language.crisis.constructs import Person
from core.language.crisis.lexicon import THIRD_PERSON, THIRD_PRONOUNS, words

WRITER_OBJECTS = words("me my myself mine")
SUBJECT_PRONOUNS = words("he she they")
# Verbs in the third person: a sentence starting "wants to die" is about someone named before.
THIRD_VERBS = words(
    "deserves hopes keeps needs plans prays says talks thinks threatens wants wishes"
)
# Speech ends at these ("she says she's fine but I want to die"); "and", "so" only before "i".
BOUNDARIES = words("but though although yet")
AND_I = words("and so because while")
SPEAKERS = THIRD_PERSON - {"you", "your", "yourself"}  # "if you are asking": the bot

_VERBISH = words(
    "acted acts already always asked asks been believed believes bought buys called can could "
    "did does doesnt drives drove feels felt gave gives had has hinted hints hoped hopes is "
    "joked jokes just keeps kept left looks mentioned might muttered mutters needed needs never "
    "posted posts quit said says seemed seems sent sounded sounds started stopped swears swore "
    "talked talks texted thinks thought told tried tries wanted wants was will wished wishes "
    "would wrote"
)
_RELATIVE_VERBS = words("know met ride served supervise trained used work")
_SOME = words("one some two few several any all none most")
_PREPOSITIONS = words("to with for from at of about by")
_PLACES = words("on from in at of with")
_IMPERSONAL = words("it its there theres that thats this everything nothing life")
_MIRROR = {
    "he": "i", "she": "i", "they": "i", "him": "me", "them": "me", "his": "my", "their": "my",
    "himself": "myself", "herself": "myself", "themselves": "myself", "themself": "myself",
    "hes": "i am", "shes": "i am",
}  # fmt: skip
_AFTER_SUBJECT = {"is": "am", "are": "am", "has": "have", "does": "do", "were": "was"}
_ENDS_CLAUSE = words(". about and at but for from if in of on or so to when with")


def subject(words_before: list[str], *, nouns: bool = True) -> Person | None:
    """The nearest subject before a phrase: "i", "he/she/they", or someone named before a verb."""
    ws = words_before
    for i in range(len(ws) - 1, -1, -1):
        word = ws[i]
        if word == "i":
            following = ws[i + 1] if i + 1 < len(ws) else ""
            if i and following in _RELATIVE_VERBS and ws[i - 1] not in {"and", "but", "so"}:
                return Person.OTHER  # "a co i work with is ...": the co is the subject
            return Person.WRITER
        if word in {"who", "whos"} or (word == "mine" and i and ws[i - 1] == "of"):
            return Person.OTHER
        if word in SUBJECT_PRONOUNS:
            return Person.OTHER
        if word in _IMPERSONAL and (word in {"its", "theres", "thats"} or _followed_by_be(ws, i)):
            return None  # "... and its the only way out": nobody else is the subject
        if nouns and word in THIRD_PERSON and word not in THIRD_PRONOUNS:
            one_of = i >= 3 and ws[i - 3] in _SOME and ws[i - 2] == "of"
            if any(w in _PREPOSITIONS for w in ws[max(0, i - 2) : i]) and not one_of:
                continue  # "handed my gear to the rookie": an object, not a subject
            if _acts(ws, i):
                return Person.OTHER
    return None


def _followed_by_be(ws: list[str], i: int) -> bool:
    return i + 1 < len(ws) and ws[i + 1] in {"is", "was", "will", "would", "feels", "seems"}


def _acts(ws: list[str], i: int) -> bool:
    """Whether the person named at `i` is the subject of a verb: "my partner keeps ...",
    "the guy on b shift posted ...", "a co who ..."."""
    j = i + 1
    if j < len(ws) and ws[j] in _PLACES:
        j = next((k for k in range(j, min(j + 5, len(ws))) if ws[k] in _VERBISH), j)
    following = ws[j] if j < len(ws) else ""
    return following in _VERBISH or following in {"who", "that"}


def speech_ends(after: list[str]) -> list[str] | None:
    """The words after reported speech ended at a "but" (or "and i"), if it did."""
    for i in range(len(after) - 1, -1, -1):
        if after[i] in BOUNDARIES or (after[i] in AND_I and "i" in after[i + 1 : i + 3]):
            return after[i + 1 :]
    return None


def as_first_person(clause: str) -> str | None:
    """ "he says he wants to die" → "i say i want to die"; None when nobody else is named."""
    ws = clause.split()
    if not any(w in _MIRROR or w == "her" for w in ws):
        return None
    out: list[str] = []
    for i, word in enumerate(ws):
        if word == "her":
            following = ws[i + 1] if i + 1 < len(ws) else ""
            out.append("me" if not following or following in _ENDS_CLAUSE else "my")
            continue
        previous = ws[i - 1] if i else ""
        if previous in SUBJECT_PRONOUNS:
            if word in _AFTER_SUBJECT:
                out.append(_AFTER_SUBJECT[word])
                continue
            if word in THIRD_VERBS or word in {"says", "seems", "feels", "gets", "goes"}:
                out.append(word[:-2] if word.endswith(("shes", "sses")) else word[:-1])
                continue
        out.append(_MIRROR.get(word, word))
    return " ".join(out)
