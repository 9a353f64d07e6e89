"""The token-level clause reader (lang/ja/tokens.py, lang/ja/frames.py): act, polarity, actor and
objects of each clause, offsets into the original text, and the detectors' use of it."""
from __future__ import annotations

import pytest

import cwguard
from cwguard.detectors import load_detectors
from cwguard.engine.detector import MessageView
from cwguard.engine.normalize import normalize
from cwguard.lang.en import tokens as en_tokens
from cwguard.lang.ja.frames import clause_around, clauses, polarity_at, work_subject
from cwguard.lang.ja.tokens import tokenize

# (text, act, polarity, actor) of the first clause
FRAMES = [
    ("まずテストで1記事書いてください", "request", "affirmed", "reader"),
    ("LINEでご連絡いただけませんか", "request", "affirmed", "reader"),
    ("Zoomで面談しましょう", "invitation", "affirmed", "reader"),
    ("チャットワークで話しませんか", "invitation", "affirmed", "reader"),
    ("LINEに登録したいです", "volition", "affirmed", "writer"),
    ("本日中に振り込めば開始できます", "condition", "affirmed", "unknown"),
    ("直接のお取引には応じかねます。", "statement", "refused", "unknown"),
    ("チャットワークは控えております", "statement", "refused", "unknown"),
    ("明日までにご返信いただかなくても大丈夫です", "request", "waived", "reader"),
    ("支払わなくていいです", "statement", "waived", "unknown"),
    ("登録は不要です", "statement", "waived", "unknown"),
    ("費用をお支払いいただく必要はありません", "request", "waived", "reader"),   # a need denied past 「は」「あり」
    ("提出する必要もございません", "statement", "waived", "unknown"),
    ("登録は要りません", "statement", "waived", "unknown"),
    ("保証金が必要です", "statement", "affirmed", "unknown"),
    ("費用は一切いただきません", "request", "negated", "reader"),
    ("LINEは使っていません", "statement", "negated", "unknown"),
    ("LINEでしか連絡できません", "statement", "affirmed", "unknown"),
    ("登録しなければなりません", "condition", "affirmed", "unknown"),
    ("LINEで話そうと言われました", "statement", "quoted", "unknown"),
    ("難しい場合はLINEで", "statement", "affirmed", "unknown"),
]


@pytest.mark.parametrize("text, act, polarity, actor", FRAMES, ids=[f[0] for f in FRAMES])
def test_each_clause_has_its_act_polarity_and_actor(text, act, polarity, actor):
    first = clauses(text)[0]
    assert (first.act, first.polarity, first.actor) == (act, polarity, actor)


def test_a_joint_starts_a_new_clause_with_its_own_polarity():
    found = clauses("LINEは使っていないので、ここでお願いします")
    assert [(c.polarity, c.act) for c in found] == [("negated", "statement"), ("affirmed", "request")]
    refusal_then_ask = clauses("クラウドワークスでの契約は難しいので直接でお願いします")
    assert [c.polarity for c in refusal_then_ask] == ["refused", "affirmed"]


def test_objects_name_money_documents_and_work():
    assert clauses("手数料3,000円をお支払いください")[0].objects == ("money",)
    assert clauses("免許証の写真を送ってください")[0].objects == ("document",)
    assert clauses("サンプル記事を1本お願いします")[0].objects == ("work",)


def test_tokens_keep_code_point_and_utf16_offsets_of_the_original():
    text = "😀ﾗｲﾝで𠮷野さんに連絡してください"
    for t in tokenize(text):
        assert text[t.start:t.end] == t.surface
        assert text.encode("utf-16-le")[2 * t.utf16_start:2 * t.utf16_end].decode("utf-16-le") == t.surface


def test_a_long_message_is_read_in_a_window_around_the_span():
    text = "よろしくお願いします。" * 2000 + "直接のお取引には応じかねます。"
    start = text.index("直接")
    assert clause_around(text, start, start + 2).polarity == "refused"
    assert polarity_at(text, 0, 4) == "affirmed"


DETECTORS = {d.name: d for d in load_detectors()}


@pytest.mark.parametrize("name, text", [
    ("direct_deal", "直接のお取引には応じかねます。"),
    ("pressure", "明日までにご返信いただかなくても大丈夫です。"),
    ("in_person_meeting", "事務所にお越しいただかなくても大丈夫です。"),
    ("in_person_meeting", "対面でのお打ち合わせには応じかねます。"),
    ("upfront_payment", "登録料をお支払いいただかなくても大丈夫です。"),
    ("personal_info", "免許証の写真は送っていただかなくて大丈夫です。"),
])
def test_a_refused_or_waived_clause_gives_no_hit(name, text):
    """Each of these is flagged when `_cues.declined` is switched off (checked when written): the
    phrase-level reader misses the verb of refusal or the waiver."""
    view = MessageView("m1", "client", normalize(text), "before_contract")
    assert list(DETECTORS[name].detect(view)) == []


