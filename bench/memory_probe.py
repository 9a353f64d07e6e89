"""Peak resident memory of a fresh process that scores one 2,000-message thread (a child of run.py).

A fresh process, so the figure is the service's own and not the benchmark's. Prints JSON.
"""
from __future__ import annotations

import json
import resource
import sys

from server import read_memory_kb
from workload import thread


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    baseline = read_memory_kb()
    import cwguard
    after_import = read_memory_kb()
    payload = thread(messages)
    answer = cwguard.score(payload)
    after_score = read_memory_kb()
    print(json.dumps({
        "messages": messages,
        "level": answer["risk"]["level"],
        "interpreter_rss_kb": baseline["rss_kb"],
        "after_import_rss_kb": after_import["rss_kb"],
        "after_score_rss_kb": after_score["rss_kb"],
        "peak_rss_kb": after_score["peak_rss_kb"],
        # Linux reports ru_maxrss in kB.
        "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
