/*
 * scanplan: what one scan sends, within the service's limits, and how the answer is mapped back.
 * Pure functions (no DOM, no chrome.*), shared by the content script and the background worker.
 *
 * Limits never silence (issue 9): the service refuses a whole thread over its limits (20,000
 * characters per message, 5,000 messages, 8 MiB body), so the extension never sends one:
 *   - a longer message is sent as consecutive parts of at most 20,000 UTF-16 units (never splitting
 *     a surrogate pair); the first part keeps the message's id, the others are "<id>~2", "<id>~3"…,
 *     and their highlights are shifted back onto the message (foldParts);
 *   - beyond 5,000 parts or the body budget the OLDEST messages are left out, and the scan says so
 *     (notes: {code: 'dropped_messages', count} / {code: 'split_messages', count}).
 * The re-scan signature covers each message's id, sender, a hash of its text and its attachments,
 * so a message edited in place is scored again (issue 9, item 7).
 * Search lists: each listing is scored alone and combineListings() merges the answers, so a benign
 * listing never inherits another's warning.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).scanplan = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const LIMITS = Object.freeze({
    maxChars: 20000, // per message (the service counts code points; UTF-16 units are never fewer)
    maxMessages: 5000,
    maxBytes: 8 * 1024 * 1024,
    reserveBytes: 64 * 1024, // context, lang and JSON punctuation
  });
  const LEVELS = ['none', 'low', 'medium', 'high'];

  /** FNV-1a, 32 bit, over UTF-16 code units. */
  function hash(s) {
    let h = 0x811c9dc5;
    const text = String(s);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(36);
  }

  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i += 1; } else n += 3;
    }
    return n;
  }

  /** Bytes one message adds to the request body (its JSON, UTF-8, and a comma). */
  function messageBytes(m) {
    return utf8Length(JSON.stringify(m)) + 1;
  }

  /** Cut `text` into parts of at most `max` UTF-16 units, never between a surrogate pair. */
  function splitText(text, max) {
    const parts = [];
    let start = 0;
    while (start < text.length) {
      let end = Math.min(text.length, start + max);
      if (end < text.length) {
        const c = text.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end -= 1;
      }
      parts.push({ offset: start, text: text.slice(start, end) });
      start = end;
    }
    return parts.length ? parts : [{ offset: 0, text: '' }];
  }

  /**
   * messages: [{id, sender, sent_at, text, attachments?}] in thread order.
   * Returns {messages: what to send, parts: {sentId: {id, offset}} for every part after the first,
   *          notes: [{code, count}], dropped: number of messages left out, split: messages cut in parts}.
   */
  function fitToLimits(messages, contextBytes, limits) {
    const lim = Object.assign({}, LIMITS, limits || {});
    const taken = new Set(messages.map((m) => m.id));
    const expanded = []; // [{message index, sent}]
    let split = 0;
    messages.forEach((m, index) => {
      const text = String(m.text || '');
      if (text.length <= lim.maxChars) {
        expanded.push({ index, sent: m, origin: null });
        return;
      }
      split += 1;
      splitText(text, lim.maxChars).forEach((part, k) => {
        let id = m.id;
        if (k > 0) {
          id = `${m.id}~${k + 1}`;
          while (taken.has(id)) id += '~';
          taken.add(id);
        }
        const sent = Object.assign({}, m, { id, text: part.text });
        if (k > 0) delete sent.attachments;
        expanded.push({ index, sent, origin: k > 0 ? { id: m.id, offset: part.offset } : null });
      });
    });
    // Keep the newest parts within the count and the body budget.
    let budget = lim.maxBytes - lim.reserveBytes - (contextBytes || 0);
    let keepFrom = expanded.length;
    while (keepFrom > 0 && expanded.length - keepFrom < lim.maxMessages) {
      const cost = messageBytes(expanded[keepFrom - 1].sent);
      if (cost > budget) break;
      budget -= cost;
      keepFrom -= 1;
    }
    // Never send a message's later parts without its first one: drop whole messages only.
    while (keepFrom < expanded.length && expanded[keepFrom].origin) keepFrom += 1;
    const kept = expanded.slice(keepFrom);
    const parts = {};
    for (const e of kept) if (e.origin) parts[e.sent.id] = e.origin;
    const keptIndexes = new Set(kept.map((e) => e.index));
    const dropped = messages.length - keptIndexes.size;
    const splitKept = new Set(kept.filter((e) => e.origin).map((e) => e.index)).size;
    const notes = [];
    if (dropped > 0) notes.push({ code: 'dropped_messages', count: dropped });
    if (splitKept > 0) notes.push({ code: 'split_messages', count: splitKept });
    return { messages: kept.map((e) => e.sent), parts, notes, dropped, split: splitKept, splitAll: split };
  }

  /** The service's answer with every part's highlights and warnings put back on its message. */
  function foldParts(result, parts) {
    if (!result || !parts || !Object.keys(parts).length) return result;
    const highlights = result.highlights.map((h) => {
      const origin = parts[h.message_id];
      if (!origin || h.attachment !== undefined) return origin ? Object.assign({}, h, { message_id: origin.id }) : h;
      return Object.assign({}, h, { message_id: origin.id, start: h.start + origin.offset, end: h.end + origin.offset });
    });
    const warnings = result.warnings.map((w) => {
      const ids = [];
      for (const id of w.message_ids) {
        const real = parts[id] ? parts[id].id : id;
        if (!ids.includes(real)) ids.push(real);
      }
      return Object.assign({}, w, { message_ids: ids });
    });
    return Object.assign({}, result, { highlights, warnings });
  }

  /** Re-scan signature: context, and each message's id, sender, text hash and attachments. */
  function signatureOf(scraped, extra) {
    const lines = (scraped.messages || []).map((m) => {
      const atts = ((scraped.attachments || {})[m.id] || []).map((a) => `${a.url}|${a.name}|${a.alt}`).join(',');
      return `${m.id}/${m.sender}/${m.sent_at || ''}/${m.text.length}:${hash(m.text)}/${hash(atts)}`;
    });
    return `${JSON.stringify(scraped.context || {})}\n${extra ? JSON.stringify(extra) : ''}\n${lines.join('|')}`;
  }

  function listingSignature(scraped) {
    return `${JSON.stringify(scraped.context || {})}\n${(scraped.listings || []).map((l) => `${l.id}:${l.text.length}:${hash(l.text)}`).join('|')}`;
  }

  function maxLevel(levels) {
    let best = 0;
    for (const l of levels) best = Math.max(best, LEVELS.indexOf(l));
    return LEVELS[Math.max(0, best)];
  }

  /**
   * answers: [{id: listing id, result}] (result = a sanitized /score answer, or null when that
   * listing could not be scored). One result for the page: the highest listing level; warnings and
   * highlights of each listing kept apart (ids prefixed with the listing's id); `listings` gives
   * each listing's level.
   */
  function combineListings(answers) {
    const warnings = [];
    const highlights = [];
    const listings = {};
    let score = 0;
    for (const { id, result } of answers) {
      if (!result) continue;
      listings[id] = result.risk.level;
      score = Math.max(score, result.risk.score || 0);
      for (const w of result.warnings) warnings.push(Object.assign({}, w, { id: `${id}:${w.id}`, message_ids: [id] }));
      for (const h of result.highlights) {
        if (h.message_id !== id) continue;
        highlights.push(Object.assign({}, h, { warning_id: `${id}:${h.warning_id}` }));
      }
    }
    return {
      risk: { level: maxLevel(Object.values(listings)), score },
      contract_status: 'before_contract',
      warnings,
      highlights,
      engine: null,
      listings,
    };
  }

  // The time limit of one /score call. A long thread takes the local service longer to read the
  // first time (a cold 3,000-message thread is seconds of work on a slow machine; a re-scan is
  // answered from its cache), so the limit grows with the messages sent: a long thread is read,
  // not turned into an error.
  const SCORE_TIMEOUT = Object.freeze({ baseMs: 8000, perMessageMs: 4, maxMs: 60000 });

  /** Milliseconds to wait for the service to score `messageCount` messages. */
  function scoreTimeoutMs(messageCount) {
    const n = Number.isFinite(messageCount) && messageCount > 0 ? messageCount : 0;
    return Math.min(SCORE_TIMEOUT.maxMs, SCORE_TIMEOUT.baseMs + SCORE_TIMEOUT.perMessageMs * n);
  }

  return {
    LIMITS, SCORE_TIMEOUT, hash, utf8Length, messageBytes, splitText, fitToLimits, foldParts, signatureOf,
    listingSignature, combineListings, maxLevel, scoreTimeoutMs,
  };
});
