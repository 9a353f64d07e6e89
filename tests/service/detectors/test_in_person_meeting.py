"""Tests of the in_person_meeting detector: a request to meet in person before a contract.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.in_person_meeting import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # one-line meetings
    ('一回会えます？', '一回会えます', 'client', 'before_contract'),
    ('一度会えませんか', '一度会えませんか', 'client', 'before_contract'),
    ('近いうち会えたりします？', '近いうち会えたり', 'client', 'before_contract'),
    ('会って話せます？', '会って話', 'client', 'before_contract'),
    ('直接会えますか', '直接会えます', 'client', 'before_contract'),
    ('事務所来れます？', '事務所来れ', 'client', 'before_contract'),
    ('事務所に来られますか', '事務所に来られ', 'client', 'before_contract'),
    ('オフィスまで来てもらえる？', 'オフィスまで来てもら', 'client', 'before_contract'),
    ('うちの店に一度来れます？', '店に一度来れ', 'client', 'before_contract'),
    ('新宿の喫茶店で。土日どっちか', '新宿の喫茶店で', 'client', 'before_contract'),
    ('渋谷駅前のカフェでどうですか', '渋谷駅前のカフェで', 'client', 'before_contract'),
    ('池袋のルノアールで', '池袋のルノアールで', 'client', 'before_contract'),
    ('品川駅の改札で待ち合わせで', '品川駅の改札で', 'client', 'before_contract'),
    ('一度弊社(新宿)で面接させてください', '弊社(新宿)で面接', 'client', 'before_contract'),
    ('面接はうちのオフィス（横浜）でお願いしたいです', '面接はうちのオフィス（横浜）で', 'client', 'before_contract'),
    ('面談は弊社の会議室で行います', '面談は弊社の会議室で', 'client', 'before_contract'),
    ('Zoomか、渋谷のカフェで一度お会いできませんか？', '渋谷のカフェで一度お会い', 'client', 'before_contract'),
    # in-person seminars and meet-ups before a contract
    ('新宿会場の説明会にご参加いただいた方にだけ案件をご紹介しています', '新宿会場の説明会', 'client', 'before_contract'),
    ('今週土曜に名古屋で交流会があります、ぜひ参加を', '名古屋で交流会', 'client', 'before_contract'),
    ('まずは銀座の勉強会に来てください', '銀座の勉強会', 'client', 'before_contract'),
    ('渋谷の会議室で開催するセミナーにご参加ください', '渋谷の会議室で開催するセミナー', 'client', 'before_contract'),
    ('研修は大阪本社で行いますので、ご出席ください', '研修は大阪本社で', 'client', 'before_contract'),
    # English
    ('Could we meet at a cafe near Shinjuku Station before the contract?', 'meet at a cafe', 'client', 'before_contract'),
    ('Can you come to our office this week?', 'come to our office', 'client', 'before_contract'),
    ('Please drop by our studio for a quick face to face.', 'a quick face to face', 'client', 'before_contract'),
    ("We'd like to meet you in person first.", 'meet you in person', 'client', 'before_contract'),
    ('Please attend our onboarding seminar in Osaka on Saturday.', 'seminar in Osaka', 'client', 'before_contract'),
    ('coffee near Umeda station works too', 'coffee near Umeda station', 'client', 'before_contract'),
    # the same words asking the worker to come
    ('大阪で開催するセミナーに参加してから案件をご紹介します', '大阪で開催するセミナー', 'client', 'before_contract'),
    ('梅田の会場での面接会にお越しください', '会場での面接会にお越し', 'client', 'before_contract'),
    ('We run a workshop at our Tokyo office on Fridays. You need to attend before we hire.', 'workshop at our Tokyo', 'client', 'before_contract'),
    # further sentences of each family (written after the rules, as a check of the generalisation)
    ('一回お茶しません？', '一回お茶しません', 'client', 'before_contract'),
    ('近いうちに直接会えませんか', '直接会えませんか', 'client', 'before_contract'),
    ('一度うちの事務所寄れます？', '事務所寄れ', 'client', 'before_contract'),
    ('面談は新宿のカフェでお願いします', '面談は新宿のカフェで', 'client', 'before_contract'),
    ('待ち合わせは渋谷駅のハチ公口で', '待ち合わせは渋谷駅', 'client', 'before_contract'),
    ('来週、弊社で顔合わせさせてください', '弊社で顔合わせ', 'client', 'before_contract'),
    ('月1の懇親会（恵比寿）に来てね', '懇親会（恵比寿', 'client', 'before_contract'),
    ('Can we grab a coffee in Shibuya first?', 'grab a coffee in S', 'client', 'before_contract'),
    ('Please come by our studio on Monday.', 'come by our studio', 'client', 'before_contract'),
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
    # look-alikes
    ('Zoomで会えますか？', 'client', 'before_contract'),
    ('会えるのを楽しみにしています（オンラインで）', 'client', 'before_contract'),
    ('オンラインで一度お話しできますか', 'client', 'before_contract'),
    ('事務所に来ていただく必要はありません', 'client', 'before_contract'),
    ('事務所来なくて大丈夫です', 'client', 'before_contract'),
    ('対面はなしで、すべてメッセージで進めます', 'client', 'before_contract'),
    ('喫茶店で撮影した写真を使います', 'client', 'before_contract'),
    ('新宿の喫茶店の紹介記事です', 'client', 'before_contract'),
    ('渋谷のカフェで作業するのが好きです', 'client', 'before_contract'),
    ('カフェで読めるコラムをお願いします', 'client', 'before_contract'),
    ('説明会はオンライン開催です', 'client', 'before_contract'),
    ('交流会のレポート記事を書いてください', 'client', 'before_contract'),
    ('契約後に一度事務所に来ていただく予定です', 'client', 'before_contract'),
    ('We will never ask you to come to our office.', 'client', 'before_contract'),
    ("Let's meet on Zoom.", 'client', 'before_contract'),
    ('The seminar is online.', 'client', 'before_contract'),
    ('Write about cafes near Shinjuku Station.', 'client', 'before_contract'),
    ('新宿の喫茶店で作業しています', 'worker', 'before_contract'),
    # look-alikes: events and places as the work's subject
    ('渋谷のカフェ紹介記事、3本お願いします', 'client', 'before_contract'),
    ('写真は新宿の喫茶店で撮ったものを使ってください', 'client', 'before_contract'),
    ('東京の交流会イベントのLP制作です', 'client', 'before_contract'),
    ('大阪で開催されるセミナーの告知バナーを作ってください。参加者は200名の予定です', 'client', 'before_contract'),
    ('名古屋の勉強会の議事録の文字起こしです。参加人数は30名です', 'client', 'before_contract'),
    ('Design a flyer for our seminar in Osaka; about 200 people will attend.', 'client', 'before_contract'),
    ('Transcribe the workshop at our Tokyo office (audio attached).', 'client', 'before_contract'),
    ('喫茶店のメニュー表のデザインをお願いします', 'client', 'before_contract'),
    ('横浜駅前のカフェで撮影済みの素材があります', 'client', 'before_contract'),
    # further sentences of each family (written after the rules, as a check of the generalisation)
    ('面談はZoomでお願いします', 'client', 'before_contract'),
    ('事務所に来ていただくことはありません', 'client', 'before_contract'),
    ('渋谷のカフェ特集の記事です', 'client', 'before_contract'),
    ('会えなくて残念です（オンラインのみのため）', 'client', 'before_contract'),
    ('オフ会の告知文を作ってください', 'client', 'before_contract'),
    ("Let's have a video call instead.", 'client', 'before_contract'),
    ('The office is closed on Monday.', 'client', 'before_contract'),
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
