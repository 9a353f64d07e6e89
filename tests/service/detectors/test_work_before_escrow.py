"""Tests of the work_before_escrow detector: work, an unpaid test or a delivery asked for before escrow/contract.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.work_before_escrow import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('今回用に新しく書いたもので判断したいので、テスト記事でお願いします。', 'テスト記事でお願い', 'client', 'before_contract'),
    ('サンプルを2点描いていただけますか。', 'サンプルを2点描いて', 'client', 'before_contract'),
    ('お試しデザインを1案作ってください。', 'お試しデザインを1案作って', 'client', 'before_contract'),
    ('書き下ろしのサンプルをご提出ください。', 'サンプルをご提出', 'client', 'before_contract'),
    ('トライアル記事を書いてください。', 'トライアル記事を書いて', 'client', 'before_contract'),
    ('試しにロゴを1案だけ作ってみていただけますか。', '作って', 'client', 'before_contract'),
    ('まずは30秒だけ編集してみてもらえますか？', '30秒だけ編集', 'client', 'before_contract'),
    ('お試しで商品写真を5枚撮ってみてください。', '撮って', 'client', 'before_contract'),
    ('まずは500文字だけ翻訳してみていただけますか。', '翻訳して', 'client', 'before_contract'),
    ('選考のため、テストライティング（無報酬）を1本お願いしております。', '無報酬', 'client', 'before_contract'),
    ('まずはお試しで1記事書いていただき、良ければ契約させていただきます。', 'お試し', 'client', 'before_contract'),
    ('仮払い前で申し訳ないのですが、先に作業を始めていただけますか？', '仮払い前', 'client', 'before_contract'),
    ('契約は納品物を確認してからにさせてください。', '納品物を確認してから', 'client', 'before_contract'),
    ('採用前に課題として、バナーを1点制作して提出してください。', '採用前', 'client', 'before_contract'),
    ('テスト記事の報酬は発生しませんが、合格者には継続案件をお願いします。', '報酬は発生しません', 'client', 'before_contract'),
    ('報酬なしでのトライアルになります。', '報酬なし', 'client', 'before_contract'),
    ('本契約前にサンプルとしてロゴ案を3つ作っていただけますか。', '本契約前', 'client', 'before_contract'),
    ('試しに10件だけ入力してみてもらえますか？', '試しに', 'client', 'before_contract'),
    ('契約はまだですが、とりあえず作業を進めておいてください。', 'とりあえず', 'client', 'before_contract'),
    ('仮払いは明日まとめて行いますので、先に編集に着手していただけませんか。', '先に編集', 'client', 'before_contract'),
    ('1本目の構成案だけ先に作っていただけませんか。', '先に作', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('過去に書かれたサンプル記事をお送りください。', 'client', 'before_contract'),
    ('ポートフォリオのサンプルで判断しますので、お送りください。', 'client', 'before_contract'),
    ('サンプルでお願いします。', 'client', 'before_contract'),
    ('商品サンプルをお送りしますので、届いたら撮影をお願いします。', 'client', 'before_contract'),
    ('テスト環境で動作確認をお願いします。', 'client', 'before_contract'),
    ('サンプル記事を1本書いていただきます。報酬は1,000円で、クラウドワークスで契約・仮払いしてからです。', 'client', 'before_contract'),
    ('サンプルを2点描いていただけますか。', 'client', 'contracted'),
    ('ご契約後、まず3カットだけ描いていただき、方向性を確認させてください。', 'client', 'before_contract'),
    ('お試しで、まず3カットだけ描いていただく形でクラウドワークスで契約・仮払いをします。', 'client', 'before_contract'),
    ('まずはポートフォリオだけ見せていただけますか？', 'client', 'before_contract'),
    ('お試しで描いたイラストがあればお送りください。', 'client', 'before_contract'),
    ('構成案は契約後にお送りします。', 'client', 'before_contract'),
    ('テストは有償で、1本2,000円にてクラウドワークス上で契約いたします。', 'client', 'before_contract'),
    ('仮払いの確認後に着手させていただいております。', 'worker', 'before_contract'),
    ('ポートフォリオを先にお送りいただけますか。', 'client', 'before_contract'),
    ('先にお見積りをお願いできますか。', 'client', 'before_contract'),
    ('過去に書かれた記事のサンプルを拝見できますか。', 'client', 'before_contract'),
    ('まずは条件面を確認させてください。', 'client', 'before_contract'),
    ('まずは構成案を作成していただけますか。', 'client', 'contracted'),
    ('無料のテンプレートを使って作成していただいて構いません。', 'client', 'before_contract'),
    ('無料画像素材サイトの画像を使って記事を書いてください。', 'client', 'before_contract'),
    ('ご契約後、まず1本目の構成案を作成いただきます。', 'client', 'before_contract'),
    ('ではご契約後、先に構成案から進めていただけますか。', 'client', 'before_contract'),
    ('無償修正は2回までとなります。', 'client', 'before_contract'),
    ('そうですよね、承知しました。では先に契約させていただきます。', 'client', 'before_contract'),
    ('テストは無償ではありません。1本3,000円でクラウドワークス上で契約します。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE
