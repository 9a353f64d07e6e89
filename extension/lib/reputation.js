/*
 * reputation: the client's public profile (/public/employers/<id>, same origin as the page the
 * content script runs on), read with adapter.parseEmployerProfile, merged into the request's
 * context.client, and the facts a freelancer checks.
 *
 * A failed fetch, a redirect elsewhere, an answer that is not HTML or JSON we do not know all mean
 * "no reputation": fetchProfile resolves to null and never rejects. The worker caches profiles
 * per client for a day in chrome.storage.session (background.js, 'cwguard:profile-get'/'-put').
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).reputation = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const adapter = (typeof module === 'object' && module.exports) ? require('./adapter.js') : root.cwguard.adapter;
  const TIMEOUT_MS = 5000;
  const MAX_BYTES = 5 * 1024 * 1024;
  const RATING_KEYS = ['skill', 'quality', 'schedule', 'communication', 'partnership'];

  /**
   * The profile of client `id` or null. options: {fetchImpl, origin, parse(html) -> Document, timeoutMs}.
   */
  async function fetchProfile(id, options) {
    const opts = options || {};
    if (!/^\d{1,12}$/.test(String(id || ''))) return null;
    const origin = opts.origin || 'https://crowdworks.jp';
    const fetchImpl = opts.fetchImpl || (typeof fetch === 'function' ? fetch : null);
    if (!fetchImpl || !opts.parse) return null;
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = setTimeout(() => controller && controller.abort(), opts.timeoutMs || TIMEOUT_MS);
    try {
      const response = await fetchImpl(`${origin}/public/employers/${id}`, {
        credentials: 'same-origin', redirect: 'follow', cache: 'default', signal: controller ? controller.signal : undefined,
        headers: { Accept: 'text/html' },
      });
      if (!response || response.status !== 200) return null;
      if (response.url && !String(response.url).startsWith(`${origin}/`)) return null;
      const type = response.headers && response.headers.get ? String(response.headers.get('content-type') || '') : 'text/html';
      if (type && !/text\/html/i.test(type)) return null;
      const text = await response.text();
      if (typeof text !== 'string' || text.length > MAX_BYTES) return null;
      return sanitize(adapter.parseEmployerProfile(opts.parse(text)));
    } catch (e) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A profile of known shape only (it crosses to the worker and back). */
  function sanitize(p) {
    if (!p || typeof p !== 'object') return null;
    const out = { name: typeof p.name === 'string' ? p.name.slice(0, 500) : null, ratings: {}, review_count: null, facts: {} };
    for (const k of RATING_KEYS) {
      const v = p.ratings && p.ratings[k];
      if (typeof v === 'number' && v >= 0 && v <= 5) out.ratings[k] = v;
    }
    if (Number.isInteger(p.review_count) && p.review_count >= 0) out.review_count = p.review_count;
    const f = p.facts || {};
    for (const k of ['identity_verified', 'rule_check', 'certified', 'official']) if (typeof f[k] === 'boolean') out.facts[k] = f[k];
    for (const k of ['average_score', 'finished_rate', 'finished_count', 'contract_count', 'job_offer_count']) {
      if (typeof f[k] === 'number' && Number.isFinite(f[k]) && f[k] >= 0) out.facts[k] = f[k];
    }
    return out;
  }

  /** context.client with the profile's ratings and review count (structured JSON beats markup). */
  function mergeClient(client, profile) {
    if (!profile) return client || null;
    const out = Object.assign({ name: null, review_count: null }, client || {});
    if (!out.name && profile.name) out.name = profile.name;
    const ratings = Object.assign({}, out.ratings || {}, profile.ratings || {});
    if (Object.keys(ratings).length) out.ratings = ratings;
    if (profile.review_count !== null && profile.review_count !== undefined) out.review_count = profile.review_count;
    return out;
  }

  /**
   * The facts a freelancer checks, in a fixed order, as [{key, value}] with value a number or a
   * boolean: rating (average), reviews, identity verified, order-rule check, completion rate.
   */
  function factsOf(client, pageFacts, profile) {
    const facts = Object.assign({}, pageFacts || {}, (profile && profile.facts) || {});
    const out = [];
    const ratings = (client && client.ratings) || {};
    const values = Object.values(ratings).filter((v) => typeof v === 'number');
    const average = typeof facts.average_score === 'number' ? facts.average_score
      : (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);
    if (average !== null) out.push({ key: 'rating', value: average });
    const reviews = client && Number.isInteger(client.review_count) ? client.review_count : null;
    if (reviews !== null) out.push({ key: 'reviews', value: reviews });
    if (typeof facts.identity_verified === 'boolean') out.push({ key: 'identity', value: facts.identity_verified });
    if (typeof facts.rule_check === 'boolean') out.push({ key: 'rule_check', value: facts.rule_check });
    if (typeof facts.finished_rate === 'number') out.push({ key: 'finished_rate', value: facts.finished_rate });
    return out;
  }

  return { fetchProfile, sanitize, mergeClient, factsOf, TIMEOUT_MS };
});
