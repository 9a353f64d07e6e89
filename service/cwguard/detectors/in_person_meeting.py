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

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import (
    RuleDetector,
    in_topic,
    is_post_contract_remark,
    not_system,
    occurs_in_message,
    refused_around,
    reported,
    search_in_sentence,
    sentence,
    span_of,
)


def _words(group: str) -> str:
    """A group of lang/ja/meetings.json as one regular-expression group."""
    return f"(?:{vocab.words('ja', 'meetings', group)})"


_PLACE = _words("places")
# Words a writer puts between the place and the verb without changing the request: who comes,
# how long, how often (「最寄り駅までこちらから伺います」「喫茶店で30分ほどお話し」).
_MODIFIER = (
    rf"(?:\s?(?:{vocab.words('ja', 'meetings', 'modifiers')}|"
    # (a hedge after the length: 「池袋のカフェで30分とか☕」, round 22)
    r"\d{1,3}\s?(?:分|時間)(?:ほど|程度|くらい|ぐらい|だけ|とか|なんか)?)[、,]?){0,3}"
)
_COME = _words("coming")
# A place's area in brackets: 「弊社(新宿)」「うちのオフィス（横浜）」.
_PAREN = r"(?:\s?[(（][^)）\n]{1,16}[)）])"
_MEETING = _words("meetings")


@dataclass(frozen=True, slots=True)
class MeetingRule(Rule):
    """A rule of this detector, with what its context checks need to know about it."""
    # Coming to a named place is in person even when the sentence also names a video call
    # (「オンライン面談の後、弊社にお越しください」); the other rules yield to such a sentence.
    in_person_even_online: bool = False
    # A place given (「場所：新宿駅近くのカフェ」) is a meeting's only when the message speaks of one.
    needs_meeting: bool = False
    # A place that may be where the work is done (「撮影は新宿のカフェで」): a meeting only when the
    # sentence names no work at the place.
    not_the_work: bool = False
    # An event (セミナー, 交流会) is a meeting only when the worker is asked to attend it.
    needs_attending: bool = False
    # 「対面」 right before the work done at a place (「店内での対面取材」「対面販売」) describes how the
    # work is done with others, not a meeting with the client.
    work_may_follow: bool = False


