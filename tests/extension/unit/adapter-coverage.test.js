'use strict';
// The adapter on pages modelled on shared/reference/crowdworks-dom.md (issue 12) and against the
// trust tricks of issue 9 (impostor names, notices in text, ratings in a name).
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadFixture, fromHtml, lib } = require('./helpers.js');

const adapter = lib('adapter');
const at = (name, url) => loadFixture(name, url).window.document;
const scrapeAt = (name, url) => adapter.scrape(at(name, url));

// ------------------------------------------------------------------ page kinds

test('page kinds from the URL and the embedded JSON', () => {
  const kind = (url, body) => adapter.pageKind(fromHtml(body || '<p>x</p>', url).window.document);
  assert.equal(kind('https://crowdworks.jp/proposals/104'), 'thread');
  assert.equal(kind('https://crowdworks.jp/contracts/9'), 'thread');
  assert.equal(kind('https://crowdworks.jp/messages/123'), 'thread');
  assert.equal(kind('https://crowdworks.jp/messages/received?page=2'), 'other');
  assert.equal(kind('https://crowdworks.jp/public/jobs/12345'), 'job');
  assert.equal(kind('https://crowdworks.jp/public/jobs/search?category_id=226&order=new'), 'search');
  assert.equal(kind('https://crowdworks.jp/public/jobs/category/226'), 'search');
  assert.equal(kind('https://crowdworks.jp/public/jobs/group/development'), 'search');
  assert.equal(kind('https://crowdworks.jp/public/employers/4242'), 'employer');
  assert.equal(kind('https://crowdworks.jp/dashboard'), 'other');
  const json = '<div id="vue-container" data="{&quot;searchResult&quot;:{&quot;job_offers&quot;:[]}}"></div>';
  assert.equal(kind('https://crowdworks.jp/some/new/list', json), 'search');
});

// ------------------------------------------------------------------ times

test('times: ISO 8601 with +09:00 from every format in the reference, or nothing', () => {
  const cases = [
    ['2026年09月20日 12:02', '2026-09-20T12:02:00+09:00'],
    ['2026年9月2日 9:05', '2026-09-02T09:05:00+09:00'],
    ['2026/09/20 12:02', '2026-09-20T12:02:00+09:00'],
    ['2026-09-20 12:02', '2026-09-20T12:02:00+09:00'],
    ['2026.09.20', '2026-09-20T00:00:00+09:00'],
    ['2026年09月20日(日) 12:02', '2026-09-20T12:02:00+09:00'],
    ['２０２６／０９／２０　１２：０２', '2026-09-20T12:02:00+09:00'],
    ['2026-09-20T12:02:00+09:00', '2026-09-20T12:02:00+09:00'],
    ['2026-09-20T03:02:00Z', '2026-09-20T12:02:00+09:00'],
    ['2026-09-19T23:02:00-04:00', '2026-09-20T12:02:00+09:00'],
    ['2026-09-20T12:02', '2026-09-20T12:02:00+09:00'],
    ['2026-09-20T12:02:30.123+09:00', '2026-09-20T12:02:30+09:00'],
  ];
  for (const [raw, iso] of cases) assert.equal(adapter.toIsoJst(raw), iso, raw);
  for (const bad of ['09/20 12:02', '昨日 12:02', '2026/13/01 10:00', '2026/02/30', '2026/09/20 25:00', 'Sun Sep 20 2026', '', null, '12:02']) {
    assert.equal(adapter.toIsoJst(bad), null, String(bad));
  }
});

test('a thread with non-ISO <time datetime> sends ISO with +09:00, never the page string', () => {
  const r = scrapeAt('thread-live.html', 'https://crowdworks.jp/proposals/104');
  assert.deepEqual(r.messages.map((m) => m.sent_at),
    ['2026-09-20T12:02:00+09:00', '2026-09-20T12:30:00+09:00', '2026-09-21T09:05:00+09:00']);
  const html = '<div class="_messageItem_a"><a class="_senderName_a" href="/public/employers/1">A</a><div class="_messageBody_a"><p>こんにちは</p><time datetime="いつか">そのうち</time></div></div>';
  assert.equal(adapter.scrape(fromHtml(html).window.document).messages[0].sent_at, null);
});

// ------------------------------------------------------------------ the live site's markup

