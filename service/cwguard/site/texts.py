"""What a warning says to the freelancer: a title, why it matters, and what to do, in Japanese and
English.

Every category of RUBRIC.md has a `default` text. The contact categories have three more
situations, because the same words mean different things there:
- `mitigated`: before a contract, but the client claims permission, BizMatch or an on-platform
  contract (the advice is to verify the claim, never to relax);
- `after_contract`: a chat-tool switch or contact exchange after the contract, reported at `info`
  with a reminder of CrowdWorks' off-service contact request (サービス外連絡申請) and payment;
- `approved`: after CrowdWorks approved that request in this thread.
"""
from __future__ import annotations

from typing import NamedTuple

LANGS = ("ja", "en")
DEFAULT_LANG = "ja"


class Text(NamedTuple):
    title: str
    detail: str
    advice: str


# Sentences several contact texts share.
_JA_OUTSIDE = ("クラウドワークスの外でのやり取りは事務局から見えず、トラブルが起きても仲裁してもらえません。"
               "相手が連絡を絶っても事務局は追いかけられず、外で約束した支払いは仮払い（エスクロー）で守られません。")
_EN_OUTSIDE = ("Once the conversation leaves CrowdWorks, the secretariat can no longer see it or mediate a dispute. "
               "If the client goes silent it cannot chase them, and a payment agreed outside is not protected by escrow (仮払い).")
_JA_AFTER = ("契約後に連絡手段を移すこと自体は認められていますが、クラウドワークスは外部で連絡を取る場合に"
             "「サービス外連絡申請」を出すよう求めています。")
_EN_AFTER = ("Moving to another chat tool after the contract is allowed, but CrowdWorks asks for its off-service "
             "contact request (サービス外連絡申請) when you talk outside the platform.")
_JA_KEEP_PAYING = "連絡先が変わっても、納品・検収・支払いは必ずクラウドワークス上で行いましょう。"
_EN_KEEP_PAYING = "Whatever tool you talk in, keep delivery, acceptance and payment on CrowdWorks."
_JA_VERIFY = ("相手は許可やビズマッチ、クラウドワークスでの契約に触れていますが、それを受注者の側から確かめることは"
              "できません。事務局に本当に許可があるか問い合わせ、契約と仮払いはクラウドワークスで済ませてもらってから進めましょう。")
_EN_VERIFY = ("The client mentions permission, BizMatch or a contract on CrowdWorks, but you cannot check that from your "
              "side. Ask the secretariat whether the client really has permission, and ask for the contract and escrow "
              "on CrowdWorks before you go further.")

