"""Texts whose risky words sit after characters that shift UTF-16 offsets (emoji, 𠮷, ZWJ
sequences, flags, combining marks, zero-width, full- and half-width forms): shared by the engine
and API tests that check every highlight is the JavaScript slice of the message as sent."""
OFFSET_TEXTS = [
    "詳細はLINEでお伝えします",
    "😀詳細はLINEでお伝えします",
    "𠮷野家の件です。詳細はLINEでお伝えします",
    "👨‍👩‍👧‍👦🇯🇵𠮷😀 詳細はLINEで、メールは test@example.com まで",
    "e\u0301\u200b詳細はＬＩＮＥで 090-1234-5678 に電話ください",
    "ﾗｲﾝでご連絡ください。初期費用３万円が必要です",
]
