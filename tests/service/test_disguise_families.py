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