TEXTS: dict[str, dict[str, dict[str, Text]]] = {
    "off_platform_contact": {
        "default": {
            "ja": Text(
                "契約前に外部の連絡手段へ誘導されています",
                "契約前にLINE・チャットワーク・Zoom・メールなど外部でのやり取りを持ちかけられています。" + _JA_OUTSIDE
                + "外部へ誘い出すのは、規約違反の直接取引や詐欺の入り口としてよく使われる手口です。",
                "契約が成立するまではクラウドワークスのメッセージだけでやり取りしたいと、はっきり伝えましょう。"
                "面談が必要なら、契約と仮払いを済ませてからにしてもらいましょう。",
            ),
            "en": Text(
                "Asked to move the conversation off CrowdWorks before a contract",
                "Before any contract, the client proposes LINE, Chatwork, Zoom, e-mail or another outside channel. "
                + _EN_OUTSIDE + " Pulling workers outside is a common first step of prohibited direct deals and scams.",
                "Say clearly that until there is a contract you will only talk in CrowdWorks messages. "
                "If a call is really needed, ask for the contract and escrow first.",
            ),
        },
        "mitigated": {
            "ja": Text(
                "契約前の外部連絡（相手は許可があると説明）",
                "契約前に外部での連絡を求められています。" + _JA_OUTSIDE,
                _JA_VERIFY,
            ),
            "en": Text(
                "Outside contact before a contract (the client says it is allowed)",
                "Before any contract, the client proposes an outside channel. " + _EN_OUTSIDE,
                _EN_VERIFY,
            ),
        },
        "after_contract": {
            "ja": Text(
                "契約後の連絡手段の変更",
                _JA_AFTER + "外でのやり取りは事務局からは見えない点も覚えておきましょう。",
                "サービス外連絡申請が出ているか確認し、" + _JA_KEEP_PAYING,
            ),
            "en": Text(
                "Chat tool changed after the contract",
                _EN_AFTER + " Remember that the secretariat cannot see what is said there.",
                "Check that the off-service contact request has been filed. " + _EN_KEEP_PAYING,
            ),
        },
        "approved": {
            "ja": Text(
                "承認済みのサービス外連絡",
                "このスレッドではサービス外連絡申請が承認されているため、外部での連絡自体は問題ありません。",
                _JA_KEEP_PAYING + "仕事に関係のない勧誘には応じないようにしましょう。",
            ),
            "en": Text(
                "Approved off-service contact",
                "CrowdWorks approved the off-service contact request in this thread, so talking outside is allowed.",
                _EN_KEEP_PAYING + " Decline any invitation that has nothing to do with the work.",
            ),
        },
    },
    "contact_details": {
        "default": {
            "ja": Text(
                "契約前に外部の連絡先が出ています",
                "契約前にメールアドレス・電話番号・LINE IDや招待リンクなどの連絡先が示されたり、求められたりしています。"
                + _JA_OUTSIDE + "個人の連絡先は一度渡すと取り消せず、しつこい勧誘に使われることもあります。",
                "契約前は連絡先を交換せず、追加や登録もしないでおきましょう。"
                "必要なことはクラウドワークスのメッセージで聞けば十分だと伝えましょう。",
            ),
            "en": Text(
                "Outside contact details before a contract",
                "Before any contract, an e-mail address, phone number, LINE ID or invite link is shared or asked for. "
                + _EN_OUTSIDE + " Contact details cannot be taken back once given and may be used for pushy solicitation.",
                "Do not exchange, add or register any contact before a contract. "
                "Say that anything you need to discuss can be done in CrowdWorks messages.",
            ),
        },
        "mitigated": {
            "ja": Text(
                "契約前の連絡先交換（相手は許可があると説明）",
                "契約前に外部の連絡先が示されたり、求められたりしています。" + _JA_OUTSIDE,
                _JA_VERIFY,
            ),
            "en": Text(
                "Contact details before a contract (the client says it is allowed)",
                "Before any contract, outside contact details are shared or asked for. " + _EN_OUTSIDE,
                _EN_VERIFY,
            ),
        },
        "after_contract": {
            "ja": Text(
                "契約後の連絡先の交換",
                _JA_AFTER + "連絡先を渡す範囲は仕事に必要なものだけにしましょう。",
                "サービス外連絡申請が出ているか確認し、" + _JA_KEEP_PAYING,
            ),
            "en": Text(
                "Contact details exchanged after the contract",
                _EN_AFTER + " Share only the contact details the work needs.",
                "Check that the off-service contact request has been filed. " + _EN_KEEP_PAYING,
            ),
        },
        "approved": {
            "ja": Text(
                "承認済みの連絡先交換",
                "このスレッドではサービス外連絡申請が承認されているため、連絡先の交換自体は問題ありません。",
                _JA_KEEP_PAYING,
            ),
            "en": Text(
                "Contact exchange after an approved request",
                "CrowdWorks approved the off-service contact request in this thread, so exchanging contacts is allowed.",
                _EN_KEEP_PAYING,
            ),
        },
    },
    "external_site": {
        "default": {
            "ja": Text(
                "外部サイトやフォームへ誘導されています",
                "応募・登録・契約・支払い・連絡のために、クラウドワークス以外のサイトやフォーム、アプリへ案内されています。"
                "外部で入力した情報や結んだ約束は事務局から見えず、そこで契約や支払いをすれば仮払いの保護も受けられません。"
                "こうしたページは個人情報の収集や有料登録への誘導に使われることがあります。",
                "外部のフォームやアプリに個人情報を入力しないでください。"
                "応募や契約はこの案件のままクラウドワークス上で進めてほしいと伝えましょう。",
            ),
            "en": Text(
                "Sent to an outside site, form or app",
                "You are asked to apply, register, sign, pay or keep talking on a site, form or app outside CrowdWorks. "
                "The secretariat cannot see what you enter or agree there, and a contract or payment made there has no "
                "escrow. Such pages are used to collect personal data or push paid sign-ups.",
                "Do not enter personal data in outside forms or apps. "
                "Ask to continue the application and the contract on this CrowdWorks job.",
            ),
        },
        "mitigated": {
            "ja": Text(
                "外部サイトへの誘導（相手は許可があると説明）",
                "クラウドワークス以外のサイトやフォームへ案内されています。" + _JA_OUTSIDE,
                _JA_VERIFY,
            ),
            "en": Text(
                "Sent to an outside site (the client says it is allowed)",
                "You are directed to a site or form outside CrowdWorks. " + _EN_OUTSIDE,
                _EN_VERIFY,
            ),
        },
        "after_contract": {
            "ja": Text(
                "契約後の外部ツールの案内",
                _JA_AFTER + "仕事に必要なツール以外への登録は求められても応じる必要はありません。",
                _JA_KEEP_PAYING,
            ),
            "en": Text(
                "Outside tool after the contract",
                _EN_AFTER + " You do not have to sign up for anything the work does not need.",
                _EN_KEEP_PAYING,
            ),
        },
        "approved": {
            "ja": Text(
                "承認済みの外部ツールの案内",
                "このスレッドではサービス外連絡申請が承認されています。",
                _JA_KEEP_PAYING,
            ),
            "en": Text(
                "Outside tool after an approved request",
                "CrowdWorks approved the off-service contact request in this thread.",
                _EN_KEEP_PAYING,
            ),
        },
    },
    "direct_deal": {
        "default": {
            "ja": Text(
                "クラウドワークスを通さない直接取引の提案",
                "手数料を理由にするなどして、契約や支払いをクラウドワークスの外で行うよう持ちかけられています。"
                "直接取引は規約違反で、外での支払いは仮払いで守られず、未払いや音信不通になっても事務局は対応できません。",
                "直接契約や銀行振込での直接払いには応じず、契約と支払いはクラウドワークス上でお願いしますと伝えましょう。"
                "しつこく求められる場合は事務局に通報してください。",
            ),
            "en": Text(
                "Proposal to deal directly, outside CrowdWorks",
                "The client proposes to contract or pay outside CrowdWorks, often to save the fee. "
                "Direct deals break the terms, an outside payment has no escrow, and the secretariat cannot help "
                "if the money never comes or the client disappears.",
                "Decline, and ask for the contract and the payment to stay on CrowdWorks. "
                "If the client insists, report it to the secretariat.",
            ),
        },
    },
    "in_person_meeting": {
        "default": {
            "ja": Text(
                "契約前に対面での面談を求められています",
                "契約前に事務所やカフェなどで会うよう求められています。対面の場は事務局の目が届かず、"
                "勧誘や高額な契約を迫られたり、身の安全に関わったりすることがあります。",
                "契約前の対面は断り、確認したいことはメッセージで聞いてもらいましょう。"
                "どうしても会う必要があるなら、契約と仮払いの後に人目のある場所を選び、行き先を家族や知人に伝えておきましょう。",
            ),
            "en": Text(
                "Asked to meet in person before a contract",
                "The client wants to meet at an office or a café before any contract. A meeting in person is out of "
                "the secretariat's sight; it is where hard selling, costly sign-ups or worse can happen.",
                "Decline an in-person meeting before a contract and ask for questions in messages. "
                "If a meeting is truly needed, do it after the contract and escrow, in a public place, and tell someone where you go.",
            ),
        },
    },
    "work_before_escrow": {
        "default": {
            "ja": Text(
                "仮払い前の作業を求められています",
                "契約や仮払いの前に、無償のテストや本番の作業・納品を求められています。"
                "仮払い前の成果物は支払いが保証されず、受け取ったまま連絡が途絶えることもあります。",
                "作業は契約と仮払いの完了を確認してから始めましょう。"
                "テストが必要なら、有償のテストとしてクラウドワークスで契約してもらいましょう。",
            ),
            "en": Text(
                "Asked to work before escrow",
                "You are asked for a free test, real work or a delivery before the contract or escrow (仮払い). "
                "Nothing guarantees payment for work handed over before escrow, and some clients vanish with it.",
                "Start only after the contract is made and escrow is paid. "
                "If a test is needed, ask for it as a paid contract on CrowdWorks.",
            ),
        },
    },
    "upfront_payment": {
        "default": {
            "ja": Text(
                "お金の支払いを求められています",
                "初期費用・登録料・教材やマニュアルの購入など、受注者がお金を払うよう求められています。"
                "仕事を受ける側が先にお金を払わせられるのは、詐欺の典型的な始まり方です。",
                "支払いには応じないでください。仕事を受けるために受注者がお金を払う必要はありません。"
                "事務局に通報し、すでに払ってしまった場合は消費生活センター（188）にも相談しましょう。",
            ),
            "en": Text(
                "Asked to pay money",
                "You are asked to pay: a start-up fee, a registration fee, a manual or course to buy. "
                "Making the worker pay first is how many scams begin.",
                "Do not pay. A genuine client never charges you to take a job. Report it to the secretariat, "
                "and if you already paid, contact a consumer affairs centre (188 in Japan).",
            ),
        },
    },
    "personal_info": {
        "default": {
            "ja": Text(
                "個人情報の提出を求められています",
                "本人確認書類の画像・マイナンバー・銀行口座・住所・生年月日・顔写真などを、クラウドワークスの正規の手続き以外で求められています。"
                "身分証の提出を求めるのは、なりすましや口座の悪用など詐欺の入り口になることがあります。",
                "メッセージや外部フォームで身分証や口座情報を送らないでください。"
                "本人確認はクラウドワークスの公式の手続きで済んでいると伝え、不審なら事務局に相談しましょう。",
            ),
            "en": Text(
                "Asked for personal data",
                "You are asked for an ID document image, My Number, a bank account, your address, date of birth or a "
                "face photo outside CrowdWorks' own procedures. A request for ID documents is a common start of "
                "identity theft and account abuse.",
                "Do not send ID documents or bank details in messages or outside forms. Say that CrowdWorks' own "
                "identity check covers it, and ask the secretariat if anything feels wrong.",
            ),
        },
    },
    "unrealistic_offer": {
        "default": {
            "ja": Text(
                "うますぎる条件が示されています",
                "「誰でも簡単に高収入」「スマホだけで短時間」など、仕事の内容に見合わない好条件がうたわれています。"
                "こうした誘い文句の先で、教材の購入や外部への登録を求められることがよくあります。",
                "仕事の内容・報酬の根拠・支払い方法を具体的に確認し、あいまいな答えしか返ってこなければ見送りましょう。",
            ),
            "en": Text(
                "Too good to be true",
                "The offer promises easy, high income for little effort (anyone can do it, a few minutes on a phone). "
                "Such promises often lead to a paid course or an outside sign-up.",
                "Ask what exactly the work is, how the pay is calculated and how it is paid; "
                "walk away if the answers stay vague.",
            ),
        },
    },
    "pressure": {
        "default": {
            "ja": Text(
                "返事や決断を急かされています",
                "「本日中」「先着順」「今すぐ」など、考える時間を与えない急かし方をされています。"
                "焦らせて確認をさせないのは、不利な条件を飲ませる手口の一つです。",
                "急かされても即答せず、条件を落ち着いて確認してから返事をしましょう。まともな相手なら待ってくれます。",
            ),
            "en": Text(
                "Pressure to answer or decide now",
                "You are rushed (today only, first come first served, right now) so you have no time to think. "
                "Hurrying people past their checks is a way to make them accept bad terms.",
                "Do not answer on the spot; check the terms calmly first. A fair client will wait.",
            ),
        },
    },
    "client_reputation": {
        "default": {
            "ja": Text(
                "クライアントの評価や実績が少ない・低めです",
                "コミュニケーションやパートナーシップの評価が4.0未満か、評価の件数が10件未満です。"
                "それだけで危険とは限りませんが、相手の実績から判断できる材料が限られます。",
                "過去の評価のコメントや発注履歴を確認し、条件や支払いについてはメッセージで記録に残しながら進めましょう。",
            ),
            "en": Text(
                "Low rating or few reviews",
                "The client's communication or partnership rating is below 4.0, or it has fewer than 10 reviews. "
                "That alone is not a danger, but there is little track record to go on.",
                "Read the client's past reviews and job history, and keep every term and payment detail in CrowdWorks messages.",
            ),
        },
    },
    "slow_reply": {
        "default": {
            "ja": Text(
                "クライアントの返信に24時間以上かかっています",
                "受注者のメッセージへの返信に24時間以上かかったことがあります。"
                "連絡が途切れがちな相手だと、納期や支払いの確認が滞るおそれがあります。",
                "納期や支払いの条件を先にメッセージで確認しておき、連絡が取れなくなったら事務局に相談しましょう。",
            ),
            "en": Text(
                "Client took more than 24 hours to reply",
                "At least once the client answered your message more than 24 hours after you sent it. "
                "With a client who goes quiet, deadlines and payment questions can stall.",
                "Settle deadlines and payment terms in messages early, and contact the secretariat if the client stops answering.",
            ),
        },
    },
    "platform_contract": {
        "default": {
            "ja": Text(
                "クラウドワークスでの契約・支払いを明言しています",
                "クライアントが、契約と支払いをクラウドワークス上で行うと書いています。約束どおりなら仮払いで守られます。",
                "実際に契約と仮払いがクラウドワークス上で済んだことを確認してから作業を始めましょう。"
                "途中で外部での支払いを持ちかけられたら応じないでください。",
            ),
            "en": Text(
                "Client says the contract and payment go through CrowdWorks",
                "The client states that the contract and payment will be on CrowdWorks. If so, escrow protects you.",
                "Before you start, check that the contract and escrow really happened on CrowdWorks, "
                "and decline if an outside payment comes up later.",
            ),
        },
    },
    "secretariat_permission": {
        "default": {
            "ja": Text(
                "事務局の許可があると説明しています",
                "クライアントは直接連絡について事務局の許可を得ていると書いていますが、受注者の側からは確かめられません。"
                "許可があるという主張は、誘い出しの口実にも使われます。",
                "本当に許可があるのか事務局に問い合わせて確認しましょう。確認が取れるまでは、やり取りはクラウドワークスのメッセージで続けましょう。",
            ),
            "en": Text(
                "Client claims the secretariat's permission",
                "The client says the CrowdWorks secretariat allowed direct contact, but you cannot check that from your "
                "side, and such a claim is also used as a pretext.",
                "Ask the secretariat whether the client really has that permission, and stay in CrowdWorks messages until it is confirmed.",
            ),
        },
    },
    "bizmatch": {
        "default": {
            "ja": Text(
                "ビズマッチの利用に触れています",
                "ビズマッチは契約前の直接連絡を認めるクライアント向けの有料サービスです。"
                "ただし、相手が本当に利用しているかは受注者の側からは確認できません。",
                "事務局に問い合わせて確認し、契約と支払いはクラウドワークスで行ってもらいましょう。",
            ),
            "en": Text(
                "Client mentions BizMatch",
                "BizMatch (ビズマッチ) is a paid CrowdWorks service that lets a client contact workers before a contract. "
                "You cannot verify from your side that the client really uses it.",
                "Ask the secretariat to confirm, and keep the contract and payment on CrowdWorks.",
            ),
        },
    },
}


