"""The Teams app package: manifest.json and the two icons, zipped for upload."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

MANIFEST_VERSION = "1.22"
SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
SCOPES = ["personal", "team", "groupChat"]
COMMANDS = (
    ("support", "Find support privately, e.g. support sleep. Only you see the answer."),
    ("tip", "A resilience tip."),
    ("subscribe", "Resilience tips by private message, e.g. subscribe daily at 06:30."),
    ("unsubscribe", "Stop the tips."),
    ("privacy", "What WellCheck keeps and who can see it."),
    ("help", "How WellCheck works."),
)


def manifest(app_id: str, website: str, version: str = "1.0.0") -> dict[str, Any]:
    if not _GUID.match(app_id):
        raise ValueError("--app-id must be the bot's Microsoft App ID, a GUID")
    base = website.rstrip("/")
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": "WellCheck",
            "websiteUrl": base,
            "privacyUrl": f"{base}#privacy-what-wellcheck-keeps-and-who-can-see-it",
            "termsOfUseUrl": base,
        },
        "name": {"short": "WellCheck", "full": "WellCheck: private support for officers"},
        "description": {
            "short": "Find mental-health support privately: only you see the answers.",
            "full": (
                "WellCheck helps officers find the right hotline, peer team or program without "
                "anyone watching. Chat with it privately, or mention it in a channel and it answers "
                "you in a private chat. Crisis lines always come first, and nothing you type is stored."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#1D3557",
        "bots": [
            {
                "botId": app_id,
                "scopes": SCOPES,
                "isNotificationOnly": False,
                "supportsFiles": False,
                "supportsCalling": False,
                "supportsVideo": False,
                "commandLists": [
                    {
                        "scopes": SCOPES,
                        "commands": [{"title": t, "description": d} for t, d in COMMANDS],
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [],
    }


def website_problem(website: str) -> str | None:
    """Why `website` cannot be the app's privacy and terms address, if it cannot."""
    parts = urlsplit(website)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        return f"--website must be an https address (Teams requires it), not {website!r}"
    return None


def write_package(document: dict[str, Any], out: Path, icons: Path) -> Path:
    """Zip the manifest as manifest.json, color.png (192×192) and outline.png (32×32) at
    the top level."""
    content = json.dumps(document, indent=2)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", content)
        package.write(icons / "color.png", "color.png")
        package.write(icons / "outline.png", "outline.png")
    return out
