'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFixture, fromHtml, lib } = require('./helpers.js');

const adapter = lib('adapter');
const ui = lib('ui');
const dom = lib('dom');
const PAYLOAD = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script><b>太字</b>';
const t = (key) => key;

test('markup in a message is read as text', () => {
  const r = adapter.scrape(loadFixture('thread-high.html').window.document);
  assert.ok(r.messages[2].text.includes('<img src=x onerror=alert(1)>'));
});

test('service strings with HTML end up as text in the warning card', () => {
  const { window } = fromHtml('<p>page</p>', 'https://crowdworks.jp/proposals/1');
  const doc = window.document;
  const card = ui.createCard(doc, t);
  const warning = { id: 'w1', kind: 'risk', severity: 'high', title: PAYLOAD, detail: PAYLOAD, advice: PAYLOAD };
  card.show({ warning, severity: 'high', highlight: { text: PAYLOAD } }, { left: 0, top: 0, bottom: 10, right: 10 });
  assert.equal(doc.getElementById('cwguard-card').shadowRoot, null); // closed: the page cannot reach it
  const root = card.root;
  assert.equal(root.querySelectorAll('img, script, b').length, 0);
  assert.equal(root.querySelector('.title').textContent, PAYLOAD);
  assert.equal(root.querySelector('.passage').textContent, `「${PAYLOAD}」`);
  assert.ok(root.querySelector('.advice').textContent.endsWith(PAYLOAD));
  assert.equal(window.__pwned, undefined);
});

test('service strings with HTML end up as text in the panel', () => {
  const { window } = fromHtml('<p>page</p>');
  const doc = window.document;
  const panel = ui.createPanel(doc, t, {});
  panel.render({ state: 'high', warnings: [{ id: PAYLOAD, kind: 'risk', severity: 'high', title: PAYLOAD, advice: PAYLOAD, category: PAYLOAD }], jumpable: new Set([PAYLOAD]) });
  assert.equal(doc.getElementById('cwguard-panel').shadowRoot, null);
  const root = panel.root;
  assert.equal(root.querySelectorAll('img, script, b').length, 0);
  assert.equal(root.querySelector('.wtitle').textContent, PAYLOAD);
  assert.equal(root.querySelector('.warning').getAttribute('data-warning-id'), PAYLOAD);
  assert.equal(root.querySelector('.panel').getAttribute('data-state'), 'high');
  assert.equal(window.__pwned, undefined);
});

test('dom.h refuses event-handler attributes and script URLs', () => {
  const { window } = fromHtml('');
  const doc = window.document;
  assert.throws(() => dom.h(doc, 'div', { onclick: 'x()' }));
  assert.throws(() => dom.h(doc, 'a', { href: 'javascript:alert(1)' }));
  const el = dom.h(doc, 'p', { 'data-x': PAYLOAD }, PAYLOAD, [PAYLOAD]);
  assert.equal(el.children.length, 0);
  assert.equal(el.textContent, PAYLOAD + PAYLOAD);
});

test('no extension source assigns innerHTML/outerHTML or uses insertAdjacentHTML, eval or document.write', () => {
  const fs = require('node:fs');
  const path = require('node:path');
  const { ROOT } = require('./helpers.js');
  const files = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  })(path.join(ROOT, 'extension'));
  assert.ok(files.length >= 10);
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(source, /\.(inner|outer)HTML\s*=|insertAdjacentHTML|\beval\s*\(|new Function\s*\(|document\.write/, file);
  }
});
