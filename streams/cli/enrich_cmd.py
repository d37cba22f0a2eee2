"""``newsstream enrich [FILE|-]``: the stream's enrichment, offline, on JSON lines.

One enriched JSON line on stdout per valid input line, in order; each invalid line is reported on stderr
with its line number and the same error code the stream would dead-letter it with. The per-source learning
runs as in the stream, in memory, so a file of one source's articles is cleaned the way the stream would,
and so does the story decision: copies within the file share a story id.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import IO, ClassVar

from faust.cli import argument, option

from .. import pipeline, records
from ..enrich import warm_up
from ..enrich.stories import StoryIndex
from ..pipeline import Origin
from ..settings import settings
from ..source_profiles import SourceProfiles
from .base import ToolCommand


def enrich_lines(
    lines: Iterator[bytes], name: str, out: IO[bytes], err: IO[str], *, max_bytes: int, learn: bool = True
) -> tuple[int, int]:
    """Enrich JSON lines; returns (enriched, rejected).

    Each article gets the worker's time budget (``NEWSSTREAM_ARTICLE_TIME_BUDGET``): an input that would
    run away in the worker is a ``timeout`` here too, not a command that never ends.
    """
    budget = settings().article_time_budget_s
    if budget:
        warm_up()  # as the worker does: the one-off loads (catalog, language profiles) stay out of the budget
    profiles = SourceProfiles({}, write_through=True)
    stories = StoryIndex({}, retention_s=settings().story_retention_s, max_articles=settings().story_max_articles)
    enriched = rejected = 0
    for number, line in enumerate(lines, start=1):
        data = line.rstrip(b"\r\n")
        if not data.strip():
            continue
        origin = Origin(topic=f"file:{name}", partition=0, offset=number)
        article = pipeline.decode(data, origin, max_bytes=max_bytes)
        if isinstance(article, pipeline.Outcome):
            outcome = article
        else:
            known = profiles if learn else SourceProfiles({})
            outcome = pipeline.enrich_learning(article, data, origin, known, time_budget_s=budget)
        if outcome.dead:
            rejected += 1
            err.write(f"{name}:{number}: {outcome.record['error']}: {outcome.record['reason']}\n")
        else:
            enriched += 1
            out.write(records.dumps(pipeline.with_story(outcome.record, stories, time.time())) + b"\n")
    out.flush()
    return enriched, rejected


class Enrich(ToolCommand):
    """Enrich raw articles offline: JSON lines in (FILE or - for stdin), enriched JSON lines out."""

    options: ClassVar = [
        argument("file", default="-", required=False),
        option("--no-learn", is_flag=True, default=False, help="Do not learn per-source boilerplate lines."),
    ]

    async def main(self, file: str = "-", no_learn: bool = False) -> int:
        max_bytes = settings().max_message_bytes
        if file == "-":
            _, rejected = enrich_lines(
                iter(sys.stdin.buffer), "<stdin>", sys.stdout.buffer, sys.stderr, max_bytes=max_bytes,
                learn=not no_learn,
            )
        else:
            with open(file, "rb") as handle:
                _, rejected = enrich_lines(
                    iter(handle), file, sys.stdout.buffer, sys.stderr, max_bytes=max_bytes, learn=not no_learn
                )
        return 1 if rejected else 0
