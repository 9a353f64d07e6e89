"""contact_details: a concrete outside contact identifier appears, or one is asked for.

Identifiers: e-mail addresses (also 「あっと」「(at)」「ドット」「[.]」), Japanese phone numbers
(validated by `phonenumbers`, region JP, with context so part numbers and JAN codes stay quiet),
IDs given after 「ID」 (even split across lines), @handles, identifiers given with 「で検索」「を追加」,
chat-tool invite or profile links (line.me, lin.ee, chatwork.com, discord.gg, t.me…) and LINE QR
codes. Requests: a contact noun (メールアドレス, 電話番号, LINE ID, 連絡先) with an asking verb,
unless refused or part of a data-entry task (「店名・住所・電話番号をスプレッドシートに入力する作業」).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

from ..lang.ja import clauses
from ..engine.detector import Detector, Examples, Hit, MessageView, Rule, compile_pattern
from ..engine.normalize import read_aloud
from . import _channels as ch

_WS = r"[ \t\u3000]"
_AT = (_WS + r"{0,3}(?:@|あっと|アット|\((?:at|あっと)\)|\[(?:at|あっと)\]|<at>|\{at\}|【(?:at|あっと|アット)】|★|☆|◎"
       r"|" + _WS + r"at" + _WS + r")" + _WS + "{0,3}")
_DOT = (_WS + r"{0,2}(?:\.|ドット|\((?:dot|\.|ドット)\)|\[(?:dot|\.|ドット)\]|【(?:ドット|dot)】|" + _WS + r"dot" + _WS + ")"
        + _WS + "{0,2}")
_LABEL = r"[a-z0-9][a-z0-9\-]{0,62}+"
_TLD = r"(?:[a-z]{2,24}+(?![a-z0-9\-])|コム|ジェーピー|ジェイピー|ネット)"
_PROVIDER = r"(?:gmail|yahoo|icloud|outlook|hotmail|docomo|ezweb|softbank)(?![a-z0-9\-])"
EMAIL_RULE = Rule(
                 id="obfuscated_e_mail",
                 pattern=r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}+" + _AT
    + r"(?:" + _LABEL + r"(?:" + _DOT + _LABEL + r"){0,4}" + _DOT + _TLD + "|" + _PROVIDER + ")",
                 examples=("midori.edit0312 あっと example ドットコム までご連絡ください",),
                 reason="obfuscated e-mail (dev-055)",
             )
# Candidate phone numbers: a leading 0 (or +81) and 9-10 more digits with at most three separators
# between digits (「0 8 0 - 5 5 1 2」 spaces every digit and pads the hyphen); not part of a longer
# digit run (so a 1 MB run of digits is one failed candidate).
_PSEP = r"[ \-().・/\u3000]"
PHONE_RULE = Rule(
                 id="phone_number_candidates",
                 pattern=r"(?<!\d" + _PSEP + r"{0,3})(?<![\d+])(?:0(?:" + _PSEP + r"{0,3}\d){9,10}+|\+81" + _PSEP + r"{0,2}(?:\(0\))?"
    + r"\d(?:" + _PSEP + r"{0,3}\d){8,9}+)(?!" + _PSEP + r"{0,3}\d)",
                 examples=("担当直通：090-2468-1357（平日10〜18時）",),
                 reason="phone number candidates (dev-059)",
             )
# International numbers: a '+' and a country code, any region (validated by `phonenumbers`).
INTL_PHONE_RULE = Rule(
                      id="international_phone_numbers",
                      pattern=r"(?<![\d+])\+[1-9](?:" + _PSEP + r"{0,2}\d){6,14}+(?!" + _PSEP + r"{0,2}\d)",
                      examples=("you can reach me at +44 20 7946 0958",),
                      lang="en",
                      reason="international phone numbers",
                  )
# Kanji digits read as digits for the phone pass (same length, so offsets stay).
# (and the long-vowel mark, which people type for a hyphen: ０９０ー１２３４ー５６７８)
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九零ー", "01234567890-")
PHONE_CUE = compile_pattern(r"電話|(?<![a-z])tel|携帯|ケータイ|スマホ|直通|連絡先|番号|(?<![a-z])call|sms|ショートメ|連絡|かけ|着信")
# Words next to an international number that make it a contact (「WhatsApp: +…」「reach me at +…」).
INTL_PHONE_CUE = compile_pattern(r"(?<![a-z])(?:phone|mobile|cell|whats\s?app|telegram|signal|viber|wechat|reach|text|"
                                 r"contact|number)(?![a-z])")
# Digits that are data: part numbers, codes, page numbers, examples in a data-entry brief.
DATA_CUE = compile_pattern(r"品番|型番|部品|商品番号|管理番号|注文番号|伝票|(?<![a-z])jan|isbn|コード|ページ|郵便|〒|口座|"
                           r"会員番号|シリアル|ロット|品名|のような|例|形式|フォーマット|スプレッドシート|エクセル|excel|csv")

ID_RULE = Rule(
              id="id_split_across_lines",
              pattern=r"(?<!案件|仕事|注文|商品|会員|取引|応募|ジョブ|job|管理|社員|予約|ログイン|問い合わせ|動画|記事|契約|タスク|プロジェクト)"
    r"(?<![a-z])(?:id|アイディー?|ユーザー(?:名|ネーム)|アカウント名)(?![a-z])"
    r"(?:[ \t\u3000\n:=「『(\[<【→↓⇒⬇👇]|は|を|の|:){0,6}"
    r"(?P<ident>(?=[a-z0-9._\-]{0,31}[a-z_])[a-z0-9][a-z0-9._\-]{1,31}+(?:\n{1,2}[a-z0-9._\-]{1,31}+){0,5})",
              examples=("ID↓\ndream\n_link\n_0815\n（つなげて検索してください）",),
              reason="ID split across lines (dev-056)",
          )
# An ID handed over after an arrow or colon a few words after the cue (「ID送りますね→ pon_pon_0707」
# 「アカウントはこちら👉 mika.works_22」). The token must look like an ID (a digit, '_' or '.' in it),
# not a word, a number or a URL.
ARROW_ID_RULE = Rule(
                    id="id_after_arrow",
                    pattern=r"(?<![a-z])(?:id|アイディー?|ユーザー(?:名|ネーム)|アカウント(?:名)?)(?![a-z])[^。\n!?]{0,12}?[→⇒👉↓⬇👇:=]"
    r"[ \t\u3000]{0,3}(?P<ident>(?=[a-z0-9._\-]{0,31}[0-9_.])(?=[a-z0-9._\-]{0,31}[a-z])[a-z0-9][a-z0-9._\-]{3,31}+)"
    r"(?![a-z0-9._\-]|:/)",
                    examples=("IDはこちらです👉 mika.works_22",),
                    reason="ID after an arrow",
                )
# An ID on the lines after its cue, cut into fragments that start or end with . _ - (「IDはこちらです👇
# \nhappy\n.side\n.work77」): the cue, then the fragments are joined in code (`_joined_id`).
ID_CUE_RULE = Rule(
                  id="id_following_lines",
                  pattern=r"(?<!案件|仕事|注文|商品|会員|取引|応募|ジョブ|job|管理|社員|予約|ログイン|問い合わせ|動画|記事|契約|タスク|プロジェクト)"
    r"(?<![a-z])(?:id|アイディー?|ユーザー(?:名|ネーム)|アカウント(?:名)?)(?![a-z])[^。\n!?]{0,12}?[→⇒👉↓⬇👇:=]"
    r"[ \t\u3000]{0,3}\n",
                  examples=("IDはこちらです👇\nhappy\n.side\n.work77",),
                  reason="ID on the following lines",
              )
# An ID described instead of given: 「IDは私の名前（表示名）と同じです」「IDはプロフのままです」.
ID_BY_REFERENCE_RULE = Rule(
                           id="id_given_reference",
                           pattern=r"(?<![a-z])(?:id|アイディー?)(?![a-z])(?:は|も|:)?[^。\n!?]{0,14}?"
    r"(?:名前|表示名|ユーザー名|アカウント名|ニックネーム|プロフ(?:ィール)?|アイコン|この名前|本名)"
    r"[^。\n!?]{0,8}?(?:と同じ|と一緒|のまま|そのまま|で検索|です|になって)",
                           examples=("IDは私の名前（表示名）と同じです",),
                           reason="an ID given by reference",
                       )
# An e-mail address without its '@': a provider or address cue and a local part
# (「gmailのアドレスは yamada.taro.0412 です」).
BARE_MAIL_RULE = Rule(
                     id="e_mail_local_part",
                     pattern=r"(?:gmail|yahoo|icloud|outlook|hotmail|メール|メアド|(?<![a-z])mail)(?:の)?(?:アドレス|address)?"
    r"(?:[ \t\u3000]{0,2}(?:は|:|→|👉|=)){1,3}[ \t\u3000]{0,3}"
    r"(?P<ident>(?=[a-z0-9._\-]{0,63}[0-9._])(?=[a-z0-9._\-]{0,63}[a-z])[a-z0-9][a-z0-9._\-]{3,63}+)(?![a-z0-9._\-@＠])",
                     examples=("gmailのアドレスは yamada.taro.0412 です（あとはいつものgmail.comで）",),
                     reason="e-mail local part without '@'",
                 )
# A handle in quotes with a search/follow/add verb (「インスタで「kirari_beauty_pr」って検索してください」).
QUOTED_IDENT_RULE = Rule(
                        id="quoted_handle_search",
                        pattern=r"[「『\"“](?P<ident>(?=[a-z0-9._\-]{0,31}[_0-9.])[a-z][a-z0-9._\-]{2,31}+)[」』\"”]"
    r"(?:って|と|で|を|に)?[ \t\u3000]{0,2}(?:検索|追加|フォロー|申請|dm)",
                        examples=("インスタで「kirari_beauty_pr」って検索してください",),
                        reason="a quoted handle to search for",
                    )
HANDLE_RULE = Rule(
                  id="handle",
                  pattern=r"(?<![a-z0-9._%+\-/])@(?=[a-z0-9_.]{0,30}[a-z])[a-z0-9_.]{2,30}+",
                  examples=("@wp_translate_jp までDMください",),
                  reason="handle (dev-057)",
              )
IDENT_WITH_VERB_RULE = Rule(
                           id="identifier_given_without_word",
                           pattern=r"(?<![a-z0-9._\-@])(?=[a-z0-9._\-]{0,31}[_0-9])[a-z][a-z0-9._\-]{3,31}+(?=[ \t\u3000]{0,2}"
    r"(?:で検索|を検索|を追加|で追加|に(?:コンタクト)?申請|をフォロー|まで(?:dm|ご連絡|連絡|メッセージ)))",
                           examples=("abc_123で検索して追加してください",),
                           reason="identifier given without the word ID",
                       )
QR_RULE = Rule(
              id="line_qr_code",
              pattern=r"(?<![a-z])qr(?:コード)?(?![a-z])(?!(?:の)?(?:作成|生成|制作|付き|入り|デザイン|印刷))"
    r"[^。\n]{0,15}?(?:読み取|読取|読み込|スキャン|追加|登録|友(?:だち|達)|から)",
              examples=("こちらのQRコードを読み取って友だち追加してください",),
              reason="LINE QR code",
          )
_MAIL_NOUN = r"(?:(?:携帯|個人|社用|会社|仕事用|私用)|(?<!\p{Han}))メール(?:アドレス)?|メアド|(?<![a-z])e?-?mail\s?(?:address|アドレス)?"
REQUEST_RULE = Rule(
                   id="asking_contact_identifier",
                   pattern=r"(?:" + _MAIL_NOUN + r"|(?:お)?電話番号|携帯(?:電話)?番号|連絡先|(?<![a-z])(?:line|skype|chatwork|discord|telegram)"
    r"(?:の)?\s?(?:id|アカウント)|(?:ライン|チャットワーク|スカイプ|インスタ)(?:の)?\s?(?:id|アカウント))"
    r"(?=[^。\n]{0,15}?(?:教え|お知らせ|知らせ|ご入力|入力|ご記入|記入|送って|お送り|送付|ご共有|共有|交換|伺|お聞き|"
    r"聞かせ|ご登録|ご提示|提示|記載|書いて))",
                   examples=("メールアドレスを教えてください",),
                   reason="asking for a contact identifier (dev-066, dev-049)",
               )
# The contact nouns are data of the task (a list of shops with their phone numbers).
DATA_TASK = compile_pattern(r"作業|スプレッドシート|エクセル|excel|リスト|一覧|データ|転記|csv|\d件|件数|収集|調査|リサーチ|"
                            r"店名|会社名|企業名|顧客|名簿|参照|項目|フォーム作成|設定して")

_EMAIL = EMAIL_RULE.compile()
_PHONE = PHONE_RULE.compile()
_ID = ID_RULE.compile()
_INTL_PHONE = INTL_PHONE_RULE.compile()
_ARROW_ID = ARROW_ID_RULE.compile()
_ID_CUE = ID_CUE_RULE.compile()
_ID_BY_REFERENCE = ID_BY_REFERENCE_RULE.compile()
_BARE_MAIL = BARE_MAIL_RULE.compile()
_QUOTED_IDENT = QUOTED_IDENT_RULE.compile()
# One line of an ID cut into fragments: a short run of ID characters filling its whole line.
_FRAGMENT = compile_pattern(r"[a-z0-9._\-]{1,31}+(?=\n|$)")
_ID_GATE = compile_pattern(r"id|アイディ|ユーザー|アカウント")
_IDENTIFIERS = ch.Scanner((HANDLE_RULE, IDENT_WITH_VERB_RULE, QR_RULE))
_REQUEST = ch.Scanner((REQUEST_RULE,))
# Every REQUEST_RULE match holds one of these literals: a message without them skips the rule
# (its leading lookbehinds make the rule itself slow to scan).
_REQUEST_GATE = compile_pattern(r"メール|メアド|mail|電話|携帯|連絡先|id|アカウント")
# A phone number needs a digit (Arabic or kanji) and a long run of them.
_DIGIT_RUN = compile_pattern(r"[0-9〇一二三四五六七八九零][^0-9〇一二三四五六七八九零]{0,3}[0-9〇一二三四五六七八九零]")
# The contact noun is a form field or made-up data (「電話番号の入力画面はダミーの番号で撮影」
# 「メールアドレス欄のサンプル」), not something asked of the reader.
_FIELD_AFTER = compile_pattern(r"(?:の)?(?:入力)?(?:画面|欄|項目|フィールド|枠|形式|フォーマット|バリデーション|チェック)")
_MADE_UP = compile_pattern(r"ダミー|サンプル|架空|仮の|テスト用|例えば|たとえば|記入例|入力例|(?<![a-z])dummy|(?<![a-z])sample")
# A profile link offered with one of these in the message asks the reader to get in touch.
_CONTACT_ASK = compile_pattern(r"フォロー|(?<![a-z])dm|ご連絡|連絡|メッセージ|友(?:だち|達)|追加|繋が|つなが|"
                               r"(?<![a-z])(?:follow|message|contact|add me)(?![a-z])")
_SOCIAL = ("instagram.com", "twitter.com", "x.com", "facebook.com")
_REFERENCE = compile_pattern(r"参考|ご参照|参照|イメージ|例えば|たとえば|ご覧")


class ContactDetails(Detector):
    name = "contact_details"
    category = "contact_details"
    rules = (EMAIL_RULE, PHONE_RULE, INTL_PHONE_RULE, ID_RULE, ARROW_ID_RULE, ID_CUE_RULE, ID_BY_REFERENCE_RULE,
             BARE_MAIL_RULE, QUOTED_IDENT_RULE, HANDLE_RULE, IDENT_WITH_VERB_RULE, QR_RULE, REQUEST_RULE)
    terms = ("@", "あっと", "id", "電話番号", "メールアドレス", "連絡先", "line.me", "lin.ee", "discord.gg", "t.me", "qr")
    examples = Examples(
        positive=(
            "ID: abc_123 を追加してください",
            "メールアドレスを教えてください",
            "info_triangle＠example.co.jp までご連絡ください",
            "midori.edit0312 あっと example ドットコム までご連絡ください",
            "担当直通：090-2468-1357（平日10〜18時）",
            "こちらから友だち追加をお願いします→ https://lin.ee/Sm1LeWk",
            "ID↓\ndream\n_link\n_0815\n（つなげて検索してください）",
            "@wp_translate_jp までDMください",
            "連絡先は ０３（１２３４）５６７８ です",
        ),
        negative=(
            "品番は「090-4471-2356」「080-1123-9087」のようなハイフン区切りの数字です",
            "JANコードは「4901234567894」のような13桁の数字です",
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
        survives = msg.phase == "contracted" and ch.survives_contract(text)
        spans = self._spans(text)
        reading = read_aloud(msg.norm)
        if reading is not None:  # 「ゼロキューゼロの…」「taro アットマーク gmail ドット com」
            spans += ch.from_reading(reading, self._spans(reading.text))
        for start, end in _dedupe(spans)[:ch.MAX_HITS]:
            yield self.hit(start, end, survives_contract=survives)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Every kind of identifier and request, up to MAX_HITS of each (all candidates examined
        until then)."""
        sentences = ch.Sentences(text)
        return [*ch.first(self._emails(text)), *ch.first(self._phones(text, sentences)), *ch.first(self._ids(text)),
                *ch.first(self._links(text, sentences)), *ch.first(self._requests(text, sentences))]

    @staticmethod
    def _emails(text: str) -> Iterable[tuple[int, int]]:
        if "@" not in text and "at" not in text and "あっと" not in text and "アット" not in text \
                and "★" not in text and "☆" not in text and "◎" not in text:
            return
        for m in _EMAIL.finditer(text):
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
    def _ids(text: str) -> Iterable[tuple[int, int]]:
        for m in _ID.finditer(text):
            start, end = m.span("ident")
            end = start + len(text[start:end].rstrip("._-\n"))
            if end - start >= 3 and not clauses.is_negated(text, start, end):
                yield start, end
        for m in _ARROW_ID.finditer(text):
            start, end = m.span("ident")
            end = start + len(text[start:end].rstrip("._-"))
            if end - start >= 4 and not clauses.is_negated(text, m.start(), end):
                yield start, end
        for start, end in _IDENTIFIERS.spans(text):
            if not clauses.is_negated(text, start, end):
                yield start, end
        yield from _indirect_ids(text)

    @staticmethod
    def _links(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        for start, end, url in ch.find_urls(text):
            if ch.url_kind(url) != "invite":
                continue
            host, _ = ch.host_of(url)
            if host.removeprefix("www.") in _SOCIAL and not _is_profile_link(text, url):
                continue
            if host.removeprefix("www.") in ("discord.com", "discordapp.com") and "/invite" not in url:
                continue
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
        number = phonenumbers.parse(candidate, "JP")
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(number):
        return False
    s_start, s_end = sentences.span(start)
    if DATA_CUE.search(text, s_start, s_end):
        return False
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    return mobile or PHONE_CUE.search(text, max(0, start - 40), min(len(text), end + 20)) is not None


def _is_international_phone(text: str, start: int, end: int, candidate: str) -> bool:
    """A '+' number valid in its own country (the country code says which), or one of possible
    length next to a phone or messenger word (test and fictional ranges fail validation)."""
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    return phonenumbers.is_possible_number(number) and (
        PHONE_CUE.search(text, max(0, start - 40), min(len(text), end + 20)) is not None
        or INTL_PHONE_CUE.search(text, max(0, start - 40), min(len(text), end + 20)) is not None)


def _is_profile_link(text: str, url: str) -> bool:
    """instagram.com/<user>, x.com/<user>: a contact; a post (/p/, /status/) is not, nor a profile
    offered as reference (「参考にしてください」 in the message) unless the message also asks to follow, DM or contact (and does not refuse it)."""
    host, _ = ch.host_of(url)
    path = url.split(host, 1)[-1].split("?", 1)[0].strip("/")
    if not path or "/" in path:
        return False
    return _profiles_are_contacts(text)


@lru_cache(maxsize=8)
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
