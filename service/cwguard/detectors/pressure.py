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

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ._cues import RuleDetector, clause, in_topic, refused_around, span_of

_TODAY = r"(?:本日中|今日中|本日|今日|今夜中?|今晩|今すぐ|ただちに|直ちに)"
_SHORT = (
    rf"(?:{_TODAY}|明日中|明日まで|明朝まで|今週中|(?:\d{{1,2}}|[一二三])\s?時間以内|(?:\d{{1,2}}|[一二三])\s?日以内|"
    r"\d{1,2}\s?[/月]\s?\d{1,2}\s?日?\s?(?:\([^)\n]{1,3}\))?\s?(?:\d{1,2}:\d{2}|\d{1,2}時)?\s?まで|"
    r"\d{1,2}:\d{2}\s?まで|\d{1,2}時まで)"
)
_IF_NOT = r"(?:な(?:い場合|ければ|いと|かった場合|いときは|い方は)|がない場合|次第)"
_CONSEQUENCE = (
    r"(?:他の方|ほかの方|別の方|次の方|他の候補|ほかの候補|別の候補|他の応募者|取り消|取消|キャンセル|無効|お断り|"
    r"締め切|見送|打ち切|終了|優先|回します|回させ|失効|辞退|お取り消し|選考対象外|対象外|なかったことに|白紙|不採用|"
    r"ご縁がなかった|他をあたり|他を当たり|おしまい)"
)
_WORKER_ACT = (
    r"[ごお]?(?:返信|返事|連絡|回答|登録|申し?込|応募|決断|判断|振込|振り込|入金|支払|参加|契約|決定|手続き|承諾|"
    r"了承|購入|提出|送付|送り)"
)
_ASK = r"(?:いただ|ください|下さい|くださ|願|頂|した方|された方|の方のみ|方のみ|ない場合|なければ|を?お待ち|して)"
_WORK = r"(?:仕上げ|納品|完成|提出|書い|書き上げ|編集|作成|作って|制作|対応|修正|送っ|アップ|入稿|翻訳)"
_REQUEST = r"(?:ください|下さい|くださ|いただ|頂|もらえ|もらい|ほしい|欲しい|願|助かり|助かる|お待ち)"

RULES: tuple[Rule, ...] = (
    Rule(
        rf"(?P<s>{_SHORT}\s?(?:に|まで|の|で|中に)?[^。!?\n]{{0,30}}?{_IF_NOT}[^。!?\n]{{0,20}}?{_CONSEQUENCE})",
        "本日中にご返信いただけない場合は他の方を優先させていただきます。",
        "a deadline with a consequence (dev-034, dev-046, dev-057)",
    ),
    Rule(
        rf"(?P<s>{_WORKER_ACT}[^。!?\n]{{0,12}}?{_IF_NOT}[^。!?\n]{{0,16}}?{_CONSEQUENCE})",
        "ご返信がない場合は他の方にお願いすることになります。",
        "a consequence without a stated deadline",
    ),
    Rule(
        rf"(?P<s>(?:{_TODAY}|(?:[1-9]|[1-4]\d)\s?時間以内|数時間以内)\s?(?:に|まで|中に|の)?)[^。!?\n]{{0,12}}?"
        rf"{_WORKER_ACT}[^。!?\n]{{0,6}}?{_ASK}",
        "確認は不要です。本日中にお振込みいただければ、明日からお仕事を開始できます。",
        "a same-day deadline on the worker's answer, registration or payment (dev-062, dev-049, dev-044)",
    ),
    Rule(
        rf"(?P<s>(?:{_TODAY}|数時間以内|(?:\d|[一二三])\s?時間以内|大至急|至急)\s?(?:に|で|中に)?[^。!?\n]{{0,8}}?{_WORK}"
        rf"[^。!?\n]{{0,8}}?){_REQUEST}",
        "今日中に仕上げてもらえると助かります。",
        "a same-day deadline on the work (dev-063 m3)",
    ),
    Rule(
        r"(?P<s>先着\s?\d{1,3}\s?(?:名|人|枠|件|社|組)(?:様)?(?:のみ|限定|まで|で締め切|で終了|で〆)?|"
        r"残り\s?(?:\d{1,3}|わずか|僅か|あと\s?\d{1,3})\s?(?:名|人|枠|件|席|組|社)?(?:様)?(?:で締め切|のみ|限り|となって)?|"
        r"残りわずか|残り僅か|あと\s?\d{1,3}\s?(?:名|人|枠|席)(?:様)?(?:で締め切|のみ|限定|で終了)?|"
        r"(?:募集)?枠(?:が|は|も)?\s?(?:残りわずか|わずか|少な|埋まり次第|埋まる前|限られ|なくなり次第|埋まって)|"
        r"定員(?:に)?(?:なり次第|達し次第|に達し次第)|(?:\d{1,3}\s?(?:名|人))(?:様)?限定|限定\s?\d{1,3}\s?(?:名|人|枠)|"
        r"早い者勝ち|早いもの勝ち|なくなり次第終了|締め?切り?間近|募集終了間近|今だけ|今月(?:だけ|限り|中のみ)|"
        r"本日限り|今日限り|本日のみ|今日だけ|期間限定)",
        "名刺データの入力作業です。先着3名様で締め切りますので、ご希望の方はお早めにご返信ください。",
        "scarcity (dev-042, dev-044, dev-052, dev-065, dev-034)",
    ),
    Rule(
        r"(?P<s>(?:募集|応募|受付|申し?込み?|締め?切り?|エントリー)(?:は|の|期限は?)?\s?[:：]?\s?(?:本日|今日|明日|今夜|今週)"
        r"\s?(?:\d{1,2}:\d{2}|\d{1,2}時)?\s?(?:まで|中|で(?:締め切|終了|〆))|(?:本日|今日)\s?\d{1,2}:\d{2}\s?まで)",
        "募集は本日23:59まで、残り2枠となっています。",
        "a closing time today (dev-044 m1)",
    ),
    Rule(
        r"(?P<s>今すぐ|急募|大至急|至急|お急ぎ(?:ください|を)|お早めに|お早目に|"
        r"早めに\s?ご?(?:判断|決断|登録|応募|申し?込|お申し?込|振込|お振込|入金)|早めの\s?ご?(?:判断|決断|返信|連絡|登録|応募|"
        r"お申し込み|申込|回答|お返事|お手続き|お振込)|早急に|即決|即日(?:で)?ご?(?:返信|回答|決断)|"
        r"急ぎの(?:案件|お仕事|依頼|募集|ご依頼)|急ぎで(?!は)|急いで(?:ください|いただ|もら)|迷っている(?:時間|暇)|"
        r"今決め|今が(?:チャンス|最後)|ラストチャンス|今しかない|(?:チャンス|機会)を逃さない)",
        "単価は1件5円、1日100件程度です。早めのご判断をお願いします。",
        "urging words (dev-034 m3, dev-042, dev-063, dev-031, dev-065)",
    ),
)

