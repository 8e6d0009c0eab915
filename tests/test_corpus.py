"""Tests of geo.corpus: walking a folder, reading, decoding and saved HTML pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import corpus
from geo.corpus import document_from_bytes, iter_corpus, read_document
from geo.errors import CorpusError
from geo.model import Document, Skip
from geo.settings import Settings

RUSSIAN = "ВСУ потеряли до 300 военнослужащих в районе Плехово Курской области, сообщило Минобороны России."
ENGLISH = "Russian forces lost up to 300 soldiers near Sudzha, Ukraine's General Staff said on Friday."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def assert_skip(record: Document | Skip, *, source: str | None = None, reason: str = "") -> Skip:
    """Check the shape of every Skip: one non-empty human line, lower-case start, no traceback."""
    assert isinstance(record, Skip), record
    text = record.reason
    assert text and text == text.strip() and " ".join(text.split()) == text
    assert text[0].islower()
    assert "Traceback" not in text and "Error" not in text and "Errno" not in text
    assert reason in text
    if source is not None:
        assert record.source == source
    return record


def read_one(folder: Path, name: str, data: bytes, **kwargs: Settings) -> Document | Skip:
    """Write one file into ``folder`` and read the folder: exactly one record comes back."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    records = list(iter_corpus(folder, **kwargs))
    assert [r.source for r in records] == [name]
    return records[0]


# --- skips ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param("empty.txt", b"", "empty file (0 bytes)", id="empty"),
        pytest.param("blank.txt", b" \r\n\t\n  ", "only white space", id="white space"),
        pytest.param("blank16.txt", "  \n ".encode("utf-16"), "only white space", id="white space utf-16"),
        pytest.param("photo.txt", PNG, "binary content (PNG image)", id="png renamed"),
        pytest.param("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (PDF document)",
                     id="pdf renamed"),
        pytest.param("bundle.md", b"PK\x03\x04\x14\x00\x06\x00", "binary content (ZIP archive)", id="zip renamed"),
        pytest.param("dump.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary content (gzip archive)",
                     id="gzip renamed"),
        pytest.param("blob.txt", b"\x00\x01\x02\x03abc", "binary content (NUL bytes)", id="nul bytes"),
        pytest.param("nul.txt", b"00000\x00", "binary content (NUL bytes)", id="nul on one side only"),
        pytest.param("ctl.txt", b"\x01\x02\x03\x04\x05 text", "binary content (control characters)",
                     id="control characters"),
        pytest.param("bad16.txt", b"\xff\xfe\x00\xd8", "byte-order mark", id="broken utf-16"),
        pytest.param("scan.pdf", b"%PDF-1.7", "not a text or HTML file (.pdf)", id="pdf"),
        pytest.param("notes.DOCX", b"PK", "not a text or HTML file (.docx)", id="upper-case suffix"),
        pytest.param("README", b"Some text.", "not a text or HTML file (no extension)", id="no extension"),
        pytest.param("page.html", b"<html><script>var a = 1;</script></html>", "no article text",
                     id="html without text"),
    ],
)
def test_unusable_file_is_skipped(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    assert_skip(read_one(tmp_path, name, data), source=name, reason=reason)


@pytest.mark.parametrize(
    ("size", "is_read"),
    [pytest.param(100, True, id="at the limit"), pytest.param(101, False, id="one byte over")],
)
def test_file_over_max_file_bytes_is_skipped(tmp_path: Path, size: int, is_read: bool) -> None:
    data = (b"Troops advance. " * 10)[:size]
    record = read_one(tmp_path, "a.txt", data, settings=Settings(max_file_bytes=100))
    if is_read:
        assert isinstance(record, Document)
    else:
        assert_skip(record, reason="too large: 101 bytes, over the limit of 100 bytes")


def test_large_file_is_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 5000)
    monkeypatch.setattr(corpus, "open", _refuse_open, raising=False)
    assert_skip(next(iter_corpus(tmp_path, settings=Settings(max_file_bytes=1000))), reason="5,000 bytes")


