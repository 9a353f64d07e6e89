"""The seventh session's families, read by the rules alone (table-driven). They came from training
threads written sector by sector (tr101-tr116: a job's real work first, the lure where life puts it,
six in ten threads benign look-alikes of the sector). Texts are written for this table, never copied
from a corpus; each family has lures the rules must flag and look-alikes they must pass."""
import pytest

from support.scoring import categories as rule_categories

FLAGGED = [
    # the same words as the look-alikes below, proposed by the sender
    ("family: a channel where the explaining happens", "LINEで手順を説明する資料をお送りします", "off_platform_contact"),
    ("family: a channel named again after a tutorial", "登録方法を解説する動画を送るので、LINE追加してください", "off_platform_contact"),
    ("family: materials handed over in a channel", "マニュアル一式はLINEでお渡ししています", "off_platform_contact"),
    ("family: materials handed over in a nickname", "資料は緑のアプリの方でまとめてお渡しします", "off_platform_contact"),
    ("family: an ID document asked, a blur promised", "免許証の画像を送ってください。確認後はモザイクをかけて保管します", "personal_info"),
    ("family: an account number asked, a blur promised, in English",
     "please send your bank account number, we will blur it in our records", "personal_info"),
    ("family: a posting quoted, then the move asked", "募集文に「詳細はLINEで」と書いてある通り、LINE追加お願いします", "off_platform_contact"),
    ("family: leave to start before escrow", "仮払いはまだですが先に進めていいですよ", "work_before_escrow"),
    ("family: leave to start before escrow", "仮払い前でも着手していただいて構いません", "work_before_escrow"),
    ("family: the work seen, then judged, then the contract, in keigo",
     "構成に沿って1本書いていただき、初稿を拝見したうえで問題なければそのまま本契約とさせていただきます", "work_before_escrow"),
    ("family: English work before the client's contract step", "Before we send the contract pls do one sample edit this week", "work_before_escrow"),
    ("family: English work before the client's contract step",
     "before I open the offer, could you write the first lesson so we can check your style?", "work_before_escrow"),
    ("family: English samples stated unpaid", "The test pieces are not paid, they only show us your level.", "work_before_escrow"),
    ("family: English settling outside", "let's settle the next invoices via Wise directly", "direct_deal"),
    ("family: English settling outside", "can we settle through PayPal from now on?", "direct_deal"),
    ("family: a day, then the seat given away, in English", "offer is open until friday, after that I give the slot to another editor", "pressure"),
    ("family: recruiting closed at an hour, kana", "今日の21時で募集しめきります", "pressure"),
    # the fourth and fifth rounds (tr125-tr140)
    ("family: a level's fee before a withdrawal", "出金にはVIP3への昇格が必要で、昇格費は2万円です", "upfront_payment"),
    ("family: the reason the test is unpaid", "すみません、選考なので無償でお願いしています", "work_before_escrow"),
    ("family: no money for the try, casually", "お試し分は採用前なのでお代は出せないです", "work_before_escrow"),
    ("family: a counted test with its size, then the ask", "まずテストで1本(2000字)お願いします", "work_before_escrow"),
    ("family: the next jobs run outside", "次のはCW外で回しませんか", "direct_deal"),
    ("family: a payment app's account asked, in English", "what's your paypal email? easier to tip you there", "direct_deal"),
    ("family: English settling thru a means", "we pay thru Wise not CW, saves us both the fee", "direct_deal"),
    ("family: a deadline in kanji with a freeze", "本日23:59迄に送信無い場合アカウント凍結となります", "pressure"),
    ("family: places filling, in kana", "今夜中に決めないと枠うまりますよ", "pressure"),
    ("family: a link said to expire, in English", "link expires in 30 min!!", "pressure"),
    ("family: a code from an SMS sent back", "SMSに届いた6桁のコードをこちらに返信ください", "personal_info"),
    ("family: the passbook's cover will do", "じゃ通帳の表紙でいいです", "personal_info"),
    ("family: a meeting tool with a clock time, in English", "gmeet tmrw 10am JST?", "off_platform_contact"),
    ("family: a host typed without a scheme", "download the app → taskpro-hub.vip/reg invite code 4410", "external_site"),
    ("family: a QR code to scan and add", "こちらのQRコードを読み取って追加お願いします", "contact_details"),
    ("family: the skipped fee proposed, in English", "let's skip the fees, I'll pay you over PayPal", "direct_deal"),
]

