"""One raw message to exactly one outcome: an enriched record or a dead letter.

This is the routing logic the stream agent and the offline ``newsstream enrich`` command share. It has no
Kafka or Faust imports: it takes bytes and where they came from, and returns the key and value to produce.
"""

from __future__ import annotations

import atexit
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from . import records
from .enrich import EMPTY_PROFILE, SourceProfile, enrich
from .enrich.stories import StoryIndex
from .enrich.watchlist import EMPTY_WATCHLIST, WatchList
from .records import BadInput
from .source_profiles import SourceProfiles


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a raw message was read from; dead letters carry it so an operator can find the original."""

    topic: str
    partition: int = 0
    offset: int = 0
    key: bytes | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What to produce for one raw message: ``record`` goes to the enriched or the dead-letter topic."""

    key: bytes
    record: dict[str, Any]
    dead: bool

    @property
    def value(self) -> bytes:
        return records.dumps(self.record)

    @property
    def error(self) -> str | None:
        return self.record["error"] if self.dead else None


class ArticleTimeout(BaseException):
    """Enrichment of one article ran over its time budget.

    A ``BaseException`` (like ``KeyboardInterrupt``) on purpose: libraries the core calls catch
    ``Exception`` broadly (trafilatura around its recall retry, justext rescue and lxml parsing), and an
    ``Exception`` raised by the timer inside them was swallowed, so the article ran on past its budget.
    """


def decode(data: bytes | None, origin: Origin, *, max_bytes: int) -> dict[str, Any] | Outcome:
    """The validated article, or the dead-letter outcome that says why there is none."""
    try:
        return records.decode_raw(data, max_bytes=max_bytes)
    except BadInput as error:
        return dead_letter(data, origin, error)


def enrich_article(
    article: dict[str, Any],
    data: bytes | None,
    origin: Origin,
    *,
    profile: SourceProfile = EMPTY_PROFILE,
    time_budget_s: float | None = None,
    timings: dict[str, float] | None = None,
    watchlist: WatchList = EMPTY_WATCHLIST,
) -> Outcome:
    """Enrich a validated article; any failure of the core becomes a dead letter, never a crash.

    ``timings``, when given, receives the seconds per enrichment step (for the web view's metrics).
    """
    article_id = article["id"]
    try:
        with time_budget(time_budget_s):
            record = enrich(article, profile, timings=timings, watchlist=watchlist)
        if not record["text"].strip():
            raise BadInput("empty_text", "no article text left after boilerplate removal", article_id=article_id)
    except BadInput as error:
        return dead_letter(data, origin, error)
    except ArticleTimeout:
        reason = f"enrichment took longer than the {time_budget_s:g} s budget"
        return dead_letter(data, origin, BadInput("timeout", reason, article_id=article_id))
    except Exception as exc:
        reason = f"enrichment raised {type(exc).__name__}: {exc}"[:2000]
        return dead_letter(data, origin, BadInput("enrichment_failed", reason, article_id=article_id))
    return Outcome(key=article_id.encode("utf-8"), record=record, dead=False)


def enrich_learning(
    article: dict[str, Any],
    data: bytes | None,
    origin: Origin,
    profiles: SourceProfiles,
    *,
    partition: int = 0,
    time_budget_s: float | None = None,
    timings: dict[str, float] | None = None,
    watchlist: WatchList = EMPTY_WATCHLIST,
) -> Outcome:
    """Enrich with what the stream has learned of the article's source, then count the article into it.

    ``partition`` is the by-source partition the article was read from (where its source's counts live).
    """
    source = article.get("source")
    outcome = enrich_article(
        article, data, origin, profile=profiles.profile(source, partition), time_budget_s=time_budget_s,
        timings=timings, watchlist=watchlist,
    )
    if not outcome.dead:
        profiles.count(source, outcome.record, partition)
    return outcome


def with_story(record: dict[str, Any], index: StoryIndex, now: float) -> dict[str, Any]:
    """The enriched record with its ``story``: the story decision sees articles one at a time, in order."""
    record["story"] = index.assign(record["id"], record["text"], now).asdict()
    return record


def process(
    data: bytes | None,
    origin: Origin,
    *,
    max_bytes: int,
    profile: SourceProfile = EMPTY_PROFILE,
    time_budget_s: float | None = None,
) -> Outcome:
    """Decode, validate and enrich one raw message."""
    article = decode(data, origin, max_bytes=max_bytes)
    if isinstance(article, Outcome):
        return article
    return enrich_article(article, data, origin, profile=profile, time_budget_s=time_budget_s)


