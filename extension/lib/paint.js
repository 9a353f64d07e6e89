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
  const SLICE_MS = 8;

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
    let byElement = new Map();
    let flashTimer = null;

    function clear() {
      if (mode === 'css') {
        for (const sev of SEVERITIES) win.CSS.highlights.delete(`cwguard-${sev}`);
        win.CSS.highlights.delete(FLASH);
      } else {
        for (const item of items) for (const mark of item.marks || []) unwrap(mark);
      }
      items = [];
      byElement = new Map();
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
      const sets = {};
      if (mode === 'css') for (const sev of SEVERITIES) sets[sev] = new win.Highlight();
      const planned = [];
      for (const h of highlights) {
        const entry = entryById.get(h.message_id);
        // The answer must describe the text we sent; if the page changed meanwhile, skip.
        if (entry && entry.map.text.slice(h.start, h.end) === h.text) {
          const severity = SEVERITIES.includes(h.severity) ? h.severity : 'info';
          const item = { highlight: h, severity, warning: warningsById.get(h.warning_id) || null, entry, range: null, marks: null };
          if (mode === 'css') {
            item.range = textmap.rangeFor(entry.map, h.start, h.end, doc);
            if (item.range) {
              sets[severity].add(item.range);
              planned.push(item);
            }
          } else {
            item.pieces = textmap.pieces(entry.map, h.start, h.end);
            if (item.pieces.length) planned.push(item);
          }
        }
        yield planned.length;
      }
      if (mode === 'css') {
        SEVERITIES.forEach((sev, i) => {
          sets[sev].priority = SEVERITIES.length - i; // high drawn over medium over low
          win.CSS.highlights.set(`cwguard-${sev}`, sets[sev]);
        });
      } else {
        wrapAll(planned);
      }
      items = planned.filter((item) => item.range);
      byElement = new Map();
      for (const item of items) {
        const el = item.entry.el;
        if (!byElement.has(el)) byElement.set(el, []);
        byElement.get(el).push(item);
      }
      return items.length;
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

    return {
      mode,
      /** In 'mark' mode the DOM must be restored before the page is read again. */
      clearsBeforeScan: mode === 'mark',
      clear,
      paintSteps,
      itemAt,
      flash,
      items: () => items,
    };
  }

  return { createPainter, runSliced, yieldToBrowser, supportsHighlightApi, SEVERITIES };
});
