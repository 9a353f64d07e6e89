/*
 * markers: the small level marker at the start of each listing of a job list (issue 12).
 * One <span data-cwguard-ui="marker"> per listing, text only, inline styles; the adapter and the
 * content script's MutationObserver ignore anything under [data-cwguard-ui].
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).markers = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const LOOK = {
    high: { bg: '#C5221F', fg: '#FFFFFF' },
    medium: { bg: '#E8710A', fg: '#FFFFFF' },
    low: { bg: '#F9AB00', fg: '#202124' },
    none: { bg: '#188038', fg: '#FFFFFF' },
  };

  /** Remove every marker from the document. */
  function clear(doc) {
    doc.querySelectorAll('[data-cwguard-ui="marker"]').forEach((el) => el.remove());
  }

  /** Put (or update) the marker of one listing element; `label` is the translated level. */
  function mark(doc, el, level, label) {
    if (!el || !el.isConnected) return null;
    let marker = Array.from(el.children).find((c) => c.getAttribute('data-cwguard-ui') === 'marker');
    if (!marker) {
      marker = doc.createElement('span');
      marker.setAttribute('data-cwguard-ui', 'marker');
      el.insertBefore(marker, el.firstChild);
    }
    const look = LOOK[level] || LOOK.none;
    marker.setAttribute('data-level', level);
    marker.setAttribute('role', 'note');
    marker.textContent = `cwguard: ${label}`;
    Object.assign(marker.style, {
      display: 'inline-block', margin: '0 6px 4px 0', padding: '0 6px', borderRadius: '4px',
      font: '700 11px/18px system-ui, sans-serif', background: look.bg, color: look.fg,
    });
    return marker;
  }

  return { clear, mark };
});
