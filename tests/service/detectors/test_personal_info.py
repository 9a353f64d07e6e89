"""Tests of the personal_info detector: sensitive personal data asked for outside the platform's flows.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks
from _money_lookalikes import MONEY_AND_DATA_LOOKALIKES

from cwguard.detectors.personal_info import DETECTOR
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # third round: a request beside a writing brief (the brief's words do not hide it)
    ('Please send a photo of your passport before you start the article.', 'passport', 'client', 'before_contract'),
    ('記事執筆の前に、身分証のコピーを送ってください。', '身分証', 'client', 'before_contract'),
    ('ライター登録のため、口座番号と生年月日を教えてください。記事は1本3,000円です。', '口座番号', 'client', 'before_contract'),
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    # third round, terse families: ID documents and copies asked in a few words, a bare identity
    # check, bank data, login and SMS codes, account opening, English codes; a system notice that asks
    ('免許証 表裏 写真で', '免許証', 'client', 'before_contract'),
    ('身分証の写真おくって', '身分証', 'client', 'before_contract'),
    ('マイナンバーカード両面お願いします', 'マイナンバーカード', 'client', 'before_contract'),
    ('保険証の画像もください', '保険証', 'client', 'before_contract'),
    ('パスポートの写真でOKです', 'パスポート', 'client', 'before_contract'),
    ('本人確認書類をここに添付で', '本人確認書類', 'client', 'before_contract'),
    ('身分証アップしてください', '身分証', 'client', 'before_contract'),
    ('明日までに身分証の画像を送らないとアカウント停止になります', '身分証', 'client', 'before_contract'),
    ('【重要】報酬受取には本人確認が必要です', '本人確認', 'client', 'before_contract'),
    ('作業開始前に本人確認をお願いします。', '本人確認', 'client', 'before_contract'),
    ('お顔がはっきり分かる写真を1枚送っていただけますか', 'お顔がはっきり分かる写真', 'client', 'before_contract'),
    ('在留カードの表と裏を撮って送ってください', '在留カード', 'client', 'before_contract'),
    ('口座おしえて', '口座おしえて', 'client', 'before_contract'),
    ('あと振込先の口座番号と暗証番号も', '振込先の口座', 'client', 'before_contract'),
    ('SMSで届く認証コードもおねがいします', 'SMSで届く認証コード', 'client', 'before_contract'),
    ('届いた6桁のコードをこちらに送ってください', '6桁のコード', 'client', 'before_contract'),
    ('ワンタイムパスワードを教えてください', 'ワンタイムパスワード', 'client', 'before_contract'),
    ('ネットバンキングのログインIDとパスワードを共有してください', 'ネットバンキングのログインID', 'client', 'before_contract'),
    ('ネット銀行で口座作ってログインIDとパスワード送るだけ', 'ログインID', 'client', 'before_contract'),
    ('GmailのIDとパスワードを教えてもらえますか', 'GmailのIDとパスワード', 'client', 'before_contract'),
    ('キャッシュカードと暗証番号をお預かりします', 'キャッシュカード', 'client', 'before_contract'),
    ('取引所から届いた2段階認証コードをこちらに送ってください。', '2段階認証コード', 'client', 'before_contract'),
    ('口座を新しく開設して、通帳とキャッシュカードを郵送してください', '通帳', 'client', 'before_contract'),
    ('暗証番号も一緒にお願いします', '暗証番号', 'client', 'before_contract'),
    ('Please send a clear scan of your passport to our HR team together with your CV for the file.', 'passport', 'client', 'before_contract'),
    ('Send me the 6-digit code we just texted you.', '6-digit code', 'client', 'before_contract'),
    ("What's the verification code you received by SMS?", 'verification code', 'client', 'before_contract'),
    ('Share your online banking password with our agent.', 'online banking password', 'client', 'before_contract'),
    ('We need your login details to set up the account.', 'login details', 'client', 'before_contract'),
    ('pls send your ID front and back', 'your ID', 'client', 'before_contract'),
    ('【重要】アカウント保護のため、以下のページでログインIDとパスワードを再入力してください。', 'ログインID', 'system', 'before_contract'),
    ('経費精算のため、口座番号と暗証番号も教えてください。', '口座番号', 'client', 'contracted'),
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
    # third round: a brief about the items, in English
    ('Write a 1,500-word guide on why you should never send a photo of your passport to a recruiter.', 'client', 'before_contract'),
    ('Job: 1,500-word post on spotting scam DMs. Quote lines like "send a photo of your ID".', 'client', 'before_contract'),
    # third round: refusals and warnings, Japanese and English (「費用は一切いただきません」"You need to pay nothing")
    *MONEY_AND_DATA_LOOKALIKES,
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    # third round: look-alikes (the client giving its own login, refusals, the platform's flows,
    # the work's subject, codes that are the work's data)
    ('本人確認はクラウドワークスの本人確認機能でお願いします。', 'client', 'before_contract'),
    ('身分証の画像は送らないでください。', 'client', 'before_contract'),
    ('免許証の写真撮影のコツについての記事です。', 'client', 'before_contract'),
    ('本人確認済みの方を優先的に採用しています。', 'client', 'before_contract'),
    ('普通自動車免許をお持ちの方歓迎です。', 'client', 'before_contract'),
    ('マイナンバーカードでe-Taxの確定申告をする手順の記事をお願いできますか。', 'client', 'before_contract'),
    ('記事テーマ：本人確認書類の種類と選び方', 'client', 'before_contract'),
    ('「免許証の画像を送って」と言われたら注意しましょう。', 'client', 'before_contract'),
    ('商品写真を両面撮影して送ってください。', 'client', 'before_contract'),
    ('本人確認は不要です。', 'client', 'before_contract'),
    ('もし都内にお住まいなら、渋谷で打ち合わせしませんか。', 'client', 'before_contract'),
    ('身分証の写真は送れません。', 'worker', 'before_contract'),
    ('管理画面のログイン情報はこのあとメッセージでお送りします。', 'client', 'before_contract'),
    ('WordPressのパスワードは別途お送りします。', 'client', 'before_contract'),
    ('パスワードは誰にも教えないでください。', 'client', 'before_contract'),
    ('パスワードの変更をお願いします。', 'client', 'before_contract'),
    ('二段階認証の設定方法を解説するマニュアルを作ってください。', 'client', 'before_contract'),
    ('ミーティングID：812 3456 7890 パスコード：483920', 'client', 'before_contract'),
    ('JANコードを13桁で入力してください。', 'client', 'before_contract'),
    ('招待コードはSR2026です。', 'client', 'before_contract'),
    ('口座情報はクラウドワークスに登録済みのものを使います。', 'client', 'before_contract'),
    ('ネット銀行の口座開設の手順を比較する記事をお願いします。', 'client', 'before_contract'),
    ('当社から暗証番号をお伺いすることはございません。', 'client', 'before_contract'),
    ('ログインIDは発行済みです。パスワードは以下です。', 'client', 'before_contract'),
    ('QRコードをスマホで読み取ってご注文ください、の文字を大きくしてください。', 'client', 'before_contract'),
    ('口座番号のお伝えは控えます。', 'worker', 'before_contract'),
    ('We will never ask for your passwords or login codes.', 'client', 'before_contract'),
    ("I'll send you the password for our CMS after the contract.", 'client', 'before_contract'),
    ('Write a guide on why you should never share a login code with anyone.', 'client', 'before_contract'),
    ('Please send a quick hello to jane (at) example.io so I have your address for the invite.', 'client', 'before_contract'),
    ('The password is below: hunter2', 'client', 'before_contract'),
    ('契約が締結されました。仮払いが完了しました。', 'system', 'before_contract'),
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
