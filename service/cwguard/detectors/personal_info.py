"""personal_info: sensitive personal data asked for outside the platform's own flows.

CrowdWorks verifies identity and pays through its own flows; a client who wants an ID document,
a My Number, a bank account, a home address, a birth date or a face photo in a message (or by
e-mail) is collecting what identity theft and "account rental" scams need. It stays a risk after
a contract. A hit needs a sensitive item and a request in the same sentence (or just after it,
for items listed one per line).

Not a request: a topic (「『個人事業主の住所変更の手続き』の記事」), a data-entry job where
addresses are the data (「店名・住所・電話番号を入力」), the platform's own verification
(「クラウドワークスの本人確認」), the worker refusing or offering, the client giving its own.
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import PLATFORM, RuleDetector, in_topic, refused_around, span_of

# Vocabulary: lang/ja/documents.json, lang/en/documents.json.
_ID_DOCUMENT = f"(?:{vocab.words('ja', 'documents', 'id_documents')})"
_MONEY_DATA = f"(?:{vocab.words('ja', 'documents', 'bank_and_card_data')})"
# A bare 住所 is a home address, unless it is a mail or delivery one (メール住所, 送付先住所).
_PERSON = rf"(?:{vocab.words('ja', 'documents', 'personal_details')}|(?<!メール|メ-ル|送付先|アド)住所)"
# Short forms that are also ordinary words (「免許をお持ちの方」 is a job requirement, 「マイナ保険証の
# 記事」 a topic): an ID only with a copy, a photo or sending asked of it.
_SHORT_ID = (
    rf"(?:{vocab.words('ja', 'documents', 'short_id_names')}|マイナ(?![スーン\-a-z])|"
    r"免許(?!を?お持ち|取得|保有|必須|が必要|をお持))"
)
_DOCUMENT_ACT = f"(?:{vocab.words('ja', 'documents', 'copy_or_send')})"

RULES: tuple[Rule, ...] = (
    Rule(
        id="id_document",
        pattern=rf"(?P<s>{_ID_DOCUMENT})",
        examples=("本人確認書類（運転免許証の表裏）の画像をこちらのメッセージでお送りください。",),
        counter_examples=(
            "本人確認はクラウドワークスの本人確認機能でお願いします。",
            "運転免許証の更新手続きについて記事を書いてください。",
            "身分証の画像は送らないでください。",
        ),
        reason="ID documents and My Number (dev-053, dev-054)",
    ),
    Rule(
        id="bank_or_card_data",
        pattern=rf"(?P<s>{_MONEY_DATA})",
        examples=("報酬振込先の銀行口座情報をこちらのメッセージでお送りください。",),
        counter_examples=(
            "口座情報はクラウドワークスに登録済みのものを使います。",
            "クレジットカード番号は絶対に送らないでください。",
        ),
        reason="bank and card data (dev-053, dev-069)",
    ),
    Rule(
        id="address_birth_date_or_face",
        pattern=rf"(?P<s>{_PERSON})",
        examples=("書類選考のため、顔写真付きの履歴書（現住所・生年月日を記載）をこちらにご提出ください。",),
        counter_examples=(
            "顧客リストの住所をスプレッドシートに入力してください。",
            "顔写真は不要です。",
            "メールアドレスを教えてください。",
        ),
        reason="address, birth date, face photo (dev-068, dev-053, dev-049)",
    ),
    Rule(
        id="short_id_with_copy",
        pattern=rf"(?P<s>{_SHORT_ID})(?:\s?[(（][^)）\n]{{0,12}}[)）])?\s?(?:の|を|も|と|や)?\s?{_DOCUMENT_ACT}",
        examples=("本人確認のため、マイナの写真をこちらに送ってください。",),
        counter_examples=(
            "普通免許をお持ちの方を歓迎します。",
            "マイナ保険証の写真撮影のコツについての記事です。",
        ),
        reason="short forms of ID documents with a copy or a photo asked: マイナカード, 免許, 通帳",
    ),
    Rule(
        id="english_id_bank_or_address",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'documents', 'personal_items')}|"
        r"your id(?= card| document|[.,!?]|$))(?![a-z]))",
        examples=("Please send a photo of your passport and your bank account details.",),
        counter_examples=(
            "We do not need your bank details.",
            "Please enter the customers' home address into the spreadsheet.",
            "Never send your passport to anyone.",
        ),
        lang="en",
        reason="in English: ID documents, bank and card data, address, birth date",
    ),
)

_REQUEST = compile_pattern(
    r"ください|下さい|くださ|いただけ|頂け|いただき|頂き|いただく|頂く|いただいて|いただきます|願い|願え|教えて|送って|"
    r"お送り|ご送付|送付して|添付して|ご添付|ご提出|提出して|提出を|提出が|ご提示|提示して|記載して|ご記載|ご記入|記入して|"
    r"ご入力|入力して|ご用意|用意して|必要|必須|アップロード|撮影して|撮って|共有して|ご共有|登録して|ご登録|"
    r"確認させ|拝見させ|頂戴|もらえ|ほしい|欲しい|ませんか|でしょうか|お知らせ|"
    # what will do: 「支店名と口座番号でOKです」「市区町村まででも大丈夫です」
    r"で(?:も)?\s?(?:ok|オッケー|大丈夫|構いません|かまいません|結構です|十分です)|"
    r"(?<![a-z])(?:please|send|share|provide|upload|submit|attach|need|needs|required|must|give|tell|email|forward|"
    r"can you|could you|would you|let me know)(?![a-z])"
)
# The items are the data of the job (data entry, lists): 「店名・住所・電話番号…を入力」.
_DATA_JOB = compile_pattern(
    rf"(?<!支)店名|{vocab.words('ja', 'documents', 'data_entry_words')}|"
    rf"(?<![a-z])(?:{vocab.words('en', 'documents', 'data_entry_words')})(?![a-z])"
)
# A topic rather than a request: 「住所変更の手続き」「マイナンバー制度」「免許証の更新」.
_TOPIC_TAIL = compile_pattern(
    r"\s?(?:の)?\s?(?:変更|手続き|制度|の書き方|書き方|とは|について|に関する|の更新|更新|の取得|取得方法|の申請|申請方法|"
    r"の仕組み|の記載方法|の確認方法|の注意点|の管理|管理|の写真撮影|スタジオ|カメラマン|撮影のコツ|比較|おすすめ|"
    r"の選び方|ランキング|業界|の作り方|の開設方法|開設|の解約)"
)
# The platform's own flows (「クラウドワークスの本人確認」「クラウドワークスに登録の口座」).
_PLATFORM_FLOW = compile_pattern(
    rf"{PLATFORM}\s?(?:の|で|に|上で|から)?\s?(?:本人確認|口座登録|登録(?:済み)?の|登録した|登録情報|機能|マイページ|"
    r"設定|プロフィール|報酬受け取り|出金)"
)
_LOOKAHEAD = 60
_BREAK = compile_pattern(r"[。!?]")


class PersonalInfoDetector(RuleDetector):
    name = "personal_info"
    category = "personal_info"
    kind = "risk"
    rules = RULES
    terms = (
        "本人確認", "身分証", "免許証", "保険証", "パスポート", "旅券", "在留カード", "マイナンバー", "個人番号", "住民票", "印鑑証明", "戸籍", "学生証",
        "社員証", "年金手帳", "口座", "マイナ", "免許", "通帳", "キャッシュカード", "クレジットカード", "カード番号", "暗証番号", "セキュリティコード", "ネットバンキング", "住所", "お住まい",
        "生年月日", "顔写真", "顔画像", "顔の", "自撮り", "セルフィー", "家族構成", "本籍", "passport", "licen", "id", "ssn",
        "social security", "bank", "account", "routing", "card", "cvv", "address", "birth", "selfie", "number",
    )
    examples = Examples(
        positive=(
            "採用にあたり、本人確認書類（運転免許証の表裏）の画像と、報酬振込先の銀行口座情報をこちらのメッセージでお送りください。",
            "弊社の規定で必要となります。あわせて生年月日とご住所もお願いします。",
            "書類選考のため、顔写真付きの履歴書（現住所・生年月日を記載）をこちらにご提出ください。",
            "氏名・生年月日・電話番号・メールアドレスをご入力いただきます。",
            "ご準備いただくもの\n・マイナンバーカードの写し\n・キャッシュカードの写真\n上記をメールでお送りください。",
        ),
        negative=(
            "テーマは「飲食店開業にかかる初期費用の目安」と「個人事業主の住所変更の手続き」の2本です。",
            "グルメサイトを参照して、店名・住所・電話番号・定休日をスプレッドシートに入力していただく作業です。",
            "本人確認はクラウドワークスの本人確認機能で済ませておりますので、書類はお送りできません。",
            "マイナンバーのご提出は不要です。",
            "住所や生年月日などの個人情報は送らないでください。",
            "メールアドレスを教えてください。",
        ),
        positive_after_contract=(
            "経理処理の都合で、マイナンバーカードの写しとご自宅の住所を、経理担当のメール宛にお送りいただけますか。",
            "請求書払いにしたいので、ご住所と振込先の銀行口座を教えていただければ、こちらで処理します。",
        ),
        negative_after_contract=("経理に確認したところ、クラウドワークス経由の場合は不要とのことでした。",),
    )

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        return self._is_request(text, m)

    @staticmethod
    def _is_request(text: str, m) -> bool:
        start, end = span_of(m)
        if _TOPIC_TAIL.match(text, end, min(len(text), end + 10)):
            return False
        region_start, region_end = _request_region(text, start, end)
        if _DATA_JOB.search(text, region_start, region_end) or _PLATFORM_FLOW.search(text, region_start, region_end):
            return False
        if not _REQUEST.search(text, end, region_end) and not _REQUEST.search(text, region_start, start):
            return False
        return not (in_topic(text, start, end) or refused_around(text, m))


def _request_region(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the item's sentence to the end of its sentence, or further when the
    item sits in a list (one per line) whose request comes after it."""
    lo = max(0, start - _LOOKAHEAD)
    region_start = lo
    for cut in _BREAK.finditer(text, lo, start):
        region_start = cut.end()
    line_start = text.rfind("\n", region_start, start)
    region_start = max(region_start, line_start + 1)
    hi = min(len(text), end + _LOOKAHEAD)
    cut = _BREAK.search(text, end, hi)
    return region_start, cut.start() if cut else hi


DETECTOR = PersonalInfoDetector()
