'use strict';
// The adapter's work grows in proportion to the thread: the DOM calls it makes to read a thread of
// 4n messages are at most about four times those for n. Counted, not timed, so a loaded machine cannot
// turn it red; a step that compares every message with every other (the old outermost(), 433 ms on
// 3,000 messages) multiplies its calls by sixteen and fails. The time itself is `make bench`'s
// (bench/browser.py: the longest main-thread task of a scan).
const test = require('node:test');
const assert = require('node:assert/strict');
const { fromHtml, lib } = require('./helpers.js');

const adapter = lib('adapter');
const COUNTED = [['Node', 'contains'], ['Node', 'compareDocumentPosition'], ['Element', 'querySelector'],
  ['Element', 'querySelectorAll'], ['Element', 'matches'], ['Element', 'closest'], ['Document', 'querySelector'],
  ['Document', 'querySelectorAll']];

function message(i) {
  const mine = i % 2 === 1;
  const text = i % 10 === 3 ? `#${i} 詳細はLINEでお伝えします。ID: cw_${i} を追加してください。`
    : `#${i} 承知しました。構成案を明日までにお送りします。`;
  const sender = mine ? '<a class="_senderName_r5t6y" href="/public/employees/200">山田花子</a>'
    : '<a class="_senderName_r5t6y" href="/public/employers/100">株式会社テスト</a>';
  const minute = String(i % 60).padStart(2, '0');
  return `<div class="_messageItem_x7k2q${mine ? ' _mine_d5f6g' : ''}" data-message-id="m${i}">`
    + `<div class="_bubble_k9l0m">${sender}<div class="_messageBody_u7i8o"><p>${text}</p>`
    + `<time datetime="2026-11-20T10:${minute}:00+09:00">2026-11-20 10:${minute}</time></div></div></div>`;
}

function threadOf(n) {
  const items = Array.from({ length: n }, (_, i) => message(i + 1)).join('');
  return fromHtml('<header class="_siteHeader_h4g5f"><span class="_currentUserName_n1m2b">山田花子</span></header>'
    + '<main class="_thread_p0o9i"><div class="_card_z1x2c"><h1 class="_proposalTitle_t5r4e">記事作成</h1>'
    + `<span class="_contractStatus_z8x7c">応募中</span></div><div class="_messageList_f8g9h">${items}</div></main>`);
}

/** DOM calls made while reading a thread of n messages, and what was read. */
function domCallsToScrape(n) {
  const dom = threadOf(n);
  const win = dom.window;
  let calls = 0;
  for (const [type, name] of COUNTED) {
    const proto = win[type].prototype;
    const original = proto[name];
    proto[name] = function counted(...args) { calls += 1; return original.apply(this, args); };
  }
  const result = adapter.scrape(win.document);
  return { calls, read: result.messages.length };
}

test('reading a thread costs DOM calls in proportion to its length', () => {
  const small = domCallsToScrape(150);
  const large = domCallsToScrape(600);
  assert.equal(small.read, 150);
  assert.equal(large.read, 600);
  assert.ok(small.calls > 150, `the count sees the adapter's calls (${small.calls})`);
  const growth = large.calls / small.calls;
  assert.ok(growth <= 4.4, `4x the messages cost ${growth.toFixed(2)}x the DOM calls (${small.calls} -> ${large.calls})`);
});

test('the counter would see a step that compares every message with every other', () => {
  // The same count around a deliberately quadratic reader: what the test above is there to catch.
  const dom = threadOf(120);
  const win = dom.window;
  let calls = 0;
  const original = win.Node.prototype.contains;
  win.Node.prototype.contains = function counted(other) { calls += 1; return original.call(this, other); };
  const items = [...win.document.querySelectorAll('[data-message-id]')];
  const outermost = items.filter((a) => !items.some((b) => b !== a && b.contains(a)));
  assert.equal(outermost.length, 120);
  assert.ok(calls >= 120 * 119, `a pairwise step makes n(n-1) calls (${calls})`);
});
