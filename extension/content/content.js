/*
 * content script on https://crowdworks.jp/*: reads the thread (lib/adapter.js), hands it to the
 * background worker (which alone may talk to the local service), paints the answer
 * (lib/paint.js), and keeps the on-page card and panel (lib/ui.js) up to date.
 *
 * Scans run on load, on new messages (debounced MutationObserver that ignores our own changes),
 * on single-page navigation to another thread, from the popup's re-scan button and from the
 * keyboard shortcut (both arrive as {type: 'cwguard:rescan'}).
 *
 * For automation the last result is written on <html>:
 *   data-cwguard-risk        none|low|medium|high|error, "scanning" while a scan runs
 *   data-cwguard-highlights  number of highlights drawn
 *   data-cwguard-error       error code when data-cwguard-risk="error"
 *   data-cwguard-messages    number of messages read
 *   data-cwguard-method      selectors|heuristic|none (how the thread was found)
 *   data-cwguard-tab-id      this tab's id (from the worker), for tests that open popup.html?tabId=
 * risk is written last, so once it has a final value the other attributes are final too.
 * Performance timeline: marks 'cwguard:scan-start' and 'cwguard:painted', measure 'cwguard:scan'.
 */
(function () {
  'use strict';

  if (globalThis.__cwguardContent) return; // injected twice (e.g. extension reloaded): keep the first
  globalThis.__cwguardContent = true;

  const { adapter, paint, ui, i18n } = globalThis.cwguard;
  const DEBOUNCE_MS = 500;
  const SCORE_GUARD_MS = 15000; // the worker times out first (8 s); this only guards a lost reply
  const RETRY_MS = [10000, 20000, 40000, 60000];
  const html = document.documentElement;

  const state = {
    settings: { autoScan: true, lang: 'ja' },
    t: i18n.translator(null),
    current: 0, // id of the latest scan; older ones stop when they notice
    lastScanId: 0,
    entries: [],
    signature: '',
    result: null,
    painter: paint.createPainter(document, window),
    panel: null,
    card: null,
    observer: null,
    debounceTimer: null,
    retryTimer: null,
    retryCount: 0,
    painting: false,
    url: location.href,
    jumpIndex: new Map(),
  };

  function nextScanId() {
    state.lastScanId = Math.max(Date.now(), state.lastScanId + 1);
    return state.lastScanId;
  }

  function setAttrs(attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) html.removeAttribute(`data-cwguard-${name}`);
      else html.setAttribute(`data-cwguard-${name}`, String(value));
    }
  }

  /** chrome.runtime.sendMessage that always settles, with an error object on failure. */
  function ask(message, timeoutMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout' } }), timeoutMs || SCORE_GUARD_MS);
      try {
        chrome.runtime.sendMessage(message).then(
          (answer) => { clearTimeout(timer); resolve(answer || { ok: false, error: { code: 'internal' } }); },
          () => { clearTimeout(timer); resolve({ ok: false, error: { code: 'internal' } }); },
        );
      } catch (e) { // extension reloaded or removed: this script is orphaned
        clearTimeout(timer);
        resolve({ ok: false, error: { code: 'internal' } });
      }
    });
  }

  // ------------------------------------------------------------------ UI

  function ensureUi() {
    if (!state.card) state.card = ui.createCard(document, state.t);
    if (!state.panel) {
      state.panel = ui.createPanel(document, state.t, {
        onRescan: () => scan('manual'),
        onJump: jumpTo,
        onFocusWarning: (id) => showCardFor(itemsOf(id)[0]),
      });
    }
  }

  function itemsOf(warningId) {
    return state.painter.items().filter((item) => item.highlight.warning_id === warningId);
  }

  function showCardFor(item) {
    if (!item || !state.card) return;
    const rect = item.range.getBoundingClientRect();
    state.card.show(item, rect);
  }

  function jumpTo(warningId) {
    const items = itemsOf(warningId);
    if (!items.length) return;
    const i = (state.jumpIndex.get(warningId) || 0) % items.length;
    state.jumpIndex.set(warningId, i + 1);
    const item = items[i];
    const anchor = item.range.startContainer.parentElement || item.entry.el;
    anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
    state.painter.flash(item);
    showCardFor(item);
  }

  function viewFor(result) {
    const jumpable = new Set(state.painter.items().map((item) => item.highlight.warning_id));
    return { state: result.risk.level, warnings: result.warnings, jumpable };
  }

  // ------------------------------------------------------------------ scanning

  function signatureOf(scraped) {
    return `${JSON.stringify(scraped.context)}\n${scraped.messages.map((m) => `${m.id}/${m.sender}`).join('|')}`;
  }

  function clearMarksBeforeReading() {
    if (!state.painter.clearsBeforeScan) return;
    state.painting = true;
    state.painter.clear();
    if (state.observer) state.observer.takeRecords();
    state.painting = false;
  }

  function mark(name) {
    try { performance.mark(name); } catch (e) { /* timeline unavailable */ }
  }

  async function scan(reason) {
    const id = nextScanId();
    state.current = id;
    mark('cwguard:scan-start');
    clearTimeout(state.retryTimer);
    const stale = () => state.current !== id;
    clearMarksBeforeReading();
    const scraped = await paint.runSliced(adapter.scrapeSteps(document), { shouldStop: stale });
    if (!scraped || stale()) return;
    setAttrs({ messages: scraped.messages.length, method: scraped.method });

    if (!scraped.messages.length) {
      state.entries = [];
      state.signature = '';
      state.result = null;
      state.painter.clear();
      if (state.card) state.card.hide();
      if (state.panel) state.panel.render({ state: 'empty' });
      const answer = await ask({ type: 'cwguard:empty', scanId: id }, 3000);
      if (answer && answer.tabId !== undefined) setAttrs({ 'tab-id': answer.tabId });
      setAttrs({ highlights: 0, error: null, risk: 'none' });
      return;
    }

    // Same thread as last time (e.g. the page re-rendered): repaint the answer we have.
    const signature = signatureOf(scraped);
    if (reason !== 'manual' && state.result && signature === state.signature) {
      state.entries = scraped.entries;
      await paintResult(state.result, id);
      return;
    }

    setAttrs({ risk: 'scanning' });
    if (state.panel) state.panel.render({ state: 'scanning' });
    const answer = await ask({ type: 'cwguard:score', scanId: id, payload: { messages: scraped.messages, context: scraped.context } });
    if (stale()) return;
    if (answer.tabId !== undefined) setAttrs({ 'tab-id': answer.tabId });
    if (!answer.ok) {
      showError(answer.error || { code: 'internal' });
      return;
    }
    state.retryCount = 0;
    state.entries = scraped.entries;
    state.signature = signature;
    state.result = answer.result;
    await paintResult(answer.result, id);
  }

  async function paintResult(result, id) {
    const warningsById = new Map(result.warnings.map((w) => [w.id, w]));
    state.painting = true;
    let count;
    try {
      count = await paint.runSliced(
        state.painter.paintSteps(state.entries, result.highlights, warningsById),
        { shouldStop: () => state.current !== id },
      );
    } finally {
      if (state.observer) state.observer.takeRecords();
      state.painting = false;
    }
    if (count === undefined || state.current !== id) return;
    ensureUi();
    state.jumpIndex.clear();
    if (state.card.current()) state.card.hide();
    state.panel.render(viewFor(result));
    setAttrs({ highlights: count, error: null, risk: result.risk.level });
    mark('cwguard:painted');
    try { performance.measure('cwguard:scan', 'cwguard:scan-start', 'cwguard:painted'); } catch (e) { /* no start mark */ }
    ask({ type: 'cwguard:painted', scanId: id, count });
  }

  function showError(error) {
    state.result = null;
    state.signature = '';
    state.painter.clear();
    ensureUi();
    state.card.hide();
    state.panel.render({ state: 'error', error });
    setAttrs({ highlights: 0, error: error.code, risk: 'error' });
    // Recover by itself once the service is back (the next scan would too).
    if (state.settings.autoScan) {
      const delay = RETRY_MS[Math.min(state.retryCount, RETRY_MS.length - 1)];
      state.retryCount += 1;
      state.retryTimer = setTimeout(() => { if (!document.hidden) scan('retry'); }, delay);
    }
  }

  function scheduleScan(reason, delay) {
    clearTimeout(state.debounceTimer);
    state.debounceTimer = setTimeout(() => scan(reason), delay === undefined ? DEBOUNCE_MS : delay);
  }

  // ------------------------------------------------------------------ watching the page

  function isOurNode(node) {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!(el && el.closest && el.closest('[data-cwguard-ui]'));
  }

  function onMutations(records) {
    if (state.painting || !state.settings.autoScan) return;
    const relevant = records.some((r) => {
      if (isOurNode(r.target)) return false;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      return nodes.length === 0 || nodes.some((n) => !isOurNode(n) && !(n.nodeType === 1 && n.hasAttribute('data-cwguard-ui')));
    });
    if (relevant) scheduleScan('mutation');
  }

  function watchMutations() {
    state.observer = new MutationObserver(onMutations);
    state.observer.observe(document.body || html, { childList: true, subtree: true, characterData: true });
  }

  function onUrlMaybeChanged() {
    if (location.href === state.url) return;
    state.url = location.href;
    state.result = null;
    state.signature = '';
    if (state.card) state.card.hide();
    if (state.settings.autoScan) scheduleScan('navigation', 300);
  }

  function watchNavigation() {
    if (window.navigation && typeof window.navigation.addEventListener === 'function') {
      window.navigation.addEventListener('navigatesuccess', onUrlMaybeChanged);
    }
    window.addEventListener('popstate', onUrlMaybeChanged);
    setInterval(onUrlMaybeChanged, 1000); // pushState from the page's world is invisible to us
  }

  function watchPointer() {
    let pending = null;
    let hideTimer = null;
    document.addEventListener('mousemove', (event) => {
      if (!pending) setTimeout(() => { const e = pending; pending = null; hoverAt(e); }, 30);
      pending = event;
    }, { passive: true, capture: true });
    function hoverAt(event) {
      if (!state.card || !event) return;
      if (state.card.contains(event.target)) { clearTimeout(hideTimer); return; }
      const item = state.painter.items().length ? state.painter.itemAt(event.clientX, event.clientY, event.target) : null;
      if (item) {
        clearTimeout(hideTimer);
        if (state.card.current() !== item) {
          const rects = Array.from(item.range.getClientRects());
          const rect = rects.find((r) => event.clientY >= r.top - 1 && event.clientY <= r.bottom + 1) || rects[0];
          state.card.show(item, rect);
        }
      } else if (state.card.current()) {
        clearTimeout(hideTimer);
        hideTimer = setTimeout(() => state.card.hide(), 250);
      }
    }
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && state.card && state.card.current()) state.card.hide();
    }, true);
  }

  // ------------------------------------------------------------------ wiring

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || !message) return false;
    if (message.type === 'cwguard:rescan') {
      scan('manual');
      sendResponse({ started: true });
    }
    return false;
  });

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes.autoScan) state.settings.autoScan = changes.autoScan.newValue !== false;
    if (changes.lang) {
      state.settings.lang = changes.lang.newValue;
      loadStrings().then(() => scan('manual'));
    } else if (changes.autoScan && state.settings.autoScan) scan('manual');
  });

  async function loadStrings() {
    const answer = await ask({ type: 'cwguard:strings' }, 3000);
    if (answer && answer.tabId !== undefined) setAttrs({ 'tab-id': answer.tabId });
    if (answer && answer.messages) {
      state.t = i18n.translator(answer.messages);
      if (state.panel) { state.panel.destroy(); state.panel = null; }
      if (state.card) { state.card.destroy(); state.card = null; }
    }
  }

  async function start() {
    try {
      const stored = await chrome.storage.local.get({ autoScan: true, lang: 'ja' });
      state.settings = { autoScan: stored.autoScan !== false, lang: stored.lang };
    } catch (e) { /* defaults */ }
    await loadStrings();
    watchMutations();
    watchNavigation();
    watchPointer();
    if (state.settings.autoScan) scan('load');
  }

  start();
})();
