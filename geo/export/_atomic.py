"""Write a file so that a reader sees the old content or the new one, never a torn mix."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from geo.errors import ExportError


@contextlib.contextmanager
def atomic_path(target: Path, *, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it over ``target`` on success.

    The temporary file lives in the target's folder so that ``os.replace`` is a rename
    on one file system. On any exception the temporary file is removed and the old
    target is left as it was.
    """
    target = Path(target)
    refuse_special_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or ".tmp", dir=folder)
    except OSError as err:
        msg = f"cannot write {target}: {err.strerror or err}"
        raise ExportError(msg) from err
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates 0600; an export is an ordinary file, readable as the umask allows.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        msg = f"cannot write {target}: {err.strerror or err}"
        raise ExportError(msg) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def refuse_special_target(target: Path) -> None:
    """Raise ExportError unless ``target`` is absent or a regular file (a link is not followed).

    Replacing a device node, a FIFO or a symbolic link with a regular file is never what
    ``-o PATH`` means: as root, ``-o /dev/full`` would replace the device (issue 13).
    """
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as err:
        msg = f"cannot write {target}: {err.strerror or err}"
        raise ExportError(msg) from err
    if stat.S_ISREG(mode):
        return
    kind = ("a symbolic link" if stat.S_ISLNK(mode) else "a folder" if stat.S_ISDIR(mode)
            else "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    msg = f"cannot write {target}: it is {kind}; pass a regular file (or - for stdout)"
    raise ExportError(msg)


def write_text_atomic(target: Path, write: Callable[[TextIO], None], *, newline: str) -> None:
    """Stream UTF-8 text into ``target`` atomically: ``write(handle)`` writes it piece by piece."""
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline=newline) as fh:
        write(fh)


def render_text(write: Callable[[TextIO], None], *, newline: str) -> str:
    """What ``write_text_atomic`` would put in a file, as a string (for ``--output -`` and tests)."""
    buffer = io.StringIO(newline=newline)
    write(buffer)
    return buffer.getvalue()


def write_with_atomic(target: Path, writer: Callable[[Path], None], *, suffix: str = "") -> None:
    """Call ``writer(tmp_path)`` and move the result over ``target`` atomically."""
    with atomic_path(target, suffix=suffix) as tmp:
        writer(tmp)
