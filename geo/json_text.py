"""Compact JSON text, made by one C encoder kept for the whole process.

Every record the Store keeps and every export line is compact JSON with the characters
kept (``ensure_ascii=False``) and no NaN. ``json.dumps`` makes an encoder object and a
table for its circular-reference check on every call: a third of the cost of a claim's
line, and a corpus encodes a few hundred texts per article (issue 14). Records hold no
cycles, so the check is left out; the text is byte for byte ``json.dumps``'s.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any

__all__ = ["compact_encoder", "dumps"]


def compact_encoder(default: Callable[[Any], object] | None = None) -> Callable[[object], str]:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=default)``.

    >>> compact_encoder()({"a": [1, 2.5, None, "é<"], "b": True})
    '{"a":[1,2.5,null,"é<"],"b":true}'
    """
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=default)
    make = json.encoder.c_make_encoder  # type: ignore[attr-defined]
    if make is None:  # no C accelerator: the encoder's own walk
        return encoder.encode
    chunks = make(None, encoder.default, json.encoder.encode_basestring, None,
                  encoder.key_separator, encoder.item_separator, False, False, False)
    return lambda value: "".join(chunks(value, 0))


#: Compact JSON with every character kept, no NaN.
dumps = compact_encoder()
