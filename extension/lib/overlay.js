/*
 * overlay: the glue between the content script's scans (content/content.js) and what the
 * freelancer sees and does on the page (lib/ui.js, lib/paint.js, lib/prefs.js, lib/actions.js,
 * lib/replyguard.js). The content script calls four things:
 *
 *   overlay.attach(state, {scan, showCardFor, setAttrs, ask})   once, at start
 *   overlay.onScraped(scraped)                                  after each reading of the page
 *   overlay.keepStale(error) -> bool                            when scoring failed: keep the last
 *                                                               answer painted, greyed, instead of
 *                                                               a blank page; false = no answer yet
 *   (the panel reports each fresh render itself, which clears the stale state)
 *
 * It owns:
 *   - stale results: painter.setStale, the panel's 「前回の結果（hh:mm）」, data-cwguard-stale="1";
 *   - dismissals and trusted clients (chrome.storage.local via lib/prefs.js), applied to the
 *     painted passages and the panel, undoable; data-cwguard-dismissed = warnings set aside;
 *   - keyboard navigation: Alt+Shift+N / Alt+Shift+↓ next warning, Alt+Shift+P / Alt+Shift+↑
 *     previous, each showing its card with focus; Esc closes the card and gives focus back;
 *     data-cwguard-nav="i/n" on <html>;
 *   - the reply guard (lib/replyguard.js), fed with the thread as context.
 */
