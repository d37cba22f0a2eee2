"""Stage 3, unknown names in scripts without capital letters: Arabic, Hebrew, Thai and the Brahmic scripts.

There a name has no capital to show where it starts, so only frames that close it on both sides are read:
- Thai writes a company between its word for "company" and its legal form: «บริษัท ปตท. จำกัด (มหาชน)»
  (not from a line's start: there a sentence may stand before the name);
- Hebrew the same, or the name before the legal form alone: «חברת אלביט מערכות בע"מ», «דלק קבוצה בע"מ»;
- Hindi, Marathi, Nepali, Bengali, Gujarati and Punjabi put "Limited" (and "Private") after the name, in
  their own script: «टाटा मोटर्स लिमिटेड», «জনতা ব্যাংক লিমিটেড»; the name is the words before it back to
  a punctuation mark or a function word;
- Arabic puts its word for "company" before the name: «شركة أرامكو». Its descriptors are read off by shape,
  not listed: شركة is feminine, so its adjectives end in ة or ى («شركة ناشئة», «شركة كبرى»), and a generic
  noun after it takes the article («شركة النفط»). Only the one word after it is the name, so «شركة أرامكو
  السعودية» gives «أرامكو», which is how the press shortens it too.
Latin names in these texts are capitalised and found by :mod:`.candidates` like anywhere else.
"""

from __future__ import annotations

import re

from ..script import WORD_CHAR
from .candidates import UnknownMention
from .evidence import unprefixed

_W = WORD_CHAR


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_THAI = re.compile(r"บริษัท\s*(?P<name>[^\s()]{2,40}?)\s*จำกัด(?:\s*\(มหาชน\))?")

_HEBREW_WORD = r"[א-ת][א-ת'׳״\"־-]*"
_HEBREW = re.compile(
    rf"(?:(?<=[\s(])|^)(?:[ובלמשכ]?חברת\s+)?(?P<name>(?:{_HEBREW_WORD}\s+){{0,4}}{_HEBREW_WORD})\s+בע[\"״]מ"
)
# Words that end a Hebrew name's reach backwards: the word "company" itself and the function words that
# come before one ("של", "עם", "את", "כי", "גם")
# (not "אל" or "על": they are the words of «אל על», El Al)
_HEBREW_STOPS = frozenset(("חברת", "חברה", "של", "עם", "את", "כי", "גם", "עד", "או", "הוא", "היא"))

_INDIC_LIMITED = (
    "लिमिटेड", "लि.", "লিমিটেড", "લિમિટેડ", "ਲਿਮਿਟੇਡ", "ਲਿਮਟਿਡ",
)
_INDIC_PRIVATE = ("प्राइवेट", "प्रायवेट", "প্রাইভেট", "પ્રાઇવેટ", "ਪ੍ਰਾਈਵੇਟ")
_INDIC = re.compile(
    rf"(?<!{_W})(?P<name>(?:{_W}+[ \t]+){{0,3}}{_W}+)[ \t]+(?:(?:{'|'.join(map(re.escape, _INDIC_PRIVATE))})[ \t]+)?"
    rf"(?:{'|'.join(map(re.escape, _INDIC_LIMITED))})(?!{_W})"
)
# Postpositions, conjunctions and verbs that a name never contains: the name starts after the last of them.
_INDIC_STOPS = _words(
    """ने को का की के में से पर और तथा एवं है हैं था थी थे कि यह वह इस उस ही भी द्वारा लिए साथ
    ने चे ची च्या आणि हे ही व या
    ले को र तथा
    ও এবং এর থেকে ছিল হয় যে এই সেই করে জন্য সঙ্গে কাছে
    ને નો ની ના અને છે
    ਨੇ ਦਾ ਦੀ ਦੇ ਅਤੇ ਹੈ"""
)

_ARABIC = re.compile(r"(?<![\w])[وفبلك]{0,2}شركة\s+(?P<name>[\u0621-\u064a]{2,})(?![\w])")
# The words that follow شركة in a sentence without naming it: prepositions, conjunctions, pronouns.
_ARABIC_STOPS = _words(
    """في من على إلى الى عن مع أو او ثم أن ان إن التي الذي هي هو هذه ذلك تلك كل بعض غير عبر لدى منذ حول
    قد لم لن ما لا بين ضد خلال تم كان كانت"""
)


def find_caseless(field: str, text: str, language: str | None) -> list[UnknownMention]:
    """Unknown companies in Thai, Hebrew, the Brahmic scripts and (for ``ar`` only: Persian and Urdu
    adjectives do not agree with their noun) Arabic, each closed by a frame on both sides."""
    out: list[UnknownMention] = []
    if "จำกัด" in text:
        for m in _THAI.finditer(text):
            name = m.group("name").rstrip(".")
            if len(name) >= 2:
                out.append(UnknownMention(field, m.start("name"), m.start("name") + len(name), name, legal=True))
    if "בע\"מ" in text or "בע״מ" in text:
        out += _after_last_stop(field, text, _HEBREW, _HEBREW_WORD, _HEBREW_STOPS)
    if any(form in text for form in _INDIC_LIMITED):
        out += _after_last_stop(field, text, _INDIC, f"{_W}+", _INDIC_STOPS)
    if language == "ar" and "شركة" in text:
        for m in _ARABIC.finditer(text):
            name = m.group("name")
            if name.startswith("ال") or name.endswith(("ة", "ى")) or name in _ARABIC_STOPS:
                continue
            out.append(UnknownMention(field, m.start("name"), m.end("name"), name))
    return out


def _after_last_stop(field: str, text: str, frame: re.Pattern[str], word: str,
                     stops: frozenset[str]) -> list[UnknownMention]:
    """The words of each ``frame``'s name after the last stop word among them, as one legal-form mention."""
    out: list[UnknownMention] = []
    word_re = re.compile(word)
    for m in frame.finditer(text):
        start = m.start("name")
        for w in word_re.finditer(text, m.start("name"), m.end("name")):
            if w.group() in stops or unprefixed(w.group()) in stops:  # «לחברת»: "to the company"
                start = w.end()
        start = len(text) - len(text[start:].lstrip())
        if start < m.end("name"):
            out.append(UnknownMention(field, start, m.end("name"), text[start : m.end("name")], legal=True))
    return out
