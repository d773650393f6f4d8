"""Crisis language detection: high recall on first-person suicidal language.

Runs on normalised text (lower case, apostrophes dropped: "don't" → "dont").
Ambiguous phrasing errs toward showing the crisis lines; ordinary police talk
("this report is killing me", "range day", "dead tired") does not raise it.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from core.text import normalize

_SELF = r"(?:my ?self|meself|my own self)"
_GUN = r"(?:gun|glock|pistol|sidearm|service weapon|weapon|duty weapon|firearm|revolver|shotgun|rifle|bullet|round|barrel)"

# Any of these alone means the crisis lines lead the reply.
_STRONG = (
    rf"\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|hang|hanging|shoot|shooting"
    rf"|off|offing|unalive|unaliving|end|ending|drown|drowning|poison|poisoning) {_SELF}\b",
    r"\b(?:kms|kys|unalive\w*|sewerslide|suicidal\w*|selfharm|self harm\w*)\b",
    r"\b(?:end|ending|take|taking|took) (?:my|me) (?:own )?life\b",
    r"\bend(?:ing)? (?:it|things|everything) (?:all|now|tonight|today|for good|forever)\b",
    r"\b(?:want|wanna|going|gonna|ready|plan|planning|about|time|need|trying|try|thinking about"
    r"|just) (?:to )?end (?:it|things|everything)\b",
    r"\bend it all\b",
    r"\b(?:want|wanna|wish|going|gonna|ready|plan|planning|trying|deserve|like) (?:to )?"
    r"(?:die|be dead|not be alive|not exist|not wake up|never wake up|disappear forever)\b",
    r"\bwish (?:i|id) (?:was|were|had) (?:dead|not been born|gone)\b",
    r"\bwish (?:i|id) (?:had )?never (?:been born|existed|woke up|woken up)\b",
    r"\bwish (?:i|id) (?:wasnt|werent) (?:alive|here|around|born)\b",
    r"\bbetter off (?:dead|without me|if i (?:was|were) (?:dead|gone)|if im gone)\b",
    r"\b(?:everyone|they|family|kids|wife|husband|world|people) (?:would|will|d) be better off\b",
    r"\b(?:no|not any|aint no|nothing) (?:reason|point|purpose) (?:to|in|of|for) (?:live|living|life|going on|being alive|being here)\b",
    r"\bnothing (?:left )?to live for\b",
    r"\b(?:not|isnt|aint) worth (?:living|it anymore|going on)\b",
    r"\blife (?:is|isnt|aint) (?:not )?worth (?:it|living)\b",
    r"\b(?:dont|do not|cant|cannot) see (?:the|a|any) (?:point|reason) (?:of|in|to|for) (?:living|life|going on|being alive|anything)\b",
    r"\b(?:whats|what is) the point (?:of|in) (?:living|life|going on|being alive)\b",
    r"\b(?:dont|do not|no longer) (?:want|wanna) (?:to )?(?:live|be alive|wake up|exist|be here anymore|be around anymore|be here any more)\b",
    r"\bcant (?:go on|keep going|do this anymore|take it anymore|take this anymore|live like this)\b",
    r"\b(?:tired|sick) of (?:living|life|being alive)\b",
    r"\b(?:done with|give up on|giving up on) (?:life|living)\b",
    r"\bno way out\b",
    r"\b(?:nobody|no one|noone|no body) (?:would|will|d) (?:even )?(?:miss me|notice if i (?:was|were|am) gone"
    r"|care if i (?:died|was gone|were gone|was dead|disappeared))\b",
    r"\b(?:im|i am|i feel like|feel like) (?:just )?a burden\b",
    r"\b(?:goodbye|good bye|farewell) (?:letter|note|message)s?\b",
    r"\b(?:want|wanna|need) out of (?:this|my) life\b",
    rf"\b(?:got|have|had|with|holding) (?:my|a|the) {_GUN} (?:to|against|in) my (?:head|temple|mouth|chin)\b",
    r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b",
    r"\b(?:want|wish|need) (?:the pain|it|everything|it all) to (?:stop|end) (?:forever|for good|permanently)\b",
    r"\bwish (?:it|everything|this) would (?:all )?(?:just )?end\b",
    r"\b(?:final|last) goodbye\b",
    r"\bgoodbye forever\b",
    r"\bhate my life\b",
    rf"\beat(?:ing)? (?:my|a|the|me) (?:own )?{_GUN}\b",
    rf"\b{_GUN} in my mouth\b",
    rf"\b(?:put|putting|stick|sticking) (?:a|the|my) {_GUN} (?:in|to|through|against|under) my (?:head|mouth|temple|chin|brain)\b",
    r"\bblow(?:ing)? my (?:brains|head) (?:out|off)\b",
    rf"\b(?:use|using|turn|turning|point|pointing) (?:my|the) {_GUN} on {_SELF}\b",
    rf"\bpull(?:ing)? the trigger on {_SELF}\b",
    r"\bsuicide by cop\b",
    r"\b10 56\b",
    r"\b(?:overdose|overdosing|od on|take all my pills|taking all my pills|swallow all my pills)\b",
    r"\bjump(?:ing)? (?:off|from) (?:a|the|my) (?:bridge|building|roof|overpass|balcony|cliff)\b",
    r"\b(?:jump|step|stepping|jumping) in front of (?:a|the) (?:train|truck|bus|car)\b",
    r"\b(?:drive|driving|crash|crashing) (?:my car )?into (?:a|the) (?:tree|wall|pole|bridge|river|overpass)\b",
    r"\b(?:think|thinking|thought|thoughts|considering|consider|contemplating|planning|plan|urge|urges)"
    r" (?:about |of )?(?:suicide|killing myself|ending it|ending my life|dying|taking my life)\b",
    r"\b(?:commit|committing|attempt|attempting|attempted) suicide\b",
)

# "suicide" alone is ambiguous: topical uses are not a person in crisis.
_SUICIDE_WORD = re.compile(r"\bsuicide\b")
_TOPICAL = re.compile(
    r"\bsuicide (?:awareness|prevention|training|statistics|stats|rate|rates|loss|losses|survivor"
    r"|survivors|research|month|walk|memorial|course|class|policy|data|program|programs|study|report"
    r"|reports|numbers|postvention)\b"
    r"|\b(?:officer|officers|police|cop|cops|law enforcement|his|her|their|partners|coworkers"
    r"|friends|brothers|sisters|colleagues|colleague|firefighter|veteran|veterans) suicides?\b"
    r"|\b(?:died|lost|loss|losses|death|deaths)(?: \w+){0,3} (?:by|to|from) suicide\b"
    r"|\bprevent(?:ing)? suicides?\b"
)
_SUICIDE_SPELLINGS = ("suicide", "suicides", "suicidal")
_LEET = str.maketrans(
    {"1": "i", "3": "e", "0": "o", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)


class CrisisDetector:
    """Decides whether a message shows crisis language. Pure: no state, no I/O."""

    def __init__(self) -> None:
        self._strong = re.compile("|".join(f"(?:{p})" for p in _STRONG))

    def is_crisis(self, text: str) -> bool:
        plain = normalize(text)
        if self._matches(plain):
            return True
        leet = normalize(text.lower().translate(_LEET))
        return leet != plain and self._matches(leet)

    def _matches(self, plain: str) -> bool:
        if self._matches_exactly(plain):
            return True
        corrected = " ".join(_respell(word) for word in plain.split())
        return corrected != plain and self._matches_exactly(corrected)

    def _matches_exactly(self, plain: str) -> bool:
        if self._strong.search(plain):
            return True
        return bool(_SUICIDE_WORD.search(plain)) and not _TOPICAL.search(plain)


def _respell(word: str) -> str:
    """Typos of the alarm words ("suicde", "sucidal") read as the words themselves."""
    if len(word) < 6 or word in _SUICIDE_SPELLINGS:
        return word
    budget = 1 if len(word) < 8 else 2
    for target in _SUICIDE_SPELLINGS:
        if OSA.distance(word, target, score_cutoff=budget) <= budget:
            return target
    return word
