'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { lib } = require('./helpers.js');

const badge = lib('badge');
const t = (key, ...subs) => (subs.length ? `${key}(${subs.join(',')})` : key);
const answer = (level, warnings) => ({ risk: { level, score: { none: 0, low: 20, medium: 50, high: 90 }[level] }, warnings: warnings || [], highlights: [] });

function play(events) {
  return events.reduce((state, e) => badge.reduce(state, e), badge.initial());
}

test('each risk level has its own text and colour', () => {
  const seen = new Map();
  for (const level of ['high', 'medium', 'low', 'none']) {
    const look = badge.badgeFor(play([{ type: 'scan_started', scanId: 1 }, { type: 'scan_succeeded', scanId: 1, result: answer(level) }]), t);
    seen.set(level, look);
  }
  assert.deepEqual([...seen.values()].map((l) => l.text), ['HIGH', 'MED', 'LOW', 'OK']);
  assert.equal(new Set([...seen.values()].map((l) => l.color)).size, 4);
  assert.equal(seen.get('high').color, '#C5221F');
});

test('scanning is distinct; a result for an older scan is ignored', () => {
  let s = play([{ type: 'scan_started', scanId: 1 }]);
  assert.equal(badge.badgeFor(s, t).text, '…');
  s = badge.reduce(s, { type: 'scan_started', scanId: 2 });
  s = badge.reduce(s, { type: 'scan_succeeded', scanId: 1, result: answer('high') });
  assert.equal(s.phase, 'scanning');
  s = badge.reduce(s, { type: 'scan_succeeded', scanId: 2, result: answer('none') });
  assert.equal(badge.badgeFor(s, t).text, 'OK');
  s = badge.reduce(s, { type: 'scan_failed', scanId: 1, error: { code: 'unreachable' } });
  assert.equal(s.phase, 'done');
});

test('an unreachable or timed-out service shows a grey "?", other failures a grey "!"', () => {
  for (const code of ['unreachable', 'timeout']) {
    const look = badge.badgeFor(play([{ type: 'scan_started', scanId: 1 }, { type: 'scan_failed', scanId: 1, error: { code } }]), t);
    assert.equal(look.text, '?');
    assert.equal(look.color, '#5F6368');
    assert.match(look.title, new RegExp(`error_${code}`));
  }
  for (const code of ['http_error', 'bad_response', 'auth_refused']) {
    assert.equal(badge.badgeFor(play([{ type: 'scan_failed', scanId: 1, error: { code } }]), t).text, '!');
  }
});

test('recovers from an error on the next successful scan', () => {
  const s = play([
    { type: 'scan_started', scanId: 1 }, { type: 'scan_failed', scanId: 1, error: { code: 'unreachable' } },
    { type: 'scan_started', scanId: 2 }, { type: 'scan_succeeded', scanId: 2, result: answer('medium') }]);
  assert.equal(s.error, null);
  assert.equal(badge.badgeFor(s, t).text, 'MED');
});

test('the tooltip lists risk warnings most severe first, not signals', () => {
  const warnings = [
    { id: 'w1', kind: 'risk', severity: 'low', title: 'せかし' },
    { id: 'w2', kind: 'signal', severity: 'info', title: '安心材料' },
    { id: 'w3', kind: 'risk', severity: 'high', title: 'LINEへの誘導' },
  ];
  const look = badge.badgeFor(play([{ type: 'scan_succeeded', scanId: 1, result: answer('high', warnings) }]), t);
  const lines = look.title.split('\n');
  assert.equal(lines[0], 'extName: level_high・countOnly(2)');
  assert.deepEqual(lines.slice(1), ['• [severity_high] LINEへの誘導', '• [severity_low] せかし']);
});

