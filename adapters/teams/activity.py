"""Teams activities in and out: translation to core types, ids, mentions, references."""

from __future__ import annotations

import json
import re
from typing import Any

from botbuilder.schema import Activity  # type: ignore[import-untyped]
from msrest.serialization import Model

from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.messages import ButtonKind, ButtonPress, IncomingMessage, Place

_AT_TAG = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_STRAY_AT = re.compile(r"</?at>", re.IGNORECASE)


def tenant_of(activity: Activity) -> str:
    """botbuilder drops conversation.tenantId when deserialising; channelData keeps it."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = (channel_data.get("tenant") or {}).get("id")
    return str(tenant or getattr(activity.conversation, "tenant_id", None) or "")


def _entity(entity: Any) -> dict[str, Any]:
    """An entity's fields. msrest keeps unknown ones (timezone, mentioned, text) in
    additional_properties, and `serialize()` drops them."""
    if isinstance(entity, Model):
        extra = getattr(entity, "additional_properties", None) or {}
        return {**extra, "type": getattr(entity, "type", None)}
    return entity if isinstance(entity, dict) else {}


def timezone_of(activity: Activity) -> str | None:
    for entity in activity.entities or []:
        data = _entity(entity)
        if isinstance(data, dict) and data.get("type") == "clientInfo" and data.get("timezone"):
            return str(data["timezone"])
    return None


def strip_mentions(activity: Activity) -> str:
    """The text without its @mentions. Never raises: a stray tag ("</at> <at> I want to die")
    must not cost the message, least of all the crisis lines."""
    text = str(activity.text or "")
    for entity in activity.entities or []:
        data = _entity(entity)
        if data.get("type") == "mention" and data.get("text"):
            text = text.replace(str(data["text"]), " ")
    text = _AT_TAG.sub(" ", text)
    return _STRAY_AT.sub(" ", text).strip()


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot, on positive evidence only; anything else is shared.

    Teams marks personal chats `conversationType: personal` (ids "a:…"); the Emulator sends
    no type. A channel or group chat (ids "19:…", channelData.team/channel, isGroup) is
    never personal, whatever else is missing.
    """
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None)
    if kind is not None:
        return bool(kind == "personal")
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    shared = (
        getattr(conversation, "is_group", False)
        or str(conversation.id).startswith("19:")
        or bool(channel_data.get("team") or channel_data.get("channel"))
    )
    if shared:
        return False
    return str(conversation.id).startswith("a:") or activity.channel_id == "emulator"


def from_a_bot(activity: Activity) -> bool:
    """Another bot (Teams bot ids start "28:") or anything that says it is one."""
    sender = activity.from_property
    if sender is None:
        return True
    return str(sender.id or "").startswith("28:") or getattr(sender, "role", None) == "bot"


def channel_key(activity: Activity) -> str:
    """A channel's conversation id without the thread (";messageid=…") part."""
    return str(activity.conversation.id).split(";", 1)[0]


def reference_json(
    *,
    channel_id: str,
    service_url: str,
    conversation_id: str,
    tenant: str,
    conversation_type: str | None,
    bot_id: str | None,
    user_id: str | None,
) -> str:
    """What reaching a conversation again needs: ids, tenant, serviceUrl; no names."""
    reference = {
        "channelId": channel_id,
        "serviceUrl": service_url,
        "conversation": {
            "id": conversation_id,
            "tenantId": tenant,
            "conversationType": conversation_type,
        },
        "bot": {"id": bot_id} if bot_id else None,
        "user": {"id": user_id} if user_id else None,
    }
    return json.dumps(reference, separators=(",", ":"))


def minimal_reference(activity: Activity, tenant: str) -> str:
    """A personal chat's reference names its person; a channel's or group's names nobody."""
    personal = is_personal(activity)
    return reference_json(
        channel_id=activity.channel_id,
        service_url=activity.service_url,
        conversation_id=str(activity.conversation.id),
        tenant=tenant,
        conversation_type=getattr(activity.conversation, "conversation_type", None),
        bot_id=activity.recipient.id if activity.recipient else None,
        user_id=activity.from_property.id if activity.from_property and personal else None,
    )


def to_core_user(activity: Activity) -> UserRef:
    """The sender, with their tenant (which agency they are, with several agencies)."""
    sender = activity.from_property.id if activity.from_property else ""
    return UserRef(Platform.TEAMS, sender or "", tenant_of(activity))


def to_core_message(activity: Activity, place: Place) -> IncomingMessage:
    user = to_core_user(activity)
    where = ConversationRef(Platform.TEAMS, str(activity.conversation.id))
    return IncomingMessage(strip_mentions(activity), user, place, where, timezone_of(activity))


def to_core_press(activity: Activity, data: Any) -> ButtonPress | None:
    if not isinstance(data, dict):
        return None
    try:
        kind = ButtonKind(data.get("kind"))
    except ValueError:
        return None
    user = to_core_user(activity)
    where = ConversationRef(Platform.TEAMS, str(activity.conversation.id))
    return ButtonPress(
        kind, str(data.get("value") or ""), user, Place.DIRECT, where, timezone_of(activity)
    )


def card_action_data(activity: Activity) -> Any:
    """The data of an Action.Execute invoke (adaptiveCard/action)."""
    value = activity.value if isinstance(activity.value, dict) else {}
    action = value.get("action") or {}
    return action.get("data") if isinstance(action, dict) else None
