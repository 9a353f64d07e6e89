"""The terse families of the fourth session, read by the rules alone (table-driven): each family has
lures the rules must flag and look-alikes they must pass. Texts are written for this table, in the
spirit of the training corpora tr19-tr49 (never the blind sets); the fifth session's rows are
marked, and the seventh session's sector families come from tests/support/sector_families.py."""
import pytest

from support.scoring import categories as rule_categories
from support.sector_families import SECTOR_FLAGGED, SECTOR_PASSED

FLAGGED = [
    # a channel and a particle parted by a space; a meeting, room or workspace of a channel
    ("family: channel, space, particle", "ライン で", "off_platform_contact"),
    ("family: channel, space, particle", "Telegram で", "off_platform_contact"),
    ("family: a channel's meeting or room", "Teamsの会議にご招待します", "off_platform_contact"),
    ("family: a channel's meeting or room", "Slackのワークスペースに招待します", "off_platform_contact"),
    ("family: a voice chat without its app", "ボイスチャットで少し話せますか？", "off_platform_contact"),
    ("family: a call had with the reader", "We'd like a quick Zoom with you first.", "off_platform_contact"),
    ("family: size words around a one-line tool", "short teams call 15min ok?", "off_platform_contact"),
    ("family: two letters masked in a long name", "面談はチャ○ワークで", "off_platform_contact"),
    ("family: two letters masked in a long name", "ディス★ードで話しましょう", "off_platform_contact"),
    ("family: a QR image named for adding a contact", "次回分→ [画像] tomodachi_tsuika_QR.png", "contact_details"),
    ("family: a QR image named for adding a contact", "添付: LINE_QR.jpg", "contact_details"),
    ("family: a request written in kana", "詳しくはLINEでおねがいします", "off_platform_contact"),
    ("family: a talk of some minutes in a channel", "一度Zoomで20分ほど", "off_platform_contact"),
    # tests and samples before a contract, tersely
    ("family: a counted test piece with its size", "まずテストで2本（各1500字）", "work_before_escrow"),
    ("family: a selection assignment", "採用前に課題を2本お願いします", "work_before_escrow"),
    ("family: English trial first", "one test article first pls", "work_before_escrow"),
    ("family: English trial first", "no trial, no contract", "work_before_escrow"),
    # the money step as a scheme or a shortfall
    ("family: a scheme of paying first", "次のステージは前払い型になります", "upfront_payment"),
    ("family: a scheme of paying first", "レベル4からは立替制です", "upfront_payment"),
    ("family: a shortfall topped up", "出金には残高の補填が必要です", "upfront_payment"),
    ("family: a licence each worker buys", "作業ソフトのライセンス9,800円は各自購入です", "upfront_payment"),
    ("family: a payback in the first week", "マニュアル代2万円は初週で余裕で回収できます", "unrealistic_offer"),
    # the payee asked tersely; a copy asked as the only thing
    ("family: the payee asked", "振込先だけ教えてもらえれば", "personal_info"),
    ("family: the payee asked", "振込口座を送ってください", "personal_info"),
    ("family: only a copy", "保険証の画像だけで大丈夫です", "personal_info"),
    # the reader's own money promised back; an act required in a channel
    ("family: own money promised back", "立替分＋報酬500円を翌日返金します。まず1万円の立替をお願いします", "unrealistic_offer"),
    ("family: own money promised back", "保証金を入金→3日後に元金＋20%が戻ります", "unrealistic_offer"),
    ("family: an act required in a channel", "Telegramでの認証が必須です", "off_platform_contact"),
    # pressure: a same-day close, selection lost, another candidate in English
    ("family: a same-day close", "今夜22時〆です", "pressure"),
    ("family: selection lost", "明日までに届かない場合は落選となります", "pressure"),
    ("family: another candidate, in English", "reply within 2 hours or we pick another writer", "pressure"),
    # fifth session (tr37-tr49 families)
    ("family: a call's number instead of its link", "会議ID 912 4410 3378 です", "off_platform_contact"),
    ("family: a one-line channel after a lead-in", "それと、明後日Teams可能ですか？", "off_platform_contact"),
    ("family: a one-line channel after a lead-in", "その前に一度meetで", "off_platform_contact"),
    ("family: a group chat and a casual join", "ぐるちゃあるので入っといてね", "off_platform_contact"),
    ("family: an English app nickname", "talk on the green chat app pls", "off_platform_contact"),
    ("family: an English app nickname", "details in the paper airplane app", "off_platform_contact"),
    ("family: others waiting, in English", "answer in 15 mins, others are waiting", "pressure"),
    ("family: slots closed at an hour", "22時で募集しめます", "pressure"),
    ("family: a bare hurry", "残り1枠！急いで", "pressure"),
    ("family: a counted try handed in", "試しに2パターンだけ送ってもらえますか", "work_before_escrow"),
    ("family: an outside app as the condition of pay", "専用アプリをインストールしないと報酬は出せません", "external_site"),
    ("family: a closed job and a link elsewhere", "定員に達しました。新着はこちら https://job-navi.example.top/r/5", "external_site"),
    ("family: a closed job and a link elsewhere", "This position has been filled, see https://work-hub.example.site/a", "external_site"),
    ("family: a call had on a channel, in English", "short chat on whatsapp later?", "off_platform_contact"),
    ("family: the slot said to vanish", "今日中に返信ないと枠消えます", "pressure"),
    ("family: time left or the balance goes, in English", "30 min left or your balance will be reset", "pressure"),
    ("family: an invitation to go to a channel", "続きは公式LINEへどうぞ", "off_platform_contact"),
    ("family: a release after a freeze", "現在ロック中です。解除には追加で3万円入金", "upfront_payment"),
    ("family: a call's link announced", "面接用のリンクあとで送ります", "off_platform_contact"),
    ("family: a call's link announced", "will drop the meet link here in 5", "off_platform_contact"),
    ("family: a one-line channel with a filler", "teamsでサクッと", "off_platform_contact"),
    ("family: a fee back at once", "登録料3000円かかりますがすぐ戻ってきます", "unrealistic_offer"),
    ("family: a fee back at once, in English", "pay the 5,000 yen activation first, you get it back tomorrow", "unrealistic_offer"),
    ("family: a list of personal data after a request", "合格です。以下を返信ください\n・お名前\n・ご住所\n・口座番号", "personal_info"),
    ("family: a channel's ID asked, in English", "can you share your discord ID pls", "off_platform_contact"),
    ("family: money put in, said plainly", "5万入れたら7万になって返ってきます", "upfront_payment"),
    ("family: pay in more, earn more", "たくさん入れた方ほど稼げます", "upfront_payment"),
    ("family: a balance topped up", "タスク継続のため残高の補充をお願いします", "upfront_payment"),
    ("family: a fee paid first to withdraw", "手数料分を先に払えば出金できます", "upfront_payment"),
    ("family: a deposit after a reassurance", "payment is via CrowdWorks, no worries. but first deposit 30 USDT to unlock tasks",
     "upfront_payment"),
    # sixth session (tr58-tr78 families)
    ("family: a casual invitation with only a question mark", "ここ通知来ないんで、ライン交換しません？", "off_platform_contact"),
    ("family: a casual invitation with only a question mark", "続きはdiscordで話しません？", "off_platform_contact"),
    ("family: a casual ask whether a call works", "一次面接 電話で今夜いけますか？", "off_platform_contact"),
    ("family: a one-line tool after the job it is about", "動画編集の件 meet可？", "off_platform_contact"),
    ("family: a call written in kana", "あした、でんわで少し話せます？", "off_platform_contact"),
    ("family: a call asked for, in English", "could we do a quick call first?", "off_platform_contact"),
    ("family: a call asked for, in English", "free for a short call tonight?", "off_platform_contact"),
    ("family: chat shorthand for the reader, in English", "u on whatsapp?", "off_platform_contact"),
    ("family: chat shorthand for the reader, in English", "answer on telegram faster pls", "off_platform_contact"),
    ("family: an event the worker is told to come to", "契約の前に研修に来てもらいます", "in_person_meeting"),
    ("family: a meeting spot with a duration", "なら新宿の喫茶店で15分ほど", "in_person_meeting"),
    ("family: a coffee together, casually", "恵比寿のカフェでお茶しながら話しません？", "in_person_meeting"),
    ("family: the fee called a waste", "手数料無駄なので直でお願いできます？", "direct_deal"),
    ("family: a direct payment in one word", "今回から直払いにさせてください", "direct_deal"),
    ("family: direct, a price, a proposal", "直で8千円でどうですか", "direct_deal"),
    ("family: the next jobs privately", "次回からは個人でお願いできますか", "direct_deal"),
    ("family: the rest of the work outside", "この納品が終わったら残りはよそでやりましょう", "direct_deal"),
    ("family: a payment app the client sends by", "報酬はPayPayで送りますね", "direct_deal"),
    ("family: paying directly, chat shorthand", "ill pay u directly via wise", "direct_deal"),
    ("family: the client's own payout system, in English", "payments now go through our own dashboard, register first", "direct_deal"),
    ("family: a link whose path names the act", "こちらから → https://side-navi.example.top/register", "external_site"),
    ("family: a link whose path names the act", "https://job-hub.example.site/signup 金曜まで", "external_site"),
    ("family: an English link sentence", "to get paid pls sign up here https://pay-hub.example.top/a1", "external_site"),
    ("family: the profile link as the place to apply", "詳細はプロフィールのリンクからどうぞ", "external_site"),
    ("family: a slot going to the next person, in English", "answer in 20 mins or the spot goes to next applicant", "pressure"),
    ("family: a deadline or another chosen, in English", "deadline midnight or we pick someone else", "pressure"),
    ("family: a sign-up closing tonight, in English", "registration closes tonight!", "pressure"),
    ("family: past an hour, the slot vanishes", "今夜22時過ぎたら枠なくなります", "pressure"),
    ("family: the early ones decided first", "早い人から決まっていきます", "pressure"),
    ("family: a trivial act paid", "動画を見るだけ！1本100円〜", "unrealistic_offer"),
    ("family: one device and minutes a day", "スマホ1台で1日10分！", "unrealistic_offer"),
    ("family: chat amounts with no currency, in English", "easy tasks, make 20k/day", "unrealistic_offer"),
    ("family: pay in more, said of people", "いっぱい入金した人の方が報酬も大きいです", "upfront_payment"),
    ("family: a bare number to be called", "番号だけ教えてもらえますか、夜にかけます", "contact_details"),
    ("family: a handle ending the line after a space", "友だち追加お願いします taro_0921", "contact_details"),
    ("family: a casual 〜といて request", "口座番号だけ送っといて", "personal_info"),
    ("family: the paper plane alone in a frame", "以降の連絡は紙飛行機でお願いします", "off_platform_contact"),
    ("family: a short app name with a casual copula", "ディスコっす", "off_platform_contact"),
    ("family: a tool after a wave dash ends the sentence", "大丈夫ですよ〜 明日ずーむで話せます？", "off_platform_contact"),
    ("family: a face-to-face talk with no tool", "一度顔を見てお話しできればと思います", "off_platform_contact"),
    ("family: minutes on the phone, in English", "just 5 min on the phone tonight?", "off_platform_contact"),
    ("family: a place and a clock time, in English", "shibuya cafe 3pm ok?", "in_person_meeting"),
    ("family: a count, then the test", "まず2本テストで", "work_before_escrow"),
    ("family: a part asked first, even just that", "見出し案だけでも先に送ってもらえると", "work_before_escrow"),
    ("family: a tax or fee paid before the pay", "出金前に所得税分を先に振り込んでください", "upfront_payment"),
    ("family: a classical 'if not' and a forfeit", "本日中に入金なき場合、報酬は没収です", "pressure"),
    ("family: a bare deadline after a chat sentence end", "決まりなんです 今日中でお願いしますね", "pressure"),
    ("family: a bare deadline, in English", "within 1 hr pls!", "pressure"),
    ("family: an invitation in 〜しません？ with a fee saved", "次から手数料なしで直接振込にしません？", "direct_deal"),
    ("family: broken English, a channel without a preposition", "add me line pls, more fast", "off_platform_contact"),
    ("family: broken English, a channel said better", "we talk whatsapp better", "off_platform_contact"),
    ("family: broken English, paid by a means, no fee as the bait", "i pay u wise direct, no fee", "direct_deal"),
    ("family: an invite link spelled out past the filter", "t e l e g r a m: t . m e / side_job77", "contact_details"),
    ("family: an invite link cut over lines", "disc\nord.gg/\nAb12Cd", "contact_details"),
    ("family: the sender writing around the filter", "ここだとURL貼れないので、スペース抜いて開いてください", "off_platform_contact"),
    ("family: the sender writing around the filter, in English", "the platform hides IDs, read it backwards", "off_platform_contact"),
    ("family: a link spelled out past the filter", "応募はこちら h t t p s : / / jobs-top [.] site / 12", "external_site"),
    ("family: a channel's part before a terse particle", "続きはディスコードのサーバーへ", "off_platform_contact"),
    ("family: 'just add me' with no tool named", "返信遅いので追加だけしといてください", "off_platform_contact"),
    ("family: a charge that raises the reward", "入金すると報酬が倍になります", "upfront_payment"),
    ("family: places left, counted", "募集枠あと2つです", "pressure"),
    ("family: today's applicants first", "本日中の方を優先します", "pressure"),
    ("family: a trivial act with an emoji", "タップするだけ✨1回50円", "unrealistic_offer"),
    ("family: Telegram's short name, in English", "we only use TG for tasks", "off_platform_contact"),
    ("family: the payee asked with 〜といて", "振込先だけ教えといて", "personal_info"),
    ("family: a counted try, the pieces named", "採用前にお試しでバナー2枚だけ先にください", "work_before_escrow"),
    ("family: a counted try made then sent", "試しに10件やって送ってください", "work_before_escrow"),
    ("family: a gmail address asked", "資料共有したいのでgmail教えてもらえますか", "contact_details"),
    ("family: a bare ID asked", "ID教えてください", "contact_details"),
    ("family: a channel to install, tersely", "ライン入れといて", "off_platform_contact"),
    ("family: the item alone, asked", "生年月日は？", "personal_info"),
    ("family: bought in one's own name, 〜といて", "ご自身名義でネットで買っといてください", "upfront_payment"),
    ("family: a channel as the only way, formally", "Our recruitment team communicates exclusively via Telegram.", "off_platform_contact"),
    ("family: correspondence handled elsewhere", "Further correspondence will be handled via LINE.", "off_platform_contact"),
    ("family: onboarding completed elsewhere", "Please complete your onboarding on our portal before Friday.", "external_site"),
    ("family: withdrawn after some hours", "Unverified accounts are removed after 24 hours.", "pressure"),
    ("family: slots said to remain", "Only 2 spots remain.", "pressure"),
    ("family: registering at a link pointed to", "リンクから本登録お願いします", "external_site"),
    *SECTOR_FLAGGED,  # the seventh session's (tests/support/sector_families.py)
]

