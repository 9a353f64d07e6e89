/*
 * dom: the only way cwguard builds UI. Every string from the page or the service goes in through
 * textContent or setAttribute on a fixed list of attributes -- never innerHTML -- so markup in a
 * message ("<img src=x onerror=…>") or in an answer is shown as the characters it is.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).dom = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  // Attributes we set; no event-handler attribute, no href/src from data (links are ours).
  const ALLOWED_ATTRS = /^(?:class|id|role|title|type|tabindex|hidden|disabled|for|name|value|href|target|rel|part|lang|aria-[a-z]+|data-[a-z0-9-]+)$/;

  /**
   * h(doc, tag, attrs, ...children): children are nodes or strings (strings become text nodes).
   * attrs.href is accepted only for our own relative or extension URLs.
   */
  function h(doc, tag, attrs, ...children) {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (!ALLOWED_ATTRS.test(name)) throw new Error(`attribute not allowed: ${name}`);
      if (name === 'href' && /^\s*[a-z][a-z0-9+.-]*:/i.test(String(value)) && !/^(?:chrome|moz)-extension:\/\//.test(String(value))) {
        throw new Error('href not allowed');
      }
      el.setAttribute(name, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      el.appendChild(typeof child === 'object' && child.nodeType ? child : el.ownerDocument.createTextNode(String(child)));
    }
    return el;
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  return { h, append, clear };
});
