'use strict';
// Severity without colour and readable colours: the underline style per level in content.css,
// written marks, and WCAG contrast of every severity colour the extension draws.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, lib } = require('./helpers.js');

const ui = lib('ui');
const badge = lib('badge');
const css = fs.readFileSync(path.join(ROOT, 'extension', 'content', 'content.css'), 'utf8');
const locale = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8'));

function luminance(hex) {
  const n = parseInt(hex.slice(1), 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
/** An rgba() tint over white, as #rrggbb. */
function over(rgba, base) {
  const [r, g, b, a] = rgba.match(/[\d.]+/g).map(Number);
  const n = parseInt((base || '#FFFFFF').slice(1), 16);
  const bg = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return `#${[r, g, b].map((v, i) => Math.round(v * a + bg[i] * (1 - a)).toString(16).padStart(2, '0')).join('')}`;
}

function rule(name) {
  const m = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css);
  assert.ok(m, name);
  const decl = m[1];
  const deco = /text-decoration:\s*underline\s+(\w+)\s+(#[0-9A-Fa-f]{6})/.exec(decl);
  const bg = /background-color:\s*(rgba\([^)]*\))/.exec(decl);
  return { style: deco && deco[1], color: deco && deco[2], background: bg && bg[1] };
}

test('each severity has its own underline style, and greyed results keep the same shapes', () => {
  const levels = ['high', 'medium', 'low', 'info'];
  const styles = levels.map((l) => rule(`cwguard-${l}`).style);
  assert.deepEqual(styles, ['double', 'wavy', 'dashed', 'dotted']);
  assert.deepEqual(levels.map((l) => rule(`cwguard-stale-${l}`).style), styles);
});

test('underlines stand out from a white page (3:1) and tints keep the page text readable (7:1 for #333)', () => {
  for (const l of ['high', 'medium', 'low', 'info', 'stale-high']) {
    const r = rule(`cwguard-${l}`);
    assert.ok(contrast(r.color, '#FFFFFF') >= 3, `${l} underline ${r.color}: ${contrast(r.color, '#FFFFFF').toFixed(2)}`);
    const tint = over(r.background);
    assert.ok(contrast('#333333', tint) >= 7, `${l} tint ${tint}: ${contrast('#333333', tint).toFixed(2)}`);
  }
});

test('severity marks (card, panel) have readable text: 4.5:1', () => {
  for (const [name, c] of Object.entries(ui.COLORS)) {
    assert.ok(contrast(c.fg, c.bg) >= 4.5, `${name}: ${c.fg} on ${c.bg} = ${contrast(c.fg, c.bg).toFixed(2)}`);
  }
});

test('toolbar badge colours carry readable text: 4.5:1', () => {
  for (const [name, look] of Object.entries(badge.LOOK)) {
    if (!look.text) continue;
    const fg = look.textColor || '#FFFFFF';
    assert.ok(contrast(fg, look.color) >= 4.5, `${name}: ${fg} on ${look.color} = ${contrast(fg, look.color).toFixed(2)}`);
  }
});

test('the written marks differ per level in both languages', () => {
  for (const lang of ['ja', 'en']) {
    const d = locale(lang);
    const marks = ['high', 'medium', 'low', 'info'].map((s) => d[`severity_${s}`].message);
    assert.equal(new Set(marks).size, 4, `${lang}: ${marks}`);
  }
  assert.deepEqual(['high', 'medium', 'low'].map((s) => locale('ja')[`severity_${s}`].message), ['高', '中', '低']);
});
