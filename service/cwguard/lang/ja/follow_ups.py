"""What continues a request in the sender's next message, given on its own (engine/categories.CONTINUED_BY,
read by the engine as `Components.follow_ups`):
- a meeting place after a request to meet in person (「五反田駅東口から徒歩3分です」「品川区東五反田1-14-9 KRビル4F」);
- the detail of a document or a code after a request for it (「表と裏、両方で📷」「6桁の数字だけでいいので」).
The shapes are data (lang/ja/meetings.json places_given, lang/ja/documents.json details_given); they are read
on the text as sent, so the spans are code points of the original."""
from __future__ import annotations

from collections.abc import Callable
from itertools import islice

import regex

from .. import vocab

_MAX_SPANS = 8  # a follow-up gives a thing or two; a long list is no follow-up to read whole


def _reader(area: str, group: str) -> Callable[[str], list[tuple[int, int]]]:
    pattern = regex.compile(vocab.words("ja", area, group), regex.IGNORECASE)

    def read(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in islice(pattern.finditer(text), _MAX_SPANS)]
    return read


places_given = _reader("meetings", "places_given")
document_details = _reader("documents", "details_given")
