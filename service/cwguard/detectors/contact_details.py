"""contact_details: a concrete outside contact identifier appears, or one is asked for.

Identifiers: e-mail addresses (also 「あっと」「(at)」「ドット」「[.]」), Japanese phone numbers
(validated by `phonenumbers`, region JP, with context so part numbers and JAN codes stay quiet),
IDs given after 「ID」 (even split across lines), @handles, identifiers given with 「で検索」「を追加」,
chat-tool invite or profile links (line.me, lin.ee, chatwork.com, discord.gg, t.me…) and LINE QR
codes. Requests: a contact noun (メールアドレス, 電話番号, LINE ID, 連絡先) with an asking verb,
unless refused or part of a data-entry task (「店名・住所・電話番号をスプレッドシートに入力する作業」).

A contact that is the work's data, not a way to reach the writer, stays quiet: inside the quotation or
between the ruled lines of a draft or sample the message shows (`_channels.in_sample`), a field of a
table, a shop's or clinic's listing (its number beside its address, 「…店の番号」), an @handle the
work places on a flyer, chooses for a new account or describes as the shop's own, unless a word of
reaching anyone is near (`_handle_is_work`).

Words: the written-out @ and dots, id words and invite hosts in lang/common/channels.json; the
cues around numbers and requests in lang/ja/channel_talk.json and lang/en/channel_talk.json.
"""
from __future__ import annotations

from collections.abc import Iterable

import phonenumbers
import regex

from ..engine.detector import Detector, Examples, Hit, MessageView, Rule, compile_pattern
from ..engine.identity_cache import identity_cached
from ..engine.literals import Gate, GatedPattern
from ..lang import vocab
from ..lang.ja import clauses
from ..lang.ja.readings import read_aloud
from . import _channels as ch
from ._cues import enclosing_quote

_WS = r"[ \t\u3000]"
# The @ and the dots of an e-mail address, written out or bracketed (「あっと」「(at)」「ドット」「[.]」),
# or the English words between spaces (「taro at gmail dot com」).
_AT = _WS + r"{0,3}(?:" + vocab.words("common", "channels", "email_at_signs") + "|" + _WS + "at" + _WS + ")" + _WS + "{0,3}"
# A plain "." followed by a space is a sentence's full stop unless a usual top-level domain follows
# (「taro @ example . com」 yes, 「nothing to buy at all. We'll」 no).
_WRITTEN_DOTS = "|".join(regex.escape(t) for t in vocab.longest_first(vocab.terms("common", "channels", "email_dots")) if t != ".")
_DOT = (_WS + r"{0,2}(?:" + _WRITTEN_DOTS + r"|\.(?!" + _WS + r")|\.(?=" + _WS + r"{1,2}(?:com|net|org|jp|co|ne|io|me|info|biz)(?![a-z]))|"
        + _WS + "dot" + _WS + ")" + _WS + "{0,2}")
_LABEL = r"[a-z0-9][a-z0-9\-]{0,62}+"
_TLD = r"(?:[a-z]{2,24}+(?![a-z0-9\-])|" + vocab.words("common", "channels", "email_katakana_tlds") + ")"
_PROVIDER = ("(?:" + vocab.words("common", "channels", "webmail_providers") + "|"
             + vocab.words("common", "channels", "mobile_mail_providers") + r")(?![a-z0-9\-])")
EMAIL_RULE = Rule(
    id="email_address",
    pattern=r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}+" + _AT
    + r"(?:" + _LABEL + r"(?:" + _DOT + _LABEL + r"){0,4}" + _DOT + _TLD + "|" + _PROVIDER + ")"
    # (a path after the domain makes it a link: 「I won't register at bit.ly/jp-parttime」, tr308)
    + r"(?![/／])",
    examples=("midori.edit0312 あっと example ドットコム までご連絡ください",),
    counter_examples=("単価は@50円です", "I won't register at bit.ly/jp-parttime-2026"),
    reason="obfuscated e-mail (dev-055)",
)
# Every EMAIL_RULE match holds one of these (each written-out @ holds @, アット, at or a symbol): a
# message without them skips the rule.
_AT_GATE = ("at", *vocab.terms("common", "channels", "email_at_signs"))
# A placeholder address: a placeholder local part at a reserved example domain (example@example.com).
_PLACEHOLDER_EMAIL = compile_pattern(
    r"(?:" + vocab.words("common", "channels", "placeholder_local_parts") + r")" + _AT
    + r"(?:" + vocab.words("common", "channels", "placeholder_domains") + r")"
)
# Candidate phone numbers: a leading 0 (or +81) and 9-10 more digits with at most three separators
# between digits (「0 8 0 - 5 5 1 2」 spaces every digit and pads the hyphen); not part of a longer
# digit run (so a 1 MB run of digits is one failed candidate).
_PSEP = r"[ \-().・/\u3000]"
PHONE_RULE = Rule(
    id="japanese_phone_number",
    pattern=r"(?<!\d" + _PSEP + r"{0,3})(?<![\d+])(?:0(?:" + _PSEP + r"{0,3}\d){9,10}+|\+81" + _PSEP + r"{0,2}(?:\(0\))?"
    + r"\d(?:" + _PSEP + r"{0,3}\d){8,9}+)(?!" + _PSEP + r"{0,3}\d)",
    examples=("担当直通：090-2468-1357（平日10〜18時）",),
    counter_examples=("型番 090-1357-2468 の部品を検索してください", "商品番号 0312345678 です",
                      "院の電話番号は 045-228-3301、住所は 横浜市青葉区あざみ野3丁目1-2 です",
                      "照合リストです\n1. そば処 かね松｜080-6612-0934｜水曜休\n2. 定食 ひなた｜03-3811-4420｜無休",
                      "問い合わせ先の文面の下書きです。\n----\n担当直通 090-2218-7751 までお気軽に\n----"),
    reason="phone number candidates (dev-059)",
)
# International numbers: a '+' and a country code, any region (validated by `phonenumbers`).
INTL_PHONE_RULE = Rule(
    id="international_phone_number",
    pattern=r"(?<![\d+])\+[1-9](?:" + _PSEP + r"{0,2}\d){6,14}+(?!" + _PSEP + r"{0,2}\d)",
    examples=("you can reach me at +44 20 7946 0958",),
    counter_examples=("The ticket costs +1234567 points",),
    lang="en",
    reason="international phone numbers",
)
# Kanji digits read as digits for the phone pass (same length, so offsets stay).
# (and the long-vowel mark, which people type for a hyphen: ０９０ー１２３４ー５６７８)
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九零ー", "01234567890-")
PHONE_CUE = compile_pattern(vocab.words("ja", "channel_talk", "phone_cues"))
# Words next to an international number that make it a contact (「WhatsApp: +…」「reach me at +…」).
INTL_PHONE_CUE = compile_pattern(ch.latin_names("phone_cues", "en", "channel_talk"))
# Digits that are data: part numbers, codes, page numbers, examples in a data-entry brief.
DATA_CUE = compile_pattern(vocab.words("ja", "channel_talk", "phone_like_data"))
EN_DATA_CUE = compile_pattern(ch.latin_names("phone_like_data", "en", "channel_talk"))
PRODUCT_CUE = compile_pattern(vocab.words("ja", "channel_talk", "phone_in_product"))
_DIGITS_ONLY = compile_pattern(r"[^0-9+]")

# The word ID or a user name, not the ID of a job, an order or a login (案件ID, 注文ID, ログインID).
_NOT_OTHER_IDS = "(?<!" + vocab.words("ja", "channel_talk", "ids_of_other_things") + ")"
_ID_WORD = ("(?<![a-z])(?:" + vocab.words("common", "channels", "id_words") + "|"
            + vocab.words("common", "channels", "account_name_words") + ")(?![a-z])")
# ...and 「アカウント」, which introduces an ID only before an arrow or a colon.
_ID_WORD_BEFORE_ARROW = ("(?<![a-z])(?:" + vocab.words("common", "channels", "id_words") + "|"
                         + vocab.words("common", "channels", "account_name_words") + "|"
                         + vocab.words("common", "channels", "account_words") + ")(?![a-z])")
