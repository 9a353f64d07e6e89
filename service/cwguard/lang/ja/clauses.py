"""Clauses and negation in normalised text, shared by the detectors.

A channel name or a contact word is only a risk when the message proposes or asks for it. The
same word in a refusal (「LINEなど外部ツールでのやり取りは控えております」), a negation
(「LINEではなくこちらで」) or a remark about after the contract (「契約後はChatworkで」) is benign.
These helpers answer such questions about the words around a span, so every detector reads
Japanese the same way.

All functions take the *normalised* text (`NormalizedText.text`: NFKC, lower case, hiragana
folded to katakana). Cue lists below are written in natural Japanese; `compile_pattern` folds
them the same way.

Scopes:
- sentence: up to 。！？!? or a line break.
- clause: a sentence cut further at 、，, and at contrast/cause joints (「が、」「けど」「ので」).
- negation scope of a span: from the span to the end of its sentence, stopping at a contrast
  (「〜ですが、LINEで」 keeps LINE a request), read clause by clause: the first clause with a
  negation cue negates the span, the first with a request cue (and no negation) confirms it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

from ...engine.detector import compile_pattern
from ...engine.identity_cache import identity_cached
from ...engine.normalize import fold_pattern, normalize
from ...site.crowdworks import PLATFORM_NAMES
from ..vocab import longest_first, terms, with_kana_spellings, words

# --- boundaries -------------------------------------------------------------------------------

# Characters that end a sentence. ('.' is not one: it lives in URLs, e-mail addresses and prices.)
SENTENCE_END_CHARS = "。!?\n\r"
# Characters that end a clause inside a sentence.
CLAUSE_END_CHARS = SENTENCE_END_CHARS + "、,;"

# A contrast (「〜ですが、」「けれど」「しかし」「ただ、」) starts a new scope: a refusal before it
# does not negate a request after it (「禁止されていますが、LINEでお願いします」).
CONTRAST_TERMS: tuple[str, ...] = (
    "ですが", "ますが", "だが", "けれど", "けど", "しかし", "ただし", "ただ、", "でも、", "とはいえ",
    "のですが", "ものの",
)

# --- negation and refusal cues ----------------------------------------------------------------

# Right after a span: the span itself is what is refused (「LINEではなく」「LINE以外」).
IMMEDIATE_NEGATION_TERMS: tuple[str, ...] = (
    "ではなく", "ではなし", "じゃなく", "でなく", "ではありません", "じゃありません", "以外",
    "を除", "抜きで",
)
# Anywhere in the span's clause chain: a refusal, ban or "no need".
NEGATION_TERMS: tuple[str, ...] = (
    "控え", "遠慮", "禁止", "不可", "不要", "必要ない", "必要はない", "必要ありません", "お断り", "断っ",
    "断り", "規約違反", "違反", "できかね", "いたしかね", "致しかね", "しかねます", "ダメ", "だめ", "駄目",
    "やめて", "止めて", "避け",
    # declining and passing on (「直接契約のご提案は辞退させてください」「お話は見送らせていただきます」)
    # (verb forms only: 「見送りの場合も」「辞退された方」 name the act, they do not decline)
    "辞退させ", "辞退いたし", "辞退致し", "辞退します", "辞退したい", "見送らせ", "見送ります", "見送りたい", "見送りさせ",
    # worried about it, the worry's topic being the act (「直接振込は不安なので、仮払いでお願いします」)
    "は不安", "は怖い", "はこわい", "は心配", "には抵抗",
    # a hedge that trails off or names the reluctance (「LINE追加はちょっと…」「口座に直接振込、とかだとちょっと…」
    # 「外部でのやり取りは抵抗があります」); 「ちょっと」 alone is "a little" (「LINEの方がちょっと早い」)
    "はちょっと...", "だとちょっと...", "はちょっと..", "だとちょっと..", "とかだとちょっと", "とかはちょっと",
    "は抵抗が", "ちょっと抵抗",
    # not allowed, in its negative forms only: 「直接契約が認められています」 claims a permission (a trust trick),
    # it refuses nothing
    "認められていない", "認められてない", "許可されていない", "許可されてない", "許されていない", "許されてない",
    "受け付けていない", "受け付けてない", "受付していない", "受付してない",
    "行っておりません", "お受けしておりません", "対応しておりません", "しておりません", "しません",
    "できません", "出来ません", "致しません", "いたしません", "使いません", "使っていません",
    "持っていません", "持っておりません", "やっていません", "ません", "ないです", "ないため", "ないので",
    "ない。", "ないこと", "ないよう", "ないで", "ない、", "なかった", "ず、", "ずに", "ずとも",
    # the continuative of 「しておりません」, read inside its clause (the comma after it ends the
    # clause): 「直接のお取引はお受けしておらず、契約は…」
    "ておらず",
    # 「緑のアプリへの追加はせず、契約のお申込みは…」 (tr175): the act named and not done; 「ず、」 is cut off
    # by the clause's own comma
    "せず",
    # 「弊社からSMSやLINEでご連絡することはなく、契約・お支払いは…」 (tr171): the continuative of ことはない
    "ことはなく", "ことはなし", "ことなく",
    # refusing by difficulty: 「対面でのお打ち合わせは難しいです」「その条件は厳しいです」
    # (「ではない」 is left to the cues right after a phrase: 「月30万も夢じゃない」 affirms)
    "難し", "厳し", "お受けでき", "お受けいたしかね",
    # refusing plainly (not 「ご無理のない範囲で」, which asks gently): 「対面は無理です、すみません」
    "無理です", "無理なので", "無理ですね", "無理かも", "無理っす", "無理でした",
    # a policy of not doing it, or doing without it: 「面談はしない方針です」「電話は無しで大丈夫です」
    "ない方針", "無しで大丈夫", "なしで大丈夫", "無しでok", "なしでok", "無しで結構", "なしで結構",
    # a rule of not doing it: 「契約前は外部ツールでの打ち合わせや連絡先の交換ができない決まりなので」
    "ない決まり", "ないルール", "ない規約", "ない規則", "ない約束",
    # what is expected not to happen: 「クラウドワークスはLINEで連絡してこないはずですが…」 (round 17)
    "ないはず",
)
# Negatives that belong to the risky phrase itself and negate nothing after it: going around the
# platform (「クラウドワークスを通さず直接契約」「CWを使わずに」), the fee it saves (「手数料がかからない」),
# the benefit it claims (「面倒な手続きをせずに済む」), and 「経験問わず」. Regular-expression source.
OWN_NEGATIVE_PATTERNS: tuple[str, ...] = (
    r"通さ(?:ず|ない|なく)", r"介さ(?:ず|ない|なく)", r"経由せず", r"経由しない", r"経由しなく", r"挟ま(?:ず|ない|なく)",
    PLATFORM_NAMES + r"\s?(?:を|は)?\s?(?:使わ|利用せ|利用し)(?:ず|ない|なく)",
    r"(?:手数料|マージン|利用料|仲介料|中抜き)[^。!?\n]{0,6}?(?:かから|取られ|引かれ)(?:ず|ない|なく)",
    r"問わず", r"問いません", r"せずに済", r"しなくて済", r"払わなくて済", r"なくても大丈夫",
)
# Refusals read only right after a request phrase (a fee, a meeting, a test): 「対面なし」
# 「伺うのが難しい」「登録料は無料」「初期費用0円」「費用は一切かかりません」. Too broad for the whole
# clause (「LINEは無料なので登録を」 is still a request), so `refused_right_after` reads them in a
# few characters after the phrase. 「なし」 is not the tail of 「みなします」 nor 「なしで」 (「手数料なしで」
# is a proposal). 「実質無料」「実質0円」 is the opposite: a fee with a refund or cash-back promise,
# a scam's tell, so 「実質」 before them keeps the fee a fee.
_NOT_VIRTUALLY = r"(?<!実質)(?<!実質的に)(?<!実質的には)"
REFUSAL_AFTER_PATTERNS: tuple[str, ...] = (
    r"(?<!み)なし(?![でま])", r"無し(?![でま])", _NOT_VIRTUALLY + r"は?無料", _NOT_VIRTUALLY + r"(?<![\d,.])0円",
    _NOT_VIRTUALLY + r"ゼロ", r"無用", r"は?一切",
    # (an exception refused is the rule confirmed: 「無償でお願いしてるので例外は難しいです」)
    r"(?<!例外は|例外も)難し(?!い場合|ければ|いよう)", r"(?<!例外は|例外も)厳し(?!い場合|ければ|いよう)", r"お受けでき",
    r"いたしかね", r"致しかね", r"ご遠慮", r"(?<!例外)はございません", r"(?<!例外)はありません", r"はなし", r"ではない", r"じゃない",
)
REFUSAL_AFTER_WINDOW = 8

# "NG" is a word only when it stands alone (not the tail of "meeting", "long").
NG_PATTERN = r"(?<![a-z])ng(?![a-z])"
# Cues that look negative but are not refusals: requests phrased as negative questions
# (「LINEでご連絡いただけませんか」), obligations (「登録しなければなりません」), "only X"
# (「LINEでしか連絡できません」), "no problem" (「LINEでも構いません」), apologies, "feel free".
NOT_A_NEGATION_TERMS: tuple[str, ...] = (
    "ませんか", "ませんでしょうか", "ないですか", "ないでしょうか", "ないか", "ないかな",
    # the casual invitation or question with only a question mark: 「LINE交換しません？」「LINEやってない？」
    "ません?", "ないです?", "ない?",
    "なければ", "なくては", "なくちゃ", "ないと", "ねば", "なりません", "いけません",
    "問題ありません", "問題ない", "問題はありません", "構いません", "かまいません",
    "差し支えありません", "差支えありません", "支障ありません", "申し訳ありません", "申し訳ございません",
    "すみません", "遠慮なく", "ご遠慮なさらず", "遠慮せず", "気にせず", "気兼ねなく", "間違いありません", "違いありません",
    "わかりません", "分かりません", "限りません", "かもしれません", "知れません",
    # reassurance, not refusal: 「すぐ回収できるので心配いりません」「倍になって戻るので損はないです」 (tr282, tr276)
    "心配いりません", "心配はいりません", "心配ありません", "心配はありません", "心配いらない", "心配ない", "心配無用",
    "損はない", "損はありません", "損しません",
    # a condition or a question, not a refusal: 「メッセージが難しい場合はLINEで」「難しいでしょうか」
    "難しい場合", "難しければ", "難しいようでしたら", "難しいようであれば", "難しいでしょうか", "難しいですか",
    "厳しい場合", "厳しければ", "厳しいようでしたら", "厳しいでしょうか", "厳しいですか",
    # an exception refused confirms the rule it is an exception to: 「皆さんに無償でお願いしてるので
    # 例外は難しいです」 (tr150)
    "例外は難しい", "例外は厳しい", "例外はできません", "例外はありません", "例外はございません",
    "例外は認めておりません", "例外は認めていません", "例外は設けておりません", "例外は設けていません",
)
# A negated condition: the act is required, and a negative after it is what happens without it
# (「オプチャ参加しないと次回の発注はできかねます」「登録しない場合、今後の依頼はできません」), not a
# refusal of the act. Not a thought or decision about not doing it (「LINEは使わないと決めています」).
NEGATED_CONDITION_PATTERN = (
    r"(?:ないと|なければ|なくては|ない場合|ない方(?:は|に|には)|ない人(?:は|に|には)|ない限り|ないなら|なかったら)"
    r"(?!思|考|決|言|い[うっ]|約束|伝|聞)"
)
# A request or proposal to the reader.
REQUEST_TERMS: tuple[str, ...] = (
    "ください", "下さい", "願い", "願え", "頂け", "いただけ", "頂き", "いただき", "いただく", "頂く",
    "ましょう", "ませんか", "ませんでしょうか", "ないでしょうか", "しませんか", "ほしい", "欲しい",
    "希望", "したい", "させて", "たいです", "たいと思", "よろしいでしょうか", "いかがでしょうか",
    "可能でしょうか", "可能ですか", "大丈夫ですか", "大丈夫でしょうか", "できますか", "できますでしょうか",
    "ますので", "します", "いたします", "致します", "しております", "しています", "送ります", "送りします",
    "ご連絡", "ご登録", "ご追加", "ご招待", "ご参加", "ご案内", "ご入力", "ご記入", "教えて", "下記", "こちら",
    "必須", "必要です", "必要となります", "なければ", "ないと", "しか", "できればと思", "できれば幸い",
    "といて", "ておいて",
    # casual questions that propose (the clause's question mark is read with it): 「電話面接 今日いけますか？？」
    # 「Meet可？」「通話できる？」
    "いけますか", "いけます?", "いける?", "可?", "可能?", "できます?", "できる?", "ok?", "オッケー?",
)
# The span is quoted back or asked about, not proposed (「LINEでのご案内ということでしょうか」).
REPORTED_TERMS: tuple[str, ...] = (
    "ということ", "というご", "とのこと", "というのは", "と言われ", "といわれ", "とおっしゃ", "とは何",
    "とはどういう", "ってなん", "って何",
    # a lure someone else made, reported or warned about: 「…登録するよう誘導されたら通報を」
    # 「事務局を名乗るSMSが出回ってるそうなのでお気をつけて」
    "誘導され", "誘われ", "勧誘され", "持ちかけられ", "出回って", "にご注意",
    # being hurried, warned about: 「早く決めてと急かされたら要注意です」 (round 16)
    "と急かされ", "とせかされ", "と急かす",
)
# A question that asks back what the other side said (「外部サイトに登録が必要なんですか？」「QRってLINE
# ですか？」「LINEでのやり取りは無し、全部ここで、で合ってます？」): in a worker's message the words are
# the client's, checked, not proposed. Read on a sentence that ends in a question mark.
ASKING_BACK_PATTERNS: tuple[str, ...] = (
    r"(?:なん|なの|の|ん)(?:です|でしょう)か", r"(?:って|という)(?:こと|意味)(?:です|でしょう)?か",
    # whether the other side's step is required (「オープンチャットへの参加は必須ですか？」, tr156)
    r"(?:必須|必要|強制|マスト)(?:なん)?(?:です|でしょう)か",
    r"で(?:合|あ)って(?:ます|いますか|る)", r"ですよね", r"って[^。!?\n]{0,20}?(?:です|でしょう)か",
)
# Words that place the span after the contract (「契約後はChatworkで」「仮払い後に」).
POST_CONTRACT_TERMS: tuple[str, ...] = (
    "契約後", "契約締結後", "契約成立後", "契約完了後", "契約してから", "契約させていただいてから",
    "契約が成立したら", "契約が締結されたら", "契約が完了したら", "契約が済んだら", "契約次第",
    "契約成立次第", "契約締結次第", "正式契約後", "正式発注後", "発注後", "受注後", "仮払い後",
    "仮払い完了後", "仮払いが完了したら", "仮払い確認後", "採用後", "採用が決まったら", "採用決定後",
    "契約を結んだ後", "契約を結んでから", "ご契約いただいてから", "ご契約いただいた後",
    "契約が済んでから", "契約が済んだ後", "契約完了してから", "契約が完了してから", "契約が成立してから",
    "契約締結してから", "契約が締結されてから", "仮払いが済んでから", "仮払いしてから", "仮払い後に",
    # plain and noun forms: 「契約したあとで通話したくなったら」「ご契約・仮払いのあとは法人のChatworkに」
    "契約したあと", "契約した後", "契約したら", "契約のあと", "契約の後", "仮払いのあと", "仮払いの後",
    # the escrow step as a condition: 「クラウドワークスで契約して仮払いしたらQRデータお送りします」 (tr264)
    "仮払いしたら", "仮払いされたら", "仮払いいただいたら", "仮払いいただけたら", "仮払いが済んだら", "仮払い完了したら",
)
# The contract step done first, then 「その後」 (「契約・仮払いはクラウドワークスで行い、その後の進行確認はMeetで」, tr176).
POST_CONTRACT_SEQUENCE = (
    r"(?:契約|仮払い)[^。!?\n]{0,24}?(?:行い|行って|済ませ|済ませて|済んだら|いただき|いただいて|して)\s?[、,]?\s?(?:その後|そのあと|以降|それ以降)"
)
# The next clause of the sentence places what came before after the contract, pointing back at it
# (「打ち合わせはZoomで行っていますが、それも契約後になります」, tr225).
POST_CONTRACT_BACK_REFERENCE = (
    r"(?:それ|こちら|これ|そちら|いずれ)\s?(?:も|は)\s?(?:ご)?(?:契約|仮払い)(?:後|のあと|の後|以降|が済んでから|してから)"
)
# ...unless the same sentence asks for something now (「契約後のやり取りに使うので今のうちにID交換を」).
NOW_TERMS: tuple[str, ...] = ("今のうち", "先に", "事前に", "まず", "今から", "契約前に", "契約の前に", "今すぐ", "すぐに")


def _alternation(terms: tuple[str, ...]) -> str:
    # Longest first so that 「ませんか」 wins over 「ません」 at the same position; a cue chat writes
    # in kana is read in kana too (「購入おねがいします」: `kana_spellings`, as `vocab.words` does).
    return "|".join(regex.escape(t) for t in longest_first(with_kana_spellings(terms)))


# Chat writes a space where prose writes 。: a space after a sentence-final form, a wave dash or an
# emoji (「いりませんよ笑 急ぎなんで…」「了解です　LINEで」「問題ないですよ〜 明日ずーむいけます？」)
# ends the sentence, so a negation before it does not reach a request after it. After any other
# word a space only separates phrases (「詳細は LINEで お願いします」), and a link after the space
# belongs to the sentence before it (「決済をお願いします https://…」). A job ad's terse items end
# one too (grammar.json `terse_item_ends`: 「顔出し不要 本日のみ 不参加は不採用扱い」).
# (Written in natural Japanese and folded as the normalised text reads: hiragana as katakana.)
_ITEM_ENDS = "|".join(rf"(?<![a-z]){regex.escape(t)}" if t.isascii() else regex.escape(t)
                      for t in terms("ja", "grammar", "terse_item_ends"))
CHAT_SENTENCE_END = fold_pattern(
    r"(?<=(?:ます|ません|です|でした|ました|ください|下さい|ですよ|ますよ|ませんよ|よね|笑|ww|[〜~]|\p{So}|"
    + _ITEM_ENDS + r"))[ \u3000]+(?=\S)(?!https?:|www\.)"
)
# The sentence ends every reader of a message shares (`Boundaries`, and `_channels.Sentences`).
SENTENCE_END = regex.compile("[" + regex.escape(SENTENCE_END_CHARS) + "]|" + CHAT_SENTENCE_END)
_CLAUSE_END = regex.compile("[" + regex.escape(CLAUSE_END_CHARS) + "]|" + CHAT_SENTENCE_END)
_CONTRAST = compile_pattern(_alternation(CONTRAST_TERMS))
_CAUSE_JOINT = compile_pattern(r"ので|ため、|から、")
_IMMEDIATE_NEGATION = compile_pattern(r"[^。!?\n、,]{0,8}?(?:" + _alternation(IMMEDIATE_NEGATION_TERMS) + ")")
_NEGATION = compile_pattern(f"{_alternation(NEGATION_TERMS)}|{NG_PATTERN}")
_NOT_A_NEGATION = compile_pattern(_alternation(NOT_A_NEGATION_TERMS))
_NEGATED_CONDITION = compile_pattern(NEGATED_CONDITION_PATTERN)
_WHOLE_NEGATED = compile_pattern(r"(?:ということ|というわけ|わけ|こと)(?:は|も)?(?:ありません|ございません|ない|ないです|なし)")
REQUEST = compile_pattern(_alternation(REQUEST_TERMS))  # the detectors read it too
_REQUEST = REQUEST
_REPORTED = compile_pattern(_alternation(REPORTED_TERMS))
_ASKING_BACK = compile_pattern("|".join(ASKING_BACK_PATTERNS))
_ANY_SENTENCE_END = regex.compile(r"[。!！?？\n]")
# The other side's words, reported by the worker in English (「you mentioned paying directly — no」「You asked
# me to add you on Telegram; I'd rather keep it here」, tr293): read in the sentence before the span.
_EN_SAID_BY_YOU = regex.compile(
    r"(?<![a-z])(?:you|u)(?:'ve|\shave)?\s(?:mentioned|said|asked|offered|suggested|proposed|wanted|told\sme)(?![a-z])",
    regex.IGNORECASE)
_ASKED_WITHOUT_MARK = compile_pattern(r"(?:でしょうか|ですか)\s*$")
_POST_CONTRACT = compile_pattern(_alternation(POST_CONTRACT_TERMS) + "|" + POST_CONTRACT_SEQUENCE)
_POST_CONTRACT_BACK = compile_pattern(POST_CONTRACT_BACK_REFERENCE)
# (not the escrow taken first, which is the platform's own order: 「報酬は仮払いで先にお預かりします」)
_NOW = compile_pattern(rf"(?:{_alternation(NOW_TERMS)})(?!\s?(?:お預かり|お預り|預か|預け|仮払い|お支払い|入金))")
_OWN_NEGATIVE = compile_pattern("|".join(OWN_NEGATIVE_PATTERNS))
_REFUSAL_AFTER = compile_pattern(
    rf"[^。!?\n、,]{{0,{REFUSAL_AFTER_WINDOW}}}?(?:{'|'.join(REFUSAL_AFTER_PATTERNS)})"
)
# How far before a window an own negative may start (「クラウドワークスを使わず」 read from 「使わず」).
_OWN_NEGATIVE_REACH = 16
# 「〜でしか…ません」 is "only by ~": the negative verb affirms the channel.
_ONLY = compile_pattern(r"(?<!シ)しか(?!し)")

# How far (characters) a clause chain is read for a cue: enough for a long Japanese sentence,
# bounded so a 1 MB message without punctuation stays linear per span.
MAX_SCOPE = 160


# --- spans ------------------------------------------------------------------------------------

class Boundaries:
    """Sentence ends, clause ends and contrast joints of one text, found in one pass each.

    Every question about a span (its sentence, its clause, its scope) is then a bisection in
    these sorted positions instead of a new scan of the text: a message with many candidate
    phrases costs one scan plus O(log n) per phrase. `boundaries(text)` caches the last few texts
    (a string caches its hash, so the lookup is constant time after the first)."""

    __slots__ = ("sentence_ends", "clause_ends", "contrast_starts", "contrast_ends", "length")

    def __init__(self, text: str):
        self.length = len(text)
        self.sentence_ends = [m.start() for m in SENTENCE_END.finditer(text)]
        self.clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        contrasts = [(m.start(), m.end()) for m in _CONTRAST.finditer(text)]
        self.contrast_starts = [a for a, _ in contrasts]
        self.contrast_ends = [b for _, b in contrasts]

    def span(self, ends: list[int], pos: int, limit: int = MAX_SCOPE) -> tuple[int, int]:
        """From after the last boundary before `pos` to the next boundary at or after it, each side
        bounded to `limit` characters."""
        i = bisect_left(ends, pos)
        start = ends[i - 1] + 1 if i else 0
        end = ends[i] if i < len(ends) else self.length
        return max(start, pos - limit), min(end, pos + limit, self.length)


@identity_cached(maxsize=8)
def boundaries(text: str) -> Boundaries:
    return Boundaries(text)


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: from after the previous 。!?\\n to (not including) the next one."""
    return boundaries(text).span(boundaries(text).sentence_ends, pos)


