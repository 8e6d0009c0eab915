"""Claims: placeholder until the extractor lands."""

from __future__ import annotations

from collections.abc import Sequence

from geo.gazetteer import Gazetteer
from geo.model import Claim, Document, Resolution
from geo.settings import DEFAULT_SETTINGS, Settings


def extract_claims(doc: Document, resolutions: Sequence[Resolution], gaz: Gazetteer, *,
                   settings: Settings = DEFAULT_SETTINGS) -> tuple[Claim, ...]:
    """Return the claims of one document."""
    return ()
