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

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
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


def _words(group: str) -> str:
    """A group of lang/ja/escrow.json as one regular-expression group."""
    return f"(?:{vocab.words('ja', 'escrow', group)})"


_UNPAID = _words("unpaid")
_TRIAL = _words("trial")
_WORK_VERB = _words("work_verbs")
_CONTRACT_STEP = _words("contract_steps")
_BEFORE = (
    rf"(?:{_CONTRACT_STEP}|{_words('hiring_steps')})(?:の)?\s?(?:前|より前|より先|締結前|の前)"
    r"(?:に|ですが|ではありますが|の段階で|でも|ですけど|だけど|ではございますが|、)?"
)
_ESCROW_LATER = (
    rf"仮払い(?:は|を|の手続きは)?\s?(?:{_words('later')}|"
    r"[^。!?\n]{0,14}?(?:見て|拝見して|確認して|いただいて)から)"
)
_WORK_PRODUCT = _words("work_products")
_AHEAD = (
    rf"(?:{vocab.words('ja', 'escrow', 'ahead')}|"
    rf"まず(?:は)?\s?(?:\d{{1,3}}|一|1)\s?{_words('try_units')}(?:だけ|のみ|ほど|程度)?|まず(?:は)?[^。!?\n]{{0,10}}?だけ)"
)


@dataclass(frozen=True, slots=True)
class EscrowRule(Rule):
    """A rule of this detector, with what its context checks need to know about it."""
    # Names the work unpaid outright (「無償のテスト」): a paid test elsewhere in the message does not
    # excuse it.
    unpaid: bool = False
    # States the terms (「テストは無報酬です」「仮払いは構成案を見てからにしたい」): no request verb
    # needed, and no reading of it as a remark about after the contract.
    states_terms: bool = False
    # About escrow not yet paid: still a risk after a contract.
    after_contract: bool = False
    # A sample or test piece: a risk only when made for this job (not an existing sample).
    new_piece: bool = False


RULES: tuple[EscrowRule, ...] = (
    EscrowRule(
        id="unpaid_test",
        pattern=rf"(?P<s>{_UNPAID}\s?(?:の|で|での|にて|による)?\s?{_TRIAL})",
        examples=("契約前に無償のテスト記事（2,000字）を1本書いていただいています。",),
        counter_examples=(
            "無償のテストをお願いすることはございません。",
            "記事テーマ：「無償のテスト依頼には応じるべきか」",
        ),
        reason="an unpaid test (dev-030)",
        unpaid=True,
        states_terms=True,
    ),
    EscrowRule(
        id="test_said_unpaid",
        pattern=rf"(?P<s>{_TRIAL}[^。!?\n]{{0,14}}?(?:は|も|が)?\s?{_UNPAID})",
        examples=("テストは無報酬となります。",),
        counter_examples=(
            "テストは無報酬ではありません。1本1,500円をお支払いします。",
            "トライアルも無料ではなく、1件500円の報酬をお支払いします。",
        ),
        reason="a test said to be unpaid (dev-038)",
        unpaid=True,
        states_terms=True,
    ),
    EscrowRule(
        id="unpaid_work",
        pattern=rf"(?P<s>{_UNPAID}\s?(?:で|にて)\s?(?:\d{{1,2}}|一|1)?\s?(?:本|記事|件|点)?\s?{_WORK_VERB})",
        examples=("まずは無償で1本書いていただけますか。",),
        counter_examples=(
            "無償で書いていただくことはありません。",
            "無料で作業していただくことは一切ございません。",
        ),
        reason="unpaid work without the word test",
        unpaid=True,
        states_terms=True,
    ),
    EscrowRule(
        id="work_before_contract",
        pattern=rf"(?P<s>{_BEFORE}[^。!?\n]{{0,30}}?{_WORK_VERB})",
        examples=("では、その代わりに契約前に1本、実際の案件動画を編集して納品していただけますか。",),
        counter_examples=(
            "契約前に作業を始めていただくことはありません。",
            "契約前にポートフォリオを作成して送ってください。",
        ),
        reason="work before the contract or escrow (dev-063 m3)",
    ),
    EscrowRule(
        id="escrow_later_work_now",
        pattern=rf"{_ESCROW_LATER}[^。!?\n]{{0,30}}?(?P<s>(?:{_AHEAD}[^。!?\n]{{0,12}}?)?{_WORK_VERB})",
        examples=("仮払いは明日まとめて行いますので、先に編集に着手していただけませんか。",),
        counter_examples=(
            "仮払いは明日行いますので、それまで作業には着手しないでください。",
        ),
        reason="escrow later, work now (dev-031)",
        after_contract=True,
    ),
    EscrowRule(
        id="work_ahead",
        pattern=rf"(?P<s>{_AHEAD}[^。!?\n]{{0,14}}?{_WORK_VERB}|{_WORK_VERB}[^。!?\n]{{0,6}}?{_words('ahead_after_work')})",
        examples=("1本目の構成案だけ先に作っていただけませんか。",),
        counter_examples=(
            "ご契約後、まずは1本だけ書いてみてください。",
            "まずは1本だけ書いてみていただく形で、クラウドワークスで契約・仮払いをします。",
            "先にお見積りを作成していただけますか。",
        ),
        reason="work ahead or as a try (dev-070 m13, dev-030 m3)",
    ),
    EscrowRule(
        id="escrow_after_seeing_the_work",
        pattern=rf"(?P<s>{_CONTRACT_STEP}(?:は|を|の手続きは|するかは|するかどうかは)\s?"
        rf"[^。!?\n]{{0,12}}?{_WORK_PRODUCT}[^。!?\n]{{0,8}}?"
        r"(?:見て|拝見して|確認して|読んで|見せていただいて|いただいて|して|できて|上がって)から)",
        examples=("仮払いは構成案を見てからにしたいと考えています。",),
        counter_examples=(
            "記事テーマ：仮払いは納品物を確認してからでよいのか",
            "仮払いは構成案を見てからではなく、ご契約と同時に行います。",
        ),
        reason="escrow or contract only after seeing the work (dev-070 m13)",
        states_terms=True,
        after_contract=True,
    ),
)

