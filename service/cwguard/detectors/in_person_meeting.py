"""Placeholder for the in_person_meeting detector (being written): reports nothing yet."""
from __future__ import annotations

from typing import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView


class _Placeholder(Detector):
    name = "in_person_meeting"
    category = "in_person_meeting"
    kind = "risk"
    examples = Examples(positive=(), negative=())

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        return ()


DETECTOR = _Placeholder()