PASSED = [
    # the channel is what a tutorial, an article or a narration explains
    ("look-alike: a tutorial's subject", "LINE公式アカウントの友だち追加から決済までを説明するチュートリアル動画のナレーションです"),
    ("look-alike: an article's subject", "Zoomのブレイクアウトルームの作り方を解説する記事を2本お願いします"),
    ("look-alike: the copy of a posting quoted as the work", "原稿の末尾に「LINEで友だち追加→24時間応募OK」という導線を入れてください"),
    # the items are to be hidden in the work
    ("look-alike: items to blur", "画面キャプチャの口座番号とマイナンバーの欄はぼかしてください"),
    ("look-alike: items to mask in a transcript", "録音で生年月日や住所が出てくる箇所は「＊＊＊」で伏せて書き起こしてください"),
    ("look-alike: items to bleep, in English", "We need an editor for bleeping every bank account number the caller reads out."),
    # words quoted as others' or as a posting's
    ("look-alike: a lure someone else proposed before", "以前ほかの方から「手数料を浮かせたいので直接契約で」とご提案いただいたことがありますが、お断りしました"),
    ("look-alike: a lure quoted as a quiz's pattern", "「仮払い前に作業して」と言われるパターンも1問入れてください"),
    ("look-alike: a posting read out by the worker", "プロフィールに「連絡はTelegramで」と書いてありましたが、ここで進めて大丈夫ですか"),
    # refusals and the client's own speed
    ("look-alike: a refusal in the continuative", "当店では直接のお取引はお受けしておらず、お支払いはすべてクラウドワークスです"),
    ("look-alike: the client's own speed after a request, in English",
     "a small icon too please. I'll send the offer tonight, payment via CrowdWorks escrow as usual"),
    ("look-alike: permission asked for the writer's own act", "申請書類がまだ届いていないのですが、先に進めていいでしょうか"),
    ("look-alike: an English channel after signing", "Once it's signed we'll add you to our Slack workspace; until then let's keep talking here."),
    ("look-alike: a title quoted whole, in English",
     'Looking for a blog piece: "How to stay in touch in Japan, and why locals use LINE while visitors use WhatsApp or Telegram".'),
    ("look-alike: an episode about scams, in English",
     "Our next podcast episode is about job scams: the guest was moved to Telegram and then asked for an unlock fee."),
    # the work's own place, people and past
    ("look-alike: an interview done in person at a shop", "店主さんは店内での対面取材でOKとのことです"),
    ("look-alike: a shop's published number", "取材先はパン屋さんです（お店の公開番号 03-3418-5562）。アポは編集部で取ります"),
    ("look-alike: mails the worker used to write", "前職ではお客様へのフォローメールを毎日書いていました"),
    ("look-alike: a wallet address to fake in an article", "記事に載せるウォレットアドレスはダミーで作ってください"),
    # the work's own text, whatever the category: strings to translate, copy, placeholders, quoted examples
    ("look-alike: UI strings to localise", 'Please localize the login screen strings, e.g. "Enter your phone number" and "Join our Discord".'),
    ("look-alike: a game's strings to translate", "ゲーム内テキストの翻訳です。たとえば「今すぐログイン！本日限定」のような訳を想定しています"),
    ("look-alike: a placeholder handle", "インスタのアカウント名の欄は「@your_shop_01」みたいな仮の文字でお願いします"),
    ("look-alike: a fee quoted in copy to translate", "英訳をお願いします。「登録料3,000円は初月で回収できます」という広告文です"),
    ("look-alike: items a guide explains", "申請書の書き方（マイナンバーカードの写し、本人確認書類の添付など）を説明するページの原稿です"),
    ("look-alike: a photo the work retouches", "新郎新婦の顔写真（バストアップ）の肌レタッチをお願いします"),
    ("look-alike: a placeholder phone format", "電話番号は045-000-0000のようにハイフン区切りで入力してください"),
    ("look-alike: a refusal by rule", "契約前は外部ツールでの連絡先の交換ができない決まりなので、ここで質問させてください"),
    ("look-alike: a call after the contract, plainly", "契約したあとで通話が必要になったら、そのときはZoomでも大丈夫ですか？"),
    ("look-alike: the selection said free of charge", "選考は無料なのでご安心ください"),
    ("look-alike: a passbook's design", "通帳のデザインはシンプルでいいです"),
    ("look-alike: the client's offer sent today, after a request", "Keep the placeholders. I'll send the offer here today, pls check the deadline in it."),
    ("look-alike: urgency the sender waives, in English",
     "urgent one - 10 min of subs by 22:00 tonight, contract + escrow here. if tonight doesn't fit, totally fine"),
    ("look-alike: a channel after the contract, in English", "After that we'd add you to our Slack, until then messages here only"),
    ("look-alike: a placeholder meeting ID", "Use a placeholder like 'Meeting ID: 000 0000 0000' in the screenshot."),
    ("look-alike: a placeholder handle, in English", 'Should I keep placeholders like "@xxxxxxx" in the draft?'),
    ("look-alike: a link's lifetime described", "the Zoom link expires in 60 minutes after the meeting ends"),
    ("look-alike: a file path, not a host", "see the folder src/app/main.py"),
    # the sixth round (tr141-tr148)
    ("look-alike: a phone format shown by example", "電話は 03-1234-5678 みたいにハイフン有りで統一ですか？"),
    ("look-alike: a dummy number to be replaced", "案内する番号は 0120-000-000（※ダミー、本番は差し替え）で書いておいてください"),
    ("look-alike: a QR's readability as a design matter", "QRは読み取りやすさを考えて2.5cm角以上は確保したいです"),
    ("look-alike: a dummy QR left unreadable", "ページに載せるQRコードは架空のダミーなので、読み取れない状態のまま組んでください"),
    ("look-alike: steps the copy explains", "LINE公式アカウントの友だち追加→写真を送る→お見積り、という3ステップの説明文です"),
    ("look-alike: the registering steps printed small", "LINEでの登録手順も小さく載せたいので文言はこちらで用意します"),
    ("look-alike: a flyer being designed", "ファンクラブLINE公式アカウントの友だち追加チラシのデザインをお願いします"),
    ("look-alike: a friend's advice declined, in English",
     "A friend told me to just pay you over PayPal and skip the fees, but I'd rather keep it all here."),
    ("look-alike: an example row of the data", "作業内容はリスト入力です。\n入力例：梅田店／大阪市北区／https://lin.ee/sample01\n単価は1件12円です。"),
]


@pytest.mark.parametrize("family, text, category", FLAGGED)
def test_the_rules_flag_each_family(family, text, category):
    assert category in rule_categories(text), family


@pytest.mark.parametrize("family, text", PASSED)
def test_the_rules_pass_each_look_alike(family, text):
    assert rule_categories(text) == set(), family

