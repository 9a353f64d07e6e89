"""What the three contact detectors share: how channels are spelled, the frames that make a
channel's mention a proposal, which hosts are invite, meeting, form or short links, and the few
helpers they share (the literal-gated `Scanner`, URL finding, host classification, the
post-contract "does this still matter" test).

The words are data: channel names, spellings, id words and hosts in lang/common/channels.json and
lang/common/sites.json, the words around a channel in lang/ja/channel_talk.json and
lang/en/channel_talk.json, nicknames in lang/ja/channel_nicknames.json. This module holds the
grammar that puts them together (spelled-out names, particles, distances). Patterns are written
in natural Japanese; `compile_pattern` folds them like the text (ライン == らいん == ﾗｲﾝ). Every
pattern a detector reports is a `Rule` with examples and counter-examples.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

import regex
import tldextract

from ..engine.detector import Rule, compile_pattern
from ..engine.identity_cache import identity_cached
from ..engine.literals import LITERALS, Gate, GatedPattern, GateIndex, split_alternatives
from ..engine.normalize import SEP, NormalizedText
from ..lang import vocab
from ..lang.ja import clauses
from ..lang.ja.readings import Reading
from ..lang.vocab import channel_nicknames
from ._cues import reported_quote
from ._samples import QUOTE_TOPIC, SAMPLE_TOPIC, in_sample  # noqa: F401  (read as ch.*)

# A dot written in brackets to slip a link or a handle past the filter (「line [.] me」「taskhub(.)top」,
# tr86, tr88): read by contact_details' spelled invite links and external_site's hidden links.
BRACKETED_DOT = r"\[[.．]\]|\([.．]\)"

# Hits reported per detector and message (a 1 MB message of "LINEで" repeated gives 32 hits, not
# 200 000). Only hits are capped, never the candidates examined (issue 9: 64 harmless 「LINE広告の
# 運用、」 before 「詳細はLINEでお伝えします」 once hid the lure): every candidate is examined at a
# bounded cost, so a message costs time linear in its length, and a detector stops once it has
# MAX_HITS hits of a kind (tests/service/test_channels_scanner.py counts the work).
MAX_HITS = 32


class Scanner:
    """Many rules scanned as separate small patterns.

    Why not one alternation: a big alternation whose branches start with lookbehinds or
    character classes defeats the regex engine's literal-prefix scan (measured: 3 us/char for
    the channel rules as one alternation, 0.1 us/char as separate patterns). Why a gate per
    alternative: most alternatives cannot match most messages, and looking up the strings every
    match must hold (`engine/literals.Gate`) in the set the shared index found in the message is
    far cheaper than a regex scan that fails. An alternative with no derivable literal always runs,
    so the gate changes speed, never results (tests/service/test_channels_scanner.py compares
    with `spans_unfiltered`)."""

    def __init__(self, rules: tuple[Rule, ...]):
        alternatives = [alt for rule in rules for alt in split_alternatives(rule.pattern)]
        self.patterns = tuple(compile_pattern(a) for a in alternatives)
        # the literals a text holds come from one pass of the shared index (engine/literals.py)
        self.index = GateIndex(Gate(pattern.pattern) for pattern in self.patterns)

    def candidates(self, text: str) -> list[regex.Pattern]:
        """The alternatives that can match `text` (order is irrelevant: `spans` sorts)."""
        return [self.patterns[i] for i in self.index.opened(LITERALS.present_in(text))]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match span, earliest first (the longest at a shared start)."""
        patterns = self.candidates(text)
        return _merge_spans(patterns, text) if patterns else []

    def spans_unfiltered(self, text: str) -> list[tuple[int, int]]:
        """`spans` with every alternative run: the reference the gated path must equal."""
        return _merge_spans(self.patterns, text)

    def search(self, text: str) -> bool:
        return any(p.search(text) for p in self.candidates(text))