RULES: tuple[MeetingRule, ...] = (
    MeetingRule(
        id="come_to_a_place",
        pattern=rf"(?P<s>{_PLACE}[^。!?\n]{{0,24}}?(?:に|へ|まで)\s?{_MODIFIER}\s?{_COME}|{_PLACE}\s?{_COME}"
        # any named place, asked to come to in person (「越谷のモデルハウスに直接来ていただけますか」, tr203)
        + rf"|[\p{{Han}}\p{{Katakana}}ー]{{2,10}}(?:に|へ|まで)\s?(?:直接|実際に)\s?{_COME})",
        examples=(
            "一度弊社スタジオ（東京都渋谷区）にお越しいただけますか。",
            "現物を見てほしいので、岡山のショールームに直接来ていただけますか",
            "オンライン面談の後、弊社にお越しください。",
            "店舗来れます？",
        ),
        counter_examples=(
            "打ち合わせはすべてオンラインですので、弊社にお越しいただく必要はありません。",
            "ご契約後に一度、事務所にお越しいただければと思います。",
        ),
        reason="a place and a verb of coming (dev-063, dev-068, dev-070, dev-038)",
        in_person_even_online=True,
    ),
    MeetingRule(
        id="come_to_do",
        # what the worker comes to do, no place named (「その前に1回だけサインしに来てもらえます？」, round 15)
        pattern=rf"(?P<s>(?:{_words('purposes_of_coming')})\s?(?:を\s?)?(?:し|受け|交わし)?に\s?{_MODIFIER}\s?{_COME})",
        examples=("その前に1回だけサインしに来てもらえます？", "面接しに来れます？"),
        counter_examples=("サインしに来ていただく必要はありません。", "ご契約後に一度、契約書の説明をしにお伺いします"),
        reason="asked to come and do something (sign, an interview, a briefing), no place named (round 15)",
    ),
    MeetingRule(
        id="visit_the_office",
        pattern=rf"(?P<s>(?:一度|ぜひ|直接|まずは)?\s?{_words('office_visits')})",
        examples=("面談のため一度ご来社いただけますでしょうか。", "来社必須です。明日14時どうですか"),
        counter_examples=(
            "ご来社いただく必要はございません。",
            "来社不要、すべてオンラインです",
        ),
        reason="coming to the office without naming it",
    ),
    MeetingRule(
        id="face_to_face",
        pattern=rf"(?P<s>(?<!非)対面(?:で|にて|での|形式|の)?\s?{_MEETING}?)",
        examples=("採用前に一度対面でお会いしたいと考えております。",),
        counter_examples=(
            "対面での面談は行っておりません。",
            "面談はすべてオンラインで行い、対面はありません。",
            "店主さんは店内での対面取材でOKとのことです。",
        ),
        reason="「対面」 (dev-029)",
        work_may_follow=True,
    ),
    MeetingRule(
        id="wish_to_meet",
        pattern=r"(?P<s>(?:一度|一回|直接|実際に|ぜひ|まずは|事前に|近いうち|近々|今度)?\s?(?<![出立巡])会(?:え(?:ます|ませんか|ませ|たり|る\s?[?？]|ない\s?[?？]|ないか)|"
        r"い(?:ませんか|ましょう|たいです|たい)|おう)|"
        r"(?:一度|直接|実際に|ぜひ|まずは|事前に)?\s?(?:お?会い|おあい)(?:し|でき|いたし|させて)"
        r"(?:たい|ましょう|ませんか|ませんでしょうか|れば|る日|てお話|てご挨拶|ていただ)|会って(?:お話|話|面談|ご挨拶|打ち合わせ)|"
        r"直接\s?(?:会って|会い|会う|会え|お会い|お目にかか)|オフライン\s?(?:で|にて|の|形式)?\s?(?:面談|面接|打ち合わせ|打合せ|"
        r"ミーティング|お会い|会|顔合わせ|お話))",
        examples=("できれば一度お会いしたいのですが…やはり難しいでしょうか。", "今度一回会えたりします？"),
        counter_examples=(
            "Zoomで一度お会いしたいと思います。",
            "Zoomで会えますか？",
            "直接お会いすることはできませんので、メッセージでご相談ください。",
        ),
        reason="「お会いしたい」 (dev-029 m3)",
    ),
    MeetingRule(
        id="meeting_place_given",
        pattern=rf"(?P<s>{_words('place_labels')}\s?(?:[:：は]|を)?\s?[^。\n]{{0,24}}?{_words('physical_places')})",
        examples=("面談の日時：来週火曜14時\n場所：JR新宿駅南口近くのカフェ（店名は追ってご連絡します）",),
        counter_examples=(
            "撮影場所：渋谷区内のスタジオ（素材はこちらで撮影します）",
        ),
        reason="a meeting with a physical place (dev-029 m1)",
        needs_meeting=True,
    ),
    MeetingRule(
        id="meeting_at_a_place",
        # or a check of the worker held there (「中野のスタジオで声の確認させてください」, tr224)
        pattern=rf"(?P<s>{_words('venues')}(?:など)?{_PAREN}?\s?(?:で|にて)\s?(?:の)?\s?{_MODIFIER}\s?(?:の)?\s?"
                rf"(?:{_MEETING}|{_words('checks_in_person')}))",
        examples=("渋谷のカフェで面談をお願いします。", "一度、弊社スタジオで声のチェックをさせてください", "事務所で実技テストを受けていただきます"),
        counter_examples=(
            "カフェでの面談は行っておりません。",
            "弊社での面接はオンラインで行います。",
            "スタジオでの声の確認は不要です。録音データをこちらに添付してください",
        ),
        reason="meeting at a place (RUBRIC examples)",
    ),
)

