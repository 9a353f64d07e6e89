/*
 * badge: the per-tab state machine behind the toolbar badge, and what the badge shows for
 * each state. Pure: no chrome.* here; background.js applies badgeFor() with the tab id.
 *
 * States (phase):  idle -> scanning -> done | error | empty
 * Events:          {type: 'scan_started', scanId}
 *                  {type: 'scan_succeeded', scanId, result}     result = the service's 200 answer
 *                  {type: 'scan_failed', scanId, error}         error = {code, message}
 *                  {type: 'no_messages', scanId}
 *                  {type: 'painted', scanId, count}             highlights drawn by the page
 *                  {type: 'reset'}                              navigation to another document
 * An answer for an older scan than the latest started one is ignored (no stale badge).
 *
 * Texts follow the UI language: 高/中/低/OK in Japanese, HIGH/MED/LOW/OK in English (badge_<level>
 * in _locales). A failed scan keeps the earlier level and warnings (stale), and the tooltip says
 * 「前回の結果（hh:mm）」. Counts use the same rule as the panel and the popup (countable()): risks
 * of severity low and above; notes (info) and signals are not warnings.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).badge = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  // Text and colour per state; the end-to-end tests assert these.
  const LOOK = {
    idle: { text: '', color: '#5F6368' },
    scanning: { text: '…', color: '#1A73E8' },
    high: { text: 'HIGH', color: '#C5221F' },
    medium: { text: 'MED', color: '#B45309' }, // dark orange: white text stays readable (5:1)
    low: { text: 'LOW', color: '#F9AB00', textColor: '#202124' }, // yellow needs dark text
    none: { text: 'OK', color: '#188038' },
    unreachable: { text: '?', color: '#5F6368' }, // service down or too slow
    failed: { text: '!', color: '#5F6368' }, // service answered, but not usefully
    empty: { text: '-', color: '#70757A' }, // no messages found on the page (white text 4.8:1)
  };
  const UNREACHABLE_CODES = new Set(['unreachable', 'timeout']);
  const LEVELS = ['none', 'low', 'medium', 'high'];

  function initial() {
    return { phase: 'idle', scanId: 0, level: null, score: null, warnings: [], error: null, highlights: null, messageCount: null, at: null };
  }

  function reduce(state, event) {
    const s = state || initial();
    const newer = (id) => typeof id !== 'number' || id >= s.scanId;
    const idOf = (id) => (typeof id === 'number' ? id : s.scanId);
    switch (event && event.type) {
      case 'scan_started':
        if (!newer(event.scanId)) return s;
        return { ...s, phase: 'scanning', scanId: typeof event.scanId === 'number' ? event.scanId : s.scanId + 1 };
      case 'scan_succeeded': {
        if (!newer(event.scanId)) return s;
        const r = event.result || {};
        const level = LEVELS.includes(r.risk && r.risk.level) ? r.risk.level : 'none';
        return {
          ...s,
          phase: 'done',
          scanId: idOf(event.scanId),
          level,
          score: r.risk && typeof r.risk.score === 'number' ? r.risk.score : null,
          warnings: Array.isArray(r.warnings) ? r.warnings : [],
          highlights: null,
          error: null,
          messageCount: typeof event.messageCount === 'number' ? event.messageCount : s.messageCount,
          at: typeof event.at === 'number' ? event.at : Date.now(),
        };
      }
      case 'scan_failed':
        if (!newer(event.scanId)) return s;
        return { ...s, phase: 'error', scanId: idOf(event.scanId), error: event.error || { code: 'internal' }, highlights: null };
      case 'no_messages':
        if (!newer(event.scanId)) return s;
        return { ...s, phase: 'empty', scanId: idOf(event.scanId), level: null, score: null, warnings: [], error: null, highlights: 0, messageCount: 0 };
      case 'painted':
        if (event.scanId !== undefined && event.scanId !== s.scanId) return s;
        return { ...s, highlights: event.count };
      case 'reset':
        return initial();
      default:
        return s;
    }
  }

  function lookOf(state) {
    const s = state || initial();
    if (s.phase === 'scanning') return LOOK.scanning;
    if (s.phase === 'done') return LOOK[s.level] || LOOK.none;
    if (s.phase === 'error') return UNREACHABLE_CODES.has(s.error && s.error.code) ? LOOK.unreachable : LOOK.failed;
    if (s.phase === 'empty') return LOOK.empty;
    return LOOK.idle;
  }

  /**
   * {text, color, title} for the badge. t(key, ...subs) translates (see lib/i18n.js).
   * The title (tooltip) lists the warnings by severity, most severe first.
   */
  function badgeFor(state, t) {
    const tr = t || ((key) => key);
    const s = state || initial();
    const look = lookOf(s);
    const name = tr('extName');
    let title = name;
    let text = look.text;
    if (s.phase === 'scanning') title = `${name}: ${tr('badgeScanning')}`;
    else if (s.phase === 'empty') title = `${name}: ${tr('noMessages')}`;
    else if (s.phase === 'error') {
      title = `${name}: ${tr(`error_${(s.error && s.error.code) || 'internal'}`)}`;
      if (s.level && LEVELS.includes(s.level)) {
        title += `\n${tr('badgeStaleTitle', hhmm(s.at), `${tr(`level_${s.level}`)}${countSuffix(s.warnings, tr)}`)}${summary(s.warnings, tr)}`;
      }
    } else if (s.phase === 'done') {
      title = `${name}: ${tr(`level_${s.level}`)}${countSuffix(s.warnings, tr)}${summary(s.warnings, tr)}`;
      const own = tr(`badge_${s.level}`);
      if (own && own !== `badge_${s.level}`) text = own;
    }
    return { text, color: look.color, textColor: look.textColor || '#FFFFFF', title };
  }

  /** Risks a person counts as warnings: severity low and above (info is a note). */
  function countable(warnings) {
    return (warnings || []).filter((w) => w && w.kind !== 'signal' && (SEVERITY_ORDER[w.severity] ?? 9) <= 2);
  }

  function countSuffix(warnings, tr) {
    const n = countable(warnings).length;
    if (!n) return '';
    const text = tr('countOnly', String(n));
    return text === 'countOnly' ? ` (${n})` : `・${text}`;
  }

  function hhmm(at) {
    const d = new Date(typeof at === 'number' ? at : NaN);
    if (Number.isNaN(d.getTime())) return '--:--';
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }

  const SEVERITY_ORDER = { high: 0, medium: 1, low: 2, info: 3 };
  function summary(warnings, tr) {
    const risks = countable(warnings);
    if (!risks.length) return '';
    const sorted = risks.slice().sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9));
    const lines = sorted.slice(0, 6).map((w) => `• [${tr(`severity_${w.severity}`)}] ${String(w.title || w.category || '')}`);
    if (sorted.length > 6) lines.push(tr('andMore', String(sorted.length - 6)));
    return `\n${lines.join('\n')}`;
  }

  /** "#RRGGBB" -> [r, g, b, 255] as chrome.action.getBadgeBackgroundColor reports it. */
  function rgba(hex) {
    const n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
  }

  return { LOOK, initial, reduce, lookOf, badgeFor, rgba, countable, hhmm };
});
