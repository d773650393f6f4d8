"""Crisis language always brings the crisis lines first; police talk does not."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.bootstrap_services import Services
from core.datafiles.loader import Bundle
from core.domain.identity import Platform, UserRef
from core.domain.messages import IncomingMessage, Place
from core.language.crisis import Concern, CrisisDetector
from core.services.responder import Responder
from tests.conftest import SAMPLES

QUERIES = yaml.safe_load((SAMPLES / "queries.yaml").read_text())
CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]

CRISIS = [
    *QUERIES["crisis"],
    "I want to die",
    "i wanna die",
    "thinking about eating my gun",
    "some days I think about eating my gun",
    "I could just eat my glock",
    "I'm going to end it all",
    "everyone would be better off without me",
    "my family is better off without me",
    "kms",
    "gonna kms tonight",
    "I want to unalive myself",
    "no reason to live anymore",
    "there's nothing left to live for",
    "I don't want to be alive",
    "I don't want to wake up tomorrow",
    "i cant go on like this",
    "I've been having suicidal thoughts",
    "suicide",
    "suicde",
    "thinking about sucide",
    "I'm thinking of killing myself",
    "put a gun in my mouth last night",
    "I might blow my brains out",
    "life isn't worth living",
    "what's the point of living",
    "I wish I was dead",
    "I wish I'd never been born",
    "I want to take my own life",
    "I'm going to overdose",
    "I'll drive into a tree on the way home",
    "su1c1de",
    "I KEEP THINKING ABOUT SUICIDE",
    "I’m going to kill myself",  # curly apostrophe
    "planning to end it",
    "tired of living",
    "no way out",
    "nobody would miss me",
    "no one would care if I died",
    "I'm a burden to everyone",
    "I wrote a goodbye letter",
    "I want out of this life",
    "I've got my gun to my head",
    "I want to go to sleep and never wake up",
    "I just want the pain to stop forever",
    "I wish it would all end",
    # the kinds issue 9 names (examples written for the issue)
    "wrote letters to my kids last night",
    "got my affairs in order this week",
    "bought a rope today",
    "I've been stockpiling my pills",
    "said goodbye for good to my brother",
    "drove the unit at 120 hoping to crash",
    "i hope i dont wake up",
    "hope I catch a bullet on this call",
    "I wish a truck would hit me",
    "just want the pain to stop",
    "no point going on",
    "I can't see any future",
    "thinking about how I'd do it",
    "I have a plan",
    "sat with my duty weapon in my lap all night",
    "service pistol in my mouth last night",
    "keep staring at my gun",
    "i wnat to kil myself",
    "10-56",
]

NOT_CRISIS = [
    *QUERIES["not_crisis"],
    "this report is killing me",
    "shoot me the number",
    "dead tired after the double",
    "range day tomorrow",
    "where is the kill switch on the new cruisers",
    "I could kill for a coffee",
    "my feet are killing me",
    "dead battery in the radio",
    "officer suicide awareness",
    "suicide prevention training for the squad",
    "a coworker took his own life",
    "we lost a brother to suicide last year",
    "she killed it at qualification",
    "the suspect shot himself",
    "end of watch ceremony",
    "we'll end it at 1700",
    "pain will subside",
    "alcohol",
    "going through a divorce",
    "beer every night to fall asleep",
    "I'm dying of boredom on this detail",
    "drop dead gorgeous sunset",
    "nobody would notice the new radio codes",
    "the shift ended at 0600",
    "we said goodbye to the sarge at his retirement",
    # the false alarms issue 9 names
    "had a suicide call on nights",
    "suicide watch paperwork",
    "10-56 on 5th street",
    "caller threatening to jump, units en route",
    "wrote up an attempted suicide",
    "suicide by cop incident review",
    "QPR class on thursday",
]

WORRIED = [
    "my partner keeps saying he wants to eat his gun",
    "how do I help a coworker who seems suicidal",
    "my sergeant gave away all his guns and wrote letters to his kids",
    "worried about my husband, he said everyone would be better off without him",
    "buddy on my shift told me he doesn't want to wake up anymore",
]


@pytest.fixture(scope="module")
def detector(bundle: Bundle) -> CrisisDetector:
    return bundle.detector


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_language_is_recognised(detector: CrisisDetector, text: str) -> None:
    assert detector.is_crisis(text)


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_police_talk_is_not_an_alarm(detector: CrisisDetector, text: str) -> None:
    assert not detector.is_crisis(text)


@pytest.mark.parametrize("text", WORRIED)
def test_worry_about_someone_else_is_its_own_route(detector: CrisisDetector, text: str) -> None:
    assert detector.assess(text).concern is Concern.OTHER


@pytest.mark.parametrize("text", QUERIES["crisis"])
def test_sample_crisis_lookups_lead_with_the_crisis_lines(services: Services, text: str) -> None:
    result = services.lookup(text)
    assert result.crisis
    assert [r.id for r in result.resources[:3]] == CRISIS_IDS


def test_a_bare_who_on_the_line_before_names_nobody(services: Services) -> None:
    """Found by the property below: "WH0:IS" then "thinking about suicide" on the next line
    read as a question about someone else, and lost the crisis lines."""
    for text in (
        "WH0:IS\nthinking about suicide.\n",
        "who is\nthinking about suicide",
        "H\u00be\nthinking about suicide.\n",  # found later: "H¾" reads "he 4", a line of noise
        "\nsuicide.\nDYS",  # and later: "DYS" reads "days", a shift, but on another line
    ):
        assert services.lookup.assess(text).crisis, text


def test_crisis_lines_come_first_then_what_else_matched(services: Services) -> None:
    ids = [r.id for r in services.lookup("drinking every night and I want to die").resources]
    assert ids[:3] == CRISIS_IDS
    assert "copline" not in ids[3:]  # not listed twice
    ids = [r.id for r in services.lookup("thinking about suicide after my divorce").resources]
    assert ids[:3] == CRISIS_IDS


PHRASES = st.sampled_from([t for t in CRISIS if t not in ("suicde", "su1c1de", "10-56")])
NOISE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@pytest.fixture
def responder(services: Services) -> Responder:
    """The responder alone: a failing example then prints in a line, not as every field of
    the whole Services dataclass (46 kB, which hypothesis refuses to print)."""
    return services.responder


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(before=NOISE, phrase=PHRASES, after=NOISE)
async def test_crisis_anywhere_in_a_message_leads_the_reply(
    responder: Responder, before: str, phrase: str, after: str
) -> None:
    text = f"{before}\n{phrase}.\n{after}"
    reply = await responder.reply(
        IncomingMessage(text, UserRef(Platform.CONSOLE, "u"), Place.DIRECT)
    )
    assert reply.crisis
    first = reply.sections[0].cards
    assert [c.resource_id for c in first[:3]] == CRISIS_IDS
