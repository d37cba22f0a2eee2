"""HTML for the console, rendered from exactly the JSON that ``/news/stats`` serves.

Pure functions (no Faust), so the page can be tested without a worker. Every value that comes from the
stream (titles, ids, reasons, company names, sources) is hostile input: it goes through :func:`esc` (or
:func:`quote` for URLs) and nowhere else; CSS and the refresh script are the app's own files, inlined so
the page needs no network beyond the worker, and run under a per-response CSP nonce.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote as _quote
from urllib.parse import urlsplit

STATIC = Path(__file__).resolve().parent / "static"
REFRESH_S = 5
PAGE_ROWS = 10  # latest articles on the page (the JSON has more)
PAGE_DEAD_ROWS = 6  # latest dead letters on the page

CHART_W, CHART_H, CHART_PAD = 820, 170, 28
SERIES = (("in", "articles in", "#2f6fdb"), ("enriched", "enriched", "#1f9d55"), ("dead", "dead-lettered", "#d64545"))


def esc(value: Any) -> str:
    """Text for HTML content or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def quote(value: Any) -> str:
    """One URL path segment, then escaped for an attribute."""
    return esc(_quote(str(value), safe=""))


@cache
def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}"


def ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def clock(timestamp: str | None) -> str:
    """``HH:MM:SS`` (UTC) of an RFC 3339 time; the full value stays in the cell's title."""
    if not timestamp:
        return ""
    try:
        parsed = datetime.fromisoformat(str(timestamp).replace("Z", "+00:00"))
    except ValueError:
        return str(timestamp)[:19]
    return parsed.astimezone(UTC).strftime("%H:%M:%S")


def page(title: str, body: str, *, nonce: str, header_state: str = "") -> str:
    """The document around a page's body: inline CSS, the refresh script, nothing fetched from elsewhere."""
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)}</title>"
        f"<noscript><meta http-equiv=\"refresh\" content=\"{REFRESH_S * 2}\"></noscript>"
        f"<style nonce=\"{esc(nonce)}\">{static_text('console.css')}</style></head><body>"
        f"<header><h1>{esc(title)}</h1>{header_state}<span class=\"spacer\"></span>"
        "<a href=\"/news/\" style=\"color:#cfd8e6\">console</a>"
        "<a href=\"/news/stats\" style=\"color:#cfd8e6\">stats JSON</a>"
        "<a href=\"/metrics\" style=\"color:#cfd8e6\">metrics</a>"
        "<span id=\"status\">live</span></header>"
        f"{body}"
        f"<script nonce=\"{esc(nonce)}\">{static_text('console.js')}</script>"
        "</body></html>\n"
    )


def console_page(stats: Mapping[str, Any], *, nonce: str) -> str:
    """``/news/``: the whole console from the ``/news/stats`` document."""
    worker = stats.get("this_worker") or {}
    cluster = stats.get("cluster")
    body = (
        "<main id=\"console\">"
        + _kpis(worker, cluster)
        + "<div class=\"grid\">"
        + _card("Throughput", _scope("this worker, per 10 s, up to 30 min"), _chart(worker.get("throughput") or []),
                span=2)
        + _card("Dead letters by error", _scope_of(cluster), _bars(_pick(cluster, worker, "dead_by_error"), code=True))
        + _card("Languages", _scope_of(cluster), _bars(_pick(cluster, worker, "languages"), lang=True))
        + _card("Top companies, last hour", _scope("this worker"), _company_bars(worker.get("top_companies") or []))
        + _card("Processing latency", _scope("this worker, recent articles"), _latency(worker))
        + _card("Latest dead letters", _scope("this worker"), _dead((worker.get("latest_dead") or [])[:PAGE_DEAD_ROWS]),
                span=3)
        + _card("Latest enriched articles", _scope("this worker"), _latest((worker.get("latest") or [])[:PAGE_ROWS]),
                span=3)
        + _card("Largest stories, last hour", _scope("decided by this worker"),
                _stories(worker.get("largest_stories") or []), span=2)
        + _card("Watch-list changes", _scope("news.companies, as every worker follows it"),
                _watchlist(stats.get("watchlist") or []))
        + _card("Consumer lag", _scope("this worker's partitions"), _lag(worker.get("lag") or {}))
        + _card("Cluster partitions", _scope("all workers, via the counters table"), _partitions(cluster), span=2)
        + "</div></main>"
    )
    return page(f"newsstream · {stats.get('app_id', '')}", body, nonce=nonce, header_state=_header_state(stats))


