"""``geo eval``: the same overall figures as the shared score.py, plus per kind and language, and readable misses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.evaluate import GoldClaim, GoldDocument, GoldPlace, evaluate, report_lines, summary_line
from tests.test_cli import geo_here

PLACE_A = {"place_id": "p:a", "name": "Alpha", "place_type": "settlement"}
REGION = {"place_id": "r:kursk", "name": "Kursk Oblast", "place_type": "region"}


def _feature(props: dict, lon: float, lat: float, mentions: list, claims: list) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {**props, "mentions": mentions, "claims": claims}}


def _claim(claim_id: str, source: str, start: int, end: int, kind: str, best: float | None,
           claimant: str | None = "Army") -> dict:
    figure = None if best is None else {"text": str(best), "low": None, "best": best, "high": None}
    return {"claim_id": claim_id, "source": source, "start": start, "end": end, "quote": "q" * (end - start),
            "kind": kind, "claimant": claimant, "figure": figure}


def _gold_claim(start: int, end: int, kind: str, best: float | None, places: tuple[str, ...],
                claimant: str | None = "Army") -> GoldClaim:
    figure = (None, None if best is None else best, None)
    return GoldClaim(start, end, "q" * (end - start), claimant, ("the army",), kind, figure,
                     None if best is None else str(best), places)


GOLD = (
    GoldDocument("en.txt", "en", (GoldPlace(10, 15, "Alpha", "Alpha", 51.0, 35.0),),
                 (_gold_claim(0, 40, "killed", 12, ("Alpha",)),
                  _gold_claim(50, 90, "control", None, ("Kursk oblast",)))),
    GoldDocument("ru.txt", "ru", (GoldPlace(5, 10, "Альфа", "Alpha", 51.0, 35.0),),
                 (_gold_claim(0, 30, "wounded", 4, (), claimant=None),)),
)


def _collection() -> dict:
    alpha_claims = [_claim("c1", "en.txt", 0, 40, "killed", 12.2, claimant="THE  Army")]
    region_claims = [_claim("c2", "en.txt", 50, 90, "deployed", None)]
    return {
        "type": "FeatureCollection",
        "features": [
            _feature(PLACE_A, 35.0, 51.0, [{"source": "en.txt", "start": 10, "end": 15, "surface": "Alpha"},
                                          {"source": "ru.txt", "start": 40, "end": 45, "surface": "Альфу"}],
                     alpha_claims),
            _feature(REGION, 36.0, 51.5, [], region_claims),
        ],
        "unplaced_claims": [_claim("c3", "ru.txt", 0, 30, "wounded", 4, claimant=None),
                            _claim("c4", "other.txt", 0, 10, "killed", 1)],
    }


def test_overall_figures_follow_the_gold_rules():
    score = evaluate(GOLD, _collection())
    t = score.overall
    assert (t.places, t.mentions, t.matched, t.within_5km) == (2, 2, 1, 1)
    assert t.mention_f1 == pytest.approx(0.5)
    # Three gold claims, all found; the control one has the wrong kind; a claim of a file
    # the gold does not annotate counts against precision.
    assert (t.claims, t.found, t.claimant, t.kind, t.figure, t.link) == (3, 3, 3, 2, 3, 3)
    assert t.claim_precision == pytest.approx(3 / 4)


def test_figures_per_kind_and_per_language():
    score = evaluate(GOLD, _collection())
    assert set(score.by_language) == {"en", "ru"}
    assert score.by_language["ru"].places == 1 and score.by_language["ru"].matched == 0
    assert score.by_language["en"].claims == 2 and score.by_language["en"].kind == 1
    assert score.by_kind["control"].claims == 1 and score.by_kind["control"].kind == 0
    # geo's own kind carries its claims' precision: the deployed claim overlapped a gold one.
    assert score.by_kind["deployed"].exported == 1 and score.by_kind["deployed"].exported_ok == 1
    assert score.by_kind["killed"].exported == 2


def test_a_miss_shows_gold_and_geo_side_by_side():
    score = evaluate(GOLD, _collection())
    [miss] = [m for m in score.misses if "wrong kind" in m]
    lines = miss.splitlines()
    assert lines[0].startswith("en.txt:50 claim wrong kind")
    kind_row = next(line for line in lines if line.split()[0] == "kind")
    assert kind_row.split() == ["kind", "control", "|", "deployed"]
    # The "|" of every row sits in the same column.
    columns = {line.index("|") for line in lines[1:]}
    assert len(columns) == 1
    assert any("place 'Альфа' not found" in m for m in score.misses)
    assert any("extra place 'Альфу'" in m for m in score.misses)


def test_report_has_tables_and_ends_with_the_summary():
    lines = report_lines(evaluate(GOLD, _collection()))
    assert lines[-1] == summary_line(evaluate(GOLD, _collection()))
    assert any(line.startswith("kind control") for line in lines)
    assert any(line.startswith("language ru") for line in lines)


def test_nothing_expected_and_nothing_made_scores_one():
    score = evaluate((GoldDocument("x.txt", "uk", (), ()),), {"type": "FeatureCollection", "features": []})
    assert score.overall.mention_f1 == 1.0 and score.overall.claim_precision == 1.0


def test_geo_eval_agrees_with_the_shared_scorer_on_the_seeds(seeds_geojson, shared):
    """Issue 15: the overall figures of ``geo eval`` are exactly score.py's."""
    from geo.evaluate import load_gold

    gold = shared / "seeds-gold.json"
    result = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(seeds_geojson),
                             "--json"], capture_output=True, text=True, check=False)
    reference = json.loads(result.stdout)
    mine = evaluate(load_gold(gold), json.loads(seeds_geojson.read_text(encoding="utf-8"))).overall
    m, c = reference["mentions"], reference["claims"]
    assert (mine.places, mine.mentions, mine.matched, mine.within_5km) == (
        m["gold"], m["export"], m["matched"], m["within_5km"])
    assert (mine.claims, mine.exported, mine.found) == (c["gold"], c["export"], c["found_n"])
    assert mine.mention_precision == m["precision"] and mine.mention_recall == m["recall"]
    assert mine.mention_f1 == m["f1"] and mine.acc_5km == m["acc5"]
    for key in ("claimant", "kind", "figure", "link"):
        assert mine.claim_share(getattr(mine, key)) == c[key], key
    assert mine.claim_precision == c["precision"]

    cli = geo_here("eval", str(gold), "seeds")
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.rstrip().splitlines()[-1] == reference["summary"]
