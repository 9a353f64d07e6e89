/*
 * ui: the on-page warning card and the panel, each in its own CLOSED Shadow DOM host: the page's
 * styles cannot break them, ours cannot leak into the page, and the page's own scripts cannot
 * read or rewrite what the freelancer is told (host.shadowRoot is null for them). Built with
 * dom.h only: every string is text.
 *
 * Hosts: <div id="cwguard-panel" data-cwguard-ui="panel"> (just before <body>, so its pill comes
 * first in Tab order without restyling the page) and <div id="cwguard-card" data-cwguard-ui="card">. Each host is itself the fixed
 * box the user sees (its geometry is the panel's or the card's), placed through the custom
 * properties --cw-x / --cw-y; its :host rules are !important so the page cannot restyle it.
 *
 * Calm by default:
 *   - the panel is a pill showing the level (高/中/低 mark + words + counts); it opens itself only
 *     for a high-risk thread, and then beside the content: never over the reply box or the send
 *     button (env.avoid()), preferring a column clear of them and of the messages;
 *   - it can be docked in any corner (button, or drag the pill) and remembers open/closed and the
 *     corner (prefs: chrome.storage.local);
 *   - the card is one line of why and one line of what to do, with 「詳しく」 for the service's own
 *     title, detail and advice; it stays inside the viewport and below a fixed site header.
 *
 * Actions (card, and panel items): 断り文をコピー, 報告の方法, 問題なし, このクライアントを信頼;
 * dismissed warnings are listed in the panel with 元に戻す. Severity is never colour alone: a
 * 高/中/低 mark in the card and panel and a distinct underline per level (content.css).
 *
 * Accessibility: the toggle has aria-expanded/aria-controls; a polite live region announces level
 * changes; the card is a non-modal dialog labelled by its passage and its why/what lines; opened
 * from the keyboard it takes focus and gives it back on Esc.
 *
 * env (configure()): hooks from lib/overlay.js (context, prefs, actions, what to avoid). Tests
 * pass their own.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).ui = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const isNode = typeof module === 'object' && module.exports;
  const dom = isNode ? require('./dom.js') : root.cwguard.dom;
  const prefsLib = isNode ? require('./prefs.js') : root.cwguard.prefs;
  const actionsLib = isNode ? require('./actions.js') : root.cwguard.actions;
  const { h, clear } = dom;

  // Severity colours, each with its text colour; contrast is checked in tests/extension/unit/a11y.test.js.
  const COLORS = {
    high: { bg: '#B3261E', fg: '#FFFFFF' },
    medium: { bg: '#B45309', fg: '#FFFFFF' },
    low: { bg: '#F9AB00', fg: '#202124' },
    info: { bg: '#1A73E8', fg: '#FFFFFF' },
    none: { bg: '#188038', fg: '#FFFFFF' },
    signal: { bg: '#188038', fg: '#FFFFFF' },
    grey: { bg: '#5F6368', fg: '#FFFFFF' },
  };
  const LINK = '#1A0DAB';
  const PANEL_WIDTH = 300;
  const MARGIN = 8;

  const HOST_CSS = `
    :host { all: initial !important; position: fixed !important; display: var(--cw-display, block) !important;
            left: var(--cw-x, auto) !important; top: var(--cw-y, auto) !important;
            right: auto !important; bottom: auto !important; margin: 0 !important;
            visibility: var(--cw-visibility, visible) !important; }
  `;
  const BASE_CSS = `
    * { box-sizing: border-box; }
    .box { font: 13px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
           color: #202124; background: #fff; border: 1px solid #c4c7c5; border-radius: 8px;
           box-shadow: 0 2px 10px rgba(0,0,0,.16); }
    .sev { display: inline-block; min-width: 1.6em; text-align: center; font-size: 12px; font-weight: 700;
           border-radius: 4px; padding: 0 5px; border: 1px solid transparent; }
    .sev[data-severity="high"] { background: ${COLORS.high.bg}; color: ${COLORS.high.fg}; }
    .sev[data-severity="medium"] { background: ${COLORS.medium.bg}; color: ${COLORS.medium.fg}; }
    .sev[data-severity="low"] { background: ${COLORS.low.bg}; color: ${COLORS.low.fg}; }
    .sev[data-severity="info"] { background: #fff; color: ${COLORS.info.bg}; border-color: ${COLORS.info.bg}; }
    .sev[data-severity="none"] { background: ${COLORS.none.bg}; color: ${COLORS.none.fg}; }
    .sev[data-kind="signal"] { background: #fff; color: ${COLORS.signal.bg}; border-color: ${COLORS.signal.bg}; }
    .sev[data-severity="grey"], [data-stale="1"] .sev { background: ${COLORS.grey.bg}; color: ${COLORS.grey.fg}; border-color: transparent; }
    button { font: inherit; cursor: pointer; color: inherit; }
    button:focus-visible, [tabindex]:focus-visible { outline: 2px solid #1A73E8; outline-offset: 1px; }
    .act { font-size: 12px; padding: 1px 8px; border: 1px solid #c4c7c5; border-radius: 12px; background: #f8f9fa; }
    .act:hover { background: #eef0f2; }
    .linkish { border: 0; background: none; padding: 0; color: ${LINK}; text-decoration: underline; font-size: 12px; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    [hidden] { display: none !important; }
  `;
  const CARD_CSS = `${HOST_CSS}
    :host { z-index: 2147483647 !important; }
    ${BASE_CSS}
    .card { width: max-content; max-width: min(400px, calc(100vw - 16px)); padding: 8px 10px; }
    .card[data-stale="1"] { background: #f1f3f4; }
    .head { display: flex; align-items: center; gap: 6px; }
    .passage { font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; min-width: 0; }
    .stale-note { font-size: 12px; color: #3c4043; white-space: nowrap; }
    .close { border: 0; background: none; font-size: 16px; line-height: 1; padding: 0 2px; color: #5f6368; }
    .why, .todo { margin: 2px 0 0; }
    .todo::before { content: "→ "; color: #5f6368; }
    .actions { display: flex; flex-wrap: wrap; gap: 4px 6px; margin-top: 6px; align-items: center; }
    .feedback { margin: 4px 0 0; font-size: 12px; color: #188038; }
    .feedback:empty { display: none; }
    .more-body { margin-top: 6px; padding-top: 6px; border-top: 1px solid #e8eaed; max-height: 40vh; overflow: auto; }
    .more-body p { margin: 2px 0 0; white-space: pre-wrap; }
    .more-title { font-weight: 700; }
    .advice { padding: 4px 6px; background: #f1f3f4; border-radius: 6px; }
  `;
  const PANEL_CSS = `${HOST_CSS}
    :host { z-index: 2147483646 !important; }
    ${BASE_CSS}
    .panel { display: flex; flex-direction: column; overflow: hidden; max-height: var(--cw-maxh, 60vh);
             width: max-content; max-width: calc(100vw - 16px); border-radius: 18px; }
    .panel[data-open="true"] { width: min(${PANEL_WIDTH}px, calc(100vw - 16px)); border-radius: 8px; }
    .panel[data-stale="1"] { background: #f1f3f4; }
    .bar { display: flex; align-items: stretch; }
    .toggle { display: flex; align-items: center; gap: 6px; flex: 1; min-width: 0; padding: 5px 6px 5px 10px;
              border: 0; background: none; text-align: left; border-radius: 18px; }
    .label { font-weight: 700; white-space: nowrap; }
    .count { color: #3c4043; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .dock { border: 0; background: none; padding: 0 8px; color: #5f6368; cursor: grab; touch-action: none; border-radius: 18px; }
    .grip { display: block; width: 8px; height: 14px;
            background: radial-gradient(circle, #5f6368 1.2px, transparent 1.6px) 0 0 / 4px 4px; }
    .body { overflow: auto; padding: 0 10px 8px; border-top: 1px solid #e8eaed; }
    .stale-note { margin: 6px 0 0; padding: 4px 6px; background: #e8eaed; border-radius: 6px; }
    .status { margin: 6px 0; white-space: pre-wrap; }
    .status:empty { display: none; }
    .warnings, .dismissed-list { list-style: none; margin: 0; padding: 0; }
    .warning { padding: 6px 0; border-bottom: 1px solid #f1f3f4; }
    .wtop { display: flex; align-items: baseline; gap: 6px; }
    .jump { flex: 1; min-width: 0; padding: 0; border: 0; background: none; text-align: left; color: ${LINK}; }
    .jump:hover .wtitle { text-decoration: underline; }
    .jump-static { flex: 1; min-width: 0; }
    .wtitle { font-weight: 700; margin-left: 4px; }
    .wline { margin: 2px 0 0; color: #3c4043; }
    .wactions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
    .notes { list-style: none; margin: 6px 0 0; padding: 0; font-size: 12px; color: #3c4043; }
    .notes li { padding: 2px 6px; background: #f1f3f4; border-radius: 4px; margin-bottom: 2px; }
    .facts { margin: 6px 0 0; font-size: 12px; color: #3c4043; }
    .dismissed { margin-top: 8px; }
    .dismissed h3 { font-size: 12px; margin: 0 0 2px; color: #3c4043; }
    .dismissed-list li { display: flex; gap: 6px; align-items: baseline; font-size: 12px; color: #5f6368; padding: 2px 0; }
    .dismissed-list .what { flex: 1; min-width: 0; }
    .footer { margin-top: 8px; display: flex; gap: 8px; }
    .rescan { padding: 2px 10px; border: 1px solid #c4c7c5; border-radius: 4px; background: #f8f9fa; }
    code { font-family: ui-monospace, monospace; background: #f1f3f4; padding: 0 4px; border-radius: 3px; }
  `;

  // ------------------------------------------------------------------ environment

  const NO_ENV = {
    context: () => ({ thread: '', clientId: null, clientName: '', senders: new Map(), contract: 'unknown' }),
    prefs: () => prefsLib.empty(),
    count: null, // () => number of passages drawn
    avoid: () => [], // page elements the panel must never cover
    soft: () => null, // a rect it should rather not cover (the messages)
  };
  let env = Object.assign({}, NO_ENV);

  /** Hooks from lib/overlay.js: context, prefs, count, avoid, soft, onDismiss, onUndismiss, onTrust,
   *  onUntrust, onCopyRefusal, onReport, onPanelState. */
  function configure(hooks) {
    env = Object.assign({}, NO_ENV, hooks || {});
  }

  function hook(name, ...args) {
    const fn = env[name];
    return typeof fn === 'function' ? fn(...args) : undefined;
  }

  // ------------------------------------------------------------------ shared helpers

  function attachStyles(shadow, css) {
    const doc = shadow.ownerDocument;
    try {
      // Constructed sheets are not subject to the page's style-src CSP.
      const sheet = new (doc.defaultView.CSSStyleSheet)();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch (e) {
      const style = doc.createElement('style');
      style.textContent = css;
      shadow.appendChild(style);
    }
  }

  function makeHost(doc, id, role, first) {
    const old = doc.getElementById(id);
    if (old && old.getAttribute('data-cwguard-ui') === role) old.remove();
    const host = h(doc, 'div', { id, 'data-cwguard-ui': role });
    if (first && doc.body && doc.body.parentNode === doc.documentElement) {
      // First in Tab order: just before <body>. Inserting at the start of <body> would make the
      // browser restyle and lay out the whole page (long tasks on big threads); here it does not.
      doc.documentElement.insertBefore(host, doc.body);
    } else {
      (doc.body || doc.documentElement).appendChild(host);
    }
    const shadow = host.attachShadow({ mode: 'closed' });
    return { host, shadow };
  }

  /** Set a custom property only when it changes (an unchanged value still restyles the host). */
  function setVar(el, name, value) {
    if (el.style.getPropertyValue(name) !== value) el.style.setProperty(name, value);
  }

  function setXY(host, x, y) {
    setVar(host, '--cw-x', `${Math.round(x)}px`);
    setVar(host, '--cw-y', `${Math.round(y)}px`);
  }

  function markText(t, severity, kind) {
    if (kind === 'signal') return t('signalLabel');
    return t(`severity_${severity}`);
  }

  function hhmm(at) {
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) return '';
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }

  function isOwnMessage(messageIds) {
    const ctx = hook('context') || {};
    const senders = ctx.senders;
    if (!senders || !messageIds || !messageIds.length) return false;
    return messageIds.every((id) => senders.get(id) === 'worker');
  }

  function clientMessage(messageIds) {
    const ctx = hook('context') || {};
    return !!(ctx.clientId && ctx.senders && messageIds.some((id) => ctx.senders.get(id) === 'client'));
  }

  /**
   * Bottom of a fixed or sticky header at the top of the viewport (0 when there is none). Hit
   * testing needs a clean layout, so the answer is kept for a second (and per viewport size).
   */
  const headerCache = new WeakMap();
  function headerBottom(doc) {
    const view0 = doc.defaultView;
    const now = Date.now();
    const key = view0 ? `${view0.innerWidth}x${view0.innerHeight}` : '';
    const hit = headerCache.get(doc);
    if (hit && hit.key === key && now - hit.at < 1000) return hit.value;
    const value = measureHeader(doc);
    headerCache.set(doc, { key, at: now, value });
    return value;
  }

  function measureHeader(doc) {
    // No hit testing (elementsFromPoint would force a pre-paint of the whole page): the few
    // elements near the top of <body> that a site header is made of, by computed position.
    const view = doc.defaultView;
    if (!view || !doc.body) return 0;
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    let bottom = 0;
    const candidates = new Set();
    for (const el of doc.body.children) {
      candidates.add(el);
      for (const child of el.children) candidates.add(child);
    }
    for (const el of doc.querySelectorAll('header, nav, [role="banner"], [class*="eader"]')) {
      if (candidates.size > 400) break;
      candidates.add(el);
    }
    for (const el of candidates) {
      if (el.hasAttribute('data-cwguard-ui')) continue;
      const pos = view.getComputedStyle(el).position;
      if (pos !== 'fixed' && pos !== 'sticky') continue;
      const r = el.getBoundingClientRect();
      if (r.top <= 2 && r.bottom > 0 && r.height < vh * 0.4 && r.width >= vw / 2) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  }

  function visibleRects(elements) {
    const out = [];
    for (const el of elements || []) {
      if (!el || !el.getBoundingClientRect || !el.isConnected) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return out;
  }

  function intersects(a, b, pad) {
    const p = pad || 0;
    return a.left < b.right + p && b.left < a.right + p && a.top < b.bottom + p && b.top < a.bottom + p;
  }

  // ------------------------------------------------------------------ actions on one warning

  /**
   * Buttons for one warning on messages `messageIds`: copy a refusal, how to report, dismiss,
   * trust the client. `say(text)` shows feedback next to them.
   */
  function actionButtons(doc, t, warning, messageIds, say, compact) {
    const buttons = [];
    const add = (name, label, fn, title) => {
      const b = h(doc, 'button', { class: 'act', type: 'button', 'data-action': name, title: title || null }, label);
      b.addEventListener('click', (event) => {
        event.stopPropagation();
        Promise.resolve(fn(b)).catch(() => say(t('actionFailed')));
      });
      buttons.push(b);
    };
    if (actionsLib.canRefuse(warning)) {
      add('copy-refusal', t('actCopyRefusal'), async () => {
        const ok = await hook('onCopyRefusal', warning.category);
        say(ok === false ? t('actCopyFailed') : t('actCopied'));
      }, t('actCopyRefusalHint'));
    }
    if (!compact && warning.kind !== 'signal') {
      add('report', t('actReport'), async () => {
        const how = await hook('onReport', messageIds[0], warning);
        say(how === 'control' ? t('actReportOpened') : t('actReportHow'));
      });
    }
    if (actionsLib.canDismiss(warning)) {
      add('dismiss', t('actDismiss'), async () => { await hook('onDismiss', warning, messageIds); }, t('actDismissHint'));
      if (!compact && clientMessage(messageIds)) {
        add('trust', t('actTrustClient'), async () => { await hook('onTrust'); }, t('actTrustHint'));
      }
    }
    return buttons;
  }

  // ------------------------------------------------------------------ card

  function createCard(doc, t) {
    const { host, shadow } = makeHost(doc, 'cwguard-card', 'card', false);
    attachStyles(shadow, CARD_CSS);
    const card = h(doc, 'div', {
      class: 'card box', role: 'dialog', id: 'card', tabindex: '-1', hidden: true,
      'aria-labelledby': 'passage why', 'aria-describedby': 'todo',
    });
    shadow.appendChild(card);
    host.style.setProperty('--cw-visibility', 'hidden');
    let current = null;
    let returnTo = null;

    card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        hide();
      }
    });

    /**
     * item: a painted item {warning, severity, highlight, entry, text}; rect: its client rect.
     * opts: {focus: true} when opened from the keyboard (focus returns on hide), {stale: {at}}.
     */
    function show(item, rect, opts) {
      const o = opts || {};
      const w = item.warning || { id: '', category: item.highlight && item.highlight.category, kind: 'risk', severity: item.severity };
      const severity = item.severity || w.severity || 'info';
      const messageIds = item.entry && item.entry.id ? [item.entry.id] : (w.message_ids || []);
      const own = isOwnMessage(messageIds);
      const { why, todo } = actionsLib.lines(w, t, own);
      const stale = o.stale || hook('staleInfo') || null;
      clear(card);
      card.setAttribute('data-severity', severity);
      card.setAttribute('data-warning-id', w.id || '');
      card.setAttribute('data-message-id', messageIds[0] || '');
      card.setAttribute('data-own', own ? '1' : '0');
      card.setAttribute('data-stale', stale ? '1' : '0');
      const passage = String(item.text || (item.highlight && item.highlight.text) || '');
      const close = h(doc, 'button', { class: 'close', type: 'button', 'aria-label': t('close'), title: t('close') }, '×');
      close.addEventListener('click', () => hide());
      card.appendChild(h(doc, 'div', { class: 'head' },
        h(doc, 'span', { class: 'sev', 'data-severity': severity, 'data-kind': w.kind || 'risk', title: t(`severity_${severity}`) },
          markText(t, severity, w.kind)),
        h(doc, 'span', { class: 'passage', id: 'passage', title: passage }, `「${passage}」`),
        stale ? h(doc, 'span', { class: 'stale-note' }, t('staleShort', hhmm(stale.at))) : null,
        close));
      card.appendChild(h(doc, 'p', { class: 'why', id: 'why' }, why));
      if (todo) card.appendChild(h(doc, 'p', { class: 'todo', id: 'todo' }, todo));
      const feedback = h(doc, 'p', { class: 'feedback', role: 'status' });
      const say = (text) => { feedback.textContent = text; place(rect); };
      const more = h(doc, 'button', { class: 'linkish more', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'more' }, t('more'));
      // The service words a warning for the one who receives the message; on the freelancer's own
      // message its details would read 「誘導されています」, so ours stand in for them.
      const moreBody = own
        ? h(doc, 'div', { class: 'more-body', id: 'more', hidden: true }, h(doc, 'p', { class: 'detail' }, t('ownDetail')))
        : h(doc, 'div', { class: 'more-body', id: 'more', hidden: true },
          w.title ? h(doc, 'p', { class: 'more-title title' }, w.title) : null,
          w.detail ? h(doc, 'p', { class: 'detail' }, w.detail) : null,
          w.advice ? h(doc, 'p', { class: 'advice' }, `${t('adviceLabel')} ${w.advice}`) : null);
      more.addEventListener('click', () => {
        const open = moreBody.hidden;
        moreBody.hidden = !open;
        more.setAttribute('aria-expanded', open ? 'true' : 'false');
        more.textContent = open ? t('less') : t('more');
        place(rect);
      });
      card.appendChild(h(doc, 'div', { class: 'actions' }, actionButtons(doc, t, w, messageIds, say, false), more));
      card.appendChild(feedback);
      card.appendChild(moreBody);
      card.hidden = false;
      host.style.setProperty('--cw-visibility', 'visible');
      current = item;
      place(rect);
      if (o.focus) {
        const active = doc.activeElement;
        if (!returnTo && active && active !== host && !(active.hasAttribute && active.hasAttribute('data-cwguard-ui'))) returnTo = active;
        card.focus({ preventScroll: true });
      }
    }

    let lastRect = null;
    function place(rect) {
      const view = doc.defaultView;
      const r = rect || lastRect || { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN };
      lastRect = r;
      const vw = view.innerWidth;
      const vh = view.innerHeight;
      const top0 = Math.max(MARGIN, headerBottom(doc) + 4);
      const width = card.offsetWidth || 320;
      const height = card.offsetHeight || 120;
      const left = Math.max(MARGIN, Math.min(r.left, vw - width - MARGIN));
      let top = r.bottom + 6;
      if (top + height > vh - MARGIN) top = r.top - height - 6; // above the passage
      if (top < top0) top = Math.max(top0, Math.min(vh - MARGIN - height, r.bottom + 6)); // below the header, inside
      setXY(host, left, Math.max(top0, top));
    }

    function hide() {
      const wasOpen = !card.hidden;
      card.hidden = true;
      host.style.setProperty('--cw-visibility', 'hidden');
      current = null;
      const back = returnTo;
      returnTo = null;
      if (wasOpen && back && back.isConnected && typeof back.focus === 'function') {
        try { back.focus({ preventScroll: false }); } catch (e) { /* gone */ }
      }
    }

    return {
      host,
      root: shadow,
      show,
      hide,
      place,
      current: () => current,
      isOpen: () => !card.hidden,
      hasFocus: () => doc.activeElement === host,
      contains: (node) => node === host || host.contains(node),
      destroy: () => host.remove(),
    };
  }

  // ------------------------------------------------------------------ panel

  /**
   * handlers: {onRescan(), onJump(warningId), onFocusWarning(warningId)}; t: translator.
   * render(view): view = {state: 'scanning'|'none'|'low'|'medium'|'high'|'error'|'empty',
   *                       warnings, jumpable: Set(warningId), error: {code}, stale: {at, error}}
   */
  function createPanel(doc, t, handlers) {
    const hs = handlers || {};
    const { host, shadow } = makeHost(doc, 'cwguard-panel', 'panel', true);
    attachStyles(shadow, PANEL_CSS);
    host.style.setProperty('--cw-display', 'none'); // until placed: never drawn where it may cover the page
    const mark = h(doc, 'span', { class: 'sev', id: 'mark', 'data-severity': 'grey', 'aria-hidden': 'true' }, '…');
    const label = h(doc, 'span', { class: 'label', id: 'label' }, t('extName'));
    const count = h(doc, 'span', { class: 'count', id: 'count' });
    const toggle = h(doc, 'button', {
      class: 'toggle', id: 'toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'body',
      title: t('panelToggleHint'),
    }, mark, label, count);
    // The grip is drawn in CSS: a glyph outside the page's fonts would make the browser load a
    // fallback font and lay the whole page out again.
    const dockButton = h(doc, 'button', { class: 'dock', id: 'dock', type: 'button', 'aria-label': t('panelMove'), title: t('panelMove') },
      h(doc, 'span', { class: 'grip', 'aria-hidden': 'true' }));
    const staleNote = h(doc, 'p', { class: 'stale-note', id: 'stale', hidden: true });
    const status = h(doc, 'p', { class: 'status', id: 'status' });
    const list = h(doc, 'ul', { class: 'warnings', id: 'warnings' });
    const notesList = h(doc, 'ul', { class: 'notes', id: 'notes' });
    const factsLine = h(doc, 'p', { class: 'facts', id: 'facts', hidden: true });
    const dismissedList = h(doc, 'ul', { class: 'dismissed-list', id: 'dismissed-list' });
    const dismissedBox = h(doc, 'div', { class: 'dismissed', id: 'dismissed', hidden: true },
      h(doc, 'h3', {}, t('dismissedHeading')), dismissedList);
    const rescan = h(doc, 'button', { class: 'rescan', id: 'rescan', type: 'button' }, t('rescan'));
    const body = h(doc, 'div', { class: 'body', id: 'body', role: 'group', 'aria-labelledby': 'label', hidden: true },
      staleNote, status, notesList, list, factsLine, dismissedBox, h(doc, 'div', { class: 'footer' }, rescan));
    const live = h(doc, 'div', { class: 'sr-only', id: 'live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const panel = h(doc, 'div', {
      class: 'panel box', id: 'panel', 'data-state': 'idle', 'data-open': 'false', 'data-dock': 'br',
      role: 'region', 'aria-label': t('extName'),
    }, h(doc, 'div', { class: 'bar' }, toggle, dockButton), body, live);
    shadow.appendChild(panel);

    let userOpen = null;
    let dock = 'br';
    let dockChosen = false; // the freelancer moved it (now or on an earlier page)
    let rememberedApplied = false;
    let autoOpened = false;
    let autoOpenPending = false;
    let placedOnce = false;
    let lastView = null;
    let lastAnnounced = '';
    let placing = 0;

    /** The remembered open/closed state and corner, once prefs are loaded. */
    function syncRemembered() {
      if (rememberedApplied) return;
      if (typeof env.prefsReady === 'function' && !env.prefsReady()) return;
      rememberedApplied = true;
      const r = (hook('prefs') || prefsLib.empty()).panel || {};
      if (typeof r.open === 'boolean') userOpen = r.open;
      if (prefsLib.DOCKS.includes(r.dock)) {
        dock = r.dock;
        dockChosen = r.dock !== 'br' || typeof r.open === 'boolean';
        panel.setAttribute('data-dock', dock);
      }
    }

    function isOpen() { return !body.hidden; }
    function setOpen(open) {
      body.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      panel.setAttribute('data-open', open ? 'true' : 'false');
      schedulePlace();
    }
    function remember() {
      hook('onPanelState', { open: userOpen, dock });
    }
    toggle.addEventListener('click', () => {
      userOpen = !isOpen();
      setOpen(userOpen);
      remember();
    });
    rescan.addEventListener('click', () => hs.onRescan && hs.onRescan());

    // Dock: the button moves the panel to the next corner; dragging it drops it in the nearest one.
    let drag = null;
    dockButton.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
      try { dockButton.setPointerCapture(event.pointerId); } catch (e) { /* synthetic */ }
    });
    dockButton.addEventListener('pointermove', (event) => {
      if (!drag) return;
      if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 6) drag.moved = true;
      if (drag.moved) {
        const r = host.getBoundingClientRect();
        setXY(host, event.clientX - r.width + 16, event.clientY - 16);
      }
    });
    dockButton.addEventListener('pointerup', (event) => {
      const d = drag;
      drag = null;
      if (!d || !d.moved) return;
      const view = doc.defaultView;
      const right = event.clientX > view.innerWidth / 2;
      const bottom = event.clientY > view.innerHeight / 2;
      setDock(`${bottom ? 'b' : 't'}${right ? 'r' : 'l'}`);
      dockButton.setAttribute('data-dragged', '1');
    });
    dockButton.addEventListener('click', () => {
      if (dockButton.getAttribute('data-dragged') === '1') { dockButton.removeAttribute('data-dragged'); return; }
      const order = prefsLib.DOCKS;
      setDock(order[(order.indexOf(dock) + 1) % order.length]);
    });
    function setDock(next) {
      dock = next;
      dockChosen = true;
      panel.setAttribute('data-dock', dock);
      place();
      remember();
    }
    panel.setAttribute('data-dock', dock);

    // ---------------------------------------------------------------- placement

    /**
     * Put the panel in a corner (the docked one first) where it covers neither the reply box nor
     * the send button. A column clear of them horizontally is kept whatever the page's scroll;
     * otherwise the free vertical gap in that column. The messages are avoided when possible.
     */
    function place() {
      const view = doc.defaultView;
      if (!view) return;
      const vw = view.innerWidth;
      const vh = view.innerHeight;
      if (!placedOnce || host.style.getPropertyValue('--cw-display') === 'none') {
        // Measured unseen, shown only once placed (all within this one frame).
        host.style.setProperty('--cw-visibility', 'hidden');
        host.style.removeProperty('--cw-display');
      }
      const top0 = Math.max(MARGIN, headerBottom(doc) + MARGIN);
      const bottom0 = vh - MARGIN;
      setVar(panel, '--cw-maxh', `${Math.round(Math.max(40, Math.min(vh * 0.6, bottom0 - top0)))}px`);
      const width = panel.offsetWidth || PANEL_WIDTH;
      const natural = panel.offsetHeight || 36;
      const hard = visibleRects(hook('avoid'));
      const soft = hook('soft');
      const sides = dock[1] === 'r' ? ['r', 'l'] : ['l', 'r'];
      const wantBottom = dock[0] === 'b';
      const candidates = [];
      sides.forEach((side, sideRank) => {
        const x = side === 'r' ? vw - MARGIN - width : MARGIN;
        const column = { left: x, right: x + width };
        const blockers = hard.filter((r) => r.left < column.right + 4 && column.left < r.right + 4);
        // Free vertical gaps in this column.
        const gaps = [];
        let cursor = top0;
        blockers.map((r) => [Math.max(top0, r.top - 4), Math.min(bottom0, r.bottom + 4)])
          .filter(([a, b]) => b > a)
          .sort((a, b) => a[0] - b[0])
          .forEach(([a, b]) => { if (a > cursor) gaps.push([cursor, a]); cursor = Math.max(cursor, b); });
        if (cursor < bottom0) gaps.push([cursor, bottom0]);
        const usable = gaps.filter(([a, b]) => b - a >= Math.min(natural, 36));
        if (!usable.length) return;
        const gap = wantBottom ? usable[usable.length - 1] : usable[0];
        const height = Math.min(natural, gap[1] - gap[0]);
        const y = wantBottom ? gap[1] - height : gap[0];
        const softOverlap = soft ? Math.max(0, Math.min(column.right, soft.right) - Math.max(column.left, soft.left)) : 0;
        candidates.push({ x, y, height, scrollProof: blockers.length === 0, softOverlap, sideRank, fits: height >= natural });
      });
      // A corner the freelancer chose wins over our preference for a clear column (never over the
      // reply box and the send button, which no candidate covers).
      candidates.sort((a, b) => (Number(b.fits) - Number(a.fits)) || (dockChosen ? a.sideRank - b.sideRank : 0)
        || (Number(b.scrollProof) - Number(a.scrollProof)) || (a.softOverlap - b.softOverlap) || (a.sideRank - b.sideRank));
      const best = candidates[0];
      if (!best) {
        // Nowhere clear (the reply box fills the view): not drawn at all until there is room
        // (display: none, so not even an invisible box sits over the reply box).
        host.style.setProperty('--cw-display', 'none');
        panel.setAttribute('data-placed', 'none');
        placedOnce = true;
        return;
      }
      setVar(host, '--cw-visibility', 'visible');
      if (!best.fits) setVar(panel, '--cw-maxh', `${Math.round(best.height)}px`);
      const beside = best.fits && best.softOverlap === 0;
      if (autoOpenPending) {
        autoOpenPending = false;
        if (!beside) {
          body.hidden = true;
          toggle.setAttribute('aria-expanded', 'false');
          panel.setAttribute('data-open', 'false');
          place();
          return;
        }
      }
      setXY(host, best.x, best.y);
      panel.setAttribute('data-placed', best.scrollProof ? 'column' : 'gap');
      panel.setAttribute('data-beside', beside ? '1' : '0');
      placedOnce = true;
    }

    /** Place in the next frame: measuring now would force a layout of the whole page mid-scan. */
    function schedulePlace() {
      if (placing) return;
      const view = doc.defaultView;
      if (!view || typeof view.requestAnimationFrame !== 'function') { place(); return; }
      placing = view.requestAnimationFrame(() => { placing = 0; place(); });
    }
    const view = doc.defaultView;
    const onViewChange = () => schedulePlace();
    if (view) {
      view.addEventListener('resize', onViewChange, { passive: true });
      view.addEventListener('scroll', onViewChange, { passive: true, capture: true });
    }
    let observer = null;
    let observed = [];
    function observeAvoided() {
      if (!view || typeof view.ResizeObserver !== 'function') return;
      const els = (hook('avoid') || []).filter(Boolean);
      if (els.length === observed.length && els.every((el, i) => el === observed[i])) return;
      if (!observer) observer = new view.ResizeObserver(onViewChange);
      observer.disconnect();
      observed = els;
      for (const el of els) observer.observe(el);
    }

    // ---------------------------------------------------------------- rendering

    /** Everything a render shows: an unchanged view leaves the panel's DOM alone (no relayout). */
    function keyOf(v) {
      const p = hook('prefs') || prefsLib.empty();
      const ws = (v.warnings || []).map((w) => [w.id, w.category, w.kind, w.severity, w.title, w.message_ids]);
      return JSON.stringify([v.state, v.stale && [v.stale.at, v.stale.error && v.stale.error.code], v.error && v.error.code, ws,
        v.jumpable ? [...v.jumpable] : [], v.notes || [], v.facts || [], p.dismissed, p.trusted,
        typeof env.count === 'function' ? env.count() : null, t('extName')]);
    }
    let lastKey = '';

    function render(view0) {
      const v = view0 || lastView || { state: 'idle', warnings: [] };
      syncRemembered();
      if (v.state === 'scanning' && lastKey) {
        // A re-scan: the last result stays as it is (calm, and no relayout on a big page).
        panel.setAttribute('aria-busy', 'true');
        hook('onRendered', v);
        return;
      }
      panel.removeAttribute('aria-busy');
      if (v.state !== 'scanning') {
        lastView = v;
        const key = keyOf(v);
        if (key === lastKey) {
          hook('onRendered', v);
          return;
        }
        lastKey = key;
      }
      clear(list);
      clear(notesList);
      clear(dismissedList);
      factsLine.hidden = true;
      dismissedBox.hidden = true;
      status.textContent = '';
      staleNote.hidden = true;
      panel.setAttribute('data-stale', v.stale ? '1' : '0');
      let level = v.state;
      let announce = '';
      if (v.state === 'scanning') {
        mark.setAttribute('data-severity', 'grey');
        mark.textContent = '…';
        label.textContent = t('badgeScanning');
        count.textContent = '';
        panel.setAttribute('data-state', 'scanning');
        schedulePlace();
        hook('onRendered', v);
        return;
      }
      if (v.state === 'error') {
        mark.setAttribute('data-severity', 'grey');
        mark.textContent = '?';
        label.textContent = t('panelError');
        count.textContent = '';
        status.textContent = `${t(`error_${v.error && v.error.code}`)}\n${t('serviceStartHint')}`;
        announce = `${t('extName')}: ${t('panelError')}`;
      } else if (v.state === 'empty') {
        mark.setAttribute('data-severity', 'grey');
        mark.textContent = '-';
        label.textContent = t('noMessages');
        count.textContent = '';
        status.textContent = t('noMessagesDetail');
      } else {
        const ctx = hook('context') || {};
        const split = prefsLib.apply({ risk: { level: v.state }, warnings: v.warnings || [], highlights: [] },
          hook('prefs') || prefsLib.empty(), ctx);
        level = split.level;
        const risks = prefsLib.countable(split.active);
        const places = typeof env.count === 'function' ? env.count() : null;
        mark.setAttribute('data-severity', level === 'none' ? 'none' : level);
        mark.textContent = level === 'none' ? t('badge_none') : t(`severity_${level}`);
        label.textContent = t(`level_${level}`);
        count.textContent = risks.length ? countText(t, risks.length, places) : '';
        if (!split.active.length) status.textContent = t('noWarnings');
        else if (!risks.length && level === 'none') status.textContent = t('onlyNotes');
        for (const w of split.active) list.appendChild(warningItem(w, v.jumpable && v.jumpable.has(w.id)));
        // What the scan could not cover (limits), and what is known of the client.
        for (const n of v.notes || []) notesList.appendChild(h(doc, 'li', { 'data-code': n.code }, n.text || n.code));
        const facts = (v.facts || []).map((f) => factText(t, f)).filter(Boolean);
        if (facts.length) {
          factsLine.hidden = false;
          factsLine.textContent = `${t('factsLabel')} ${facts.join(t('listSep'))}`;
        }
        for (const w of split.dismissed) dismissedList.appendChild(dismissedItem(w));
        const trusted = (hook('prefs') || prefsLib.empty()).trusted.filter((c) => c.clientId === String(ctx.clientId || ''));
        for (const c of trusted) dismissedList.appendChild(trustedItem(c));
        dismissedBox.hidden = !dismissedList.firstChild;
        announce = `${t('extName')}: ${t(`level_${level}`)}${risks.length ? `、${countText(t, risks.length, places)}` : ''}`;
        if (v.stale) {
          staleNote.hidden = false;
          staleNote.textContent = `${t(`error_${(v.stale.error && v.stale.error.code) || 'unreachable'}`)}${t('staleLong', hhmm(v.stale.at))}`;
          mark.setAttribute('data-severity', 'grey');
          count.textContent = t('staleShort', hhmm(v.stale.at));
          announce = `${announce}（${t('staleShort', hhmm(v.stale.at))}）`;
        }
      }
      panel.setAttribute('data-state', level);
      panel.setAttribute('data-level', level);
      if (announce && announce !== lastAnnounced) {
        lastAnnounced = announce;
        live.textContent = announce;
      }
      // Calm: open by itself only for a high-risk thread, once; the user's remembered choice wins.
      if (userOpen !== null) setOpen(userOpen);
      else if (!autoOpened && level === 'high' && !v.stale) {
        autoOpened = true;
        // Beside the content or not at all: where the open panel would cover the messages, it
        // stays the pill (which still shows 高) until the freelancer opens it (decided in place()).
        autoOpenPending = true;
        setOpen(true);
      } else schedulePlace();
      observeAvoided();
      hook('onRendered', v);
    }

    function warningItem(w, jumpable) {
      const ids = Array.isArray(w.message_ids) ? w.message_ids : [];
      const own = isOwnMessage(ids);
      const { why, todo } = actionsLib.lines(w, t, own);
      const heading = [
        h(doc, 'span', { class: 'sev', 'data-severity': w.severity, 'data-kind': w.kind, title: t(`severity_${w.severity}`) },
          markText(t, w.severity, w.kind)),
        h(doc, 'span', { class: 'wtitle' }, why),
      ];
      const serviceTitle = own ? why : (w.title || w.category);
      const top = jumpable
        ? h(doc, 'button', { class: 'jump', type: 'button', 'data-warning-id': w.id, title: `${serviceTitle}\n${t('jumpToPassage')}` }, heading)
        : h(doc, 'div', { class: 'jump-static', title: serviceTitle }, heading);
      if (jumpable) {
        top.addEventListener('click', () => hs.onJump && hs.onJump(w.id, top));
        top.addEventListener('focus', () => hs.onFocusWarning && hs.onFocusWarning(w.id, top));
      }
      const feedback = h(doc, 'span', { class: 'feedback', role: 'status' });
      const buttons = actionButtons(doc, t, w, ids, (text) => { feedback.textContent = text; }, true);
      return h(doc, 'li', { class: 'warning', 'data-warning-id': w.id, 'data-severity': w.severity, 'data-kind': w.kind, 'data-own': own ? '1' : '0' },
        h(doc, 'div', { class: 'wtop' }, top),
        todo && !jumpable ? h(doc, 'p', { class: 'wline' }, todo) : null,
        own ? null : h(doc, 'p', { class: 'sr-only service-title' }, w.title || ''),
        buttons.length ? h(doc, 'div', { class: 'wactions' }, buttons, feedback) : null);
    }

    function dismissedItem(w) {
      const undo = h(doc, 'button', { class: 'linkish', type: 'button', 'data-action': 'undo', 'data-warning-id': w.id }, t('undo'));
      undo.addEventListener('click', () => hook('onUndismiss', w));
      return h(doc, 'li', { 'data-warning-id': w.id, 'data-category': w.category },
        h(doc, 'span', { class: 'what' }, t('dismissedItem', w.title || w.category)), undo);
    }

    function trustedItem(c) {
      const undo = h(doc, 'button', { class: 'linkish', type: 'button', 'data-action': 'untrust', 'data-client-id': c.clientId }, t('undo'));
      undo.addEventListener('click', () => hook('onUntrust', c.clientId));
      return h(doc, 'li', { 'data-client-id': c.clientId },
        h(doc, 'span', { class: 'what' }, t('trustedItem', c.name || c.clientId)), undo);
    }

    return {
      host,
      root: shadow,
      rendersNotes: true,
      render,
      place,
      open: () => setOpen(true),
      isOpen,
      level: () => panel.getAttribute('data-level'),
      contains: (node) => node === host || host.contains(node),
      destroy: () => {
        if (view) {
          view.removeEventListener('resize', onViewChange);
          view.removeEventListener('scroll', onViewChange, true);
        }
        if (observer) observer.disconnect();
        host.remove();
      },
    };
  }

  /** One fact about the client ({key, value} from lib/reputation.js) in words, or ''. */
  function factText(t, f) {
    if (!f || f.value === null || f.value === undefined) return '';
    if (typeof f.value === 'boolean') return t(`fact_${f.key}_${f.value ? 'yes' : 'no'}`);
    if (f.key === 'finished_rate') return t('fact_finished_rate', String(Math.round(f.value <= 1 ? f.value * 100 : f.value)));
    if (f.key === 'rating' || f.key === 'reviews') return t(`fact_${f.key}`, String(f.value));
    return '';
  }

  /** 「警告 5 件（7 か所）」: the same words in the panel, the popup and the badge's tooltip. */
  function countText(t, warnings, places) {
    return typeof places === 'number' && places > 0 ? t('countWithPlaces', String(warnings), String(places)) : t('countOnly', String(warnings));
  }

  return { createCard, createPanel, configure, countText, headerBottom, COLORS, intersects };
});
