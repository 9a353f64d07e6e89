"""Score one message the way the service does, for table-driven tests of detection families."""
from __future__ import annotations

from cwguard.pipeline import score_request
from cwguard.schemas import load_request


def categories(text: str, sender: str = "client", status: str = "before_contract",
               detection: str = "rules") -> set[str]:
    """The risk categories warned about (severity above info) for one message."""
    payload = {"messages": [{"id": "m1", "sender": sender, "text": text}], "context": {"contract_status": status}}
    answer = score_request(load_request(payload), detection=detection)
    return {w["category"] for w in answer["warnings"] if w["severity"] != "info"}
