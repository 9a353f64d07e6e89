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
