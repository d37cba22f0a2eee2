"""Evidence that a capitalised common word ("Apple", "Shell", "Next", «Магнит») names a company.

The rule is general, not per name: a weak match is kept when the text around it carries a company cue —
a legal form next to it, a Russian organisational prefix or guillemets, a possessive followed by a
product or business word, the company's ticker, a business word in the same sentence, or another,
unambiguous mention of the same company (or of another company) in the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LEGAL_AFTER = re.compile(
    r"^[,]?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SE|S\.A|SA|"
    r"N\.V|NV|B\.V|BV|GmbH|KGaA|S\.p\.A|SpA|Oyj|ASA|AB)\b"
)
_ORG_BEFORE = re.compile(
    r"(?:\b(?:ПАО|ООО|АО|ОАО|ЗАО|НАО|АФК|ГК|АКБ|НПО|PJSC|OJSC|JSC|компании|компания|компанией|компанию|"
    r"концерна|концерн|концерном|банка|банк|холдинга|холдинг|группы|группа|сети|ритейлера|бренда|бренд|"
    r"марки|марка|автопроизводителя|производителя)\s*[«\"„“]?|[«„])$"
)
_QUOTE_OPEN = "«„“\""
_QUOTE_CLOSE = "»“”\""
_TICKER_CONTEXT = (
    r"(?:\b(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|HKEX|SEHK|TYO|MOEX|ETR|Xetra|EPA|AMS|BIT|SIX)\s*:\s*{t}\b"
    r"|\${t}\b|\({t}(?:\.[A-Z]{{1,2}})?\))"
)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Business vocabulary, lower-case; a sentence token equal to a word or starting with a stem is a cue.
CUE_WORDS = _words(
    """
    company companies firm firms corporation conglomerate group shares share stock stocks shareholder
    shareholders investor investors ceo cfo cto chairman founder executive executives revenue revenues sales
    profit profits earnings quarter quarterly dividend dividends valuation ipo nasdaq nyse brand brands
    retailer retailers maker makers manufacturer manufacturers automaker automakers carmaker carmakers bank
    banks lender lenders insurer airline airlines startup subsidiary subsidiaries acquisition acquisitions
    acquire acquired acquires merger deal deals billion million spokesperson spokesman spokeswoman
    customers products product smartphone smartphones iphone ipad devices stores store employees workforce
    layoffs factory factories plant plants vehicles vehicle cars suv suvs ev evs models recall recalls
    unveiled launches launched headquarters headquartered rival rivals competitor competitors supplier
    suppliers contract contracts oil gas refinery petrol fuel stations software chips chipmaker cloud
    platform app apps streaming subscribers analysts antitrust lawsuit regulators inc corp ltd llc plc
    компания компании компанию компанией компаний концерн концерна концерну концерном корпорация корпорации
    холдинг холдинга акции акций акционеры акционеров выручка выручку выручки прибыль прибыли гендиректор
    директор руководитель глава банк банка банку банком производитель производителя автопроизводитель
    автоконцерн бренд бренда марка марки ритейлер ритейлера продажи продаж дилер дилеры дилеров
    пресс-служба пресс-службе представитель завод завода заводе млрд млн миллиард миллиардов сделка сделки
    автомобили автомобилей автомобиль модели модель смартфон смартфоны магазины магазинов сеть акционер
    konzern konzerns unternehmen firma aktie aktien umsatz gewinn hersteller autobauer konzernchef vorstand
    marke milliarden mrd mio händler
    entreprise société groupe constructeur empresa empresas compañía fabricante montadora azienda società
    gruppo marca acciones ações bilhões milliards miliardi
    """
)
CUE_PREFIXES = ("компани", "концерн", "корпорац", "холдинг", "акци", "выручк", "прибыл", "автопроизвод",
                "автоконцерн", "ритейлер", "производител", "shareholder", "manufactur", "automak", "carmak")

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]*\s+|\n+")
_TOKEN = re.compile(r"\w[\w-]*", re.UNICODE)


class Sentences:
    """Sentence spans of one field, computed once, with cached cue lookups."""

    __slots__ = ("_cues", "_ends", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self._cues: dict[int, bool] = {}

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._ends, pos)
        start = self._ends[i - 1] if i else 0
        end = self._ends[i] if i < len(self._ends) else len(self.text)
        return start, end

    def index(self, pos: int) -> int:
        return bisect_right(self._ends, pos)

    def has_cue(self, pos: int) -> bool:
        i = bisect_right(self._ends, pos)
        cached = self._cues.get(i)
        if cached is None:
            start, end = self.span(pos)
            cached = any(_is_cue(t) for t in _TOKEN.findall(self.text[start:end].lower()))
            self._cues[i] = cached
        return cached

    def is_sentence_start(self, pos: int) -> bool:
        start, _ = self.span(pos)
        return not self.text[start:pos].strip(" \t\"'«„“(-—–")


def _is_cue(token: str) -> bool:
    return token in CUE_WORDS or token.startswith(CUE_PREFIXES)


def local_evidence(text: str, start: int, end: int, possessive_end: int | None) -> bool:
    """Cues right at the mention: a legal form after it, an organisation word or quote before it, or a
    possessive followed by a capitalised/camel-case product name or a business word."""
    if _LEGAL_AFTER.match(text, end, min(len(text), end + 20)):
        return True
    before = text[max(0, start - 24) : start]
    if _ORG_BEFORE.search(before.rstrip(" ") if not before.endswith(("«", '"', "„", "“")) else before):
        return True
    if start > 0 and text[start - 1] in _QUOTE_OPEN and end < len(text) and text[end] in _QUOTE_CLOSE:
        return True
    if possessive_end is not None:
        m = _TOKEN.match(text, possessive_end + 1) if possessive_end + 1 < len(text) else None
        if m:
            word = m.group()
            if _is_cue(word.lower()) or word[0].isupper() or any(c.isupper() for c in word[1:]):
                return True
    return False


def ticker_in(text: str, tickers: tuple[str, ...]) -> bool:
    """A ticker written as such ("NASDAQ: AAPL", "$AAPL", "(AAPL)") is evidence for its company."""
    return any(t in text and re.search(_TICKER_CONTEXT.format(t=re.escape(t)), text) for t in tickers)
