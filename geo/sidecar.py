"""A sidecar ``NAME.meta.json`` beside an article: what the text cannot say about itself.

A plain-text article saved from a page often keeps no headline line, no byline and no
date (issue 12: 21 of the 23 dated articles of the dev set state their date nowhere in
the text). Whoever saved the file knows its address, headline, outlet and date, and can
write them beside it::

    news/sudzha.txt
    news/sudzha.meta.json   {"url": "https://…", "title": "…", "outlet": "…", "published": "2024-08-14"}

Every field is optional; a field that is set wins over what geo read from the text.
A sidecar geo cannot use costs the sidecar only: it becomes a one-line skip reason and
the article is read as if it had none (``SidecarError`` carries that line).

Pure: bytes in, a record out; ``geo.corpus`` finds and reads the files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from geo.meta import date_from_url, outlet_from_url
from geo.model import Source

__all__ = ["SIDECAR_SUFFIX", "Sidecar", "SidecarError", "apply_sidecar", "parse_sidecar", "sidecar_source"]

#: What replaces an article's suffix to name its sidecar ("a.txt" → "a.meta.json").
SIDECAR_SUFFIX = ".meta.json"

# A sidecar is a few hundred bytes; anything far larger is not one.
_MAX_BYTES = 64 * 1024
_FIELDS = ("url", "title", "outlet", "published")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SidecarError(ValueError):
    """A sidecar geo cannot use; the message is the one-line skip reason."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sidecar:
    """What a sidecar states about its article; None where it states nothing.

    url        the article's address (http or https)
    title      its headline
    outlet     its publisher
    published  its publication date, ``YYYY-MM-DD``
    """

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


def sidecar_source(article: str) -> str:
    """The sidecar's name for an article's name (both relative to the corpus root).

    >>> sidecar_source("news/a.txt"), sidecar_source("b.html"), sidecar_source("c")
    ('news/a.meta.json', 'b.meta.json', 'c.meta.json')
    """
    folder, _, name = article.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{folder}/{stem}{SIDECAR_SUFFIX}" if folder else f"{stem}{SIDECAR_SUFFIX}"


def _field(data: dict[str, object], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"bad sidecar: '{key}' must be a string, got {type(value).__name__}"
        raise SidecarError(msg)
    text = " ".join(value.split())
    return text or None


def parse_sidecar(data: bytes) -> Sidecar:
    """Read a sidecar's bytes, checking every field once.

    Raises
    ------
    SidecarError
        With a one-line reason: not UTF-8 JSON, not an object, an unknown key (a typo
        such as "titel" would otherwise be dropped silently), a value that is not a
        string, an address that is not http(s), a date that is not ``YYYY-MM-DD``.

    Examples
    --------
    >>> parse_sidecar(b'{"url": "https://example.org/a", "published": "2025-03-04"}')
    Sidecar(url='https://example.org/a', title=None, outlet=None, published='2025-03-04')
    >>> parse_sidecar(b'{"titel": "x"}')
    Traceback (most recent call last):
    ...
    geo.sidecar.SidecarError: bad sidecar: unknown key 'titel' (expected url, title, outlet, published)
    """
    if len(data) > _MAX_BYTES:
        msg = f"bad sidecar: {len(data):,} bytes, over {_MAX_BYTES:,}"
        raise SidecarError(msg)
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        reason = err.msg if isinstance(err, json.JSONDecodeError) else "not UTF-8"
        msg = f"bad sidecar: not a JSON object ({reason})"
        raise SidecarError(msg) from err
    if not isinstance(loaded, dict):
        msg = f"bad sidecar: expected a JSON object, got {type(loaded).__name__}"
        raise SidecarError(msg)
    unknown = sorted(k for k in loaded if k not in _FIELDS)
    if unknown:
        msg = f"bad sidecar: unknown key {unknown[0]!r} (expected {', '.join(_FIELDS)})"
        raise SidecarError(msg)
    found = Sidecar(**{key: _field(loaded, key) for key in _FIELDS})
    if found.url is not None and not re.match(r"^https?://[^\s/]+", found.url, re.IGNORECASE):
        msg = f"bad sidecar: 'url' must be an http(s) address, got {found.url[:60]!r}"
        raise SidecarError(msg)
    if found.published is not None and not _is_day(found.published):
        msg = f"bad sidecar: 'published' must be a date YYYY-MM-DD, got {found.published[:40]!r}"
        raise SidecarError(msg)
    return found


def _is_day(text: str) -> bool:
    from datetime import date

    if not _ISO_DAY.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def apply_sidecar(meta: Source, sidecar: Sidecar) -> Source:
    """The article's metadata with every field the sidecar sets put over the text's.

    The sidecar's address also dates and names the article when neither the sidecar
    nor the text does ("/2024/08/14/" in it, its host).

    >>> base = Source(source="a.txt", sha256="0" * 64, title="Read from the text")
    >>> got = apply_sidecar(base, Sidecar(url="https://tass.com/2024/08/14/x"))
    >>> got.title, got.url, got.published, got.publisher
    ('Read from the text', 'https://tass.com/2024/08/14/x', '2024-08-14', 'TASS')
    """
    url = sidecar.url or meta.url
    return replace(
        meta,
        url=url,
        title=sidecar.title or meta.title,
        publisher=sidecar.outlet or meta.publisher or outlet_from_url(url),
        published=sidecar.published or meta.published or date_from_url(url),
    )
