"""The literal gate of `_channels.Scanner` changes speed, never results: the gated `spans` and
`search` equal running every alternative (`spans_unfiltered`), and every match of a gated
alternative holds one of its required literals. And the vocabulary the contact detectors read
(lang/common/channels.json, sites.json, lang/*/channel_talk.json, lang/*/site_talk.json) is well
formed and all of it is read."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwguard.detectors import _channels as ch
from cwguard.detectors import _samples as samples
from cwguard.detectors import contact_details, external_site, off_platform_contact
from cwguard.engine.detector import Rule, compile_pattern
from cwguard.engine.literals import (
    LITERALS,
    Gate,
    GatedPattern,
    GateIndex,
    LiteralIndex,
    QuietSources,
    branches_of,
    required_clauses,
    required_literals,
)
from cwguard.engine.normalize import normalize
from cwguard.lang import vocab
from cwguard.lang.ja import follow_ups

_MODULES = ("cwguard.detectors._channels", "cwguard.detectors.off_platform_contact",
            "cwguard.detectors.contact_details", "cwguard.detectors.external_site")
SCANNERS = [(f"{mod}.{name}", obj) for mod in _MODULES for name, obj in vars(sys.modules[mod]).items()
            if isinstance(obj, ch.Scanner)]

# Pieces the texts are built from: channel names in many spellings, obfuscations, URLs, IDs,
# registration and lure wording, emoji, and free noise.
FRAGMENTS = (
    "LINE", "line", "Ｌ Ｉ Ｎ Ｅ", "L1NE", "l|ne", "L🌟I🌟N🌟E", "ライン", "らいん", "ﾗｲﾝ", "ラ◯イ◯ン", "L〇NE",
    "ガイドライン", "オンライン", "ライン@", "line@", "緑のアプリ", "オプチャ", "チャットワーク", "chatwork", "c h a t w o r k",
    "チャワ", "Skype", "sk4pe", "スカイプ", "Zoom", "z00m", "ズーム", "Google Meet", "gミート", "Teams", "チームズ",
    "Discord", "ディスコで", "Telegram", "T e l e g r a m", "テレグラ", "Slack", "Messenger", "fb", "Instagram",
    "インスタ", "X(旧Twitter)", "エックスで", "WhatsApp", "WeChat", "カカオで", "DM", "メール", "gmail", "e-mail",
    "電話", "お電話", "tel", "SMS", "ショートメール", "携帯に", "call me", "email us", "外部", "サイト外", "別のツール",
    "友だち追加", "フレンド申請", "直接やり取り", "個別に連絡", "raiNN", "rainu", "プロフに書いてある連絡先",
    "別のところで話", "そっちに送って", "ここだと規約的にあれなので", "一度だけでいいので",
    "https://lin.ee/Sm1LeWk", "lin.ee/Hp9vRt3", "www.example.com/x", "https://us02web.zoom.us/j/812", "bit.ly/abc",
    "ID送ります: cn_trans_88", "@cryptowrite_jp", "taro_88 で検索", "QRコード", "test@example.com", "090-1234-5678",
    "弊社サイトから応募", "専用フォーム", "googleフォームから", "アプリをダウンロード", "会員登録", "アカウント作成",
    "高単価案件のグループ", "登録しないと報酬", "🌟", "👉", "→", "😊", "✉️", "。", "、", "\n", " ", "!", "?",
    "でお願いします", "で話しましょう", "に招待します", "を交換しませんか", "Straße", "ß", "K", "ſ", "İ",
)
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=14).map("".join)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_scanners_found():
    names = {name.rsplit(".", 1)[-1] for name, _ in SCANNERS}
    assert {"_CHANNEL", "_URL", "_IDENTIFIERS", "_LURE"} <= names
    # the gate is in use: most alternatives have a literal
    gated = sum(sum(gate.literals is not None for gate in s.index.gates) for _, s in SCANNERS)
    assert gated > 0.9 * sum(len(s.patterns) for _, s in SCANNERS)


@FUZZ
@given(TEXTS, st.booleans())
def test_gated_spans_equal_unfiltered(raw, normalised):
    text = normalize(raw).text if normalised else raw
    for name, scanner in SCANNERS:
        expected = scanner.spans_unfiltered(text)
        assert scanner.spans(text) == expected, name
        assert scanner.search(text) == any(p.search(text) for p in scanner.patterns), name


GATED = {p: gate.clauses for _, s in SCANNERS for p, gate in zip(s.patterns, s.index.gates, strict=True)
         if gate.literals is not None}


@FUZZ
@given(TEXTS)
def test_every_match_holds_a_required_literal(raw):
    """Each requirement the gate reads from a pattern (one string of each set) is in every match."""
    text = normalize(raw).text
    folded = text.casefold()
    for pattern, clauses in GATED.items():
        for m in pattern.finditer(text):
            for literals in clauses:
                assert any(lit in m.group().casefold() for lit in literals), (pattern.pattern, m.group())
                assert any(lit in folded for lit in literals)


def corpus_messages() -> list[str]:
    data = Path(__file__).parent / "data"
    return [m["text"] for name in ("dev", "holdout", "holdout2") for line in (data / f"{name}.jsonl").open()
            if line.strip() for m in json.loads(line)["messages"]]


def training_messages() -> list[str]:
    train = Path(__file__).parents[2] / "corpus" / "train"
    return [m["text"] for path in sorted(train.glob("*.jsonl")) for line in path.open(encoding="utf-8")
            if line.strip() for m in json.loads(line)["messages"]]


def test_gated_spans_equal_unfiltered_on_the_corpus():
    messages = corpus_messages()
    assert len(messages) > 300
    hits = 0
    for raw in messages:
        text = normalize(raw).text
        for name, scanner in SCANNERS:
            expected = scanner.spans_unfiltered(text)
            assert scanner.spans(text) == expected, (name, raw)
            hits += len(expected)
    assert hits > 100  # the corpus exercises the scanners, not only their empty case


def test_case_insensitive_matches_contain_the_casefolded_literal():
    """The gate tests literals against `text.casefold()`: every character the IGNORECASE patterns
    equate with a literal character must case-fold to something holding it (K -> k, ſ -> s)."""
    every_char = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    chars = {c for _, s in SCANNERS for literal in s.index.literals for c in literal}
    for c in chars:
        for m in regex.finditer(regex.escape(c), every_char, regex.IGNORECASE | regex.VERSION1):
            assert c.casefold() in m.group().casefold(), (c, m.group())


@pytest.mark.parametrize(("pattern", "expected"), [
    ("abc", {"abc"}),
    ("ab?c", {"a"}),                      # b optional: the run stops before it
    ("a*bcd", {"bcd"}),
    ("x{0,2}yz", {"yz"}),
    ("x{2}yzw?", {"yz"}),                 # x quantified closes its run; w optional
    ("(?:foo|ba)r", {"foo", "ba"}),
    ("(?:foo|ba)?r", {"r"}),
    ("(?:foo|[a-z])r", {"r"}),            # one branch without a literal: the group requires nothing
    ("(?<!ab)cd(?=ef)", {"cd"}),          # lookarounds are not part of the match
    (r"\p{Han}メール", {"メール"}),
    (r"a\.b", {"a.b"}),
    ("[abc]+", {"a", "b", "c"}),          # a plain class: one of its characters
    ("[a-c]x", {"x"}),                    # a range is not read
    ("[^ab]c", {"c"}),                    # nor a negated class
    ("(?i:abc)", None),                   # inline flags: not read, always run
    (r"(a)\1", None),                     # backreference: not read
    (r"\pLab", None),                     # \p without braces: not read (never "Lab")
    (r"\x{41}bc", None),
    (r"\u3000ab\s?c", {"ab"}),
    ("a|[0-9]", None),
])
def test_required_literals(pattern, expected):
    got = required_literals(pattern)
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    ("ab[0-9]cde", [{"cde"}, {"ab"}]),                  # every mandatory run, the longest first
    ("(?:de|にて)(?:会議室|カフェ)", [{"会議室", "カフェ"}, {"de", "にて"}]),
    ("(?:x(?:ab|cd)y)", [{"ab", "cd"}, {"x"}, {"y"}]),  # a one-branch group keeps all of its own
    ("(?:ab|cd)?ef", [{"ef"}]),                          # an optional group requires nothing
    ("ab|cde", [{"ab", "cde"}]),                         # several branches: one requirement
    ("(?:[*●]ab|cd[*●]e)", [{"ab", "cd"}, {"*", "●"}]),  # ...and what every branch shares (a mask)
    ("(?:abc|[0-9])de", [{"de"}]),
    ("[abc]+", [{"a", "b", "c"}]),
])
def test_required_clauses(pattern, expected):
    got = required_clauses(pattern)
    assert (None if got is None else [set(c) for c in got]) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    ("a|b(c|d)", ["a", "b(c|d)"]),
    ("(?P<s>ab|cd)", ["ab", "cd"]),                      # the one group the pattern is
    ("(?<![a-z])(?:ab|cd)(?!x)", ["ab", "cd"]),          # assertions beside it are zero-width
    ("(?P<s>ab|cd)e", ["(?P<s>ab|cd)e"]),                # an item after the group: one branch
    ("(?:ab|cd)?", ["(?:ab|cd)?"]),                      # an optional group: one branch
    ("(?i:ab|cd)", ["(?i:ab|cd)"]),                      # inline flags: not read
])
def test_a_rule_is_gated_branch_by_branch(pattern, expected):
    """`branches_of`: each branch of a rule gets its own gate (detectors/_cues.Trigger)."""
    assert branches_of(pattern) == expected


def test_a_gate_opens_only_when_every_requirement_is_met():
    gate = Gate("(?:de|にて)(?:会議室|カフェ)")
    assert gate.opens("カフェにて")
    assert not gate.opens("カフェで")            # a place word, but neither 「de」 nor 「にて」
    assert not gate.opens("駅にて")
    assert Gate("[a-z]+").opens("anything")      # nothing derivable: always open


def test_gate_skips_alternatives_without_their_literal():
    scanner = ch.Scanner((Rule(id="chatwork_or_skype", pattern="チャットワーク|スカイプ", examples=("スカイプ",)),))
    assert scanner.candidates("スカイプで") == [scanner.patterns[1]]
    assert scanner.candidates("こんにちは") == []


def test_every_candidate_is_returned():
    """Issue 9: the scanner once returned at most 64 spans a pattern, so decoys hid a lure after
    them; the detectors now cap the hits they report, never the candidates."""
    scanner = ch.Scanner((Rule(id="line", pattern="line", examples=("line",)),))
    text = "line " * 5000
    assert len(scanner.spans(text)) == len(scanner.spans_unfiltered(text)) == 5000
    assert not hasattr(ch, "MAX_CANDIDATES")


# --- the vocabulary of the contact detectors ------------------------------------------------------

VOCABULARY = [("common", "channels"), ("common", "sites"), ("ja", "channel_talk"), ("en", "channel_talk"),
              ("ja", "site_talk"), ("en", "site_talk")]
READERS = "\n".join(Path(m.__file__).read_text(encoding="utf-8")
                     for m in (ch, samples, off_platform_contact, contact_details, external_site, follow_ups))


@pytest.mark.parametrize(("lang", "name"), VOCABULARY, ids=lambda v: v)
def test_every_vocabulary_group_has_a_reason_words_and_a_reader(lang, name):
    groups = vocab.groups(lang, name)
    assert groups
    for group in groups:
        entry = vocab.group(lang, name, group)  # a reason and words, or VocabularyError
        terms = entry.get("terms", [])
        assert len(terms) == len(set(terms)), (name, group, "a term twice")
        # written as the normalised text reads them: lower case (hosts are compared as strings)
        assert all(t == t.lower() for t in terms), (name, group)
        compile_pattern(vocab.words(lang, name, group))
        read = f'"{group}"' in READERS or f"'{group}'" in READERS
        assert read, f"lang/{lang}/{name}.json {group}: no detector reads it"


def test_every_vocabulary_file_loads_with_each_group_written_once():
    files = sorted(vocab.HERE.glob("*/*.json"))
    assert len(files) > 20
    for path in files:
        vocab.load(path.parent.name, path.stem)  # VocabularyError on a group written twice


def test_a_group_written_twice_is_refused(tmp_path, monkeypatch):
    (tmp_path / "ja").mkdir()
    (tmp_path / "ja" / "twice.json").write_text('{"g": {"terms": ["a"]}, "g": {"terms": ["b"]}}', encoding="utf-8")
    monkeypatch.setattr(vocab, "HERE", tmp_path)
    with pytest.raises(vocab.VocabularyError, match="written twice"):
        vocab.load("ja", "twice")


@FUZZ
@given(TEXTS)
def test_the_literal_index_finds_exactly_the_registered_literals_a_text_holds(raw):
    folded = normalize(raw).text.casefold()
    registered = {lit for _, s in SCANNERS for lit in s.index.literals}
    assert LITERALS.present(folded) >= {lit for lit in registered if lit in folded}
    assert all(lit in folded for lit in LITERALS.present(folded))


def test_the_literal_index_on_the_corpus():
    registered = LITERALS._literals
    found = 0
    for raw in corpus_messages():
        folded = normalize(raw).text.casefold()
        expected = {lit for lit in registered if lit in folded}
        assert LITERALS.present(folded) == expected, raw
        found += len(expected)
    assert found > 1000


def test_a_literal_registered_after_a_question_is_found():
    index = LiteralIndex()
    index.register({"line"})
    assert index.present("lineで") == {"line"}
    index.register({"で", "ライン"})   # a gate built later (a test's own detector)
    assert index.present("lineで") == {"line", "で"}
    assert index.present("らいん") == frozenset()
    assert LiteralIndex().present("anything") == frozenset()  # nothing registered: nothing found


def _channel_handles_as_one_pattern(text: str) -> list[tuple[int, int]]:
    pattern = contact_details.CHANNEL_HANDLE_RULE.compile()
    return [m.span("ident") for m in pattern.finditer(text)]


def test_handles_after_channels_read_in_two_steps_equal_the_rule_on_the_corpus():
    """The detector reads CHANNEL_HANDLE_RULE as channel names, then the handle after each (for
    speed): on every corpus message it finds what the rule's one pattern finds."""
    found = 0
    for raw in [*corpus_messages(), *training_messages(), *contact_details.CHANNEL_HANDLE_RULE.examples]:
        text = normalize(raw).text
        expected = _channel_handles_as_one_pattern(text)
        assert [m.span("ident") for m in contact_details.handles_after_channels(text)] == expected, raw
        found += len(expected)
    assert found >= 10


