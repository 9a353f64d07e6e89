"""The tenth and eleventh sessions' families, read by the rules alone (table-driven). They came from training
threads written one weak spot at a time (tr222-tr229: the money step of a task scam, "this one is
full, here is another", one-line calls and visits, tests before a contract, disguised contacts,
trust tricks, refusals and reports, English) and then one trade or sender at a time (tr230-tr237:
video, professional offices, fake notices, long recruiting letters, repeat orders, overseas senders,
testers, building and property).
Texts are written for this table, never copied from a corpus; each family has lures the rules must
flag and look-alikes they must pass, with the sender and the contract status of the moment. Read by
tests/service/test_phase_families.py."""

from support.phase_families import AFTER, BEFORE

# (family, text, category, sender, contract status)
WEAK_SPOT_FLAGGED = [
    # one line naming a meeting tool and a time, the meeting itself named as its ending
    ("family: a tool, a time and the interview", "ｽｶｲﾌﾟ 20:30 面談ｼﾏｽ", "off_platform_contact", "client", BEFORE),
    ("family: a tool, a time and a meeting to have", "Meet 明日10時 打ち合わせしましょう", "off_platform_contact", "client", BEFORE),
    ("family: a day, a time and a length before the ask", "面接はZoom、9日(火)14:00〜20分でお願いできますか。", "off_platform_contact",
     "client", BEFORE),
    # a check of the worker held at a place before a contract
    ("family: a voice check at a studio", "一度、渋谷のスタジオで声の確認をさせてください", "in_person_meeting", "client", BEFORE),
    ("family: a skill test at the office", "事務所で実技テストを受けていただきます", "in_person_meeting", "client", BEFORE),
    # the channel 'over there', and writing around the filter
    ("family: the channel's side named with へ", "結果はご登録のLINEの方へお送りします", "off_platform_contact", "client", BEFORE),
    ("family: an image slips past the filter", "QRは画像ならひっかからないので今送りますね", "off_platform_contact", "client", BEFORE),
    ("family: a colour in katakana", "詳細はグリーンのアプリで送ります", "off_platform_contact", "client", BEFORE),
    # a request to add with the handle right after it
    ("family: add, then the handle", "追加して rina_0412", "off_platform_contact", "client", BEFORE),
    ("family: add me, then the handle and a please", "add me sora_wk21 pls", "contact_details", "client", BEFORE),
    ("family: a spaced ID after add", "追加してね　k o u . m k 3", "contact_details", "client", BEFORE),
    ("family: 'continue here' pointing at an invite", "ここ重いので続きはこちらで line.me/ti/p/Rk2mQ", "off_platform_contact", "client",
     BEFORE),
    # link-in-bio pages, a profile's link
    ("family: a link-in-bio page to reach the sender", "連絡先はこちらから選んでください linktr.ee/aya_works", "external_site",
     "client", BEFORE),
    ("family: the profile's link to write from", "プロフィール欄にあるリンク先からご連絡ください", "external_site", "client", BEFORE),
    # a one-time code, unnamed, asked to be passed on
    ("family: a code that expires, sent on", "コードは3分で失効するので、届いたらすぐ送ってね", "personal_info", "client", BEFORE),
    ("family: the digits that arrived", "届いたら、その数字をここに貼るだけです", "personal_info", "client", BEFORE),
    # the money step in English, and money into the client's account first
    ("family: top up to trigger the pay", "top up the gap to trigger ur 3x commission", "upfront_payment", "client", BEFORE),
    ("family: top up to claim", "recharge 100 USDT to claim the bonus", "upfront_payment", "client", BEFORE),
    ("family: a transfer to our account checked first", "当社指定口座へのご入金を確認後、教材をお送りします", "upfront_payment", "client",
     BEFORE),
    # pressure: counted down, labelled, the pay made impossible
    ("family: a consequence counted down", "your account will be locked in 3 hours", "pressure", "client", BEFORE),
    ("family: lose everything unless done", "if the combo is not complete by 9pm u lose all earnings", "pressure", "client", BEFORE),
    ("family: a labelled deadline today", "手続きのお願い　期限：本日21:00", "pressure", "client", BEFORE),
    ("family: pay withheld after a time limit", "48時間以内に認証しない場合、出金できなくなります", "pressure", "client", BEFORE),
    # returns promised safe, fast, earned by others
    ("family: the fee back in the first month", "登録費は初月の報酬で余裕で回収できます", "unrealistic_offer", "client", BEFORE),
    ("family: no risk at all", "入金分は全額戻るのでリスクゼロです", "unrealistic_offer", "client", BEFORE),
    ("family: a daily income with the sign after", "u can make 500$/day from phone", "unrealistic_offer", "client", BEFORE),
    ("family: someone's first week", "Aya earned ¥48,000 in her first week 🎉", "unrealistic_offer", "client", BEFORE),
    ("family: easy money a day", "just likes and screenshots, easy 25k/day", "unrealistic_offer", "client", BEFORE),
    # tests before a contract
    ("family: a selection recording", "選考用に原稿2本を録音して頂きたいです", "work_before_escrow", "client", BEFORE),
    ("family: a trial piece with its size", "トライアル原稿（約600字）を訳して提出してください", "work_before_escrow", "client", BEFORE),
    ("family: a sample free of charge, its topic between", "pls write 1 sample on 'home loans in 2026' free of charge", "work_before_escrow",
     "client", BEFORE),
    ("family: no budget for the test", "sorry, no budget for test, everyone does it", "work_before_escrow", "client", BEFORE),
    ("family: a test unpaid in humble words", "テスト原稿をご執筆いただけますでしょうか。なお、テストへの報酬は発生いたしません。",
     "work_before_escrow", "client", BEFORE),
    # round two (tr230-tr237): the trades and senders
    ("family: a spaced name, 'that one'", "追加まだですか？ﾃﾚ ｸﾞﾗﾑ の方です", "off_platform_contact", "client", BEFORE),
    ("family: an app's nickname closed by its emoji", "紙飛行機のアプリ で✈️", "off_platform_contact", "client", BEFORE),
    ("family: a handle in quotes after its channel", "テレグラムで「desk_kobo22」まで", "contact_details", "client", BEFORE),
    ("family: Tencent Meeting with a time", "明天21点 腾讯会议 面试 ok?", "off_platform_contact", "client", BEFORE),
    ("family: a meeting's number in Chinese", "会议号 715 228 903 准时参加", "off_platform_contact", "client", BEFORE),
    ("family: a tool, a time and a briefing", "ｸﾞｰｸﾞﾙﾐｰﾄ 今夜20:00 ﾓﾆﾀｰ説明会", "off_platform_contact", "client", BEFORE),
    ("family: recharge, in Chinese words", "第5任務は先に5000円充値してから提现できます", "upfront_payment", "client", BEFORE),
    ("family: the job taken direct, in slang", "次からﾁｮｸで受けてもらえません？", "direct_deal", "client", AFTER),
    ("family: going around the platform, asked", "CWを通さずにお願いできませんか", "direct_deal", "client", BEFORE),
    ("family: next month's work around the platform", "来月分からはCW通さずで", "direct_deal", "client", AFTER),
    ("family: the difference paid aside", "契約は最低額にして、差額は振込でどうです？", "direct_deal", "client", AFTER),
    ("family: a bonus sent separately, in English", "we send u a small bonus for this one separately", "direct_deal", "client", AFTER),
    ("family: the bank's name and account number abbreviated", "just tell me ur bank name + acct no.", "personal_info", "client", AFTER),
    ("family: a fee said to exist, with its amount", "there is a small starter kit fee ¥3,980", "upfront_payment", "client", BEFORE),
    ("family: the fee earned back in the first week", "the kit fee is ¥3,980 but you earn it back in your first week", "unrealistic_offer",
     "client", BEFORE),
    # round three (tr238-tr245): more trades, English again
    ("family: a tool, a time and a check of the voice", "明後日20:30 meet 歌唱ﾁｪｯｸ", "off_platform_contact", "client", BEFORE),
    ("family: a length closed by で", "レビューの件、今夜22時 Zoom 10分で", "off_platform_contact", "client", BEFORE),
    ("family: a weekday in English", "zoom fri 20:00 JST", "off_platform_contact", "client", BEFORE),
    ("family: WeChat's slang", "続きはV信でお願いします", "off_platform_contact", "client", BEFORE),
    ("family: a step of hiring held in the app", "the interview will be on Telegram with our HR", "off_platform_contact", "client", BEFORE),
    ("family: more daily tasks in a group, after the contract", "for more daily task join our team group on telegram", "off_platform_contact",
     "client", AFTER),
    ("family: a large month for two hours a day", "support role, 2h/day, ¥300,000/month", "unrealistic_offer", "client", BEFORE),
    # eleventh session (tr246-tr253): a claim of permission before a one-line call, a reason before it,
    # a contract promised only to those who pass a test
    ("family: a permission claim, then a tool and a time", "運営許可済み　teams 19時", "off_platform_contact", "client", BEFORE),
    ("family: a reason, then the tool", "資料が重いのでdiscordで", "off_platform_contact", "client", BEFORE),
    ("family: a reason with から, then the tool and a time", "早いから 今夜 zoom", "off_platform_contact", "client", BEFORE),
    ("family: a test, and a contract only for those who pass", "課題1本お願いします。合格の方のみ契約します", "work_before_escrow",
     "client", BEFORE),
    ("family: passing a trial, then the contract", "トライアル通過者と本契約となります", "work_before_escrow", "client", BEFORE),
    ("family: a fee's page named, and the payment asked", "受講料の案内ページを見て、今日中にお振込みください", "upfront_payment",
     "client", BEFORE),
    ("family: passing on the platform, then the tool", "見送りの場合もLINEで一言ください", "off_platform_contact", "client", BEFORE),
    ("family: a worry answered in the tool", "報酬が不安な方はLINEでご相談ください", "off_platform_contact", "client", BEFORE),
]

