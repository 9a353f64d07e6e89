"""Tests of the personal_info detector: sensitive personal data asked for outside the platform's flows.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.personal_info import DETECTOR
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('本人確認用にマイナカードの表裏を撮ってお送りください。', 'マイナカード', 'client', 'before_contract'),
    ('免許の写真を添付してください。', '免許', 'client', 'before_contract'),
    ('振込先確認のため、通帳のコピーをご提出ください。', '通帳', 'client', 'before_contract'),
    ('マイナ保険証の画像を送ってもらえますか。', 'マイナ保険証', 'client', 'before_contract'),
    ('お振込先は支店名と口座番号だけでOKです。', '口座番号', 'client', 'before_contract'),
    ('Please send a photo of your passport and your bank account details.', 'passport', 'client', 'before_contract'),
    ('For verification we need a copy of your ID.', 'copy of your ID', 'client', 'before_contract'),
    ('Could you tell me your home address and date of birth?', 'home address', 'client', 'before_contract'),
    ('契約にあたり、身分証のコピーを送ってください。', '身分証', 'client', 'before_contract'),
    ('お手数ですが、住民票の写しをメールでお送りいただけますか。', '住民票', 'client', 'before_contract'),
    ('報酬のお振込みのため、口座番号と名義を教えてください。', '口座番号', 'client', 'before_contract'),
    ('年齢確認のため、免許証の画像を添付してください。', '免許証', 'client', 'before_contract'),
    ('本人確認のため、顔写真と身分証を並べて撮影した画像をお送りください。', '顔写真', 'client', 'before_contract'),
    ('ご自宅の住所宛にサンプル商品をお送りしますので、教えていただけますか。', 'ご自宅の住所', 'client', 'before_contract'),
    ('必要書類：\n・マイナンバーの分かるもの\n・通帳の写し\n上記をご提出ください。', 'マイナンバー', 'client', 'before_contract'),
    ('経費精算のため、キャッシュカードの写真をお送りください。', 'キャッシュカード', 'client', 'contracted'),
    ('生年月日と現住所をご記入のうえ、返信してください。', '生年月日', 'client', 'before_contract'),
    ('クレジットカード番号をご入力ください。', 'クレジットカード番号', 'client', 'before_contract'),
    ('ﾏｲﾅﾝﾊﾞｰカードの写しをお送りください。', 'ﾏｲﾅﾝﾊﾞｰ', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('普通自動車免許をお持ちの方を優遇します。', 'client', 'before_contract'),
    ('マイナ保険証についての解説記事をお願いします。', 'client', 'before_contract'),
    ('マイナーな言語の翻訳です。原稿の写真をお送りします。', 'client', 'before_contract'),
    ('マイナスイオン家電の商品写真を送ってください。', 'client', 'before_contract'),
    ('支店名・店名・住所をスプレッドシートに入力していただく作業です。', 'client', 'before_contract'),
    ('Never send your passport or bank details to anyone.', 'client', 'before_contract'),
    ("We don't need your ID.", 'client', 'before_contract'),
    ('Please send your email address.', 'client', 'before_contract'),
    ("Please enter the customers' home address into the spreadsheet.", 'client', 'before_contract'),
    ('住所録の入力作業です。1件10円です。', 'client', 'before_contract'),
    ('会社の所在地は東京都港区です。', 'client', 'before_contract'),
    ('記事テーマ：マイナンバーカードの申請方法', 'client', 'before_contract'),
    ('顧客リストの氏名・住所・電話番号をExcelに入力してください。', 'client', 'before_contract'),
    ('本人確認はクラウドワークスで済んでいますので大丈夫です。', 'client', 'before_contract'),
    ('住所はお伝えできません。', 'worker', 'before_contract'),
    ('私の住所は東京都です。ご確認ください。', 'worker', 'before_contract'),
    ('住所・電話番号などの個人情報は送らないでください。', 'client', 'before_contract'),
    ('口座情報はクラウドワークスに登録いただいたものが使われます。', 'client', 'before_contract'),
    ('年賀状の宛名書き（住所・氏名）を100件お願いします。', 'client', 'before_contract'),
    ('運転免許証の更新手続きについての記事です。', 'client', 'before_contract'),
    ('顔写真は不要です。', 'client', 'before_contract'),
    ('免許証やパスポートの画像は絶対に送らないでください。', 'client', 'before_contract'),
    ('ジャンルは金融系（クレジットカード比較）で、文字単価1円からです。', 'client', 'before_contract'),
    ('メールアドレスを教えてください。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


def test_its_vocabulary_groups_have_a_reason_and_words():
    for lang in ("ja", "en"):
        for key in vocab.groups(lang, "documents"):
            assert vocab.words(lang, "documents", key), (lang, key)
