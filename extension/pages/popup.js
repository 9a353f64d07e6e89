/*
 * Popup: the tab's level and warnings, a re-scan button, the service's state.
 * popup.html?tabId=<id> shows that tab (tests open the popup in a normal tab, where the popup's
 * own tab would be the active one); without it, the active tab of the window.
 */
(async function () {
  'use strict';
  const { translatorForSettings, applyStrings, renderWarnings } = globalThis.cwguardPages;
  const $ = (id) => document.getElementById(id);
  const t = await translatorForSettings();
  applyStrings(t);

  async function targetTabId() {
    const fromUrl = new URLSearchParams(location.search).get('tabId');
    if (fromUrl !== null && /^\d+$/.test(fromUrl)) return Number(fromUrl);
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab ? tab.id : undefined;
  }
  const tabId = await targetTabId();
  const stateKey = `tab:${tabId}`;

  function render(state) {
    const level = $('level');
    const message = $('message');
    let shown = state.phase;
    let text = '';
    message.textContent = '';
    $('score').textContent = '';
    renderWarnings($('warnings'), [], t);
    if (state.phase === 'done') {
      shown = state.level;
      text = t(`level_${state.level}`);
      if (state.score !== null && state.score !== undefined) $('score').textContent = t('scoreLabel', String(state.score));
      renderWarnings($('warnings'), state.warnings, t);
      if (!state.warnings.length) message.textContent = t('noWarnings');
      else if (typeof state.highlights === 'number') message.textContent = t('highlightsDrawn', String(state.highlights));
    } else if (state.phase === 'scanning') {
      text = t('badgeScanning');
    } else if (state.phase === 'error') {
      text = t('panelError');
      message.textContent = t(`error_${state.error && state.error.code}`);
      if (state.error && state.error.serviceMessage) message.textContent += `\n(${state.error.serviceMessage})`;
    } else if (state.phase === 'empty') {
      text = t('noMessages');
      message.textContent = t('noMessagesDetail');
    } else {
      text = t('notScanned');
      message.textContent = t('notScannedDetail');
    }
    level.setAttribute('data-level', shown);
    level.textContent = text;
  }

  async function refresh() {
    if (tabId === undefined) return render({ phase: 'idle' });
    const stored = await chrome.storage.session.get(stateKey);
    render(stored[stateKey] || { phase: 'idle' });
  }

  async function checkService() {
    const box = $('service');
    const answer = await chrome.runtime.sendMessage({ type: 'cwguard:health' });
    if (answer && answer.ok) {
      box.setAttribute('data-state', 'up');
      $('service-state').textContent = t('serviceUp', answer.result.version || '', answer.serviceUrl);
      $('service-command').hidden = true;
    } else {
      const code = (answer && answer.error && answer.error.code) || 'internal';
      box.setAttribute('data-state', code === 'unreachable' || code === 'timeout' ? 'down' : 'error');
      $('service-state').textContent = `${t(`error_${code}`)} (${(answer && answer.serviceUrl) || ''})`;
      $('service-command').hidden = false;
    }
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && changes[stateKey]) {
      render(changes[stateKey].newValue || { phase: 'idle' });
      if (changes[stateKey].newValue && changes[stateKey].newValue.phase !== 'scanning') checkService();
    }
  });

  $('rescan').addEventListener('click', async () => {
    if (tabId === undefined) return;
    try {
      await chrome.tabs.sendMessage(tabId, { type: 'cwguard:rescan' });
    } catch (e) {
      $('message').textContent = t('notACrowdworksPage');
    }
  });
  $('options-link').addEventListener('click', (event) => {
    event.preventDefault();
    chrome.runtime.openOptionsPage();
  });

  await refresh();
  checkService();
})();
