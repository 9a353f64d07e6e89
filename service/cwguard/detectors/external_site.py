"""external_site: the worker is lured to an outside website, form or app to apply, register,
contract, pay or keep talking (own site, Google Forms, short URLs, app download).

Lures are read from words (「会員登録」「本登録」「弊社サイトから応募し直して」「アプリをダウンロード」
「外部の研修サイトでご案内」) and from links: a form or short link with a request, or any outside
link in a message that lures. A link given as reference for the work, a platform link
(crowdworks.jp), or a tool named as the work (「Googleフォームで作って」) is not this. After a
contract a payment site is direct_deal, so payment lures are left to that detector then.

Words: lang/ja/site_talk.json, lang/en/site_talk.json; link hosts: lang/common/sites.json.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView, Rule, compile_pattern
from ..lang import vocab
from ..lang.ja import clauses
from . import _channels as ch
from ._cues import PLATFORM


def words(group: str) -> str:
    """A group of lang/ja/site_talk.json (regular-expression source, one group)."""
    return f"(?:{vocab.words('ja', 'site_talk', group)})"


def en_words(group: str) -> str:
    """A group of lang/en/site_talk.json (regular-expression source, one group)."""
    return f"(?:{vocab.words('en', 'site_talk', group)})"


_LURE_VERB = words("lure_verbs")
_SITE = words("sites")
# Registration words name no place: they are a lure to a site only when the message points at one
# (a URL, サイト/フォーム/アプリ…), or at least does not put them inside a chat tool (「友だち追加を
# お願いします。そこで本登録のご案内をします」 is LINE, off_platform_contact).
REGISTRATION_RULES: tuple[Rule, ...] = (
    Rule(
        id="registration_words",
        pattern=words("registration_kinds") + r"登録|アカウント(?:を)?作成",
        examples=("本登録はこちらのフォームからお願いします",),
        counter_examples=("会員登録フォームの作成をお願いします", "会員登録は不要です"),
        reason="registration words (dev-048, dev-049, dev-065)",
    ),
    Rule(
        id="registered_only",
        pattern=r"(?:ご)?登録" + words("registered") + words("registered_people") + r"(?:に|へ|様)?" + words("only"),
        examples=("登録いただいた方にのみ、担当から面談日程をご案内しております",),
        counter_examples=("登録済みの方のみ対象というルールは設けていません",),
        reason="registration as the condition of the job",
    ),
)
_CHAT_PLACE = compile_pattern(vocab.words("ja", "site_talk", "chat_places"))
_SITE_PLACE = compile_pattern(vocab.words("ja", "site_talk", "site_places"))
# English: register / sign up / apply at a site (「Please first register at our partner exchange https://…」).
EN_REGISTER = compile_pattern(
    r"(?<![a-z])" + en_words("register_verbs") + r"(?:[ \t]" + en_words("register_adverbs") + r")?"
    # what is registered may come between (「register teacher account on teach-kidsglobal.app」, tr199)
    + r"(?:[ \t](?:a|an|your|the)?[ \t]?[a-z\-]{1,20}[ \t]account)?[ \t]"
    + en_words("register_prepositions") + r"[ \t](?:[a-z\-]{1,20}[ \t]){0,3}?(?:" + en_words("register_places")
    # (a form or a short link's host too: 「complete onboarding at forms.gle/…」, tr202)
    + r"|[a-z0-9\-]{2,30}\.(?:com|net|org|io|app|jp|co|xyz|site|online|info|biz|me|gle|ly)(?![a-z]))"
    # registering first as what shows the job (「register first to see the details」, round 21): the English 「登録後に詳細」
    # (not what a site being built asks its users: 「users must register first to see the details」)
    + r"|(?<![a-z])(?<!(?:users?|visitors?|members?|customers?|applicants?|people)\s(?:must|should|can|will|need\sto|have\sto)\s)"
    + en_words("register_verbs") + r"[ \t](?:first|now)[ \t]to[ \t](?:see|view|get|unlock|access|read|check)"
    r"[ \t](?:the[ \t]|all[ \t]|full[ \t]|more[ \t])*(?:details|detail|info|information|tasks|task|job|jobs|pay|rates)(?![a-z])"
)
_EN_REGISTER_GATE = compile_pattern(r"regist|sign|apply|account|enroll|onboarding")
# The link in a profile, the lure that hides its URL (「応募はプロフのリンクから」).
_PROFILE_LINK = r"(?:プロフ(?:ィール)?|(?<![a-z])bio(?![a-z])|ハイライト)(?:の|に|欄の|欄にある|にある)?\s?(?:リンク|url|ページ)(?:先)?(?:から|より|で|に)"
LURE_RULES: tuple[Rule, ...] = (
    Rule(
        id="own_site_with_lure_verb",
        pattern=words("site_owners") + r"の?[^\s。、\nはがをにで]{0,8}?" + _SITE
        + r"(?=[^。\n]{0,3}?(?:で|から|に|へ|より)(?:の)?[^。\n]{0,8}?" + _LURE_VERB + ")",
        examples=("弊社サイトでの登録が必須となっております",),
        counter_examples=("弊社サイトでの登録は不要です",),
        reason="own/outside site + lure verb (dev-048 m3, dev-062)",
    ),
    Rule(
        id="apply_again_there",
        pattern=r"(?<=(?:" + _SITE + "|" + words("pointers") + r")[^。\n]{0,3}?(?:から|より|で|にて)[^。\n]{0,6}?)"
        r"(?:(?:ご)?" + words("apply_verbs") + r"し?直(?:して|し|す)?|(?<=" + words("again") + r")(?:ご)?" + words("apply_verbs")
        + r"(?:し?直(?:して|し|す)?)?)",
        examples=("弊社サイトから応募し直してください", "選考は弊社の採用サイトで行っておりますので、下記から改めてご応募ください"),
        counter_examples=("クラウドワークスから応募し直してください",),
        reason="apply again outside (the span is the verb: the site may be named far before)",
    ),
    Rule(
        id="app_download",
        pattern=r"アプリ(?:[「『\"(][^」』\")\n]{1,24}[」』\")])?(?:を|の)?(?:[^。\n]{0,12}?|[^\n]{0,24}?。[^。\n]{0,6}?)" + words("install_verbs"),
        examples=("以下からアプリをダウンロードし、登録してください", "タスクは全部アプリで配信してます。DLして登録まで済ませといてください",
                  "案件の受け取りは専用アプリ『ワークポケット』からになります。インストールお願いします"),
        counter_examples=("アプリのダウンロード数を増やす施策を考えてください",),
        reason="app download (dev-064)",
    ),
    Rule(
        id="named_app_install",
        pattern=r"[「『\"][^」』\"\n]{1,24}[」』\"](?:という|って)?(?:アプリ|ツール)(?:を|の)?[^。\n]{0,12}?" + words("install_verbs"),
        examples=("「TaskHub」というアプリをスマホに入れてください",),
        counter_examples=("「Canva」というアプリで作ったデザインを修正してください",),
        reason="a named app to install",
    ),
    Rule(
        id="application_form",
        pattern=words("form_kinds") + r"(?:用)?(?:の)?フォーム",
        examples=("以下の応募フォームにご入力いただけますでしょうか",),
        counter_examples=("応募フォームの作成をお願いします",),
        reason="application form (dev-037)",
    ),
    Rule(
        id="profile_link_to_act",
        pattern=r"(?:応募|登録|エントリー|申し?込み?|詳細|お仕事の詳細|案件の詳細)(?:は|も|の方は)\s?" + _PROFILE_LINK
        # or to write from (「プロフィールのリンク先からご連絡ください」「…リンク先からで大丈夫ですよ」, tr226)
        + r"|" + _PROFILE_LINK + r"(?=[^。\n]{0,6}?(?:応募|登録|エントリー|申し?込|詳細|確認|ご?連絡|大丈夫|ok))"
        # or just to look, nothing named between (「プロフのURLから見てね」, round 26)
        + r"|" + _PROFILE_LINK + r"(?=\s?(?:見て|みて|ご覧|チェック))",
        examples=("応募はプロフのリンクから", "ぷろふのリンクから登録お願いします〜", "私のプロフィール欄にあるリンク先からご連絡ください",
                  "プロフのリンク先からで大丈夫です", "プロフのURLから見てね", "別のお仕事はプロフィールのリンクからご覧ください"),
        counter_examples=("プロフィールのリンクから登録するよう誘導されたら通報してください",
                          "お客様がプロフのリンクから予約できるようにしたいです（Instagram運用）",
                          "導線は「ご注文はプロフィールのリンクから」を毎回入れてください",
                          "プロフィールのリンク先から作品を拝見しました",
                          "プロフのリンクから弊社の会社概要を見てください"),
        reason="the link in a profile as the place to apply or register: a lure that hides the URL (tr65, tr76 families)",
    ),
    Rule(
        id="register_at_the_link",
        pattern=r"(?:リンク先|リンク|url)\s?(?:で|から|より|にて)\s?(?:の)?\s?(?:ご|本|仮)?(?:登録|応募|エントリー|申し?込)"
        # the act named first (「応募はリンクからだけ」, tr197)
        r"|(?:ご|本|仮)?(?:登録|応募|エントリー|申し?込み?)\s?(?:は|も)\s?(?:こちらの|下記の|この|その)?\s?(?:リンク先|リンク|url)\s?(?:から|より|で|にて)",
        examples=("事務局さんにOKもらってるので安心してね🙆リンク先で登録だけお願い🙏", "登録はリンクから本登録してください",
                  "crowdworksの ページはもうない。応募はリンクからだけ"),
        counter_examples=("リンク先で登録する手順を図解してください", "リンクから登録させる導線は不要です",
                          "お客様の予約はリンクから入る導線にしたいです"),
        reason="registering at a link pointed to, the link itself maybe in another message (tr96 family)",
    ),
    Rule(
        id="selection_through_the_site",
        # the selection or the application itself sent through a form or site, no URL needed
        # (「遅くなりすみません　選考はフォームからお願いします」, tr296)
        # (the site's owner named, the application in English, a stray で: 「応募は弊社HPからお願いします」
        # 「entryは弊社ページで」「エントリーもHPからでおねがいします」, round 15)
        # (or carried on there, the place owned: 「選考は弊社フォームで行っております」「続きは弊社の案件サイトで募集してます」, round 19)
        pattern=r"(?:(?:選考|本選考|ご?応募|エントリー|お申し?込み|(?<![a-z])entry(?![a-z]))\s?(?:は|も)\s?(?:(?:専用|" + words("site_owners")
        + r")の?)?\s?" + _SITE
        + r"\s?(?:から|で|にて|経由で|より)\s?(?:で)?\s?(?:お願い|おねがい|ください|下さい|受け付け|受付|お進み|進んで|ご?入力|ご?回答|ご?応募|ご?登録)"
        + r"|(?:選考|本選考|続き|以降|この先)\s?(?:は|も)\s?(?:" + words("site_owners") + r")\s?の?\s?(?:[^\s。、\nはがをにで]{1,6}?)?" + _SITE
        + r"\s?(?:で|にて)\s?(?:行っ|行い|行なっ|おこな|実施|やっ|募集し|募集中|受け付け|受付))"
        r"(?![^。\n]{0,4}?(?:という|って|との|と書))",
        examples=("遅くなりすみません　選考はフォームからお願いします", "応募は専用サイトからご登録ください",
                  "応募は弊社HPからお願いします", "entryは弊社ページでお願いしてます",
                  "応募多数のため選考は弊社フォームで行っております", "CW側の枠はもう埋まってて😅 続きは弊社の案件サイトで募集してます"),
        counter_examples=("選考はクラウドワークスのメッセージでお願いします", "選考はサイトの制作実績を拝見して行います",
                          "お申込みはフォームから受付、という導線のLPを作ってください",
                          "続きは弊社サイトで公開しているブログ記事をご覧ください"),
        reason="the selection or the application sent through a form or site (tr296): the application moved off the platform",
    ),
    Rule(
        id="only_through_the_site",
        # not the words described as the work's (「フォームからのみ受付、という導線のLPを」)
        pattern=_SITE + r"\s?(?:から|で|にて|経由)\s?(?:の)?\s?(?:み|のみ|だけ)\s?(?:の)?\s?(?:受付|受け付け|ご?応募|エントリー|ご?登録|お申し?込み)"
        r"(?![^。\n]{0,4}?(?:という|って|との|と書))",
        examples=("CW側はもう締めちゃったのでフォームからのみ受付です。", "応募は専用サイトからのみ受け付けています"),
        counter_examples=("フォームからのみ受付、という導線のLPを作ってください",),
        reason="a form or site said to be the only way to apply or register (tr191, tr176): the application moved off the platform",
    ),
    Rule(
        id="google_forms_apply",
        pattern=words("google") + r"\s?フォーム(?=[^。\n]{0,6}?(?:から|に|で|より)[^。\n]{0,6}?" + words("form_answer_verbs") + ")",
        examples=("Googleフォームからご応募ください",),
        counter_examples=("保護者向けアンケートをGoogleフォームで作っていただきたいです",),
        reason="Google Forms to apply (not: 「Googleフォームで作って」)",
    ),
)
# An outside form, site or app made the condition of pay: a statement of terms, so it needs no
# request and its 「ないと」 is the condition, not a refusal.
# (what is withheld without it, a few words after the condition)
_WITHHELD_AFTER = r"(?=[^。\n]{0,20}?(?:" + vocab.words("ja", "channel_talk", "withheld_unless_joined") + "))"
CONDITION_RULES: tuple[Rule, ...] = (
    Rule(
        id="site_as_condition",
        pattern=r"(?P<s>" + _SITE + r"(?:に|へ|で|から|を)?\s?(?:ご)?" + words("condition_acts")
        + r"(?:して(?:いただか|もらわ|おか)?|いただか|し|さ)?(?:ないと|なければ|なくては|ない場合|ない限り|ないかぎり))"
        + _WITHHELD_AFTER
        # the site named after the condition (「登録しないと案件見れない仕様です｡ﾌｫｰﾑに氏名…入れるだけ」, tr184) or
        # before it (「弊社公式の応募ページです。そちらで登録いただかないと現場の割り振りができません」, tr203), not
        # the platform's own registration
        + r"|(?<!" + PLATFORM + r"\s?(?:に|へ|で|の)?\s?)(?P<s>(?:ご|本)?登録(?:して(?:いただか|もらわ|おか)?|いただか|し)?"
        + r"(?:ないと|なければ|ない場合|ない限り))"
        + _WITHHELD_AFTER
        + r"(?:(?=[^\n]{0,80}?" + _SITE + r")|(?<=" + _SITE + r"[^\n]{0,80}))",
        examples=("フォーム登録しないと報酬払えない仕組みです", "アプリ入れないと報酬受け取れません",
                  "登録しないと案件見れない仕様です｡ﾌｫｰﾑに氏名と最寄り駅入れるだけ",
                  "弊社の応募ページです。そちらで登録いただかないとお仕事の割り振りができません"),
        counter_examples=("フォーム登録しなくても報酬はお支払いします",
                          "クラウドワークスに登録しないと案件は見られません。応募フォームはクラウドワークスのものです"),
        reason="an outside form, site or app made the condition of pay, acceptance or seeing the work, before or after the "
               "condition (tr47 family, tr184)",
    ),
    Rule(
        id="registration_required_for_pay",
        # the same condition said the other way round: what the pay or the work needs (「報酬受取にはこちらの登録が
        # 必須です」「お仕事開始には下記サイトへの登録が必要です」, round 22), a place pointed at
        pattern=r"(?<=" + words("withheld_until_registered") + r"\s?(?:に|には|のために|の前に|の際は|の際には|にあたって|にあたり)"
        r"\s?[^。\n]{0,8}?)(?:" + words("pointers") + "|" + _SITE + r")\s?(?:の|への|での|から(?:の)?)?\s?(?:ご|本)?登録"
        r"\s?(?:が|は)?\s?(?:必須|必要|不可欠|マスト)",
        examples=("確認しました。報酬受取にはこちらの登録が必須です", "お仕事開始には下記サイトへの登録が必要です",
                  "報酬のお受け取りには、以下のフォームからのご登録が必要となります"),
        counter_examples=("報酬の受け取りには口座の登録が必要です", "報酬受取にはこちらの登録は不要です",
                          "お仕事開始にはクラウドワークスでの契約が必要です"),
        reason="the pay or the work said to need registering at a place pointed at: the outside form as the condition of pay "
               "(round 22)",
    ),
)
# A link written to slip past the filter: its scheme spelled out with spaces, or its dot bracketed.
# Nobody hides a reference link, so a hidden link is a lure by itself (tr86, tr88 families).
_SPACED_TLDS = "com|net|org|jp|co|io|app|site|top|xyz|info|biz|online|me|cc"
OBFUSCATED_LINK_RULES: tuple[Rule, ...] = (
    Rule(
        id="obfuscated_link",
        pattern=r"(?<![a-z])h[ \t]{1,2}t[ \t]{0,2}t[ \t]{0,2}p[ \t]{0,2}s?[ \t]{0,2}[:：][ \t]{0,2}/[ \t]{0,2}/"
        r"|(?<![a-z])h[ \t]{0,2}t[ \t]{0,2}t[ \t]{0,2}p[ \t]{0,2}s?[ \t]{0,2}[:：][ \t]{0,2}/[ \t]{1,2}/"
        r"|(?<![a-z0-9])[a-z0-9\-]{2,30}[ \t]{0,2}(?:" + ch.BRACKETED_DOT + r"|\[dot\]|\(dot\))[ \t]{0,2}[a-z]{2,10}(?![a-z])"
        # a space on each side of the dot, a path after it (「登録先▶ cw-refund-center . jp/form?u=77120」, tr217)
        rf"|(?<![a-z0-9])[a-z0-9\-]{{3,30}}[ \t]{{1,2}}\.[ \t]{{1,2}}(?:{_SPACED_TLDS})"
        r"[ \t]{0,2}/[ \t]{0,2}[a-z0-9_\-?=&%]"
        # or no path, where the spaced dot is the whole disguise (「こっち経由で→ kstudio-works . jp」, round 10)
        rf"|(?<![a-z0-9])[a-z0-9\-]{{3,30}}[ \t]{{1,2}}\.[ \t]{{1,2}}(?:{_SPACED_TLDS})(?![a-z.])"
        # a host typed one letter at a time (「w o r k s - g a t e . n e t」, round 10)
        r"|(?<![a-z0-9])(?:[a-z0-9\-][ \t]){4,40}\.(?:[ \t][a-z]){2,4}(?![a-z])",
        examples=("こちらは締め切りました💦→ h t t p s : / / job-navi [.] site / r / 88", "register at taskhub(.)top/join",
                  "登録先▶ refund-desk . jp/form?u=12", "次からはこっち経由で→ kstudio-works . jp", "w o r k s - g a t e . n e t"),
        counter_examples=("https://example.com/guide", "ファイル名は report[1].pdf です", "Node . js の勉強会です"),
        reason="a link written to slip past the filter (tr86, tr88 families)",
    ),
)
_OBFUSCATED = ch.Scanner(OBFUSCATED_LINK_RULES)
_LURE = ch.Scanner(LURE_RULES)
_CONDITION = ch.Scanner(CONDITION_RULES)
_REGISTRATION = ch.Scanner(REGISTRATION_RULES)
# Lure words that are the work itself (「会員登録フォームの作成」「アプリの開発」), past an aside in
# brackets (「振込先口座登録フォーム（銀行名/支店/口座番号）のフロント実装」).
_SUBJECT = compile_pattern(r"(?:\s?[(（][^)）\n]{0,30}[)）])?[^。\n、]{0,8}?(?:の)?" + words("site_as_work"))
_SUBJECT_REACH = 48
# A lure sentence asks for it: a request, "required", or "here/below".
_ASKS = compile_pattern(vocab.words("ja", "site_talk", "lure_asks"))
# Link sentences that send the reader somewhere to act.
_LINK_LURE = compile_pattern(vocab.words("ja", "site_talk", "link_lures")
                             + r"|(?<![a-z])(?:" + vocab.words("en", "site_talk", "link_lures") + r")(?![a-z])")
# A form in a message that names an identity document or bank data: where the data is to be sent
# (「【事務局】報酬受取の確認で免許証の画像をこちらへ forms.gle/…」, round 16).
_DATA_FOR_A_FORM = compile_pattern(vocab.words("ja", "documents", "id_documents") + "|"
                                   + vocab.words("ja", "documents", "bank_and_card_data"))
# A link-in-bio page offered to reach the sender (「lit.link/…から、お好きな連絡先を選んでご連絡ください」).
_HUB_CONTACT = compile_pattern(vocab.words("ja", "site_talk", "hub_contact_words")
                               + r"|(?<![a-z])(?:" + vocab.words("en", "site_talk", "hub_contact_words") + r")(?![a-z])")
# The link's own path names the act (「…/entry」「…/dl」): the reader is sent there to act.
_ACT_PATH = compile_pattern(vocab.words("common", "sites", "act_paths"))
_REFERENCE = compile_pattern(vocab.words("ja", "site_talk", "reference")
                             # not inside a link (「?ref=」「/reference/」)
                             + r"|(?<![a-z./?=&_\-])(?:" + vocab.words("en", "site_talk", "reference") + r")(?![a-z])")
_PAYMENT = compile_pattern(vocab.words("ja", "site_talk", "payment"))
_CLOSED_JOB = compile_pattern(vocab.words("ja", "site_talk", "closed_job_notices")
                              + r"|(?<![a-z])(?:" + vocab.words("en", "site_talk", "closed_job_notices") + r")(?![a-z])")


class ExternalSite(Detector):
    name = "external_site"
    category = "external_site"
    rules = REGISTRATION_RULES + LURE_RULES + CONDITION_RULES + OBFUSCATED_LINK_RULES + ch.URL_RULES
    # (a host typed without a scheme, plainly or spaced out: 「example-jobs.net/r/22」「works . jp」)
    terms = ("登録", "フォーム", "サイト", "アプリ", "http", "forms.gle", "bit.ly", "ダウンロード", " .", "[.]", "(.)", "dot",
             *(f".{tld}" for tld in vocab.terms("common", "sites", "bare_host_tlds")))
    examples = Examples(
        positive=(
            "こちらのフォームから本登録を",
            "弊社サイトで応募し直してください",
            "本登録はこちらのフォームからお願いします👇\nhttps://forms.gle/Rz8MmP4kWq2LnY6a7",
            "まずは下記から仮登録をお願いします。\nhttps://bit.ly/3Fk9TqZ",
            "作業は専用アプリで行っていただきます。以下からアプリをダウンロードしてください",
            "当社は外部の研修サイトでお仕事のご案内をしております。",
        ),
        negative=(
            "保護者向けアンケートをGoogleフォームで作っていただきたいです",
            "バックナンバーはこちらのページで公開しています。ご参照ください。\nhttps://www.greentable-shop.example.jp/mailmagazine/",
            "新しく募集を出しましたので、こちらからご応募いただけますか。\nhttps://crowdworks.jp/public/jobs/9876543",
            "会員登録フォームの作成をお願いします",
            "会員登録は不要です",
        ),
        positive_after_contract=("次のお仕事は提携サイトでご案内します。サイトに登録しないと報酬をお支払いできません。",),
        negative_after_contract=("作業用のマニュアルはこちらです https://docs.example.com/manual",),
    )

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        if msg.sender == "worker":
            return  # the worker is the one lured: a worker's own site or question about a form lures no one
        text = msg.text
        contracted = msg.phase == "contracted"
        survives = msg.contact_allowed and ch.survives_contract(text)
        sentences = ch.sentences_of(text)
        lures = ch.first(self._lure_words(text, sentences))
        links = ch.first(self._lure_links(text, bool(lures), sentences))
        # a host posing as the platform is a lure in every phase, a payment page included
        impostors = {a for a, _, url in ch.find_urls(text) if ch.url_kind(url) == "lookalike"} if contracted else set()
        for start, end in (lures + links)[:ch.MAX_HITS]:
            if start in impostors:
                yield self.hit(start, end, survives_contract=True)
                continue
            if contracted and _PAYMENT.search(text, *sentences.span(start)):
                continue  # after a contract a payment site is direct_deal
            if ch.in_sample(text, start, end):
                continue  # the work's own text: a sample row, a draft, strings to translate
            yield self.hit(start, end, survives_contract=survives)

    @staticmethod
    def _lure_words(text: str, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        registrations = _REGISTRATION.spans(text)
        if registrations and _CHAT_PLACE.search(text) and not _SITE_PLACE.search(text):
            registrations = []  # registering inside a chat tool: off_platform_contact's concern
        for start, end in sorted(registrations + _LURE.spans(text)):
            if _SUBJECT.match(text, end, min(len(text), end + _SUBJECT_REACH)):
                continue
            if _asked_on_the_platform(text, start, sentences):
                continue  # 「第2弾を出しましたので、こちらから改めてご応募ください https://crowdworks.jp/public/jobs/…」
            if not _ASKS.search(text, sentences.span(start)[0], sentences.span(max(start, end - 1))[1]):
                continue  # the ask may be in the sentence the match ends in (「…アプリで配信してます。DLして…ください」)
            if clauses.is_negated(text, start, end) or clauses.is_reported(text, start, end):
                continue
            if clauses.is_post_contract_reference(text, start, end):
                continue  # 「入力フォームは契約後にご案内します」
            yield start, end
        for start, end in _OBFUSCATED.spans(text):
            if not (clauses.is_negated(text, start, end) or clauses.is_reported(text, start, end)):
                yield start, end
        for start, end in _CONDITION.spans(text):
            if not (_SUBJECT.match(text, end, min(len(text), end + _SUBJECT_REACH)) or clauses.is_reported(text, start, end)):
                yield start, end
        if _EN_REGISTER_GATE.search(text):
            for m in EN_REGISTER.finditer(text):
                if not clauses.english_negated(text, m.start(), m.end()):
                    yield m.span()

    @staticmethod
    def _lure_links(text: str, message_lures: bool, sentences: ch.Sentences) -> Iterable[tuple[int, int]]:
        closed_job = None
        for start, end, url in ch.find_urls(text):
            kind = ch.url_kind(url)
            if kind in ("platform", "invite", "meeting"):
                continue
            if kind == "lookalike":  # 「【クラウドワークス事務局】…https://cw-verify-support.com/kyc」
                yield start, end
                continue
            if _is_reference(text, start, sentences):
                continue
            if closed_job is None:
                closed_job = _CLOSED_JOB.search(text) is not None
            if closed_job:  # 「満枠です→ https://…」: the job is closed and the reader is sent elsewhere
                yield start, end
                continue
            if message_lures or kind in ("shortener", "app_store") or _hub_to_reach(text, kind, start, sentences) or (
                    kind == "form" and (_LINK_LURE.search(text) or _only_the_link(text, start, end)
                                        or _DATA_FOR_A_FORM.search(text, *_link_window(start, sentences)))) or (
                    _link_sentence_lures(text, start, sentences) or _acts_at(url)):
                yield start, end


# What may stand beside a link sent alone: arrows, pointing hands, emoji, punctuation.
_BESIDE_A_BARE_LINK = compile_pattern(r"[\s→⇒➡👉👇↓:：。.!！\p{So}\p{Sk}]*")


def _only_the_link(text: str, start: int, end: int) -> bool:
    """The message is the link and nothing else (「forms.gle/Xp3ZqLm8」): a form sent alone is there to be filled in."""
    return bool(_BESIDE_A_BARE_LINK.fullmatch(text, 0, start) and _BESIDE_A_BARE_LINK.fullmatch(text, end, len(text)))


def _asked_on_the_platform(text: str, start: int, sentences: ch.Sentences) -> bool:
    """The ask's place is the platform's own page: a link of the platform in the ask's sentence or
    the next one, and no other link there."""
    _, next_end = sentences.following(start)
    kinds = {ch.url_kind(url) for a, _, url in ch.find_urls(text) if start <= a <= next_end}
    return kinds == {"platform"}


def _hub_to_reach(text: str, kind: str, start: int, sentences: ch.Sentences) -> bool:
    """A link-in-bio page (a list of the sender's outside contacts) offered in its sentence, or the one
    before, as the way to reach them (「…から、お好きな連絡先を選んでご連絡ください」)."""
    return kind == "link_hub" and _HUB_CONTACT.search(text, *_link_window(start, sentences)) is not None


def _acts_at(url: str) -> bool:
    """Whether the link's own path names what the reader does there (「…/entry」「…/dl」)."""
    host, _ = ch.host_of(url)
    return host != "" and _ACT_PATH.search(url.split(host, 1)[-1]) is not None


def _is_reference(text: str, start: int, sentences: ch.Sentences) -> bool:
    """The link's sentence (or the line before it) presents it as reference material."""
    return _REFERENCE.search(text, *_link_window(start, sentences)) is not None


def _link_sentence_lures(text: str, start: int, sentences: ch.Sentences) -> bool:
    """The link's own sentence or the one right before it asks the reader to act there
    (「詳細はこちらから登録」 then the link on its own line)."""
    m = _LINK_LURE.search(text, *_link_window(start, sentences))
    return m is not None and not clauses.is_negated(text, m.start(), m.end())


def _link_window(start: int, sentences: ch.Sentences) -> tuple[int, int]:
    """What is read around a link: the sentence before the link's and the link's own, to its end."""
    prev_start, _ = sentences.previous(start)
    return prev_start, sentences.span(start)[1]


DETECTOR = ExternalSite()