PASSED = [
    ("look-alike: a space that does not end a sentence", "LINE スタンプで"),
    ("look-alike: a channel's recording as the work", "Zoomの会議の録画を文字起こししてください"),
    ("look-alike: an existing sample", "I'd like to see your samples first."),
    ("look-alike: a test refused", "No test first: the trial is paid through CrowdWorks escrow after the contract."),
    ("look-alike: a type of product as the topic", "前払い型の電子マネーについて記事を書いてください"),
    ("look-alike: an assignment as the topic", "御社の課題を解決する記事を書いてください"),
    ("look-alike: a product photo", "商品写真だけで大丈夫です"),
    ("look-alike: the payee on the platform", "振込先はクラウドワークスに登録済みです"),
    ("look-alike: a listed scam type in a brief", "副業詐欺の解説記事を2本\n①「出金に手数料」型\n②入金額で報酬率アップ型"),
    ("look-alike: a refund for a returned product", "返品の際は購入額を返金いたします。"),
    ("look-alike: a channel's feature as the work", "LINEでのログイン機能の実装をお願いします"),
    ("look-alike: no licence to buy", "ライセンスの購入は不要です"),
    ("look-alike: a masked name as the work", "チャ○ワークの使い方マニュアルを作ってください"),
    ("look-alike: a policy of not meeting", "電話やZoomでの面談はしない方針です。質問はこのメッセージでどうぞ"),
    ("look-alike: doing without a call", "電話での説明は無しで大丈夫です"),
    ("look-alike: minutes of a recording", "Zoomで30分程度の研修動画を撮りました"),
    ("look-alike: a QR image of the work", "メニューのQR画像 menu_qr.png を差し替えてください"),
    ("look-alike: app text to proofread", "本人確認アプリの画面文言の校正です。「運転免許証の表面を撮影してください」のような文が50行"),
    ("look-alike: how to enter a meeting number", "ミーティングIDの入力画面の説明図を作ってください"),
    ("look-alike: an English colour as the design", "a green app icon for our fitness brand"),
    ("look-alike: the client's own sending", "先に2案お送りしますね"),
    ("look-alike: no form needed to be paid", "アプリを入れなくても報酬はお支払いします"),
    ("look-alike: the client's escrow deposit", "We will fund the escrow deposit on CrowdWorks today."),
    ("look-alike: not in a hurry", "急いでいないのでゆっくりで大丈夫です"),
    ("look-alike: a call on a channel that happened", "the meeting on Teams went well, thanks"),
    ("look-alike: a phrase quoted as an example", "冒頭の「スマホだけで月収30万」は引用にして、注釈をつけてください"),
    ("look-alike: a QR placed in a design", "ポスターに店の友だち追加QRも載せたいです"),
    ("look-alike: a channel after the contract, in English", "happy to move to Slack once the contract is signed"),
    ("look-alike: how a call's link is made", "ZoomのURLの発行方法を図解した記事をお願いします"),
    ("look-alike: change back at once", "お釣りはすぐ戻ってきます"),
    ("look-alike: a list of a data job's fields", "以下の項目を入力してください\n・店名\n・住所\n・電話番号"),
    ("look-alike: a form's fields being designed", "問い合わせフォームの項目は以下でお願いします\n・氏名\n・住所\n・生年月日"),
    ("look-alike: stock restocked", "在庫の補充をお願いします"),
    ("look-alike: items put in a cart", "3個入れたら送料無料です"),
    ("look-alike: a closed job, no link", "募集は終了しました。たくさんのご応募ありがとうございました"),
    ("look-alike: a closed job and reference material", "募集終了しました。参考資料: https://www.example.go.jp/guide.pdf"),
    # sixth session
    ("look-alike: a refusal ending in ません", "LINEはやってません。ここでお願いします"),
    ("look-alike: a plain refusal with 無理", "遠方なので対面は無理です、ごめんなさい"),
    ("look-alike: a call that happened, in English", "thanks for the quick call yesterday, notes attached"),
    ("look-alike: a call after the contract, in English", "after the contract we can hop on a call if needed"),
    ("look-alike: a job it is about, no tool", "LINE公式の件ですが、進捗いかがですか"),
    ("look-alike: a lure quoted as received from someone else", "御社名で「続きはLINEで」と別のアカウントから届きました。御社の方ですか？"),
    ("look-alike: coming to an event, reported", "説明会に来てと言われたのですが、行くべきでしょうか"),
    ("look-alike: work done outdoors next time", "次回は外で撮影します。機材はこちらで用意します"),
    ("look-alike: a lure quoted as a warning", "続きは外でやりましょう、と言われたら事務局に報告してください"),
    ("look-alike: being frank, not direct", "正直に言うと納期は少し厳しいです"),
    ("look-alike: a fee that hurts, nothing outside", "手数料が痛いのはわかりますが、契約はここで結びます"),
    ("look-alike: a competitor's page whose path names an act", "競合のLPです https://rival.example.jp/entry 構成を参考に"),
    ("look-alike: an English reference link", "moodboard for ref: https://www.example.com/board/download-ideas"),
    ("look-alike: a profile link of the customers' path", "導線は「ご予約はプロフィールのリンクから」で統一してください"),
    ("look-alike: a lure warned about", "プロフィールのリンクから登録するよう誘導されたら通報してください"),
    ("look-alike: a shop closing tonight, in English", "the shop closes tonight at 9, tomorrow is fine for delivery"),
    ("look-alike: a real job's easy step", "リンクを貼るだけでOKです、報酬は記事1本3000円"),
    ("look-alike: minutes a day estimated", "スマホで1日5分程度、投稿の確認をお願いします"),
    ("look-alike: an order number to be called about", "注文番号を教えてください、こちらから確認します"),
    ("look-alike: a file name after a request", "追加お願いします draft_v2.docx の件も"),
    ("look-alike: a lure quoted as received, by the worker", "御社名義のアカウントから「詳細は緑のアプリで」と来ました。御社の方ですか？"),
    ("look-alike: the paper plane as the work", "紙飛行機の折り方の記事をお願いします"),
    ("look-alike: a face in a profile photo", "顔が見えるプロフィール写真をお願いします"),
    ("look-alike: a face-to-face talk after the contract", "顔を見て話すのは契約後にしましょう"),
    ("look-alike: a form being built, its fields in brackets", "会員向けの口座登録フォーム（銀行名/支店/口座番号）のフロント実装です"),
    ("look-alike: screens being designed, in English", "need UI for ID upload: license / My Number card, front+back"),
    ("look-alike: a call after the contract is done", "キックオフは契約が済んでから電話で30分ほど話せると嬉しいです"),
    ("look-alike: a plain refusal of a direct deal", "直接取引はしません。"),
    ("look-alike: no need to pay directly, in English", "No need to pay you directly, CrowdWorks escrow handles it."),
    ("look-alike: the client's own draft sent first", "構成案だけでも先にお送りしますね"),
    ("look-alike: tax the client pays", "消費税は報酬に含めて先にお支払いします。"),
    ("look-alike: numbers masked in the work", "チャット履歴の翻訳です。電話番号は伏せ字にしてください"),
    ("look-alike: the filter explained with a refusal", "このサイトではIDが消されるので、連絡先の交換はできません"),
    ("look-alike: an addition to the work", "修正の追加だけお願いします"),
    ("look-alike: a guide to photographing IDs", "免許証とマイナカードの撮り方ガイドをお願いしたいです"),
    ("look-alike: a file name with brackets", "ファイル名は report[1].pdf です"),
    ("look-alike: a scam warned about", "事務局を名乗るSMSが出回っているそうです"),
    ("look-alike: days asked, not pieces", "まず3日ほどください"),
    ("look-alike: an order ID asked", "注文ID教えてください"),
    ("look-alike: the deadline asked about", "納期は？"),
    ("look-alike: how to register at a link, as the work", "リンク先で登録する手順を図解してください"),
    *SECTOR_PASSED,
]


