"""Tests of the platform_contract detector: signal: the client states contract and payment go through CrowdWorks.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.platform_contract import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('報酬・契約はCWです。よろしくお願いします。', 'CWです', 'client', 'before_contract'),
    ('納期は来週末、お支払いはクラウドワークスとなります。', 'クラウドワークスとなります', 'client', 'before_contract'),
    ('クラウドワークスで毎回契約・仮払いいたしますのでご安心を。', '毎回契約', 'client', 'before_contract'),
    ('報酬はクラウドワークスの仮払い機能でお支払いします。', '仮払い機能', 'client', 'before_contract'),
    ('発注・お支払いは当然クラウドワークスで行います。', 'クラウドワークスで行', 'client', 'before_contract'),
    ('契約も支払いもいつも通りCWでやります！', 'CWでやります', 'client', 'before_contract'),
    ('決済はクラウドワークスのエスクローを使います。', 'エスクロー', 'client', 'before_contract'),
    ('The contract and payment will be handled on CrowdWorks.', 'handled on CrowdWorks', 'client', 'before_contract'),
    ("We'll pay you via CrowdWorks as usual.", 'via CrowdWorks', 'client', 'before_contract'),
    ('We use CrowdWorks escrow for every job.', 'CrowdWorks escrow', 'client', 'before_contract'),
    ('契約・仮払いはクラウドワークスのシステムで行いますのでご安心ください。', 'クラウドワークス', 'client', 'before_contract'),
    ('お支払いは全てクラウドワークス経由となります。', '経由', 'client', 'before_contract'),
    ('CW上で契約・仮払いを行ってから作業開始となります。', 'CW上で契約', 'client', 'before_contract'),
    ('報酬のお支払いはクラウドワークスを通じて行います。', '通じて', 'client', 'before_contract'),
    ('正式な発注はクラウドワークスから行います。', '発注', 'client', 'before_contract'),
    ('契約とお支払いはすべてクラウドワークス上で行います。', '契約とお支払い', 'client', 'before_contract'),
    ('ｸﾗｳﾄﾞﾜｰｸｽで契約・仮払いをいたします。', 'ｸﾗｳﾄﾞﾜｰｸｽ', 'client', 'before_contract'),
    # third session: the verbs a contract and a payment take (結ぶ, 払う, 送る, 済ませる)
    ('契約自体はCWでちゃんと結びますのでご安心を', '契約自体はCWでちゃんと結び', 'client', 'before_contract'),
    ('お支払いはクラウドワークスで払う形です', 'お支払いはクラウドワークスで払う', 'client', 'before_contract'),
    ('本契約はこのあとクラウドワークスで送りますね', '本契約はこのあとクラウドワークスで送り', 'client', 'before_contract'),
    # third session: a further payment on the platform, the platform as the place (上です, 内です), thru
    ('追加の修正分はCWで別途の仮払いをしますね', 'CWで別途の仮払い', 'client', 'contracted'),
    ('送料はクラウドワークスの追加支払いでお送りします', 'クラウドワークスの追加支払いでお送り', 'client', 'contracted'),
    ('やり取りも契約も全部クラウドワークス内です', '契約も全部クラウドワークス内です', 'client', 'before_contract'),
    ('payment goes thru CrowdWorks as always', 'payment goes thru CrowdWorks', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('契約はクラウドワークスですか？', 'client', 'before_contract'),
    ('お支払いはクラウドワークスでなく銀行振込でお願いします。', 'client', 'before_contract'),
    ('契約はクラウドワークスですが、お支払いは直接させてください。', 'client', 'before_contract'),
    ('お支払いはクラウドワークスの仮払いではなくPayPayで。', 'client', 'before_contract'),
    ('契約・支払いはクラウドワークスです。', 'worker', 'before_contract'),
    ('クラウドワークスで見つけた方と契約します。', 'client', 'before_contract'),
    ("Let's work outside CrowdWorks so I can pay you directly.", 'client', 'before_contract'),
    ("We can't pay through CrowdWorks this time.", 'client', 'before_contract'),
    ('I found your profile on CrowdWorks.', 'client', 'before_contract'),
    ('クラウドワークスでのお取引は初めてです。', 'client', 'before_contract'),
    ('契約はクラウドワークス上でお願いいたします。', 'worker', 'before_contract'),
    ('クラウドワークスを通さずにお支払いしたいです。', 'client', 'before_contract'),
    ('クラウドワークス外での契約をお願いできますか。', 'client', 'before_contract'),
    ('クラウドワークスのプロフィールを拝見しました。', 'client', 'before_contract'),
    ('クラウドワークス上での契約はできかねます。', 'client', 'before_contract'),
    ('クラウドワークスから応募してください。', 'client', 'before_contract'),
    ('クラウドワークスのタスク形式で募集していますので、そちらから作業できます。', 'client', 'before_contract'),
    ('クラウドワークスは手数料が高いので、次回からは直接契約にさせていただけませんか？', 'client', 'before_contract'),
    # third session look-alikes: a refusal, the fee as the reason to go around, the worker asking
    ('契約はクラウドワークスで結べません。', 'client', 'before_contract'),
    ('クラウドワークスで契約を結ぶと手数料がかかるので、直接でお願いします。', 'client', 'before_contract'),
    ('契約はクラウドワークスで結びますか？', 'worker', 'before_contract'),
    # third session look-alikes: the extra paid outside, a question about the place
    ('追加分はクラウドワークスの追加支払いではなく、銀行振込でお願いします。', 'client', 'contracted'),
    ('契約はクラウドワークス内ですか？', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE
