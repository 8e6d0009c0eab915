"""Typer's parameter coercion for geo's plain options, without importing pydantic (issue 14).

Typer 0.2x coerces every command-line value through a pydantic ``TypeAdapter``: importing
pydantic and building the adapters of one command cost about 0.1 s of CPU in every
``geo`` run, a fifth of ``geo where``. geo's options are plain (a string, a path, an
int with a minimum, a flag, an enum), so ``install_quick_coercion`` gives each parameter a
coercion that returns the value Typer's would, whenever it can be sure of it, and hands
every other value to Typer's own (pydantic) coercion. Every error message is therefore
still Typer's own, word for word: the quick path never raises.

A Typer without this machinery (before 0.2x: no ``_runtime_param``) is left alone.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param, resolve_type_descriptor
    from typer._param_types import coerce_cli_choice, lenient_issubclass
except ImportError:  # another Typer: its own coercion stays
    RuntimeParam = None  # type: ignore[assignment,misc]

#: What pydantic surely reads as this int ("007", "+2", "1_0" are left to it).
_PLAIN_INT = re.compile(r"(?:0|[1-9][0-9]{0,17})\Z")


class _Unsure:
    """The quick coercion cannot vouch for a value: Typer's own decides (and words any error)."""


UNSURE = _Unsure()


def quick_value(annotation: Any, info: Any, value: Any, ctx: Any = None) -> Any:
    """The value Typer's pydantic coercion gives ``value`` for a parameter, or ``UNSURE``.

    Only values the adapter surely accepts unchanged are answered: a ``str`` for ``str``,
    a plain decimal within bounds for ``int``, a path that passes the checks asked for,
    a valid choice of an enum.

    >>> from typer.models import OptionInfo
    >>> quick_value(int, OptionInfo(min=1), "2"), quick_value(int, OptionInfo(min=1), "0") is UNSURE
    (2, True)
    >>> quick_value(Path | None, OptionInfo(), "a//b"), quick_value(str | None, OptionInfo(), "x")
    (PosixPath('a/b'), 'x')
    """
    if annotation is str or annotation == str | None:
        return value if type(value) is str else UNSURE
    if annotation is int:
        return _quick_int(info, value)
    if annotation is bool:
        return value if type(value) is bool else UNSURE
    if annotation == Path | None:  # a plain TypeAdapter(Path | None): no checks
        return Path(value) if type(value) is str and value else UNSURE
    if annotation is Path and info.parser is None and info.path_type is None:
        return _quick_path(info, value)
    if lenient_issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(value, choices=tuple(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:
            return UNSURE
    return UNSURE


def _quick_int(info: Any, value: Any) -> Any:
    if type(value) is str and _PLAIN_INT.match(value):
        value = int(value)
    if type(value) is not int or info.clamp:
        return UNSURE
    if (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
        return UNSURE
    return value


def _quick_path(info: Any, value: Any) -> Any:
    """``coerce_cli_path`` for a value that passes every check asked for; else ``UNSURE``."""
    is_plain = (type(value) is str and value != "") or isinstance(value, Path)
    if info.resolve_path or info.allow_dash or not is_plain:
        return UNSURE
    path = value if isinstance(value, Path) else Path(value)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return UNSURE if info.exists else path
    if (not info.file_okay and stat.S_ISREG(mode)) or (not info.dir_okay and stat.S_ISDIR(mode)):
        return UNSURE
    if (info.readable and not os.access(path, os.R_OK)) or (info.writable and not os.access(path, os.W_OK)):
        return UNSURE
    return path


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class QuickRuntimeParam(RuntimeParam):
        """``quick_value`` first; Typer's own coercion (built only then) for the rest."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            quick = quick_value(self.annotation, self.parameter_info, value, ctx)
            if quick is not UNSURE:
                return quick
            descriptor = resolve_type_descriptor(self.annotation, self.parameter_info)
            return build_runtime_param(descriptor)._coerce_value(value, param=param, ctx=ctx)


def install_quick_coercion(params: list[Any]) -> None:
    """Give each Typer parameter of a command the quick coercion, unless it has one already.

    Typer's private machinery may change shape: whatever does not fit is left to Typer
    (``test_issue_14_where_imports_no_extraction_rules_export_writer_or_pydantic`` then
    says that pydantic is back).
    """
    if RuntimeParam is None:
        return
    for param in params:
        if getattr(param, "_runtime_param", False) is not None:
            continue
        try:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is None:
                param._runtime_param = QuickRuntimeParam(parameter_info=descriptor.parameter_info,
                                                         annotation=descriptor.annotation)
        except (AttributeError, TypeError):
            continue