def unreadable_batch(data: bytes | None, origin: Origin, reason: str, *, last_offset: int) -> Outcome:
    """The dead letter for a record batch the consumer could not unpack: its bytes, its offset range."""
    span = f"offsets {origin.offset}-{last_offset}" if last_offset != origin.offset else f"offset {origin.offset}"
    error = BadInput(
        "unreadable_batch",
        f"the record batch at {span} of {origin.topic}[{origin.partition}] could not be read ({reason}); "
        "'original' holds the batch as stored (base64): its records were not processed",
    )
    return dead_letter(data, origin, error, last_offset=last_offset, force_base64=True)


def dead_letter(
    data: bytes | None, origin: Origin, error: BadInput, *, last_offset: int | None = None, force_base64: bool = False
) -> Outcome:
    record = records.dead_letter(
        data, error, topic=origin.topic, partition=origin.partition, offset=origin.offset, key=origin.key,
        last_offset=last_offset, force_base64=force_base64,
    )
    key = origin.key if origin.key is not None else f"{origin.topic}/{origin.partition}/{origin.offset}".encode()
    return Outcome(key=key, record=record, dead=True)


class _Alarm:
    """The process's one SIGALRM timer for article budgets, armed lazily.

    Installing a handler and arming and disarming the interval timer around every article cost four
    system calls an article (0.8-3.6% of a loaded worker's time in two profiles). Instead the handler stays
    installed, the section being timed sets its ``deadline``, and the timer is armed only when it is not
    already running for an earlier deadline; when it fires it raises if the section in progress has run
    past its deadline, re-arms for the time left if a section is still in progress, and otherwise does
    nothing (it fired between articles).
    """

    deadline: float | None = None  # time.monotonic() deadline of the section in progress
    fires_at: float = 0.0  # when the armed timer fires (0.0: not armed)
    disarm_at_exit: bool = False  # the exit hook that disarms the timer is registered


_ALARM_AGAIN_S = 0.05


def _on_alarm(signum: int, frame: Any) -> None:
    _Alarm.fires_at = 0.0
    deadline = _Alarm.deadline
    if deadline is None:
        return
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        # again shortly, in case the exception is swallowed where the signal lands (a gc callback ignores
        # exceptions); once the section has ended, that second alarm finds no deadline and does nothing
        _arm(_ALARM_AGAIN_S)
        raise ArticleTimeout
    _arm(remaining)


def _arm(seconds: float) -> None:
    if not _Alarm.disarm_at_exit:
        # The timer outlives the last article; at exit the interpreter resets SIGALRM to its default, and a
        # timer still armed then kills the process (`newsstream enrich` exited -14 after a timed-out article).
        atexit.register(_disarm)
        _Alarm.disarm_at_exit = True
    _Alarm.fires_at = time.monotonic() + seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _drop_article_timeouts(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Wrap ``sys.unraisablehook`` so that a budget's exception swallowed where it landed stays silent.

    The alarm can land in code whose exceptions Python cannot raise (a finaliser, a gc or weakref callback); Python then
    hands it to ``sys.unraisablehook``, which prints it as "Exception ignored" (and under pytest fails the
    test). It is expected there: the alarm comes again shortly and raises in the article's own code.
    """

    def unraisable(info: Any) -> Any:
        if isinstance(info.exc_value, ArticleTimeout):
            return None
        return hook(info)

    unraisable.drops_article_timeouts = True  # type: ignore[attr-defined]
    return unraisable


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)
    _Alarm.fires_at = 0.0


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt pure-Python work that runs over ``seconds`` with :class:`ArticleTimeout`.

    Uses a real-time interval timer, so it only applies on the main thread (where the Faust worker's
    event loop runs); elsewhere, or without a budget, the work simply runs. Code inside C extensions is
    interrupted when it returns to Python, which is why raw input is also bounded in size. The SIGALRM
    handler is installed at the first budget and stays (see :class:`_Alarm`); it is installed again if
    something else took the signal meanwhile.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGALRM) is not _on_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        _Alarm.fires_at = 0.0
    if not getattr(sys.unraisablehook, "drops_article_timeouts", False):
        sys.unraisablehook = _drop_article_timeouts(sys.unraisablehook)
    deadline = time.monotonic() + seconds
    _Alarm.deadline = deadline
    if not _Alarm.fires_at or _Alarm.fires_at > deadline:
        _arm(seconds)
    try:
        yield
    finally:
        _Alarm.deadline = None
