"""pressure: urgency the client puts on the worker.

Scams hurry the reader so that there is no time to check (「本日中に返信がなければ取り消し」
「先着3名」「残り2枠」「今すぐご決断を」). Shapes:

1. a deadline with a consequence: 「本日中にご返信いただけない場合は他の方を優先」
   「48時間以内に参加がない場合は次の方に回します」;
2. a same-day deadline on the worker's reply, decision, registration or payment:
   「本日中にお振込みいただければ」「本日中にご登録いただいた方のみ」「今すぐご決断ください」;
3. a same-day deadline on the work itself: 「今日中に仕上げてもらえると助かります」;
4. scarcity: 先着3名, 残り2枠, 残りわずか, 枠が埋まる前に, 本日23:59まで;
5. urging words: 急募, 至急, 急ぎの案件, お早めに, 早めのご判断を.

Not pressure: the client promising its own speed (「本日中に契約のお手続きをいたします」), the
worker's own deadlines (「本日中に修正版をアップいたします」), ordinary terms (「納期は5日後」
「3日以内の納品でお願いします」), an offer conditioned on a question (「ご不明点があればお早めに」).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ..lang.ja import clauses
from ._channels import sentences_of
from ._cues import (
    RuleDetector,
    about_the_work,
    clause,
    enclosing_quote,
    in_topic,
    occurs_in_message,
    refused_around,
    span_of,
)

# Word lists come from lang/ja/pressure.json and lang/en/pressure.json; the grammar stays here.
# (today and tonight in kana too, as chat writes them: 「枠きょうまで」「こんやじゅうに」; never inside a
# katakana word, and only before what makes it a time)
_TODAY = (r"(?:本日中|今日中|本日|今日|今夜中?|今晩|今すぐ|ただちに|直ちに"
          r"|(?<![\p{Katakana}ー])(?:きょう|こんや)(?:中|じゅう)?(?=中|じゅう|まで|迄|に|限り|だけ|のうち|の(?:夜|朝|夕方)))")
# 「まで」 or its kanji (「本日23:59迄に」, tr139).
_UNTIL = "(?:まで|迄)"
_SHORT = (
    rf"(?:{_TODAY}|明日中|明日{_UNTIL}|明朝{_UNTIL}|今週中|(?:\d{{1,2}}|[一二三])\s?(?:時間|h|hr|hrs)\s?以内|(?:\d{{1,2}}|[一二三])\s?日以内|"
    rf"\d{{1,3}}\s?分以内|明日\s?(?:の\s?)?(?:(?:朝|午前中?|昼|お昼|正午|夕方|夜)\s?(?:\d{{1,2}}\s?時(?:半)?)?|\d{{1,2}}\s?時(?:半)?)\s?{_UNTIL}|"
    rf"\d{{1,2}}\s?[/月]\s?\d{{1,2}}\s?日?\s?(?:\([^)\n]{{1,3}}\))?\s?(?:\d{{1,2}}:\d{{2}}|\d{{1,2}}時)?\s?{_UNTIL}|"
    rf"\d{{1,2}}:\d{{2}}\s?{_UNTIL}|\d{{1,2}}時{_UNTIL}|"
    # a clock time the reader must act at (「15時に入室がない場合は辞退扱い」, tr195)
    r"\d{1,2}\s?時(?:\s?\d{1,2}\s?分)?(?=\s?に))"
)
# 「今夜の」「本日の」 before a noun is when an event takes place (「今夜のZoom説明会にご参加ください」),
# not a deadline; a time of day after it is one again (「本日の17時まで」 is read at 「17時まで」,
# 「今日の夜までに」「本日のうちに」 here).
_TODAY_DEADLINE = (
    rf"(?:{_TODAY}\s?の\s?(?:朝|午前中?|昼|お昼|午後|夕方|夜|晩|正午|深夜|うち)(?:\s?{_UNTIL})?|{_TODAY}(?!\s?の))"
)
# A near deadline with an explicit limit (「明日の朝までに」「明朝」「今週中に」「17時までに」「至急」).
_NEAR = (
    rf"(?:{_TODAY_DEADLINE}|明日\s?(?:の\s?(?:朝|午前中?|昼|お昼|夕方|夜|正午))?\s?(?:{_UNTIL}|中)|明朝|明日朝|今週中|今週末{_UNTIL}|週末{_UNTIL}|"
    rf"(?:午前|午後)?\s?\d{{1,2}}\s?時\s?(?:\d{{1,2}}\s?分)?{_UNTIL}|\d{{1,2}}:\d{{2}}\s?{_UNTIL}|大至急|至急|"
    r"(?:[1-9]|[1-4]\d)\s?時間以内|数時間以内)"
)
# The worker's decision, reply or submission (not the work itself: 「明日までに納品」 is a schedule).
_DECIDE = rf"(?:[ごお]?(?:{vocab.words('ja', 'pressure', 'decisions')})|決め|お決め|決めて|決心)"
# A te-form closing its clause is a request said bare (「今週中に決めて」「本日中に入ってね」).
_TE_FORM_CLOSES = r"(?<=て)\s?(?:ね|よ|な|ー|〜)?(?=\s?(?:[。!?！？\n]|\p{So}|$))"
# Softened requests count as requests: 「〜てもらえると助かります」「〜いただけると幸いです」.
_SOFT_ASK = (
    r"(?:いただ|ください|下さい|くださ|願|頂|もらえ|もらい|ほしい|欲しい|助かり|助かる|幸い|ありがた|嬉し|うれし|"
    r"した方|された方|の方のみ|方のみ|ない場合|なければ|を?お待ち|"
    # a bare te-form closing the clause (「今週中に決めて」), priority to whoever acts in time
    # (「本日中に購入できる方優先です」, round 18)
    rf"{_TE_FORM_CLOSES}|(?:できる|できた|した|いただける|頂ける)\s?方\s?(?:を|から)?\s?優先)"
)
_IF_NOT = (
    r"(?:な(?:い場合|ければ|いと|かった場合|いときは|い方には|い方は|い人には|い人は|い人|かったら|いなら|いんなら)|がない場合|(?:な|無)き場合|無い場合|無ければ|次第|"
    rf"{vocab.words('ja', 'pressure', 'unmet')})"
)
# Late or slow, as a condition: 「期限を過ぎた場合」「遅れたら」「返信遅い方は」.
_LATE = f"(?:{vocab.words('ja', 'pressure', 'late')})"
_CONSEQUENCE = f"(?:{vocab.words('ja', 'pressure', 'consequences')})"
_WORKER_ACT = rf"[ごお]?(?:{vocab.words('ja', 'pressure', 'worker_acts')})"
# (an act ending in its own te-form, closing the clause, asks too: 「本日中に入ってね」, round 20)
# (in kana too, and the condition said with と: 「今日中に参加おねがいしまーす」「今日中に登録しないと報酬が…」, round 22)
_ASK = (rf"(?:いただ|ください|下さい|くださ|願|ねがい|ねがえ|頂|した方|された方|の方のみ|方のみ|ない場合|なければ|ないと(?!思)|を?お待ち|して|"
        rf"{_TE_FORM_CLOSES})")
_WORK = f"(?:{vocab.words('ja', 'pressure', 'work_verbs')})"
_REQUEST = r"(?:ください|下さい|くださ|いただ|頂|もらえ|もらい|ほしい|欲しい|願|ねがい|ねがえ|助かり|助かる|お待ち)"
_OTHER_CANDIDATE = f"(?:{vocab.words('ja', 'pressure', 'other_candidates')})"
_FIRST_COME = r"(?:方から|人から|方を優先|方優先|人優先|先着順|先着で|次第)"
_ENDS_IN_A_CONDITION = compile_pattern(r"(?:ないと|なければ|ない場合)$")
# A weekday in English (「spots close friday」「offer stands till sunday, after that…」).
_EN_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


@dataclass(frozen=True, slots=True)
class PressureRule(Rule):
    """A rule of this detector, with what its context check needs to know about it."""
    # Scarcity and consequences press by themselves, whoever's verb ends the sentence; other
    # rules are read against the sender's own speed (「本日中に契約をお送りします」; for a rule in
    # English, `lang="en"`: 「I'll send the contract ASAP」).
    self_evident: bool = False
    # Urging that depends on the reader's own need is no pressure: 「ご不明点があればお早めに」.
    unless_conditional: bool = False
    # The second half the rule needs somewhere in the message (regular-expression source): one
    # scan of the message decides whether the rule can match at all, so a message made of
    # deadlines alone (「本日中に」 repeated) costs one cheap scan instead of a bounded look-ahead
    # at every deadline.
    needs: str | None = None


# What a near deadline takes away: a discount, a bonus, a higher rate (discount_until_a_deadline).
_INCENTIVE = vocab.words("ja", "pressure", "time_limited_incentives")
RULES: tuple[PressureRule, ...] = (
    PressureRule(
        id="deadline_with_consequence",
        pattern=rf"(?P<s>{_SHORT}\s?(?:に|まで|の|で|中に)?[^。!?\n]{{0,30}}?{_IF_NOT}[^。!?\n]{{0,20}}?{_CONSEQUENCE})",
        examples=("本日中にご返信いただけない場合は他の方を優先させていただきます。",),
        counter_examples=(
            "本日中にご返信がなくても問題ありません。",
            "本日中にご返信いただけない場合、キャンセルになるということはありません。",
        ),
        reason="a deadline with a consequence (dev-034, dev-046, dev-057)",
        self_evident=True,
        needs=_CONSEQUENCE,
    ),
    PressureRule(
        id="clock_deadline_then_lapse",
        # a clock time or a count of hours, then what lapses at it (「本日23:59で失効」「24h過ぎたら残高没収」
        # 「明日10時を過ぎたら募集締めます」, round 10): no 「if not」 is said, the lapse is the threat
        pattern=r"(?P<s>(?:(?:本日|今日|今夜|今晩|明日|明朝)\s?(?:の\s?)?)?(?:\d{1,2}\s?(?::\d{2}|時(?:\s?\d{1,2}\s?分|半)?)\s?"
        r"(?:で|をもって|を?(?:過ぎ|すぎ|回っ|超え)(?:たら|ると|れば|た時点で))|(?:\d{1,3}\s?(?:h|時間)|\d{1,2}\s?日)\s?(?:を|が)?\s?"
        r"(?:過ぎ|すぎ|経過し|経っ|超え)(?:たら|ると|れば|た時点で))\s?[^。!?\n]{0,10}?"
        # (a lapse the work builds or writes is its subject: 「…で失効すると表示」「…と入れてください」「仕様」)
        r"(?:失効|没収|締め(?!切りました)|〆|クローズ|打ち切|取り消|取消|キャンセル)"
        r"(?![^。!?\n]{0,10}?(?:と(?:バナー|表示|記載|書|入れ|明記)|する仕様|される仕様|の仕様|旨を|のお知らせ文|の文言)))",
        examples=("本日23:59で失効します", "24h過ぎたら残高没収", "明日10時を過ぎたら募集締めます"),
        counter_examples=("本日23時で営業を終了します", "セッションは30分で自動的に切れます",
                          "クーポンは本日23:59で失効するとバナーに入れてください"),
        reason="a clock time or a count of hours with what lapses at it: a deadline's threat said without 「if not」 (round 10)",
        self_evident=True,
        needs=r"失効|没収|締め|〆|クローズ|打ち切|取り消|取消|キャンセル",
    ),
    PressureRule(
        id="deadline_then_other_candidate",
        pattern=rf"(?P<s>(?:{_SHORT}|明日\s?(?:の\s?)?(?:朝|午前中?|昼|お昼|夕方|夜)?|今週末|週明け)\s?(?:に|には|中には|までには|の時点で|には、)"
        rf"[^。!?\n]{{0,12}}?{_OTHER_CANDIDATE}\s?(?:で|に|へ)\s?"
        r"(?:決め|決定|確定|お願い|依頼|頼|発注|回し))",
        examples=("明日の夜には別の方に依頼を確定させます。",),
        counter_examples=(
            "今週末には別の方に依頼することはありませんので、ご安心ください。",
            "明日の朝に他の方の原稿と一緒に確認します。",
        ),
        reason="a deadline after which another candidate is chosen: 「明日の朝には他の方で決めます」",
        self_evident=True,
        needs=_OTHER_CANDIDATE,
    ),
    PressureRule(
        id="no_answer_consequence",
        pattern=rf"(?P<s>{_WORKER_ACT}[^。!?\n]{{0,12}}?{_IF_NOT}[^。!?\n]{{0,16}}?{_CONSEQUENCE})",
        examples=("ご返信がない場合は他の方にお願いすることになります。",),
        counter_examples=(
            "ご返信がない場合でも、契約がキャンセルになることはありません。",
        ),
        reason="a consequence without a stated deadline",
        self_evident=True,
        needs=_CONSEQUENCE,
    ),
    PressureRule(
        id="reporting_threat",
        pattern=rf"(?P<s>(?:事務局|運営|クラウドワークス|cw|サポート|通報|報告)\s?(?:に|へ|を|とか)?\s?(?:言う|言っ|言え|伝え|相談し|報告し|通報し|連絡し|チクっ|問い合わせ)"
        rf"(?:と|たら|た場合|ても|れば)[^。!?\n]{{0,20}}?{_CONSEQUENCE})",
        examples=("事務局に言うとｱｶｳﾝﾄ止まって報酬出なくなりますよ", "運営に報告したら契約解除になります"),
        counter_examples=("事務局に相談しても契約がキャンセルになることはありません。",),
        reason="a threat against telling the platform (tr153): the consequence is the pressure",
        self_evident=True,
        needs=_CONSEQUENCE,
    ),
    PressureRule(
        id="consequence_you_were_warned",
        pattern=rf"(?P<s>{_CONSEQUENCE}[^。!?\n]{{0,8}}?(?:ても|でも|も)\s?(?:知らな|知りません|責任(?:は)?(?:取れ|負いかね|持て)))",
        examples=("アカウント止まっても知らないよ",),
        counter_examples=("キャンセルになっても知らない、という対応はいたしません。",),
        reason="a consequence the sender disowns in advance: a threat (tr162)",
        self_evident=True,
        needs=_CONSEQUENCE,
    ),
    PressureRule(
        id="discount_until_a_deadline",
        # (「本日のボーナスタスク」 names the day's task, not a deadline: a bare day takes no の)
        # (or a few minutes or hours: 「30分以内の登録で特別枠確保できます」, round 22)
        pattern=r"(?P<s>(?:(?:本日中|今日中|今だけ|今週中|今月中|明日まで|\d{1,2}\s?時まで)\s?(?:なら|だけ|限り|のみ|まで|の)|"
        # (not a time the client promises after the worker's act: 「入金確認後30分以内に全額+ボーナス」)
        r"(?<!(?:後|から|以降)\s?)(?<!\d)(?:\d{1,3}\s?分以内|(?:[1-9]|[1-4]\d)\s?時間以内)\s?(?:なら|だけ|限り|のみ|まで|の|に)|"
        r"(?:今日|本日|今夜)\s?(?:なら|だけ|限り|のみ|まで))\s?[^。!?\n]{0,12}?"
        rf"(?:{_INCENTIVE}))"
        # the incentive first, the deadline closing the sentence (「初回ボーナス今夜までですよ？」)
        rf"|(?P<s>(?:{_INCENTIVE})[^。!?\n]{{0,6}}?(?:本日中|今日中|今夜中|(?:本日|今日|今夜|明日|今週)\s?(?:まで|限り)|\d{{1,2}}\s?時まで))"
        r"(?=\s?(?:です|だよ|なので|なんで|ですよ|ですね|だから)?\s?(?:よ|ね)?\s?[?？!！。\p{So}\uFE0F]*\s?(?:\n|$))",
        examples=("今日中なら手数料半額です⏰", "今週中のご購入で5,000円OFFになります", "今日中なら報酬1.5倍🔥", "初回ボーナス今夜までですよ？",
                  "皆さん登録してるので安心してください👍 30分以内の登録で特別枠確保できます"),
        counter_examples=("本日中の納品は難しいので、料金の割引は不要です。", "特典は明日までにお送りします。",
                          "30分以内の動画を3本お願いします。割引は不要です。", "本日中に契約オファーをお送りしますね",
                          "本日のボーナスタスクはこちらです"),
        reason="a discount or a bonus that ends soon: the deadline pushes the payment or the start (tr169, round 17)",
        self_evident=True,
    ),
    PressureRule(
        id="reputation_threat",
        pattern=r"(?P<s>(?:他の|ほかの|別の)\s?(?:クライアント|発注者|依頼者|会社|人|方)(?:さん)?(?:たち)?(?:に|にも)\s?[^。!?\n]{0,12}?(?:共有|伝え|知らせ|晒|拡散|報告)(?:しとく|しておく|しておきます|します|しちゃう|するね|するから|するよ|しといた|とく|ておく|ておきます|ます))",
        examples=("そういう態度なら他のクライアントにもあなたのこと共有しとくね",),
        counter_examples=("他のクライアントにも共有してよい実績かどうか確認させてください。",),
        reason="a threat to tell other clients about the worker after a refusal (tr171)",
        self_evident=True,
    ),
    PressureRule(
        id="late_consequence",
        pattern=rf"(?P<s>(?:{_LATE}|{vocab.words('ja', 'pressure', 'unmet')})[^。!?\n]{{0,16}}?{_CONSEQUENCE})",
        examples=("締切を過ぎたら不採用とします",),
        counter_examples=(
            "期限を過ぎた場合はご相談ください。",
            "遅れても大丈夫です。",
        ),
        reason="being late, slow or not done with a consequence: 「遅れたら他の方に回します」「返信遅い方は見送ります」「未登録の場合停止」"
        " (tr1-0117, tr4-0115, tr3-0198, tr2-0037)",
        self_evident=True,
        needs=_CONSEQUENCE,
    ),
    PressureRule(
        id="bare_deadline",
        pattern=r"(?:(?<=^)|(?<=[。!?\n、,]\s?)|(?<=(?:です|ます|よ|ね|笑)[ \u3000])|(?<=\p{So}[ \u3000])|(?=(?:期限|締切|締め切り|〆切|期日)\s?[:：]))(?P<s>(?:" + _TODAY_DEADLINE + r"|(?:本日|今日|今夜)?(?:\s?の)?\s?\d{1,2}\s?(?::\d{2}|時)\s?(?:まで|迄)|"
        r"\d{1,3}\s?分以内|(?:[1-9]|[1-4]\d)\s?(?:時間|h|hr|hrs)\s?以内|"
        # a deadline labelled, today (「期限:本日23:59」, tr227)
        r"(?:期限|締切|締め切り|〆切|期日)\s?[:：]\s?(?:本日|今日|今夜)\s?(?:中|\d{1,2}\s?(?::\d{2}|時))?)\s?(?:に|で|まで|中|厳守)?)"
        # (an emoji may close it: 「1時間以内にお願いします⏰」「今夜中👍」, round 16)
        r"(?=\s?(?:お願いします|お願い|ください|下さい|厳守|です|でお願いします|でお願い|で)?(?:ね|よ|ね〜|〜|~)?\s?[\p{So}\uFE0F]{0,3}\s?(?:[。!?\n]|$))",
        examples=("出金の手続きは以上です。本日22時まで", "システム上の決まりです 本日中にお願いしますね", "認証のお願い。期限：本日23:59",
                  "確認しました🙏 24h以内でお願いします", "2時間以内でお願いします⌛"),
        counter_examples=(
            "尺は3分以内にお願いします。",
            "本日23時まで営業しています。",
        ),
        reason="a near deadline said alone, as a terse message or sentence: 「30分以内にお願いします」「本日23時まで」 (tr6-001, tr9-001 family)",
    ),
    PressureRule(
        id="same_day_deadline_on_answer",
        pattern=rf"(?P<s>(?:{_TODAY_DEADLINE}|(?:[1-9]|[1-4]\d)\s?時間以内|数時間以内|\d{{1,3}}\s?分(?:以内|で|までに))\s?(?:に|まで|中に)?)[^。!?\n]{{0,12}}?"
        rf"{_WORKER_ACT}[^。!?\n]{{0,6}}?{_ASK}",
        examples=("確認は不要です。本日中にお振込みいただければ、明日からお仕事を開始できます。", "グループ限定です💦 本日中に入ってね",
                  "今日中に参加おねがいしまーす", "事務局の指示です。今日中に登録しないと報酬が支払われません"),
        counter_examples=(
            "本日中にご連絡いたします。",
            "今日中に入ってる分で大丈夫です",
            "本日中にご返信いただく必要はありません。",
        ),
        reason="a same-day deadline on the worker's answer, registration or payment (dev-062, dev-049, dev-044)",
        needs=_WORKER_ACT,
    ),
    PressureRule(
        id="same_day_deadline_on_work",
        pattern=rf"(?P<s>(?:{_TODAY}|数時間以内|(?:\d|[一二三])\s?時間以内|大至急|至急)\s?(?:に|で|中に)?[^。!?\n]{{0,8}}?{_WORK}"
        rf"[^。!?\n]{{0,8}}?){_REQUEST}",
        examples=("今日中に仕上げてもらえると助かります。",),
        counter_examples=(
            "今日中に納品いたします。",
            "今日中に納品する必要はありません。",
        ),
        reason="a same-day deadline on the work (dev-063 m3)",
        needs=_WORK,
    ),
    PressureRule(
        id="near_deadline_on_decision",
        pattern=rf"(?P<s>{_NEAR}\s?(?:に|まで|中に|の|で)?)[^。!?\n]{{0,12}}?{_DECIDE}[^。!?\n]{{0,8}}?{_SOFT_ASK}",
        examples=("平日の作業です。明日の朝までに決めてもらえると助かります。",),
        counter_examples=(
            "明日までに回答をお送りいたします。",
            "今週中に決めてご連絡します。",
            "明日までにご返信いただく必要はありません。",
        ),
        reason="a near deadline on the worker's decision, reply or submission, softened or not",
        needs=_DECIDE,
    ),
    PressureRule(
        id="first_come_first_hired",
        pattern=r"(?P<s>(?:[^。!?\n、]{0,16}?(?:た|だ)(?:方|人)|(?:お)?早(?:い|めの)\s?(?:方|人)|先に[^。!?\n]{0,8}?(?:方|人))から\s?(?:順に|順番に|順次)?\s?"
        r"(?:採用|優先|決定|決め|決ま|確定|契約|お仕事|締め切|お願いし)|早い方を優先|(?:本日|今日|今夜)中?の(?:方|人)(?:を)?優先|先着順(?:で(?!は)|に|にて)|"
        # 「先着で決めます」 (round 27): first come without 順, a decision right after
        r"先着で(?=\s?(?:決め|決ま|採用|締め|終了|選|お願い))|"
        r"(?:決まり|集まり|埋まり)次第(?:締め切|終了|募集終了|〆))",
        examples=("今日中に提出してくれた方から採用します。", "早めの人から決まります", "先着で決めます"),
        counter_examples=(
            "先着順ではなく、内容で判断します。",
            "先着ではなく内容で決めます。",
            "早い方から採用するわけではありません。",
        ),
        reason="first come, first hired: 「〜た方から採用」「先着順で」「決まり次第締め切り」",
        self_evident=True,
        needs=_FIRST_COME,
    ),
    PressureRule(
        id="scarcity",
        pattern=r"(?P<s>先着\s?\d{1,3}\s?(?:名|人|枠|件|社|組)(?:様)?(?:のみ|限定|まで|で締め切|で終了|で〆)?|"
        # (「残り7ページ」 counts the work left, not places)
        # (nor the work left asked for in the same way: 「残り15件も同じ感じでお願いします」, round 24)
        rf"(?:残り|のこり)\s?(?:\d{{1,3}}|わずか|僅か|あと\s?\d{{1,3}})(?!\d|\s?(?:{vocab.words('ja', 'pressure', 'work_counts')}))"
        r"(?!\s?(?:件|本|枚|個|点)?\s?(?:も|を|は)\s?(?:同じ|同様|引き続き|この|その|よろしく|お願い))"
        r"\s?(?:名|人|枠|件|席|組|社)?(?:様)?(?:で締め切|のみ|限り|となって)?|"
        # a benefit for today only: 「本日中の方のみ特典」「今日応募した方だけ」
        r"(?:本日|今日|今夜)\s?(?:中\s?の|中?\s?に?[^。!?\n]{0,10}?(?:した|いた|れた|った|える|る))\s?(?:方|人)\s?(?:のみ|限定|だけ)|"
        r"残席(?:わずか|僅か|\s?\d{1,3})|ラスト\s?(?:\d{1,3}|一|ひと)\s?(?:名|人|枠|席|組|社)|"
        r"最後の\s?(?:\d|一|ひと)\s?(?:枠|席)|最後の\s?(?:\d|一|ひと)\s?(?:名|人)(?:様)?(?:の募集|を募集|となり|です|のみ)|ラスト\s?(?:枠|チャンス)|"
        # (or as the reason to hurry, in kana too: 「今日中に追加おねがいします、枠うまるので」, round 19)
        r"(?<!予約)(?:枠|定員|席|募集)(?:が|は|も)?\s?(?:(?:埋ま|うま)(?:って(?:しま)?う|っちゃう|る|りそう)|なくなる)(?:前に|ので|から|んで)|"
        # (or said to fill by a near time: 「今日中で枠埋まります」「明日には枠うまりそう」, round 19)
        r"(?:本日中|今日中|本日|今日|今夜|明日|きょう|あした)\s?(?:中)?\s?(?:で|には|に|までに|まで)\s?(?:募集)?(?:枠|定員|席)(?:が|は|も)?\s?"
        r"(?:埋ま|うま)(?:ります|る|っちゃう|りそう|ってしまい)|あと(?:少し|わずか)で(?:締め切|終了|満員|定員)|あと\s?\d{1,3}\s?(?:名|人|枠|席)(?:様)?(?:で締め切|のみ|限定|で終了)?|"
        # 「枠は埋まってしまいました」 is past: the job is full (not scarcity; external_site reads the new link)
        r"(?:募集)?枠(?:が|は|も)?\s?(?:残りわずか|わずか|少な|埋まり次第|埋まる前|限られ|なくなり次第|埋まって(?!しまいました|しまった|います|おります|いる))|"
        r"枠(?:は|が|も)?\s?(?:あと|残り)\s?(?:\d{1,2}|一|ひと)\s?(?:つ|名|人|件|枠|席)|"
        r"定員(?:に)?(?:なり次第|達し次第|に達し次第)|(?:\d{1,3}\s?(?:名|人))(?:様)?限定|限定\s?\d{1,3}\s?(?:名|人|枠)|"
        rf"今月(?:だけ|限り|中のみ)|{vocab.words('ja', 'pressure', 'scarcity_phrases')})",
        examples=("名刺データの入力作業です。先着3名様で締め切りますので、ご希望の方はお早めにご返信ください。",
                  "今日中に追加おねがいします、枠うまるので", "今日中で枠埋まります"),
        counter_examples=(
            "残りの作業は来週で大丈夫です。",
            "初稿ありがとうございます。残り5ページも同じ調子でお願いします。",
            "「残りわずか」という見出しのコピーを作成してください。",
            "先着3名限定という表現は使わないでください。",
            "週末は今日中に予約枠が埋まるので、予約フォームの改善をお願いします",
        ),
        reason="scarcity (dev-042, dev-044, dev-052, dev-065, dev-034)",
        self_evident=True,
    ),
    PressureRule(
        id="closing_time_today",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'pressure', 'closing_subjects')})(?:は|の|期限は?)?\s?[:：]?\s?(?:本日|今日|明日|今夜|今週|きょう|こんや|あした|あす)"
        # (not a close already done, which is a notice: 「募集は本日で締め切りました」, tr271)
        r"\s?(?:の?\s?[月火水木金土日]曜(?:日)?)?\s?(?:\d{1,2}:\d{2}|\d{1,2}時)?\s?(?:まで|中|"
        r"で(?:締め切(?!りました|った)|終了(?!しました|いたしました|となりました)|〆(?!ました|切りました)))|(?:本日|今日)\s?\d{1,2}:\d{2}\s?まで"
        # the subject after the day: 「今日中ﾀﾞｹ募集ﾃﾞｽ」「本日限りの受付です」 (tr163)
        rf"|(?:本日|今日|今夜|今週)\s?(?:中)?\s?(?:だけ|のみ|限り|限定)\s?(?:の|で)?\s?(?:{vocab.words('ja', 'pressure', 'closing_subjects')}))",
        examples=("募集は本日23:59まで、残り2枠となっています。", "今日中ﾀﾞｹ募集ﾃﾞｽ", "枠きょうまでです"),
        counter_examples=(
            "ご応募の締め切りは来週金曜日です。",
            "「受付は本日まで」というコピーを含むバナーを作ってください。",
            "先日の募集は本日で締め切りました。ご応募ありがとうございました",
        ),
        reason="a closing time today (dev-044 m1)",
        self_evident=True,
    ),
    PressureRule(
        id="urging_words",
        pattern=rf"(?P<s>{vocab.words('ja', 'pressure', 'urging_phrases')}|"
        r"早めに\s?ご?(?:判断|決断|登録|応募|申し?込|お申し?込|振込|お振込|入金)|早めの\s?ご?(?:判断|決断|返信|連絡|登録|応募|"
        r"お申し込み|申込|回答|お返事|お手続き|お振込)|即日(?:で)?ご?(?:返信|回答|決断)|(?:急ぎ|いそぎ)で(?!は)|"
        r"即\s?ご?(?:応募|登録|申し?込|お申し?込|返信|連絡|購入|入金|振込|お振込|参加)|"
        r"(?:〆(?:切り?)?|締め?切り?|募集終了)(?:が|日が)?\s?(?:迫|目前))",
        examples=("単価は1件5円、1日100件程度です。早めのご判断をお願いします。",),
        counter_examples=(
            "質問がありましたらお早めにどうぞ。",
            "至急の案件ではありません。",
            "急ぎではないので、ゆっくりで大丈夫です。",
        ),
        reason="urging words (dev-034 m3, dev-042, dev-063, dev-031, dev-065)",
        unless_conditional=True,
    ),
    PressureRule(
        id="english_urgency_scarcity",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'pressure', 'urgency_phrases')}|"
        r"last (?:spot|slot|seat|place|opening|chance)s?|"
        r"(?:(?:only|just) )?(?:\d{1,2}|one|two|three|a few) (?:spots?|slots?|seats?|places?|openings?) (?:left|remaining|remain)|"
        # the openings closing at a near time (「spots close friday」「offer ends in 2 hours」, tr175, tr177)
        r"(?:spots?|slots?|seats?|places?|openings?|offer|registration|applications?|recruitment|hiring) (?:will )?(?:close|closes|closing|end|ends|ending)"
        r" (?:tonight|today|tomorrow|soon|this week|(?:on |this )?" + _EN_WEEKDAY + r"|"
        r"in (?:\d{1,3}|one|two|three|a few) (?:minutes?|mins?|hours?|hrs?|days?))|"
        r"limited (?:spots?|slots?|seats?|places?)|"
        # in any tense or chat spelling (「slots fill fast」「spots r going quick」, round 28)
        r"(?:spots?|slots?|seats?|places?) (?:are |r |will )?(?:fill(?:s|ing)?|go(?:es|ing)?|run(?:s|ning)? out|sell(?:s|ing)? out)(?: up)? (?:fast|quick(?:ly)?|soon)|"
        # said as the reason to hurry, in chat (「reply fast, slots filling」, round 19)
        r"(?:spots?|slots?|seats?|places?) (?:are |r )?(?:filling(?: up)?|almost full|nearly full|going)(?=\s?(?:[.!,\n]|\p{So}|$))|"
        r"(?:spots?|slots?|seats?|places?|openings?|positions?) (?:are |is )?(?:very |strictly )?limited(?! (?:to|by|in|for)(?![a-z]))|"
        # not the client's own contract step sent (「I'll send the offer here today」)
        # (nor the time of the client's own step after it: 「pls accept and we'll fund it today」, tr269)
        rf"(?:{vocab.words('en', 'pressure', 'answer_verbs')})(?![a-z])(?!\s(?:you\s)?(?:(?:the|an|our|a)\s)?(?:offer|contract|milestone|invite|invitation)s?(?![a-z]))"
        r"(?:(?!(?<![a-z])(?:we|i)(?:'ll|\swill|\scan|'d|\swould)\s)[^.!?\n]){0,20}?"
        r"(?:within (?:\d{1,2}|one|two|24|48) hours?|by (?:today|tonight|tomorrow(?: morning)?)|today|tonight|right now|immediately|"
        # a bare 「now」 closing the order: 「just say yes now」「sign now!」 (not 「now that …」)
        r"now(?=\s?(?:[.!?\n]|$))|"
        r"(?:within|in the next|in) (?:\d{1,3}|one|two|three|five|ten|fifteen|twenty|thirty) (?:minutes?|mins?|hours?|hrs?)))"
        r"(?![a-z]))",
        examples=("Only 2 spots left, please reply ASAP.", "12 seats left, close tonight", "spots close friday",
                  "this offer ends in 2 hours", "ok but reply fast, slots filling", "slots fill fast, pls add today"),
        counter_examples=(
            "We will reply as soon as possible.",
            "This is not urgent.",
            "There is no hurry.",
            "The milestone closes when you deliver.",
            "Our office closes at 6pm on fridays.",
            "Offer sent, pls accept and we'll fund it today.",
            "will accept milestone 2 tonight",
        ),
        lang="en",
        reason="English urgency and scarcity (ASAP, today only, first come first served, last spot)",
    ),
)
_EN_CONSEQUENCE = f"(?:{vocab.words('en', 'pressure', 'consequences')})"
RULES += (
    PressureRule(
        id="english_bare_deadline",
        # a near deadline that is the whole message (「today pls」「asap!!」「by tonight ok?」, round 22), as bare_deadline in Japanese
        pattern=r"(?P<s>^\s*(?:by\s)?(?:today|tonight|asap|eod|right now|within\s(?:\d{1,3}|one|two)\s?(?:h|hrs?|hours?|mins?|minutes?))"
        r"(?:\s?(?:pls|please|plz|ok|okay|ok\?|thx|thanks|!|\.|\?))*)\s*[\p{So}\uFE0F]{0,3}\s*$",
        examples=("today pls", "asap!!", "by tonight ok?"),
        counter_examples=("today is fine, no rush", "I can deliver by tonight."),
        lang="en",
        reason="in English: a near deadline sent as the whole message (round 22)",
    ),
    PressureRule(
        id="english_deadline_or_else",
        pattern=r"(?P<s>(?<![a-z])(?:if you (?:don't|do not|can't|cannot|haven't|have not|fail to)|unless you|"
        # the task named, not the reader: 「if combo not done in 60 minutes your account freezes」
        r"if\s[^.!?\n]{0,24}?\s(?:is\s|are\s)?not\s(?:done|completed?|finished|paid|received|sent|submitted|confirmed))\s[^.!?\n]{0,50}?"
        + _EN_CONSEQUENCE
        # the consequence first, counted down (「account will be frozen in 2h if combo not complete」, tr229)
        + r"|" + _EN_CONSEQUENCE + r"\s(?:in|within|after)\s(?:\d{1,3}|one|two|three)\s?(?:h|hrs?|hours?|m|mins?|minutes?)(?![a-z])"
        + r"|(?<![a-z])(?:minutes?|mins?|min|hours?|hrs?|today|tonight|now|tomorrow|tmrw|asap|eod|noon|midnight|deadline|[ap]m|\d{1,3}\s?(?:h|m)|" + _EN_WEEKDAY + r"|weekend)(?:\s(?:left|remaining|only)|\s(?:pls|please|plz)[.!]?)?\s?,?\s(?:or|otherwise|or else|after that|after which)\s"
        + r"[^.!?\n]{0,40}?" + _EN_CONSEQUENCE + r")(?![a-z])",
        examples=("Confirm by tomorrow or the job goes to someone else.", "msg me in 10 min or slot goes to next person",
                  "if the order is not completed in 60 minutes your account freezes",
                  "tomorrow noon deadline or we choose other", "offer stands till sunday, after that I give the seat to another setter",
                  "ur account will be frozen in 3h if the order is not complete",
                  "start now pls. otherwise we'll go w/ someone else"),
        counter_examples=(
            "If you don't reply today, that's fine; no one else will take the job.",
            "Slack or email, someone else on the team may answer too.",
            "I can start now. Otherwise someone else on the team will help.",
        ),
        lang="en",
        reason="in English: a deadline or a condition with a consequence (tr2-0122, tr5-0006, tr5-0055 families)",
        self_evident=True,
    ),
)
# English: the writer's own speed (「I'll send the contract ASAP」).
_EN_SELF = compile_pattern(
    r"(?<![a-z])(?:i|we|our (?:team|staff|company|office)|the team|they)(?:'ll| will| can| am going to|'m going to| are going to|'re going to| shall|"
    r" usually| always| normally| typically| generally| aim to| try to)(?![a-z])|"
    # the client's side in the passive: 「Payment is sent within 3 hours」
    r"(?<![a-z])(?:payments?|the fee|your fee|feedback|funds?|milestones?)\s(?:is|are|will be|goes|go|gets|get)(?![a-z])"
)
# The sender lets the reader off the hurry, in English (tr140 family).
_EN_RELEASED = compile_pattern(rf"(?<![a-z])(?:{vocab.words('en', 'pressure', 'released')})(?![a-z])")
_EN_CONDITIONAL = compile_pattern(rf"(?<![a-z])(?:{vocab.words('en', 'pressure', 'conditional')})(?![a-z])[^.!?\n,;]{{0,24}}$")
# The reader asked to act: 「please」「you must」, or an imperative opening the clause (「Reply within 2 hours」);
# a bare 「you」 is often the object of the sender's own act (「We'll pay you within 24 hours」).
_EN_ASKS = compile_pattern(
    r"(?<![a-z])(?:please|pls|plz|must|need to|have to|you (?:need|must|have to|should|'ll need|will need))(?![a-z])"
)
_EN_IMPERATIVE = compile_pattern(
    rf"[\s,]*(?:(?:ok|okay|so|and|then|now|just|kindly)[\s,]+)*(?:{vocab.words('en', 'pressure', 'answer_verbs')})(?![a-z])"
)

# The client's own speed: 「本日中に契約のお手続きをいたします」「至急対応いたします」.
_SELF_ACTION = compile_pattern(
    r"いたします|致します|します|しますね|させていただきます|させて頂きます|お送りします|予定です|いたしますので|"
    r"しますので|いたしました|しました|行います|できます|できるよう|"
    # the client's own act announced (「今日中にクラウドワークスで契約して仮払い入れますね」, tr159)
    r"入れます|ますね"
)
# (priority promised to whoever acts in time asks the reader to hurry: 「今日中に購入できた方を優先します」, round 18)
# (a favour promised for the reader's act asks for it: 「今返事くれたら優先で回しますね」, round 24)
_ASKS = compile_pattern(rf"{_REQUEST}|ない場合|なければ|方のみ|ませんか|ご決断|ご判断|しましょう|方\s?(?:を|から)?\s?優先"
                        r"|(?:くれ|もらえ|いただけ|頂け)(?:たら|れば)[^。!?\n]{0,12}?優先")
# 「ご不明点があればお早めに」: urging that depends on the reader's own need.
_CONDITIONAL = compile_pattern(r"あれば|ありましたら|あります場合|の場合は|場合には|でしたら|際は|ときは|時は|ようでしたら")
_NEEDS = {r.id: compile_pattern(r.needs) for r in RULES if r.needs is not None}


class PressureDetector(RuleDetector):
    name = "pressure"
    category = "pressure"
    kind = "risk"
    rules = RULES
    terms = (
        "本日", "今日", "いそい", "いそぎ", "早く", "まわし", "今夜", "今晩", "今すぐ", "ただちに", "直ちに", "明日", "明朝", "今週", "以内", "まで", "ない", "なけ", "なか", "次第",
        "なし", "無し",
        "先着", "残り", "あと", "枠", "定員", "限定", "早い者勝ち", "早いもの勝ち", "間近", "なかった", "白紙", "不採用", "縁", "他をあたり", "他を当たり", "おしまい", "今だけ", "今月", "急", "早め", "早目", "即決",
        "即日", "迷っている", "今決め", "今返事", "今お返事", "今ご返信", "今が", "ラストチャンス", "今しかない", "逃さない", "方から", "人から", "方を優先", "先着", "次第",
        "残席", "ラスト", "最後の", "前に", "あと", "明朝", "明日朝", "至急", "時まで", "asap", "soon", "today", "tonight", "first",
        "last", "left", "remaining", "limited", "filling", "going fast", "hurry", "miss", "urgent", "eod", "end of", "within",
        "tomorrow", "now", "immediately", "締", "〆", "しめ", "閉め", "迷", "即", "他の方", "ほかの方", "別の方", "次の方", "候補", "応募者",
        "過ぎ", "すぎ", "超え", "こえ", "失効", "没収", "経過", "経っ", "遅", "間に合わ", "未", "のこり", "分で", " or ", "limited", "minute", "min", "hour", "hrs", "waiting", "unless", "if you", "close", "closes", "closing", "ends", "next", "choose", "pick", "remain", "withdrawn",
        # the reporting threat and a task not done (「事務局に言うと…」「if combo not done …」)
        "事務局", "運営", "通報", "not done", "not complete", "not finished", "not paid",
        # a consequence counted down (「account will be frozen in 2h」), a labelled deadline (「期限:本日23:59」)
        "frozen", "suspended", "locked", "deleted", "banned", "期限", "期日",
        # an incentive that ends (discount_until_a_deadline: 「初回ボーナス今夜までですよ？」)
        "ボーナス", "特典", "倍",
        # a discount that ends soon, a threat to tell others (「今日中なら手数料半額」「他のクライアントにも共有しとくね」)
        "半額", "割引", "共有", "晒", "拡散",
        "after that", "after which",
    )
    examples = Examples(
        positive=(
            "募集枠が残りわずかのため、本日中にご返信いただけない場合は他の方を優先させていただきます。",
            "単価は1件5円、1日100件程度です。早めのご判断をお願いします。",
            "先着3名様で締め切りますので、ご希望の方はお早めにご返信ください。",
            "48時間以内に参加がない場合は次の方に回します⏰",
            "動画編集者を急募しています。",
            "今日中に仕上げてもらえると助かります。",
            "締め切りが近いので、今すぐご決断ください。",
        ),
        negative=(
            "ありがとうございます。それでは本日中に契約のお手続きをいたしますので、内容をご確認のうえご承認ください。",
            "ご確認ありがとうございます。3点とも承知しました。本日中に修正版をアップいたします。",
            "テスト10件は3日以内の納品でお願いします。",
            "ご不明点があればお早めにお知らせください。",
            "急ぎではありませんので、ご都合のよいときにご返信ください。",
            "残りの3件は来週お送りします。",
        ),
    )

    def rule_applies(self, rule: PressureRule, msg: MessageView, state: dict) -> bool:
        needed = _NEEDS.get(rule.id)
        if needed is None:
            return True
        return occurs_in_message(state, needed, msg.text)

    def accept(self, text: str, m, rule: PressureRule, msg: MessageView, state: dict) -> bool:
        if about_the_work(text, *span_of(m), state):
            return False  # a brief quoting a scam's deadline as an example (「例：「本日中に登録しないと枠が埋まります」」)
        return self._presses(text, m, rule)

    @staticmethod
    def _presses(text: str, m, rule: PressureRule) -> bool:
        start, end = span_of(m)
        # a match that ends in its own condition (「今日中に登録しないと」) is followed by the consequence, whose
        # negation (「報酬が支払われません」) is the threat, not a refusal of the deadline
        refused = _ENDS_IN_A_CONDITION.search(m.group()) is None and refused_around(text, m)
        if in_topic(text, start, end) or refused or _quoted_mention(text, start, end):
            return False
        if clauses.is_reported(text, start, end):
            return False  # 「至急と言われたら注意してください」: the urging is someone else's, reported
        if rule.self_evident:
            return True
        if rule.lang == "en" and _EN_RELEASED.search(text):
            return False  # 「urgent one … if tonight doesn't fit, totally fine」: the reader is let off
        if rule.lang == "en":
            # cut at English full stops too: 「…a tiny icon please. I'll send the offer tonight」 asks
            # for the icon in one sentence and states the sender's own speed in the next
            s_start, s_end = sentences_of(text).english(start)
            if _EN_CONDITIONAL.search(text, max(s_start, start - 30), start):
                return False  # 「text me if anything's urgent」: urgency the reader decides on
            own = _EN_SELF.search(text, s_start, start)
            asks = _EN_ASKS.search(text, s_start, max(s_end, end)) or _EN_IMPERATIVE.match(text, clause(text, start)[0])
            return not (own and not asks)
        c_start, c_end = clause(text, start)
        if rule.unless_conditional and _CONDITIONAL.search(text, c_start, start):
            return False
        # Own speed: a humble or plain verb of the sender, and nothing asked of the reader.
        tail_end = max(c_end, m.end())
        own = _SELF_ACTION.search(text, end, tail_end)
        return not (own and not _ASKS.search(text, start, tail_end))


_OPEN_QUOTE = "「『“\""
_MENTION = compile_pattern(
    rf"(?:{vocab.words('ja', 'pressure', 'quoted_mention')})|(?<![a-z])(?:{vocab.words('en', 'pressure', 'quoted_mention')})(?![a-z])"
)


def _quoted_mention(text: str, start: int, end: int) -> bool:
    """The phrase is quoted as an example the work is about (「『未入金の場合はアカウント停止』と脅す
    メッセージ」「phrases like "decide now" and "slots limited"」): a closed quote around it, with
    another quote or a word of mention just before or after."""
    quote = enclosing_quote(text, start, end, 40)
    if quote is None:
        return False
    opened, closed = quote
    after = text[closed:closed + 16]
    return any(q in after[:6] for q in _OPEN_QUOTE) or _MENTION.search(text, max(0, opened - 16), opened) is not None or (
        _MENTION.search(text, closed, min(len(text), closed + 16)) is not None)


DETECTOR = PressureDetector()
