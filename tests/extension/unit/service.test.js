'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { lib } = require('./helpers.js');

const service = lib('service');
const GOOD = {
  risk: { level: 'high', score: 87 }, contract_status: 'before_contract',
  warnings: [{ id: 'w1', category: 'off_platform_contact', kind: 'risk', severity: 'high', title: 'T', detail: 'D', advice: 'A', message_ids: ['m1'], extra: 'dropped' }],
  highlights: [{ message_id: 'm1', start: 3, end: 7, text: 'LINE', category: 'off_platform_contact', severity: 'high', warning_id: 'w1' }],
  engine: { version: '0.1.0', elapsed_ms: 1.5 },
};

function fakeFetch(status, body, calls) {
  return async (url, init) => {
    if (calls) calls.push({ url, init });
    return { status, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) };
  };
}
const call = (fetchImpl, extra) => service.score(Object.assign({ fetchImpl, baseUrl: 'http://127.0.0.1:8765', body: { text: 'x' } }, extra));

test('a good answer is returned, copied to the known shape', async () => {
  const calls = [];
  const r = await call(fakeFetch(200, GOOD, calls), { token: 's3cret' });
  assert.equal(r.ok, true);
  assert.equal(r.result.risk.level, 'high');
  assert.equal(r.result.highlights[0].text, 'LINE');
  assert.equal(r.result.warnings[0].extra, undefined);
  assert.equal(calls[0].url, 'http://127.0.0.1:8765/score');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.equal(calls[0].init.headers['X-CWGuard-Token'], 's3cret');
  assert.equal(calls[0].init.credentials, 'omit');
});

test('no token header without a token', async () => {
  const calls = [];
  await call(fakeFetch(200, GOOD, calls));
  assert.equal('X-CWGuard-Token' in calls[0].init.headers, false);
});

test('failures map to error codes', async () => {
  const cases = [
    [fakeFetch(500, { error: { code: 'internal', message: 'boom' } }), 'http_error'],
    [fakeFetch(502, '<html>bad gateway</html>'), 'http_error'],
    [fakeFetch(401, { error: { code: 'token_required', message: 'no token' } }), 'auth_refused'],
    [fakeFetch(403, { error: { code: 'origin_refused', message: 'no' } }), 'auth_refused'],
    [fakeFetch(413, { error: { code: 'too_large', message: 'big' } }), 'rejected'],
    [fakeFetch(200, '{"risk": '), 'bad_response'],
    [fakeFetch(200, '<!doctype html>'), 'bad_response'],
    [fakeFetch(200, { risk: { level: 'catastrophic' }, warnings: [], highlights: [] }), 'bad_response'],
    [fakeFetch(200, [1, 2]), 'bad_response'],
    [async () => { throw new TypeError('Failed to fetch'); }, 'unreachable'],
  ];
  for (const [fetchImpl, code] of cases) {
    const r = await call(fetchImpl);
    assert.equal(r.ok, false);
    assert.equal(r.error.code, code);
  }
  const refused = await call(fakeFetch(401, { error: { code: 'token_required', message: 'no token' } }));
  assert.equal(refused.error.serviceCode, 'token_required');
  assert.equal(refused.error.status, 401);
});

test('a service slower than the time limit gives "timeout" without waiting for it', async () => {
  const hang = (url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
  const started = Date.now();
  const r = await call(hang, { timeoutMs: 50 });
  assert.equal(r.error.code, 'timeout');
  assert.ok(Date.now() - started < 2000);
  // the body arriving too slowly counts as well
  const slowBody = (url, init) => Promise.resolve({ status: 200, text: () => new Promise((resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))) });
  assert.equal((await call(slowBody, { timeoutMs: 50 })).error.code, 'timeout');
});

test('only local http addresses are ever contacted', async () => {
  assert.equal(service.normalizeServiceUrl('http://127.0.0.1:8765/'), 'http://127.0.0.1:8765');
  assert.equal(service.normalizeServiceUrl(' http://localhost:9000 '), 'http://localhost:9000');
  assert.equal(service.normalizeServiceUrl(''), 'http://127.0.0.1:8765');
  for (const bad of ['https://127.0.0.1:8765', 'http://example.com:8765', 'http://127.0.0.1.evil.com', 'http://user:pw@127.0.0.1:1', 'javascript:alert(1)', 'not a url']) {
    assert.equal(service.normalizeServiceUrl(bad), null, bad);
  }
  let called = false;
  const r = await call(async () => { called = true; }, { baseUrl: 'http://example.com' });
  assert.equal(r.error.code, 'bad_url');
  assert.equal(called, false);
});

test('answers are sanitised: bad highlights dropped, strings coerced, score clamped', () => {
  const r = service.sanitizeAnswer({
    risk: { level: 'low', score: 400 }, contract_status: 'weird',
    warnings: [null, { id: 5, title: { x: 1 }, severity: 'extreme', kind: 'odd' }],
    highlights: [{ message_id: 'm1', start: 5, end: 2, text: 'x' }, { message_id: 'm1', start: -1, end: 2 }, { message_id: 'm1', start: 1.5, end: 2 }, { message_id: 'm1', start: 0, end: 2, text: 'ab' }],
  });
  assert.equal(r.risk.score, 100);
  assert.equal(r.contract_status, 'unknown');
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0].id, '5');
  assert.equal(r.warnings[0].severity, 'info');
  assert.equal(r.warnings[0].kind, 'risk');
  assert.equal(typeof r.warnings[0].title, 'string');
  assert.equal(r.highlights.length, 1);
});

test('the request carries id, sender, time, text, context and lang', () => {
  const body = service.buildScoreRequest({
    messages: [{ id: 'm1', sender: 'client', sent_at: '2026-11-20T10:00:00+09:00', text: 'a' }, { id: 'm2', sender: undefined, sent_at: null, text: 'b' }],
    context: { contract_status: 'before_contract' },
  }, 'en');
  assert.deepEqual(body, {
    messages: [{ id: 'm1', sender: 'client', sent_at: '2026-11-20T10:00:00+09:00', text: 'a' }, { id: 'm2', sender: 'unknown', text: 'b' }],
    context: { contract_status: 'before_contract' },
    lang: 'en',
  });
  assert.equal(service.buildScoreRequest({ messages: [] }, 'fr').lang, 'ja');
});

test('health answers are checked', async () => {
  const up = await service.health({ fetchImpl: fakeFetch(200, { status: 'ok', service: 'cwguard', version: '0.1.0' }), baseUrl: 'http://127.0.0.1:1' });
  assert.deepEqual(up, { ok: true, result: { status: 'ok', service: 'cwguard', version: '0.1.0' } });
  const other = await service.health({ fetchImpl: fakeFetch(200, { hello: 1 }), baseUrl: 'http://127.0.0.1:1' });
  assert.equal(other.error.code, 'bad_response');
});
