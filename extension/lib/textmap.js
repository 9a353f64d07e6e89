/*
 * textmap: the text of a message element exactly as it is sent to the service, with a map from
 * each UTF-16 offset of that text back to (text node, offset in node).
 *
 * The service answers highlights as UTF-16 offsets into the text it received; JavaScript strings
 * and DOM text-node offsets are UTF-16 too, so inside one text node the mapping is the identity
 * (an emoji or 𠮷 counts as two code units on both sides). Only the characters this module adds
 * itself -- "\n" for <br> and between block elements such as <p> -- have no node; a highlight
 * that starts or ends on one of them is moved to the nearest real text.
 *
 * Pure DOM code: runs in the content script and under node with jsdom.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).textmap = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const BLOCK_TAGS = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
    'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE',
    'SECTION', 'TABLE', 'TR', 'UL',
  ]);
  // Never part of a message's words: the timestamp, controls, media, and our own <mark> fallback
  // is deliberately NOT here (its text is the message's text).
  const SKIPPED_TAGS = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TIME', 'BUTTON', 'SVG', 'IMG', 'TEXTAREA', 'INPUT',
    'SELECT', 'IFRAME', 'CANVAS', 'VIDEO', 'AUDIO',
  ]);
  const ELEMENT = 1;
  const TEXT = 3;

  /** Formatting whitespace between tags ("\n    "), which the page does not show. */
  function isLayoutWhitespace(data) {
    return data.indexOf('\n') !== -1 && data.trim() === '';
  }

  /**
   * Build the text of `rootEl`.
   * options.skip(element) -> true to leave an element (and its subtree) out, e.g. the sender name.
   * Returns {text, segments}; each segment {node, start, nodeStart, length} says that
   * text[start, start+length) is node.data[nodeStart, nodeStart+length).
   */
  function buildText(rootEl, options) {
    const skip = (options && options.skip) || null;
    const parts = [];
    const segments = [];
    let length = 0;
    let lastChar = '';
    let pendingBreak = false;

    function emitSynthetic(s) {
      parts.push(s);
      length += s.length;
      lastChar = s[s.length - 1];
    }
    function flushBreak() {
      if (pendingBreak && length > 0 && lastChar !== '\n') emitSynthetic('\n');
      pendingBreak = false;
    }
    function visit(node) {
      if (node.nodeType === TEXT) {
        const data = node.data;
        if (!data || isLayoutWhitespace(data)) return;
        flushBreak();
        segments.push({ node, start: length, nodeStart: 0, length: data.length });
        parts.push(data);
        length += data.length;
        lastChar = data[data.length - 1];
        return;
      }
      if (node.nodeType !== ELEMENT) return;
      const tag = String(node.tagName).toUpperCase();
      if (SKIPPED_TAGS.has(tag)) return;
      if (node !== rootEl && skip && skip(node)) return;
      if (tag === 'BR') {
        flushBreak();
        emitSynthetic('\n');
        return;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) pendingBreak = true;
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      if (block) pendingBreak = true;
    }
    visit(rootEl);
    return trim(parts.join(''), segments);
  }

  /** Drop leading and trailing whitespace, shifting and clipping the segments to match. */
  function trim(raw, segments) {
    const lead = raw.length - raw.replace(/^\s+/, '').length;
    const text = raw.slice(lead).replace(/\s+$/, '');
    const end = text.length;
    const kept = [];
    for (const seg of segments) {
      let start = seg.start - lead;
      let nodeStart = seg.nodeStart;
      let len = seg.length;
      if (start < 0) {
        nodeStart -= start;
        len += start;
        start = 0;
      }
      if (start + len > end) len = end - start;
      if (len > 0) kept.push({ node: seg.node, start, nodeStart, length: len });
    }
    return { text, segments: kept };
  }

  /** Index of the last segment whose start is <= offset (binary search), or -1. */
  function segmentAtOrBefore(segments, offset) {
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * The pieces of text nodes covering text[start, end): [{node, startOffset, endOffset}].
   * Separators we added ourselves have no node and are simply not covered.
   */
  function pieces(map, start, end) {
    const out = [];
    if (!map || !(start < end) || start < 0 || end > map.text.length) return out;
    const segs = map.segments;
    let i = Math.max(0, segmentAtOrBefore(segs, start));
    for (; i < segs.length; i++) {
      const seg = segs[i];
      const segEnd = seg.start + seg.length;
      if (seg.start >= end) break;
      if (segEnd <= start) continue;
      const a = Math.max(start, seg.start);
      const b = Math.min(end, segEnd);
      out.push({ node: seg.node, startOffset: seg.nodeStart + (a - seg.start), endOffset: seg.nodeStart + (b - seg.start) });
    }
    return out;
  }

  /** A DOM Range over text[start, end) of the message, or null when nothing real is covered. */
  function rangeFor(map, start, end, doc) {
    const covered = pieces(map, start, end);
    if (!covered.length) return null;
    const first = covered[0];
    const last = covered[covered.length - 1];
    const range = (doc || first.node.ownerDocument).createRange();
    range.setStart(first.node, first.startOffset);
    range.setEnd(last.node, last.endOffset);
    return range;
  }

  return { buildText, pieces, rangeFor, BLOCK_TAGS, SKIPPED_TAGS };
});