# (family, text, sender, contract status)
WEAK_SPOT_PASSED = [
    ("look-alike: the meeting in the past", "Zoomでの面接練習の動画を編集してください", "client", BEFORE),
    ("look-alike: a voice check not needed", "スタジオでの声の確認は不要です。録音データをここに添付してください", "client", BEFORE),
    ("look-alike: a filter in the work", "メルマガの件名はスパムフィルターに引っかからないよう工夫してください", "client", BEFORE),
    ("look-alike: a product's code as the work", "商品が届いたらバーコードを読み取って在庫表に登録してください", "client", AFTER),
    ("look-alike: a portfolio on a link page", "ポートフォリオはプロフィールのリンク先から拝見しました", "client", BEFORE),
    ("look-alike: the client pays the worker's account", "報酬はご指定の口座へお振込みいたします", "client", AFTER),
    ("look-alike: a monthly payout schedule", "指定口座への振込は月末締め翌月払いです", "client", AFTER),
    ("look-alike: the writer's own small first week", "I earned $40 in my first week on the platform, so keep expectations low.", "client",
     BEFORE),
    ("look-alike: no budget, so no sample", "We have no budget for a sample this month, so we'll just review your portfolio.",
     "client", BEFORE),
    ("look-alike: topics listed after the article", "FAQ記事（入金・出金・手数料の受取条件）のリライトをお願いします", "client", BEFORE),
    ("look-alike: a reported contact", "弊社を名乗って「別案件へ」とLINEで連絡が来たというお問い合わせが増えています", "client", BEFORE),
    ("look-alike: a worker asks whether calls happen", "念のため伺いたいのですが、お電話でのやり取りは発生しますか？", "worker", BEFORE),
    ("look-alike: no pay until it fails", "If the sync is not complete, the job will be retried in 2 hours", "client", AFTER),
    ("look-alike: a call after the contract, escrow taken first", "契約後にZoomで30分ほど、報酬は仮払いで先にお預かりします。", "client",
     BEFORE),
    ("look-alike: a call placed after the contract by the next clause", "打ち合わせはZoomで行っていますが、それも契約後になります。",
     "client", BEFORE),
    ("look-alike: the message thread in English", "Until then, everything stays in this message thread.", "client", BEFORE),
    ("look-alike: copy for the client's own channel", "LINE公式アカウントで配信する店舗紹介文を書いていただける方を募集します。", "client",
     BEFORE),
    ("look-alike: the work's group shares product information", "スタッフが参加しているChatworkのグループで商品情報の共有を行っています。",
     "client", AFTER),
    ("look-alike: bookkeeping records as the data", "顧問先の領収書と通帳コピーを会計ソフトに入力していただきます。", "client", AFTER),
    ("look-alike: a form's field translated", "For the My Number field keep the label and add a note.", "client", AFTER),
    ("look-alike: the platform's own fee", "There is a platform fee of ¥500 that CrowdWorks deducts from the pay.", "client", BEFORE),
    ("look-alike: a repeat order paid on the platform", "差額はクラウドワークスで追加の仮払いをお願いします", "client", AFTER),
    ("look-alike: an interview held in the past", "the interview was on Zoom last week and it went well", "client", BEFORE),
    ("look-alike: onboarding after the contract", "After the contract, onboarding is on Slack.", "client", BEFORE),
    ("look-alike: a modest part-time month", "Part-time 2h/day, ¥40,000/month.", "client", BEFORE),
    ("look-alike: a test's results as the topic", "Zoomテストの結果を記事にまとめてください", "client", BEFORE),
    ("look-alike: a paid test, then the contract for those who pass",
     "テストは1本2,000円でクラウドワークス上で契約・仮払いします。合格者のみ本契約です", "client", BEFORE),
    ("look-alike: a screening of documents, then the contract", "書類選考を通過した方と契約します", "client", BEFORE),
    ("look-alike: a reason, then staying here", "資料が重いので、こちらのメッセージに分けて送ります", "client", BEFORE),
    ("look-alike: points refused as the pay", "報酬はポイントではなく円で、CrowdWorksから支払われます", "client", BEFORE),
    ("look-alike: a fee in the text to rewrite", "入会金（一括・分割）の説明文を読みやすく直してください", "client", BEFORE),
    ("look-alike: a fee describing what is compared", "教材費がかかる講座の比較表を作ってください", "client", BEFORE),
    ("look-alike: a worker declines a direct deal", "直接のお取引のご提案は辞退させてください", "worker", BEFORE),
    ("look-alike: a worker passes on a call", "Zoomでの面談は見送らせていただきます", "worker", BEFORE),
    ("look-alike: a worker asks what was meant, without a question mark",
     "今後は直接というのは、クラウドワークスを通さない契約という意味でしょうか", "worker", BEFORE),
    ("look-alike: a worker worried about the move", "個人口座への直接振込は不安なので、仮払いでお願いします", "worker", BEFORE),
    ("look-alike: a worker quotes the rule against it", "Payment outside CrowdWorks is against the rules.", "worker", BEFORE),
]
