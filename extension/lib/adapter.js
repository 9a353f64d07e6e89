/*
 * adapter: everything cwguard knows about CrowdWorks' markup lives here, and only here.
 *
 * Selectors follow docs in shared/reference/crowdworks-dom.md: CSS-module class names are a
 * stable word plus a hashed suffix, so they are matched by substring (`[class*="_messageItem_"]`),
 * never by the full class. When none of them match (the site changed), a heuristic finds the
 * thread as a run of sibling blocks that carry a time and some text, so the tool degrades
 * instead of going silent.
 *
 * Who sent a message (the reader is the freelancer, logged in):
 *   1. system  - the item is marked as a notice (class word system/notice/announcement), or its
 *                sender is CrowdWorks / 事務局, or it has no sender and reads like a platform notice
 *                (契約が締結されました, 仮払いが完了しました, サービス外連絡申請…).
 *   2. client  - the sender name links to a client profile (/public/employers/<id>) or equals the
 *                client named in the page header.
 *   3. worker  - the sender name links to a freelancer profile (/public/employees/<id>), the item
 *                is marked as one's own (class word mine/own/self/myMessage), or the name equals the
 *                logged-in user's name shown in the site header.
 *   4. when exactly two people write and one of them is known, the other is the counterpart.
 *   otherwise unknown.
 *
 * Message ids: the page's own id when it has one (data-message-id, data-id, id), otherwise
 * "m" + a hash of time + text, with "-2", "-3"… for identical repeats, so an id stays the same
 * from one scan to the next while messages are added around it.
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
    messageItem: '[class*="_messageItem_"]',
    messageBody: '[class*="_messageBody_"]',
    senderName: 'a[class*="_senderName_"], [class*="_senderName_"]',
    time: 'time[datetime], time',
    employerLink: 'a[href*="/public/employers/"]',
    employeeLink: 'a[href*="/public/employees/"]',
    // Where the page states the proposal/contract phase and shows the client's reputation.
    contractStatus: '[class*="_contractStatus_"], [class*="_proposalStatus_"], [class*="_statusLabel_"], [data-contract-status]',
    clientBox: '[class*="_clientInfo_"], [class*="_employerInfo_"], [class*="_clientProfile_"], [class*="_employerProfile_"]',
    currentUser: '[class*="_currentUserName_"], [class*="_loginUserName_"], [class*="_userName_"], [data-current-user]',
  };
  const OWN_CLASS = /(?:^|\s)_(?:mine|own|self|myMessage|isMine|isOwn|ownMessage|sentByMe)_/i;
  const SYSTEM_CLASS = /(?:^|\s)_(?:system\w*|notice\w*|announcement\w*|notification\w*)_/i;
  const SYSTEM_NAME = /事務局|^クラウドワークス$|^crowdworks$/i;
  const SYSTEM_WORDING = /契約が(?:締結|成立|終了)|仮払い(?:が完了|済み|されました)|検収(?:が完了|されました)|サービス外連絡申請|クラウドワークス事務局|報酬(?:の)?支払いが完了/;

  const CONTRACTED_WORDS = /契約済|契約中|作業中|納品|検収|仮払い済|支払い済|契約完了/;
  const BEFORE_WORDS = /応募中|選考中|交渉中|契約前|提案中|募集中|見積/;
  const RATING_LABELS = [
    ['communication', /コミュニケーション|communication/i],
    ['partnership', /パートナーシップ|partnership/i],
    ['skill', /スキル|skill/i],
    ['quality', /品質|クオリティ|quality/i],
    ['schedule', /スケジュール|納期|schedule/i],
  ];
  const DATE_TEXT = /(\d{4})[\/年.-](\d{1,2})[\/月.-](\d{1,2})日?(?:[\sT]+(\d{1,2}):(\d{2}))?/;

  // ---------------------------------------------------------------- locating the thread

  function outermost(elements) {
    return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
  }

  /** Items found by the CrowdWorks selectors: [{el, body}] or []. */
  function locateBySelectors(doc) {
    const items = outermost(Array.from(doc.querySelectorAll(SELECTORS.messageItem)));
    return items.map((el) => ({ el, body: el.querySelector(SELECTORS.messageBody) || el }));
  }

  function hasTimeMark(el) {
    if (el.querySelector('time')) return true;
    const text = el.textContent || '';
    return text.length < 20000 && DATE_TEXT.test(text);
  }

  function isOurs(el) {
    return !!(el.closest && el.closest('[data-cwguard-ui]'));
  }

  /**
   * Heuristic: the element with the most direct children that each carry a time mark and some
   * words (at least two), preferring the deepest such element on a tie.
   */
  function locateByHeuristic(doc) {
    const scope = doc.body || doc.documentElement;
    if (!scope) return [];
    const marks = Array.from(scope.querySelectorAll('time'));
    const parents = new Set();
    if (marks.length) {
      for (const t of marks) {
        for (let p = t.parentElement; p && p !== scope.parentElement; p = p.parentElement) parents.add(p);
      }
    } else {
      scope.querySelectorAll('*').forEach((el) => { if (el.children.length >= 2) parents.add(el); });
    }
    let best = null;
    let bestCount = 1;
    let bestDepth = -1;
    for (const parent of parents) {
      if (isOurs(parent)) continue;
      let count = 0;
      for (const child of parent.children) {
        if (/^(SCRIPT|STYLE|TEMPLATE)$/i.test(child.tagName)) continue;
        if (hasTimeMark(child) && wordsOf(child).length >= 2) count += 1;
      }
      const depth = depthOf(parent);
      if (count > bestCount || (count === bestCount && count >= 2 && depth > bestDepth)) {
        best = parent;
        bestCount = count;
        bestDepth = depth;
      }
    }
    if (!best) return [];
    return Array.from(best.children)
      .filter((child) => hasTimeMark(child) && wordsOf(child).length >= 2)
      .map((el) => ({ el, body: el }));
  }

  function wordsOf(el) {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('time, button, script, style').forEach((n) => n.remove());
    return (clone.textContent || '').trim();
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

  function senderElement(item, method) {
    const named = item.el.querySelector(SELECTORS.senderName);
    if (named) return named;
    if (method === 'heuristic') {
      return item.el.querySelector(`${SELECTORS.employerLink}, ${SELECTORS.employeeLink}`);
    }
    return null;
  }

  function timeOf(item) {
    const t = item.el.querySelector(SELECTORS.time);
    const raw = t ? (t.getAttribute('datetime') || t.textContent || '').trim() : '';
    if (raw && !Number.isNaN(Date.parse(raw))) return raw;
    const m = DATE_TEXT.exec(raw || item.el.textContent || '');
    if (!m) return null;
    const pad = (n) => String(n).padStart(2, '0');
    // CrowdWorks shows Japan time; a date written on the page carries no zone.
    return `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4] || 0)}:${pad(m[5] || 0)}:00+09:00`;
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

  /** What one message item yields, before ids and senders are settled across the thread. */
  function readItem(item, method) {
    const senderEl = senderElement(item, method);
    const map = textmap.buildText(item.body, {
      skip: (el) => el === senderEl || (senderEl && el.contains(senderEl) && el !== item.body && !el.querySelector('p')),
    });
    const senderName = senderEl ? (senderEl.textContent || '').trim() : '';
    const href = senderEl ? (senderEl.getAttribute('href') || '') : '';
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
    };
  }

  function classChain(el) {
    const out = [];
    for (let p = el, i = 0; p && i < 3; p = p.parentElement, i++) out.push(String(p.className || ''));
    return out.join(' ');
  }

  // ---------------------------------------------------------------- the page around the thread

  function currentUserName(doc) {
    const el = doc.querySelector(SELECTORS.currentUser);
    if (!el) return '';
    return (el.getAttribute('data-current-user') || el.textContent || '').trim();
  }

  function clientFromPage(doc, messageEls) {
    const insideThread = (el) => messageEls.some((m) => m.contains(el));
    const link = Array.from(doc.querySelectorAll(SELECTORS.employerLink)).find((a) => !insideThread(a))
      || doc.querySelector(SELECTORS.employerLink);
    let box = doc.querySelector(SELECTORS.clientBox);
    if (!box && link) {
      // Climb from the client's name while we stay outside the thread.
      box = link;
      for (let i = 0; i < 4 && box.parentElement && !messageEls.some((m) => box.parentElement.contains(m)); i++) {
        box = box.parentElement;
      }
    }
    if (!link && !box) return null;
    const nameEl = (box && box.querySelector(SELECTORS.employerLink)) || link;
    const text = box ? (box.textContent || '') : '';
    const ratings = {};
    for (const [key, label] of RATING_LABELS) {
      const re = new RegExp(`(?:${label.source})\\s*[:：]?\\s*([0-5](?:\\.\\d+)?)`, label.flags);
      const m = re.exec(text);
      if (m) ratings[key] = Number(m[1]);
    }
    const count = /(?:評価数|レビュー数|レビュー|評価)\s*[:：(（]?\s*(\d{1,6})\s*件?/.exec(text)
      || /(\d{1,6})\s*件の(?:評価|レビュー)/.exec(text);
    const client = {
      name: nameEl ? (nameEl.textContent || '').trim() || null : null,
      ratings: Object.keys(ratings).length ? ratings : null,
      review_count: count ? Number(count[1]) : null,
    };
    if (!client.ratings) delete client.ratings;
    return client;
  }

  function contractStatus(doc) {
    for (const el of doc.querySelectorAll(SELECTORS.contractStatus)) {
      const text = `${el.getAttribute('data-contract-status') || ''} ${el.textContent || ''}`;
      if (/contracted/.test(text) || CONTRACTED_WORDS.test(text)) return 'contracted';
      if (/before_contract/.test(text) || BEFORE_WORDS.test(text)) return 'before_contract';
    }
    return 'unknown';
  }

  // ---------------------------------------------------------------- senders and ids

  function senderOf(read, known) {
    if (SYSTEM_CLASS.test(read.classes) || SYSTEM_NAME.test(read.senderName)) return 'system';
    if (!read.senderName && SYSTEM_WORDING.test(read.text)) return 'system';
    if (/\/public\/employers\//.test(read.senderHref)) return 'client';
    if (/\/public\/employees\//.test(read.senderHref)) return 'worker';
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

  // ---------------------------------------------------------------- the whole page

  /**
   * Generator form of scrape(): yields after each message; its return value is the result.
   * Result: {method, messages: [{id, sender, sent_at, text}], context, entries: [{id, el, body, map}]}
   */
  function* scrapeSteps(doc) {
    const located = locate(doc);
    const reads = [];
    for (const item of located.items) {
      reads.push(readItem(item, located.method));
      yield reads.length;
    }
    const kept = reads.filter((r) => r.text.length > 0);
    const messageEls = kept.map((r) => r.el);
    const client = clientFromPage(doc, messageEls);
    const known = { user: currentUserName(doc), client: client && client.name ? client.name : '' };
    const senders = settleCounterparts(kept, kept.map((r) => senderOf(r, known)));
    const ids = assignIds(kept);
    const messages = kept.map((r, i) => ({ id: ids[i], sender: senders[i], sent_at: r.sent_at, text: r.text }));
    const context = {
      contract_status: contractStatus(doc),
      page_url: doc.location ? String(doc.location.href).slice(0, 2000) : null,
    };
    if (client) context.client = client;
    const entries = kept.map((r, i) => ({ id: ids[i], el: r.el, body: r.body, map: r.map }));
    return { method: kept.length ? located.method : 'none', messages, context, entries };
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
    if (!entries.length) return null;
    let parent = entries[0].el.parentElement;
    while (parent && !entries.every((e) => parent.contains(e.el))) parent = parent.parentElement;
    return parent;
  }

  return {
    SELECTORS, scrape, scrapeSteps, locate, threadContainer, hash,
    _internal: { senderOf, settleCounterparts, clientFromPage, contractStatus, timeOf },
  };
});
