/*
 * Background: the only part of cwguard that talks to the local service (Chrome's Local Network
 * Access keeps content scripts on public pages away from 127.0.0.1; host_permissions let the
 * worker in without CORS). Keeps each tab's state (lib/badge.js) in chrome.storage.session so a
 * suspended worker loses nothing, and draws the toolbar badge from it.
 *
 * Chrome runs this file as the MV3 service worker and loads the libraries with importScripts;
 * Firefox runs it as an event page after the libraries listed in background.scripts.
 *
 * Messages (chrome.runtime.sendMessage, from our own pages and content script only):
 *   {type: 'cwguard:score', scanId, payload: {messages, context}}  -> {ok, result | error, tabId}
 *   {type: 'cwguard:empty', scanId}                                 -> {ok: true, tabId}
 *   {type: 'cwguard:painted', scanId, count}                        -> {ok: true}
 *   {type: 'cwguard:strings'}                                       -> {lang, messages, tabId}
 *   {type: 'cwguard:health'}                                        -> {ok, result | error, serviceUrl}
 *   {type: 'cwguard:get-state', tabId}                              -> the tab's state (lib/badge.js)
 *   {type: 'cwguard:check-text', text}                              -> {ok, result | error}
 *   {type: 'cwguard:draft', payload: {messages, context}}           -> {ok, result | error}: the reply
 *        guard's draft (the last message, sender "worker"); never stored, never touches the badge
 *   {type: 'cwguard:score-listings', scanId, listings: [{id, text}], context}
 *        -> {ok, result | error, tabId}: each listing of a job list scored alone (one /score each,
 *           a few at a time), merged by scanplan.combineListings; the badge shows the highest level
 *   {type: 'cwguard:profile-get', clientId}                         -> {hit, profile} (a day's cache)
 *   {type: 'cwguard:profile-put', clientId, profile}                -> {ok}
 * To a tab's content script: {type: 'cwguard:rescan'} (popup button, keyboard shortcut).
 */
'use strict';

if (typeof importScripts === 'function' && !(globalThis.cwguard && globalThis.cwguard.service)) {
  importScripts('lib/i18n.js', 'lib/badge.js', 'lib/service.js', 'lib/scanplan.js');
}

const { badge, service, i18n, scanplan } = globalThis.cwguard;
const PROFILE_TTL_MS = 24 * 3600 * 1000;
const PROFILE_FAILURE_TTL_MS = 10 * 60 * 1000;
const LISTING_CONCURRENCY = 4;
const DEFAULTS = { serviceUrl: service.DEFAULT_URL, token: '', autoScan: true, lang: 'ja' };
const MENU_ID = 'cwguard-check-selection';
const stringsCache = new Map();

async function settings() {
  return chrome.storage.local.get(DEFAULTS);
}

async function strings(lang) {
  const key = i18n.pickLang(lang);
  if (!stringsCache.has(key)) stringsCache.set(key, await i18n.load(key));
  return stringsCache.get(key);
}

async function translator() {
  const { lang } = await settings();
  try {
    return i18n.translator(await strings(lang));
  } catch (e) {
    return i18n.translator(null);
  }
}

// ------------------------------------------------------------------ per-tab state and badge

const stateKey = (tabId) => `tab:${tabId}`;

async function readState(tabId) {
  const key = stateKey(tabId);
  const stored = await chrome.storage.session.get(key);
  return stored[key] || badge.initial();
}

// Events for one tab are applied one after another (each reads, reduces and writes the state).
const queues = new Map();
function dispatch(tabId, event) {
  const previous = queues.get(tabId) || Promise.resolve();
  const next = previous.then(async () => {
    const state = badge.reduce(await readState(tabId), event);
    await chrome.storage.session.set({ [stateKey(tabId)]: state });
    await drawBadge(tabId, state);
    return state;
  }).catch(() => badge.initial());
  queues.set(tabId, next);
  return next;
}

async function drawBadge(tabId, state) {
  const look = badge.badgeFor(state, await translator());
  try {
    await chrome.action.setBadgeText({ tabId, text: look.text });
    await chrome.action.setBadgeBackgroundColor({ tabId, color: look.color });
    if (chrome.action.setBadgeTextColor) await chrome.action.setBadgeTextColor({ tabId, color: look.textColor });
    await chrome.action.setTitle({ tabId, title: look.title });
  } catch (e) { /* the tab closed meanwhile */ }
}

