/*
 * Options (chrome.storage.local): serviceUrl, token, autoScan, lang.
 * The service URL must be a local http address (127.0.0.1 or localhost): the extension's host
 * permissions cover only those, and the thread must never be sent anywhere else.
 */
(async function () {
  'use strict';
  const { service } = globalThis.cwguard;
  const { translatorForSettings, applyStrings } = globalThis.cwguardPages;
  const DEFAULTS = { serviceUrl: service.DEFAULT_URL, token: '', autoScan: true, lang: 'ja' };
  const $ = (id) => document.getElementById(id);
  let t = await translatorForSettings();
  applyStrings(t);

  const stored = await chrome.storage.local.get(DEFAULTS);
  $('serviceUrl').value = stored.serviceUrl;
  $('token').value = stored.token;
  $('autoScan').checked = stored.autoScan !== false;
  $('lang').value = stored.lang === 'en' ? 'en' : 'ja';

  function say(key, state, ...subs) {
    $('status').textContent = t(key, ...subs);
    $('status').setAttribute('data-state', state);
  }

  $('options').addEventListener('submit', async (event) => {
    event.preventDefault();
    const url = service.normalizeServiceUrl($('serviceUrl').value || service.DEFAULT_URL);
    if (!url) {
      say('optInvalidUrl', 'invalid');
      return;
    }
    await chrome.storage.local.set({
      serviceUrl: url,
      token: $('token').value.trim(),
      autoScan: $('autoScan').checked,
      lang: $('lang').value === 'en' ? 'en' : 'ja',
    });
    $('serviceUrl').value = url;
    t = await translatorForSettings();
    applyStrings(t);
    say('optSaved', 'saved');
  });

  $('test').addEventListener('click', async () => {
    const answer = await chrome.runtime.sendMessage({ type: 'cwguard:health' });
    if (answer && answer.ok) say('serviceUp', 'up', answer.result.version || '', answer.serviceUrl);
    else say(`error_${(answer && answer.error && answer.error.code) || 'internal'}`, 'down');
  });
})();
