"""Tests of the secretariat_permission detector: signal: the client claims the secretariat's permission.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.secretariat_permission import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    ('運営事務局の承認をいただいておりますので、LINEでのやり取りも問題ございません。', '運営事務局の承認', 'client', 'before_contract'),
    ('クラウドワークスさんから許可をもらっています。', '許可', 'client', 'before_contract'),
    ('CW運営に確認を取っており、外部でのやり取りはOKとのことです。', 'CW運営', 'client', 'before_contract'),
    ('事務局の了承済みです。', '事務局の了承', 'client', 'before_contract'),
    ('クラウドワークス公認の企業です。', '公認', 'client', 'before_contract'),
    ('事務局にも確認済みで、契約前のお電話は問題ないと伺っております。', '事務局にも確認済み', 'client', 'before_contract'),
    ('サービス外連絡申請は承認済みですので、ご安心ください。', '承認済み', 'client', 'before_contract'),
    # third session: the permission with what was allowed in between, さん, 取得済み, and in English
    ('事務局さんに相談して、チャットでの連絡のOKをもらってます', '事務局さん', 'client', 'before_contract'),
    ('運営から外部ツールでの打ち合わせの許可を取得しています。', '運営から', 'client', 'before_contract'),
    ('The CrowdWorks team has already approved contact by Slack.', 'CrowdWorks team has already approved', 'client', 'before_contract'),
    ('We received CrowdWorks support approval to share a phone number.', 'CrowdWorks support approval', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    ('事務局に確認したところ、外部連絡は禁止とのことでした。', 'client', 'before_contract'),
    ('不明点は事務局へお問い合わせください。', 'client', 'before_contract'),
    ('事務局の許可は得ていません。', 'client', 'before_contract'),
    ('事務局に確認させていただきます。', 'worker', 'before_contract'),
    ('事務局の許可を得ているとのことですが、確認させてください。', 'worker', 'before_contract'),
    ('運営するメディアの記事確認をいただければと思います。', 'client', 'before_contract'),
    ('記事の確認をいただけますか。', 'client', 'before_contract'),
    ('サービス外連絡申請を提出しました。', 'client', 'before_contract'),
    # third session look-alikes: a question, a refusal, the claim quoted as a scam's line, the worker
    ('Did CrowdWorks approve moving to email?', 'client', 'before_contract'),
    ('CrowdWorks has not allowed contact outside the site.', 'client', 'before_contract'),
    ('記事では「事務局から許可をもらっている」と言われたケースを紹介してください。', 'client', 'before_contract'),
    ('事務局の許可を取得済みと言われましたが本当ですか？', 'worker', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE
