/*
 * Popup: the tab's level and warnings, a re-scan button, the service's state.
 * popup.html?tabId=<id> shows that tab (tests open the popup in a normal tab, where the popup's
 * own tab would be the active one); without it, the active tab of the window.
 */
(async function () {
  'use strict';
  const { translatorForSettings, applyStrings, renderWarnings } = globalThis.cwguardPages;
  const { badge } = globalThis.cwguard;
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

  /** 「警告 5 件（7 か所）」: the same count as the panel on the page and the badge's tooltip. */
  function countLine(state) {
    const n = badge.countable(state.warnings).length;
    if (!n) return '';
    return typeof state.highlights === 'number' && state.highlights > 0
      ? t('countWithPlaces', String(n), String(state.highlights)) : t('countOnly', String(n));
  }

  function render(state) {
    const level = $('level');
    const message = $('message');
    let shown = state.phase;
    let text = '';
    message.textContent = '';
    $('count').textContent = '';
    document.body.removeAttribute('data-stale');
    renderWarnings($('warnings'), [], t);
    if (state.phase === 'done') {
      shown = state.level;
      text = t(`level_${state.level}`);
      $('count').textContent = countLine(state);
      renderWarnings($('warnings'), state.warnings, t);
      if (!state.warnings.length) message.textContent = t('noWarnings');
      else if (!badge.countable(state.warnings).length) message.textContent = t('onlyNotes');
    } else if (state.phase === 'scanning') {
      text = t('badgeScanning');
    } else if (state.phase === 'error') {
      text = t('panelError');
      message.textContent = t(`error_${state.error && state.error.code}`);
      if (state.error && state.error.serviceMessage) message.textContent += `\n(${state.error.serviceMessage})`;
      if (state.level) {
        // The earlier answer stays readable (greyed), as on the page.
        document.body.setAttribute('data-stale', '1');
        message.textContent += `\n${t('badgeStaleTitle', badge.hhmm(state.at), t(`level_${state.level}`))}`;
        $('count').textContent = countLine(state);
        renderWarnings($('warnings'), state.warnings, t);
      }
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
      const down = code === 'unreachable' || code === 'timeout';
      box.setAttribute('data-state', down ? 'down' : 'error');
      const url = (answer && answer.serviceUrl) || '';
      $('service-state').textContent = down ? t('serviceDown', url) : t('serviceTrouble', `${t(`error_${code}`)} (${url})`);
      $('service-command').hidden = !down;
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
