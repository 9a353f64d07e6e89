"""The eighth session's families, read by the rules alone (table-driven). They came from training
threads written one moment of a job's life at a time (tr149-tr172: the scout, the application, the
terms, the work after the contract, the payment, the repeat order, the trouble), in messages as terse
as they are received. Texts are written for this table, never copied from a corpus; each family has
lures the rules must flag and look-alikes they must pass, with the sender and the contract status of
the moment. Read by tests/service/test_phase_families.py."""

BEFORE, AFTER = "before_contract", "contracted"

# (family, text, category, sender, contract status)
PHASE_FLAGGED = [
    # a chat app named where its contact is handed over: the channel itself is flagged, not only the ID
    ("family: an app and its number", "Viber pls  +44 7700 900515", "off_platform_contact", "client", BEFORE),
    ("family: an app and its invite link", "ディスコード。discord.gg/Qk82mTz 入ったら名前言って", "off_platform_contact", "client", BEFORE),
    ("family: an app described, its handle given", "our editor sends the briefs on Telegram, add @kai_brief_desk", "off_platform_contact",
     "client", BEFORE),
    ("family: an app's colour as an emoji", "詳細は💚のアプリでお送りします", "off_platform_contact", "client", BEFORE),
    ("family: an app's name translated", "続きは電報のアプリで", "off_platform_contact", "client", BEFORE),
    ("family: the plane in kana", "面談は紙ひこうきのアプリで", "off_platform_contact", "client", BEFORE),
    # the reader's tasks sent out in a channel, or a group for more work said to exist
    ("family: tasks sent out in a channel", "来週からの案件はテレグラムのグループで配信しています", "off_platform_contact", "client", BEFORE),
    ("family: a group for more work exists", "もっと稼げるお仕事を回してるオプチャあります", "off_platform_contact", "client", BEFORE),
    ("family: the platform said to watch", "ここは運営に見られてるので別で話しましょう", "off_platform_contact", "client", BEFORE),
    ("family: a call by its length, in English", "can we do a 20 min zoom tomorrow before I send the offer?", "off_platform_contact",
     "client", BEFORE),
    ("family: a spaced ID word", "I D：mk_works88 追加で", "contact_details", "client", BEFORE),
    # after the contract: more work, pay or a sign-up outside stays a risk (RUBRIC.md)
    ("family: more jobs handed out in a channel, after the contract", "CWに出せない高単価の案件は緑のアプリで配信しています",
     "off_platform_contact", "client", AFTER),
    ("family: pay handled in a group, after the contract", "報酬の受け取りはグループで手続きしてください https://line.me/ti/g2/Qm3xVb",
     "contact_details", "client", AFTER),
    ("family: registering for more jobs, after the contract", "登録すると高単価の案件が届きます https://partner-jobs.example/entry",
     "external_site", "client", AFTER),
    ("family: more work in an outside group, in English", "we have more work than we can post here, join our group t.me/+Xk29LmQ",
     "contact_details", "client", AFTER),
    ("family: an identity check before pay, in English", "before we release your payment please verify your identity → https://verify-payout.net/jp",
     "external_site", "client", AFTER),
    ("family: a payment app accepted", "LINE Payでも大丈夫です", "direct_deal", "client", AFTER),
    ("family: a payment app's account", "PayPayのIDに送りますね", "direct_deal", "client", AFTER),
    ("family: an amount sent by an app", "レビュー書いてくれたらPayPayで500円お送りします", "direct_deal", "client", AFTER),
    ("family: skipping the platform for its cut, in English", "next order lets skip crowdworks, their 20% cut hurts", "direct_deal",
     "client", AFTER),
    ("family: no need for the platform, in English", "from now on no need to go through crowdworks, they take 20%", "direct_deal",
     "client", AFTER),
    ("family: the next one, casually", "次のやつはCW通さずで", "direct_deal", "client", AFTER),
    ("family: an extra piece unpaid, after the contract", "追加でお試し1本だけ無償で", "work_before_escrow", "client", AFTER),
    ("family: escrow late, work now", "仮払いが来週になるので先に2本書き始めてください", "work_before_escrow", "client", AFTER),
    ("family: the work asked unpaid without a verb", "皆さんに無償でお願いしているので例外は難しいです", "work_before_escrow", "client",
     BEFORE),
    # money back larger than what was put in
    ("family: more back than put in", "2万入れたら3万返ってきます", "unrealistic_offer", "client", BEFORE),
    ("family: more back than put in, with an arrow", "保証金3,000円→5,000円で返金", "unrealistic_offer", "client", BEFORE),
    ("family: a percentage on top", "立て替えた分は翌日15%上乗せで返金です", "unrealistic_offer", "client", BEFORE),
    ("family: more back than put in, in English", "3000 yen first, u get 4500 back", "unrealistic_offer", "client", BEFORE),
    ("family: comes back as more, in English", "top up 5,000 yen, it comes back as 6,500 tonight", "unrealistic_offer", "client", BEFORE),
    ("family: the overpayment sent back", "I paid you too much, please send back the difference via Wise", "upfront_payment",
     "client", AFTER),
    # pressure: what is lost, a threat, a discount that ends
    ("family: pay withheld after a deadline", "明日中に送ってもらえないと今月分は払えなくなります", "pressure", "client", AFTER),
    ("family: a threat against telling the platform", "運営に言ったらアカウント止まりますよ", "pressure", "client", BEFORE),
    ("family: a consequence disowned", "報酬が没収されても知らないよ", "pressure", "client", BEFORE),
    ("family: a threat to tell other clients", "そんな態度なら他のクライアントにも共有しておきます", "pressure", "client", BEFORE),
    ("family: a discount that ends today", "本日中なら登録料半額です", "pressure", "client", BEFORE),
    ("family: recruiting today only", "今日だけ募集です", "pressure", "client", BEFORE),
    ("family: slots until a weekday", "枠は今週金曜まで", "pressure", "client", BEFORE),
    ("family: a task not done, in English", "if the set is not completed in 30 minutes your account freezes", "pressure", "client",
     BEFORE),
]

