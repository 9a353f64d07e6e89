"""contact_details: identifiers (e-mail, phone, IDs, handles, invite links) and requests for them."""
from functools import partial

import _kit
import pytest

from cwguard.detectors import contact_details

DETECTOR = contact_details.DETECTOR
hits = partial(_kit.hits, DETECTOR)
spans = partial(_kit.spans, DETECTOR)


@pytest.mark.parametrize("text, span", [
    ("shimizu@sigma-design.example.co.jp までご連絡いただけますか。", "shimizu@sigma-design.example.co.jp"),
    ("info_triangle＠example.co.jp", "info_triangle＠example.co.jp"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ("midori.edit0312 あっと example ドットコム までご連絡ください", "midori.edit0312 あっと example ドットコム"),
    ("taro[at]example[.]com までどうぞ", "taro[at]example[.]com"),
    ("taro(at)example.com", "taro(at)example.com"),
    ("taro.yamada at gmail dot com に送って", "taro.yamada at gmail dot com"),
    ("担当直通：090-2468-1357（平日10〜18時）", "090-2468-1357"),
    ("０９０ー１２３４ー５６７８", "０９０ー１２３４ー５６７８"),
    ("電話：03-1234-5678", "03-1234-5678"),
    ("連絡先は ０３（１２３４）５６７８ です", "０３（１２３４）５６７８"),
    ("〇九〇-一二三四-五六七八に電話ください", "〇九〇-一二三四-五六七八"),
    ("+81 90 1234 5678", "+81 90 1234 5678"),
    ("ID：wk_support2026 を追加のうえ", "wk_support2026"),
    ("お手数ですが、ID「brightwave_hr」にコンタクト申請をお願いいたします。", "brightwave_hr"),
    ("ID↓\ndream\n_link\n_0815\n（つなげて検索してください）", "dream\n_link\n_0815"),
    ("@wp_translate_jp までDMください", "@wp_translate_jp"),
    ("abc_123で検索して追加してください", "abc_123"),
    ("こちらから友だち追加をお願いします→ https://lin.ee/Sm1LeWk", "https://lin.ee/Sm1LeWk"),
    ("line.me/ti/p/abcdef", "line.me/ti/p/abcdef"),
    ("こちらに入ってください https://discord.gg/Wp7xKq2", "https://discord.gg/Wp7xKq2"),
    ("https://t.me/joinchat/xyz", "https://t.me/joinchat/xyz"),
    ("https://www.chatwork.com/leadcreate_hr", "https://www.chatwork.com/leadcreate_hr"),
    ("QRコードを読み取って追加してください", "QRコードを読み取"),
    ("メールアドレスを教えてください", "メールアドレス"),
    ("電話番号をご入力ください", "電話番号"),
    ("携帯番号を教えてください", "携帯番号"),
    ("連絡先を交換しましょう", "連絡先"),
    ("LINEのIDを教えてください", "LINEのID"),
])
def test_identifiers_and_requests_are_found(text, span):
    assert span in spans(text)


def test_both_requested_items_are_highlighted():
    assert spans("氏名・生年月日・電話番号・メールアドレスをご入力いただきます。") == ["電話番号", "メールアドレス"]


@pytest.mark.parametrize("text", [
    "品番は「090-4471-2356」「080-1123-9087」のようなハイフン区切りの数字です。",
    "JANコードは「4901234567894」のような13桁の数字です",
    "各ページ下にある「P.012-034」のようなページ番号は入力不要です。",
    "商品番号 0312345678 です",
    "店名・住所・電話番号・定休日をスプレッドシートに入力していただく作業です。",
    "回答後の自動返信メールの有無も教えてください。",
    "メールアドレスの入力は不要です",
    "こちらに電話番号を書かないでください",
    "単価は@50円です",
    "IDはこのあと送ります",
    "参考動画です https://www.youtube.com/@channel_name",
    "参考にしてください https://x.com/someone/status/123456",
    "1記事3,000字で1,500円、納期は2026-03-15です",
])
def test_numbers_data_and_refusals_stay_quiet(text):
    assert spans(text) == []


def test_after_a_contract_ids_are_reported_without_surviving():
    assert hits("IDは kenta_fishing_ch です。コンタクト申請お願いします。", phase="contracted") == [
        ("kenta_fishing_ch", False)]


def test_after_a_contract_a_condition_to_register_survives():
    text = "登録しないと報酬をお支払いできません。ID: pay_club77 を追加してください"
    assert hits(text, phase="contracted") == [("pay_club77", True)]


def test_every_rule_example_matches_its_pattern():
    _kit.check_rule_examples(DETECTOR)


def test_adversarial_inputs_do_bounded_work():
    for unit in ("a", "0", "0-", "@", "a@", "a.", "ID: a_", " あっと "):
        _kit.check_work_is_bounded(DETECTOR, unit, chars=200_000, max_hits=_kit.CONTACT_MAX_HITS)


# --- generalisation: IDs after an arrow, international numbers, fields and references -----------

@pytest.mark.parametrize("text, span", [
    ("IDはこちら👉 yuki_design22", "yuki_design22"),
    ("アカウント載せておきます⇒ taro.works88", "taro.works88"),
    ("ユーザー名は→ hana_0123", "hana_0123"),
    ("WhatsApp: +86 138 0013 8000 please", "+86 138 0013 8000"),
    ("Reach me on Telegram: +44 7700 900123", "+44 7700 900123"),
    ("インスタもフォローしてください https://www.instagram.com/some_cafe_tokyo/", "https://www.instagram.com/some_cafe_tokyo/"),
    ("お客様のメールアドレスをご記入ください", "メールアドレス"),
])
def test_new_identifier_families_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "IDは後ほどお送りします→ 少々お待ちください",
    "詳細はこちら→ https://example.com/id_123",
    "管理IDは→ 12345678",
    "価格は+1000円です",
    "電話番号の入力欄にはハイフンなしで入れてください",
    "メールアドレス欄のバリデーションを実装してください",
    "サンプルの電話番号を使ってテスト画面を撮影してください",
    "参考アカウントです https://www.instagram.com/some_cafe_tokyo/",
    "こんな雰囲気が好みです。ご参照ください。\nhttps://www.instagram.com/another_bakery/\nDMは不要です。",
])
def test_fields_made_up_numbers_and_reference_profiles_stay_quiet(text):
    assert spans(text) == []


