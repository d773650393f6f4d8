"""Canonical spelling for crisis detection: clauses of plain words, as people mean them.

Chat is typed fast: "im", "dont", "wanna", "u", "2nite", "su1c1de", "i wnat to kil myslef".
`Speller.clauses` lower-cases, splits at sentence punctuation, expands contractions and texting
spellings, folds digits used as letters, and corrects a typo toward a key word of the detector
only when the typed token is not an English word (so "will" never becomes "kill").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from core.language.text import fold

_CLAUSE_BREAK = re.compile(r"[.!?;\n\r\u2026]+|\s[-\u2013\u2014]+\s")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][0-9]+)*")
_SHORTHAND_WORDS = {"w/o": " without ", "w/": " with ", "b/c": " because ", "b4": " before "}
_SHORTHAND = re.compile(r"(?<![a-z0-9])(?:w/o|w/|b/c|b4)(?![a-z0-9])")
_LEET = str.maketrans(
    {"1": "i", "3": "e", "0": "o", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)

# One typed token → what it stands for. Apostrophe-free contractions that are also words
# ("ill", "well", "were", "hell", "shell", "its") are left alone.
EXPANSIONS: dict[str, str] = {
    "im": "i am", "iam": "i am", "ive": "i have", "id": "i would", "ima": "i am going to",
    "imma": "i am going to", "dont": "do not", "doesnt": "does not", "didnt": "did not",
    "cant": "can not", "cannot": "can not", "cnt": "can not", "dnt": "do not", "wont": "will not",
    "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not", "isnt": "is not",
    "arent": "are not", "wasnt": "was not", "werent": "were not", "aint": "is not",
    "havent": "have not", "hasnt": "has not", "hadnt": "had not", "wanna": "want to",
    "wana": "want to", "gonna": "going to", "gona": "going to", "gotta": "got to",
    "tryna": "trying to", "hafta": "have to", "kinda": "kind of", "sorta": "sort of",
    "dunno": "do not know", "idk": "i do not know", "idc": "i do not care",
    "idgaf": "i do not care", "rn": "right now", "tbh": "to be honest", "ngl": "not going to lie",
    "u": "you", "ur": "your", "youre": "you are", "ya": "you", "r": "are", "b4": "before",
    "bc": "because", "cuz": "because", "coz": "because", "bcuz": "because", "b/c": "because",
    "2nite": "tonight", "tonite": "tonight", "2night": "tonight", "2day": "today",
    "2morrow": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow", "nite": "night",
    "thru": "through", "ppl": "people", "noone": "no one", "no1": "no one", "nobodys": "nobody",
    "any1": "anyone", "some1": "someone", "every1": "everyone", "evry1": "everyone",
    "wat": "what", "wut": "what", "whos": "who is", "whats": "what is", "thats": "that is",
    "theres": "there is", "bout": "about", "abt": "about", "hes": "he is", "shes": "she is",
    "theyre": "they are", "theyd": "they would", "youll": "you will", "youd": "you would",
    "youve": "you have", "theyll": "they will", "itll": "it will", "thatll": "that will",
    "wholl": "who will", "hed": "he would", "shed": "she would", "itd": "it would",
    "everythings": "everything is", "lifes": "life is", "w": "with", "wo": "without",
    "w/o": "without", "pls": "please", "plz": "please", "nothin": "nothing",
    "somethin": "something", "goin": "going", "doin": "doing", "thinkin": "thinking",
    "gettin": "getting", "feelin": "feeling", "livin": "living", "tryin": "trying",
    "killin": "killing", "talkin": "talking", "sayin": "saying", "dyin": "dying",
    "endin": "ending", "wakin": "waking", "kms": "kill myself", "kmsl": "kill myself",
    "sewerslide": "suicide", "suicde": "suicide", "selfharm": "self harm", "meself": "myself",
    "mysef": "myself", "mself": "myself", "gtg": "got to go", "lyf": "life", "ded": "dead",
    "nomore": "no more", "anymor": "anymore", "evrything": "everything", "evryone": "everyone",
    "every1s": "everyone is", "leo": "officer", "leos": "officers", "sgt": "sergeant",
    "sez": "says", "n": "and", "b": "be", "y": "why", "wen": "when", "cn": "can",
    "shud": "should", "wud": "would", "cud": "could", "gud": "good", "luv": "love", "txt": "text",
    "txts": "texts", "txted": "texted", "msg": "message", "ok": "okay", "k": "okay",
    "unaliving": "unalive", "unalived": "unalive",
}  # fmt: skip
# Texting and police words that are not in a dictionary but are not typos either.
SLANG = frozenset(
    [
        "yall",
        "lol",
        "lmao",
        "omg",
        "tho",
        "thx",
        "ty",
        "eow",
        "lt",
        "sgt",
        "rp",
        "ia",
        "iad",
        "ois",
        "fto",
        "cit",
        "qpr",
        "ptsd",
        "eap",
        "leosa",
        "swat",
        "ems",
        "cad",
        "doa",
        "gsw",
        "dui",
        "dwi",
        "dv",
        "sro",
        "bolo",
        "apb",
        "ncic",
        "leo",
        "leos",
        "co",
        "cos",
        "jk",
        "smh",
        "fml",
        "wtf",
        "af",
        "asap",
        "pd",
        "so",
        "sd",
        "hr",
        "emt",
        "ftw",
        "irl",
        "tmi",
        "btw",
        "ppl",
        "rn",
        "idk",
        "tbh",
        "ngl",
        "ikr",
        "nvm",
        "unalive",
        "glock",
        "sarge",
        "copline",
    ]
)
# Two typed tokens that mean one word.
JOINS: dict[tuple[str, str], str] = {
    ("my", "self"): "myself", ("sewer", "slide"): "suicide", ("un", "alive"): "unalive",
    ("him", "self"): "himself", ("her", "self"): "herself", ("no", "body"): "nobody",
    ("every", "one"): "everyone", ("any", "more"): "anymore", ("good", "bye"): "goodbye",
    ("life", "insurance"): "life insurance",
}  # fmt: skip


_DOUBLE_QUOTED = re.compile(
    r'["\u201c\u201d\u201e\u00ab\u00bb]([^"\u201c\u201d\u201e\u00ab\u00bb]{1,300})["\u201c\u201d\u201e\u00ab\u00bb]'
)
_SINGLE_QUOTED = re.compile(
    r"(?<![A-Za-z0-9])['\u2018\u2019]([^'\u2018\u2019]{2,300}?)['\u2018\u2019](?![A-Za-z0-9])"
)
_SENTENCE_END = re.compile(r"(?<=[.!?\n])")
_NOT_A_SPEAKER = re.compile(
    r"^\s*(?:question|quick question|update|fyi|re|note|ps|edit|q|serious question"
    r"|honest question|real talk|context|background|help|hi|hey|hello)\b|\b(?:asking|for)\b",
    re.IGNORECASE,
)


QUOTE = "quotes"  # a speech verb standing for quotation marks


def mark_speech(text: str) -> str:
    """Quoted words as speech: 'she goes "whats the point"' → 'she goes quotes whats the
    point', 'sarge at roll call: im done' → 'sarge at roll call quotes im done'. Words in
    quotation marks are someone else's unless the writer says they said them."""
    text = _DOUBLE_QUOTED.sub(rf" {QUOTE} \1 ", text)
    text = _SINGLE_QUOTED.sub(rf" {QUOTE} \1 ", text)
    return "".join(_colon_as_speech(part) for part in _SENTENCE_END.split(text))


