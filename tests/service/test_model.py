"""The message model: its heads, its determinism, its file and fallbacks, how it is fused with the
rules, and that the blind measurement set never reaches its training input."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from cwguard import pipeline
from cwguard.engine import scoring
from cwguard.engine.normalize import normalize
from cwguard.model import corpus, runtime, store, train
from cwguard.model.compiled import CompiledModel, Fusion
from cwguard.model.explain import passages
from cwguard.model.features import feature_text
from cwguard.schemas import load_request

# Enough of the training corpora to train every head. The tests of how a model is built, stored and
# compiled build on this slice (twice, in two processes, for determinism): seconds, not the minutes a
# full build takes. The tests of what the model says read the file `make model` wrote.
SLICE = ("dev", "holdout", "holdout2", "holdout3", "tr1")


def _slice() -> list:
    return [path for path in corpus.training_files() if path.stem in SLICE]


@pytest.fixture(scope="module")
def built():
    """A model built as `make model` builds one, on the slice: (model, data hash, report)."""
    files = _slice()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(corpus, "training_files", lambda: files)
        return train.build(pipeline.rules_answer)


@pytest.fixture(scope="module")
def shipped() -> CompiledModel:
    """The model the service runs, loaded as the service loads it: the file `make model` wrote (the
    test set-up runs it first) when it holds the current corpora, else one trained in memory."""
    runtime.reset()
    try:
        loaded = pipeline.model()
    finally:
        runtime.reset()
    assert loaded.model is not None, loaded.reason
    return loaded.model


@pytest.fixture
def installed(shipped):
    """The engine with that model as the service runs it, caches emptied around."""
    runtime.reset(runtime.Loaded(shipped, "file"))
    scoring.clear_cache()
    yield shipped
    runtime.reset()
    scoring.clear_cache()


def opinion(model: CompiledModel, text: str, sender: str = "client", phase: str = "before_contract"):
    return model.infer([feature_text(normalize(text))], [sender], [phase])[0]


# --- the blind set stays out -------------------------------------------------------------------

def test_the_blind_set_is_never_a_training_file():
    files = {p.resolve() for p in corpus.training_files()}
    assert corpus.BLIND and all(p.resolve() not in files for p in corpus.BLIND)
    assert all(p.is_file() for p in corpus.BLIND), "the blind set must exist to be excluded"


# tr46 (fifth session) and holdout11 (sixth), by helpers who saw neither corpus
WRITTEN_TWICE_INDEPENDENTLY = {"No thanks, I only take work through CrowdWorks."}


def test_no_blind_thread_reaches_the_training_input(shipped):
    blind_ids = {t["id"] for t in corpus.read_threads(corpus.BLIND)}
    # the site's own notices (「契約が締結されました。…」) are the same words in every corpus
    blind_texts = {m["text"] for t in corpus.read_threads(corpus.BLIND) for m in t["messages"]
                   if m.get("sender") != "system"}
    trained = corpus.read_threads(corpus.training_files())
    assert blind_ids and not blind_ids & {t["id"] for t in trained}
    # no blind message text was copied into a training corpus either (short common replies aside,
    # and stock refusals that two helpers wrote word for word on their own)
    shared = {m["text"] for t in trained for m in t["messages"]} & blind_texts
    assert all(len(text) < 40 or text in WRITTEN_TWICE_INDEPENDENTLY for text in shared), sorted(shared)[:5]
    assert shipped.meta["messages"] == sum(len(t["messages"]) for t in trained)
    assert shipped.meta["files"] == [path.name for path in corpus.training_files()]


# --- sentence rows ------------------------------------------------------------------------------

def _thread(thread_id: str, *messages: dict) -> dict:
    return {"id": thread_id, "context": {"contract_status": "before_contract"},
            "messages": [{"id": f"m{i}", "sender": "client", "sent_at": "2026-11-20T10:00:00+09:00", **m}
                         for i, m in enumerate(messages, 1)]}


LURE = {"text": "ご応募ありがとうございます。実績も拝見しました。詳細はLINEでお送りします。", "labels": ["off_platform_contact"],
        "spans": [{"text": "LINE", "category": "off_platform_contact"}]}
BENIGN = {"text": "ご応募ありがとうございます。納期は金曜日です！", "labels": []}


@pytest.mark.parametrize(("message", "expected"), [
    (LURE, [("詳細はLINEでお送りします。", {"off_platform_contact"})]),
    (BENIGN, [("ご応募ありがとうございます。", set()), ("納期は金曜日です！", set())]),
    # one sentence: the message itself is already its row
    ({"text": "詳細はLINEで", "labels": ["off_platform_contact"], "spans": [{"text": "LINE", "category": "off_platform_contact"}]}, []),
    # the lure's sentence is nearly the whole message: it would repeat the message
    ({"text": "はい。続きの詳しいお話はLINEでしましょう。", "labels": ["off_platform_contact"],
      "spans": [{"text": "LINE", "category": "off_platform_contact"}]}, []),
    # too short to learn from
    ({"text": "OK。はい！", "labels": []}, []),
])
def test_sentence_rows_hold_a_lures_sentence_or_a_benign_messages_sentences(message, expected):
    rows = list(corpus.sentence_examples([_thread("t-1", message)]))
    assert [(r.text, set(r.labels)) for r in rows] == expected
    assert all(r.thread_id == "t-1" and r.sender == "client" for r in rows)


def test_a_fold_learns_the_sentence_rows_of_its_own_threads_only():
    data = train.Data([_thread("t-1", LURE), _thread("t-2", BENIGN)], lambda payload: {"warnings": []})
    texts, _, _, labels = data.training_rows(np.array([1]))
    assert texts[0] == data.texts[1] and len(texts) == 3 and not any(labels)


# --- heads: positive and negative examples per category ----------------------------------------

HEAD_EXAMPLES = [
    # (category, a lure the head should name, a benign message of the same words)
    ("off_platform_contact", "続きはLINEでお話ししましょう。", "LINEではなく、こちらのメッセージでお願いします。"),
    ("contact_details", "こちらのIDを追加してください: kenta_0815", "納品物はこちらのメッセージに添付してください。"),
    ("external_site", "弊社サイトから応募し直してください https://bit.ly/3xYz", "参考記事: https://crowdworks.jp/public/jobs/1"),
    ("direct_deal", "手数料がもったいないので次回から直接契約にしましょう。", "直接契約はできませんので、クラウドワークスでお願いします。"),
    ("upfront_payment", "作業開始前に教材費3万円をお振込みください。", "教材費はいただきません。報酬は仮払いでお支払いします。"),
    ("personal_info", "本人確認のため免許証の写真を送ってください。", "本人確認はクラウドワークスの手続きで済んでいます。"),
]


@pytest.mark.parametrize(("category", "lure", "benign"), HEAD_EXAMPLES, ids=[r[0] for r in HEAD_EXAMPLES])
def test_the_model_tells_a_lure_from_its_benign_twin(installed, category, lure, benign):
    risky, calm = opinion(installed, lure), opinion(installed, benign)
    assert risky.p_any > calm.p_any
    assert risky.p_any >= 0.5 > calm.p_any or risky.p_any - calm.p_any >= 0.3
    assert category in installed.names, "a head was trained for the category"


@pytest.mark.parametrize(("category", "lure"), [(c, lure) for c, lure, _ in HEAD_EXAMPLES])
def test_a_category_head_names_its_category(built, category, lure):
    model = built[0]
    X = model.features([feature_text(normalize(lure))], ["client"], ["before_contract"])
    head = model.heads[category]
    others = [h for c, h in model.heads.items() if c != category]
    mine = head.predict_proba(X)[0, 1]
    assert mine > 0.5 and mine >= sorted(h.predict_proba(X)[0, 1] for h in others)[-3]


def test_the_phase_is_a_feature(installed):
    text = "Slackのワークスペースに招待しますので、参加をお願いします。"
    before = opinion(installed, text, phase="before_contract").p_any
    after = opinion(installed, text, phase="contracted").p_any
    assert before > after


# --- determinism and the file ------------------------------------------------------------------

def test_the_same_data_gives_the_same_model(built, tmp_path):
    """Built again in another process, under another hash seed: the same bytes."""
    script = ("import sys; from pathlib import Path; from cwguard import pipeline; from cwguard.model import corpus, train\n"
              f"files = [p for p in corpus.training_files() if p.stem in {SLICE!r}]\n"
              "corpus.training_files = lambda: files\n"
              "sys.exit(train.main(pipeline.rules_answer, ['--output', sys.argv[1]]))")
    again = tmp_path / "again.bin"
    subprocess.run([sys.executable, "-c", script, str(again)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONHASHSEED": "7"})
    assert again.read_bytes() == store.dumps(built[0].compile(), built[1])


def test_the_file_carries_its_data_hash_and_versions(built, shipped, tmp_path):
    # a slice is too small for secondary bars (train.SECONDARY_SUPPORT); the shipped model has them
    assert shipped.secondary
    compiled = dataclasses.replace(built[0].compile(), secondary=shipped.secondary)
    path = store.save(compiled, built[1], tmp_path / "m.bin")
    header, _ = store.read_header(path.read_bytes())
    assert header["data_hash"] == built[1] and header["versions"] == store.library_versions()
    model, _ = store.load(path, expected_data_hash=built[1])
    assert isinstance(model, CompiledModel) and model.fusion == built[0].fusion
    assert model.secondary == shipped.secondary  # the bars travel with the file
    text = [feature_text(normalize("詳細はLINEでお伝えします"))]
    assert model.infer(text, ["client"], ["before_contract"]) == compiled.infer(text, ["client"], ["before_contract"])


def test_serving_needs_neither_scikit_learn_nor_pickle(built, tmp_path):
    """The service loads numpy arrays only (no code can hide in the file, and no scikit-learn)."""
    import subprocess
    import sys
    path = store.save(built[0].compile(), built[1], tmp_path / "m.bin")
    assert b"pickle" not in path.read_bytes()[:200]
    code = ("import sys; from cwguard.model import store; m, _ = store.load(__import__('pathlib').Path(sys.argv[1]));"
            "print('sklearn' in sys.modules, 'scipy' in sys.modules, type(m).__name__)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "CompiledModel"]


@pytest.mark.parametrize("damage", ["missing", "truncated", "flipped", "garbage", "stale"])
def test_a_bad_file_is_refused_with_its_reason(built, tmp_path, damage):
    path = store.save(built[0].compile(), built[1], tmp_path / "m.bin")
    blob = path.read_bytes()
    expected_hash, reason = built[1], "corrupt"
    if damage == "missing":
        path.unlink()
        reason = "missing"
    elif damage == "truncated":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped":
        path.write_bytes(blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:])
    elif damage == "garbage":
        path.write_bytes(b"not a model at all")
    else:
        expected_hash, reason = "0" * 64, "stale"
    with pytest.raises(store.ModelFileError) as error:
        store.load(path, expected_data_hash=expected_hash)
    assert error.value.reason == reason


def test_a_corrupt_file_means_training_in_memory(monkeypatch, tmp_path):
    bad = tmp_path / "m.bin"
    bad.write_bytes(b"\x00garbage")
    monkeypatch.setenv("CWGUARD_MODEL", str(bad))
    # the path is the real one; two corpora are enough to train on and keep the test quick
    monkeypatch.setattr(corpus, "training_files", lambda: [corpus.DATA / "dev.jsonl", corpus.DATA / "holdout.jsonl"])
    runtime.reset()
    try:
        loaded = pipeline.model()
        assert loaded.source == "trained" and loaded.reason == "corrupt" and loaded.model is not None
        assert bad.read_bytes() == b"\x00garbage", "the service writes nothing"
    finally:
        runtime.reset()


def test_without_model_or_corpora_the_rules_answer_and_say_so(monkeypatch, tmp_path):
    monkeypatch.setenv("CWGUARD_MODEL", str(tmp_path / "absent.bin"))
    monkeypatch.setattr(corpus, "training_files", lambda: [])
    runtime.reset()
    scoring.clear_cache()
    try:
        answer = pipeline.score_request(load_request({"text": "詳細はLINEでお伝えします。"}))
        assert answer["engine"]["detection"] == "rules" and answer["engine"]["model"] == "none"
        assert answer["risk"]["level"] == "high"
        assert runtime.status() == {"model": "none", "model_reason": "missing"}
    finally:
        runtime.reset()
        scoring.clear_cache()


def test_the_model_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("CWGUARD_MODEL", "off")
    runtime.reset()
    try:
        assert runtime.current().model is None and runtime.status()["model_reason"] == "disabled"
    finally:
        runtime.reset()


# --- fusion ------------------------------------------------------------------------------------

def score(text: str, sender: str = "client", status: str = "before_contract", detection: str = "fused") -> dict:
    payload = {"messages": [{"id": "m1", "sender": sender, "text": text}], "context": {"contract_status": status}}
    return pipeline.score_request(load_request(payload), detection=detection)


def with_fusion(model: CompiledModel, **kw) -> None:
    runtime.reset(runtime.Loaded(model.with_fusion(Fusion(**kw)), "file"))
    scoring.clear_cache()


TASK_SCAM = "報酬を出金するには、先に保証金として5万円の入金が必要になります。"


def test_the_model_adds_a_warning_no_rule_raised_and_explains_it(installed):
    text = "次のお仕事はこちらで受け付けています。登録だけ先にお願いします。"
    with_fusion(installed, add=0.0)
    rules = score(text, detection="rules")
    fused = score(text)
    model_warnings = [w for w in fused["warnings"] if w["source"] == "model"]
    assert not [w for w in rules["warnings"] if w["kind"] == "risk"]
    assert model_warnings and fused["risk"]["level"] != "none"
    assert "学習モデル" in model_warnings[0]["detail"]
    marks = [h for h in fused["highlights"] if h["source"] == "model"]
    assert marks and all(text[h["start"]:h["end"]] == h["text"] and h["text"].strip() for h in marks)


def test_a_confident_rule_hit_is_reported_as_both(installed):
    with_fusion(installed, add=0.99)
    answer = score("詳細はLINEでお伝えします。ID: abc_123 を追加してください。")
    assert {w["source"] for w in answer["warnings"] if w["kind"] == "risk"} == {"both"}


def test_a_rule_hit_the_model_doubts_is_reported_at_info(installed):
    refusal = "LINEでの連絡はお受けしていないので、こちらのメッセージでお願いします。"
    with_fusion(installed, add=0.99, veto=1.01, keep=())
    doubted = score(refusal)
    risks = [w for w in doubted["warnings"] if w["kind"] == "risk"]
    assert all(w["severity"] == "info" for w in risks) and doubted["risk"]["level"] == "none"
    with_fusion(installed, add=0.99, veto=0.0)
    assert score(refusal, detection="rules")["risk"]["level"] == score(refusal)["risk"]["level"]


def test_the_model_never_overrules_a_kept_category(installed):
    with_fusion(installed, add=0.99, veto=1.01, keep=("upfront_payment",))
    answer = score("作業開始前に教材費3万円をお振込みください。")
    assert answer["risk"]["level"] == "high"


def test_a_model_warning_follows_the_contract_phase(installed):
    with_fusion(installed, add=0.0)
    text = "チームのSlackに招待しますので、以後の連絡はそちらで。"
    after = score(text, status="contracted", detection="model")
    assert all(w["severity"] == "info" for w in after["warnings"] if w["category"] in scoring.CONTACT)


def test_model_severity_comes_from_its_probability(installed):
    with_fusion(installed, add=0.0, severity=((2.0, "high"), (0.0, "medium")))
    answer = score(TASK_SCAM, detection="model")
    assert {w["severity"] for w in answer["warnings"] if w["kind"] == "risk"} <= {"medium", "low"}


def test_system_notices_get_no_model_warning(installed):
    with_fusion(installed, add=0.0)
    answer = score("契約が締結されました。", sender="system")
    assert not [w for w in answer["warnings"] if w.get("source") == "model"]


# --- explanations ------------------------------------------------------------------------------

def test_passages_are_whole_words_of_the_original():
    text = "ＬＩＮＥで連絡ください"
    norm = normalize(text)
    found = passages(norm, feature_text(norm), [("line", 1.0), ("連絡", 0.5)])
    assert found and text[found[0][0]:found[0][1]] == "ＬＩＮＥ"


def test_answers_are_json(installed):
    json.dumps(score(TASK_SCAM))


# --- the job's own subject (context.job) --------------------------------------------------------

@pytest.mark.parametrize(("p_any", "subject", "expected"), [
    (0.2, "LINEスタンプ制作のお仕事", "subject"),    # the job is about LINE and the model reads no lure
    (0.7, "LINEスタンプ制作のお仕事", "both"),       # the model reads a lure: a request to move is still one
    (0.2, "", "rule"),                              # no job given: the rule stands
    (0.2, "ロゴ制作のお仕事", "rule"),               # a job about something else
])
def test_a_contact_hit_on_the_jobs_own_subject(p_any, subject, expected):
    text = "LINEスタンプの構成案です"
    finding = scoring.Finding("off_platform_contact", "risk", 0, 4, 0, 4, False)
    class Reader:  # the model's reading around the hit agrees with its reading of the message
        def local(self, f):
            return p_any

        def explain(self, category):
            return ()
    fused = scoring._fuse([finding], scoring.ModelView(p_any, "off_platform_contact"), Fusion(add=0.9, veto=0.0),
                          {"id": "m1", "text": text}, Reader(), scoring.job_subject(
                              {"job": {"title": subject}} if subject else {}).at(0))
    assert [source for _, source in fused] == [expected]


def test_a_subject_hit_is_reported_at_info_and_says_why(installed, monkeypatch):
    monkeypatch.setattr(scoring, "model_views", lambda messages, phases, model: [
        scoring.ModelView(0.1, "off_platform_contact") for _ in messages])
    monkeypatch.setattr(scoring.ModelReader, "local", lambda self, finding: 0.1)
    with_fusion(installed, add=0.99, veto=0.0)
    payload = {"messages": [{"id": "m1", "sender": "client", "text": "詳細はLINEでお伝えします"}],
               "context": {"contract_status": "before_contract", "job": {"title": "LINE公式アカウント運用", "description": ""}}}
    answer = pipeline.score_request(load_request(payload))
    (w,) = [w for w in answer["warnings"] if w["category"] == "off_platform_contact"]
    assert w["severity"] == "info" and "仕事そのもの" in w["detail"] and answer["risk"]["level"] == "none"


# --- the fast inference path agrees with scikit-learn's ------------------------------------------

AGREEMENT_TEXTS = ["", "a", "ＬＩＮＥ😀𠮷  x\n\n y", "\x00abc", "詳細はLINEでお伝えします。ID: abc_123",
                   "報酬を出金するには先に保証金5万円の入金が必要です", "x" * 500, "𠮷" * 3]


def test_the_vectorised_ngrams_equal_scikit_learns(built):
    from scipy import sparse
    installed = built[0].compile()
    texts = [feature_text(normalize(t)) for t in AGREEMENT_TEXTS]
    expected = built[0].featurizer.vectorizer.transform(texts)
    rows, cols, values = installed.triplets(texts)
    got = sparse.csr_matrix((values, (rows, cols)), shape=expected.shape)
    assert abs(got - expected).max() < 1e-6 and got.nnz == expected.nnz
    vocabulary = built[0].featurizer.vectorizer.vocabulary_
    assert all(vocabulary[installed.gram(int(c))] == int(c) for c in cols)  # each column's own n-gram


def test_inference_equals_the_training_path(built):
    installed = built[0].compile()
    texts = [feature_text(normalize(t)) for t in AGREEMENT_TEXTS[1:]] + ["ok"]  # "" has no evidence (None)
    senders = ["client", "worker", "system", "unknown", "client", "client", "worker", "client"]
    phases = ["before_contract", "contracted"] * 4
    slow = built[0].opinions(built[0].features(texts, senders, phases))
    fast = installed.infer(texts, senders, phases)
    assert [o.category for o in fast] == [o.category for o in slow]
    assert [o.also for o in fast] == [o.also for o in slow]
    assert max(abs(a.p_any - b.p_any) for a, b in zip(fast, slow, strict=True)) < 1e-6


def test_markup_before_a_lure_does_not_buy_a_veto(installed):
    """Markup pasted before a lure would fill the window the veto reads around the hit; the window
    leaves tags out, so the lure is read as itself (and a refusal behind the same markup still passes)."""
    with_fusion(installed, add=0.99, veto=0.5, keep=())
    noise = '資料: <img src=x onerror="document.documentElement.setAttribute(\'data-x\', \'1\')"> と <b>重要</b> をご確認ください。'
    answer = score(noise + "詳細はLINEでお伝えします。")
    assert answer["risk"]["level"] == "high"
    assert any(h["severity"] == "high" and h["text"] == "LINE" for h in answer["highlights"])
    refusal = score(noise + "LINEではなく、このままこちらのメッセージでお願いします。")
    assert refusal["risk"]["level"] == "none"


@pytest.mark.parametrize("text, read", [
    ('<img src=x onerror="alert(1)">LINEで', " " * 30 + "lineデ"),
    ("資料 <b>重要</b> 090-1234", "資料    重要     000-0000"),
    ("a < b > c", "a < b > c"),  # not a tag
])
def test_the_model_reads_markup_tags_as_blank_and_digits_as_zero(text, read):
    assert feature_text(normalize(text)) == read


@pytest.mark.parametrize("start, end, widened", [
    (8, 26, (5, 26)),    # starts inside <img …>: widened to the tag's start
    (0, 12, (0, 22)),    # ends inside it: widened to its end
    (0, 4, (0, 4)),      # no tag touched
    (23, 27, (23, 27)),  # after the tag
])
def test_the_vetos_window_never_cuts_a_markup_tag(start, end, widened):
    assert scoring._outside_markup("xxxx <img src=abcdefg> LINE", start, end) == widened


def test_the_vetos_window_reaches_the_longest_tag():
    """The window's reach is the longest tag `MARKUP_TAG` matches (one constant serves both): a
    window starting inside such a tag still widens to its start."""
    from cwguard.engine.normalize import MARKUP_TAG, MARKUP_TAG_REACH
    longest = "</a" + "b" * (MARKUP_TAG_REACH - 4) + ">"
    assert len(longest) == MARKUP_TAG_REACH and MARKUP_TAG.fullmatch(longest)
    assert not MARKUP_TAG.fullmatch("</a" + "b" * (MARKUP_TAG_REACH - 3) + ">")
    text = "x" + longest + " LINE"
    assert scoring._outside_markup(text, len(text) - 6, len(text)) == (1, len(text))


def test_padding_a_lure_with_harmless_text_does_not_buy_a_veto(installed):
    """Issue 9, decoys: the veto reads the hit's own neighbourhood too, so 70 harmless LINE-marketing
    mentions before a lure cannot make the model doubt the lure."""
    with_fusion(installed, add=0.99, veto=0.5, keep=())
    decoys = "LINE広告の運用、" * 70
    answer = score(decoys + "詳細はLINEでお伝えしますので、ID: abc_123 を追加してください。", sender="unknown")
    assert answer["risk"]["level"] == "high"
    assert any(h["severity"] == "high" and h["text"] in ("abc_123", "LINE") for h in answer["highlights"])


@pytest.mark.parametrize("window, read", [
    ("E広告の運用、LINE広告の運用、LINE広告の運用、詳細はLINEで", "LINE広告の運用、詳細はLINEで"),
    ("ok. ok. ok. add me on LINE", "ok. add me on LINE"),
    ("it. ok. ok. add me on LINE", "it. ok. add me on LINE"),
    ("LINE広告の運用、LINEスタンプの制作、詳細はLINEで", "LINE広告の運用、LINEスタンプの制作、詳細はLINEで"),
    ("はい。はい、詳細はLINEで", "はい。はい、詳細はLINEで"),
])
def test_the_veto_window_reads_a_clause_repeated_in_a_row_once(window, read):
    """The padding of issue 9 is read once, however often it fits in the window; different clauses,
    or the same words with another mark, are all read."""
    assert scoring._once_in_a_row(window) == read


@pytest.mark.parametrize("text", ["？", "0", "1", "OK", "!!"])
def test_the_model_adds_nothing_to_a_message_without_text_to_read(installed, text):
    with_fusion(installed, add=0.0)
    assert not [w for w in score(text)["warnings"] if w["source"] == "model"]


@pytest.mark.parametrize("text", ["", "0", "  ", "\x00", "\U0010ffff", "？"])
def test_inference_never_fails_on_degenerate_text(installed, text):
    (o,) = installed.infer([feature_text(normalize(text))], ["client"], ["before_contract"])
    assert 0.0 <= o.p_any <= 1.0


@pytest.mark.parametrize("text", ["事務局から直接のやり取りの許可をいただいています",
                                  "契約と仮払いはクラウドワークス上で行います"])
def test_the_model_adds_nothing_to_a_claim_the_rules_read_as_a_signal(installed, text):
    """A permission or platform-contract claim is the signal the rubric counts, not a lure beside it
    (n-grams of 「直接」「許可」 read as one)."""
    with_fusion(installed, add=0.0)
    answer = score(text)
    assert [w for w in answer["warnings"] if w["kind"] == "signal"]
    assert not [w for w in answer["warnings"] if w["source"] == "model"]


def test_a_lure_beside_a_claim_still_reads(installed):
    """A fake permission is a trust trick, not a pass: the rest of the message is read with the claim
    set aside, and the model's words shown are outside it (tr256)."""
    with_fusion(installed, add=0.0)
    text = "案件のご紹介は別ツールで行っております。事務局より特別に承認をいただいております。"
    marks = [h for h in score(text)["highlights"] if h["source"] == "model"]
    assert marks and all("承認" not in h["text"] and "事務局" not in h["text"] for h in marks)


