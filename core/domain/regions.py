"""US states as regions (US-NJ) and the words people use for them ("new jersey", "nj")."""

from __future__ import annotations

import re
from functools import cache

STATES = {
    "AL": "alabama", "AK": "alaska", "AZ": "arizona", "AR": "arkansas", "CA": "california",
    "CO": "colorado", "CT": "connecticut", "DE": "delaware", "DC": "district of columbia",
    "FL": "florida", "GA": "georgia", "HI": "hawaii", "ID": "idaho", "IL": "illinois",
    "IN": "indiana", "IA": "iowa", "KS": "kansas", "KY": "kentucky", "LA": "louisiana",
    "ME": "maine", "MD": "maryland", "MA": "massachusetts", "MI": "michigan",
    "MN": "minnesota", "MS": "mississippi", "MO": "missouri", "MT": "montana",
    "NE": "nebraska", "NV": "nevada", "NH": "new hampshire", "NJ": "new jersey",
    "NM": "new mexico", "NY": "new york", "NC": "north carolina", "ND": "north dakota",
    "OH": "ohio", "OK": "oklahoma", "OR": "oregon", "PA": "pennsylvania", "RI": "rhode island",
    "SC": "south carolina", "SD": "south dakota", "TN": "tennessee", "TX": "texas",
    "UT": "utah", "VT": "vermont", "VA": "virginia", "WA": "washington",
    "WV": "west virginia", "WI": "wisconsin", "WY": "wyoming",
}  # fmt: skip
# Two-letter codes that are also everyday words are matched only as full names.
_AMBIGUOUS_CODES = {"IN", "OR", "ME", "OK", "HI", "ID", "LA", "MA", "PA", "GA", "CO", "DE", "AL", "MO", "OH", "VA", "WA"}  # fmt: skip


def regions_named(words: str) -> set[str]:
    """The regions (US-XX) a normalised text names: "new jersey", "in nj", "ct"."""
    pattern, region_of = _state_words()
    return {region_of[m] for m in pattern.findall(f" {words} ")}


@cache
def _state_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every state's name and unambiguous code, and the region of each."""
    region_of = {name: f"US-{code}" for code, name in STATES.items()}
    region_of.update(
        (code.lower(), f"US-{code}") for code in STATES if code not in _AMBIGUOUS_CODES
    )
    words = sorted(region_of, key=len, reverse=True)  # "new york" before "ny"
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<= )({alternatives})(?= )"), region_of
