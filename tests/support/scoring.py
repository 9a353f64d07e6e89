"""Helpers of the table-driven detection tests: score one message as the service does, find a word
in the normalised text."""
from __future__ import annotations

from cwguard.engine.normalize import normalize
from cwguard.pipeline import score_request
from cwguard.schemas import load_request


def categories(text: str, sender: str = "client", status: str = "before_contract",
               detection: str = "rules") -> set[str]:
    """The risk categories warned about (severity above info) for one message."""
    payload = {"messages": [{"id": "m1", "sender": sender, "text": text}], "context": {"contract_status": status}}
    answer = score_request(load_request(payload), detection=detection)
    return {w["category"] for w in answer["warnings"] if w["severity"] != "info"}


def locate(text: str, word: str) -> tuple[str, int, int]:
    """(the normalised text, the start and end of `word`'s first occurrence in it)."""
    norm = normalize(text).text
    target = normalize(word).text
    start = norm.index(target)
    return norm, start, start + len(target)
