"""The one way benchmark rows are printed: metric, our figure, the peer and its figure, the target."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

HEADER = ("metric", "newsstream", "peer", "peer value", "target")


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def print_rows(rows: Iterable[dict[str, Any]], *, areas: Iterable[str] | None = None) -> None:
    """A table of ``run()`` rows; with ``areas`` (one name per row) a first column says which bench."""
    body = [(r["metric"], fmt(r.get("value")), fmt(r.get("peer")), fmt(r.get("peer_value")), fmt(r.get("target")))
            for r in rows]
    header = HEADER
    if areas is not None:
        header = ("area", *HEADER)
        body = [(area, *row) for area, row in zip(areas, body, strict=True)]
    table = [header, *body]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if i == 0:
            print("-+-".join("-" * w for w in widths))
