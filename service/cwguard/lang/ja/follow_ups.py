"""What continues a request in the sender's next message, given on its own (engine/categories.CONTINUED_BY,
read by the engine as `Components.follow_ups`):
- a meeting place after a request to meet in person (「五反田駅東口から徒歩3分です」「品川区東五反田1-14-9 KRビル4F」);
- the detail of a document or a code after a request for it (「表と裏、両方で📷」「6桁の数字だけでいいので」);
- a way to pay after a direct deal was proposed (「銀行振込で」「paypal ok?」), unless the message names the
  platform's escrow;
- a quick payback (「すぐ回収できますよ」「1週間で元取れます」) after a fee was asked (an unrealistic offer that
  continues the upfront payment, categories.CONTINUES);
- the talk sent on to the place just given (「続きはそちらで」「あっちで話そ」) after an ID, a handle, a link or a
  channel (a move off the platform that continues the contact, categories.CONTINUES).
The shapes are data (lang/ja/meetings.json places_given, lang/ja/documents.json details_given, lang/ja/deals.json
means_given, lang/ja/channel_talk.json there_given); they are read on the text as sent, so the spans are code
points of the original. `unless` leaves a reader out of messages that name something (the site module's platform
names, which this layer does not know)."""
from __future__ import annotations

from collections.abc import Callable
from itertools import islice

import regex

from .. import vocab
from .clauses import POST_CONTRACT_SEQUENCE, POST_CONTRACT_TERMS

_MAX_SPANS = 8  # a follow-up gives a thing or two; a long list is no follow-up to read whole


def payback_claim() -> str:
    """A quick payback of what the reader paid (「1か月で回収できる」「案件1本で元取れます」): read by the
    unrealistic-offer rule in a message that names the money, and as a follow-up after a fee."""
    return (f"(?:{vocab.words('ja', 'offers', 'quick_spans')}|{vocab.words('ja', 'offers', 'quick_paybacks')})\\s?"
            f"(?:すぐに?)?(?:{vocab.words('ja', 'offers', 'payback_words')})")


def _reader(area: str, group: str) -> Callable[[str], list[tuple[int, int]]]:
    return _pattern_reader(vocab.words("ja", area, group))


def _pattern_reader(source: str) -> Callable[[str], list[tuple[int, int]]]:
    pattern = regex.compile(source, regex.IGNORECASE)

    def read(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in islice(pattern.finditer(text), _MAX_SPANS)]
    return read


def unless(pattern: str, read: Callable[[str], list[tuple[int, int]]]) -> Callable[[str], list[tuple[int, int]]]:
    """`read`, except in a text where `pattern` occurs."""
    named = regex.compile(pattern, regex.IGNORECASE)

    def read_unless(text: str) -> list[tuple[int, int]]:
        return [] if named.search(text) else read(text)
    return read_unless


places_given = _reader("meetings", "places_given")
document_details = _reader("documents", "details_given")
payment_means = unless(vocab.words("ja", "deals", "escrow_named"), _reader("deals", "means_given"))
paybacks = _pattern_reader(payback_claim())
# (not in a message that places the move after the contract: 「契約締結後は…招待しますので、以降はそちらで」,
# the words the clause reader reads for it)
there_given = unless("|".join([*map(regex.escape, POST_CONTRACT_TERMS), POST_CONTRACT_SEQUENCE, r"after (?:the )?contract"]),
                     _reader("channel_talk", "there_given"))
