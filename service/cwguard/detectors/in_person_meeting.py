"""in_person_meeting: a request to meet in person before a contract.

Meeting a stranger before anything is signed moves the relationship off the platform (and, for
some scams, into a room). The shapes: a place joined to a verb of coming (「弊社スタジオにお越し」
「池袋の事務所にご来社」), 「対面で」, 「一度お会いしたい」, a meeting with a physical place
(「場所：新宿駅近くのカフェ」「渋谷のカフェで面談」).

Not a request: the worker declining (「対面での面談は控えております」), meetings on line
(「Zoomでお会いしましょう」 is off_platform_contact's), a remark about work after the contract
(「取材自体は契約後に都内の店舗で行う」), and anything after the contract.
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ._cues import (
    RuleDetector,
    in_topic,
    is_post_contract_remark,
    not_system,
    refused_around,
    search_in_sentence,
    sentence,
    span_of,
)

_PLACE = (
    r"(?:弊社|当社|本社|御社|貴社|事務所|オフィス|スタジオ|会社|店舗|お店|当店|サロン|カフェ|喫茶店|ファミレス|"
    r"会議室|駅|駅前|最寄り駅|拠点|支社|支店|営業所|作業場|工房|教室|ホテル|ラウンジ|ビル|自宅|お宅|ご近所|お近く|現地|"
    r"店(?![長員主])|倉庫|工場|現場|撮影場所|アトリエ|"
    r"面接会場|会場|[一-龥ァ-ヶ]{1,5}(?:区|市|町)(?:内|周辺)?)"
)
# Words a writer puts between the place and the verb without changing the request: who comes,
# how long, how often (「最寄り駅までこちらから伺います」「喫茶店で30分ほどお話し」). A closed list,
# so that 「会社にいる時間帯を伺いたい」 (伺う = to ask) does not bridge to a visit.
_MODIFIER = (
    r"(?:\s?(?:こちらから|こちらが|こちらで|私から|私が|担当者?が|担当者?から|弊社から|当方から|直接|一度|ぜひ|是非|まずは|"
    r"実際に|少しだけ|少し|ちょっと|軽く|お?気軽に|一緒に|お茶でも|お茶がてら|お迎えに|車で|"
    r"\d{1,3}\s?(?:分|時間)(?:ほど|程度|くらい|ぐらい|だけ)?)[、,]?){0,3}"
)
_COME = (
    r"(?:お越し|ご来社|来社|ご来所|来所|ご来訪|来訪|来て(?:いただ|くだ|もら|ほし|欲し)|来られ|いらし|いらっしゃ|"
    r"足を運|出社|出勤|お集まり|集合|伺っ|伺い|出向|お邪魔)"
)
_MEETING = (
    r"(?:面談|面接|お打ち合わせ|打ち合わせ|打合せ|顔合わせ|ミーティング|説明会|お話し?|ご挨拶|研修|作業テスト|お茶|"
    r"お?食事|ランチ|お?会い|会っ|会う|会え)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="place_verb_coming",
        pattern=rf"(?P<s>{_PLACE}[^。!?\n]{{0,24}}?(?:に|へ|まで)\s?{_MODIFIER}\s?{_COME})",
        examples=("一度弊社スタジオ（東京都渋谷区）にお越しいただけますか。",),
        reason="a place and a verb of coming (dev-063, dev-068, dev-070, dev-038)",
    ),
    Rule(
        id="coming_office_without_naming",
        pattern=r"(?P<s>(?:一度|ぜひ|直接|まずは)?\s?(?:ご来社|ご来所|ご足労|ご来訪))",
        examples=("面談のため一度ご来社いただけますでしょうか。",),
        reason="coming to the office without naming it",
    ),
    Rule(
        id="rule",
        pattern=rf"(?P<s>(?<!非)対面(?:で|にて|での|形式|の)?\s?{_MEETING}?)",
        examples=("採用前に一度対面でお会いしたいと考えております。",),
        reason="「対面」 (dev-029)",
    ),
    Rule(
        id="rule_2",
        pattern=r"(?P<s>(?:一度|直接|実際に|ぜひ|まずは|事前に)?\s?(?:お?会い|おあい)(?:し|でき|いたし|させて)"
        r"(?:たい|ましょう|ませんか|ませんでしょうか|れば|る日|てお話|てご挨拶|ていただ)|会って(?:お話|話|面談|ご挨拶|打ち合わせ)|"
        r"直接\s?(?:会って|会い|会う|会え|お会い|お目にかか)|オフライン\s?(?:で|にて|の|形式)?\s?(?:面談|面接|打ち合わせ|打合せ|"
        r"ミーティング|お会い|会|顔合わせ|お話))",
        examples=("できれば一度お会いしたいのですが…やはり難しいでしょうか。",),
        reason="「お会いしたい」 (dev-029 m3)",
    ),
    Rule(
        id="meeting_physical_place",
        pattern=r"(?P<s>(?:場所|会場|集合場所|待ち合わせ場所|待ち合わせ)\s?(?:[:：は]|を)?\s?[^。\n]{0,24}?"
        r"(?:カフェ|駅|事務所|オフィス|会議室|本社|ビル|喫茶|ホテル|ラウンジ|店舗|\d\s?階|[区市町]))",
        examples=("場所：JR新宿駅南口近くのカフェ（店名は追ってご連絡します）",),
        reason="a meeting with a physical place (dev-029 m1)",
    ),
    Rule(
        id="meeting_at_place",
        pattern=rf"(?P<s>(?:カフェ|喫茶店|喫茶|ファミレス|ラウンジ|会議室|事務所|オフィス|スタジオ|駅前|駅|弊社|本社|店舗|ホテル|面接会場|"
        rf"ご自宅|お宅)(?:など)?\s?(?:で|にて)\s?(?:の)?\s?{_MODIFIER}\s?(?:の)?\s?{_MEETING})",
        examples=("渋谷のカフェで面談をお願いします。",),
        reason="meeting at a place (RUBRIC examples)",
    ),
)

RULES += (
    Rule(
        id="meal_coffee_together_meeting",
        pattern=r"(?P<s>(?:お茶|お?食事|ランチ|ディナー|飲み|コーヒー|カフェ)\s?(?:でも|がてら|を?しながら|でもしながら|でも飲みながら|"
        r"を?飲みながら|を?食べながら|しつつ|ついでに)[^。!?\n]{0,10}?(?:お?話|お?会い|会っ|会い|会え|打ち合わせ|打合せ|ご?相談|面談)"
        r"[^。!?\n]{0,8}?(?:ませんか|ましょう|しましょ|たい|いかが|どう|できれば|できると|ください|願))",
        examples=("一度ランチでもしながらお話ししませんか？",),
        reason="a meal or a coffee together as the meeting: 「お茶でもしながら話しませんか」",
    ),
)

_MEETING_CONTEXT = compile_pattern(rf"{_MEETING}|お会い|会って|対面")
_PLACE_RULE = RULES[4].pattern
# On line: a video call, chat or phone is not a meeting in person (other detectors see it).
_ONLINE = compile_pattern(
    r"オンライン|zoom|ズーム|google ?meet|teams|skype|スカイプ|ビデオ通話|web会議|ウェブ会議|リモート|画面越し|通話|電話|"
    r"チャット|メッセージ上"
)


class InPersonMeetingDetector(RuleDetector):
    name = "in_person_meeting"
    category = "in_person_meeting"
    kind = "risk"
    rules = RULES
    terms = (
        "お越し", "来社", "来所", "来訪", "来て", "来られ", "いらし", "いらっしゃ", "足を運", "出社", "出勤", "集まり", "集合", "伺", "出向",
        "邪魔", "足労", "対面", "オフライン", "直接", "会い", "おあい", "会って", "お茶", "食事", "ランチ", "ディナー", "飲み", "コーヒー", "場所", "会場", "待ち合わせ", "カフェ", "喫茶", "ファミレス", "ラウンジ", "会議室", "事務所",
        "オフィス", "スタジオ", "駅", "弊社", "本社", "店舗", "ホテル", "自宅", "宅",
    )
    examples = Examples(
        positive=(
            "動画編集者を急募しています。契約前に一度、弊社スタジオ（東京都渋谷区）にお越しいただけますか。",
            "最終面接として、池袋の弊社事務所にお越しいただきます。",
            "採用前に一度対面でお会いしたいと考えております。",
            "メッセージだけだと人柄がつかみにくいので、できれば一度お会いしたいのですが…",
            "渋谷のカフェで面談させてください。",
            "一度ご来社いただき、編集長とご挨拶いただけますか。",
        ),
        negative=(
            "恐れ入りますが、契約前の対面での面談は控えております。",
            "取材自体は契約後に都内の店舗で行う形になりますので、その点だけご了承ください。",
            "Zoomで30分ほどお会いしましょう。",
            "弊社スタジオで撮影した素材をお送りします。",
            "面談はすべてオンラインで行います。対面はございません。",
            "契約後、一度オフィスにお越しいただく予定です。",
        ),
        negative_after_contract=("打ち合わせのため、来週オフィスにお越しいただけますか。",),
    )

    def applies(self, msg: MessageView) -> bool:
        return msg.phase == "before_contract" and not_system(msg)

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        if msg.sender == "worker" and _asks_about_the_process(text, m.start()):
            return False
        if rule.pattern == _PLACE_RULE:
            # read once per message, not once per candidate (every candidate is examined)
            if "meeting" not in state:
                state["meeting"] = _MEETING_CONTEXT.search(text) is not None
            if not state["meeting"]:
                return False
        return self._is_request(text, m, rule.pattern)

    @staticmethod
    def _is_request(text: str, m, pattern: str) -> bool:
        start, end = span_of(m)
        if search_in_sentence(_ONLINE, text, start) and pattern != RULES[0].pattern:
            return False
        return not (
            in_topic(text, start, end)
            or is_post_contract_remark(text, start, end)
            or refused_around(text, m)
        )


# A worker's question about the client's process (「選考は対面のみでしょうか」「面接は対面ですか」)
# asks what the client wants; it proposes nothing. A worker who proposes a meeting asks a
# different question (「お会いできませんか」「伺ってもよろしいでしょうか」).
_QUESTION_END = compile_pattern(r"(?:でしょうか|ですか|ますか|のか|なのか|でしたか|ですよね)\s?[?？]?\s?$")
_PROPOSAL = compile_pattern(
    r"ませんか|ましょう|いかが|よろしいでしょうか|よろしいですか|てもいい|ても良い|ても大丈夫|させて|したい|たいの|"
    r"たいと|伺い|伺って|お邪魔"
)


def _asks_about_the_process(text: str, pos: int) -> bool:
    s_start, s_end = sentence(text, pos)
    # the sentence's own end mark (?, ？) is outside the span; read up to it
    sentence_text = text[s_start:min(len(text), s_end + 1)].rstrip("。!?\n ")
    return bool(_QUESTION_END.search(sentence_text)) and not _PROPOSAL.search(sentence_text)


DETECTOR = InPersonMeetingDetector()
