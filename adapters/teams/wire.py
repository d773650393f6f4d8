"""Outgoing activities as JSON without msrest's generic model walk.

botbuilder sends every activity through msrest's `Serializer.body`, which walks the whole
model three times (a "deserialisation" pass, validation, serialisation), dispatching on a
type string at every node, the Adaptive Card's hundreds of nodes included: most of the CPU
of a Teams reply. `install` gives a connector client a serializer whose `body` writes an
Activity in one lean pass with msrest's exact rules for the types activities use
(str, bool, object, models and lists of models): the card's content goes through as the
plain JSON it already is. Anything else (a date, an unknown type, a value that is not
plain JSON) falls back to msrest, so the result is always what msrest would have sent.
tests/unit/test_teams_wire.py compares the two.
"""

from __future__ import annotations

import copy
from enum import Enum
from typing import Any

from botbuilder.schema import Activity  # type: ignore[import-untyped]
from msrest import Serializer
from msrest.serialization import Model


class _Unsupported(Exception):
    """A value the lean pass does not write exactly as msrest would: msrest writes it."""


def _plain(value: Any) -> Any:
    """An `object`-typed value as msrest writes it (plain JSON, unchanged), else _Unsupported."""
    kind = type(value)
    if kind is str or kind is bool or kind is int or kind is float or value is None:
        return value
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise _Unsupported(key)
            _plain(item)
        return value
    if kind is list:
        for item in value:
            _plain(item)
        return value
    raise _Unsupported(kind)


def _model(model: Any) -> dict[str, Any]:
    """A model's set attributes under their REST keys, as msrest's `_serialize` writes them."""
    if model._validation:
        raise _Unsupported(model)  # constraints (required, read-only…): msrest checks them
    out: dict[str, Any] = {}
    for attr, desc in model._attribute_map.items():
        value = getattr(model, attr, None)
        if value is None:
            continue
        key = desc["key"]
        if not key or "." in key:
            raise _Unsupported(attr)  # additional properties or a flattened key
        out[key] = _typed(value, desc["type"])
    return out


def _typed(value: Any, kind: str) -> Any:
    if kind == "str":
        return value.value if isinstance(value, Enum) else str(value)
    if kind == "bool":
        return bool(value)
    if kind == "object":
        if isinstance(value, Model):
            raise _Unsupported(kind)
        return _plain(value)
    if kind.startswith("[") and kind.endswith("]"):
        if isinstance(value, str) or not isinstance(value, list):
            raise _Unsupported(kind)
        inner = kind[1:-1]
        return [_typed(item, inner) if item is not None else None for item in value]
    if isinstance(value, Model) and type(value).__name__ == kind:
        return _model(value)
    raise _Unsupported(kind)  # dates, enums by name, dicts for models: msrest's rules


def activity_json(activity: Activity) -> dict[str, Any] | None:
    """The activity as msrest's `Serializer.body(activity, "Activity")` writes it, or None
    when a value needs msrest's own handling."""
    try:
        return _model(activity)
    except _Unsupported:
        return None


class LeanSerializer(Serializer):
    """msrest's Serializer, but an Activity body is written by `activity_json`."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if data_type == "Activity" and isinstance(data, Activity) and not kwargs:
            written = activity_json(data)
            if written is not None:
                return written
        return super().body(data, data_type, **kwargs)  # type: ignore[no-untyped-call]


def install(client: Any) -> None:
    """Give a botbuilder ConnectorClient's conversation operations the lean serializer."""
    operations = client.conversations
    current = operations._serialize
    if not isinstance(current, LeanSerializer):
        lean = LeanSerializer(current.dependencies)  # type: ignore[no-untyped-call]
        lean.client_side_validation = current.client_side_validation
        operations._serialize = lean


class CardActivity(Activity):  # type: ignore[misc]
    """An outgoing message whose attachments botbuilder need not deep-copy.

    TurnContext.send_activities deep-copies every activity before addressing it; every
    change it (and the adapter) makes is to the copy's own top-level fields, so a copy
    that shares the card's content with the original is as safe and costs nothing.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> CardActivity:
        clone = copy.copy(self)
        if self.attachments is not None:
            clone.attachments = [copy.copy(a) for a in self.attachments]
        return clone
