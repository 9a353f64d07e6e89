"""Threads for the benchmark and the load test, built from the development corpus.

Threads of any size are cut from one stream: the corpus messages in file order, cycled. System
notices are left out so that every message is scored in the same contract phase (a 契約が締結されました
notice would turn the rest of a long thread "contracted" and change what is measured with the size).
Each copy of a message gets a short cycle marker, so no two messages of a thread have the same text
and the engine's per-message cache cannot make a long thread look cheaper than it is.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "service" / "data" / "dev.jsonl"
JST = timezone(timedelta(hours=9))
THREAD_START = datetime(2026, 3, 2, 9, 0, tzinfo=JST)
MESSAGE_GAP = timedelta(minutes=7)


def corpus_messages(path: Path = CORPUS) -> list[dict]:
    """(sender, text) of every non-system corpus message, in file order; labels are dropped."""
    messages = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            for message in json.loads(line)["messages"]:
                if message["sender"] != "system":
                    messages.append({"sender": message["sender"], "text": message["text"]})
    return messages


_CORPUS_CACHE: list[dict] = []


def _corpus() -> list[dict]:
    if not _CORPUS_CACHE:
        _CORPUS_CACHE.extend(corpus_messages())
    return _CORPUS_CACHE


def stream_messages(start: int, count: int, tag: str = "") -> list[dict]:
    """`count` request messages from position `start` of the cycled corpus stream.

    Ids and times follow the position in the stream, so windows cut from it line up. `tag` is
    added to every text, to make a thread distinct from every other (cold-cache HTTP requests)."""
    corpus = _corpus()
    messages = []
    for position in range(start, start + count):
        cycle, index = divmod(position, len(corpus))
        source = corpus[index]
        messages.append({
            "id": f"m{position + 1}",
            "sender": source["sender"],
            "sent_at": (THREAD_START + position * MESSAGE_GAP).isoformat(),
            "text": f"{source['text']}\n[{cycle + 1}{tag}]",
        })
    return messages


def thread_payload(messages: list[dict]) -> dict:
    """A /score request body (the public contract) for these messages."""
    return {"messages": messages, "context": {"contract_status": "before_contract"}, "lang": "ja"}


def thread(count: int, start: int = 0, tag: str = "") -> dict:
    return thread_payload(stream_messages(start, count, tag))


def windows(size: int, min_messages: int, tag: str = "") -> list[dict]:
    """Consecutive threads of `size` messages covering at least `min_messages` of the stream, so
    every size is measured over the same mix of messages (10 messages alone would be one thread's
    worth of the corpus, not a sample of it)."""
    count = max(1, -(-min_messages // size))
    return [thread(size, start=i * size, tag=tag) for i in range(count)]


def corpus_size() -> int:
    return len(_corpus())


def ordinary_text(chars: int) -> str:
    """Ordinary Japanese message text of exactly `chars` characters (corpus texts, repeated)."""
    corpus = _corpus()
    parts, total, i = [], 0, 0
    while total < chars:
        text = corpus[i % len(corpus)]["text"] + "\n"
        parts.append(text)
        total += len(text)
        i += 1
    return "".join(parts)[:chars]
