"""unrealistic_offer: easy-money or unrealistic income claims.

An ordinary client states a rate (「1記事3,000字で1,500円」「報酬は月2万円」); a lure states what
the reader will earn and how little it takes (「誰でも簡単に月収50万」「スマホだけで1日5分」
「月10万円も夢じゃない」「1か月で回収できる」). Shapes:

1. an income with a claim: 「月30万円を目指せる」「月5万円以上稼げます」「月30万円も可能」;
2. anyone can earn: 「誰でも月5万円」「未経験でも…月20万円」;
3. effortlessness next to money: 「スマホだけで」「1日5分」「投稿するだけで月収50万円」
   (only when the message also speaks of earning);
4. stock phrases: 「確実に稼げる」「不労所得」「ほったらかしで」;
5. a quick payback of what the reader pays: 「1か月で回収できる」.

Not a claim: a rate or budget (「月2万円でいかがでしょうか」「月5万円程度の発注が可能です」),
the worker's doubts (「月30万円は現実的ではない」).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import AMOUNT, RuleDetector, in_topic, refused_around, sentence, span_of

_PERIOD = r"(?:月収|月給|月商|日給|日収|年収|時給|月に|月々|毎月|月|1か月で?|1ヶ月で?|ひと月で?|1日で?|日に|週に|週)"
_INCOME = rf"(?:{_PERIOD}\s?(?:最低|平均|最大|安定して|コンスタントに|楽に|簡単に|平均で|で)?\s?{AMOUNT})"
# Vocabulary: lang/ja/offers.json.
_CLAIM = f"(?:{vocab.words('ja', 'offers', 'claims')})"
_DEVICE = f"(?:{vocab.words('ja', 'offers', 'devices')})"
_EASY = (
    rf"{_DEVICE}(?:\s?1台|\s?ひとつ|\s?一つ)?\s?(?:だけ|のみ)(?:で)?|"
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


@dataclass(frozen=True, slots=True)
class OfferRule(Rule):
    """A rule of this detector, with what its context check needs to know about it."""
    # The match names an income for a period (groups `period` and `n`): a lure only when the
    # income is large for side work and ease is promised nearby (`_large_income_made_easy`).
    large_income: bool = False
    # Effortlessness alone (「スマホだけで」「1日5分」): a lure only next to money, words of earning in
    # the message or another claim already found in it.
    needs_earning: bool = False


RULES: tuple[OfferRule, ...] = (
    OfferRule(
        id="income_with_claim",
        pattern=rf"(?P<s>{_INCOME}\s?(?:以上|超え?|オーバー|前後|も|を|が|は){{0,2}}\s?{_CLAIM})",
        examples=("記事を書くだけで誰でも月30万円を目指せるお仕事です。",),
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
        rf"{vocab.words('ja', 'offers', 'stock_phrases')})",
        examples=("誰でも簡単に稼げる副業です。",),
        counter_examples=(
            "不労所得についての解説記事を3本お願いします。",
            "確実に稼げる方法はありません。",
        ),
        reason="stock easy-money phrases",
    ),
    OfferRule(
        id="quick_payback",
        pattern=r"(?P<s>(?:\d{1,2}\s?(?:か月|ヶ月|ケ月|カ月|ヵ月|週間|日)|すぐ(?:に)?|数日|数週間|一瞬)\s?(?:で|以内に|ほどで|もあれば)\s?"
        rf"(?:すぐに?)?(?:{vocab.words('ja', 'offers', 'payback_words')}))",
        examples=("はい、マニュアル代は初期投資です。1か月で回収できる方がほとんどです。",),
        counter_examples=(
            "機材費は3か月で回収できるものではありません。",
            "初期費用の回収期間についての記事をお願いします。",
        ),
        reason="a quick payback of what the reader pays (dev-052 m3)",
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
        if rule.needs_earning:
            # Effortlessness is a lure only next to money: another claim, or words of earning.
            if "earning" not in state:
                state["earning"] = _EARNING.search(text) is not None
            if not (state["earning"] or state.get("claims")):
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
        if not in_topic(text, start, end):
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
