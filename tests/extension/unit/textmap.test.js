'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { fromHtml, loadFixture, lib } = require('./helpers.js');

const textmap = lib('textmap');
const adapter = lib('adapter');

function mapOf(html) {
  const dom = fromHtml(`<div id="m">${html}</div>`);
  const el = dom.window.document.getElementById('m');
  return { doc: dom.window.document, el, map: textmap.buildText(el) };
}

/** The range for the first occurrence of `word` in the built text (UTF-16 indexOf, as the service counts). */
function rangeOfWord(doc, map, word) {
  const start = map.text.indexOf(word);
  assert.ok(start >= 0, `${word} not in ${JSON.stringify(map.text)}`);
  return textmap.rangeFor(map, start, start + word.length, doc);
}

test('emoji and 𠮷 before a keyword do not shift the range', () => {
  const { doc, map } = mapOf('<p>😊𠮷野家さん、詳細はLINEで</p>');
  assert.equal(map.text.indexOf('LINE'), 12); // 2 + 2 code units for 😊 and 𠮷
  const range = rangeOfWord(doc, map, 'LINE');
  assert.equal(range.toString(), 'LINE');
  assert.equal(range.startOffset, 12);
});

test('a word split across elements maps to one range over two text nodes', () => {
  const { doc, map } = mapOf('<p>詳細は<strong>LI</strong>NEで</p>');
  const range = rangeOfWord(doc, map, 'LINE');
  assert.equal(range.toString(), 'LINE');
  assert.notEqual(range.startContainer, range.endContainer);
  assert.equal(range.startContainer.data, 'LI');
  assert.equal(range.endContainer.data, 'NEで');
  assert.equal(range.endOffset, 2);
});

test('<p> and <br> boundaries are single "\\n" and a range across them covers both sides', () => {
  const { doc, map } = mapOf('<p>一行目</p>\n  <p>二行<br>三行目🙏<br></p><p><br></p><p>最後LINE</p>');
  assert.equal(map.text, '一行目\n二行\n三行目🙏\n\n最後LINE');
  const range = textmap.rangeFor(map, 1, 6, doc); // "行目\n二行"
  assert.equal(range.toString().replace(/\s/g, ''), '行目二行');
  assert.equal(rangeOfWord(doc, map, 'LINE').toString(), 'LINE');
});

test('a highlight starting or ending on an added separator snaps to real text', () => {
  const { doc, map } = mapOf('<p>ab</p><p>cd</p>');
  assert.equal(map.text, 'ab\ncd');
  assert.equal(textmap.rangeFor(map, 2, 5, doc).toString(), 'cd');
  assert.equal(textmap.rangeFor(map, 0, 3, doc).toString(), 'ab');
  assert.equal(textmap.rangeFor(map, 2, 3, doc), null); // only the separator
});

test('leading and trailing whitespace is trimmed and offsets follow', () => {
  const { doc, map } = mapOf('<p>   前置き LINE   </p>');
  assert.equal(map.text, '前置き LINE');
  assert.equal(rangeOfWord(doc, map, 'LINE').toString(), 'LINE');
  assert.equal(rangeOfWord(doc, map, '前置き').startOffset, 3);
});

test('out-of-bounds or empty spans give no range', () => {
  const { doc, map } = mapOf('<p>abc</p>');
  assert.equal(textmap.rangeFor(map, 2, 10, doc), null);
  assert.equal(textmap.rangeFor(map, 2, 2, doc), null);
  assert.equal(textmap.rangeFor(map, -1, 2, doc), null);
});

test('every slice of a fixture message maps to a range with the same characters', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const r = adapter.scrape(doc);
  for (const entry of r.entries) {
    const text = entry.map.text;
    for (let start = 0; start < text.length; start += 3) {
      for (const len of [1, 4, 9]) {
        const end = Math.min(text.length, start + len);
        // never cut a surrogate pair, as the service never does
        if (/[\uDC00-\uDFFF]/.test(text[start] || '') || /[\uD800-\uDBFF]/.test(text[end - 1] || '')) continue;
        const range = textmap.rangeFor(entry.map, start, end, doc);
        const expected = text.slice(start, end).replace(/\n/g, '');
        if (!expected) continue;
        assert.equal(range.toString().replace(/\n/g, ''), expected, `${entry.id} [${start},${end})`);
      }
    }
  }
});

test('the sender name inside the body is left out when the adapter says so', () => {
  const dom = fromHtml('<div id="m"><a class="who">太郎</a><p>本文</p></div>');
  const el = dom.window.document.getElementById('m');
  const map = textmap.buildText(el, { skip: (node) => node.classList.contains('who') });
  assert.equal(map.text, '本文');
});
