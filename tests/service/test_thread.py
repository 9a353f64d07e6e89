"""Contract state through a thread, off-service approval, client_reputation and slow_reply."""
from __future__ import annotations

import datetime as dt

import pytest

from cwguard import pipeline
from cwguard.engine import thread
from cwguard.site.crowdworks import EVIDENCE

JST = dt.timezone(dt.timedelta(hours=9))
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=JST)


def msg(i: int, sender: str, text: str = "よろしくお願いします", hours: float | None = None) -> dict:
    sent_at = None if hours is None else T0 + dt.timedelta(hours=hours)
    return {"id": f"m{i}", "sender": sender, "sent_at": sent_at, "text": text}


def thread_of(*rows) -> list[dict]:
    return [msg(i, *row) for i, row in enumerate(rows, 1)]


# --- contract state ---------------------------------------------------------------------------

def test_without_evidence_the_page_status_holds_for_every_message():
    messages = thread_of(("client", "詳細をご説明します"), ("worker", "承知しました"))
    for status, phase in (("before_contract", "before_contract"), ("unknown", "before_contract"),
                          ("contracted", "contracted")):
        state = thread.contract_states(messages, status, EVIDENCE)
        assert state.phases == (phase, phase)
        assert state.contract_status == status


@pytest.mark.parametrize("notice", ["契約が締結されました。", "仮払いが完了しました。", "契約が成立しました"])
def test_a_platform_notice_starts_the_contract_at_that_message(notice):
    messages = thread_of(("client", "ご応募ありがとうございます"), ("worker", "よろしくお願いします"),
                         ("system", notice), ("client", "以降はChatworkで"))
    state = thread.contract_states(messages, "unknown", EVIDENCE)
    assert state.phases == ("before_contract", "before_contract", "contracted", "contracted")
    assert state.contract_status == "contracted"


# Issue 9: the page's before_contract is authoritative against text a party can write. A client can
# type a notice into a message the page cannot attribute (sender unknown, short), or into a message
# that carries a lure; neither may turn the rest of the thread into "contracted", where contact
# lures are only info.
@pytest.mark.parametrize("sender, notice", [
    ("unknown", "契約が締結されました。"), ("unknown", "仮払いが完了しました。"), ("unknown", "契約が成立しました"),
    ("system", "【事務局】契約が締結されました。以降はLINEで: https://lin.ee/abc123"),
    ("system", "契約が締結されました。" + "作業内容の詳細はこのあとご連絡します。" * 3),
])
def test_a_notice_a_party_could_write_does_not_override_a_page_before_contract(sender, notice):
    messages = thread_of(("client", "ご応募ありがとうございます"), (sender, notice),
                         ("client", "詳細はLINEでお伝えします。ID: abc_123"))
    state = thread.contract_states(messages, "before_contract", EVIDENCE)
    assert state.phases == ("before_contract",) * 3
    assert state.contract_status == "before_contract"


# A bare platform notice (sender `system`, which the extension's adapter sets only from the notice
# markup) records a contract made since the page's state was read: the messages from it on are
# after the contract, as every corpus writer labels them (50 threads of corpus/train and corpus/rules).
@pytest.mark.parametrize("notice", ["契約が締結されました。", "仮払いが完了しました。", "契約が締結されました。仮払いが完了しました。"])
def test_a_bare_platform_notice_moves_a_page_before_contract(notice):
    messages = thread_of(("client", "ご応募ありがとうございます"), ("system", notice),
                         ("client", "チームのChatworkに招待します https://www.chatwork.com/g/team01"))
    state = thread.contract_states(messages, "before_contract", EVIDENCE)
    assert state.phases == ("before_contract", "contracted", "contracted")
    assert state.contract_status == "contracted"


def test_the_issue_9_impostor_notice_thread_is_scored_before_the_contract():
    """The request of issue 9, finding 3, through the engine: it scored `none`."""
    from cwguard.engine import scoring
    scoring.clear_cache()
    answer = pipeline.score_request({
        "messages": [{"id": "m0", "sender": "unknown", "sent_at": None, "text": "契約が締結されました。"},
                     {"id": "m1", "sender": "client", "sent_at": None, "text": "詳細はLINEでお伝えします。ID: abc_123"}],
        "context": {"contract_status": "before_contract", "client": None, "page_url": None}, "lang": "ja"})
    assert answer["contract_status"] == "before_contract"
    assert answer["risk"]["level"] == "high"
    severities = {w["category"]: w["severity"] for w in answer["warnings"]}
    assert severities["off_platform_contact"] == severities["contact_details"] == "high"


@pytest.mark.parametrize("sender", ["system", "unknown"])
def test_a_notice_still_moves_a_page_that_does_not_say(sender):
    messages = thread_of(("client", "ご応募ありがとうございます"), (sender, "契約が締結されました。"),
                         ("client", "以降はChatworkで"))
    state = thread.contract_states(messages, "unknown", EVIDENCE)
    assert state.phases == ("before_contract", "contracted", "contracted")
    assert state.contract_status == "contracted"


def test_a_party_quoting_a_notice_is_not_a_notice():
    messages = thread_of(("client", "契約が締結されました。LINEで連絡ください"), ("client", "LINEでお願いします"))
    assert thread.contract_states(messages, "unknown", EVIDENCE).phases == ("before_contract", "before_contract")


def test_a_short_notice_of_unknown_sender_counts_but_a_long_message_does_not():
    short = thread_of(("unknown", "仮払いが完了しました。"), ("unknown", "よろしく"))
    assert thread.contract_states(short, "unknown", EVIDENCE).phases == ("contracted", "contracted")
    long_text = "先日お話しした件ですが、別の案件では仮払いが完了しました。こちらの件はまだ契約前ですのでご注意ください。"
    long = thread_of(("unknown", long_text))
    assert thread.contract_states(long, "unknown", EVIDENCE).phases == ("before_contract",)


