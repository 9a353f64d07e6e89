"""Vocabulary and small helpers shared by the request detectors (deals, money, meetings, data).

These detectors ask one question of a message: does the sender ask the worker to do something
risky (pay, send an ID, meet, work unpaid, contract outside)? The answer has three parts, kept
apart so every detector reads Japanese the same way:

- a *request phrase* found by the detector's own rules (「初期費用3万円」「事務所にお越し」);
- the *sender*: a client (or an unknown sender) asks; a worker mostly refuses or explains;
- the *context*: a refusal or negation (`clauses.is_negated`), a topic in quotes
  (「『初期費用の目安』という記事」), a post-contract remark, a data-entry job.

Patterns here are written in natural Japanese and folded by `compile_pattern` like any rule.
"""
from __future__ import annotations

import regex

from ..engine.detector import Detector, MessageView, compile_pattern, prefilter_term
from ..engine.literals import LITERALS, Gate, GateIndex, branches_of
from ..lang import vocab
from ..lang.en import tokens as en_tokens
from ..lang.ja import clauses, frames
from ..lang.polarity import DECLINING
from ..site.crowdworks import PLATFORM_NAMES
from ._samples import in_sample

# --- shared pattern pieces (regular-expression source, folded when compiled) ------------------

# CrowdWorks by name (NFKC and lower case already applied to the text). 「CW」 only as a word.
# 「直接」 in kanji or kana (「ちょくせつ」 folds to チョクセツ).
DIRECT = r"(?:直接|ちょくせつ|じかに)"

PLATFORM = PLATFORM_NAMES

# An amount of money: 3万円, 29,800円, ¥5,000, 3万5千円, 月額980円, 三万円, 100ドル. Every
# quantifier is bounded so a megabyte of digits stays linear.
# A number starts only where no digit precedes it: a run of digits is tried once, not once
# per position.
_NUM = r"(?<![\d,.])\d[\d,]{0,14}(?:\.\d{1,2})?"
_KANJI_NUM = r"(?<![一二三四五六七八九十百千])[一二三四五六七八九十百千]{1,5}"
# A count, not money, after 万: 「月5万人」「1日2万字」「月10万PV」.
_COUNTED = (
    r"(?!\s?(?:[字人回件点枚本部個語名社]|文字|再生|pv|フォロワー|ユーザー|ダウンロード|dl|いいね|ビュー|アクセス|部数|"
    r"セッション))"
)
AMOUNT = (
    rf"(?:(?:[¥$]\s?{_NUM}(?:\s?円)?"
    rf"|(?:{_NUM}|{_KANJI_NUM})\s?(?:万\s?(?:{_NUM}|{_KANJI_NUM})?\s?千?\s?円?|千円|円|ドル|ポイント|pt)"
    rf"|(?:{_NUM}|{_KANJI_NUM})\s?万(?!\S{{0,1}}件)){_COUNTED})"
)
# A payment app by name (lang/common/payment_apps.json), its Latin names as whole words: how a fee is
# paid (upfront_payment) and how the pay moves outside the platform (direct_deal).
PAYMENT_APP = (
    rf"(?:(?<![a-z])(?:{vocab.words('common', 'payment_apps', 'app_names')})(?![a-z])"
    rf"|{vocab.words('common', 'payment_apps', 'app_names_japanese')})"
)

# The usual endings after a verb stem, so a span ends on the whole verb (「行います」).
OKURI = r"(?:います|ます|う|って|する|して|ます)?"

# Japanese verbs that turn a phrase into a request to the reader.
REQUEST_CUES = (
    "ください", "下さい", "いただけ", "頂け", "いただき", "頂き", "いただく", "頂く", "いただいて",
    "いただいた方", "願い", "願え", "ほしい", "欲しい", "もらえ", "もらい", "もらって", "ませんか",
    "ましょう", "必要", "必須", "して下さ", "お待ちして", "でしょうか", "可能ですか", "できますか",
)

# --- senders ------------------------------------------------------------------------------------


def asks_the_worker(msg: MessageView) -> bool:
    """Messages that can ask something of the worker: the client's, or an unknown sender's (the
    single-text shorthand). A worker's message about fees, IDs or meetings is a question or a
    refusal; a system notice is the platform's own."""
    return msg.sender in ("client", "unknown")


def not_system(msg: MessageView) -> bool:
    return msg.sender != "system"


