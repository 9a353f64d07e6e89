"""The eighth, ninth and tenth sessions' families (tests/support/phase_families.py, genre_families.py,
weak_spot_families.py), read by the rules alone: each lure is flagged in its category, each
look-alike gets no risk warning, at the contract status of its moment. Then the thread-level rules of the same rounds: a channel named beside the contact it hands
over is highlighted as the move, and after a contract a sender's contact that follows their own
invitation for more work continues it."""
import pytest

from support.genre_families import GENRE_FLAGGED, GENRE_PASSED
from support.phase_families import PHASE_FLAGGED, PHASE_PASSED
from support.scoring import categories as rule_categories
from support.weak_spot_families import WEAK_SPOT_FLAGGED, WEAK_SPOT_PASSED


@pytest.mark.parametrize("family, text, category, sender, status", PHASE_FLAGGED + GENRE_FLAGGED + WEAK_SPOT_FLAGGED)
def test_the_rules_flag_each_family(family, text, category, sender, status):
    assert category in rule_categories(text, sender=sender, status=status), family


@pytest.mark.parametrize("family, text, sender, status", PHASE_PASSED + GENRE_PASSED + WEAK_SPOT_PASSED)
def test_the_rules_pass_each_look_alike(family, text, sender, status):
    assert rule_categories(text, sender=sender, status=status) == set(), family


def _answer(messages: list[tuple[str, str]], status: str) -> dict:
    from cwguard.pipeline import score_request
    from cwguard.schemas import load_request
    payload = {"messages": [{"id": f"m{i}", "sender": sender, "text": text} for i, (sender, text) in enumerate(messages, 1)],
               "context": {"contract_status": status}}
    return score_request(load_request(payload), detection="rules")


@pytest.mark.parametrize("text, channel", [
    ("WhatsApp pls  +44 7700 900412", "WhatsApp"),
    ("テレグラム。t.me/kx_task_desk 入ったら番号言って", "テレグラム"),
    ("作業指示はテレグラムのグループで配信しています。@kx_task_desk を検索して参加してください", "テレグラム"),
])
def test_the_channel_beside_the_contact_it_hands_over_is_highlighted_as_the_move(text, channel):
    answer = _answer([("client", text)], "before_contract")
    moves = {h["text"] for h in answer["highlights"] if h["category"] == "off_platform_contact" and h["severity"] != "info"}
    contacts = {h["category"] for h in answer["highlights"] if h["severity"] != "info"}
    assert channel in moves and "contact_details" in contacts


def _serious(answer: dict, message_id: str) -> set[str]:
    return {h["category"] for h in answer["highlights"] if h["message_id"] == message_id and h["severity"] != "info"}


def test_after_a_contract_a_contact_that_follows_an_invitation_for_more_work_continues_it():
    answer = _answer([("client", "CWでは出せない高単価の案件を緑のアプリで配信しています"),
                      ("client", "lin.ee/Qx73kPa"),
                      ("worker", "検討します")], "contracted")
    assert "off_platform_contact" in _serious(answer, "m1")
    assert "contact_details" in _serious(answer, "m2")


def test_after_a_contract_a_contact_for_the_work_itself_stays_allowed():
    answer = _answer([("client", "進行はChatworkでお願いします"),
                      ("client", "https://www.chatwork.com/g/team-loc")], "contracted")
    assert _serious(answer, "m1") == set() and _serious(answer, "m2") == set()


def test_the_invitation_carries_only_the_inviting_senders_contacts():
    answer = _answer([("client", "CWでは出せない高単価の案件を緑のアプリで配信しています"),
                      ("worker", "私の作業用Chatworkはこちらです https://www.chatwork.com/g/worker-room")], "contracted")
    assert _serious(answer, "m2") == set()


@pytest.mark.parametrize("invitation", [
    "あと単価高めの案件はオープンチャットで流してます",
    "副業の案件はLINEグループで配信中です、よかったらどうぞ",
])
def test_an_approval_allows_the_works_contact_not_an_invitation_for_more_jobs(invitation):
    """RUBRIC.md: an approved サービス外連絡申請 makes the work's contact benign, as a contract does;
    an invitation the work does not need stays a risk after it, as after a contract (round 16)."""
    answer = _answer([("client", "サービス外連絡申請を提出しました"), ("system", "サービス外連絡申請（Chatwork）が承認されました。"),
                      ("client", "承認されましたので、ChatworkのIDをお送りします。lensworks_pr"), ("client", invitation)],
                     "before_contract")
    severities = {(w["category"], w["severity"], tuple(w["message_ids"])) for w in answer["warnings"] if w["kind"] == "risk"}
    assert ("off_platform_contact", "high", ("m4",)) in severities, severities
    assert all(severity == "info" for category, severity, ids in severities if "m3" in ids), severities
