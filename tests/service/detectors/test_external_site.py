"""external_site: lures to an outside site, form or app; reference and platform links stay quiet."""
from functools import partial

import _kit
import pytest

from cwguard.detectors import external_site

DETECTOR = external_site.DETECTOR
hits = partial(_kit.hits, DETECTOR)
spans = partial(_kit.spans, DETECTOR)


@pytest.mark.parametrize("text, expected", [
    ("本登録はこちらのフォームからお願いします👇\nhttps://forms.gle/Rz8MmP4kWq2LnY6a7",
     ["本登録", "こちらのフォーム", "https://forms.gle/Rz8MmP4kWq2LnY6a7"]),
    ("まずは下記から仮登録をお願いします。\nhttps://bit.ly/3Fk9TqZ", ["仮登録", "https://bit.ly/3Fk9TqZ"]),
    ("下記のページから会員登録をお願いいたします。\nhttps://www.nexus-work.example.com/register",
     ["会員登録", "https://www.nexus-work.example.com/register"]),
    ("以下の応募フォームにポートフォリオをご入力いただけますでしょうか。\nhttps://forms.gle/Qv7Ls2NpXa8TkR5w9",
     ["応募フォーム", "https://forms.gle/Qv7Ls2NpXa8TkR5w9"]),
    ("弊社サイトでの登録が必須となっております。", ["弊社サイト"]),
    ("当社は外部の研修サイトでお仕事のご案内をしております。", ["外部の研修サイト"]),
    ("弊社HPからエントリーし直してください", ["弊社HP", "エントリーし直して"]),
    ("作業は専用アプリで行っていただきます。以下からアプリをダウンロードしてください",
     ["アプリをダウンロード"]),
    ("こちらから応募してください https://example.com/entry", ["https://example.com/entry"]),
    ("アンケートにご回答ください https://forms.gle/abc", ["https://forms.gle/abc"]),
    ("詳細はこちら https://bit.ly/abc", ["https://bit.ly/abc"]),
    ("Googleフォームからご応募ください", ["Googleフォーム"]),
])
def test_lures_are_found(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "保護者向けアンケートをGoogleフォームで作っていただきたいです。",
    "完成したフォームは塾のGoogleアカウントにオーナー権限を移していただく形でお願いします。",
    "バックナンバーはこちらのページで公開しています。ご参照ください。\nhttps://www.greentable-shop.example.jp/mailmagazine/",
    "イメージに近い動画をいくつか貼りますので、テンポ感の参考にしてください。\nhttps://www.youtube.com/watch?v=a1B2c3D4e5F",
    "これです https://takeshi-camp-blog.example.com/ トップのヘッダーがスマホだとはみだしてます",
    "新しく募集を出しましたので、こちらからご応募いただけますか。\nhttps://crowdworks.jp/public/jobs/9876543",
    "会員登録フォームの作成をお願いします",
    "会員登録は不要です",
    "契約前に外部サイトへ登録することはできかねます。",
    "スマホアプリで写真の明るさを調整する作業で、1枚20円です。",
    "ECサイトの商品登録（データ入力）のお仕事です。",
    "自社サイトに掲載する記事を書いていただきます",
    "フォームではどのような情報を入力するのでしょうか。",
])
def test_reference_platform_and_subject_stay_quiet(text):
    assert spans(text) == []


def test_after_a_contract_a_payment_site_is_left_to_direct_deal():
    assert spans("お支払いは弊社サイトで決済をお願いします https://pay.example.com/checkout", phase="contracted") == []


def test_after_a_contract_registering_to_be_paid_survives():
    text = "次のお仕事は提携サイトでご案内します。サイトに登録しないと報酬をお支払いできません。"
    assert hits(text, phase="contracted") == [("提携サイト", True)]


def test_every_rule_example_matches_its_pattern():
    _kit.check_rule_examples(DETECTOR)