RULES += (
    MeetingRule(
        id="meal_or_coffee_together",
        pattern=rf"(?P<s>{_words('meals')}\s?(?:でも|がてら|を?しながら|でもしながら|でも飲みながら|"
        r"を?飲みながら|を?食べながら|しつつ|ついでに)[^。!?\n]{0,10}?(?:お?話|お?会い|会っ|会い|会え|打ち合わせ|打合せ|ご?相談|面談)"
        r"[^。!?\n]{0,8}?(?:ませんか|ません\?|ましょう|しましょ|たい|いかが|どう|できれば|できると|ください|願)|"
        # in a few words: 「一回お茶しません？」「今度ご飯でもどうですか」
        rf"(?:一回|一度|今度|近いうち|ぜひ)?\s?(?:{_words('meals')}|ご飯|ごはん)\s?(?:でも)?\s?"
        r"(?:しません|行きません|いかが|どう|しましょう|行こう|しよう|行けます|できます))",
        examples=("一度ランチでもしながらお話ししませんか？", "一回お茶しません？", "池袋のカフェでお茶しながら軽く話しません？☕"),
        counter_examples=(
            "Zoomでランチでもしながらお話ししませんか？",
            "お茶でも飲みながらお話ししたいところですが、面談はオンラインのみです。",
            "Zoomでお茶しませんか？",
            "お茶のギフトの記事です。いかがでしょうか。",
        ),
        reason="a meal or a coffee together as the meeting, at length or in a few words: 「お茶でもしながら話しませんか」「一回お茶しません？」",
    ),
)

# Terse: a meeting spot named as the whole answer (「新宿の喫茶店で」「池袋のルノアールで」), the
# meeting's place after its name (「面接はうちのオフィス（横浜）で」), an event attended in person
# (「新宿会場の説明会にご参加を」).
_SPOT = rf"(?:[一-龥ァ-ヶ]{{1,8}}(?:駅前|駅|口)?\s?の\s?)?(?:{_words('meeting_spots')})"
# A time and a place alone: one to three times (a day, a clock time) and a spot or a venue, its area
# before it (「恵比寿駅西口ドトール」「本町オフィス」), the particle of place after it.
_WHEN = rf"(?:(?:{vocab.words('ja', 'channel_talk', 'terse_times')})[\s、,]?){{1,3}}"
_WHERE = (rf"(?:[一-龥ァ-ヶー]{{1,10}}の?\s?)?(?:{_words('meeting_spots')}|{_words('venues')}){_PAREN}?"
          r"(?:\s?(?:にて|で|集合|待ち合わせ))?")
