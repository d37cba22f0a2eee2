"""Candidates, part of stage 3: stock exchanges named in the article's own language and case.

Exchanges and their operators are companies (the annotation rules), and the press names them by a place
and the language's word for an exchange, declined like any noun: «на Московской бирже», "Helsingin
pörssissä", "Budapesti Értéktőzsdén", "Bursei de Valori București", "Burze cenných papírů Praha",
"Stockholmsbörsen", "Bursa Efek Indonesia". A listing source names each exchange once, in one form; the
shape (a place word next to an exchange word) finds every form. The words for an exchange
(``cues.EXCHANGE_STEMS``) cover the languages of the Latin, Cyrillic and Greek scripts, plus Vietnamese;
Chinese, Japanese and Korean exchanges are catalogued by name, and Arabic, Hebrew and the Indic scripts are
not covered yet.

Generic uses are left alone: an exchange word with no capitalised word beside it ("la Borsa ha chiuso in
calo", "in exchange for"), and the English "exchange" unless written with a capital ("London Stock Exchange").
"""

from __future__ import annotations

import re
from collections.abc import Container

from .candidates import UnknownMention, acceptable_name
from .cues import EXCHANGE_PHRASES, EXCHANGE_STEMS


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Words that are also a bag, a purse or a fair ("una bolsa de Zara", "de beurs van Utrecht"): an exchange
# only when capitalised ("la Bolsa de Madrid", "Bursa de Valori").
_CAPITAL_ONLY = frozenset(("bolsa", "borsa", "burs", "beurs"))
# At most this many letters after the stem: a case ending ("pörssissä", "борсата", "giełdzie"), not an
# adjective or a longer compound ("биржевой", "giełdowy", "burzovní", "pörssiyhtiö", "börsnoterade").
_MAX_ENDING = 3
_ADJECTIVE_ENDINGS = ("ов", "ев", "ow", "ov", "ev", "not", "no")
# Scandinavian genitives of "børs"/"börs" ("Børsens Vinpanel": the exchange's wine panel)
_GENITIVE = re.compile(r"(?i:b[øö]rs(?:en)?s)$")
# Lower-case words that may sit inside an exchange's name, on either side of the exchange word: "фондова
# борса", "Burza cenných papírů", "Sở Giao dịch Chứng khoán".
_MODIFIERS = _words(
    """фондова фондовой фондовая фондовую фондовій фондової фондовата фондовој фондовска
    cenných papírů papírov giao dịch chứng khoán valori"""
)
# Connectors before the place, after the exchange word only: "di Milano", "w Warszawie", "de Valori".
_CONNECTORS = _words("de la di du des del della van of w we na do da dos")
# English names the institution after its place ("London Stock Exchange", "Korea Exchange"); the words
# between the place and "Exchange" are these.
_ENGLISH_INSIDE = frozenset(("Stock", "Securities", "Mercantile", "Futures", "Commodity", "Commodities"))
# Articles and sentence-start words that are no part of a name ("The London Stock Exchange", "Die Börse").
_LEADING = _words("The A An In On At By From To Of For And Die Der Das Den Dem Des La Le Les El Il Lo L De Het Een "
                  "Ein Eine")
# After an exchange word that is also a place ("Bursa"): a connector, or the words that make the name
# ("Bursa Efek Indonesia", "Bursa Malaysia").
_INSIDE = _CONNECTORS | _MODIFIERS  # lower-case words a name may continue with after the exchange word
_AFTER_PLACE_WORD = _INSIDE | {"efek", "malaysia"}
_WORD = re.compile(r"[^\W\d_](?:[\w-]|\.(?=\w))*")  # a dot only inside a word ("TP.HCM")
_WINDOW = 120  # characters read on each side of a candidate word
_MAX_LEFT = 3
_MAX_RIGHT = 6


def _stem_at(word: str) -> bool:
    low = word.lower()
    for s in EXCHANGE_STEMS:
        if low.startswith(s):
            rest = low[len(s) :]
            if s in _CAPITAL_ONLY and not word[0].isupper():
                return False
            return len(rest) <= _MAX_ENDING and not rest.startswith(_ADJECTIVE_ENDINGS)
    return False


def _compound(word: str) -> bool:
    """A capitalised compound ending in an exchange word: "Stockholmsbörsen", "Értéktőzsdén"."""
    low = word.lower()
    if not word[0].isupper() or any(low.startswith(s) for s in EXCHANGE_STEMS):
        return False
    for s in EXCHANGE_STEMS:
        at = low.find(s, 1)
        if at != -1:
            return len(low) - at - len(s) <= _MAX_ENDING
    return False


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _name_word(word: str) -> bool:
    """A capitalised word that can name the place: not a one- or two-letter preposition («В», "Na")."""
    return word[0].isupper() and sum(c.isalpha() for c in word) >= 3


