"""US states as regions (US-NJ) and the words people use for them ("new jersey", "nj")."""

from __future__ import annotations

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
    padded = f" {words} "
    found = set()
    for code, name in STATES.items():
        if f" {name} " in padded or (
            code not in _AMBIGUOUS_CODES and f" {code.lower()} " in padded
        ):
            found.add(f"US-{code}")
    return found
