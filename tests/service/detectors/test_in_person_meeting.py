"""Tests of the in_person_meeting detector: a request to meet in person before a contract.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.in_person_meeting import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('ランチでもしながら打ち合わせしませんか？', 'ランチでもしながら打ち合わせしませんか', 'client', 'before_contract'),
    ('コーヒーでも飲みながらご相談できればと思います。', 'コーヒーでも飲みながらご相談できれば', 'client', 'before_contract'),
    ('吉祥寺の店まで来ていただければ、実物をお見せします。', '店まで来ていただ', 'client', 'before_contract'),
    ('横浜の工場に来てもらえると話が早いです。', '工場に来てもら', 'client', 'before_contract'),
    ('面接は対面です。お越しいただけますか？', '対面', 'client', 'before_contract'),
    ('お近くまで担当者が車でお迎えに伺いますので、ホテルのラウンジで一度お話ししましょう。', 'ラウンジで一度お話し', 'client', 'before_contract'),
    ('港区の本社で30分ほど面談させてください。', '本社で30分ほど面談', 'client', 'before_contract'),
    ('来週、大宮駅の近くの喫茶店で軽くお茶でもしながらお話しできればと思います。', '喫茶店で軽くお茶', 'client', 'before_contract'),
    ('契約前に一度、直接会って人柄を確認させてください。', '直接会って', 'client', 'before_contract'),
    ('選考はオフラインで面接を行います。', 'オフラインで面接', 'client', 'before_contract'),
    ('ご自宅の近くの駅まで私が伺いますので、少しお時間をください。', '駅まで私が伺い', 'client', 'before_contract'),
    ('一度弊社にお越しいただき、面接をさせていただきます。', '弊社にお越し', 'client', 'before_contract'),
    ('面接は東京本社（港区）で行いますので、10時にお越しください。', 'お越し', 'client', 'before_contract'),
    ('顔合わせを兼ねて、梅田の喫茶店でお茶でもいかがでしょうか。', '喫茶店でお茶', 'client', 'before_contract'),
    ('直接会ってお話ししたいのですが、来週ご都合いかがですか？', '会ってお話', 'client', 'before_contract'),
    ('一度おあいしてお話しできればと思います。', 'おあいし', 'client', 'before_contract'),
    ('選考は対面形式で実施しております。', '対面', 'client', 'before_contract'),
    ('オフィスまで来ていただけますか？', '来ていただ', 'client', 'before_contract'),
    ('面談場所：新宿区西新宿1-1-1 ○○ビル5階', '場所', 'client', 'before_contract'),
    ('来週、弊社の事務所で打ち合わせをさせてください。', '事務所で打ち合わせ', 'client', 'before_contract'),
    ('実際にお会いして判断したいので、横浜駅まで来られますか？', '来られ', 'client', 'before_contract'),
    ('渋谷のカフェで面談させてください。', 'カフェで面談', 'client', 'before_contract'),
    ('もしよろしければ、一度御社に伺ってご挨拶させていただけませんか。', '伺っ', 'worker', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('選考は対面ですか？オンラインでも可能でしょうか。', 'worker', 'before_contract'),
    ('面接は対面のみなのでしょうか。', 'worker', 'before_contract'),
    ('Zoomでランチしながら話しましょう。', 'client', 'before_contract'),
    ('店長に来てもらって撮影します。', 'client', 'before_contract'),
    ('お茶の商品ページについてお話ししましょう。', 'client', 'before_contract'),
    ('ランチメニューの写真を食事の前に撮影してください。', 'client', 'before_contract'),
    ('会社にいる時間帯を伺いたいです。', 'client', 'before_contract'),
    ('お客様のご自宅で撮影した写真を使います。', 'client', 'before_contract'),
    ('駅前の喫茶店で30分ほど作業していただく様子を撮影した動画の編集です。', 'client', 'before_contract'),
    ('契約後に、弊社の会議室で30分ほど打ち合わせをしましょう。', 'client', 'before_contract'),
    ('Zoomで30分ほどお話しできませんか？', 'client', 'before_contract'),
    ('駅前の喫茶店で30分ほどお話しするのは難しいです。', 'client', 'before_contract'),
    ('最寄り駅まで伺うことはできかねます。', 'client', 'before_contract'),
    ('面談はZoomで行います。お会いできるのを楽しみにしております。', 'client', 'before_contract'),
    ('遠方のため伺うのが難しいのですが、こちらのメッセージでのやり取りでは難しいでしょうか。', 'client', 'before_contract'),
    ('お誘いありがとうございます。恐れ入りますが、契約前の対面でのお打ち合わせは控えております。', 'worker', 'before_contract'),
    ('完全在宅のお仕事です。出社や対面での打ち合わせは一切ありません。', 'client', 'before_contract'),
    ('ご来店いただいたお客様向けのPOPを作成してください。', 'client', 'before_contract'),
    ('記事テーマ：「初めてのサロンにお越しになる方へ」', 'client', 'before_contract'),
    ('カフェの店舗紹介記事をお願いします。駅から徒歩5分のお店です。', 'client', 'before_contract'),
    ('来週、オフィスにお越しいただけますか。', 'client', 'contracted'),
    ('撮影は弊社スタジオで行いますので、素材をお送りします。', 'client', 'before_contract'),
    ('契約後に一度、事務所にお越しいただく形になります。', 'client', 'before_contract'),
    ('事務所の住所は東京都渋谷区です。', 'client', 'before_contract'),
    ('取材自体は契約後に都内の店舗で行う形になりますので、その点だけご了承ください。', 'client', 'before_contract'),
    ('Zoomで30分ほどお会いしましょう。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE
