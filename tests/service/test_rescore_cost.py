"""Re-scoring a long message costs what scoring it did the first time. The per-message caches keyed
by the text itself compared a new but equal text with the cached one on every lookup: re-scoring a
1 MB message read it whole once per candidate (bench: line_mixed 1 MB, 14 s then 63 s). Counted in
string comparisons, not in time."""
from cwguard.detectors import _channels as ch


class CountingText(str):
    """A text that counts how often it is compared for equality (what a text-keyed cache does on a
    hash hit with another object)."""
    compared = 0

    def __eq__(self, other):
        CountingText.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_the_sample_regions_of_an_equal_new_text_are_read_without_comparing_texts():
    body = "「サンプル文です。詳細はLINEで」という例文を記事に入れてください。" * 50
    first, second = CountingText(body), CountingText(body)
    for _ in range(20):
        ch.in_sample(first, 10, 14)
    CountingText.compared = 0
    for _ in range(20):
        ch.in_sample(second, 10, 14)
    assert CountingText.compared == 0
    assert ch.in_sample(second, 10, 14) == ch.in_sample(str(body), 10, 14)


def test_the_sentence_boundaries_of_an_equal_new_text_are_read_without_comparing_texts():
    from cwguard.lang.ja import clauses
    body = "一文目。二文目、その続き。" * 200
    first, second = CountingText(body), CountingText(body)
    for pos in range(0, len(body), 50):
        clauses.sentence_span(first, pos)
    CountingText.compared = 0
    for pos in range(0, len(body), 50):
        clauses.sentence_span(second, pos)
    assert CountingText.compared == 0