def test_a_claim_with_nothing_else_to_read_gets_no_model_warning(installed):
    text = "事務局の許可をいただいています。よろしくお願いいたします。"
    assert not [w for w in score(text)["warnings"] if w["source"] == "model"]


@pytest.mark.parametrize("text", ["LINEは使っていないので、こちらでお願いします", "Zoomは入れていません",
                                  "個人のメールアドレスはお伝えしておりません", "振込は不要です"])
def test_the_model_adds_nothing_where_its_words_are_refused_or_waived(installed, text):
    with_fusion(installed, add=0.0)
    assert not [w for w in score(text)["warnings"] if w["source"] == "model"]


def test_a_refusal_elsewhere_does_not_hide_the_model_warning(installed):
    """Only passages in declining clauses are discounted: a lure beside a refusal still reads."""
    with_fusion(installed, add=0.0)
    text = "電話は使っていません。次のお仕事はこちらで受け付けています。登録だけ先にお願いします。"
    assert [w for w in score(text)["warnings"] if w["source"] == "model"]


# --- categories named beside another finding (Opinion.also, train.secondary_bars) ---------------

def test_an_opinion_names_the_categories_whose_heads_clear_their_bars():
    import numpy as np

    from cwguard.model.compiled import opinions_from_raw
    raw = np.array([[1.0, 3.0, 0.5, 2.0],     # any, pressure, upfront_payment, unrealistic_offer
                    [1.0, 0.9, 4.0, 2.0]])
    names = ("pressure", "upfront_payment", "unrealistic_offer")
    got = opinions_from_raw(raw, names, (1.0, 0.0), secondary={"pressure": 1.0, "upfront_payment": 3.0})
    assert [o.also for o in got] == [("pressure",), ("upfront_payment",)]   # no bar: never named
    assert [o.also for o in opinions_from_raw(raw, names, (1.0, 0.0))] == [(), ()]


