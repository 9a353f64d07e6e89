'use strict';
// lib/ui.js in jsdom: the panel's words and counts, actions and dismissed list, ARIA, the card's
// two lines, closed shadow roots. (Placement needs layout: tested in Chromium, test_e2e_placement.py.)
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, fromHtml, lib } = require('./helpers.js');

const ui = lib('ui');
const prefs = lib('prefs');
const i18n = lib('i18n');
const ja = i18n.translator(i18n.flatten(JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', '_locales', 'ja', 'messages.json'), 'utf8'))));

const W = {
  lure: { id: 'w1', category: 'off_platform_contact', kind: 'risk', severity: 'high', title: '外部連絡の誘導', detail: '詳細文。', advice: '助言文。', message_ids: ['m1'] },
  fee: { id: 'w2', category: 'upfront_payment', kind: 'risk', severity: 'medium', title: '前払い', detail: '', advice: '', message_ids: ['m3'] },
  note: { id: 'w3', category: 'off_platform_contact', kind: 'risk', severity: 'info', title: '契約後のチャット', detail: '', advice: '', message_ids: ['m2'] },
  signal: { id: 'w4', category: 'platform_contract', kind: 'signal', severity: 'info', title: '契約はクラウドワークスで', message_ids: [] },
};

function setup(env) {
  const { window } = fromHtml('<main><p>page</p></main>');
  window.requestAnimationFrame = (f) => setTimeout(f, 0);
  const calls = [];
  const hooks = {
    context: () => ({ thread: '/proposals/1', clientId: '5', clientName: 'A社', senders: new Map([['m1', 'client'], ['m2', 'client'], ['m3', 'client'], ['m9', 'worker']]) }),
    prefs: () => prefs.empty(),
    prefsReady: () => true,
    count: () => 7,
    onDismiss: (w, ids) => calls.push(['dismiss', w.id, ids]),
    onUndismiss: (w) => calls.push(['undismiss', w.id]),
    onTrust: () => calls.push(['trust']),
    onUntrust: (id) => calls.push(['untrust', id]),
    onPanelState: (s) => calls.push(['panel', s]),
    onRendered: () => {},
    ...(env || {}),
  };
  ui.configure(hooks);
  return { window, doc: window.document, calls };
}

test('the panel is in a closed shadow root, just before <body>, with a labelled toggle that controls its body', () => {
  const { doc } = setup();
  const panel = ui.createPanel(doc, ja, {});
  assert.equal(doc.body.previousElementSibling.id, 'cwguard-panel'); // before <body>: first in Tab order
  assert.equal(doc.getElementById('cwguard-panel').shadowRoot, null);
  const toggle = panel.root.getElementById('toggle');
  assert.equal(toggle.getAttribute('aria-controls'), 'body');
  assert.ok(panel.root.getElementById('body'));
  assert.equal(toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(panel.root.querySelector('[aria-live]').getAttribute('aria-live'), 'polite');
});

test('counts agree and read the same as the popup: warnings of low and above, and the places drawn', () => {
  const { doc } = setup();
  const panel = ui.createPanel(doc, ja, {});
  panel.render({ state: 'high', warnings: [W.lure, W.fee, W.note, W.signal], jumpable: new Set(['w1']) });
  assert.equal(panel.root.getElementById('label').textContent, '高リスク');
  assert.equal(panel.root.getElementById('mark').textContent, '高');
  assert.equal(panel.root.getElementById('count').textContent, '警告 2 件（7 か所）');
  assert.match(panel.root.querySelector('[aria-live]').textContent, /高リスク、警告 2 件/);
});

test('a clean thread with only notes says 「リスクなし」 with no count', () => {
  const { doc } = setup();
  const panel = ui.createPanel(doc, ja, {});
  panel.render({ state: 'none', warnings: [W.note, W.signal], jumpable: new Set() });
  assert.equal(panel.root.getElementById('label').textContent, 'リスクなし');
  assert.equal(panel.root.getElementById('count').textContent, '');
  assert.equal(panel.root.getElementById('status').textContent, '警告はありません。参考情報のみです。');
});

test('it opens itself only for high risk; the freelancer\'s choice is remembered', async () => {
  const { doc, calls } = setup();
  const medium = ui.createPanel(doc, ja, {});
  medium.render({ state: 'medium', warnings: [W.fee], jumpable: new Set() });
  assert.equal(medium.isOpen(), false);
  const high = ui.createPanel(doc, ja, {});
  high.render({ state: 'high', warnings: [W.lure], jumpable: new Set() });
  assert.equal(high.isOpen(), true);
  high.root.getElementById('toggle').click();
  assert.equal(high.isOpen(), false);
  assert.deepEqual(calls.at(-1), ['panel', { open: false, dock: 'br' }]);
  high.root.getElementById('dock').click();
  assert.deepEqual(calls.at(-1), ['panel', { open: false, dock: 'tr' }]);
  assert.equal(high.root.getElementById('panel').getAttribute('data-dock'), 'tr');
});

test('dismissed warnings and trusted clients are listed with an undo', () => {
  const p = { ...prefs.empty(), dismissed: [{ thread: '/proposals/1', message: 'm1', category: 'off_platform_contact' }], trusted: [{ clientId: '5', name: 'A社' }] };
  const { doc, calls } = setup({ prefs: () => p });
  const panel = ui.createPanel(doc, ja, {});
  panel.render({ state: 'high', warnings: [W.lure, W.fee], jumpable: new Set() });
  const listed = panel.root.getElementById('dismissed-list');
  assert.equal(panel.root.getElementById('dismissed').hidden, false);
  assert.match(listed.textContent, /外部連絡の誘導（問題なしにしました）/);
  assert.match(listed.textContent, /信頼したクライアント: A社/);
  // Trusting client 5 sets aside the fee warning too (its message is the client's).
  assert.equal(panel.root.querySelectorAll('#warnings > li').length, 0);
  listed.querySelector('[data-action="undo"]').click();
  listed.querySelector('[data-action="untrust"]').click();
  assert.deepEqual(calls.slice(-2), [['undismiss', 'w1'], ['untrust', '5']]);
});

test('panel items carry the marks and the actions; stale answers say so with their time', () => {
  const { doc, calls } = setup();
  const panel = ui.createPanel(doc, ja, {});
  const at = new Date(2026, 10, 20, 14, 7).getTime();
  panel.render({ state: 'high', warnings: [W.lure, W.fee], jumpable: new Set(['w1']), stale: { at, error: { code: 'unreachable' } } });
  const items = [...panel.root.querySelectorAll('#warnings > li')];
  assert.deepEqual(items.map((li) => li.querySelector('.sev').textContent), ['高', '中']);
  assert.equal(items[0].querySelector('.wtitle').textContent, ja('why_off_platform_contact'));
  items[0].querySelector('[data-action="dismiss"]').click();
  assert.deepEqual(calls.at(-1), ['dismiss', 'w1', ['m1']]);
  assert.equal(panel.root.getElementById('panel').getAttribute('data-stale'), '1');
  assert.match(panel.root.getElementById('stale').textContent, /前回の結果（14:07）/);
  assert.match(panel.root.getElementById('stale').textContent, /判定サービスに接続できません/);
  assert.equal(panel.isOpen(), false, 'a stale answer does not pop the panel open');
});

test('notes on what was not covered and the client\'s facts are shown in the panel', () => {
  const { doc } = setup();
  const panel = ui.createPanel(doc, ja, {});
  assert.equal(panel.rendersNotes, true);
  panel.render({ state: 'low', warnings: [], jumpable: new Set(), notes: [{ code: 'dropped_messages', count: 3, text: '古い 3 件は判定していません' }],
    facts: [{ key: 'rating', value: 3.4 }, { key: 'reviews', value: 2 }, { key: 'identity', value: false }] });
  assert.equal(panel.root.querySelector('#notes li').textContent, '古い 3 件は判定していません');
  assert.equal(panel.root.getElementById('facts').textContent, 'クライアント: 評価 3.4、評価数 2 件、本人確認未提出');
});

test('the card: one line why, one line what to do, 「詳しく」 for the service\'s words, worker-side on own messages', () => {
  const { doc } = setup();
  const card = ui.createCard(doc, ja);
  assert.equal(doc.getElementById('cwguard-card').shadowRoot, null);
  card.show({ warning: W.lure, severity: 'high', highlight: { text: 'LINE' }, text: 'LINE', entry: { id: 'm1' } }, { left: 10, top: 10, bottom: 30, right: 60 });
  const r = card.root;
  const c = r.querySelector('.card');
  assert.equal(c.getAttribute('role'), 'dialog');
  assert.deepEqual(c.getAttribute('aria-labelledby').split(' ').map((id) => r.getElementById(id).textContent), ['「LINE」', ja('why_off_platform_contact')]);
  assert.equal(r.querySelector('.todo').textContent, ja('todo_off_platform_contact'));
  assert.equal(r.getElementById('more').hidden, true);
  const actions = [...r.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action'));
  assert.deepEqual(actions, ['copy-refusal', 'report', 'dismiss', 'trust']);
  r.querySelector('button.more').click();
  assert.equal(r.getElementById('more').hidden, false);
  assert.match(r.getElementById('more').textContent, /外部連絡の誘導詳細文。/);

  card.show({ warning: W.lure, severity: 'high', highlight: { text: 'LINE' }, text: 'LINE', entry: { id: 'm9' } }, { left: 10, top: 10, bottom: 30, right: 60 });
  assert.match(r.querySelector('.why').textContent, /^あなたのメッセージ/);
  assert.doesNotMatch(r.querySelector('.card').textContent, /外部連絡の誘導/);
  assert.ok(![...r.querySelectorAll('[data-action]')].some((b) => b.getAttribute('data-action') === 'trust'), 'no trusting oneself');
});

test('a card opened from the keyboard takes focus and gives it back when it closes', () => {
  const { doc } = setup();
  const card = ui.createCard(doc, ja);
  const input = doc.createElement('textarea');
  doc.body.appendChild(input);
  input.focus();
  card.show({ warning: W.lure, severity: 'high', highlight: { text: 'LINE' }, text: 'LINE', entry: { id: 'm1' } }, { left: 0, top: 0, bottom: 10, right: 10 }, { focus: true });
  assert.equal(doc.activeElement.id, 'cwguard-card');
  card.root.querySelector('.card').dispatchEvent(new doc.defaultView.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  assert.equal(card.isOpen(), false);
  assert.equal(doc.activeElement, input);
});