_EVENT = _words("events")
_EVENT_PLACE = _words("place_names")
# ...or an area or a city named with its particle (「金曜10時に新宿で」, tr314)
_WHERE_AREA = rf"(?:{_EVENT_PLACE})\s?(?:にて|で|集合|待ち合わせ)"
RULES += (
    MeetingRule(
        id="meeting_spot_named",
        pattern=rf"(?<![^\s。!?\n、,])(?P<s>{_SPOT}\s?(?:で|にて|でも))(?=\s?{_MODIFIER}\s?"
        r"(?:どう|いかが|待ち合わせ|集合|お願い|会|お話|面談|ok|オッケー|大丈夫|可|いけ|[?。!\n]|\p{So}|$))"
        # the client's own office offered instead (「ｶﾌｪが不安でしたら道玄坂の弊社事務所でも大丈夫ですよ」, tr202)
        + rf"|(?P<s>{_words('venues')}\s?でも)(?=\s?(?:ok|オッケー|大丈夫|可|いけ|構いません|かまいません|いいですよ))",
        examples=("新宿の喫茶店で。土日どっちか", "じゃ池袋のカフェで30分だけ", "池袋のカフェでもokです", "不安でしたら渋谷の弊社オフィスでも大丈夫です",
                  "池袋のカフェで30分とか☕"),
        counter_examples=(
            "作業場所は自宅かカフェで。",
            "撮影は新宿のカフェで。",
        ),
        reason="a meeting spot named as the whole answer (tr7-014 m3)",
        in_person_even_online=True,
        not_the_work=True,
    ),
    MeetingRule(
        id="time_and_place_alone",
        # the line names a time and a spot or an office and nothing else (the meeting itself at most)
        pattern=rf"(?<![^\s。!?\n、,])(?P<s>{_WHEN}(?:に|、)?[\s、,]*(?:{_WHERE}|{_WHERE_AREA})(?:\s?(?:に|で)?\s?{_MEETING})?"
                # (the place may take its particle first: 「銀座オフィスに金曜11時で」, round 11)
                rf"|{_WHERE}\s?(?:に|へ)?[\s、,]*{_WHEN}(?:\s?(?:に|で)?\s?{_MEETING})?)(?:\s?で(?=\s?(?:[。!?\n]|$)))?"
                # at most a hedge or a 'how about' after it (「池袋のルノアール、木曜15時とか」, tr332)
                r"(?=\s?(?:とか|なんか|あたり|ごろ|頃)?\s?(?:(?:で\s?)?(?:どう|いかが)(?:です|でしょう)?か?|(?:で\s?)?お願いします)?\s?(?:[。!?\n]|$))",
        examples=("土曜13時　恵比寿駅西口ドトール", "8/6(木)10:00 本町オフィスにて", "錦糸町南口のドトール 11時で顔合わせ",
                  "明日 15時 弊社会議室で", "金曜10時に新宿で", "あさって14時、梅田集合", "池袋のルノアール、木曜15時とか",
                  "銀座オフィスに金曜11時で。遅刻厳禁"),
        counter_examples=(
            "撮影 3/1 10:00 渋谷スタジオにて",
            "8/6(木)10:00 本町オフィスにて撮影を行います",
            "明日15時 Zoomで",
        ),
        reason="a time and a place as the whole line, no verb (「土曜13時 恵比寿駅西口ドトール」「8/6(木)10:00 本町オフィスにて」, tr298 family)",
        not_the_work=True,
    ),
    MeetingRule(
        id="walk_from_a_station",
        # the way there given as a station and a walk, in a message about meeting (「一回顔合わせしたいんで。
        # 恵比寿駅から徒歩5分」, round 11)
        pattern=r"(?P<s>[^\s。!?\n、,]{1,8}駅\s?(?:の[東西南北中央]口|[東西南北中央]口)?\s?(?:から|より)\s?(?:徒歩|歩いて)\s?\d{1,2}\s?分)",
        examples=("一回顔合わせしたいんで。恵比寿駅から徒歩5分",),
        counter_examples=("最寄りの武蔵小杉駅から徒歩5分の物件紹介記事です",),
        reason="a station and a walk given as the way to a meeting (round 11)",
        needs_meeting=True,
    ),
    MeetingRule(
        id="meeting_held_at_a_place",
        pattern=rf"(?P<s>{_MEETING}\s?(?:は|を|の場所は|場所は)\s?[^。!?\n]{{0,10}}?(?:{_words('venues')}|{_SPOT}){_PAREN}?\s?(?:で|にて))"
        r"(?!\s?(?:用意|作成|準備|制作|撮影|作った|録画|配信|手配))",
        examples=("面接はうちのオフィス（横浜）でお願いしたいです。",),
        counter_examples=(
            "面談は弊社ではなくオンラインで行います。",
            "研修は弊社で用意した動画をご覧いただく形です。",
        ),
        reason="the meeting's place after its name: 「面接はうちのオフィスで」 (tr2-0103)",
        not_the_work=True,
    ),
    MeetingRule(
        id="meeting_at_a_cafe_even_if_online",
        pattern=rf"(?P<s>{_SPOT}{_PAREN}?\s?(?:で|にて)\s?(?:の)?\s?{_MODIFIER}\s?(?:の)?\s?{_MEETING})",
        examples=("Zoomか、もし近ければ渋谷のカフェで一度お会いできませんか？",),
        counter_examples=(
            "カフェでの面談は行っておりません。",
        ),
        reason="a café or a station named for the meeting even when a video call is offered too (tr4-0104)",
        in_person_even_online=True,
    ),
    MeetingRule(
        id="event_attended_in_person",
        pattern=rf"(?P<s>(?:{_EVENT_PLACE})[^。!?\n]{{0,16}}?(?:{_EVENT})|(?:{_EVENT})\s?[(（]?[^。!?\n]{{0,10}}?(?:{_EVENT_PLACE}))",
        examples=("まずは渋谷の会議室で開催する勉強会にご参加ください。",),
        counter_examples=(
            "説明会はオンライン開催です。ご参加ください。",
            "名古屋で開かれた交流会の記事を書いてください。",
        ),
        reason="an in-person seminar, briefing or meet-up before a contract (RUBRIC v2; tr2-0098, tr3-0054, tr3-0189, tr5-0050)",
        needs_attending=True,
    ),    MeetingRule(
        id="come_to_an_event",
        pattern=rf"(?P<s>(?:{_EVENT})\s?(?:に|へ|まで)\s?{_MODIFIER}\s?{_COME})",
        examples=("採用前に1度説明会に来てください！！", "まずは研修にお越しいただきます"),
        counter_examples=(
            "説明会はオンラインです。Zoomの説明会にご参加ください。",
            "契約後に研修にお越しいただく予定です。",
            "説明会に来てくださいと言われたのですが、怪しいですか？",
        ),
        reason="an event the worker is told to come to: coming is in person by itself, no place needed (tr67 family)",
    ),
)