def _refuse_open(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_permission_denied_on_open_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same skip as a chmod 000 file, reached as root by refusing ``open`` itself."""
    (tmp_path / "locked.txt").write_text(ENGLISH, encoding="utf-8")
    monkeypatch.setattr(corpus, "open", _refuse_open, raising=False)
    assert_skip(next(iter_corpus(tmp_path)), source="locked.txt", reason="permission denied: the file cannot be read")


def test_unlistable_subfolder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    records = list(iter_corpus(tmp_path))
    assert [r.source for r in records] == ["b.txt", "locked"]
    assert_skip(records[1], reason="permission denied: the folder cannot be listed")


def test_named_pipe_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert_skip(next(iter_corpus(tmp_path)), source="pipe.txt", reason="not a regular file (named pipe)")


# --- the walk ---------------------------------------------------------------------------


def test_walk_is_recursive_sorted_and_slash_separated(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "A.txt", "a-b.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ENGLISH, encoding="utf-8")
    sources = [r.source for r in iter_corpus(tmp_path)]
    assert sources == ["A.txt", "a-b.txt", "a/b/c.txt", "a/z.txt", "b.txt"]


def test_hidden_files_and_folders_are_skipped_without_descending(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / ".draft.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "notes" / "kept.txt").write_text(ENGLISH, encoding="utf-8")
    records = list(iter_corpus(tmp_path))
    assert [r.source for r in records] == [".git", "notes/.draft.txt", "notes/kept.txt"]
    assert_skip(records[0], reason="hidden folder")
    assert_skip(records[1], reason="hidden file")
    assert isinstance(records[2], Document)


def test_symlink_loop_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    os.symlink("..", tmp_path / "sub" / "up")
    os.symlink("self", tmp_path / "self")
    records = list(iter_corpus(tmp_path))
    assert [r.source for r in records] == ["self", "sub/a.txt", "sub/up"]
    assert_skip(records[0], reason="symbolic link loop")
    assert_skip(records[2], reason="symbolic link loop")


def test_broken_symlink_is_skipped(tmp_path: Path) -> None:
    os.symlink("nowhere.txt", tmp_path / "gone.txt")
    assert_skip(next(iter_corpus(tmp_path)), source="gone.txt", reason="broken symbolic link")


def _linked_corpus(tmp_path: Path) -> Path:
    outside, root = tmp_path / "outside", tmp_path / "root"
    (outside / "more").mkdir(parents=True)
    (outside / "more" / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (outside / "a.txt").write_text(ENGLISH, encoding="utf-8")
    root.mkdir()
    (root / "real").mkdir()
    (root / "real" / "c.txt").write_text(RUSSIAN, encoding="utf-8")
    os.symlink(outside / "a.txt", root / "link.txt")
    os.symlink(outside / "more", root / "linked")
    os.symlink(root / "real", root / "same")
    os.symlink("real/c.txt", root / "inside.txt")
    return root


def test_issue_13_symlinks_leaving_the_corpus_are_skipped(tmp_path: Path) -> None:
    records = list(iter_corpus(_linked_corpus(tmp_path)))
    assert [r.source for r in records] == ["inside.txt", "link.txt", "linked", "real/c.txt", "same"]
    assert isinstance(records[0], Document) and isinstance(records[3], Document)
    for record in (records[1], records[2]):
        assert_skip(record, reason="symbolic link to outside the corpus: pass --follow-links")
    assert_skip(records[4], reason="already read")


def test_symlinks_to_files_and_folders_outside_are_followed_when_asked(tmp_path: Path) -> None:
    records = list(iter_corpus(_linked_corpus(tmp_path), settings=Settings(follow_links=True)))
    assert [r.source for r in records] == ["inside.txt", "link.txt", "linked/b.txt", "real/c.txt", "same"]
    assert all(isinstance(r, Document) for r in records[:4])
    assert_skip(records[4], reason="already read")


def test_single_file_root_is_read_under_its_name(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "article.txt"
    path.parent.mkdir()
    path.write_text(ENGLISH, encoding="utf-8")
    (record,) = iter_corpus(path)
    assert isinstance(record, Document)
    assert record.source == "article.txt"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: p / "missing", "does not exist", id="missing"),
        pytest.param(lambda p: _fifo(p / "pipe"), "neither a folder nor a file", id="named pipe"),
    ],
)
def test_unusable_root_raises_corpus_error(tmp_path: Path, make, message: str) -> None:
    root = make(tmp_path)
    with pytest.raises(CorpusError, match=message) as caught:
        iter_corpus(root)
    assert str(root) in str(caught.value) and "\n" not in str(caught.value)
    assert isinstance(caught.value, OSError)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_unlistable_root_raises_corpus_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "scandir", _refuse_open)
    with pytest.raises(CorpusError, match="cannot be listed"):
        iter_corpus(tmp_path)


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        pytest.param(ENGLISH.encode(), ENGLISH, "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + RUSSIAN.encode(), RUSSIAN, "utf-8-sig", id="utf-8 with BOM"),
        pytest.param(("\ufeff" + RUSSIAN).encode("utf-16-le"), RUSSIAN, "utf-16-le", id="utf-16-le with BOM"),
        pytest.param(("\ufeff" + ENGLISH).encode("utf-16-be"), ENGLISH, "utf-16-be", id="utf-16-be with BOM"),
        pytest.param(ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le", id="utf-16-le without BOM"),
        pytest.param(ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be", id="utf-16-be without BOM"),
        pytest.param(RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le", id="russian utf-16-le without BOM"),
        pytest.param(("\ufeff" + ENGLISH).encode("utf-32-le"), ENGLISH, "utf-32-le", id="utf-32-le with BOM"),
        pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", id="cp1251"),
        pytest.param("Бої тривають біля Суджі, загинули 30 військових.".encode("cp1251"),
                     "Бої тривають біля Суджі, загинули 30 військових.", "cp1251", id="cp1251 ukrainian"),
        pytest.param(RUSSIAN.encode("koi8_r"), RUSSIAN, "koi8_r", id="koi8-r"),
        pytest.param(b"Line one.\r\nLine two.\rLine three.\nEnd", "Line one.\r\nLine two.\rLine three.\nEnd",
                     "utf-8", id="mixed line endings"),
        pytest.param("Строка.\r\nЕщё строка.\r\n".encode("cp1251"), "Строка.\r\nЕщё строка.\r\n", "cp1251",
                     id="cp1251 crlf"),
    ],
)
def test_text_is_decoded_without_normalising(tmp_path: Path, raw: bytes, text: str, encoding: str) -> None:
    record = read_one(tmp_path, "a.txt", raw)
    assert isinstance(record, Document)
    assert record.text == text
    assert record.meta.encoding == encoding
    assert record.meta.sha256 == hashlib.sha256(raw).hexdigest()


def test_offsets_index_the_raw_text(tmp_path: Path) -> None:
    raw = b"Headline here now\r\n\r\nTroops entered Sudzha on Monday.\r\n"
    record = read_one(tmp_path, "a.txt", raw)
    assert isinstance(record, Document)
    start = raw.decode("utf-8").index("Sudzha")
    assert record.text[start:start + 6] == "Sudzha"


def test_plain_text_metadata(tmp_path: Path) -> None:
    page = ("Skip to content\n\nRussia says its troops retook two villages near Sudzha\n\n"
            "by The Kursk Ledger news desk March 3, 2025 9:05 AM\n\n"
            f"{ENGLISH}\n\nThe figure could not be verified.\n")
    record = read_one(tmp_path, "a.txt", page.encode())
    assert isinstance(record, Document)
    assert (record.meta.title, record.meta.publisher, record.meta.published, record.meta.language) == (
        "Russia says its troops retook two villages near Sudzha", "The Kursk Ledger", "2025-03-03", "en")
    assert record.is_chrome(0, len("Skip to content"))
    assert not record.is_chrome(record.text.index(ENGLISH), record.text.index(ENGLISH) + len(ENGLISH))


# --- saved pages ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kursk: troops lost near Sudzha | The Ledger</title>
<meta property="og:title" content="Russian troops lost near Sudzha">
<meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2025-02-14T11:02:00+02:00">
<link rel="canonical" href="https://example.org/news/sudzha">
<style>p { color: red; }</style>
<script>var secret = "SCRIPT TEXT"; if (a < b) { document.write("<p>hidden</p>"); }</script>
</head><body>
<header><a href="/">Home</a> <a href="/news">News</a></header>
<nav><ul><li>World</li><li>Politics</li></ul></nav>
<article>
<h1>Russian   troops lost near Sudzha</h1>
<p>Russian forces lost up to 300 soldiers near Sudzha,&nbsp;officials said &amp; added details.</p>
<p>The figure could not be   verified.<br>A second line.</p>
<noscript>Enable JavaScript</noscript>
<figure><img src="a.jpg"><figcaption>Sudzha in February.</figcaption></figure>
</article>
<aside>Most read: something else</aside>
<footer>© The Ledger</footer>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-01"}</script>
</body></html>
"""


def test_html_page_gives_article_text_and_metadata(tmp_path: Path) -> None:
    record = read_one(tmp_path, "page.html", PAGE.encode())
    assert isinstance(record, Document)
    assert record.text == (
        "Russian troops lost near Sudzha\n\n"
        "Russian forces lost up to 300 soldiers near Sudzha,\u00a0officials said & added details.\n\n"
        "The figure could not be verified.\nA second line.\n\n"
        "Sudzha in February."
    )
    for absent in ("SCRIPT TEXT", "hidden", "color", "Home", "Politics", "Enable JavaScript", "Most read", "©"):
        assert absent not in record.text
    info = record.meta
    assert (info.title, info.publisher, info.published, info.url, info.language, info.encoding) == (
        "Russian troops lost near Sudzha", "The Ledger", "2025-02-14", "https://example.org/news/sudzha", "en",
        "utf-8")


@pytest.mark.parametrize(
    ("head", "body", "field", "value"),
    [
        pytest.param('<title>Troops lost near Sudzha | The Ledger</title><meta property="og:site_name" '
                     'content="The Ledger">', "", "title", "Troops lost near Sudzha", id="title without site"),
        pytest.param("", "<h1>Drone hits Kursk</h1>", "title", "Drone hits Kursk", id="first h1"),
        pytest.param('<meta name="publisher" content="Kursk Daily">', "", "publisher", "Kursk Daily",
                     id="publisher meta"),
        pytest.param('<meta name="date" content="2025-03-01">', "", "published", "2025-03-01", id="meta date"),
        pytest.param('<script type="application/ld+json">{"@graph": [{"datePublished": "2025-03-02T08:00Z", '
                     '"publisher": {"name": "LD Outlet"}}]}</script>', "", "published", "2025-03-02",
                     id="json-ld date"),
        pytest.param('<script type="application/ld+json">{"publisher": {"@type": "Organization", "name": '
                     '"LD Outlet"}}</script>', "", "publisher", "LD Outlet", id="json-ld publisher"),
        pytest.param('<script type="application/ld+json">{broken</script>', "", "published", None,
                     id="broken json-ld"),
        pytest.param("", '<time datetime="2025-03-04T10:00">March 4</time>', "published", "2025-03-04",
                     id="time element"),
        pytest.param('<meta property="og:url" content="https://example.org/a">', "", "url",
                     "https://example.org/a", id="og url"),
    ],
)
def test_html_metadata_sources(tmp_path: Path, head: str, body: str, field: str, value: str | None) -> None:
    page = f"<html><head>{head}</head><body>{body}<p>{ENGLISH}</p></body></html>"
    record = read_one(tmp_path, "page.htm", page.encode())
    assert isinstance(record, Document)
    assert getattr(record.meta, field) == value


def test_html_in_a_txt_file_is_read_as_a_page(tmp_path: Path) -> None:
    record = read_one(tmp_path, "saved.txt", f"<!doctype html><html><body><p>{ENGLISH}</p></body></html>".encode())
    assert isinstance(record, Document)
    assert record.text == ENGLISH


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    record = read_one(tmp_path, "ru.html", page.encode("cp1251"))
    assert isinstance(record, Document)
    assert (record.text, record.meta.encoding, record.meta.language) == (RUSSIAN, "cp1251", "ru")


def test_html_with_marked_sections_is_read(tmp_path: Path) -> None:
    """Pages saved from Word carry "<![if !supportLists]>", which stops html.parser."""
    page = f"<html><body><p><![if !supportLists]>1.<![endif]>{ENGLISH}</p></body></html>"
    record = read_one(tmp_path, "word.htm", page.encode())
    assert isinstance(record, Document)
    assert record.text == "1." + ENGLISH


# --- properties -------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_any_bytes_give_exactly_one_record(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    records = list(iter_corpus(tmp_path))
    assert len(records) == 1 and records[0].source == "any.txt"
    if isinstance(records[0], Skip):
        assert_skip(records[0])
    else:
        assert records[0].meta.sha256 == hashlib.sha256(data).hexdigest()
        assert records[0].text.strip()


@settings(max_examples=100, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=300),
       is_html=st.booleans())
