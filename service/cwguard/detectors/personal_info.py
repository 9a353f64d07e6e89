"""personal_info: sensitive personal data asked for outside the platform's own flows.

CrowdWorks verifies identity and pays through its own flows; a client who wants an ID document,
a My Number, a bank account, a home address, a birth date or a face photo in a message (or by
e-mail) is collecting what identity theft and "account rental" scams need. It stays a risk after
a contract. A hit needs a sensitive item and a request in the same sentence (or just after it,
for items listed one per line). Terse asks count: a copy named (「免許証 表裏 写真で」), a trailing
「…も」 (「口座番号と暗証番号も」), casual verbs (「口座おしえて」). Codes, PINs and logins (認証コード,
ワンタイムパスワード, ログインIDとパスワード) are a request only when they are to be handed over
(教えて, 送って, 共有して, お預かり) and the client is not the one giving its own.

Not a request: a topic (「『個人事業主の住所変更の手続き』の記事」), a data-entry job where
addresses are the data (「店名・住所・電話番号を入力」), the platform's own verification
(「クラウドワークスの本人確認」), the worker refusing or offering, the client giving its own
(「パスワードは別途お送りします」), an item a writing brief is about (「マイナンバーカードでe-Taxの確定
申告をする手順の記事」).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import (
    BRIEF,
    MAX_HITS_PER_MESSAGE,
    PLATFORM,
    RuleDetector,
    about_the_work,
    has_latin_letters,
    hidden_in_the_work,
    job_topic,
    refused_around,
    reported,
    sentence,
    span_of,
)

# Vocabulary: lang/ja/documents.json, lang/en/documents.json.
_ID_DOCUMENT = f"(?:{vocab.words('ja', 'documents', 'id_documents')})"
_MONEY_DATA = f"(?:{vocab.words('ja', 'documents', 'bank_and_card_data')})"
# A bare 住所 is a home address, unless it is a mail or delivery one (メール住所, 送付先住所); in kana too
# (「じゅうしょを教えて」, lang/ja/kana_spellings.json).
_BARE_ADDRESS = "|".join(vocab.longest_first(vocab.with_kana_spellings(("住所",))))
_PERSON = rf"(?:{vocab.words('ja', 'documents', 'personal_details')}|(?<!メール|メ-ル|送付先|アド)(?:{_BARE_ADDRESS}))"
# Short forms that are also ordinary words (「免許をお持ちの方」 is a job requirement, 「マイナ保険証の
# 記事」 a topic): an ID only with a copy, a photo or sending asked of it.
_SHORT_ID = (
    rf"(?:{vocab.words('ja', 'documents', 'short_id_names')}|マイナ(?![スーン\-a-z])|"
    r"免許(?!を?お持ち|取得|保有|必須|が必要|をお持))"
)
_DOCUMENT_ACT = f"(?:{vocab.words('ja', 'documents', 'copy_or_send')})"
# Codes, PINs and logins (lang/ja/documents.json secret_codes, login_credentials; en secret_codes).
_SECRET = f"(?:{vocab.words('ja', 'documents', 'secret_codes')})"
_LOGIN = f"(?:{vocab.words('ja', 'documents', 'login_credentials')})"
_EN_SECRET = f"(?:{vocab.words('en', 'documents', 'secret_codes')})"


@dataclass(frozen=True, slots=True)
class InfoRule(Rule):
    """A rule of this detector, with what its context check needs to know about it."""
    # A code or a login: a request only when it is to be handed over (教えて, 送って, 共有して,
    # お預かり, or a bare 「お願い」 right after it) and the client is not the one giving it
    # (「パスワードは別途お送りします」).
    credential: bool = False
    # The pattern carries its own request (「口座おしえて」「本人確認が必要です」).
    asks_itself: bool = False


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
    # --- terse asks: codes, logins, accounts, a bare identity check (tr6–tr8, tr1–tr3) ----------
    InfoRule(
        id="secret_code",
        pattern=rf"(?P<s>{_SECRET})",
        examples=(
            "SMSで届く認証コードもおねがいします",
            "登録確認のためSMSに届いた6桁のコードを教えてください",
            "あと振込先の口座番号と暗証番号も",
            "コードは3分で失効するので、届いたらすぐこちらに送ってください",
            "届いた4桁コードをここに貼るだけでOKです",
        ),
        counter_examples=(
            "認証コードは誰にも教えないでください。",
            "ミーティングID：812 3456 7890 パスコード：483920",
            "二段階認証の設定方法を解説する記事をお願いします。",
            "商品が届いたらバーコードを読み取って在庫に登録してください",
        ),
        reason="one-time codes and PINs handed over (tr8-014, tr2-0035, tr3-0147, tr6-005)",
        credential=True,
    ),
    InfoRule(
        id="login_credentials",
        pattern=rf"(?P<s>(?:ネットバンキング|ネット銀行|銀行|google|gmail|apple|amazon|line|メール|取引所)?\s?(?:の)?\s?(?:アカウント)?\s?(?:の)?\s?{_LOGIN})",
        examples=(
            "ネット銀行で口座作ってログインIDとパスワード送るだけ",
            "作業用にお使いのGoogleアカウントのIDとパスワードを共有してもらえますか？",
        ),
        counter_examples=(
            "管理画面のログイン情報はこのあとメッセージでお送りしますので、届きましたら作業を開始してください。",
            "WordPressのユーザー名は「writer_ishii」です。パスワードは別途お送りします。",
            "パスワードの変更をお願いします。",
        ),
        reason="the login of the worker's own account handed over (tr8-014, tr2-0039, tr3-0075)",
        credential=True,
    ),
    InfoRule(
        id="account_opening",
        pattern=rf"(?P<s>{vocab.words('ja', 'documents', 'account_opening')})",
        examples=("ネット銀行の口座を新しく開設し、キャッシュカードとログイン情報をお預かりするだけの簡単なお仕事です。",),
        counter_examples=(
            "ネット銀行5社の口座開設手順を比較する記事をお願いします。実際に口座を開設していただく必要はありません。",
        ),
        reason="a bank account opened for someone else: the money-mule job (tr2-0036, tr8-014)",
    ),
    InfoRule(
        id="account_in_your_name",
        pattern=rf"(?P<s>{vocab.words('ja', 'documents', 'account_in_your_name')})",
        examples=("あなたの名義でネット銀行の口座を開設する、1つ口座ごとに報酬15000円お支払いします。",
                  "ご自身名義でスマホを契約してもらうだけ。1台3万円"),
        counter_examples=("自分名義で口座を開設する方法を解説する記事を書いてください",),
        reason="an account or a line opened in the worker's own name for the client (tr320): the money-mule job offered",
        asks_itself=True,
    ),
    InfoRule(
        id="account_bought",
        pattern=rf"(?P<s>{vocab.words('ja', 'documents', 'accounts_bought')})",
        examples=("ID・パス教えてくれたら1アカ5000円で買い取ります✨", "使ってないインスタのアカウント、貸してくれたら月1万払います"),
        counter_examples=("アカウントの買い取りは規約違反なのでお受けできません。", "中古アカウント買取サイトのLP制作をお願いします。",
                          "Instagramの運用代行は1アカウントあたり5,000円でお願いします。"),
        reason="the worker's accounts bought or rented (round 24): the money-mule job's other form",
        asks_itself=True,
    ),
    InfoRule(
        id="bare_account_asked",
        pattern=rf"(?P<s>{vocab.words('ja', 'documents', 'bare_account_asked')})",
        examples=("口座おしえて", "こちらで口座をご登録ください"),
        counter_examples=("振込先の口座はクラウドワークスの設定画面で登録してくださいね。",),
        reason="a bare 口座 asked for tersely (tr7-009, tr2-0062)",
        asks_itself=True,
    ),
    InfoRule(
        id="identity_check_asked",
        pattern=r"(?P<s>(?:ご)?本人確認)(?!書類|用|済|機能|が完了|は完了|の方法|方法)\s?(?:が|を|は|の)?\s?"
        r"(?:必要|必須|お願い|おねがい|させて|して(?:ください|下さい|いただ|頂|もらい|もらえ)|いたします|致します|を?行い|実施|にご協力)",
        examples=("【重要】報酬受取には本人確認が必要です", "お仕事の前に本人確認をさせていただきます。"),
        counter_examples=(
            "本人確認はクラウドワークスの本人確認機能でお願いします。",
            "本人確認は不要です。",
            "本人確認済みの方を優先します。",
        ),
        reason="an identity check announced by the client outside the platform (tr6-005, tr5-0022)",
        asks_itself=True,
    ),
    Rule(
        id="english_id_bank_or_address",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'documents', 'personal_items')}|"
        r"your id(?= card| document| front| photo| picture| scan| copy|\s?\+| and|[.,!?]|$))(?![a-z]))",
        examples=("Please send a photo of your passport and your bank account details.",),
        counter_examples=(
            "We do not need your bank details.",
            "Please enter the customers' home address into the spreadsheet.",
            "Never send your passport to anyone.",
        ),
        lang="en",
        reason="in English: ID documents, bank and card data, address, birth date",
    ),
    InfoRule(
        id="english_account_in_your_name",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'documents', 'accounts_in_a_name')})\s(?:in|under)\s(?:your|ur)\s(?:own\s)?name(?![a-z]))",
        examples=("Simple task: open a bank account in your own name. ¥30,000 for 15 min work",
                  "get a new sim in ur name and send me the codes"),
        counter_examples=("Never open a bank account in your name for a stranger.",
                          "The article explains why a phone line under your name must stay yours."),
        lang="en",
        reason="in English: an account or a line opened in the worker's own name for the client (the money-mule job, "
               "round 21), as account_in_your_name in Japanese",
        asks_itself=True,
    ),
    InfoRule(
        id="english_accounts_traded",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'documents', 'accounts_traded')})(?![a-z]))",
        examples=("to verify ur acct. also we rent accounts, 5000 yen/week 👍", "can you sell your account? 20k"),
        counter_examples=("Never sell your account to anyone.", "We sell accounts for our SaaS to small shops."),
        lang="en",
        reason="in English: the worker's accounts rented, bought or sold (round 22), as account_in_your_name lends the "
               "worker's name",
        asks_itself=True,
    ),
    InfoRule(
        id="english_code_or_password",
        pattern=rf"(?P<s>(?<![a-z]){_EN_SECRET}(?![a-z]))",
        examples=("Please send me the 6-digit code we just texted you.", "Share your online banking password with our agent."),
        counter_examples=(
            "We will never ask for your passwords or login codes.",
            "I'll send you the password for our CMS after the contract.",
        ),
        lang="en",
        reason="in English: one-time codes and passwords handed over",
        credential=True,
    ),
)

_REQUEST = compile_pattern(
    r"ください|下さい|くださ|いただけ|頂け|いただき|頂き|いただく|頂く|いただいて|いただきます|願い|願え|教えて|送って|"
    r"お送り|ご送付|送付して|添付して|ご添付|ご提出|提出して|提出を|提出が|ご提示|提示して|記載して|ご記載|ご記入|記入して|"
    r"ご入力|入力して|ご用意|用意して|必要|必須|アップロード|撮影して|撮って|共有して|ご共有|登録して|ご登録|"
    r"確認させ|拝見させ|頂戴|もらえ|ほしい|欲しい|ませんか|でしょうか|お知らせ|"
    # terse and casual asks: 「口座おしえて」「身分証の画像を送らないと停止」「出してもらってます」「お預かりする」
    r"おしえて|おくって|おねがい|ちょうだい|もらって|もらう|ないと|なければ|なきゃ|お預かり|お預け|預けて|預から|譲って|売って|貸して|"
    # a form to fill in, said as little (「ﾌｫｰﾑに氏名･生年月日･最寄り駅入れるだけ」, tr184)
    r"入れるだけ|入れてください|入れて下さい|入れてね|書くだけ|入力するだけ|記入するだけ|"
    # brought or mailed to the asker (「身分証もってきてね」「キャッシュカードを郵送してもらいます」, round 18)
    r"持ってきて|持って来て|もってきて|ご持参|持参して|郵送して|ご郵送|"
    # where to send them, to be told (「ｷｬｯｼｭｶｰﾄﾞは送り先お伝えします」, round 22)
    r"(?:送り先|送付先|郵送先)\s?(?:を|は)?[^。!?\n]{0,6}?(?:お伝え|伝え|お知らせ|ご案内|連絡|教え)|"
    # the place to send them as the last words (「銀行名・支店・口座番号・生年月日をこちらに」, tr211), or
    # before an arrow or the link they go to (「免許証の画像をこちらへ forms.gle/…」, round 16)
    r"(?:を)?(?:こちら|ここ|こっち|下記|以下)(?:に|へ|まで)\s?(?:[。!！\n→⇒👉↓👇:：]|\p{So}|$|(?=(?:https?://|www\.)|[a-z0-9\-]{1,30}\.[a-z]{2,6}/))|"
    # the contracted 〜ておいて: 「振込先の口座だけ先に教えといて」「送っといて」
    r"(?<=[えてっしせけげめべれ])(?:といて|どいて|ておいて)|"
    # a copy named is a copy asked: 「免許証 表裏 写真で」「マイナカード両面」「…の写真だけです」
    r"表裏|裏表|両面|表と裏|見開き|📷|📸|(?:写真|写メ|画像|コピー|写し|スキャン|スクショ|pdf|添付|送付|提出|アップ)\s?(?:で|にて|も|だけ|のみ)(?![a-z])|"
    # said to be needed, or to be pasted here (「通帳の見開きも要ります」「6ケタここ貼って」, round 10)
    r"(?<!重|主|概|不)要(?:り|る)|貼って|"
    # a copy named with を as the last word (「免許証の写メを」), or counted (「顔わかる写真も1枚」, round 12)
    # (an emoji as the last word too: 「キャッシュカードの写真を🙏」, round 15)
    r"(?:写真|写メ|画像|コピー|写し|スキャン|スクショ)\s?を\s?(?:[。!！\n]|\p{So}|$)|(?<=写真|写メ|画像)\s?(?:も|を)?\s?\d\s?枚|"
    # what will do: 「支店名と口座番号でOKです」「市区町村まででも大丈夫です」「じゃ通帳の表紙でいいです」
    r"で(?:も)?\s?(?:ok|オッケー|大丈夫|構いません|かまいません|結構です|十分です|いいです|いいよ|良いです)|"
    r"(?<![a-z])(?:please|send|share|provide|upload|submit|attach|need|needs|required|must|give|tell|email|forward|bring|"
    # a form to fill in, a check to pass (「just fill in full name, date of birth … so HR can verify u」, tr181)
    r"fill(?: in| out)?|verify|reply with|"
    r"can you|could you|would you|let me know)(?![a-z])"
)
# The items are the data of the job (data entry, lists): 「店名・住所・電話番号…を入力」.
_DATA_JOB = compile_pattern(
    rf"(?<!支)店名|{vocab.words('ja', 'documents', 'data_entry_words')}|"
    rf"(?<![a-z])(?:{vocab.words('en', 'documents', 'data_entry_words')})(?![a-z])"
)
# A topic rather than a request: 「住所変更の手続き」「マイナンバー制度」「免許証の更新」.
_TOPIC_TAIL = compile_pattern(
    # past items listed with it: 「免許証とマイナカードの撮り方ガイド」
    r"(?:(?:と|や|・|、|/)[^。!?\n]{1,10}?)?(?:\s?[（(][^）)\n]{1,12}[）)])?\s?(?:の)?\s?(?:変更|手続き|制度|の書き方|書き方|とは|について|に関する|の更新|更新|の取得|取得方法|の申請|申請方法|"
    r"の仕組み|の記載方法|の確認方法|の注意点|の管理|管理|の写真撮影|スタジオ|カメラマン|撮影のコツ|比較|おすすめ|"
    r"の選び方|ランキング|業界|の作り方|の開設方法|開設|の解約|"
    # a guide to photographing it: 「免許証とマイナカードの撮り方ガイド(図解5枚)」 (tr87)
    r"の撮り方|撮り方|の撮影ガイド|のガイド|の図解|のマニュアル|"
    # a photo the work edits: 「新婦様の顔写真（バストアップ）の肌レタッチ」 (tr123)
    r"[^。!?\n]{0,2}?(?:レタッチ|補正|切り抜き|トリミング|背景処理|色調整|加工)|"
    # the item drawn or designed (「通帳のデザインはシンプルで」「免許証のイラスト」)
    r"の(?:デザイン|イラスト|アイコン|モックアップ)|"
    # how the item is to be written in a translation or a style guide (「selfieは「顔写真の撮影」で統一」
    # 「My Number Cardは「マイナンバーカード」表記で」, round 28): the quoted wording is the work's
    r"(?:は\s?「[^」\n]{1,20}」|[^。!?\n「」]{0,8}?[」』])\s?(?:で|と|に)?\s?(?:表記|統一|と訳|で訳)|"
    # a form's field being translated or built (「For the マイナンバー field keep the label」, tr231), a
    # template's field to put in (「請求書テンプレートに振込先口座の欄を入れて」, tr328), not one to fill in (「欄に記入」)
    r"(?:の)?\s?(?:field|fields|label|column|入力欄|記入欄|欄の|欄(?!\s?(?:に|へ)))(?![a-z]))"
)
# The platform's own flows (「クラウドワークスの本人確認」「クラウドワークスに登録の口座」).
_PLATFORM_FLOW = compile_pattern(
    rf"{PLATFORM}\s?(?:の|で|に|上で|から)?\s?(?:本人確認|口座登録|登録(?:済み)?の|登録した|登録情報|機能|マイページ|"
    r"設定|プロフィール|報酬受け取り|出金)"
    # the account registered with the platform, named a few words later (「報酬はクラウドワークスから、あなたが登録
    # している銀行口座に振込されます」, tr182)
    rf"|{PLATFORM}[^。!?\n]{{0,16}}?登録\s?(?:している|してある|してる|した|済み|済の|されている|いただいている)"
)
# The platform's own flows in English: 「the bank account you registered on CrowdWorks / there」 (tr160).
_EN_PLATFORM_FLOW = compile_pattern(
    rf"(?<![a-z])(?:registered|saved|set up|on file)\s(?:there|with {PLATFORM}|on {PLATFORM}|in {PLATFORM})(?![a-z])"
    rf"|(?<![a-z])(?:payment|bonus|pay|payout)\s(?:on|through|via)\s{PLATFORM}"
)
_LOOKAHEAD = 60
_BREAK = compile_pattern(r"[。!?]")
# The worker is shown the records, not asked for them: 「通帳やカードの明細は、ご契約後にfreeeのメンバー招待で
# 閲覧していただく形です」 (tr149, a bookkeeping job): a verb of viewing later in the item's sentence.
_VIEWED_BY_THE_WORKER = compile_pattern(r"[^。!?\n]{0,40}?(?:閲覧|ご覧|参照)\s?(?:して|し|いただ|頂|可能|でき)")


class PersonalInfoDetector(RuleDetector):
    name = "personal_info"
    category = "personal_info"
    kind = "risk"
    rules = RULES
    terms = (
        "本人確認", "身分証", "免許証", "保険証", "パスポート", "旅券", "在留カード", "マイナンバー", "個人番号", "住民票", "印鑑証明", "戸籍", "学生証",
        "社員証", "年金手帳", "口座", "名義", "振込先", "振り込み先", "振込み先", "マイナ", "免許", "通帳", "キャッシュカード", "クレジットカード", "クレカ", "カード番号", "暗証番号", "セキュリティコード", "ネットバンキング", "住所", "お住まい",
        "生年月日", "顔写真", "顔画像", "顔の", "自撮り", "セルフィー", "家族構成", "本籍", "passport", "licen", "id", "ssn",
        "social security", "bank", "account", "routing", "card", "cvv", "address", "birth", "selfie", "number",
        # codes, PINs and logins; a face photo described (「お顔がはっきり分かる写真」)
        "コード", "番号", "届い", "桁", "ケタ", "年月日", "パス", "pw", "ログイン", "アカウント", "顔", "pin", "otp", "code", "password", "login", "log-in",
        "sign-in", "credential",
        # an account or a line in the worker's own name (english_account_in_your_name; "your name" holds it)
        "ur name",
        # every ID document the vocabulary names (「通知カード」)
        *vocab.terms("ja", "documents", "id_documents"),
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

    def detect(self, msg: MessageView):
        """The rules' hits, then the other items asked in the same sentence or list (「↓送って下さい
        ・氏名 ・住所 ・生年月日」「口座と住所だけ先に」): a reader should see every item asked, not
        the first the rules read as a request."""
        hits = list(super().detect(msg))
        if not hits and self.applies(msg):
            hits = [self.hit(a, b) for a, b in _listed_after_a_request(msg.text)]
        yield from hits
        taken = [(h.start, h.end) for h in hits]
        for start, end in _co_listed_items(msg.text, taken):
            yield self.hit(start, end)

    def applies(self, msg: MessageView) -> bool:
        # RUBRIC v2: a "system" message is trusted only as a platform notice; one that asks for a
        # login or an ID (「以下のページでログインIDとパスワードを再入力してください」, tr1-0143) is
        # read like the client's. A worker's message about its own data is a refusal or an offer.
        return msg.sender != "worker"

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        return self._is_request(text, m, rule, state)

    @staticmethod
    def _is_request(text: str, m, rule: Rule, state: dict) -> bool:
        start, end = span_of(m)
        if _TOPIC_TAIL.match(text, end, min(len(text), end + 24)) or _LEFT_OUT_AFTER.match(text, end):
            return False
        if _CONDITIONAL_RESIDENCE.match(text, start, min(len(text), end + 8)):
            return False  # 「もし都内にお住まいなら」: where the worker lives as a condition, nothing asked
        english = has_latin_letters(text[start:end]) and rule.lang == "en"
        region_start, region_end = _request_region(text, start, end, english)
        if _DATA_JOB.search(text, region_start, region_end) or _PLATFORM_FLOW.search(text, region_start, region_end):
            return False
        if hidden_in_the_work(text, start, end, region_start, region_end, _EN_HAND_OVER if english else _REQUEST, english):
            return False  # 「口座番号の欄はぼかしてください」"bleep every bank account number"
        if english and _EN_PLATFORM_FLOW.search(text, region_start, region_end):
            return False  # 「it lands in the bank account you registered there (on CrowdWorks)」
        if english and _EMAIL_ADDRESS.search(m.group()) and _EMAIL_TALK.search(text, region_start, region_end):
            return False  # 「so I have your address for the invite」: an e-mail address
        if not english and _VIEWED_BY_THE_WORKER.match(text, end, region_end) and not _HAND_OVER.search(text, end, region_end):
            return False  # 「通帳やカードの明細は、ご契約後にfreeeで閲覧していただく形です」: the client's records, shown
        if getattr(rule, "credential", False):
            if not _handed_over(text, start, end, region_start, region_end, english):
                return False
        elif not getattr(rule, "asks_itself", False) and not (
            _REQUEST.search(text, end, region_end) or _REQUEST.search(text, region_start, start) or _TERSE_ASK.match(text, end)
        ):
            return False
        if _subject_of_a_brief(text, start, end, state):
            return False
        return not (job_topic(text, start, end) or reported(text, start, end) or refused_around(text, m))


# The items a list of personal data names, highlighted beside the one a rule read as asked.
_ITEM = compile_pattern(rf"{_ID_DOCUMENT}|{_MONEY_DATA}|{_PERSON}|{vocab.words('ja', 'documents', 'listed_items')}")
# A list runs over the lines after the request (「↓送って下さい\n・氏名\n・住所」), as far as this.
_LIST_REACH = 160
# A bulleted line follows.
_BULLET_AFTER = compile_pattern(r"\n\s?[・•\-*①-⑳]")


def _co_listed_items(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The personal-data items in the sentence or the list of each hit that no hit covers yet."""
    found: list[tuple[int, int]] = []
    for start, _ in taken:
        s_start, s_end = sentence(text, start)
        reach_end = min(len(text), max(s_end, start + _LIST_REACH)) if _BULLET_AFTER.search(text, start) else s_end
        for m in _ITEM.finditer(text, s_start, reach_end):
            if len(taken) + len(found) >= MAX_HITS_PER_MESSAGE:
                return found
            span = m.span()
            if not any(a < span[1] and span[0] < b for a, b in (*taken, *found)):
                found.append(span)
    return found