# English: meeting in person, at a café or the office, coming over, an event in a city.
def _en(group: str) -> str:
    return f"(?:{vocab.words('en', 'meetings', group)})"


RULES += (
    MeetingRule(
        id="english_meet_in_person",
        pattern=rf"(?P<s>(?<![a-z]){_en('meet_verbs')}\s(?:you\s|up\s)?{_en('in_person')}(?![a-z])|"
        rf"(?<![a-z]){_en('meet_verbs')}\s(?:up\s)?(?:at|in|near|around)\s(?:a|the|our|my)?\s?[^.!?\n]{{0,16}}?{_en('places')}(?![a-z])|"
        rf"(?<![a-z])(?:a\s|quick\s|short\s)*face[ -]to[ -]face(?![a-z])|"
        rf"(?<![a-z])coffee\s(?:near|at|in|around)\s[^.!?\n]{{0,20}}?{_en('places')}(?![a-z])|"
        rf"(?<![a-z])(?:grab|get|have)\s{_en('meals')}\s(?:together\s)?(?:in|at|near|around)\s(?!the\s(?:meantime|morning|afternoon|evening))[a-z]|"
        # a place and a clock time, tersely: 「ginza cafe 2pm」
        r"(?<![a-z])[a-z]{3,12}\s(?:cafe|café|coffee shop|station|stn|starbucks|lobby)\s(?:at\s)?\d{1,2}(?::\d{2})?\s?(?:am|pm)(?![a-z]))",
        examples=("Before we start, could we meet at a café near Ikebukuro?", "ok then meet tmrw? ginza cafe 2pm."),
        counter_examples=(
            "Let's meet on Zoom.",
            "We never meet in person; everything happens here.",
        ),
        lang="en",
        reason="in English: meeting in person or at a café (tr2-0100, tr13 family)",
    ),
    MeetingRule(
        id="english_come_to_our_place",
        pattern=rf"(?P<s>(?<![a-z]){_en('coming')}\s(?:to\s)?(?:our|my|the|us at our)\s(?:[a-z]+\s)?{_en('places')}(?![a-z]))",
        examples=("Can you come to our office in Osaka this week?",),
        counter_examples=(
            "You never need to come to our office.",
            "Please visit our shop page online to see the products.",
        ),
        lang="en",
        reason="in English: coming to the client's office or studio",
    ),
    MeetingRule(
        id="english_event_in_a_city",
        pattern=rf"(?P<s>(?<![a-z]){_en('events')}s?\s(?:in|at)\s(?:our\s|the\s)?(?!{_en('not_places')}(?![a-z]))[a-z][a-z]+)",
        examples=("Please attend our onboarding seminar in Kobe before we assign work.",),
        counter_examples=(
            "Please attend our onboarding seminar on Zoom.",
            "Please join the training in the morning; it is a video call.",
        ),
        lang="en",
        reason="in English: an in-person seminar or briefing before a contract (tr2-0105, tr3-0157)",
        needs_attending=True,
    ),
)

_MEETING_CONTEXT = compile_pattern(rf"{_MEETING}|お会い|会って|対面")
# On line: a video call, chat or phone is not a meeting in person (other detectors see it).
_ONLINE = compile_pattern(_words("online"))
_EN_ONLINE = compile_pattern(rf"(?<![a-z]){_en('online')}(?![a-z])")
_WORK_AT_A_PLACE = compile_pattern(_words("work_at_a_place"))
_WORK_RIGHT_AFTER = compile_pattern(r"\s?(?:で|での|の|による)?\s?(?:" + _words("work_at_a_place") + r"|接客|インタビュー)")
_ATTENDING = compile_pattern(_words("attending"))
_EN_ATTENDING = compile_pattern(rf"(?<![a-z]){_en('attending')}(?![a-z])")


def _asks_to_attend(text: str, m, rule: MeetingRule) -> bool:
    """An event is a meeting when the worker is asked to attend it, in its sentence or the next
    (「名古屋で交流会があります！参加すれば…」)."""
    s_start, s_end = sentence(text, m.start())
    _, next_end = sentence(text, min(len(text) - 1, s_end + 1)) if s_end + 1 < len(text) else (s_end, s_end)
    reader = _EN_ATTENDING if rule.lang == "en" else _ATTENDING
    return reader.search(text, s_start, max(s_end, next_end, m.end())) is not None