ID_RULE = Rule(
    id="id_after_its_word",
    pattern=_NOT_OTHER_IDS + _ID_WORD
    + r"(?P<sep>(?:[ \t\u3000\n:=「『(\[<【→↓⇒⬇👇▶►➡]|は|を|の|:){0,6})"
    # (an abbreviation that opens an example is no ID: 「an agent ID (e.g. AG-0412)」, tr269)
    r"(?P<ident>(?!(?:e\.g|i\.e|etc|cf|eg|ie|viz)(?![a-z0-9_]))"
    r"(?=[a-z0-9._\-]{0,31}[a-z_])[a-z0-9][a-z0-9._\-]{1,31}+(?:\n{1,2}[a-z0-9._\-]{1,31}+){0,5})",
    examples=("ID↓\ndream\n_link\n_0815\n（つなげて検索してください）",),
    counter_examples=("IDはこのあと送ります", "注文ID（order_id）の列を追加してください",
                      "Please don't send ID images to me directly.",
                      "Each row has an agent ID (e.g. AG-0412) and the call length."),
    reason="ID split across lines (dev-056)",
)
# An ID handed over after an arrow or colon a few words after the cue (「ID送りますね→ pon_pon_0707」
# 「アカウントはこちら👉 mika.works_22」). The token must look like an ID (a digit, '_' or '.' in it),
# not a word, a number or a URL.
ARROW_ID_RULE = Rule(
    id="id_after_arrow",
    pattern=_NOT_OTHER_IDS + _ID_WORD_BEFORE_ARROW + r"[^。\n!?]{0,12}?[→⇒👉↓⬇👇:=▶►➡]"
    r"[ \t\u3000]{0,3}(?P<ident>(?=[a-z0-9._\-]{0,31}[0-9_.])(?=[a-z0-9._\-]{0,31}[a-z])[a-z0-9][a-z0-9._\-]{3,31}+)"
    r"(?![a-z0-9._\-]|:/)",
    examples=("IDはこちらです👉 mika.works_22", "ID ▶ zaitaku_ouen"),
    counter_examples=("管理IDは→ 12345678", "詳細はこちら→ https://example.com/id_123", "送金先ID→ kzm-0412"),
    reason="ID after an arrow",
)
# An ID on the lines after its cue, cut into fragments that start or end with . _ - (「IDはこちらです👇
# \nhappy\n.side\n.work77」): the cue, then the fragments are joined in code (`_joined_id`).
ID_CUE_RULE = Rule(
    id="id_cut_over_lines",
    pattern=_NOT_OTHER_IDS + _ID_WORD_BEFORE_ARROW + r"[^。\n!?]{0,12}?[→⇒👉↓⬇👇:=▶►➡][ \t\u3000]{0,3}\n",
    examples=("IDはこちらです👇\nhappy\n.side\n.work77",),
    counter_examples=("IDはこちら👇\n後ほど担当者からお送りします",),
    reason="ID on the following lines",
)
# An ID described instead of given: 「IDは私の名前（表示名）と同じです」「IDはプロフのままです」.
ID_BY_REFERENCE_RULE = Rule(
    id="id_by_reference",
    pattern=ch.ID_WORD + r"(?:は|も|:)?[^。\n!?]{0,14}?" + ch.talk("names_an_id_copies")
    + r"[^。\n!?]{0,8}?" + ch.talk("same_as"),
    examples=("IDは私の名前（表示名）と同じです",),
    counter_examples=("IDはお名前と同じにしないでください", "IDは案件ページに記載されています"),
    reason="an ID given by reference",
)
# An e-mail address without its '@': a provider or address cue and a local part
# (「gmailのアドレスは yamada.taro.0412 です」).
BARE_MAIL_RULE = Rule(
    id="email_local_part",
    pattern=r"(?:" + vocab.words("common", "channels", "webmail_providers") + r"|メール|メアド|(?<![a-z])mail)(?:の)?(?:アドレス|address)?"
    r"(?:[ \t\u3000]{0,2}(?:は|:|→|👉|=)){1,3}[ \t\u3000]{0,3}"
    r"(?P<ident>(?=[a-z0-9._\-]{0,63}[0-9._])(?=[a-z0-9._\-]{0,63}[a-z])[a-z0-9][a-z0-9._\-]{3,63}+)(?![a-z0-9._\-@＠])",
    examples=("gmailのアドレスは yamada.taro.0412 です（あとはいつものgmail.comで）",),
    counter_examples=("メールの件名は report_2024 です",),
    reason="e-mail local part without '@'",
)
# A handle in quotes with a search/follow/add verb (「インスタで「kirari_beauty_pr」って検索してください」).
QUOTED_IDENT_RULE = Rule(
    id="quoted_handle_to_search",
    pattern=r"[「『\"“](?P<ident>(?=[a-z0-9._\-]{0,31}[_0-9.])[a-z][a-z0-9._\-]{2,31}+)[」』\"”]"
    r"(?:って|と|で|を|に)?[ \t\u3000]{0,2}" + ch.talk("handle_verbs"),
    examples=("インスタで「kirari_beauty_pr」って検索してください",),
    counter_examples=("「abc_shop」というハッシュタグで検索して投稿を集めてください",),
    reason="a quoted handle to search for",
)
HANDLE_RULE = Rule(
    id="at_handle",
    pattern=r"(?<![a-z0-9._%+\-/])@(?=[a-z0-9_.]{0,30}[a-z])[a-z0-9_.]{2,30}+",
    examples=("@wp_translate_jp までDMください",),
    counter_examples=("単価は@50円です", "名刺の裏に、工房のアカウント（@kobo_hinoki）も載せてください",
                      "新アカウントは @tsuki_cafe_01 と @tsuki.cafe が候補で、どちらも空いていました"),
    reason="handle (dev-057)",
)
IDENT_WITH_VERB_RULE = Rule(
    id="handle_to_search",
    # an arrow may point back at it (「mika.d0520 ←検索してください」, tr311)
    pattern=r"(?<![a-z0-9._\-@])(?=[a-z0-9._\-]{0,31}[_0-9])[a-z][a-z0-9._\-]{3,31}+(?=[ \t\u3000]{0,2}"
    + r"(?:[↑↓←👆☝⬆👈][ \t\u3000]{0,2})?" + ch.talk("search_the_handle") + ")",
    examples=("abc_123で検索して追加してください", "mika.d0520 ←検索してください"),
    counter_examples=("abc_123で検索しないでください",),
    reason="identifier given without the word ID",
)
# After the scanning word, the QR is not being put into a design a few characters on (「店のLINE公式の
# 友だち追加QRも載せたい」, tr55 family: the menu being designed carries it).
_NOT_PLACED_IN_A_DESIGN = r"(?![^。\n]{0,6}?" + ch.talk("qr_code_made") + ")"
# Nor is the QR's readability discussed as a design matter (「QRは読み取りやすさを考えて2.5cm角以上」
# 「架空のダミーなので読み取れない状態のまま組んで」, tr145, tr146).
# (or checked: 「QRは読み取り確認のため15mm角以上を推奨」, tr264)
_NOT_ITS_READABILITY = r"(?!りやす|りにく|れな|れる大き|り精度|りづら|り確認|りテスト|れるか|れるサイズ)"
QR_RULE = Rule(
    id="qr_code_to_scan",
    pattern=r"(?<![a-z])qr(?:コード)?(?![a-z])(?!(?:の)?" + ch.talk("qr_code_made") + ")"
    r"[^。\n]{0,15}?" + ch.talk("qr_code_scanned") + _NOT_PLACED_IN_A_DESIGN + _NOT_ITS_READABILITY
    + "|" + vocab.words("ja", "channel_talk", "line_qr") + r"(?!(?:の)?" + ch.talk("qr_code_made") + ")",
    examples=("こちらのQRコードを読み取って友だち追加してください", "応募者さまには公式LINEのQRコードを画像でお送りしてます📷"),
    counter_examples=("QRコードの作成をお願いします", "QRコード付きのチラシをデザインしてください",
                      "QRコードは管理画面から出力したものを御社で差し込んでいただくか", "「ＱＲ読取ユニット」は全角のまま残してください",
                      "QRは公式アカウントの管理画面から書き出した画像をお渡しします",
                      "チラシに店の友だち追加QRも載せたいです",
                      "QRは読み取りやすさを考えて2.5cm角以上は確保したいです"),
    reason="LINE QR code",
)
# An image whose file name says it is a QR code to add someone (「[画像] tomodachi_tsuika_QR.png」): the
# attachment is the contact, whatever the message says around it; a QR image of the work's own (a
# menu's, a flyer's) names no contact word, and one being made is the work (`qr_code_made`).
_FILE_CHAR = r"[\p{L}\p{N}_\-]"
QR_FILE_RULE = Rule(
    id="qr_image_file",
    pattern=r"(?<![\p{L}\p{N}_.\-])(?=" + _FILE_CHAR + r"{0,40}?(?<![a-z])qr)"
    r"(?=" + _FILE_CHAR + r"{0,40}?(?<![a-z])(?:" + ch.channel_names("qr_file_words") + r"))"
    + _FILE_CHAR + r"{2,48}\.(?:png|jpe?g|gif|webp|heic|bmp)(?![a-z0-9])(?!\s?(?:の)?" + ch.talk("qr_code_made") + ")",
    examples=("次回分→ [画像] tomodachi_tsuika_QR.png", "友だち追加QR.png 送ります"),
    counter_examples=("メニューのQR画像 menu_qr.png を差し替えてください", "line_qr.png のデザインを修正してください",
                      "online_shop_qr.png をチラシに入れてください"),
    reason="an image file named as a QR code to add a contact (issue 8; tr28 family)",
)
# メール after a kanji word is a compound (招待メール) unless the word names whose address it is.
_MAIL_NOUN = (r"(?:" + ch.channel_names("email_owners") + r"|(?<!\p{Han}))メール(?:アドレス)?|メアド"
              r"|(?<![a-z])(?:e?-?mail|gmail|g-mail)\s?(?:address|アドレス)?|ジーメール")
