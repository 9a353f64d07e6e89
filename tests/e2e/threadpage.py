"""CrowdWorks-like proposal thread pages built from a list of messages, for the browser tests.

The markup follows shared/reference/crowdworks-dom.md (CSS-module class names with made-up hash
suffixes: `_messageItem_x7k2q`, `_messageBody_u7i8o`, `a._senderName_r5t6y`, `<time datetime>`,
the reply box `textarea[name="message[body]"]`). Every message string is HTML-escaped, as the
real site does, so markup-like text in a message arrives in the DOM as text.

The page has a small front end of its own, like the real single-page app:
- `#page-counter` counts its clicks (a test checks the page still works after an error);
- the reply box's button 「メッセージを投稿する」 appends the worker's message;
- `window.__fixture.receive({sender, text})` appends an incoming message, as a live update would.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

FIXTURE_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

CLIENT_NAME = "株式会社サンプルメディア"
CLIENT_PATH = "/public/employers/424242"
WORKER_NAME = "山田 花子"
WORKER_PATH = "/public/employees/777777"


@dataclass
class Message:
    sender: str  # client | worker | system
    text: str
    sent_at: str = "2026-11-20T10:00:00+09:00"
    id: str = ""


@dataclass
class Client:
    name: str = CLIENT_NAME
    ratings: dict[str, float] = field(default_factory=lambda: {
        "skill": 4.8, "quality": 4.7, "schedule": 4.9, "communication": 4.8, "partnership": 4.7})
    review_count: int = 86


RATING_LABELS = {"skill": "スキル", "quality": "品質", "schedule": "スケジュール",
                 "communication": "コミュニケーション", "partnership": "パートナーシップ"}

STYLE = """
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.7 "Noto Sans CJK JP", "Hiragino Sans", sans-serif; color: #333; background: #f3f5f7; }
  ._siteHeader_h4g5f { display: flex; align-items: center; justify-content: space-between; padding: 10px 24px;
                       background: #fff; border-bottom: 1px solid #e3e6e8; }
  ._logo_q1w2e { font-weight: 700; color: #0a7ea4; font-size: 18px; }
  ._layout_c3v4b { display: flex; gap: 20px; max-width: 1120px; margin: 20px auto; padding: 0 20px; }
  ._thread_p0o9i { flex: 1; min-width: 0; }
  ._side_m8n7b { width: 280px; flex: none; }
  ._card_z1x2c { background: #fff; border: 1px solid #e3e6e8; border-radius: 6px; padding: 14px 16px; margin-bottom: 14px; }
  ._proposalTitle_t5r4e { margin: 0 0 4px; font-size: 17px; }
  ._contractStatus_z8x7c { display: inline-block; padding: 0 8px; border-radius: 3px; background: #e8f0fe; color: #1a56b0; font-size: 12px; }
  ._messageItem_x7k2q { display: flex; gap: 10px; margin: 0 0 14px; }
  ._messageItem_x7k2q._mine_d5f6g { flex-direction: row-reverse; }
  ._avatar_j7h8g { width: 36px; height: 36px; border-radius: 50%; background: #cfd8dc; flex: none; }
  ._mine_d5f6g ._avatar_j7h8g { background: #b2dfdb; }
  ._bubble_k9l0m { max-width: 78%; }
  ._senderName_r5t6y { font-size: 12px; color: #0a7ea4; text-decoration: none; }
  ._messageBody_u7i8o { background: #fff; border: 1px solid #e3e6e8; border-radius: 8px; padding: 8px 12px; }
  ._mine_d5f6g ._messageBody_u7i8o { background: #f0fbf8; }
  ._messageBody_u7i8o p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  ._messageBody_u7i8o time { display: block; margin-top: 4px; font-size: 11px; color: #888; }
  ._systemNotice_w3e4r ._messageBody_u7i8o { background: #fff8e1; font-size: 13px; }
  ._reply_b6n7m textarea { width: 100%; height: 70px; font: inherit; }
  ._reply_b6n7m button, #page-counter { margin-top: 6px; padding: 4px 14px; font: inherit; }
  ._rating_a2s3d { display: flex; justify-content: space-between; font-size: 13px; }
"""

PAGE_SCRIPT = """
(function () {
  const list = document.querySelector('._messageList_f8g9h');
  let next = list.children.length + 1;
  function esc(s) { const d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  function receive(m) {
    const mine = m.sender === 'worker';
    const wrap = document.createElement('div');
    const id = m.id || ('m' + next++);
    const name = mine ? %(worker_name)s : %(client_name)s;
    const href = mine ? %(worker_path)s : %(client_path)s;
    wrap.className = '_messageItem_x7k2q' + (mine ? ' _mine_d5f6g' : '');
    wrap.setAttribute('data-message-id', id);
    const body = String(m.text).split('\\n').map((line) => '<p>' + esc(line) + '</p>').join('');
    wrap.innerHTML = '<div class="_avatar_j7h8g"></div><div class="_bubble_k9l0m">'
      + '<a class="_senderName_r5t6y" href="' + href + '">' + esc(name) + '</a>'
      + '<div class="_messageBody_u7i8o">' + body
      + '<time datetime="' + (m.sent_at || '2026-11-21T09:00:00+09:00') + '">2026/11/21 09:00</time></div></div>';
    list.appendChild(wrap);
    return id;
  }
  document.getElementById('page-counter').addEventListener('click', (e) => {
    e.currentTarget.textContent = String(Number(e.currentTarget.textContent) + 1);
  });
  document.getElementById('post').addEventListener('click', () => {
    const box = document.querySelector('textarea[name="message[body]"]');
    if (box.value.trim()) receive({sender: 'worker', text: box.value});
    box.value = '';
  });
  window.__fixture = { receive };
})();
"""


# A face-mark menu under the partner's icon, as on CrowdWorks (「問題あるやりとりをクラウドワークスに報告」);
# clicking it marks <body data-report-menu="open"> (thread_html(report_menu=True)).
REPORT_BUTTON = ('<button type="button" class="_faceMenu_k2j3h" title="問題あるやりとりをクラウドワークスに報告"'
                 ' onclick="document.body.setAttribute(\'data-report-menu\', \'open\')">…</button>')
# A site header fixed to the top of the viewport (thread_html(fixed_header=True)).
FIXED_HEADER_STYLE = """
  ._siteHeader_h4g5f { position: fixed; top: 0; left: 0; right: 0; height: 56px; z-index: 50; box-sizing: border-box; }
  body { padding-top: 56px; }
"""


def _message_html(message: Message, index: int, report_menu: bool = False) -> str:
    message_id = message.id or f"m{index}"
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in message.text.split("\n"))
    time_html = f'<time datetime="{html.escape(message.sent_at)}">{html.escape(message.sent_at[:16].replace("T", " "))}</time>'
    if message.sender == "system":
        return (f'<div class="_messageItem_x7k2q _systemNotice_w3e4r" data-message-id="{message_id}">'
                f'<div class="_bubble_k9l0m"><span class="_senderName_r5t6y">クラウドワークス事務局</span>'
                f'<div class="_messageBody_u7i8o">{lines}{time_html}</div></div></div>')
    mine = message.sender == "worker"
    name, path = (WORKER_NAME, WORKER_PATH) if mine else (CLIENT_NAME, CLIENT_PATH)
    menu = REPORT_BUTTON if report_menu and not mine else ""
    return (f'<div class="_messageItem_x7k2q{" _mine_d5f6g" if mine else ""}" data-message-id="{message_id}">'
            f'<div class="_avatar_j7h8g"></div>{menu}<div class="_bubble_k9l0m">'
            f'<a class="_senderName_r5t6y" href="{path}">{html.escape(name)}</a>'
            f'<div class="_messageBody_u7i8o">{lines}{time_html}</div></div></div>')


def _client_html(client: Client | None) -> str:
    if client is None:
        return ""
    ratings = "".join(f'<div class="_rating_a2s3d"><span>{RATING_LABELS[k]}</span><span>{v}</span></div>'
                      for k, v in client.ratings.items())
    return (f'<section class="_card_z1x2c _employerInfo_k3j4h"><a href="{CLIENT_PATH}">{html.escape(client.name)}</a>'
            f'{ratings}<div class="_rating_a2s3d"><span>評価数</span><span>{client.review_count}件</span></div></section>')


def thread_html(messages: list[Message], title: str = "記事作成（SEOライティング）のご提案",
                status: str = "応募中", client: Client | None = None, *, fixed_header: bool = False,
                report_menu: bool = False, extra_style: str = "") -> str:
    """A whole proposal-thread page. `client=None` gives a default reputable client.
    fixed_header: the site header stays at the top of the viewport; report_menu: CrowdWorks'
    face-mark menu under each client message's icon; extra_style: more CSS for the page."""
    client = client or Client()
    items = "\n".join(_message_html(m, i, report_menu) for i, m in enumerate(messages, start=1))
    script = PAGE_SCRIPT % {
        "worker_name": json.dumps(WORKER_NAME, ensure_ascii=False), "client_name": json.dumps(client.name, ensure_ascii=False),
        "worker_path": json.dumps(WORKER_PATH), "client_path": json.dumps(CLIENT_PATH),
    }
    return f"""<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>{html.escape(title)} | クラウドワークス</title>
<style>{STYLE}{FIXED_HEADER_STYLE if fixed_header else ""}{extra_style}</style></head>
<body>
<header class="_siteHeader_h4g5f"><span class="_logo_q1w2e">CrowdWorks</span>
  <span class="_currentUserName_n1m2b">{html.escape(WORKER_NAME)}</span></header>
<div class="_layout_c3v4b">
  <main class="_thread_p0o9i">
    <div class="_card_z1x2c"><h1 class="_proposalTitle_t5r4e">{html.escape(title)}</h1>
      <span class="_contractStatus_z8x7c">{html.escape(status)}</span></div>
    <div class="_messageList_f8g9h">
{items}
    </div>
    <form class="_card_z1x2c _reply_b6n7m" onsubmit="return false">
      <textarea name="message[body]" placeholder="メッセージを入力"></textarea>
      <button type="button" id="post">メッセージを投稿する</button>
    </form>
  </main>
  <aside class="_side_m8n7b">{_client_html(client)}
    <div class="_card_z1x2c">このページのボタン <button type="button" id="page-counter">0</button></div>
  </aside>
</div>
<script id="fixture-script">{script}</script>
</body></html>
"""


def fixture_page(name: str) -> str:
    """One of the extension's CrowdWorks-like fixture pages (tests/fixtures/pages/), with their
    shared stylesheet inlined: the page is served alone as https://crowdworks.jp/..."""
    html = (FIXTURE_PAGES / name).read_text(encoding="utf-8")
    css = (FIXTURE_PAGES / "crowdworks.css").read_text(encoding="utf-8")
    return html.replace('<link rel="stylesheet" href="crowdworks.css">', f"<style>\n{css}</style>")
