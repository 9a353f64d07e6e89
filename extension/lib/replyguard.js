/*
 * replyguard: a quiet second look at the freelancer's own reply while it is being typed.
 *
 * While the reply box (adapter.replyControls(): textarea[name="message[body]"]) changes, the draft
 * is scored through the background worker ({type: 'cwguard:draft'}; debounced) as one more
 * message of the thread, sender "worker", with the thread's last messages and context. Before a
 * contract, when the draft shares a contact (LINE ID, e-mail, phone), agrees to move elsewhere,
 * accepts a direct deal or sends ID documents, a note appears under the box: CrowdWorks penalises
 * both sides.
 *
 * It never blocks sending (no listener cancels anything, nothing is disabled), and the draft is
 * never stored or logged: it lives in the page's textarea and in the one request to the local
 * service, nowhere else.
 *
 * Test hooks on <html>: data-cwguard-draft = none|low|medium|high (the draft's own level), and
 * data-cwguard-draft-checks = how many drafts were judged (a test waits for it to grow).
 * The note: <div id="cwguard-draft-note" data-cwguard-ui="draft"> with a closed shadow root.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).replyguard = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const DRAFT_ID = 'cwguard-draft';
  const DEBOUNCE_MS = 700;
  const CONTEXT_MESSAGES = 30;
  const MAX_DRAFT = 20000;
  const MIN_DRAFT = 3;
  // What a freelancer must not do before a contract, by the service's categories.
  const GUARDED = ['contact_details', 'off_platform_contact', 'external_site', 'direct_deal', 'personal_info'];
  const RANK = { none: 0, info: 0, low: 1, medium: 2, high: 3 };
  const LEVELS = ['none', 'low', 'medium', 'high'];

  // A contact written out in full in the freelancer's own draft (an e-mail address, a phone
  // number) needs no judgement: it is noted before a contract even when the service stays quiet
  // about the worker's words or cannot be reached.
  const EMAIL = /[A-Za-z0-9._%+-]+\s*(?:@|＠)\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
  const PHONE = /(?:^|[^\d])0\d{1,4}[-ー−‐ \u3000]?\d{1,4}[-ー−‐ \u3000]?\d{3,4}(?!\d)/;

  function writtenContact(draft) {
    const text = String(draft || '').normalize('NFKC');
    return EMAIL.test(text) || PHONE.test(text);
  }

  /**
   * The draft's verdict from the service's answer (pure; unit-tested). `draft` adds the written
   * contact check. Returns {level, categories: [guarded categories found], note: bool}.
   */
  function judge(result, contract, draft) {
    const warnings = ((result && result.warnings) || []).filter((w) => w && w.kind !== 'signal'
      && Array.isArray(w.message_ids) && w.message_ids.includes(DRAFT_ID));
    const beforeContract = contract !== 'contracted';
    const categories = [];
    let rank = 0;
    for (const w of warnings) {
      if (beforeContract && GUARDED.includes(w.category)) {
        if (!categories.includes(w.category)) categories.push(w.category);
        rank = 3; // the platform penalises both sides, whatever severity the text alone earns
      } else {
        rank = Math.max(rank, RANK[w.severity] || 0);
      }
    }
    if (beforeContract && !categories.includes('contact_details') && writtenContact(draft)) {
      categories.push('contact_details');
      rank = 3;
    }
    return { level: LEVELS[rank], categories, note: categories.length > 0 };
  }

  /** The request: the thread's last messages, then the draft as the worker's next message. */
  function request(draft, thread) {
    const messages = (thread && Array.isArray(thread.messages) ? thread.messages : [])
      .filter((m) => m && m.id !== DRAFT_ID && typeof m.text === 'string' && m.text)
      .slice(-CONTEXT_MESSAGES)
      .map((m) => {
        const out = { id: m.id, sender: m.sender || 'unknown', text: m.text.slice(0, MAX_DRAFT) };
        if (m.sent_at) out.sent_at = m.sent_at;
        return out;
      });
    messages.push({ id: DRAFT_ID, sender: 'worker', text: String(draft).slice(0, MAX_DRAFT) });
    return { messages, context: (thread && thread.raw) || { contract_status: (thread && thread.contract) || 'unknown' } };
  }

  const NOTE_CSS = `
    :host { all: initial !important; position: fixed !important; display: block !important; z-index: 2147483645 !important;
            left: var(--cw-x, 0) !important; top: var(--cw-y, 0) !important; width: var(--cw-w, auto) !important;
            visibility: var(--cw-visibility, hidden) !important; pointer-events: none !important; }
    .note { box-sizing: border-box; font: 12px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", sans-serif;
            color: #3c2a00; background: #fff8e1; border: 1px solid #e0b000; border-left: 4px solid #B45309;
            border-radius: 4px; padding: 4px 8px; margin: 0; }
    .mark { display: inline-block; font-weight: 700; color: #fff; background: #B45309; border-radius: 3px; padding: 0 4px; margin-right: 6px; }
    [hidden] { display: none !important; }
  `;

  function start(options) {
    const o = options || {};
    const doc = o.doc || root.document;
    const cw = root.cwguard || {};
    const adapter = o.adapter || cw.adapter;
    const html = doc.documentElement;
    const tr = () => (typeof o.t === 'function' ? o.t() : null) || ((k) => k);
    let timer = null;
    let seq = 0;
    let noteHost = null;
    let noteRoot = null;
    let noteBox = null;
    let watchedBox = null;
    let checks = 0;
    function judged() {
      checks += 1;
      html.setAttribute('data-cwguard-draft-checks', String(checks));
    }

    function controls() {
      if (adapter && typeof adapter.replyControls === 'function') return adapter.replyControls(doc) || {};
      return { box: doc.querySelector('textarea[name="message[body]"]'), send: null };
    }
    function isReplyBox(el) {
      if (!el || el.tagName !== 'TEXTAREA') return false;
      const c = controls();
      return el === c.box;
    }
    function setLevel(level) {
      html.setAttribute('data-cwguard-draft', level);
    }

    function ensureNote() {
      if (noteHost && noteHost.isConnected) return;
      noteHost = doc.createElement('div');
      noteHost.id = 'cwguard-draft-note';
      noteHost.setAttribute('data-cwguard-ui', 'draft');
      noteRoot = noteHost.attachShadow({ mode: 'closed' });
      try {
        const sheet = new (doc.defaultView.CSSStyleSheet)();
        sheet.replaceSync(NOTE_CSS);
        noteRoot.adoptedStyleSheets = [sheet];
      } catch (e) {
        const style = doc.createElement('style');
        style.textContent = NOTE_CSS;
        noteRoot.appendChild(style);
      }
      noteBox = doc.createElement('p');
      noteBox.className = 'note';
      noteBox.setAttribute('role', 'status');
      noteBox.setAttribute('aria-live', 'polite');
      noteRoot.appendChild(noteBox);
      (doc.body || html).appendChild(noteHost);
    }

    /**
     * Under the box; when the send button sits there, under the button's row instead; when that
     * leaves the viewport, just above the box. It never covers the button (and lets clicks through).
     */
    function placeNote() {
      if (!noteHost || !watchedBox || !watchedBox.isConnected) return;
      const r = watchedBox.getBoundingClientRect();
      const view = doc.defaultView;
      const visible = r.width > 0 && r.bottom > 0 && r.top < view.innerHeight;
      const send = controls().send;
      const s = send && send.isConnected ? send.getBoundingClientRect() : null;
      const height = noteBox ? noteBox.getBoundingClientRect().height || 24 : 24;
      let y = r.bottom + 2;
      const hits = (top) => s && s.width && top < s.bottom && s.top < top + height && r.left < s.right && s.left < r.right;
      if (hits(y)) {
        y = Math.max(r.bottom, s.bottom) + 4;
        if (y + height > view.innerHeight) y = r.top - height - 4;
      }
      noteHost.style.setProperty('--cw-x', `${Math.round(r.left)}px`);
      noteHost.style.setProperty('--cw-y', `${Math.round(y)}px`);
      noteHost.style.setProperty('--cw-w', `${Math.round(r.width)}px`);
      noteHost.style.setProperty('--cw-visibility', visible && noteHost.getAttribute('data-shown') === '1' ? 'visible' : 'hidden');
    }

    function showNote(categories) {
      ensureNote();
      const t = tr();
      while (noteBox.firstChild) noteBox.removeChild(noteBox.firstChild);
      const mark = doc.createElement('span');
      mark.className = 'mark';
      mark.textContent = t('draftMark');
      noteBox.appendChild(mark);
      const what = categories.map((c) => t(`draftWhat_${c}`)).filter((s) => s && !/^draftWhat_/.test(s));
      noteBox.appendChild(doc.createTextNode(t('draftNote', what.join(t('listSep')) || t('draftWhat_generic'))));
      noteHost.setAttribute('data-shown', '1');
      noteHost.setAttribute('data-categories', categories.join(' '));
      placeNote();
    }

    function hideNote() {
      if (!noteHost) return;
      noteHost.setAttribute('data-shown', '0');
      noteHost.removeAttribute('data-categories');
      placeNote();
    }

    async function check(box) {
      const mine = ++seq;
      const draft = box.value || '';
      if (draft.trim().length < MIN_DRAFT) {
        setLevel('none');
        hideNote();
        return;
      }
      const thread = typeof o.thread === 'function' ? o.thread() : null;
      const answer = o.ask ? await o.ask({ type: 'cwguard:draft', payload: request(draft, thread) }, 10000) : null;
      if (mine !== seq) return; // typed on meanwhile: a newer check decides
      // No answer (service down): only what needs no judgement, a contact written out in full.
      const result = answer && answer.ok && answer.result ? answer.result : { warnings: [] };
      const verdict = judge(result, thread && thread.contract, draft);
      setLevel(verdict.level);
      if (verdict.note) showNote(verdict.categories);
      else hideNote();
      judged();
    }

    function schedule(box) {
      watchedBox = box;
      clearTimeout(timer);
      timer = setTimeout(() => check(box), DEBOUNCE_MS);
    }

    doc.addEventListener('input', (event) => {
      if (isReplyBox(event.target)) schedule(event.target);
    }, true);
    // A box emptied by the page (message sent) fires no input event: notice it.
    doc.defaultView.setInterval(() => {
      if (watchedBox && noteHost && noteHost.getAttribute('data-shown') === '1' && !(watchedBox.value || '').trim()) {
        seq += 1;
        setLevel('none');
        hideNote();
      }
    }, 1000);
    const view = doc.defaultView;
    view.addEventListener('scroll', placeNote, { passive: true, capture: true });
    view.addEventListener('resize', placeNote, { passive: true });
    const c = controls();
    if (c.box) {
      watchedBox = c.box;
      setLevel('none');
      if ((c.box.value || '').trim().length >= MIN_DRAFT) schedule(c.box);
    }
    return { check: () => watchedBox && check(watchedBox) };
  }

  return { start, judge, request, writtenContact, DRAFT_ID, GUARDED };
});
