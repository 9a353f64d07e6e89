"""Tests of the unrealistic_offer detector: easy-money and unrealistic income claims.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks
from _money_lookalikes import MONEY_AND_DATA_LOOKALIKES

from cwguard.detectors.unrealistic_offer import DETECTOR, RULES
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    # third round, terse families: pay in more earn more, a deposit back multiplied or at once, a
    # yield per day, a quick payback, English income claims, money for an account or a sign-up
    ('多く入金するほど報酬率UP', '多く入金するほど報酬', 'client', 'before_contract'),
    ('入金額が多いほどリターンも大きくなります', '入金額が多いほどリターン', 'client', 'before_contract'),
    ('たくさんチャージするほど配当率がアップします！', 'たくさんチャージするほど配当', 'client', 'before_contract'),
    ('The more you deposit, the more you earn.', 'The more you deposit, the more you earn', 'client', 'before_contract'),
    ('Bigger top-ups mean higher commission.', 'Bigger top-ups mean higher commission', 'client', 'before_contract'),
    ('投資額が大きいほど利益も倍増します', '投資額が大きいほど利益', 'client', 'before_contract'),
    ('deposit more = higher commission', 'deposit more = higher commission', 'client', 'before_contract'),
    ('Lv2は入金額の1.5倍返金です', '1.5倍返金', 'client', 'before_contract'),
    ('保証金1万円をチャージすると、完了後すぐに12,000円が戻ってきます', '12,000円が戻って', 'client', 'before_contract'),
    ('5万入金で6万5千円返金🎁', '6万5千円返金', 'client', 'before_contract'),
    ('入金確認後すぐ全額出金できます', 'すぐ全額出金でき', 'client', 'before_contract'),
    ('送金した額が倍になって返ってきます', '倍になって返って', 'client', 'before_contract'),
    ('Task 2 needs a deposit of $200, you get $260 back after completing.', 'get $260 back', 'client', 'before_contract'),
    ('top up 100 USDT, finish 3 orders and withdraw 130 USDT', 'withdraw 130 USDT', 'client', 'before_contract'),
    ('入金すると毎日3%配当です', '毎日3%配当', 'client', 'before_contract'),
    ('USDTを購入すると1日で20%の利益が出ます', '1日で20%の利益', 'client', 'before_contract'),
    ('日利2%で毎日増えていきます', '日利2%', 'client', 'before_contract'),
    ('VIP members get 30% commission on every order after you top up.', 'get 30%', 'client', 'before_contract'),
    ('lvl 3 gets 30%, deposit to upgrade', 'gets 30%', 'client', 'before_contract'),
    ('教材費29,800円だけご負担いただきますが、1件目の案件ですぐ回収できます。', '1件目の案件ですぐ回収でき', 'client', 'before_contract'),
    ('保証金は初月の報酬ですぐ回収できますのでご安心ください。', 'すぐ回収でき', 'client', 'before_contract'),
    ('はい、ご本人名義でお申込みください。案件1本で回収できます', '案件1本で回収でき', 'client', 'before_contract'),
    ('コミュニティは月額3,000円ですが、1件受ければ元取れます。', '1件受ければ元取れ', 'client', 'before_contract'),
    ('Earn $500 a day from your phone.', 'Earn $500 a day', 'client', 'before_contract'),
    ('Hi! easy data job, $300/day 🔥 no experience', '$300/day 🔥 no experience', 'client', 'before_contract'),
    ('start earning $300 a day right away', 'earning $300 a day', 'client', 'before_contract'),
    ('Our app-rating project pays 3,000–8,000 JPY a day.', 'pays 3,000–8,000 JPY a day', 'client', 'before_contract'),
    ('Make ¥20,000 daily from home, no skills needed.', 'Make ¥20,000 daily', 'client', 'before_contract'),
    ('$250/day, just follow simple steps!', '$250/day, just follow', 'client', 'before_contract'),
    ('仮想通貨取引所のアカウントを作るだけで5,000円の報酬が出ます。', 'アカウントを作るだけで5,000円', 'client', 'before_contract'),
    ('口座を1つ開設するだけで報酬2万円', '口座を1つ開設するだけで報酬', 'client', 'before_contract'),
    ('1口座につき3万円お支払いします', '1口座につき3万円', 'client', 'before_contract'),
    ('アンケート回答のお仕事♪ 登録だけで報酬アリ✨', '登録だけで報酬', 'client', 'before_contract'),
    ('作業は1日10分だけ、あとは放置でも収益が入ってきます。', '放置でも収益が入って', 'client', 'before_contract'),
    ('寝ていてもお金が入ってくる仕組みです', '寝ていてもお金が入って', 'client', 'before_contract'),
    ('先着10名限定!在宅で月収40万円のノウハウ教えます', '月収40万円', 'client', 'before_contract'),
    ('慣れた方は月10万円以上になっていますよ！', '月10万円以上になっています', 'client', 'before_contract'),
    ('在宅で月80万円！スマホ一台あれば大丈夫、1日15分の作業です。', '月80万円', 'client', 'before_contract'),
    ('日給3万円も。誰でもできるタップ作業です。', '日給3万円', 'client', 'before_contract'),
    ('週5万円！コピペ作業だけで完結します。', '週5万円', 'client', 'before_contract'),
    ('月収50万円を達成した主婦の方も。作業はほったらかしでOK。', '月収50万円', 'client', 'before_contract'),
    ('副業で月20万。完全在宅で簡単です。', '月20万', 'client', 'before_contract'),
    ('この案件は不労所得の仕組みで、寝ながら月10万円も可能です。', '不労所得', 'client', 'before_contract'),
    ('当ブログは権利収入の仕組みづくりの一部で、放置で月15万円入ります。', '権利収入', 'client', 'before_contract'),
    ('主婦の方でも在宅で月収30万円以上が可能です！', '月収30万円', 'client', 'before_contract'),
    ('1日たった15分の作業で月5万円の副収入に。', '15分', 'client', 'before_contract'),
    ('不労所得を手に入れませんか？', '不労所得', 'client', 'before_contract'),
    ('初心者でも3ヶ月で月収100万円を達成した方もいます。', '月収100万円', 'client', 'before_contract'),
    ('誰でもカンタンに稼げる副業です。', '稼げ', 'client', 'before_contract'),
    ('日給3万円保証！スマホ1台でOK', '日給3万円保証', 'client', 'before_contract'),
    ('寝ている間に勝手に稼げる仕組みです。', '寝ている間', 'client', 'before_contract'),
    ('初期費用は1週間で元が取れます。', '元が取れ', 'client', 'before_contract'),
    ('年収1000万円も夢ではありません。', '夢ではありません', 'client', 'before_contract'),
    ('【初心者歓迎】スマホだけで1日5分！簡単な画像加工で月10万円も夢じゃありません😊', 'スマホだけで', 'client', 'before_contract'),
    ('未経験でも1日30分で月20万円可能です。', '月20万円', 'client', 'before_contract'),
    # third session: a fee or deposit promised back with the pay, Japanese and English; the yield named first
    ('保証金1万円は初回の出金と一緒に返金されます', '出金と一緒に返金', 'client', 'before_contract'),
    ('手数料は報酬に上乗せして全額お返しします', '報酬に上乗せして全額お返し', 'client', 'before_contract'),
    ('pay the 25 USD unlock fee now, it will come back with your first payout', 'it will come back with your first payout', 'client', 'before_contract'),
    ('recharge 300 USDT → profit 40% per round', 'profit 40%', 'client', 'before_contract'),
    ('入金額に応じて報酬率アップ！', '入金額に応じて報酬', 'client', 'before_contract'),
    ('your reward is based on your top-up, VIP gets more', 'reward is based on your top-up', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # third round: refusals and warnings, Japanese and English (「費用は一切いただきません」"You need to pay nothing")
    *MONEY_AND_DATA_LOOKALIKES,
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    # counts, not money, after 万
    # third round: look-alikes (honest rates, refunds of what was paid, fees taken, forms collected,
    # the work's subject)
    ('返品の場合は500円が返金されます。', 'client', 'before_contract'),
    ('保証金はありません。', 'client', 'before_contract'),
    ('報酬はすぐ出金できるわけではありません。', 'client', 'before_contract'),
    ('保証金1万円は1ヶ月後に全額返金します', 'client', 'before_contract'),
    ('商品到着後、立替分は翌月返金いたします。', 'client', 'before_contract'),
    ('CrowdWorks takes a 20% commission on every order.', 'client', 'before_contract'),
    ('開封率は60%前後です。', 'client', 'before_contract'),
    ('「月利3%の利益」をうたう投資詐欺の手口についての記事です。', 'client', 'before_contract'),
    ('システム利用料は20%です。', 'client', 'before_contract'),
    ('税率10%でお願いします。', 'client', 'before_contract'),
    ('機材費は3か月で回収できるものではありません。', 'client', 'before_contract'),
    ('アンケート用紙はすぐ回収できます。', 'client', 'before_contract'),
    ('未回収の売掛金の回収をお願いします。', 'client', 'before_contract'),
    ('登録料は初回の報酬でほぼ回収できます。', 'client', 'before_contract'),
    ('We pay $20 per hour for this translation.', 'client', 'before_contract'),
    ('The budget is $300 for the whole project.', 'client', 'before_contract'),
    ('Please deliver 2 articles a day.', 'client', 'before_contract'),
    ('Rate: 1,500 JPY per article, about 5 articles a week.', 'client', 'before_contract'),
    ('会員登録フォームの作成をお願いします。1件50円です。', 'client', 'before_contract'),
    ('アプリをダウンロードするだけで報酬がもらえるという広告の危険性について記事をお願いします。', 'client', 'before_contract'),
    ('アンケートに答えるだけの簡単なお仕事です。1件30円です。', 'client', 'before_contract'),
    ('放置されている記事のリライトをお願いします。', 'client', 'before_contract'),
    ('月10万円以上のご発注は難しいです。', 'client', 'before_contract'),
    ('年収400万円以上の方向けの転職記事を書いてください。', 'client', 'before_contract'),
    ('誰でもできる入力作業です。1日2万字程度を想定しています。', 'client', 'before_contract'),
    ('月10万PVのメディアです。未経験でも歓迎します。', 'client', 'before_contract'),
    ('スマホだけで月5万人が見ているアプリの翻訳です。', 'client', 'before_contract'),
    ('完全在宅・月15万円（週30時間稼働）の開発案件です。', 'client', 'before_contract'),
    ('報酬は月3万円です。1日30分程度の作業を想定しています。', 'client', 'before_contract'),
    ('予算は50万円です。スマホだけで確認できます。', 'client', 'before_contract'),
    ('12月1日に5万円お支払いします。1日10分程度の確認作業です。', 'client', 'before_contract'),
    ('月20万円ほどの案件です。作業はパソコンで行います。', 'client', 'before_contract'),
    ('「不労所得の仕組みと注意点」というテーマで記事を書いてください。', 'client', 'before_contract'),
    ('不労所得の仕組みについての記事を3本お願いします。', 'client', 'before_contract'),
    ('報酬は月3万円〜です。', 'client', 'before_contract'),
    ('文字単価1円、月10本で約3万円の想定です。', 'client', 'before_contract'),
    ('月に10万円程度のご発注が可能です。', 'client', 'before_contract'),
    ('1日2時間程度の作業時間を想定しています。', 'client', 'before_contract'),
    ('未経験の方も歓迎しますが、研修はございません。', 'client', 'before_contract'),
    ('スマホでの撮影が必要です。', 'client', 'before_contract'),
    ('スマホだけで作業が完結します。', 'client', 'before_contract'),
    ('副業の始め方についての記事を書いてください。テーマは「月5万円稼ぐ方法」です。', 'client', 'before_contract'),
    ('月30万円は現実的ではないと思います。', 'worker', 'before_contract'),
    ('誰でもわかる文章でお願いします。', 'client', 'before_contract'),
    ('簡単な作業ですが、丁寧さが求められます。', 'client', 'before_contract'),
    ('ご契約から5日以内に納品をお願いします。', 'client', 'before_contract'),
    ('月4〜6本、1本あたり3,000字です。', 'client', 'before_contract'),
    ('誰でも稼げるわけではありません。', 'client', 'before_contract'),
    # third session look-alikes: pay coming back with nothing paid in, a fee taken, a reward set by the work
    ('交通費は報酬と一緒にお支払いします。', 'client', 'before_contract'),
    ('修正版は報酬と一緒に戻ってきますか？', 'client', 'before_contract'),
    ('The draft comes back with your payout statement.', 'client', 'before_contract'),
    ('CrowdWorks keeps a service fee: commission 20% of each order.', 'client', 'before_contract'),
    ('Your reward is based on the number of articles.', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


def test_the_rules_treated_apart_are_named_by_their_fields():
    assert [r.id for r in RULES if r.large_income] == ["large_income_made_easy"]
    assert [r.id for r in RULES if r.needs_earning] == ["effortlessness_beside_earning"]
    assert [r.id for r in RULES if r.needs_payment] == [
        "own_money_comes_back", "english_quick_payback", "fee_back_with_the_pay", "english_fee_back_with_the_pay"]


def test_effortlessness_is_read_after_every_claim_it_may_lean_on():
    """A rule that needs earning words accepts a match after another rule found a claim in the
    message, so it comes after all of them."""
    order = [r.needs_earning for r in RULES]
    assert order == sorted(order)


def test_its_vocabulary_groups_have_a_reason_and_words():
    for key in vocab.groups("ja", "offers"):
        assert vocab.words("ja", "offers", key), key
