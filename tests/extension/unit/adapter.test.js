'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFixture, fromHtml, lib } = require('./helpers.js');

const adapter = lib('adapter');
const scrapeFixture = (name) => adapter.scrape(loadFixture(name).window.document);

test('reads the high-risk thread with the CrowdWorks selectors', () => {
  const r = scrapeFixture('thread-high.html');
  assert.equal(r.method, 'selectors');
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'worker', 'client']);
  assert.deepEqual(r.messages.map((m) => m.sent_at), [
    '2026-11-20T10:00:00+09:00', '2026-11-20T12:30:00+09:00', '2026-11-21T09:15:00+09:00']);
  // <p> boundaries become "\n"; the time and the sender's name are not part of the text;
  // "LI" in <strong> + "NE" reads as one word.
  assert.equal(r.messages[0].text, 'はじめまして😊 ご応募ありがとうございます。\n詳細はLINEでお伝えしますので、ID: abc_123 を追加してください。');
  assert.ok(!r.messages.some((m) => /合同会社ブライトリンク|11\/20/.test(m.text)));
  // <br> is a line break too.
  assert.match(r.messages[2].text, /直接契約でお願いします。\n開始前に/);
});

test('reads the page around the thread: contract state and client reputation', () => {
  const r = scrapeFixture('thread-high.html');
  assert.equal(r.context.contract_status, 'before_contract');
  assert.equal(r.context.page_url, 'https://crowdworks.jp/proposals/1');
  assert.deepEqual(r.context.client, {
    name: '合同会社ブライトリンク',
    ratings: { communication: 3.2, partnership: 3.5, skill: 3.8, quality: 3.9, schedule: 4 },
    review_count: 3,
  });
  assert.equal(scrapeFixture('thread-none.html').context.client.review_count, 210);
  assert.equal(scrapeFixture('thread-contracted.html').context.contract_status, 'contracted');
});

test('medium and no-risk fixtures: workers identified by their profile link', () => {
  for (const name of ['thread-medium.html', 'thread-none.html']) {
    const r = scrapeFixture(name);
    assert.equal(r.method, 'selectors');
    assert.ok(r.messages.length >= 2);
    assert.deepEqual(new Set(r.messages.map((m) => m.sender)), new Set(['client', 'worker']), name);
  }
});

test('contracted thread: the platform notice is a system message', () => {
  const r = scrapeFixture('thread-contracted.html');
  const notice = r.messages.find((m) => m.text.includes('契約が締結されました'));
  assert.equal(notice.sender, 'system');
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'system', 'client', 'worker']);
});

test('other hash suffixes and nesting still match, and page ids are used', () => {
  const r = scrapeFixture('thread-variant.html');
  assert.equal(r.method, 'selectors');
  assert.deepEqual(r.messages.map((m) => m.id), ['2010', '2012']);
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'worker']);
  assert.match(r.messages[0].text, /詳細はLINEでお伝えします/);
  assert.deepEqual(r.context.client.ratings, { communication: 3.2, partnership: 3.5 });
});

test('fallback: no known selector matches, the repeated blocks with times are found', () => {
  const r = scrapeFixture('thread-fallback.html');
  assert.equal(r.method, 'heuristic');
  assert.equal(r.messages.length, 3); // the job's own <time> outside the thread is not a message
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'worker', 'client']);
  assert.equal(r.messages[0].text, 'はじめまして😊 ご応募ありがとうございます。\n詳細はLINEでお伝えしますので、ID: abc_123 を追加してください。');
  assert.equal(r.messages[2].sent_at, '2026-11-21T09:15:00+09:00');
  // the same thread read through the selectors has the same text
  const viaSelectors = scrapeFixture('thread-high.html');
  assert.equal(r.messages[0].text, viaSelectors.messages[0].text);
});

test('a page without any thread yields no messages', () => {
  const dom = fromHtml('<header>CrowdWorks</header><main><h1>お仕事一覧</h1><p>新着のお仕事</p></main>');
  const r = adapter.scrape(dom.window.document);
  assert.equal(r.method, 'none');
  assert.deepEqual(r.messages, []);
});

test('message ids are stable across scans and when messages are added', () => {
  const dom = loadFixture('thread-high.html');
  const doc = dom.window.document;
  const before = adapter.scrape(doc).messages.map((m) => m.id);
  assert.equal(new Set(before).size, before.length);
  assert.deepEqual(adapter.scrape(doc).messages.map((m) => m.id), before);
  const list = doc.querySelector('[class*="_messageList_"]');
  const copy = list.firstElementChild.cloneNode(true);
  copy.querySelector('time').setAttribute('datetime', '2026-11-22T08:00:00+09:00');
  copy.querySelector('p').textContent = '追加のメッセージです。';
  list.appendChild(copy);
  const after = adapter.scrape(doc).messages.map((m) => m.id);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(after.slice(0, before.length), before);
});

test('identical repeated messages get distinct ids', () => {
  const block = '<div class="_messageItem_a"><div class="_messageBody_a"><p>よろしくお願いします</p><time datetime="2026-01-01T00:00:00+09:00">x</time></div></div>';
  const r = adapter.scrape(fromHtml(block + block).window.document);
  assert.equal(r.messages.length, 2);
  assert.notEqual(r.messages[0].id, r.messages[1].id);
});

test('sender rules: header user name, own-message class, counterpart of a known sender', () => {
  const html = `
    <header><span class="_userName_h">山田 花子</span></header>
    <div class="_messageItem_a"><a class="_senderName_a">田中商事</a><div class="_messageBody_a"><p>はじめまして</p><time datetime="2026-01-01T10:00:00+09:00">x</time></div></div>
    <div class="_messageItem_a"><a class="_senderName_a">山田 花子</a><div class="_messageBody_a"><p>よろしくお願いします</p><time datetime="2026-01-01T11:00:00+09:00">x</time></div></div>
    <div class="_messageItem_a _mine_a"><div class="_messageBody_a"><p>追伸です</p><time datetime="2026-01-01T11:05:00+09:00">x</time></div></div>
    <div class="_messageItem_a"><div class="_messageBody_a"><p>仮払いが完了しました。</p><time datetime="2026-01-01T12:00:00+09:00">x</time></div></div>`;
  const r = adapter.scrape(fromHtml(html).window.document);
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'worker', 'worker', 'system']);
});

test('scrapeSteps yields once per message (and between whole-thread steps) and returns the same result as scrape', () => {
  const doc = loadFixture('thread-high.html').window.document;
  const steps = adapter.scrapeSteps(doc);
  let yields = 0;
  let step;
  while (!(step = steps.next()).done) yields += 1;
  assert.equal(yields, 3 + 5); // 3 messages, then 5 whole-thread steps, each a slice of its own
  assert.deepEqual(step.value.messages, adapter.scrape(doc).messages);
});

test('our own UI is never read as part of the thread', () => {
  const dom = loadFixture('thread-fallback.html');
  const doc = dom.window.document;
  const panel = doc.createElement('div');
  panel.setAttribute('data-cwguard-ui', 'panel');
  panel.innerHTML = '<ul><li><time datetime="2026-01-01">1</time>警告 その1</li><li><time datetime="2026-01-01">2</time>警告 その2</li><li><time>3</time>警告 その3</li><li><time>4</time>警告 その4</li></ul>';
  doc.body.appendChild(panel);
  const r = adapter.scrape(doc);
  assert.equal(r.method, 'heuristic');
  assert.equal(r.messages.length, 3);
});
