'use strict';
// lib/replyguard.js: the freelancer's draft, judged as the worker's next message.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, fromHtml, lib } = require('./helpers.js');

const replyguard = lib('replyguard');
const adapter = lib('adapter');
const DRAFT = replyguard.DRAFT_ID;
const w = (category, severity, ids) => ({ id: category, category, kind: 'risk', severity, title: category, message_ids: ids || [DRAFT] });

test('before a contract, a draft that shares a contact, moves elsewhere, deals directly or sends documents is high', () => {
  for (const category of replyguard.GUARDED) {
    // Whatever severity the text alone earns (the service may call a worker's own words "info").
    const verdict = replyguard.judge({ warnings: [w(category, 'info')] }, 'before_contract');
    assert.deepEqual(verdict, { level: 'high', categories: [category], note: true }, category);
  }
  assert.equal(replyguard.judge({ warnings: [w('contact_details', 'high')] }, 'unknown').note, true);
});

test('after a contract the same draft gets no note; warnings on other messages never count', () => {
  assert.deepEqual(replyguard.judge({ warnings: [w('contact_details', 'info')] }, 'contracted'), { level: 'none', categories: [], note: false });
  assert.equal(replyguard.judge({ warnings: [w('direct_deal', 'high')] }, 'contracted').level, 'high'); // still a risk by itself
  assert.equal(replyguard.judge({ warnings: [w('contact_details', 'high', ['m1'])] }, 'before_contract').level, 'none');
  assert.equal(replyguard.judge({ warnings: [w('pressure', 'low')] }, 'before_contract').level, 'low');
  assert.equal(replyguard.judge({ warnings: [{ ...w('bizmatch', 'info'), kind: 'signal' }] }, 'before_contract').level, 'none');
});

test('the request: the thread\'s last 30 messages, then the draft as the worker\'s message, with the context', () => {
  const messages = Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, sender: i % 2 ? 'worker' : 'client', text: `t${i}`, sent_at: null }));
  const req = replyguard.request('メールは a@b.jp です', { messages, raw: { contract_status: 'before_contract' } });
  assert.equal(req.messages.length, 31);
  assert.equal(req.messages[0].id, 'm10');
  assert.deepEqual(req.messages[30], { id: DRAFT, sender: 'worker', text: 'メールは a@b.jp です' });
  assert.deepEqual(req.context, { contract_status: 'before_contract' });
  assert.equal(replyguard.request('x'.repeat(30000), null).messages[0].text.length, 20000);
});

test('typing is debounced into one request; the verdict marks <html> and shows a note; sending is never touched', async () => {
  const { window } = fromHtml('<form><textarea name="message[body]"></textarea><button type="submit">メッセージを投稿する</button></form>');
  const doc = window.document;
  window.requestAnimationFrame = (f) => setTimeout(f, 0);
  const asked = [];
  const ask = async (message) => {
    asked.push(message);
    return { ok: true, result: { risk: { level: 'high' }, warnings: [w('contact_details', 'info')], highlights: [] } };
  };
  const t = (key, ...subs) => (subs.length ? `${key}(${subs.join(',')})` : key);
  const saved = { setTimeout: global.setTimeout };
  const guard = replyguard.start({ doc, ask, adapter, t: () => t, thread: () => ({ messages: [{ id: 'm1', sender: 'client', text: 'こんにちは' }], contract: 'before_contract', raw: { contract_status: 'before_contract' } }) });
  assert.ok(guard);
  assert.equal(doc.documentElement.getAttribute('data-cwguard-draft'), 'none');
  const box = doc.querySelector('textarea');
  let submitted = 0;
  doc.querySelector('form').addEventListener('submit', (e) => { submitted += 1; e.preventDefault(); });
  for (const chunk of ['メ', 'メール', 'メールは a@b.jp']) {
    box.value = chunk;
    box.dispatchEvent(new window.Event('input', { bubbles: true }));
  }
  await new Promise((r) => saved.setTimeout(r, 900));
  assert.equal(asked.length, 1, 'one request for one burst of typing');
  assert.equal(asked[0].type, 'cwguard:draft');
  assert.equal(asked[0].payload.messages.at(-1).sender, 'worker');
  assert.equal(doc.documentElement.getAttribute('data-cwguard-draft'), 'high');
  const host = doc.getElementById('cwguard-draft-note');
  assert.equal(host.getAttribute('data-shown'), '1');
  assert.equal(host.shadowRoot, null, 'closed');
  assert.equal(host.getAttribute('data-categories'), 'contact_details');
  doc.querySelector('button').click();
  assert.equal(submitted, 1, 'sending still works');
  window.close();
});

test('the draft is never stored or logged: the module touches no storage and no console', () => {
  const source = fs.readFileSync(path.join(ROOT, 'extension', 'lib', 'replyguard.js'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  assert.doesNotMatch(source, /chrome\.storage|localStorage|sessionStorage|indexedDB|console\.|preventDefault|disabled/);
  const background = fs.readFileSync(path.join(ROOT, 'extension', 'background.js'), 'utf8');
  const handler = /case 'cwguard:draft':[\s\S]*?break;/.exec(background)[0].replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(handler, /storage|dispatch|console/);
});

test('a contact written out in full is noted before a contract even when the service says nothing', () => {
  for (const draft of ['連絡は taro.yamada@example.com まで', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ です', '090-1234-5678 にお電話ください', '電話 0312345678']) {
    assert.ok(replyguard.writtenContact(draft), draft);
    assert.deepEqual(replyguard.judge({ warnings: [] }, 'before_contract', draft), { level: 'high', categories: ['contact_details'], note: true }, draft);
  }
  for (const draft of ['納期は 2026-12-01 です', '文字単価1.2円、3000文字で', '承知しました。よろしくお願いします。']) {
    assert.equal(replyguard.writtenContact(draft), false, draft);
  }
  assert.equal(replyguard.judge({ warnings: [] }, 'contracted', 'taro@example.com').note, false);
});
