'use strict';
// Limits never silence, the re-scan signature, listings kept apart (issue 9 items 6/7, issue 12),
// the client's profile and the images of a thread.
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFixture, lib } = require('./helpers.js');

const scanplan = lib('scanplan');
const reputation = lib('reputation');
const attachfetch = lib('attachfetch');
const service = lib('service');
const adapter = lib('adapter');

const msg = (id, text, extra) => Object.assign({ id, sender: 'client', sent_at: null, text }, extra);

test('a message over 20,000 characters is sent in parts, never refused, and highlights come back onto it', () => {
  const long = `${'あ'.repeat(24990)}LINE ID: abc_123`; // 25,006 characters, the lure at the end
  const plan = scanplan.fitToLimits([msg('m1', 'こんにちは'), msg('big', long)], 100);
  assert.deepEqual(plan.messages.map((m) => [m.id, m.text.length]), [['m1', 5], ['big', 20000], ['big~2', 5006]]);
  assert.ok(plan.messages.every((m) => m.text.length <= scanplan.LIMITS.maxChars));
  assert.deepEqual(plan.notes, [{ code: 'split_messages', count: 1 }]);
  const answer = {
    risk: { level: 'high', score: 90 }, warnings: [{ id: 'w1', message_ids: ['big~2', 'big'] }],
    highlights: [{ message_id: 'big~2', start: 4990, end: 4994, text: 'LINE', warning_id: 'w1' }],
  };
  const folded = scanplan.foldParts(answer, plan.parts);
  assert.deepEqual(folded.warnings[0].message_ids, ['big']);
  const h = folded.highlights[0];
  assert.equal(h.message_id, 'big');
  assert.equal(long.slice(h.start, h.end), 'LINE');
});

test('parts never split a surrogate pair (the service refuses lone surrogates)', () => {
  const text = `${'a'.repeat(19999)}😊${'b'.repeat(10)}`;
  const parts = scanplan.splitText(text, 20000);
  assert.equal(parts[0].text.length, 19999);
  assert.equal(parts[1].text.slice(0, 2), '😊');
  assert.equal(parts.map((p) => p.text).join(''), text);
});

test('beyond 5,000 messages or the body budget the oldest are left out, and the scan says so', () => {
  const many = Array.from({ length: 5003 }, (_, i) => msg(`m${i}`, `メッセージ ${i}`));
  const plan = scanplan.fitToLimits(many, 100);
  assert.equal(plan.messages.length, 5000);
  assert.equal(plan.messages[0].id, 'm3');
  assert.equal(plan.messages[4999].id, 'm5002');
  assert.deepEqual(plan.notes, [{ code: 'dropped_messages', count: 3 }]);

  const big = Array.from({ length: 500 }, (_, i) => msg(`b${i}`, '字'.repeat(19000))); // ~28 MB of UTF-8
  const fitted = scanplan.fitToLimits(big, 100);
  const body = JSON.stringify(service.buildScoreRequest({ messages: fitted.messages, context: {} }, 'ja'));
  assert.ok(scanplan.utf8Length(body) <= scanplan.LIMITS.maxBytes, 'the body fits 8 MiB');
  assert.equal(fitted.messages[fitted.messages.length - 1].id, 'b499', 'the newest message is kept');
  assert.equal(fitted.notes[0].code, 'dropped_messages');
  assert.equal(fitted.notes[0].count, 500 - fitted.messages.length);
  // within the limits nothing changes and nothing is said
  const small = scanplan.fitToLimits([msg('a', 'x'), msg('b', 'y')], 10);
  assert.deepEqual(small.messages.map((m) => m.id), ['a', 'b']);
  assert.deepEqual(small.notes, []);
});

test('utf8Length agrees with the real encoding', () => {
  for (const s of ['abc', 'あいう', '😊𠮷', '\u00e9', `x${'\ud800'}`]) assert.equal(scanplan.utf8Length(s), Buffer.byteLength(s, 'utf8'), s);
});