# A sample, test or trial piece made for this job (「サンプルを3本描いて」「オリジナルのテスト記事を
# お願いします」). Made-for-the-job work is what a contract pays for; an existing sample is not
# (「過去のサンプルを見せて」, excluded by `_EXISTING`).
_COUNT = rf"(?:\d{{1,3}}|[一二三四五六七八九十])\s?{_words('piece_units')}"
_MAKE = _words("make_verbs")
_HAND_IN = _words("hand_in_verbs")
_SAMPLE = rf"{_words('sample_words')}{_words('piece_kinds')}?"
RULES += (
    EscrowRule(
        id="new_sample_piece",
        pattern=rf"(?P<s>{_SAMPLE}\s?(?:として|を|で|は|も|の)?\s?(?:{_COUNT}\s?(?:ほど|程度|だけ|のみ)?\s?)?(?:を|で)?\s?(?:{_MAKE}|{_HAND_IN}))",
        examples=("選考用に、オリジナルのサンプルを2点ご用意いただけますか。",),
        counter_examples=(
            "過去に制作されたサンプルを2点お送りください。",
            "サンプル記事を1本書いていただきます。報酬は1,500円で、クラウドワークス上で契約・仮払いしてから着手です。",
            "新しくサンプルを作っていただく必要はありません。",
        ),
        reason="a sample, test or trial piece made for this job, asked for before the contract",
        new_piece=True,
    ),
)
_MAKE_RE = compile_pattern(rf"{_MAKE}|{_COUNT}")
# Work made for this job: 「オリジナルで」「新しく」「今回用に」「書き下ろし」.
_NEW_WORK = compile_pattern(_words("new_work"))
# An existing piece: 「過去のサンプル」「ポートフォリオ」「これまでの作品」.
_EXISTING = compile_pattern(_words("existing_work"))

_REQUEST = compile_pattern(_words("request"))
# A test that is paid and contracted on the platform.
_PAID_ON_PLATFORM = compile_pattern(
    rf"有償|有料|報酬\s?(?:は|として|:|：)?\s?{AMOUNT}|{PLATFORM}\s?(?:上で|で|経由で|にて)\s?(?:の)?\s?(?:契約|仮払い)|"
    r"仮払い\s?(?:を)?\s?(?:して|いただいて|の後|後|完了後|確認後|が完了して)|契約・仮払い"
)
# Things sent before a contract that are not work: a portfolio, a CV, a quote.
_NOT_WORK = compile_pattern(_words("not_work"))
# After the contract (「ご契約後、まず」) or the worker's own order of work.
_AFTER_CONTRACT = compile_pattern(_words("after_contract"))


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

    def rule_applies(self, rule: EscrowRule, msg: MessageView, state: dict) -> bool:
        if msg.phase != "before_contract" and not rule.after_contract:
            return False
        if "paid_test" not in state:
            state["paid_test"] = _PAID_ON_PLATFORM.search(msg.text) is not None
        return not state["paid_test"] or rule.unpaid

    def accept(self, text: str, m, rule: EscrowRule, msg: MessageView, state: dict) -> bool:
        if rule.new_piece and "new_work" not in state:
            # read once per message, not once per candidate (every candidate is examined)
            state["new_work"] = _NEW_WORK.search(text) is not None
        return self._is_request(text, m, rule, state.get("new_work", False))

    @staticmethod
    def _is_request(text: str, m, rule: EscrowRule, new_work: bool = False) -> bool:
        start, end = span_of(m)
        if in_topic(text, start, end) or refused_around(text, m):
            return False
        if rule.new_piece and not _made_for_the_job(text, m, new_work):
            return False
        if rule.states_terms:
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
