"""Placeholder for the direct_deal detector (being written): reports nothing yet."""
from __future__ import annotations

from typing import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView


class _Placeholder(Detector):
    name = "direct_deal"
    category = "direct_deal"
    kind = "risk"
    examples = Examples(positive=(), negative=())

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        return ()


DETECTOR = _Placeholder()