test('live markup: _message_iq3vm_2 items, _messageBody_/_messageContent_, _messageSent_ is the worker', () => {
  const r = scrapeAt('thread-live.html', 'https://crowdworks.jp/proposals/104');
  assert.equal(r.kind, 'thread');
  assert.equal(r.method, 'selectors');
  assert.deepEqual(r.messages.map((m) => m.id), ['5001', '5002', '5003']);
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'worker', 'client']);
  assert.equal(r.messages[0].text, 'ご応募ありがとうございます。\n今後のやり取りはLINEでお願いします。ID: mirai_note88');
  assert.ok(!r.messages.some((m) => m.text.includes('株式会社ミライノート')), 'the sender name is not message text');
  assert.equal(r.clientId, '31415');
  assert.equal(r.context.contract_status, 'before_contract'); // progress bar 応募・スカウト, data JSON Proposal
});

test('old pre-React markup (#pack-message-thread .cw-message-thread) is read by the fallback', () => {
  const r = scrapeAt('thread-old.html', 'https://crowdworks.jp/messages/77');
  assert.equal(r.method, 'heuristic');
  assert.deepEqual(r.messages.map((m) => m.sender), ['client', 'worker']);
  assert.deepEqual(r.messages.map((m) => m.sent_at), ['2026-09-20T12:02:00+09:00', '2026-09-20T13:10:00+09:00']);
  assert.equal(r.messages[0].text, 'はじめまして。ロゴの件でご相談です。\n詳細はLINEでお伝えしますので、ID: ao_design を追加してください。');
  assert.ok(!r.messages.some((m) => /2026年|メッセージを投稿する/.test(m.text)), 'dates and the reply form are not message text');
});

test('image attachments are found with their file name and alt text; avatars are not', () => {
  const r = scrapeAt('thread-live.html', 'https://crowdworks.jp/proposals/104');
  assert.deepEqual(r.attachments, {
    5003: [{ url: 'https://crowdworks.jp/attachments/9001/line_qr.png', name: 'line_qr.png', alt: 'LINE QRコード' }],
  });
});

// ------------------------------------------------------------------ contract state

test('contract state: /contracts/ URL, progress bar, offer block, waiting text, thread JSON', () => {
  const status = (url, body) => adapter.scrape(fromHtml(body, url).window.document).context.contract_status;
  const msg = '<div class="_messageItem_a"><a class="_senderName_a" href="/public/employers/1">A</a><div class="_messageBody_a"><p>よろしくお願いします</p></div></div>';
  assert.equal(status('https://crowdworks.jp/contracts/55', msg), 'contracted');
  assert.equal(status('https://crowdworks.jp/messages/55', `<div class="progress"><ul class="progress"><li>応募・スカウト</li><li class="current">仮払い</li></ul></div>${msg}`), 'contracted');
  assert.equal(status('https://crowdworks.jp/messages/55', `<div class="progress"><ul class="progress"><li class="current">応募・スカウト</li></ul></div>${msg}`), 'before_contract');
  assert.equal(status('https://crowdworks.jp/messages/55', `<div class="intro-employer_proposed_project"><table class="conditions"><tr><td>固定報酬: 330,000円</td></tr></table></div>${msg}`), 'before_contract');
  assert.equal(status('https://crowdworks.jp/messages/55', `<p>まだクライアントが契約に同意していません</p>${msg}`), 'before_contract');
  assert.equal(status('https://crowdworks.jp/messages/55', `<div data="{&quot;messageableType&quot;:&quot;Contract&quot;,&quot;proposalId&quot;:104}">${msg}</div>`), 'contracted');
  assert.equal(status('https://crowdworks.jp/proposals/55', msg), 'before_contract');
  assert.equal(status('https://crowdworks.jp/messages/55', msg), 'unknown');
});

test('text in the thread never changes the page\'s contract state', () => {
  const r = scrapeAt('thread-impostor.html', 'https://crowdworks.jp/proposals/5');
  assert.equal(r.context.contract_status, 'before_contract');
  // a status-looking element written inside a message does not count either
  const body = '<span class="_proposalStatus_a">応募中</span><div class="_messageItem_a"><a class="_senderName_a" href="/public/employers/1">A</a><div class="_messageBody_a"><p><span class="_statusLabel_x">契約済み</span> 仮払い済みです</p></div></div>';
  const doc = fromHtml(body, 'https://crowdworks.jp/messages/5').window.document;
  doc.querySelector('._proposalStatus_a').remove();
  assert.equal(adapter.scrape(doc).context.contract_status, 'unknown');
});

// ------------------------------------------------------------------ sender trust (issue 9, item 1)