@FUZZ
@given(st.lists(st.one_of(st.sampled_from((*FRAGMENTS, "LINE", "line id", "tg", "ﾗｲﾝ", "チャットワーク", ": ", "→ ",
                                            "（", "abc_12", "mika.0823", "skype", "の", " ")),
                          st.text(max_size=4)), max_size=12).map("".join))
def test_handles_after_channels_read_in_two_steps_equal_the_rule(raw):
    text = normalize(raw).text
    assert [m.span("ident") for m in contact_details.handles_after_channels(text)] == _channel_handles_as_one_pattern(text)


def test_the_last_text_is_remembered_by_identity_not_by_value():
    index = LiteralIndex()
    index.register({"line"})
    text = "lineで"
    assert index.present_in(text) == {"line"}
    assert index.present_in(text) is index.present_in(text)      # the same text: answered from memory
    assert index.present_in("LINEで") == {"line"}                # case-folded first
    index.register({"で"})                                       # a new literal forgets what was read
    assert index.present_in(text) == {"line", "で"}


def test_the_literal_index_keeps_no_long_text():
    """Its cache holds 2,048 texts: a megabyte message must not be one of them."""
    from cwguard.engine.literals import CACHED_CHARS
    index = LiteralIndex()
    index.register({"line"})
    assert index.present("line" + "x" * CACHED_CHARS) == {"line"}
    assert index.present("line") == {"line"}
    assert index._present.cache_info().currsize == 1


