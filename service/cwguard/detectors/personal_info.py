"""Placeholder for the personal_info detector (being written): reports nothing yet."""
from __future__ import annotations

from typing import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView


class _Placeholder(Detector):
    name = "personal_info"
    category = "personal_info"
    kind = "risk"
    examples = Examples(positive=(), negative=())

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        return ()


DETECTOR = _Placeholder()
