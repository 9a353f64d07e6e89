'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFixture, lib } = require('./helpers.js');

const adapter = lib('adapter');
const paint = lib('paint');

function highlightFor(entry, word, extra) {
  const start = entry.map.text.indexOf(word);
  assert.ok(start >= 0, word);
  return Object.assign({ message_id: entry.id, start, end: start + word.length, text: word, severity: 'high', warning_id: 'w1', category: 'off_platform_contact' }, extra);
}

function run(painter, entries, highlights, warnings) {
  const steps = painter.paintSteps(entries, highlights, new Map((warnings || []).map((w) => [w.id, w])));
  for (;;) { const s = steps.next(); if (s.done) return s.value; }
}

test('without the Highlight API (jsdom), <mark> fallback wraps exactly the words, even across elements', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const painter = paint.createPainter(doc, dom.window);
  assert.equal(painter.mode, 'mark');
  const { entries } = adapter.scrape(doc);
  const hl = [highlightFor(entries[0], 'LINE'), highlightFor(entries[0], 'abc_123', { warning_id: 'w2' }),
    highlightFor(entries[2], '直接契約', { severity: 'medium', warning_id: 'w3' })];
  const count = run(painter, entries, hl, [{ id: 'w1', title: 't' }]);
  assert.equal(count, 3);
  const marks = Array.from(doc.querySelectorAll('mark.cwguard-mark'));
  assert.deepEqual(marks.map((m) => m.textContent), ['LI', 'NE', 'abc_123', '直接契約']);
  assert.ok(marks[3].classList.contains('cwguard-sev-medium'));
  assert.equal(painter.items()[0].range.toString(), 'LINE');
  assert.equal(painter.items()[0].warning.title, 't');
  // The page's text is unchanged, and clearing restores the original structure.
  assert.equal(adapter.scrape(doc).messages[0].text, entries[0].map.text);
  painter.clear();
  assert.equal(doc.querySelectorAll('mark').length, 0);
  assert.equal(doc.querySelector('strong').textContent, 'LI');
  assert.equal(adapter.scrape(doc).messages[0].text, entries[0].map.text);
});

test('a highlight whose text no longer matches the message is skipped', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const painter = paint.createPainter(doc, dom.window);
  const { entries } = adapter.scrape(doc);
  const wrong = Object.assign(highlightFor(entries[0], 'LINE'), { text: 'Skype' });
  const unknownMessage = Object.assign(highlightFor(entries[0], 'LINE'), { message_id: 'nope' });
  assert.equal(run(painter, entries, [wrong, unknownMessage]), 0);
});

test('CSS Custom Highlight API mode registers one Highlight per severity with exact ranges', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const registry = new Map();
  class FakeHighlight extends Set { constructor(...ranges) { super(ranges); this.priority = 0; } }
  const win = { CSS: { highlights: registry }, Highlight: FakeHighlight };
  const painter = paint.createPainter(doc, win);
  assert.equal(painter.mode, 'css');
  const { entries } = adapter.scrape(doc);
  const count = run(painter, entries, [highlightFor(entries[0], 'LINE'), highlightFor(entries[2], '初期費用3万円', { severity: 'low' })]);
  assert.equal(count, 2);
  assert.deepEqual([...registry.get('cwguard-high')].map((r) => r.toString()), ['LINE']);
  assert.deepEqual([...registry.get('cwguard-low')].map((r) => r.toString()), ['初期費用3万円']);
  assert.ok(registry.get('cwguard-high').priority > registry.get('cwguard-low').priority);
  assert.equal(doc.querySelectorAll('mark').length, 0); // the page's DOM is untouched
  painter.clear();
  assert.equal(registry.size, 0);
});

test('runSliced yields to the event loop when a slice runs over budget and can be stopped', async () => {
  function* slow() { for (let i = 0; i < 5; i++) { const until = Date.now() + 3; while (Date.now() < until) { /* work */ } yield i; } return 'done'; }
  assert.equal(await paint.runSliced(slow(), { budgetMs: 1 }), 'done');
  let stop = false;
  setTimeout(() => { stop = true; }, 0);
  assert.equal(await paint.runSliced(slow(), { budgetMs: 1, shouldStop: () => stop }), undefined);
});

// ------------------------------------------------------------------ issue 10

