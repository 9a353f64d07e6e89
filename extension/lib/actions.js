/*
 * actions: what a freelancer can do about one warning, besides reading it.
 *
 *  - refusal(category, t): a short, polite refusal in the UI language (refusal_<category> in
 *    _locales, written by us: keep the talk and the contract on CrowdWorks, ask whether the
 *    secretariat allowed outside contact, refuse fees and documents), copied with copyText().
 *  - the one-line "why" and "what to do" of a warning (why_<category>, todo_<category>; for the
 *    freelancer's own message whyOwn_<category>, todoOwn), falling back to the service's words.
 *  - report(): CrowdWorks' own reporting route. In a thread it is the partner's icon
 *    (「問題あるやりとりをクラウドワークスに報告」, see shared/reference/crowdworks-dom.md): the page's own
 *    control is opened when the adapter finds it, otherwise the partner's icon is brought into
 *    view and outlined; on a job page it is the page's 「違反報告する」.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).actions = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  // Categories with their own texts in _locales (why_, todo_, whyOwn_, refusal_).
  const CATEGORIES = [
    'off_platform_contact', 'contact_details', 'external_site', 'direct_deal', 'upfront_payment', 'personal_info',
    'in_person_meeting', 'work_before_escrow', 'unrealistic_offer', 'pressure', 'client_reputation', 'slow_reply',
  ];
  // Thread-level findings: no message to dismiss on, nothing to refuse.
  const THREAD_LEVEL = new Set(['client_reputation', 'slow_reply']);

  function translated(t, key) {
    const value = t(key);
    return value && value !== key ? value : '';
  }

  /** The first sentence of a text (Japanese or English). */
  function firstSentence(text) {
    const s = String(text || '').trim();
    const m = /^[\s\S]*?(?:[。！？]|[.!?](?=\s|$))/.exec(s);
    return (m ? m[0] : s).trim();
  }

  /**
   * {why, todo}: one line each. own = the warning is on the freelancer's own message.
   */
  function lines(warning, t, own) {
    const w = warning || {};
    const cat = String(w.category || '');
    // The freelancer's own message: worker-side words (never 「誘導されています」).
    const ownWhy = own && w.kind !== 'signal' ? translated(t, `whyOwn_${cat}`) : '';
    if (ownWhy) return { why: ownWhy, todo: translated(t, 'todoOwn') || firstSentence(w.advice) };
    // A note (after a contract) or a reassuring signal: the service's own, phase-aware words.
    if (w.kind === 'signal' || w.severity === 'info') {
      return { why: String(w.title || cat), todo: firstSentence(w.advice) };
    }
    const why = translated(t, `why_${cat}`) || String(w.title || cat);
    const todo = translated(t, `todo_${cat}`) || firstSentence(w.advice);
    return { why, todo };
  }

  function refusal(category, t) {
    return translated(t, `refusal_${category}`) || translated(t, 'refusal_generic');
  }

  function canRefuse(warning) {
    return !!warning && warning.kind !== 'signal' && !THREAD_LEVEL.has(warning.category);
  }

  function canDismiss(warning) {
    return !!warning && warning.kind !== 'signal' && Array.isArray(warning.message_ids) && warning.message_ids.length > 0;
  }

  /** Copy text to the clipboard; resolves to true when it worked. Never stores the text. */
  async function copyText(text, doc) {
    const d = doc || root.document;
    const nav = d && d.defaultView && d.defaultView.navigator;
    try {
      if (nav && nav.clipboard && typeof nav.clipboard.writeText === 'function') {
        await nav.clipboard.writeText(text);
        return true;
      }
    } catch (e) { /* fall back below */ }
    try {
      // Older browsers: a transient textarea in a closed shadow root, removed at once.
      const host = d.createElement('div');
      host.setAttribute('data-cwguard-ui', 'copy');
      const shadow = host.attachShadow({ mode: 'closed' });
      const area = d.createElement('textarea');
      area.value = text;
      shadow.appendChild(area);
      (d.body || d.documentElement).appendChild(host);
      area.select();
      const ok = d.execCommand && d.execCommand('copy');
      host.remove();
      return !!ok;
    } catch (e) {
      return false;
    }
  }

  /**
   * Open CrowdWorks' own reporting route for the message element `messageEl`.
   * Returns {how: 'control'|'icon'|'none', target: Element|null}. `adapter` is lib/adapter.js.
   */
  function report(doc, adapter, messageEl) {
    const find = adapter && typeof adapter.reportRoute === 'function' ? adapter.reportRoute : null;
    const route = find ? find(doc, messageEl) : { control: null, icon: null };
    if (route.control) {
      route.control.scrollIntoView({ block: 'center', inline: 'nearest' });
      try { route.control.focus({ preventScroll: true }); } catch (e) { /* not focusable */ }
      route.control.click();
      return { how: 'control', target: route.control };
    }
    if (route.icon) {
      route.icon.scrollIntoView({ block: 'center', inline: 'nearest' });
      try { route.icon.focus({ preventScroll: true }); } catch (e) { /* not focusable */ }
      return { how: 'icon', target: route.icon };
    }
    return { how: 'none', target: null };
  }

  return { CATEGORIES, THREAD_LEVEL, lines, refusal, canRefuse, canDismiss, copyText, report, firstSentence };
});
