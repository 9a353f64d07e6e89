"""Where benchmark figures are kept: bench/results/<stem>latest.json and <stem><short commit>.json.

The folder is ignored by git except baseline.json (a reference run committed on purpose), so two
commits are compared by running the benchmark on each and diffing the per-commit files.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"


def git(*args: str) -> str:
    """Output of a read-only git command, or "" outside a git checkout."""
    try:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
        return done.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def commit_info() -> dict:
    return {"commit": git("rev-parse", "--short", "HEAD") or "unknown",
            "uncommitted_changes": bool(git("status", "--porcelain"))}


def save(result: dict, stem: str = "") -> list[Path]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    # The commit recorded when the run started (HEAD may move during a long run).
    commit = result.get("environment", {}).get("commit") or commit_info()["commit"]
    paths = [RESULTS / f"{stem}latest.json", RESULTS / f"{stem}{commit}.json"]
    for path in paths:
        path.write_text(text, encoding="utf-8")
        print(f"[bench] wrote {path.relative_to(REPO)}", file=sys.stderr)
    return paths