REQUEST_RULE = Rule(
    id="asking_for_contact",
    pattern=r"(?:" + _MAIL_NOUN + "|" + vocab.words("ja", "channel_talk", "phone_number_words")
    + r"|(?<![a-z])" + ch.channel_names("channels_with_ids_latin") + r"(?:の)?\s?(?:id|アカウント)"
    + r"|" + ch.channel_names("channels_with_ids") + r"(?:の)?\s?(?:id|アカウント)"
    # a bare ID opening the ask (「ID教えて」, tr98), not another thing's ID (注文ID, ログインID)
    + r"|(?:(?<=^)|(?<=[。!?\n、\s]))id(?=\s?(?:を|は)?\s?(?:教えて|おしえて|送って|ください|下さい|ちょうだい)))"
    # not the verb in the past (「フォローメールは毎日書いていました」: what the writer used to do)
    + r"(?=[^。\n]{0,15}?" + ch.talk("contact_request_verbs") + r"(?!て?(?:い|おり)(?:ました|た(?![だくきし])))" + ")",
    examples=("メールアドレスを教えてください",),
    counter_examples=("店名・住所・電話番号をスプレッドシートに入力していただく作業です",
                      "メールアドレス欄のバリデーションを実装してください",
                      "予約受付トークの初稿です。「お手数ですが、ご登録のメールアドレスを伺えますか。」",
                      "反響後のフォローメールは毎日書いていました。"),
    reason="asking for a contact identifier (dev-066, dev-049)",
)
# How far a quote around an identifier in a worker's message may open before it and close after it.
_QUOTED_BACK_REACH = 60
_WORKER_REPORTS = compile_pattern(ch.talk("worker_reports") + r"|(?<![a-z])" + ch.en_talk("worker_reports") + r"(?![a-z])")
# An identifier that looks like a handle: letters with a digit, '_' or an inner '.', not a URL or an
# e-mail. A sentence's full stop is no part of it (「everything stays in this message thread.」 names no handle).
_HANDLE = (r"(?=[a-z0-9._\-]{0,31}(?:[0-9_]|\.[a-z0-9]))(?=[a-z0-9._\-]{0,31}[a-z])[a-z0-9][a-z0-9._\-]{2,30}[a-z0-9_\-]"
           r"(?![a-z0-9_\-@＠]|\.[a-z0-9]|:/)")
# A handle after a request to add, search or message (「追加してね→ mika_0823」「追加よろです→ yuka.s_0819」
# 「で話そ→ kk_0909」「add me: jlee_remote88」「pls add my vx: Lily_work520」): the arrow or colon hands it over.
_ASK_AFTER_HANDLE = r"(?:(?:pls|please|plz|thx|thanks|ty|よろしく|お願いします|🙏|ね)[ \t\u3000!！。.]*)?"
ADD_HANDLE_RULE = Rule(
    id="handle_after_add_me",
    pattern=r"(?:" + ch.talk("add_me_verbs") + r"(?:" + ch.talk("add_me_endings") + r"){0,3}[ \t\u3000!〜~ー]{0,3}"
    + r"|(?<![a-z])(?:add|follow|find|search|dm|message|contact|reach|text|hmu|hit\sme\sup)(?:\s(?:me|us))?"
    + r"(?:\s(?:on|at|via)\s[a-z]{2,12})?(?:\s(?:my|our)\s[a-z]{2,10})?(?:\s(?:anyway|pls|please|plz|here|too|also|now))?[ \t]?)"
    # the arrow or colon hands it over, or the handle ends the line after a space (「追加お願いします mika_0707」),
    # a word of asking at most after it (「add me jlee_remote88 pls」, tr5)
    + r"(?:[→⇒👉:=]{1,2}[ \t\u3000]{0,3}|[ \t\u3000]{1,3}(?=[a-z0-9._\-]{4,32}[ \t\u3000]*" + _ASK_AFTER_HANDLE
    + r"(?:\n|\Z)))(?P<ident>" + _HANDLE + ")",
    examples=("追加してね→ mika_0823", "追加よろです→ yuka.s_0819", "で話そ→ kk_0909", "add me: jlee_remote88 and I'll explain",
              "pls add my vx: Lily_work520 for detail", "ｺﾁﾗ追加よろです→ ryo.fukugyo",
              "こちらのIDに追加お願いします mika_0707", "ok but add me anyway → mika.recruit", "add me kenji_works22 pls"),
    counter_examples=("追加資料はこちら→ https://example.com/a_1", "検索キーワード: seo_2024 で記事を書いてください",
                      "追加お願いします draft_v2.docx の件も"),
    reason="a handle after 'add me' (tr3-0016, tr8-008, tr5-0069, tr5-0040, tr1-0153, tr3-0141)",
)
# A handle after an arrow with no word of adding at all (tr6-007 「別のあります」 then a handle; 「別件→ kobo.works_22」):
# letters with a digit and '_' or '.', not a file name or a version (bare_id_not_ids).
ARROW_HANDLE_RULE = Rule(
    id="handle_after_an_arrow",
    pattern=r"[→⇒👉▶►➡][ \t\u3000]{0,3}(?P<ident>(?=[a-z0-9._\-]{0,31}[0-9])(?=[a-z0-9._\-]{0,31}[_.])[a-z][a-z0-9._\-]{3,31}+)"
    r"(?![a-z0-9._\-@＠]|:/|/)",
    examples=("別のあります→ kobo_22", "別件→ kobo.works_22"),
    counter_examples=("ファイル名→ draft_v2.docx", "バージョン→ v1.2.3", "詳細はこちら→ https://example.com/id_123"),
    reason="a handle after an arrow (tr6-007)",
)
# A chat tool named before a colon or arrow and the handle (「tg: hikari_job_0813」「LINE→ abc_12」).
# The chat tools whose handles are handed over, in every spelling (L-I-N-E, ﾃﾚｸﾞﾗﾑ), and their short names.
_CHAT_TOOLS = "|".join(r.pattern for r in ch.CHANNEL_RULES if r.id in (
    "line", "chatwork", "skype", "discord", "telegram", "other_messengers", "line_open_chat", "channel_nicknames"))
