"""Load the committed gazetteer (``gazetteer/places.csv``) into an immutable index.

The index holds every place record (settlements, the 33 districts and the oblast) and
the plain names each carries. Turning names into every spelling and case form is the
job of ``names`` and ``forms``; scanning text is the job of ``toponyms``. Loading is an
explicit call, ``load_gazetteer(path)``: nothing happens at import time.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from geo.errors import GazetteerError
from geo.model import Place, PlaceType

#: The folder shipped beside the package (an editable install or a source checkout).
DEFAULT_GAZETTEER = Path(__file__).resolve().parent.parent / "gazetteer"
REGION_ID = "kursk-oblast"
ADMIN1 = "Kursk Oblast"


@dataclass(frozen=True, slots=True)
class PlaceNames:
    """The names one place carries in the data: Russian first, then Latin and alternates."""

    place_id: str
    russian: str
    latin: str
    alternates: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    """Immutable index of the oblast's places.

    places      every place by id (settlements, districts, the oblast)
    names       the names of each place, in id order
    version     hash of the data files: the key of every derived cache
    folder      where the data was read from (districts.geojson lives there too)
    """

    places: Mapping[str, Place]
    names: tuple[PlaceNames, ...]
    version: str
    folder: Path

    @property
    def region(self) -> Place:
        """The oblast itself."""
        return self.places[REGION_ID]

    def district_of(self, place_id: str) -> Place | None:
        """The district record a place lies in, or None for the oblast."""
        district_id = self.places[place_id].district_id
        return self.places.get(district_id) if district_id else None

    @cached_property
    def settlements(self) -> tuple[Place, ...]:
        """Every settlement, sorted by id."""
        return tuple(p for p in self.places.values() if p.place_type is PlaceType.SETTLEMENT)

    @cached_property
    def names_by_id(self) -> Mapping[str, PlaceNames]:
        """The names of each place, by place id."""
        return MappingProxyType({n.place_id: n for n in self.names})

    @cached_property
    def namesake_city_id(self) -> str | None:
        """The city the oblast is named after (Kursk), whose bare name also names the oblast."""
        root = self.region.name_local.split()[0].lower()[:-3]  # "курская" → "курс"
        for place in self.settlements:
            if place.category == "city" and place.name_local.lower().startswith(root):
                return place.place_id
        return None

    @property
    def districts_geojson(self) -> Path:
        """Path of the simplified district polygons."""
        return self.folder / "districts.geojson"


def _rows(lines: Iterable[str]) -> list[dict[str, str]]:
    """``list(csv.DictReader(lines))``, read by the C reader (DictReader's Python loop was a
    third of loading the gazetteer, which every command does: issue 14).

    A short row's missing cells are None and a long row's extra cells are listed under
    None, as DictReader gives them.

    >>> _rows(["id,name", "a,A", "b", "c,C,extra"])
    [{'id': 'a', 'name': 'A'}, {'id': 'b', 'name': None}, {'id': 'c', 'name': 'C', None: ['extra']}]
    """
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return []
    width = len(header)
    rows = []
    for cells in reader:
        if len(cells) == width:
            rows.append(dict(zip(header, cells, strict=True)))
        elif cells:  # DictReader skips an empty row
            row: dict[str | None, object] = dict(zip(header, cells[:width] + [None] * (width - len(cells)),
                                                     strict=True))
            if len(cells) > width:
                row[None] = cells[width:]
            rows.append(row)  # type: ignore[arg-type]
    return rows


#: A place type by its value: a dict lookup, cheaper than calling the enum 2,800 times.
_PLACE_TYPES = {member.value: member for member in PlaceType}


def _place_from_row(row: dict[str, str]) -> Place:
    place_type = _PLACE_TYPES.get(row["place_type"])
    return Place(
        place_id=row["id"],
        name=row["name_en"],
        name_local=row["name_ru"],
        place_type=place_type if place_type is not None else PlaceType(row["place_type"]),
        admin1=ADMIN1,
        admin2=row["admin2"] or None,
        district_id=row["district_id"] or None,
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        population=int(row["population"] or 0),
        category=row["category"],
        is_point_trusted=row["point_trusted"] == "1",
    )


#: Curated places the source register lacks (see ATTRIBUTION.md); merged at load, so the
#: built files stay a byte-for-byte function of the shared source.
ADDENDUM = "addendum.csv"
_ADDENDUM_COLUMNS = ("id", "name_ru", "name_en", "alt_names", "category", "lat", "lon",
                     "district_id", "population", "provenance")


def _addendum_rows(folder: Path, rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], bytes]:
    """Rows of the folder's addendum in the shape of ``places.csv`` rows, and its bytes.

    A folder without an addendum (a test slice, an older gazetteer) has none.
    """
    path = folder / ADDENDUM
    if not path.is_file():
        return [], b""
    data = path.read_bytes()
    reader = csv.DictReader(data.decode("utf-8").splitlines())
    if tuple(reader.fieldnames or ()) != _ADDENDUM_COLUMNS:
        msg = f"{path} must have the columns {','.join(_ADDENDUM_COLUMNS)}"
        raise GazetteerError(msg)
    districts = {r["id"]: r for r in rows if r["place_type"] == "district"}
    out = []
    for row in reader:
        district = districts.get(row["district_id"])
        if district is None or not row["provenance"].strip():
            msg = f"{path}: {row['id']} needs a known district_id and a provenance"
            raise GazetteerError(msg)
        out.append({**{k: row[k] for k in _ADDENDUM_COLUMNS if k != "provenance"},
                    "place_type": "settlement", "admin2": district["name_en"], "point_trusted": "1"})
    return out, data


def resolve_gazetteer_path(path: Path | None = None) -> Path:
    """The folder to load: the argument, else ``$GEO_GAZETTEER``, else the shipped one."""
    if path is not None:
        return Path(path)
    env = os.environ.get("GEO_GAZETTEER")
    return Path(env) if env else DEFAULT_GAZETTEER


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read ``places.csv`` and ``VERSION`` from the gazetteer folder.

    The curated ``addendum.csv`` beside it, when present, adds its places (and its hash
    to the version).

    Parameters
    ----------
    path
        Folder holding ``places.csv``; default: ``resolve_gazetteer_path()``.

    Returns
    -------
    Gazetteer
        The immutable index.
    """
    folder = resolve_gazetteer_path(path)
    csv_path = folder / "places.csv"
    try:
        with csv_path.open(encoding="utf-8", newline="") as fh:
            rows = _rows(fh)
        version = (folder / "VERSION").read_text(encoding="ascii").strip()
    except OSError as err:
        msg = (f"cannot read the gazetteer in {folder}: {err.strerror or err}; "
               "rebuild it with `python -m geo.gazetteer_build SOURCE gazetteer`")
        raise GazetteerError(msg) from err
    except (UnicodeDecodeError, csv.Error) as err:  # random bytes, NULs: the user's data, not a bug
        msg = f"the gazetteer in {folder} is damaged ({' '.join(str(err).split())[:120]}); rebuild it"
        raise GazetteerError(msg) from err
    try:
        extra, addendum = _addendum_rows(folder, rows)
        if addendum:
            rows += extra
            version = f"{version}+{hashlib.sha256(addendum).hexdigest()[:8]}"
        places = {row["id"]: _place_from_row(row) for row in rows}
        names = tuple(
            PlaceNames(row["id"], row["name_ru"], row["name_en"],
                       tuple(a for a in row["alt_names"].split("|") if a))
            for row in sorted(rows, key=lambda r: r["id"])
        )
    except (KeyError, ValueError, TypeError, AttributeError) as err:  # short rows give None cells
        msg = f"the gazetteer in {folder} is damaged ({' '.join(str(err).split())[:120]}); rebuild it"
        raise GazetteerError(msg) from err
    if REGION_ID not in places:
        msg = f"the gazetteer in {folder} has no oblast row {REGION_ID!r}; rebuild it"
        raise GazetteerError(msg)
    return Gazetteer(places=MappingProxyType(dict(sorted(places.items()))), names=names,
                     version=version, folder=folder)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle (haversine) distance on geopy's mean Earth radius.

    Within 0.5 % of geodesic, which is plenty to rank candidates 2 to 200 km apart, and
    cheaper than geopy's ``great_circle``, whose cost is mostly building Point objects.
    """
    return _haversine_km(a.lat, a.lon, b.lat, b.lon)


#: Fewer km than one degree of latitude spans on any Earth radius geopy uses (111.2 km):
#: a latitude gap alone then bounds a distance from below, with room for rounding.
_KM_PER_DEGREE_LAT_BELOW = 111.0
#: Fewer km than one degree of longitude spans anywhere in the oblast (Place refuses a point
#: north of 52.9°, where it spans 67.0 km): a longitude gap bounds a distance from below too.
_KM_PER_DEGREE_LON_BELOW = 66.0


def nearest_km(place: Place, others: Iterable[Place]) -> float:
    """``min(distance_km(place, o) for o in others)``, inf for none, computing fewer distances.

    A place whose latitude or longitude alone lies farther off than the nearest so far cannot be
    nearer, so its haversine is skipped; the minimum is the same float.

    >>> from geo.model import Place, PlaceType
    >>> def at(lat, lon): return Place(place_id="x", name="X", name_local="Х", place_type=PlaceType.SETTLEMENT,
    ...                                admin1=ADMIN1, admin2=None, district_id=None, lat=lat, lon=lon)
    >>> home, far, near = at(51.19, 35.27), at(52.4, 35.3), at(51.25, 35.6)
    >>> nearest_km(home, [far, near]) == min(distance_km(home, far), distance_km(home, near))
    True
    >>> round(nearest_km(home, [near, far]), 1), nearest_km(home, [])
    (23.9, inf)
    >>> grid = [at(50.6 + 0.3 * i, 33.6 + 0.5 * j) for i in range(8) for j in range(11)]
    >>> all(nearest_km(p, grid[k + 1:] + grid[:k]) == min(distance_km(p, q) for q in grid[k + 1:] + grid[:k])
    ...     for k, p in enumerate(grid))
    True
    """
    best = math.inf
    lat, lon = place.lat, place.lon
    for other in others:
        if (abs(other.lat - lat) * _KM_PER_DEGREE_LAT_BELOW > best
                or abs(other.lon - lon) * _KM_PER_DEGREE_LON_BELOW > best):
            continue
        km = distance_km(place, other)
        if km < best:
            best = km
    return best


@functools.lru_cache(maxsize=1 << 16)
def _haversine_km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """The haversine of ``distance_km``, cached on the coordinates.

    Resolution weighs each ambiguous name against the article's other places in three
    scopes, for every mention: the same few pairs come back tens of thousands of times
    in a corpus, and a cache hit costs a fifth of the trigonometry.
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (lat_a, lon_a, lat_b, lon_b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _earth_radius_km() * math.asin(min(1.0, math.sqrt(h)))


@functools.cache
def _earth_radius_km() -> float:
    """geopy's mean Earth radius in km (``geopy.distance.EARTH_RADIUS``), written out.

    Importing geopy for the one number cost 0.16 s of CPU in every process that
    extracts (it pulls in ``requests``; issue 11). The doctest keeps the two equal:

    >>> from geopy.distance import EARTH_RADIUS
    >>> _earth_radius_km() == EARTH_RADIUS
    True
    """
    return 6371.009
