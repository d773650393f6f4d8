"""The learned ranking: how it combines with the keywords, and the model that ships."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.bench_lookups import CORPUS
from bots.bootstrap_services import keyword_index
from core.datafiles.loader import Bundle, DataPaths, load_bundle
from core.errors import DataError
from core.language.logistic import Head
from core.language.negation import NEGATED_KEEPS
from core.language.ranking import (
    MODEL_FILE,
    NARROW,
    NOTHING,
    RankedSearch,
    RankerModel,
    query_features,
    role_of,
)
from core.services.lookup import Lookup
from tests.conftest import DATA, TODAY


def _search(bundle: Bundle, heads: dict[str, Head], weight: float = 1.5, join_at: float = 0.7):
    index = keyword_index(bundle)
    return RankedSearch(index, bundle.directory.resources, RankerModel(heads, weight, join_at))


def _sure_of(word: str) -> Head:
    """A model that is sure whenever `word` is in the query, and unsure otherwise."""
    return Head({f"w:{word}": 40.0}, -8.0)


def _ids(search: RankedSearch, query: str) -> list[str]:
    return [hit.resource.id for hit in search.search(query)]


def test_what_was_learned_reorders_the_keyword_hits(bundle: Bundle) -> None:
    keywords = [h.resource.id for h in keyword_index(bundle).search("drinking too much")]
    assert keywords[0] != "samhsa-helpline" and "samhsa-helpline" in keywords
    search = _search(bundle, {"samhsa-helpline": _sure_of("drinking")})
    assert _ids(search, "drinking too much")[0] == "samhsa-helpline"


def test_an_entry_it_is_sure_of_joins_only_beside_a_keyword_match(bundle: Bundle) -> None:
    search = _search(bundle, {"wounded-blue": _sure_of("radio")})
    assert "wounded-blue" in _ids(search, "drinking on the radio")
    # nothing in the directory matches: the model alone never makes an answer
    assert _ids(search, "radio codes") == []


def test_a_turned_down_entry_keeps_less_of_what_was_learned(bundle: Bundle) -> None:
    search = _search(bundle, {"samhsa-helpline": _sure_of("drinking")})
    for query, share in (("drinking too much", 1.0), ("drinking, not rehab", NEGATED_KEEPS)):
        hit = next(
            h for h in search.search(query, explain=True) if h.resource.id == "samhsa-helpline"
        )
        assert dict(hit.why)["learned from labelled lookups"] == pytest.approx(
            1.5 * share, rel=0.02
        )


def test_explain_adds_up(bundle: Bundle) -> None:
    search = _search(bundle, {"copline": _sure_of("cop")})
    for hit in search.search("talk to a cop about drinking", explain=True):
        assert hit.score == pytest.approx(sum(amount for _, amount in hit.why))


def test_agency_entries_are_scored_by_their_role(agency_services) -> None:  # type: ignore[no-untyped-def]
    roles = {
        r.id: role_of(r)
        for r in agency_services.bundle.directory.resources
        if r.id.startswith("metro")
    }
    assert roles == {
        "metro-eap": "agency:eap",
        "metro-peer-team": "agency:peer",
        "metro-chaplain": "agency:chaplain",
    }


def test_features_read_terms_words_pairs_and_what_is_turned_down(bundle: Bundle) -> None:
    features = query_features(keyword_index(bundle), "booze, not rehab")
    assert {"w:booze", "b:booze_not", "n:rehab"} <= features
    assert any(f.startswith("t:alcohol") for f in features)


def test_the_shipped_model_was_fitted_on_the_train_split_only() -> None:
    shipped = json.loads((DATA / MODEL_FILE).read_text(encoding="utf-8"))
    train = sorted(p.name for p in CORPUS.glob("train-*.yaml"))
    assert shipped["trained_on"] == train
    assert shipped["weight"] > 0 and 0 < shipped["join_at"] <= 1.01


def test_without_the_model_search_runs_on_keywords(tmp_path: Path) -> None:
    data = _copy_of_data(tmp_path)
    (data / MODEL_FILE).unlink()
    bundle = load_bundle(DataPaths(data), TODAY)
    assert bundle.ranker is None
    assert any("search ranker is missing" in p.message for p in bundle.warnings)


def test_an_unreadable_model_is_an_error(tmp_path: Path) -> None:
    data = _copy_of_data(tmp_path)
    (data / MODEL_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="search ranker could not be read"):
        load_bundle(DataPaths(data), TODAY)


def _copy_of_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_work_talk_read_as_nothing_finds_nothing(bundle: Bundle) -> None:
    nothing = Head({"w:range": 40.0}, -8.0, threshold=0.9)
    search = RankedSearch(
        keyword_index(bundle),
        bundle.directory.resources,
        RankerModel({}, 1.5, 0.7, {NOTHING: nothing}),
    )
    assert _ids(search, "range day") == []
    assert _ids(search, "drinking too much")  # what it does not read as nothing still finds


def test_money_and_survivors_programmes_matched_only_by_words_of_asking_are_left_out(
    bundle: Bundle,
) -> None:
    keywords = [h.resource.id for h in keyword_index(bundle).search("need help anyone")]
    assert keywords and all(
        not NARROW.isdisjoint(bundle.directory.get(i).categories) for i in keywords
    )  # on keywords alone, a plea finds only money and survivors' programmes
    search = _search(bundle, {"crisis-text-line": _sure_of("anyone")}, weight=0.1, join_at=0.5)
    assert _ids(search, "need help anyone") == ["crisis-text-line"]
    # a word of their own keeps them ("gambling"), and so does the model's saying so
    assert _ids(search, "need help, my gambling is out of hand")[0] == "ncpg-helpline"
    sure = _search(bundle, {"hundred-club": _sure_of("anyone")}, weight=0.1, join_at=0.5)
    assert "hundred-club" in _ids(sure, "need help anyone")
    # what names money keeps every money programme it matched
    keywords = [h.resource.id for h in keyword_index(bundle).search("money trouble")]
    assert _ids(search, "money trouble")[: len(keywords)] == keywords


def test_a_learned_plea_needs_a_word_pleas_are_made_of(bundle: Bundle) -> None:
    directory = bundle.directory
    lookup = Lookup(directory, keyword_index(bundle), bundle.detector, lambda query: True)
    assert lookup.is_plea("anyone awake")
    assert not lookup.is_plea("shift bid")
    assert [r.id for r in lookup("anyone awake").resources] == [
        r.id for r in directory.talk_lines()
    ]


def test_with_no_keyword_match_only_what_it_is_very_sure_of_is_found(bundle: Bundle) -> None:
    index = keyword_index(bundle)
    assert index.search("i shot a man last month") == []  # no keyword of the directory's
    model = RankerModel({"copline": _sure_of("shot"), "nfcc": _sure_of("radio")}, 1.5, 0.7)
    assert _ids(RankedSearch(index, bundle.directory.resources, model), "i shot a man") == []
    alone = RankerModel(model.heads, 1.5, 0.7, alone_at=0.9)
    search = RankedSearch(index, bundle.directory.resources, alone)
    assert _ids(search, "i shot a man last month") == ["copline"]
    nothing_head = Head({"w:codes": 40.0}, -8.0, threshold=0.9)
    nothing = RankerModel(model.heads, 1.5, 0.7, {NOTHING: nothing_head}, alone_at=0.9)
    assert _ids(RankedSearch(index, bundle.directory.resources, nothing), "radio codes") == []