def test_both_sides_stating_the_contract_moves_an_unknown_thread():
    messages = thread_of(("client", "本日、契約いたしました。ご確認ください"), ("client", "よろしくお願いします"),
                         ("worker", "契約を承認しました。仮払いも確認しました"), ("client", "では始めましょう"))
    state = thread.contract_states(messages, "unknown", EVIDENCE)
    assert state.phases == ("before_contract", "before_contract", "contracted", "contracted")
    assert state.contract_status == "contracted"


def test_one_side_or_a_condition_is_not_a_contract():
    one_side = thread_of(("client", "契約しました"), ("worker", "ありがとうございます"))
    assert "contracted" not in thread.contract_states(one_side, "unknown", EVIDENCE).phases
    conditions = thread_of(("client", "契約しましたら連絡します"), ("worker", "契約しましたか？"))
    assert "contracted" not in thread.contract_states(conditions, "unknown", EVIDENCE).phases


def test_statements_do_not_override_a_page_that_says_before_contract():
    messages = thread_of(("client", "契約しました"), ("worker", "契約を承認しました"))
    assert thread.contract_states(messages, "before_contract", EVIDENCE).phases == ("before_contract", "before_contract")


# --- off-service contact approval ---------------------------------------------------------------

def test_an_approval_notice_approves_that_message_and_the_later_ones():
    messages = thread_of(("worker", "サービス外連絡申請を提出しました"), ("client", "よろしくお願いします"),
                         ("system", "サービス外連絡申請が承認されました。"), ("client", "LINE IDをお送りします"))
    assert thread.contract_states(messages, "before_contract", EVIDENCE).approved == (False, False, True, True)


@pytest.mark.parametrize("sender, text", [
    ("worker", "サービス外連絡申請を提出しました"),
    ("client", "サービス外連絡申請が承認されました。LINEでどうぞ"),
    ("system", "サービス外連絡申請は承認されませんでした。"),
    ("system", "サービス外連絡申請が却下されました。"),
    ("system", "契約が締結されました。"),
])
def test_filing_claiming_or_refusing_is_not_an_approval(sender, text):
    messages = thread_of((sender, text), ("client", "LINEでお願いします"))
    assert thread.contract_states(messages, "before_contract", EVIDENCE).approved == (False, False)


# --- client_reputation ------------------------------------------------------------------------

@pytest.mark.parametrize("client, expected", [
    (None, None),
    ({}, None),
    ({"name": "x", "ratings": None, "review_count": None}, None),
    ({"ratings": {"skill": 2.0, "quality": 2.5}, "review_count": None}, None),  # only ratings that do not count
    ({"ratings": {"communication": 3.9}, "review_count": None}, True),
    ({"ratings": {"partnership": 3.99}, "review_count": 50}, True),
    ({"ratings": {"communication": 4.0, "partnership": 4.0}, "review_count": 10}, False),
    ({"ratings": {"communication": 4.8, "partnership": 4.7, "skill": 1.0}, "review_count": 128}, False),
    ({"ratings": None, "review_count": 0}, True),
    ({"ratings": {"communication": 4.5}, "review_count": 9}, True),
    ({"ratings": {}, "review_count": 10}, False),
])
def test_client_reputation(client, expected):
    assert thread.client_reputation(client) is expected


# --- slow_reply -------------------------------------------------------------------------------

def test_a_reply_more_than_24_hours_late_is_slow():
    messages = thread_of(("client", "ご応募ありがとうございます", 0), ("worker", "質問です", 1),
                         ("client", "お待たせしました", 1 + 24.5), ("worker", "承知しました", 26), ("client", "はい", 27))
    assert thread.slow_replies(messages) == ["m3"]


def test_exactly_24_hours_is_not_slow():
    messages = thread_of(("worker", "質問です", 0), ("client", "回答です", 24))
    assert thread.slow_replies(messages) == []


def test_the_clock_starts_at_the_earliest_unanswered_worker_message():
    messages = thread_of(("worker", "質問です", 0), ("worker", "追加の質問です", 20), ("client", "回答です", 30))
    assert thread.slow_replies(messages) == ["m3"]


def test_a_client_message_without_a_worker_waiting_is_not_a_reply():
    messages = thread_of(("client", "ご連絡です", 0), ("client", "追伸です", 72), ("system", "お知らせ", 100))
    assert thread.slow_replies(messages) == []


def test_missing_times_are_tolerated():
    # The untimed client message still answers the worker: the later one is not a late reply.
    messages = thread_of(("worker", "質問です", 0), ("client", "回答です"), ("client", "補足です", 48),
                         ("worker", "時間なし"), ("client", "回答", 100))
    assert thread.slow_replies(messages) == []
    assert thread.slow_replies(thread_of(("worker", "x"), ("client", "y"))) == []


def test_unsorted_times_are_read_in_time_order():
    messages = thread_of(("client", "回答です", 30), ("worker", "質問です", 0), ("client", "はい", 31))
    assert thread.slow_replies(messages) == ["m1"]
    quick = thread_of(("client", "回答です", 2), ("worker", "質問です", 0))
    assert thread.slow_replies(quick) == []


def test_evidence_is_asked_only_about_messages_with_a_contract_word():
    messages = thread_of(("client", "よろしくお願いします"), ("system", "契約が締結されました。"), ("worker", "了解です"))
    asked = []

    def evidence(message):
        asked.append(message["text"])
        return EVIDENCE.read(message)

    state = thread.contract_states(messages, "unknown", EVIDENCE, evidence)
    assert asked == ["契約が締結されました。"]
    assert state.phases == ("before_contract", "contracted", "contracted")
