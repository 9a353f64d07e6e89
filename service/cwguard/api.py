"""The Python API: `score(payload)` gives the same answer as POST /score, in-process."""
from __future__ import annotations

from .engine.scoring import score_request
from .schemas import load_request


def score(payload: dict) -> dict:
    """Validate `payload` (the POST /score body) and score it.

    Raises `cwguard.errors.InputError` when the payload is not a valid request.
    """
    return score_request(load_request(payload))
