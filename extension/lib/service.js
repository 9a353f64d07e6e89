/*
 * service: talking to the local cwguard service (POST /score, GET /health).
 *
 * Used by the background service worker only: a content script on crowdworks.jp may not reach
 * 127.0.0.1 (Local Network Access). Every failure becomes an error object with a code the UI
 * translates (error_<code> in _locales):
 *   unreachable   - nothing answered (service not started, wrong port)
 *   timeout       - no complete answer within the time limit
 *   auth_refused  - 401/403: the access token is missing or wrong, or the origin was refused
 *   rejected      - another 4xx: the service refused the thread (too large, invalid)
 *   http_error    - 5xx or any other status
 *   bad_response  - the body is not JSON, or not the shape of the contract
 *   bad_url       - the configured URL is not a local http address we may contact
 * The answer is copied field by field into a fresh object of known shape (never passed through),
 * so nothing unexpected from the wire reaches the UI.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).service = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const DEFAULT_URL = 'http://127.0.0.1:8765';
  const DEFAULT_TIMEOUT_MS = 8000;
  const LEVELS = new Set(['none', 'low', 'medium', 'high']);
  const SEVERITIES = new Set(['info', 'low', 'medium', 'high']);
  const KINDS = new Set(['risk', 'signal']);
  const CONTRACT = new Set(['before_contract', 'contracted', 'unknown']);
  // host_permissions cover exactly these hosts; the thread is never sent anywhere else.
  const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

  /** The configured URL reduced to "http://host:port", or null when it is not a local address. */
  function normalizeServiceUrl(value) {
    let url;
    try {
      url = new URL(String(value || DEFAULT_URL).trim());
    } catch (e) {
      return null;
    }
    if (url.protocol !== 'http:' || !LOCAL_HOSTS.has(url.hostname)) return null;
    if (url.username || url.password) return null;
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.protocol}//${url.host}${path}`;
  }

  const ATTACHMENT_MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

  /** A message's attachments as the service takes them (README, API): name, alt, mime, data_base64. */
  function attachmentsFor(list) {
    if (!Array.isArray(list)) return null;
    const out = list.slice(0, 4).filter((a) => a && typeof a === 'object').map((a) => {
      const item = { name: str(a.name, 255), alt: str(a.alt, 1000) };
      if (typeof a.data_base64 === 'string' && ATTACHMENT_MIMES.has(a.mime) && a.data_base64.length % 4 === 0
        && a.data_base64.length <= 2796204) {
        item.mime = a.mime;
        item.data_base64 = a.data_base64;
      }
      return item;
    });
    return out.length ? out : null;
  }

  function buildScoreRequest(scraped, lang) {
    return {
      messages: scraped.messages.map((m) => {
        const out = { id: m.id, sender: m.sender || 'unknown', text: m.text };
        if (m.sent_at) out.sent_at = m.sent_at;
        const attachments = attachmentsFor(m.attachments);
        if (attachments) out.attachments = attachments;
        return out;
      }),
      context: scraped.context || {},
      lang: lang === 'en' ? 'en' : 'ja',
    };
  }

  function str(v, max) {
    return typeof v === 'string' ? v.slice(0, max || 4000) : (v == null ? '' : String(v).slice(0, max || 4000));
  }
  const isInt = (v) => Number.isInteger(v) && v >= 0;

  /** The 200 answer, checked and copied; throws a TypeError when it is not the contract's shape. */
  function sanitizeAnswer(data) {
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new TypeError('answer is not an object');
    const risk = data.risk;
    if (!risk || !LEVELS.has(risk.level)) throw new TypeError('answer has no valid risk.level');
    if (!Array.isArray(data.warnings) || !Array.isArray(data.highlights)) throw new TypeError('answer lacks warnings/highlights');
    const warnings = data.warnings
      .filter((w) => w && typeof w === 'object')
      .map((w) => ({
        id: str(w.id, 100),
        category: str(w.category, 100),
        kind: KINDS.has(w.kind) ? w.kind : 'risk',
        severity: SEVERITIES.has(w.severity) ? w.severity : 'info',
        title: str(w.title, 300),
        detail: str(w.detail),
        advice: str(w.advice),
        message_ids: Array.isArray(w.message_ids) ? w.message_ids.map((x) => str(x, 100)) : [],
      }));
    const highlights = data.highlights
      .filter((h) => h && typeof h === 'object' && isInt(h.start) && isInt(h.end) && h.end > h.start)
      .map((h) => Object.assign({
        message_id: str(h.message_id, 100),
        start: h.start,
        end: h.end,
        text: str(h.text),
        category: str(h.category, 100),
        severity: SEVERITIES.has(h.severity) ? h.severity : 'info',
        warning_id: str(h.warning_id, 100),
      }, isInt(h.attachment) ? { attachment: h.attachment } : {}));
    // What was read from each attachment (words found there are not in the message's own text).
    const attachments = (Array.isArray(data.attachments) ? data.attachments : [])
      .filter((a) => a && typeof a === 'object' && isInt(a.index))
      .slice(0, 50)
      .map((a) => ({
        message_id: str(a.message_id, 100),
        index: a.index,
        name: str(a.name, 255),
        text: str(a.text, 20000),
        qr: Array.isArray(a.qr) ? a.qr.slice(0, 8).map((q) => str(q, 4000)) : [],
      }));
    const score = typeof risk.score === 'number' && Number.isFinite(risk.score) ? Math.max(0, Math.min(100, risk.score)) : null;
    return {
      risk: { level: risk.level, score },
      contract_status: CONTRACT.has(data.contract_status) ? data.contract_status : 'unknown',
      warnings,
      highlights,
      attachments,
      engine: data.engine && typeof data.engine === 'object'
        ? { version: str(data.engine.version, 50), elapsed_ms: Number(data.engine.elapsed_ms) || 0 }
        : null,
    };
  }

  function failure(code, extra) {
    return { ok: false, error: Object.assign({ code }, extra || {}) };
  }

  /** Map a non-2xx status (and its JSON error body, if any) to an error code. */
  function errorForStatus(status, bodyText) {
    let serviceCode = '';
    let serviceMessage = '';
    try {
      const body = JSON.parse(bodyText);
      if (body && body.error && typeof body.error === 'object') {
        serviceCode = str(body.error.code, 100);
        serviceMessage = str(body.error.message, 500);
      }
    } catch (e) { /* not JSON: only the status speaks */ }
    let code = 'http_error';
    if (status === 401 || status === 403) code = 'auth_refused';
    else if (status >= 400 && status < 500) code = 'rejected';
    return failure(code, { status, serviceCode, serviceMessage });
  }

  /**
   * One request with a time limit covering the whole answer, body included.
   * options: {fetchImpl, baseUrl, path, method, body, token, timeoutMs, parse}
   * Resolves to {ok: true, result} or {ok: false, error: {code, ...}}; never rejects.
   */
  async function request(options) {
    const base = normalizeServiceUrl(options.baseUrl);
    if (!base) return failure('bad_url');
    const fetchImpl = options.fetchImpl || fetch;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs || DEFAULT_TIMEOUT_MS);
    const headers = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers['X-CWGuard-Token'] = String(options.token);
    let status = 0;
    let text = '';
    try {
      const response = await fetchImpl(base + options.path, {
        method: options.method || 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
      status = response.status;
      text = await response.text();
    } catch (e) {
      return failure(controller.signal.aborted ? 'timeout' : 'unreachable');
    } finally {
      clearTimeout(timer);
    }
    if (status < 200 || status >= 300) return errorForStatus(status, text);
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return failure('bad_response', { status });
    }
    try {
      return { ok: true, result: (options.parse || ((x) => x))(data) };
    } catch (e) {
      return failure('bad_response', { status });
    }
  }

  function score(options) {
    return request(Object.assign({}, options, { path: '/score', method: 'POST', parse: sanitizeAnswer }));
  }

  function health(options) {
    return request(Object.assign({}, options, {
      path: '/health',
      method: 'GET',
      body: undefined,
      timeoutMs: options.timeoutMs || 3000,
      parse: (d) => {
        if (!d || d.status !== 'ok') throw new TypeError('not a cwguard health answer');
        return { status: 'ok', service: str(d.service, 50), version: str(d.version, 50) };
      },
    }));
  }

  return {
    DEFAULT_URL, DEFAULT_TIMEOUT_MS, normalizeServiceUrl, buildScoreRequest, sanitizeAnswer, attachmentsFor,
    errorForStatus, request, score, health,
  };
});