_CHANNEL_HEAD = (r"(?<![a-z])" + ch.channel_names("channels_with_ids_latin") + r"(?:id)?(?![a-z])|"
                 + ch.channel_names("channels_with_ids") + "|" + _CHAT_TOOLS)
# The mark that hands the handle over right after its channel: a colon or an arrow, a bracket, or a quote after a
# particle (「紙ひこうきのｱﾌﾟﾘで「lawcheck_jp」まで✈」, tr231).
_HANDLE_AFTER_HEAD = (r"(?:の)?[ \t]?(?:id|アカウント)?[ \t]?(?:[:→⇒👉=▶]{1,2}|[(（]|(?:で|は|に|の)?[ \t]?[「『])"
                      r"[ \t\u3000]{0,3}(?P<ident>" + _HANDLE + ")")
CHANNEL_HANDLE_RULE = Rule(
    id="handle_after_its_channel",
    pattern=r"(?:" + _CHANNEL_HEAD + r")" + _HANDLE_AFTER_HEAD,
    examples=("tg: hikari_job_0813", "LINE→ abc_12", "その後の連絡はL-I-N-E（linx_recruit）でお願いできればと思います",
              "日程調整はChatworkでお願いします。ChatworkID: nakano_dsgn", "テレグラムで「kobo_desk22」まで"),
    counter_examples=("LINE: 未定", "Instagram: 参考アカウントはありません", "LINEで「友だち追加」と表示されたら完了です"),
    reason="a handle after its channel (tr7-013)",
)
# Skype's own ID format (「live:.cid.7f3a21bc9e」): an identifier wherever it appears.
SKYPE_LIVE_RULE = Rule(
    id="skype_live_id",
    pattern=vocab.words("common", "channels", "skype_live_ids"),
    examples=("live:.cid.7f3a21bc9e", "skype大丈夫ですか？ live:.cid.4f2a9b1c77"),
    counter_examples=("live配信の台本をお願いします",),
    reason="Skype live IDs (tr9-009, tr3-0074)",
)


def _spaced_id(marks: str) -> str:
    """An ID of 4 to 32 characters with a space after each, holding a letter and one of `marks`
    (a digit or underscore makes a run of letters an ID; after the word ID a dot is enough)."""
    return (rf"(?=[a-z0-9._\- \t\u3000]{{0,64}}[{marks}])(?=[a-z0-9._\- \t\u3000]{{0,64}}[a-z])"
            r"(?:[a-z0-9._\-][ \t\u3000]){3,31}[a-z0-9._\-](?![a-z0-9._\-])")


_SPACED = _spaced_id("0-9_")
# An ID spelled with a space between its characters (「ｉｄ→ ｒ ｉ ｎ ｏ ＿ ０ ７ ２ ５」「id is k a z u _ 7 7」
# 「k a i _ 8 8 で検索」); after the word ID a dot is enough to make it one (「ID→ y u k a . d s n」, tr194).
SPACED_ID_RULE = Rule(
    id="id_spelled_with_spaces",
    # the word ID or handle, or an @ (「my handle @ m i r a _ h r 2 6」, tr194)
    pattern=r"(?:(?<![a-z])(?:" + vocab.words("common", "channels", "id_words") + r"|handle)(?![a-z])"
    + r"(?:[ \t\u3000]?(?:[:→⇒👉=]|は|is|:)){0,2}[ \t\u3000]{0,3}|(?<![a-z0-9])@[ \t\u3000]{0,2}"
    # or a request to add it (「追加して　m i k a . w o r k 7」, tr224)
    + r"|" + ch.talk("add_me_verbs") + r"(?:" + ch.talk("add_me_endings") + r"){0,3}[ \t\u3000!〜~ー→⇒👉:]{1,4})"
    + r"(?P<ident>" + _spaced_id("0-9_.") + ")"
    # an arrow may point back at it (「k a n r i _ 0 3 1 5 ↑ 検索して追加ください」, tr185)
    + r"|(?<![a-z0-9])(?P<ident2>" + _SPACED + r")(?=[ \t\u3000]{0,2}(?:(?:[↑↓←👆☝⬆][ \t\u3000]{0,2})?(?:で|を)?(?:検索|追加)|"
    + ch.talk("search_the_handle") + "))"
    # or six characters and more, one an underscore: such a spelling hides a handle wherever it stands
    # (「ラフはこちらに送って k o m u g i n o _ p a n」「search  m i r a _ j o b s 8 8」, tr297, tr300)
    + r"|(?<![a-z0-9])(?P<ident3>(?=[a-z0-9._\- \t\u3000]{0,64}_)(?=[a-z0-9._\- \t\u3000]{0,64}[a-z])"
    + r"(?:[a-z0-9._\-][ \t\u3000]){5,31}[a-z0-9._\-](?![a-z0-9._\-]))",
    examples=("ｉｄ→ ｒ ｉ ｎ ｏ ＿ ０ ７ ２ ５", "ラフはこちらに送って k o m u g i n o _ p a n", "id is k a z u _ 7 7", "k a i _ 8 8 で検索お願いします", "m i k a _ 2 2 ↑ 検索して追加してね",
              "ID→ m i n a . w k s", "my handle @ r e n _ j p 4 4", "追加してね　s a k i . d s g 2"),
    counter_examples=("ID は 1 2 3 4 のような数字だけの形式です", "変数名は a _ b のように書きます"),
    reason="an ID with spaces between its characters (tr7-003, tr1-0015, tr5-0013)",
)
# English requests for a contact (「send me your email」「Could you send me your Chatwork ID?」「what's your WhatsApp」).
EN_REQUEST_RULE = Rule(
    id="asking_for_contact_in_english",
    pattern=r"(?<![a-z])(?:" + ch.en_talk("contact_ask_verbs") + r"(?:\s(?:me|us))?|what(?:'s|’s|s|\sis)|can\si\shave|may\si\shave)"
    + r"\s(?:your|ur)\s(?:" + ch.latin_names("channels_with_ids_latin") + r"\s)?"
    + r"(?:" + ch.name_alternatives("en", "channel_talk", "contact_nouns") + r")(?![a-z])(?!\s(?:of|count|format|field|column))"
    # or the noun alone as the whole ask, at the start of a sentence (「saw ur proposal. your number?」「ur email pls」, round 21)
    + r"|(?:\A|(?<=[.!?]\s))(?:and\s|so\s)?(?:your|ur)\s(?:" + ch.latin_names("channels_with_ids_latin") + r"\s)?"
    + r"(?:" + ch.name_alternatives("en", "channel_talk", "contact_nouns") + r")\s?(?:\?|pls|please|plz)",
    examples=("The file is too large for here, send me your email and I'll share it", "Could you send me your Chatwork ID?",
              "what's your whatsapp", "whats ur phone number", "hi saw ur proposal for the logo. your number?", "ur email pls"),
    counter_examples=("Please don't send me your email, keep everything here", "Please enter your phone number in the form field",
                      "Your number of revisions? Two is fine."),
    lang="en",
    reason="asking for a contact in English (tr3-0118, tr1-0026)",
)
_ARROW_SHAPE = r"[→⇒👉:=▶(（]"
# An invite link with spaces around its dots and slash so that no filter reads it (tr5-0077 「t . me / starboost_tasks
# (remove spaces)」, tr5-0014 「discord . gg / q7RtmA （スペース抜いてください）」).
_SHORT_INVITE_HOSTS = vocab.longest_first(h for h in ch.INVITE_HOSTS if "." in h and len(h) <= 12 and not h.startswith("www."))
# Every letter of the host may be parted by a space or a line break, and its dot written [.] (.) or
# ドット (tr86, tr88: 「d i s c o r d . g g / h7Kq2」「lin.\nee/\nMk7rTq2」).
_GAP = r"[ \t\n]{0,2}"
_SPELLED_DOT = _GAP + r"(?:[.．]|" + ch.BRACKETED_DOT + r"|ドット|dot)" + _GAP