def company_page(company: Mapping[str, Any], stats: Mapping[str, Any], *, nonce: str) -> str:
    """``/news/companies/{id}``: the latest articles this worker enriched that mention one company."""
    articles = company.get("articles") or []
    rows = _latest(articles) if articles else "<p class=\"empty\">This worker has not seen this company yet.</p>"
    scope = f"id {company.get('id')} · this worker's latest {len(articles)} articles"
    name = str(company.get("name") or company.get("id"))
    return _detail_page(name, name, scope, rows, f"/news/companies/{quote(company.get('id'))}", stats, nonce)


def story_page(story: Mapping[str, Any], stats: Mapping[str, Any], *, nonce: str) -> str:
    """``/news/stories/{id}``: the articles of one story, the original first."""
    articles = story.get("articles") or []
    rows = _story_articles(articles) if articles else "<p class=\"empty\">This worker has not decided this story.</p>"
    scope = (f"id {story.get('id')} · {story.get('copies', 0)} copies · sources: "
             f"{', '.join(story.get('sources') or []) or '–'}")
    title = str(story.get("title") or story.get("id"))
    return _detail_page(title, f"story {title}", scope, rows, f"/news/stories/{quote(story.get('id'))}", stats, nonce)


def _detail_page(heading: str, title: str, scope: str, rows: str, href: str, stats: Mapping[str, Any],
                 nonce: str) -> str:
    links = (f"<p class=\"where\"><a href=\"/news/\">← console</a> · "
             f"<a href=\"{href}?format=json\">as JSON</a></p>")
    card = _card(heading, _scope(scope), rows + links, span=3)
    body = "<main id=\"console\"><div class=\"grid\">" + card + "</div></main>"
    return page(f"newsstream · {title}", body, nonce=nonce, header_state=_header_state(stats))


def _table(headers: Sequence[str], rows: str) -> str:
    """A table of already rendered rows under escaped headers."""
    return "<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + f"</tr>{rows}</table>"


def _stories(stories: Sequence[Mapping[str, Any]]) -> str:
    if not stories:
        return "<p class=\"empty\">no story in the last hour on this worker</p>"
    rows = "".join(
        f"<tr><td class=\"title\"><a class=\"plain\" href=\"/news/stories/{quote(s.get('id'))}\">"
        f"{esc(s.get('title') or s.get('id'))}</a></td><td class=\"num\">{number(s.get('copies'))}</td>"
        f"<td class=\"where\">{esc(', '.join(s.get('sources') or []))}</td></tr>"
        for s in stories
    )
    return _table(("story", "copies", "sources"), rows)


