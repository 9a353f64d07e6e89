"""The per-request budget of an answer (issue #11): how much one POST /score may send back.

A thread within the request limits can still ask for a huge answer: 5,000 messages that each repeat
a contact id give 160,000 highlights and a 40 MB answer, which the extension cannot paint and the
service should not build. `apply(answer)` keeps an answer within

- `MAX_HIGHLIGHTS` highlights, chosen strongest first (a cap never drops a `high` highlight to keep
  a `low` one), then sent in their usual order (message, then position);
- `MAX_MESSAGE_IDS` ids per warning (the first ones, in thread order);
- `MAX_ANSWER_BYTES` of JSON (UTF-8) in all.

When it cuts anything the answer gains `"truncated": true`; otherwise the answer is unchanged and
has no `truncated` field. Risk level, score and warnings are never cut: they are computed before
the budget and stay true for the whole thread.
"""
from __future__ import annotations

import json
from typing import Any

MAX_HIGHLIGHTS = 2_000
MAX_MESSAGE_IDS = 200
MAX_ANSWER_BYTES = 2 * 1024 * 1024

_SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1, "info": 0}
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
# A highlight's JSON without its two free strings is under this many bytes (keys, category,
# severity, warning id, offsets up to 20,000); each character of a string costs at most 6 bytes
# (a \u00XX escape). Used for a bound that skips measuring the common, small answers.
_HIGHLIGHT_FIXED_BYTES = 256
_BYTES_PER_CHAR = 6
# No highlight's JSON is shorter than this (its keys alone take more).
_SMALLEST_HIGHLIGHT_BYTES = 90


def encoded_size(value: Any) -> int:
    """Bytes of `value` as the service sends it (compact JSON, UTF-8)."""
    return len(_ENCODER.encode(value).encode("utf-8", "surrogatepass"))


def _highlight_bound(highlight: dict) -> int:
    return (_HIGHLIGHT_FIXED_BYTES + _BYTES_PER_CHAR * (len(str(highlight.get("text", "")))
                                                        + len(str(highlight.get("message_id", ""))))) + 1


def apply(answer: dict, *, max_highlights: int = MAX_HIGHLIGHTS, max_message_ids: int = MAX_MESSAGE_IDS,
          max_bytes: int = MAX_ANSWER_BYTES) -> dict:
    """`answer` within the budget (a new dict when something is cut; `answer` itself otherwise)."""
    truncated = False
    warnings = answer.get("warnings", [])
    if any(len(w.get("message_ids", ())) > max_message_ids for w in warnings):
        warnings = [dict(w, message_ids=w["message_ids"][:max_message_ids])
                    if len(w.get("message_ids", ())) > max_message_ids else w for w in warnings]
        truncated = True
    highlights = answer.get("highlights", [])
    rest = dict(answer, warnings=warnings, highlights=[], truncated=True)
    room = max_bytes - encoded_size(rest)
    if len(highlights) <= max_highlights and sum(map(_highlight_bound, highlights)) <= room:
        kept = highlights  # certainly within the budget: no need to measure each one
    else:
        kept = _strongest_within(highlights, max_highlights, room)
        truncated = truncated or len(kept) < len(highlights)
    if not truncated:
        return answer
    return dict(answer, warnings=warnings, highlights=kept, truncated=True)


def _strongest_within(highlights: list[dict], count: int, room: int) -> list[dict]:
    """At most `count` highlights whose JSON fits in `room` bytes: the strongest first (ties in
    order), then returned in their original order."""
    order = sorted(range(len(highlights)), key=lambda i: -_SEVERITY_RANK.get(highlights[i].get("severity"), 0))
    chosen: list[int] = []
    for index in order:
        if len(chosen) >= count or room < _SMALLEST_HIGHLIGHT_BYTES:
            break
        size = encoded_size(highlights[index]) + 1  # and its comma
        if size > room:
            continue  # a smaller one further on may still fit
        room -= size
        chosen.append(index)
    chosen.sort()
    return [highlights[i] for i in chosen]
