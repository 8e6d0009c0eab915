"""``geo explain``: each mention with its place and reason, each claim with its ties and why (issue 15)."""

from __future__ import annotations

import pytest

from geo.corpus import document_from_bytes
from geo.explain import LINK_REASONS, explain_document
from geo.model import Document
from geo.pipeline import process_document
from tests.test_cli import geo as _geo
from tests.test_cli import geo_here


def _explain(text: str, resources) -> tuple[list[str], object]:
    doc = document_from_bytes(text.encode("utf-8"), "a.txt")
    assert isinstance(doc, Document)
    result = process_document(doc, resources)
    return explain_document(doc, result, resources.gazetteer), result


@pytest.mark.parametrize("text", [
    pytest.param("The army said on Tuesday that 25 soldiers were killed near Makhnovka.\n", id="en"),
    pytest.param("Штаб сообщил, что под Махновкой погибли 25 солдат.\n", id="ru"),
])
def test_every_mention_shows_its_place_and_why(text, resources):
    lines, result = _explain(text, resources)
    assert result.resolutions
    for r in result.resolutions:
        [line] = [i for i, line in enumerate(lines) if line.strip().startswith(f"{r.mention.start}  ")]
        assert r.mention.surface in lines[line]
        assert (r.place_id or "unresolved") in lines[line]
        assert lines[line + 1].strip() == f"why: {r.reason}"


def test_every_claim_shows_kind_claimant_figure_and_why_each_place(resources):
    text = "The army said on Tuesday that 25 soldiers were killed near Makhnovka.\n"
    lines, result = _explain(text, resources)
    assert result.claims
    report = "\n".join(lines)
    for claim in result.claims:
        assert f"{claim.kind.value}: {claim.quote!r}" in report
        assert f"claimant: {claim.claimant or 'not said'}" in report
        for tie in claim.places:
            assert f"{tie.place_id}): {tie.link.value}, " in report
    assert LINK_REASONS[result.claims[0].places[0].link] in report


def test_a_name_geo_abstains_on_says_so_with_its_candidates(resources):
    lines, result = _explain("Aleksandrovka was shelled again overnight, residents wrote.\n", resources)
    [r] = result.resolutions
    assert r.place_id is None
    assert f"unresolved among {len(r.mention.candidates)} candidate(s)" in "\n".join(lines)


def test_an_article_without_places_or_claims_says_none(resources):
    lines, _ = _explain("Nothing happened in this short note at all.\n", resources)
    assert "  none: no name of a place of the oblast is in the text" in lines
    assert lines[-1] == "  none"


def test_cli_explains_a_seed_article():
    result = geo_here("explain", "seeds/000_3c41f440098cf267.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("000_3c41f440098cf267.txt: language en")
    assert "why: " in result.stdout and "claimant: " in result.stdout


@pytest.mark.parametrize(("name", "message"), [
    pytest.param("no/such/file.txt", "is not a file", id="missing"),
    pytest.param("pyproject.toml", "not a text or HTML file", id="wrong-suffix"),
])
def test_cli_bad_file_is_one_line(name, message):
    result = _geo("explain", name)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