# A request pointing at the list below it (「以下を送ってください\n・氏名\n・住所\n・生年月日」, tr47 family).
_FORWARD_REQUEST = compile_pattern(
    r"(?:以下|下記|次の(?:項目|内容|情報)?|↓|👇)\s?(?:の(?:項目|内容|情報))?\s?(?:を|も)?\s?"
    r"(?:ご?送|お?知らせ|教え|おしえ|ご?記入|ご?入力|ご?提出|ご?返信|ご?連絡|お願い|おねがい|ください|下さい)"
)
# An item asked by itself (an ID, bank data, an address or a birth date), not a plain one of `listed_items`.
_STRONG_ITEM = compile_pattern(rf"{_ID_DOCUMENT}|{_MONEY_DATA}|{_PERSON}")


def _listed_after_a_request(text: str) -> list[tuple[int, int]]:
    """The first item of a bulleted list that a request points at and that holds a personal-data
    item asked by itself, unless the message is a data job (「店名・住所・電話番号を入力」)."""
    for m in _FORWARD_REQUEST.finditer(text):
        line_end = text.find("\n", m.end())
        if line_end < 0 or not _BULLET_AFTER.match(text, line_end):
            continue
        block_end = min(len(text), m.end() + _LIST_REACH)
        if _STRONG_ITEM.search(text, m.end(), block_end) is not None:
            if _DATA_JOB.search(text) is not None:
                return []  # the message's own fields: no list in it is a request
            first = _ITEM.search(text, m.end(), block_end)  # a plain item listed first counts as listed
            return [first.span()]
    return []


