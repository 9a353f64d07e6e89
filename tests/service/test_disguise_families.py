"""Issue 9's disguises that the normaliser alone cannot undo, as families of data
(lang/ja/channel_nicknames.json, engine/kanji_lookalikes.json) and one payment-app rule: each
case is a rules-alone regression test with an innocent twin that must stay quiet. Most of these
lures scored `none` on the landed code of a912181 (three were caught through
another word of theirs: 「DM」, 「緑の」, 「登録料」)."""
from __future__ import annotations

import pytest

from cwguard import pipeline
from cwguard.engine import scoring
from cwguard.engine.normalize import normalize
from cwguard.model import runtime
from cwguard.schemas import load_request


@pytest.fixture(autouse=True)
def rules_alone():
    runtime.reset(runtime.Loaded(None, "none", "disabled"))
    scoring.clear_cache()
    yield
    runtime.reset()
    scoring.clear_cache()


def categories(text: str, sender: str = "client") -> set[str]:
    payload = {"messages": [{"id": "m1", "sender": sender, "text": text}], "context": {"contract_status": "before_contract"}}
    answer = pipeline.score_request(load_request(payload))
    return {w["category"] for w in answer["warnings"] if w["kind"] == "risk" and w["severity"] != "info"}


@pytest.mark.parametrize("text", [
    "続きは紙飛行機のアプリで連絡ください",          # Telegram's icon
    "鳥のアプリのDMに送ってください",                # X's bird
    "緑の吹き出しのアプリで話しましょう",             # LINE's icon
    "カメラのアプリのDMでお願いします",               # Instagram's icon
    "ライソで連絡ください",                          # a pun on ライン
    "ENILで連絡を。逆から読んでね",                  # backwards
    "margelet で話しましょう",
    "ス力イプで一度お話ししましょう",                # 力 for カ
    "ディスコ一ドのサーバーに入ってください",        # 一 for ー
    "ラ亻ンでやり取りしましょう",                    # the radical 亻 for イ
    "ラ◯ンで連絡ください",                          # one letter masked by a symbol
    "チャット◯ークに招待します",
    "テレ★ラムで連絡を",
    "ンイラで連絡ください（逆から読んでね）",         # backwards in katakana
])
def test_a_disguised_channel_is_read_as_the_channel(text):
    assert "off_platform_contact" in categories(text)


@pytest.mark.parametrize("text", [
    "紙飛行機の折り方の記事を書いてください",
    "カメラの使い方マニュアルを作成してください",
    "協力会社と工場の一覧を入力してください",
    "パワー工場の見学レポートです",
    "スムーズに進めましょう",
    "インタビュー記事の構成案です",
    "ブラ○ンドの記事です",
    "○×クイズの問題を作ってください",
])
def test_the_same_words_used_innocently_stay_quiet(text):
    assert not categories(text) & scoring.CONTACT


@pytest.mark.parametrize("text, expected", [
    ("ス力イプ", "スカイプ"), ("ディスコ一ド", "ディスコード"), ("協力", "協力"), ("一人で", "一人デ"), ("テ二ス", "テニス"), ("二ュース", "二ュース"),
])
def test_look_alike_kanji_fold_only_between_katakana(text, expected):
    norm = normalize(text)
    assert norm.text == expected and len(norm.text) == len(text)


@pytest.mark.parametrize("text", [
    "PayPayで5,000円送金お願いします",
    "参加にはAmazonギフト券3000円分を送ってください",
    "登録料はペイペイでお支払いください",
])
def test_a_fee_asked_through_a_payment_app_is_upfront_payment(text):
    assert "upfront_payment" in categories(text)


@pytest.mark.parametrize("text", ["報酬はPayPayでお送りします", "PayPayの使い方マニュアルを作成してください"])
def test_a_payment_app_as_the_work_or_the_clients_payment_is_no_fee(text):
    assert "upfront_payment" not in categories(text)


def split_thread_categories(*parts: str) -> dict[str, set[str]]:
    """Risk categories per message of one client's consecutive short messages."""
    payload = {"context": {"contract_status": "before_contract"}, "messages": [
        {"id": f"m{i}", "sender": "client", "text": part} for i, part in enumerate(parts, 1)]}
    answer = pipeline.score_request(load_request(payload))
    warned = {w["id"]: w for w in answer["warnings"] if w["kind"] == "risk" and w["severity"] != "info"}
    found: dict[str, set[str]] = {f"m{i}": set() for i in range(1, len(parts) + 1)}
    for h in answer["highlights"]:
        if h["warning_id"] in warned:
            found[h["message_id"]].add(h["category"])
    return found


@pytest.mark.parametrize("parts", [
    ("面接は緑の", "ｱﾌﾟﾘの通話で！"),       # a nickname cut after its particle
    ("続きは緑の", "アプリで！"),
    ("テレ", "グラムで"),                    # a name cut mid-word
    ("詳しくは", "ラ", "インで"),             # sixth session: the fragment before the name is the lure's too
    ("the rest on", "tele", "gram"),
])
def test_a_lure_cut_over_messages_is_read_whole_and_marked_on_each_part(parts):
    found = split_thread_categories(*parts)
    assert all("off_platform_contact" in cats for cats in found.values()), found


@pytest.mark.parametrize("parts", [
    ("色は緑の", "ボタンでお願いします"),
    ("資料は", "添付で送ります"),
])
def test_ordinary_words_cut_over_messages_stay_quiet(parts):
    assert split_thread_categories(*parts) == {f"m{i}": set() for i in range(1, len(parts) + 1)}


@pytest.mark.parametrize(("parts", "category"), [
    (("免許証の", "裏表おくってください"), "personal_info"),     # the document, then the request (round 26)
    (("口座番号と", "暗証番号を教えて"), "personal_info"),
    (("身分証", "の写真", "送って"), "personal_info"),           # a bare noun, then two fragments (round 27)
])
def test_a_lure_whose_words_fall_in_one_message_marks_the_message_that_finishes_it(parts, category):
    """The joined reading finds the lure inside the first fragment only; the fragment that
    finishes its sentence is the lure's other half and is marked too."""
    found = split_thread_categories(*parts)
    assert all(category in cats for cats in found.values()), found


@pytest.mark.parametrize("parts", [
    ("免許証の", "写真は不要です"),                  # the next fragment refuses, nothing is asked
    ("口座名義と番号、金曜まで", "返事なければ他の方に回します"),  # a threat of its own, not the other half
])
def test_a_fragment_that_does_not_finish_the_lure_is_not_marked_as_its_half(parts):
    found = split_thread_categories(*parts)
    assert "personal_info" not in found["m2"], found


@pytest.mark.parametrize("parts", [
    ("応募どうも！", "テレ", "グラムで"),     # a greeting before a split lure is no part of it
    ("契約と支払いはクラウドワークスで行います", "ず", "ーむで", "15分だけ話せますか"),  # nor a finished sentence
])
def test_a_fragment_that_is_a_sentence_of_its_own_stays_out_of_a_split_lure(parts):
    found = split_thread_categories(*parts)
    assert found["m1"] == set() and "off_platform_contact" in found["m2"], found


def test_latin_words_of_two_messages_are_not_read_as_one():
    """「mail」+「taro@example.jp」 joined without a break would read as the address
    「mailtaro@example.jp」 and mark 「mail」 as a contact detail."""
    found = split_thread_categories("mail", "taro@example.jp")
    assert "contact_details" not in found["m1"] and "contact_details" in found["m2"]
