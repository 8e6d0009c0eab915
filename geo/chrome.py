"""Page furniture in an article's text: the spans that are not the article.

A saved news page carries more than its article: navigation ("Skip to content"), a
masthead, the byline, photo captions, newsletter boxes, section labels ("News Feed",
"MORE NEWS"), timestamps, promotional footers and, after the article, teasers of other
stories. Places are still looked up there, but claims are not, so a span marked here
hides every figure inside it: the rules are conservative, and a paragraph of running
text is never marked by a phrase alone.

The text is read line by line (one paragraph a line, ``geo.text.paragraph_spans``):

1. **line rules**: a line is furniture by its shape (a timestamp, a byline, an
   all-capitals label of a few words, a caption ending in "(Name/AFP via Getty Images)",
   a short line repeated on the page) or by a short phrase list used as a supplement
   ("Skip to content", "Read more", "* indicates required", "Download the … app");
2. **masthead**: above the headline, a title-case outlet name or a line with a founding
   date ("Est. May 19, 1883");
3. **links**: a headline-shaped line right after a label such as "Read more";
4. **teasers**: after the body, a headline-shaped line (no closing full stop) whose
   blurb has at most two sentences and is closed by furniture, with no run of three
   paragraphs of running text anywhere below it: that line and everything after it is
   furniture. A section heading ending in ':' is never a teaser.

Pure: a string in, spans out.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from geo.meta import (
    HEAD_LINES,
    is_body_like,
    is_byline,
    is_date_line,
    is_headline_like,
    masthead_indices,
)
from geo.regex_cache import compile_pattern
from geo.text import Gated, _holds_twin, fold, paragraph_spans, sentence_spans

__all__ = ["find_chrome"]

# Icon names and buttons that saved pages leave as text ("Arrow-right Camera").
_UI_WORDS = frozenset(
    "arrow arrow-right arrow-left arrow-up arrow-down chevron chevron-right chevron-left "
    "chevron-down camera icon close menu search share facebook twitter x telegram whatsapp "
    "linkedin reddit viber vk email e-mail print copy link play pause video photo gallery "
    "audio listen comments comment bookmark save home back next previous prev more "
    "поделиться меню поиск закрыть фото видео комментарии печать".split()
)
_NAV_PHRASES = frozenset({
    "skip to content", "skip to main content", "skip to navigation", "jump to content",
    "edit post", "share this article", "share this story", "copy link", "sign in", "log in",
    "login", "register", "back to top", "advertisement", "ad", "sponsored", "sponsored content",
    "перейти к содержанию", "перейти к основному содержанию", "реклама", "войти", "наверх",
    "перейти до вмісту", "поділитися",
})
_LABELS = frozenset({
    "news feed", "more news", "editors' picks", "editor's picks", "editors picks", "related",
    "related news", "related articles", "related stories", "read more", "read also", "also read",
    "see also", "most read", "most popular", "popular", "latest", "latest news", "top stories",
    "trending", "trending now", "recommended", "you may also like", "more stories", "more from",
    "further reading", "in other news", "watch", "opinion",
    "читайте также", "смотрите также", "подробнее", "новости", "лента новостей", "главное",
    "популярное", "самое читаемое", "другие новости", "по теме", "еще по теме", "ещё по теме",
    "все новости", "читайте також", "новини", "стрічка новин", "популярне", "головне",
})
_LABEL_PREFIX = compile_pattern(
    r"^(?:read\s+more|read\s+also|also\s+read|see\s+also|related|читайте\s+также|смотрите\s+также|"
    r"по\s+теме|читайте\s+також|дивіться\s+також)\s*[:—–-]\s*\S",
    re.IGNORECASE,
)
# Phrases that mark furniture on a line of any length (they never occur in reporting).
# Written in lower case and searched in the lower-cased line: three times faster than
# re.IGNORECASE, which folds every character at every position the alternation tries.
_STRONG = compile_pattern(
    r"this audio is created with ai|listen to this (?:article|story)|thank you for signing up|"
    r"sent you a confirmation e-?mail|enter your e-?mail|sign up for (?:our|the) newsletter|"
    r"subscribe to (?:our|the) (?:newsletter|channel)|\* ?indicates required|all rights reserved|"
    r"photo for illustrative purposes|\bdownload (?:the|our)\b[^.]{0,60}\bapp\b|follow us on|"
    r"подписывайтесь на наш|подпишитесь на наш|читайте нас в|все права защищены|"
    r"підписуйтесь на наш|підпишіться на наш|усі права захищені",
)
#: Searched only in a line that holds one of its own literals (issue 14): almost none does.
_STRONG_CUED = Gated.of(_STRONG, is_folded=False)
# Words that mark furniture on a short line only ("Subscribe", "Please enter your email").
_SHORT = compile_pattern(
    r"subscri|newsletter|e-?mail|sign up|min read|реклам|подпис|рассылк|підпис|розсилк",
    re.IGNORECASE,
)
_SHORT_WORDS = 8
_CREDIT_LINE = compile_pattern(r"^(?:credits?|source|photo|image|источник|фото|джерело)\s*:",
                          re.IGNORECASE)
_CAPTION_START = compile_pattern(
    r"^(?:photo(?:graph)?|image|picture|фото|ілюстрація|иллюстрация)\s*(?:by\b|:|—|–)"
    r"|^(?:illustrative (?:photo|image)|иллюстративное фото|ілюстративне фото)",
    re.IGNORECASE,
)
_CAPTION_CREDIT = compile_pattern(
    r"[^\W\d_]\s*/\s*[^\W\d_]|\bvia\b|photo|фото|getty|shutterstock|\bimages?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-empty line: its trimmed span, its text and its shape."""

    start: int
    end: int
    text: str
    is_headline: bool
    is_body: bool

    @classmethod
    def read(cls, text: str, start: int, end: int) -> _Line:
        line = text[start:end]
        return cls(start, end, line, is_headline_like(line), is_body_like(line))