# --- context around a span ----------------------------------------------------------------------

_TOPIC_WORDS = compile_pattern(
    r"テーマ|タイトル|記事|コラム|題材|見出し|原稿|ブログ|について|に関する|の解説|特集|書籍|動画|"
    r"コピー|文言|文章|チラシ|広告|キャッチ|台本|セリフ|例文|テンプレート|"
    # a phrase quoted as an example in the text being written (「「誰でも簡単に月収50万」は引用ボックスに」, tr54)
    r"引用|決まり文句|謳い文句|うたい文句|誘い文句|フレーズ|注釈"
)
_OPEN_QUOTES, _CLOSE_QUOTES = "「『\"“", "」』\"”"
_MAX_QUOTE = 80


def in_quoted_topic(text: str, start: int, end: int) -> bool:
    """Whether the span sits inside 「…」/『…』 in a sentence that names a topic (記事, テーマ…):
    「『飲食店開業にかかる初期費用の目安』というテーマ」 is what an article is about, not a request."""
    lo = max(0, start - _MAX_QUOTE)
    opened = max(text.rfind(q, lo, start) for q in _OPEN_QUOTES)
    if opened < 0:
        return False
    closed_before = max(text.rfind(q, opened + 1, start) for q in _CLOSE_QUOTES if q != '"')
    if closed_before > opened:
        return False
    hi = min(len(text), end + _MAX_QUOTE)
    closes = [i for i in (text.find(q, end, hi) for q in _CLOSE_QUOTES) if i >= 0]
    if not closes:
        return False
    # the quote is what a piece explains: 「「仮払い前の着手依頼」の見分け方も入れてください」 (round 16)
    if _TOPIC_AFTER.match(text, min(closes) + 1, min(len(text), min(closes) + 31)):
        return True
    # a term and its translation, quoted side by side (「「チャージで解除」は "top up to unlock" でお願いします」, round 17)
    if _GLOSS_NEXT.match(text, min(closes) + 1) or _GLOSS_PREVIOUS.search(text, max(0, opened - 4), opened):
        return True
    s_start, s_end = clauses.sentence_span(text, start)
    if relayed_from_own_side(text, start):
        # words relayed from the writer's side name their topic outside the quote (「上司いわく「…」の
        # 記事を」), not inside it (「担当いわく「まず無償でテスト記事1本」とのことです」)
        return (_TOPIC_WORDS.search(text, s_start, opened) is not None
                or _TOPIC_WORDS.search(text, min(closes) + 1, max(s_end, min(closes) + 1)) is not None)
    return _TOPIC_WORDS.search(text, s_start, max(s_end, end)) is not None


# A quoted term paired with its gloss: the quote is followed, or preceded, by 「は」 and the other quote.
_GLOSS_NEXT = compile_pattern(r"\s?(?:は|を)\s?[「『\"“]")
_GLOSS_PREVIOUS = compile_pattern(r"[」』\"”]\s?(?:は|を)\s?$")
# A line labelled as a topic: 「記事テーマ：フリーランスが直接契約する際の注意点」.
_TOPIC_LABEL = compile_pattern(
    r"(?:テーマ|タイトル|題名|見出し|キーワード|トピック|お題|内容|ジャンル|案件名|仕事内容|依頼内容)\s?(?:案)?\s?[:：は]"
)
# What follows a topic: 「直接契約のメリットについて」「初期費用の目安」.
_TOPIC_AFTER = compile_pattern(
    r"[^。!?\n、,]{0,3}?(?:について|に関する|をテーマ|がテーマ|の(?:メリット|デメリット|注意点|方法|やり方|流れ|リスク|トラブル|"
    r"事例|相場|目安|書き方|解説|比較|ポイント|基礎知識|手順|仕組み|見分け方|対処法|危険性|実態|違い))"
)
_TOPIC_NOUNS = compile_pattern(r"記事|コラム|原稿|執筆|ブログ|動画|資料|テーマ|台本|マニュアル|ライティング|翻訳|スライド|コンテンツ")
# A list of the work's topics in brackets right after the piece it is about (「FAQ記事（入金・出金・手数料・
# キャンペーン報酬の受取条件）のリライト」, tr222): the bracket opens right after the noun.
_TOPIC_BRACKET = compile_pattern(r"(?:" + _TOPIC_NOUNS.pattern + r"|faq|q&a)[^。!?\n、,（(]{0,2}[（(][^)）\n]{0,60}\Z")


