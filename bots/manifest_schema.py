"""App manifests checked against the platforms' published JSON schemas (vendored under
data/schemas, see its README) before anything is written: a manifest Slack or Teams would
refuse is our bug, caught here rather than in an admin's upload dialog."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SLACK_SCHEMA = Path("schemas") / "slack" / "manifest.schema.1.0.0.json"
TEAMS_SCHEMA = Path("schemas") / "teams" / "MicrosoftTeams.schema.1.22.json"


def schema_problems(document: Any, schema_file: Path) -> list[str]:
    """Each way `document` breaks the schema, as 'where: what'; [] when it conforms."""
    from jsonschema.validators import validator_for  # only the manifest commands need it

    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = validator_for(schema)(schema)
    return sorted(
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top level)'}: {error.message}"
        for error in validator.iter_errors(document)
    )