// ------------------------------------------------------------------ talking to the service

async function scoreThread(payload) {
  const config = await settings();
  const body = service.buildScoreRequest(payload, config.lang);
  const timeoutMs = scanplan.scoreTimeoutMs(Array.isArray(body.messages) ? body.messages.length : 0);
  return service.score({ baseUrl: config.serviceUrl, token: config.token, body, timeoutMs });
}

async function onScore(message, tabId) {
  await dispatch(tabId, { type: 'scan_started', scanId: message.scanId });
  const payload = message.payload || {};
  const messages = Array.isArray(payload.messages) ? payload.messages : [];
  const answer = await scoreThread({ messages, context: payload.context || {} });
  if (answer.ok) {
    await dispatch(tabId, { type: 'scan_succeeded', scanId: message.scanId, result: answer.result, messageCount: messages.length });
  } else {
    await dispatch(tabId, { type: 'scan_failed', scanId: message.scanId, error: answer.error });
  }
  return { ...answer, tabId };
}

/** Each listing of a job list scored alone: no listing inherits another's warning. */
async function onScoreListings(message, tabId) {
  await dispatch(tabId, { type: 'scan_started', scanId: message.scanId });
  const listings = (Array.isArray(message.listings) ? message.listings : []).slice(0, 500)
    .filter((l) => l && typeof l.id === 'string' && typeof l.text === 'string' && l.text);
  const context = message.context && typeof message.context === 'object' ? message.context : {};
  const answers = new Array(listings.length);
  let next = 0;
  let lastError = null;
  async function worker() {
    while (next < listings.length) {
      const i = next++;
      const l = listings[i];
      const text = scanplan.splitText(l.text, scanplan.LIMITS.maxChars)[0].text;
      const answer = await scoreThread({ messages: [{ id: l.id, sender: 'client', text }], context });
      answers[i] = { id: l.id, result: answer.ok ? answer.result : null };
      if (!answer.ok) lastError = answer.error;
    }
  }
  await Promise.all(Array.from({ length: Math.min(LISTING_CONCURRENCY, listings.length) }, worker));
  const scored = answers.filter((a) => a && a.result);
  if (listings.length && !scored.length) {
    const error = lastError || { code: 'internal' };
    await dispatch(tabId, { type: 'scan_failed', scanId: message.scanId, error });
    return { ok: false, error, tabId };
  }
  const result = scanplan.combineListings(answers.filter(Boolean));
  result.unscored = listings.length - scored.length;
  await dispatch(tabId, { type: 'scan_succeeded', scanId: message.scanId, result, messageCount: listings.length });
  return { ok: true, result, tabId };
}

// ------------------------------------------------------------------ client profiles (a day's cache)

const profileKey = (id) => `profile:${id}`;

async function profileGet(clientId) {
  if (!/^\d{1,12}$/.test(String(clientId || ''))) return { hit: false, profile: null };
  const key = profileKey(clientId);
  const stored = (await chrome.storage.session.get(key))[key];
  if (!stored || typeof stored.at !== 'number') return { hit: false, profile: null };
  const ttl = stored.profile ? PROFILE_TTL_MS : PROFILE_FAILURE_TTL_MS;
  if (Date.now() - stored.at > ttl) {
    await chrome.storage.session.remove(key);
    return { hit: false, profile: null };
  }
  return { hit: true, profile: stored.profile || null };
}

async function profilePut(clientId, profile) {
  if (!/^\d{1,12}$/.test(String(clientId || ''))) return { ok: false };
  const json = profile && typeof profile === 'object' ? JSON.stringify(profile) : 'null';
  const safe = json.length <= 20000 ? JSON.parse(json) : null;
  await chrome.storage.session.set({ [profileKey(clientId)]: { at: Date.now(), profile: safe } });
  return { ok: true };
}

async function checkText(text) {
  const config = await settings();
  return service.score({
    baseUrl: config.serviceUrl,
    token: config.token,
    body: { text: String(text || '').slice(0, 100000), lang: config.lang === 'en' ? 'en' : 'ja' },
  });
}

async function health() {
  const config = await settings();
  const answer = await service.health({ baseUrl: config.serviceUrl, token: config.token });
  return { ...answer, serviceUrl: config.serviceUrl };
}

