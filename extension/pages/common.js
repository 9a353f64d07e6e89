/*
 * Shared by popup, options and the selection result page: translation of [data-i18n] elements,
 * the language chosen in the options, and the warning list (built with dom.h: strings are text).
 */
(function (root) {
  'use strict';
  const { dom, i18n } = root.cwguard;
  const { h } = dom;

  async function translatorForSettings() {
    const { lang } = await chrome.storage.local.get({ lang: 'ja' });
    let dict = null;
    try { dict = await i18n.load(lang); } catch (e) { /* chrome.i18n fallback */ }
    document.documentElement.lang = i18n.pickLang(lang);
    return i18n.translator(dict);
  }

  function applyStrings(t) {
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.getAttribute('data-i18n')); });
  }

  /** <li> per warning: severity, title, detail, advice. */
  function renderWarnings(list, warnings, t) {
    dom.clear(list);
    for (const w of warnings || []) {
      const sevText = w.kind === 'signal' ? t('signalLabel') : t(`severity_${w.severity}`);
      list.appendChild(h(document, 'li', { class: 'warning', 'data-warning-id': w.id, 'data-severity': w.severity, 'data-kind': w.kind },
        h(document, 'div', {}, h(document, 'span', { class: 'sev', 'data-severity': w.severity, 'data-kind': w.kind }, sevText),
          h(document, 'span', { class: 'wtitle' }, w.title || w.category)),
        w.detail ? h(document, 'p', { class: 'detail' }, w.detail) : null,
        w.advice ? h(document, 'p', { class: 'advice' }, `${t('adviceLabel')} ${w.advice}`) : null));
    }
  }

  root.cwguardPages = { translatorForSettings, applyStrings, renderWarnings };
})(globalThis);
