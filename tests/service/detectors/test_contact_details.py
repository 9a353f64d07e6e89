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


# --- families of terse lures (FAMILY.md): each family's own sentences and its look-alikes ---------

# A handle after "add me" / 「追加しといて」, or after an arrow with nothing else (tr3-0016, tr3-0141,
# tr5-0040, tr5-0069, tr6-007, tr8-008, tr1-0153).
@pytest.mark.parametrize("text, span", [
    ("追加してね→ mika_0823", "mika_0823"),
    ("追加しといて→ taro_88", "taro_88"),
    ("追加よろです→ yuka.s_0819", "yuka.s_0819"),
    ("ｺﾁﾗ追加よろです→ ryo.fukugyo", "ryo.fukugyo"),
    ("申請してね👉 hana.works_7", "hana.works_7"),
    ("で話そ→ kk_0909", "kk_0909"),
    ("add me: jlee_remote88 and I'll explain", "jlee_remote88"),
    ("pls add my vx: Lily_work520 for detail", "Lily_work520"),
    ("別のあります→ kobo_22", "kobo_22"),
    ("ｍｋ＿ｓｉｄｅ７７", "ｍｋ＿ｓｉｄｅ７７"),
    ("yuki.0203 で出てきます", "yuki.0203"),
    ("でぃすこやってます？ren_4421 でフレ申請してくれたら早いです", "ren_4421"),
])
def test_a_handle_after_add_me_is_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "追加資料はこちら→ https://example.com/a_1",
    "検索キーワード: seo_2024 で記事を書いてください",
    "ファイル名→ draft_v2.docx",
    "バージョン→ v1.2.3",
    "draft_v2.docx",
    "追加料金: 500円",
    "IDください",
    "ログインIDを教えてください",
])
def test_add_me_look_alikes_stay_quiet(text):
    assert spans(text) == []


# "The job is full, here is another" with a bare ID, and IDs written so that no filter reads them
# (tr7-003, tr7-013, tr9-009, tr3-0074, tr5-0013, tr5-0014, tr5-0034, tr5-0077, tr5-0099, tr1-0029).
@pytest.mark.parametrize("text, span", [
    ("tg: hikari_job_0813", "hikari_job_0813"),
    ("LINE→ abc_12", "abc_12"),
    ("live:.cid.7f3a21bc9e", "live:.cid.7f3a21bc9e"),
    ("skype大丈夫ですか？ live:.cid.4f2a9b1c77", "live:.cid.4f2a9b1c77"),
    ("ｉｄ→ ｒ ｉ ｎ ｏ ＿ ０ ７ ２ ５", "ｒ ｉ ｎ ｏ ＿ ０ ７ ２ ５"),
    ("id is k a z u _ 7 7", "k a z u _ 7 7"),
    ("k a i _ 8 8 で検索お願いします", "k a i _ 8 8"),
    ("ID ▶ zaitaku_ouen", "zaitaku_ouen"),
    ("その後の連絡はL-I-N-E（linx_recruit）でお願いできればと思います", "linx_recruit"),
    ("日程調整はChatworkでお願いします。ChatworkID: nakano_dsgn", "nakano_dsgn"),
    ("Tasks are posted in our group: t . me / starboost_tasks (remove spaces)", "t . me / starboost_tasks"),
    ("招待はこちら discord . gg / q7RtmA （スペース抜いてください）", "discord . gg / q7RtmA"),
    ("Join our Kakao open chat → open.kakao.com/o/gTq3Xa9f", "open.kakao.com/o/gTq3Xa9f"),
    ("〇九〇・四四一二・八八三七 まで、本日18時以降にお電話いただけますか。", "〇九〇・四四一二・八八三七"),
])
def test_bare_and_disguised_ids_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "ID は 1 2 3 4 のような数字だけの形式です",
    "live配信の台本をお願いします",
    "LINE: 未定",
    "送金先ID→ kzm-0412",
    "Please don't send ID images to me directly.",
    "send a photo of your ID (front+back) within 24h",
])
def test_bare_id_look_alikes_stay_quiet(text):
    assert spans(text) == []


# Asking for the contact: English, 「メアドください」, an ID near a chat tool, a name to search, a LINE QR
# (tr1-0026, tr3-0018, tr3-0111, tr3-0118, tr12-008, tr1-0020, tr3-0143, tr3-0183).
@pytest.mark.parametrize("text, span", [
    ("The file is too large for here, send me your email and I'll share it", "send me your email"),
    ("Could you send me your Chatwork ID?", "send me your Chatwork ID"),
    ("what's your whatsapp", "what's your whatsapp"),
    ("資料送るのでメアドください", "メアドください"),
    ("ｸﾞﾙｰﾌﾟﾗｲﾝに招待するのでIDください", "IDください"),
    ("LINEのほうが楽なんで、IDおしえて下さい", "IDおしえ"),
    ("くわしい説明は らいんの おーぷんちゃっと でやってます！「在宅ワーク相談室」で検索して入ってね", "在宅ワーク相談室"),
    ("いんすたで『副業ママ応援』ってアカウント探してDMください", "副業ママ応援"),
    ("応募者さまには公式LINEのQRコードを画像でお送りしてます📷", "LINEのQRコード"),
])
def test_contact_requests_of_the_terse_families_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "Please don't send me your email, keep everything here",
    "Please enter your phone number in the form field",
    "送りました。見たらメールで返事ください",
    "メアドは不要です",
    "メールアドレスの交換は契約後になります。規約なのでご了承ください",
    "「副業 在宅」で検索して上位記事を分析してください",
    "LINE公式アカウントの「友だち追加」で検索される文言を考えてください",
])
def test_contact_request_look_alikes_stay_quiet(text):
    assert spans(text) == []


# Contact details that are the work's own data: placeholders, test data, numbers printed in a flyer or
# read in a script, a QR code placed in a design (tr1-0040, tr1-0112, tr4-0020, tr4-0071, tr5-0035,
# tr5-0060, tr5-0063, tr5-0106, tr5-0116, tr11-011, tr11-012, tr12-011).
@pytest.mark.parametrize("text, sender", [
    ("招待リンクの部分は discord.gg/xxxxxx のままで大丈夫です、後でこちらで差し替えます。", "client"),
    ("メール欄のプレースホルダーは「example@example.com」でお願いします。", "client"),
    ("メール欄には「example@example.com」と入力例を表示して、形式チェックも設定しておきます。", "worker"),
    ("We need a function that converts \"ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ\" to half-width before validation.", "client"),
    ("テストデータには「L I N E」「abc(at)gmail.com」など、崩した書き方の例を200件ほど用意しています。", "client"),
    ("連絡先交換を検知する正規表現を書いていただきたいです。", "client"),
    ("QRコードは管理画面から出力したものを御社で差し込んでいただくか、画像データをいただければ配置します。", "worker"),
    ("オプション名の「ＬＩＮＥ連携オプション」「ＱＲ読取ユニット」などは全角のまま残してください。", "client"),
    ("We have a sheet of US store listings with phone numbers like +1 415 555 0177. Please convert them to E.164, e.g. +14155550132.",
     "client"),
    ("フッターの表記は下記でお願いします。\n〒330-0063 さいたま市浦和区高砂2-8-14\nTEL 048-829-7146（平日9:00〜18:00）", "client"),
    ("チラシ文言をお願いします。締めは「ご予約・ご相談はお気軽にお電話ください TEL 0766-22-4810」で固定です", "client"),
    ("No, nothing to buy at all. We'll share our style guide once the contract is set up here on CrowdWorks.", "client"),
])
def test_the_works_own_contact_data_stays_quiet(text, sender):
    assert spans(text, sender=sender) == []


@pytest.mark.parametrize("text, span", [
    ("taro @ example . com までどうぞ", "taro @ example . com"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ("Text me at +1 (202) 555-0147 and I'll share the task list.", "+1 (202) 555-0147"),
])
def test_real_addresses_next_to_the_data_look_alikes_are_found(text, span):
    assert span in spans(text)


# Contacts that are the work's data (third session, tr15, tr17, tr18): inside a draft's quotation or
# between the ruled lines of a sample, a field of a table, a shop's or clinic's listing (its number
# beside its address, 「…店の番号」, a call link), an @handle the work places, chooses or describes,
# a QR code exported for a design.
@pytest.mark.parametrize("text, sender", [
    ("受付の応対トークの初稿です。\n【本人確認】\n「恐れ入りますが、お名前とお電話番号を伺ってもよろしいでしょうか。確認が取れましたらご案内します。」",
     "worker"),
    ("店舗紹介文の下書きを貼ります。\n――――\n駅から徒歩3分の美容室です。ご予約は TEL 03-5521-7788 まで\n――――", "worker"),
    ("キャプション案を書きました。\n----\n春の新作が入荷しました🌸\n@mori_no_pan_ya\n----", "worker"),
    ("確認していただくリストです\n1. 珈琲 あおば｜03-3355-1200｜月曜定休\n2. 屋台 まるよし｜080-4411-2290｜不定休", "client"),
    ("医院の電話番号は 044-911-2030、住所は 川崎市中原区小杉町2丁目5-1 です。", "client"),
    ("2号物件だけは、駅前店の番号（06-6345-7710）でお願いします", "client"),
    ("お電話は 044-911-2030 への発信リンクにしておきます", "worker"),
    ("チラシの右下に、お店のアカウント（@hanaya_kobo）も小さく載せてもらえますか", "client"),
    ("新しく作るアカウントの名前は、@sora_bakery_01 と @sora.bakery が候補です。どちらが良いでしょう", "client"),
    ("当店はInstagram（@umi_no_zakka）で新作を発信している雑貨店です。", "client"),
    ("QRは公式アカウントの管理画面から書き出したPNGをお送りします", "client"),
])
def test_contacts_that_are_the_works_data_stay_quiet(text, sender):
    assert spans(text, sender=sender) == []


@pytest.mark.parametrize("text, span", [
    ("弊社のアカウント（@umi_recruit_01）をフォローしてDMください", "@umi_recruit_01"),
    ("ユーザー名は @mika_side_77 です。そちらで詳細を送ります", "@mika_side_77"),
    ("電話番号は 090-3322-1144 です。お電話ください", "090-3322-1144"),
    ("詳細はこちらで\n――――\nLINE ID: fuku_job_88\n――――\n追加お願いします", "fuku_job_88"),
    ("「nami_work_22」で検索して追加してください", "nami_work_22"),
    ("チラシにも載せていますが、@kaz_side_09 を追加してね", "@kaz_side_09"),
    ("プロフィールに載せてる通り、ユーザー名はこちら。\n@abc_side_12 です", "@abc_side_12"),
    ("担当の番号（090-5512-6630）まで電話ください", "090-5512-6630"),
])
def test_look_alikes_of_the_works_data_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text, span", [
    ("r i o _ w o r k 3", "r i o _ w o r k 3"),
    ("👉 s a k i . 0 9 2", "s a k i . 0 9 2"),
])
def test_a_message_that_is_only_a_spaced_handle_is_found(text, span):
    assert spans(text) == [span]


@pytest.mark.parametrize("text", ["a b c d", "1 2 3 4", "v 1 . 2 . 3", "s 1 / s 2"])
def test_spaced_letters_that_are_no_handle_stay_quiet(text):
    assert spans(text) == []