def find_exchanges(
    field: str, text: str, anchors: list[tuple[str, int, int]], places: Container[str] = frozenset()
) -> list[UnknownMention]:
    """Exchanges named by a place beside an exchange word; each span from its first to its last name word.

    Read in a window around each ``exchange`` anchor of the scan (``cues.ANCHOR_KEYS``) only, so the cost
    follows the number of exchange words, not the length of the text. A word that is itself a place
    ("Bursa", the Turkish city) names an exchange only with a connector or a name word after it ("Bursa de
    Valori București", "Bursa Efek Indonesia"); in English, the words before "Exchange" must be a place
    ("Korea Exchange", not "Foreign Exchange")."""
    out: list[UnknownMention] = []
    used_to = -1
    for kind, anchor_start, anchor_end in anchors:
        if kind != "exchange" or anchor_end <= used_to:
            continue
        lo = text.rfind(" ", 0, max(0, anchor_start - _WINDOW)) + 1
        hi = text.find(" ", anchor_end + _WINDOW)
        hi = len(text) if hi == -1 else hi
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, hi)]
        at = min(anchor_start + 1, len(text) - 1)  # a character of the matched word's first letters
        i = next((k for k, t in enumerate(tokens) if t[0] <= at < t[1]), None)
        if i is None or tokens[i][0] < used_to:
            continue
        found = _exchange_at(text, tokens, i, places)
        if found is not None:
            a, b = found
            # as sure as a legal form: it beats a catalog name inside it ("Borsa" in "Borsa di Milano")
            out.append(UnknownMention(field, a, b, text[a:b], legal=True))
            used_to = b
        else:
            used_to = tokens[i][1]
    return out


def _exchange_at(
    text: str, tokens: list[tuple[int, int, str]], i: int, places: Container[str]
) -> tuple[int, int] | None:
    start, _end, word = tokens[i]
    english = word == "Exchange"
    head = text[start : start + 24].lower()  # not the whole text per anchor: a long filing has hundreds
    phrase = any(head.startswith(p) for p in EXCHANGE_PHRASES)
    compound = _compound(word)
    if not (english or phrase or _stem_at(word) or compound):
        return None
    if word.isupper() and len(word) > 3:
        return None  # "BORSA DE TREBALL": a heading in capitals
    a = i
    left_names = 0
    # a place after the exchange word names it ("Bursa de Valori București", "Χρηματιστήριο Αθηνών"); a
    # capitalised word before it is then the sentence's start ("Acțiunile Bursei ...", "Το ...")
    # a genitive ("Børsens Vinpanel", "Börsens index"): what follows belongs to the exchange, it is no name
    genitive = _GENITIVE.search(word) is not None
    named_after = (
        not genitive
        and i + 1 < len(tokens)
        and _joined(text, tokens[i], tokens[i + 1])
        and (_name_word(tokens[i + 1][2]) or tokens[i + 1][2].lower() in _INSIDE)
    )
    if named_after and _capitalised(word):
        left_names = 1
    while a > 0 and i - a < _MAX_LEFT and _joined(text, tokens[a - 1], tokens[a]):
        prev = tokens[a - 1][2]
        if prev.lower() in _MODIFIERS and not english:
            a -= 1
        elif _name_word(prev) and (english or left_names == 0) and prev not in _LEADING:
            a -= 1
            left_names += 1
        else:
            break
    b = i
    while (
        not english
        and not genitive
        and b + 1 < len(tokens)
        and b - i < _MAX_RIGHT
        and _joined(text, tokens[b], tokens[b + 1])
        and (_capitalised(tokens[b + 1][2]) or tokens[b + 1][2].lower() in _INSIDE)
    ):
        b += 1
    while b > i and not _capitalised(tokens[b][2]):
        b -= 1  # no connector at the end: "Bursa de Valori", not "Bursa de Valori de"
    if b > i and not _capitalised(word) and _capitalised(tokens[i + 1][2]):
        a = i + 1  # "на біржі Nasdaq", "la bourse Euronext": the common noun, then the exchange's own name
    while a < i and not _capitalised(tokens[a][2]):
        a += 1
    words = [t[2] for t in tokens[a : b + 1]]
    if english:
        place = " ".join(w for w in words[:-1] if w not in _ENGLISH_INSIDE)
        if not place or place not in places:
            return None
    elif not compound and not any(_name_word(w) for j, w in enumerate(words) if a + j != i):
        return None  # "la Borsa ha chiuso": the market, not an exchange's name
    if word in places and not (b > i and tokens[i + 1][2].lower() in _AFTER_PLACE_WORD):
        return None  # "Bursa Büyükşehir Belediyesi" is the city's council
    span_start, span_end = tokens[a][0], tokens[b][1]
    return (span_start, span_end) if acceptable_name(text[span_start:span_end]) else None


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Two words of one name: only a space between them, no line break or punctuation."""
    return text[left[1] : right[0]] in (" ", "\u00a0")