# The client's own speed: 「本日中に契約のお手続きをいたします」「至急対応いたします」.
_SELF_ACTION = compile_pattern(
    r"いたします|致します|します|しますね|させていただきます|させて頂きます|お送りします|予定です|いたしますので|"
    r"しますので|いたしました|しました|行います|できます|できるよう"
)
_ASKS = compile_pattern(rf"{_REQUEST}|ない場合|なければ|方のみ|ませんか|ご決断|ご判断|しましょう")
# 「ご不明点があればお早めに」: urging that depends on the reader's own need.
_CONDITIONAL = compile_pattern(r"あれば|ありましたら|あります場合|の場合は|場合には|でしたら|際は|ときは|時は|ようでしたら")
_URGING_RULE = RULES[6].pattern
# Scarcity and consequences press by themselves, whoever's verb ends the sentence.
_SELF_EVIDENT_RULES = {RULES[0].pattern, RULES[1].pattern, RULES[4].pattern, RULES[5].pattern}


class PressureDetector(RuleDetector):
    name = "pressure"
    category = "pressure"
    kind = "risk"
    rules = RULES
    terms = (
        "本日", "今日", "今夜", "今晩", "今すぐ", "ただちに", "直ちに", "明日", "明朝", "今週", "以内", "まで", "ない", "なけ", "なか", "次第",
        "先着", "残り", "あと", "枠", "定員", "限定", "早い者勝ち", "早いもの勝ち", "間近", "なかった", "白紙", "不採用", "縁", "他をあたり", "他を当たり", "おしまい", "今だけ", "今月", "急", "早め", "早目", "即決",
        "即日", "迷っている", "今決め", "今が", "ラストチャンス", "今しかない", "逃さない",
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

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        return self._presses(text, m, rule.pattern)

    @staticmethod
    def _presses(text: str, m, pattern: str) -> bool:
        start, end = span_of(m)
        if in_topic(text, start, end) or refused_around(text, m):
            return False
        if pattern in _SELF_EVIDENT_RULES:
            return True
        c_start, c_end = clause(text, start)
        if pattern == _URGING_RULE and _CONDITIONAL.search(text, c_start, start):
            return False
        # Own speed: a humble or plain verb of the sender, and nothing asked of the reader.
        tail_end = max(c_end, m.end())
        own = _SELF_ACTION.search(text, end, tail_end)
        return not (own and not _ASKS.search(text, end, tail_end))


DETECTOR = PressureDetector()