def _normalise(line: str) -> str:
    """Lower case, curly apostrophes made straight, closing punctuation and bullets dropped."""
    text = line.lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.strip(" \t*•·|:.-–—›»>").split())


def _is_caption(line: str) -> bool:
    """Tell a photo caption: "Photo: …", or a line ending in "(Ed Jones/AFP via Getty Images)"."""
    if _CAPTION_START.match(line):
        return True
    text = line.rstrip()
    if not text.endswith(")"):
        return False
    opening = text.rfind("(")
    credit = text[opening + 1:-1].strip()
    if opening < 0 or not credit or len(credit) > 80 or not credit[0].isupper():
        return False
    return bool(_CAPTION_CREDIT.search(credit))


def _is_all_caps_label(line: str) -> bool:
    if len(line.split()) > 4:  # before the loop over its characters (issue 14)
        return False
    letters = [c for c in line if c.isalpha()]
    return (len(letters) >= 3 and all(c.isupper() for c in letters)
            and not line.rstrip().endswith((":", ".", "!", "?")))


_CRUMB_SEPARATOR = compile_pattern(r"\s+[/>›»→|]\s+")


def _is_breadcrumb(line: str) -> bool:
    """A trail of short section names: "Home / News / War", "Главная > Политика".

    >>> _is_breadcrumb("Home / News / War"), _is_breadcrumb("Главная > Политика")
    (True, True)
    >>> _is_breadcrumb("Kyiv / Moscow talks collapse after three days of bargaining over prisoners")
    False
    """
    parts = _CRUMB_SEPARATOR.split(line.strip())
    return 2 <= len(parts) <= 7 and all(
        1 <= len(part.split()) <= 3 and not re.search(r"[.!?:;,\d]", part) for part in parts)


def _line_rule(line: str, normal: str, *, is_body: bool, has_phrase_cue: bool = True) -> str | None:
    """Why ``line`` is furniture on its own ("nav", "label", "caption" …), or None
    (``normal`` is its ``_normalise``, ``is_body`` its ``is_body_like``: read once per line;
    ``has_phrase_cue`` false: the page holds none of ``_STRONG``'s cues, so no line does)."""
    if has_phrase_cue and _STRONG_CUED.search(line.lower()):
        return "phrase"
    if _is_caption(line):
        return "caption"
    if _is_breadcrumb(line):
        return "nav"
    if is_body:
        return None
    short = len(line.split()) <= _SHORT_WORDS
    tokens = normal.split()
    is_icons = short and bool(tokens) and all(t.strip(",.") in _UI_WORDS for t in tokens)
    if normal in _NAV_PHRASES or is_icons:
        return "nav"
    if normal in _LABELS or _LABEL_PREFIX.match(line) or _is_all_caps_label(line):
        return "label"
    if is_date_line(line):
        return "time"
    if is_byline(line):
        return "byline"
    if short and (_SHORT.search(line) or _CREDIT_LINE.match(line)):
        return "box"
    return None


def _phrase_cued(lines: list[_Line]) -> list[bool]:
    """For each line, whether it may hold a ``_STRONG`` phrase: one cue pass over the page.

    ``_STRONG_CUED.search`` of each line folded it and ran the cue automaton on it
    (issue 14). Folding maps each character on its own, so the lines' lower-cased texts
    joined by newlines and folded are the lines' own folded texts joined: a line holds a
    cue exactly where a cue found in the page lies within the line. A case twin anywhere
    leaves every line to its own search, as each line's gate would search it.
    """
    lowered = [line.text.lower() for line in lines]  # per line: "İ" lowers to two characters
    page = "\n".join(lowered)
    automaton = _STRONG_CUED.automaton
    if automaton is None or _holds_twin(page):
        return [True] * len(lines)
    starts = list(itertools.accumulate((len(text) + 1 for text in lowered[:-1]), initial=0))
    cued = [False] * len(lines)
    for end, cue in automaton.iter(fold(page)):
        at = bisect.bisect_right(starts, end - len(cue) + 1) - 1
        cued[at] = cued[at] or end < starts[at] + len(lowered[at])
    return cued


