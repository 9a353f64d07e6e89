"""Shared data of the three contact detectors: how channels are spelled, which hosts are invite
or meeting links, what a "lure" verb is, and the few helpers they share (URL finding, host
classification, the post-contract "does this still matter" test).

Patterns are written in natural Japanese; `compile_pattern` folds them like the text (ライン ==
らいん == ﾗｲﾝ). Every pattern is a `Rule` carrying an example that motivated it.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

import regex
import tldextract

from ..lang.ja import clauses
from ..engine.detector import Rule, compile_pattern
from ..engine.normalize import SEP, NormalizedText, Reading
from ..lang.vocab import channel_nicknames


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|b(c|d)` -> `a`, `b(c|d)`)."""
    out, cur, depth, in_class, i = [], [], 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


# Hits reported per detector and message (a 1 MB message of "LINEで" repeated gives 32 hits, not
# 200 000). Only hits are capped, never the candidates examined (issue 9: 64 harmless 「LINE広告の
# 運用、」 before 「詳細はLINEでお伝えします」 once hid the lure): every candidate is examined at a
# bounded cost, so a message costs time linear in its length, and a detector stops once it has
# MAX_HITS hits of a kind (tests/service/test_channels_scanner.py counts the work).
MAX_HITS = 32
# An alternative that needs one of more literals than this runs unconditionally: so many `in`
# tests cost more than the regex engine's own scan for them (the bare-host URL rule has 60).
MAX_GATE_LITERALS = 16


class Scanner:
    """Many rules scanned as separate small patterns.

    Why not one alternation: a big alternation whose branches start with lookbehinds or
    character classes defeats the regex engine's literal-prefix scan (measured: 3 us/char for
    the channel rules as one alternation, 0.1 us/char as separate patterns). Why a gate per
    alternative: most alternatives cannot match most messages, and one substring test (`in` on
    the case-folded text) for a literal that every match must hold (`required_literals`) is far
    cheaper than a regex scan that fails. An alternative with no derivable literal always runs,
    so the gate changes speed, never results (tests/service/test_channels_scanner.py compares
    with `spans_unfiltered`)."""

    def __init__(self, rules: tuple[Rule, ...]):
        alternatives = [alt for rule in rules for alt in split_alternatives(rule.pattern)]
        self.patterns = tuple(compile_pattern(a) for a in alternatives)
        self.always: tuple[regex.Pattern, ...] = ()
        gates: dict[str, list[regex.Pattern]] = {}
        for pattern in self.patterns:
            literals = required_literals(pattern.pattern)
            if literals is None or len(literals) > MAX_GATE_LITERALS:
                self.always += (pattern,)
                continue
            for literal in literals:
                gates.setdefault(literal, []).append(pattern)
        # literal -> the alternatives it opens; one `in` per distinct literal, not per alternative.
        # Literals with a Latin letter are tested only when the text has one, which most Japanese
        # messages do not (one regex search saves a third of the tests on them).
        self.gates = tuple((literal, tuple(patterns)) for literal, patterns in gates.items())
        self.gates_latin = tuple(g for g in self.gates if self._LATIN.search(g[0]))
        self.gates_other = tuple(g for g in self.gates if not self._LATIN.search(g[0]))

    _LATIN = regex.compile("[a-z]")

    def _patterns(self, text: str) -> set[regex.Pattern]:
        """The alternatives that can match `text` (order is irrelevant: `spans` sorts)."""
        folded = text.casefold()
        gates = self.gates_other
        if self.gates_latin and self._LATIN.search(folded):
            gates += self.gates_latin
        return {*self.always, *(p for literal, patterns in gates if literal in folded for p in patterns)}

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match span, earliest first (the longest at a shared start)."""
        patterns = self._patterns(text)
        return _merge_spans(patterns, text) if patterns else []

    def spans_unfiltered(self, text: str) -> list[tuple[int, int]]:
        """`spans` with every alternative run: the reference the gated path must equal."""
        return _merge_spans(self.patterns, text)

    def search(self, text: str) -> bool:
        return any(p.search(text) for p in self._patterns(text))


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


# --- the literal every match of an alternative holds --------------------------------------------

_QUANT = regex.compile(r"(?:[?*+]|\{(\d*),?\d*\})[?+]?")


class _Unknown(Exception):
    """Syntax the literal reader does not handle: the alternative is then always run."""


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings at least one of which every match of `pattern` (already folded) contains, case-folded;
    None when none can be derived. Reads only literal characters that no quantifier makes optional,
    inside groups and alternations; anything unusual (flags, backreferences) gives None, which
    only costs speed."""
    try:
        req, end = _read_alternation(pattern, 0)
    except (_Unknown, IndexError):
        return None
    return req if end == len(pattern) else None


