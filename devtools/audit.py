"""`make audit`: check the locked dependencies (requirements.lock) for known vulnerabilities with pip-audit.

Three outcomes, told apart on purpose:
- vulnerabilities found: they are listed and the exit status is 1;
- every package looked up and none vulnerable: exit 0;
- the vulnerability service could not be reached for some packages (this build machine reaches only the
  package index, not PyPI's JSON API or OSV): those packages are listed as NOT AUDITED and the status is 0,
  or 2 with --strict. pip-audit alone would either pass silently (no --strict) or fail the whole build on a
  network limit (--strict); neither says what happened.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"


def main(argv: list[str]) -> int:
    strict = "--strict" in argv
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "-r", str(LOCK), "--no-deps", "--disable-pip", "-f", "json",
         "--progress-spinner", "off"],
        capture_output=True, text=True,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(f"audit: pip-audit gave no report (exit {result.returncode}):\n{result.stderr}", file=sys.stderr)
        return 2
    vulnerable = [d for d in report["dependencies"] if d.get("vulns")]
    skipped = [d for d in report["dependencies"] if d.get("skip_reason")]
    audited = len(report["dependencies"]) - len(skipped)
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    if skipped:
        print(f"audit: NOT AUDITED: {len(skipped)} of {len(report['dependencies'])} locked packages; "
              f"the vulnerability service did not answer for them, e.g. {skipped[0]['skip_reason']}")
    print(f"audit: {audited} packages audited, {len(vulnerable)} vulnerable, {len(skipped)} not audited")
    if vulnerable:
        return 1
    return 2 if skipped and strict else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