def _spelled_out(host: str) -> str:
    return _SPELLED_DOT.join(_GAP.join(regex.escape(c) for c in part) for part in host.split("."))


SPACED_INVITE_RULE = Rule(
    id="invite_link_with_spaces",
    pattern=r"(?<![a-z0-9])(?:" + "|".join(_spelled_out(h) for h in _SHORT_INVITE_HOSTS)
    # the path spelled with spaces too (「d i s c o r d . g g / n e o n a r c」, tr194)
    + r")(?:" + _GAP + r"/" + _GAP + r"(?:[a-z0-9_\-]{2,40}|(?:[a-z0-9_\-][ \t\u3000]){2,40}[a-z0-9_\-])){1,3}",
    examples=("Tasks are posted in our group: t . me / starboost_tasks (remove spaces)", "招待はこちら discord . gg / q7RtmA （スペース抜いてください）",
              "サーバーへ👉 d i s c o r d . g g / k i r a r i",
              "this site blocks links so here: d i s c o r d . g g / h7Kq2", "lin.\nee/\nMk7rTq2", "line [.] me / ti / g2 / Qx7kLp"),
    counter_examples=("会議の議事録です。次回は t. 明日 / me です",),
    reason="an invite link with spaces (tr5-0077, tr5-0014)",
)
# A name in quotes to search for in a chat tool named in the message (「「在宅ワーク相談室」で検索して入ってね」
# 「『副業ママ応援』ってアカウント探してDMください」), not a phrase the work searches for (「「副業 在宅」で検索して上位記事を分析」).
QUOTED_NAME_RULE = Rule(
    id="quoted_name_to_search",
    pattern=r"[「『\"“](?P<ident>[^」』\"”\n]{2,24})[」』\"”](?:って|と|で|を)?(?:いう)?(?:アカウント|名前|グループ|ルーム|ユーザー|オプチャ|チャンネル)?(?:を|で)?"
    # what is done there, before the search (「『副業ラボ2026』ってグループでやってます、検索したら出てきます」, tr271)
    + r"(?:(?:やって|募集して|運営して|活動して)(?:ます|る|います|おります)[、,]?)?"
    + r"[ \t\u3000]{0,2}" + ch.talk("quoted_name_search"),
    examples=("くわしい説明は らいんの おーぷんちゃっと でやってます！「在宅ワーク相談室」で検索して入ってね",
              "いんすたで『副業ママ応援』ってアカウント探してDMください"),
    counter_examples=("「副業 在宅」で検索して上位記事を分析してください", "LINE公式アカウントの「友だち追加」で検索される文言を考えてください"),
    reason="a quoted name to search for in a chat tool (tr1-0020, tr3-0143, tr1-0078)",
)
_QUOTED_NAME = GatedPattern(QUOTED_NAME_RULE.compile())
_SEARCH_AS_WORK = compile_pattern(ch.talk("search_as_work"))
# Each rule with the cheap look every match needs (an arrow, a colon or a bracket, 「live:」, spaced
# characters) and the gate of its words (engine/literals.py): a scan runs only when both are there.
def _gated(rule: Rule, shape: str) -> tuple[regex.Pattern, regex.Pattern, Gate]:
    pattern = rule.compile()
    return pattern, compile_pattern(shape), Gate(pattern.pattern)


# ADD_HANDLE_RULE also takes a handle that ends its line after a space (「追加お願いします mika_0707」).
_HANDOVER = (_gated(ADD_HANDLE_RULE, _ARROW_SHAPE + r"|[a-z0-9_.\-]{4}[ \t\u3000]*" + _ASK_AFTER_HANDLE + r"(?:\n|\Z)"), _gated(ARROW_HANDLE_RULE, _ARROW_SHAPE),
             _gated(SPACED_INVITE_RULE, r"[.．][ \t\n]|[ \t\n][.．]|" + ch.BRACKETED_DOT + r"|ドット|(?<![a-z])[a-z][ \t][a-z][ \t][a-z]|[a-z]\n[a-z]"),
             _gated(SKYPE_LIVE_RULE, "live:"),
             _gated(SPACED_ID_RULE, r"[a-z0-9_][ \t\u3000][a-z0-9_][ \t\u3000][a-z0-9_]"))
# CHANNEL_HANDLE_RULE read in two steps: the channel names by the scanner (each gated by its own
# words), then the mark and the handle right after each name. As one pattern, its 300-name
# alternation was tried at every position of every message with a colon or a bracket (a third of a
# cold scan of contact_details); tests/service/test_channels_scanner.py proves the same handles.
_CHANNEL_HEADS = ch.Scanner((Rule(id="channel_heads", pattern=_CHANNEL_HEAD, examples=("LINE",)),))
_AFTER_HEAD = compile_pattern(_HANDLE_AFTER_HEAD)
# (the marks _HANDLE_AFTER_HEAD hands a handle over with: an arrow, a colon, a bracket, or a quote that opens on a
# handle's first character: any 「 would open the gate for most Japanese messages)
_ARROW = GatedPattern(compile_pattern(_ARROW_SHAPE + r"|[「『][ \t\u3000]{0,3}[a-z0-9]"))


def handles_after_channels(text: str) -> Iterable[regex.Match]:
    """What `CHANNEL_HANDLE_RULE.finditer` finds, leftmost first and not overlapping."""
    if _ARROW.search(text) is None:
        return
    heads = sorted({(m.start(), m.end()) for p in _CHANNEL_HEADS.candidates(text) for m in p.finditer(text)},
                   key=lambda span: (span[0], -span[1]))
    pos = 0
    for start, end in heads:
        if start < pos:
            continue
        m = _AFTER_HEAD.match(text, end)
        if m is not None:
            pos = m.end()
            yield m
_EN_REQUEST = GatedPattern(EN_REQUEST_RULE.compile())
_UNSPACED = compile_pattern(r"[ \t\u3000]")
_ID_MARKS = compile_pattern(r"[0-9_.]")
# A handle made of one placeholder character: 「@xxxxxxx」「@____」 (tr135: "keep the placeholders like \"@xxxxxxx\"").
_PLACEHOLDER_ID = compile_pattern(r"@?(?:x{3,}|0{3,}|_{3,}|\*{3,})")
# What hands an identifier over after the word ID (「ID: taro」「IDは taro」); a space or a bracket alone does not.
_STRONG_SEP = compile_pattern(r"[:=「『→↓⇒⬇👇▶►➡]|は|を")
_LATIN = compile_pattern("[a-z]")
# A message that is one handle and nothing else (tr6-007 「ｍｋ＿ｓｉｄｅ７７」 after 「満枠です」「別のあります」).
# (an arrow may point back at it: 「ｙｕｋａ＿ｗｏｒｋ７　←」, tr296)
_BARE_HANDLE = compile_pattern(r"[\s\p{So}\p{Sk}→⇒👉:]*(?P<ident>(?=[a-z0-9._\-]{0,31}[0-9])(?=[a-z0-9._\-]{0,31}[_.])"
                               r"[a-z][a-z0-9._\-]{3,31})[\s\p{So}\p{Sk}!。←↑]*")
_NOT_A_HANDLE = compile_pattern(vocab.words("ja", "channel_talk", "bare_id_not_ids"))


def _names_a_file(ident: str) -> bool:
    """A handle-shaped run that is a file name or a version (「draft_v2.docx」「v1.2.3」), spaced out too."""
    return _NOT_A_HANDLE.search(_UNSPACED.sub("", ident)) is not None
BARE_HANDLE_RULE = Rule(
    id="a_handle_alone",
    pattern=_BARE_HANDLE.pattern,
    examples=("ｍｋ＿ｓｉｄｅ７７", "ｙｕｋａ＿ｗｏｒｋ７　←"),
    counter_examples=("draft_v2.docx", "v1.2.3"),
    reason="a message that is nothing but a handle (tr6-007 m4)",
)

