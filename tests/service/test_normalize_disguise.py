"""Issue 9, "normalisation against disguise": a lure written with look-alike letters, invisible
fillers, combining marks, letter names in kana, digits read aloud or a written-out '@' is read
like the plain lure, its highlight lands exactly on the disguised words as sent, and the same
surface tricks used innocently (and Japanese text at large) are left alone."""
from __future__ import annotations

import unicodedata

import pytest

from cwguard import pipeline
from cwguard.engine import normalize as N
from cwguard.engine import scoring
from cwguard.lang.ja.readings import read_aloud
from cwguard.lang.vocab import readings
from cwguard.schemas import load_request


def answer(text: str, sender: str = "client", detection: str = "rules") -> dict:
    scoring.clear_cache()
    request = load_request({"messages": [{"id": "m1", "sender": sender, "text": text}],
                            "context": {"contract_status": "before_contract"}})
    return pipeline.score_request(request, detection=detection)


def js_slice(text: str, start: int, end: int) -> str:
    """`String.prototype.slice` of UTF-16 offsets."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def highlighted(text: str, category: str, **kw) -> list[str]:
    out = []
    for h in answer(text, **kw)["highlights"]:
        assert js_slice(text, h["start"], h["end"]) == h["text"]
        if h["category"] == category:
            out.append(h["text"])
    return out


# --- each technique, read like the plain lure -------------------------------------------------------

LINE_DISGUISES = {
    "cyrillic I": "LІNE",
    "greek iota": "LΙNE",
    "greek and roman numeral": "ⅬΙΝΕ",
    "small capitals": "ʟɪɴᴇ",
    "negative squared": "🅻🅸🅽🅴",
    "negative circled": "🅛🅘🅝🅔",
    "diacritics": "ĹÍŃÉ",
    "combining low line": "L\u0332I\u0332N\u0332E\u0332",
    "combining acute between": "L\u0301I\u0301N\u0301E",
    "enclosing circle": "L\u20ddI\u20ddN\u20ddE\u20dd",
    "hangul filler": "L\u3164I\u3164N\u3164E",
    "halfwidth hangul filler and choseong filler": "L\u115fI\u1160N\uffa0E",
    "combining grapheme joiner": "L\u034fI\u034fN\u034fE",
    "tag characters": "L\U000e0020I\U000e0020N\U000e0020E",
    "variation selector supplement": "L\U000e0100I\U000e0100N\U000e0100E",
    "braille blank": "L\u2800I\u2800N\u2800E",
    "one letter per line with spaces": "\nL \n I \n N \n E\n",
    "one letter per line, blank lines, CRLF": "\r\nL\r\n\r\nI\r\n\r\nN\r\n\r\nE\r\n",
    "letter names in katakana": "エル・アイ・エヌ・イー",
    "letter names in hiragana": "えるあいえぬいー",
    "letter names with stars": "エル★アイ★エヌ★イー",
    "one letter name per line": "\nエル\nアイ\nエヌ\nイー\n",
}


@pytest.mark.parametrize("disguise", LINE_DISGUISES.values(), ids=LINE_DISGUISES.keys())
def test_a_disguised_line_is_read_as_line(disguise):
    text = f"詳細は{disguise}でお伝えします"
    found = highlighted(text, "off_platform_contact")
    assert found and disguise.strip() in found[0] + "".join(found[1:]), found
    assert answer(text, detection="fused")["risk"]["level"] == "high"


@pytest.mark.parametrize("text, words", [
    ("Теlеgrаmで連絡しましょう", "Теlеgrаm"),                 # Cyrillic е, а
    ("ΖΟΟΜで面談させてください", "ΖΟΟΜ"),                      # Greek capitals
    ("ꓡꓲꓠꓰでお伝えします", "ꓡꓲꓠꓰ"),                              # Lisu letters
    ("ゼットオーオーエムで面談させてください", "ゼットオーオーエム"),   # letter names spell Zoom
    ("ディーエムでご連絡ください", "ディーエム"),                  # DM
])
def test_other_channels_in_disguise(text, words):
    assert words in "".join(highlighted(text, "off_platform_contact"))


@pytest.mark.parametrize("text, words", [
    ("ID: аbс_123 を追加してください", "аbс_123"),                            # Cyrillic а, с
    ("🆔: abc_123 を追加してください", "abc_123"),                             # squared ID
    ("連絡先は〇九〇の一二三四の五六七八です", "〇九〇の一二三四の五六七八"),           # kanji, の between groups
    ("電話番号はゼロキューゼロ イチニーサンヨン ゴーロクナナハチです",
     "ゼロキューゼロ イチニーサンヨン ゴーロクナナハチ"),                             # katakana read aloud
    ("電話番号はぜろきゅうぜろ、いちにさんよん、ごろくななはち です",
     "ぜろきゅうぜろ、いちにさんよん、ごろくななはち"),                              # hiragana read aloud
    ("携帯は〇九〇-イチニーサンヨン-5678です", "〇九〇-イチニーサンヨン-5678"),      # mixed
    ("call me: zero nine zero one two three four five six seven eight",
     "zero nine zero one two three four five six seven eight"),                     # English words
    ("電話は❶❷❸-❹❺❻❼-❽❾⓿❶ではなく 0⃣9⃣0⃣-1⃣2⃣3⃣4⃣-5⃣6⃣7⃣8⃣ です", "0⃣9⃣0⃣-1⃣2⃣3⃣4⃣-5⃣6⃣7⃣8⃣"),  # keycaps
    ("メールは taro.yamada アットマーク gmail ドット com までお願いします",
     "taro.yamada アットマーク gmail ドット com"),
    ("メールは taro.yamada(アットマーク)ジーメール(ドット)コム まで", "taro.yamada(アットマーク)ジーメール(ドット)コム"),
    ("メールは taro.yamada【at】example【dot】co【dot】jp までお願いします", "taro.yamada【at】example【dot】co【dot】jp"),
])
def test_identifiers_in_disguise(text, words):
    assert words in highlighted(text, "contact_details")


@pytest.mark.parametrize("prefix", ["🇯🇵", "✨", "【重要】", "①"])
def test_a_symbol_or_flag_before_the_name_does_not_hide_it(prefix):
    assert highlighted(f"{prefix}LINEでお伝えします", "off_platform_contact") == ["LINE"]


def test_the_issue_9_example_of_the_confusable_lure():
    text = "契約前ですが、詳細はＬІＮЕでお伝えします。ID: аbс_123"
    result = answer(text, detection="fused")
    assert result["risk"]["level"] == "high"
    cats = {h["category"]: h["text"] for h in result["highlights"]}
    assert cats["off_platform_contact"] == "ＬІＮЕ" and cats["contact_details"] == "аbс_123"


# --- the same tricks used innocently ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ʟɪɴᴇスタンプの制作をお願いします",                    # the channel is the work
    "エル・アイ・エヌ・イーのスタンプ制作のお仕事です",
    "ΖΟΟΜの使い方マニュアルを作っていただける方を探しています",
    "品番は〇九〇の一二三四の五六七八のような形式です",       # digits that are data
    "アットホームな職場です。ドットの打ち方を教えます",       # アット and ドット that are words
    "ユーザー様のアイディアをシーエムの台本にまとめてください",  # letter names inside words
    "田中さん、ニコニコ動画の件、よろしくお願いします",        # digit readings inside words
    "Café ŁÓDŹ — naïve résumé, Straße",                     # Latin diacritics that spell nothing
    "ご連絡ありがとうございます\ufe0f\u2764\ufe0f",
    "πの値は3.14、αとβの比較をお願いします",                 # Greek in a maths brief
    "🇯🇵🇺🇸の国旗アイコンを作ってください",                       # flags stay flags
])
def test_innocent_uses_of_the_tricks_stay_quiet(text):
    result = answer(text)
    assert [h for h in result["highlights"] if h["category"] in ("off_platform_contact", "contact_details")] == []


def test_japanese_is_never_folded_as_a_look_alike():
    ranges = [(0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF61, 0xFF9F), (0x3130, 0x318F),
              (0xAC00, 0xD7A3), (0xF900, 0xFAFF)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            assert N.lookalike(chr(cp)) is None, hex(cp)
    text = "〇九〇ロエカニトハ口工力二卜八ー一"
    assert N.normalize(text).text == text


def test_look_alikes_fold_onto_ascii_letters_and_digits_only():
    for cp in range(0x80, 0x30000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        folded = N.lookalike(chr(cp))
        if folded is not None:
            assert folded.isascii() and folded.isalnum() and folded == folded.lower(), (hex(cp), folded)
            assert unicodedata.category(chr(cp))[0] in "LNS", hex(cp)


@pytest.mark.parametrize("symbol", "×◯○●◎□■・★☆♪∣⊤∪∨")
def test_symbols_stay_separators(symbol):
    # a symbol that looks like a letter is not folded: it is what obfuscators put between letters
    assert N.normalize(symbol).text == N.fold_pattern(symbol)
    assert not N.normalize(symbol).text.isascii() or not N.normalize(symbol).text.isalnum()


def test_the_look_alike_data_is_the_maintained_package():
    from confusable_homoglyphs.confusables import confusables_data
    assert len(confusables_data) > 5000
    assert N._CONFUSABLE["а"] == "a" and N._CONFUSABLE["ο"] == "o" and N._CONFUSABLE["Ι"] == "i"


# --- offsets ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "😀ʟɪɴᴇ\u3164で連絡ください",
    "𠮷🅻🅸🅽🅴でお伝えします 0\u20e39\u20e30\u20e3-1234-5678",
    "e\u0301\u200bL\U000e0020I\U000e0020N\U000e0020Eで 〇九〇の一二三四の五六七八 に電話ください",
    "👨\u200d👩\u200d👧 エル・アイ・エヌ・イーで。taro アットマーク gmail ドット com",
])
def test_every_highlight_is_the_js_slice_of_the_original(text):
    result = answer(text)
    assert result["highlights"]
    for h in result["highlights"]:
        assert js_slice(text, h["start"], h["end"]) == h["text"]


def test_the_normalised_map_covers_dropped_characters():
    text = "L\u3164I\ufe0fN\u0301E"
    norm = N.normalize(text)
    assert norm.text == "line"
    assert norm.to_original(0, 4) == (0, len(text))
    assert norm.original_slice(1, 2) == "I\ufe0f"


# --- Japanese written letter by letter -------------------------------------------------------------

@pytest.mark.parametrize("text, category, words", [
    ("こ の 先 は ら い ん で", "off_platform_contact", "ら い ん"),
    ("続きは　ラ　イ　ン　で　話しましょう", "off_platform_contact", "ラ　イ　ン"),
    ("ち ょ く せ つ 契 約 で お ね が い し ま す", "direct_deal", None),
])
def test_japanese_spaced_letter_by_letter_reads_as_written_together(text, category, words):
    found = highlighted(text, category)
    assert found and (words is None or any(words in f for f in found))


@pytest.mark.parametrize("text, expected", [
    ("こ の 先 は", "コノ先ハ"),
    ("ID→ えむ あい けー", "id→ エムアイケー"),
    ("顔出し不要 本日のみ 不参加は不採用", "顔出シ不要 本日ノミ 不参加ハ不採用"),  # sentences, not letters
    ("山田 太郎です", "山田 太郎デス"),                                          # two pieces only
    ("L I N E と ら い ん", "l i n e トライン"),                                 # latin is read elsewhere
])
def test_only_letter_by_letter_spacing_is_dropped(text, expected):
    norm = N.normalize(text)
    assert norm.text == expected
    assert norm.original_slice(0, len(norm.text)) == text.rstrip()


def test_a_letter_spaced_line_still_reads_a_refusal():
    assert not highlighted("ら い ん は や っ て い ま せ ん", "off_platform_contact")


# --- the secondary reading ---------------------------------------------------------------------------

def test_the_reading_maps_back_through_the_normalised_text():
    text = "詳細はえるあいえぬいーで。電話はゼロキューゼロのイチニーサンヨンのゴーロクナナハチ"
    norm = N.normalize(text)
    reading = read_aloud(norm)
    assert reading is not None
    assert "line" in reading.text and "090-1234-5678" in reading.text
    start = reading.text.index("line")
    assert reading.original_slice(start, start + 4) == "えるあいえぬいー"
    assert reading.changes(start, start + 4)
    assert not reading.changes(0, 3)  # 詳細は reads the same
    digits = reading.text.index("090")
    assert reading.original_slice(digits, digits + 13) == "ゼロキューゼロのイチニーサンヨンのゴーロクナナハチ"


@pytest.mark.parametrize("text, word, name", [
    ("pls text our HR on wh@ts", "wh@ts", "whatsapp"),
    ("join te1egram today", "te1egram", "telegram"),
    ("d1sc0rdで話しましょう", "d1sc0rd", "discord"),
    ("s!gnal only", "s!gnal", "signal"),
])
def test_a_name_spelled_with_symbols_is_read_as_the_name(text, word, name):
    reading = read_aloud(N.normalize(text))
    assert reading is not None and name in reading.text
    start = reading.text.index(name)
    assert reading.original_slice(start, start + len(name)) == word


@pytest.mark.parametrize("text", ["よろしくお願いします", "詳細はLINEでお伝えします", "taro@gmail.com まで",
                                  "090-1234-5678", "田中さん、いつもありがとうございます",
                                  # symbols among letters that spell no name, and an address that looks like one
                                  "h3llo w0rld", "line@example.com", "pa$$word は半角で", "v1.0.3 をご確認ください"])
def test_a_message_that_reads_the_same_has_no_reading(text):
    assert read_aloud(N.normalize(text)) is None


def test_the_reading_vocabulary_is_data_with_reasons():
    data = readings()
    assert readings() is data  # loaded once
    for group in ("letters", "digits", "domain_words"):
        assert data[group] and all(entry["reason"] for entry in data[group])
    assert data["leet"]["reason"] and data["leet"]["names"] and data["leet"]["substitutions"]
    assert {entry["letter"] for entry in data["letters"]} == set("abcdefghijklmnopqrstuvwxyz")
    assert {entry["digit"] for entry in data["digits"]} == set("0123456789")
