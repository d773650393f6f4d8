"""Logging set-up. Message text never reaches a log record: the core logs only kinds."""

from __future__ import annotations

import logging
import sys

# Platform SDKs log request and response bodies at DEBUG; those can carry what an
# officer typed. They never log below WARNING, whatever WELLCHECK_LOG_LEVEL says.
SDK_LOGGERS = (
    "slack_bolt",
    "slack_sdk",
    "wellcheck.slack.bolt",
    "botbuilder",
    "botframework",
    "msrest",
    "msal",
    "azure",
)


def configure(level: str) -> None:
    logging.basicConfig(
        stream=sys.stderr,
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