def test_adversarial_inputs_do_bounded_work():
    for unit in ("a", "https://", "www.", "/", "登録", "サイトで"):
        _kit.check_work_is_bounded(DETECTOR, unit, chars=200_000, max_hits=_kit.CONTACT_MAX_HITS)


@pytest.mark.parametrize("text, span", [
    ("専用アプリ『ShiftPro』をダウンロードしてください", "アプリ『ShiftPro』をダウンロード"),
    ("お持ちのスマホに「Pay-Link」というアプリを入れてください", "「Pay-Link」というアプリを入れて"),
    ("アプリ(TaskBox)を端末にインストールして登録してください", "アプリ(TaskBox)を端末にインストール"),
    ("お手数ですが、下記URLから再度登録し直してください", "登録し直して"),
    ("応募はこちらのサイトから申し込み直してください", "申し込み直して"),
])
def test_named_apps_and_applying_again_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "アプリのダウンロード数を増やす施策を考えてください",
    "「Canva」というアプリで作ったデザインを修正してください",
    "クラウドワークスから応募し直してください",
])
def test_app_subjects_and_platform_reapplication_stay_quiet(text):
    assert spans(text) == []


# --- second generalisation round ------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("Please sign up on our website https://ex.example.com first", "sign up on our website"),
    ("You need to register at the partner platform before we start.", "register at the partner platform"),
    ("ご登録済みの方のみ、次の選考へお進みいただけます。", "ご登録済みの方のみ"),
    ("アプリで本登録をお願いします。登録後に案件が届きます", "本登録"),
])
def test_registration_lures_in_english_and_as_a_condition(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    # registering inside a chat tool is off_platform_contact, not a website
    "QRコードから友だち追加をお願いします。そこで本登録のご案内をします",
    "公式LINEで会員登録を受け付けています",
    # refused or negated in English
    "We never ask you to register at an external site.",
    "You do not need to sign up on any website.",
])
def test_registration_without_a_site_or_refused_stays_quiet(text):
    assert spans(text) == []


# --- families of terse lures (FAMILY.md) ------------------------------------------------------------

# An outside site, app or form: again, across a sentence, after a bare link; a host that names
# CrowdWorks without being it (h3-026, tr1-0139, tr3-0041, tr3-0098, tr3-0195, tr9-010, tr12-005, tr13-004).
@pytest.mark.parametrize("text, span", [
    ("選考は弊社の採用サイトで行っておりますので、下記から改めてご応募ください", "ご応募"),
    ("お仕事は専用アプリで受け取っていただきます。下記からダウンロードしてください。", "専用アプリ"),
    ("専用アプリ入れてもらえますか？タスクはアプリ内で配信してます📱", "アプリ入れて"),
    ("まずはこちらに氏名・住所・生年月日をご記入ください https://forms.gle/qZ4mN1xYcR", "https://forms.gle/qZ4mN1xYcR"),
    ("【ｸﾗｳﾄﾞﾜｰｸｽ事務局】本人確認未完了のため免許証の画像をアップロードしてください\nhttps://cw-verify.jp-support.net/id",
     "https://cw-verify.jp-support.net/id"),
    ("this is special check. upload here crowdworks-verify.help/id", "crowdworks-verify.help/id"),
    ("Verify your identity at https://crowdworks-verify.help within 24 hours", "https://crowdworks-verify.help"),
    ("別件→ https://bit.ly/3xQpR7n\n招待ｺｰﾄﾞ 4471", "https://bit.ly/3xQpR7n"),
])
def test_terse_site_lures_are_found(text, span):
    assert span in spans(text)


@pytest.mark.parametrize("text", [
    "1件15円です。入力フォームは契約後にご案内します。",
    "アプリの開発をお願いします。ダウンロード数を増やしたいです",
    "https://crowdworks.jp/public/jobs/9876543 からご応募ください",
    "crowdworks.jp/public/jobs/123 の募集要項をご確認ください",
])
def test_terse_site_look_alikes_stay_quiet(text):
    assert spans(text) == []