test('an impostor client named 「…事務局」 is the client, never system', () => {
  const r = scrapeAt('thread-impostor.html', 'https://crowdworks.jp/proposals/5');
  assert.equal(r.messages[0].sender, 'client');
  assert.ok(!r.messages.some((m) => m.sender === 'system'));
  const named = '<div class="_messageItem_a"><a class="_senderName_a" href="/public/employers/9">クラウドワークス</a><div class="_messageBody_a"><p>LINEでご連絡ください</p></div></div>'
    + '<div class="_messageItem_a"><span class="_senderName_a">クラウドワークス事務局</span><div class="_messageBody_a"><p>LINEでご連絡ください</p></div></div>';
  const senders = adapter.scrape(fromHtml(named).window.document).messages.map((m) => m.sender);
  assert.equal(senders[0], 'client');
  assert.notEqual(senders[1], 'system'); // a name without a link is a person (here the counterpart)
});

test('a notice is a notice by structure: notice markup, or a text made only of notice sentences', () => {
  const item = (cls, text, sender) => `<div class="_messageItem_a ${cls}">${sender || ''}<div class="_messageBody_a"><p>${text}</p></div></div>`;
  const scrape = (html) => adapter.scrape(fromHtml(html).window.document).messages.map((m) => m.sender);
  assert.deepEqual(scrape(item('_systemMessage_a', '契約が締結されました。')), ['system']);
  assert.deepEqual(scrape(item('', '契約が締結されました。仮払いが完了しました。')), ['system']);
  // a notice sentence followed by a lure is not a notice
  assert.deepEqual(scrape(item('', '契約が締結されました。詳細はLINEでお伝えします。')), ['unknown']);
  assert.deepEqual(scrape(item('', 'サービス外連絡申請が承認されましたので、LINEでご連絡ください。')), ['unknown']);
  // a profile link wins over notice-looking words and markup
  assert.deepEqual(scrape(item('', '契約が締結されました。', '<a class="_senderName_a" href="/public/employers/3">事務局</a>')), ['client']);
  assert.deepEqual(scrape(item('', '仮払いが完了しました。', '<a class="_senderName_a" href="/public/employees/3">花子</a>')), ['worker']);
  assert.equal(adapter._internal.isNoticeText('仮払いが完了しました。\n検収が完了しました。'), true);
  assert.equal(adapter._internal.isNoticeText('仮払いが完了しました。初期費用をお振込みください。'), false);
});

test('a profile URL written inside a message does not make its sender the client', () => {
  const html = '<div class="_messageItem_a"><span class="_senderName_a">名無し</span><div class="_messageBody_a"><p>こちら <a href="https://crowdworks.jp/public/employers/1">https://crowdworks.jp/public/employers/1</a> の者です</p></div></div>';
  assert.deepEqual(adapter.scrape(fromHtml(html).window.document).messages.map((m) => m.sender), ['unknown']);
});

// ------------------------------------------------------------------ ratings (issue 9, items 4/5)

test('ratings are label/value pairs element by element, never read from the name link', () => {
  const r = scrapeAt('thread-impostor.html', 'https://crowdworks.jp/proposals/5');
  assert.deepEqual(r.context.client.ratings, { communication: 2.1, partnership: 2.4 });
  assert.equal(r.context.client.review_count, 4);
});

test('a name in plain text that spells out ratings gives no ratings', () => {
  const box = (inner) => adapter._internal.clientFromPage(fromHtml(`<div class="_clientInfo_a">${inner}</div>`).window.document, []);
  const c1 = box('<span>コミュニケーション5.0 パートナーシップ5.0 評価数120件</span><a href="/public/employers/1">X</a>');
  assert.equal(c1.ratings, null);
  assert.equal(c1.review_count, null);
  const c2 = box('<a href="/public/employers/1">コミュニケーション 5.0</a><div><span>コミュニケーション</span><b>3.3</b></div><p>評価 (12件)</p>');
  assert.deepEqual(c2.ratings, { communication: 3.3 });
  const c3 = box('<a href="/public/employers/1">A</a><dl><dt>コミュニケーション：</dt><dd>4.5</dd></dl><span>12件の評価</span>');
  assert.deepEqual(c3.ratings, { communication: 4.5 });
  assert.equal(c3.review_count, 12);
});

// ------------------------------------------------------------------ job postings

test('job posting: the description is one client message with context.job, client facts from the JSON', () => {
  const r = scrapeAt('job-lure.html', 'https://crowdworks.jp/public/jobs/123');
  assert.equal(r.kind, 'job');
  assert.equal(r.messages.length, 1);
  assert.equal(r.messages[0].id, 'job-123');
  assert.equal(r.messages[0].sender, 'client');
  assert.match(r.messages[0].text, /公式LINEを追加してください。ID: @smile_works/);
  assert.match(r.messages[0].text, /マニュアル代3,000円/);
  assert.equal(r.entries[0].map.text, r.messages[0].text);
  assert.equal(r.context.contract_status, 'before_contract');
  assert.equal(r.context.job.title, '【在宅】スマホで簡単データ入力');
  assert.equal(r.context.job.description, r.messages[0].text);
  assert.equal(r.context.client.name, '株式会社スマイルワークス');
  assert.equal(r.clientId, '80808');
  assert.deepEqual(r.facts, {
    average_score: 3.1, identity_verified: false, rule_check: false, certified: false, official: false,
    finished_rate: 60, job_offer_count: 5,
  });
});