test('snapToWords: a highlight that stops inside a word ends on its boundary', () => {
  const snap = (text, word) => {
    const start = text.indexOf(word);
    const [a, b] = paint.snapToWords(text, start, start + word.length);
    return text.slice(a, b);
  };
  assert.equal(snap('詳細はLINEでお伝えします', 'LIN'), 'LINE');
  assert.equal(snap('詳細はLINEでお伝えします', 'INE'), 'LINE');
  assert.equal(snap('ID: abc_123 を追加', 'abc_1'), 'abc_123');
  assert.equal(snap('チャットワークで話しましょう', 'チャットワー'), 'チャットワーク');
  assert.equal(snap('本人確認書類を送ってください', '確認書'), '確認書類');
  assert.equal(snap('手数料がもったいないので直接契約させていただけませんか', '直接契約させ'), '直接契約');
  // Whole words stay as they are; white space and punctuation are never crossed.
  assert.equal(snap('詳細はLINEでお伝えします', 'LINE'), 'LINE');
  assert.equal(snap('お振込みください', 'お振込み'), 'お振込み');
  assert.equal(snap('abc def', 'c d'), 'abc def');
});

function fakeCssWindow() {
  const registry = new Map();
  class FakeHighlight extends Set { constructor(...ranges) { super(ranges); this.priority = 0; } }
  return { registry, win: { CSS: { highlights: registry }, Highlight: FakeHighlight } };
}

test('setStale draws the same passages under the stale names, and back', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const { registry, win } = fakeCssWindow();
  const painter = paint.createPainter(doc, win);
  const { entries } = adapter.scrape(doc);
  run(painter, entries, [highlightFor(entries[0], 'LINE'), highlightFor(entries[2], '直接契約', { severity: 'medium' })]);
  painter.setStale(true);
  assert.equal(painter.isStale(), true);
  assert.deepEqual([...registry.get('cwguard-stale-high')].map((r) => r.toString()), ['LINE']);
  assert.deepEqual([...registry.get('cwguard-stale-medium')].map((r) => r.toString()), ['直接契約']);
  assert.equal(registry.has('cwguard-high'), false);
  painter.setStale(false);
  assert.deepEqual([...registry.get('cwguard-high')].map((r) => r.toString()), ['LINE']);
  assert.equal(registry.has('cwguard-stale-high'), false);
  // A new answer is never stale.
  painter.setStale(true);
  run(painter, entries, [highlightFor(entries[0], 'LINE')]);
  assert.equal(painter.isStale(), false);
  assert.ok(registry.has('cwguard-high'));
});

test('setFilter + refilter hide dismissed passages without re-reading the page; ordered() is reading order', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const { registry, win } = fakeCssWindow();
  const painter = paint.createPainter(doc, win);
  const { entries } = adapter.scrape(doc);
  run(painter, entries, [highlightFor(entries[2], '直接契約'), highlightFor(entries[0], 'abc_123'), highlightFor(entries[0], 'LINE')]);
  assert.deepEqual(painter.ordered().map((i) => i.text), ['LINE', 'abc_123', '直接契約']);
  let hidden = new Set(['LINE']);
  painter.setFilter((item) => hidden.has(item.text));
  assert.equal(painter.refilter(), 2);
  assert.deepEqual([...registry.get('cwguard-high')].map((r) => r.toString()).sort(), ['abc_123', '直接契約']);
  assert.equal(painter.allItems().length, 3);
  hidden = new Set();
  assert.equal(painter.refilter(), 3);
});

test('re-painting the same answer touches no range; a new passage is added alone (no whole-page repaint)', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const registry = new Map();
  let changes = 0;
  class CountingHighlight extends Set {
    constructor(...ranges) { super(ranges); this.priority = 0; }
    add(r) { changes += 1; return super.add(r); }
    delete(r) { changes += 1; return super.delete(r); }
  }
  const sets = [];
  const win = { CSS: { highlights: { set: (k, v) => { sets.push(k); registry.set(k, v); }, delete: (k) => registry.delete(k), get: (k) => registry.get(k), has: (k) => registry.has(k) } }, Highlight: CountingHighlight };
  const painter = paint.createPainter(doc, win);
  const { entries } = adapter.scrape(doc);
  const first = [highlightFor(entries[0], 'LINE'), highlightFor(entries[0], 'abc_123')];
  run(painter, entries, first);
  const registered = sets.length;
  changes = 0;
  run(painter, adapter.scrape(doc).entries, first);
  assert.equal(changes, 0, 'same answer, same ranges: nothing changed');
  assert.equal(sets.length, registered, 'no re-registration');
  run(painter, entries, [...first, highlightFor(entries[2], '直接契約')]);
  assert.equal(changes, 1, 'one new passage, one change');
  assert.deepEqual([...registry.get('cwguard-high')].map((r) => r.toString()).sort(), ['LINE', 'abc_123', '直接契約'].sort());
  run(painter, entries, [highlightFor(entries[2], '直接契約')]);
  assert.deepEqual([...registry.get('cwguard-high')].map((r) => r.toString()), ['直接契約']);
});