# The same alone in its message spelled with a space between its characters (「k i t a _ c a l l 7」: one
# message of a split lure, the channel named in the one before).
_BARE_SPACED = compile_pattern(r"[\s\p{So}\p{Sk}→⇒👉:]*(?P<ident>" + _SPACED + r")[\s\p{So}\p{Sk}!。]*")
BARE_SPACED_HANDLE_RULE = Rule(
    id="a_spaced_handle_alone",
    pattern=_BARE_SPACED.pattern,
    examples=("r i o _ w o r k 3", "👉 s a k i . 0 9 2"),
    counter_examples=("a b c d", "1 2 3 4", "s 1 / s 2"),
    reason="a message that is nothing but a handle spelled with spaces (tr18-008 m4)",
)

# An ID asked for with no channel right before it (「LINEのほうが楽なんで、IDおしえて下さい」): a request when
# the message names a chat tool.
ID_ASK_RULE = Rule(
    id="id_asked_for_near_a_channel",
    # 「だけ」「先に」 may come between (「緑のアプリのIDだけ先に下さい」, tr183)
    pattern=_NOT_OTHER_IDS + r"(?<![a-z])(?:" + vocab.words("common", "channels", "id_words") + r")(?![a-z])(?:を|は|も|だけ)?"
    + r"[ \t\u3000]{0,2}(?:先に|まず|とりあえず)?[ \t\u3000]{0,2}" + ch.talk("id_asks"),
    examples=("LINEのほうが楽なんで、IDおしえて下さい", "ｸﾞﾙｰﾌﾟﾗｲﾝに招待するのでIDください", "当日URLを送るので、緑のアプリのIDだけ先に下さい"),
    counter_examples=("ログインIDを教えてください", "IDください"),
    reason="an ID asked for in a message about a chat tool (tr3-0111, tr3-0018)",
)
_ID_ASK = ID_ASK_RULE.compile()
# The sender's ID or number said to be in their profile (「IDはプロフに載せてます」「my number's in my bio」): an
# identifier handed over by where to read it; not someone else's (the shop's number in its Instagram profile)
# and not a question or an instruction (「載せてください」「書いてありますか」).
PROFILE_POINTER_RULE = Rule(
    id="contact_in_the_senders_profile",
    pattern=r"(?<!(?:店|店舗|サロン|客様|客|教室|会社)の(?:電話|携帯|メール)?)(?:" + vocab.words("common", "channels", "id_words")
    + r"|" + ch.talk("contact_written_there") + r")(?:は|も)[ \t\u3000]{0,2}(?:私の|僕の|自分の)?" + ch.talk("profile_places")
    + r"(?:欄)?(?:に|で)[ \t\u3000]{0,2}(?:" + ch.talk("put_there") + r"|" + ch.talk("written_there") + r")(?!ください|下さい|ね|は|も|ますか|ありますか)"
    + r"|(?<![a-z])(?:my|our)\s(?:" + ch.name_alternatives("en", "channel_talk", "contact_nouns")
    + r")(?:'s|’s|\sis|\sare)?\s(?:in|on)\s(?:my|our)\s(?:bio|profile)(?![a-z])",
    examples=("IDはプロフに載せてます", "番号はプロフィールに書いてあります", "W h a t s A p p 😉 my number's in my bio"),
    counter_examples=("お店の電話番号はプロフィールに載せてあります", "連絡先はプロフィールに載せないでください",
                      "IDはプロフィールに載せてください", "my portfolio is in my bio"),
    reason="the sender's own ID or number pointed at in a profile (round 21)",
)
_PROFILE_POINTER = GatedPattern(PROFILE_POINTER_RULE.compile())
ADDRESS_GIVE_ME_RULE = Rule(
    id="address_give_me",
    pattern=vocab.words("ja", "channel_talk", "address_give_me"),
    examples=("資料送るのでメアドください",),
    counter_examples=("送りました。見たらメールで返事ください", "メアドは不要です"),
    reason="an address asked for with 'give me' (tr12-008)",
)
_GIVE_ME = GatedPattern(ADDRESS_GIVE_ME_RULE.compile())
_ANY_CHANNEL = ch.Scanner(ch.CHANNEL_RULES)

# The contact nouns are data of the task (a list of shops with their phone numbers).
DATA_TASK = compile_pattern(vocab.words("ja", "channel_talk", "data_task"))

_EMAIL = EMAIL_RULE.compile()
_PHONE = PHONE_RULE.compile()
_ID = GatedPattern(ID_RULE.compile())
_INTL_PHONE = INTL_PHONE_RULE.compile()
_ARROW_ID = GatedPattern(ARROW_ID_RULE.compile())
_ID_CUE = ID_CUE_RULE.compile()
_ID_BY_REFERENCE = ID_BY_REFERENCE_RULE.compile()
_BARE_MAIL = GatedPattern(BARE_MAIL_RULE.compile())
_QUOTED_IDENT = GatedPattern(QUOTED_IDENT_RULE.compile())
# One line of an ID cut into fragments: a short run of ID characters filling its whole line.
_FRAGMENT = compile_pattern(r"[a-z0-9._\-]{1,31}+(?=\n|$)")
# The words every ID_CUE_RULE and ID_BY_REFERENCE_RULE match holds.
_ID_GATE = GatedPattern(compile_pattern(_ID_WORD_BEFORE_ARROW))
_IDENTIFIERS = ch.Scanner((HANDLE_RULE, IDENT_WITH_VERB_RULE, QR_RULE, QR_FILE_RULE))
_REQUEST = ch.Scanner((REQUEST_RULE,))
# Every REQUEST_RULE match holds one of these literals: a message without them skips the rule
# (its leading lookbehinds make the rule itself slow to scan).
_REQUEST_GATE = GatedPattern(compile_pattern(r"メール|メアド|mail|電話|携帯|連絡先|id|アカウント|番号|📱|📞|☎"))  # gmail holds mail
# A phone number needs a digit (Arabic or kanji) and a long run of them.
_DIGIT_RUN = compile_pattern(r"[0-9〇一二三四五六七八九零][^0-9〇一二三四五六七八九零]{0,3}[0-9〇一二三四五六七八九零]")
# The contact noun is a form field or made-up data (「電話番号の入力画面はダミーの番号で撮影」
# 「メールアドレス欄のサンプル」), not something asked of the reader.
_FIELD_AFTER = compile_pattern(r"(?:の)?(?:入力)?" + ch.talk("form_fields"))
_MADE_UP = compile_pattern(vocab.words("ja", "channel_talk", "made_up"))
# An address something is sent to (「send samples to hr.x@gmail.com」「サンプルは abc@gmail.com までお送りください」):
# a real recipient, whatever the sentence says of samples.
_RECIPIENT_BEFORE = compile_pattern(r"(?<![a-z])(?:to|at)\s{1,2}\Z")
_RECIPIENT_AFTER = compile_pattern(r"\s?(?:まで|宛|あて|に送|へ送|にお送|へお送|にご送付|へご送付)")


def _is_recipient(text: str, start: int, end: int) -> bool:
    return (_RECIPIENT_BEFORE.search(text, max(0, start - 8), start) is not None
            or _RECIPIENT_AFTER.match(text, end, min(len(text), end + 8)) is not None)
# A profile link offered with one of these in the message asks the reader to get in touch.
_CONTACT_ASK = compile_pattern(vocab.words("ja", "channel_talk", "contact_asks") + "|"
                               + r"(?<![a-z])" + ch.en_talk("contact_asks") + r"(?![a-z])")
_REFERENCE = compile_pattern(vocab.words("ja", "channel_talk", "profile_as_reference"))
HANDLE_AS_WORK = compile_pattern(vocab.words("ja", "channel_talk", "handle_as_work"))
HANDLE_CHOSEN = compile_pattern(vocab.words("ja", "channel_talk", "handle_being_chosen"))
HANDLE_CONTACT_VERB = compile_pattern(vocab.words("ja", "channel_talk", "handle_contact_verbs"))


