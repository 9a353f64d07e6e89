"""Clauses of a Japanese message read on tokens: the act, its polarity, the actor and the objects.

A clause ends at a sentence end (。！？ and line breaks), a comma, or a conjunctive particle that
joins two clauses (「〜ですが」「〜ので」, grammar.json `clause_joints`). For each clause:

- `act`: `request` (〜てください, お願いします, 〜ていただけますか), `invitation` (〜ましょう,
  〜ませんか), `volition` (〜たい, 〜よう), `condition` (〜ば, 〜たら, 〜なら), `question`
  (〜か, ？) or `statement`;
- `polarity`: `affirmed`, `negated` (〜ない, 〜ません; not 「〜ませんか」, 「〜なければ」 or 「〜しか〜ない」),
  `refused` (応じかねます, 控えております, お断り, 禁止, 難しい), `waived` (〜なくても大丈夫です,
  〜なくていいです, 〜は不要です) or `quoted` (〜と言われました, 〜とのこと);
- `actor`: `reader` when the worker is asked to act (a request or an invitation), `writer` when the
  sender states its own will, else `unknown`;
- `objects`: the kinds of thing the clause names (`money`, `document`, `work`).

Cue words are lemmas in grammar.json, so every conjugation and politeness level is one entry. The
detectors ask `polarity_at` about a span they found; only `refused` and `waived` are used to drop a
hit today (the regular-expression reader in `clauses.py` handles plain negation and its many
exceptions, measured on the corpora).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..vocab import longest_first, terms
from .clauses import SENTENCE_END
from .tokens import Token, tokenize

_SENTENCE_END = frozenset("。！？!?\n\r")
_COMMA = frozenset("、，,")


@cache
def _cues(key: str) -> frozenset[str]:
    return frozenset(terms("ja", "grammar", key))


@dataclass(frozen=True, slots=True)
class Clause:
    start: int                 # code points of the analysed text
    end: int
    tokens: tuple[Token, ...]
    act: str
    polarity: str
    actor: str
    objects: tuple[str, ...]


def _boundaries(tokens: tuple[Token, ...]) -> list[int]:
    """Indices after which a clause ends."""
    joints = _cues("clause_joints")
    cuts = []
    for i, t in enumerate(tokens):
        if t.surface and (t.surface[-1] in _SENTENCE_END or t.surface in _COMMA) or t.pos == "助詞" and t.pos2 == "接続助詞" and t.lemma in joints:
            cuts.append(i)
        elif t.lemma == "だ" and t.form.startswith("連用形") and i and tokens[i - 1].pos2 == "準体助詞":
            cuts.append(i)                           # 〜ないので: の + で
        elif i and not t.surface.strip() and tokens[i - 1].surface.casefold() in _cues("terse_item_ends"):
            cuts.append(i)                           # 「顔出し不要 本日のみ」: a job ad's terse items
    return cuts


def _is_negation(t: Token) -> bool:
    return (t.pos == "助動詞" and t.lemma in ("ない", "ぬ", "ず")) or (t.pos == "形容詞" and t.lemma == "ない"
                                                                   and t.pos2 == "非自立可能")


# What may stand between a word of need and its negation: 「必要(は|も)(あり|ござい)ませ」「要りませ」.
_NEGATION_BRIDGE = frozenset({"は", "も", "ある", "ござる", "ます"})


def _before_negation(tokens: tuple[Token, ...], i: int) -> Token | None:
    """The word the negation at `i` denies, past particles and auxiliaries of politeness."""
    j = i - 1
    while j >= 0 and tokens[j].lemma in _NEGATION_BRIDGE and i - j <= 3:
        j -= 1
    return tokens[j] if j >= 0 else None


def _polarity(tokens: tuple[Token, ...]) -> str:
    lemmas = [t.lemma for t in tokens]
    refusals, waivers, needless = _cues("refusal_lemmas"), _cues("waiver_heads"), _cues("needless_words")
    for i, t in enumerate(tokens):
        if _is_negation(t):
            tail = lemmas[i + 1:i + 4]
            if tail[:1] == ["て"] and (set(tail[1:3]) & waivers):
                return "waived"                     # 〜なくても大丈夫 / 〜なくていい
            before = _before_negation(tokens, i)
            if before and before.lemma in needless and before.pos2 != "非自立可能":
                return "waived"                     # 必要ない / 要らない / 必要はありません / 要りません
    # 「返信が遅い方はお断りです」 refuses people, as a threat: the clause's topic is a person or a case
    person_topic = any(t.lemma in _cues("person_topics") and lemmas[i + 1:i + 2] == ["は"]
                       for i, t in enumerate(tokens))
    for i, t in enumerate(tokens):
        if t.lemma in refusals and not person_topic and not (set(lemmas[i + 1:i + 3]) & {"場合", "ば", "か"}):
            return "refused"
        if t.lemma == "不要":
            return "waived"
    for i, t in enumerate(tokens):
        if t.lemma == "と" and t.pos == "助詞" and set(lemmas[i + 1:i + 3]) & _cues("quote_heads"):
            return "quoted"
    only = "しか" in lemmas
    for i, t in enumerate(tokens):
        if not _is_negation(t) or only:
            continue
        after, before = lemmas[i + 1:i + 3], lemmas[max(0, i - 3):i]
        if "か" in after or t.form.startswith("仮定形") or after[:1] in (["と"], ["ば"], ["?"], ["？"]):
            continue                                 # 〜ませんか, 〜ません？, 〜なければ, 〜ないと: asks, obliges
        if ("ば" in before or "と" in before) and ("なる" in before or "いける" in before):
            continue                                 # 〜なければなりません, 〜ないといけません
        return "negated"
    return "affirmed"


def _act(tokens: tuple[Token, ...]) -> str:
    lemmas = [t.lemma for t in tokens]
    question = bool(tokens) and (tokens[-1].lemma == "か" and tokens[-1].pos == "助詞"
                                 or tokens[-1].surface in ("?", "？"))
    if any(t.lemma in _cues("request_lemmas") and t.pos in ("動詞", "形容詞") for t in tokens):
        return "request"
    if any(t.lemma == "ます" and t.form.startswith("意志推量形") for t in tokens):
        return "invitation"                          # 〜ましょう
    if question and "ぬ" in lemmas and "ます" in lemmas:
        return "invitation"                          # 〜ませんか, 〜ません？
    if any(t.pos == "助動詞" and t.lemma == "たい" for t in tokens) or any(
            t.form.startswith("意志推量形") for t in tokens):
        return "volition"
    if any(t.form.startswith("仮定形") for t in tokens) or any(t.lemma in ("たら", "なら") for t in tokens):
        return "condition"
    return "question" if question else "statement"


def _objects(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    kinds = (("money", "money_lemmas"), ("document", "document_lemmas"), ("work", "work_lemmas"))
    lemmas = {t.lemma for t in tokens} | {t.surface for t in tokens}
    return tuple(kind for kind, key in kinds if lemmas & _cues(key))


def _clause(tokens: tuple[Token, ...]) -> Clause:
    polarity = _polarity(tokens)
    act = "statement" if polarity == "quoted" else _act(tokens)  # reported words ask nothing
    actor = "reader" if act in ("request", "invitation") else "writer" if act == "volition" else "unknown"
    return Clause(tokens[0].start, tokens[-1].end, tokens, act, polarity, actor, _objects(tokens))


@lru_cache(maxsize=256)
def clauses(text: str) -> tuple[Clause, ...]:
    """The clauses of `text` (its first MAX_CHARS characters), read once per text."""
    tokens = tokenize(text)
    out, first = [], 0
    for cut in [*_boundaries(tokens), len(tokens) - 1]:
        part = tokens[first:cut + 1]
        if part and any(t.pos != "補助記号" and t.surface.strip() for t in part):
            out.append(_clause(part))
        first = max(first, cut + 1)
    return tuple(out)


WINDOW = 120


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the last sentence end before it to the next one
    after it, at most WINDOW characters either side. The ends are the ones every reader shares
    (`clauses.SENTENCE_END`): a chat sentence closed by an emoji or 〜ます and a space ends too, so a
    refusal there does not reach the next one (「統一のため不可で🙏 あと研修動画の受講費1万円…」, round 22)."""
    lo = max(0, start - WINDOW)
    for m in SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    hi = min(len(text), end + WINDOW)
    after = SENTENCE_END.search(text, max(end, start + 1) - 1, hi)
    if after is not None:
        hi = after.end()
    return lo, hi