@pytest.mark.parametrize(("scores", "truth", "expected"), [
    # every message from 2.0 up is right, those at 1.0 wrong: the bar is the first grid step above 1.0
    ([3.0] * 6 + [2.0] * 4 + [1.0] * 4, [True] * 10 + [False] * 4, 1.25),
    # too few messages to trust at any score
    ([3.0] * 5, [True] * 5, None),
    # imprecise at the top: never named, however precise lower down
    ([5.0] * 8 + [2.0] * 20, [False] * 8 + [True] * 20, None),
])
def test_a_category_bar_is_the_lowest_score_precise_out_of_fold(scores, truth, expected):
    import types

    import numpy as np
    n = len(scores)
    data = types.SimpleNamespace(rule_categories=[frozenset({"unrealistic_offer"})] * n,
                                 labels=[frozenset({"unrealistic_offer", "pressure"} if t else {"unrealistic_offer"})
                                         for t in truth])
    heads = {"pressure": np.array(scores), "unrealistic_offer": np.full(n, 9.0)}
    bars = train.secondary_bars(heads, np.full(n, 0.9), data, Fusion(add=0.8, veto=0.1))
    assert bars.get("pressure") == expected
    assert "unrealistic_offer" not in bars   # the rules name it on every message: nothing to add


class _Reader:
    """The model's readings of one message, fixed: its passages for any category."""

    def __init__(self, passages, local=1.0):
        self.passages, self.local_p = passages, local

    def local(self, finding):
        return self.local_p

    def explain(self, category):
        return self.passages