def _classify(lines: list[_Line]) -> list[str | None]:
    """Apply the line rules, and mark short lines the page repeats ("Subscribe", "* required").

    A headline the page repeats at its top (as the photo's caption, as the share title)
    stays: it is the article's own statement, not furniture.
    """
    normals = [_normalise(line.text) for line in lines]
    cued = _phrase_cued(lines)
    rules = [_line_rule(line.text, normal, is_body=line.is_body, has_phrase_cue=is_cued)
             for line, normal, is_cued in zip(lines, normals, cued, strict=True)]
    counts = Counter(normals)
    for i, line in enumerate(lines):
        repeated = counts[normals[i]] > 1 and len(line.text.split()) <= _SHORT_WORDS
        is_top_headline = i < HEAD_LINES and line.is_headline
        if rules[i] is None and repeated and not line.is_body and not is_top_headline:
            rules[i] = "repeated"
    return rules


def _body_start(lines: list[_Line], rules: list[str | None]) -> int:
    """Find the first line of running text that no rule marked (len(lines) if none)."""
    unmarked_body = (i for i, line in enumerate(lines) if rules[i] is None and line.is_body)
    return next(unmarked_body, len(lines))


def _mark_head(lines: list[_Line], rules: list[str | None], body: int) -> None:
    """Mark the mastheads above the headline (only the top lines can hold one)."""
    head = [line.text for line in lines[:min(body, HEAD_LINES)]]
    for i in masthead_indices(head):
        if rules[i] is None:
            rules[i] = "masthead"


def _mark_links(lines: list[_Line], rules: list[str | None], body: int) -> None:
    """Mark the headline-shaped lines that follow a label below the body's start: links.

    A label heads a list ("Читайте также:" over two related headlines), so the whole run of
    headline-shaped lines after it is links, up to the first line of another shape.
    Above the body, the line after a section label ("Главное") is the headline itself.
    """
    for i in range(body, len(lines) - 1):
        if rules[i] != "label":
            continue
        j = i + 1
        while j < len(lines) and rules[j] is None and lines[j].is_headline:
            rules[j] = "link"
            j += 1


def _article_runs_below(lines: list[_Line], rules: list[str | None]) -> list[bool]:
    """Tell for each index whether three unmarked paragraphs in a row come at or after it."""
    below = [False] * (len(lines) + 1)
    run = 0
    for i in range(len(lines) - 1, -1, -1):
        run = run + 1 if rules[i] is None and lines[i].is_body else 0
        below[i] = below[i + 1] or run >= 3
    return below


def _tail_start(text: str, lines: list[_Line], rules: list[str | None], body: int) -> int | None:
    """Find the first teaser after the body, from which everything is furniture."""
    runs_below = _article_runs_below(lines, rules)
    for h in range(body + 1, len(lines)):
        if rules[h] is not None or not lines[h].is_headline:
            continue
        end = h + 1
        while end < min(h + 4, len(lines)) and rules[end] is None and not lines[end].is_headline:
            end += 1
        blurb = lines[h + 1:end]
        closed_by_furniture = end < len(lines) and rules[end] is not None
        if not closed_by_furniture or len(blurb) > 2:
            continue
        sentences = sum(len(sentence_spans(text, line.start, line.end)) for line in blurb)
        if sentences > 2 or (not blurb and rules[h - 1] is None):
            continue
        if not runs_below[end]:
            return h
    return None


def find_chrome(text: str) -> tuple[tuple[int, int], ...]:
    r"""Find the spans of ``text`` that are page furniture rather than the article.

    Parameters
    ----------
    text
        The decoded article text, as ``Document.text``.

    Returns
    -------
    tuple of (start, end)
        Sorted, disjoint, non-empty spans; furniture lines separated only by white space
        are merged into one span.

    Examples
    --------
    >>> t = "Skip to content\nTroops hold Sudzha\nBy Jane Doe\nThe army said 30 soldiers died."
    >>> [t[s:e] for s, e in find_chrome(t)]
    ['Skip to content', 'By Jane Doe']
    >>> find_chrome("Key Developments:\nThe army said 30 soldiers died.")
    ()
    """
    lines = [_Line.read(text, start, end) for start, end in paragraph_spans(text)]
    if not lines:
        return ()
    rules = _classify(lines)
    body = _body_start(lines, rules)
    _mark_head(lines, rules, body)
    _mark_links(lines, rules, body)
    tail = _tail_start(text, lines, rules, body)
    marked = [(line.start, line.end)
              for line, rule in zip(lines, rules, strict=True) if rule is not None]
    if tail is not None:
        marked = [span for span in marked if span[1] <= lines[tail].start]
        marked.append((lines[tail].start, lines[-1].end))
    return _merge(text, marked)


def _merge(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Join sorted spans that only white space separates."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)
