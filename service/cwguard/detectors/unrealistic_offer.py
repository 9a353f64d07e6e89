"""unrealistic_offer: easy-money or unrealistic income claims.

An ordinary client states a rate (「1記事3,000字で1,500円」「報酬は月2万円」); a lure states what
the reader will earn and how little it takes (「誰でも簡単に月収50万」「スマホだけで1日5分」
「月10万円も夢じゃない」「1か月で回収できる」). Shapes:

1. an income with a claim: 「月30万円を目指せる」「月5万円以上稼げます」「月30万円も可能」;
2. anyone can earn: 「誰でも月5万円」「未経験でも…月20万円」;
3. effortlessness next to money: 「スマホだけで」「1日5分」「投稿するだけで月収50万円」
   (only when the message also speaks of earning);
4. stock phrases: 「確実に稼げる」「不労所得」「ほったらかしで」;
5. a quick payback of what the reader pays: 「1か月で回収できる」「すぐ回収できます」「1件受ければ元取れます」;
6. a return on money put in: "pay in more, earn more" (「多く入金するほど報酬率UP」), a deposit back
   multiplied or at once (「入金額の1.3倍返金」「13,000円が戻ってきます」「すぐ全額出金できます」), a yield
   per day (「毎日3%配当」「VIP members get 30% commission」), only where the reader deposits;
7. money for an account or a sign-up (「アカウントを作るだけで5,000円」「1口座につき3万円」);
8. in English, an income a day stated with earn/make/pays or with no experience asked
   (「Earn $500 a day from your phone」「$300/day no experience」).

Not a claim: a rate or budget (「月2万円でいかがでしょうか」「月5万円程度の発注が可能です」),
the worker's doubts (「月30万円は現実的ではない」).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ..lang.ja import follow_ups
from ._cues import (
    AMOUNT,
    RuleDetector,
    about_the_work,
    job_topic,
    occurs_in_message,
    refused_around,
    reported,
    sentence,
    span_of,
)

# (the first month as the period: 「初月から10万保証します」, round 18)
_PERIOD = r"(?:月収|月給|月商|日給|日収|年収|時給|月に|月々|毎月|初月から|初月で|初月|月|1か月で?|1ヶ月で?|ひと月で?|1日で?|日に|週に|週)"
# a range's low end may come first (「月15〜30万円めざせます」, tr183)
_INCOME = rf"(?:{_PERIOD}\s?(?:最低|平均|最大|安定して|コンスタントに|楽に|簡単に|平均で|で)?\s?(?:\d{{1,3}}(?:[.,]\d+)?\s?万?\s?[〜~～\-–]\s?)?{AMOUNT})"
# Vocabulary: lang/ja/offers.json.
_CLAIM = f"(?:{vocab.words('ja', 'offers', 'claims')})"
_DEVICE = f"(?:{vocab.words('ja', 'offers', 'devices')})"
_EASY = (
    rf"{_DEVICE}(?:\s?1台|\s?ひとつ|\s?一つ)?\s?(?:だけ|のみ)(?:で)?|"
    rf"{vocab.words('ja', 'offers', 'easy_account_acts')}|"
    r"1日\s?(?:たった|わずか|ほんの)?\s?\d{1,2}\s?分(?:だけ|程度|ほど|から)?|スキマ時間(?:だけ)?で|"
    r"(?:する|て|投稿する|貼る|コピペする|答える|押す|送る|見る|読む)だけで"
)
# A headline lure spreads its parts over short sentences: 「副業で月80万！スマホ1台、1日15分の作業だけ」.
# A large income for a period is a lure when the message also promises ease within a bounded
# window around it (either side, across sentence ends).
_BIG_PERIOD = r"(?:月収|月給|月商|日給|日収|年収|週給|月に|月々|毎月|月|1か月で?|1ヶ月で?|ひと月で?|1日で?|日に|1日|日|週に|週|年に|年)"
_BIG_INCOME = (
    rf"(?<![\d,.万月年])(?P<period>{_BIG_PERIOD})\s?(?:最低|平均|最大|安定して|コンスタントに|平均で|で|に)?\s?"
    r"(?P<n>\d{1,4}(?:\.\d)?|[一二三四五六七八九十百]{1,3})\s?万"
    # money, not a count: 「1日2万字」「月10万PV」「月5万人」
    r"(?!\s?(?:[字件回人点枚本部個語名社台]|文字|再生|pv|フォロワー|ユーザー|ダウンロード|dl|いいね|ビュー|アクセス|部数|セッション))"
)


# Chat amounts with no currency: 「15k/day」, and the Japanese 万 written 「man」 (「3~5man/week」).
_EN_SLANG_AMOUNT = r"\d{1,3}(?:\.\d)?\s?k(?![a-z])|\d{1,2}(?:\s?[-–~]\s?\d{1,2})?\s?man(?![a-z])"
# An amount or a range of amounts in English (「$300」「3,000–8,000 JPY」「120-300 USD」「15k」).
# (the sign may follow the number: 「800$/day」, tr226)
_EN_RANGE = (r"(?:[$¥€£]\s?\d[\d,]{0,9}(?:\s?[-–~]\s?[$¥€£]?\s?\d[\d,]{0,9})?(?:\s?(?:usd|jpy|yen|usdt))?|\d[\d,]{0,9}(?:\s?[-–~]\s?\d[\d,]{0,9})?\s?"
             r"(?:usd|jpy|yen|usdt|dollars?|円|[$¥€£])|" + _EN_SLANG_AMOUNT + ")")
# A month's pay large for an hour or two a day: ¥100,000 or more, or a thousand dollars or more.
# An income counted per day or week, after its amount (「$300/day」「20k a week」): how a lure counts it.
_EN_PER_SHORT_PERIOD = rf"(?:/|a\s|per\s|every\s)\s?(?:{vocab.words('en', 'offers', 'short_periods')})"
_EN_BIG_MONTHLY = r"(?:¥\s?(?:\d{3},\d{3}|\d{6,9})|(?:\d{3},\d{3}|\d{6,9})\s?(?:jpy|yen)|[$€£]\s?\d[\d,]{3,9}|\d[\d,]{3,9}\s?(?:usd|usdt))"
_TRIVIAL = f"(?:{vocab.words('ja', 'offers', 'trivial_acts')})"
# One small act counted, and a hundred yen and more for it (「1いいね300円」).
_TAP = f"{vocab.words('ja', 'offers', 'paid_taps')}|(?<![a-z])(?:{vocab.words('en', 'offers', 'paid_taps')})s?(?![a-z])"
# (not an advert's price per click: 「1クリック100円の広告単価」)
_HUNDREDS_YEN = r"(?:[1-9]\d{2,4}|\d{1,3},\d{3})\s?円(?!\s?(?:の)?\s?(?:広告|単価|cpc|費|コスト))"
# A job pitch's pay or offer in the message: what makes a trivial act a paid promise.
_PITCH = compile_pattern(rf"{AMOUNT}|報酬|お仕事|副業|案件|円")


@dataclass(frozen=True, slots=True)
class OfferRule(Rule):
    """A rule of this detector, with what its context check needs to know about it."""
    # The match names an income for a period (groups `period` and `n`): a lure only when the
    # income is large for side work and ease is promised nearby (`_large_income_made_easy`).
    large_income: bool = False
    # Effortlessness alone (「スマホだけで」「1日5分」): a lure only next to money, words of earning in
    # the message or another claim already found in it.
    needs_earning: bool = False
    # A payback (「すぐ回収できます」): a promise about money only in a message that speaks of money
    # (「アンケート用紙はすぐ回収できます」 collects forms, not money).
    needs_money: bool = False
    # A return on money the reader puts in (「13,000円が戻ってきます」「you get ¥39,000 back」): a
    # promised profit only in a message where the reader deposits or tops up (`_DEPOSIT_CONTEXT`).
    needs_deposit: bool = False
    # A fee said to come back with the pay (「登録料は報酬と一緒に戻ってきます」「it comes back with your
    # payout」): a promise only where the reader pays something (a deposit or a fee, `_PAYMENT_CONTEXT`).
    needs_payment: bool = False
    # A trivial act (「見るだけ」): a promise only in a pitch that names pay or a job (`_PITCH`).
    needs_pitch: bool = False


RULES: tuple[OfferRule, ...] = (
    OfferRule(
        id="income_with_claim",
        # (「くらい」 too: 「うちのメンバーは在宅で月15万くらい普通に出てます」, tr303)
        pattern=rf"(?P<s>{_INCOME}\s?(?:以上|超え?|オーバー|前後|も|を|が|は|くらい|ぐらい){{0,2}}\s?{_CLAIM})",
        examples=("記事を書くだけで誰でも月30万円を目指せるお仕事です。", "在宅で月15万くらい普通に出てます"),
        counter_examples=(
            "月30万円を目指すのは現実的ではないと思います。",
            "月3万円でのご依頼が可能です。",
        ),
        reason="an income with a claim (dev-044, dev-043, dev-035)",
    ),
    OfferRule(
        id="anyone_can_earn",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'offers', 'anyone_openers')})[^。!?\n]{{0,16}}?(?:{_INCOME}|稼げ|稼ぐ))",
        examples=("コツコツやれば誰でも月5万円いけますよ！",),
        counter_examples=(
            "誰でも稼げるわけではありません。",
            "未経験でも歓迎しますが、報酬は1記事1,000円です。",
        ),
        reason="anyone can earn (dev-035 m3, dev-060)",
    ),
    OfferRule(
        id="effortless_income",
        pattern=rf"(?P<s>(?:{_EASY})[^。!?\n]{{0,12}}?(?:{_INCOME}|稼げ|稼ぐ|収入))",
        examples=("スマホで画像を投稿するだけで月収50万円も目指せる案件です。",),
        counter_examples=(
            "スマホだけで作業が完結します。報酬は1件50円です。",
            "見るだけで稼げるという話は信じないでください。",
        ),
        reason="effortless and paid (dev-052 m1)",
    ),
    OfferRule(
        id="easy_money_stock_phrase",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'offers', 'easy_adverbs')})[^。!?\n、]{{0,6}}?稼[げぐ]|"
        rf"{vocab.words('ja', 'offers', 'stock_phrases')}|"
        rf"(?:{vocab.words('ja', 'offers', 'easy_adverbs')})(?:{vocab.words('ja', 'offers', 'money_flowing_in')}))",
        examples=("誰でも簡単に稼げる副業です。",),
        counter_examples=(
            "不労所得についての解説記事を3本お願いします。",
            "確実に稼げる方法はありません。",
        ),
        reason="stock easy-money phrases",
    ),
    OfferRule(
        id="quick_payback",
        pattern=rf"(?P<s>{follow_ups.payback_claim()})",
        examples=(
            "はい、マニュアル代は初期投資です。1か月で回収できる方がほとんどです。",
            "初月の報酬ですぐ回収できますのでご安心ください。",
            "はい、ご本人名義でお申込みください。案件1本で回収できます👍",
            "月額3,000円ですが、1件受ければ元取れます。",
            "登録料5,000円です。1週間で全然回収できますよ😊",
        ),
        counter_examples=(
            "機材費は3か月で回収できるものではありません。",
            "初期費用の回収期間についての記事をお願いします。",
            "登録料は初回の報酬でほぼ回収できます。",
        ),
        reason="a quick payback of what the reader pays: in months, at once, with the first job (dev-052 m3, tr2-0004, tr8-017)",
        needs_money=True,
    ),
    # --- returns on money put in: the task and investment scams (tr2, tr3, tr5, tr6, tr13) ---------
    OfferRule(
        id="pay_in_more_earn_more",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'pay_in_more')})[^。!?\n]{{0,14}}?"
        r"(?:報酬|利益|リターン|還元|配当|率|倍|アップ|up|上が|増え|大き|高く|多く|稼|儲|コミッション))",
        examples=("多く入金するほど報酬率UP", "入金額が大きいほど報酬率UPです！10万入金で13万返金🎁",
                  "いれればいれるほど稼げます", "2回目からは購入額が大きいほどコミッションUPします"),
        counter_examples=("記事を多く書くほど単価がアップします。", "入金額が大きいほど報酬率が上がるという話は詐欺です。"),
        reason="\"pay in more, earn more\" (tr9-003, tr3-0071, tr6-003)",
    ),
    OfferRule(
        id="english_pay_in_more_earn_more",
        pattern=rf"(?P<s>(?<![a-z])(?:(?:{vocab.words('en', 'money', 'pay_in_more')})|"
        r"(?:deposit|top[- ]?up|recharge|invest|pay in|put in) more)[^.!?\n]{0,30}?"
        r"(?:earn|make|get|receive|commission|profit|return|reward|income|bonus)|"
        # the reward named first: 「your commission is based on your deposit」
        r"(?:commission|profit|return|reward|payout|earning)s?\s(?:rate\s)?(?:is\s|are\s|will be\s|grows?\s)?"
        rf"(?:{vocab.words('en', 'money', 'pay_in_more')}))(?![a-z])",
        examples=(
            "The more you deposit the more you earn",
            "higher deposit = higher commission",
            "deposit more = higher commission.",
            "Your commission rate is based on your deposit.",
            "higher VIP higher commission 🚀",
        ),
        counter_examples=("The more you write, the more you earn.", "Your commission is based on the number of articles."),
        lang="en",
        reason="in English: \"pay in more, earn more\" (tr2-0003, tr3-0021, tr13-003)",
    ),
    OfferRule(
        id="multiplied_return",
        # (the factor also written as a product: 「入れた分x1.3で戻ります」, round 14)
        pattern=r"(?P<s>(?:\d{1,3}(?:\.\d{1,2})?\s?倍|倍|(?<![a-z0-9])[x×]\s?\d{1,2}(?:\.\d{1,2})?(?![\d.]))\s?"
        # (what comes back, not the worker told to send something back: 「x2で戻して」)
        r"(?:に(?:なって)?|の|で|として)?\s?(?:返金|戻(?!して|す|し|せ)|返って|返還|払い戻|キャッシュバック|になって))",
        examples=("Lv2は入金額の1.3倍返金", "送金額が倍になって戻ってきます。", "入れた分x1.3で戻ります"),
        counter_examples=("返品された商品は2倍の速さで返金処理されるという記事の校正です。", "画像は1920x1080で戻してください", "サイズはx2で戻して"),
        reason="money said to come back multiplied (tr6-003, tr5-0113)",
    ),
    OfferRule(
        id="amount_comes_back",
        pattern=rf"(?P<s>{AMOUNT}\s?(?:が|を|も|に|で|にして)?\s?(?:すぐに?|まるごと|一緒に|まとめて)?\s?(?:{vocab.words('ja', 'offers', 'return_words')})"
        # a percentage on top of the deposit: 「当日中に20%上乗せで返金」 (tr120, tr116); 「入金額の30%が上乗せ」 (tr177)
        r"|\d{1,3}(?:\.\d)?\s?%\s?(?:の)?\s?(?:上乗せ|プラス|増し)\s?(?:で|して|されて)?\s?(?:返金|戻|返って|返還|払い戻)"
        r"|(?:入金額|チャージ額|購入額|立替額)\s?の\s?\d{1,3}(?:\.\d)?\s?%\s?(?:が|を)?\s?(?:上乗せ|プラス|還元))",
        examples=("1万円を先にチャージしていただくと、完了後すぐに13,000円が戻ってきます。", "10万入金で13万返金",
                  "デポジット¥5,000は¥7,500にして一緒にお戻しします", "チャージすると入金額の20%が上乗せされます",
                  "保証金5,000円→8,000円で返金", "支援金を立て替えて支援→当日中に20%上乗せで返金です"),
        counter_examples=("返品の場合、500円が返金されます。",),
        reason="an amount said to come back after a deposit: a promised profit (tr2-0010, tr3-0071, tr5-0011)",
        needs_deposit=True,
    ),
    OfferRule(
        id="own_money_comes_back",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'offers', 'own_money_back')})\s?(?:[+＋]|プラス|に加えて|と合わせて)\s?[^。!?\n、]{{0,14}}?"
        rf"(?:が|を|は|も)?\s?(?:[^。!?\n]{{0,10}}?(?:後|以内|次第)に?)?\s?(?:全額|まるごと|すぐに?|即日|翌日)?\s?"
        rf"(?:{vocab.words('ja', 'offers', 'return_words')})"
        # the bonus after the return (「入金確認後すぐ全額返金＋ボーナス20%」, tr202)
        rf"|(?:{vocab.words('ja', 'offers', 'own_money_back')})\s?(?:{vocab.words('ja', 'offers', 'return_words')})\s?(?:[+＋]|プラス)\s?"
        r"(?:ボーナス|特典|利益|手数料|報酬)\s?\d{1,3}\s?%)",
        examples=(
            "コンボは前払い型です。完了後に元本＋ｺﾐｯｼｮﾝ30%が戻ります",
            "入金確認後30分以内に全額+ボーナス20%返金", "保証金は入金確認後すぐ全額返金＋ボーナス15%",
            "指定商品を購入→24h以内に購入額+手数料20%を返金",
        ),
        counter_examples=(
            "返品の際は購入額を返金いたします。",
            "商品が届かない場合は商品代金を返金します。",
            "補填分はスコア回復後に全額返金されます",  # a refund alone: the fee is upfront_payment
            "元本が戻ってくる保証はない、という投資詐欺の記事です。",
        ),
        reason="the reader's own money (元本, 購入額) promised back with a gain on top: a fee with a payback promise (tr27 family)",
        needs_payment=True,
    ),
    OfferRule(
        id="english_quick_payback",
        pattern=r"(?P<s>(?<![a-z])(?:get|gets|getting|have|earn|earns|make|makes)\s(?:it|them|that|this|the (?:fee|deposit|money)|ur money|your money)\s(?:all\s)?back\s"
        rf"(?:{vocab.words('en', 'offers', 'quick_payback_times')})(?![a-z])|"
        r"(?<![a-z])(?:refunded|returned|back)\s(?:w/|with)\s(?:a\s)?(?:bonus|profit|interest|extra))",
        examples=("unlock fee ¥3,000 first, u get it back on 1st payout", "deposit ¥3,000 first, refunded w/ bonus",
                  "kit fee ¥4,980 but you earn it back in your first week"),
        counter_examples=("If the item is damaged you get it back same day as a replacement.",),
        lang="en",
        reason="in English: a fee said to come back at once or with a bonus (tr40, tr53 families)",
        needs_payment=True,
    ),
    OfferRule(
        id="withdraw_all_at_once",
        pattern=r"(?P<s>(?:すぐ(?:に)?|即|即日|即時)\s?(?:全額|残高)?\s?(?:出金|引き出|払い出)(?:し|せ)?\s?(?:でき|可能|され|します|いたします|OK))",
        examples=("入金確認後すぐ全額出金できます🙏",),
        counter_examples=("報酬はすぐ出金できるわけではありません。",),
        reason="the deposit's money promised back at once (tr3-0001)",
        needs_deposit=True,
    ),
    OfferRule(
        id="percent_return",
        pattern=r"(?P<s>(?:毎日|毎週|毎月|1日で?|日に|日利|週利|月利|1週間で?|1か月で?|1ヶ月で?|たった1日で?)\s?(?:最大|平均|約)?\s?"
        rf"\d{{1,3}}(?:\.\d{{1,2}})?\s?%\s?(?:の|も|を)?\s?(?:{vocab.words('ja', 'offers', 'yield_words')})|"
        # a daily or monthly rate is a yield by itself: 「日利2%で毎日増えていきます」
        r"(?:日利|週利|月利)\s?(?:最大|平均|約)?\s?\d{1,3}(?:\.\d{1,2})?\s?%)",
        examples=("最低入金は0.01BTCから。入金すると毎日3%配当です", "開始にはUSDTを50ドル分ご購入いただくことが条件で、1日で30%の利益が出ます。"),
        counter_examples=("「月利3%の利益」をうたう投資詐欺の手口についての記事です。",),
        reason="a percentage yield per day or month (tr3-0140, tr5-0044)",
    ),
    OfferRule(
        id="english_guaranteed_profit",
        # profit said to be guaranteed, or a yield per day or week (「profits guaranteed, 15% per week」, round 18)
        pattern=r"(?P<s>(?<![a-z])(?:guaranteed\s(?:profits?|returns?|income|earnings)|(?:profits?|returns?)\s(?:are\s|is\s)?guaranteed)(?![a-z])|"
        r"(?<![a-z\d.])\d{1,3}(?:\.\d{1,2})?\s?%\s(?:profit\s|return\s)?(?:per|a|every|each)\s(?:day|week)(?![a-z]))",
        examples=("profits guaranteed, 15% per week", "guaranteed returns for every member"),
        counter_examples=("No income is guaranteed; the rate is per article.", "Our fee is 5% per month of the budget."),
        lang="en",
        reason="in English, profit said to be guaranteed or a yield counted per day or week (round 18): what no honest job promises",
    ),
    OfferRule(
        id="english_percent_return",
        pattern=rf"(?P<s>(?<![a-z\d.])\d{{1,3}}(?:\.\d{{1,2}})?\s?%\s(?:{vocab.words('en', 'offers', 'profit_words')})(?![a-z])|"
        r"(?<![a-z])(?:gets?|earns?|receives?|makes?)\s\d{1,3}(?:\.\d{1,2})?\s?%|"
        # the yield named first: 「deposit 100 -> profit 25%」「commission: 30%」
        rf"(?<![a-z])(?:{vocab.words('en', 'offers', 'profit_words')})\s?(?:of|is|=|:|->|→)?\s?(?:up to\s)?\d{{1,3}}(?:\.\d{{1,2}})?\s?%)",
        examples=(
            "VIP members get 30% commission on every order",
            "deposit more = higher commission. lvl 3 gets 30%",
            "top up 500 USDT → profit 25% every round",
        ),
        counter_examples=(
            "CrowdWorks takes a 20% commission on every order, so please deposit the escrow.",
            "The platform fee is a commission of 20%, deducted before the deposit reaches you.",
        ),
        lang="en",
        reason="in English: a percentage yield on a deposit or an order (tr2-0003, tr13-003)",
        needs_deposit=True,
    ),
    OfferRule(
        id="english_amount_back",
        pattern=r"(?P<s>(?<![a-z])(?:get|receive|withdraw|earn|take out)\s(?:back\s)?(?:[$¥€£]\s?\d[\d,]{0,12}|\d[\d,]{0,12}\s?"
        r"(?:usdt|usdc|usd|jpy|yen|dollars?|btc|eth))(?:\s(?:back|in return|profit))?"
        # a bare number said to come back: 「u get 7500 back」「it comes back as 13,000 the same day」 (tr100, tr133)
        r"|(?<![a-z])(?:get|gets|receive)\s\d[\d,]{2,12}\s(?:back|in return)"
        r"|(?<![a-z])(?:comes?|coming|will come)\sback\sas\s(?:[$¥€£]\s?)?\d[\d,]{2,12})(?![a-z])",
        examples=("Task 3 needs a deposit of ¥30,000, you get ¥39,000 back after completing", "top up 100 USDT, finish 3 orders and withdraw 130 USDT.",
                  "5000 yen first, u get 7500 back!!", "top up 10,000 yen, it comes back as 13,000 the same day"),
        counter_examples=("You will receive $200 after delivery.",),
        lang="en",
        reason="in English: an amount back after a deposit (tr3-0181, tr5-0018)",
        needs_deposit=True,
    ),
    # A fee or deposit said to come back with the pay: the rubric's fee with a promise to earn it back.
    OfferRule(
        id="fee_back_with_the_pay",
        pattern=r"(?P<s>(?:報酬|給料|給与|出金|売上|配当|ギャラ)\s?(?:と一緒に|と合わせて|とともに|と共に|に上乗せ(?:して|で)?|に含めて|の際に)\s?"
        r"(?:全額|まるごと)?\s?(?:返金|戻|返って|返還|お返し|払い戻|キャッシュバック))",
        examples=("登録料3,000円は初回の報酬と一緒に全額戻ってきます。", "保証金は出金の際に返金されます"),
        counter_examples=(
            "交通費は報酬と一緒にお支払いします。",
            "誤って二重に入金した分は、報酬と一緒に返金いたしますね、と言われたら詐欺を疑ってください。",
        ),
        reason="a fee or deposit promised back with the pay: a fee with a scam's payback promise (rubric)",
        needs_payment=True,
    ),
    OfferRule(
        id="english_fee_back_with_the_pay",
        pattern=r"(?P<s>(?<![a-z])(?:it|this|that|they|the\s(?:fee|deposit|amount|money|payment)|(?:your|ur)\s(?:fee|deposit|money))\s"
        r"(?:all\s)?(?:comes|come|will come|gets|get|will be|is|are|goes)\s(?:back|returned|refunded|paid back)"
        r"(?:\s(?:to you|in full))?\s(?:with|in|on|plus|together with|along with|after)\s(?:ur|your|the|first)?\s?"
        r"(?:payout|salary|pay|earnings?|commission|withdrawal|profit|wage|first)s?)(?![a-z])",
        examples=(
            "send 20 USD activation fee to unlock, it comes back with your payout",
            "pay the 30 USDT deposit first; the deposit is refunded with your salary",
        ),
        counter_examples=(
            "The escrow amount is returned with your payout if the client cancels.",
            "The signed form? It comes back with your payout statement, nothing to do.",
        ),
        lang="en",
        reason="in English: a fee or deposit promised back with the pay (rubric: a fee with a payback promise)",
        needs_payment=True,
    ),
    # --- English income claims (tr2-0113, tr2-0132, tr3-0096, tr7-011, tr13-001, tr5-0018) ----------
    OfferRule(
        id="english_daily_income",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'offers', 'earn_verbs')})\s(?:up to\s|over\s|at least\s|around\s|about\s|from\s)?"
        + _EN_RANGE + rf"\+?(?:\s?(?:/|a|per|every|each)\s?(?:{vocab.words('en', 'offers', 'short_periods')})|\s(?:daily|weekly))"
        # the income named as a daily salary (「daily salary 120-300 USD」, tr174)
        + r"|(?<![a-z])(?:daily|weekly)\s(?:salary|income|pay|earnings?|wage|profit)s?\s?(?:of\s|is\s|=\s?|:\s?)?(?:up to\s)?" + _EN_RANGE
        # or the period after the amount (「salary 8000~35000 JPY daily」, tr218)
        + r"|(?<![a-z])(?:salary|income|earnings?|wage)\s(?:of\s|is\s|=\s?|:\s?)?(?:up to\s)?" + _EN_RANGE
        + r"\s?(?:daily|weekly|/\s?day|/\s?week|a day|per day)"
        # a day's or a week's income called easy (「easy 30k/day!!」, tr69), or earned by someone in their first
        # days (「Mina earned ¥62,000 in her first week」, tr227; the writer's own report is not a pitch)
        + r"|(?<![a-z])(?:easy|easily)\s" + _EN_RANGE + r"\+?\s?(?:/|a|per)\s?(?:day|week)"
        + r"|(?<![a-z])(?:earned|made)\s(?:over\s|about\s|around\s|almost\s)?" + _EN_RANGE
        + r"\s(?:in|within|on)\s(?:her|his|their|your|ur)\s(?:very\s)?first\s(?:day|week|\d\s?days)" + r")(?![a-z])",
        examples=("Earn $500 a day from your phone.", "Our app-rating project pays 3,000–8,000 JPY a day.", "earn 15k/day easy",
                  "daily salary 120-300 USD no experience need", "testers make $900+/week easily", "salary 9000~30000 JPY daily",
                  "u can make 800$/day", "likes + screenshots, easy 20k/day", "Ken earned $1,200 in his first week"),
        counter_examples=("We pay $20 per hour.", "You will not earn $500 a day here; the rate is per article.",
                          "I earned $40 in my first week on the platform, so keep expectations low."),
        lang="en",
        reason="in English: an income a day or a week, stated with earn/make/pays",
    ),
    OfferRule(
        id="english_income_made_easy",
        pattern=r"(?P<s>(?:[$¥€£]\s?\d[\d,]{0,9}|\d[\d,]{0,9}\s?(?:usd|jpy|yen|usdt|dollars?)|" + _EN_SLANG_AMOUNT + r")\s?"
        rf"(?:{_EN_PER_SHORT_PERIOD}|\s(?:daily|weekly))"
        rf"(?![a-z])[^.!?\n]{{0,40}}?(?<![a-z])(?:{vocab.words('en', 'offers', 'ease_claims')})"
        # a month's income for an hour or two a day (「¥150,000/month, 2h/day」, tr218)
        + r"|" + _EN_BIG_MONTHLY + r"\s?(?:/|a\s|per\s)\s?(?:month|mo)(?![a-z])[^.!?\n]{0,12}?"
        r"(?<![\d.])[1-3]\s?(?:h|hr|hrs|hours?)\s?(?:/|a\s|per\s)\s?day"
        # or the hours first (「2hr/day, ¥280,000/month fixed」, tr245)
        r"|(?<![\d.])[1-3]\s?(?:h|hr|hrs|hours?)\s?(?:/|a\s|per\s)\s?day[^.!?\n]{0,12}?"
        + _EN_BIG_MONTHLY + r"\s?(?:/|a\s|per\s)\s?(?:month|mo)(?![a-z])"
        # or minutes a day first, then a day's pay (「20 min a day, 8000 yen daily」, tr326): minutes
        # are no working day, so any day's pay for them is the ease promise
        r"|(?<![\d.])[1-5]?\d\s?(?:min|mins|minutes)\s?(?:/|a\s|per\s|each\s)\s?day(?![a-z])[^.!?\n]{0,24}?"
        r"(?:[$¥€£]\s?\d[\d,]{0,9}|\d[\d,]{0,9}\s?(?:usd|jpy|yen|usdt|dollars?)|" + _EN_SLANG_AMOUNT + r")\s?"
        r"(?:(?:/|a\s|per\s|every\s)\s?day|daily)(?![a-z])"
        # or the ease claimed first, then a day's income (「Job is simple: rate products in our app, 30 tasks/day,
        # $80-200 daily」, round 28)
        rf"|(?<![a-z])(?:{vocab.words('en', 'offers', 'ease_claims')})(?![a-z])[^.!?\n]{{0,60}}?(?<![a-z0-9]){_EN_RANGE}\+?\s?"
        rf"(?:{_EN_PER_SHORT_PERIOD}|daily|weekly)(?![a-z]))",
        examples=("Hi! easy data job, $300/day 🔥 no experience", "$300/day no experience needed.",
                  "Job is simple: rate products in our app, 30 tasks/day, $80-200 daily",
                  "10min a day = 3~5man/week easy 👍", "30min/day, 5,000 yen daily guaranteed", "Remote Partner (¥200,000/month, 2h/day)",
                  "remote CS role. 2hr/day, ¥280,000/month fixed", "Hi, remote part-time, 20 min a day, 8000 yen daily. interested?",
                  "15 min per day, 5000 JPY per day"),
        counter_examples=("Budget: $300/day for on-site support, 5 years of experience required.", "Part-time 2h/day, ¥40,000/month.",
                          "The standup is 15 min a day; the rate is 3,000 yen per hour."),
        lang="en",
        reason="in English: an income a day with no experience or effort asked (tr7-011, tr13-001)",
    ),
    # --- easy money from an account or a registration (tr5-0113, tr8-014, tr12-003, tr5-0042) --------
    OfferRule(
        id="paid_for_an_account",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'offers', 'easy_account_acts')})[^。!?\n]{{0,8}}?(?:{AMOUNT}|報酬|稼|お金|収入|ポイント)|"
        rf"(?:1\s?口座|口座\s?1\s?つ|1\s?アカウント|アカウント\s?1\s?つ)\s?(?:につき|あたり|ごとに|で)\s?{AMOUNT})",
        examples=(
            "仮想通貨取引所のアカウントを作るだけで5,000円の報酬が出るお仕事です。",
            "1口座につき3万円をお支払いします。",
            "ｱﾝｹｰﾄ回答のお仕事♪ 登録だけで報酬ｱﾘ✨",
        ),
        counter_examples=(
            "アプリをダウンロードするだけで報酬がもらえるという広告の危険性について記事をお願いします。",
            "会員登録するだけで100ポイントもらえるキャンペーンのLPを作成してください。",
        ),
        reason="money for opening an account or registering: the money-mule and point-site lures",
    ),
    OfferRule(
        id="trivial_act_paid",
        pattern=rf"(?P<s>{_TRIVIAL}\s?だけ)(?=\s?(?:で|の|、|,|!|\s|$|[\d０-９]|\p{{So}}))",
        examples=("いいね&スクショ送るだけ 1件300円〜", "在宅でスマホいじるだけのお仕事興味あります？笑", "スマホで商品レビュー見るだけ、1件300円〜です"),
        counter_examples=(
            "スマホだけで撮影できるお仕事です。報酬は1枚100円です。",
            "確認ボタンを押すだけで完了です。",
            "「見るだけで稼げる」という広告の危険性について記事をお願いします。",
        ),
        reason="an act too small to be paid work, said with 「だけ」 in a pitch with pay: the task scam's first step (tr62, tr65, tr76 families)",
        needs_pitch=True,
    ),
    OfferRule(
        id="pay_per_tap",
        # a hundred yen or a dollar and more for one like, follow or tap: no honest micro task pays that
        # (「1 like = 300円」「1いいね300円」「いいね1回で500円」「$2 per like」, tr300 family)
        pattern=r"(?P<s>(?:1|一)\s?(?:" + _TAP + r")\s?(?:=|＝|:|で|につき|あたり|当たり)?\s?" + _HUNDREDS_YEN
        + r"|(?:" + _TAP + r")\s?1\s?(?:回|件|つ)\s?(?:で|につき|あたり|当たり|=|:)?\s?" + _HUNDREDS_YEN
        # the act named as the job, its count a few words on (「いいね＆スクショのお仕事です📱1件500円」, round 22); not data
        # about likes (「いいね数の集計作業です。1件500円」)
        + r"|(?:" + _TAP + r")(?:(?!集計|分析|数|データ|入力|記事|リスト|レポート|ツール|バナー|デザイン)[^。!?\n]){0,6}?"
        r"(?:お仕事|仕事|作業|タスク|案件)(?:です|になります)?[^。!?\n]{0,4}?(?:1|一)\s?(?:件|回)\s?(?:で|につき|あたり|=|:)?\s?"
        + _HUNDREDS_YEN
        + r"|[$]\s?[1-9]\d{0,2}(?:\.\d{1,2})?\s?(?:per|/|a|each|for\s(?:a|one|each))\s?(?:" + _TAP + r")(?![a-z]))",
        examples=("簡単なYouTubeいいね task, 1 like = 300円", "1いいね300円です", "いいね1回で500円", "$2 per like, paid daily",
                  "いいね＆スクショのお仕事です📱1件500円、1日10分でOK✨"),
        counter_examples=("1いいね5円の案件は報酬が低すぎます", "フォロワー1人あたり300円の広告費がかかります",
                          "1クリック100円の広告単価を改善したい", "いいね数の集計作業です。1件500円でお願いします",
                          "フォロー管理ツールのバナーを1件500円で"),
        reason="a hundred yen or a dollar and more for one like, follow or tap (tr300 family): the task scam's pay",
    ),
    OfferRule(
        id="device_and_minutes",
        pattern=rf"(?P<s>{_DEVICE}\s?(?:1台|ひとつ|一つ)?\s?(?:だけ|のみ)?\s?(?:で)?\s?[、,]?\s?(?:1日|毎日)\s?(?:たった|わずか|ほんの)?\s?\d{{1,2}}\s?分)"
        r"(?!\s?(?:程度|ほど|くらい|ぐらい|前後))",
        examples=("スマホで1日5分！！", "いいね&スクショだけで1件300円〜✨スマホで1日5分！！"),
        counter_examples=("スマホで1日5分程度、投稿の確認をお願いします。",),
        reason="the rubric's 「スマホだけで1日5分」: one device and a few minutes a day, two ease promises stacked, a claim by themselves (tr62 family)",
    ),
    # Before the effortlessness rule: once a large income made easy is found, the ease words
    # (「1日30分」) are highlighted too.
    OfferRule(
        id="large_income_made_easy",
        pattern=rf"(?P<s>{_BIG_INCOME}(?:\s?円)?(?:\s?(?:以上|超え?|オーバー|も))?)",
        examples=("在宅で月50万円！スマホだけでOK、1日10分の作業です。",),
        counter_examples=(
            "月20万円ほどの保守案件です。作業はパソコンで行います。",
            "年収400万円以上の方向けの転職記事を書いてください。",
        ),
        reason="a large income with ease promised nearby, across sentences (headline style)",
        large_income=True,
    ),
    OfferRule(
        id="effortlessness_beside_earning",
        pattern=rf"(?P<s>{_EASY})",
        examples=("スマホだけで1日10分、誰でも月5万円以上稼げます。",),
        counter_examples=(
            "スマホだけで撮影できるお仕事です。報酬は1枚100円です。",
            "1日10分程度の確認作業です。",
        ),
        reason="effortlessness, reported only when the message speaks of earning (dev-035, dev-043)",
        needs_earning=True,
    ),
)

# Thresholds (in 万円) above which an income for the period is large for side work.
_LARGE = {"month": 10, "day": 1, "week": 3, "year": 300}
_STRONG_EASE = compile_pattern(
    rf"{_DEVICE}\s?(?:1台|ひとつ|一つ|だけ|のみ)|1日\s?(?:たった|わずか|ほんの)?\s?\d{{1,2}}\s?分|"
    + vocab.words("ja", "offers", "strong_ease")
)
_WEAK_EASE = compile_pattern(vocab.words("ja", "offers", "weak_ease"))
_EASE_WINDOW = 80
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_EARNING = compile_pattern(vocab.words("ja", "offers", "earning_words"))
# Money in a message (an amount, a fee, a price, pay): where a payback is about money.
_MONEY_WORDS = compile_pattern(rf"{AMOUNT}|費|代|料|金|投資|払|報酬|円|案件")
_MONEY_IN_MATCH = compile_pattern(r"元|ペイ|取り戻|報酬|案件|円")
# What a job makes for its client: a campaign's page, banner or copy names the offer, it does not make it.
_WORK_PRODUCT = compile_pattern(r"キャンペーン|(?<![a-z])lp(?![a-z])|ランディングページ|バナー|広告文|告知文|チラシ|メルマガ|原稿|コピー|記事|ページ")
# A percentage taken from the worker, not paid to them (「CrowdWorks takes a 20% commission」).
_TAKEN_FROM = compile_pattern(r"(?<![a-z])(?:takes?|charges?|deducts?|keeps?|fee|fees|platform|crowdworks|service)(?![a-z])")
# A message where the reader puts money in (入金, チャージ, 保証金, deposit, USDT): there an amount or a
# percentage back is a promised profit.
_DEPOSIT_CONTEXT = compile_pattern(
    rf"{vocab.words('ja', 'money', 'money_in_words')}|保証金|送金|投資|立て替え|立替|"
    # an amount put in, in plain words: 「3万入れたら4.5万返ってきます」 (tr85, tr144)
    rf"{AMOUNT}\s?(?:を)?\s?入れ(?:たら|ると|れば|て)|"
    # ...and in English, an amount paid first: 「5000 yen first, u get 7500 back」 (tr100)
    r"(?:[$¥€£]\s?\d[\d,]{0,12}|\d[\d,]{0,12}\s?(?:yen|usdt|usd|jpy|dollars?))\s(?:first|upfront|up front|in advance)(?![a-z])|"
    rf"(?<![a-z])(?:{vocab.words('en', 'offers', 'deposit_context')})(?![a-z])"
)
# A message where the reader pays something: a deposit, a fee or an advance (「登録料」「立替」「activation fee」).
_PAYMENT_CONTEXT = compile_pattern(
    rf"{vocab.words('ja', 'money', 'money_in_words')}|保証金|送金|投資|{vocab.words('ja', 'money', 'fee_nouns')}|手数料|"
    rf"{vocab.words('ja', 'money', 'advance_words')}|"
    rf"(?<![a-z])(?:{vocab.words('en', 'offers', 'deposit_context')}|{vocab.words('en', 'money', 'fee_nouns')})(?![a-z])"
)
# A lure in the same sentence: an income for a period or an effortless claim. 「このブログは不労所得
# の仕組みづくりの一環で、ほったらかしで月20万入る」 names passive income as what the reader gets,
# not as the subject of an article, though 「の仕組み」 reads like a topic.
_LURE_IN_SENTENCE = compile_pattern(rf"{_INCOME}|{vocab.words('ja', 'offers', 'passive_income_phrases')}")


class UnrealisticOfferDetector(RuleDetector):
    name = "unrealistic_offer"
    category = "unrealistic_offer"
    kind = "risk"
    rules = RULES
    terms = (
        "稼", "目指", "夢", "可能", "いけ", "達成", "確実", "保証", "当たり前", "余裕", "らくらく", "楽々", "ザラ", "狙え", "到達", "実現",
        "手に入", "ゲット", "普通", "以上も", "でも", "コツコツ", "書けば", "頑張れば", "やるほど", "スマホ", "スマートフォン", "携帯", "パソコン",
        "pc", "分", "スキマ", "だけで", "不労所得", "権利収入", "収入", "ほったらかし", "寝ている", "即金", "一攫千金", "高額報酬", "回収", "元",
        "ペイ", "取り戻", "万",
        # returns on money put in, account lures, English income claims
        "ほど", "だけ", "倍", "返", "戻", "キャッシュバック", "上乗せ", "出金", "引き出", "払い出", "%", "口座", "アカウント",
        "収益", "お金", "報酬", "利益", "配当", "なってい", "なる方", "もらってい", "earn", "make", "get", "receiv", "commission",
        "profit", "return", "reward", "income", "bonus", "withdraw", "take out", "take home", "bring in", "pay", "day", "week",
        "24", "back", "refunded", "returned", "man", "k/", "salary", "daily", "weekly", "guaranteed",
        # pay for one small act (「1いいね300円」「$2 per like」)
        "いいね", "フォロー", "タップ", "クリック", "再生", "高評価", "チャンネル登録", "視聴",
        "like", "follow", "tap", "click", "view", "subscribe", "review", "parcel", "package",
    )
    examples = Examples(
        positive=(
            "アンケート回答のお仕事です！スマホだけで1日10分、誰でも月5万円以上稼げます。",
            "【初心者歓迎】スマホだけで1日5分！簡単な画像加工で月10万円も夢じゃありません😊",
            "未経験でもOK！記事を書くだけで誰でも月30万円を目指せるお仕事です。",
            "1記事3,000字で1,500円です。たくさん書けば月30万円も可能です！",
            "未経験でも1日30分で月20万円可能です。",
            "はい、マニュアル代は初期投資です。1か月で回収できる方がほとんどです。",
        ),
        negative=(
            "友だち数は約1,800人です。報酬は月2万円でいかがでしょうか。",
            "継続の場合は月5万円程度の発注が可能です。",
            "文字単価0.5円ですと、月30万円は現実的ではないように思います。",
            "1日1時間程度を想定しています。",
            "スマホだけで作業が完結します。",
            "週3回の投稿で、月額3万5千円でいかがでしょうか。",
        ),
    )

    def accept(self, text: str, m, rule: OfferRule, msg: MessageView, state: dict) -> bool:
        if rule.large_income and not _large_income_made_easy(text, m):
            return False
        if (rule.needs_money and not _MONEY_IN_MATCH.search(m.group())
                and not occurs_in_message(state, _MONEY_WORDS, text)):
            return False
        # A return is a promised profit only where the reader puts money in.
        if rule.needs_deposit and not occurs_in_message(state, _DEPOSIT_CONTEXT, text):
            return False
        if rule.needs_payment and not occurs_in_message(state, _PAYMENT_CONTEXT, text):
            return False
        if about_the_work(text, *span_of(m), state) or reported(text, *span_of(m)):
            return False
        if rule.id == "english_percent_return" and _TAKEN_FROM.search(text, max(0, m.start() - 30), m.start()):
            return False  # 「CrowdWorks takes a 20% commission」: a fee taken, not a yield
        if rule.id == "paid_for_an_account" and _WORK_PRODUCT.search(text, *sentence(text, m.start())):
            return False  # 「会員登録するだけで100ポイントのキャンペーンLP」: the work's own product
        if rule.needs_pitch and not occurs_in_message(state, _PITCH, text):
            return False
        # Effortlessness is a lure only next to money: another claim, or words of earning.
        if rule.needs_earning and not (occurs_in_message(state, _EARNING, text) or state.get("claims")):
            return False
        if not self._claims(text, m):
            return False
        state["claims"] = True
        return True

    @staticmethod
    def _claims(text: str, m) -> bool:
        start, end = span_of(m)
        if refused_around(text, m):
            return False
        if not job_topic(text, start, end):
            return True
        s_start, s_end = sentence(text, start)
        lures = list(_LURE_IN_SENTENCE.finditer(text, s_start, max(s_end, end)))
        return any(not (start <= x.start() < end) for x in lures)


def _man(number: str) -> float:
    """The number before 万 (「100」「1.5」「三十」「百」) as a number."""
    if number[0].isdigit():
        return float(number)
    total, current = 0, 0
    for ch in number:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        else:
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
    return total + current


def _period(word: str) -> str:
    if "年" in word:
        return "year"
    if "週" in word:
        return "week"
    if "日" in word:
        return "day"
    return "month"


def _large_income_made_easy(text: str, m) -> bool:
    """A large income for its period, with a strong ease promise (「スマホ1台」「1日30分」「誰でも」)
    or two weaker ones (「完全在宅」「副業」「簡単」) within `_EASE_WINDOW` characters of it."""
    if _man(m.group("n")) < _LARGE[_period(m.group("period"))]:
        return False
    lo, hi = max(0, m.start() - _EASE_WINDOW), min(len(text), m.end() + _EASE_WINDOW)
    if _STRONG_EASE.search(text, lo, hi):
        return True
    weak = {w.group() for w in _WEAK_EASE.finditer(text, lo, hi)}
    return len(weak) >= 2


DETECTOR = UnrealisticOfferDetector()