# A terse ask right after the item: 「…も」 at the end of a message or sentence asks for it too
# (「あと口座番号と暗証番号も」), the item alone is asked as the whole question (「住所は？」, tr98), and
# the item with a bare を ends the sentence (「契約前に年齢確認だけ。生まれ年月日を」, round 10).
# A count of pictures asked for too (「免許証持った自撮りも1枚」, round 22; a bare 「顔写真素材を2枚」 counts material).
_EN_COPY = rf"(?:{vocab.words('en', 'documents', 'copy_words')})(?![a-z])"
_EN_TERSE_WANT = rf"(?:{vocab.words('en', 'documents', 'terse_wants')})(?![a-z])"
_TERSE_ASK = compile_pattern(r"[^。!?\n]{0,12}?も\s?(?:[。!?\n]|\p{So}|$)|\s?(?:は|って)\s?\?|\s?を\s?(?:[。!！\n]|\p{So}|$)"
                             r"|[^。!?\n]{0,4}?も\s?(?:[1-9１-９]|一|ひと)\s?枚(?:だけ|ずつ)?\s?(?:[。!?\n]|\p{So}|$)"
                             # terse English, right after the item and ending the sentence: a copy named, or
                             # the item wanted (「ID card pic pls」「bank acct number first」「passport front and back」, round 26)
                             rf"|\s?(?:number\s)?(?:{_EN_COPY}(?:\s?{_EN_TERSE_WANT})?|{_EN_TERSE_WANT})\s?(?:[.!\n]|\p{{So}}|$)")
