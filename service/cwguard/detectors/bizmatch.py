"""Placeholder for the bizmatch detector (being written): reports nothing yet."""
from __future__ import annotations

from typing import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView


class _Placeholder(Detector):
    name = "bizmatch"
    category = "bizmatch"
    kind = "signal"
    examples = Examples(positive=(), negative=())

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        return ()


DETECTOR = _Placeholder()
