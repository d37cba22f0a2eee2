"""Articles read from the files a publisher points ``newsstream publish`` at.

JSON-lines files (``.jsonl``, ``.ndjson``, any file given by name, or ``-`` for stdin) hold one article a
line; directories are walked for ``.txt`` (first line title, the rest body), ``.html``/``.htm`` (the raw
page) and ``.json`` (one article object) files, with the file name as the article id when none is given.
Each item says where it came from, so that a bad one can be reported as ``file:line``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..records import BadInput, validate_raw

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".json"}
LINES_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class Item:
    where: str
    article: dict[str, Any] | None = None
    error: BadInput | None = None


def read_items(paths: list[str], *, source: str | None = None, max_bytes: int) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield from _json_lines(sys.stdin.buffer, "<stdin>", source, max_bytes)
        elif Path(path).is_dir():
            for file in sorted(p for p in Path(path).rglob("*") if p.is_file()):
                if file.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield _document(file, source, max_bytes)
                elif file.suffix.lower() in LINES_SUFFIXES:
                    with file.open("rb") as handle:
                        yield from _json_lines(handle, str(file), source, max_bytes)
        elif Path(path).is_file() and Path(path).suffix.lower() in DOCUMENT_SUFFIXES - {".json"}:
            yield _document(Path(path), source, max_bytes)
        elif Path(path).is_file():
            with open(path, "rb") as handle:
                yield from _json_lines(handle, path, source, max_bytes)
        else:
            yield Item(path, error=BadInput("not_found", "no such file or directory"))


def count_items(paths: list[str]) -> int | None:
    """How many items ``read_items`` will yield at most (None for stdin), for the progress bar."""
    total = 0
    for path in paths:
        p = Path(path)
        if path == "-":
            return None
        if p.is_dir():
            for file in p.rglob("*"):
                if file.suffix.lower() in DOCUMENT_SUFFIXES:
                    total += 1
                elif file.suffix.lower() in LINES_SUFFIXES:
                    total += _count_lines(file)
        elif p.is_file():
            total += 1 if p.suffix.lower() in DOCUMENT_SUFFIXES - {".json"} else _count_lines(p)
    return total


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _json_lines(handle: Any, name: str, source: str | None, max_bytes: int) -> Iterator[Item]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        yield _parse(line, f"{name}:{number}", source, max_bytes)


def _parse(data: bytes, where: str, source: str | None, max_bytes: int, defaults: dict | None = None) -> Item:
    if len(data) > max_bytes:
        return Item(where, error=BadInput("too_large", f"{len(data)} bytes, over the limit of {max_bytes}"))
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        code = "not_utf8" if "utf-8" in str(exc).lower() else "not_json"
        return Item(where, error=BadInput(code, f"not a JSON article: {exc}"))
    if isinstance(obj, dict):
        for name, value in {**(defaults or {}), **({"source": source} if source else {})}.items():
            obj.setdefault(name, value)
    try:
        return Item(where, article=validate_raw(obj))
    except BadInput as error:
        return Item(where, error=error)


def _document(path: Path, source: str | None, max_bytes: int) -> Item:
    where = str(path)
    data = path.read_bytes()
    if path.suffix.lower() == ".json":
        return _parse(data, where, source, max_bytes, defaults={"id": path.stem})
    if len(data) > max_bytes:
        return Item(where, error=BadInput("too_large", f"{len(data)} bytes, over the limit of {max_bytes}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Item(where, error=BadInput("not_utf8", f"not valid UTF-8 at byte {exc.start}"))
    article: dict[str, Any] = {"id": path.stem}
    if source:
        article["source"] = source
    if path.suffix.lower() in {".html", ".htm"}:
        article["html"] = text
    else:
        title, _, body = text.strip().partition("\n")
        article["title"], article["body"] = title.strip(), body.strip() or title.strip()
    try:
        return Item(where, article=validate_raw(article))
    except BadInput as error:
        return Item(where, error=error)
