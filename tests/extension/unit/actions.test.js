'use strict';
// lib/actions.js: the one-line why / what to do of a warning, the refusal per category, and
// CrowdWorks' own reporting route.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, fromHtml, lib } = require('./helpers.js');

const actions = lib('actions');
const adapter = lib('adapter');
const i18n = lib('i18n');
const dict = (lang) => i18n.flatten(JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8')));
const ja = i18n.translator(dict('ja'));
const en = i18n.translator(dict('en'));

test('every category has its own why, what to do, worker-side why and refusal, in Japanese and English', () => {
  for (const lang of ['ja', 'en']) {
    const d = dict(lang);
    for (const cat of actions.CATEGORIES) {
      for (const key of [`why_${cat}`, `todo_${cat}`]) assert.ok(d[key], `${lang} ${key}`);
      if (!actions.THREAD_LEVEL.has(cat)) {
        assert.ok(d[`whyOwn_${cat}`], `${lang} whyOwn_${cat}`);
        assert.ok(d[`refusal_${cat}`], `${lang} refusal_${cat}`);
      }
    }
    assert.ok(d.refusal_generic && d.todoOwn);
  }
});

test('the Japanese why and what-to-do lines are short enough for one line of the card', () => {
  const d = dict('ja');
  for (const cat of actions.CATEGORIES) {
    for (const key of [`why_${cat}`, `todo_${cat}`, `whyOwn_${cat}`]) {
      if (d[key]) assert.ok([...d[key]].length <= 30, `${key}: ${d[key]}`);
    }
  }
});

test('refusals follow the advice: keep it on CrowdWorks, ask about permission, refuse fees and documents', () => {
  const r = (cat) => actions.refusal(cat, ja);
  assert.match(r('off_platform_contact'), /クラウドワークス/);
  assert.match(r('off_platform_contact'), /事務局の許可/);
  assert.match(r('direct_deal'), /契約とお支払いはクラウドワークス/);
  assert.match(r('upfront_payment'), /お支払いすることはできかねます/);
  assert.match(r('personal_info'), /本人確認書類/);
  assert.equal(r('something_new'), ja('refusal_generic'));
  assert.match(actions.refusal('direct_deal', en), /CrowdWorks/);
  for (const cat of actions.CATEGORIES) assert.doesNotMatch(r(cat), /LINE|ID|@/, 'a refusal never carries contact details');
});

test('lines(): our words for risks, worker-side words for the freelancer\'s own message, the service\'s for notes', () => {
  const w = { id: 'w1', category: 'off_platform_contact', kind: 'risk', severity: 'high', title: '誘導されています', advice: '伝えましょう。次の文。' };
  assert.deepEqual(actions.lines(w, ja, false), { why: ja('why_off_platform_contact'), todo: ja('todo_off_platform_contact') });
  const own = actions.lines(w, ja, true);
  assert.match(own.why, /^あなたのメッセージ/);
  assert.doesNotMatch(`${own.why}${own.todo}`, /誘導されています/);
  // After a contract the service words a note itself (phase-aware): its title and first sentence.
  const note = actions.lines({ ...w, severity: 'info', title: '契約後のチャット利用' }, ja, false);
  assert.deepEqual(note, { why: '契約後のチャット利用', todo: '伝えましょう。' });
  // An unknown category falls back to the service's words.
  assert.deepEqual(actions.lines({ ...w, category: 'new_kind' }, ja, false), { why: '誘導されています', todo: '伝えましょう。' });
});

test('what can be done with which warning', () => {
  assert.equal(actions.canRefuse({ kind: 'risk', category: 'direct_deal' }), true);
  assert.equal(actions.canRefuse({ kind: 'risk', category: 'slow_reply' }), false);
  assert.equal(actions.canRefuse({ kind: 'signal', category: 'bizmatch' }), false);
  assert.equal(actions.canDismiss({ kind: 'risk', message_ids: ['m1'] }), true);
  assert.equal(actions.canDismiss({ kind: 'risk', message_ids: [] }), false);
});

const THREAD = `
  <div class="_messageItem_a1" data-message-id="m1"><div class="_avatar_a1"></div>
    <button class="_faceMenu_a1" title="問題あるやりとりをクラウドワークスに報告">…</button>
    <a class="_senderName_a1" href="/public/employers/5">A社</a><div class="_messageBody_a1"><p>LINEで</p></div></div>
  <div class="_messageItem_a1" data-message-id="m2"><a class="_senderName_a1" href="/public/employees/9">私</a>
    <div class="_messageBody_a1"><p>承知しました</p></div></div>
  <form><textarea name="message[body]"></textarea><button type="button">メッセージを投稿する</button></form>`;

test('report(): opens the page\'s own report menu, else focuses the partner\'s profile link', () => {
  const { window } = fromHtml(THREAD);
  const doc = window.document;
  let clicked = 0;
  doc.querySelector('._faceMenu_a1').addEventListener('click', () => { clicked += 1; });
  window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
  const got = actions.report(doc, adapter, doc.querySelector('[data-message-id=m1]'));
  assert.equal(got.how, 'control');
  assert.equal(clicked, 1);

  doc.querySelector('._faceMenu_a1').remove();
  const icon = actions.report(doc, adapter, doc.querySelector('[data-message-id=m2]'));
  assert.equal(icon.how, 'icon');
  assert.equal(doc.activeElement.getAttribute('href'), '/public/employers/5', 'the partner, not the freelancer');
});

test('adapter.replyControls finds the reply box and its send button', () => {
  const { window } = fromHtml(THREAD);
  const c = adapter.replyControls(window.document);
  assert.equal(c.box.getAttribute('name'), 'message[body]');
  assert.equal(c.send.textContent, 'メッセージを投稿する');
  assert.deepEqual(adapter.replyControls(fromHtml('<p>no form</p>').window.document), { box: null, send: null });
});
