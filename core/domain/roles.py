"""The part an agency's own entry plays, whatever the agency calls it: its peer team, its
EAP, its chaplain. Read from what the agency calls the entry first (name, id, topics), its
summary for a chaplain, its categories last: "EAP (ComPsych)" filed under `financial` is
still the EAP, and a "Wellness Unit and Peer Team" under `counseling` is the peer team."""

from __future__ import annotations

import re

from core.domain.resources import Origin, Resource

CHAPLAIN, EAP, PEER = "chaplain", "eap", "peer"
_CHAPLAIN_WORDS = frozenset({"chaplain", "chaplains", "chaplaincy"})
_WORD = re.compile(r"[a-z0-9]+")


def _words(*texts: str) -> set[str]:
    return set(_WORD.findall(" ".join(texts).lower().replace("'", "")))


def agency_role(resource: Resource) -> str | None:
    """CHAPLAIN, EAP or PEER for an agency's own entry that plays one of those parts."""
    if resource.origin is not Origin.AGENCY:
        return None
    named = _words(resource.name, resource.id, *resource.topics)
    if (named | _words(resource.summary)) & _CHAPLAIN_WORDS:
        return CHAPLAIN
    if "eap" in named or {"employee", "assistance"} <= named:
        return EAP
    if "peer" in named or "peer-support" in resource.categories:
        return PEER
    if "counseling" in resource.categories:
        return EAP
    return None