FEE_AND_PROMISE = "月収100万円も可能です。登録料として3万円をお振込みください。"


@pytest.mark.parametrize(("p_any", "also", "passages", "expected"), [
    # the rules read the promise; the model is sure of the fee too, and shows its words
    (0.95, ("upfront_payment",), ((19, 22),), {("unrealistic_offer", "both"), ("upfront_payment", "model")}),
    # a category already named is not named twice, nor the head's other words for it added (measured:
    # a fifth more highlights, most on no lure's words; docs/quality.md, twelfth session)
    (0.95, ("unrealistic_offer",), ((0, 8),), {("unrealistic_offer", "both")}),
    (0.95, ("unrealistic_offer",), ((0, 8), (19, 22)), {("unrealistic_offer", "both")}),
    # no passage explains it: not named (a category named beside another must show its words)
    (0.95, ("upfront_payment",), (), {("unrealistic_offer", "both")}),
    # the only finding is doubted by the model: nothing is named beside a doubt
    (0.01, ("upfront_payment",), ((19, 22),), {("unrealistic_offer", "doubt")}),
])
def test_a_flagged_message_gets_the_categories_the_model_is_sure_of(p_any, also, passages, expected):
    pipeline.ensure()   # the clause reader that tells a refusal
    finding = scoring.Finding("unrealistic_offer", "risk", 0, 8, 0, 8, False)
    view = scoring.ModelView(p_any, "unrealistic_offer", also)
    fused = scoring._fuse([finding], view, Fusion(add=0.9, veto=0.1, keep=()),
                          {"id": "m1", "sender": "client", "text": FEE_AND_PROMISE}, _Reader(passages, p_any))
    assert {(f.category, source) for f, source in fused} == expected
    assert all(FEE_AND_PROMISE[f.cp_start:f.cp_end] == "3万円" for f, s in fused if s == "model")


def test_a_category_named_beside_a_refusal_of_it_is_not_named():
    pipeline.ensure()
    text = "月収100万円も可能です。登録料のお振込みは不要です。"
    finding = scoring.Finding("unrealistic_offer", "risk", 0, 8, 0, 8, False)
    view = scoring.ModelView(0.95, "unrealistic_offer", ("upfront_payment",))
    start = text.index("登録料")
    fused = scoring._fuse([finding], view, Fusion(add=0.9, veto=0.1, keep=()),
                          {"id": "m1", "sender": "client", "text": text}, _Reader(((start, start + 3),)))
    assert {(f.category, source) for f, source in fused} == {("unrealistic_offer", "both")}