def _story_articles(articles: Sequence[Mapping[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td class=\"time\">{esc(clock(a.get('processed_at')))}</td><td class=\"title\">{_title(a)}"
        f"<div class=\"where\">{esc(a.get('source') or '')} · {esc(a.get('id'))}</div></td>"
        f"<td class=\"num\">{esc('original' if a.get('duplicate_of') is None else a.get('similarity'))}</td>"
        f"<td>{_companies_cell(a.get('companies') or [])}</td></tr>"
        for a in articles
    )
    return _table(("time (UTC)", "article", "similarity", "companies"), rows)


def _watchlist(changes: Sequence[Mapping[str, Any]]) -> str:
    if not changes:
        return "<p class=\"empty\">no change to the bundled catalog</p>"
    rows = "".join(
        f"<tr><td><span class=\"badge code\">{esc(c.get('change'))}</span></td>"
        f"<td><a class=\"plain\" href=\"/news/companies/{quote(c.get('id'))}\">{esc(c.get('id'))}</a></td>"
        f"<td>{esc(c.get('name') or '')}</td></tr>"
        for c in changes
    )
    return _table(("change", "id", "name"), rows)


def _header_state(stats: Mapping[str, Any]) -> str:
    healthy = stats.get("healthy")
    problems = stats.get("problems") or []
    badge = ("<span class=\"badge ok\">healthy</span>" if healthy
             else f"<span class=\"badge bad\" title=\"{esc('; '.join(problems))}\">unhealthy: "
                  f"{esc(problems[0] if problems else 'unknown')}</span>")
    return (f"<span id=\"header-state\">{badge} <span class=\"meta\">worker {esc(stats.get('worker'))} · "
            f"generated {esc(clock(stats.get('generated_at')))} UTC</span></span>")


def _scope(text: str) -> str:
    return f" <span class=\"scope\">({esc(text)})</span>"


def _scope_of(cluster: Mapping[str, Any] | None) -> str:
    return _scope("all workers" if cluster else "this worker")


def _pick(cluster: Mapping[str, Any] | None, worker: Mapping[str, Any], key: str) -> Mapping[str, int]:
    return (cluster or worker).get(key) or {}


def _card(title: str, scope: str, content: str, *, span: int = 1) -> str:
    return f"<section class=\"card span{span}\"><h2>{esc(title)}{scope}</h2>{content}</section>"


def _kpi(kind: str, label: str, value: str, sub: str) -> str:
    return (f"<div class=\"card kpi {kind}\"><div class=\"label\">{esc(label)}</div>"
            f"<div class=\"value\">{value}</div><div class=\"sub\">{sub}</div></div>")


def _kpis(worker: Mapping[str, Any], cluster: Mapping[str, Any] | None) -> str:
    totals = worker.get("totals") or {}
    per_minute = worker.get("per_minute") or {}
    cluster_totals = (cluster or {}).get("totals") or {}
    latency = worker.get("latency_ms") or {}
    lag = worker.get("lag") or {}

    def count(key: str) -> tuple[str, str]:
        rate = f"{number(per_minute.get(key, 0))} in the last minute"
        if cluster:
            return (number(cluster_totals.get(key, 0)),
                    f"all workers · this worker: {number(totals.get(key, 0))}, {rate}")
        return number(totals.get(key, 0)), f"this worker · {rate}"

    cards = [
        _kpi("in", "Articles in", *count("in")),
        _kpi("ok", "Enriched", *count("enriched")),
        _kpi("dead", "Dead-lettered", *count("dead")),
        _kpi("", "Latency p50 / p99", f"{esc(ms(latency.get('p50')))}",
             f"p99 {esc(ms(latency.get('p99')))} · {number(latency.get('samples', 0))} recent articles"),
        _kpi("", "Consumer lag", number(lag.get("total")),
             f"messages behind on {number(len(lag.get('partitions') or []))} partitions of this worker"),
    ]
    return "<div class=\"kpis\">" + "".join(cards) + "</div>"


def _bars(counts: Mapping[str, int], *, lang: bool = False, code: bool = False, limit: int = 12) -> str:
    if not counts:
        return "<p class=\"empty\">none yet</p>"
    items = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    top = max(n for _, n in items) or 1
    css = " lang" if lang else (" where" if code else "")
    color = "background:#d64545;" if code else ""
    return "".join(
        f"<div class=\"bar\"><span class=\"name{css}\" title=\"{esc(name)}\">{esc(name)}</span>"
        f"<span class=\"track\"><span class=\"fill\" style=\"display:block;{color}"
        f"width:{100 * n / top:.1f}%\"></span></span>"
        f"<span class=\"n\">{number(n)}</span></div>"
        for name, n in items
    )


def _company_bars(companies: Sequence[Mapping[str, Any]]) -> str:
    if not companies:
        return "<p class=\"empty\">no company mentioned in the last hour</p>"
    top = max(int(c.get("articles") or 0) for c in companies) or 1
    return "".join(
        f"<div class=\"bar\"><span class=\"name\"><a href=\"/news/companies/{quote(c.get('id'))}\" "
        f"title=\"{esc(c.get('id'))}\">{esc(c.get('name'))}</a></span>"
        f"<span class=\"track\"><span class=\"fill\" style=\"display:block;background:#7a5cd6;"
        f"width:{100 * int(c.get('articles') or 0) / top:.1f}%\"></span></span>"
        f"<span class=\"n\">{number(c.get('articles'))}</span></div>"
        for c in companies
    )


def _lag(lag: Mapping[str, Any]) -> str:
    partitions = lag.get("partitions") or []
    if not partitions:
        return "<p class=\"empty\">no partition assigned to this worker</p>"
    rows = "".join(
        f"<tr><td class=\"where\">{esc(p.get('topic'))}</td><td class=\"num\">{esc(p.get('partition'))}</td>"
        f"<td class=\"num\">{number(p.get('position'))}</td><td class=\"num\">{number(p.get('end_offset'))}</td>"
        f"<td class=\"num\"><b>{number(p.get('lag'))}</b></td></tr>"
        for p in partitions
    )
    return ("<table><tr><th>topic</th><th class=\"num\">partition</th><th class=\"num\">position</th>"
            f"<th class=\"num\">end</th><th class=\"num\">lag</th></tr>{rows}</table>")


def _latency(worker: Mapping[str, Any]) -> str:
    rows = [("whole article", worker.get("latency_ms") or {})]
    rows += [(f"step: {step}", figures) for step, figures in (worker.get("steps_ms") or {}).items()]
    body = "".join(
        f"<tr><td>{esc(name)}</td><td class=\"num\">{esc(ms(f.get('p50')))}</td>"
        f"<td class=\"num\">{esc(ms(f.get('p99')))}</td><td class=\"num\">{number(f.get('samples', 0))}</td></tr>"
        for name, f in rows
    )
    return ("<table><tr><th></th><th class=\"num\">p50</th><th class=\"num\">p99</th>"
            f"<th class=\"num\">samples</th></tr>{body}</table>")


def _partitions(cluster: Mapping[str, Any] | None) -> str:
    if not cluster:
        return "<p class=\"empty\">cluster counters not available yet</p>"
    partitions = cluster.get("partitions") or {}
    if not partitions:
        return "<p class=\"empty\">no counts yet</p>"
    rows = "".join(
        f"<tr><td class=\"where\">{esc(key)}</td><td class=\"num\">{number(v.get('in', 0))}</td>"
        f"<td class=\"num\">{number(v.get('enriched', 0))}</td><td class=\"num\">{number(v.get('dead', 0))}</td>"
        f"<td class=\"where\">{esc(v.get('writer'))}</td></tr>"
        for key, v in sorted(partitions.items())
    )
    return ("<table><tr><th>stage/partition</th><th class=\"num\">in</th><th class=\"num\">enriched</th>"
            f"<th class=\"num\">dead</th><th>last writer</th></tr>{rows}</table>")


def _companies_cell(companies: Iterable[Mapping[str, Any]]) -> str:
    chips = [
        f"<a class=\"chip{'' if c.get('known', True) else ' unknown'}\" href=\"/news/companies/{quote(c.get('id'))}\" "
        f"title=\"{esc(c.get('id'))}\">{esc(c.get('name'))}</a>"
        for c in companies
    ]
    return "".join(chips) or "<span class=\"empty\">–</span>"


def _latest(articles: Sequence[Mapping[str, Any]]) -> str:
    if not articles:
        return "<p class=\"empty\">no article enriched yet</p>"
    rows = "".join(
        f"<tr><td class=\"time\" title=\"{esc(a.get('processed_at'))}\">{esc(clock(a.get('processed_at')))}</td>"
        f"<td class=\"title\" title=\"{esc(a.get('id'))}\">{_title(a)}"
        f"<div class=\"where\">{esc(a.get('source') or '')}</div></td>"
        f"<td class=\"lang\">{esc(a.get('language') or 'und')}</td>"
        f"<td>{_companies_cell(a.get('companies') or [])}</td></tr>"
        for a in articles
    )
    return _table(("time (UTC)", "title", "language", "companies"), rows)


def _title(article: Mapping[str, Any]) -> str:
    """The title, linked to the article's page when its url is plain http(s) (never javascript: or data:)."""
    text = esc(article.get("title") or article.get("id"))
    url = str(article.get("url") or "")
    if urlsplit(url).scheme.lower() in {"http", "https"} and not any(c.isspace() for c in url):
        return f"<a class=\"plain\" href=\"{esc(url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{text}</a>"
    return text


def _dead(letters: Sequence[Mapping[str, Any]]) -> str:
    if not letters:
        return "<p class=\"empty\">no dead letter yet</p>"
    rows = "".join(
        f"<tr><td class=\"time\" title=\"{esc(d.get('failed_at'))}\">{esc(clock(d.get('failed_at')))}</td>"
        f"<td><span class=\"badge code\">{esc(d.get('error'))}</span></td>"
        f"<td class=\"reason\">{esc(d.get('reason'))}</td>"
        f"<td class=\"where\">{esc(d.get('article_id') or d.get('key') or '–')} · "
        f"{esc(d.get('topic'))}/{esc(d.get('partition'))}@{esc(d.get('offset'))}</td></tr>"
        for d in letters
    )
    return _table(("time (UTC)", "error", "reason", "article · from"), rows)


def _chart(series: Sequence[Mapping[str, Any]]) -> str:
    """An inline SVG chart of the throughput buckets, drawn on the server (no script, no library): enriched and
    dead-lettered as stacked columns, articles in as a line over them."""
    legend = "<div class=\"legend\">" + "".join(
        f"<span><i style=\"background:{color}\"></i>{esc(label)}</span>" for _, label, color in SERIES
    ) + "</div>"
    series = _recent(series)
    if not series:
        return legend + "<p class=\"empty\">no data yet</p>"
    colors = {key: color for key, _, color in SERIES}
    top = max(max(int(b.get("in") or 0), int(b.get("enriched") or 0) + int(b.get("dead") or 0)) for b in series)
    scale = _nice_ceiling(top)
    left, right, top_pad, bottom_pad = CHART_PAD, CHART_W - 8, 8, 16
    height = CHART_H - top_pad - bottom_pad
    slot = (right - left) / len(series)

    def y(value: float) -> float:
        return top_pad + height - height * value / scale

    grid = "".join(
        f"<line x1=\"{left}\" x2=\"{right}\" y1=\"{y(scale * f):.1f}\" y2=\"{y(scale * f):.1f}\" stroke=\"#e1e6ee\"/>"
        f"<text x=\"{left - 4}\" y=\"{y(scale * f) + 4:.1f}\" text-anchor=\"end\">{number(round(scale * f))}</text>"
        for f in (0, 0.5, 1)
    )
    columns = []
    for i, bucket in enumerate(series):
        x = left + i * slot + slot * 0.15
        enriched, dead = int(bucket.get("enriched") or 0), int(bucket.get("dead") or 0)
        when = datetime.fromtimestamp(int(bucket.get("t") or 0), UTC).strftime("%H:%M:%S")
        tip = f"<title>{when} UTC: {bucket.get('in', 0)} in, {enriched} enriched, {dead} dead-lettered</title>"
        if enriched:
            columns.append(f"<rect x=\"{x:.1f}\" y=\"{y(enriched):.1f}\" width=\"{slot * 0.7:.1f}\" "
                           f"height=\"{y(0) - y(enriched):.1f}\" fill=\"{colors['enriched']}\">{tip}</rect>")
        if dead:
            columns.append(f"<rect x=\"{x:.1f}\" y=\"{y(enriched + dead):.1f}\" width=\"{slot * 0.7:.1f}\" "
                           f"height=\"{y(enriched) - y(enriched + dead):.1f}\" fill=\"{colors['dead']}\">{tip}</rect>")
    points = " ".join(f"{left + (i + 0.5) * slot:.1f},{y(int(b.get('in') or 0)):.1f}" for i, b in enumerate(series))
    line = (f"<polyline fill=\"none\" stroke=\"{colors['in']}\" stroke-width=\"1.5\" stroke-opacity=\"0.85\" "
            "stroke-linejoin=\"round\" "
            f"points=\"{points}\"><title>articles in</title></polyline>")
    minutes = round(len(series) * _bucket_s(series) / 60)
    axis = (f"<text x=\"{left}\" y=\"{CHART_H - 2}\">−{minutes} min</text>"
            f"<text x=\"{(left + right) / 2:.1f}\" y=\"{CHART_H - 2}\" text-anchor=\"middle\">"
            f"−{minutes / 2:g} min</text>"
            f"<text x=\"{right}\" y=\"{CHART_H - 2}\" text-anchor=\"end\">now</text>")
    return (legend + f"<svg class=\"chart\" viewBox=\"0 0 {CHART_W} {CHART_H}\" preserveAspectRatio=\"none\" "
            f"role=\"img\" aria-label=\"throughput per 10 seconds\">{grid}{''.join(columns)}{line}{axis}</svg>")


def _recent(series: Sequence[Mapping[str, Any]], minimum: int = 30) -> Sequence[Mapping[str, Any]]:
    """The buckets from the first one with traffic on (at least the last ``minimum``), so a burst after a quiet
    start is not squeezed into the chart's right edge."""
    for index, bucket in enumerate(series):
        if any(bucket.get(key) for key, _, _ in SERIES):
            return series[min(index, max(0, len(series) - minimum)):]
    return series[-minimum:]


def _bucket_s(series: Sequence[Mapping[str, Any]]) -> int:
    if len(series) < 2:
        return 10
    return int(series[1].get("t", 10)) - int(series[0].get("t", 0)) or 10


def _nice_ceiling(value: int) -> int:
    """The smallest of 5, 10, 25, 50, 100, 250, ... at or above ``value``, so that axis labels are round."""
    ceiling = 5
    while ceiling < value:
        for factor in (2, 2.5, 2):
            ceiling = int(ceiling * factor)
            if ceiling >= value:
                break
    return ceiling
