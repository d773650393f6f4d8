"""Every store role on one SQL database: what the bot runs on (SQLite or Postgres)."""

from __future__ import annotations

from adapters.sql.conversation_book import SqlConversationBook
from adapters.sql.delivery_ledger import SqlDeliveryLedger
from adapters.sql.eraser import SqlPersonEraser
from adapters.sql.event_log import SqlEventLog
from adapters.sql.installation_book import SqlInstallationBook
from adapters.sql.subscription_book import SqlSubscriptionBook
from adapters.sql.usage_ledger import SqlUsageLedger
from adapters.sql.workspace_eraser import SqlWorkspaceEraser


class SqlStore(
    SqlEventLog,
    SqlConversationBook,
    SqlSubscriptionBook,
    SqlDeliveryLedger,
    SqlUsageLedger,
    SqlPersonEraser,
    SqlInstallationBook,
    SqlWorkspaceEraser,
):
    """The core's Store port: each role's queries in its own module, one engine shared.
    Every query runs unchanged on SQLite and Postgres."""
