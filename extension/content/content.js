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
 *   data-cwguard-page        thread|job|search|employer|other (adapter.pageKind)
 *   data-cwguard-notes       what the scan could not cover, e.g. "dropped_messages:12" (limits)
 *   data-cwguard-client      the client's facts read for this page (JSON), when any
 *
 * Page kinds (issue 12): a thread and a job posting (its description as one client message) go
 * through scan(); a job list through scanListings (each listing scored alone by the worker, a
 * level marker per listing). Before sending, the client's public profile is read for its
 * reputation (lib/reputation.js, cached by the worker), images sent in the thread are attached
 * for their QR codes (lib/attachfetch.js), and the thread is fitted to the service's limits
 * (lib/scanplan.js: long messages in parts, the oldest messages left out, and the panel told).
 * risk is written last, so once it has a final value the other attributes are final too.
 * Performance timeline: marks 'cwguard:scan-start' and 'cwguard:painted', measure 'cwguard:scan'.
 */
(function () {
  'use strict';

  if (globalThis.__cwguardContent) return; // injected twice (e.g. extension reloaded): keep the first
  globalThis.__cwguardContent = true;

  const { adapter, paint, ui, i18n, scanplan, reputation, attachfetch, markers } = globalThis.cwguard;
  const overlay = globalThis.cwguard.overlay || null; // lib/overlay.js: stale results, dismissals, keyboard, reply guard
  const DEBOUNCE_MS = 500;
  // The worker times out first (8 s, more for a long thread: scanplan.scoreTimeoutMs); this only
  // guards a lost reply, so it waits that long and then some.
  const SCORE_GUARD_MS = 15000;
  const guardFor = (messages) => SCORE_GUARD_MS + scanplan.scoreTimeoutMs(messages.length) - scanplan.SCORE_TIMEOUT.baseMs;
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
    profiles: new Map(), // client id -> profile | null, for this page's life (the worker keeps a day)
    images: new Map(), // attachment URL -> {mime, data_base64} | null
    extras: { notes: [], facts: [] }, // what the panel shows beside the warnings
    listingEls: null, // job lists: listing id -> element, for the markers
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
    const view = { state: result.risk.level, warnings: result.warnings, jumpable };
    // For the panel: notes ({code, count, text}) on what was not covered, and the client's facts.
    view.notes = state.extras.notes;
    view.facts = state.extras.facts;
    if (state.extras.notes.length && !(state.panel && state.panel.rendersNotes)) {
      // Until the panel renders view.notes itself, each note is a row of its own.
      view.warnings = result.warnings.concat(state.extras.notes.map((n) => ({
        id: `cwguard-note-${n.code}`, category: 'cwguard_note', kind: 'note', severity: 'info',
        title: n.text, detail: '', advice: '', message_ids: [],
      })));
    }
    return view;
  }

  /** Everything the panel is told goes through here (the panel itself is lib/ui.js). */
  function renderPanel(view) {
    if (state.panel) state.panel.render(view);
  }

  function noteText(note) {
    const key = { dropped_messages: 'noteDroppedMessages', split_messages: 'noteSplitMessages', unscored_listings: 'noteUnscoredListings' }[note.code];
    return key ? state.t(key, String(note.count)) : note.code;
  }

  function setExtras(notes, facts) {
    state.extras = { notes: notes.map((n) => Object.assign({}, n, { text: noteText(n) })), facts: facts || [] };
    setAttrs({
      notes: notes.length ? notes.map((n) => `${n.code}:${n.count}`).join(' ') : null,
      client: facts && facts.length ? JSON.stringify(Object.fromEntries(facts.map((f) => [f.key, f.value]))) : null,
    });
  }

  // ------------------------------------------------------------------ what a scan sends

  /** The client's profile (a failed fetch is "no reputation"), through the worker's day cache. */
  async function profileOf(clientId) {
    if (!clientId || !/^\d{1,12}$/.test(clientId)) return null;
    if (state.profiles.has(clientId)) return state.profiles.get(clientId);
    let profile = null;
    const cached = await ask({ type: 'cwguard:profile-get', clientId }, 3000);
    if (cached && cached.hit) profile = cached.profile || null;
    else {
      profile = await reputation.fetchProfile(clientId, {
        origin: location.origin,
        parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
      });
      ask({ type: 'cwguard:profile-put', clientId, profile }, 3000);
    }
    state.profiles.set(clientId, profile);
    return profile;
  }

  /**
   * The request for a scraped thread or job: context with the client's reputation, messages with
   * their images, fitted to the service's limits. {payload, parts, notes, facts, signature}
   */
  async function prepare(scraped) {
    const profile = await profileOf(scraped.clientId);
    const context = Object.assign({}, scraped.context);
    const client = reputation.mergeClient(context.client, profile);
    if (client) {
      context.client = { name: client.name || null, review_count: Number.isInteger(client.review_count) ? client.review_count : null };
      if (client.ratings && Object.keys(client.ratings).length) context.client.ratings = client.ratings;
    }
    const facts = reputation.factsOf(client, scraped.facts, profile);
    await paint.yieldToBrowser(); // whole-thread steps in their own tasks (no long task on big threads)
    const signature = scanplan.signatureOf(Object.assign({}, scraped, { context }));
    const order = scraped.messages.map((m) => m.id);
    const images = Object.keys(scraped.attachments || {}).length
      ? await attachfetch.collect(scraped.attachments, order, { cache: state.images, origin: location.origin })
      : {};
    const messages = scraped.messages.map((m) => (images[m.id] ? Object.assign({}, m, { attachments: images[m.id] }) : m));
    const contextBytes = scanplan.utf8Length(JSON.stringify(context));
    await paint.yieldToBrowser();
    const plan = scanplan.fitToLimits(messages, contextBytes);
    return { payload: { messages: plan.messages, context }, parts: plan.parts, notes: plan.notes, facts, signature };
  }

  // ------------------------------------------------------------------ scanning

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
    setAttrs({ page: adapter.pageKind(document) });
    const scraped = await paint.runSliced(adapter.scrapeSteps(document), { shouldStop: stale });
    if (!scraped || stale()) return;
    if (scraped.kind === 'search') {
      await scanListings(scraped, id, reason, stale);
      return;
    }
    markers.clear(document);
    setAttrs({ messages: scraped.messages.length, method: scraped.method });
    if (overlay) overlay.onScraped(scraped);

    if (!scraped.messages.length) {
      state.entries = [];
      state.signature = '';
      state.result = null;
      state.painter.clear();
      if (state.card) state.card.hide();
      setExtras([], []);
      renderPanel({ state: 'empty' });
      const answer = await ask({ type: 'cwguard:empty', scanId: id }, 3000);
      if (answer && answer.tabId !== undefined) setAttrs({ 'tab-id': answer.tabId });
      setAttrs({ highlights: 0, error: null, risk: 'none' });
      return;
    }

    const prepared = await prepare(scraped);
    if (stale()) return;
    // Same thread as last time (e.g. the page re-rendered): repaint the answer we have. The
    // signature hashes each message's text, so a message edited in place is scored again.
    const signature = prepared.signature;
    if (reason !== 'manual' && state.result && signature === state.signature) {
      state.entries = scraped.entries;
      await paintResult(state.result, id);
      return;
    }

    setAttrs({ risk: 'scanning' });
    renderPanel({ state: 'scanning' });
    await paint.yieldToBrowser();
    if (stale()) return;
    const answer = await ask({ type: 'cwguard:score', scanId: id, payload: prepared.payload },
      guardFor(prepared.payload.messages));
    if (!accepted(answer, stale)) return;
    state.entries = scraped.entries;
    state.signature = signature;
    state.result = scanplan.foldParts(answer.result, prepared.parts);
    state.listingEls = null;
    setExtras(prepared.notes, prepared.facts);
    await paintResult(state.result, id);
  }

  /** Whether the service's answer to a scan is a result to paint: false (after showing the error,
   * or when a newer scan has started) otherwise. */
  function accepted(answer, stale) {
    if (stale()) return false;
    if (answer.tabId !== undefined) setAttrs({ 'tab-id': answer.tabId });
    if (!answer.ok) {
      showError(answer.error || { code: 'internal' });
      return false;
    }
    state.retryCount = 0;
    return true;
  }

  /** A job list: each listing scored alone by the worker; highlights and a level marker per listing. */
  async function scanListings(scraped, id, reason, stale) {
    setAttrs({ messages: scraped.listings.length, method: scraped.method });
    const entries = scraped.listings.filter((l) => l.el).map((l) => ({ id: l.id, el: l.el, body: l.body, map: l.map }));
    if (!scraped.listings.length) {
      state.entries = [];
      state.result = null;
      state.signature = '';
      state.painter.clear();
      markers.clear(document);
      setExtras([], []);
      renderPanel({ state: 'empty' });
      const empty = await ask({ type: 'cwguard:empty', scanId: id }, 3000);
      if (empty && empty.tabId !== undefined) setAttrs({ 'tab-id': empty.tabId });
      setAttrs({ highlights: 0, error: null, risk: 'none' });
      return;
    }
    const signature = scanplan.listingSignature(scraped);
    state.listingEls = new Map(scraped.listings.filter((l) => l.el).map((l) => [l.id, l.el]));
    if (reason !== 'manual' && state.result && signature === state.signature) {
      state.entries = entries;
      await paintResult(state.result, id);
      return;
    }
    setAttrs({ risk: 'scanning' });
    renderPanel({ state: 'scanning' });
    const answer = await ask({
      type: 'cwguard:score-listings', scanId: id, context: scraped.context,
      listings: scraped.listings.map((l) => ({ id: l.id, text: l.text })),
    }, 60000);
    if (!accepted(answer, stale)) return;
    state.entries = entries;
    state.signature = signature;
    state.result = answer.result;
    const unscored = answer.result.unscored || 0;
    setExtras(unscored ? [{ code: 'unscored_listings', count: unscored }] : [], []);
    await paintResult(state.result, id);
  }

  /** The level marker of each listing (job lists only). */
  function drawMarkers(result) {
    if (!result.listings || !state.listingEls) return;
    state.painting = true;
    try {
      for (const [listingId, level] of Object.entries(result.listings)) {
        markers.mark(document, state.listingEls.get(listingId), level, state.t(`level_${level}`));
      }
    } finally {
      if (state.observer) state.observer.takeRecords();
      state.painting = false;
    }
  }

  async function paintResult(result, id) {
    const warningsById = new Map(result.warnings.map((w) => [w.id, w]));
    state.painting = true;
    let count;
    try {
      // Words found in an attachment (a QR code, a file name) are not in the message's text.
      const inText = result.highlights.filter((h) => h.attachment === undefined);
      count = await paint.runSliced(
        state.painter.paintSteps(state.entries, inText, warningsById),
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
    drawMarkers(result);
    renderPanel(viewFor(result));
    setAttrs({ highlights: count, error: null, risk: result.risk.level });
    mark('cwguard:painted');
    try { performance.measure('cwguard:scan', 'cwguard:scan-start', 'cwguard:painted'); } catch (e) { /* no start mark */ }
    ask({ type: 'cwguard:painted', scanId: id, count });
  }

  function showError(error) {
    state.signature = '';
    // An earlier answer for this thread stays painted, greyed, marked 前回の結果 (lib/overlay.js).
    if (!(overlay && overlay.keepStale(error))) {
      state.result = null;
      state.painter.clear();
      ensureUi();
      state.card.hide();
      renderPanel({ state: 'error', error });
      setAttrs({ highlights: 0, error: error.code, risk: 'error' });
    }
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
    if (overlay) overlay.attach(state, { scan, showCardFor, setAttrs, ask });
    if (state.settings.autoScan) scan('load');
  }

  start();
})();