class ContactDetails(Detector):
    name = "contact_details"
    category = "contact_details"
    rules = (EMAIL_RULE, PHONE_RULE, INTL_PHONE_RULE, ID_RULE, ARROW_ID_RULE, ID_CUE_RULE, ID_BY_REFERENCE_RULE,
             BARE_MAIL_RULE, QUOTED_IDENT_RULE, HANDLE_RULE, IDENT_WITH_VERB_RULE, QR_RULE, QR_FILE_RULE, REQUEST_RULE,
             ADD_HANDLE_RULE, CHANNEL_HANDLE_RULE, SKYPE_LIVE_RULE, SPACED_ID_RULE, EN_REQUEST_RULE, BARE_HANDLE_RULE,
             ID_ASK_RULE, SPACED_INVITE_RULE, QUOTED_NAME_RULE, ADDRESS_GIVE_ME_RULE, ARROW_HANDLE_RULE,
             BARE_SPACED_HANDLE_RULE, PROFILE_POINTER_RULE)
    terms = ("@", "あっと", "id", "電話番号", "メールアドレス", "連絡先", "line.me", "lin.ee", "discord.gg", "t.me", "qr")
    examples = Examples(
        positive=(
            "ID: abc_123 を追加してください",
            "メールアドレスを教えてください",
            "info_triangle＠example.co.jp までご連絡ください",
            "midori.edit0312 あっと example ドットコム までご連絡ください",
            "担当直通：090-2468-1357（平日10〜18時）",
            "+44 7700 900123",  # a number of a fictional range, sent alone (round 22)
            "こちらから友だち追加をお願いします→ https://lin.ee/Sm1LeWk",
            "ID↓\ndream\n_link\n_0815\n（つなげて検索してください）",
            "@wp_translate_jp までDMください",
            "連絡先は ０３（１２３４）５６７８ です",
        ),
        negative=(
            "品番は「090-4471-2356」「080-1123-9087」のようなハイフン区切りの数字です",
            "JANコードは「4901234567894」のような13桁の数字です",
            "+1234567",
            "店名・住所・電話番号・定休日をスプレッドシートに入力していただく作業です",
            "自動返信メールの有無も教えてください",
            "メールアドレスの入力は不要です",
            "単価は@50円です",
        ),
        positive_after_contract=("報酬は公式アカウント経由でお支払いします。登録しないと報酬をお支払いできません。ID: pay_club77",),
        negative_after_contract=("IDは kenta_fishing_ch です。コンタクト申請お願いします。",),
    )

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        text = msg.text
        survives = msg.contact_allowed and ch.survives_contract(text)
        spans = self._spans(text)
        reading = read_aloud(msg.norm)
        if reading is not None:  # 「ゼロキューゼロの…」「taro アットマーク gmail ドット com」
            spans += ch.from_reading(reading, self._spans(reading.text))
        found = [(start, end) for start, end in _dedupe(spans) if not ch.in_sample(text, start, end)]
        if msg.sender == "worker":
            if _WORKER_REPORTS.search(text):
                return  # the identifiers of a report or a refusal are the other side's (「…追加しません、通報します」)
            # a worker quotes the other side's identifier back to refuse or ask about it (「「ID→ hana_cw88」と
            # のことですが、…できません」「I won't add "@mika_recruit_jp"」, tr189, tr192); nobody quotes their own
            found = [(start, end) for start, end in found if enclosing_quote(text, start, end, _QUOTED_BACK_REACH) is None]
        for start, end in found[:ch.MAX_HITS]:
            yield self.hit(start, end, survives_contract=survives)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Every kind of identifier and request, up to MAX_HITS of each (all candidates examined
        until then)."""
        sentences = ch.sentences_of(text)
        return [*ch.first(self._emails(text)), *ch.first(self._phones(text, sentences)), *ch.first(self._ids(text, sentences)),
                *ch.first(self._links(text, sentences)), *ch.first(self._requests(text, sentences)),
                *ch.first(self._handed_over(text, sentences)), *self._bare_handle(text)]

    @staticmethod
    def _handed_over(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        """Handles after 'add me' or their channel, Skype live IDs, IDs spelled with spaces, and
        English requests for a contact."""
        folded = text.casefold()
        found = [handles_after_channels(text)]
        found += [pattern.finditer(text) for pattern, shape, words in _HANDOVER
                  if words.opens(folded) and shape.search(text) is not None]
        for matches in found:
            for m in matches:
                group = next((g for g in ("ident", "ident2", "ident3") if g in m.re.groupindex and m.start(g) >= 0), 0)
                if group and _names_a_file(m.group(group)):
                    continue  # 「draft_v2.docx」「v1.2.3」, spaced too
                if not clauses.is_negated(text, m.start(), m.end()):
                    yield m.span(group)
        if _ID_GATE.search(text):
            asks = [m for m in _ID_ASK.finditer(text) if not clauses.is_negated(text, m.start(), m.end())]
            if asks and _ANY_CHANNEL.search(text):
                yield from (m.span() for m in asks)
        yield from (m.span() for m in _PROFILE_POINTER.finditer(text) if not clauses.is_negated(text, m.start(), m.end()))
        for m in _GIVE_ME.finditer(text):
            s_start, s_end = sentences.span(m.start())
            if not (clauses.is_negated(text, m.start(), m.end()) or DATA_TASK.search(text, s_start, s_end)
                    or clauses.is_post_contract_reference(text, m.start(), m.end())):
                yield m.span()
        names = [m for m in _QUOTED_NAME.finditer(text)
                 if not (_SEARCH_AS_WORK.search(text, *sentences.span(m.start())) or clauses.is_negated(text, m.start(), m.end()))]
        if names and _ANY_CHANNEL.search(text):
            yield from (m.span("ident") for m in names)
        if _LATIN.search(text):
            for m in _EN_REQUEST.finditer(text):
                s_start, s_end = sentences.english(m.start())
                if not (ch.EN_NEGATION.search(text, s_start, s_end) or clauses.english_negated(text, m.start(), m.end())):
                    yield m.span()

    @staticmethod
    def _bare_handle(text: str) -> list[tuple[int, int]]:
        """A message that is one handle and nothing else (「ｍｋ＿ｓｉｄｅ７７」)."""
        if len(text) > 48:
            return []
        m = _BARE_HANDLE.fullmatch(text) or _BARE_SPACED.fullmatch(text)
        if m is None or _names_a_file(m.group("ident")):
            return []
        return [m.span("ident")]

    @staticmethod
    def _emails(text: str) -> Iterable[tuple[int, int]]:
        if not any(mark in text for mark in _AT_GATE):
            return
        sentences = None
        for m in _EMAIL.finditer(text):
            if _PLACEHOLDER_EMAIL.fullmatch(m.group()):
                continue  # 「example@example.com」 in a form's spec
            sentences = sentences or ch.sentences_of(text)
            if _MADE_UP.search(text, *sentences.span(m.start())) and not _is_recipient(text, m.start(), m.end()):
                continue  # 「テストデータには…「abc(at)gmail.com」」, not 「send samples to hr.x@gmail.com」
            yield m.span()

    @staticmethod
    def _phones(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        if not _DIGIT_RUN.search(text):
            return
        digits_text = text.translate(_KANJI_DIGITS)
        for m in _PHONE.finditer(digits_text):
            if _is_contact_phone(digits_text, m.start(), m.end(), m.group(), sentences):
                yield m.span()
        if "+" in text:
            for m in _INTL_PHONE.finditer(digits_text):
                if _is_international_phone(digits_text, m.start(), m.end(), m.group()):
                    yield m.span()

    @staticmethod
    def _ids(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        for m in _ID.finditer(text):
            start, end = m.span("ident")
            end = start + len(text[start:end].rstrip("._-\n"))  # a full stop ends the sentence, not the ID
            if not _STRONG_SEP.search(m.group("sep")) and not _ID_MARKS.search(text, start, end):
                continue  # 「ID images」「your ID (front+back)」「ID photos.」: a word, not an identifier
            if end - start >= 3 and not clauses.is_negated(text, start, end):
                yield start, end
        for m in _ARROW_ID.finditer(text):
            start, end = m.span("ident")
            end = start + len(text[start:end].rstrip("._-"))
            if end - start >= 4 and not clauses.is_negated(text, m.start(), end):
                yield start, end
        for start, end in _IDENTIFIERS.spans(text):
            if clauses.is_negated(text, start, end) or _PLACEHOLDER_ID.fullmatch(text, start, end):
                continue  # refused, or a placeholder to fill in later (「@xxxxxxx」)
            if text[start] == "@" and _handle_is_work(text, start, sentences):
                continue  # 「アカウントのID（@…）もQRの下に載せて」「ユーザーネームの候補 @…」
            yield start, end
        yield from _indirect_ids(text)

    @staticmethod
    def _links(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        for start, end, url in ch.find_urls(text):
            if ch.url_kind(url) != "invite":
                continue
            host, _ = ch.host_of(url)
            if host.removeprefix("www.") in ch.SOCIAL_PROFILE_HOSTS and not _is_profile_link(text, url):
                continue
            if host.removeprefix("www.") in ch.INVITE_PATH_HOSTS and "/invite" not in url:
                continue
            if ch.quoted_or_sample(text, start, end, sentences):
                continue  # 「『別案件→ https://lin.ee/…』みたいなのが来ました」: read back, not given
            if ch.PLACEHOLDER_PATH.search(url):
                continue  # 「discord.gg/xxxxxx のままで大丈夫です」
            yield start, end

    @staticmethod
    def _requests(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        if not _REQUEST_GATE.search(text):
            return
        for start, end in _REQUEST.spans(text):
            s_start, s_end = sentences.span(start)
            if DATA_TASK.search(text, s_start, s_end) or _MADE_UP.search(text, s_start, s_end):
                continue
            if _FIELD_AFTER.match(text, end, min(len(text), end + 8)):
                continue
            if clauses.is_negated(text, start, end) or clauses.is_reported(text, start, end):
                continue
            if clauses.is_post_contract_reference(text, start, end):
                continue  # 「メールアドレスの交換は契約後になります」
            yield start, end


def _indirect_ids(text: str) -> Iterable[tuple[int, int]]:
    """IDs given on the lines after their cue, described by reference, e-mail local parts without
    '@', and quoted handles to search for."""
    if _ID_GATE.search(text):
        for m in _ID_CUE.finditer(text):
            span = _joined_id(text, m.end())
            if span and not clauses.is_negated(text, m.start(), span[1]):
                yield span
        for m in _ID_BY_REFERENCE.finditer(text):
            if not clauses.is_negated(text, m.start(), m.end()):
                yield m.span()
    for pattern in (_BARE_MAIL, _QUOTED_IDENT):
        for m in pattern.finditer(text):
            if not clauses.is_negated(text, m.start(), m.end()):
                yield m.span("ident")


def _joined_id(text: str, pos: int, max_fragments: int = 6) -> tuple[int, int] | None:
    """The span of an ID written over the lines from `pos`: each line one fragment, joined while a
    fragment starts or ends with . _ - (the writer's cut marks). The joined ID must look like one
    (a letter and a digit, '_' or '.')."""
    start, end, fragments = pos, pos, []
    while len(fragments) < max_fragments:
        m = _FRAGMENT.match(text, end if not fragments else end + 1)
        if m is None:
            break
        frag = m.group()
        if fragments and not (frag[0] in "._-" or fragments[-1][-1] in "._-"):
            break
        fragments.append(frag)
        end = m.end()
        if end >= len(text) or text[end] != "\n":
            break
    joined = "".join(fragments)
    idish = any(c.isalpha() for c in joined) and any(c.isdigit() or c in "._" for c in joined)
    return (start, end) if len(fragments) >= 2 and idish else None


def _is_contact_phone(text: str, start: int, end: int, candidate: str, sentences: ch.Sentences) -> bool:
    """A valid Japanese number in a contact context, not a part number or code."""
    try:
        number = phonenumbers.parse(_DIGITS_ONLY.sub("", candidate), "JP")  # 「090・4412・8837」
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(number):
        return False
    s_start, s_end = sentences.span(start)
    if DATA_CUE.search(text, s_start, s_end) or EN_DATA_CUE.search(text, s_start, s_end):
        return False
    if _in_product(text, start, sentences) or ch.in_table_row(text, start):
        return False  # printed in what the work makes, or a field of the data it handles
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    return mobile or PHONE_CUE.search(text, max(0, start - 40), min(len(text), end + 20)) is not None


def _handle_is_work(text: str, start: int, sentences: ch.Sentences) -> bool:
    """An @handle the work places or describes (HANDLE_AS_WORK, in its sentence) or chooses for a new
    account (HANDLE_CHOSEN, from 100 characters before it: the candidates may be listed one a line),
    with no word of reaching anyone in its sentence or the next (a lure that shows its handle asks
    to follow, add or DM it)."""
    s_start, s_end = sentences.span(start)
    if (HANDLE_AS_WORK.search(text, s_start, s_end) is None
            and HANDLE_CHOSEN.search(text, max(0, start - 100), s_end) is None):
        return False
    _, next_end = sentences.span(s_end + 1) if s_end + 1 < len(text) else (s_end, s_end)
    return HANDLE_CONTACT_VERB.search(text, s_start, max(s_end, next_end)) is None


def _in_product(text: str, start: int, sentences: ch.Sentences) -> bool:
    """The number is printed in what the work makes (a footer, a flyer's closing line, a radio spot):
    a cue in its sentence or the 100 characters before (「フッターの表記は下記で…\n〒…\nTEL 048-…」), or the number
    inside quotes in a message about copy (「締めは「…TEL 0766-22-4810」で固定」)."""
    if PRODUCT_CUE.search(text, max(0, start - 100), sentences.span(start)[1]):
        return True
    return ch.quoted_or_sample(text, start, start + 1, sentences)


def _is_international_phone(text: str, start: int, end: int, candidate: str) -> bool:
    """A '+' number valid in its own country (the country code says which), or one of possible
    length next to a phone or messenger word (test and fictional ranges fail validation)."""
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return False
    s_start, s_end = ch.sentences_of(text).english(start)
    if EN_DATA_CUE.search(text, s_start, s_end) or DATA_CUE.search(text, s_start, s_end):
        return False  # 「a sheet of US store listings with phone numbers … convert them to E.164」
    if phonenumbers.is_valid_number(number):
        return True
    return phonenumbers.is_possible_number(number) and (
        PHONE_CUE.search(text, max(0, start - 40), min(len(text), end + 20)) is not None
        or INTL_PHONE_CUE.search(text, max(0, start - 40), min(len(text), end + 20)) is not None
        or _nothing_but(text, start, end))


# a letter or a digit: what a message holding nothing but a number lacks around it
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


def _nothing_but(text: str, start: int, end: int) -> bool:
    """The span is the whole message but for spaces, punctuation and emoji (「+44 7700 900123」 sent
    alone, round 22): a number handed over, whatever its range."""
    return _WORDLIKE.search(text, 0, start) is None and _WORDLIKE.search(text, end) is None


def _is_profile_link(text: str, url: str) -> bool:
    """instagram.com/<user>, x.com/<user>: a contact; a post (/p/, /status/) is not, nor a profile
    offered as reference (「参考にしてください」 in the message) unless the message also asks to follow, DM or contact (and does not refuse it)."""
    host, _ = ch.host_of(url)
    path = url.split(host, 1)[-1].split("?", 1)[0].strip("/")
    if not path or "/" in path:
        return False
    return _profiles_are_contacts(text)


@identity_cached(maxsize=8)
def _profiles_are_contacts(text: str) -> bool:
    """Whether the message offers profile links as contacts: it presents nothing as reference, or
    it also asks to follow, DM or contact (and does not refuse it). A property of the message, read
    once however many links it holds."""
    if not _REFERENCE.search(text):
        return True
    return any(not clauses.is_negated(text, m.start(), m.end()) for m in _CONTACT_ASK.finditer(text))


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans contained in another (an @handle inside an e-mail, an ID inside a URL)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda p: (p[0], -p[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


DETECTOR = ContactDetails()