# What every refused or waived reading leaves in the surface (`_polarity`): a refusal lemma, 不要,
# a word of need before a negation (要る, 必要), or 〜なくて (〜なくてもいい). A lemma keeps its
# surface's script (「むずかしい」 is not 「難しい」), and conjugation changes only its last kana,
# so each lemma's stem is in the text wherever the lemma is read.
def _stem(lemma: str) -> str:
    return lemma[:-1] if len(lemma) > 1 and "\u3041" <= lemma[-1] <= "\u309f" else lemma


@cache
def _declining_stems() -> regex.Pattern:
    stems = {_stem(w) for w in _cues("refusal_lemmas") | _cues("needless_words")} | {"なくて"}
    return regex.compile("|".join(regex.escape(s) for s in longest_first(stems)))


def may_decline(text: str, start: int, end: int) -> bool:
    """Whether the span's sentence can read as refused or waived at all: a sentence without any of
    the stems above is not tokenised to find out (tests/service/test_frames.py checks this on every
    corpus sentence)."""
    lo, hi = _sentence(text, start, end)
    return _declining_stems().search(text, lo, hi) is not None


def clause_around(text: str, start: int, end: int) -> Clause | None:
    """The clause of `text` that holds [start, end) (code points). Only the span's sentence is
    read (cached by its text), so a long message costs what a short one does."""
    lo, hi = _sentence(text, start, end)
    for c in clauses(text[lo:hi]):
        if c.start <= start - lo < c.end or (c.start < end - lo <= c.end):
            return c
    return None


