"""work_before_escrow: real work, an unpaid test, or a delivery asked for before escrow/contract.

Without a contract and escrow (仮払い) the worker has no claim to payment: the work can be taken
and the client disappear. Shapes:

1. an unpaid test or trial: 「無償のテスト記事」「テストは無報酬」「報酬は発生しませんが試しに1本」;
2. work asked for before the contract or escrow: 「契約前に1本…納品」「仮払い前ですが先に」
   「仮払いは明日まとめて行いますので、先に編集に着手」;
3. work asked for ahead or as a try: 「構成案だけ先に作って」「まずは1本だけ書いてみて」;
4. escrow or contract only after seeing the work: 「仮払いは構成案を見てからにしたい」.

Not a risk: a test that is paid and contracted on CrowdWorks (「テストも有償で…クラウドワークスで
契約・仮払いをしてから着手」), a remark about after the contract (「ご契約後、まずラフを」), the
worker's own policy (「仮払いの確認後に着手させていただいております」), anything after the
contract except an explicit 「仮払い前に」.
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ._cues import (
    AMOUNT,
    PLATFORM,
    RuleDetector,
    in_topic,
    is_post_contract_remark,
    refused_around,
    search_in_sentence,
    span_of,
)

_UNPAID = (
    r"(?:無償|無料|無報酬|報酬なし|報酬無し|ノーギャラ|(?<!い)ただ(?=で|働き)|ただ働き|ボランティア|"
    r"報酬は(?:発生し|出)(?:ません|ない)|報酬(?:は|の)?お支払いはできません|報酬はお支払いできません|"
    r"報酬はありません|報酬は(?:なし|無し)|報酬は(?:お支払い)?いたしかねます)"
)
_TRIAL = r"(?:テスト|トライアル|お試し|試し|サンプル|課題|選考課題)"
_WORK_VERB = (
    r"(?:着手|作業(?:を|に)?(?:開始|始め|進め|して|いただ|お願い|取りかか|取り掛か)|書いて|書き始|書いてみ|書けば|"
    r"執筆して|執筆を|執筆いただ|作成して|作成を|作成いただ|作って|作ってみ|制作して|制作を|制作いただ|"
    r"編集して|編集を|編集に|編集いただ|翻訳して|翻訳を|翻訳いただ|入力して|入力を|デザインして|"
    r"コーディングして|撮影して|撮って|撮ってみ|描いて|描いてみ|描き始|描き下ろ|イラストを|録音して|録って|歌って|"
    r"作曲して|演奏して|収録して|制作してみ|作成してみ|翻訳してみ|編集してみ|納品|仕上げ|取りかか|取り掛か|進めて|進めていただ|始めて|開始して|手を付け|"
    r"やってみ|試して|ご提出|提出して|提出いただ)"
)
_BEFORE = (
    r"(?:仮払い|契約|ご契約|本契約|正式契約|発注|正式発注|採用)(?:の)?\s?(?:前|より前|より先|締結前|の前)"
    r"(?:に|ですが|ではありますが|の段階で|でも|ですけど|だけど|ではございますが|、)?"
)
_ESCROW_LATER = (
    r"仮払い(?:は|を|の手続きは)?\s?(?:後で|あとで|後ほど|後日|明日|来週|月末|まとめて|後から|のちほど|"
    r"納品後|完了後|確認後|その後|[^。!?\n]{0,14}?(?:見て|拝見して|確認して|いただいて)から)"
)
_WORK_PRODUCT = (
    r"(?:構成案|構成|記事|原稿|テスト|サンプル|作品|納品物|成果物|仕上がり|デザイン|動画|ラフ|1本目|一本目|"
    r"初稿|出来|完成品|納品|1本|一本|作業)"
)
_AHEAD = (
    r"(?:先に|先行して|前もって|試しに|お試しで|とりあえず|"
    r"まず(?:は)?\s?(?:\d{1,3}|一|1)\s?(?:本|記事|件|点|枚|話|ページ|カット|コマ|曲|秒|分|文字|字|カ所|箇所|シーン|"
    r"ワード|words?|カ国語)(?:だけ|のみ|ほど|程度)?|まず(?:は)?[^。!?\n]{0,10}?だけ)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="unpaid_test",
        pattern=rf"(?P<s>{_UNPAID}\s?(?:の|で|での|にて|による)?\s?{_TRIAL})",
        examples=("契約前に無償のテスト記事（2,000字）を1本書いていただいています。",),
        reason="an unpaid test (dev-030)",
    ),
    Rule(
        id="test_said_unpaid",
        pattern=rf"(?P<s>{_TRIAL}[^。!?\n]{{0,14}}?(?:は|も|が)?\s?{_UNPAID})",
        examples=("テストは無報酬となります。",),
        reason="a test said to be unpaid (dev-038)",
    ),
    Rule(
        id="unpaid_work_without_word",
        pattern=rf"(?P<s>{_UNPAID}\s?(?:で|にて)\s?(?:\d{{1,2}}|一|1)?\s?(?:本|記事|件|点)?\s?{_WORK_VERB})",
        examples=("まずは無償で1本書いていただけますか。",),
        reason="unpaid work without the word test",
    ),
    Rule(
        id="work_before_contract_escrow",
        pattern=rf"(?P<s>{_BEFORE}[^。!?\n]{{0,30}}?{_WORK_VERB})",
        examples=("では、その代わりに契約前に1本、実際の案件動画を編集して納品していただけますか。",),
        reason="work before the contract or escrow (dev-063 m3)",
    ),
    Rule(
        id="escrow_later_work_now",
        pattern=rf"{_ESCROW_LATER}[^。!?\n]{{0,30}}?(?P<s>(?:{_AHEAD}[^。!?\n]{{0,12}}?)?{_WORK_VERB})",
        examples=("仮払いは明日まとめて行いますので、先に編集に着手していただけませんか。",),
        reason="escrow later, work now (dev-031)",
    ),
    Rule(
        id="work_ahead_try",
        pattern=rf"(?P<s>{_AHEAD}[^。!?\n]{{0,14}}?{_WORK_VERB}|{_WORK_VERB}[^。!?\n]{{0,6}}?(?:先に|先行して))",
        examples=("1本目の構成案だけ先に作っていただけませんか。",),
        reason="work ahead or as a try (dev-070 m13, dev-030 m3)",
    ),
    Rule(
        id="escrow_contract_only_after",
        pattern=rf"(?P<s>(?:仮払い|契約|ご契約|本契約|正式契約|発注)(?:は|を|の手続きは|するかは|するかどうかは)\s?"
        rf"[^。!?\n]{{0,12}}?{_WORK_PRODUCT}[^。!?\n]{{0,8}}?"
        r"(?:見て|拝見して|確認して|読んで|見せていただいて|いただいて|して|できて|上がって)から)",
        examples=("仮払いは構成案を見てからにしたいと考えています。",),
        reason="escrow or contract only after seeing the work (dev-070 m13)",
    ),
)

# A sample, test or trial piece made for this job (「サンプルを3本描いて」「オリジナルのテスト記事を
# お願いします」). Made-for-the-job work is what a contract pays for; an existing sample is not
# (「過去のサンプルを見せて」, excluded by `_EXISTING`).
_COUNT = r"(?:\d{1,3}|[一二三四五六七八九十])\s?(?:本|点|枚|件|記事|個|案|カット|パターン|種類|つ|作品|ページ|秒|分)"
_MAKE = (
    r"(?:書いて|書き下ろ|執筆して|執筆を|執筆いただ|作って|作成して|作成を|作成いただ|制作して|制作を|制作いただ|描いて|描き下ろ|"
    r"撮って|撮影して|撮り下ろ|編集して|翻訳して|デザインして|作曲して|録音して)"
)
_HAND_IN = r"(?:お願い|ご提出|提出して|提出を|提出いただ|お送り|送って|ご用意|用意して)"
_SAMPLE = r"(?:サンプル|テスト|お試し|トライアル|試作)(?:記事|原稿|作品|デザイン|イラスト|動画|画像|ライティング|案|ロゴ|曲)?"
RULES += (
    Rule(
        id="sample_test_trial_piece",
        pattern=rf"(?P<s>{_SAMPLE}\s?(?:として|を|で|は|も|の)?\s?(?:{_COUNT}\s?(?:ほど|程度|だけ|のみ)?\s?)?(?:を|で)?\s?(?:{_MAKE}|{_HAND_IN}))",
        examples=("選考用に、オリジナルのサンプルを2点ご用意いただけますか。",),
        reason="a sample, test or trial piece made for this job, asked for before the contract",
    ),
)
_SAMPLE_RULE = RULES[-1].pattern
_MAKE_RE = compile_pattern(rf"{_MAKE}|{_COUNT}")
# Work made for this job: 「オリジナルで」「新しく」「今回用に」「書き下ろし」.
_NEW_WORK = compile_pattern(
    r"オリジナル|新しく|新規に|新たに|今回用|今回の案件用|本案件用|今回のために|この案件のために|書き下ろ|描き下ろ|撮り下ろ"
)
# An existing piece: 「過去のサンプル」「ポートフォリオ」「これまでの作品」.
_EXISTING = compile_pattern(
    r"過去の|過去に|これまでの|以前の|既存の|お手持ち|手持ち|制作済み|作成済み|公開済み|納品済み|ポートフォリオ|実績|"
    r"作品集|見せて|拝見"
)

# Rules that name the unpaid work outright: no request verb needed, and a paid test elsewhere
# in the message does not excuse them.
_UNPAID_RULES = {RULES[0].pattern, RULES[1].pattern, RULES[2].pattern}
_LATER_RULE = RULES[6].pattern
# Rules that read as risky after a contract too (escrow not yet paid).
_ESCROW_RULES = {RULES[4].pattern, RULES[6].pattern}
_REQUEST = compile_pattern(
    r"ください|下さい|いただけ|頂け|いただき|頂き|いただく|いただいて|いただいています|もらえ|もらって|ませんか|"
    r"お願い|ほしい|欲しい|願え|可能でしょうか|できますか|でしょうか|したい|たいと考|しております|しています"
)
# A test that is paid and contracted on the platform.
_PAID_ON_PLATFORM = compile_pattern(
    rf"有償|有料|報酬\s?(?:は|として|:|：)?\s?{AMOUNT}|{PLATFORM}\s?(?:上で|で|経由で|にて)\s?(?:の)?\s?(?:契約|仮払い)|"
    r"仮払い\s?(?:を)?\s?(?:して|いただいて|の後|後|完了後|確認後|が完了して)|契約・仮払い"
)
# Things sent before a contract that are not work: a portfolio, a CV, a quote.
_NOT_WORK = compile_pattern(
    r"ポートフォリオ|実績|履歴書|職務経歴|プロフィール|見積|スケジュール|ご質問|質問|ご希望|希望単価|稼働|連絡先|自己紹介"
)
# After the contract (「ご契約後、まず」) or the worker's own order of work.
_AFTER_CONTRACT = compile_pattern(r"契約後|契約してから|契約締結後|仮払い後|仮払いの確認後|仮払い確認後|ご契約から")


class WorkBeforeEscrowDetector(RuleDetector):
    name = "work_before_escrow"
    category = "work_before_escrow"
    kind = "risk"
    rules = RULES
    terms = (
        "無償", "無料", "無報酬", "報酬", "ノーギャラ", "ただ", "ボランティア", "仮払い", "契約", "発注", "採用", "先に", "先行", "前もって", "試し",
        "とりあえず", "まず", "サンプル", "テスト", "トライアル", "試作",
    )
    examples = Examples(
        positive=(
            "採用の判断のため、契約前に無償のテスト記事（2,000字）を1本書いていただいています。",
            "皆さんにお願いしていることなので、まずは1本だけ書いてみていただけませんか。",
            "仮払いは明日まとめて行いますので、先に編集に着手していただけませんか。",
            "1本目の構成案だけ先に作っていただけませんか。仮払いは構成案を見てからにしたいと考えています。",
            "その場で30分ほどの作業テストを受けていただきたいと考えております。テストは無報酬となります。",
            "契約前に1本、実際の案件動画を編集して納品していただけますか。",
            "トライアルとして無料で3点デザインしていただき、採用の方と契約します。",
        ),
        negative=(
            "本契約の前に、テストとして商品10件分の登録をお願いしております。テストも有償で、報酬は1,000円（税込）です。"
            "クラウドワークスで契約・仮払いをしてから着手いただく流れになります。",
            "ご契約後、まずラフを8個ほどお出しして、方向性をご確認いただく流れでいかがでしょうか。",
            "テストは無償ではありません。1本3,000円でクラウドワークス上で契約します。",
            "先にお見積りをいただけますか。",
            "まずは過去の実績を教えてください。",
            "そうですよね、承知しました。では先に契約させていただきます。",
        ),
        negative_after_contract=(
            "仮払いが完了しました。管理画面のログイン情報はこのあとお送りしますので、届きましたら作業を開始してください。",
            "まずは1本目の構成案を作成していただけますか。",
        ),
    )

    def rule_applies(self, rule: Rule, msg: MessageView, state: dict) -> bool:
        if msg.phase != "before_contract" and rule.pattern not in _ESCROW_RULES:
            return False
        if "paid_test" not in state:
            state["paid_test"] = _PAID_ON_PLATFORM.search(msg.text) is not None
        return not state["paid_test"] or rule.pattern in _UNPAID_RULES

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        if rule.pattern == _SAMPLE_RULE and "new_work" not in state:
            # read once per message, not once per candidate (every candidate is examined)
            state["new_work"] = _NEW_WORK.search(text) is not None
        return self._is_request(text, m, rule.pattern, state.get("new_work", False))

    @staticmethod
    def _is_request(text: str, m, pattern: str, new_work: bool = False) -> bool:
        start, end = span_of(m)
        if in_topic(text, start, end) or refused_around(text, m):
            return False
        if pattern == _SAMPLE_RULE and not _made_for_the_job(text, m, new_work):
            return False
        if pattern in _UNPAID_RULES or pattern == _LATER_RULE:
            return True
        if search_in_sentence(_AFTER_CONTRACT, text, start) or is_post_contract_remark(text, start, end):
            return False
        if search_in_sentence(_NOT_WORK, text, start):
            return False
        return search_in_sentence(_REQUEST, text, start) is not None


def _made_for_the_job(text: str, m, new_work: bool) -> bool:
    """A sample piece is new work when it is made (a verb of making or a count: 「3本描いて」) or the
    message says so (「オリジナルで見たい」), and its sentence names no existing work."""
    if search_in_sentence(_EXISTING, text, m.start()):
        return False
    return _MAKE_RE.search(m.group()) is not None or new_work


DETECTOR = WorkBeforeEscrowDetector()