# The item said to be left out (「保険証は対象外で大丈夫です」, round 22): nothing asked of it.
_LEFT_OUT_AFTER = compile_pattern(r"\s?(?:は|も)\s?(?:対象外|なしで|無しで|結構です|いりません|要りません)")
_CONDITIONAL_RESIDENCE = compile_pattern(r"お住まい\s?(?:なら|でしたら|であれば|の方(?!の住所)|の場合|かどうか)")
_EMAIL_ADDRESS = compile_pattern(r"(?<![a-z])(?:your|full|current) address(?![a-z])")
_EMAIL_TALK = compile_pattern(r"e-?mail|(?<![a-z])mail(?![a-z])|\(at\)|@|invite|slack|chatwork|discord|message me")
_HAND_OVER = compile_pattern(vocab.words("ja", "documents", "hand_over"))
_EN_HAND_OVER = compile_pattern(
    # (「bring your ID + bank card」: brought to a meeting, round 18)
    r"(?<![a-z])(?:send|share|give|provide|forward|text|tell|email|enter|type|reply with|paste|submit|need|needs|want|let me know|bring|"
    r"what's|whats|what is)(?![a-z])"
)
_GIVING = compile_pattern(vocab.words("ja", "documents", "giving"))
_EN_GIVING = compile_pattern(vocab.words("en", "documents", "giving"))
# 「認証コードもおねがいします」「暗証番号をお願い」: a bare 「お願い」 right after the code.
_ASKED_RIGHT_AFTER = compile_pattern(r"\s?(?:を|も|は)?\s?(?:だけ|のみ)?\s?(?:お願い|おねがい|願います|ちょうだい|ください|下さい|くれ|please)")


