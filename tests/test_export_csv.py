"""CSV export (geo/export/csv.py) and the flat claim rows it writes (geo/export/rows.py).

Byte determinism and atomic writes of CSV and GeoJSON are tested once, through the
registry, in test_export_geojson.py.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.export.csv import _neutralised, render_csv
from geo.export.rows import CLAIM_COLUMNS
from tests.builds import one_claim_build, sample_build

PLACE_COLUMNS = ("geo_precision", "admin1", "admin2", "location", "latitude", "longitude",
                 "place_id", "link")


def read_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.fixture
def build():
    return sample_build()


@pytest.fixture
def rows(build):
    return {(r["claim_id"], r["place_id"]): r for r in read_rows(render_csv(build, raw=True))}


def test_header_is_the_documented_columns_in_order(build):
    header = render_csv(build).split(b"\r\n", 1)[0].decode("ascii")
    assert header.split(",") == list(CLAIM_COLUMNS)
    assert header.split(",")[:11] == ["event_date", "time_precision", "geo_precision", "admin1",
                                      "admin2", "location", "latitude", "longitude", "source",
                                      "notes", "fatalities"]


def test_is_utf8_without_bom_with_crlf_records(build):
    data = render_csv(build)
    assert not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")
    assert data.endswith(b"\r\n")
    # every record ends in CRLF: re-serialising what was read gives the same bytes
    buffer = io.StringIO(newline="")
    records = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    csv.writer(buffer, lineterminator="\r\n").writerows(records)
    assert buffer.getvalue().encode("utf-8") == data


def test_one_row_per_claim_and_place(build, rows):
    assert Counter(claim_id for claim_id, _ in rows) == {
        c.claim_id: max(1, len(c.places)) for c in build.claims}
    unplaced = rows[("c-gur-deployed", "")]
    assert {name: unplaced[name] for name in PLACE_COLUMNS} == dict.fromkeys(PLACE_COLUMNS, "")
    assert (unplaced["where_prec"], unplaced["contested"]) == ("6", "false")


def test_text_round_trips_exactly(build, rows):
    claims = {c.claim_id: c for c in build.claims}
    sources = {s.source: s for s in build.sources}
    for (claim_id, _), row in rows.items():
        claim, source = claims[claim_id], sources[claims[claim_id].source]
        assert row["quote"] == row["notes"] == claim.quote
        assert (row["claimant"], row["subject"]) == (claim.claimant or "", claim.subject or "")
        assert row["source_article"] == source.source
        assert row["source_headline"] == (source.title or "")
        assert (int(row["quote_start"]), int(row["quote_end"])) == (claim.start, claim.end)


EXPECTED = [
    pytest.param("c-mod-killed", "inid160:115637", {
        "event_date": "2024-08-12", "time_precision": "1", "date_prec": "1", "date_basis": "claim",
        "geo_precision": "1",
        "where_prec": "1", "fatalities": "2000", "low": "2000", "best": "", "high": "",
        "source": "ТАСС", "source_office": "ТАСС", "location": "Sudzha",
        "latitude": "51.191944", "longitude": "35.271944", "link": "sentence", "contested": "true",
    }, id="killed, low bound, contested"),
    pytest.param("c-zel-killed", "inid160:115637", {
        "event_date": "2024-08-12", "time_precision": "1", "fatalities": "100", "best": "100",
        "source": 'en/zelensky, "address".txt', "source_office": "", "source_date": "2024-08",
        "contested": "true",
    }, id="killed, best only, no publisher"),
    pytest.param("c-mod-captured", "inid160:25632", {
        "event_date": "2024-08-12", "time_precision": "1", "date_prec": "1", "date_basis": "published",
        "geo_precision": "2", "where_prec": "3", "fatalities": "0", "high": "30", "admin2": "Sudzhansky District",
        "source_date": "2024-08-12T09:30:00+03:00", "contested": "false",
    }, id="untrusted settlement point, date from published"),
    pytest.param("c-mod-captured", "kursk-district:sudzhanskiy", {
        "geo_precision": "2", "where_prec": "3", "link": "paragraph",
    }, id="district"),
    pytest.param("c-zel-region", "kursk-oblast", {
        "event_date": "2024-08-01", "time_precision": "3", "date_prec": "4", "date_basis": "published",
        "geo_precision": "3",
        "where_prec": "4", "fatalities": "0", "low": "0.67", "admin2": "", "claimant": "",
        "link": "article",
    }, id="region, killed_or_wounded is not fatalities, month as its first day"),
    pytest.param("c-gur-deployed", "", {
        "event_date": "2024-10-28", "time_precision": "2", "date_prec": "3", "date_basis": "claim",
        "geo_precision": "",
        "where_prec": "6", "fatalities": "0", "best": "11000", "source": "uk/unplaced.txt",
        "latitude": "", "link": "",
    }, id="unplaced, week as its Monday"),
]


@pytest.mark.parametrize(("claim_id", "place_id", "expected"), EXPECTED)
def test_column_values(rows, claim_id, place_id, expected):
    row = rows[(claim_id, place_id)]
    assert {name: row[name] for name in expected} == expected


@given(st.text(min_size=1))
def test_any_quote_round_trips(quote):
    [row] = read_rows(render_csv(one_claim_build(quote), raw=True))  # --raw-csv: cells unchanged
    assert (row["quote"], row["claimant"], row["subject"]) == (quote, quote, quote)


def _dated(reported: str | None, published: str | None):
    from geo.model import Claim, Kind, Source

    claim = Claim(claim_id="c", source="a.txt", start=0, end=1, quote="x", claimant=None, kind=Kind.OTHER,
                  reported=reported)
    return claim, Source(source="a.txt", sha256="0", published=published)


@pytest.mark.parametrize(("reported", "published", "expected"), [
    pytest.param(None, "2024-08-12T23:30:00+03:00", ("2024-08-12", "day", "published"), id="timestamp-day"),
    pytest.param("2024", "2024-08-12", ("2024-01-01", "year", "claim"), id="own-date-first"),
    pytest.param("2024-12", None, ("2024-12-01", "month", "claim"), id="month-first-day"),
    pytest.param("2025-W01", None, ("2024-12-30", "week", "claim"), id="week-across-new-year"),
    pytest.param(None, None, (None, None, None), id="no-date"),
])
def test_event_date_is_a_whole_day_with_its_basis(reported, published, expected):
    """Issue 15: a GDAL DATE needs a whole day; the precision and basis say what is known."""
    from geo.export.rows import claim_date

    day, precision, basis = claim_date(*_dated(reported, published))
    assert (day, precision.value if precision else None, basis) == expected


# --- issue 14: one CSV writer's quoting, by hand (geo/export/fragments.py: csv_record)

#: Cells a spreadsheet or a parser trips on: the delimiter, quotes, both line ends, NUL,
#: a lone surrogate, spaces at the ends, and the empty cell.
_HOSTILE_CELLS = st.lists(
    st.text(alphabet=st.sampled_from([",", '"', "\r", "\n", "\x00", "\ud800", " ", "a", "é", "'", "=", "\t"]))
    | st.text(), min_size=1, max_size=8)


def _csv_writer_line(cells: list[str]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


@given(_HOSTILE_CELLS)
def test_issue_14_the_quoting_by_hand_equals_csv_writer_on_hostile_cells(cells):
    from geo.export.fragments import csv_record

    assert csv_record(cells) == _csv_writer_line(cells)


@pytest.mark.parametrize("cells", [
    pytest.param([""], id="one-empty-cell"),
    pytest.param(["", ""], id="two-empty-cells"),
    pytest.param(['say "40", not 50'], id="quote-and-comma"),
    pytest.param(["a\r\nb", "c"], id="crlf-inside"),
])
def test_issue_14_the_quoting_by_hand_on_the_edge_cases(cells):
    from geo.export.fragments import csv_record

    assert csv_record(cells) == _csv_writer_line(cells)


@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("=1+2,b\r\n", "'=1+2,b\r\n", id="first cell bare"),
    pytest.param('"=1,2",b\r\n', "\"'=1,2\",b\r\n", id="first cell quoted"),
    pytest.param('a,"@SUM(A1)"\r\n', "a,'@SUM(A1)\r\n", id="later cell quoted"),
    pytest.param("a,-1.5,+x\r\n", "a,-1.5,'+x\r\n", id="a number stays, text does not"),
    pytest.param('a,"x,=y"\r\n', 'a,"x,=y"\r\n', id="a comma inside a quoted cell is no cell start"),
    pytest.param("a,b\r\n", "a,b\r\n", id="nothing to do"),
    pytest.param("a,b\r\n=c,d\r\n", "a,b\r\n'=c,d\r\n", id="a page of records: the second's first cell"),
    pytest.param('a,"x\n-y"\r\nb,c\r\n', 'a,"x\n-y"\r\nb,c\r\n', id="a line break in a quoted cell"),
])
def test_issue_14_the_quick_formula_check_neutralises_what_the_parser_would(line, expected):
    assert list(_neutralised([line])) == [expected]