def _merge_spans(patterns, text: str) -> list[tuple[int, int]]:
    found = sorted({m.span() for p in patterns for m in p.finditer(text) if m.end() > m.start()},
                   key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


def first(spans: Iterable[tuple[int, int]], n: int = MAX_HITS) -> list[tuple[int, int]]:
    """The first `n` of a lazily filtered stream of candidates: every candidate up to the n-th
    accepted one is examined, none after it (the hits reported are capped, not the candidates)."""
    return list(islice(spans, n))


def from_reading(reading: Reading, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans found in the secondary reading of a message (`normalize.read_aloud`: letter names in
    kana, digits read aloud, a written-out '@'), as spans of the normalised text; only those that
    cover a part the reading changed, so the reading adds findings and never repeats or moves one
    the text itself gives."""
    return [reading.to_base(start, end) for start, end in spans if reading.changes(start, end)]


class Sentences:
    """Sentence boundaries of one message, found once; `span(pos)` bisects instead of re-reading
    the text around every candidate. Same boundaries and bound as `clauses.sentence_span`."""

    _END = clauses.SENTENCE_END

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.start() for m in islice(self._END.finditer(text), 4096)]
        self.complete = len(self.ends) < 4096

    def span(self, pos: int) -> tuple[int, int]:
        if not self.complete:
            return clauses.sentence_span(self.text, pos)
        i = bisect_left(self.ends, pos)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        limit = clauses.MAX_SCOPE
        return max(start, pos - limit), min(end, pos + limit)

    def english(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos` cut at an English full stop too (「Skype is much faster for us.
        If you don't add me by tonight…」: the refusal-looking "don't" is the next sentence's)."""
        start, end = self.span(pos)
        cut = self._EN_STOP.search(self.text, start, pos)
        while cut is not None:
            start = cut.end()
            cut = self._EN_STOP.search(self.text, start, pos)
        after = self._EN_STOP.search(self.text, pos, end)
        return start, (after.start() + 1 if after else end)

    # A full stop, not the dot of an abbreviation (e.g., i.e., etc., U.S.).
    _EN_STOP = regex.compile(r"(?<!(?<![a-z])(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|no|approx|[a-z]))[.;](?=\s)", regex.IGNORECASE)

    def previous(self, pos: int) -> tuple[int, int]:
        """The sentence before the one around `pos` (empty at the start of the text)."""
        start, _ = self.span(pos)
        return self.span(start - 1) if start > 0 else (0, 0)

    def following(self, pos: int) -> tuple[int, int]:
        """The next sentence with words after the one around `pos` (a link on its own line after
        「…ください。」), empty at the end of the text."""
        _, end = self.span(pos)
        after = end + 1
        while after < len(self.text) and (self.text[after].isspace() or self.text[after] in "。.!?！？"):
            after += 1
        return self.span(after) if after < len(self.text) else (len(self.text), len(self.text))


# The sentence boundaries of one message, found once for all the contact detectors that ask.
sentences_of = identity_cached(maxsize=8)(Sentences)


# --- vocabulary ---------------------------------------------------------------------------------

# lang/common/channels.json (names, id words, invite and meeting hosts), lang/common/sites.json (link
# hosts), lang/ja/channel_talk.json and lang/en/channel_talk.json (the words around a channel).


def channel_names(group: str) -> str:
    """A group of lang/common/channels.json as written (regular-expression source, one group)."""
    return f"(?:{vocab.words('common', 'channels', group)})"


def talk(group: str) -> str:
    """A group of lang/ja/channel_talk.json (regular-expression source, one group)."""
    return f"(?:{vocab.words('ja', 'channel_talk', group)})"


def en_talk(group: str) -> str:
    """A group of lang/en/channel_talk.json (regular-expression source, one group)."""
    return f"(?:{vocab.words('en', 'channel_talk', group)})"


def name_alternatives(lang: str, name: str, group: str) -> str:
    """A group of names as alternatives, longest first, a space inside a name standing for an
    optional space or line break (whats app: WhatsApp, Whats App, Whats⏎App); patterns as written."""
    entry = vocab.group(lang, name, group)
    names = vocab.longest_first(entry.get("terms", ()))
    return "|".join([regex.escape(n).replace(r"\ ", r"\s?") for n in names] + list(entry.get("patterns", ())))


def latin_names(group: str, lang: str = "common", name: str = "channels") -> str:
    """A group of Latin names as whole words: not glued to other Latin letters (`name_alternatives`)."""
    return rf"(?<![a-z])(?:{name_alternatives(lang, name, group)})(?![a-z])"


def two_words(group: str) -> str:
    """Names of two words written together or apart, up to two separators between them (Google Meet,
    google・meet, googlemeet); Latin ones as whole words."""
    out = []
    for name in vocab.terms("common", "channels", group):
        joined = (SEP + "{0,2}").join(regex.escape(word) for word in name.split(" "))
        out.append(rf"(?<![a-z]){joined}(?![a-z])" if name.isascii() else joined)
    return "|".join(out)


def hosts(name: str, group: str) -> frozenset[str]:
    return frozenset(vocab.terms("common", name, group))


# --- spelling helpers -------------------------------------------------------------------------

# Leetspeak and look-alike characters for the letters of channel names (L1NE, 1ine, L|NE, sk4pe):
# each term of the group is a letter followed by what may stand for it.
LEET: dict[str, str] = {
    term[0]: "[" + regex.escape(term) + "]" for term in vocab.terms("common", "channels", "look_alike_letters")
}


# What an obfuscator may put between the letters of a name: any character that is neither a letter
# nor a decimal digit (L🌟I🌟N🌟E, ラ◯イ◯ン, ら〇い〇ん, T e l e g r a m, L♪I♪N♪E), line breaks
# included (one letter per line, 「L \n I \n N \n E」, a blank line between: \r\n\r\n), at most
# four per gap so a scan stays linear. (The long-vowel mark ー is a letter (Lm): チャットワーク keeps it.)
GAP = r"[^\p{L}\p{Nd}]"
MAX_GAP = 4


def spaced(word: str, leet: bool = True) -> str:
    """A pattern for `word` with separators between its letters (L I N E, ら・い・ん, one letter a
    line): up to MAX_GAP of any symbol, emoji, punctuation or line break for names of three letters
    or more, up to two of the usual separators (SEP) for shorter ones; letters optionally replaced
    by look-alikes (L1NE)."""
    parts = []
    for ch in word:
        parts.append(LEET.get(ch, regex.escape(ch)) if leet else regex.escape(ch))
    if len(word) >= 3:
        return (GAP + f"{{0,{MAX_GAP}}}").join(parts)
    return (SEP + "{0,2}").join(parts)


def ascii_word(word: str) -> str:
    """`word` spelled with separators/leetspeak, not glued to other Latin letters (online,
    guideline) except a following 'id' (LINEID)."""
    return rf"(?<![a-z]){spaced(word)}(?!(?!id)[a-z])"


def spelled(group: str) -> str:
    """Names of lang/common/channels.json spelled letter by letter: Latin ones as whole words with
    look-alike letters (`ascii_word`), katakana ones with separators only (`spaced`)."""
    return "|".join(ascii_word(name) if name.isascii() else spaced(name, leet=False)
                    for name in vocab.terms("common", "channels", group))


# Katakana compounds that end in ライン but are not LINE (ガイドライン, オンライン, デッドライン…), and
# words that start with it (ラインナップ, ライン作業).
_LINE_KATAKANA = (
    "(?<!" + vocab.words("common", "channels", "line_compound_heads") + ")"
    + "(?:" + "|".join(spaced(name, leet=False) for name in vocab.terms("common", "channels", "line_katakana")) + ")"
    + "(?!" + vocab.words("common", "channels", "line_compound_tails") + ")"
)


def is_compound_line(norm: NormalizedText | Reading, start: int) -> bool:
    """Whether the katakana ライン at `start` is the tail of a compound word, read in the text as
    sent (hiragana is folded to katakana in the normalised text, so 「ぜひラインで」 would look like
    a compound there): a katakana character right before it (オフライン, ネックライン, ボディーライン)
    or a lone Latin letter (Aライン, Iライン)."""
    text = norm.text
    if text[start:start + 1] != "ラ":
        return False
    if _LINE_COMPOUND_EXCEPTIONS.search(text, max(0, start - 8), start):
        return False  # 「グループライン」: a LINE group
    a, _ = norm.to_original(start, start + 1)
    before = norm.original[a - 1] if a > 0 else ""
    if before and _KATAKANA.match(before):
        return True
    if before.isascii() and before.isalpha():
        before2 = norm.original[a - 2] if a > 1 else ""
        return not (before2.isascii() and before2.isalpha())
    return False


_LINE_COMPOUND_EXCEPTIONS = compile_pattern("(?:" + vocab.words("common", "channels", "line_compound_exceptions") + r")\Z")
# Katakana (full and half width) and the long-vowel marks, not the middle dot that separates words.
_KATAKANA = regex.compile(r"[\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f\u31f0-\u31ff]")

# LINE spelled in romaji by writers who do not type English (「raiNNでやりとり」「rainu交換」). The
# English word "rain" is common, so these count only with a verb of talking right after.
ROMAJI_RULES: tuple[Rule, ...] = (
    Rule(
        id="romaji_line",
        pattern=latin_names("line_romaji"),
        examples=("raiNNでやりとりしたい",),
        counter_examples=("rain の日は作業をお休みします",),
        reason="romaji LINE",
    ),
)
ROMAJI_TALK = compile_pattern(
    r"[ \t]{0,2}(?:\([^)\n]{0,12}\)[ \t]{0,2})?(?:で|にて|の|を)?(?:id)?[^。\n!?]{0,8}?" + talk("romaji_talk")
)

# メール, but not the tail of a kanji compound (招待メール, 自動返信メール) unless the compound names a
# personal address (携帯メール, 個人メール, 担当者メール) or it is an eメール; never メールマガジン.
_MAIL = (
    rf"(?:(?:{channel_names('email_owners')}|{channel_names('email_senders')}|(?<![a-z])e-?)|(?<!\p{{Han}}))"
    rf"{channel_names('email')}(?!{channel_names('email_not_channel_tails')})"
    rf"|{latin_names('email_latin')}"
)

# --- channels ---------------------------------------------------------------------------------

CHANNEL_RULES: tuple[Rule, ...] = (
    Rule(
        id="line",
        pattern=spelled("line_spelled") + "|" + _LINE_KATAKANA + "|" + latin_names("line_masked"),
        examples=("詳細は L I N E にてご案内いたします",),
        counter_examples=("LINEスタンプの制作をお願いします", "LINEではなく、このままこちらのメッセージでお願いします",
                          "加工のガイドラインをお送りします"),
        reason="LINE in every spelling (dev-056, dev-047 らいん)",
    ),
    Rule(
        id="line_official_account",
        pattern=vocab.words("common", "channels", "line_official_account"),
        examples=("お仕事の詳細はライン@でご案内しています",),
        counter_examples=("ライン@の運用代行をお願いします",),
        reason="LINE@ / ラインアット: LINE's official accounts",
    ),
    Rule(
        id="line_green_app",
        pattern=vocab.words("common", "channels", "line_green_app"),
        examples=("詳しいご案内は緑のアプリでお送りしています",),
        counter_examples=("緑のアイコンを作成してください",),
        reason="euphemism for LINE (dev-058)",
    ),
    Rule(
        id="line_open_chat",
        pattern=vocab.words("common", "channels", "line_open_chat"),
        examples=("オープンチャットに参加してください",),
        counter_examples=("オープンチャットの運用代行をお願いします",),
        reason="LINE open chat",
    ),
    Rule.from_pair("channel_nicknames", channel_nicknames(), counter_examples=("鳥のアプリの使い方を解説する記事です",),
                   reason="icons, colours, puns and backwards names of chat apps (lang/ja/channel_nicknames.json)"),
    Rule(
        id="chatwork",
        pattern=spelled("chatwork_spelled") + "|" + vocab.words("common", "channels", "chatwork"),
        examples=("チャットワークで面談させてください",),
        counter_examples=("チャットワークではなく、こちらでやり取りしましょう", "契約後はチャットワークに招待します"),
        reason="Chatwork (dev-067)",
    ),
    Rule(
        id="skype",
        pattern=spelled("skype_spelled") + "|" + vocab.words("common", "channels", "skype"),
        examples=("一度Skypeで30分ほどお話しできませんか",),
        counter_examples=("Skypeで話すのは苦手なので、こちらのメッセージでお願いします",),
        reason="Skype (dev-032)",
    ),
    Rule(
        id="zoom",
        pattern=spelled("zoom_spelled") + "|" + vocab.words("common", "channels", "zoom"),
        examples=("Zoomで面談させてください",),
        counter_examples=("Zoomの使い方マニュアルを作成してください",),
        reason="Zoom (the rubric's example)",
    ),
    Rule(
        id="google_meet",
        pattern=two_words("google_meet_two_words") + "|" + spelled("google_meet_spelled") + "|"
        + vocab.words("common", "channels", "google_meet"),
        examples=("Google Meetで打ち合わせしましょう",),
        counter_examples=("Google Meetの操作マニュアルを作成してください",),
        reason="Google Meet",
    ),
    Rule(
        id="teams",
        pattern=latin_names("teams_latin") + "|" + vocab.words("common", "channels", "teams"),
        examples=("Teamsで打ち合わせをお願いします",),
        counter_examples=("Teamsで会議した内容を議事録にまとめてください",),
        reason="Teams",
    ),
    Rule(
        id="discord",
        pattern=spelled("discord_spelled") + "|" + vocab.words("common", "channels", "discord"),
        examples=("Telegramが難しければDiscordでもOKです",),
        counter_examples=("Discordのbot開発をお願いします", "ディスコ音楽の記事です"),
        reason="Discord (dev-057)",
    ),
    Rule(
        id="telegram",
        pattern=spelled("telegram_spelled") + "|" + vocab.words("common", "channels", "telegram"),
        examples=("Telegramでやり取りしています",),
        counter_examples=("テレグラムの使い方を解説する記事を書いてください",),
        reason="Telegram (dev-057)",
    ),
    Rule(
        id="slack",
        pattern=spelled("slack_spelled") + "|" + vocab.words("common", "channels", "slack"),
        examples=("Slackでやり取りしましょう",),
        counter_examples=("Slackの通知設定をお願いします",),
        reason="Slack",
    ),
    Rule(
        id="messenger",
        pattern=latin_names("messenger_latin") + "|" + vocab.words("common", "channels", "messenger"),
        examples=("Messengerでご連絡ください",),
        counter_examples=("Facebook広告の運用をお願いします",),
        reason="Messenger",
    ),
    Rule(
        id="instagram",
        pattern=latin_names("instagram_latin") + "|" + vocab.words("common", "channels", "instagram") + "|" + spelled("instagram_spelled"),
        examples=("詳細はInstagramのDMでお送りします",),
        counter_examples=("Instagram運用代行のお仕事です", "インスタの投稿画像を作成してください"),
        reason="Instagram (dev-060)",
    ),
    Rule(
        id="x_twitter",
        pattern=latin_names("x_twitter_latin") + "|" + vocab.words("common", "channels", "x_twitter"),
        examples=("X(旧Twitter)のDMにご連絡ください",),
        counter_examples=("ツイッターの投稿文を10本作成してください", "エックスサーバーの設定をお願いします"),
        reason="X / Twitter DM",
    ),
    Rule(
        id="other_messengers",
        pattern=latin_names("other_messengers_latin") + "|" + vocab.words("common", "channels", "other_messengers")
                + "|" + spelled("other_messengers_spelled"),
        examples=("WhatsAppでやり取りしましょう",),
        counter_examples=("WhatsAppの使い方を解説する記事をお願いします",),
        reason="other messengers",
    ),
    Rule(
        id="direct_message",
        pattern=latin_names("direct_message_latin") + "|" + vocab.words("common", "channels", "direct_message"),
        examples=("DMでしかご案内していません",),
        counter_examples=("DMの返信対応をお願いします",),
        reason="direct messages of any SNS (dev-060 m3)",
    ),
    Rule(
        id="email",
        pattern=_MAIL,
        examples=("資料一式はメールでお送りします",),
        counter_examples=("メルマガ配信の原稿を作成してください", "自動返信メールの文面を考えてください"),
        reason="e-mail (dev-028, dev-066)",
    ),
    Rule(
        id="phone_call_sms",
        pattern=rf"{channel_names('phone')}(?!{channel_names('phone_not_channel_tails')})"
                rf"|{vocab.words('common', 'channels', 'phone_call')}|{latin_names('phone_latin')}",
        examples=("一度お電話でお話しできればと思います",),
        counter_examples=("電話対応のお仕事です", "電話で話すのは苦手なので、こちらのメッセージでお願いします"),
        reason="phone call / SMS (dev-059)",
    ),
    Rule(
        id="phone_call_verb",
        # the call announced with 掛ける alone, the phone left out (「では明日18時半ごろお掛けします」 after a number
        # was given, tr306), not the trouble or the care one causes (「ご迷惑をおかけします」「ご心配おかけします」)
        pattern=r"(?<!(?:" + talk("caused_to_others") + r"|を)\s?(?:を|も)?\s?)"
                r"(?:(?:こちらから|折り返し|私から|担当(?:者)?から)\s?)?お(?:掛け|かけ)"
                r"(?=\s?(?:します|いたします|させていただきます))",
        examples=("では明日18時半ごろお掛けします。", "こちらからおかけしますね"),
        counter_examples=("ご迷惑をおかけします", "ご心配おかけしますが、よろしくお願いします", "お手数おかけしますが、ご確認ください",
                          "お時間おかけしますが、よろしくお願いします"),
        reason="a call announced with 掛ける alone (tr306 family; 「こちらからかけます」, twelfth session's round 2)",
    ),
    Rule(
        id="mobile_phone",
        pattern=channel_names("mobile_phone") + r"(?=(?:の方)?(?:に|へ|まで))",
        examples=("急ぎの件は携帯にご連絡ください",),
        counter_examples=("携帯ケースの商品説明文をお願いします", "スマホに最適化したデザインにしてください"),
        reason="the mobile phone as the place to be reached",
    ),
    Rule(
        id="english_channel_verbs",
        pattern=rf"(?<![a-z])(?<!(?<![a-z]){en_talk('determiners')}\s)"
                rf"(?:{name_alternatives('en', 'channel_talk', 'channel_verbs')})(?=\s(?:me|us)(?![a-z]))",
        examples=("please call me tonight",),
        counter_examples=("Please don't call me, messages here are fine",
                          "We need a script that sends an SMS when the text me button is pressed"),
        lang="en",
        reason="English verbs that are themselves a channel (call me, email me)",
    ),
    Rule(
        id="outside_tools",
        pattern=rf"外部(?!{talk('outside_people')})(?:の)?{talk('outside_tool_nouns')}?|{vocab.words('ja', 'channel_talk', 'tools_in_general')}"
                rf"|{talk('other')}の{talk('other_means')}|{talk('this_site')}(?:の)?(?:外|以外)",
        examples=("こっちじゃ無理なんです〜、外部でお願いします",),
        counter_examples=("外部ツールでのやり取りはご遠慮ください", "事務所の規定で外部の方に作業をお願いするときは本人確認をしております"),
        reason="'outside' in general (dev-055 m4)",
    ),
)

# Proposals that need no frame: 友だち追加 is LINE's own verb (dev-058 m3).
STANDALONE_RULES: tuple[Rule, ...] = (
    Rule(
        id="add_friend",
        pattern="(?:" + vocab.words("ja", "channel_talk", "add_friend") + ")(?!" + talk("add_friend_as_work") + ")",
        examples=("友だち追加だけでもお願いします",),
        counter_examples=("友だち追加は契約後にお願いします", "友だち追加はしないでください",
                          "LINE公式のステップ配信（友だち追加後7日間）のシナリオ設計をお願いします",
                          "「友だち追加QRコード」入りのPOPのデザインをお願いしたいです"),
        reason="LINE's add-friend, alone a proposal (dev-058)",
    ),
    Rule(
        id="just_add_me",
        pattern=r"(?<![\p{Han}の])(?<!を)追加\s?だけ(?:でも)?\s?(?=お願い|して|しといて|しておいて|よろしく|頼|ください|下さい|もらえ|いただ)",
        examples=("ここだと返信遅れるので🙏 追加だけお願いします", "大丈夫、契約はクラウドワークスで結ぶので！追加だけしといて"),
        counter_examples=("修正の追加だけお願いします", "画像の追加だけしてください", "追加だけお願いしますと言われたら通報してください"),
        reason="'just add me', with no tool named: the add request of a chat app (tr72, tr89 families)",
    ),
    Rule(
        id="see_your_face",
        pattern=r"顔(?:を|が)?\s?(?:見|みて|見せ|合わせ)(?:て|たい|せて|ながら)(?!\s?(?:確認|判断|写真|画像))",
        examples=("15分だけ顔見たいです笑", "一度顔を見てお話ししたいです"),
        counter_examples=("顔を見て話したいと言われたら断ってください", "顔が見えるプロフィール写真をお願いします",
                          "顔を見て話すのは契約後にしましょう"),
        reason="a talk face to face asked with no tool named: a video call or a meeting outside (tr38 family)",
    ),
)

# A call by voice with no tool named (round 16): the voice as the means of a talk, and an ask or a
# wish right after it. Not a channel of its own (「歌声」「ナレーション音声」 are the work), so only
# this frame reads it.
# The normaliser folds hiragana to katakana: the act's inflection is read as katakana up to the ask
# (「話せますか」, but not 「説明動画を作ってください」), and the honorific お before the voice is the one
# katakana that may precede it (「一度お声で」, not 「ナレーション音声で」).
_ASK_OR_WISH = r"[\p{Katakana}ー\s]{0,10}?(?:[?？]|たい|れば|ください|下さい|お願い|希望|いかが|どう|ませんか|ましょう)"
VOICE_RULES: tuple[Rule, ...] = (
    Rule(
        id="talk_by_voice",
        pattern=r"(?:(?<=お)|(?<![\p{Han}\p{Katakana}ー]))(?:" + talk("voice_talk") + r")(?:だけ|のみ)?\s?(?:で|でも)\s?"
                + r"(?:少し|ちょっと|軽く|一度|\d{1,2}分(?:だけ|ほど)?)?\s?(?:お|ご)?(?:" + talk("voice_acts") + r")(?=" + _ASK_OR_WISH + ")",
        examples=("声で話せます？", "音声で説明したいです", "一度お声で少しお話しできませんか", "ボイスでちょっと相談いい？"),
        counter_examples=("歌声で表現できる方を募集します", "ナレーション音声で説明動画を作ってください",
                          "声で話すのは契約後にしましょう", "音声で説明した内容を文字起こししてください",
                          "声で話したいと言われたら断ってください"),
        reason="a voice call asked for with no tool named (round 16: tr381 family)",
    ),
)

# The sender writing around the platform's filter: a contact handed over past it, whatever the spelling.
EVASION_RULES: tuple[Rule, ...] = (
    Rule(
        id="writing_around_the_filter",
        pattern=talk("filter_evasion") + r"|(?<![a-z])(?:" + en_talk("filter_evasion") + r")(?![a-z])",
        examples=("CWはID消されるので書き方変えます", "ここだとIDはじかれるから逆から読んでね", "this site blocks links so here:",
                  "スペース抜いてください"),
        counter_examples=("このサイトではIDが消されるので、連絡先の交換はできません",),
        reason="the sender says they write around the filter (tr86, tr88 families)",
    ),
)

# A call's number read out instead of its link: handled as a meeting link is (a call outside the
# platform, proposed by the number alone before a contract).
MEETING_NUMBER_RULES: tuple[Rule, ...] = (
    Rule(
        id="meeting_number",
        pattern=r"(?P<s>(?:" + vocab.words("common", "channels", "meeting_id_words")
        # not a placeholder of zeros (「Meeting ID: 000 0000 0000」 in a guide's screenshot)
        + r")\s?(?:[:：=→]|は)?\s?(?![0\s-]{11,13}(?!\d))\d{3}[\s-]?\d{3,4}[\s-]?\d{3,4})(?!\d)",
        examples=("ﾐｰﾃｨﾝｸﾞID 812 3345 6789／ﾊﾟｽ 4kq9", "明日10時に。会議ID：845-221-9034"),
        counter_examples=("ミーティングIDとパスコードの入れ方を図解してください",
                          "ミーティングID：xxx xxxx xxxx の形で案内文に入れてください",
                          "I'd rather use a placeholder like 'Meeting ID: 000 0000 0000' and a dummy passcode."),
        reason="a call's number instead of its link (tr38-05): the same move as a meeting link",
    ),
    Rule(
        id="meeting_link_offered",
        pattern=r"(?P<s>(?:" + vocab.words("common", "channels", "meeting_link_words") + r"))\s?(?:を|は)?\s?(?:あとで|後ほど|のちほど)?\s?"
        r"(?:お?送|共有|貼|発行|お知らせ|お伝え|will follow)(?!\s?(?:手順|方法|の仕方|ボタン|機能))"
        r"|(?<![a-z])(?<!how to )(?<!how do i )(?<!how to\s\s)(?:send|share|drop|post)\s(?:you\s|u\s)?(?:the\s|a\s|my\s)?(?P<s>(?:"
        + vocab.words("common", "channels", "meeting_link_words") + r"))(?![a-z])",
        examples=("Zoom URL送ります", "面談用のリンクお送りしますね", "I'll send the zoom link"),
        counter_examples=("Zoom URLの発行手順をマニュアルにしてください", "ミーティングURL共有ボタンのデザイン修正",
                          "How to share a zoom link in Outlook (article)"),
        reason="a call's link announced before it is sent: the call outside the platform, as the link itself",
    ),
)

# Talking "directly" or "one to one" names no tool but is the same move: out of the platform's sight
# (「細かい話は直接やり取りしたい」「個別に連絡を取らせてください」). Only with a proposal right after
# (DIRECT_PROPOSAL): 「直接ご連絡いただきありがとうございます」 is thanks for a message sent here.
MANNER_RULES: tuple[Rule, ...] = (
    Rule(
        id="talk_directly",
        pattern=talk("directly") + r"(?:で|に|の)?(?:ご|お)?" + talk("direct_talk"),
        examples=("細かい条件は個別に連絡を取らせてください",),
        counter_examples=("直接ご連絡いただきありがとうございます", "こちらで直接ご相談ください"),
        reason="direct / one-to-one contact with no tool named",
    ),
)
DIRECT_PROPOSAL = compile_pattern(r"[^。\n!?、]{0,14}?" + talk("proposal_endings"))
# Where the conversation stays on the platform (「クラウドワークス上で直接やり取り」「こちらで直接」).
ON_PLATFORM = compile_pattern(vocab.words("ja", "channel_talk", "on_platform"))

# A channel right before these is the subject of the work (LINEスタンプ制作, Zoomの使い方マニュアル).
WORK_SUBJECT = (
    r"(?:" + talk("runs_in_channel") + r"|[^。\n、]{0,8}?" + talk("how_to_documents")
    + r"|(?:の|用の?|向けの?|上の)?(?:公式アカウント|公式)?(?:の)?" + talk("channel_as_work")
    # a meeting held there whose record is the material (「Teams会議の録画（約90分）を編集」, round 22)
    + r"|(?:会議|ミーティング|セミナー|ウェビナー|講義|授業|研修|通話)の?" + talk("material_made_in") + ")"
)

# The channel inside a clause the work explains, read to the end of its sentence (a tutorial's,
# an article's or a narration's subject); not where the explaining happens (「LINEで…を説明する資料」).
_EXPLAINED_IN_WORK = compile_pattern(r"[^。\n!?]{0,60}?" + talk("explained_in_work"))
_PLACE_OF_ACT = compile_pattern(r"\s?(?:で(?!の)|にて|上で)")
# The object being designed right after a channel or its add-friend words (「友だち追加チラシ」); not
# when the object is used to reach the channel (「LINEボタンから追加してね」).
_DESIGN_OBJECT_AFTER = compile_pattern(r"\s?(?:公式アカウント|公式)?(?:の)?(?:友だち追加|友達追加)?" + talk("design_objects")
                                       + r"(?!\s?(?:から|より|を押|をタップ|をクリック|で追加|で登録))")


def explained_by_the_work(text: str, start: int, end: int, sentences: Sentences) -> bool:
    """「LINE公式アカウントの友だち追加からLINE Payでの決済までを説明するチュートリアル動画」; or the
    object being designed right after it (「友だち追加チラシ」)."""
    if _DESIGN_OBJECT_AFTER.match(text, end):
        return True
    if _PLACE_OF_ACT.match(text, end):
        return False
    return _EXPLAINED_IN_WORK.match(text, end, sentences.span(start)[1]) is not None


# Frame A: channel + で/にて… + a verb of talking within a few characters.
_CONNECT = r"(?:" + SEP + r"|[\p{So}\p{Sk}!?~」』\)】])" + "{0,4}"
# A number or a handle in brackets between a channel and its frame (tr4-0115 「私のWhatsApp(+1 202 555 0147)に連絡ください」).
_BRACKETED = r"(?:[(（][^()（）\n。]{1,24}[)）])?"
_SUFFIX = r"(?:の?(?:公式)?" + talk("channel_parts") + ")?"
# What one does in a channel; why a channel is better (「ラインの方が連絡つきやすい」「LINEなら早いです」),
# a proposal even without a request verb; verbs too general to reach far, only right after the
# particle (「LINEでさせていただきます」).
_TALK = talk("talk_verbs")
_TALK_OR_BETTER = "(?:" + _TALK + "|" + talk("why_better") + ")"
_GENERIC = talk("generic_verbs")
_CHANNEL_REQUIRED = talk("channel_required")
# ...which its 「無理」「厳しい」 make no dislike of the channel (「テレグラムじゃないと無理です」 vs 「LINEは無理です」)
CHANNEL_REQUIRED = compile_pattern(_CONNECT + _CHANNEL_REQUIRED)
FRAME_AFTER = compile_pattern(
    _CONNECT + _BRACKETED + _SUFFIX + _CONNECT
    + r"(?:(?:のみ|だけ)?(?:で|にて|でも|での|から|経由|上で|を(?:通じ|使っ|利用し)て|使って)"
    + r"(?:[^。\n]{0,20}?" + _TALK + r"|(?!" + talk("business_uses") + r")[^。\n]{0,2}?" + _GENERIC + ")"
    + r"|(?:の)?(?:方|ほう)(?:が|で|に|へ|を)[^。\n!?]{0,14}?" + _TALK_OR_BETTER
    + r"|(?:だと|なら|であれば|でしたら|の方が)[^。\n!?]{0,12}?" + _TALK_OR_BETTER
    + r"|(?:を|は)[^。\n!?]{0,4}?" + talk("share_verbs")
    + r"|(?:に|へ)[^。\n]{0,6}?" + talk("move_verbs")
    + r"|(?:を|の)?" + talk("exchange_nouns")
    + r"|(?:を|で)?" + talk("meeting_nouns")
    + r"|(?:を)?" + talk("request_endings")
    + r"|[^。\n]{0,12}?" + talk("join_verbs") + talk("join_requests")
    # (the app itself installed: nothing between it and the verb takes に, を or の (but ので), so 「LINEの補足も入れて」
    # and 「オープンチャットの項目も入れて」 put something else in)
    + r"|(?:を|は|も)?(?:(?!の(?!で))[^。\nにを]){0,10}?" + talk("install_verbs") + talk("join_requests")
    # a talk of some minutes in the channel (「一度meetで15分ほど」, tr36 family), not a recording of them
    # (「Zoomで30分の録画」)
    + r"|(?:で|にて)\s?(?:\d{1,3}|数|十|二十|三十)\s?分(?>(?:間)?(?:ほど|程度|くらい|ぐらい|だけ)?)(?!\s?の)"
    # joining the channel made the condition of what is withheld without it (「オプチャ参加しないと次回の発注は
    # できかねます」「テレグラムをインストールしていない方は報酬をお支払いできません」)
    + r"|(?:に|へ|を)?\s?" + talk("joining_acts") + r"(?:して(?:いただか|もらわ|い|お)?|いただか|いただけ|され|し)?"
    + clauses.NEGATED_CONDITION_PATTERN + r"[^。\n]{0,24}?" + talk("withheld_unless_joined")
    # the channel with an arrow to what follows (「ｺﾁﾗだとｽｸｼｮ送れないので 紙飛行機のアプリで↓」, tr201)
    + r"|(?:で|から|へ|に)\s?[↓👇⬇]"
    # joining the channel's group rewarded (「ｵｰﾌﾟﾝﾁｬｯﾄ「もにたー部屋777」で先行配布してます 参加で+300円」); not a
    # shop's own sign-up offer (「公式LINEに登録すると500円分のクーポン」 is a customer's, the work's topic)
    + r"|[^。\n]{0,40}?(?:参加|入室|加入)(?:で|すると|したら|いただくと|いただければ|頂くと|された方に|した方に)\s?[+＋]?\s?(?:\d[\d,]*\s?円|\d[\d,]*\s?(?:pt|ポイント)|ボーナス|特典|プレゼント)"
    # the channel the only way things go on (「ラインじゃないとダメなんです」「LINEでしか連絡できません」, round 25)
    + r"|" + _CHANNEL_REQUIRED
    # an act required in the channel (「LINEでの本人確認が必要です」「Discordでの登録が必須」, tr31 family)
    + r"|(?:で|での|にて)\s?(?:の)?\s?(?:ご|お)?" + talk("required_acts") + r"[^。\n!?]{0,4}?(?:が|は)?\s?(?:必要|必須|条件)(?!な|の)" + ")"
)
# The tool is where the work is done for the client's own customers (「Instagramアカウントで、お客様
# から届くDMへの返信代行」「LINE公式の顧客対応」): read in the proposal frame and a few characters after it.
WORK_IN_TOOL = compile_pattern(vocab.words("ja", "channel_talk", "customers_in_the_tool"))
WORK_IN_TOOL_AFTER = compile_pattern(talk("work_in_the_tool"))
CONTENT_FOR_THE_TOOL = compile_pattern(talk("content_for_the_tool"))
# The meeting the frame read is the work's subject (「Zoomでの面接練習の動画を編集」): read right after the frame.
MEETING_AS_TOPIC = compile_pattern(r"\s?(?:の)?(?:" + talk("meeting_as_topic") + ")")

# An identifier handed over in the same message makes a channel named anywhere in it a proposal: the
# ID is there to be used (「rain (=LINE) です。ID送ります: cn_trans_88」「T e l e g r a m → @cryptowrite_jp」).
ID_WORD = latin_names("id_words")
ID_GIVEN = compile_pattern(
    rf"(?<!{vocab.words('ja', 'channel_talk', 'ids_of_other_things')}){ID_WORD}[^。\n!?]{{0,8}}?"
    rf"(?:{vocab.words('ja', 'channel_talk', 'id_handover')}|:|→|👉|👇|↓|⇒|は[ \t\u3000]{{0,2}}[a-z0-9_.\-]{{3}})"
    r"|[→👉⇒:][ \t\u3000]{0,3}@[a-z0-9_.]{3,30}"
)
# A channel with its handle or link right after it, or pointed at with an arrow (「ﾃﾚｸﾞﾗﾑ @lv_task_mika まで」
# 「details on Telegram @lvl_mentor_amy」「詳細はオプチャへ↓ https://line.me/…」「紙飛行機のアプリで👉 t.me/…」): the
# channel is given to be used.
_HANDLE_AFTER = r"@?(?=[a-z0-9._\-]{0,31}[0-9_.@])(?=[a-z0-9._\-]{0,31}[a-z])[a-z0-9][a-z0-9._\-]{2,31}(?![a-z0-9._\-@]|:/)"
CHANNEL_POINTED = compile_pattern(
    r"[ \t\u3000]{0,2}(?:" + talk("pointing_particles") + r")?[ \t\u3000]{0,2}"
    r"(?:[:→👉⇒↓👇⬇▶][ \t\u3000\n]{0,3}(?:https?://|www\.|" + _HANDLE_AFTER + r"|[a-z0-9.\-]{2,30}\.[a-z]{2,6}/)"
    r"|@(?=[a-z0-9_.]{0,30}[a-z])[a-z0-9_.]{3,30}"
    # a handle in quotes (「紙ひこうきのｱﾌﾟﾘで「lawcheck_jp」まで」, tr231)
    r"|[「『][ \t]{0,2}" + _HANDLE_AFTER + r"[ \t]{0,2}[」』]"
    r"|:?[ \t]{0,2}\+\d[\d \t()\-]{7,20}\d)"
)
CHANNEL_REFERENCE = compile_pattern(talk("reference_words"))
# The reader's tasks sent out in the channel (「次回以降のタスクはLINEオープンチャットで一斉配信しています」): the
# verb right after the channel, the work named earlier in its sentence (off_platform_contact._hands_out_work).
# (how the sending is done, read before the verb: 「一斉配信」「毎日配信」; also by SURVIVES_RULES)
_SENT_HOW = r"(?:一斉|毎日|随時|先行|先に|限定|先着(?:順)?(?:で)?)?"
# (「…緑のオプチャから先着で配ってます」, tr188: sent out from the channel)
HANDED_OUT_AFTER = compile_pattern(r"(?:の)?(?:グループ|チャット|ルーム|サーバー)?(?:で|にて|から)\s?" + _SENT_HOW + r"\s?" + talk("handed_out_verbs"))
HANDED_OUT_WORK = compile_pattern(talk("handed_out_work"))
# A group said to exist, for more work or income (「もっと単価高いお仕事まわしてるｵｰﾌﾟﾝﾁｬｯﾄあります」, tr161):
# an invitation by its existence. Read right after the channel; the more-work words in its sentence.
GROUP_OFFERED_AFTER = compile_pattern(
    r"(?:の)?\s?(?:グループ|ルーム|コミュニティ|サロン|サーバー)?\s?(?:が|も)?\s?"
    r"(?:あります|ありますよ|あるよ|あるので|作りました|作ってます|やってます|運営して|用意して)"
)
MORE_JOBS = compile_pattern(talk("more_jobs_or_income"))
# A contact handed over anywhere in the message: a handle (not an e-mail's @), a phone number with a
# country code or a Japanese mobile prefix, or a chat app's invite link (`hands_over_contact`). A chat
# app named in such a message is where the contact is to be used, whatever frame names it
# (「作業指示はテレグラムのグループで配信しています。@task_desk を検索して参加」「WhatsApp pls +44 7700 900412」).
CONTACT_HANDED = compile_pattern(
    r"(?<![a-z0-9._\-])@(?=[a-z0-9_.]{0,30}[a-z])[a-z0-9_.]{3,30}"
    r"|(?<![\d+])\+\d(?:[ \-()]{0,2}\d){7,14}(?!\d)"
    r"|(?<!\d)0[789]0[ \-ー]?\d{4}[ \-ー]?\d{4}(?!\d)"
)


# A link's path left to fill in (「discord.gg/xxxxxx のままで」), read by contact_details too.
PLACEHOLDER_PATH = compile_pattern(vocab.words("common", "channels", "placeholder_paths"))
_DIGIT = compile_pattern(r"\d")


def hands_over_contact(text: str) -> bool:
    """The message hands over a live handle, phone number or chat app's invite link: not a dummy
    (「090-0000-0000」「+1 000-000-0000」), not a link to fill in, not in the work's text or in words
    received and quoted."""
    def live(start: int, end: int) -> bool:
        return not (in_sample(text, start, end) or reported_quote(text, start, end))

    for m in CONTACT_HANDED.finditer(text):
        digits = _DIGIT.findall(m.group())
        if (not digits or len(set(digits[-8:])) >= 3) and live(*m.span()):
            return True
    return any(url_kind(url) == "invite" and not PLACEHOLDER_PATH.search(url) and live(start, end)
               for start, end, url in find_urls(text))


# A meeting link for the work itself (「最初の生徒さん…のレッスン用リンクです」): read in its sentence and the 80
# characters before it.
MEETING_AS_WORK = compile_pattern(talk("meeting_link_as_work"))
# 「収録は毎回Zoomで」: the clause's topic is material made in the tool, read right before the channel.
# The talk of the client's own people or customers named before the channel (「社内の連絡をChatworkに統一
# したい」): what the work sets up, not the worker's talk moved.
OTHERS_TALK_BEFORE = compile_pattern(talk("others_talk") + r"\s?(?:連絡|やり取り|やりとり|コミュニケーション|情報共有)(?:は|を|も)?[^。\n]{0,8}\Z"
                                     r"|" + talk("others_with") + r"(?:さん|様|さま|たち|の方|の皆さん|の皆様)?\s?(?:と|とは|とも)\s?\Z")
MATERIAL_BEFORE = compile_pattern(talk("material_made_in") + r"(?:は|も)(?:毎回|いつも|普段|基本|基本的に|全て|すべて)?[ \t\u3000]?\Z")
# English: the channel is what the work builds or runs (「add LINE login」「a Slack bot」).
EN_WORK_AFTER = compile_pattern(r"[ \t\-]{1,2}" + en_talk("channel_as_work") + r"(?![a-z])")
# The channel compared with another tool, not with here (「the bot responds faster on Telegram than on LINE」:
# the work's subject; 「faster on tg than here」 still moves the talk).
EN_COMPARED_AFTER = compile_pattern(r"[ \t]{1,2}than[ \t](?:on[ \t]|in[ \t]|via[ \t]|with[ \t])?(?:the[ \t])?"
                                    r"(?!here|this|cw(?![a-z])|crowd|the[ \t]site|the[ \t]platform|messages[ \t]here)[a-z]")
# 「別で送りたいです。メアド教えてもらえます?」: sending elsewhere, with a contact asked in the same message.
SEND_SEPARATELY = compile_pattern(vocab.words("ja", "channel_talk", "send_separately"))
CONTACT_ASKED = GatedPattern(compile_pattern(vocab.words("ja", "channel_talk", "contact_asked")))

POINTED_RULES: tuple[Rule, ...] = (
    Rule(
        id="channel_with_its_handle",
        pattern=r"(?:" + "|".join(r.pattern for r in CHANNEL_RULES[:-2]) + r")" + CHANNEL_POINTED.pattern,
        examples=("最低1万〜 ここだと詳細出せないので ﾃﾚｸﾞﾗﾑ @lv_task_mika まで", "details on Telegram @lvl_mentor_amy",
                  "Hi. part time position open. whatsapp +1 (347) 555-0192 for details.",
                  "【在宅ワーク案内】詳細はオプチャへ↓\nhttps://line.me/ti/g2/Xk3pQ9aZvTbR", "送金先は紙飛行機のアプリで👉 t.me/cw_task_support"),
        counter_examples=("Instagram @brand_official の投稿を参考にしてください", "ライバル店のInstagram @cafe_tokyo_01 を分析してください"),
        reason="a channel given with its handle or link (tr6-003, tr9-014, tr9-004, tr9-001)",
    ),
    Rule(
        id="send_it_separately",
        pattern=vocab.words("ja", "channel_talk", "send_separately"),
        examples=("別で送りたいです。メアド教えてもらえます?",),
        counter_examples=("修正版は別で送りたいです",),
        reason="sending elsewhere with a contact asked (tr8-011 m2)",
    ),
)

# 「追加したらスタンプ送ってください」「検索して申請してね」 after an ID: the add/search request that
# takes the conversation to wherever the ID lives.
ADD_REQUEST = compile_pattern(
    talk("add_verbs") + r"(?:して|したら|しましたら|後|のうえ|の上|を)?[^。\n]{0,16}?" + talk("add_request_endings")
)

# Contact details that live outside the thread: 「プロフに書いてある連絡先へ」「概要欄記載のアドレスまで」.
PROFILE_CONTACT_RULES: tuple[Rule, ...] = (
    Rule(
        id="contact_in_profile",
        pattern=talk("profile_places") + r"(?:欄)?(?:に|で)?" + talk("written_there") + r"(?:の)?" + talk("contact_written_there")
        + "|" + talk("profile_cards") + r"(?:欄)?(?:の|記載の)" + talk("contact_on_the_card")
        + "|" + talk("profile_places") + r"(?:欄)?(?:に|で)" + talk("contact_written_there") + r"(?:を|は)?" + talk("put_there"),
        examples=("詳しい条件はプロフに書いてある連絡先へお願いします", "詳細はプロフに連絡先のせてるのでそちらまで"),
        counter_examples=("プロフィールに書いてある連絡先は使わないでください", "プロフィール文の作成をお願いします"),
        reason="contact details outside the thread",
    ),
)
# "Here" is not the place (「ここだと規約的にあれなので」「ここでは詳しく書けないので」): a risk with a
# move in the same message (a channel, 「別のところで」).
HERE_UNSUITABLE_RULES: tuple[Rule, ...] = (
    Rule(
        id="here_not_suitable",
        pattern=talk("here") + r"(?:だと|では|じゃ|で(?:は)?)[^。\n]{0,10}?" + talk("cannot_say_here"),
        examples=("ここだと規約的にあれなので、LINEで話しましょう",),
        counter_examples=("ここでは詳しく書けないので、契約後にお送りします", "ここだと規約的にあれなので、こちらで進めます"),
        reason="'here' is not suitable",
    ),
)
# This place said to be watched or wiped, or a talk said to be off-limits here (「このサイトめっせ消されるんで」
# 「ここだと詳細NGなんで」「報酬の話はここNG」「dont chat here, they read evrything」, round 11): the move itself,
# with no tool named. 「ここNG」 alone is a design review and 「ここから見られます」 a place to look, so the
# watching is read only as a reason and the ban only with a talk named.
_HERE_PLACE = r"(?:このアプリ|" + talk("here") + r")"
PLATFORM_WATCHED_RULES: tuple[Rule, ...] = (
    Rule(
        id="here_watched_or_off_limits",
        pattern=_HERE_PLACE + r"(?:だと|では|じゃ|は|って|の)?\s?(?:" + talk("talk_topics") + r")?(?:は|が|も)?\s?(?:" + talk("platform_watched")
        + r")(?:る|ちゃう|て(?:る|いる|ます))?(?:ん?で|ので|から)"
        + "|" + _HERE_PLACE + r"(?:だと|では|じゃ)?\s?(?:" + talk("talk_topics") + r")(?:は|が|も)?\s?(?:" + talk("off_limits") + ")"
        + r"|(?:" + talk("talk_topics") + r")(?:は|の)?\s?" + _HERE_PLACE + r"(?:だと|では|じゃ)?\s?(?:" + talk("off_limits") + ")"
        + r"|(?<![a-z])" + en_talk("watched_here") + r"(?![a-z])",
        examples=("このサイトめっせ消されるんで", "ここだと詳細NGなんで🙏", "報酬の話はここNG", "dont chat here, they read evrything"),
        counter_examples=("ここNGです、修正お願いします", "管理画面はここから見られます", "ここで話した内容が外に見られることはありません",
                          "Please don't share contact details here."),
        reason="this place said to be watched or off-limits for the talk: the move, no tool named (round 11)",
    ),
)
# A group or room where the jobs are, no tool named (round 14): the jobs handed out there
# (「もっと案件回してるグル」「案件まとめて流してる部屋あるんで」), or joining it as the condition of
# being paid or going on (「報酬の受取は先生のグループ入るが必要です」).
WORK_GROUP_RULES: tuple[Rule, ...] = (
    Rule(
        id="work_group_elsewhere",
        pattern=talk("handed_out_work") + r"(?:を|も)?[^。\n!?]{0,8}?" + talk("handed_out_verbs") + r"(?:して|し)?(?:る|いる|ます|おり)?\s?"
        + talk("work_groups") + r"(?!メ|ー|プ)"
        + "|" + talk("work_groups") + r"(?:への|に|へ)?\s?" + talk("group_join_verbs")
        + r"(?:の|こと)?(?:が|は)?\s?(?:必要|必須|条件|ないと|なければ)",
        examples=("もっと案件回してるグル、入っとく?", "ライターさん向けに案件まとめて流してる部屋あるんで",
                  "報酬の受取は先生のグループ入るが必要です"),
        counter_examples=("案件の進め方はこのルームで共有します", "グループ展の作品を流している部屋です",
                          "グループに入る必要はありません"),
        reason="a group or room where the jobs are, no tool named: the move itself (round 14)",
    ),
)
# An add request with no tool named, read only where the sender says this place will not do
# (「こっちだと詳しく書けないんです🙏 追加してくれたらすぐ説明します〜」, tr274): adding is the move.
ADD_AFTER_UNSUITABLE = compile_pattern(
    talk("add_verbs") + r"(?:して(?:くれ|もらえ|いただけ|頂け)?(?:たら|れば)|いただけ(?:たら|れば)|して(?:ください|下さい|ね|ほしい|欲しい)|(?:を)?お願い)"
)
# A move to somewhere else with no name (「別のところで話しましょう」「他の場所で連絡させて」).
MOVE_ELSEWHERE_RULES: tuple[Rule, ...] = (
    Rule(
        id="move_elsewhere",
        pattern=talk("other") + "の" + talk("other_places") + r"(?:で|に|へ|から|を通じて)[^。\n!?]{0,10}?" + talk("elsewhere_talk")
        + "|" + talk("outside") + "で" + talk("outside_talk"),
        examples=("別のところで話しましょう",),
        counter_examples=("他の方法で納品してください",),
        reason="a move elsewhere with no tool named",
    ),
)
# Another contact handed over or asked for (「別の連絡手段あとで送りま〜す」「他の連絡先をお伝えします」):
# the move itself, a statement as much as a request.
CONTACT_HANDOVER_RULES: tuple[Rule, ...] = (
    Rule(
        id="other_contact_handed_over",
        pattern=talk("other") + r"(?:の)?" + talk("other_contact_means") + r"(?:を|は)?[^。\n!?]{0,8}?" + talk("contact_handover"),
        examples=("別の連絡手段あとで送りま〜す", "他の連絡先をお伝えしますね"),
        counter_examples=("別の連絡手段は使いませんので、こちらでお願いします", "他の連絡先を教えることはできません"),
        reason="another contact handed over with no tool named (tr8-001 m3)",
    ),
)
# Why the move is better (「外で話した方が早いです」): read after a move with no tool named.
BETTER_AFTER = compile_pattern(r"[^。\n!?]{0,10}?" + talk("better_outside") + r"[^。\n!?]{0,6}?" + talk("why_better"))
# English: talking outside the platform with no app named (「it's easier to talk outside this platform」
# 「do you have any other messenger?」), not refused in its sentence.
EN_OUTSIDE_RULES: tuple[Rule, ...] = (
    Rule(
        id="english_talk_outside",
        pattern=r"(?<![a-z])" + en_talk("outside_verbs") + r"(?:\s(?:more|further|directly|this))?\s(?:outside|off)(?:\s(?:of|from))?"
        + r"\s" + en_talk("outside_places") + r"(?![a-z])"
        + r"|(?<![a-z])off[\s-]platform(?![a-z])"
        + r"|(?<![a-z])(?:any\s|an\s|a\s|your\s)?" + en_talk("other_apps") + r"(?![a-z])"
        # talking "directly" names no tool but is the same move, as 「直接やり取りしたい」 (「He'd like to talk to you
        # directly」, round 28), not when it stays here (「talk directly here on CrowdWorks」)
        + r"|(?<![a-z])" + en_talk("outside_verbs") + r"(?:\s(?:to|with))?(?:\s(?:you|u|him|her|them|me|us))?\s(?:directly|one[\s-]on[\s-]one|privately)"
        + r"(?![a-z])(?![^.!?\n]{0,20}?(?<![a-z])(?:here|on\s(?:crowdworks|cw|the\splatform|this\splatform)|(?:via|through)\s(?:crowdworks|cw|the\splatform)))",
        examples=("it's easier to talk outside this platform, do you have any other messenger?", "Can we chat off CrowdWorks?",
                  "Do you have another messaging app?", "It'd be faster to talk outside of here.",
                  "Hi, I'm assisting the project owner. He'd like to talk to you directly.", "can we chat privately?"),
        counter_examples=("We don't do off-platform chats, please keep everything here.",
                          "We will never ask you to talk outside this platform.",
                          "The owner would like to talk with you directly here on CrowdWorks.",
                          "Thanks for contacting me directly about the job."),
        lang="en",
        reason="talking outside with no app named (tr3-0173)",
    ),
    Rule(
        id="english_call_request",
        # not a call that is the material or the product (「the voice chat screen」「a video call recording」)
        pattern=r"(?<![a-z])(?:" + en_talk("call_requests") + r")(?![a-z])(?!\s(?:" + en_talk("call_records")
        + r"|" + en_talk("channel_as_work") + r"|screens?|features?|functions?|ui|ux|page|module)(?![a-z]))",
        examples=("quick call?", "hi, liked your portfolio. can I call you?", "can we hop on a quick call tmrw?",
                  "are you free for a short call today?", "need JP→EN proofreading, ~8k chars. quick voice chat?"),
        counter_examples=("Thanks for the quick call yesterday, the notes are attached.",
                          "We can't do a call, please keep everything here.",
                          "After the contract we can hop on a call if needed.",
                          "Please design the voice chat screen of our app."),
        lang="en",
        reason="a call asked for with no app named: the phone or a voice call (tr61, tr74, tr78 families)",
    ),
)

EN_BETTER = compile_pattern(r"(?<![a-z])" + en_talk("better_words") + r"(?![a-z])")

# 「そっちに送ってください」 after a channel was named: the channel by pointing. Casual deictics only
# (そちら is also a polite "you").
THERE_RULES: tuple[Rule, ...] = (
    Rule(
        id="over_there",
        pattern=talk("over_there") + r"(?:の方|のほう)?(?:に|へ|で|から|まで)[^。\n!?]{0,8}?" + talk("over_there_talk"),
        examples=("先ほどお送りしたアカウントの件です。あっちにメッセージを送ってもらえますか",),
        counter_examples=("そっちに送ってください", "そちらに資料をお送りします"),
        reason="'over there' with a send/contact verb",
    ),
)
# A concession that pushes the move (「契約前に一度だけでいいので」「今回だけでいいから」): part of a
# move found in the same message, never a risk alone.
CONCESSION_RULES: tuple[Rule, ...] = (
    Rule(
        id="just_this_once",
        pattern=talk("just_this_once") + r"(?:だけ|のみ)?(?:で|でも)" + talk("is_fine") + r"(?:ので|から|です|んで)?",
        examples=("契約前に一度だけでいいので、LINEで連絡ください",),
        counter_examples=("一度だけでいいので修正をお願いします",),
        reason="'just this once' pushing a move",
    ),
)
# Casual asks the shared request cues do not hold (「送ってもらえますか」「返信くれる?」).
CASUAL_ASK = compile_pattern(vocab.words("ja", "channel_talk", "casual_asks"))

# The writer quotes the rules or reports what others asked (「規約でLINE交換は禁止ですよね？」
# 「外部ツールへの移動を求められて困った」): checking or complaining, not proposing.
RULE_QUESTION = compile_pattern(talk("rule_words") + r"[^。\n]{0,20}?" + talk("rule_question_endings"))
# The channel is part of a scam described in a message about writing (「…→Telegramへ移動→…タスク詐欺も多いので、
# 1章入れたい」): the work's topic.
SCAM_TOPIC = compile_pattern(talk("scam_topic"))
WRITING_WORDS = compile_pattern(talk("writing_words"))
# How the talk went until now (「今まではメールだけでやり取りしていました」): a report when nothing is asked.
PAST_HABIT = compile_pattern(talk("past_habits"))
PAST_REPORT = compile_pattern(talk("asked_by_others") + r"(?:られ|れ)(?:て|た|まし)|" + talk("complaints") + "|" + talk("read_and_found")
                              + "|" + talk("impersonators"))

# Frame D: a talking noun before the channel, the channel ending its phrase (「面談をChatworkで実施」
# 「ご説明は公式LINEでさせていただいております」「連絡は電話で！」).
# Patterns that end at \Z are read backwards (`(?r)`): a match must end where the window ends, so
# a reverse search tries one place instead of every place of the window (ten times faster on a
# flood of candidates, and the same answer: these are only asked whether they match).
FRAME_BEFORE = compile_pattern(
    r"(?r)" + talk("talk_nouns_before") + r"(?:は|を|も|について|については|に関しては)?[^。\n]{0,8}\Z"
)
# ...also one of two offered (「面談はTeamsか、もしご都合がよければ渋谷のオフィスに」 tr1-0110).
# (「ご相談は緑のアプリの方で」, tr210: 「の方」 between)
FRAME_BEFORE_TAIL = compile_pattern(_CONNECT + _SUFFIX + _CONNECT + r"(?:の\s?(?:方|ほう)\s?)?(?:で|にて|から|経由|か(?=[、,])|"
                                    + talk("before_channel_endings") + ")")

# A refusal later in the channel's sentence, the channel its topic (「微信でのご連絡は、契約前には対応しておりません」
# 「LINE・メール・電話など外部ツールでのご連絡や…は一切行っておりません」), with no request, contrast or 'here'
# between (「LINEでご連絡ください、こちらでは対応できません」 still proposes LINE), nor a negated condition
# whose consequence the refusal is (「オプチャ参加しないと次回の発注はできかねます」).
REFUSED_LATER = compile_pattern(
    r"(?:(?!" + talk("between_channel_and_refusal") + "|" + clauses.NEGATED_CONDITION_PATTERN + r")[^。\n!?]){0,48}?"
    + talk("refusal_predicates") + r"(?!か|\?)"
)
# The channel named as what a permission covers, the claim ending the sentence (「弊社は事務局から外部ツールでの
# 面談を特別に許可されています。」, tr221): the claim of permission (the secretariat_permission signal), not a
# proposal; a sentence that goes on to ask (「…許可いただいてますので、IDを送ります」) still proposes.
PERMITTED_AFTER = compile_pattern(
    r"[^。、\n!?]{0,14}?(?:を|が|は)?\s?(?:特別に|正式に)?\s?(?:許可|承認|認め)(?:され|を\s?(?:いただ|頂|もら|得)|いただ|頂|られ)"
    r"[^。、\n!?]{0,10}?(?:[。!！\n]|$)"
)
# The talk outside placed behind the platform's own request to contact outside the service, still to be
# filed or approved (「外部でお話しする場合はクラウドワークスにサービス外連絡申請を出しますので、承認されるまでは
# こちらでやりとりさせてください」, tr265): the platform's way, not a move; a claim it was approved is
# the permission signal and reads as before.
OFF_SERVICE_REQUEST_PENDING = compile_pattern(
    # (the approval awaited may be the next sentence's: 「…申請を提出しました。承認がおりたらLINEで」, tr278; a
    # request only said filed, with no approval awaited, is still a claim: 「…申請を出しました、LINEでお願いします」)
    "(?:" + vocab.words("ja", "signals", "off_service_request") + r")\s?(?:を|の)?[^!?\n]{0,24}?"
    # (or asked of the other side first: 「もしLINEを使うならサービス外連絡申請を出していただけますか？」, tr294)
    r"(?:出します|出してから|提出します|提出してから|いたします|致します|申請します"
    r"|(?:出して|提出して|申請して)(?:いただけ|いただ|頂け|ください|下さい|もらえ)|をお願い"
    r"|承認(?:され(?:るまで|てから|たら|次第)|後|を待って|が(?:下|お)り(?:るまで|てから|たら)))"
)
# The sentence thanks the other side for proposing the channel (「Google Meetでのお打ち合わせのご提案ありがとう
# ございます」): reported, not proposed.
THANKS_FOR_PROPOSAL = compile_pattern(vocab.words("ja", "channel_talk", "thanks_for_proposal"))
# The writer's own policy that talk stays here (「弊社も契約前はこちらのメッセージのみでやり取りしています」),
# final in its sentence (no contrast after it) and about talking: a channel named before it is the
# rule's subject (「外部での連絡については…ヘルプをご確認ください。弊社も…こちらのメッセージのみで…」).
ALL_HERE_POLICY = compile_pattern(talk("on_platform") + talk("all_here_policy"))
ALL_HERE_TALK = compile_pattern(talk("all_here_talk"))
# The worker asks to go on here (「CrowdWorksのメッセージでは進められないですか？」).
STAY_HERE_ASKED = GatedPattern(compile_pattern(talk("on_platform") + talk("stay_here_asked")))
POLICY_CONTRAST = compile_pattern(talk("policy_contrasts"))


def all_here_policy_at(text: str, sentences: Sentences) -> int:
    """Where the last final policy that talk stays on the platform starts, or -1."""
    found = -1
    for m in ALL_HERE_POLICY.finditer(text):
        s_start, s_end = sentences.span(m.start())
        if POLICY_CONTRAST.search(text, m.end(), s_end) or not ALL_HERE_TALK.search(text, s_start, s_end):
            continue
        found = m.start()
    return found


# English: the channel is what a guide or an article is about (「a 2,000-word guide on using Google Meet」).
EN_TOPIC_BEFORE = compile_pattern(
    r"(?r)(?<![a-z])" + en_talk("topic_words") + r"(?:[ \t][a-z0-9'\-]{1,20}){0,2}[ \t]" + en_talk("topic_prepositions")
    + r"(?:[ \t][a-z'\-]{1,12}){0,2}[ \t]\Z"
)

# The writer does not want the channel (「電話で話すのは苦手なので」「Zoomだと難しいです」): read
# from the channel to the end of its clause, a dislike the shared negation cues do not cover.
DISLIKE = compile_pattern(r"[^。\n!?、]{0,20}?" + talk("dislikes"))

# English proposals: the verb comes before the channel (「let's move to Telegram」「add me on
# WhatsApp」「join our Discord」), what is to be found there points at it (「details on Telegram」, the
# English 「詳細はLINEで」) or a pronoun comes right after it (「WhatsApp me」).
EN_BEFORE = compile_pattern(
    # the one to reach may be a titled person (「pls text HR Ms. Linda on wh@ts」「contact Mr. Lee via Telegram」, tr277)
    # (the thing joined named in a few words, anyone's: 「join his free stock class on WhatsApp」, round 18)
    r"(?r)(?<![a-z])(?:" + en_talk("move_verbs") + r"(?:\s(?:me|us|you|everything|it all|the rest|(?:our|my|the|your|his|her|their|a)(?:\s[a-z\-]{1,15}){1,3}"
    r"|(?:(?:hr|mr|ms|mrs|miss|dr)\.?\s){1,2}[a-z][a-z\-]{1,15}))?(?:\s" + en_talk("move_particles") + r")?"
    + r"\s" + en_talk("move_prepositions") + "|" + vocab.words("en", "channel_talk", "use_verbs")
    + r"|(?:more\s|full\s|all\s)?" + en_talk("pointer_nouns") + r"\s(?:on|in|via|over|at)"
    # a step of hiring held there (「onboarding is by our HR mgr on the paper plane app」)
    + r"|" + en_talk("process_nouns") + r"\s(?:is|are|will be|'ll be|happens|takes place|goes)(?:\s[a-z'\-]{1,12}){0,4}?\s(?:on|in|via|over|through)"
    # someone reached more easily there (「faster on WA pls」「manager is quicker on tg」, round 21)
    + r"|" + en_talk("better_words") + r"\s(?:on|via|over|through)"
    # the sender looked up there (「just search my name on 🐦」, round 22)
    + r"|" + en_talk("search_me") + r"\s(?:on|in|via)"
    + r")\s(?:our\s|my\s|the\s)?\Z"
)
EN_AFTER = compile_pattern(
    r"\s(?:me|us)(?![a-z])|\s(?:" + en_talk("copulas") + r"\s)?(?:much\s|more\s)?" + en_talk("better_words")
    + r"|\sonly(?![a-z])"
    # offered as the reader's choice (「✈️ if u prefer」, round 22)
    + r"|\s" + en_talk("offered_after") + r"(?![a-z])"
)
# English: the channel as an adjective of a call or meeting (「can we have a quick Google Meet call」),
# in a question or proposal.
EN_CALL_AFTER = compile_pattern(
    r"[ \t]{0,2}(?:" + en_talk("call_kinds") + r"[ \t])?" + en_talk("calls") + r"s?(?![a-z])"
)
# ...or a call had on the channel (「quick call on google meet tmrw?」「a short chat via WhatsApp?」, tr52
# family; 「We want interview by Zoom 15 minutes, it is ok?」, tr316), read back from the channel.
EN_CALL_BEFORE = compile_pattern(
    r"(?r)(?<![a-z])(?:" + en_talk("call_kinds") + r"[ \t])?" + en_talk("calls") + r"s?[ \t](?:on|via|over|through|in|using|by)[ \t](?:the[ \t])?\Z"
    # its length right before it: a call (「quick 15min zoom tmrw 10am?」, tr155)
    r"|(?<![a-z\d])\d{1,3}[ \t]?-?[ \t]?(?:min|mins|minute|minutes)[ \t]\Z"
    # the tool as the thing to do or have (「Can we do a quick Google Meet tonight 21:00?」「hop on a zoom tmrw?」, tr293)
    r"|(?<![a-z])(?:do|have|hop[ \t]on|jump[ \t]on|set[ \t]up|schedule|book)[ \t]a(?:[ \t](?:quick|short|brief))?[ \t]\Z"
)
# ...but not a call that already happened or is the material (「transcribe the Zoom meeting」
# 「the Zoom call recording」).
EN_CALL_DESCRIBED_BEFORE = compile_pattern(
    r"(?r)(?<![a-z])" + en_talk("call_described_before") + r"[ \t]{1,2}(?:[a-z]+[ \t]{1,2})?\Z"
)
EN_CALL_DESCRIBED_AFTER = compile_pattern(r"[ \t]{0,2}" + en_talk("call_records") + r"s?(?![a-z])")
EN_PROPOSAL = compile_pattern(r"(?<![a-z])" + en_talk("proposal_words") + r"(?![a-z])|\?")
# English: the channel placed after the contract in its sentence (「I'll join Slack once the offer is
# accepted」), read by `en_after_the_contract`.
_EN_AFTER_CONTRACT = compile_pattern(r"(?<![a-z])" + en_talk("after_contract") + r"(?![a-z])")
_EN_AFTER_THAT = compile_pattern(r"(?<![a-z])" + en_talk("after_that") + r"(?![a-z])")
_EN_CONTRACT_NAMED = compile_pattern(r"(?<![a-z])" + en_talk("contract_named") + r"(?![a-z])")


def en_after_the_contract(text: str, s_start: int, s_end: int) -> bool:
    """The English sentence places the channel after the contract: in its own words (「once it's signed」),
    or by 「after that」 after a sentence that names the contract or the escrow (「The contract and
    escrow will be done here; after that I'll add you to our Slack」)."""
    if _EN_AFTER_CONTRACT.search(text, s_start, s_end):
        return True
    return (_EN_AFTER_THAT.search(text, s_start, s_end) is not None
            and _EN_CONTRACT_NAMED.search(text, max(0, s_start - 120), s_start) is not None)
# English refusals in the channel's sentence (「we don't use WhatsApp」「please do not contact me on LINE」).
EN_NEGATION = compile_pattern(r"(?<![a-z])" + en_talk("refusals") + r"(?![a-z])")
# What someone else asked, reported (「someone … asked me to continue on Telegram. Is that you?」, tr182).
EN_REPORTED = compile_pattern(r"(?<![a-z])" + en_talk("reported_asks") + r"(?![a-z])")

FRAME_RULES: tuple[Rule, ...] = (
    Rule(
        id="channel_talking_verb",
        pattern=FRAME_AFTER.pattern,
        examples=("詳細はLINEでお伝えします",),
        counter_examples=("LINEでのやり取りは契約前は控えております", "Teamsで会議した内容を議事録にまとめてください",
                          "収録はいつもZoomで行っていて、その録画をお渡しします", "DMで予約が届いたら、空き状況をご案内してください",
                          "以前SkypeからSlackに切り替えた時の経験があります"),
        reason="channel + で + talking verb",
    ),
)

# --- one line that only names a channel --------------------------------------------------------

# 「Zoomで」「meet希望です」「teamsいけますか」「明日10時 zoomで」「discord?」「or phone, faster」: a
# sentence made of a channel and nothing else but a time, a filler, a particle (after a space too:
# 「LINE で」) and a short ending is
# a proposal however little it says (tr6-008, tr6-009, tr7-007, tr9-007, tr9-009, tr9-015). It is
# read on the sentence with every channel replaced by CHANNEL_MARK (two channels may be offered:
# 「Zoomか電話で」), in client messages only: a worker's 「Zoom?」 asks what the client meant. A social
# network alone is no such proposal (「Instagramで」 answers "where did you find us").
CHANNEL_MARK = "\ue000"
TERSE_MAX = 48
_TERSE_GAP = r"[\s、,・:/\p{So}\p{Sk}\p{Po}\p{Ps}\p{Pe}~ー…]"
_TERSE_TIME = talk("terse_times")
_TERSE_LEAD = (r"(?:(?:" + talk("terse_lead_ins") + "|" + talk("terse_claims") + "|" + _TERSE_TIME + r")(?:の|は|も|に|から|なら|でしたら)?"
               r"|(?<![a-z])(?:" + en_talk("terse_lead_ins") + "|" + en_talk("terse_durations") + r")(?![a-z])|" + _TERSE_GAP + ")")
_TERSE_ENDING = ("(?:" + talk("terse_endings") + "|" + _TERSE_TIME + r"|(?<![a-z])" + en_talk("terse_endings") + r"(?![a-z]))")
# (a last で after a length: 「明日20時 Google Meet 15分で」, tr241)
_TERSE_TRAIL = r"(?:" + _TERSE_GAP + r"|[?!wネヨナ笑]|です|で(?=\s?$))"
# a channel's part may follow it (「次は紙飛行機のグループへ」)
# (or two names of one app side by side: 「✈️紙ヒコーキのアプリで」)
_TERSE_CHANNELS = CHANNEL_MARK + _SUFFIX + r"(?:" + _TERSE_GAP + r"{0,2}(?:" + talk("terse_joins") + r"|or)?" + _TERSE_GAP + r"{0,2}" + CHANNEL_MARK + r")*"
TERSE_SENTENCE = compile_pattern(
    _TERSE_LEAD + r"{0,12}" + _TERSE_CHANNELS
    # (an app's emoji may close it: 「紙飛行機のｱﾌﾟﾘ で✈」, tr232)
    + r"(?:" + _TERSE_GAP + r"{0,2}(?:" + talk("terse_particles") + r")(?:" + _TERSE_GAP + r"{0,2}(?:" + _TERSE_ENDING + "|" + CHANNEL_MARK + r"))?"
    # a time may take its particle before the next ending (「Teams、18日(木)15:00〜30分でお願いできますか」)
    + r"|" + _TERSE_GAP + r"{0,2}" + _TERSE_ENDING + r"(?:" + _TERSE_GAP + r"{0,2}(?:で|に)?" + _TERSE_ENDING + r"){0,5}"
    + r"|" + _TERSE_GAP + r"{0,2}\?)" + _TERSE_TRAIL + r"{0,12}"
)
# A line of times and a meeting tool last (「今夜21時 meet」): the time says a call is proposed.
TERSE_TIMED = compile_pattern(_TERSE_LEAD + r"{0,6}?" + _TERSE_TIME + _TERSE_LEAD + r"{0,6}" + _TERSE_CHANNELS + _TERSE_TRAIL + r"{0,12}")
# A meeting or the talk as the topic and the channel as all that is said of it (「面談はTeams」「続きはディスコ」,
# round 10): the channel ends the line with no particle or ending.
TERSE_TOPIC = compile_pattern(_TERSE_LEAD + r"{0,6}?(?:" + talk("meeting_nouns") + "|" + talk("talk_topics") + r"|続き)\s?(?:は|も)"
                              + _TERSE_GAP + r"{0,2}" + _TERSE_CHANNELS + _TERSE_TRAIL + r"{0,12}")
TERSE_TIMES_ONLY = compile_pattern(r"(?:" + _TERSE_TIME + "|" + _TERSE_GAP + r")*")
# A message that is nothing but the channel (tr6-007 「緑のやつ」), or two names of it side by side
# (「✈️テレグラム」, round 16).
TERSE_BARE = compile_pattern(_TERSE_GAP + r"{0,4}" + _TERSE_CHANNELS + _TERSE_TRAIL + r"{0,8}")
TERSE_SOCIAL = compile_pattern(
    latin_names("instagram_latin") + "|" + vocab.words("common", "channels", "instagram")
    + "|" + latin_names("x_twitter_latin") + "|" + vocab.words("common", "channels", "x_twitter")
    + "|" + latin_names("messenger_latin") + "|" + vocab.words("common", "channels", "messenger")
)
TERSE_RULES: tuple[Rule, ...] = (
    Rule(
        id="channel_alone_in_its_line",
        pattern=r"(?:" + "|".join(r.pattern for r in CHANNEL_RULES[:-2]) + r")"
                + r"(?:" + _TERSE_GAP + r"{0,2}(?:" + talk("terse_particles") + r")|" + _TERSE_GAP + r"{0,2}" + _TERSE_ENDING + r"|\?)",
        examples=("Zoomで", "LINE で", "meet希望です", "teamsいけますか", "明日10時 zoomで", "電話で", "discord?", "skype大丈夫ですか？",
                  "or phone, faster", "whatsapp?", "では、Google Meetでお願いします", "Zoomか電話で",
                  "Thanks for applying. 15 min on Zoom tmrw?"),
        counter_examples=("Zoomですか？", "Zoomはちょっと…", "Instagramで", "集客は主にInstagramで", "LINEスタンプで",
                          "納品はメールで", "Zoomは不可です"),
        reason="a line that names a meeting tool or app and nothing else (tr6-008, tr6-009, tr7-007, tr9-007, tr9-009, tr9-015)",
    ),
)


def terse_sentence(text: str, start: int, channels: list[tuple[int, int]], sentences: Sentences) -> bool:
    """Whether the sentence around the channel at `start` is made of channels and the few words a
    one-line proposal adds (TERSE_SENTENCE), or is the whole message and nothing but a channel, or
    is a reason and then such a line (「急ぎなのでLINEで」「写真送りたいから discord で」)."""
    s_start, s_end = sentences.english(start)
    while s_end < len(text) and text[s_end] in "?!":
        s_end += 1
    if s_end - s_start > TERSE_MAX:
        return False
    sentence = _marked(text, s_start, s_end, channels)
    if sentence is None:
        return False
    if TERSE_SENTENCE.fullmatch(sentence) or TERSE_TIMED.fullmatch(sentence) or TERSE_TOPIC.fullmatch(sentence):
        return True
    reason = _last_reason(text, s_start, start)
    if reason is not None:
        rest = _marked(text, reason, s_end, channels)
        if rest is not None and (TERSE_SENTENCE.fullmatch(rest) or TERSE_TIMED.fullmatch(rest) or TERSE_TOPIC.fullmatch(rest)):
            return True
    # the whole message, but for a time before it that chat cut off as a sentence (「1/22(木) 21:00〜 Google Meet」);
    # only a short one is read (a time and a gap can both take a 「〜」: a long run of them must not be tried)
    before = text[:s_start]
    return ((not before.strip() or (len(before) <= TERSE_MAX and TERSE_TIMES_ONLY.fullmatch(before) is not None))
            and not text[s_end:].strip() and TERSE_BARE.fullmatch(sentence) is not None)


def _marked(text: str, start: int, end: int, channels: list[tuple[int, int]]) -> str | None:
    """text[start:end] with each channel in it replaced by CHANNEL_MARK, or None when a channel
    straddles its edge. Only the channels inside are visited (bisected: a flood of channels costs
    no more per candidate)."""
    parts, pos = [], start
    for a, b in islice(channels, bisect_left(channels, (start, -1)), None):
        if a >= end:
            break
        if b <= start:
            continue
        if a < pos or b > end:
            return None
        parts += [text[pos:a], CHANNEL_MARK]
        pos = b
    return "".join(parts) + text[pos:end]


# The end of a reason given before a one-line proposal (「急ぎなので」「写真送りたいから、」).
_REASON_END = compile_pattern(r"(?:ので|から|ため|なんで)[、,]?\s?")


def _last_reason(text: str, start: int, channel: int) -> int | None:
    """Where the words after the last reason before the channel begin, or None."""
    found = None
    for m in _REASON_END.finditer(text, start, channel):
        found = m.end()
    return found


# --- English: an outside inbox already in use ----------------------------------------------------

# 「check your email」「I sent you an email」「I've texted you」 before a contract: the client already
# writes to the worker outside (tr9-015), unless the sentence is about the platform's own mail.
INBOX_RULES: tuple[Rule, ...] = (
    Rule(
        id="check_your_inbox",
        pattern=r"(?<![a-z])" + en_talk("inbox_check_verbs") + r"\s" + en_talk("your") + r"\s"
        + r"(?:" + name_alternatives("en", "channel_talk", "inboxes") + r")(?![a-z])(?!\s" + en_talk("inbox_not_channel") + r"(?![a-z]))"
        + r"|(?<![a-z])(?:sent|send|sending|just\ssent)\s(?:you|u)\s(?:an?\s|the\s|my\s)?" + en_talk("sent_you_nouns") + r"(?![a-z])"
        + r"|(?<![a-z])" + en_talk("sent_you_verbs") + r"\s(?:you|u)(?![a-z])"
        + r"|(?<=(?:(?<![a-z])(?:will|can|could|let\sme|going\sto|gonna)|'ll)\s)(?:" + name_alternatives("en", "channel_talk", "channel_verbs")
        + r")\s(?:you|u)(?![a-z])",
        examples=("Thanks for applying. check your email", "I sent you an email with the details", "I've emailed you the brief",
                  "check ur whatsapp", "Please check your DMs", "I'll text you the details, what's your number?"),
        counter_examples=("Please check your email for the CrowdWorks notification", "Check your email settings in the dashboard",
                          "I never emailed you, please keep messages here", "We won't call you, everything stays on CrowdWorks"),
        lang="en",
        reason="an outside inbox the client already writes to (tr9-015)",
    ),
)
PLATFORM_MAIL = compile_pattern(r"(?<![a-z])" + en_talk("platform_mail") + r"(?![a-z])|クラウドワークス|(?<![a-z])cw(?![a-z])")

# A channel inside quotes in a message about writing (「「詳細はLINEで」みたいな実例を引用して」, Cover
# 'text me' recruiters): a quotation. Read in the channel's sentence (quotes) and the one before (topic).
_JA_OPEN, _JA_CLOSE = "「『“‘", "」』”’"
_QUOTE_MARK = regex.compile("[" + regex.escape(_JA_OPEN + _JA_CLOSE) + "\"']")
_QUOTE_REACH = 120  # a title quoted whole ("Staying connected in Japan - … WhatsApp or Telegram")


def quoted_mention(text: str, start: int, end: int, sentences: Sentences) -> bool:
    """Whether the channel at start..end sits inside a quotation in its sentence, in a message that
    speaks of quoting or writing (QUOTE_TOPIC)."""
    s_start, s_end = sentences.span(start)
    lowest = max(s_start, start - _QUOTE_REACH)
    if _QUOTE_MARK.search(text, lowest, start) is None:
        return False  # no quote mark before it: nothing to walk back through
    opened = False
    for i in range(start - 1, lowest - 1, -1):
        c = text[i]
        if c in _JA_CLOSE:
            return False
        if c in _JA_OPEN or (c in "\"'" and (i == 0 or not text[i - 1].isalnum())):
            opened = True
            break
        if c in "\"'" and (i + 1 >= len(text) or not text[i + 1].isalnum()):
            return False
    if not opened:
        return False
    for j in range(end, min(s_end, end + _QUOTE_REACH)):
        c = text[j]
        if c in _JA_OPEN:
            return False
        if c in _JA_CLOSE or (c in "\"'" and (j + 1 >= len(text) or not text[j + 1].isalnum())):
            prev_start, _ = sentences.previous(start)
            return QUOTE_TOPIC.search(text, prev_start, s_end) is not None
    return False


def quoted_or_sample(text: str, start: int, end: int, sentences: Sentences) -> bool:
    """A quotation about writing (`quoted_mention`), the work's own sample text (`in_sample`), or
    words the writer reports having received (`reported_quote`)."""
    return quoted_mention(text, start, end, sentences) or in_sample(text, start, end) or reported_quote(text, start, end)


# A line of a table (「1. 炭火焼鳥 とりまさ｜092-713-4528」 with rows like it around): a field of the
# data the work handles, not a contact handed to the reader.
_CELL = regex.compile(r"[^|\t\n]+[|\t]")


def in_table_row(text: str, pos: int) -> bool:
    """Whether `pos` sits on a line split into fields by | or a tab, next to another such line."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if not _CELL.search(text, line_start, line_end):
        return False
    prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    if line_start > 0 and _CELL.search(text, prev_start, line_start - 1):
        return True
    if line_end < len(text):
        next_end = text.find("\n", line_end + 1)
        return _CELL.search(text, line_end + 1, len(text) if next_end < 0 else next_end) is not None
    return False


# --- hosts ------------------------------------------------------------------------------------

PLATFORM_DOMAINS = hosts("sites", "platform_domains")
# Chat-tool invites and profiles: contact_details (rubric edge case).
INVITE_HOSTS = hosts("channels", "invite_hosts")
INVITE_DOMAINS = hosts("channels", "invite_domains")
# Among them, social networks (a profile is a contact, a post is not) and Discord's web hosts (only
# /invite links invite).
SOCIAL_PROFILE_HOSTS = hosts("channels", "social_profile_hosts")
INVITE_PATH_HOSTS = hosts("channels", "invite_path_hosts")
# Meeting links: off_platform_contact before a contract.
MEETING_HOSTS = hosts("channels", "meeting_hosts")
MEETING_DOMAINS = hosts("channels", "meeting_domains")
FORM_HOSTS = hosts("sites", "form_hosts")
GOOGLE_DOCS_HOSTS = hosts("sites", "google_docs_hosts")
SHORTENER_HOSTS = hosts("sites", "shortener_hosts")
LINK_HUB_HOSTS = hosts("sites", "link_hub_hosts")
APP_STORE_HOSTS = hosts("sites", "app_store_hosts")
# Hosts that name CrowdWorks without being it (cw-verify-support.com): an impersonation.
PLATFORM_LOOKALIKE = compile_pattern(vocab.words("common", "sites", "platform_lookalikes"))

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# A URL: with a scheme or www., or a bare host with a path on a known host (lin.ee/xxx, bit.ly/xxx).
_URL_CHARS = r"[a-z0-9\-._~:/?#\[\]@!$&'*+,;=%]"
_BARE_HOSTS = vocab.longest_first(INVITE_HOSTS | MEETING_HOSTS | MEETING_DOMAINS | FORM_HOSTS | SHORTENER_HOSTS
                                   | APP_STORE_HOSTS | GOOGLE_DOCS_HOSTS)
URL_RULES: tuple[Rule, ...] = (
    Rule(
        id="url",
        pattern=r"(?<![a-z0-9@])(?:https?://|www\.)" + _URL_CHARS + "{1,2000}+",
        examples=("詳細はこちらをご確認ください https://bit.ly/3Fk9TqZ",),
        counter_examples=("参考までに、イメージに近いサイトです https://www.example.com/",
                          "https://crowdworks.jp/public/jobs/123 からご応募ください"),
        reason="any URL",
    ),
    Rule(
        id="bare_host_url",
        pattern=r"(?<![a-z0-9.@/-])(?:" + "|".join(regex.escape(h) for h in _BARE_HOSTS) + r")/" + _URL_CHARS + "{0,2000}+",
        examples=("アンケートはforms.gle/AbCd12 からご回答ください",),
        counter_examples=("友だち追加はlin.ee/Hp9vRt3 からどうぞ",),
        reason="known host without a scheme",
    ),
    Rule(
        id="lookalike_host_url",
        pattern=r"(?<![a-z0-9.@/\-])[a-z0-9\-]{0,30}(?:" + vocab.words("common", "sites", "platform_lookalikes") + r")[a-z0-9.\-]{0,40}\.[a-z]{2,12}/"
        + _URL_CHARS + "{0,2000}+",
        examples=("this is special check. upload here crowdworks-verify.help/id",),
        counter_examples=("crowdworks.jp/public/jobs/123 からご応募ください",),
        reason="a host that names CrowdWorks, without a scheme (tr13-004)",
    ),
    Rule(
        id="bare_host_with_path",
        pattern=r"(?<![a-z0-9.@/\-])[a-z0-9][a-z0-9\-]{1,40}(?:\.[a-z0-9\-]{1,40}){0,2}\.(?:"
        + vocab.words("common", "sites", "bare_host_tlds") + r")/[a-z0-9]" + _URL_CHARS + "{0,2000}+",
        examples=("download app → taskhub-pro.vip/reg  invite code 8830",),
        counter_examples=("ファイルは report.pdf と draft_v2.docx です", "see the folder src/app/main.py"),
        reason="a host typed without a scheme, with a path after it (tr138): a link all the same",
    ),
)
_URL = Scanner(URL_RULES)
_TRAILING = ".,;:!?)]'"


@identity_cached(maxsize=8)
def find_urls(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, url) of every URL in the normalised text, trailing punctuation dropped (found
    once per message for the three contact detectors)."""
    out = []
    for start, end in _URL.spans(text):
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        out.append((start, end, text[start:end]))
    return tuple(out)


@lru_cache(maxsize=4096)
def host_of(url: str) -> tuple[str, str]:
    """(host, registered domain) of a URL; '' when it has none. Offline: bundled suffix list."""
    if "://" not in url:
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return "", ""
    ext = _EXTRACT(host)
    return host, ext.top_domain_under_public_suffix if hasattr(ext, "top_domain_under_public_suffix") \
        else ext.registered_domain


def url_kind(url: str) -> str:
    """platform | lookalike | invite | meeting | form | shortener | link_hub | app_store | other."""
    host, domain = host_of(url)
    path = url.split(host, 1)[-1] if host else ""
    if domain in PLATFORM_DOMAINS:
        return "platform"
    if PLATFORM_LOOKALIKE.search(host):
        return "lookalike"
    if host in MEETING_HOSTS or domain in MEETING_DOMAINS:
        return "meeting"
    if host in INVITE_HOSTS or domain in INVITE_DOMAINS or host.endswith(".slack.com"):
        return "invite"
    if host in FORM_HOSTS or domain in FORM_HOSTS or (host in GOOGLE_DOCS_HOSTS and path.startswith("/forms")):
        return "form"
    if host in SHORTENER_HOSTS:
        return "shortener"
    if host in LINK_HUB_HOSTS or domain in LINK_HUB_HOSTS:
        return "link_hub"
    if host in APP_STORE_HOSTS:
        return "app_store"
    return "other"


# --- after the contract -----------------------------------------------------------------------

# An outside group/official account/service the work does not need, offered for more jobs, side
# income or points, or joining outside as a condition of being accepted or paid (RUBRIC.md).
SURVIVES_RULES: tuple[Rule, ...] = (
    Rule(
        id="group_for_more_jobs",
        pattern="(?:" + talk("outside_groups") + "|" + talk("newsletters") + r")[^。\n]{0,40}?"
        + "(?:" + talk("more_jobs_or_income") + "|" + talk("offers_after_a_group") + ")"
        + "|" + talk("more_jobs_or_income") + r"[^。\n]{0,40}?" + talk("outside_groups"),
        examples=("他の高単価案件も紹介しているグループがあるので参加しませんか",),
        reason="invitation for more jobs / income",
    ),
    Rule(
        id="more_jobs_handed_out_elsewhere",
        pattern=talk("more_jobs_or_income") + r"[^。\n]{0,40}?(?:で|にて)\s?" + _SENT_HOW + r"\s?(?:"
        + talk("handed_out_verbs") + r"|紹介|案内)"
        + r"|(?:で|にて)[^。\n]{0,20}?(?:" + talk("more_jobs_or_income") + r")[^。\n]{0,12}?(?:も)?(?:ご|お)?(?:案内|紹介|配信)",
        examples=("実はCWでは出せない高単価の案件(1件3,000円〜)もあって、みどりのアプリで配信してます",
                  "追加後はテレグラムで1件800円〜の高単価タスクもご案内できますよ"),
        counter_examples=("本案件の修正依頼はChatworkでお送りします",),
        reason="more jobs or income said to be handed out in a channel the contracted work does not need (tr153, tr155)",
    ),
    Rule(
        id="english_more_work_elsewhere",
        # (in chat spelling too: 「join our tg grp for xtra paid tasks」, round 28)
        pattern=r"(?<![a-z])(?:more|extra|xtra|priority|bonus|vip|higher[- ]paying|better[- ]paying|better[- ]paid|high[- ]paying)\s"
        # (「for more daily task (3000~8000yen/day) join team group on telegram」, tr245)
        r"(?:daily\s|paid\s|new\s)?(?:work|tasks?|jobs?|orders?|projects?|gigs?)(?![a-z])[^.!?\n]{0,40}?(?<![a-z])(?:than\s(?:we|i)\scan\s(?:post|put|offer)\shere|"
        r"group|grp|channel|community|server|chat|crew|squad)(?![a-z])"
        # (「hop in our promo crew for bonus gigs 👉 t.me/+…」, tr188)
        r"|(?<![a-z])(?:join|add|follow|hop\sin(?:to)?|jump\sin(?:to)?)(?![a-z])[^.!?\n]{0,40}?(?<![a-z])(?:group|grp|channel|community|server|crew|squad)(?![a-z])[^.!?\n]{0,30}?"
        r"(?<![a-z])(?:more|extra|xtra|priority|bonus|vip|higher[- ]paying|better[- ]paying|high[- ]paying)\s(?:daily\s|paid\s|new\s)?(?:work|tasks?|jobs?|orders?|projects?|gigs?)(?![a-z])",
        examples=("we have way more work than we can post here. join the translators group", "join the translators group for priority tasks t.me/+Qm8vXr2",
                  "also hop in our promo crew for bonus gigs 👉 t.me/+PromoCrew", "more jobs in my Telegram grp: t.me/ariajobs_jp",
                  "also join our tg grp for xtra paid tasks 💸 t.me/+Kq8ZrXw2aL1"),
        counter_examples=("please join the project channel on Slack for the review",),
        lang="en",
        reason="in English: more work offered in an outside group (tr154)",
    ),
    Rule(
        id="registered_for_referral",
        pattern=talk("joining_acts") + r"[^。\n]{0,20}?(?:紹介|ご紹介|お繋ぎ|おつなぎ)(?:でき|します|いたします|させて|可能)"
        + r"|(?:提携先|提携企業|提携会社|パートナー企業|系列会社|グループ会社)[^。\n]{0,30}?(?:募集|案件|お仕事|仕事)",
        examples=("提携先が在宅ライター大量募集してます。こちら登録だけしといてもらえれば紹介できます→ https://forms.gle/9hQw",),
        counter_examples=("クラウドワークスのプロフィールに登録してある実績を紹介してください",),
        reason="registering elsewhere to be referred to other work, which the contracted work does not need (tr154)",
    ),
    Rule(
        id="pay_handled_in_a_group",
        # (or in an app typical of task scams: 「報酬の受け取りは財務担当とテレグラムで👉 t.me/…」, round 20)
        pattern=r"(?:報酬|出金|お支払い|支払い|受け取り|受取)[^。\n]{0,16}?(?:" + talk("outside_groups") + "|"
        + vocab.unmitigable_channel_names() + r")\s?(?:で|にて|から)",
        examples=("報酬の出金は専用グループで手続きしてね→ t.me/+kQ8v2LmZpXw", "報酬の受け取りは経理担当とWhatsAppで"),
        counter_examples=("報酬はクラウドワークスの仮払いからお支払いします",),
        reason="the pay or its withdrawal handled in an outside group, or in an app typical of task scams, which the contracted work does not need (tr169, round 20)",
    ),
    Rule(
        id="registering_for_more_jobs",
        pattern=talk("joining_acts") + r"(?:する|すると|したら|いただくと|いただければ|すれば)[^。\n]{0,20}?" + talk("more_jobs_or_income")
        # the group for more named first, then joining it asked (「緑のアプリで ﾎﾞｰﾅｽ部屋 って検索→参加してね」, tr212)
        + "|" + talk("more_jobs_or_income") + r"[^。\n]{0,20}?" + talk("joining_acts") + r"(?:して|しといて|お願い|ください|下さい)",
        examples=("登録すると単価1.5倍の案件が毎週届きます✨ https://bright-partner.jp/entry", "テレグラムで 副業部屋 って検索→参加してね"),
        counter_examples=("登録すると本案件の資料が見られます",),
        reason="registering outside for more jobs (tr170)",
    ),
    Rule(
        id="registered_get_the_jobs_first",
        # jobs handed out first to those registered outside (「sakura-writers.net/join から登録お願いします。登録者優先で
        # 振ります」, round 17): registering outside is the way to the next jobs
        pattern=r"(?:登録者|登録した方|登録済みの方|登録いただいた方|ご登録の方|会員|メンバー)(?:様|さん)?(?:に|を|から|は)?\s?優先(?:で|して|的に)?[^。\n]{0,10}?"
        r"(?:振|回|紹介|ご紹介|案内|ご案内|依頼|ご依頼|お願い|お渡し|配信)",
        examples=("sakura-writers.net/join から登録お願いします。登録者優先で振ります",),
        counter_examples=("クラウドワークスで契約済みの方を優先してご依頼します",),
        reason="registering outside as the way to be given the next jobs first (round 17 family of the registering_for_more_jobs kind)",
    ),
    Rule(
        id="english_joining_as_condition_of_pay",
        pattern=r"(?<![a-z])(?:before|to|until)\s(?:we\s(?:can\s)?|i\s(?:can\s)?)?(?:release|send|process|pay|transfer|unlock)(?![a-z])[^.!?\n]{0,30}?"
        r"(?<![a-z])(?:payment|pay|payout|salary|reward|earnings|funds|money)(?![a-z])[^.!?\n]{0,50}?"
        r"(?<![a-z])(?:verify|register|sign up|signup|log in|login|fill|join|complete)(?![a-z])"
        r"|(?<![a-z])(?:verify|register|sign up|join)(?![a-z])[^.!?\n]{0,40}?(?<![a-z])(?:to|before you can|in order to)\s(?:receive|get|withdraw|release|unlock)\s"
        r"(?:your\s|the\s)?(?:payment|pay|payout|salary|reward|earnings|funds|money)(?![a-z])"
        # the pay named first as the purpose (「for payout pls register at taskhub-pay.cc」, round 17)
        r"|(?<![a-z])(?:for|to get|to receive|to withdraw)\s(?:the\s|your\s|ur\s)?(?:payment|payout|pay|salary|reward|earnings|funds|money|withdrawal)s?(?![a-z])"
        r"[^.!?\n]{0,12}?(?<![a-z])(?:register|sign up|signup|verify|join)(?![a-z])",
        examples=("before we can release your payment our finance team must verify you → payout-verify.example/jp",
                  "register on our portal to receive your payout", "for payout pls register at taskhub-pay.cc"),
        counter_examples=("we release the payment through CrowdWorks once you deliver",),
        lang="en",
        reason="in English: registering or verifying outside as a condition of pay (tr153)",
    ),
    Rule(
        id="joining_before_approval",
        # the step before the work is accepted or paid, done outside (「承認前の本人確認として公式あかうんとを友だち
        # 追加し「完了」と送ってください」, tr294)
        pattern=r"(?:承認|検収|お?支払い?|出金|報酬の?受け?取り)\s?(?:前|の前)\s?(?:の|に)\s?(?:本人確認|認証|手続き|条件)[^。\n]{0,30}?"
        + talk("joining_acts")
        + r"(?:して|し|を|お願い|ください|下さい)",
        examples=("承認前の本人確認として公式アカウントを友だち追加し「完了」と送ってください",),
        counter_examples=("承認前に納品ファイルをもう一度ご確認ください", "承認前にChatworkに参加してください。修正はそこで共有します"),
        reason="joining outside as the step before the work is accepted or paid (tr294): a condition of acceptance",
    ),
    Rule(
        id="joining_as_condition_of_pay",
        pattern=talk("joining_acts") + r"(?:して(?:いただか|もらわ)?|いただか|し)?(?:ないと|なければ|なくては|ない場合)[^。\n]{0,20}?"
        + talk("withheld_unless_joined")
        + "|" + talk("conditional_on_joining") + r"[^。\n]{0,20}?" + talk("joins_required") + r"[^。\n]{0,10}?(?:が)?(?:条件|必須|必要)",
        examples=("登録していただかないと報酬をお支払いできません",),
        reason="joining outside as a condition of pay",
    ),
)
# (a group where the jobs are is an invitation the contracted work does not need)
_SURVIVES = Scanner(SURVIVES_RULES + WORK_GROUP_RULES)


def survives_contract(text: str) -> bool:
    """Whether a post-contract contact hit stays a risk (rubric: outside invitation the work does
    not need, or joining outside as a condition of acceptance or pay)."""
    return _SURVIVES.search(text)
