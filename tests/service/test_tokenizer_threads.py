"""The SudachiPy tokenizer under concurrent requests: the server answers on several threads, and a
tokenizer used by two threads at once raises SudachiError (seen as a 500 under `make bench`'s four
clients). Each thread has its own tokenizer over the one shared dictionary."""
import threading

from cwguard.lang.ja import tokens, words

TEXTS = [f"案件{i}の詳細はLINEでお伝えしますので、ID: cw_{i} を追加してください。報酬は{i}円です。" for i in range(400)]


def _in_thread(fn):
    out = []
    worker = threading.Thread(target=lambda: out.append(fn()))
    worker.start()
    worker.join()
    return out[0]


def test_each_thread_has_its_own_tokenizer_over_one_dictionary():
    mine = words.tokenizer()
    assert words.tokenizer() is mine
    theirs = _in_thread(words.tokenizer)
    assert theirs is not mine
    assert _in_thread(words._dictionary) is words._dictionary()


def test_concurrent_tokenising_gives_what_one_thread_gives():
    expected = [tuple((t.surface, t.lemma, t.start, t.end) for t in tokens.tokenize.__wrapped__(x)) for x in TEXTS]
    errors, results = [], {}

    def work(k):
        try:
            results[k] = [tuple((t.surface, t.lemma, t.start, t.end) for t in tokens.tokenize.__wrapped__(x)) for x in TEXTS]
        except Exception as error:  # the test reports it below
            errors.append(repr(error))

    workers = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert all(results[k] == expected for k in range(6))
