// Shared by the unit tests: fixture pages and fragments in jsdom, and the extension's modules.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { JSDOM } = require('jsdom');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'pages');
const LIB = path.join(ROOT, 'extension', 'lib');

function loadFixture(name, url) {
  const source = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new JSDOM(source, { url: url || 'https://crowdworks.jp/proposals/1' });
}

function fromHtml(body, url) {
  return new JSDOM(`<!doctype html><html><body>${body}</body></html>`, { url: url || 'https://crowdworks.jp/proposals/1' });
}

function lib(name) {
  return require(path.join(LIB, `${name}.js`));
}

module.exports = { ROOT, FIXTURES, loadFixture, fromHtml, lib };