# A lowered contact warning names the signal actually seen (RUBRIC.md v2): what the client
# claimed, in the title, and how to check that very claim, as the advice.
SIGNAL_NOTES: dict[str, dict[str, tuple[str, str]]] = {
    "secretariat_permission": {
        "ja": ("相手は事務局の許可があると説明",
               "事務局の許可があるという説明は、受注者の側からは確かめられません。事務局に本当に許可が出ているか"
               "問い合わせ、確認が取れるまではクラウドワークスのメッセージだけでやり取りしましょう。"),
        "en": ("the client claims the secretariat's permission",
               "You cannot check a claim of the secretariat's permission from your side. Ask the secretariat "
               "whether it really gave permission, and stay in CrowdWorks messages until it confirms."),
    },
    "bizmatch": {
        "ja": ("相手はビズマッチ利用と説明",
               "ビズマッチを使っているかどうかは、受注者の側からは確かめられません。事務局に問い合わせて確認し、"
               "契約と支払いはクラウドワークスで行ってもらいましょう。"),
        "en": ("the client says it uses BizMatch",
               "You cannot check from your side that the client uses BizMatch. Ask the secretariat, and keep the "
               "contract and payment on CrowdWorks."),
    },
    "platform_contract": {
        "ja": ("相手は契約と支払いはクラウドワークスでと説明",
               "契約と支払いをクラウドワークスで行うという言葉は、誘い出しの文面にもよく添えられます。"
               "連絡も契約が成立するまではクラウドワークスのメッセージで続け、先に契約と仮払いを済ませてもらいましょう。"),
        "en": ("the client says the contract and payment stay on CrowdWorks",
               "Saying the contract and payment will go through CrowdWorks costs nothing and is often added to "
               "lures. Keep talking in CrowdWorks messages until the contract and escrow are in place."),
    },
}

