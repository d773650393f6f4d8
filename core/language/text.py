"""Text normalisation shared by search, synonyms and crisis detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "", "‘": "", "'": "", "`": "", "´": ""})
_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",  # "one of our own": a number word, and half of "two one one" (211)
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "im",
        "ive",
        "id",
        "dont",
        "cant",
        "wont",
        "isnt",
        "its",
        "get",
        "got",
        "getting",
        "go",
        "going",
        "gonna",
        "wanna",
        "need",
        "needs",
        "want",
        "wants",
        "looking",
        "look",
        "find",
        "anyone",
        "someone",
        "somebody",
        "something",
        "thing",
        "things",
        "really",
        "please",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "ok",
        "okay",
        "like",
        "know",
        "just",
        "also",
        "still",
        "every",
        "much",
        "many",
        "lot",
        "lots",
        "someone",
        "any",
        "anything",
        "get",
    ]
)


def fold(text: str) -> str:
    """Lower-case, fold accents, drop apostrophes (don't → dont); punctuation stays."""
    if not text.isascii():  # ASCII has no accents to fold (and is nearly every message)
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text.lower().translate(_APOSTROPHES)


def normalize(text: str) -> str:
    """`fold`, then collapsed to words."""
    return " ".join(_WORD.findall(fold(text)))


Stemmer = Callable[[str], str]


def make_stemmer() -> Stemmer:
    """The Snowball English stemmer, memoised (the same few words recur constantly)."""
    import snowballstemmer

    stem_word = snowballstemmer.stemmer("english").stemWord

    @lru_cache(maxsize=65536)
    def stem(word: str) -> str:
        return str(stem_word(word))

    return stem
