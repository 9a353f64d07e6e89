/*
 * prefs: what the freelancer decided about warnings, kept in chrome.storage.local only (nothing
 * leaves the machine), and the on-page panel's remembered place.
 *
 *   cwguardDismissed  [{thread, message, category, title, at}]   「問題なし」 on one warning of one message
 *   cwguardTrusted    [{clientId, name, at}]                      「このクライアントを信頼」
 *   cwguardPanel      {open: true|false|null, dock: 'br'|'bl'|'tr'|'tl'}
 *
 * Every decision is undoable (undismiss / untrust). The pure part (apply) decides, for one scoring
 * answer, which warnings and highlights stay active and which are listed as dismissed; it runs in
 * node for the unit tests.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).prefs = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const KEYS = { dismissed: 'cwguardDismissed', trusted: 'cwguardTrusted', panel: 'cwguardPanel' };
  const MAX_DISMISSED = 500;
  const MAX_TRUSTED = 200;
  const DOCKS = ['br', 'tr', 'bl', 'tl'];
  const SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3 };
  const LEVELS = ['none', 'low', 'medium', 'high'];

  /** The thread a page shows, as a stable key: "/proposals/123" (query and hash dropped). */
  function threadKey(url) {
    try {
      const u = new URL(String(url));
      return u.pathname.replace(/\/+$/, '') || '/';
    } catch (e) {
      return String(url || '');
    }
  }

  function empty() {
    return { dismissed: [], trusted: [], panel: { open: null, dock: 'br' } };
  }

  function clean(raw) {
    const out = empty();
    const r = raw || {};
    if (Array.isArray(r[KEYS.dismissed])) {
      out.dismissed = r[KEYS.dismissed].filter((d) => d && typeof d.thread === 'string' && typeof d.message === 'string'
        && typeof d.category === 'string').slice(-MAX_DISMISSED);
    }
    if (Array.isArray(r[KEYS.trusted])) {
      out.trusted = r[KEYS.trusted].filter((c) => c && typeof c.clientId === 'string' && c.clientId).slice(-MAX_TRUSTED);
    }
    const p = r[KEYS.panel];
    if (p && typeof p === 'object') {
      out.panel = { open: typeof p.open === 'boolean' ? p.open : null, dock: DOCKS.includes(p.dock) ? p.dock : 'br' };
    }
    return out;
  }

  // ---------------------------------------------------------------- the pure part

  function sameDismissal(a, b) {
    return a.thread === b.thread && a.message === b.message && a.category === b.category;
  }

  function isTrusted(prefs, clientId) {
    return !!clientId && prefs.trusted.some((c) => c.clientId === String(clientId));
  }

  /**
   * Is the warning `category` on message `messageId` set aside?
   * ctx: {thread, clientId, senders: Map(messageId -> sender)}
   */
  function isDismissed(prefs, ctx, messageId, category) {
    if (prefs.dismissed.some((d) => d.thread === ctx.thread && d.message === messageId && d.category === category)) return true;
    const sender = ctx.senders && ctx.senders.get ? ctx.senders.get(messageId) : undefined;
    return sender === 'client' && isTrusted(prefs, ctx.clientId);
  }

  function isRisk(w) {
    return w && w.kind !== 'signal';
  }

  /** Warnings a person should count: risks of severity low or above (info is a note, not a warning). */
  function countable(warnings) {
    return (warnings || []).filter((w) => isRisk(w) && SEVERITY_RANK[w.severity] >= 1);
  }

  /**
   * Split an answer by the freelancer's decisions.
   * Returns {level, active: [warning], dismissed: [warning], highlights: [highlight], hiddenHighlights}
   * A warning is dismissed when every message it is on is dismissed for its category; a highlight
   * is hidden when its own message is. The level is the service's, lowered to the most severe
   * active risk when something was dismissed (a dismissal never raises it).
   */
  function apply(result, prefs, ctx) {
    const p = prefs || empty();
    const c = ctx || {};
    const warnings = (result && result.warnings) || [];
    const highlights = (result && result.highlights) || [];
    const active = [];
    const dismissed = [];
    const catOf = new Map(warnings.map((w) => [w.id, w.category]));
    for (const w of warnings) {
      const ids = Array.isArray(w.message_ids) ? w.message_ids : [];
      const gone = isRisk(w) && ids.length > 0 && ids.every((id) => isDismissed(p, c, id, w.category));
      (gone ? dismissed : active).push(w);
    }
    const shown = [];
    let hidden = 0;
    for (const h of highlights) {
      const category = h.category || catOf.get(h.warning_id) || '';
      if (isDismissed(p, c, h.message_id, category)) hidden += 1;
      else shown.push(h);
    }
    const serviceLevel = LEVELS.includes(result && result.risk && result.risk.level) ? result.risk.level : 'none';
    let level = serviceLevel;
    if (dismissed.length) {
      const top = Math.max(0, ...countable(active).map((w) => SEVERITY_RANK[w.severity]));
      level = LEVELS[Math.min(LEVELS.indexOf(serviceLevel), top)];
    }
    return { level, serviceLevel, active, dismissed, highlights: shown, hiddenHighlights: hidden };
  }

  // ---------------------------------------------------------------- storage

  function storage() {
    return root.chrome && root.chrome.storage && root.chrome.storage.local ? root.chrome.storage.local : null;
  }

  async function load(store) {
    const s = store || storage();
    if (!s) return empty();
    try {
      return clean(await s.get([KEYS.dismissed, KEYS.trusted, KEYS.panel]));
    } catch (e) {
      return empty();
    }
  }

  async function update(fn, store) {
    const s = store || storage();
    const current = await load(s);
    const next = fn(current) || current;
    if (s) {
      await s.set({
        [KEYS.dismissed]: next.dismissed.slice(-MAX_DISMISSED),
        [KEYS.trusted]: next.trusted.slice(-MAX_TRUSTED),
        [KEYS.panel]: next.panel,
      });
    }
    return next;
  }

  function dismiss(entry, store) {
    const d = {
      thread: String(entry.thread), message: String(entry.message), category: String(entry.category),
      title: String(entry.title || '').slice(0, 200), at: Date.now(),
    };
    return update((p) => ({ ...p, dismissed: p.dismissed.filter((x) => !sameDismissal(x, d)).concat([d]) }), store);
  }

  function undismiss(entry, store) {
    return update((p) => ({ ...p, dismissed: p.dismissed.filter((x) => !sameDismissal(x, entry)) }), store);
  }

  function trust(client, store) {
    const c = { clientId: String(client.clientId), name: String(client.name || '').slice(0, 200), at: Date.now() };
    return update((p) => ({ ...p, trusted: p.trusted.filter((x) => x.clientId !== c.clientId).concat([c]) }), store);
  }

  function untrust(clientId, store) {
    return update((p) => ({ ...p, trusted: p.trusted.filter((x) => x.clientId !== String(clientId)) }), store);
  }

  function savePanel(panel, store) {
    return update((p) => ({ ...p, panel: { ...p.panel, ...panel } }), store);
  }

  /** Calls fn(prefs) whenever another tab or page changes them. */
  function onChange(fn) {
    const api = root.chrome && root.chrome.storage && root.chrome.storage.onChanged;
    if (!api) return;
    api.addListener((changes, area) => {
      if (area !== 'local') return;
      if (changes[KEYS.dismissed] || changes[KEYS.trusted]) load().then(fn);
    });
  }

  return {
    KEYS, DOCKS, SEVERITY_RANK, threadKey, empty, clean, apply, countable, isDismissed, isTrusted,
    load, dismiss, undismiss, trust, untrust, savePanel, onChange,
  };
});