# --- off_platform_contact's quiet path: a text none of its sources can match is not examined -----

class _NeverQuiet:
    def quiet(self, text: str) -> bool:
        return False


def _proposals_both_ways(text: str, terse: bool, monkeypatch) -> tuple[list, list]:
    norm = normalize(text)
    detector = off_platform_contact.DETECTOR
    with_path = detector._proposals(norm, terse)
    with monkeypatch.context() as m:
        m.setattr(off_platform_contact, "_QUIET", _NeverQuiet())
        without = detector._proposals(norm, terse)
    return with_path, without


def test_every_scanner_of_off_platform_contact_is_a_quiet_source():
    """A scanner added to the module but not to the quiet path's sources would be skipped on texts
    holding only its own strings."""
    listed = {id(source) for source in off_platform_contact._QUIET_SOURCES}
    own = [name for name, obj in vars(off_platform_contact).items()
           if isinstance(obj, (ch.Scanner, GatedPattern)) and id(obj) not in listed]
    assert own == []
    assert ch.CONTACT_ASKED in off_platform_contact._QUIET_SOURCES  # the plain SEND_SEPARATELY waits for it


def test_a_source_that_needs_no_string_cannot_be_made_quiet():
    with pytest.raises(ValueError):
        QuietSources([GateIndex([Gate(r"\d+")])])
    assert QuietSources([GateIndex([Gate("ライン")])]).quiet("メッセージで")


@FUZZ
@given(TEXTS, st.booleans())
def test_the_quiet_path_changes_no_proposal(raw, terse):
    with pytest.MonkeyPatch.context() as monkeypatch:
        with_path, without = _proposals_both_ways(raw, terse, monkeypatch)
    assert with_path == without


def test_the_quiet_path_changes_no_proposal_on_the_corpus(monkeypatch):
    skipped = found = 0
    for raw in [*corpus_messages(), *training_messages(), *off_platform_contact.DETECTOR.examples.positive]:
        text = normalize(raw).text
        skipped += off_platform_contact._QUIET.quiet(text) and not ch.find_urls(text)
        for terse in (True, False):
            with_path, without = _proposals_both_ways(raw, terse, monkeypatch)
            assert with_path == without, raw
            found += len(without)
    assert skipped > 1000 and found > 1000  # both paths are exercised
