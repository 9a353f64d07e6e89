/*
 * attachfetch: the images sent in a thread, fetched as the page fetches them (same origin, the
 * page's cookies) and turned into the request's `attachments` (name, alt, mime, data_base64).
 *
 * Only same-origin https URLs and data: URLs are read; anything else keeps its name and alt text
 * only. Limits follow the service's (README, API): 2 MiB per image, 4 per message, 8 per thread
 * (the newest messages first). A failure of any kind means "name and alt only", never an error.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).attachfetch = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const MAX_BYTES = 2 * 1024 * 1024;
  const MAX_PER_MESSAGE = 4;
  const MAX_PER_THREAD = 8;
  const TIMEOUT_MS = 5000;
  const MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
  const BY_EXTENSION = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' };

  function base64Of(bytes) {
    let binary = '';
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
    return typeof btoa === 'function' ? btoa(binary) : Buffer.from(binary, 'binary').toString('base64');
  }

  function mimeOf(type, url) {
    const t = String(type || '').split(';')[0].trim().toLowerCase();
    if (MIMES.has(t)) return t;
    const m = /\.([a-z0-9]{3,4})(?:$|[?#])/i.exec(String(url));
    return m && BY_EXTENSION[m[1].toLowerCase()] ? BY_EXTENSION[m[1].toLowerCase()] : null;
  }

  /** {mime, data_base64} for one image URL, or null. */
  async function fetchImage(url, options) {
    const opts = options || {};
    const origin = opts.origin || 'https://crowdworks.jp';
    let parsed;
    try { parsed = new URL(url); } catch (e) { return null; }
    if (parsed.protocol !== 'data:' && parsed.origin !== origin) return null;
    const fetchImpl = opts.fetchImpl || (typeof fetch === 'function' ? fetch : null);
    if (!fetchImpl) return null;
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = setTimeout(() => controller && controller.abort(), opts.timeoutMs || TIMEOUT_MS);
    try {
      const response = await fetchImpl(parsed.href, { credentials: 'same-origin', signal: controller ? controller.signal : undefined });
      if (!response || response.status !== 200) return null;
      const declared = Number(response.headers && response.headers.get ? response.headers.get('content-length') : 0);
      if (declared > MAX_BYTES) return null;
      const mime = mimeOf(response.headers && response.headers.get ? response.headers.get('content-type') : '', parsed.href);
      if (!mime) return null;
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!bytes.length || bytes.length > MAX_BYTES) return null;
      return { mime, data_base64: base64Of(bytes) };
    } catch (e) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * attachmentsById: {messageId: [{url, name, alt}]}; order: message ids in thread order.
   * Returns {messageId: [{name, alt, mime?, data_base64?}]}, the newest messages' images first
   * within the limits. `cache` (a Map url -> image|null) avoids fetching an image twice.
   */
  async function collect(attachmentsById, order, options) {
    const opts = options || {};
    const cache = opts.cache || new Map();
    const out = {};
    let budget = MAX_PER_THREAD;
    for (const id of order.slice().reverse()) {
      const list = (attachmentsById[id] || []).slice(0, MAX_PER_MESSAGE);
      if (!list.length || budget <= 0) continue;
      const taken = list.slice(0, budget);
      budget -= taken.length;
      out[id] = await Promise.all(taken.map(async (a) => {
        if (!cache.has(a.url)) cache.set(a.url, await fetchImage(a.url, opts));
        const image = cache.get(a.url);
        const item = { name: String(a.name || '').slice(0, 255), alt: String(a.alt || '').slice(0, 1000) };
        return image ? Object.assign(item, image) : item;
      }));
    }
    return out;
  }

  return { collect, fetchImage, mimeOf, base64Of, MAX_BYTES, MAX_PER_MESSAGE, MAX_PER_THREAD };
});