def in_topic(text: str, start: int, end: int) -> bool:
    """Whether the span is what the work is about rather than something asked of the reader:
    quoted in a sentence about an article, on a line labelled テーマ/タイトル, listed in brackets right
    after the piece (「FAQ記事（入金・出金・手数料）」), or followed by
    「について」「の注意点」 in a sentence that names the article or video."""
    if in_quoted_topic(text, start, end):
        return True
    line_start = text.rfind("\n", max(0, start - 80), start) + 1 or max(0, start - 80)
    if _TOPIC_LABEL.search(text, line_start, start):
        return True
    if _TOPIC_BRACKET.search(text, max(0, start - 80), start):
        return True
    if _TOPIC_AFTER.match(text, end, min(len(text), end + 30)):
        s_start, s_end = clauses.sentence_span(text, start)
        return _TOPIC_NOUNS.search(text, s_start, max(s_end, end)) is not None
    return False


def sentence(text: str, pos: int) -> tuple[int, int]:
    return clauses.sentence_span(text, pos)


def clause(text: str, pos: int) -> tuple[int, int]:
    return clauses.clause_span(text, pos)


def search_in_sentence(pattern: regex.Pattern, text: str, pos: int) -> regex.Match | None:
    start, end = clauses.sentence_span(text, pos)
    return pattern.search(text, start, end)


def is_post_contract_remark(text: str, start: int, end: int) -> bool:
    """「契約後に一度お越しください」: about after the contract, asks nothing now."""
    return clauses.is_post_contract_reference(text, start, end)


def alternation(terms: tuple[str, ...]) -> str:
    """Regex source of literal terms, longest first (so 「ませんか」 wins over 「ません」)."""
    return "|".join(regex.escape(t) for t in vocab.longest_first(terms))


# --- the work's own subject -----------------------------------------------------------------------
# A writing brief: the message asks for an article, a post, a script (「記事」「3000字」「2,000-word post」).
BRIEF = compile_pattern(
    r"記事|執筆|コラム|原稿|ライティング|構成|見出し|(?<![a-z])h[23](?![a-z\d])|台本|シナリオ|\d\s?字|文字数|注意喚起|啓発|"
    # text the job checks or translates: 「画面文言チェック」「校正」「翻訳」
    r"文言|校正|校閲|翻訳|"
    # a question-and-answer page: 「Q&Aを15問」「FAQ」
    r"(?<![a-z])(?:q\s?&\s?a|faq)(?![a-z])|よくある質問|\d\s?問|"
    r"(?<![a-z])(?:article|blog post|post|explainer|guide|write-?up|essay|script|writer)s?(?![a-z])|\d-word|\d words|"
    # a programme the work edits or voices: 「番組」「ポッドキャスト」, "the next episode is about job scams"
    r"番組|ポッドキャスト|エピソード|(?<![a-z])(?:episode|podcast|documentary)s?(?![a-z])|"
    # sentences written as data for a model: 「詐欺っぽい文面と普通の依頼文を各100本」「評価データ」
    r"文面|例文|依頼文|評価データ|学習データ|教師データ|(?<![a-z])(?:training|evaluation) data(?![a-z])"
)
# What a brief about scams says of the phrases it quotes: the tricks, examples, warnings
# (「典型的な手口」「実例を引用」「という誘い文句」「how advance-fee job scams work」).
SUBJECT_CUES = compile_pattern(
    r"手口|見分け方|事例|実例|引用|誘い文句|セリフ|台詞|典型|危険性|注意喚起|といった|のような|みたいな|よくある|詐欺(?!では|じゃ)|"
    r"(?<![a-z])(?:scams?|fraud|frauds|red flags?|warning signs?|such as|e\.g\.|for example|tactics?)(?![a-z])"
)
_QUOTE_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", '"': '"', "'": "'"}
_QUOTE_REACH = 100


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits between a pair of quotes on its line (「…」, "…", '…')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, start - _QUOTE_REACH)
    for i in range(start - 1, lo - 1, -1):
        ch = text[i]
        if ch not in _QUOTE_PAIRS:
            continue
        if ch == "'" and i > 0 and text[i - 1].isalnum():
            continue  # an apostrophe (don't), not a quote
        close = _QUOTE_PAIRS[ch]
        if close != ch and text.find(close, i + 1, start) >= 0:
            continue  # closed before the span
        j = text.find(close, end, min(line_end, end + _QUOTE_REACH))
        while ch == "'" and 0 <= j < len(text) - 1 and text[j + 1].isalnum():
            j = text.find(close, j + 1, min(line_end, end + _QUOTE_REACH))
        if j >= 0:
            return True
    return False