test('the re-scan signature changes when a message is edited in place (same id and sender)', () => {
  // thread-variant.html: messages carry the page's own ids (data-message-id), as on the site
  const scraped = adapter.scrape(loadFixture('thread-variant.html').window.document);
  const before = scanplan.signatureOf(scraped);
  assert.equal(scanplan.signatureOf(adapter.scrape(loadFixture('thread-variant.html').window.document)), before);
  const dom = loadFixture('thread-variant.html');
  dom.window.document.querySelector('[class*="_messageBody_"] p').textContent = '詳細はLINEで。ID: other_999';
  const edited = adapter.scrape(dom.window.document);
  assert.deepEqual(edited.messages.map((m) => [m.id, m.sender]), scraped.messages.map((m) => [m.id, m.sender]));
  assert.notEqual(scanplan.signatureOf(edited), before);
  // an attachment added to a message changes it too
  const withImage = Object.assign({}, scraped, { attachments: { [scraped.messages[0].id]: [{ url: 'https://crowdworks.jp/a.png', name: 'a.png', alt: '' }] } });
  assert.notEqual(scanplan.signatureOf(withImage), before);
});

test('listings are combined without sharing warnings: page level is the highest listing level', () => {
  const lure = {
    risk: { level: 'high', score: 90 },
    warnings: [{ id: 'w1', category: 'contact_details', kind: 'risk', severity: 'high', message_ids: ['job-2'] }],
    highlights: [{ message_id: 'job-2', start: 0, end: 4, text: 'LINE', warning_id: 'w1' }],
  };
  const benign = { risk: { level: 'none', score: 0 }, warnings: [], highlights: [] };
  const r = scanplan.combineListings([{ id: 'job-1', result: benign }, { id: 'job-2', result: lure }, { id: 'job-3', result: null }]);
  assert.equal(r.risk.level, 'high');
  assert.deepEqual(r.listings, { 'job-1': 'none', 'job-2': 'high' });
  assert.deepEqual(r.warnings.map((w) => [w.id, w.message_ids]), [['job-2:w1', ['job-2']]]);
  assert.deepEqual(r.highlights.map((h) => [h.message_id, h.warning_id]), [['job-2', 'job-2:w1']]);
});

// ------------------------------------------------------------------ profiles

const html = (name) => require('node:fs').readFileSync(require('node:path').join(__dirname, '..', '..', 'fixtures', 'pages', name), 'utf8');
const { JSDOM } = require('jsdom');
const parse = (text) => new JSDOM(text).window.document;
const response = (status, body, type, url) => ({
  status, url: url || 'https://crowdworks.jp/public/employers/4242',
  headers: { get: (k) => (k.toLowerCase() === 'content-type' ? (type || 'text/html; charset=utf-8') : null) },
  text: async () => body,
});

test('the client profile is fetched from /public/employers/<id> and read; any failure is "no reputation"', async () => {
  const calls = [];
  const ok = await reputation.fetchProfile('4242', {
    parse, fetchImpl: async (url, init) => { calls.push([url, init.credentials]); return response(200, html('employer-profile.html')); },
  });
  assert.deepEqual(calls, [['https://crowdworks.jp/public/employers/4242', 'same-origin']]);
  assert.equal(ok.review_count, 4);
  assert.equal(ok.ratings.communication, 3.0);
  const failures = [
    async () => { throw new TypeError('Failed to fetch'); },
    async () => response(404, 'not found'),
    async () => response(200, '{"a":1}', 'application/json'),
    async () => response(200, '<p>maintenance</p>'),
    async () => response(200, html('employer-profile.html'), null, 'https://evil.example/public/employers/4242'),
    async () => ({ status: 200, headers: { get: () => 'text/html' }, text: async () => { throw new Error('reset'); } }),
  ];
  for (const fetchImpl of failures) assert.equal(await reputation.fetchProfile('4242', { parse, fetchImpl }), null);
  assert.equal(await reputation.fetchProfile('../../x', { parse, fetchImpl: failures[1] }), null);
});

test('the profile fills the context\'s ratings and review count; the facts a freelancer checks', () => {
  const profile = reputation.sanitize(adapter.parseEmployerProfile(parse(html('employer-profile.html'))));
  const client = reputation.mergeClient({ name: '株式会社ネクストリンク', review_count: null }, profile);
  assert.deepEqual(client, {
    name: '株式会社ネクストリンク', review_count: 4,
    ratings: { skill: 3.5, quality: 3.4, schedule: 3.6, communication: 3.0, partnership: 3.1 },
  });
  assert.deepEqual(reputation.factsOf(client, null, profile), [
    { key: 'rating', value: 3.2 }, { key: 'reviews', value: 4 }, { key: 'identity', value: true },
    { key: 'rule_check', value: false }, { key: 'finished_rate', value: 75 },
  ]);
  assert.equal(reputation.mergeClient(null, null), null);
  assert.deepEqual(reputation.mergeClient({ name: 'A', review_count: 3 }, null), { name: 'A', review_count: 3 });
});

