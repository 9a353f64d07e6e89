'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./helpers.js');

const EXT = path.join(ROOT, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
const locale = (lang) => JSON.parse(fs.readFileSync(path.join(EXT, '_locales', lang, 'messages.json'), 'utf8'));

test('MV3 with the narrowest permissions: storage, context menu, the two loopback hosts', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions.slice().sort(), ['contextMenus', 'storage']);
  assert.deepEqual(manifest.host_permissions, ['http://127.0.0.1/*', 'http://localhost/*']);
  assert.equal(manifest.content_security_policy, undefined); // the default CSP: no remote code
  assert.deepEqual(manifest.content_scripts.map((c) => c.matches), [['https://crowdworks.jp/*']]);
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.externally_connectable, undefined);
});

test('loads in Chrome and Firefox: service worker, background scripts, gecko settings', () => {
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.equal(manifest.background.scripts[manifest.background.scripts.length - 1], 'background.js');
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
  assert.ok(manifest.browser_specific_settings.gecko.strict_min_version);
  assert.equal(manifest.default_locale, 'ja');
  const sw = fs.readFileSync(path.join(EXT, 'background.js'), 'utf8');
  const imported = /importScripts\(([^)]*)\)/.exec(sw)[1].match(/'[^']+'/g).map((s) => s.slice(1, -1));
  assert.deepEqual(imported, manifest.background.scripts.slice(0, -1)); // same libraries both ways
});

test('every file the manifest and pages refer to exists; no remote scripts', () => {
  const files = [
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon), manifest.action.default_popup,
    manifest.options_ui.page, ...manifest.background.scripts, ...manifest.content_scripts.flatMap((c) => [...c.js, ...(c.css || [])]),
  ];
  for (const f of files) assert.ok(fs.existsSync(path.join(EXT, f)), f);
  for (const page of ['popup.html', 'options.html', 'result.html']) {
    const html = fs.readFileSync(path.join(EXT, 'pages', page), 'utf8');
    for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) {
      assert.doesNotMatch(src, /^(https?:)?\/\//, `${page}: ${src}`);
      assert.ok(fs.existsSync(path.join(EXT, 'pages', src)), `${page}: ${src}`);
    }
    assert.doesNotMatch(html, /<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>[^<]/, `${page} has an inline script`);
  }
  // libraries a content script needs load before the scripts that use them
  const order = manifest.content_scripts[0].js;
  assert.ok(order.indexOf('lib/textmap.js') < order.indexOf('lib/adapter.js'));
  assert.ok(order.indexOf('lib/dom.js') < order.indexOf('lib/ui.js'));
  assert.equal(order[order.length - 1], 'content/content.js');
});

test('ja and en have the same keys, and every key the code asks for exists', () => {
  const ja = locale('ja');
  const en = locale('en');
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  const used = new Set();
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (entry.name !== '_locales') walk(full); continue; }
      const source = fs.readFileSync(full, 'utf8');
      for (const [, key] of source.matchAll(/\bt(?:r)?\('([A-Za-z_]+)'/g)) used.add(key);
      for (const [, key] of source.matchAll(/data-i18n="([A-Za-z_]+)"/g)) used.add(key);
      for (const [, key] of source.matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(key);
    }
  })(EXT);
  assert.ok(used.size > 20);
  for (const key of used) assert.ok(ja[key], `missing ${key}`);
  // every error code the service module can produce, every level and severity
  const service = fs.readFileSync(path.join(EXT, 'lib', 'service.js'), 'utf8');
  const codes = new Set([...service.matchAll(/failure\('([a-z_]+)'/g)].map((m) => m[1]).concat(['auth_refused', 'rejected', 'http_error', 'internal']));
  for (const code of codes) assert.ok(ja[`error_${code}`], `error_${code}`);
  for (const level of ['none', 'low', 'medium', 'high']) assert.ok(ja[`level_${level}`]);
  for (const sev of ['info', 'low', 'medium', 'high']) assert.ok(ja[`severity_${sev}`]);
});

test('icons are PNGs of the declared sizes', () => {
  for (const [size, file] of Object.entries(manifest.icons)) {
    const png = fs.readFileSync(path.join(EXT, file));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.equal(png.readUInt32BE(16), Number(size));
    assert.equal(png.readUInt32BE(20), Number(size));
  }
});
