"""The geo modules a module imports, read from the source (for tests of cache keys)."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path


def _geo_imports(name: str) -> Iterator[str]:
    module = importlib.import_module(name)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("geo."):
            yield node.module
        elif isinstance(node, ast.ImportFrom) and node.module == "geo":
            yield from (f"geo.{alias.name}" for alias in node.names)


def import_closure(roots: Iterable[str]) -> set[str]:
    """``roots`` and every geo module they import, directly or not (``from geo… import``, at any depth)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_geo_imports(name))
    return seen