# (family, text, sender, contract status): no risk warning at all
PHASE_PASSED = [
    ("look-alike: an app and a dummy number", "資料の電話番号欄は WhatsApp: +1 000-000-0000 のような形式で", "client", BEFORE),
    ("look-alike: an app's invite link to fill in later", "Discord botの文面です。招待リンクは discord.gg/xxxxxx のままで大丈夫です", "client", BEFORE),
    ("look-alike: the client's broadcasts as its business", "クーポンはLINE公式アカウントで配信しています。そのバナーの制作です", "client", BEFORE),
    ("look-alike: a group for this job, after the contract", "本案件のメンバーでChatworkのグループあります", "client", AFTER),
    ("look-alike: a refusal, in English", "I'd rather not move to Telegram before there's a contract.", "worker", BEFORE),
    ("look-alike: a refusal with I'm not, in English", "I'm not moving to WhatsApp, let's keep it on CrowdWorks.", "worker", BEFORE),
    ("look-alike: asking whether it is required", "グループへの参加は必須ですか？", "worker", BEFORE),
    ("look-alike: a posting's words read back", "「連絡はSlack」とありますが、契約前にIDは必要ですか？", "worker", BEFORE),
    ("look-alike: a lure quoted as the point of suspicion", "「紙飛行機のアプリで案内」って時点で怪しいので事務局に確認します", "worker", BEFORE),
    ("look-alike: a warning that lists lures", "弊社を騙るアカウントから「面接はLINEで」「IDを追加して」といったメッセージが届いているようです", "client", BEFORE),
    ("look-alike: contact said not to happen", "弊社からLINEでご連絡することはなく、やり取りはすべてこちらで行います", "client", BEFORE),
    ("look-alike: the client's records shown", "口座の明細はご契約後に会計ソフトで閲覧していただく形です", "client", BEFORE),
    ("look-alike: the platform's direct order", "次回も直接お願いしたいので、指名でオファーを送りますね", "client", AFTER),
    ("look-alike: the client's own act announced", "今日中にクラウドワークスで契約して仮払い入れますね", "client", BEFORE),
    ("look-alike: the payment through the platform, in English",
     "I'll send the bonus as an extra payment on CrowdWorks, so it lands in the bank account you registered there.", "client", AFTER),
    ("look-alike: a login handed over, in English", "the temp password comes by Slack DM, pls change it on first login", "client", AFTER),
    ("look-alike: a reference link, in English", "For tone, have a look at a few posts here: https://cafe-blog.example/en/ (nothing to sign up for)",
     "client", BEFORE),
    ("look-alike: a payment app's QR as design", "レジ横POPにPayPayと楽天ペイのQRコードを並べてください", "client", BEFORE),
    ("look-alike: free revisions offered", "修正は2回まで無償で対応いたします。", "client", BEFORE),
    ("look-alike: a refund without gain", "返品の場合、500円で返金されます", "client", BEFORE),
    ("look-alike: a recorded session to edit", "I recorded a zoom session last week, can you edit it?", "client", BEFORE),
]
