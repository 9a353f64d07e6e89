"""A worker's question asking back what the client said (lang/ja/clauses.asks_back, applied by the
engine to a worker's findings and to the model's passages): the client's words, checked, are no
proposal of the worker. The same words asked of the worker, or a worker's own proposal, still are."""
import pytest

from cwguard.lang.ja.clauses import asks_back
from support.scoring import categories, locate


@pytest.mark.parametrize("text, word, expected", [
    ("外部サイトに登録が必要なんですか？", "サイト", True),
    ("QRってLINEですか？ここで詳細いただけると助かります", "LINE", True),
    ("承知です。LINEアカウントでのやり取りは無し、全部ここで、で合ってます？", "LINE", True),
    ("Zoomで面談ということですか?", "Zoom", True),
    # asked without a question mark, as Japanese often is
    ("LINEでのやり取りということでしょうか。", "LINE", True),
    ("外部サイトへの登録が必要なんですか", "サイト", True),
    ("LINEでもいいでしょうか", "LINE", False),
    # not a question, or a question of the writer's own wish
    ("外部サイトに登録が必要なんです。", "サイト", False),
    ("LINEでもいいですか？", "LINE", False),
    ("私のLINE IDはabc_12です。追加してもらえますか？", "LINE", False),
])
def test_asks_back(text, word, expected):
    assert asks_back(*locate(text, word)) is expected


def test_asks_back_reads_full_width_marks_of_the_original_text():
    text = "外部サイトに登録が必要なんですか？"
    start = text.index("サイト")
    assert asks_back(text, start, start + 3)


@pytest.mark.parametrize("text, sender, flagged", [
    ("外部サイトに登録が必要なんですか？", "worker", set()),
    ("QRってLINEですか？ここで詳細いただけると助かります", "worker", set()),
    # the client asking the same is still a lure; a worker's own ID is still a contact detail
    ("外部サイトに登録が必要です。こちらからお願いします", "client", {"external_site"}),
    ("私のLINE IDはabc_12です。追加してもらえますか？", "worker", {"contact_details"}),
])
def test_a_question_asked_back_is_not_the_workers_proposal(text, sender, flagged):
    found = categories(text, sender)
    assert found >= flagged and (flagged or not found)