test('no messages, painted counts, reset', () => {
  let s = play([{ type: 'scan_started', scanId: 5 }, { type: 'no_messages', scanId: 5 }]);
  assert.equal(badge.badgeFor(s, t).text, '-');
  s = play([{ type: 'scan_succeeded', scanId: 3, result: answer('low') }]);
  assert.equal(badge.reduce(s, { type: 'painted', scanId: 3, count: 4 }).highlights, 4);
  assert.equal(badge.reduce(s, { type: 'painted', scanId: 2, count: 4 }).highlights, null);
  assert.equal(badge.badgeFor(badge.reduce(s, { type: 'reset' }), t).text, '');
  assert.equal(badge.badgeFor(s, t).textColor, '#202124'); // dark text on yellow
});

test('rgba matches what chrome.action.getBadgeBackgroundColor reports', () => {
  assert.deepEqual(badge.rgba('#C5221F'), [197, 34, 31, 255]);
});

// ------------------------------------------------------------------ issue 10: words and stale results

const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./helpers.js');
const i18n = lib('i18n');
const locale = (lang) => i18n.translator(i18n.flatten(JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8'))));

test('the badge speaks the UI language: 高/中/低/OK in Japanese, HIGH/MED/LOW/OK in English', () => {
  const texts = (tr) => ['high', 'medium', 'low', 'none'].map((level) => badge.badgeFor(
    play([{ type: 'scan_started', scanId: 1 }, { type: 'scan_succeeded', scanId: 1, result: answer(level) }]), tr).text);
  assert.deepEqual(texts(locale('ja')), ['高', '中', '低', 'OK']);
  assert.deepEqual(texts(locale('en')), ['HIGH', 'MED', 'LOW', 'OK']);
});

test('counts agree: notes (info) and signals are not counted as warnings, a clean thread shows no count', () => {
  const ja = locale('ja');
  const warnings = [
    { id: 'w1', kind: 'risk', severity: 'info', category: 'off_platform_contact', title: 'チャットツールの利用' },
    { id: 'w2', kind: 'signal', severity: 'info', category: 'platform_contract', title: '契約はクラウドワークスで' },
  ];
  const look = badge.badgeFor(play([{ type: 'scan_succeeded', scanId: 1, result: answer('none', warnings) }]), ja);
  assert.equal(look.title, 'cwguard: リスクなし');
  assert.equal(badge.countable(warnings).length, 0);
  const risky = badge.badgeFor(play([{ type: 'scan_succeeded', scanId: 1, result: answer('high', [
    { id: 'w1', kind: 'risk', severity: 'high', title: 'A' }, { id: 'w2', kind: 'risk', severity: 'low', title: 'B' }, ...warnings]) }]), ja);
  assert.match(risky.title.split('\n')[0], /高リスク・警告 2 件$/);
  assert.equal(risky.title.split('\n').length, 3); // the two warnings, not the note or the signal
});

test('a failed scan keeps the earlier level in the tooltip, marked with its time', () => {
  const ja = locale('ja');
  const at = new Date(2026, 10, 20, 9, 5).getTime();
  const s = play([
    { type: 'scan_started', scanId: 1 },
    { type: 'scan_succeeded', scanId: 1, at, result: answer('high', [{ id: 'w1', kind: 'risk', severity: 'high', title: 'LINEへの誘導' }]) },
    { type: 'scan_started', scanId: 2 }, { type: 'scan_failed', scanId: 2, error: { code: 'unreachable' } }]);
  assert.equal(s.level, 'high');
  const look = badge.badgeFor(s, ja);
  assert.equal(look.text, '?');
  assert.match(look.title, /前回の結果（09:05）: 高リスク・警告 1 件/);
  assert.match(look.title, /LINEへの誘導/);
});

test('no score in any badge text or tooltip', () => {
  const look = badge.badgeFor(play([{ type: 'scan_succeeded', scanId: 1, result: answer('high', [{ id: 'w', kind: 'risk', severity: 'high', title: 'x' }]) }]), locale('ja'));
  assert.doesNotMatch(`${look.text} ${look.title}`, /スコア|score|90/);
});