def clause_span(text: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: a sentence cut further at 、, ; (bounded to MAX_SCOPE each way)."""
    return boundaries(text).span(boundaries(text).clause_ends, pos)


def scope_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence that speaks about [start, end): the sentence, cut at the nearest
    contrast joint before the span and the nearest one after it."""
    b = boundaries(text)
    s_start, _ = b.span(b.sentence_ends, start)
    _, s_end = b.span(b.sentence_ends, max(start, end - 1))
    # the last contrast that ends at or before the span's start, inside the sentence
    i = bisect_right(b.contrast_ends, start)
    before = max(s_start, b.contrast_ends[i - 1]) if i else s_start
    # the first contrast that starts at or after the span's end, inside the sentence
    j = bisect_left(b.contrast_starts, end)
    after = min(s_end, b.contrast_starts[j]) if j < len(b.contrast_starts) else s_end
    return before, max(after, end)


# --- questions about a span -------------------------------------------------------------------

def through_question_mark(text: str, end: int) -> int:
    """`end`, or one past it when the character there is the question mark that ends the clause: the
    mark is read with the clause (「交換しません？」 invites, 「いけます？」 asks)."""
    return end + 1 if text[end:end + 1] == "?" else end


def _negation_in(text: str, start: int, end: int) -> bool:
    """A refusal cue in text[start:end] that is not a request, obligation or 'no problem', nor the
    risky phrase's own negative (「通さず」「手数料がかからない」)."""
    if start >= end or _ONLY.search(text, start, end):
        return False
    cues = list(_NEGATION.finditer(text, start, end))
    if not cues:
        return False
    excluded = [(m.start(), m.end()) for m in _NOT_A_NEGATION.finditer(text, start, through_question_mark(text, end))]
    excluded += [
        (m.start(), m.end()) for m in _OWN_NEGATIVE.finditer(text, max(0, start - _OWN_NEGATIVE_REACH), end)
    ]
    return any(
        not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in excluded) for m in cues
    )


