/*
 * ui: the on-page warning card and the compact panel, each in its own (open) Shadow DOM host so
 * the page's styles cannot break them and ours cannot leak into the page. Built with dom.h only:
 * every string is text.
 *
 * Hosts: <div id="cwguard-panel" data-cwguard-ui="panel"> and <div id="cwguard-card" data-cwguard-ui="card">.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).ui = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const dom = (typeof module === 'object' && module.exports) ? require('./dom.js') : root.cwguard.dom;
  const { h, clear } = dom;

  const COLORS = { high: '#C5221F', medium: '#E8710A', low: '#B06000', info: '#1A73E8', none: '#188038', signal: '#188038' };

  const BASE_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .box { font: 13px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
           color: #202124; background: #fff; border: 1px solid #dadce0; border-radius: 8px;
           box-shadow: 0 4px 16px rgba(0,0,0,.18); }
    .sev { display: inline-block; font-size: 11px; font-weight: 700; color: #fff; border-radius: 4px; padding: 0 6px; }
    .sev[data-severity="high"] { background: ${COLORS.high}; }
    .sev[data-severity="medium"] { background: ${COLORS.medium}; }
    .sev[data-severity="low"] { background: #F9AB00; color: #202124; }
    .sev[data-severity="info"] { background: ${COLORS.info}; }
    .sev[data-kind="signal"] { background: ${COLORS.signal}; }
    button { font: inherit; cursor: pointer; }
  `;
  const CARD_CSS = `${BASE_CSS}
    .card { position: fixed; z-index: 2147483647; max-width: 360px; padding: 10px 12px; pointer-events: auto; }
    .card[hidden] { display: none; }
    .title { margin: 4px 0 2px; font-size: 14px; font-weight: 700; }
    .detail, .advice { margin: 4px 0 0; white-space: pre-wrap; }
    .advice { padding: 6px 8px; background: #f1f3f4; border-radius: 6px; }
    .advice-label { font-weight: 700; margin-right: 4px; }
  `;
  const PANEL_CSS = `${BASE_CSS}
    .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 340px; max-height: 60vh;
             display: flex; flex-direction: column; overflow: hidden; }
    .toggle { display: flex; align-items: center; gap: 8px; width: 100%; padding: 8px 12px; border: 0;
              background: #fff; text-align: left; }
    .dot { width: 10px; height: 10px; border-radius: 50%; background: #9AA0A6; flex: none; }
    .panel[data-state="high"] .dot { background: ${COLORS.high}; }
    .panel[data-state="medium"] .dot { background: ${COLORS.medium}; }
    .panel[data-state="low"] .dot { background: #F9AB00; }
    .panel[data-state="none"] .dot { background: ${COLORS.none}; }
    .panel[data-state="scanning"] .dot { background: ${COLORS.info}; }
    .label { font-weight: 700; flex: 1; }
    .body { overflow: auto; padding: 0 12px 10px; border-top: 1px solid #eee; }
    .body[hidden] { display: none; }
    .status { margin: 8px 0; white-space: pre-wrap; }
    .warnings { list-style: none; margin: 0; padding: 0; }
    .warning { padding: 6px 0; border-bottom: 1px solid #f1f3f4; }
    .jump { display: block; width: 100%; padding: 2px 0; border: 0; background: none; text-align: left; color: #1a0dab; }
    .jump:hover, .jump:focus { text-decoration: underline; }
    .wtitle { font-weight: 700; margin-left: 4px; }
    .advice { margin: 2px 0 0; color: #3c4043; white-space: pre-wrap; }
    .actions { margin-top: 8px; display: flex; gap: 8px; }
    .rescan { padding: 4px 10px; border: 1px solid #dadce0; border-radius: 4px; background: #f8f9fa; }
    code { font-family: ui-monospace, monospace; background: #f1f3f4; padding: 0 4px; border-radius: 3px; }
  `;

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

  function makeHost(doc, id, role) {
    const old = doc.getElementById(id);
    if (old) old.remove();
    const host = h(doc, 'div', { id, 'data-cwguard-ui': role });
    (doc.body || doc.documentElement).appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    return { host, shadow };
  }

  // ------------------------------------------------------------------ card

  function createCard(doc, t) {
    const { host, shadow } = makeHost(doc, 'cwguard-card', 'card');
    attachStyles(shadow, CARD_CSS);
    const card = h(doc, 'div', { class: 'card box', role: 'tooltip', id: 'card', hidden: true });
    shadow.appendChild(card);
    let current = null;

    function show(item, rect) {
      const w = item.warning || {};
      const severity = item.severity || w.severity || 'info';
      clear(card);
      card.setAttribute('data-severity', severity);
      card.setAttribute('data-warning-id', w.id || '');
      card.appendChild(h(doc, 'span', { class: 'sev', 'data-severity': severity, 'data-kind': w.kind || 'risk' }, t(`severity_${severity}`)));
      card.appendChild(h(doc, 'div', { class: 'title' }, w.title || item.highlight.text));
      if (w.detail) card.appendChild(h(doc, 'p', { class: 'detail' }, w.detail));
      if (w.advice) {
        card.appendChild(h(doc, 'p', { class: 'advice' }, h(doc, 'span', { class: 'advice-label' }, t('adviceLabel')), w.advice));
      }
      card.hidden = false;
      place(rect);
      current = item;
    }

    function place(rect) {
      const view = doc.defaultView;
      const width = Math.min(360, view.innerWidth - 16);
      let left = Math.max(8, Math.min(rect.left, view.innerWidth - width - 8));
      let top = rect.bottom + 6;
      const height = card.offsetHeight || 160;
      if (top + height > view.innerHeight - 8) top = Math.max(8, rect.top - height - 6);
      card.style.left = `${left}px`;
      card.style.top = `${top}px`;
    }

    function hide() {
      card.hidden = true;
      current = null;
    }

    return {
      host,
      show,
      hide,
      current: () => current,
      contains: (node) => node === host || host.contains(node),
      destroy: () => host.remove(),
    };
  }

  // ------------------------------------------------------------------ panel

  /**
   * handlers: {onRescan(), onJump(warningId)}; t: translator.
   * render(view): view = {state: 'scanning'|'none'|'low'|'medium'|'high'|'error'|'empty',
   *                       warnings, highlightCount, error: {code}, }
   */
  function createPanel(doc, t, handlers) {
    const { host, shadow } = makeHost(doc, 'cwguard-panel', 'panel');
    attachStyles(shadow, PANEL_CSS);
    const label = h(doc, 'span', { class: 'label', id: 'label' }, t('extName'));
    const toggle = h(doc, 'button', { class: 'toggle', id: 'toggle', type: 'button', 'aria-expanded': 'false' },
      h(doc, 'span', { class: 'dot' }), label);
    const status = h(doc, 'p', { class: 'status', id: 'status' });
    const list = h(doc, 'ul', { class: 'warnings', id: 'warnings' });
    const rescan = h(doc, 'button', { class: 'rescan', id: 'rescan', type: 'button' }, t('rescan'));
    const body = h(doc, 'div', { class: 'body', id: 'body', hidden: true }, status, list, h(doc, 'div', { class: 'actions' }, rescan));
    const panel = h(doc, 'div', { class: 'panel box', id: 'panel', 'data-state': 'idle', role: 'region', 'aria-label': t('extName') }, toggle, body);
    shadow.appendChild(panel);
    let userChoseOpen = null;
    let autoOpened = false;

    function setOpen(open) {
      body.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    toggle.addEventListener('click', () => {
      userChoseOpen = body.hidden;
      setOpen(userChoseOpen);
    });
    rescan.addEventListener('click', () => handlers.onRescan && handlers.onRescan());

    function render(view) {
      panel.setAttribute('data-state', view.state);
      clear(list);
      status.textContent = '';
      if (view.state === 'scanning') {
        label.textContent = `${t('extName')}: ${t('badgeScanning')}`;
        return;
      }
      if (view.state === 'error') {
        label.textContent = `${t('extName')}: ${t('panelError')}`;
        status.textContent = `${t(`error_${view.error && view.error.code}`)}\n${t('serviceStartHint')}`;
      } else if (view.state === 'empty') {
        label.textContent = `${t('extName')}: ${t('noMessages')}`;
        status.textContent = t('noMessagesDetail');
      } else {
        const risks = view.warnings.filter((w) => w.kind !== 'signal').length;
        label.textContent = `${t('extName')}: ${t(`level_${view.state}`)}${risks ? ` (${risks})` : ''}`;
        if (!view.warnings.length) status.textContent = t('noWarnings');
        for (const w of view.warnings) list.appendChild(warningItem(w, view.jumpable && view.jumpable.has(w.id)));
      }
      // Open by itself once for a risky thread; afterwards the user's choice holds.
      if (userChoseOpen !== null) setOpen(userChoseOpen);
      else if (!autoOpened && (view.state === 'high' || view.state === 'medium')) {
        autoOpened = true;
        setOpen(true);
      }
    }

    function warningItem(w, jumpable) {
      const severityLabel = w.kind === 'signal' ? t('signalLabel') : t(`severity_${w.severity}`);
      const heading = [
        h(doc, 'span', { class: 'sev', 'data-severity': w.severity, 'data-kind': w.kind }, severityLabel),
        h(doc, 'span', { class: 'wtitle' }, w.title || w.category),
      ];
      const top = jumpable
        ? h(doc, 'button', { class: 'jump', type: 'button', 'data-warning-id': w.id, title: t('jumpToPassage') }, heading)
        : h(doc, 'div', { class: 'jump-static' }, heading);
      if (jumpable) {
        top.addEventListener('click', () => handlers.onJump && handlers.onJump(w.id, top));
        top.addEventListener('focus', () => handlers.onFocusWarning && handlers.onFocusWarning(w.id, top));
      }
      return h(doc, 'li', { class: 'warning', 'data-warning-id': w.id, 'data-severity': w.severity, 'data-kind': w.kind },
        top, w.advice ? h(doc, 'p', { class: 'advice' }, w.advice) : null);
    }

    return {
      host,
      render,
      open: () => setOpen(true),
      contains: (node) => node === host || host.contains(node),
      destroy: () => host.remove(),
    };
  }

  return { createCard, createPanel, COLORS };
});