// ------------------------------------------------------------------ images

test('images: same-origin only, within the limits, newest messages first; failures keep name and alt', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
  const fetched = [];
  const fetchImpl = async (url) => {
    fetched.push(url);
    if (url.endsWith('broken.png')) throw new TypeError('Failed to fetch');
    return { status: 200, headers: { get: (k) => (k === 'content-type' ? 'image/png' : null) }, arrayBuffer: async () => png.buffer.slice(png.byteOffset, png.byteOffset + png.length) };
  };
  const atts = {
    old: Array.from({ length: 6 }, (_, i) => ({ url: `https://crowdworks.jp/o${i}.png`, name: `o${i}.png`, alt: '' })),
    new: [{ url: 'https://crowdworks.jp/q.png', name: 'q.png', alt: 'QR' }, { url: 'https://cdn.example/x.png', name: 'x.png', alt: '' },
      { url: 'https://crowdworks.jp/broken.png', name: 'broken.png', alt: 'b' }],
  };
  const cache = new Map();
  const out = await attachfetch.collect(atts, ['old', 'new'], { fetchImpl, cache });
  assert.deepEqual(out.new, [
    { name: 'q.png', alt: 'QR', mime: 'image/png', data_base64: png.toString('base64') },
    { name: 'x.png', alt: '' }, // another origin: not fetched
    { name: 'broken.png', alt: 'b' },
  ]);
  assert.equal(out.old.length, 4); // 4 per message, 8 per thread (3 went to the newest)
  assert.ok(!fetched.some((u) => u.startsWith('https://cdn.example')));
  const again = fetched.length;
  await attachfetch.collect(atts, ['old', 'new'], { fetchImpl, cache });
  assert.equal(fetched.length, again, 'cached by URL');
  const sent = service.buildScoreRequest({ messages: [Object.assign(msg('m', 'x'), { attachments: out.new })] }, 'ja');
  assert.deepEqual(sent.messages[0].attachments[1], { name: 'x.png', alt: '' });
});

test('service: attachment highlights keep their index, the answer lists what was read', () => {
  const r = service.sanitizeAnswer({
    risk: { level: 'high', score: 80 }, contract_status: 'before_contract', warnings: [],
    highlights: [{ message_id: 'm1', start: 0, end: 4, text: 'LINE', category: 'contact_details', severity: 'high', warning_id: 'w1', attachment: 0 },
      { message_id: 'm1', start: 0, end: 2, text: 'ID', category: 'contact_details', severity: 'high', warning_id: 'w1' }],
    attachments: [{ message_id: 'm1', index: 0, name: 'qr.png', text: 'qr.png\nhttps://line.me/ti/p/x', qr: ['https://line.me/ti/p/x'], extra: 1 }],
    engine: { version: 'x', elapsed_ms: 1 },
  });
  assert.equal(r.highlights[0].attachment, 0);
  assert.equal('attachment' in r.highlights[1], false);
  assert.deepEqual(r.attachments, [{ message_id: 'm1', index: 0, name: 'qr.png', text: 'qr.png\nhttps://line.me/ti/p/x', qr: ['https://line.me/ti/p/x'] }]);
});

test('the time limit of a /score call grows with the messages sent, up to a ceiling', () => {
  const { scoreTimeoutMs, SCORE_TIMEOUT } = scanplan;
  assert.equal(scoreTimeoutMs(0), SCORE_TIMEOUT.baseMs);
  assert.equal(scoreTimeoutMs(undefined), SCORE_TIMEOUT.baseMs);
  assert.ok(scoreTimeoutMs(3000) > scoreTimeoutMs(10));
  assert.equal(scoreTimeoutMs(3000), SCORE_TIMEOUT.baseMs + 3000 * SCORE_TIMEOUT.perMessageMs);
  assert.equal(scoreTimeoutMs(1e9), SCORE_TIMEOUT.maxMs);
});
