/*
 * Result of "check the selected text" (context menu). The worker stores the selection and,
 * once the service answers, the answer under chrome.storage.session[key]; ?key= names it.
 */
(async function () {
  'use strict';
  const { translatorForSettings, applyStrings, renderWarnings } = globalThis.cwguardPages;
  const $ = (id) => document.getElementById(id);
  const t = await translatorForSettings();
  applyStrings(t);
  const key = new URLSearchParams(location.search).get('key') || '';

  function render(entry) {
    if (!entry) return;
    $('selected-text').textContent = entry.text || '';
    const level = $('level');
    if (entry.pending) {
      level.setAttribute('data-level', 'scanning');
      level.textContent = t('badgeScanning');
      return;
    }
    const answer = entry.answer || {};
    if (answer.ok) {
      level.setAttribute('data-level', answer.result.risk.level);
      level.textContent = t(`level_${answer.result.risk.level}`);
      $('message').textContent = answer.result.warnings.length ? '' : t('noWarnings');
      renderWarnings($('warnings'), answer.result.warnings, t);
      $('service-command').hidden = true;
    } else {
      const code = (answer.error && answer.error.code) || 'internal';
      level.setAttribute('data-level', 'error');
      level.textContent = t('panelError');
      $('message').textContent = t(`error_${code}`);
      $('service-command').hidden = !(code === 'unreachable' || code === 'timeout');
    }
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && changes[key]) render(changes[key].newValue);
  });
  if (key.startsWith('selection:')) render((await chrome.storage.session.get(key))[key]);
})();