@pytest.mark.parametrize("family, text, category", FLAGGED)
def test_the_rules_flag_each_family(family, text, category):
    assert category in rule_categories(text), family


@pytest.mark.parametrize("family, text", PASSED)
def test_the_rules_pass_each_look_alike(family, text):
    assert rule_categories(text) == set(), family


def test_a_negation_before_a_chat_sentence_end_does_not_cancel_the_demand_after_it():
    text = "いりませんよ笑\u3000急ぎなので本日18時までに返信ない場合は他の方に回します"
    assert "pressure" in rule_categories(text)
    assert "pressure" not in rule_categories("本日18時までに返信がなくても他の方に回すことはありません")


@pytest.mark.parametrize("text, flagged", [
    # a group the contracted work itself uses is benign after the contract...
    ("本案件のメンバーでチャットワークのグループ作りました。進行はこちらで https://www.chatwork.com/g/team-xyz", set()),
    ("この案件の連絡用にSlackのチャンネルを作りました https://join.slack.com/t/abc/shared_invite/zt-1", set()),
    # ...a group for other jobs is not (RUBRIC.md: it counts as before a contract)
    ("他の案件も流しているグループがあるので入ってください https://line.me/ti/g2/AbCdEf", {"contact_details"}),
])
def test_a_group_for_this_job_is_not_a_group_for_more_jobs(text, flagged):
    found = rule_categories(text, status="contracted")
    assert found >= flagged and (flagged or not found)


@pytest.mark.parametrize("text", [
    "申込フォームもこちらで組みますか？それとも外部のページに飛ばしますか？",
    "ポートフォリオはこちらです https://bit.ly/my-portfolio-2026",
])
def test_a_workers_own_site_or_question_about_a_form_lures_no_one(text):
    """external_site: the worker is the one lured, so a worker's message is never the lure."""
    assert "external_site" not in rule_categories(text, sender="worker")


@pytest.mark.parametrize("text, items", [
    ("口座と住所だけ先に送っといてもらえますか", {"口座", "住所"}),
    ("採用にあたり以下を送ってください\n・氏名\n・住所\n・生年月日", {"氏名", "住所", "生年月日"}),
])
def test_every_item_listed_beside_a_personal_data_request_is_highlighted(text, items):
    from cwguard.pipeline import score_request
    from cwguard.schemas import load_request
    payload = {"messages": [{"id": "m1", "sender": "client", "text": text}], "context": {"contract_status": "before_contract"}}
    answer = score_request(load_request(payload), detection="rules")
    highlighted = {h["text"] for h in answer["highlights"] if h["category"] == "personal_info"}
    assert items <= highlighted, highlighted