# A phrase reported or warned about rather than proposed: 「…という話は詐欺です」「…と言われたら」
# 「…といった勧誘」 (besides `clauses.is_reported`: 「ということ」「とのこと」).
_REPORTED = compile_pattern(
    r"という\s?(?:話|の|こと|ような|よう|セリフ|台詞|誘い|勧誘|広告|手口|文句|メッセージ|連絡|案件|詐欺)|といった|"
    r"と(?:言われ|いわれ|言って|誘われ|勧誘され|持ちかけ|書かれ)|などと|(?<![a-z])(?:they say|they tell you|claims? that)(?![a-z])|"
    # an English warning about the phrase: 「…: that is how these scams work」「scammers say …」
    r"(?<![a-z])(?:these|such|typical|common|classic|how)\s(?:[a-z-]+\s)?scams?(?![a-z])|(?<![a-z])scammers?(?![a-z])"
)


# Someone else's advice or words reported before the phrase, in English (tr146).
_EN_REPORTED_BEFORE = compile_pattern(
    r"(?<![a-z])(?:(?:a friend|someone|somebody|people|others|another client)\s(?:told|tells|said|says|suggested|advised)|"
    r"(?:was|were|been|got)\s(?:told|advised)|told\s(?:me|us)\sto|"
    # what others are known to ask (「I know some clients ask freelancers to go direct to skip the fee - we don't」, tr301)
    r"(?:some|other|many|certain)\s(?:clients|people|companies|buyers|recruiters|scammers)\s(?:ask|asks|tell|want|try\sto\sget|push)"
    r"\s(?:[a-z]+\s)?to)(?![a-z])"
)


def reported(text: str, start: int, end: int) -> bool:
    """Whether the phrase's sentence reports or warns about it rather than proposing it
    (「入金額が大きいほど報酬率が上がるという話は詐欺です」「『出金には手数料が必要』と言われたら」),
    or quotes it as an example in the text being written (「「誰でも簡単に月収50万」は引用ボックスに」)."""
    if in_quoted_topic(text, start, end):
        return True
    if relayed_from_own_side(text, start):
        return False  # 「上司が「手数料がかかるので直接契約で」と言っています」: their side's request
    if clauses.is_reported(text, start, end) or reported_quote(text, start, end):
        return True
    s_start, s_end = sentence(text, start)
    if _EN_REPORTED_BEFORE.search(text, max(s_start, start - 80), start):
        return True  # 「A friend told me to just pay you over PayPal and skip the fees, but …」
    return _REPORTED.search(text, end, max(s_end, end)) is not None


# Words that hide an item in the work rather than hand it over (lang/*/documents.json "masking").
_MASKING = compile_pattern(vocab.words("ja", "documents", "masking"))
_EN_MASKING = compile_pattern(rf"(?<![a-z])(?:{vocab.words('en', 'documents', 'masking')})(?![a-z])")


def hidden_in_the_work(text: str, start: int, end: int, region_start: int, region_end: int,
                       asks: regex.Pattern, english: bool = False) -> bool:
    """Whether an item is to be hidden in the work rather than handed over (「口座番号とマイナンバー
    カードの番号欄はぼかしてください」「ウォレットアドレスはダミーで」, "bleep every bank account number"):
    a masking word after the item and before anything `asks` finds after it; in English, before the
    item in its region with nothing asked between them. A promise to delete or blur after a request
    (「送ってください。確認後はモザイク処理して保管します」) hides nothing: the request comes first."""
    if english:
        nearest = max((m.end() for m in _EN_MASKING.finditer(text, region_start, start)), default=None)
        return nearest is not None and asks.search(text, nearest, start) is None
    masking = _MASKING.search(text, end, region_end)
    return masking is not None and asks.search(text, end, masking.start()) is None


