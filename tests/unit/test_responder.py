"""The responder: commands, lookups, buttons, and the crisis path under faults."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.bootstrap_services import Services
from core.datafiles.loader import Bundle
from core.domain.identity import Platform, UserRef
from core.domain.messages import ButtonKind, ButtonPress, IncomingMessage, Place
from core.domain.replies import ActionKind, Reply
from core.language.crisis import Assessment, CrisisDetector
from core.language.search import SearchIndex
from core.language.text import make_stemmer
from core.services.copy import BEST_MATCH, WORRIED_TITLE
from core.services.lookup import Lookup
from core.services.privacy import PRIVACY_PARAGRAPHS
from core.services.responder import Responder

USER = UserRef(Platform.CONSOLE, "U1")
CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]


def _message(text: str, place: Place = Place.DIRECT) -> IncomingMessage:
    return IncomingMessage(text, USER, place)


def _card_ids(reply: Reply) -> list[str]:
    return [c.resource_id for s in reply.sections for c in s.cards]


async def test_help_lists_commands_and_the_crisis_lines(services: Services) -> None:
    reply = await services.responder.reply(_message("help"))
    text = reply.sections[0].text or ""
    for word in ("categories", "tip", "privacy"):
        assert word in text
    assert _card_ids(reply) == CRISIS_IDS


async def test_empty_slash_command_gives_the_menu(services: Services) -> None:
    reply = await services.responder.reply(_message("", Place.SLASH))
    assert _card_ids(reply) == CRISIS_IDS
    assert {b.value for b in reply.buttons if b.kind is ButtonKind.CATEGORY} >= {"family", "crisis"}


async def test_categories_offers_a_button_each(services: Services, bundle: Bundle) -> None:
    reply = await services.responder.reply(_message("categories"))
    assert [b.value for b in reply.buttons] == [c.id for c in bundle.directory.categories]


async def test_a_category_by_name_lists_its_members(services: Services) -> None:
    for said in ("family", "Family", "peer support", "Financial help"):
        reply = await services.responder.reply(_message(said))
        assert reply.sections[0].cards, said
    reply = await services.responder.reply(_message("survivors and loss"))
    assert "cops-survivors" in _card_ids(reply)


async def test_lookup_gives_cards_with_actions(services: Services) -> None:
    reply = await services.responder.reply(_message("copline"))
    assert _card_ids(reply)[0] == "copline"
    actions = {a.kind: a.target for a in reply.sections[0].cards[0].actions}
    assert actions == {ActionKind.CALL: "tel:18002675463", ActionKind.URL: "https://copline.org"}


async def test_text_actions_carry_the_keyword(services: Services) -> None:
    reply = await services.responder.reply(_message("text a counselor"))
    card = next(c for c in reply.sections[0].cards if c.resource_id == "crisis-text-line")
    sms = next(a for a in card.actions if a.kind is ActionKind.TEXT)
    assert (sms.label, sms.target) == ("Text BADGE to 741741", "sms:741741?body=BADGE")


async def test_nothing_found_offers_categories_and_crisis_lines(services: Services) -> None:
    reply = await services.responder.reply(_message("radio codes"))
    assert _card_ids(reply) == CRISIS_IDS
    assert any(b.kind is ButtonKind.CATEGORY for b in reply.buttons)
    assert not reply.crisis


async def test_replies_never_echo_what_was_typed(services: Services) -> None:
    sentinel = "zebra-kettle-4471"
    for text in (sentinel, f"alcohol {sentinel}", f"I want to die {sentinel}"):
        reply = await services.responder.reply(_message(text))
        assert sentinel not in repr(reply)


async def test_more_pages_through_results_without_repeats(services: Services) -> None:
    conversation = services.responder
    reply = await conversation.reply(_message("family"))
    seen = _card_ids(reply)
    while more := [b for b in reply.buttons if b.kind is ButtonKind.MORE]:
        reply = await conversation.press(
            ButtonPress(ButtonKind.MORE, more[0].value, USER, Place.DIRECT)
        )
        page = _card_ids(reply)
        assert page and not set(page) & set(seen)
        seen += page
    assert len(seen) > 4


async def test_category_and_tip_buttons(services: Services, bundle: Bundle) -> None:
    reply = await services.responder.press(
        ButtonPress(ButtonKind.CATEGORY, "financial", USER, Place.DIRECT)
    )
    assert "hundred-club" in _card_ids(reply)
    reply = await services.responder.press(ButtonPress(ButtonKind.TIP, "", USER, Place.DIRECT))
    assert reply.sections[0].text == bundle.tips[0].text


async def test_tip_links_its_resource(services: Services, bundle: Bundle) -> None:
    position = next(i for i, t in enumerate(bundle.tips) if t.resource)
    conversation = Responder(bundle.directory, services.lookup, bundle.tips, lambda n: position)
    reply = await conversation.reply(_message("tip"))
    assert _card_ids(reply) == [bundle.tips[position].resource]


async def test_privacy_says_what_is_kept(services: Services) -> None:
    reply = await services.responder.reply(_message("privacy"))
    text = reply.sections[0].text or ""
    assert all(p in text for p in PRIVACY_PARAGRAPHS)
    assert "public records" in text


async def test_unknown_button_values_are_survived(services: Services) -> None:
    for kind, value in [
        (ButtonKind.MORE, "x|nope,,"),
        (ButtonKind.MORE, "99|copline"),
        (ButtonKind.CATEGORY, "yoga"),
    ]:
        reply = await services.responder.press(ButtonPress(kind, value, USER, Place.DIRECT))
        assert reply.sections


class BrokenIndex(SearchIndex):
    """The real index with its search failing: a fault injected at the port."""

    def search(self, query: str):  # type: ignore[override]
        raise RuntimeError("index corrupted")


class BrokenDetector(CrisisDetector):
    def assess(self, text: str) -> Assessment:
        raise RuntimeError("regex engine failure")


def _with(bundle: Bundle, *, index: SearchIndex | None = None, detector=None) -> Responder:
    directory = bundle.directory
    index = index or SearchIndex(
        directory.resources, directory.categories, bundle.synonyms, make_stemmer()
    )
    lookup = Lookup(directory, index, detector or bundle.detector)
    return Responder(directory, lookup, bundle.tips)


async def test_crisis_lines_go_out_when_search_fails(bundle: Bundle) -> None:
    directory = bundle.directory
    broken = BrokenIndex(directory.resources, directory.categories, bundle.synonyms, make_stemmer())
    conversation = _with(bundle, index=broken)
    reply = await conversation.reply(_message("I want to kill myself"))
    assert reply.crisis and _card_ids(reply)[:3] == CRISIS_IDS
    reply = await conversation.reply(_message("alcohol"))
    assert _card_ids(reply) == CRISIS_IDS
    assert "not working" in (reply.sections[0].text or "")


async def test_a_failing_detector_errs_toward_the_lines(bundle: Bundle) -> None:
    conversation = _with(bundle, detector=BrokenDetector(bundle.detector.known_words))
    reply = await conversation.reply(_message("alcohol"))
    assert reply.crisis and _card_ids(reply)[:3] == CRISIS_IDS


async def test_any_other_failure_still_answers_kindly_with_the_lines(
    bundle: Bundle, services: Services
) -> None:
    class Exploding(Responder):
        async def _answer(self, message, assessment):  # type: ignore[override]
            raise KeyError("boom")

    conversation = Exploding(bundle.directory, services.lookup, bundle.tips)
    reply = await conversation.reply(_message("I want to die"))
    assert reply.crisis and _card_ids(reply) == CRISIS_IDS
    reply = await conversation.reply(_message("alcohol"))
    assert "Sorry" in (reply.sections[0].title or "") and _card_ids(reply) == CRISIS_IDS


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300), place=st.sampled_from(list(Place)))
async def test_any_text_gets_a_reply(services: Services, text: str, place: Place) -> None:
    reply = await services.responder.reply(_message(text, place))
    assert reply.sections


@pytest.mark.parametrize(
    "text", ["\x00", "🙂" * 500, "a" * 100_000, "<!channel> <script>", "\u202e"]
)
async def test_odd_input_is_survived(services: Services, text: str) -> None:
    assert (await services.responder.reply(_message(text))).sections


async def test_worry_about_a_colleague_gets_how_to_help_and_the_lines_for_it(
    services: Services,
) -> None:
    reply = await services.responder.reply(
        _message("my partner keeps saying he wants to eat his gun")
    )
    assert not reply.crisis
    first = reply.sections[0]
    assert first.title == WORRIED_TITLE and "Are you thinking about killing yourself?" in (
        first.text or ""
    )
    assert [c.resource_id for c in first.cards] == ["lifeline-988", "copline"]


async def test_the_writers_own_crisis_wins_over_worry_for_someone(services: Services) -> None:
    reply = await services.responder.reply(
        _message("my partner killed himself last year and I keep thinking about following him")
    )
    assert reply.crisis and _card_ids(reply)[:3] == CRISIS_IDS


async def test_a_worry_with_no_risk_words_answers_the_question_then_how_to_help(
    services: Services,
) -> None:
    reply = await services.responder.reply(
        _message("my husbands on swat and keeps gambling his checks away")
    )
    assert not reply.crisis
    assert [s.title for s in reply.sections[:2]] == [BEST_MATCH, WORRIED_TITLE]
    assert [c.resource_id for c in reply.sections[0].cards] == ["ncpg-helpline"]
    assert {c.resource_id for c in reply.sections[1].cards} == {"lifeline-988", "copline"}