// ------------------------------------------------------------------ messages

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !message || typeof message.type !== 'string') return false;
  const tabId = sender.tab ? sender.tab.id : message.tabId;
  let work = null;
  switch (message.type) {
    case 'cwguard:score':
      if (!sender.tab) return false;
      work = onScore(message, tabId);
      break;
    case 'cwguard:empty':
      work = dispatch(tabId, { type: 'no_messages', scanId: message.scanId }).then(() => ({ ok: true, tabId }));
      break;
    case 'cwguard:painted':
      work = dispatch(tabId, { type: 'painted', scanId: message.scanId, count: message.count }).then(() => ({ ok: true }));
      break;
    case 'cwguard:strings':
      work = settings().then(async ({ lang }) => ({ lang: i18n.pickLang(lang), messages: await strings(lang), tabId }));
      break;
    case 'cwguard:health':
      work = health();
      break;
    case 'cwguard:get-state':
      work = readState(Number(message.tabId));
      break;
    case 'cwguard:check-text':
      work = checkText(message.text);
      break;
    case 'cwguard:draft': // lib/replyguard.js: the freelancer's draft, scored and forgotten (no badge, no storage)
      if (!sender.tab) return false;
      work = scoreThread(message.payload && typeof message.payload === 'object' ? message.payload : { messages: [] });
      break;
    case 'cwguard:score-listings':
      if (!sender.tab) return false;
      work = onScoreListings(message, tabId);
      break;
    case 'cwguard:profile-get':
      work = profileGet(message.clientId);
      break;
    case 'cwguard:profile-put':
      work = profilePut(message.clientId, message.profile);
      break;
    default:
      return false;
  }
  work.then(sendResponse, (e) => sendResponse({ ok: false, error: { code: 'internal', message: String(e && e.message) } }));
  return true; // answer asynchronously
});

// ------------------------------------------------------------------ tabs, shortcut, context menu

chrome.tabs.onRemoved.addListener((tabId) => {
  queues.delete(tabId);
  chrome.storage.session.remove(stateKey(tabId));
});

chrome.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // A new document: its content script starts afresh (and the browser drops per-tab badges).
  if (changeInfo.status === 'loading' && changeInfo.url) dispatch(tabId, { type: 'reset' });
});

function rescanTab(tabId) {
  return chrome.tabs.sendMessage(tabId, { type: 'cwguard:rescan' }).catch(() => null);
}

chrome.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'rescan') return;
  let tabId = tab && tab.id;
  if (tabId === undefined) {
    const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
    tabId = active && active.id;
  }
  if (tabId !== undefined) rescanTab(tabId);
});

async function createMenu() {
  const t = await translator();
  await chrome.contextMenus.removeAll();
  chrome.contextMenus.create({ id: MENU_ID, title: t('menuCheckSelection'), contexts: ['selection'] });
}
chrome.runtime.onInstalled.addListener(createMenu);
chrome.runtime.onStartup.addListener(createMenu);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.lang) createMenu();
});

let selectionCounter = 0;
/** Score a selection and show it in a small window of our own (no notification/scripting permission). */
async function checkSelection(text) {
  selectionCounter += 1;
  const key = `selection:${Date.now()}-${selectionCounter}`;
  await chrome.storage.session.set({ [key]: { pending: true, text } });
  await forgetOldSelections();
  await chrome.windows.create({ url: chrome.runtime.getURL(`pages/result.html?key=${encodeURIComponent(key)}`), type: 'popup', width: 440, height: 560 });
  const answer = await checkText(text);
  await chrome.storage.session.set({ [key]: { pending: false, text, answer } });
  return key;
}
/** Keep only the latest few selection results in session storage. */
async function forgetOldSelections() {
  const all = await chrome.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith('selection:')).sort((a, b) => parseInt(a.slice(10), 10) - parseInt(b.slice(10), 10));
  if (keys.length > 10) await chrome.storage.session.remove(keys.slice(0, keys.length - 10));
}
chrome.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId === MENU_ID && info.selectionText) checkSelection(info.selectionText);
});

// Exposed for tests and the pages (the worker's global scope).
globalThis.cwguardBackground = { dispatch, readState, rescanTab, scoreThread, health, checkText, checkSelection, onScoreListings, profileGet, profilePut };
