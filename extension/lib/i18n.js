/*
 * i18n: UI strings from _locales/<lang>/messages.json, in the language chosen in the options
 * (chrome.i18n.getMessage alone would follow the browser's language, not the option).
 * Messages use positional substitutions "$1", "$2".
 */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.cwguard = root.cwguard || {}).i18n = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  const LANGS = ['ja', 'en'];

  function pickLang(lang) {
    return LANGS.includes(lang) ? lang : 'ja';
  }

  /** {key: "text"} from the messages.json structure {key: {message: "text"}}. */
  function flatten(messagesJson) {
    const out = {};
    for (const [key, entry] of Object.entries(messagesJson || {})) {
      if (entry && typeof entry.message === 'string') out[key] = entry.message;
    }
    return out;
  }

  function substitute(text, subs) {
    return text.replace(/\$(\d)/g, (all, n) => (subs[Number(n) - 1] !== undefined ? String(subs[Number(n) - 1]) : ''))
      .replace(/\$\$/g, '$');
  }

  /** t(key, ...subs) over a flat dictionary; falls back to chrome.i18n, then to the key itself. */
  function translator(dict) {
    return function t(key, ...subs) {
      if (dict && typeof dict[key] === 'string') return substitute(dict[key], subs);
      const chromeApi = root.chrome && root.chrome.i18n;
      const viaChrome = chromeApi ? chromeApi.getMessage(key, subs.map(String)) : '';
      return viaChrome || key;
    };
  }

  /** Load a language's dictionary from the extension's own files (extension pages, worker). */
  async function load(lang) {
    const url = root.chrome.runtime.getURL(`_locales/${pickLang(lang)}/messages.json`);
    const response = await fetch(url);
    return flatten(await response.json());
  }

  return { LANGS, pickLang, flatten, substitute, translator, load };
});
