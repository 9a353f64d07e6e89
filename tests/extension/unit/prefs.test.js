'use strict';
// lib/prefs.js: dismissed warnings, trusted clients and the panel's place, kept in
// chrome.storage.local only; apply() decides what stays on screen.
const test = require('node:test');
const assert = require('node:assert/strict');
const { lib } = require('./helpers.js');

const prefs = lib('prefs');

function memoryStore() {
  const data = {};
  return {
    data,
    async get(keys) { const out = {}; for (const k of keys) if (k in data) out[k] = JSON.parse(JSON.stringify(data[k])); return out; },
    async set(obj) { Object.assign(data, JSON.parse(JSON.stringify(obj))); },
  };
}

const answer = {
  risk: { level: 'high', score: 90 },
  warnings: [
    { id: 'w1', category: 'off_platform_contact', kind: 'risk', severity: 'high', title: 'LINE', message_ids: ['m1'] },
    { id: 'w2', category: 'pressure', kind: 'risk', severity: 'low', title: '急かし', message_ids: ['m2'] },
    { id: 'w3', category: 'platform_contract', kind: 'signal', severity: 'info', title: '安心', message_ids: ['m3'] },
  ],
  highlights: [
    { message_id: 'm1', start: 0, end: 4, text: 'LINE', category: 'off_platform_contact', severity: 'high', warning_id: 'w1' },
    { message_id: 'm2', start: 0, end: 3, text: '本日中', category: 'pressure', severity: 'low', warning_id: 'w2' },
  ],
};
const ctx = { thread: '/proposals/1', clientId: '42', senders: new Map([['m1', 'client'], ['m2', 'client'], ['m3', 'system']]) };

test('threadKey keeps the path only', () => {
  assert.equal(prefs.threadKey('https://crowdworks.jp/proposals/123?x=1#y'), '/proposals/123');
  assert.equal(prefs.threadKey('https://crowdworks.jp/contracts/9/'), '/contracts/9');
});

test('nothing dismissed: the answer is unchanged', () => {
  const split = prefs.apply(answer, prefs.empty(), ctx);
  assert.equal(split.level, 'high');
  assert.deepEqual(split.active.map((w) => w.id), ['w1', 'w2', 'w3']);
  assert.equal(split.highlights.length, 2);
  assert.equal(split.dismissed.length, 0);
});

test('a dismissal hides that warning on that message only, and lowers the level to what remains', () => {
  const p = { ...prefs.empty(), dismissed: [{ thread: '/proposals/1', message: 'm1', category: 'off_platform_contact' }] };
  const split = prefs.apply(answer, p, ctx);
  assert.deepEqual(split.dismissed.map((w) => w.id), ['w1']);
  assert.deepEqual(split.highlights.map((h) => h.text), ['本日中']);
  assert.equal(split.hiddenHighlights, 1);
  assert.equal(split.level, 'low');
  assert.equal(split.serviceLevel, 'high');
  // The same message id in another thread is another message.
  assert.equal(prefs.apply(answer, p, { ...ctx, thread: '/proposals/2' }).level, 'high');
});

test('trusting the client sets aside warnings on its messages, never signals or system notices', () => {
  const p = { ...prefs.empty(), trusted: [{ clientId: '42', name: 'A社' }] };
  const split = prefs.apply(answer, p, ctx);
  assert.deepEqual(split.dismissed.map((w) => w.id), ['w1', 'w2']);
  assert.deepEqual(split.active.map((w) => w.id), ['w3']);
  assert.equal(split.level, 'none');
  assert.equal(prefs.apply(answer, p, { ...ctx, clientId: '43' }).level, 'high');
});

test('countable: notes (info) and signals are not warnings', () => {
  assert.deepEqual(prefs.countable([
    { kind: 'risk', severity: 'info' }, { kind: 'signal', severity: 'info' }, { kind: 'risk', severity: 'low' },
  ]).length, 1);
});

test('dismiss, undo, trust, untrust and the panel state round-trip through storage, without message text', async () => {
  const store = memoryStore();
  await prefs.dismiss({ thread: '/proposals/1', message: 'm1', category: 'off_platform_contact', title: 'LINEへの誘導' }, store);
  await prefs.dismiss({ thread: '/proposals/1', message: 'm1', category: 'off_platform_contact', title: 'again' }, store);
  let loaded = await prefs.load(store);
  assert.equal(loaded.dismissed.length, 1, 'no duplicates');
  assert.deepEqual(Object.keys(loaded.dismissed[0]).sort(), ['at', 'category', 'message', 'thread', 'title']);
  await prefs.trust({ clientId: 42, name: 'A社' }, store);
  await prefs.savePanel({ dock: 'tl', open: false }, store);
  loaded = await prefs.load(store);
  assert.deepEqual(loaded.trusted.map((c) => c.clientId), ['42']);
  assert.deepEqual(loaded.panel, { open: false, dock: 'tl' });
  await prefs.undismiss({ thread: '/proposals/1', message: 'm1', category: 'off_platform_contact' }, store);
  await prefs.untrust('42', store);
  loaded = await prefs.load(store);
  assert.deepEqual([loaded.dismissed, loaded.trusted], [[], []]);
  assert.deepEqual(Object.keys(store.data).sort(), ['cwguardDismissed', 'cwguardPanel', 'cwguardTrusted']);
});

test('malformed storage is cleaned, not trusted', () => {
  const p = prefs.clean({
    cwguardDismissed: [{ thread: 1 }, null, { thread: '/p/1', message: 'm', category: 'x' }],
    cwguardTrusted: [{ clientId: '' }, { clientId: '7' }],
    cwguardPanel: { open: 'yes', dock: 'middle' },
  });
  assert.equal(p.dismissed.length, 1);
  assert.deepEqual(p.trusted.map((c) => c.clientId), ['7']);
  assert.deepEqual(p.panel, { open: null, dock: 'br' });
});