def test_a_flood_of_ids_is_capped():
    _kit.check_work_is_bounded(DETECTOR, "ID: a_1 ", chars=1_000_000, max_hits=_kit.CONTACT_MAX_HITS,
                               must_hit=True, growth=_kit.GROWTH_LIMIT)


# --- second generalisation round: IDs given indirectly --------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("アカウントはこちら→\nsakura\n_note\n_2024\n申請してね", "sakura\n_note\n_2024"),
    ("IDはお名前と同じです", "IDはお名前と同じ"),
    ("LINEのIDはプロフィールのユーザー名そのままです", "IDはプロフィールのユーザー名そのまま"),
    ("電話番号は 0 3 - 1 2 3 4 - 5 6 7 8 です", "0 3 - 1 2 3 4 - 5 6 7 8"),
    ("携帯 ０９０　１２３４　５６７８ まで", "０９０　１２３４　５６７８"),
    ("メールアドレスは hanako_0412 です。ドメインはいつもの", "hanako_0412"),
    ("yahooのアドレスは→ k.tanaka77", "k.tanaka77"),
    ("Xで「moon_illust_22」と検索してフォローしてください", "moon_illust_22"),
])
def test_indirect_identifiers_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "部品番号 0 1 2 - 3 4 5 6 - 7 8 9 0 のような形式です",
    "メールの件名は report_2024 です",
    "IDは案件ページに記載されています",
    "「abc_shop」というハッシュタグで検索して投稿を集めてください",
    "ファイル名は\nchapter\n1\nです",
    "IDの連携はしないでください。IDはお名前と同じにしないでください",
])
def test_indirect_look_alikes_stay_quiet(text):
    assert spans(text) == []


def test_a_flood_of_split_ids_is_capped():
    unit = "IDはこちら👇\nab\n_c1\n"
    _kit.check_work_is_bounded(DETECTOR, unit, chars=len(unit) * 40_000, max_hits=_kit.CONTACT_MAX_HITS,
                               must_hit=True, growth=_kit.GROWTH_LIMIT)