def _colon_as_speech(sentence: str) -> str:
    """'sarge at roll call: im done' is speech; 'asking for my family: does ...' is not."""
    head, colon, rest = sentence.partition(": ")
    if not colon or len(head.split()) > 6 or _NOT_A_SPEAKER.search(head):
        return sentence
    return f"{head} {QUOTE} {rest}"


def _unleet(token: str) -> str:
    """ "su1c1de" → "suicide"; numbers and codes ("10-56", "5150", "9mm") stay as they are."""
    if token.isdigit() or not any(ch.isdigit() for ch in token) or "-" in token:
        return token
    if re.fullmatch(r"\d+[a-z]{1,3}", token):  # 9mm, 40cal, 12ga
        return token
    return token.translate(_LEET)


class Speller:
    """Turns raw text into clauses of canonical words. Pure, cached, no I/O."""

    def __init__(self, known_words: Iterable[str], key_words: Iterable[str]) -> None:
        """`known_words` most frequent first: a tie between two keys goes to the commoner."""
        known = list(known_words)
        keys = {k for k in key_words if k.isalpha()}
        self._keys = tuple(sorted(keys))
        self._known = frozenset(known) | keys | frozenset(EXPANSIONS) | SLANG
        rank = {w: i for i, w in enumerate(known)}
        self._rank = {k: rank.get(k, len(known)) for k in keys}
        self.readings = lru_cache(maxsize=32768)(self._readings)

    def _readings(self, token: str) -> tuple[str, ...]:
        """What a token may stand for: itself, or the key words one typo away, commonest first.

        Several readings only when keys tie ("dant": want or cant); the detector tries each.
        """
        if token in self._known or len(token) < 3 or not token.isalpha():
            return (token,)
        found: list[tuple[int, int, str]] = []
        for key in self._keys:
            if abs(len(key) - len(token)) > 2:
                continue
            budget = 2 if len(key) >= 8 else 1
            if len(key) < 4 and sorted(token) != sorted(key):
                continue  # a three-letter key only forgives a swap ("dei" → "die")
            distance = OSA.distance(token, key, score_cutoff=budget)
            if distance <= budget:
                found.append((distance, self._rank[key], key))
        if not found:
            return (token,)
        nearest = min(d for d, _, _ in found)
        return tuple(key for d, _, key in sorted(found) if d == nearest)[:_MAX_READINGS]

    def clauses(self, text: str) -> list[str]:
        """Canonical clauses: "I'm gonna kil myslef. tonight" → ["i am going to kill myself", "tonight"]."""
        return self.readings_of(text)[0]

    def readings_of(self, text: str) -> list[list[str]]:
        """The canonical clauses, then the same with each other reading of a tied typo."""
        folded = _SHORTHAND.sub(
            lambda m: _SHORTHAND_WORDS[m.group().strip()], fold(mark_speech(text))
        )
        clauses: list[list[tuple[str, ...]]] = []
        for part in _CLAUSE_BREAK.split(folded):
            words = self._words(_TOKEN.findall(part))
            if words:
                clauses.append(words)
        first = [" ".join(w[0] for w in clause) for clause in clauses]
        out = [first]
        for c, clause in enumerate(clauses):
            for i, options in enumerate(clause):
                for option in options[1:]:
                    if len(out) > _MAX_READINGS:
                        return out
                    changed = [w[0] for w in clause]
                    changed[i] = option
                    out.append([*first[:c], " ".join(changed), *first[c + 1 :]])
        return out

    def _words(self, tokens: list[str]) -> list[tuple[str, ...]]:
        words: list[tuple[str, ...]] = []
        i = 0
        while i < len(tokens):
            token = tokens[i] if tokens[i] in EXPANSIONS else _unleet(tokens[i])
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            joined = JOINS.get((token, nxt))
            if joined is not None:
                words.append((joined,))
                i += 2
                continue
            expanded = EXPANSIONS.get(token)
            if expanded is not None:
                words.append((expanded,))
            else:
                words.append(tuple(EXPANSIONS.get(r, r) for r in self.readings(token)))
            i += 1
        return words


_MAX_READINGS = 4