def occurs_in_message(state: dict, pattern: regex.Pattern, text: str) -> bool:
    """Whether `pattern` occurs anywhere in the message: read once per message and kept in the
    detector's per-message `state` (keyed by the pattern), however many candidates ask."""
    key = pattern.pattern
    if key not in state:
        state[key] = pattern.search(text) is not None
    return state[key]


def about_the_work(text: str, start: int, end: int, state: dict) -> bool:
    """Whether a phrase is what a writing brief is about rather than asked of the reader: the
    message asks for an article, and the phrase is quoted in a message that speaks of scams'
    tricks, or its own sentence does (「保証金・登録料を請求される典型的な手口を書いてください」,
    "a 2,000-word explainer: how advance-fee job scams work (registration fees, …)").
    `state` keeps what is read of the whole message once per message."""
    if "subject_cues" not in state:
        if "brief" not in state:
            state["brief"] = BRIEF.search(text) is not None
        state["subject_cues"] = state["brief"] and SUBJECT_CUES.search(text) is not None
    if not state["subject_cues"]:
        return False
    s_start, s_end = sentence(text, start)
    if SUBJECT_CUES.search(text, s_start, max(s_end, end)):
        return True
    return _quoted(text, start, end) or _listed_under_subject(text, start)


_BULLET = compile_pattern(r"[ \t　]*(?:[・•\-*]|[①-⑳]|\d{1,2}[.)）])")
_LIST_REACH = 400


def _listed_under_subject(text: str, start: int) -> bool:
    """Whether the span sits in a bulleted list whose heading line names scams' tricks (「扱ってほしい
    手口は」 then 「・マニュアル代や登録料の前払い」): each item is what the work is about."""
    line_start = text.rfind("\n", 0, start) + 1
    item = _BULLET.match(text, line_start)
    if item is None:
        return False
    marker = _marker_kind(item.group().strip()[:1])
    lo = max(0, start - _LIST_REACH)
    while line_start > lo:
        prev = text.rfind("\n", 0, line_start - 1) + 1
        if _marker_kind(text[prev:line_start].strip()[:1]) != marker:  # the heading: the line before the list
            return SUBJECT_CUES.search(text, prev, line_start) is not None
        line_start = prev
    return False


def _marker_kind(ch: str) -> str:
    """A list marker's kind: numbered items (①②③, 1. 2. 3.) belong to one list, as bullets (・) do."""
    if "①" <= ch <= "⑳":
        return "①"
    return "1" if ch.isdigit() else ch


# A label that introduces the job itself (「お仕事内容は…」), unlike a topic's (「テーマ：…」).
_JOB_LABEL = compile_pattern(r"(?:お?仕事内容|依頼内容|作業内容|業務内容|案件内容)\s?[:：は]")


def job_topic(text: str, start: int, end: int) -> bool:
    """`in_topic`, except that a line opened by the job's own description (「お仕事内容は商品の代理
    購入です。…ご自身のカードで購入してください」) makes nothing on it a topic."""
    if not in_topic(text, start, end):
        return False
    line_start = text.rfind("\n", max(0, start - 80), start) + 1 or max(0, start - 80)
    label = _JOB_LABEL.search(text, line_start, start)
    if label is None:
        return True
    # read again with the label masked, on its line only (a bounded copy per candidate)
    line_end = text.find("\n", end, min(len(text), end + 200))
    line_end = min(len(text), end + 200) if line_end < 0 else line_end
    line = text[line_start:label.start()] + "ー" * (label.end() - label.start()) + text[label.end():line_end]
    return in_topic(line, start - line_start, end - line_start)


# (a quote opens as lang/ja/clauses.open_quote_before reads it, and closes on any of these)
_CLOSE_QUOTES_ALL = "」』”\""

# Words received from someone else and read back (「『…Telegramで』と連絡が来たのですが」「another
# client told me "text me on WhatsApp"」): a quote followed by a reporting tail, or opened right after
# a reporting verb. The quoted lure is what the writer asks or warns about, not what it proposes.
# (after further quotes in a row: 「「選考はLINEで」「公式LINEを追加して」といったメッセージ」)
_REPORTING_TAIL = compile_pattern(rf"\s?(?:[「『][^」』\n]{{0,60}}[」』]\s?){{0,3}}(?:{vocab.words('ja', 'grammar', 'reporting_tails')})")
_EN_REPORTING = compile_pattern(
    rf"(?<![a-z])(?:{vocab.words('en', 'grammar', 'reporting_verbs')})(?![a-z])[^\"“「\n]{{0,16}}$"
)
_REPORTED_QUOTE_REACH = 120
# The writer's own side named as the speaker of an English quote ("my manager says: "…"").
_EN_OWN_SIDE_SPEAKER = compile_pattern(
    rf"(?<![a-z])(?:{vocab.words('en', 'grammar', 'own_side_speakers')})(?![a-z])[^\"“「\n.!?]{{0,24}}$")