def has_negation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a refusal/negation cue (public form of the clause test)."""
    return _negation_in(text, start, end)


def has_request(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a request/proposal cue (ください, お願い, しましょう, 希望…), the
    clause's question mark included (「いけます？」)."""
    return _REQUEST.search(text, start, through_question_mark(text, end)) is not None


def refused_right_after(text: str, end: int) -> bool:
    """Whether a refusal follows a phrase within a few characters (「対面なし」「登録料は無料」
    「伺うのが難しい」「初期費用0円」): the cues of `REFUSAL_AFTER_PATTERNS`."""
    return _REFUSAL_AFTER.match(text, end, min(len(text), end + 2 * REFUSAL_AFTER_WINDOW)) is not None


def _before_window(text: str, start: int, scope_start: int) -> int:
    """Where the words before a span that can negate it begin: its clause, inside its scope, after
    the last cause joint (「メッセージでは難しいのでLINEで」: the cause speaks of something else)."""
    lo = max(scope_start, clause_span(text, start)[0])
    for m in _CAUSE_JOINT.finditer(text, lo, start):
        lo = m.end()
    return lo


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the span [start, end) is refused or negated by its own sentence.

    「LINEではなく」「LINE以外」 right after the span negate it. Otherwise the rest of the span's
    scope is read clause by clause: a negation cue negates it (「LINEなど外部ツールでのやり取りは、
    契約前は控えております」); a clause that asks for something first confirms it
    (「LINEでご連絡いただければ、手続きは不要です」). A cue before the span in its clause
    (「禁止：LINE交換」) negates it too. The risky phrase's own negatives (「クラウドワークスを
    通さず」) negate nothing.
    """
    if _IMMEDIATE_NEGATION.match(text, end, min(len(text), end + 20)):
        return True
    scope_start, scope_end = scope_span(text, start, end)
    lo = _before_window(text, start, scope_start)
    if _negation_in(text, lo, start) and not has_request(text, lo, start):
        return True
    b = boundaries(text)
    pos = end
    while pos < scope_end:
        i = bisect_left(b.clause_ends, pos)
        next_end = min(b.clause_ends[i], scope_end) if i < len(b.clause_ends) else scope_end
        joint = _CAUSE_JOINT.search(text, pos, next_end)
        clause_end = joint.end() if joint else next_end
        condition = _NEGATED_CONDITION.search(text, pos, clause_end)
        if condition is not None and not _negation_in(text, pos, condition.start()):
            # the act made a condition: what follows is the consequence, negated only as a whole
            # (「返信がない場合、キャンセルになるということはありません」)
            return _WHOLE_NEGATED.search(text, condition.end(), scope_end) is not None
        if _negation_in(text, pos, clause_end):
            return True
        if has_request(text, pos, clause_end):
            return False
        pos = clause_end + (0 if joint else 1)
    return False


def is_reported(text: str, start: int, end: int) -> bool:
    """Whether the span's sentence quotes it back or asks what it means (「LINEでのご案内という
    ことでしょうか」): the writer is checking, not proposing. Words relayed from the writer's own
    side (「担当いわく「…」とのことです」) are not."""
    scope_start, scope_end = scope_span(text, start, end)
    return _REPORTED.search(text, end, scope_end) is not None and not relayed_from_own_side(text, start, scope_start)


# Someone of the writer's own side named as the speaker (lang/ja/grammar.json own_side_speakers), right
# before the quote they said (「代表から→『…』」) or opening the sentence (「上司が、…と言ってます」).
_OWN_SIDE = words("ja", "grammar", "own_side_speakers")
_OWN_SIDE_BEFORE_QUOTE = compile_pattern(rf"(?:{_OWN_SIDE})(?:さん)?[^「『\"“”」』\n。.!?！？]{{0,8}}[「『\"“]$")
# (matched at the sentence's start: no ^, which would not match after a sentence end)
_OWN_SIDE_OPENING = compile_pattern(rf"\s*(?:{_OWN_SIDE})(?:さん)?(?:から|いわく|曰く|より|が|は|も)")
_QUOTE_OPENS = "「『“\""
_QUOTE_CLOSES = "」』”"  # (a straight quote closes as it opens: only the nearest opening counts)


def open_quote_before(text: str, start: int, reach: int) -> int:
    """The index of the quote opened within `reach` characters before `start` and not closed before
    it, or -1."""
    opened = max(text.rfind(q, max(0, start - reach), start) for q in _QUOTE_OPENS)
    if opened < 0 or any(text.find(q, opened + 1, start) >= 0 for q in _QUOTE_CLOSES):
        return -1
    return opened


def relayed_from_own_side(text: str, start: int, sentence_start: int | None = None) -> bool:
    """Whether the words at `start` are relayed from someone of the writer's own side: the quote
    around them opens right after its speaker, or their sentence opens with the speaker."""
    opened = open_quote_before(text, start, MAX_SCOPE)
    if opened >= 0 and _OWN_SIDE_BEFORE_QUOTE.search(text, max(0, opened - 40), opened + 1):
        return True
    if sentence_start is None:
        sentence_start = scope_span(text, start, start + 1)[0]
    return _OWN_SIDE_OPENING.match(text, sentence_start, start) is not None


def asks_back(text: str, start: int, end: int) -> bool:
    """Whether the span's sentence is a question asking back what was said (ASKING_BACK_PATTERNS),
    or, in English, says what the other side said before it (「you mentioned paying directly — no」).
    Read on the normalised or the original text (full-width marks count), within MAX_SCOPE."""
    s_start = max(start - MAX_SCOPE, 0)
    for stop in _ANY_SENTENCE_END.finditer(text, s_start, start):
        s_start = stop.end()
    if _EN_SAID_BY_YOU.search(text, s_start, start):
        return True
    stop = _ANY_SENTENCE_END.search(text, end, end + MAX_SCOPE)
    s_end = stop.start() if stop is not None else min(len(text), end + MAX_SCOPE)
    # a question mark, or a question said without one (「…という意味でしょうか。」「…なんですか」)
    if not ((stop is not None and stop.group() in "?？")
            or _ASKED_WITHOUT_MARK.search(normalize(text[end:s_end]).text)):
        return False
    # the sentence folded as the patterns are (normalising normalised text changes nothing)
    return _ASKING_BACK.search(normalize(text[s_start:s_end]).text) is not None


def is_post_contract_reference(text: str, start: int, end: int) -> bool:
    """Whether the span's sentence places it after the contract (「契約後はChatworkで」) and asks
    for nothing now (「今のうちに」「先に」 make it a present request again)."""
    scope_start, scope_end = scope_span(text, start, end)
    if not _POST_CONTRACT.search(text, scope_start, scope_end):
        return _POST_CONTRACT_BACK.search(text, end, sentence_span(text, start)[1]) is not None
    return _NOW.search(text, scope_start, scope_end) is None


@lru_cache(maxsize=1)
def cue_terms() -> dict[str, tuple[str, ...]]:
    """The cue lists by name (for documentation and tests)."""
    return {
        "contrast": CONTRAST_TERMS,
        "immediate_negation": IMMEDIATE_NEGATION_TERMS,
        "negation": NEGATION_TERMS,
        "not_a_negation": NOT_A_NEGATION_TERMS,
        "negated_condition": (NEGATED_CONDITION_PATTERN,),
        "own_negative": OWN_NEGATIVE_PATTERNS,
        "refusal_after": REFUSAL_AFTER_PATTERNS,
        "request": REQUEST_TERMS,
        "reported": REPORTED_TERMS,
        "post_contract": (*POST_CONTRACT_TERMS, POST_CONTRACT_SEQUENCE, POST_CONTRACT_BACK_REFERENCE),
        "now": NOW_TERMS,
    }


# --- English ----------------------------------------------------------------------------------

# English sentences end at '.', '!' or '?' followed by a space or the end, or at a line break;
# clauses are cut further at , ; : and dashes. A negation before the phrase in its clause
# (「We never ask you to pay」「There is no registration fee」) or a "free"/"not required" right
# after it (「the registration fee is waived」) refuses it.
ENGLISH_NEGATION_BEFORE = (
    "not", "no", "never", "don't", "do not", "doesn't", "does not", "won't", "will not", "can't",
    "cannot", "can not", "without", "nor", "instead of", "isn't", "aren't", "wasn't", "shouldn't", "mustn't",
)
ENGLISH_REFUSAL_AFTER = (
    "is free", "are free", "free of charge", "is waived", "are waived", "is not required", "are not required",
    "not required", "not needed", "not necessary", "is not", "are not", "isn't", "aren't", "is prohibited",
    "are prohibited", "is not allowed", "not allowed",
    # a rule quoted against it (「Direct payment via PayPal is against the rules, so let's use escrow」)
    "against the rules", "against the terms", "against the policy", "against crowdworks", "violates the",
)
_EN_CLAUSE_START = regex.compile(r"(?:[.!?](?=\s|$)|[\n,;:\u2014\u2013]|\s-\s)[^.!?\n,;:\u2014\u2013]*\Z")
_EN_NEGATION_BEFORE = regex.compile(
    r"(?<![a-z'])(?:" + "|".join(regex.escape(t) for t in longest_first(ENGLISH_NEGATION_BEFORE))
    + r"|[a-z]+n't)(?![a-z])",
    regex.IGNORECASE,
)
_EN_REFUSAL_AFTER = regex.compile(
    r"[^.!?\n,;]{0,12}?(?<![a-z])(?:"
    + "|".join(regex.escape(t) for t in longest_first(ENGLISH_REFUSAL_AFTER)) + r")(?![a-z])",
    regex.IGNORECASE,
)
ENGLISH_SCOPE = 80
# What follows a comma inside a list: up to three words, maybe after and/or (「, ID card or 」)
_EN_LIST_ITEM = regex.compile(r"\s*(?:(?:and|or)\s+)?(?:[a-z\-/]+\s+){0,2}(?:(?:and|or)\s+)?", regex.IGNORECASE)
# ...when the commas make a list: joined by and/or before the phrase, or going on after it (not the
# comma of 「no, its unpaid」)
_EN_LIST_JOIN = regex.compile(r",[^,.!?\n;:]*?(?<![a-z])(?:and|or)\s+[^,.!?\n;:]*\Z", regex.IGNORECASE)
_EN_LIST_NEXT = regex.compile(r"\s*,|\s+(?:and|or)\s", regex.IGNORECASE)


def english_negated(text: str, start: int, end: int) -> bool:
    """Whether an English phrase is negated in its clause: 「we never ask for a registration fee」
    「the fee is waived」. (Japanese text is read by `is_negated`.)"""
    lo = max(0, start - ENGLISH_SCOPE)
    before = text[lo:start]
    cut = _EN_CLAUSE_START.search(before)
    # an item of a list is in the clause that heads the list (「we do not need your passport, ID card or
    # bank details」: 「ID card」 and 「bank details」 are not needed either)
    if cut and before[cut.start()] == "," and (_EN_LIST_NEXT.match(text, end) or _EN_LIST_JOIN.search(before)):
        while cut and before[cut.start()] == "," and _EN_LIST_ITEM.fullmatch(before, cut.start() + 1):
            cut = _EN_CLAUSE_START.search(before, 0, cut.start())
    clause_before = before[cut.start() + 1:] if cut else before
    if _EN_NEGATION_BEFORE.search(clause_before):
        return True
    return _EN_REFUSAL_AFTER.match(text, end, min(len(text), end + 40)) is not None


# --- fragments of a lure split over messages ------------------------------------------------------

_SENTENCE_END_MARKS = "。．.!！?？"
# A fragment that ends in a finished verb is a sentence of its own (「契約と支払いはクラウドワークスで行います」).
_SENTENCE_FINAL_FORMS = ("ます", "です", "でした", "ました", "ません", "ください", "下さい", "よ", "ね", "笑")
# Cut after a particle or a Latin word (「詳細は」「先に」「details on」), not a greeting or a clause of
# its own (「応募どうも」「…ので、」).
_OPEN_END = regex.compile(r"(?:は|(?<!の)で|に|を|が|の|へ|と|から|まで|[A-Za-z])$")


def ends_a_sentence(text: str) -> bool:
    """Whether a message (its original text, trailing space removed) ends a sentence."""
    return text[-1:] in _SENTENCE_END_MARKS or text.endswith(_SENTENCE_FINAL_FORMS)


def cut_mid_phrase(text: str) -> bool:
    """Whether a short message stops mid-phrase, so that the next one continues its sentence."""
    return _OPEN_END.search(text) is not None