test('job posting: the malformed JSON a scraper of the live site repairs is repaired', () => {
  const r = scrapeAt('job-malformed.html', 'https://crowdworks.jp/public/jobs/124');
  assert.equal(r.clientId, '80809');
  assert.equal(r.facts.finished_rate, 60);
  assert.equal(r.facts.identity_verified, false);
  assert.equal(adapter.parseJsonLoose('{"a":1," {"b":true}').b, true);
  assert.deepEqual(adapter.parseJsonLoose('{&quot;a&quot;:1}'), { a: 1 });
  assert.deepEqual(adapter.parseJsonLoose('garbage "userId": 42, "isIdentityVerified":true ???', ['userId', 'isIdentityVerified']), { userId: 42, isIdentityVerified: true });
  for (const bad of ['', 'null', '[1]', '{', undefined, '<b>']) assert.equal(adapter.parseJsonLoose(bad), null, String(bad));
});

test('job facts never come from the description text', () => {
  const body = '<h1>募集</h1><table class="job_offer_detail_table"><tr><td class="confirm_outside_link">本人確認済み 発注ルールチェック済み の安心企業です</td></tr></table>';
  const r = adapter.scrape(fromHtml(body, 'https://crowdworks.jp/public/jobs/5').window.document);
  assert.equal(r.facts, null);
});

// ------------------------------------------------------------------ search lists

test('search list: one entry per listing, ids from the JSON, each listing its own element', () => {
  const r = scrapeAt('search-list.html', 'https://crowdworks.jp/public/jobs/search?category_id=1');
  assert.equal(r.kind, 'search');
  assert.deepEqual(r.listings.map((l) => l.id), ['job-11001', 'job-11002', 'job-11003']);
  for (const l of r.listings) {
    assert.ok(l.el && l.el.tagName === 'LI', l.id);
    assert.equal(l.map.text, l.text);
  }
  assert.match(r.listings[1].text, /ID: easy_money77/);
  assert.ok(!/easy_money77/.test(r.listings[0].text + r.listings[2].text), 'no listing holds another one\'s words');
});

test('search list without JSON: listings found from their /public/jobs/<id> links', () => {
  const li = (id, text) => `<li><a href="/public/jobs/${id}">仕事 ${id}</a><p>${text}</p><a href="/public/jobs/${id}">詳細</a></li>`;
  const doc = fromHtml(`<ul>${li(1, 'ふつうの仕事')}${li(2, 'LINEで連絡')}</ul><a href="/public/jobs/search?page=2">次</a>`, 'https://crowdworks.jp/public/jobs/search').window.document;
  const r = adapter.scrape(doc);
  assert.deepEqual(r.listings.map((l) => [l.id, l.text]), [['job-1', '仕事 1\nふつうの仕事\n詳細'], ['job-2', '仕事 2\nLINEで連絡\n詳細']]);
});

// ------------------------------------------------------------------ employer profiles

test('employer profile: ratings by label_text, review count, facts; nothing known gives null', () => {
  const doc = at('employer-profile.html', 'https://crowdworks.jp/public/employers/4242');
  assert.deepEqual(adapter.parseEmployerProfile(doc), {
    name: '株式会社ネクストリンク',
    ratings: { skill: 3.5, quality: 3.4, schedule: 3.6, communication: 3.0, partnership: 3.1 },
    review_count: 4,
    facts: { average_score: 3.2, identity_verified: true, rule_check: false, certified: false, official: false,
      finished_rate: 75, finished_count: 3, contract_count: 4, job_offer_count: 7 },
  });
  const only = (data) => adapter.parseEmployerProfile(fromHtml(`<div id="vue-container" data='${data}'></div>`).window.document);
  assert.equal(only('{"employer_profile_json":{"employer_user":{"feedback":{"total_count":9}}}}').review_count, 9);
  assert.equal(only('{"unexpected":true}'), null);
  assert.equal(only('{not json'), null);
  assert.equal(adapter.parseEmployerProfile(fromHtml('<p>404</p>').window.document), null);
  // the markup fallback for the completion rate
  const rate = adapter.parseEmployerProfile(fromHtml('<div class="_projectFinishedRateDetail_x1">完了数 3 / 契約数 4</div>').window.document);
  assert.deepEqual(rate.facts, { finished_count: 3, contract_count: 4, finished_rate: 75 });
});
