"""A long alternation of words, rewritten so that ``re`` tries a few branches, not all.

``re`` tries the branches of ``said|says|stated|…`` one after the other at every place it
is asked to match: the speech verbs are some two hundred words, and a pattern that opens
with them paid two hundred tests at every word of a sentence (issue 14). Grouped by their
first letter (``s(?:aid|ays|tated|…)|r(?:eported|…)|…``) the same words cost one test per
letter group, then the few words of the one group whose letter is there.

The rewrite matches exactly what the alternation matches, with the same branch chosen:
two words with different first letters never both match at one place, so moving one
before the other changes nothing, and the words of one letter keep their order. It is
made only where that argument holds (``by_first_letter``); otherwise the alternation is
returned as it is.
"""

from __future__ import annotations

import re

from geo.heads import top_level_alternatives

#: The first letters a branch may open with for the rewrite: lower-case Latin and Cyrillic
#: letters, none of which is a case form of another (under ``re.IGNORECASE`` too), so two
#: groups never both match at one place.
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
#: What would bind to a branch's first letter alone if the letter were split off.
_QUANTIFIERS = frozenset("?*+{")


def by_first_letter(alternation: str) -> str:
    """``alternation`` with its branches grouped by their first letter (the module docstring);
    the alternation unchanged when a branch does not open with a lone letter of ``_LETTERS``.

    >>> by_first_letter("said|reported|says|s|told")
    's(?:aid|ays|)|reported|told'
    >>> by_first_letter("said|\\\\w+ed"), by_first_letter("s?aid|says")
    ('said|\\\\w+ed', 's?aid|says')
    """
    if re.compile(alternation).groups:
        return alternation  # a capturing group: moving branches would renumber the groups
    branches = top_level_alternatives(alternation)
    if any(not b or b[0] not in _LETTERS or b[1:2] in _QUANTIFIERS for b in branches):
        return alternation
    groups: dict[str, list[str]] = {}
    for branch in branches:
        groups.setdefault(branch[0], []).append(branch[1:])
    return "|".join(letter + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
                    for letter, rests in groups.items())