def _handed_over(text: str, start: int, end: int, region_start: int, region_end: int, english: bool) -> bool:
    """Whether a code or a login is to be handed over by the reader: a verb of handing over in its
    clause chain (「認証コードを教えて」「IDとパスワードを共有して」「ログイン情報をお預かり」), a bare
    「お願い」 right after it, or a terse 「…も」, and not the client giving its own (「パスワードは
    別途お送りします」「I'll send you the password」)."""
    hand_over = _EN_HAND_OVER if english else _HAND_OVER
    giving = _EN_GIVING if english else _GIVING
    if giving.search(text, end, region_end) or (english and giving.search(text, region_start, start)):
        return False
    return bool(
        _ASKED_RIGHT_AFTER.match(text, end, min(len(text), end + 12))
        or _TERSE_ASK.match(text, end)
        or hand_over.search(text, end, region_end)
        or hand_over.search(text, region_start, start)
    )


# Words of the work that may follow an item named as its subject (「銀行口座を分けるメリットの記事」).
_WORK_NOUNS = compile_pattern(r"記事|コラム|原稿|執筆|ブログ|動画|台本|マニュアル|見出し|構成|まとめ|網羅|解説|比較|表に|post|article|guide")
_HAND_OVER_NEAR = 16


def _subject_of_a_brief(text: str, start: int, end: int, state: dict) -> bool:
    """Whether an item is what a writing brief is about: the message asks for an article, and no
    handing over follows the item before the work's own words (「マイナンバーカードでe-Taxの確定
    申告をする手順の記事」「本人確認書類の種類や…を表にまとめて」 vs 「記事の前に身分証のコピーを
    送ってください」); or the brief quotes it as a scam's line (`upfront_payment.about_the_work`)."""
    if "brief" not in state:
        state["brief"] = BRIEF.search(text) is not None
    if not state["brief"]:
        return False
    if about_the_work(text, start, end, state):
        return True
    if has_latin_letters(text[start:end]) and not _JAPANESE.search(text, start, end):
        # English puts the verb first: 「send a photo of your passport before the article」 (an item in
        # Japanese with a Latin part, 「ログインIDとパスワード」, is read the Japanese way)
        lo = max(0, start - 2 * _HAND_OVER_NEAR)
        return _EN_HAND_OVER.search(text, lo, start) is None and _EN_HAND_OVER.search(text, end, end + _HAND_OVER_NEAR) is None
    hi = min(len(text), end + _HAND_OVER_NEAR)
    work = _WORK_NOUNS.search(text, end, hi)
    ask_end = work.start() if work else hi
    return not (_HAND_OVER.search(text, end, ask_end) or _COPY_NEAR.search(text, end, ask_end))


_JAPANESE = compile_pattern(r"[\p{Han}\p{Katakana}\p{Hiragana}]")
_COPY_NEAR = compile_pattern(_DOCUMENT_ACT + r"|ご提出|提出して|ご提示|ご記入|記入して|お知らせ|教えて|おしえて")


def _request_region(text: str, start: int, end: int, english: bool = False) -> tuple[int, int]:
    """From the start of the item's sentence to the end of its sentence, or further when the
    item sits in a list (one per line) whose request comes after it. English sentences are
    longer in characters: read twice as far."""
    reach = 2 * _LOOKAHEAD if english else _LOOKAHEAD
    lo = max(0, start - reach)
    region_start = lo
    for cut in _BREAK.finditer(text, lo, start):
        region_start = cut.end()
    line_start = text.rfind("\n", region_start, start)
    region_start = max(region_start, line_start + 1)
    hi = min(len(text), end + reach)
    cut = _BREAK.search(text, end, hi)
    return region_start, cut.start() if cut else hi


DETECTOR = PersonalInfoDetector()