def reported_quote(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits in a quote that the writer reports having received. Words the
    writer relays from their own side (「担当いわく「まず無償でテスト記事1本」とのことです」) are
    their side's request, not received ones."""
    quote = enclosing_quote(text, start, end, _REPORTED_QUOTE_REACH)
    if quote is None:
        return False
    opened, closed = quote
    if relayed_from_own_side(text, start):
        return False
    if _REPORTING_TAIL.match(text, closed):
        return True
    return _EN_REPORTING.search(text, max(0, opened - 40), opened) is not None


def relayed_from_own_side(text: str, start: int) -> bool:
    """Whether the words at `start` are relayed from someone of the writer's own side (「担当いわく
    「…」」「上司が、…と言ってます」, "my assistant says: "…""): their side's request, not words
    received from elsewhere (tr453 family)."""
    if clauses.relayed_from_own_side(text, start):
        return True
    opened = clauses.open_quote_before(text, start, _REPORTED_QUOTE_REACH)
    return opened >= 0 and _EN_OWN_SIDE_SPEAKER.search(text, max(0, opened - 40), opened) is not None


# A quoted word that is one of a list of quoted names (「画面は「入金」「出金」「積立設定」の4つ」, tr307): a
# label of the work (a screen, a menu, a button), not a request.
_QUOTED_NEIGHBOUR_AFTER = compile_pattern(r"[」』][、,・と\s]{0,2}[「『]")
_QUOTED_NEIGHBOUR_BEFORE = compile_pattern(r"[」』][、,・と\s]{0,2}[「『]$")


def in_quoted_list(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the whole of a quote that another quote follows or precedes."""
    if start == 0 or end >= len(text) or text[start - 1] not in "「『" or text[end] not in "」』":
        return False
    return (_QUOTED_NEIGHBOUR_AFTER.match(text, end) is not None
            or _QUOTED_NEIGHBOUR_BEFORE.search(text, max(0, start - 4), start) is not None)


def enclosing_quote(text: str, start: int, end: int, reach: int) -> tuple[int, int] | None:
    """(the opening quote's index, the index after the closing one) of a quote around [start, end)
    opened and closed within `reach` characters, or None."""
    opened = clauses.open_quote_before(text, start, reach)
    if opened < 0:
        return None
    closes = [i for i in (text.find(q, end, min(len(text), end + reach)) for q in _CLOSE_QUOTES_ALL) if i >= 0]
    return (opened, min(closes) + 1) if closes else None


# --- rules with a reported span -------------------------------------------------------------------

def _specific(literal: str) -> bool:
    """Whether a required string is rare enough to be a pre-filter term: two characters or more,
    or one ideograph (「迫」「倍」); a single kana or Latin letter (「デ」「x」) is in nearly every
    message and would run the detector on all of them."""
    return len(literal) >= 2 or "\u4e00" <= literal <= "\u9fff"


def uncovered_branch_terms(triggers: tuple[Trigger, ...], terms: tuple[str, ...]) -> tuple[str, ...]:
    """The strings to add to a detector's `terms` so that every rule branch they miss is reached:
    for each branch that can match a text holding none of `terms` (「お代は出せませんが1本書いてもらえますか」
    holds no word of the hand-written list, yet the unpaid-trial rule matches it), the strings of
    its most selective requirement whose strings are all specific. Without them the pre-filter
    silently skips the branch (tests/service/test_prefilter.py)."""
    folded = {prefilter_term(t) for t in terms} - {""}
    added: dict[str, None] = {}
    for trigger in triggers:
        for gate in trigger.gates:
            clauses = gate.clauses or ()
            if any(all(any(t in lit for t in folded) for lit in clause) for clause in clauses):
                continue
            usable = next((c for c in clauses if all(map(_specific, c))), None)  # most selective first
            if usable:
                added.update(dict.fromkeys(sorted(usable)))
    return tuple(added)


class Trigger:
    """One rule compiled on its own. The reported span is the named group `s` when the pattern
    has one (the phrase a reader should see), else the whole match; the whole match is what
    negation is read after, so a trigger that carries its own 「ず」「ない」 is not its own refusal."""

    __slots__ = ("rule", "regex", "english", "gates")

    def __init__(self, rule):
        self.rule = rule
        self.regex = compile_pattern(rule.pattern)
        # A rule motivated by an English message needs Latin letters to match: a message
        # without any skips it after one cheap check (most messages are Japanese).
        self.english = rule.lang == "en"
        # The strings every match holds, one of each requirement (engine/literals.py), for each
        # branch of the rule: a message that opens no branch's gate skips the scan
        # (tests/service/test_prefilter.py checks the gates never drop a match). One gate per
        # branch, not one for the rule: a rule's union of its branches' words holds common ones
        # (「デ」), and opened for most messages a 1,000-character rule cost 40 µs each.
        self.gates = tuple(Gate(branch) for branch in branches_of(self.regex.pattern))

    def may_match(self, folded: str) -> bool:
        """Whether the rule can match a text whose case-folded form is `folded`."""
        return any(gate.opens(folded) for gate in self.gates)

    def finditer(self, text: str):
        return self.regex.finditer(text)


_ASCII_LETTER = regex.compile(r"[a-z]", regex.IGNORECASE)
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")


def is_english(text: str) -> bool:
    """Whether a rule's example is English: Latin letters and nothing outside ASCII."""
    return _ASCII_LETTER.search(text) is not None and _NON_ASCII.search(text) is None


def has_latin_letters(text: str) -> bool:
    return _ASCII_LETTER.search(text) is not None


def span_of(m: regex.Match) -> tuple[int, int]:
    if "s" in m.re.groupindex and m.start("s") >= 0:
        return m.start("s"), m.end("s")
    return m.start(), m.end()


_MASK = "ー"
# A phrase written in English (letters, digits, spaces, punctuation only) is read by the English rules.
_ENGLISH = regex.compile(r"[\x20-\x7e]*[a-z][\x20-\x7e]*", regex.IGNORECASE)


def refused_around(text: str, m: regex.Match) -> bool:
    """Whether the sentence refuses or negates the phrase matched by `m`: a refusal right after it
    (「対面なし」「登録料は無料」, `clauses.refused_right_after`) or a negation in its scope
    (`clauses.is_negated`), with the match's own words masked so that a trigger carrying its own
    「ず」「ない」 is not its own refusal."""
    if clauses.refused_right_after(text, m.end()):
        return True
    if _ENGLISH.fullmatch(m.group()) and clauses.english_negated(text, m.start(), m.end()):
        return True
    s_start, s_end = clauses.sentence_span(text, m.start())
    _, s_end2 = clauses.sentence_span(text, max(m.start(), m.end() - 1))
    s_end = clauses.through_question_mark(text, max(s_end, s_end2, m.end()))  # 「外でやりません？」 invites
    sub = text[s_start:m.start()] + _MASK * (m.end() - m.start()) + text[m.end():s_end]
    a, b = span_of(m)
    return clauses.is_negated(sub, a - s_start, b - s_start) or clauses.is_negated(
        sub, m.start() - s_start, m.end() - s_start
    )


# --- the clause's polarity, read on tokens ------------------------------------------------------

# What the token reader (lang/ja/frames.py) finds that the phrase-level reader above does not: a
# refusal by a verb or adjective of the clause (「直接のお取引には応じかねます」「対面は控えております」)
# and a waiver (「明日までにご返信いただかなくても大丈夫です」「登録は不要です」): `polarity.DECLINING`.
# A plain negated statement is not among them here (measured: treating it as a refusal lost recall
# on six corpora; the regex reader above handles negation with its exceptions).


def declined(msg: MessageView, rule, start: int, end: int) -> bool:
    """Whether the clause holding a rule's span refuses or waives what it names (Japanese read on
    SudachiPy tokens, English on words)."""
    a, b = msg.norm.to_original(start, end)
    if rule.lang == "en":
        bait = getattr(rule, "fee_waiver_is_bait", False)
        masked = getattr(rule, "negative_by_itself", False)
        return en_tokens.polarity_at(msg.norm.original, a, b, fee_waiver_is_bait=bait, own_words_masked=masked) in DECLINING
    # the sentence is tokenised only if it holds what a refusal or a waiver needs
    return frames.may_decline(msg.norm.original, a, b) and frames.polarity_at(msg.norm.original, a, b) in DECLINING


# --- the detection loop shared by the request detectors ------------------------------------------

# A reader needs the first few highlights of a category in a message, not thousands. Only hits
# are capped: every candidate is examined (a cap on candidates let decoys hide a lure, issue 9),
# each at a cost bounded by the windows its checks read, so a message costs time linear in its
# length; a message made of one trigger repeated 100,000 times stops after MAX_HITS_PER_MESSAGE.
MAX_HITS_PER_MESSAGE = 16


class RuleDetector(Detector):
    """A detector made of `rules` (each compiled alone, see `Trigger`) and a context check.

    Subclasses set `rules` and override `applies` (sender, phase), `rule_applies` (a rule that
    depends on the message as a whole) and `accept` (the context around one match)."""

    _triggers: tuple[Trigger, ...] = ()
    # `terms` are the literal words every rule's match contains (one of them at least): a
    # message with none of them is skipped after one cheap scan instead of one per rule, and the
    # engine's shared pre-filter skips the detector altogether (tests/service/test_prefilter.py).
    terms_required = True
    _anchors: regex.Pattern | None = None

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if "rules" in cls.__dict__:
            cls._triggers = tuple(Trigger(r) for r in cls.rules)
            branches = [(k, gate) for k, t in enumerate(cls._triggers) for gate in t.gates]
            cls._index = GateIndex(gate for _, gate in branches)
            cls._branch_owner = tuple(k for k, _ in branches)
        if cls.__dict__.get("terms"):
            # the rules' words match their kana spellings too (`vocab.words`), so the terms must
            # (「せいねんがっぴもお願いします」 holds no 生年月日)
            terms = tuple(vocab.with_kana_spellings(cls.terms))
            cls.terms = tuple(vocab.longest_first(terms + uncovered_branch_terms(cls._triggers, terms)))
            cls._anchors = compile_pattern(alternation(cls.terms))

    # Which triggers a text can open, found from the literals it holds (the shared index) instead of
    # asking every trigger's gate.
    _index: GateIndex = GateIndex(())
    _branch_owner: tuple[int, ...] = ()

    def _open_triggers(self, folded: str, latin: bool) -> list[Trigger]:
        """The triggers that may match a text whose case-folded form is `folded`, in rule order."""
        triggers, owner = self._triggers, self._branch_owner
        opened = sorted({owner[i] for i in self._index.opened(LITERALS.present(folded))})
        return [triggers[k] for k in opened if latin or not triggers[k].english]

    def applies(self, msg: MessageView) -> bool:
        return asks_the_worker(msg)

    def rule_applies(self, rule, msg: MessageView, state: dict) -> bool:
        return True

    def accept(self, text: str, m: regex.Match, rule, msg: MessageView, state: dict) -> bool:
        start, end = span_of(m)
        return not (in_topic(text, start, end) or refused_around(text, m))

    def detect(self, msg: MessageView):
        if not self.applies(msg):
            return
        text = msg.text
        if self._anchors is not None and not msg.terms_found and self._anchors.search(text) is None:
            return
        state: dict = {}
        seen: list[tuple[int, int]] = []
        for trig in self._open_triggers(text.casefold(), has_latin_letters(text)):
            if not self.rule_applies(trig.rule, msg, state):
                continue
            if len(seen) >= MAX_HITS_PER_MESSAGE:
                break
            for m in trig.finditer(text):
                if len(seen) >= MAX_HITS_PER_MESSAGE:
                    break
                start, end = span_of(m)
                if any(a < end and start < b for a, b in seen):
                    continue
                # words the writer quotes as received or read elsewhere (「「仮払い前に作業して」と言われる
                # パターン」), and the work's own text (a draft, a sample, strings to translate), are
                # nobody's proposal, whatever the category
                if (self.accept(text, m, trig.rule, msg, state) and not declined(msg, trig.rule, start, end)
                        and not reported_quote(text, start, end)
                        and not (self.kind == "risk" and (in_sample(text, start, end) or in_quoted_list(text, start, end)))):
                    seen.append((start, end))
                    yield self.hit(start, end)
