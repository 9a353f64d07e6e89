"""Helpers for the detector tests: build a MessageView, run one detector, read the development
corpus the way the engine does (contract phase from context and system notices), and time a
detector on adversarial input."""
from __future__ import annotations

import json
import time
from pathlib import Path

from cwguard.engine.detector import Detector, MessageView
from cwguard.engine.normalize import normalize

DEV = Path(__file__).resolve().parents[1] / "data" / "dev.jsonl"
CONTRACT_NOTICES = ("契約が締結されました", "仮払いが完了しました")


def view(text: str, sender: str = "client", phase: str = "before_contract", approved: bool = False) -> MessageView:
    return MessageView("m1", sender, normalize(text), phase, approved)


def found(detector: Detector, text: str, **kw) -> list[str]:
    """The original-text slices of every hit of `detector` on `text`."""
    v = view(text, **kw)
    out = []
    for h in detector.detect(v):
        assert h.category == detector.category
        assert 0 <= h.start < h.end <= len(v.text)
        out.append(v.norm.original_slice(h.start, h.end))
    return out


def dev_messages():
    """(thread id, message, MessageView) for every message of the development corpus."""
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        thread = json.loads(line)
        contracted = (thread.get("context") or {}).get("contract_status") == "contracted"
        for m in thread["messages"]:
            if m["sender"] == "system" and any(n in m["text"] for n in CONTRACT_NOTICES):
                contracted = True
            phase = "contracted" if contracted else "before_contract"
            yield thread["id"], m, MessageView(m["id"], m["sender"], normalize(m["text"]), phase)


def check_dev_corpus(detector: Detector) -> None:
    """Every message labelled with the detector's category is hit, every gold span of it is
    overlapped by a hit, and no other message is hit."""
    key = "signals" if detector.kind == "signal" else "labels"
    missed, false_alarms, spans_missed = [], [], []
    for tid, m, v in dev_messages():
        hits = list(detector.detect(v))
        gold = detector.category in m.get(key, [])
        where = f"{tid}/{m['id']}: {m['text'][:60]!r}"
        if gold and not hits:
            missed.append(where)
        if hits and not gold:
            false_alarms.append(where)
        for s in m.get("spans", []):
            if s["category"] != detector.category:
                continue
            a = m["text"].find(s["text"])
            b = a + len(s["text"])
            if not any(v.norm.to_original(h.start, h.end)[0] < b and a < v.norm.to_original(h.start, h.end)[1]
                       for h in hits):
                spans_missed.append(f"{where} span {s['text']!r}")
    assert not missed, missed
    assert not false_alarms, false_alarms
    assert not spans_missed, spans_missed


ADVERSARIAL = (
    "あ" * 200_000,
    "1" * 200_000,
    "、" * 200_000,
    " ・" * 100_000,
    "円" * 200_000,
    "1万" * 100_000,
    "本日中に" * 50_000,
    "直接" * 100_000,
    "クラウドワークス" * 25_000,
    "先着" * 100_000,
    "@" * 200_000,
)


def check_linear_time(detector: Detector, budget_s: float = 4.0) -> None:
    """Adversarial 200k-character messages finish well inside a generous budget (a pattern with
    catastrophic backtracking would not finish at all)."""
    for text in ADVERSARIAL:
        v = view(text)
        t0 = time.perf_counter()
        for _ in detector.detect(v):
            pass
        elapsed = time.perf_counter() - t0
        assert elapsed < budget_s, (detector.name, text[:8], elapsed)


def found_spans(detector: Detector, text: str, **kw) -> list[tuple[int, int]]:
    """Code-point spans in the original text of every hit of `detector` on `text`."""
    v = view(text, **kw)
    return [v.norm.to_original(h.start, h.end) for h in detector.detect(v)]