def _read_alternation(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    """Requirement of `a|b|...` from `i` to the closing parenthesis (or the end): the union of
    each branch's requirement, None if one branch has none."""
    union: set[str] = set()
    while True:
        req, i = _read_sequence(p, i)
        union = None if union is None or req is None else union | req
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return (frozenset(union) if union else None), i


def _read_sequence(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    """The most selective requirement among the mandatory items of one branch."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset({"".join(run).casefold()}))
            run.clear()

    while i < len(p) and p[i] not in "|)":
        literal, req, i = _read_item(p, i)
        quant = _QUANT.match(p, i)
        optional = False
        if quant:
            i = quant.end()
            optional = quant.group(0)[0] in "?*" or (quant.group(0)[0] == "{" and not int(quant.group(1) or 0))
        if literal is not None and not optional:
            run.append(literal)
            if quant:
                close_run()
            continue
        close_run()
        if req is not None and not optional:
            candidates.append(req)
    close_run()
    if not candidates:
        return None, i
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s))), i


def _read_item(p: str, i: int) -> tuple[str | None, frozenset[str] | None, int]:
    """One atom at `i`: (literal character or None, requirement or None, index after it)."""
    c = p[i]
    if c == "\\":
        nxt = p[i + 1]
        if nxt.isascii() and nxt.isalnum():
            return None, None, _skip_escape(p, i)
        return nxt, None, i + 2
    if c == "[":
        return None, None, _checked(p, i, _skip_class(p, i))
    if c == "(":
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            return None, None, _checked(p, i, _skip_group(p, i))
        if p.startswith(("(?:", "(?>"), i):
            start = i + 3
        elif p.startswith("(?", i):
            raise _Unknown(p[i:i + 4])
        else:
            start = i + 1
        req, j = _read_alternation(p, start)
        if p[j] != ")":
            raise _Unknown(p[i:j])
        return None, req, _checked(p, i, j + 1)
    if c in ".^$":
        return None, None, i + 1
    if c in "{}?*+]":
        raise _Unknown(c)
    return c, None, i + 1


# Escapes read as no requirement: classes, anchors and control characters (\d, \b, \n, \Z...).
_PLAIN_ESCAPES = frozenset("dDsSwWbBAZzGmMXntrfvae")
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _skip_escape(p: str, i: int) -> int:
    """Index after an escape such as \\s, \\p{Han}, \\u3000, \\x20 (all read as no requirement);
    any other (backreferences, named lists, \\x{...}) is not read."""
    kind = p[i + 1]
    if kind in _PLAIN_ESCAPES:
        return i + 2
    if kind in "pPN" and p[i + 2] == "{":
        return p.index("}", i) + 1
    width = _HEX_ESCAPES.get(kind, 0)
    digits = p[i + 2:i + 2 + width]
    if width and len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
        return i + 2 + width
    raise _Unknown(p[i:i + 3])


def _skip_class(p: str, i: int) -> int:
    """Index after a character class, nested sets (VERSION1) included."""
    depth, j = 0, i
    while True:
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and j > i + 1:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


def _checked(p: str, i: int, j: int) -> int:
    """`j`, once `p[i:j]` is confirmed to be a whole group or class (it compiles alone): a
    misread boundary must give no requirement, never a wrong one."""
    try:
        regex.compile(p[i:j], regex.VERSION1)
    except regex.error as exc:
        raise _Unknown(p[i:j]) from exc
    return j


def _skip_group(pattern: str, i: int) -> int:
    """Index after the parenthesised group (or character class) that starts at `i`."""
    if pattern[i] == "[":
        j = i + 1
        while pattern[j] != "]" or pattern[j - 1] == "\\":
            j += 1
        return j + 1
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_group(pattern, i)
            continue
        depth += (c == "(") - (c == ")")
        i += 1
        if depth == 0:
            return i
    return i


class Sentences:
    """Sentence boundaries of one message, found once; `span(pos)` bisects instead of re-reading
    the text around every candidate. Same boundaries and bound as `clauses.sentence_span`."""

    _END = regex.compile("[" + regex.escape(clauses.SENTENCE_END_CHARS) + "]")

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

    def previous(self, pos: int) -> tuple[int, int]:
        """The sentence before the one around `pos` (empty at the start of the text)."""
        start, _ = self.span(pos)
        return self.span(start - 1) if start > 0 else (0, 0)


# --- spelling helpers -------------------------------------------------------------------------

# Leetspeak and look-alike characters for the letters of channel names (L1NE, 1ine, L|NE, sk4pe).
LEET: dict[str, str] = {
    "l": "[l1|!]", "i": "[i1!l|]", "e": "[e3]", "o": "[o0]", "a": "[a4]", "s": "[s5$]",
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


# Katakana compounds that end in ライン but are not LINE (ガイドライン, オンライン, デッドライン…).
LINE_COMPOUND_HEADS = (
    "ガイド", "オン", "デッド", "ヘッド", "タイム", "アンダー", "ボーダー", "アウト", "パイプ", "イン",
    "フロント", "スカイ", "ホット", "ネック", "ヘア", "ボディ", "ウエスト", "ウェスト", "シルエット",
    "ファースト", "ベース", "ライフ", "トップ", "センター", "ゴール", "スタート", "ハイ", "ロー", "ポスト",
    "ボトム", "ブランド", "プロダクト", "サイド", "アイ", "リップ", "フェイス", "タグ", "ストーリー",
    "メイン", "サブ", "セカンド", "フロー", "デザイン", "エッジ", "ボート", "ウォーター", "ネット", "スロー",
    "ストレート", "カーブ", "ダブル", "シングル", "レッド", "ブルー", "グリーン", "ホワイト", "ブラック",
)
LINE_COMPOUND_TAILS = ("ナップ", "アップ", "ストーン", "マーカー", "引", "作業", "工", "ダンス", "ナー", "ズ", "ング")
_LINE_KATAKANA = (
    "(?<!" + "|".join(LINE_COMPOUND_HEADS) + ")"
    + spaced("ライン", leet=False)
    + "(?!" + "|".join(LINE_COMPOUND_TAILS) + ")"
)


def is_compound_line(norm: NormalizedText | Reading, start: int) -> bool:
    """Whether the katakana ライン at `start` is the tail of a compound word, read in the text as
    sent (hiragana is folded to katakana in the normalised text, so 「ぜひラインで」 would look like
    a compound there): a katakana character right before it (オフライン, ネックライン, ボディーライン)
    or a lone Latin letter (Aライン, Iライン)."""
    text = norm.text
    if text[start:start + 1] != "ラ":
        return False
    a, _ = norm.to_original(start, start + 1)
    before = norm.original[a - 1] if a > 0 else ""
    if before and _KATAKANA.match(before):
        return True
    if before.isascii() and before.isalpha():
        before2 = norm.original[a - 2] if a > 1 else ""
        return not (before2.isascii() and before2.isalpha())
    return False


# Katakana (full and half width) and the long-vowel marks, not the middle dot that separates words.
_KATAKANA = regex.compile(r"[\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f\u31f0-\u31ff]")

# LINE spelled in romaji by writers who do not type English (「raiNNでやりとり」「rainu交換」). The
# English word "rain" is common, so these count only with a verb of talking right after.
ROMAJI_RULES: tuple[Rule, ...] = (
    Rule(
        id="romaji_line",
        pattern=r"(?<![a-z])rai(?:n{1,2}u?|nn)(?![a-z])",
        examples=("raiNNでやりとりしたい",),
        reason="romaji LINE",
    ),
)
ROMAJI_TALK = compile_pattern(
    r"[ \t]{0,2}(?:\([^)\n]{0,12}\)[ \t]{0,2})?(?:で|にて|の|を)?(?:id)?[^。\n!?]{0,8}?"
    r"(?:連絡|れんらく|やり取り|やりとり|話|はなし|送|おくる|交換|追加|トーク|つなが|繋が)"
)

# メール, but not the tail of a kanji compound (招待メール, 自動返信メール) unless the compound names a
# personal address (携帯メール, 個人メール); never メールマガジン.
_MAIL = (
    r"(?:(?:携帯|個人|社用|会社|仕事用|私用|担当者?|直接|(?<![a-z])e-?)|(?<!\p{Han}))メール(?!マガ|ボックス|ソフト|配信|文面|作成)"
    r"|(?<![a-z])(?:e-?)?mail(?![a-z])|(?<![a-z])gmail(?![a-z])"
)

# --- channels ---------------------------------------------------------------------------------

CHANNEL_RULES: tuple[Rule, ...] = (
    Rule(
        id="line_every_spelling",
        pattern=ascii_word("line") + "|" + _LINE_KATAKANA
         + r"|(?<![a-z])l[〇●◯○◎□■*×・]ne(?![a-z])",
        examples=("詳細は L I N E にてご案内いたします",),
        reason="LINE in every spelling (dev-056, dev-047 らいん)",
    ),
    Rule(
        id="line_line_s_official",
        pattern=r"(?<![a-z])line\s?@(?![a-z0-9])|ライン\s?(?:@(?![a-z0-9])|アット)",
        examples=("お仕事の詳細はライン@でご案内しています",),
        reason="LINE@ / ラインアット: LINE's official accounts",
    ),
    Rule(
        id="euphemism_line",
        pattern=r"緑(?:色)?の(?:アプリ|やつ|ヤツ|sns|ツール|チャット|アイコン|吹き出し)|某緑|みどりのアプリ",
        examples=("詳しいご案内は緑のアプリでお送りしています",),
        reason="euphemism for LINE (dev-058)",
    ),
    Rule(
        id="line_open_chat",
        pattern=r"オープンチャット|オプチャ",
        examples=("オープンチャットに参加してください",),
        reason="LINE open chat",
    ),
    Rule.from_pair("icons_colours_puns_backwards", channel_nicknames(), reason="icons, colours, puns and backwards names of chat apps (lang/ja/channel_nicknames.json)"),
    Rule(
        id="dev_067",
        pattern=ascii_word("chatwork") + "|" + spaced("チャットワーク", leet=False) + "|チャトワ|チャワ(?!ン)",
        examples=("チャットワークで面談させてください",),
        reason="dev-067",
    ),
    Rule(
        id="dev_032",
        pattern=ascii_word("skype") + "|スカイプ",
        examples=("一度Skypeで30分ほどお話しできませんか",),
        reason="dev-032",
    ),
    Rule(
        id="rubric_example",
        pattern=ascii_word("zoom") + "|ズーム",
        examples=("Zoomで面談させてください",),
        reason="rubric example",
    ),
    Rule(
        id="google_meet",
        pattern=r"(?<![a-z])g(?:oogle)?" + SEP + r"{0,2}meet(?![a-z])|グーグル" + SEP + "{0,2}ミート|googleミート|gミート|ミート(?=で|にて)",
        examples=("Google Meetで打ち合わせしましょう",),
        reason="Google Meet",
    ),
    Rule(
        id="teams",
        pattern=r"(?<![a-z])(?:microsoft\s?|ms\s?)?teams(?![a-z])|チームズ",
        examples=("Teamsで打ち合わせをお願いします",),
        reason="Teams",
    ),
    Rule(
        id="dev_057",
        pattern=ascii_word("discord") + r"|ディスコード|ディスコ(?=で|に|の(?:サーバ|id))",
        examples=("Telegramが難しければDiscordでもOKです",),
        reason="dev-057",
    ),
    Rule(
        id="dev_057_2",
        pattern=ascii_word("telegram") + r"|テレグラム|テレグラ",
        examples=("Telegramでやり取りしています",),
        reason="dev-057",
    ),
    Rule(
        id="slack",
        pattern=ascii_word("slack") + r"|スラック",
        examples=("Slackでやり取りしましょう",),
        reason="Slack",
    ),
    Rule(
        id="messenger",
        pattern=r"(?<![a-z])(?:facebook\s?)?messenger(?![a-z])|メッセンジャー|(?<![a-z])(?:facebook|fb)(?![a-z])|フェイスブック",
        examples=("Messengerでご連絡ください",),
        reason="Messenger",
    ),
    Rule(
        id="dev_060",
        pattern=r"(?<![a-z])insta(?:gram)?(?![a-z])|インスタ(?:グラム)?",
        examples=("詳細はInstagramのDMでお送りします",),
        reason="dev-060",
    ),
    Rule(
        id="x_twitter_dm",
        pattern=r"(?<![a-z])twitter(?![a-z])|ツイッター|(?<![a-z])x\s?\(旧\s?twitter\)|青い鳥|エックス(?=の?dm|で|に)",
        examples=("X(旧Twitter)のDMにご連絡ください",),
        reason="X / Twitter DM",
    ),
    Rule(
        id="other_messengers",
        pattern=r"(?<![a-z])(?:whats\s?app|wechat|kakao\s?talk|kakao|signal|viber)(?![a-z])|ワッツアップ|ウィーチャット|カカオトーク"
         r"|カカオ(?=で|に|の?id)|シグナル(?=アプリ)",
        examples=("WhatsAppでやり取りしましょう",),
        reason="other messengers",
    ),
    Rule(
        id="dev_060_m3",
        pattern=r"(?<![a-z])dm(?![a-z])|ダイレクトメッセージ",
        examples=("DMでしかご案内していません",),
        reason="dev-060 m3",
    ),
    Rule(
        id="e_mail",
        pattern=_MAIL,
        examples=("資料一式はメールでお送りします",),
        reason="e-mail (dev-028, dev-066)",
    ),
    Rule(
        id="phone_call_sms",
        pattern=r"(?:お)?電話(?!番号|帳|対応|営業|代行|受付|オペレーター)|通話|(?<![a-z])(?:tel|sms)(?![a-z])|ショートメ(?:ール|ッセージ)?",
        examples=("一度お電話でお話しできればと思います",),
        reason="phone call / SMS (dev-059)",
    ),
    Rule(
        id="mobile_phone_place_reached",
        pattern=r"(?:携帯|ケータイ|スマホ)(?=(?:の方)?(?:に|へ|まで))",
        examples=("急ぎの件は携帯にご連絡ください",),
        reason="the mobile phone as the place to be reached",
    ),
    Rule(
        id="english_verbs_are_themselves",
        pattern=r"(?<![a-z])(?:call|phone|text|e-?mail|whats\s?app|ping)(?=\s(?:me|us)(?![a-z]))",
        examples=("please call me tonight",),
        lang="en",
        reason="English verbs that are themselves a channel (call me, email me)",
    ),
    Rule(
        id="outside_general",
        pattern=r"外部(?:の)?(?:ツール|アプリ|チャット|sns|サービス|連絡先)?|チャットツール|(?<![a-z])sns(?![a-z])"
         r"|(?:別|他|ほか)の(?:連絡手段|連絡方法|連絡ツール|ツール|アプリ|チャット|sns)"
         r"|(?:サイト|ここ|こちら|クラウドワークス|このサイト)(?:の)?(?:外|以外)",
        examples=("こっちじゃ無理なんです〜、外部でお願いします",),
        reason="'outside' in general (dev-055 m4)",
    ),
)

# Proposals that need no frame: 友だち追加 is LINE's own verb (dev-058 m3).
STANDALONE_RULES: tuple[Rule, ...] = (
    Rule(
        id="line_s_add_friend",
        pattern=r"友(?:だち|達)(?:追加|登録|申請)|フレンド(?:追加|申請)",
        examples=("友だち追加だけでもお願いします",),
        reason="LINE's add-friend, alone a proposal (dev-058)",
    ),
)

# Talking "directly" or "one to one" names no tool but is the same move: out of the platform's sight
# (「細かい話は直接やり取りしたい」「個別に連絡を取らせてください」). Only with a proposal right after
# (DIRECT_PROPOSAL): 「直接ご連絡いただきありがとうございます」 is thanks for a message sent here.
MANNER_RULES: tuple[Rule, ...] = (
    Rule(
        id="direct_one_one_contact",
        pattern=r"(?:直接|ちょくせつ|じかに|個別に?|個人的に)(?:で|に|の)?(?:ご|お)?"
         r"(?:やり取り|やりとり|連絡|話|電話|相談|メッセージ|コンタクト|つなが|繋が)",
        examples=("細かい条件は個別に連絡を取らせてください",),
        reason="direct / one-to-one contact with no tool named",
    ),
)
DIRECT_PROPOSAL = compile_pattern(
    r"[^。\n!?、]{0,14}?(?:たい|たく|させて|らせて|しましょう|しませんか|ましょう|ませんか|ください|下さい|お願い|"
    r"いただけ(?:ます|ません)か|頂け(?:ます|ません)か|できれば|できますか|希望|の方が|のほうが)"
)
# Where the conversation stays on the platform (「クラウドワークス上で直接やり取り」「こちらで直接」).
ON_PLATFORM = compile_pattern(r"クラウドワークス|(?<![a-z])crowd\s?works|(?<![a-z])cw(?![a-z])|こちら|ここ|この(?:メッセージ|サイト|場)|"
                              r"サイト(?:上|内)|メッセージ機能|プラットフォーム")

# A channel right before these is the subject of the work (LINEスタンプ制作, Zoomの使い方マニュアル).
WORK_SUBJECT = (
    r"(?:[^。\n、]{0,8}?(?:使い方|見方|操作方法|マニュアル|説明書|解説|手順書)"
    r"|(?:の|用の?|向けの?|上の)?(?:公式アカウント|公式)?(?:の)?"
    r"(?:スタンプ|運用|代行|制作|作成|構築|開発|設定|導入|使い方|見方|操作|マニュアル|広告|集客|マーケ|配信|"
    r"投稿|記事|画像|バナー|リッチメニュー|クリエイター|creators|api|bot|ボット|連携|分析|フォロワー|"
    r"いいね|録画|収録|セミナー|ウェビナー|講座|ライブ|ストーリーズ|リール|プロフィール|ハッシュタグ|キャプション|"
    r"マガジン|返信対応|対応業務|営業|オペレーター|スクリプト))"
)

# Frame A: channel + で/にて… + a verb of talking within a few characters.
_CONNECT = r"(?:" + SEP + r"|[\p{So}\p{Sk}!?~」』\)】])" + "{0,4}"
_SUFFIX = r"(?:の?(?:公式)?(?:アカウント|id|グループ|オープンチャット|サーバー?|ルーム|チャット|アプリ|通話|ビデオ通話|dm|メッセージ))?"
_TALK = (
    r"連絡|やり取り|やりとり|話|面談|面接|打ち合わせ|打合せ|ミーティング|mtg|会議|通話|相談|案内|伝え|送|説明|"
    r"つなが|繋が|交換|質問|返信|受け付け|受付|進め|続き|メッセージ|dm|チャット|コンタクト|お願い|頼|ok|オーケー|"
    r"大丈夫|可能|構いません|かまいません|問題ありません|いかが|どう|詳し|詳細|教え|お知らせ|共有|実施|"
    r"顔合わせ|面会|会話|挨拶|画面共有|カメラ|招待|追加|登録|参加|フォロー|つきやす|取りやす|とりやす|"
    # what happens in the channel: jobs posted there, the user searched for, replies awaited
    # (「オープンチャットで先に流しています」「インスタで…って検索してください」「DMで待ってます」)
    r"流し|流れ|紹介|検索|待っ"
)
# Why a channel is better (「ラインの方が連絡つきやすい」「LINEなら早いです」): a proposal even
# without a request verb.
_BETTER = r"つきやす|取りやす|とりやす|早|速|便利|楽|スムーズ|確実|手軽|気軽|すぐ|助か|ありがた"
# Verbs too general to reach far: only right after the particle (「LINEでさせていただきます」).
_GENERIC = r"させて|しております|しています|いたします|いただ|頂|します|しましょう|しませんか|やりましょう|やりませんか"
FRAME_AFTER = compile_pattern(
    _CONNECT + _SUFFIX + _CONNECT
    + r"(?:(?:で|にて|でも|での|から|経由|上で|を(?:通じ|使っ|利用し)て|使って)"
    + r"(?:[^。\n]{0,20}?(?:" + _TALK + r")|[^。\n]{0,2}?(?:" + _GENERIC + r"))"
    + r"|(?:の)?(?:方|ほう)(?:が|で|に|を)[^。\n!?]{0,14}?(?:" + _TALK + "|" + _BETTER + r")"
    + r"|(?:だと|なら|であれば|でしたら|の方が)[^。\n!?]{0,12}?(?:" + _TALK + "|" + _BETTER + r")"
    + r"|(?:を|は)[^。\n!?]{0,4}?(?:教え|お知らせ|交換|共有)"
    + r"|(?:に|へ)[^。\n]{0,6}?(?:招待|追加|登録|参加|連絡|送|移行|移動|切り替|切替|入って|来て|dm|メッセージ|返信|"
    + r"電話|sms|ショートメ|かけ|"
    + r"問い合わせ|コンタクト|申請|フォロー)"
    + r"|(?:を|の)?(?:交換|友(?:だち|達)?追加|追加|招待|申請|フォロー|登録)"
    + r"|(?:を|で)?(?:通話|面談|面接|会議|ミーティング|mtg|打ち合わせ|相談)"
    + r"|(?:を)?(?:ください|下さい|いただ|頂|ちょうだい|お願い|させて|いたします|しましょう|しませんか|できますか|できれば|可能)"
    + r"|[^。\n]{0,12}?(?:参加|招待|入って|登録)(?:しませんか|しましょう|してください|して下さい|ください|お願い|いただけ|頂け))"
)
# The tool is where the work is done for the client's own customers (「Instagramアカウントで、お客様
# から届くDMへの返信代行」「LINE公式の顧客対応」): read in the proposal frame and a few characters after it.
WORK_IN_TOOL = compile_pattern(
    r"お客様|お客さま|顧客|ユーザー様|フォロワー|利用者|購入者|会員様|代行|運用|返信対応|顧客対応|管理業務|投稿作業|"
    r"対応業務|の(?:制作|開発|管理|投稿)"
)
WORK_IN_TOOL_AFTER = compile_pattern(r"(?:代行|対応|業務|作業|運用|担当|テンプレ|例文|管理)")

# An identifier handed over in the same message makes a channel named anywhere in it a proposal: the
# ID is there to be used (「rain (=LINE) です。ID送ります: cn_trans_88」「T e l e g r a m → @cryptowrite_jp」).
ID_GIVEN = compile_pattern(
    r"(?<!案件|仕事|注文|商品|会員|取引|応募|ジョブ|job|管理|社員|予約|ログイン|問い合わせ|動画|記事|契約|タスク|プロジェクト)"
    r"(?<![a-z])(?:id|アイディー?)(?![a-z])[^。\n!?]{0,8}?"
    r"(?:送り|送っ|お送り|教え|伝え|はこちら|こちら|:|→|👉|👇|↓|⇒|は[ \t\u3000]{0,2}[a-z0-9_.\-]{3})"
    r"|[→👉⇒:][ \t\u3000]{0,3}@[a-z0-9_.]{3,30}"
)
# 「追加したらスタンプ送ってください」「検索して申請してね」 after an ID: the add/search request that
# takes the conversation to wherever the ID lives.
ADD_REQUEST = compile_pattern(
    r"(?:追加|検索|申請|フォロー)(?:して|したら|しましたら|後|のうえ|の上|を)?[^。\n]{0,16}?"
    r"(?:ください|下さい|お願い|ね(?![a-z])|ましょう|待って)"
)

# Contact details that live outside the thread: 「プロフに書いてある連絡先へ」「概要欄記載のアドレスまで」.
PROFILE_CONTACT_RULES: tuple[Rule, ...] = (
    Rule(
        id="contact_details_outside_thread",
        pattern=r"(?:プロフ(?:ィール)?|概要欄|名刺|(?<![a-z])(?:hp|bio)(?![a-z])|ホームページ|自己紹介|固定ツイート)(?:欄)?(?:に|で)?"
         r"(?:書いて(?:ある|あります|る|います)|記載(?:の|して(?:ある|います|おります)|されている)|載って(?:いる|る|います)|"
         r"貼って(?:ある|います))(?:の)?(?:連絡先|アドレス|メアド|番号|電話番号|id|アカウント|リンク)"
         r"|(?:プロフ(?:ィール)?|概要欄|名刺)(?:欄)?(?:の|記載の)(?:連絡先|メアド|メールアドレス|電話番号)",
        examples=("詳しい条件はプロフに書いてある連絡先へお願いします",),
        reason="contact details outside the thread",
    ),
)
# "Here" is not the place (「ここだと規約的にあれなので」「ここでは詳しく書けないので」): a risk with a
# move in the same message (a channel, 「別のところで」).
HERE_UNSUITABLE_RULES: tuple[Rule, ...] = (
    Rule(
        id="here_not_suitable",
        pattern=r"(?:ここ|こちら|このサイト|この場|このメッセージ)(?:だと|では|じゃ|で(?:は)?)[^。\n]{0,10}?"
         r"(?:規約|書けな|話せな|言えな|伝えられな|送れな|無理|あれ(?:なので|だから|なんで)|まずい|厳しい|詳しく(?:は)?(?:ちょっと|できな))",
        examples=("ここだと規約的にあれなので",),
        reason="'here' is not suitable",
    ),
)
# A move to somewhere else with no name (「別のところで話しましょう」「他の場所で連絡させて」).
MOVE_ELSEWHERE_RULES: tuple[Rule, ...] = (
    Rule(
        id="move_elsewhere_no_tool",
        pattern=r"(?:別|他|ほか)の(?:ところ|とこ|場所|所|場|方法|手段|ルート)(?:で|に|へ|から|を通じて)[^。\n!?]{0,10}?"
         r"(?:話|連絡|送|やり取り|やりとり|相談|続き|詳細|詳し)"
         r"|(?:外|そと)で(?:話|連絡|やり取り|やりとり|続き)",
        examples=("別のところで話しましょう",),
        reason="a move elsewhere with no tool named",
    ),
)
# 「そっちに送ってください」 after a channel was named: the channel by pointing. Casual deictics only
# (そちら is also a polite "you").
THERE_RULES: tuple[Rule, ...] = (
    Rule(
        id="over_there_send_contact",
        pattern=r"(?:そっち|あっち|向こう)(?:の方|のほう)?(?:に|へ|で|から|まで)[^。\n!?]{0,8}?"
         r"(?:送|連絡|メッセージ|dm|返信|やり取り|やりとり|話|追加)",
        examples=("そっちに送ってください",),
        reason="'over there' with a send/contact verb",
    ),
)
# A concession that pushes the move (「契約前に一度だけでいいので」「今回だけでいいから」): part of a
# move found in the same message, never a risk alone.
CONCESSION_RULES: tuple[Rule, ...] = (
    Rule(
        id="just_once_pushing_move",
        pattern=r"(?:契約前に?|今回|今だけ|一度|1回|一回|ちょっと|少し)(?:だけ|のみ)?(?:で|でも)(?:いい|良い|よい|構わない|かまわない|ok)"
         r"(?:ので|から|です|んで)?",
        examples=("じゃあ契約前に一度だけでいいので！",),
        reason="'just this once' pushing a move",
    ),
)
# Casual asks the shared request cues do not hold (「送ってもらえますか」「返信くれる?」).
CASUAL_ASK = compile_pattern(r"もらえ|もらい|くれ(?:ます|ない|る)|ちょうだい|ますか|ですか|[?？]")

# The writer quotes the rules or reports what others asked (「規約でLINE交換は禁止ですよね？」
# 「外部ツールへの移動を求められて困った」): checking or complaining, not proposing.
RULE_QUESTION = compile_pattern(
    r"(?:規約|禁止|ルール|違反|ng(?![a-z]))[^。\n]{0,20}?(?:ですよね|ますよね|でしょうか|ですか|ますか|だよね|よね)"
)
PAST_REPORT = compile_pattern(
    r"(?:求め|言わ|誘わ|頼ま|持ちかけ|勧め|すすめ|促さ|要求さ|指示さ)(?:られ|れ)(?:て|た)"
    r"|(?:困った|困って|怖かった|トラブルになった)"
)

# Frame D: a talking noun before the channel, the channel ending its phrase (「面談をChatworkで実施」
# 「ご説明は公式LINEでさせていただいております」「連絡は電話で！」).
# Patterns that end at \Z are read backwards (`(?r)`): a match must end where the window ends, so
# a reverse search tries one place instead of every place of the window (ten times faster on a
# flood of candidates, and the same answer: these are only asked whether they match).
FRAME_BEFORE = compile_pattern(
    r"(?r)(?:連絡|やり取り|やりとり|案内|面談|面接|打ち合わせ|説明|相談|話|詳細|続き|問い合わせ|質問|mtg|ミーティング)"
    r"(?:は|を|も|について|については|に関しては)?[^。\n]{0,8}\Z"
)
FRAME_BEFORE_TAIL = compile_pattern(_CONNECT + _SUFFIX + _CONNECT + r"(?:で|にて|から|経由)")

# The writer does not want the channel (「電話で話すのは苦手なので」「Zoomだと難しいです」): read
# from the channel to the end of its clause, a dislike the shared negation cues do not cover.
DISLIKE = compile_pattern(r"[^。\n!?、]{0,20}?(?:苦手|難し|むずかし|無理|厳し|不安|怖|こわ|抵抗が)")

# English proposals: the verb comes before the channel (「let's move to Telegram」「add me on
# WhatsApp」「join our Discord」) or a pronoun right after it (「WhatsApp me」).
EN_BEFORE = compile_pattern(
    r"(?r)(?<![a-z])(?:(?:move|moving|switch|switching|continue|continuing|talk|chat|chatting|contact|reach|message|add|"
    r"join|dm|text|ping|find|follow|connect|hit|talk)(?:\s(?:me|us))?(?:\s(?:up|out|directly|there|more|further))?"
    r"\s(?:on|via|over|to|through|in|at|using|with)|use|using|download|install|join)\s(?:our\s|my\s|the\s)?\Z"
)
EN_AFTER = compile_pattern(
    r"\s(?:me|us)(?![a-z])|\s(?:is|would be|will be|works)\s(?:much\s)?(?:faster|easier|better|quicker|more convenient)"
)
# English: the channel as an adjective of a call or meeting (「can we have a quick Google Meet call」),
# in a question or proposal.
EN_CALL_AFTER = compile_pattern(
    r"[ \t]{0,2}(?:video[ \t]|voice[ \t]|audio[ \t]|quick[ \t])?(?:call|chat|meeting|session|talk|conversation|interview|meet)s?(?![a-z])"
)
# ...but not a call that already happened or is the material (「transcribe the Zoom meeting」
# 「the Zoom call recording」).
EN_CALL_DESCRIBED_BEFORE = compile_pattern(
    r"(?r)(?<![a-z])(?:the|this|that|these|those|recorded|previous|last|past|from|of)[ \t]{1,2}(?:[a-z]+[ \t]{1,2})?\Z"
)
EN_CALL_DESCRIBED_AFTER = compile_pattern(r"[ \t]{0,2}(?:recording|transcript|notes|video|minutes|summary|file|log)s?(?![a-z])")
EN_PROPOSAL = compile_pattern(
    r"(?<![a-z])(?:can|could|shall|would|will|let's|lets|let us|how about|please|want to|like to|prefer|need to|invite)(?![a-z])|\?"
)
# English refusals in the channel's sentence (「we don't use WhatsApp」「please do not contact me on LINE」).
EN_NEGATION = compile_pattern(r"(?<![a-z])(?:don't|dont|do not|never|not allowed|cannot|can't|won't|no need|isn't|instead of|rather than)(?![a-z])")

FRAME_RULES: tuple[Rule, ...] = (
    Rule(
        id="channel_talking_verb",
        pattern=FRAME_AFTER.pattern,
        examples=("でお伝えします",),
        reason="channel + で + talking verb",
    ),
)

# --- hosts ------------------------------------------------------------------------------------

PLATFORM_DOMAINS = frozenset({"crowdworks.jp", "crowdworks.co.jp"})
# Chat-tool invites and profiles: contact_details (rubric edge case).
INVITE_HOSTS = frozenset({
    "line.me", "lin.ee", "liff.line.me", "page.line.me", "chatwork.com", "www.chatwork.com",
    "discord.gg", "discord.com", "discordapp.com", "t.me", "telegram.me", "telegram.dog",
    "join.slack.com", "join.skype.com", "wa.me", "chat.whatsapp.com", "m.me",
    "instagram.com", "www.instagram.com", "twitter.com", "x.com", "www.facebook.com", "facebook.com",
})
INVITE_DOMAINS = frozenset({"slack.com", "skype.com"})
# Meeting links: off_platform_contact before a contract.
MEETING_HOSTS = frozenset({"meet.google.com", "teams.microsoft.com", "teams.live.com", "whereby.com"})
MEETING_DOMAINS = frozenset({"zoom.us", "zoom.com"})
FORM_HOSTS = frozenset({
    "forms.gle", "forms.office.com", "form.run", "tayori.com", "jotform.com", "form.jotform.com",
    "typeform.com", "formzu.net", "ws.formzu.net", "questant.jp",
})
SHORTENER_HOSTS = frozenset({
    "bit.ly", "tinyurl.com", "t.co", "is.gd", "ow.ly", "x.gd", "cutt.ly", "rebrand.ly", "goo.gl",
    "buff.ly", "shorturl.at", "t.ly", "v.gd", "amzn.to", "urx.red", "00m.in", "onl.sc",
})
APP_STORE_HOSTS = frozenset({"apps.apple.com", "play.google.com", "testflight.apple.com"})

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# A URL: with a scheme or www., or a bare host with a path on a known host (lin.ee/xxx, bit.ly/xxx).
_URL_CHARS = r"[a-z0-9\-._~:/?#\[\]@!$&'*+,;=%]"
_BARE_HOSTS = sorted(INVITE_HOSTS | MEETING_HOSTS | MEETING_DOMAINS | FORM_HOSTS | SHORTENER_HOSTS
                     | APP_STORE_HOSTS | {"docs.google.com"}, key=len, reverse=True)
URL_RULES: tuple[Rule, ...] = (
    Rule(
        id="any_url",
        pattern=r"(?<![a-z0-9@])(?:https?://|www\.)" + _URL_CHARS + "{1,2000}+",
        examples=("こちらから友だち追加をお願いします→ https://lin.ee/Sm1LeWk",),
        reason="any URL",
    ),
    Rule(
        id="known_host_without_scheme",
        pattern=r"(?<![a-z0-9.@/-])(?:" + "|".join(regex.escape(h) for h in _BARE_HOSTS) + r")/" + _URL_CHARS + "{0,2000}+",
        examples=("lin.ee/Hp9vRt3 から追加してください",),
        reason="known host without a scheme",
    ),
)
_URL = Scanner(URL_RULES)
_TRAILING = ".,;:!?)]'"


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of every URL in the normalised text, trailing punctuation dropped."""
    out = []
    for start, end in _URL.spans(text):
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        out.append((start, end, text[start:end]))
    return out


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
    """platform | invite | meeting | form | shortener | app_store | other."""
    host, domain = host_of(url)
    path = url.split(host, 1)[-1] if host else ""
    if domain in PLATFORM_DOMAINS:
        return "platform"
    if host in MEETING_HOSTS or domain in MEETING_DOMAINS:
        return "meeting"
    if host in INVITE_HOSTS or domain in INVITE_DOMAINS or host.endswith(".slack.com"):
        return "invite"
    if host in FORM_HOSTS or domain in FORM_HOSTS or (host == "docs.google.com" and path.startswith("/forms")):
        return "form"
    if host in SHORTENER_HOSTS:
        return "shortener"
    if host in APP_STORE_HOSTS:
        return "app_store"
    return "other"


# --- after the contract -----------------------------------------------------------------------

# An outside group/official account/service the work does not need, offered for more jobs, side
# income or points, or joining outside as a condition of being accepted or paid (RUBRIC.md).
SURVIVES_RULES: tuple[Rule, ...] = (
    Rule(
        id="invitation_more_jobs_income",
        pattern=r"(?:グループ|オープンチャット|オプチャ|コミュニティ|サロン|公式アカウント|公式line|公式ライン|メルマガ|会員)"
         r"[^。\n]{0,40}?(?:案件|お仕事の?(?:紹介|案内)|仕事の?(?:紹介|案内)|副業|稼|収入|ポイント|特典|限定|高単価|投資|情報)"
         r"|(?:案件|お仕事の?紹介|副業|稼|収入|ポイント|特典|高単価|投資)[^。\n]{0,40}?"
         r"(?:グループ|オープンチャット|オプチャ|コミュニティ|サロン|公式アカウント|公式line|公式ライン|会員)",
        examples=("他の高単価案件も紹介しているグループがあるので参加しませんか",),
        reason="invitation for more jobs / income",
    ),
    Rule(
        id="joining_outside_condition_pay",
        pattern=r"(?:登録|参加|追加|インストール|ダウンロード)(?:して(?:いただか|もらわ)?|いただか|し)?"
         r"(?:ないと|なければ|なくては|ない場合)[^。\n]{0,20}?(?:報酬|支払|お支払い|採用|合格|納品|作業|契約|検収)"
         r"|(?:報酬|支払|お支払い|採用|合格|検収)[^。\n]{0,20}?(?:登録|参加|追加)[^。\n]{0,10}?(?:が)?(?:条件|必須|必要)",
        examples=("登録していただかないと報酬をお支払いできません",),
        reason="joining outside as a condition of pay",
    ),
)
_SURVIVES = Scanner(SURVIVES_RULES)


def survives_contract(text: str) -> bool:
    """Whether a post-contract contact hit stays a risk (rubric: outside invitation the work does
    not need, or joining outside as a condition of acceptance or pay)."""
    return _SURVIVES.search(text)