(function (root) {
  'use strict';

  const cw = root.cwguard;
  const { prefs: prefsLib, actions, ui, adapter } = cw;
  const html = root.document.documentElement;
  const LEVELS = ['none', 'low', 'medium', 'high'];

  let S = null; // the content script's state (painter, panel, card, result, entries, t)
  let fns = {};
  let prefs = prefsLib.empty();
  let prefsReady = false;
  let context = { thread: '', clientId: null, clientName: '', senders: new Map(), contract: 'unknown', messages: [], raw: null };
  let stale = null; // {at, error} while an earlier answer is shown
  let resultSeen = null;
  let resultAt = null;
  let navIndex = -1;

  function setAttr(name, value) {
    if (value === null || value === undefined) html.removeAttribute(`data-cwguard-${name}`);
    else html.setAttribute(`data-cwguard-${name}`, String(value));
  }

  function prefsContext() {
    return { thread: context.thread, clientId: context.clientId, senders: context.senders };
  }

  function categoryOf(item) {
    return (item.highlight && item.highlight.category) || (item.warning && item.warning.category) || '';
  }

  // ---------------------------------------------------------------- what the page shows

  function jumpable() {
    return new Set(S.painter.items().map((item) => item.highlight.warning_id));
  }

  function currentView(extra) {
    const r = S.result;
    const extras = S.extras || {};
    return Object.assign({
      state: r.risk.level, warnings: r.warnings, jumpable: jumpable(), notes: extras.notes || [], facts: extras.facts || [],
    }, extra || {});
  }

  /** Apply the freelancer's decisions to what is painted and listed, without asking the service. */
  function refresh() {
    if (!S || !S.painter) return;
    const shown = S.painter.refilter();
    if (S.result) {
      setAttr('highlights', shown);
      const split = prefsLib.apply(S.result, prefs, prefsContext());
      setAttr('dismissed', split.dismissed.length);
      if (S.panel) S.panel.render(currentView(stale ? { stale } : null));
    }
    if (S.card && S.card.current() && !S.painter.items().includes(S.card.current())) S.card.hide();
  }

  // ---------------------------------------------------------------- hooks for lib/ui.js

  const hooks = {
    context: () => context,
    prefs: () => prefs,
    prefsReady: () => prefsReady,
    count: () => (S && S.painter ? S.painter.items().length : null),
    staleInfo: () => stale,
    avoid: () => {
      const controls = adapter && typeof adapter.replyControls === 'function' ? adapter.replyControls(root.document) : null;
      return controls ? [controls.box, controls.send].filter(Boolean) : [];
    },
    soft: () => {
      if (!S || !S.entries || !S.entries.length) return null;
      const first = S.entries[0].el;
      const box = first && first.isConnected ? first.getBoundingClientRect() : null;
      return box && box.width ? { left: box.left, right: box.right } : null;
    },
    onRendered: (view) => {
      // A fresh answer (or a plain error, an empty page) on screen: no longer stale.
      if (view && view.state !== 'scanning' && !view.stale && stale) {
        stale = null;
        setAttr('stale', null);
      }
      if (S && S.result && S.result !== resultSeen) {
        resultSeen = S.result;
        resultAt = Date.now();
      }
      if (S && S.result && view && LEVELS.includes(view.state)) {
        setAttr('dismissed', prefsLib.apply(S.result, prefs, prefsContext()).dismissed.length);
      }
    },
    onDismiss: async (warning, messageIds) => {
      for (const id of messageIds) {
        prefs = await prefsLib.dismiss({ thread: context.thread, message: id, category: warning.category, title: warning.title });
      }
      refresh();
    },
    onUndismiss: async (warning) => {
      for (const id of warning.message_ids || []) {
        prefs = await prefsLib.undismiss({ thread: context.thread, message: id, category: warning.category });
      }
      refresh();
    },
    onTrust: async () => {
      if (!context.clientId) return;
      prefs = await prefsLib.trust({ clientId: context.clientId, name: context.clientName });
      refresh();
    },
    onUntrust: async (clientId) => {
      prefs = await prefsLib.untrust(clientId);
      refresh();
    },
    onCopyRefusal: (category) => actions.copyText(actions.refusal(category, S.t), root.document),
    onReport: (messageId) => {
      const entry = (S.entries || []).find((e) => e.id === messageId);
      return actions.report(root.document, adapter, entry ? entry.el : null).how;
    },
    onPanelState: (panel) => prefsLib.savePanel(panel).then((p) => { prefs = p; }),
  };

  // ---------------------------------------------------------------- stale results

  /** Scoring failed. With an earlier answer for this thread, keep it painted and greyed. */
  function keepStale(error) {
    if (!S || !S.result || !S.panel || !S.painter.allItems) return false;
    stale = { at: resultAt || Date.now(), error: error || { code: 'internal' } };
    S.painter.setStale(true);
    if (S.card && S.card.current()) S.card.hide();
    S.panel.render(currentView({ stale }));
    const split = prefsLib.apply(S.result, prefs, prefsContext());
    fns.setAttrs({
      highlights: S.painter.items().length, error: stale.error.code, stale: 1, risk: split.serviceLevel,
    });
    return true;
  }

  // ---------------------------------------------------------------- keyboard

  function isNavKey(event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
    if (event.code === 'KeyN' || event.key === 'ArrowDown') return 1;
    if (event.code === 'KeyP' || event.key === 'ArrowUp') return -1;
    return 0;
  }

  function navigate(step) {
    const items = S.painter.ordered();
    if (!items.length) return;
    const current = S.card && S.card.current();
    let i = current ? items.indexOf(current) : -1;
    if (i < 0) i = step > 0 ? navIndex : navIndex + 1;
    i = ((i + step) % items.length + items.length) % items.length;
    navIndex = i;
    const item = items[i];
    const anchor = item.range.startContainer.parentElement || item.entry.el;
    anchor.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    S.painter.flash(item);
    const rect = item.range.getClientRects()[0] || item.range.getBoundingClientRect();
    S.card.show(item, rect, { focus: true, stale });
    setAttr('nav', `${i + 1}/${items.length}`);
  }

  function installKeys() {
    root.document.addEventListener('keydown', (event) => {
      const step = isNavKey(event);
      if (!step || !S || !S.painter || !S.card) return;
      event.preventDefault();
      event.stopPropagation();
      navigate(step);
    }, true);
  }

  // ---------------------------------------------------------------- wiring

  function attach(state, functions) {
    S = state;
    fns = functions || {};
    ui.configure(hooks);
    S.painter.setFilter((item) => prefsLib.isDismissed(prefs, prefsContext(), item.entry.id, categoryOf(item)));
    prefsLib.load().then((p) => { prefs = p; prefsReady = true; refresh(); });
    prefsLib.onChange((p) => { prefs = p; refresh(); });
    installKeys();
    if (cw.replyguard) {
      cw.replyguard.start({ doc: root.document, ask: fns.ask, thread: () => context, t: () => S.t });
    }
  }

  function onScraped(scraped) {
    if (!scraped || !Array.isArray(scraped.messages)) return;
    const ctx = scraped.context || {};
    const client = ctx.client || {};
    context = {
      thread: prefsLib.threadKey(root.location.href),
      clientId: scraped.clientId ? String(scraped.clientId) : null,
      clientName: client.name || '',
      senders: new Map(scraped.messages.map((m) => [m.id, m.sender])),
      contract: ctx.contract_status || 'unknown',
      messages: scraped.messages,
      raw: ctx,
    };
  }

  cw.overlay = { attach, onScraped, keepStale, refresh, navigate, hooks };
})(globalThis);
