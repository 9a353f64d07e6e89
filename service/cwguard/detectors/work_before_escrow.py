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
    clause,
    in_topic,
    is_post_contract_remark,
    refused_around,
    search_in_sentence,
    sentence,
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
    rf"(?:{_CONTRACT_STEP}|{_words('hiring_steps')})(?:の)?\s?(?:(?:前|より前|より先|締結前|の前)"
    r"(?:に|ですが|ではありますが|の段階で|でも|ですけど|だけど|ではございますが|、)?|"
    # not waiting for it: 「仮払いを待たずに」「契約の完了を待たずに」
    rf"{_words('without_waiting')})"
)
_ESCROW_LATER = (
    rf"仮払い(?:(?:は|が|を|の手続きは)?\s?(?:{_words('later')})|(?:は|の手続きは)\s?"
    r"[^。!?\n]{1,14}?(?:見て|拝見して|確認して|いただいて)から)"
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
    # About escrow not yet paid, or a piece asked unpaid (「お試しで1本だけ無償で」: an extra outside the
    # contract's escrow, tr159): still a risk after a contract.
    after_contract: bool = False
    # A sample or test piece: a risk only when made for this job (not an existing sample).
    new_piece: bool = False
    # A clipped request: the phrase that ends a terse clause is the request (「まずテストで1記事」
    # 「冒頭だけ先に」); otherwise a request verb in the same clause, not the sentence (「構成案だけ
    # 先にお送りしますので、ご確認ください」 offers, it does not ask).
    terse: bool = False
    # Regular-expression source the rest of the message must contain for the rule to apply (one
    # scan per message): 「無償です」 needs a test or 「契約前」 somewhere; 「仮払いは月末」 needs work
    # asked for now.
    needs: str | None = None
    # Says something is free (「無償です」): not the worker's work when a free extra is named right
    # before it (「修正は無償です」「選考・登録は無料です」).
    free_thing: bool = False
    # A contract after judging something (「気に入ったら発注」): not work done first when it is a further
    # contract (「良ければ継続で契約」) or what is judged is a proposal or the terms.
    judges_work: bool = False
    # English: a fee waived (「free of charge」) names the work unpaid, the bait, not a waiver of the ask
    # (read by _cues.declined).
    fee_waiver_is_bait: bool = False


# A piece's size said after its count (「1本(2000字)」「1記事　3000字」「1点 A4」) still ends the clause.
_SIZE_NOTE = r"(?:\s?[（(][^)）\n]{1,14}[)）]|\s?(?:約|各)?\s?[\d,，]{2,6}\s?(?:字|文字|words?)(?:程度|前後|以上)?)?"
RULES: tuple[EscrowRule, ...] = (
    EscrowRule(
        id="unpaid_test",
        # not a software's free trial (「Adobeの無料トライアルで作って」「無料トライアル期間」);
        # the kind of work may sit between (「無料の編集テスト」「無償の翻訳トライアル」, tr327)
        pattern=rf"(?<![a-z]\s?の?\s?|(?:ソフト|ツール|アプリ|サービス)の?\s?)(?P<s>{_UNPAID}\s?(?:の|で|での|にて|による)?\s?(?:\p{{Han}}{{2,3}})?{_TRIAL})"
        rf"(?!\s?(?:{_words('tool_trials')}))",
        examples=("契約前に無償のテスト記事（2,000字）を1本書いていただいています。", "終わったら無料の編集テストやってもらいます"),
        counter_examples=(
            "無償のテストをお願いすることはございません。",
            "記事テーマ：「無償のテスト依頼には応じるべきか」",
            "Canvaの無料トライアルで作っていただいて大丈夫です。",
        ),
        reason="an unpaid test (dev-030)",
        unpaid=True,
        states_terms=True,
        after_contract=True,
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
        after_contract=True,
    ),
    EscrowRule(
        id="unpaid_work",
        pattern=rf"(?P<s>{_UNPAID}\s?(?:で|にて)\s?(?:\d{{1,2}}|一|1)?\s?(?:本|記事|件|点)?\s?(?:{_WORK_VERB}|やって|やりま|やってもら)"
        # the work asked for unpaid with no verb of its own: 「無償でお願いしてる」「無償でのご対応をお願いできれば」
        rf"|{_UNPAID}\s?(?:で|にて)\s?(?:の)?\s?(?:ご|お)?(?:対応|協力|作成|提出)?\s?(?:を)?\s?(?:お願い|願い|願っ))",
        examples=("まずは無償で1本書いていただけますか。", "皆さん無償でやってもらってます。",
                  "応募者の皆さんに無償でお願いしてるので例外は難しいです", "無償でのご対応をお願いできればと思います。"),
        counter_examples=(
            "無償で書いていただくことはありません。",
            "無料で作業していただくことは一切ございません。",
            "修正は2回まで無償で対応いたします。",
        ),
        reason="unpaid work without the word test",
        unpaid=True,
        states_terms=True,
        after_contract=True,
    ),
    EscrowRule(
        id="unpaid_then_work",
        # the pay ruled out in one clause, the work asked for in the next: 「お代は出せませんが1本書いて
        # もらえますか」「謝礼は出せないけどテストでお願い」 (round 26 family)
        pattern=rf"(?P<s>{_UNPAID}(?:んです|です|んですが)?\s?(?:が|けど|けれど|けども)[、,\s]?[^。!?\n]{{0,24}}?(?:{_WORK_VERB}|{_TRIAL}))",
        examples=("お代は出せませんが1本書いてもらえますか", "謝礼は出せないけどテストでお願い",
                  "報酬は発生しませんが、構成案だけ作成してください"),
        counter_examples=(
            "お代は出せませんが、という依頼はお断りしています。",
            "テストでも報酬は発生しませんが、ということは一切ありません。",
        ),
        reason="no pay said first, then the work or a test asked for",
        unpaid=True,
    ),
    EscrowRule(
        id="work_before_contract",
        pattern=rf"(?P<s>{_BEFORE}[^。!?\n]{{0,30}}?{_WORK_VERB})",
        examples=(
            "では、その代わりに契約前に1本、実際の案件動画を編集して納品していただけますか。",
            "仮払いの完了を待たずに、今週からデザインを作り始めてもらえますか。",
        ),
        counter_examples=(
            "契約前に作業を始めていただくことはありません。",
            "契約前にポートフォリオを作成して送ってください。",
            "仮払いを待たずに作業を始めることはしないでください。",
        ),
        reason="work before the contract or escrow (dev-063 m3)",
    ),
    EscrowRule(
        id="escrow_later_work_now",
        # the work may be asked in the next sentence: 「仮払いは納品後になります。作業を始めてください」
        pattern=rf"{_ESCROW_LATER}[^\n]{{0,30}}?(?P<s>(?:{_AHEAD}[^。!?\n]{{0,12}}?)?{_WORK_VERB})",
        examples=("仮払いは明日まとめて行いますので、先に編集に着手していただけませんか。",
                  "経理の都合で仮払いが来月頭になりそうで、、先に3本書き始めてもらえると助かります"),
        counter_examples=(
            "仮払いは明日行いますので、それまで作業には着手しないでください。",
        ),
        reason="escrow later, work now (dev-031)",
        after_contract=True,
    ),
    EscrowRule(
        id="work_ahead",
        pattern=rf"(?P<s>{_AHEAD}[^。!?\n]{{0,14}}?{_WORK_VERB}|{_WORK_VERB}[^。!?\n、,]{{0,6}}?{_words('ahead_after_work')})",
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
_COUNT = rf"(?:\d{{1,5}}|[一二三四五六七八九十])\s?{_words('piece_units')}"
_MAKE = _words("make_verbs")
_HAND_IN = _words("hand_in_verbs")
_SAMPLE = rf"{_words('sample_words')}{_words('piece_kinds')}?"
RULES += (
    EscrowRule(
        id="new_sample_piece",
        # the piece's size may sit between its count and the ask: 「テストで1記事(3000字)お願いします」
        pattern=rf"(?P<s>{_SAMPLE}{_SIZE_NOTE}\s?(?:として|を|で|は|も|の)?\s?(?:{_COUNT}\s?(?:ほど|程度|だけ|のみ)?{_SIZE_NOTE}\s?)?(?:を|で)?\s?(?:{_MAKE}|{_HAND_IN}))",
        examples=("選考用に、オリジナルのサンプルを2点ご用意いただけますか。", "トライアル原稿（約1,000字）を訳して提出してください"),
        counter_examples=(
            "過去に制作されたサンプルを2点お送りください。",
            "サンプル記事を1本書いていただきます。報酬は1,500円で、クラウドワークス上で契約・仮払いしてから着手です。",
            "新しくサンプルを作っていただく必要はありません。",
        ),
        reason="a sample, test or trial piece made for this job, asked for before the contract",
        new_piece=True,
    ),
)

# Terse requests: the piece, the part or the terms said in a few words, with no greeting and often
# no verb (「まずテストで1記事」「冒頭だけ先に」「無償です」「気に入ったら発注します」).
_FIRST = r"(?:先に|まず(?:は)?|先行して|とりあえず|試しに|お試しで)"
_PART = rf"(?:{_words('work_parts')})(?:の部分|部分)?"
_CLAUSE_END = r"(?=\s?(?:[。.!！?？\n]|$))"
# A terse line may end on emoji (「おためしで🙏」) and ask in a word (「1本いける？」「1枚お願い」).
_TERSE_TAIL = r"\s?(?:[\p{So}\p{Sk}]\s?){0,3}(?:[。.!！?？\n]|$)"
_TERSE_END = rf"(?={_TERSE_TAIL})"
_TERSE_ASK = r"(?:\s?(?:いける|いけます|できる|できます|頼める|頼めます|お願い(?:します|できます)?|おねがい|下さい|ください|ちょうだい)\s?(?:か)?)?"
# A short work noun between the trial word and the count (「テスト記事1本」「ｷｬﾗﾗﾌ1枚」), no digits.
_PIECE_NOUN = r"[^\s\d。.!！?？\n、,]{1,6}?"
_JUDGED = (
    rf"(?:{_words('judged_work')}|(?:{_WORK_PRODUCT}|中身|内容|案|結果|品質|クオリティ|仕上がり)\s?(?:が|は|も)?\s?"
    r"(?:良|よ)(?:ければ|かったら|さそうなら)|"
    # in keigo, the work seen first and then judged: 「品質を拝見したうえで問題なければそのまま契約」 (tr101)
    rf"(?:{_WORK_PRODUCT}|中身|内容|品質|クオリティ|仕上がり)\s?を\s?(?:拝見|確認|チェック)(?:した|して)\s?(?:うえ|上)で\s?"
    r"(?:問題(?:が)?なければ|(?:良|よ)ければ))"
)
# The test, the sample or the selection that 「無償です」 is said of, somewhere in the message.
_TRIAL_CONTEXT = rf"{_words('trial_context')}|{_SAMPLE}"
# Permission asked for the writer's own act right after the phrase (「先に進めていいでしょうか」);
# 「進めてもらっていいですか」 asks the reader and does not match (もらって comes first).
_OWN_ACT_ASKED = compile_pattern(r"\s?(?:も)?\s?(?:いい|よい|良い|よろしい)\s?(?:でしょうか|ですか|か)")
_PERMISSION_GIVEN = compile_pattern(
    r"\s?(?:も)?\s?(?:いい|よい|良い|ok|オッケー|大丈夫|構いません|かまいません)(?!\s?(?:でしょうか|ですか|か(?![a-z])))"
)
_REASON = compile_pattern(r"なので|ので|だから|のため")
# Work asked for now while escrow waits: 「先に進めてて」「もう始めちゃって」.
_START_NOW = rf"(?:{_words('start_now')})[^。!?\n]{{0,10}}?{_WORK_VERB}"
RULES += (
    EscrowRule(
        id="terse_trial_piece",
        pattern=rf"(?P<s>{_SAMPLE}\s?(?:で|として|に|を)?\s?(?:{_PIECE_NOUN})?\s?{_COUNT}(?:\s?(?:だけ|のみ|ほど|程度|分))?){_SIZE_NOTE}"
        rf"(?:\s?(?:先に|まず))?{_TERSE_ASK}{_TERSE_END}"
        # the count first: 「まず1記事テストで」; the piece and its count, then the trial (「ｷｬﾗﾗﾌ1枚おためしで🙏」, round 10)
        rf"|(?P<s>{_FIRST}\s?{_COUNT}\s?{_SAMPLE}\s?(?:で|として)?){_SIZE_NOTE}{_CLAUSE_END}"
        rf"|(?P<s>(?:{_PIECE_NOUN})?{_COUNT}\s?(?:だけ)?\s?(?:お試し|おためし|テスト|サンプル|試し)\s?(?:で|として|に)){_TERSE_ASK}{_TERSE_END}",
        examples=("ご応募どうも。まずはサンプルで2本。", "まずテストで1記事　3000字", "テストで1本(2000字)。", "応募ども。まず1記事テストで",
                  "ﾃｽﾄ記事1本先に", "テスト編集1本いける？", "ｷｬﾗﾗﾌ1枚おためしで🙏"),
        counter_examples=(
            "テスト1本、1,500円でクラウドワークス上で契約します。",
            "過去のサンプル3点。",
            "テスト記事1本あたり1,500円です。",
            "サンプル画像1枚お送りします。",
        ),
        reason="a test or sample piece named with its count as the whole request (tr6-010, tr9-008 family)",
        new_piece=True,
        terse=True,
    ),
    EscrowRule(
        id="just_one_piece_even",
        # 「とりあえずラフ1案だけでも」「まず1本だけでも」: the hedged 'at least just one' is the ask itself
        pattern=rf"(?P<s>{_FIRST}\s?(?:(?:{_SAMPLE}|{_PART})\s?(?:を|で)?\s?)?{_COUNT}\s?(?:だけ|のみ)\s?でも){_CLAUSE_END}"
        # or 「だけ」 alone closing the line, a laugh or emoji after it (「先に1本だけｗ」, round 12)
        rf"|(?P<s>{_FIRST}\s?{_COUNT}\s?(?:だけ|のみ))(?=\s?[w笑]*{_TERSE_TAIL})",
        examples=("とりあえずラフ1案だけでも", "まず1本だけでも", "先に1本だけｗ"),
        counter_examples=("先に1本だけでも契約を結んでおきましょう", "過去のサンプル1本だけでも見せていただけますか"),
        reason="a first piece asked as 'at least just one', the whole line (tr332 family)",
        new_piece=True,
        terse=True,
    ),
    EscrowRule(
        id="counted_try_handed_in",
        # not the client's own sending (「先に3点お送りします」)
        # a work noun may name the pieces (「試しで配信文3本だけ先に下さい」), and the making come first
        # (「試しに20件やって送って」)
        pattern=rf"(?P<s>(?:{_FIRST}|試しで)\s?(?:[^\s。!?\n、]{{1,8}}?)?{_COUNT}\s?(?:だけ|のみ|ほど|程度)?\s?(?:を)?\s?(?:先に)?\s?"
        # the proof of a task may be what is handed in (「まず練習タスク3件やってスクショ送って」, round 17)
        rf"(?:(?:やって|書いて|作って|作成して)(?:\s?(?:{_words('task_proofs')})\s?(?:を)?)?)?\s?(?:{_HAND_IN}|下さい|ください|くれ))"
        r"(?!(?<=お送り|ご用意|ご提出|お届け)\s?(?:し|いた|致))"
        # the count first, then 「だけ先に」 (「ﾗﾌ3案だけ先にください、採用になったら契約します」, tr193)
        rf"|(?P<s>{_COUNT}\s?(?:だけ|のみ)\s?(?:先に|まず)\s?(?:{_HAND_IN}|下さい|ください|くれ))"
        # the piece named after its count, then made for the client (「とりあえず1本ショート(15〜30秒)つくってもらえます？」, tr297)
        rf"|(?P<s>{_FIRST}\s?{_COUNT}\s?(?:[^\s。!?\n、]{{1,8}}?)?{_SIZE_NOTE}\s?(?:を)?\s?{_MAKE}\s?"
        # (or to be tried: 「とりあえず2ページ訳してみて」, round 10)
        r"(?:もらえ|もらい|いただけ|頂け|ほしい|欲しい|くれ|ください|下さい|みて|みてもらえ|みてくれ))",
        examples=("採用前に試しに3案だけ送ってもらえます？笑", "とりあえず2ページ訳してみて", "とりあえず2パターン送ってください", "試しに1記事お願いします",
                  "実力見たいのでラフ2案だけ先にください", "とりあえず1本ショート(15〜30秒)つくってもらえます？",
                  "2週間。採用前に試しに20件やって送ってもらえます？", "採用前に試しで配信文3本だけ先に下さい🙏"),
        counter_examples=(
            "先に3点お送りしますので、ご確認ください。",
            "ご契約後、試しに1本お送りください。",
            "ご契約後、とりあえず1本ショートを作っていただけますか",
        ),
        reason="a counted try handed in before the contract (「試しに3案だけ送って」, tr48 family): pieces made to be judged",
        new_piece=True,
    ),
    EscrowRule(
        id="counted_task_as_a_test",
        # the task itself named between the test and its count (「採用前テストとして指定店舗に口コミを2件投稿→
        # スクショ送付お願いします」); an arrow joins doing and handing in
        pattern=rf"(?P<s>(?:(?:{_words('trial_context')})\s?(?:として|で|用に)|(?:採用前|契約前|本契約前)\s?に)[^。!?\n]{{0,30}}?{_COUNT}[^。!?\n]{{0,20}}?"
        rf"(?:{_HAND_IN}|{_MAKE}|ください|下さい|願います))",
        examples=("採用前テストとして指定店舗に★5口コミを2件投稿→スクショ送付お願いします",
                  "採用前のお試しとして、競合店の料金を10件調べて表で送ってください",
                  "お試しで、うちのアカウントに投稿を3本作って下さい",
                  "採用前に実力を見たいので、リストから30件電話して結果を送ってください"),
        counter_examples=("テストとして2件、1件500円でクラウドワークス上で契約してからお願いします。",
                          "選考として過去の作品を3点お送りください。"),
        reason="a counted task asked for as a test or a selection before the contract (tr173 family): the "
               "work done to be judged, whatever the task",
        new_piece=True,
    ),
    EscrowRule(
        id="test_asked_before_the_contract",
        pattern=rf"(?P<s>(?:契約前|採用前|仮払い前|発注前|本契約前)\s?(?:に|の)\s?[^。!?\n]{{0,12}}?{_TRIAL}"
        r"[^。!?\n]{0,16}?(?:お願い|ください|下さい|いただ|頂|して(?:もら|ほし)))",
        examples=("弊社では全員に契約前のコーディングテストをお願いしております。",
                  "採用前に翻訳のトライアルを受けていただきます"),
        counter_examples=("契約前のテストはお願いしておりません。", "契約前にテストをお願いすることはありません。"),
        reason="a test named as coming before the contract and asked for (tr186 family): work done before escrow",
    ),
    EscrowRule(
        id="trial_asked_outright",
        # a trial asked for with no contract or pay named, the whole request (「英日のトライアルお願いします」
        # 「トライアル原稿お願いできますか」, round 28); not テスト or 課題, which are often the work itself
        # (「動作テストお願いします」)
        pattern=rf"(?P<s>(?:トライアル|お試し|おためし|試し書き|試し訳)(?:{_words('piece_kinds')}|翻訳|訳)?{_SIZE_NOTE}\s?(?:を|で)?\s?"
        r"(?:お願い|おねがい|頼め|(?:受けて|やって)(?:いただけ|もらえ|ください|下さい)))",
        examples=("英日のトライアルお願いします(約800ワード)", "トライアル原稿お願いできますか？", "翻訳のお試し訳お願いします"),
        counter_examples=("トライアルは契約後にお願いします。1本2,000円で仮払いしてから着手です。",
                          "トライアルは有償です。クラウドワークス上で契約してからお願いします。",
                          "トライアルのお願いはしておりません。"),
        # (a trial is made for this job by its nature: no verb of making is needed, as `new_piece` would)
        reason="a trial piece asked for before the contract, with nothing said of a contract or pay (round 28 family)",
    ),
    EscrowRule(
        id="contract_for_those_who_pass",
        # the contract promised only to those who pass a test: the test comes first, before escrow
        # (「テストライティングお願いします　通過した方のみ契約です」「課題提出→合格者のみ本契約」, tr249)
        pattern=rf"(?P<s>(?:通過|合格)\s?(?:した|された|となった|になった|の)?\s?(?:方|者|人|かた)(?:のみ|だけ|に限り|と)\s?"
        rf"(?:本|正式に?)?\s?(?:{_CONTRACT_STEP}))",
        examples=("ﾃｽﾄﾗｲﾃｨﾝｸﾞお願いします　明日12時〆　通過した方のみ契約です",
                  "課題を提出していただき、合格者のみ本契約となります。",
                  "トライアルに合格の方と契約させていただきます"),
        counter_examples=("テストは1本1,000円でクラウドワークス上で契約し、合格した方と本契約します。",
                          "書類選考を通過した方のみ契約となります。"),
        reason="a contract promised only to those who pass a test (tr249 family): the test is work before escrow",
        states_terms=True,
        needs=_TRIAL,
    ),
    EscrowRule(
        id="contract_for_the_chosen_piece",
        # pieces asked for and the contract promised only to the one chosen among them
        # (「まずロゴのラフを2案ほど見せていただけますか？採用になった方とだけ契約させていただきます」, tr297)
        pattern=rf"(?P<s>(?:採用|選ば|選定)\s?(?:に)?(?:なった|された|れた|した)?\s?(?:方|者|人|かた)\s?(?:と)?\s?"
        rf"(?:のみ|だけ|に限り)\s?(?:本|正式に?)?\s?(?:{_CONTRACT_STEP}))",
        examples=("まずロゴのラフを2案ほど見せていただけますか？採用になった方とだけ契約させていただきます",),
        counter_examples=("ラフは1案1,000円でクラウドワークス上で契約してから描いていただき、採用された方とのみ本契約します。",
                          "採用された方とのみ契約します。ご応募お待ちしています。"),
        reason="the contract promised only to the pieces chosen (tr297 family): the pieces are work before escrow",
        states_terms=True,
        needs=rf"{_COUNT}|{_SAMPLE}|{_MAKE}|{_HAND_IN}",
    ),
    EscrowRule(
        id="part_of_the_work_first",
        pattern=rf"(?P<s>{_PART}\s?(?:だけ|のみ)(?:でも)?\s?(?:を)?\s?{_FIRST}|{_FIRST}\s?{_PART}\s?(?:だけ|のみ))",
        examples=("導入だけ先に", "経理が月末締めでして…構成案だけでも先にもらえると"),
        counter_examples=(
            "構成案だけ先にお送りしますので、ご確認ください。",
            "ご契約後、まず冒頭だけ書いていただき、方向性を確認します。",
        ),
        reason="a part of the work asked for first, as a try (dev-070 m13, tr8-005 family)",
        terse=True,
    ),
    EscrowRule(
        id="unpaid_stated",
        # (an emoji may end the line: 「今回は無しで💦」, tr318)
        pattern=rf"(?P<s>{_UNPAID})(?=\s?(?:です|でお願い|でやって|でいい|で[、,。!！\n]|で[\s\p{{So}}\p{{Sk}}]*$|[。!！\n、]|$|となり|になり))",
        examples=("選考用に課題1本。無償です", "採用なら次から単価上げるので今回は無しで💦"),
        counter_examples=(
            "修正は2回まで無償です。",
            "選考・登録は無料です。",
        ),
        reason="the test or the work said to be unpaid in a few words (tr6-010 m3, tr9-008 m1)",
        unpaid=True,
        states_terms=True,
        needs=_TRIAL_CONTEXT,
        free_thing=True,
    ),
    EscrowRule(
        id="contract_if_the_work_pleases",
        pattern=rf"(?P<s>{_JUDGED}[^。!?\n]{{0,14}}?(?:{_CONTRACT_STEP}|正式発注|採用|発注))",
        examples=("ロゴ案を3つ出してもらって、気に入ったら発注します",),
        counter_examples=(
            "ご提案内容を拝見して、良ければ契約させていただきます。",
            "まずは5件お願いし、問題なければ継続で契約します。テストも1本1,000円でクラウドワークスで契約します。",
            "納品物が良ければ継続契約もご検討ください。",
        ),
        reason="a contract conditional on liking work done first (tr2, tr3, tr4 families; h3)",
        states_terms=True,
        needs=rf"{_SAMPLE}|{_MAKE}|{_COUNT}|{_UNPAID}|{_TRIAL}|{_WORK_VERB}|案|全部|すべて|合格",
        judges_work=True,
    ),
    EscrowRule(
        id="decided_on_the_work",
        # the piece asked for, then the decision taken on it: 「1本書いてもらって、それで決めます」 (round 17)
        pattern=rf"(?P<s>(?:それ|そちら|これ|その\s?(?:{_WORK_PRODUCT}|出来|内容|結果))\s?(?:で|を見て|を拝見して|次第で)\s?"
        r"(?:決め|判断し|判断させ|判断いた|選考し|選考させ|採否を))",
        examples=("1本書いてもらって、それで決めます。", "テストで2記事作っていただき、その内容で判断します"),
        counter_examples=("ご提案内容を拝見して、それで決めます。", "過去の作品を見せてください。それで判断します。"),
        reason="a piece made first and the hiring decided on it (work done to be judged, before any contract)",
        states_terms=True,
        needs=rf"{_MAKE}|{_WORK_VERB}",
        judges_work=True,
    ),
    EscrowRule(
        id="escrow_after_the_work",
        pattern=rf"(?P<s>(?:{_WORK_PRODUCT}|中身|出来栄え)(?:を|が)?\s?(?:見て|拝見して|確認して|チェックして|読んで|見せてもらって|"
        rf"見せていただいて|上がって|できて|届いて|受け取って)から\s?(?:の)?\s?(?:{_CONTRACT_STEP}|正式発注))"
        r"(?!\s?(?:を|の|は)?\s?(?:終了|完了|満了|更新|クローズ))",
        examples=("中身を確認してから仮払いしますね",),
        counter_examples=(
            "納品を確認してから契約を終了します。",
            "記事を見てから仮払いするということはありません。",
        ),
        reason="escrow or the contract after the work is seen, in that order (tr8-005 m3)",
        states_terms=True,
        after_contract=True,
    ),
    EscrowRule(
        id="escrow_later_start_now",
        pattern=rf"(?P<s>仮払い(?:は|が|を|の手続きは|も)?\s?(?:{_words('later')}))",
        examples=("仮払いは月末にまとめてやるので。もう始めちゃってください",),
        counter_examples=(
            "仮払いは明日行います。仮払い後に作業を開始してください。",
            "仮払いは後ほど行いますので、それまで作業は始めないでください。",
        ),
        reason="escrow put off while the work is asked for now, in a separate sentence (dev-031 family)",
        states_terms=True,
        after_contract=True,
        needs=_START_NOW,
    ),
    EscrowRule(
        id="payment_later_start_now",
        # before a contract, the pay put off with no word of escrow (「入金は月末締めでまとめてなので、今日から
        # 手を付けて」, tr332); after one, the pay-out's own schedule is ordinary
        # the contract itself put off, too (「契約は月末です！とりあえず500件入力お願いします」, round 17)
        pattern=rf"(?P<s>(?:入金|お支払い|支払い|お振込み?|振込み?|報酬|ご?契約|本契約|正式契約|発注)(?:は|が|も)?\s?(?:{_words('later')}))",
        examples=("入金は月末締めでまとめてなので、今日から手を付けてもらえると助かります", "支払いは来月になりますが、もう始めちゃってください",
                  "契約は来週になります。とりあえず100件入力お願いします", "支払いは月末まとめてやるんで大丈夫です。今週中に3本納品で"),
        counter_examples=("お支払いは月末締めです。作業は仮払いの後に始めてください。",
                          "契約は来週になります。作業は契約後に始めてください。"),
        reason="the pay put off while the work is asked for now, before a contract (escrow_later_start_now without the word 仮払い)",
        states_terms=True,
        needs=_START_NOW,
    ),
)

# English: an unpaid test, a contract or escrow after the work is seen, escrow later.
_EN_TRIAL = r"(?:test|trial|sample)(?:\s(?:article|task|piece|post|design|logo|draft|batch|job|entries))?s?"
# a piece made for the job: what a client asks for before any terms
_EN_PIECE = r"(?<![a-z])(?:concept|sketch|sketche|draft|sample|mock-?up|rough|design|logo|article|piece|version|idea|test)s?(?![a-z])"
_EN_WORK = (
    r"(?:it|them|(?:the|your|this|that|these) (?:[a-z]+ )?(?:draft|sample|work|result|results|test|logo|design|article|entries|piece|"
    r"delivery|submission|trial)s?)"
)
RULES += (
    EscrowRule(
        id="english_unpaid_trial",
        pattern=rf"(?P<s>(?<![a-z])(?:unpaid|no-pay|non-paid)\s{_EN_TRIAL}(?![a-z])|"
        rf"(?<![a-z])(?<!(?:'s|the|its|their|of|with|on|using|use|offers?|has)\s)(?:free)\s(?:trial|test|sample)s?(?![a-z])|"
        # the piece's topic may sit between (「1 sample on 'best cold wallets 2026' free of charge」, tr229)
        rf"(?<![a-z]){_EN_TRIAL}[^.!?\n]{{0,40}}?\s(?:for free|unpaid|without pay(?:ment)?|with no pay|free of (?:cost|charge)|for nothing)(?![a-z])|"
        # the terms stated: "The samples are not paid, they are just to check quality"
        rf"(?<![a-z]){_EN_TRIAL}\s(?:are|is|will be)\s(?:not paid|not compensated|unpaid)(?![a-z]))",
        examples=("Do a 200-word unpaid trial piece for us first.", "The samples are not paid, they are just to check quality."),
        counter_examples=(
            "We don't do unpaid tests; the trial is paid through CrowdWorks escrow.",
            "You can use the free trial of Canva for the banner.",
        ),
        lang="en",
        reason="in English: an unpaid test or trial piece (tr2, tr3 families)",
        unpaid=True,
        fee_waiver_is_bait=True,
        states_terms=True,
    ),
    EscrowRule(
        id="english_work_before_the_contract",
        # the client names its own contract step as what comes after the work asked for
        # (or anything at all: 「Before we sign anything pls do just the first 3 items」, round 28)
        pattern=r"(?P<s>(?<![a-z])before (?:i|we) (?:send|open|make|sign|offer|start|set up|create)(?: you)?(?:(?: the| a| our)? "
        r"(?:contract|offer)| anything)(?![a-z]),?\s(?:pls|please|plz|could you|can you|would you|kindly|i need you to|we need you to)\s"
        # verbs of making the work (not 'send' or 'complete': a portfolio, the platform's own verification)
        r"(?:do|make|write|put together|create|prepare|draft|shoot|record|translate|design|build|edit|draw|film|code)(?![a-z]))",
        examples=("Before we send contract pls do 2 sample visits this weekend.", "Before we sign anything pls do just the first 3 items",
                  "Before I open the contract, could you put together one complete program so our coach can check your style"),
        counter_examples=(
            "Before we send the contract, could you confirm your availability?",
            "Before I send the offer, could you complete CrowdWorks' own identity verification?",
            "We never ask for work before the contract; please wait for escrow.",
        ),
        lang="en",
        reason="in English: work asked for before the client sends or opens the contract (tr108, tr110 families)",
        states_terms=True,
    ),
    EscrowRule(
        id="english_unpaid_work",
        pattern=r"(?P<s>(?<![a-z])(?:do|write|make|design|draw|translate|edit|create|send|deliver|enter|record|film|code)\s[^.!?\n]{0,30}?\s"
        r"(?:for free|unpaid|without pay(?:ment)?|for nothing|free of (?:cost|charge))(?![a-z]))",
        examples=("Translate the first page for free so we can judge.", "pls design the first banner free of charge, then we talk"),
        counter_examples=(
            "We never ask anyone to write for free.",
            "Feel free to send questions.",
        ),
        lang="en",
        reason="in English: the work itself asked for free, without the word test (the unpaid_work family)",
        unpaid=True,
        fee_waiver_is_bait=True,
        states_terms=True,
    ),
    EscrowRule(
        id="english_unpaid_stated",
        pattern=r"(?P<s>(?<![a-z])(?:it's|its|it is|that's|thats|that is|that one's|this one's|this is|it'll be|it will be)\s(?:unpaid|not paid|without pay|not compensated|uncompensated|not paid for)(?![a-z])|"
        r"(?<![a-z])(?:first|1st|initial|test|trial|sample)(?:\s(?:piece|one|article|task|batch|draft|post|design|entries))?\s(?:is|are|will be)\s"
        r"(?:free|unpaid|not paid|not compensated|uncompensated)(?![a-z])(?!\s(?:to|of)(?![a-z]))|"
        # the first part counted and called free (「first 500 words free, everyone do it」, tr327)
        r"(?<![a-z])(?:first|1st)\s(?:\d{1,4}\s?|few\s|two\s|three\s)?(?:words?|pages?|pieces?|articles?|designs?|drafts?|entries|items|images|photos|videos?|minutes|scenes?|chapters?|sections?)"
        r"\s(?:(?:is|are|will be)\s)?(?:for\s)?(?:free|unpaid|no pay|without pay)(?![a-z])(?!\s(?:to|of)(?![a-z]))|"
        # 「sorry no budget for test」 (tr229)
        # (or no contract for it: 「no contract for the trial」, round 28)
        r"(?<![a-z])(?<!(?:have|has|had)\s)no (?:pay|payment|budget|fee|money|contract|escrow) (?:for|on) (?:the |this )?(?:test|trial|sample|first)|"
        # the pay said to start at the second piece: the first is unpaid (「if you're good we'll pay from the second one」, round 28)
        r"(?<![a-z])(?:pay|paid|paying)\s(?:you\s)?(?:only\s)?(?:from|starting (?:from|with))\s(?:the\s)?(?:second|2nd|next)\s"
        r"(?:one|piece|article|task|batch|design|post|video|draft)s?(?![a-z]))",
        examples=("trial batch is unpaid btw", "we ask every shortlisted applicant for a 300-word test article; it is not compensated",
                  "sorry, no budget for the sample", "ok. first 500 words free, everyone do it",
                  "no contract for the trial. if you're good we'll pay from the second one"),
        counter_examples=(
            "It's free to apply.",
            "We have no budget for a sample this month, so we'll just review your portfolio.",
            "This isn't unpaid work; the trial is paid.",
            "The first 3 chapters are free to read on the site; please summarise them.",
            "Milestone 1 is in escrow; we pay from the second milestone onward.",
        ),
        lang="en",
        reason="in English: the test or the first piece said to be unpaid in a few words (tr13 family)",
        unpaid=True,
        states_terms=True,
    ),
    EscrowRule(
        id="english_trial_first",
        pattern=rf"(?P<s>(?<![a-z])(?<!(?:your|my|our|past|previous|existing|old|any)\s)(?:(?:a|one|1|an?\s[a-z]+)\s)?{_EN_TRIAL}\s(?:first|before\s(?:the\s|any\s)?(?:contract|escrow|hiring|we\shire))(?![a-z])|"
        rf"(?<![a-z])no\s{_EN_TRIAL},?\s(?:no|then\sno)\s(?:contract|job|deal|hire|escrow)(?![a-z]))",
        examples=("sample first. no sample no contract", "Pls do a test article first, then we talk"),
        counter_examples=(
            "No test first: the trial is paid through CrowdWorks escrow after the contract.",
            "I'd like to see your samples first.",
        ),
        lang="en",
        reason="in English: a test or sample piece asked for ahead of the contract in a few words (tr25 family)",
        states_terms=True,
    ),
    EscrowRule(
        id="english_contract_after_the_work",
        pattern=rf"(?P<s>(?<![a-z])(?:if|once|when|after)\s(?:i|we)\s(?:like|love|approve|check|review|see|read|am happy with|'m happy with|"
        rf"are happy with|'re happy with|am satisfied with|are satisfied with)\s{_EN_WORK}[^.!?\n]{{0,40}}?"
        r"(?:contract|escrow|hire you|pay (?:you|for it)|offer)|"
        r"(?<![a-z])if\s(?:the\s)?(?:quality|result|results|sample|draft|test|work|output)\s(?:is|are|looks)\s(?:good|ok|okay|fine|great|acceptable)"
        r"[^.!?\n]{0,40}?(?:contract|escrow|hire|pay)|"
        # the next milestone funded only after the work is seen (「write the next 20 first, I fund milestone 2 after I see them」, tr180)
        # (not the pay released from the escrow already funded: 「Payment is released by CrowdWorks from the escrow once
        # I approve the delivery」, tr290)
        rf"(?<![a-z])(?<!(?:from|in|out\sof)\s(?:the\s)?)(?:escrow|contract|fund|milestone)[^.!?\n]{{0,30}}?(?:after|once|when)\s(?:i|we)\s(?:check|review|see|approve|receive|get|like)\s{_EN_WORK})",
        examples=("Write the intro first. If we like it, we'll send the contract.",
                  "write the next 20 first, I fund milestone 2 after I see them"),
        counter_examples=(
            "If you like my portfolio, please send the contract.",
            "We never set up the escrow after we check the work; escrow comes first.",
            "Payment is released by CrowdWorks from the escrow once I approve the delivery.",
        ),
        lang="en",
        reason="in English: a contract or escrow only after the work is seen (tr2-0073, tr2-0136, tr4-0082 family)",
        states_terms=True,
        after_contract=True,
    ),
    EscrowRule(
        id="english_work_before_the_price",
        # the price settled only after a piece is made (「before we agree on price pls send a rough logo concept」
        # 「just 2-3 sketches … we pick one then talk budget」, round 22)
        pattern=r"(?P<s>(?<![a-z])before (?:we|i) (?:agree|settle|decide|talk|discuss|fix|set)(?: on| about)? (?:the |a |your )?"
        r"(?:price|budget|rate|fee|pay|terms)s?)(?=[^.!?\n]{0,40}?(?<![a-z])(?:send|do|make|draw|design|write|sketch|prepare|create|show)"
        rf"(?![a-z])[^.!?\n]{{0,30}}?{_EN_PIECE})"
        rf"|(?<={_EN_PIECE}[^\n]{{0,60}}?)(?P<s>(?<![a-z])(?:then|and then|after that|before we)\s(?:we\s|we'll\s|we will\s)?"
        r"(?:talk|discuss|agree on|decide|settle|set)\s(?:the\s|a\s|your\s)?(?:budget|price|rate|fee|pay|terms))(?![a-z])",
        examples=("Hi! before we agree on price pls send a rough logo concept 🙂",
                  "just 2-3 sketches, nothing fancy. we pick one then talk budget"),
        counter_examples=("Before we agree on price, could you tell me your availability?",
                          "Please share your portfolio, then we talk budget."),
        lang="en",
        reason="in English: a piece of the work asked for before the price or the terms are agreed (round 22)",
        states_terms=True,
    ),
    EscrowRule(
        id="english_work_before_escrow",
        pattern=r"(?P<s>(?<![a-z])(?:start|begin|work|get started|go ahead)(?:\s(?:on|with)\s(?:it|the\s[a-z]+))?\s(?:today\s|now\s|right away\s)?"
        r"(?:before|without waiting for)\s(?:the\s)?(?:escrow|contract|milestone)(?:\s(?:is\s)?(?:funded|signed|paid|deposited))?)(?![a-z])",
        examples=("Could you start today without waiting for the escrow?", "Please begin before the contract is signed."),
        counter_examples=(
            "Please do not start before the escrow is funded.",
            "I never start work before the contract is signed.",
        ),
        lang="en",
        reason="in English: the work asked for before escrow or the contract (the work_before_contract family)",
    ),
    EscrowRule(
        id="english_escrow_later_start_now",
        # (or the money said to come later: 「budget opens on the 1st, start now pls」「we'll fund the milestone
        # next week, start now」, round 19)
        pattern=r"(?P<s>(?<![a-z])escrow\s(?:later|next week|next month|at (?:the )?(?:end of (?:the )?month|month end)|tomorrow|after delivery)(?![a-z])"
        r"|(?<![a-z])(?:budget|funds?|funding|escrow|milestone|payment)\s(?:opens?|comes?|arrives?|clears?|goes in|go in|(?:is|are|will be|gets?) (?:funded|approved|released))\s"
        r"(?:on the \d{1,2}(?:st|nd|rd|th)?|next week|next month|later|tomorrow|at (?:the )?(?:end of (?:the )?month|month end))(?![a-z])"
        r"|(?<![a-z])(?:i|we)(?:'ll| will)\sfund\s(?:the\s|it\s)?(?:escrow\s|milestone\s)?(?:later|next week|next month|tomorrow|on the \d{1,2}(?:st|nd|rd|th)?)(?![a-z]))",
        examples=("Escrow at the end of the month, just start now please.", "budget opens on the 1st, start now pls",
                  "we'll fund the milestone next week, start now pls"),
        counter_examples=(
            "I'll fund the escrow later today; please start after it is funded.",
            "The budget opens on the 1st, so we will post the contract then.",
        ),
        lang="en",
        reason="in English: escrow put off, the work asked for now (tr3-0153 family)",
        states_terms=True,
        after_contract=True,
        needs=r"(?<![a-z])(?:just start|start now|start (?:right away|today|immediately)|go ahead|get started|begin now|start (?:on )?the)",
    ),
)

_MAKE_RE = compile_pattern(rf"{_MAKE}|{_COUNT}")
# Work made for this job: 「オリジナルで」「新しく」「今回用に」「書き下ろし」.
_NEW_WORK = compile_pattern(_words("new_work"))
# An existing piece: 「過去のサンプル」「ポートフォリオ」「これまでの作品」.
_EXISTING = compile_pattern(_words("existing_work"))

_REQUEST = compile_pattern(_words("request"))
# An English request opening the phrase's sentence: 「Could you start …」「Please begin …」.
_EN_REQUEST = compile_pattern(rf"(?<![a-z])(?:{vocab.words('en', 'grammar', 'request_openers')})(?![a-z])")
# A test that is paid and contracted on the platform.
_PAID_ON_PLATFORM = compile_pattern(
    rf"有償|有料|報酬\s?(?:は|として|:|：)?\s?{AMOUNT}|{PLATFORM}\s?(?:上で|で|経由で|にて)\s?(?:の)?\s?(?:契約|仮払い)|"
    r"仮払い\s?(?:を)?\s?(?:して|いただいて|の後|後(?!回し)|完了後|確認後|が完了して)|契約・仮払い|"
    # 「契約・支払いはクラウドワークス上で」 (tr85)
    rf"(?:契約|お?支払い)\s?(?:・|と|や|、)\s?(?:お?支払い|仮払い|契約)\s?(?:は|も|を)?\s?{PLATFORM}|"
    r"(?<![a-z])paid\s(?:test|trial|sample)|(?:test|trial|sample)\s(?:is|will be)\s(?:paid|compensated)|"
    # the test itself sent as the platform's offer (「テストのオファー今送りますね」, tr308): contracted there
    r"(?:テスト|トライアル|課題)\s?(?:の|用の)?\s?(?:オファー|契約)\s?(?:を)?\s?(?:今|これから|すぐ)?\s?(?:送|お送り|出し|出します|いたします)"
)
# A rate for the test (「テスト1本、1,500円」「1,500円で契約出します」): the piece is paid, which
# excuses a request for it, but says nothing of when escrow comes.
_PAID_RATE = compile_pattern(
    rf"{_COUNT}\s?(?:あたり|につき|を|[、,(（])?\s?{AMOUNT}|{AMOUNT}\s?(?:で|にて)\s?(?:の)?\s?(?:契約|発注|ご契約)"
)
# Things sent before a contract that are not work: a portfolio, a CV, a quote.
_NOT_WORK = compile_pattern(_words("not_work"))
# After the contract (「ご契約後、まず」) or the worker's own order of work.
_AFTER_CONTRACT = compile_pattern(_words("after_contract"))
# What a client offers free that is not the worker's work (「修正は無償です」「登録は無料です」).
_FREE_EXTRAS = compile_pattern(_words("free_extras"))
# A further contract after a first paid one (「良ければ継続で契約」), and what a client judges
# without any work done (「ご提案を拝見して良ければ契約」).
_CONTINUING = compile_pattern(_words("continuing"))
_PROPOSAL = compile_pattern(_words("proposal_words"))
_NEEDS = {r.id: compile_pattern(r.needs) for r in RULES if r.needs is not None}
# A software's free trial named as a tool (「Adobeの無料トライアルで作って」): its trial is not a test.
_TOOL_TRIAL = compile_pattern(
    r"(?:[a-z][a-z0-9.]{1,20}|ソフト|ツール|アプリ|サービス)\s?(?:の|'s)?\s?(?:無料|free)\s?(?:トライアル|体験版|お試し|trial)"
)


class WorkBeforeEscrowDetector(RuleDetector):
    name = "work_before_escrow"
    category = "work_before_escrow"
    kind = "risk"
    rules = RULES
    terms = (
        "無償", "無料", "無報酬", "無し", "なし", "報酬", "ノーギャラ", "ただ", "ボランティア", "仮払い", "契約", "発注", "採用", "先に", "先行", "前もって", "試し",
        "とりあえず", "まず", "サンプル", "テスト", "おためし", "トライアル", "試作", "課題", "選考", "合格", "escrow", "contract", "unpaid", "free", "trial", "test",
        "sample", "no-pay", "non-paid", "not paid", "without pay", "no pay", "before i", "before we", "fund", "milestone", "budget", "payment",
        # the pay put off with no word of escrow (payment_later_start_now)
        "入金", "支払", "振込",
        # the decision taken on a piece made first (decided_on_the_work)
        "決め", "判断", "選考", "採否",
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
        needed = _NEEDS.get(rule.id)
        if needed is not None:
            key = ("needs", rule.id)
            if key not in state:
                state[key] = needed.search(msg.text) is not None
            if not state[key]:
                return False
        if "paid_test" not in state:
            state["paid_test"] = _PAID_ON_PLATFORM.search(msg.text) is not None
            state["paid_rate"] = state["paid_test"] or _PAID_RATE.search(msg.text) is not None
        if rule.unpaid:
            return True
        # a rate excuses a request for the piece, not escrow put off
        return not (state["paid_test"] if rule.after_contract else state["paid_rate"])

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
        if _OWN_ACT_ASKED.match(text, m.end()):
            return False  # 「…がまだ発行されてないのですが、先に進めていいでしょうか」: may I, not do it
        if any(t.start() < end and start < t.end() for t in _TOOL_TRIAL.finditer(text, max(0, start - 30), end + 10)):
            return False
        if rule.new_piece and not _made_for_the_job(text, m, new_work):
            return False
        if (rule.free_thing or rule.judges_work) and not _said_of_the_work(text, m, rule):
            return False
        if rule.states_terms:
            return True
        if search_in_sentence(_AFTER_CONTRACT, text, start) or is_post_contract_remark(text, start, end):
            return False
        if search_in_sentence(_NOT_WORK, text, start):
            return False
        if _PERMISSION_GIVEN.match(text, m.end()):
            return True  # 「仮払い前ですが先に進めていいですよ」「始めてOKです」: leave to start asks to start
        if rule.terse:
            return _terse_request(text, m)
        if rule.lang == "en":
            return _EN_REQUEST.search(text, max(0, start - 60), start) is not None
        return search_in_sentence(_REQUEST, text, start) is not None


# What may close a terse request: punctuation, a long-vowel mark, emoji, a laugh (「おためしで🙏」「1本だけｗ」).
_ONLY_CLOSING = compile_pattern(r"[\s。.!！?？~〜ー\p{So}\p{Sk}w笑]*")


def _terse_request(text: str, m) -> bool:
    """A terse phrase asks when its clause ends right after it (「冒頭だけ先に」「まずテストで1記事。」)
    or the clause asks in words (「冒頭だけ先に送って」); 「構成案だけ先にお送りしますので、ご確認
    ください」 offers, and the request in the next clause is about something else."""
    c_start, c_end = clause(text, m.start())
    c_end = max(c_end, m.end())
    if _ONLY_CLOSING.fullmatch(text, m.end(), c_end):
        return True
    return _REQUEST.search(text, c_start, c_end) is not None


def _said_of_the_work(text: str, m, rule: EscrowRule) -> bool:
    """「無償です」 is about the test unless its sentence names a free extra (「修正は無償です」
    「登録は無料です」); 「気に入ったら契約」 is about work done first unless it is a further contract
    (「良ければ継続で契約」) or the judged thing is a proposal or the terms."""
    s_start, _ = sentence(text, m.start())
    if rule.free_thing:
        # the thing said free is named right before it: 「修正は無償です」「選考・登録は無料です」; a reason
        # between them gives why the work is unpaid (「選考なので無償です」)
        extra = _FREE_EXTRAS.search(text, max(s_start, m.start() - 10), m.start())
        return extra is None or _REASON.search(text, extra.end(), m.start()) is not None
    if _CONTINUING.search(text, m.start(), min(len(text), m.end() + 6)):
        return False
    return _PROPOSAL.search(text, s_start, m.start()) is None


def _made_for_the_job(text: str, m, new_work: bool) -> bool:
    """A sample piece is new work when it is made (a verb of making or a count: 「3本描いて」) or the
    message says so (「オリジナルで見たい」), and its sentence names no existing work."""
    if search_in_sentence(_EXISTING, text, m.start()):
        return False
    return _MAKE_RE.search(m.group()) is not None or new_work


DETECTOR = WorkBeforeEscrowDetector()
