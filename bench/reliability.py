"""Reliability figures: what the fault tests sent, and what came out enriched, dead-lettered, duplicated, lost.

``python -m bench.reliability`` runs the fault tests (``pytest -m faults``, the real local broker; about
15 minutes) and prints one row per fault; ``--from FILE`` prints the rows a previous run wrote (``make
faults`` writes artifacts/faults.jsonl). The peer is the target itself: nothing lost, nothing malformed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
COUNTS = ("sent", "enriched", "dead_lettered", "duplicates", "lost", "malformed")


def read_report(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_faults(report: Path) -> int:
    env = {**os.environ, "NEWSSTREAM_FAULTS_REPORT": str(report)}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "faults"], cwd=REPO, env=env).returncode


def rows_from(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bench rows: per fault, lost and malformed (target 0) and duplicates (reported, no target)."""
    rows = []
    for result in results:
        if "sent" not in result:
            continue
        for metric, target in (("lost", 0), ("malformed", 0), ("duplicates", None)):
            rows.append({"metric": f"{result['fault']}: {metric}", "value": result.get(metric),
                         "peer": None, "peer_value": None, "target": target})
    return rows


def run(report: Path | None = None) -> list[dict[str, Any]]:
    if report is None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "faults.jsonl"
            run_faults(path)
            return rows_from(read_report(path))
    return rows_from(read_report(report))


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| fault | " + " | ".join(COUNTS) + " | other figures |", "|---" * (len(COUNTS) + 2) + "|"]
    for result in results:
        other = {k: v for k, v in result.items() if k not in (*COUNTS, "fault", "unexpected")}
        counts = " | ".join(str(result.get(k, "")) for k in COUNTS)
        lines.append(f"| {result['fault']} | {counts} | {json.dumps(other, ensure_ascii=False)} |")
    return "\n".join(lines)


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--from"]:
        results = read_report(Path(args[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "faults.jsonl"
            status = run_faults(path)
            results = read_report(path)
            print(f"pytest -m faults exit status {status}")
    print(table(results))


if __name__ == "__main__":
    main()
