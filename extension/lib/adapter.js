/*
 * adapter: everything cwguard knows about CrowdWorks' pages lives here, and only here.
 *
 * Facts from shared/reference/crowdworks-dom.md: CSS-module class names are a stable word plus a
 * hashed suffix (`_messageBody_iq3vm_28`), so they are matched by the word, never by the full
 * class; embedded JSON (`#vue-container[data]`, `#client_detail_information_container[data]`) is
 * read before markup; when no selector matches, a heuristic still finds the thread as a run of
 * sibling blocks that carry a time and some text, so a site change degrades the tool instead of
 * silencing it. Everything on the page is untrusted: user-chosen names and message text never
 * decide who is the platform, what the contract state is or what the client's ratings are.
 *
 * Page kinds (pageKind): thread (/proposals/<id>, /contracts/<id>, /messages/<id>), job
 * (/public/jobs/<id>), search (/public/jobs/search, category and group lists, or a page whose
 * embedded JSON holds searchResult.job_offers), employer (/public/employers/<id>), other.
 *
 * Who sent a message (the reader is the freelancer, logged in):
 *   1. client  - the item links to a client profile (/public/employers/<id>);
 *      worker  - the item links to a freelancer profile (/public/employees/<id>).
 *   2. system  - only by structure: no profile link, and either the platform's notice markup (a
 *                class word system/notice/announcement/notification) or a text made entirely of
 *                known notice sentences (契約が締結されました。…). A display name such as
 *                「○○採用事務局」 is chosen by the user and never makes a sender the platform.
 *   3. worker  - the item is marked as one's own (class word mine/own/self/messageSent…), or the
 *                name equals the logged-in user's name shown in the site header;
 *      client  - the name equals the client named outside the thread.
 *   4. when exactly two people write and one of them is known, the other is the counterpart.
 *   otherwise unknown.
 *
 * Times are sent as ISO 8601 with +09:00 (CrowdWorks shows Japan time), or not at all: a page
 * string such as 「2026年09月20日 12:02」 or 「2026/09/20 12:02」 is converted, never forwarded.
 *
 * Message ids: the page's own id when it has one (data-message-id, data-id, id), otherwise
 * "m" + a hash of time + text, with "-2", "-3"… for identical repeats.
 *
 * scrape() is synchronous (tests); scrapeSteps() is the same work as a generator that yields
 * after each message so the content script can slice it into short tasks.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).adapter = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const textmap = (typeof module === 'object' && module.exports)
    ? require('./textmap.js')
    : root.cwguard.textmap;

  const SELECTORS = {
    // `_messageItem_x7k2q`, and the live site's `_message_iq3vm_2` (filtered by MESSAGE_ITEM_CLASS).
    messageItemCandidates: '[class*="_messageItem_"], [class*="_message_"]',
    messageBody: '[class*="_messageBody_"], [class*="_messageContent_"]',
    senderName: 'a[class*="_senderName_"], [class*="_senderName_"]',
    time: 'time[datetime], time',
    employerLink: 'a[href*="/public/employers/"]',
    employeeLink: 'a[href*="/public/employees/"]',
    // Where the page states the proposal/contract phase and shows the client's reputation.
    contractStatus: '[class*="_contractStatus_"], [class*="_proposalStatus_"], [class*="_statusLabel_"], [data-contract-status]',
    progressCurrent: '.progress ul.progress > li.current, ul.progress > li.current',
    proposedOffer: '.intro-employer_proposed_project',
    contractLink: 'a[href^="/contracts/"], a[href^="https://crowdworks.jp/contracts/"]',
    threadData: '[data*="messageableType"]',
    clientBox: '[class*="_clientInfo_"], [class*="_employerInfo_"], [class*="_clientProfile_"], [class*="_employerProfile_"], .client_information, .client_performance',
    currentUser: '[class*="_currentUserName_"], [class*="_loginUserName_"], [class*="_userName_"], [data-current-user]',
    // Older pre-React markup: the thread container (its #message_body is the reply box).
    oldThread: '#pack-message-thread .cw-message-thread, .cw-message-thread, #pack-message-thread',
    replyBox: 'textarea[name="message[body]"]',
    // Job posting /public/jobs/<id>
    jobClientData: '#client_detail_information_container[data]',
    jobDescription: '.job_offer_detail_table td.confirm_outside_link, td.confirm_outside_link, [class*="_jobDescription_"], [class*="_jobOfferDescription_"]',
    jobTitle: '.job_offer_detail h1, h1[class*="_jobTitle_"], h1.title, h1',
    jobClientName: '.client_name a, .client_name',
    jobClientBoxes: '#client_detail_information_container, .client_information, .client_performance, .identity_verified, .client_name',
    // Search/category lists and employer profiles
    vueData: '#vue-container[data]',
    jobLink: 'a[href*="/public/jobs/"]',
    finishedRate: 'div[class*="_projectFinishedRateDetail_"]',
  };
  const MESSAGE_ITEM_CLASS = /(?:^|\s)_(?:messageItem|message)_[A-Za-z0-9-]+/;
  const OWN_CLASS = /(?:^|\s)_(?:mine|own|self|myMessage|isMine|isOwn|ownMessage|sentByMe|messageSent|sent)_/i;
  const SYSTEM_CLASS = /(?:^|\s)_(?:system\w*|notice\w*|announcement\w*|notification\w*)_/i;
  // Whole sentences CrowdWorks itself posts into a thread; a notice is made of these only.
  const NOTICE_SENTENCES = [
    /^(?:本)?契約が(?:締結|成立|終了|開始)(?:されました|しました)$/,
    /^(?:クライアントが)?仮払い(?:が完了しました|されました|が行われました)$/,
    /^検収が完了(?:しました|されました)$/,
    /^(?:ワーカーから)?納品(?:されました|報告がありました|が完了しました)$/,
    /^報酬(?:の)?(?:お)?支払いが完了しました$/,
    /^サービス外連絡申請が(?:承認|却下|申請|提出)されました$/,
    /^契約(?:条件|金額)が変更されました$/,
    /^(?:この)?契約はキャンセルされました$/,
    /^評価が(?:入力|投稿)されました$/,
  ];

  const CONTRACTED_WORDS = /契約済|契約中|作業中|納品|検収|仮払い済|支払い済|契約完了/;
  const BEFORE_WORDS = /応募中|選考中|交渉中|契約前|提案中|募集中|見積|応募・スカウト|スカウト/;
  const WAITING_TEXT = /まだクライアントが契約に同意していません/;
  const RATING_LABELS = [
    ['communication', /^(?:コミュニケーション|communication)$/i],
    ['partnership', /^(?:パートナーシップ|partnership)$/i],
    ['skill', /^(?:スキル|skill)$/i],
    ['quality', /^(?:品質|クオリティ|quality)$/i],
    ['schedule', /^(?:スケジュール|納期|schedule)$/i],
  ];
  const RATING_VALUE = /^([0-5](?:\.\d{1,2})?)(?:\s*(?:点|\/\s*5(?:\.0)?))?$/;
  const COUNT_LABEL = /^(?:評価数|評価件数|レビュー数|レビュー件数|評価|reviews?)$/i;
  const COUNT_VALUE = /^[(（]?\s*(\d{1,7})\s*(?:件)?\s*[)）]?$/;
  const DATE_TEXT = /(\d{4})\s*[\/年.-]\s*(\d{1,2})\s*[\/月.-]\s*(\d{1,2})\s*日?(?:\s*(?:\([^)]*\)|（[^）]*）))?(?:[\sT]*(\d{1,2})[:時](\d{2})(?::(\d{2}))?分?)?/;
  const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
  const IMAGE_EXT = /\.(?:png|jpe?g|gif|webp|bmp)(?:$|[?#])/i;
  const MAX_ATTACHMENTS_PER_MESSAGE = 4;

  // ---------------------------------------------------------------- page kinds

  function pathOf(doc) {
    try { return new URL(String(doc.location.href)).pathname; } catch (e) { return ''; }
  }

  /** 'thread' | 'job' | 'search' | 'employer' | 'other' */
  function pageKind(doc) {
    const path = pathOf(doc);
    if (/^\/(?:proposals|contracts)\/\d+/.test(path)) return 'thread';
    if (/^\/messages\/\d+/.test(path)) return 'thread';
    if (/^\/public\/jobs\/\d+\/?$/.test(path)) return 'job';
    if (/^\/public\/jobs(?:\/search|\/category\/[\w-]+|\/group\/[\w-]+)?\/?$/.test(path)) return 'search';
    if (/^\/public\/employers\/\d+/.test(path)) return 'employer';
    const vue = readVueData(doc);
    if (vue && vue.searchResult && Array.isArray(vue.searchResult.job_offers)) return 'search';
    return 'other';
  }

  // ---------------------------------------------------------------- embedded JSON

  function decodeEntities(s) {
    return s.replace(/&(?:quot|#34|#x22);/gi, '"').replace(/&(?:apos|#39|#x27);/gi, "'")
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  /**
   * JSON from a data attribute, parsed defensively: entities a page escaped twice are decoded,
   * and the malformed `…,"key":false," {"key2":…` a scraper of the live site repairs is repaired.
   * Returns an object or null; never throws.
   */
  function parseJsonLoose(raw, knownKeys) {
    if (typeof raw !== 'string' || !raw.trim() || raw.length > 5000000) return null;
    const attempts = [raw];
    if (/&(?:quot|#34|#x22|amp);/i.test(raw)) attempts.push(decodeEntities(raw));
    for (const base of attempts.slice()) {
      const repaired = base.replace(/,\s*"\s*\{\s*"/g, ',"').replace(/,\s*([}\]])/g, '$1');
      if (repaired !== base) attempts.push(repaired);
    }
    for (const text of attempts) {
      try {
        const value = JSON.parse(text);
        if (value && typeof value === 'object' && !Array.isArray(value)) return value;
      } catch (e) { /* next attempt */ }
    }
    // Last resort: the known flat keys, one by one.
    if (!knownKeys) return null;
    const text = attempts[attempts.length - 1];
    const out = {};
    for (const key of knownKeys) {
      const m = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.){0,2000}"|-?\\d+(?:\\.\\d+)?|true|false|null)`).exec(text);
      if (!m) continue;
      try { out[key] = JSON.parse(m[1]); } catch (e) { /* skip */ }
    }
    return Object.keys(out).length ? out : null;
  }

  function readVueData(doc) {
    const el = doc.querySelector(SELECTORS.vueData);
    return el ? parseJsonLoose(el.getAttribute('data')) : null;
  }

  const num = (v) => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*%?\s*$/.test(v)) return Number(v.replace('%', ''));
    return null;
  };
  const bool = (v) => (v === true || v === 'true' ? true : (v === false || v === 'false' ? false : null));
  const str = (v, max) => (typeof v === 'string' ? v.slice(0, max || 500) : null);
  const rating = (v) => { const n = num(v); return n !== null && n >= 0 && n <= 5 ? n : null; };
  const count = (v) => { const n = num(v); return n !== null && Number.isInteger(n) && n >= 0 && n <= 1e9 ? n : null; };

  // ---------------------------------------------------------------- times

  function pad(n) { return String(n).padStart(2, '0'); }

  function validParts(y, mo, d, h, mi, s) {
    if (y < 1970 || y > 9998 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return d <= days;
  }

  function jst(y, mo, d, h, mi, s) {
    if (!validParts(y, mo, d, h, mi, s)) return null;
    return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+09:00`;
  }

  /**
   * A page time as ISO 8601 in Japan time ("2026-09-20T12:02:00+09:00"), or null.
   * Accepts ISO 8601 (any offset, converted to +09:00; none means Japan time), 「2026年09月20日 12:02」,
   * 「2026/09/20 12:02」, 「2026-09-20 12:02」, 「2026.09.20」; anything else is null.
   */
  function toIsoJst(raw) {
    const text = String(raw || '').trim().normalize('NFKC');
    if (!text || text.length > 100) return null;
    const iso = ISO_DATETIME.exec(text);
    if (iso) {
      const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] || 0));
      if (!validParts(y, mo, d, h, mi, s)) return null;
      if (!iso[7]) return jst(y, mo, d, h, mi, s);
      const zone = iso[7].toUpperCase();
      let offsetMin = 0;
      if (zone !== 'Z') {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
        if (Math.abs(offsetMin) > 14 * 60) return null;
      }
      const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60000;
      const t = new Date(utc + 9 * 3600000);
      return jst(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
    }
    const m = DATE_TEXT.exec(text);
    if (!m) return null;
    return jst(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] || 0), Number(m[5] || 0), Number(m[6] || 0));
  }

  // ---------------------------------------------------------------- locating the thread

  function isMessageItem(el) {
    return MESSAGE_ITEM_CLASS.test(String(el.getAttribute('class') || ''));
  }

  /** Items found by the CrowdWorks selectors: [{el, body}] or []. Linear: one closest() per item. */
  function locateBySelectors(doc) {
    const candidates = Array.from(doc.querySelectorAll(SELECTORS.messageItemCandidates)).filter(isMessageItem);
    const set = new Set(candidates);
    const items = candidates.filter((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
    return items.map((el) => ({ el, body: bodyOf(el) }));
  }

  function bodyOf(el) {
    const bodies = Array.from(el.querySelectorAll(SELECTORS.messageBody));
    if (!bodies.length) return el;
    const first = bodies[0];
    return bodies.every((b) => first === b || first.contains(b)) ? first : el;
  }

  function hasTimeMark(el) {
    if (el.querySelector('time')) return true;
    const text = el.textContent || '';
    return text.length < 20000 && DATE_TEXT.test(text);
  }

  // Our own additions to the page (a listing's marker); the <mark> fallback wraps message words and stays.
  const ours = (el) => el.hasAttribute('data-cwguard-ui') && el.getAttribute('data-cwguard-ui') !== 'mark';

  function isOurs(el) {
    return !!(el.closest && el.closest('[data-cwguard-ui]'));
  }

  /**
   * Heuristic: the element with the most direct children that each carry a time mark and some
   * words (at least two), preferring the deepest such element on a tie. Inside the old markup's
   * thread container when there is one.
   */
  function locateByHeuristic(doc) {
    const scope = doc.querySelector(SELECTORS.oldThread) || doc.body || doc.documentElement;
    if (!scope) return [];
    const marks = Array.from(scope.querySelectorAll('time'));
    const parents = new Set();
    if (marks.length) {
      for (const t of marks) {
        for (let p = t.parentElement; p && p !== scope.parentElement; p = p.parentElement) parents.add(p);
      }
    } else {
      parents.add(scope);
      scope.querySelectorAll('*').forEach((el) => { if (el.children.length >= 2) parents.add(el); });
    }
    let best = null;
    let bestCount = 1;
    let bestDepth = -1;
    for (const parent of parents) {
      if (isOurs(parent)) continue;
      let n = 0;
      for (const child of parent.children) {
        if (/^(SCRIPT|STYLE|TEMPLATE|FORM)$/i.test(child.tagName)) continue;
        if (hasTimeMark(child) && wordsOf(child).length >= 2) n += 1;
      }
      const depth = depthOf(parent);
      if (n > bestCount || (n === bestCount && n >= 2 && depth > bestDepth)) {
        best = parent;
        bestCount = n;
        bestDepth = depth;
      }
    }
    if (!best) return [];
    return Array.from(best.children)
      .filter((child) => !/^(SCRIPT|STYLE|TEMPLATE|FORM)$/i.test(child.tagName))
      .filter((child) => hasTimeMark(child) && wordsOf(child).length >= 2)
      .map((el) => ({ el, body: el }));
  }

  function wordsOf(el) {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('time, button, script, style, textarea').forEach((n) => n.remove());
    return (clone.textContent || '').replace(DATE_TEXT, '').trim();
  }

  function depthOf(el) {
    let d = 0;
    for (let p = el; p; p = p.parentElement) d += 1;
    return d;
  }

  /** {method: 'selectors'|'heuristic'|'none', items: [{el, body}]} */
  function locate(doc) {
    const bySelectors = locateBySelectors(doc).filter((item) => !isOurs(item.el));
    if (bySelectors.length) return { method: 'selectors', items: bySelectors };
    const byHeuristic = locateByHeuristic(doc);
    if (byHeuristic.length) return { method: 'heuristic', items: byHeuristic };
    return { method: 'none', items: [] };
  }

  // ---------------------------------------------------------------- one message

  /** An autolinked URL in a message shows its own address; a profile link shows a name. */
  function looksLikeAutolink(a) {
    const text = (a.textContent || '').trim();
    return /^https?:\/\/|^\/public\//.test(text) || text === (a.getAttribute('href') || '');
  }

  function profileLinkOf(item) {
    const links = item.el.querySelectorAll(`${SELECTORS.employerLink}, ${SELECTORS.employeeLink}`);
    for (const a of links) {
      // A link inside the message's own words (the body, when the body is not the whole item) is
      // something the sender wrote, not who the sender is.
      if (item.body !== item.el && item.body.contains(a) && !a.matches(SELECTORS.senderName)) continue;
      if (looksLikeAutolink(a)) continue;
      return a;
    }
    return null;
  }

  /** The element that shows who wrote the message (outside the message's own words), or null. */
  function senderElement(item, link) {
    const named = item.el.querySelector(SELECTORS.senderName);
    if (named && (item.body === item.el || !item.body.contains(named) || named === link)) return named;
    return link;
  }

  function timeOf(item) {
    const t = item.el.querySelector(SELECTORS.time);
    if (t) {
      const fromAttr = toIsoJst(t.getAttribute('datetime'));
      if (fromAttr) return fromAttr;
      const fromText = toIsoJst(t.textContent);
      if (fromText) return fromText;
    }
    // Old markup: a date written in a leaf element of the item.
    for (const el of item.el.querySelectorAll('*')) {
      if (el.children.length) continue;
      const text = (el.textContent || '').trim();
      if (text.length <= 40 && DATE_TEXT.test(text)) {
        const iso = toIsoJst(text);
        if (iso) return iso;
      }
    }
    return null;
  }

  function isDateLeaf(el) {
    if (el.children.length) return false;
    const text = (el.textContent || '').trim();
    return text.length <= 40 && DATE_TEXT.test(text) && text.replace(DATE_TEXT, '').trim().length <= 4;
  }

  function pageId(el) {
    const v = el.getAttribute('data-message-id') || el.getAttribute('data-id') || el.id;
    return v ? String(v).slice(0, 100) : '';
  }

  /** FNV-1a, 32 bit, over UTF-16 code units: short, stable, no crypto needed. */
  function hash(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(36);
  }

  /**
   * Images sent in a message: <img> inside the message (not an avatar or a profile picture) and
   * links to image files. [{url, name, alt}], at most MAX_ATTACHMENTS_PER_MESSAGE.
   */
  function attachmentsOf(item, doc) {
    const out = [];
    const seen = new Set();
    const base = doc && doc.location ? String(doc.location.href) : 'https://crowdworks.jp/';
    const add = (src, name, alt) => {
      if (!src || out.length >= MAX_ATTACHMENTS_PER_MESSAGE) return;
      let url;
      try { url = new URL(src, base); } catch (e) { return; }
      if (!/^https?:$/.test(url.protocol) && url.protocol !== 'data:') return;
      const key = url.href.slice(0, 4000);
      if (seen.has(key)) return;
      seen.add(key);
      const fileName = name || decodeURIComponent((url.pathname.split('/').pop() || '').slice(0, 255)).slice(0, 255);
      out.push({ url: key, name: String(fileName || '').trim().slice(0, 255), alt: String(alt || '').trim().slice(0, 1000) });
    };
    const scope = item.el;
    for (const img of scope.querySelectorAll('img')) {
      if (isOurs(img)) continue;
      if (img.closest(`${SELECTORS.employerLink}, ${SELECTORS.employeeLink}`)) continue; // profile picture
      const cls = `${img.getAttribute('class') || ''} ${img.parentElement ? img.parentElement.getAttribute('class') || '' : ''}`;
      if (/avatar|icon|emoji|profile/i.test(cls)) continue;
      const link = img.closest('a[href]');
      const linked = link && IMAGE_EXT.test(link.getAttribute('href') || '') ? link.getAttribute('href') : '';
      const name = (link && (link.getAttribute('download') || '')) || img.getAttribute('title') || '';
      add(linked || img.getAttribute('src'), name, img.getAttribute('alt') || '');
    }
    for (const a of scope.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') || '';
      if (!(IMAGE_EXT.test(href) || (a.hasAttribute('download') && IMAGE_EXT.test(a.getAttribute('download') || '')))) continue;
      if (a.querySelector('img')) continue; // handled above
      add(href, a.getAttribute('download') || (a.textContent || '').trim(), a.getAttribute('title') || '');
    }
    return out;
  }

  /** What one message item yields, before ids and senders are settled across the thread. */
  function readItem(item, method, doc) {
    const link = profileLinkOf(item);
    const senderEl = senderElement(item, link);
    const map = textmap.buildText(item.body, {
      skip: (el) => el === senderEl || (link && el === link)
        || (senderEl && el.contains(senderEl) && el !== item.body && !el.querySelector('p'))
        || (method === 'heuristic' && isDateLeaf(el)) || ours(el),
    });
    const senderName = senderEl ? (senderEl.textContent || '').trim() : '';
    const href = link ? (link.getAttribute('href') || '') : (senderEl ? (senderEl.getAttribute('href') || '') : '');
    return {
      el: item.el,
      body: item.body,
      map,
      text: map.text,
      sent_at: timeOf(item),
      senderName,
      senderHref: href,
      classes: classChain(item.el),
      pageId: pageId(item.el),
      attachments: attachmentsOf(item, doc),
    };
  }

  /** The classes of the item and of its direct children: the page's own markup, never the sender's words. */
  function classChain(el) {
    const out = [String(el.getAttribute('class') || '')];
    for (const child of el.children) out.push(String(child.getAttribute('class') || ''));
    return out.join(' ');
  }

  // ---------------------------------------------------------------- the page around the thread

  function currentUserName(doc) {
    const el = doc.querySelector(SELECTORS.currentUser);
    if (!el) return '';
    return (el.getAttribute('data-current-user') || el.textContent || '').trim();
  }

  /**
   * Ratings and review count read as label/value pairs, element by element: the text of each text
   * node (outside links, outside `exclude`) is one token; a rating is a token that is exactly a
   * label followed by a token that is exactly a number 0-5 (or one token 「label 3.2」). A name,
   * however it is written, is never read as a rating.
   */
  function readRatingPairs(box, exclude) {
    const tokens = [];
    const walker = box.ownerDocument.createTreeWalker(box, 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('a, script, style, button, [data-cwguard-ui]')) continue;
      if (exclude && exclude.some((el) => el && el.contains(node))) continue;
      const text = node.data.replace(/\s+/g, ' ').trim().normalize('NFKC');
      if (text) tokens.push(text);
    }
    const ratings = {};
    let reviewCount = null;
    const labelOf = (t) => {
      const bare = t.replace(/\s*[:：]\s*$/, '');
      for (const [key, re] of RATING_LABELS) if (re.test(bare)) return key;
      return null;
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const next = tokens[i + 1] || '';
      const key = labelOf(t);
      if (key) {
        const m = RATING_VALUE.exec(next);
        if (m && !(key in ratings)) { ratings[key] = Number(m[1]); i += 1; }
        continue;
      }
      const joined = /^(.+?)\s*[:：]?\s*([0-5](?:\.\d{1,2})?)$/.exec(t);
      if (joined && labelOf(joined[1])) {
        const k = labelOf(joined[1]);
        if (!(k in ratings)) ratings[k] = Number(joined[2]);
        continue;
      }
      if (reviewCount === null) {
        if (COUNT_LABEL.test(t.replace(/\s*[:：]\s*$/, ''))) {
          const m = COUNT_VALUE.exec(next);
          if (m) { reviewCount = Number(m[1]); i += 1; continue; }
        }
        const one = /^(?:評価数|評価件数|レビュー数|レビュー件数)\s*[:：]?\s*(\d{1,7})\s*件?$/.exec(t)
          || /^[(（]?\s*(\d{1,7})\s*件の(?:評価|レビュー)\s*[)）]?$/.exec(t);
        if (one) reviewCount = Number(one[1]);
      }
    }
    return { ratings, reviewCount };
  }

  function employerIdOf(href) {
    const m = /\/public\/employers\/(\d{1,12})/.exec(String(href || ''));
    return m ? m[1] : null;
  }

  function clientFromPage(doc, messageEls) {
    const inThread = new Set(messageEls); // linear: one walk up per element, not a scan of every message
    const insideThread = (el) => { for (let p = el; p; p = p.parentElement) if (inThread.has(p)) return true; return false; };
    const link = Array.from(doc.querySelectorAll(SELECTORS.employerLink)).find((a) => !insideThread(a) && !isOurs(a));
    let box = Array.from(doc.querySelectorAll(SELECTORS.clientBox)).find((el) => !insideThread(el) && !isOurs(el)) || null;
    if (!box && link) {
      // Climb from the client's name while we stay outside the thread.
      box = link;
      for (let i = 0; i < 4 && box.parentElement && box.parentElement !== doc.body
        && !messageEls.some((m) => box.parentElement.contains(m)); i++) {
        box = box.parentElement;
      }
    }
    const senderLink = Array.from(doc.querySelectorAll(SELECTORS.employerLink)).find((a) => insideThread(a) && !looksLikeAutolink(a));
    if (!link && !box && !senderLink) return null;
    const nameEl = (box && box.querySelector(SELECTORS.employerLink)) || link || senderLink;
    const name = nameEl ? (nameEl.textContent || '').trim() : '';
    const pairs = box ? readRatingPairs(box, [nameEl]) : { ratings: {}, reviewCount: null };
    const client = {
      id: employerIdOf(nameEl && nameEl.getAttribute('href')) || employerIdOf(senderLink && senderLink.getAttribute('href')),
      name: name ? name.slice(0, 500) : null,
      ratings: Object.keys(pairs.ratings).length ? pairs.ratings : null,
      review_count: pairs.reviewCount,
    };
    return client;
  }

  function contractFromWords(text) {
    if (/contracted/.test(text) || CONTRACTED_WORDS.test(text)) return 'contracted';
    if (/before_contract/.test(text) || BEFORE_WORDS.test(text)) return 'before_contract';
    return null;
  }

  /**
   * The contract state the page states, outside the thread's messages (text in the thread never
   * changes it): a /contracts/ URL; the status label, the progress bar, the offer block, the
   * waiting text, the thread's data JSON; a /proposals/ URL; otherwise unknown.
   */
  function contractStatus(doc, messageEls) {
    const els = messageEls || [];
    const inThread = new Set(els);
    const outside = (el) => { for (let p = el; p; p = p.parentElement) if (inThread.has(p)) return false; return !isOurs(el); };
    const path = pathOf(doc);
    if (/^\/contracts\/\d+/.test(path)) return 'contracted';
    for (const el of doc.querySelectorAll(SELECTORS.contractStatus)) {
      if (!outside(el)) continue;
      const found = contractFromWords(`${el.getAttribute('data-contract-status') || ''} ${el.textContent || ''}`);
      if (found) return found;
    }
    for (const el of doc.querySelectorAll(SELECTORS.threadData)) {
      if (!outside(el)) continue;
      const data = parseJsonLoose(el.getAttribute('data'), ['messageableType']);
      const type = data && typeof data.messageableType === 'string' ? data.messageableType : '';
      if (/^contract$/i.test(type)) return 'contracted';
      if (/^(?:proposal|jobofferproposal|scout)$/i.test(type)) return 'before_contract';
    }
    const current = Array.from(doc.querySelectorAll(SELECTORS.progressCurrent)).find(outside);
    if (current) {
      const text = (current.textContent || '').trim();
      if (/応募|スカウト|提案|見積/.test(text)) return 'before_contract';
      if (/契約|仮払|業務|作業|納品|検収|評価|完了/.test(text)) return 'contracted';
    }
    if (Array.from(doc.querySelectorAll(SELECTORS.proposedOffer)).some(outside)) return 'before_contract';
    const body = doc.body;
    if (body && WAITING_TEXT.test(body.textContent || '')) {
      const waiting = Array.from(body.querySelectorAll('*')).find((el) => !el.children.length && WAITING_TEXT.test(el.textContent || ''));
      if (waiting && outside(waiting)) return 'before_contract';
    }
    if (/^\/proposals\/\d+/.test(path)) return 'before_contract';
    return 'unknown';
  }

  // ---------------------------------------------------------------- senders and ids

  function isNoticeText(text) {
    const sentences = String(text || '').split(/[。\n！!]+/).map((s) => s.trim()).filter(Boolean);
    return sentences.length > 0 && sentences.every((s) => NOTICE_SENTENCES.some((re) => re.test(s)));
  }

  function senderOf(read, known) {
    if (/\/public\/employers\//.test(read.senderHref)) return 'client';
    if (/\/public\/employees\//.test(read.senderHref)) return 'worker';
    // No profile link: the platform only by its own markup or its own whole sentences.
    if (SYSTEM_CLASS.test(read.classes)) return 'system';
    if (isNoticeText(read.text)) return 'system';
    if (OWN_CLASS.test(read.classes)) return 'worker';
    if (read.senderName && read.senderName === known.user) return 'worker';
    if (read.senderName && read.senderName === known.client) return 'client';
    return 'unknown';
  }

  /** Two people write and one is identified: the other is the counterpart. */
  function settleCounterparts(reads, senders) {
    const byName = new Map();
    reads.forEach((r, i) => {
      if (!r.senderName || senders[i] === 'system') return;
      if (!byName.has(r.senderName)) byName.set(r.senderName, new Set());
      byName.get(r.senderName).add(senders[i]);
    });
    if (byName.size !== 2) return senders;
    const [a, b] = Array.from(byName.keys());
    const roleOf = (name) => Array.from(byName.get(name)).find((s) => s === 'client' || s === 'worker');
    const ra = roleOf(a);
    const rb = roleOf(b);
    const other = { client: 'worker', worker: 'client' };
    const fill = {};
    if (ra && !rb) fill[b] = other[ra];
    if (rb && !ra) fill[a] = other[rb];
    return senders.map((s, i) => (s === 'unknown' && fill[reads[i].senderName]) ? fill[reads[i].senderName] : s);
  }

  function assignIds(reads) {
    const seen = new Map();
    const used = new Set();
    return reads.map((r) => {
      let id = r.pageId && !used.has(r.pageId) ? r.pageId : '';
      if (!id) {
        const base = `m${hash(`${r.sent_at || ''}\u0000${r.text}`)}`;
        const n = (seen.get(base) || 0) + 1;
        seen.set(base, n);
        id = n === 1 ? base : `${base}-${n}`;
      }
      used.add(id);
      return id;
    });
  }

  // ---------------------------------------------------------------- a thread

  /**
   * Generator form of scrape(): yields after each message; its return value is the result.
   * Result: {kind, method, messages: [{id, sender, sent_at, text}], context,
   *          entries: [{id, el, body, map}], attachments: {messageId: [{url, name, alt}]}, clientId}
   */
  function* scrapeThreadSteps(doc) {
    const located = locate(doc);
    const reads = [];
    for (const item of located.items) {
      reads.push(readItem(item, located.method, doc));
      yield reads.length;
    }
    const kept = reads.filter((r) => r.text.length > 0 || r.attachments.length > 0);
    const messageEls = kept.map((r) => r.el);
    // Each whole-thread step below is its own slice (a 3,000-message thread keeps tasks short).
    yield reads.length;
    const client = clientFromPage(doc, messageEls);
    yield reads.length;
    const known = { user: currentUserName(doc), client: client && client.name ? client.name : '' };
    const senders = settleCounterparts(kept, kept.map((r) => senderOf(r, known)));
    yield reads.length;
    const ids = assignIds(kept);
    const messages = kept.map((r, i) => ({ id: ids[i], sender: senders[i], sent_at: r.sent_at, text: r.text }));
    yield reads.length;
    const context = {
      contract_status: contractStatus(doc, messageEls),
      page_url: doc.location ? String(doc.location.href).slice(0, 2000) : null,
    };
    yield reads.length;
    const clientId = client ? client.id : null;
    if (client) context.client = clientForRequest(client);
    const entries = kept.map((r, i) => ({ id: ids[i], el: r.el, body: r.body, map: r.map }));
    const attachments = {};
    kept.forEach((r, i) => { if (r.attachments.length) attachments[ids[i]] = r.attachments; });
    return {
      kind: 'thread', method: kept.length ? located.method : 'none', messages, context, entries, attachments, clientId,
    };
  }

  function clientForRequest(client) {
    const out = { name: client.name || null, review_count: client.review_count === undefined ? null : client.review_count };
    if (client.ratings && Object.keys(client.ratings).length) out.ratings = client.ratings;
    return out;
  }

  // ---------------------------------------------------------------- a job posting

  const JOB_CLIENT_KEYS = ['userId', 'userDisplayName', 'averageScore', 'isIdentityVerified', 'isEmployerRuleCheckSucceeded',
    'isCertifiedEmployer', 'isOfficiallyRecognizedAccount', 'userThanksCount', 'jobOfferAchievementCount',
    'projectFinishedRate', 'isResigned'];

  /** Client facts from the job page's JSON (or its markup): {id, name, facts} or null. */
  function jobClient(doc) {
    const el = doc.querySelector(SELECTORS.jobClientData);
    const data = el ? parseJsonLoose(el.getAttribute('data'), JOB_CLIENT_KEYS) : null;
    const facts = {};
    let id = null;
    let name = null;
    if (data) {
      id = data.userId !== undefined && /^\d{1,12}$/.test(String(data.userId)) ? String(data.userId) : null;
      name = str(data.userDisplayName);
      const avg = rating(data.averageScore);
      if (avg !== null) facts.average_score = avg;
      const pairs = [['identity_verified', data.isIdentityVerified], ['rule_check', data.isEmployerRuleCheckSucceeded],
        ['certified', data.isCertifiedEmployer], ['official', data.isOfficiallyRecognizedAccount]];
      for (const [k, v] of pairs) { const b = bool(v); if (b !== null) facts[k] = b; }
      const rate = num(data.projectFinishedRate);
      if (rate !== null && rate >= 0 && rate <= 100) facts.finished_rate = rate;
      const orders = count(data.jobOfferAchievementCount);
      if (orders !== null) facts.job_offer_count = orders;
    }
    if (!name) {
      const n = doc.querySelector(SELECTORS.jobClientName);
      if (n) name = (n.textContent || '').trim().slice(0, 500) || null;
    }
    if (!id) {
      const a = Array.from(doc.querySelectorAll(SELECTORS.employerLink)).find((x) => !looksLikeAutolink(x));
      id = a ? employerIdOf(a.getAttribute('href')) : null;
    }
    // Markup fallbacks, read only in the client's own boxes (never in the description).
    const boxText = Array.from(doc.querySelectorAll(`${SELECTORS.jobClientBoxes}`)).map((b) => b.textContent || '').join(' ');
    if (facts.identity_verified === undefined) {
      if (/本人確認済み/.test(boxText)) facts.identity_verified = true;
      else if (/本人確認未提出/.test(boxText)) facts.identity_verified = false;
    }
    if (facts.rule_check === undefined) {
      if (/発注ルールチェック済み/.test(boxText)) facts.rule_check = true;
      else if (/発注ルールチェック未回答/.test(boxText)) facts.rule_check = false;
    }
    if (!id && !name && !Object.keys(facts).length) return null;
    return { id, name, facts };
  }

  function jobTitle(doc) {
    const h = doc.querySelector(SELECTORS.jobTitle);
    const text = h ? (h.textContent || '').replace(/\s+/g, ' ').trim() : '';
    return (text || String(doc.title || '').replace(/\s*[|｜].*$/, '').trim()).slice(0, 500);
  }

  /** A job posting: its description as one client message; context.job; client facts. */
  function scrapeJob(doc) {
    const el = Array.from(doc.querySelectorAll(SELECTORS.jobDescription)).find((x) => !isOurs(x)) || null;
    const pathId = /^\/public\/jobs\/(\d+)/.exec(pathOf(doc));
    const id = `job-${pathId ? pathId[1] : hash(pathOf(doc))}`;
    const title = jobTitle(doc);
    const client = jobClient(doc);
    const context = {
      contract_status: 'before_contract',
      page_url: doc.location ? String(doc.location.href).slice(0, 2000) : null,
    };
    if (client && client.name) context.client = { name: client.name, review_count: null };
    if (!el) {
      return { kind: 'job', method: 'none', messages: [], context, entries: [], attachments: {}, clientId: client && client.id, facts: client ? client.facts : null };
    }
    const map = textmap.buildText(el, { skip: ours });
    context.job = { title, description: map.text.slice(0, 20000) };
    const messages = map.text ? [{ id, sender: 'client', sent_at: null, text: map.text }] : [];
    return {
      kind: 'job',
      method: messages.length ? 'selectors' : 'none',
      messages,
      context,
      entries: messages.length ? [{ id, el, body: el, map }] : [],
      attachments: {},
      clientId: client ? client.id : null,
      facts: client ? client.facts : null,
    };
  }

  // ---------------------------------------------------------------- search and category lists

  function jobIdOfHref(href) {
    const m = /\/public\/jobs\/(\d{1,12})(?:[/?#]|$)/.exec(String(href || ''));
    return m ? m[1] : null;
  }

  /** The listing element of a job: the largest ancestor of its link holding no other job's link. */
  function listingElement(link, jobIdsByEl) {
    let el = link;
    const own = jobIdOfHref(link.getAttribute('href'));
    for (let p = link.parentElement; p && p.tagName !== 'BODY' && p.tagName !== 'HTML'; p = p.parentElement) {
      const ids = jobIdsByEl(p);
      if (ids.size > 1 || (ids.size === 1 && !ids.has(own))) break;
      el = p;
    }
    return el;
  }

  /**
   * A job list: one entry per listing ({id, jobId, el, map, text}), read from the page's JSON
   * (searchResult.job_offers) when present, the listings on screen otherwise.
   * Listings are scored separately, so one listing's words never warn on another.
   */
  function scrapeSearch(doc) {
    const vue = readVueData(doc);
    const offers = vue && vue.searchResult && Array.isArray(vue.searchResult.job_offers) ? vue.searchResult.job_offers : null;
    const fromJson = new Map();
    if (offers) {
      for (const o of offers.slice(0, 500)) {
        const jo = o && o.job_offer;
        if (!jo || !/^\d{1,12}$/.test(String(jo.id))) continue;
        const client = o.client && typeof o.client === 'object' ? o.client : {};
        fromJson.set(String(jo.id), {
          title: str(jo.title) || '',
          digest: str(jo.description_digest, 20000) || '',
          clientName: str(client.username) || null,
          clientId: /^\d{1,12}$/.test(String(client.user_id)) ? String(client.user_id) : null,
        });
      }
    }
    const links = Array.from(doc.querySelectorAll(SELECTORS.jobLink)).filter((a) => !isOurs(a) && jobIdOfHref(a.getAttribute('href')));
    const cache = new Map();
    const jobIdsByEl = (el) => {
      if (!cache.has(el)) {
        const ids = new Set();
        for (const a of el.querySelectorAll(SELECTORS.jobLink)) { const j = jobIdOfHref(a.getAttribute('href')); if (j) ids.add(j); }
        cache.set(el, ids);
      }
      return cache.get(el);
    };
    const listings = [];
    const done = new Set();
    for (const a of links) {
      const jobId = jobIdOfHref(a.getAttribute('href'));
      if (done.has(jobId) || (fromJson.size && !fromJson.has(jobId))) continue;
      done.add(jobId);
      const el = listingElement(a, jobIdsByEl);
      const map = textmap.buildText(el, { skip: ours });
      if (!map.text) continue;
      const json = fromJson.get(jobId) || {};
      listings.push({ id: `job-${jobId}`, jobId, el, body: el, map, text: map.text, title: json.title || '', clientName: json.clientName || null });
    }
    // Listings in the JSON that are not drawn (yet): scored from the JSON, nothing to highlight.
    for (const [jobId, json] of fromJson) {
      if (done.has(jobId)) continue;
      const text = [json.title, json.digest].filter(Boolean).join('\n');
      if (text) listings.push({ id: `job-${jobId}`, jobId, el: null, body: null, map: null, text, title: json.title, clientName: json.clientName });
    }
    return {
      kind: 'search',
      method: listings.length ? (offers ? 'json' : 'selectors') : 'none',
      listings,
      context: { contract_status: 'before_contract', page_url: doc.location ? String(doc.location.href).slice(0, 2000) : null },
    };
  }

  // ---------------------------------------------------------------- employer profiles

  const LABEL_KEYS = [
    ['communication', /コミュニケーション|communication/i],
    ['partnership', /パートナーシップ|partnership/i],
    ['skill', /スキル|skill/i],
    ['quality', /品質|クオリティ|quality/i],
    ['schedule', /スケジュール|納期|schedule/i],
  ];

  /**
   * An employer's public profile page (/public/employers/<id>) read from #vue-container[data]:
   * {name, ratings, review_count, facts: {average_score, identity_verified, rule_check, certified,
   * official, finished_rate, finished_count, contract_count, job_offer_count}} or null when the
   * page holds nothing we know.
   */
  function parseEmployerProfile(doc) {
    const vue = readVueData(doc);
    const profile = { name: null, ratings: {}, review_count: null, facts: {} };
    const facts = profile.facts;
    if (vue) {
      const user = vue.employer_profile_json && typeof vue.employer_profile_json === 'object'
        ? vue.employer_profile_json.employer_user || {} : {};
      const summary = vue.employer_profile_summary_json && typeof vue.employer_profile_summary_json === 'object'
        ? vue.employer_profile_summary_json : {};
      const total = summary.feedback && summary.feedback.total_rating && typeof summary.feedback.total_rating === 'object'
        ? summary.feedback.total_rating : {};
      profile.name = str(user.display_name);
      const items = Array.isArray(total.rating_item_scores) ? total.rating_item_scores : [];
      for (const it of items.slice(0, 20)) {
        if (!it || typeof it.label_text !== 'string') continue;
        const hit = LABEL_KEYS.find(([, re]) => re.test(it.label_text));
        const value = rating(it.score);
        if (hit && value !== null && !(hit[0] in profile.ratings)) profile.ratings[hit[0]] = value;
      }
      const feedback = user.feedback && typeof user.feedback === 'object' ? user.feedback : {};
      profile.review_count = count(total.evaluation_count);
      if (profile.review_count === null) profile.review_count = count(feedback.total_count);
      const avg = rating(total.average_score) ?? rating(feedback.average_score);
      if (avg !== null) facts.average_score = avg;
      for (const [k, v] of [['identity_verified', user.identity_verified], ['rule_check', user.is_employer_rule_check_succeeded],
        ['certified', user.is_certified_employer], ['official', user.is_official_account]]) {
        const b = bool(v);
        if (b !== null) facts[k] = b;
      }
      const finished = user.project_finished_data && typeof user.project_finished_data === 'object' ? user.project_finished_data : {};
      const rate = num(finished.rate);
      if (rate !== null && rate >= 0 && rate <= 100) facts.finished_rate = rate;
      const fc = count(finished.total_finished_count);
      const cc = count(finished.total_acceptance_count);
      if (fc !== null) facts.finished_count = fc;
      if (cc !== null) facts.contract_count = cc;
      const orders = count(user.job_offer_achievement_count);
      if (orders !== null) facts.job_offer_count = orders;
    }
    if (facts.finished_rate === undefined) {
      const el = doc.querySelector(SELECTORS.finishedRate);
      const m = el ? /完了数\s*(\d+)\s*\/\s*契約数\s*(\d+)/.exec(el.textContent || '') : null;
      if (m && Number(m[2]) > 0) {
        facts.finished_count = Number(m[1]);
        facts.contract_count = Number(m[2]);
        facts.finished_rate = Math.round((Number(m[1]) / Number(m[2])) * 100);
      }
    }
    const empty = !profile.name && !Object.keys(profile.ratings).length && profile.review_count === null && !Object.keys(facts).length;
    return empty ? null : profile;
  }

  // ---------------------------------------------------------------- the whole page

  function* emptySteps(result) { return result; } // eslint-disable-line require-yield

  /** Generator: yields while reading; returns the page's result (shape depends on `kind`). */
  function scrapeSteps(doc) {
    const kind = pageKind(doc);
    if (kind === 'job') return emptySteps(scrapeJob(doc));
    if (kind === 'search') return emptySteps(scrapeSearch(doc));
    return scrapeThreadSteps(doc);
  }

  function scrape(doc) {
    const steps = scrapeSteps(doc);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** The element that holds the thread (to watch for new messages), or null. */
  function threadContainer(entries) {
    if (!entries.length || !entries[0].el) return null;
    let parent = entries[0].el.parentElement;
    while (parent && !entries.every((e) => !e.el || parent.contains(e.el))) parent = parent.parentElement;
    return parent;
  }

  return {
    SELECTORS, scrape, scrapeSteps, locate, threadContainer, hash, pageKind, toIsoJst,
    scrapeJob, scrapeSearch, parseEmployerProfile, parseJsonLoose, employerIdOf,
    _internal: { senderOf, settleCounterparts, clientFromPage, contractStatus, timeOf, isNoticeText, readRatingPairs },
  };
});

/*
 * Page controls the on-page UI must respect or open (used by lib/ui.js, lib/replyguard.js and
 * lib/actions.js through lib/overlay.js); kept here with every other CrowdWorks selector.
 *   replyControls(doc) -> {box, send}: the reply box textarea[name="message[body]"] and its
 *                          「メッセージを投稿する」 button (either may be null)
 *   reportRoute(doc, messageEl) -> {control, icon}: the page's own 「問題あるやりとりを…報告」 /
 *                          「違反報告」 control near that message (or on the page), and the partner's
 *                          icon or profile link it hangs from
 */
(function (root) {
  'use strict';
  const api = (typeof module === 'object' && module.exports) ? module.exports : root.cwguard.adapter;
  const REPLY_BOX = 'textarea[name="message[body]"]';
  const SEND_WORDS = /メッセージを投稿|投稿する|送信|send/i;
  const REPORT_WORDS = /問題あるやり(?:とり|取り)|違反報告|通報|報告する/;
  const ICON = '[class*="_avatar_"], [class*="_userIcon_"], [class*="_icon_"], [class*="_profileImage_"], img';
  const PROFILE = 'a[href*="/public/employers/"]';

  function replyControls(doc) {
    const box = doc.querySelector(REPLY_BOX);
    if (!box) return { box: null, send: null };
    const scope = box.closest('form') || box.parentElement || doc;
    const buttons = Array.from(scope.querySelectorAll('button, input[type="submit"], [role="button"]'));
    const named = (b) => `${b.textContent || ''} ${b.getAttribute('value') || ''} ${b.getAttribute('aria-label') || ''}`;
    const send = buttons.find((b) => SEND_WORDS.test(named(b)))
      || buttons.find((b) => (b.getAttribute('type') || '').toLowerCase() === 'submit') || null;
    return { box, send };
  }

  function labelOf(el) {
    return `${el.textContent || ''} ${el.getAttribute('aria-label') || ''} ${el.getAttribute('title') || ''}`;
  }

  function reportRoute(doc, messageEl) {
    const scopes = [];
    if (messageEl) scopes.push(messageEl);
    scopes.push(doc);
    let control = null;
    for (const scope of scopes) {
      control = Array.from(scope.querySelectorAll('button, a, [role="button"], [role="menuitem"]'))
        .find((el) => !el.closest('[data-cwguard-ui]') && REPORT_WORDS.test(labelOf(el))) || null;
      if (control) break;
    }
    let icon = null;
    // The partner's profile link first: it can take focus; a bare avatar image cannot.
    if (messageEl) icon = messageEl.querySelector(PROFILE) || messageEl.querySelector(ICON);
    if (!icon || !messageEl.querySelector(PROFILE)) {
      // The freelancer's own message: the partner is the client named on the page.
      icon = Array.from(doc.querySelectorAll(PROFILE)).find((a) => !a.closest('[data-cwguard-ui]')) || icon;
    }
    return { control, icon };
  }

  api.replyControls = replyControls;
  api.reportRoute = reportRoute;
})(typeof globalThis !== 'undefined' ? globalThis : this);
