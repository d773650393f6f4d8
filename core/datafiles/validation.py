"""Field checks shared by every data file: each returns a message or None."""

from __future__ import annotations

import re
from datetime import date

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# North American numbers with optional 1 and separators, or short codes (988, 741741).
_PHONE = re.compile(r"^(?:\+?1[-. ]?)?(?:\(\d{3}\)|\d{3})[-. ]?\d{3}[-. ]?\d{4}$|^\d{3,6}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?:[/?#][^\s<>\"]*)?$")
_REGION = re.compile(r"^[A-Z]{2}(?:-[A-Z]{2})?$")


def check_id(value: object) -> str | None:
    if not isinstance(value, str) or not _ID.match(value):
        return "id must be lowercase letters, digits and single hyphens ([a-z0-9-])"
    return None


def check_phone(value: str) -> str | None:
    return None if _PHONE.match(value.strip()) else f"malformed phone number '{value}'"


def check_email(value: str) -> str | None:
    return None if _EMAIL.match(value.strip()) else f"malformed email address '{value}'"


def check_url(value: str) -> str | None:
    return None if _URL.match(value.strip()) else f"malformed URL '{value}' (http:// or https://)"


def check_region(value: str) -> str | None:
    return None if _REGION.match(value) else f"region '{value}' must look like US or US-MA"


def is_stale(verified: date, today: date) -> bool:
    """Contact data older than a year must be checked again."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return verified < year_ago
