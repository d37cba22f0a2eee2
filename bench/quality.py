"""Every quality and speed figure of the enrichment core, each beside its peer, from one command.

Runs ``bench.language``, ``bench.boilerplate``, ``bench.companies``, ``bench.throughput``, ``bench.stories``
and ``bench.codecs`` in turn (each can also run alone) and prints one table. Data comes from the development
data folder (``../shared/data``, or
``$NEWSSTREAM_SHARED_DATA``). The figures recorded in docs/benchmarks.md come from this command.

Run: ``make bench`` or ``.venv/bin/python -m bench.quality [area ...]``.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import Any

from bench.table import print_rows

AREAS = ("language", "boilerplate", "companies", "throughput", "stories", "codecs")


def main(argv: list[str] | None = None) -> None:
    areas = (argv if argv is not None else sys.argv[1:]) or list(AREAS)
    rows: list[tuple[str, dict[str, Any]]] = []
    for area in areas:
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{area}")
        for row in module.run():
            rows.append((area, row))
        print(f"[{area}: {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    print_rows([row for _, row in rows], areas=[area for area, _ in rows])


if __name__ == "__main__":
    main()
