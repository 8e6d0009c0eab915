"""Words typed in two alphabets at once ("Sudzhа" with a Cyrillic а, "Суджa" with a Latin a),
written back in the one alphabet most of their letters are in.

Copy-pasted and hand-typed news (Telegram reposts above all) mixes look-alike letters: a
Ukrainian "i" typed on a Latin layout, a Cyrillic "о" in a transliterated name. Such a word
matches no gazetteer name and no claimant alias. ``unmix`` maps each minority letter of a
mixed word to its look-alike in the word's majority alphabet, one character for one, so
every offset into the text stays where it was (``text.fold`` calls it). A word whose
minority letters are not all look-alikes, or with as many letters of each alphabet, is
left as written: it is no typo.

Pure and cheap on the common path: a text in ASCII, or with no Cyrillic look-alike, is
returned at once; else one search led by the rarer alphabet finds whether it holds a mixed
word at all. Most texts hold none and are returned as they are.
"""

from __future__ import annotations

from geo.regex_cache import compile_pattern

#: Lower-case look-alikes (``fold`` lower-cases first): Latin letter → Cyrillic letter. The
#: capitals that look alike (B/В, H/Н, M/М, T/Т, K/К) are here by their lower-case forms.
_LATIN_TO_CYRILLIC = {
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "i": "і", "k": "к", "m": "м", "o": "о", "p": "р",
    "t": "т", "x": "х", "y": "у",
}
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()}
_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)

_LATIN = "a-z"
_CYRILLIC = "а-яёіїєґ"
#: A Latin letter next to a Cyrillic one, found from whichever alphabet is rarer in the text:
#: a search led by a rare letter skips the rest of the text in one tight loop (issue 14: fold
#: runs on every text, several times).
_LATIN_NEXT_TO_CYRILLIC = compile_pattern(rf"[{_LATIN}](?:(?<=[{_CYRILLIC}][{_LATIN}])|(?=[{_CYRILLIC}]))")
_CYRILLIC_NEXT_TO_LATIN = compile_pattern(rf"[{_CYRILLIC}](?:(?<=[{_LATIN}][{_CYRILLIC}])|(?=[{_LATIN}]))")
#: The Cyrillic letters that have a Latin look-alike: a text with none of them holds no word
#: that ``unmix`` could write in one alphabet (bar a Cyrillic word of none of them, which
#: no text has), and most English texts hold none.
_CYRILLIC_LOOKALIKES = tuple(_CYRILLIC_TO_LATIN)
#: A word of letters of either alphabet (digits, apostrophes and hyphens end it).
_WORD = compile_pattern(rf"[{_LATIN}{_CYRILLIC}]+")
_MIXED = compile_pattern(rf"[{_LATIN}][{_CYRILLIC}]|[{_CYRILLIC}][{_LATIN}]")
_LATIN_LETTER = compile_pattern(rf"[{_LATIN}]")
#: A phrase this short (a name, a claimant) is searched at once: the tests before the search
#: cost more than it does.
_SHORT = 200


def unmix(text: str) -> str:
    """``text`` (lower case) with each mixed-alphabet word in its majority alphabet.

    >>> unmix("бои у суджa и sudzhа")
    'бои у суджа и sudzha'
    >>> unmix("telegram-канал"), unmix("xyzя"), unmix("sudzhа's")
    ('telegram-канал', 'xyzя', "sudzha's")
    """
    if text.isascii():
        return text
    if len(text) <= _SHORT:
        first = _MIXED.search(text)
    elif not any(ch in text for ch in _CYRILLIC_LOOKALIKES):
        return text
    else:
        rarer_latin = text.count("о") > text.count("o")  # the Cyrillic о, the Latin o
        first = (_LATIN_NEXT_TO_CYRILLIC if rarer_latin else _CYRILLIC_NEXT_TO_LATIN).search(text)
    if first is None:
        return text
    parts: list[str] = []
    done = 0
    for word in _WORD.finditer(text, _word_start(text, first.start())):
        if _MIXED.search(word.group()) is None:
            continue
        parts += [text[done:word.start()], _one_alphabet(word.group())]
        done = word.end()
    return "".join(parts) + text[done:]


def _word_start(text: str, at: int) -> int:
    """Where the word that holds position ``at`` begins."""
    while at > 0 and text[at - 1].isalpha():
        at -= 1
    return at


def _one_alphabet(word: str) -> str:
    """A mixed word in its majority alphabet, or as written when that cannot be done."""
    latin = len(_LATIN_LETTER.findall(word))
    cyrillic = len(word) - latin
    if latin == cyrillic:
        return word
    table, minority = (_TO_CYRILLIC, _LATIN_TO_CYRILLIC) if cyrillic > latin else (_TO_LATIN, _CYRILLIC_TO_LATIN)
    if any(ch not in minority for ch in word if ch.isascii() == (cyrillic > latin)):
        return word
    return word.translate(table)
