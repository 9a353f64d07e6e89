"""off_platform_contact: someone proposes or asks to move the conversation to a channel outside
CrowdWorks messages (LINE, Chatwork, Zoom, e-mail, phone, "outside" in general).

A channel name alone is not a proposal: it has to sit in a frame of talking (「LINEでお伝えします」
「チャットワークに招待します」「面談をChatworkで実施」「LINE交換しませんか」), and it must not be
the subject of the work (LINEスタンプ制作), a refusal (「LINEではなくこちらで」), a clarifying
question (「LINEでのご案内ということでしょうか」) or a remark about after the contract
(「契約後はChatworkで」). A meeting link (zoom.us, meet.google.com) is a proposal by itself.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from ..engine import clauses
from ..engine.detector import Detector, Examples, Hit, MessageView, compile_pattern
from . import _channels as ch

_CHANNEL = ch.Scanner(ch.CHANNEL_RULES)
_STANDALONE = ch.Scanner(ch.STANDALONE_RULES)
_MANNER = ch.Scanner(ch.MANNER_RULES)
_WORK_SUBJECT = compile_pattern(ch.WORK_SUBJECT)
# Frame G (channel + 面談/通話 directly) and 友だち追加 need a request or proposal in the sentence.
_NEEDS_REQUEST = compile_pattern(r"(?:" + ch._CONNECT + r")(?:通話|面談|面接|会議|ミーティング|mtg|打ち合わせ|相談)")
# The channel described, not proposed: 「Teamsで会議した内容」.
_DESCRIBED = compile_pattern(r"[^。\n、]{0,20}?(?:し|され|して|い|行っ)た(?:内容|研修|動画|データ|記録|音声|映像|もの|ファイル|際|時|とき|こと)")


class OffPlatformContact(Detector):
    name = "off_platform_contact"
    category = "off_platform_contact"
    rules = ch.CHANNEL_RULES + ch.STANDALONE_RULES + ch.MANNER_RULES + ch.FRAME_RULES
    terms = ("line", "ライン", "chatwork", "チャットワーク", "skype", "zoom", "teams", "meet", "discord",
             "telegram", "slack", "instagram", "インスタ", "dm", "メール", "mail", "電話", "外部", "友だち追加")
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
        survives = msg.phase == "contracted" and ch.survives_contract(text)
        for start, end in islice(self._proposals(text), ch.MAX_HITS):
            yield self.hit(start, end, survives_contract=survives)

    def _proposals(self, text: str) -> Iterable[tuple[int, int]]:
        sentences = ch.Sentences(text)
        for start, end in _CHANNEL.spans(text):
            if self._is_proposal(text, start, end, sentences):
                yield start, end
        for start, end in _STANDALONE.spans(text):
            if self._is_live(text, start, end) and clauses.has_request(text, *sentences.span(start)):
                yield start, end
        for start, end in _MANNER.spans(text):
            if self._is_direct_proposal(text, start, end, sentences):
                yield start, end
        for start, end, url in ch.find_urls(text):
            if ch.url_kind(url) == "meeting" and not clauses.is_negated(text, start, end):
                yield start, end

    def _is_proposal(self, text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        if _WORK_SUBJECT.match(text, end, min(len(text), end + 30)):
            return False
        if self._is_english_proposal(text, start, end, sentences):
            return True
        window_end = min(len(text), end + 40)
        after = ch.FRAME_AFTER.match(text, end, window_end)
        if after is None:
            tail = ch.FRAME_BEFORE_TAIL.match(text, end, window_end)
            if tail is None or not ch.FRAME_BEFORE.search(text, max(0, start - 24), start):
                return False
        elif _DESCRIBED.match(text, end, window_end) or ch.DISLIKE.match(text, end, window_end):
            return False
        if _NEEDS_REQUEST.match(text, end, window_end) and not clauses.has_request(text, *sentences.span(start)):
            return False
        return self._is_live(text, start, end)

    @staticmethod
    def _is_english_proposal(text: str, start: int, end: int, sentences: ch.Sentences) -> bool:
        """「let's move to Telegram」「add me on WhatsApp」「WhatsApp me」, not refused in its sentence."""
        if not (ch.EN_BEFORE.search(text, max(0, start - 40), start)
                or ch.EN_AFTER.match(text, end, min(len(text), end + 30))):
            return False
        return not ch.EN_NEGATION.search(text, *sentences.span(start))

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
        """Not refused, not a question about what the other side said, not about after the contract."""
        return not (clauses.is_negated(text, start, end) or clauses.is_reported(text, start, end)
                    or clauses.is_post_contract_reference(text, start, end))


DETECTOR = OffPlatformContact()