@pytest.mark.parametrize("text, polarity", [
    ("You need to pay nothing to start.", "waived"),
    ("There is no need to send your ID.", "waived"),
    ("We never ask for a deposit.", "refused"),
    ("I can't talk outside CrowdWorks, sorry.", "refused"),
    ("You need to pay the registration fee first.", "affirmed"),
    ("I can't talk here, so text me on WhatsApp.", "affirmed"),
])
def test_english_clauses_read_waivers_and_refusals(text, polarity):
    span = {"waived": "pay", "refused": "a", "affirmed": "pay"}
    anchor = "WhatsApp" if "WhatsApp" in text else ("deposit" if "deposit" in text else "your" if "your" in text
                                                   else "outside" if "outside" in text else span[polarity])
    start = text.index(anchor)
    assert en_tokens.polarity_at(text, start, start + len(anchor)) == polarity


def test_english_words_keep_their_offsets():
    text = "Don't pay the fee; we'll cover it."
    assert [(w.text, text[w.start:w.end]) for w in en_tokens.words(text)][:3] == [
        ("don't", "Don't"), ("pay", "pay"), ("the", "the")]


def test_an_english_waiver_gives_no_hit():
    view = MessageView("m1", "client", normalize("You need to pay nothing to start."), "before_contract")
    assert list(DETECTORS["upfront_payment"].detect(view)) == []


@pytest.mark.parametrize("text, subject", [
    ("今回のLINE公式アカウント運用代行ですが、月4回の配信をお願いしたいです。", "LINE公式アカウント運用代行"),
    ("Zoomの使い方マニュアルの作成をお願いします", "Zoomの使い方マニュアル"),
    ("名刺の電話番号と住所のデータ入力です", "電話番号と住所のデータ入力"),
    ("テレアポ代行のお仕事です", "テレアポ代行"),
])
def test_the_work_subject_is_the_noun_phrase_before_a_noun_of_work(text, subject):
    assert subject in work_subject(text)


@pytest.mark.parametrize("text", ["詳細はLINEでお伝えします", "Zoomで面談しましょう", "Telegramグループへの参加をお願いします"])
def test_a_lure_names_no_work_subject(text):
    assert work_subject(text) == ""


def thread(*texts: str) -> dict:
    return {"messages": [{"id": f"m{i}", "sender": "client", "text": t} for i, t in enumerate(texts)],
            "context": {"contract_status": "before_contract"}}


def test_the_first_client_message_names_the_work_and_its_tool_is_not_a_lure():
    answer = cwguard.score(thread("Zoomの使い方マニュアルの作成をお願いします。", "Zoomで画面共有する手順も入れてください。"))
    assert answer["risk"]["level"] == "none"
    assert [(w["category"], w["severity"]) for w in answer["warnings"]] == [("off_platform_contact", "info")]


def test_a_move_to_the_subject_tool_before_a_contract_is_still_a_lure():
    answer = cwguard.score(thread("Zoomの使い方マニュアルの作成をお願いします。", "詳しくはZoomで面談してお話ししましょう。"))
    assert answer["risk"]["level"] == "high"


@pytest.mark.parametrize("text", ["レス遅い人は今回はお断りです", "期限を過ぎた場合はお断りします"])
def test_refusing_people_is_a_threat_not_a_refusal(text):
    assert clauses(text)[0].polarity != "refused"


def test_a_message_cannot_make_its_own_words_the_work_subject():
    """The first client message's work subject counts for the messages after it only: decoys of
    「LINE広告の運用、」 in front of 「詳細はLINEでお伝えします」 excuse nothing (issue 9)."""
    answer = cwguard.score(thread("LINE広告の運用、" * 70 + "詳細はLINEでお伝えします"))
    assert answer["risk"]["level"] == "high"


def _corpus_sentences() -> list[str]:
    import json
    from pathlib import Path

    from cwguard.model import corpus
    blind = {p.name for p in corpus.BLIND}
    root = Path(__file__).parents[2]
    paths = [*sorted((root / "tests" / "service" / "data").glob("*.jsonl")), *sorted((root / "corpus" / "train").glob("*.jsonl"))]
    texts = [m["text"] for path in paths if path.name not in blind
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
             for m in json.loads(line)["messages"]]
    return [*dict.fromkeys(texts)]


def test_a_sentence_the_stem_gate_skips_never_reads_as_refused_or_waived():
    """`may_decline` lets the rules skip tokenising a sentence: on every corpus message, each clause
    that reads refused or waived is in a sentence the gate opens, and the gate skips most sentences."""
    from cwguard.lang.ja.frames import clause_around, may_decline
    declining = skipped = 0
    for text in _corpus_sentences():
        for start in range(0, len(text), 7):   # a span every 7 characters: every sentence is visited
            clause = clause_around(text, start, start + 1)
            if clause is not None and clause.polarity in ("refused", "waived"):
                declining += 1
                assert may_decline(text, start, start + 1), text
            skipped += not may_decline(text, start, start + 1)
    assert declining > 100 and skipped > declining
