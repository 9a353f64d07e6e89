/*
 * paint: draws highlights over message text, behind one small adapter.
 *
 *  - 'css' mode: the CSS Custom Highlight API (CSS.highlights + ::highlight(cwguard-<severity>)
 *    rules in content/content.css). The page's DOM is not touched, so a framework-rendered
 *    page keeps working.
 *  - 'mark' mode, only where that API is missing: the covered text is wrapped in <mark> elements
 *    (and unwrapped before the next scan).
 *
 * Work is done in time slices (runSliced) so a 1,000-message thread never blocks the main thread
 * for more than a few milliseconds at a time.
 *
 * Highlight names: cwguard-<severity> (high, medium, low, info), cwguard-flash for a jump, and
 * cwguard-stale-<severity> while an earlier answer is shown because the service cannot be reached
 * (setStale): the same passages, greyed. Each severity has its own underline style (content.css),
 * so severity never rests on colour alone.
 *
 * A highlight is widened to whole words when it starts or ends inside one (snapToWords): inside a
 * run of Latin letters or digits, a run of katakana, or a word of Intl.Segmenter's dictionary.
 * setFilter(fn) hides the highlights the freelancer dismissed; refilter() applies it again
 * without re-reading the page.
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).paint = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const textmap = (typeof module === 'object' && module.exports) ? require('./textmap.js') : root.cwguard.textmap;
  const SEVERITIES = ['high', 'medium', 'low', 'info'];
  const FLASH = 'cwguard-flash';
  const STALE_PREFIX = 'cwguard-stale-';
  const SLICE_MS = 4; // short slices: a busy machine can stretch one several times over
  const MAX_WIDEN = 24; // code units a highlight may grow by at each end

  const LATIN = /[A-Za-z0-9_\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;
  const KATAKANA = /[\u30A1-\u30FA\u30FC\uFF66-\uFF9F]/;
  let segmenter = null;
  function wordSegmenter() {
    if (segmenter === null) {
      try { segmenter = new Intl.Segmenter('ja', { granularity: 'word' }); } catch (e) { segmenter = false; }
    }
    return segmenter || null;
  }

  function classOf(ch) {
    if (!ch) return '';
    if (LATIN.test(ch)) return 'latin';
    if (KATAKANA.test(ch)) return 'kana';
    return '';
  }

  const HIRAGANA = /[\u3041-\u309F]/;
  const STEM = /[\u4E00-\u9FFF\u3400-\u4DBF\u30A1-\u30FA\u30FC]/; // kanji or katakana

  /**
   * [start, end) moved to word boundaries in `text` (UTF-16 offsets): widened when an end falls
   * inside a word, by at most MAX_WIDEN at either end, never across white space or punctuation.
   * One case shrinks: an end cut inside a verb's kana ending (「直接契約させ|ていただけ」) goes back
   * to the kanji stem (「直接契約」), since the ending has no word boundary of its own.
   */
  function snapToWords(text, start, end) {
    let s = start;
    let e = end;
    if (!(s < e) || s < 0 || e > text.length) return [start, end];
    // Runs of one script: Latin letters/digits ("LIN|E", "abc_1|23"), katakana ("チャットワー|ク").
    const sc = classOf(text[s]);
    if (sc) while (s > 0 && start - s < MAX_WIDEN && classOf(text[s - 1]) === sc) s -= 1;
    const ec = classOf(text[e - 1]);
    if (ec) while (e < text.length && e - end < MAX_WIDEN && classOf(text[e]) === ec) e += 1;
    // Dictionary words (kanji compounds such as 確認|書類): Intl.Segmenter around each end.
    const seg = wordSegmenter();
    if (seg) {
      const from = Math.max(0, s - MAX_WIDEN);
      const to = Math.min(text.length, e + MAX_WIDEN);
      const windowText = text.slice(from, to);
      for (const part of seg.segment(windowText)) {
        if (!part.isWordLike) continue;
        const a = from + part.index;
        const b = a + part.segment.length;
        if (/[\s、。，．・「」（）()!?！？]/.test(part.segment)) continue;
        if (a < s && s < b && s - a <= MAX_WIDEN) s = a;
        if (a < e && e < b && b - e <= MAX_WIDEN) e = b;
      }
    }
    // A cut inside a kana ending of 2-4 kana: back to the stem (never to nothing).
    if (e < text.length && HIRAGANA.test(text[e]) && HIRAGANA.test(text[e - 1])) {
      let k = e;
      while (k > s && HIRAGANA.test(text[k - 1]) && e - k < 4) k -= 1;
      if (k > s && e - k >= 2 && STEM.test(text[k - 1])) e = k;
    }
    return [s, e];
  }

  /** Give the event loop a turn (input, rendering) between slices. */
  function yieldToBrowser(win) {
    const w = win || root;
    if (w.scheduler && typeof w.scheduler.yield === 'function') return w.scheduler.yield();
    return new Promise((resolve) => {
      if (typeof w.MessageChannel === 'function') {
        const channel = new w.MessageChannel();
        channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
        channel.port2.postMessage(null);
      } else setTimeout(resolve, 0);
    });
  }

  /**
   * Drive a generator in slices of at most `budgetMs` of work; returns its return value.
   * shouldStop() -> true abandons the work (a newer scan started) and resolves to undefined.
   */
  async function runSliced(generator, options) {
    const opts = options || {};
    const budget = opts.budgetMs || SLICE_MS;
    const now = () => (root.performance ? root.performance.now() : Date.now());
    let sliceStart = now();
    for (;;) {
      const step = generator.next();
      if (step.done) return step.value;
      if (now() - sliceStart >= budget) {
        await yieldToBrowser(opts.win);
        if (opts.shouldStop && opts.shouldStop()) return undefined;
        sliceStart = now();
      }
    }
  }

  function supportsHighlightApi(win) {
    return !!(win && win.CSS && win.CSS.highlights && typeof win.Highlight === 'function');
  }

  function createPainter(doc, win, options) {
    const mode = (options && options.mode) || (supportsHighlightApi(win) ? 'css' : 'mark');
    let items = [];
    let allItems = [];
    let byElement = new Map();
    let flashTimer = null;
    let stale = false;
    let filter = null; // item -> true to hide it

    function nameOf(sev) {
      return `${stale ? STALE_PREFIX : 'cwguard-'}${sev}`;
    }

    // CSS mode: one Highlight per severity, kept across scans and changed range by range, so an
    // unchanged answer touches nothing and a new message only its own passages (replacing every
    // range would make the browser re-walk the whole page before painting: long tasks).
    let sets = null; // severity -> Highlight (registered under nameOf(severity))
    let registered = new Map(); // key -> {range, severity}

    function clearRegistry() {
      for (const sev of SEVERITIES) {
        win.CSS.highlights.delete(`cwguard-${sev}`);
        win.CSS.highlights.delete(`${STALE_PREFIX}${sev}`);
      }
      sets = null;
      registered = new Map();
    }

    function registerSets() {
      clearRegistryNames();
      for (const sev of SEVERITIES) win.CSS.highlights.set(nameOf(sev), sets[sev]);
    }

    function clearRegistryNames() {
      for (const sev of SEVERITIES) {
        win.CSS.highlights.delete(`cwguard-${sev}`);
        win.CSS.highlights.delete(`${STALE_PREFIX}${sev}`);
      }
    }

    function sameSpan(a, b) {
      return a.startContainer === b.startContainer && a.startOffset === b.startOffset
        && a.endContainer === b.endContainer && a.endOffset === b.endOffset && !a.collapsed;
    }

    function publishCss(shown) {
      if (!sets) {
        sets = {};
        SEVERITIES.forEach((sev, i) => {
          sets[sev] = new win.Highlight();
          sets[sev].priority = SEVERITIES.length - i; // high drawn over medium over low
        });
        registerSets();
      }
      const want = new Map();
      for (const item of shown) want.set(`${item.entry.id}|${item.start}|${item.end}|${item.severity}`, item);
      for (const [key, rec] of registered) {
        const item = want.get(key);
        if (item && sameSpan(rec.range, item.range)) {
          item.range = rec.range; // the registered one: flash and hover use the same object
        } else {
          sets[rec.severity].delete(rec.range);
          registered.delete(key);
        }
      }
      for (const [key, item] of want) {
        if (registered.has(key)) continue;
        sets[item.severity].add(item.range);
        registered.set(key, { range: item.range, severity: item.severity });
      }
      // Two highlights over the same span share its range.
      for (const item of shown) {
        const rec = registered.get(`${item.entry.id}|${item.start}|${item.end}|${item.severity}`);
        if (rec) item.range = rec.range;
      }
    }

    function clear() {
      if (mode === 'css') {
        clearRegistry();
        win.CSS.highlights.delete(FLASH);
      } else {
        for (const item of allItems) for (const mark of item.marks || []) unwrap(mark);
      }
      items = [];
      allItems = [];
      byElement = new Map();
      stale = false;
    }

    /** Register the visible items' ranges (CSS mode) or mark the hidden ones (mark mode). */
    function publish(planned) {
      allItems = planned.filter((item) => item.range);
      items = allItems.filter((item) => !(filter && filter(item)));
      if (mode === 'css') {
        publishCss(items);
      } else {
        const shown = new Set(items);
        for (const item of allItems) {
          for (const m of item.marks || []) {
            m.classList.toggle('cwguard-hidden', !shown.has(item));
            m.classList.toggle('cwguard-stale', stale);
          }
        }
      }
      byElement = new Map();
      for (const item of items) {
        const el = item.entry.el;
        if (!byElement.has(el)) byElement.set(el, []);
        byElement.get(el).push(item);
      }
      return items.length;
    }

    /** Show the painted passages greyed (an earlier answer) or in their colours again. */
    function setStale(flag) {
      if (stale === !!flag) return;
      stale = !!flag;
      if (mode === 'css' && sets) registerSets(); // the same ranges under the other names
      else publish(allItems);
    }

    function setFilter(fn) {
      filter = typeof fn === 'function' ? fn : null;
    }

    /** Apply the filter again (after a dismissal or its undo); returns the number shown. */
    function refilter() {
      return publish(allItems);
    }

    function unwrap(mark) {
      const parent = mark.parentNode;
      if (!parent) return;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }

    /** Generator: paints `highlights` over `entries` ({id, el, map}), yielding per highlight. */
    function* paintSteps(entries, highlights, warningsById) {
      // CSS mode swaps whole Highlight sets at the end, so the old ones stay up meanwhile.
      if (mode === 'mark') clear();
      const entryById = new Map(entries.map((e) => [e.id, e]));
      const planned = [];
      for (const h of highlights) {
        const entry = entryById.get(h.message_id);
        // The answer must describe the text we sent; if the page changed meanwhile, skip.
        if (entry && entry.map.text.slice(h.start, h.end) === h.text) {
          const severity = SEVERITIES.includes(h.severity) ? h.severity : 'info';
          const [start, end] = snapToWords(entry.map.text, h.start, h.end);
          const item = {
            highlight: h, severity, warning: warningsById.get(h.warning_id) || null, entry, range: null, marks: null,
            start, end, text: entry.map.text.slice(start, end),
          };
          if (mode === 'css') {
            item.range = textmap.rangeFor(entry.map, start, end, doc);
            if (item.range) planned.push(item);
          } else {
            item.pieces = textmap.pieces(entry.map, start, end);
            if (item.pieces.length) planned.push(item);
          }
        }
        yield planned.length;
      }
      if (mode === 'mark') wrapAll(planned);
      if (stale) {
        stale = false;
        if (mode === 'css' && sets) registerSets();
      }
      return publish(planned);
    }

    /** <mark> fallback: split text nodes from their end so earlier offsets stay valid. */
    function wrapAll(planned) {
      const byNode = new Map();
      for (const item of planned) {
        item.marks = [];
        for (const piece of item.pieces) {
          if (!byNode.has(piece.node)) byNode.set(piece.node, []);
          byNode.get(piece.node).push({ piece, item });
        }
      }
      for (const [node, list] of byNode) {
        list.sort((a, b) => b.piece.startOffset - a.piece.startOffset);
        let limit = Infinity; // overlapping passages: the later one in the text wins the overlap
        for (const { piece, item } of list) {
          const end = Math.min(piece.endOffset, limit);
          if (end <= piece.startOffset) continue;
          if (end < node.length) node.splitText(end);
          const middle = piece.startOffset > 0 ? node.splitText(piece.startOffset) : node;
          const mark = doc.createElement('mark');
          mark.className = `cwguard-mark cwguard-sev-${item.severity}`;
          mark.setAttribute('data-cwguard-ui', 'mark');
          middle.parentNode.insertBefore(mark, middle);
          mark.appendChild(middle);
          item.marks.push(mark);
          limit = piece.startOffset;
        }
      }
      for (const item of planned) {
        if (!item.marks.length) continue;
        const ordered = item.marks.slice().sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
        const range = doc.createRange();
        range.setStartBefore(ordered[0]);
        range.setEndAfter(ordered[ordered.length - 1]);
        item.range = range;
      }
    }

    /** The painted item under the viewport point (x, y), looking only in the hovered message. */
    function itemAt(x, y, target) {
      for (let el = target; el; el = el.parentElement) {
        const list = byElement.get(el);
        if (!list) continue;
        for (const item of list) {
          for (const rect of item.range.getClientRects()) {
            if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return item;
          }
        }
        return null;
      }
      return null;
    }

    function flash(item) {
      if (flashTimer) clearTimeout(flashTimer);
      if (mode === 'css') {
        win.CSS.highlights.set(FLASH, new win.Highlight(item.range));
        flashTimer = setTimeout(() => win.CSS.highlights.delete(FLASH), 1600);
      } else {
        for (const m of item.marks) m.classList.add(FLASH);
        flashTimer = setTimeout(() => item.marks.forEach((m) => m.classList.remove(FLASH)), 1600);
      }
    }

    /** Visible items in reading order (message order, then position in the message). */
    function ordered() {
      const order = new Map();
      allItems.forEach((item, i) => order.set(item, i));
      const entryIndex = new Map();
      let n = 0;
      for (const item of items) if (!entryIndex.has(item.entry)) entryIndex.set(item.entry, n++);
      return items.slice().sort((a, b) => {
        if (a.entry !== b.entry) {
          const pos = a.entry.el.compareDocumentPosition(b.entry.el);
          if (pos & 4) return -1;
          if (pos & 2) return 1;
          return entryIndex.get(a.entry) - entryIndex.get(b.entry);
        }
        return (a.start - b.start) || (order.get(a) - order.get(b));
      });
    }

    return {
      mode,
      /** In 'mark' mode the DOM must be restored before the page is read again. */
      clearsBeforeScan: mode === 'mark',
      clear,
      paintSteps,
      itemAt,
      flash,
      setStale,
      setFilter,
      refilter,
      ordered,
      isStale: () => stale,
      items: () => items,
      allItems: () => allItems,
    };
  }

  return { createPainter, runSliced, yieldToBrowser, supportsHighlightApi, snapToWords, SEVERITIES, STALE_PREFIX };
});
