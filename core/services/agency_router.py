"""One deployment, many agencies: each message is answered by the responder of the agency
its Slack workspace (or Grid org) or Teams tenant belongs to; a workspace or tenant no
agency names is told so kindly, with the crisis lines, and nothing about it is kept.

With one agency file (or none) every message is that agency's: `AgencyRouter.single`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.domain.agency import Agency
from core.domain.identity import Platform, UserRef
from core.domain.messages import ButtonPress, IncomingMessage
from core.domain.replies import Reply, Section
from core.services import copy
from core.services.lookup import Lookup
from core.services.responder import Responder


class Tenancy:
    """Which agency a Slack team, Grid org or Teams tenant is (ids from the agency files)."""

    def __init__(self, agencies: Sequence[Agency]) -> None:
        self._slack: dict[str, str] = {}
        self._enterprise: dict[str, str] = {}
        self._teams: dict[str, str] = {}
        for agency in agencies:
            self._slack.update(dict.fromkeys(agency.slack_teams, agency.id))
            if agency.slack_enterprise:
                self._enterprise[agency.slack_enterprise] = agency.id
            self._teams.update(dict.fromkeys(agency.teams_tenants, agency.id))

    def agency_of(self, user: UserRef) -> str | None:
        """The agency id, or None when no agency file names the workspace or tenant. A
        workspace named itself wins over its Grid org."""
        if user.platform is Platform.SLACK:
            found = self._slack.get(user.workspace)
            return found if found is not None else self._enterprise.get(user.enterprise)
        if user.platform is Platform.TEAMS:
            return self._teams.get(user.workspace.lower())
        return None


class AgencyRouter:
    """Answers like a Responder (`reply`, `press`, `home`, `help`), choosing the agency's."""

    def __init__(
        self,
        responders: Mapping[str, Responder],
        tenancy: Tenancy | None,
        stranger: Responder,
    ) -> None:
        """`tenancy` None: one agency, `responders` holds it under "" and answers all."""
        self._responders = dict(responders)
        self._tenancy = tenancy
        self._stranger = stranger

    @classmethod
    def single(cls, responder: Responder) -> AgencyRouter:
        return cls({"": responder}, None, responder)

    def replace_with(self, fresh: AgencyRouter) -> None:
        """Answer from now on as `fresh` does (the agency files were read again). One step
        on the event loop: a message is answered wholly by the old or the new agencies."""
        self._responders, self._tenancy, self._stranger = (
            fresh._responders,
            fresh._tenancy,
            fresh._stranger,
        )

    @property
    def lookup(self) -> Lookup:
        """The search of the one agency, or of the national directory alone."""
        return self._stranger.lookup

    def responder_for(self, user: UserRef) -> Responder | None:
        """The responder for this person's agency; None when not enrolled."""
        if self._tenancy is None:
            return self._responders[""]
        if user.platform is Platform.CONSOLE:  # the operator's terminal: the national list
            return self._stranger
        agency = self._tenancy.agency_of(user)
        return None if agency is None else self._responders.get(agency)

    def enrolled(self, user: UserRef) -> bool:
        return self.responder_for(user) is not None

    async def reply(self, message: IncomingMessage) -> Reply:
        responder = self.responder_for(message.user)
        if responder is not None:
            return await responder.reply(message)
        return self.not_enrolled(self._stranger.lookup.assess(message.text).crisis)

    async def press(self, press: ButtonPress) -> Reply:
        responder = self.responder_for(press.user)
        return await responder.press(press) if responder is not None else self.not_enrolled()

    def home(self, user: UserRef | None = None) -> Reply:
        responder = self._responders.get("") if user is None else self.responder_for(user)
        return responder.home() if responder is not None else self.not_enrolled()

    def help(self, user: UserRef | None = None) -> Reply:
        responder = self._responders.get("") if user is None else self.responder_for(user)
        return responder.help() if responder is not None else self.not_enrolled()

    def fallback(self, crisis: bool = False) -> Reply:
        """A kind sentence and the crisis lines, from memory (whatever failed)."""
        return self._stranger.fallback(crisis)

    def not_enrolled(self, crisis: bool = False) -> Reply:
        """Kind, and never without the crisis lines; built from memory, keeps nothing."""
        lines = self._stranger.fallback(crisis).sections[0].cards
        if crisis:
            return Reply(
                (Section(copy.FALLBACK_CRISIS, cards=lines), Section(text=copy.NOT_ENROLLED)),
                crisis=True,
            )
        return Reply(
            (Section(text=copy.NOT_ENROLLED), Section(copy.NOT_ENROLLED_LINES, cards=lines))
        )