# A warning the model alone raised, and a rule hit the model doubts: the category's own text with
# one sentence that says where the warning comes from.
MODEL_NOTES = {
    "model": {
        "ja": "この文面は、これまでに集めた誘い出しや詐欺のメッセージとよく似ています（学習モデルによる判定で、"
              "決まったルールには当てはまっていません）。",
        "en": "This message closely resembles known lures and scam messages (a judgement of cwguard's trained "
              "model; no fixed rule matched it).",
    },
    "job_subject": {
        "ja": "この言葉は、この仕事そのものの題材（求人のタイトルや説明にある語）として使われているようです。"
              "やり取りの場所を移す話でないか、念のため確かめてください。",
        "en": "This word looks like the subject of the job itself (it appears in the posting's title or description). "
              "Check that nobody is asking to move the conversation there.",
    },
    "model_doubt": {
        "ja": "決まったルールには当てはまりましたが、学習モデルは断りや仕事そのものの話題に近いと読んでいます。"
              "念のためご自分の目で確かめてください。",
        "en": "A fixed rule matched, but cwguard's trained model reads this as closer to a refusal or to the work's "
              "own subject. Check it yourself.",
    },
}


def warning_text(category: str, lang: str = DEFAULT_LANG, situation: str = "default") -> Text:
    """The text of a warning; an unknown situation or language falls back to the default one.

    `mitigated:<signal>` names the signal seen; `model` and `model_doubt` say the warning's source."""
    lang = lang if lang in LANGS else DEFAULT_LANG
    by_situation = TEXTS[category]
    if situation.startswith("mitigated:"):
        base = _pick(by_situation, "mitigated", lang)
        note = SIGNAL_NOTES.get(situation.partition(":")[2], {}).get(lang)
        if note is None:
            return base
        title = _pick(by_situation, "default", lang).title
        return Text(f"{title}（{note[0]}）" if lang == "ja" else f"{title} ({note[0]})", base.detail, note[1])
    if situation in MODEL_NOTES:
        base = _pick(by_situation, "default", lang)
        return Text(base.title, MODEL_NOTES[situation][lang] + ("" if lang == "ja" else " ") + base.detail, base.advice)
    return _pick(by_situation, situation, lang)


def _pick(by_situation: dict[str, dict[str, Text]], situation: str, lang: str) -> Text:
    by_lang = by_situation.get(situation, by_situation["default"])
    return by_lang.get(lang, by_lang[DEFAULT_LANG])