def test_any_text_decodes_to_itself_or_a_skip(text: str, is_html: bool) -> None:
    """Text without NUL (with NUL, "0\\x00" is also "0" in UTF-16) comes back unchanged."""
    record = document_from_bytes(text.encode("utf-8"), "x.html" if is_html else "x.txt", is_html=is_html)
    if isinstance(record, Skip):
        assert_skip(record)
    elif not is_html and not text.lstrip().lower().startswith(("<!doctype html", "<html")):
        assert record.text == text.removeprefix("\ufeff")


def test_read_document_uses_the_source_name_for_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert isinstance(read_document(path, "a.txt"), Document)
    assert_skip(read_document(path, "a.csv"), reason="(.csv)")



@pytest.mark.parametrize(("data", "name"), [
    pytest.param("<html><head><title>Бои за Суд&shy;жу</title></head><body><article><h1>Бои за Суд&shy;жу</h1>"
                 "<p>Российские войска освободили Плехо&shy;во.</p></article></body></html>", "page.html", id="page"),
    pytest.param("Бои за Суд\u00adжу\n\nРоссийские войска освободили Плехо\u00adво.", "plain.txt", id="plain"),
])
def test_a_headline_reads_without_its_soft_hyphens(data, name):
    doc = document_from_bytes(data.encode(), name)
    assert doc.meta.title == "Бои за Суджу"
    assert "\u00ad" in doc.text  # the text itself is kept as it is: offsets index it
