"""A meeting place given on its own (「五反田駅東口から徒歩3分です」「品川区東五反田1-14-9 KRビル4F」): what
continues a request to meet in person in the sender's next message (engine/categories.CONTINUED_BY,
read by the engine as `Components.follow_ups["place"]`). The shapes are data (lang/ja/meetings.json
places_given); they are read on the text as sent, so the spans are code points of the original."""
from __future__ import annotations

from itertools import islice

import regex

from .. import vocab

_PLACE = regex.compile(vocab.words("ja", "meetings", "places_given"))
_MAX_PLACES = 8  # a message lists a place or two; a long list is no follow-up to read whole


def places_given(text: str) -> list[tuple[int, int]]:
    """The spans of the places `text` gives, earliest first, at most a few."""
    return [m.span() for m in islice(_PLACE.finditer(text), _MAX_PLACES)]
