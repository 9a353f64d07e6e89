"""off_platform_contact: someone proposes or asks to move the conversation to a channel outside
CrowdWorks messages (LINE, Chatwork, Zoom, e-mail, phone, "outside" in general).

A channel name alone is not a proposal: it has to sit in a frame of talking (「LINEでお伝えします」
「チャットワークに招待します」「面談をChatworkで実施」「LINE交換しませんか」), and it must not be
the subject of the work (LINEスタンプ制作), the work's own text or material (a draft's quoted body,
an outline's heading, 「収録は毎回Zoomで」, customers' 「DMで予約が来たら」), a refusal
(「LINEではなくこちらで」), a clarifying question (「LINEでのご案内ということでしょうか」) or a remark
about after the contract (「契約後はChatworkで」). A meeting link (zoom.us, meet.google.com) is a proposal by itself.

Channel names are in lang/common/channels.json, the frames' words in lang/ja/channel_talk.json and
lang/en/channel_talk.json; the rules are in _channels.py.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView, compile_pattern
from ..engine.literals import GatedPattern, QuietSources
from ..engine.normalize import NormalizedText
from ..lang import vocab
from ..lang.ja import clauses
from ..lang.ja.readings import Reading, read_aloud
from . import _channels as ch
from ._cues import relayed_from_own_side, reported_quote
from .contact_details import ADD_HANDLE_RULE

_CHANNEL = ch.Scanner(ch.CHANNEL_RULES)
_STANDALONE = ch.Scanner(ch.STANDALONE_RULES)
_MEETING_NUMBER = ch.Scanner(ch.MEETING_NUMBER_RULES)
_MANNER = ch.Scanner(ch.MANNER_RULES)
_VOICE = ch.Scanner(ch.VOICE_RULES)
_WORK_SUBJECT = compile_pattern(ch.WORK_SUBJECT)
# Frame G (channel + 面談/通話 directly) and 友だち追加 need a request or proposal in the sentence.
_NEEDS_REQUEST = compile_pattern(r"(?:" + ch._CONNECT + r")" + ch.talk("meeting_nouns"))
# The channel described, not proposed: 「Teamsで会議した内容」「Slackに切り替えたとき」 (a past verb of any
# conjugation before a noun of what or when).
_DESCRIBED = compile_pattern(r"[^。\n、]{0,20}?(?:し|され|して|い|行っ|え|め|れ|け|き|っ)た" + ch.talk("channel_described"))


_ROMAJI = ch.Scanner(ch.ROMAJI_RULES)
_PROFILE_CONTACT = ch.Scanner(ch.PROFILE_CONTACT_RULES)
_MOVE_ELSEWHERE = ch.Scanner(ch.MOVE_ELSEWHERE_RULES)
_THERE = ch.Scanner(ch.THERE_RULES)
_HERE_UNSUITABLE = ch.Scanner(ch.HERE_UNSUITABLE_RULES)
_WATCHED = ch.Scanner(ch.PLATFORM_WATCHED_RULES)
_WORK_GROUP = ch.Scanner(ch.WORK_GROUP_RULES)
_CONCESSION = ch.Scanner(ch.CONCESSION_RULES)
_INBOX = ch.Scanner(ch.INBOX_RULES)
_EVASION = ch.Scanner(ch.EVASION_RULES)
# The request to add or message that hands a handle over (「追加してね→ mika_0823」「add me: jlee_remote88」): the
# handle is contact_details', the request before it is the move (contact_details.ADD_HANDLE_RULE).
_ADD_BEFORE_HANDLE = GatedPattern(compile_pattern(ADD_HANDLE_RULE.pattern))
_REQUEST_TRAIL = " \t\u3000→⇒👉:=!〜~ー"
# 「続きはこちらで lin.ee/…」: 'here' is the chat invite or the handle right after it.
_HERE_POINTING = GatedPattern(compile_pattern(vocab.words("ja", "channel_talk", "here_pointing_at_contact")))
_POINT_GAP = 4
# A worker asking whether a channel will be used (「お電話でのやり取りは発生しますか？」): the end of the sentence.
_ASKS_WHETHER = compile_pattern(vocab.words("ja", "channel_talk", "asks_whether"))
_EN_ASKS_WHETHER = compile_pattern(r"(?<![a-z])" + ch.en_talk("asks_whether") + r"(?![a-z])")
_HANDOVER = ch.Scanner(ch.CONTACT_HANDOVER_RULES)
_EN_OUTSIDE = ch.Scanner(ch.EN_OUTSIDE_RULES)
# Cheap literals every ID_GIVEN match holds (its leading lookbehinds make a blind scan slow): the
# word ID, or the @ of a handle.
_ID_GATE = GatedPattern(compile_pattern(vocab.words("common", "channels", "id_words") + "|@"))


# Every gated pattern a proposal can come from, with the patterns a plain one waits for (ADD_REQUEST
# after an ID, ADD_AFTER_UNSUITABLE after _HERE_UNSUITABLE, SEND_SEPARATELY after CONTACT_ASKED): a
# text holding none of their strings, and no link, holds no proposal (tests/service/
# test_channels_scanner.py checks that every scanner of this module is listed and that the
# answers are the same without this path).
_QUIET_SOURCES = (
    _CHANNEL, _STANDALONE, _MEETING_NUMBER, _MANNER, _VOICE, _ROMAJI, _PROFILE_CONTACT, _MOVE_ELSEWHERE, _THERE,
    _HERE_UNSUITABLE, _WATCHED, _WORK_GROUP, _CONCESSION, _INBOX, _EVASION, _ADD_BEFORE_HANDLE, _HERE_POINTING,
    _HANDOVER, _EN_OUTSIDE, _ID_GATE, ch.CONTACT_ASKED)
_QUIET = QuietSources(source.index for source in _QUIET_SOURCES)


# An English request for the reader's ID on a channel (「Could you send me your Chatwork ID?」); a bare
# "your ID" is an identity document.
_EN_ID_ASKED = compile_pattern(r"(?<![a-z])(?:your|ur)\s[a-z]+\s(?:id|handle|username)(?![a-z])")


def _gives_id(text: str) -> bool:
    """The message hands over an identifier, or asks for the reader's in English (「Could you send me
    your Chatwork ID?」): a channel named in it is where the identifier is to be used."""
    return _ID_GATE.search(text) is not None and (
        ch.ID_GIVEN.search(text) is not None or _EN_ID_ASKED.search(text) is not None)


def _asks(text: str, start: int, sentences: ch.Sentences) -> bool:
    """The sentence around `start` asks or proposes something (shared cues, or casual ones)."""
    s_start, s_end = sentences.span(start)
    return clauses.has_request(text, s_start, s_end) or ch.CASUAL_ASK.search(
        text, s_start, min(len(text), s_end + 1)) is not None


def _works_in_tool(text: str, end: int, frame_end: int) -> bool:
    """The frame speaks of work done in the tool for the client's customers (「Instagramアカウントで、
    お客様から届くDMへの返信代行」) or of a piece made to be sent out there (「LINE公式アカウントで配信する
    物件紹介文」), not of this conversation."""
    return (ch.WORK_IN_TOOL.search(text, end, frame_end) is not None
            or ch.WORK_IN_TOOL_AFTER.match(text, frame_end, min(len(text), frame_end + 6)) is not None
            or ch.CONTENT_FOR_THE_TOOL.search(text, end, min(len(text), frame_end + 16)) is not None)


class OffPlatformContact(Detector):
    name = "off_platform_contact"
    category = "off_platform_contact"
    rules = (ch.CHANNEL_RULES + ch.STANDALONE_RULES + ch.MEETING_NUMBER_RULES + ch.MANNER_RULES + ch.FRAME_RULES + ch.ROMAJI_RULES
             + ch.PROFILE_CONTACT_RULES + ch.MOVE_ELSEWHERE_RULES + ch.THERE_RULES + ch.HERE_UNSUITABLE_RULES
             + ch.CONCESSION_RULES + ch.TERSE_RULES + ch.INBOX_RULES + ch.CONTACT_HANDOVER_RULES + ch.EN_OUTSIDE_RULES
             + ch.POINTED_RULES + ch.PLATFORM_WATCHED_RULES + ch.WORK_GROUP_RULES + ch.VOICE_RULES)
    terms = ("line", "ライン", "chatwork", "チャットワーク", "skype", "zoom", "teams", "meet", "discord",
             "telegram", "slack", "instagram", "インスタ", "dm", "メール", "mail", "電話", "外部", "友だち追加",
             *vocab.terms("ja", "channel_talk", "work_groups"), *vocab.terms("ja", "channel_talk", "voice_talk"))
    examples = Examples(
        positive=(
            "詳細はLINEでお伝えします",
            "チャットワークに招待しますね",
            "Zoomで面談させてください",
            "ら い ん で話しましょう！",
            "L1NEでご連絡ください",
            "こちらではご案内できません。友だち追加だけでもお願いします",
            "こっちじゃ無理なんです〜、外部でお願いします",
            "打ち合わせはこちらから https://us02web.zoom.us/j/81234567890",
        ),
        negative=(
            "LINEスタンプ制作のお仕事です",
            "Zoomの使い方マニュアルを作っていただける方を探しています",
            "LINEなど外部のツールでのやり取りは契約前は控えております",
            "LINEではなくこちらのメッセージでお願いします",
            "契約後はChatworkでやり取りしましょう",
            "加工のガイドラインを添付します。オンラインショップの更新が来週です",
            "Teamsで録画した社内研修を編集していただきたいです",
        ),
        positive_after_contract=("他の高単価案件も紹介しているLINEグループがあるので参加しませんか",),
        negative_after_contract=("以降のやり取りはChatworkでお願いします",),
    )

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        text = msg.text
        survives = msg.contact_allowed and ch.survives_contract(text)
        terse = msg.sender in ("client", "unknown")
        found = self._proposals(msg.norm, terse)
        reading = read_aloud(msg.norm)
        if reading is not None:  # 「エル・アイ・エヌ・イーでお伝えします」
            found = sorted(set(found + ch.from_reading(reading, self._proposals(reading, terse))))
        for start, end in found[:ch.MAX_HITS]:
            yield self.hit(start, end, survives_contract=survives)

    def _proposals(self, norm: NormalizedText | Reading, terse: bool = False) -> list[tuple[int, int]]:
        """Every proposal of the text, earliest first, up to MAX_HITS of each kind: each kind's
        candidates are all examined until it has that many (a reader needs no more, and the first
        MAX_HITS of the merged list are among them). `terse`: read one-line proposals (「Zoomで」),
        in a client's message."""
        text = norm.text
        if _QUIET.quiet(text) and not ch.find_urls(text):
            return []
        sentences = ch.sentences_of(text)
        id_given = _gives_id(text)
        candidates = _CHANNEL.spans(text)
        channels = [s for s in candidates if not ch.is_compound_line(norm, s[0])]
        # a contact handed over anywhere in the message makes a chat app named in it the place to go
        # (a social network's handle is mostly the work's: it needs an ID word or to be pointed at)
        handed = bool(channels) and ch.hands_over_contact(text)
        found = ch.first((start, end) for start, end in channels
                         if self._is_proposal(text, start, end, sentences)
                         or self._hands_out_work(text, start, end, sentences)
                         or ((id_given or self._is_pointed(text, start, end)
                              or (handed and not ch.TERSE_SOCIAL.fullmatch(text, start, end)))
                             and self._is_named_with_id(text, start, end, sentences))
                         or (terse and self._is_terse(text, start, end, channels, sentences)))
        has_channel = bool(found) or any(not ch.is_compound_line(norm, start) for start, _ in candidates)
        found += ch.first((start, end) for start, end in _ROMAJI.spans(text)
                          if ch.ROMAJI_TALK.match(text, end, min(len(text), end + 30))
                          and self._is_live(text, start, end))
        found += ch.first((start, end) for start, end in _STANDALONE.spans(text)
                          if self._is_live(text, start, end) and clauses.has_request(text, *sentences.span(start)))
        found += ch.first((start, end) for start, end in _MANNER.spans(text)
                          if self._is_direct_proposal(text, start, end, sentences))
        found += ch.first((start, end) for start, end in _VOICE.spans(text) if self._is_live(text, start, end))
        meetings = [(start, end) for start, end, url in ch.find_urls(text) if ch.url_kind(url) == "meeting"]
        found += ch.first((start, end) for start, end in (*meetings, *_MEETING_NUMBER.spans(text))
                          if not clauses.is_negated(text, start, end)
                          and not ch.MEETING_AS_WORK.search(text, max(0, start - 80), sentences.span(start)[1]))
        found += self._elsewhere(text, sentences, has_channel, id_given)
        if terse:  # a client's own words about writing around the filter (a worker asks why it blocked)
            found += ch.first((start, end) for start, end in _EVASION.spans(text) if self._is_live(text, start, end))
        found += ch.first((start, end) for start, end in _INBOX.spans(text) if self._inbox_used(text, start, end, sentences))
        # the work's own text (a quoted script or copy in a message that shows one) and what a
        # tutorial or an article explains are no one's proposal, whichever frame read them
        found = [(start, end) for start, end in found
                 if not (ch.in_sample(text, start, end) or ch.explained_by_the_work(text, start, end, sentences))]
        if not terse:  # a worker asking whether the job uses a channel, or asking to stay here, proposes none
            found = [] if found and ch.STAY_HERE_ASKED.search(text) else [
                (start, end) for start, end in found if not _asks_whether(text, start, sentences)]
        policy = ch.all_here_policy_at(text, sentences) if found else -1
        if policy >= 0:  # 「…については…。弊社も契約前はこちらのメッセージのみでやり取りしています」
            found = [(start, end) for start, end in found if start > policy]
        if found:
            # 「ここだと詳しく書けないので」「一度だけでいいので」 are part of the move they explain or push.
            found += ch.first((start, end) for start, end in _HERE_UNSUITABLE.spans(text) + _CONCESSION.spans(text)
                              if not clauses.is_negated(text, start, end))
        return sorted(set(found))

    def _elsewhere(self, text: str, sentences: ch.Sentences, has_channel: bool,
                   id_given: bool) -> list[tuple[int, int]]:
        """Moves that name no tool: contact details in a profile, 「別のところで話しましょう」, 「そっちに
        送って」 (after something was pointed at), and the add/search request that follows an ID."""
        out = ch.first((start, end) for start, end in _PROFILE_CONTACT.spans(text) + _MOVE_ELSEWHERE.spans(text)
                       if self._is_live(text, start, end)
                       and (_asks(text, start, sentences) or ch.BETTER_AFTER.match(text, end, min(len(text), end + 30))))
        out += ch.first((start, end) for start, end in _HANDOVER.spans(text) if self._is_live(text, start, end))
        out += ch.first((start, end) for start, end in _WATCHED.spans(text) if self._is_live(text, start, end))
        out += ch.first((start, end) for start, end in _WORK_GROUP.spans(text) if self._is_live(text, start, end))
        out += ch.first((start, end) for start, end in _EN_OUTSIDE.spans(text)
                        if self._english_move(text, start, end, sentences))
        out += ch.first((start, end) for start, end in _THERE.spans(text)
                        if (has_channel or sentences.span(start)[0] > 0)
                        and self._is_live(text, start, end) and _asks(text, start, sentences))
        if id_given:
            out += ch.first(m.span() for m in ch.ADD_REQUEST.finditer(text)
                            if self._is_live(text, m.start(), m.end()))
        elif any(self._is_live(text, *span) for span in _HERE_UNSUITABLE.spans(text)):
            out += ch.first(m.span() for m in ch.ADD_AFTER_UNSUITABLE.finditer(text)
                            if self._is_live(text, m.start(), m.end()))
        out += ch.first(m.span() for m in _HERE_POINTING.finditer(text)
                        if _points_at_contact(text, m.end()) and self._is_live(text, m.start(), m.end()))
        out += ch.first(span for span in map(_add_request_of, _ADD_BEFORE_HANDLE.finditer(text))
                        if span[1] > span[0] and self._is_live(text, *span))
        if ch.CONTACT_ASKED.search(text):  # 「別で送りたいです。メアド教えてもらえます?」
            out += ch.first(m.span() for m in ch.SEND_SEPARATELY.finditer(text)
                            if self._is_live(text, m.start(), m.end()))
        return out

    @staticmethod
    def _english_move(text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「talk outside this platform」「any other messenger?」: proposed or asked, not refused."""
        s_start, s_end = sentences.english(start)
        return ((ch.EN_PROPOSAL.search(text, s_start, min(len(text), s_end + 1)) is not None
                 or ch.EN_BETTER.search(text, s_start, s_end) is not None)
                and not ch.EN_NEGATION.search(text, s_start, s_end) and not ch.EN_REPORTED.search(text, s_start, s_end)
                and not clauses.english_negated(text, start, end)
                and not ch.en_after_the_contract(text, s_start, s_end))

    def _inbox_used(self, text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「check your email」: not refused, not about the platform's own mail."""
        s_start, s_end = sentences.english(start)
        return not (ch.EN_NEGATION.search(text, s_start, s_end) or ch.PLATFORM_MAIL.search(text, s_start, s_end)
                    or clauses.english_negated(text, start, end))

    def _is_terse(self, text: str, start: int, end: int, channels: list[tuple[int, int]],
                  sentences: ch.Sentences) -> bool:
        """「Zoomで」「meet希望です」「discord?」: the channel's sentence says nothing else
        (`_channels.terse_sentence`), and the channel is no social network and not the work."""
        if ch.TERSE_SOCIAL.fullmatch(text, start, end) or _WORK_SUBJECT.match(text, end, min(len(text), end + 30)):
            return False
        # the quote check last: it reads the most text, and a repeated channel in a long message
        # (an adversarial one) is examined once per occurrence
        return (ch.terse_sentence(text, start, channels, sentences)
                and not ch.quoted_or_sample(text, start, end, sentences) and self._is_live(text, start, end))

    @staticmethod
    def _is_pointed(text: str, start: int, end: int) -> bool:
        """「ﾃﾚｸﾞﾗﾑ @lv_task_mika まで」「詳細はオプチャへ↓ https://line.me/…」: a chat tool's handle or link
        right after it, not offered as reference. A social network's handle is mostly the work's
        (「ライバル店のInstagram @cafe_tokyo_01 を分析」)."""
        if ch.TERSE_SOCIAL.fullmatch(text, start, end):
            return False
        m = ch.CHANNEL_POINTED.match(text, end, min(len(text), end + 48))
        if m is None:
            return False
        return ch.CHANNEL_REFERENCE.search(text, m.end(), min(len(text), m.end() + 40)) is None

    def _hands_out_work(self, text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「次回以降のタスクはLINEオープンチャットで一斉配信しています」「もっと単価高いお仕事まわしてる
        ｵｰﾌﾟﾝﾁｬｯﾄあります」: the reader's work is sent out in the channel, or a group for more work is
        said to exist, so the reader is to go there."""
        reach = min(len(text), end + 16)
        if ch.HANDED_OUT_AFTER.match(text, end, reach) is not None:
            named = ch.HANDED_OUT_WORK.search(text, sentences.span(start)[0], start) is not None
        elif ch.GROUP_OFFERED_AFTER.match(text, end, reach) is not None:
            named = ch.MORE_JOBS.search(text, *sentences.span(start)) is not None  # 「…お仕事まわしてるｵｰﾌﾟﾝﾁｬｯﾄあります」
        else:
            return False
        return (named
                and not _WORK_SUBJECT.match(text, end, min(len(text), end + 30))
                and self._is_live(text, start, end) and not self._is_quoted(text, start, sentences))

    def _is_named_with_id(self, text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """A channel named in a message that hands over an ID (「rain (=LINE) です。ID送ります: …」):
        the ID is there to be used, unless the channel is the work or refused."""
        if _WORK_SUBJECT.match(text, end, min(len(text), end + 30)):
            return False
        if ch.DISLIKE.match(text, end, min(len(text), end + 40)):
            return False
        return self._is_live(text, start, end) and not self._is_quoted(text, start, sentences)

    def _is_proposal(self, text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        if _WORK_SUBJECT.match(text, end, min(len(text), end + 30)):
            return False
        if ch.MATERIAL_BEFORE.search(text, max(0, start - 12), start):
            return False  # 「収録は毎回Zoomでやっていて」: where the material is made
        if ch.OTHERS_TALK_BEFORE.search(text, max(0, start - 30), start):
            return False  # 「社内の連絡をChatworkに統一したい」: the client's own people's talk
        if self._is_english_proposal(text, start, end, sentences):
            return not ch.quoted_or_sample(text, start, end, sentences)
        window_end = min(len(text), end + 40)
        after = ch.FRAME_AFTER.match(text, end, window_end)
        if after is None:
            tail = ch.FRAME_BEFORE_TAIL.match(text, end, window_end)
            if tail is None or not ch.FRAME_BEFORE.search(text, max(0, start - 24), start):
                return False
        elif (_DESCRIBED.match(text, end, window_end)
              or (ch.DISLIKE.match(text, end, window_end) and not ch.CHANNEL_REQUIRED.match(text, end, window_end))
              or _works_in_tool(text, end, after.end()) or ch.MEETING_AS_TOPIC.match(text, after.end(), window_end)):
            return False
        if _NEEDS_REQUEST.match(text, end, window_end) and not clauses.has_request(text, *sentences.span(start)):
            return False
        return (not ch.quoted_or_sample(text, start, end, sentences)
                and self._is_live(text, start, end) and not self._is_quoted(text, start, sentences))

    @staticmethod
    def _is_quoted(text: str, start: int, sentences: ch.Sentences) -> bool:
        """The sentence quotes the rules back as a question (「規約でLINE交換は禁止ですよね？」), reports
        what someone else asked (「外部ツールへの移動を求められて困った」), thanks for the other side's
        proposal, or describes a scam in a message about writing (the article's topic). Words relayed
        from the writer's own side (「上司から『LINEで詳細を送ります』と言われています」) are its request."""
        s_start, s_end = sentences.span(start)
        return bool(ch.RULE_QUESTION.search(text, s_start, min(len(text), s_end + 1))
                    or (ch.PAST_REPORT.search(text, s_start, s_end) is not None
                        and not relayed_from_own_side(text, start))
                    or (ch.PAST_HABIT.search(text, s_start, s_end) is not None and not clauses.has_request(text, s_start, s_end))
                    or ch.THANKS_FOR_PROPOSAL.search(text, s_start, s_end)
                    or (ch.SCAM_TOPIC.search(text, s_start, s_end) is not None
                        and (ch.WRITING_WORDS.search(text, max(0, start - 200), min(len(text), start + 200)) is not None
                             or ch.SAMPLE_TOPIC.search(text) is not None)))

    @staticmethod
    def _is_english_proposal(text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「let's move to Telegram」「add me on WhatsApp」「WhatsApp me」, not refused in its sentence."""
        call = OffPlatformContact._is_english_call(text, start, end, sentences)
        if not (call or ch.EN_BEFORE.search(text, max(0, start - 40), start)
                or ch.EN_AFTER.match(text, end, min(len(text), end + 30))):
            return False
        if ch.EN_TOPIC_BEFORE.search(text, max(sentences.span(start)[0], start - 60), start):
            return False  # 「a guide on using Google Meet」
        after = min(len(text), end + 30)
        if ch.EN_WORK_AFTER.match(text, end, after) or ch.EN_COMPARED_AFTER.match(text, end, after):
            return False  # 「please add LINE login to our site」「faster on Telegram than on LINE」
        s_start, s_end = sentences.english(start)
        if ch.en_after_the_contract(text, s_start, s_end):
            return False  # 「I'll join Slack once the offer is accepted」: after the contract
        return not (ch.EN_NEGATION.search(text, s_start, s_end) or ch.EN_REPORTED.search(text, s_start, s_end))

    @staticmethod
    def _is_english_call(text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「can we have a quick Google Meet call」「quick call on google meet tmrw?」: the channel names a
        call or meeting, or the place of one, in a question or proposal, not one that happened or is
        the material (「transcribe the Zoom meeting」「the call on Zoom last week」)."""
        m = ch.EN_CALL_AFTER.match(text, end, min(len(text), end + 30))
        if m is not None:
            if ch.EN_CALL_DESCRIBED_AFTER.match(text, m.end(), min(len(text), m.end() + 16)):
                return False
            call_start = start
        else:
            before = ch.EN_CALL_BEFORE.search(text, max(0, start - 30), start)
            if before is None or ch.EN_CALL_DESCRIBED_AFTER.match(text, end, min(len(text), end + 16)):
                return False  # 「do a Zoom recording review」: the record of a call, not one
            call_start = before.start()
        if ch.EN_CALL_DESCRIBED_BEFORE.search(text, max(0, call_start - 24), call_start):
            return False
        s_start, s_end = sentences.span(start)
        return ch.EN_PROPOSAL.search(text, s_start, min(len(text), s_end + 1)) is not None

    def _is_direct_proposal(self, text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「直接やり取りしたい」「個別に連絡を取らせて」: a proposal right after, and its clause
        does not keep it on the platform (「こちらで直接ご相談ください」)."""
        if not ch.DIRECT_PROPOSAL.match(text, end, min(len(text), end + 24)):
            return False
        if ch.ON_PLATFORM.search(text, *clauses.clause_span(text, start)):
            return False
        return self._is_live(text, start, end)

    @staticmethod
    def _is_live(text: str, start: int, end: int) -> bool:
        """Not refused (also later in its sentence: 「微信でのご連絡は、契約前には対応しておりません」), not a
        question about what the other side said, not a quote of words received, not about after the
        contract, not placed behind the platform's request to contact outside the service."""
        return not (clauses.is_negated(text, start, end) or clauses.is_reported(text, start, end)
                    or reported_quote(text, start, end)  # 「…「詳細は緑のアプリで」と来ました」: words received
                    or clauses.is_post_contract_reference(text, start, end)
                    or ch.REFUSED_LATER.match(text, end, min(len(text), end + 60)) is not None
                    or ch.PERMITTED_AFTER.match(text, end, min(len(text), end + 30)) is not None
                    or _behind_a_pending_request(text, start))


DETECTOR = OffPlatformContact()


def _behind_a_pending_request(text: str, start: int) -> bool:
    """The platform's own request to talk outside (サービス外連絡申請) is still to be filed or approved,
    said from the sentence before the candidate's to the one after it (「…申請を提出しました。承認がおりたら
    LINEで」; 「実際の通話で研修したいので、申請を出しました。承認されたら一度お電話させてください」, tr319)."""
    sentences = ch.sentences_of(text)
    before, _ = sentences.previous(start)
    _, after = sentences.following(start)
    return ch.OFF_SERVICE_REQUEST_PENDING.search(text, before, after) is not None  # the following sentence ends last


def _asks_whether(text: str, start: int, sentences: ch.Sentences) -> bool:
    """The channel's sentence ends by asking whether it will be used (「…のやり取りは発生しますか？」
    「Do you need a Zoom interview or an office visit before deciding?」)."""
    _, s_end = sentences.span(start)
    if _ASKS_WHETHER.search(text, start, min(len(text), s_end + 1)) is not None:
        return True
    s_start, s_end = sentences.english(start)
    return text[s_end:s_end + 1] == "?" and _EN_ASKS_WHETHER.search(text, s_start, start) is not None


def _add_request_of(m) -> tuple[int, int]:
    """The words of asking before a handed-over handle, without the arrow or space that points at it."""
    end = m.start("ident")
    while end > m.start() and m.string[end - 1] in _REQUEST_TRAIL:
        end -= 1
    return m.start(), end


def _points_at_contact(text: str, pos: int) -> bool:
    """A chat invite, a meeting link or a handed-over handle starts within a few characters of `pos`."""
    if any(pos <= start <= pos + _POINT_GAP and ch.url_kind(url) in ("invite", "meeting") for start, _, url in ch.find_urls(text)):
        return True
    m = ch.CONTACT_HANDED.search(text, pos, min(len(text), pos + _POINT_GAP + 40))
    return m is not None and m.start() <= pos + _POINT_GAP