def polarity_at(text: str, start: int, end: int) -> str:
    """The polarity of the clause holding the span (`affirmed` when the span is in no clause)."""
    c = clause_around(text, start, end)
    return c.polarity if c else "affirmed"


# How many tokens a subject's noun phrase may reach back from its work noun.
SUBJECT_REACH = 8
_PHRASE_POS = frozenset({"名詞", "接頭辞", "接尾辞"})


def work_subject(text: str) -> str:
    """What the job is about, as the text says it: each noun phrase that ends on a noun of work
    (grammar.json `work_nouns`): 「LINE公式アカウント運用代行」, 「Zoomの使い方マニュアル」, 「テレアポ代行」.
    Joined by spaces; "" when the text names no work. Read on the first client message (the job's
    own words) by the engine, beside the posting's title and description."""
    tokens = tokenize(text)
    work = _cues("work_nouns")
    phrases = []
    for i, t in enumerate(tokens):
        if t.lemma not in work or t.pos != "名詞":
            continue
        first = i
        while first > 0 and i - first < SUBJECT_REACH:
            before = tokens[first - 1]
            joins = before.lemma in ("の", "と", "や") and first > 1 and tokens[first - 2].pos in _PHRASE_POS
            if before.pos in _PHRASE_POS or joins or (before.pos == "動詞" and t is not before
                                                      and tokens[first].pos == "接尾辞"):
                first -= 1
            else:
                break
        if first < i:
            phrases.append(text[tokens[first].start:t.end])
    return " ".join(phrases)