class InPersonMeetingDetector(RuleDetector):
    name = "in_person_meeting"
    category = "in_person_meeting"
    kind = "risk"
    rules = RULES
    terms = (
        "徒歩",
        "お越し", "来社", "来所", "来訪", "来て", "来られ", "いらし", "いらっしゃ", "足を運", "出社", "出勤", "集まり", "集合", "伺", "出向",
        "邪魔", "足労", "対面", "オフライン", "直接", "会い", "おあい", "会って", "お茶", "食事", "ランチ", "ディナー", "飲み", "コーヒー", "場所", "会場", "待ち合わせ", "カフェ", "喫茶", "ファミレス", "ラウンジ", "会議室", "事務所",
        "オフィス", "スタジオ", "駅", "弊社", "本社", "店舗", "ホテル", "自宅", "宅", "会え", "会お", "来れ", "寄", "改札", "ロビー",
        "ルノアール", "スタバ", "スターバックス", "ドトール", "コメダ", "タリーズ", "ベローチェ", "サンマルク", "コワーキング", "ラウンジ",
        "セミナー", "説明会", "交流会", "勉強会", "研修", "懇親会", "オフ会", "相談会", "面接会", "講習会", "ワークショップ", "オリエンテーション",
        "イベント", "合宿", "講座", "面談", "面接", "打ち合わせ", "打合せ", "顔合わせ", "ミーティング",
        "meet", "person", "face", "offline", "irl", "real life", "coffee", "cafe", "café", "office", "station", "stn", "come", "drop by",
        "stop by", "swing by", "pop by", "pop into", "visit", "head to", "attend", "join", "seminar", "session", "workshop", "orientation",
        "briefing", "training", "event", "ご飯", "ごはん", "lunch", "dinner", "drink", "tea",
        # an area or a city with its particle after a time (time_and_place_alone: 「金曜10時に新宿で」)
        *vocab.terms("ja", "meetings", "place_names"), "区", "市", "県",
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

    def accept(self, text: str, m, rule: MeetingRule, msg: MessageView, state: dict) -> bool:
        if msg.sender == "worker" and _asks_about_the_process(text, m.start()):
            return False
        if rule.not_the_work and search_in_sentence(_WORK_AT_A_PLACE, text, m.start()):
            return False
        if rule.work_may_follow and _WORK_RIGHT_AFTER.match(text, m.end()):
            return False
        if rule.needs_attending and not _asks_to_attend(text, m, rule):
            return False
        if rule.lang == "en" and not rule.in_person_even_online and search_in_sentence(_EN_ONLINE, text, m.start()):
            return False
        if rule.needs_meeting and not occurs_in_message(state, _MEETING_CONTEXT, text):
            return False
        return self._is_request(text, m, rule)

    @staticmethod
    def _is_request(text: str, m, rule: MeetingRule) -> bool:
        start, end = span_of(m)
        if not rule.in_person_even_online and search_in_sentence(_ONLINE, text, start):
            return False
        return not (
            in_topic(text, start, end)
            or is_post_contract_remark(text, start, end)
            or refused_around(text, m)
            or reported(text, start, end)
        )


# A worker's question about the client's process (「選考は対面のみでしょうか」「面接は対面ですか」)
# asks what the client wants; it proposes nothing. A worker who proposes a meeting asks a
# different question (「お会いできませんか」「伺ってもよろしいでしょうか」).
_QUESTION_END = compile_pattern(r"(?:でしょうか|ですか|ますか|のか|なのか|でしたか|ですよね)\s?[?？]?\s?$")
_PROPOSAL = compile_pattern(_words("proposals"))


def _asks_about_the_process(text: str, pos: int) -> bool:
    s_start, s_end = sentence(text, pos)
    # the sentence's own end mark (?, ？) is outside the span; read up to it
    sentence_text = text[s_start:min(len(text), s_end + 1)].rstrip("。!?\n ")
    return bool(_QUESTION_END.search(sentence_text)) and not _PROPOSAL.search(sentence_text)


DETECTOR = InPersonMeetingDetector()
