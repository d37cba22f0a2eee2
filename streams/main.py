"""The ``newsstream`` console script: the app with its agents, commands and web pages, then Faust's CLI.

``newsstream worker`` takes all of Faust's worker options; the project adds ``publish``, ``tail``,
``enrich`` and ``companies``. Importing a module registers what it declares on the app (agents, commands,
pages), so this is the one place that decides what a worker runs.
"""

from __future__ import annotations

from . import agents  # noqa: F401  (the intake, enrich and stories agents)
from .app import app
from .cli import companies_cmd, enrich_cmd, publish_cmd, tail_cmd  # noqa: F401
from .web import pages  # noqa: F401  (the console, /health, /metrics)


def main() -> None:
    """Console script ``newsstream``: Faust's command line for this app."""
    app.main()
