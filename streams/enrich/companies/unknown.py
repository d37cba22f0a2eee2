"""Companies that are not in the catalog, found from how the text names them.

Two kinds of cue, both language-general: a legal form attached to a capitalised name ("Acme Widgets Inc.",
"Müller Logistik GmbH", ООО «Ромашка») and strong business context ("shares of X", "brands X, Y and Z",
"компания «X»"). Capitalised words alone are never enough: that is a general NER's job and its precision.

Surfaces: for a Latin legal *suffix* the mention spans the name and its legal form ("Acme Widgets Inc.");
for a Russian legal *prefix* or context word it spans the quoted name only, without quotes ("Ромашка").
The id is ``unknown:<slug of the name without legal form>``, so every mention of one name shares it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textnorm import is_cyrillic, normalise


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_CAP = r"(?:[A-Z][\w'’&.-]*|[A-Z]{2,}|\d[\w&-]*[A-Za-z][\w&-]*)"
_LINK = r"(?:\s(?:&|of|de|du|der|und|la|le|van|von)\s|\s)"
_NAME = rf"{_CAP}(?:{_LINK}{_CAP}){{0,4}}"
_LEGAL = (
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SA|SE|PLC|plc|"
    r"N\.V\.|NV|S\.p\.A\.|SpA|B\.V\.|BV|Co\.,? Ltd\.?|KGaA|Oyj|ASA|S\.A\.S\.|SAS|S\.L\.|Pty\.? Ltd\.?|"
    r"Sdn\.? Bhd\.?|LLP|LP|L\.P\.)"
)
_RU_QUOTED = re.compile(
    r"(?<![\w])(?:ООО|ПАО|АО|ОАО|ЗАО|НАО|АКБ|ГК|НПО|МФК|ФГУП|ГУП|ТОО|ЧАО|АФК|"
    r"[Кк]омпани[яиюей]{1,2}|[Кк]онцерн[аеу]?|[Хх]олдинг[аеу]?|[Гг]рупп[аыеу] компаний|[Бб]анк[аеу]?|"
    r"[Зз]авод[аеу]?|[Ии]здательств[оау]|[Сс]тудия)\s*"
    r"[«„“\"](?P<name>[^»“”\"\n]{2,60})[»“”\"]"
)
# Substrings one of which every legal form contains: most articles have none and skip the regex.
_LEGAL_PREFILTER = (" Inc", " Corp", " Ltd", " Limited", " LLC", " L.L.C", " GmbH", " AG", " S.", " SA", " SE",
                    " PLC", " plc", " N.V", " NV", " SpA", " B.V", " BV", " Co.", " KGaA", " Oyj", " ASA", " SAS",
                    " Pty", " Sdn", " LLP", " LP", " L.P")
_LEGAL_TOKEN = re.compile(rf",?\s{_LEGAL}(?!\w)")
_NAME_BEFORE_LEGAL = re.compile(rf"(?<![\w&.-])(?P<name>{_NAME}),?\s(?P<legal>{_LEGAL})(?!\w)")
_SHARES_OF = re.compile(rf"\b[Ss]hares\s(?:of|in)\s(?P<a>{_NAME})")
_SHARES_MOVED = re.compile(
    r"(?:'s|’s)?\s(?:shares|stock)\s(?:rose|fell|jumped|dropped|slid|climbed|gained|lost|tumbled|surged|"
    r"plunged|soared|sank|were|are|have|closed)\b"
)
_NAME_AT_END = re.compile(rf"(?<![\w])(?P<b>{_NAME})$")
_GROUP_NOUNS = (r"brands?|companies|firms|carmakers|automakers|banks|lenders|retailers|startups|rivals|"
                r"competitors|clients|customers|partners|investors|suppliers|airlines|insurers")
_LISTED = re.compile(
    rf"\b(?:{_GROUP_NOUNS})(?:\s(?:such as|including|like)|\s?[—–:])?\s"
    rf"(?P<list>{_NAME}(?:,\s{_NAME})*,?\s(?:and|or)\s{_NAME})"
)
# "Hipcricket, a mobile marketing company"; "CloudSimple, a startup"
_APPOSITIVE = re.compile(
    rf"(?<![\w])(?P<name>{_NAME}),\s(?:an?)\s(?:[\w&-]+\s){{0,6}}?(?:company|firm|startup|start-up|maker|"
    r"manufacturer|provider|producer|retailer|bank|lender|insurer|airline|carrier|conglomerate|developer|"
    r"supplier|operator|publisher|broker|consultancy|chain|subsidiary|unit|giant)(?![\w'’])"
)
# "Salesforce founder", "T-Mobile CEO", "chief executive of Ceres Robotics", "strategist at Tempus Inc."
_ROLE_AFTER = re.compile(
    rf"(?<![\w])(?P<name>{_NAME})(?:'s|’s)?\s(?:CEO|chief executive|founder|co-founder|chairman|chairwoman|"
    r"spokesperson|spokesman|spokeswoman|shareholders)\b"
)
_ROLE_BEFORE = re.compile(
    r"\b(?:CEO|chief executive|chief (?:operating|financial|technology) officer|founder|co-founder|chairman|"
    r"chairwoman|analyst|strategist|economist|trader|portfolio manager|spokesperson|spokesman|spokeswoman)"
    rf"\s(?:of|at)\s(?P<name>{_NAME})"
)
# "Google has bought CloudSimple", "agreed to buy HashiCorp"
_ACQUIRED = re.compile(
    rf"\b(?:acquired|acquire|acquires|acquiring|bought|buy|buys|buying|takeover of|merger with)\s(?P<name>{_NAME})"
)
# Names with these words are institutions, places or events, not companies.
_NOT_COMPANY = _words(
    """University College Institute School Department Ministry Agency Commission Council Committee Court
    Police Hospital Museum Association Society Party Government Office Administration Bureau Authority
    Church Army Navy Senate Congress Parliament League Federation Republic Kingdom State States County
    Street Avenue Square Park River Mountains Island Islands Airport Station Awards Festival Conference
    Day Week Olympics Cup Championship January February March April May June July August September
    October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday I We You He She
    They It NASA FDA SEC EU UN NATO FBI CIA US U.S. UK"""
)
_LIST_ITEM = re.compile(_NAME)


# Capitalised words that start sentences or qualify names but are not part of a company's name.
_LEADING_NOISE = _words(
    """The A An In On At For By With From And But Of To As After Before When While Yesterday Today Rival
    Shares Both Its Their His Her Our This That These Those Former Fellow Also Then Meanwhile However If
    Unlike Like Including Despite Under Between Since Although Because Where Why How What Who Which Said
    Mr Mrs Ms Dr CEO CFO CTO COO Chairman President Director Head Chief Executive Analyst Spokesman
    Spokeswoman Spokesperson of de du der und la le van von Die Der Das Den Dem Des Ein Eine Einer Le La Les
    El Los Las Il Lo Gli Het Een"""
)


@dataclass(frozen=True, slots=True)
class UnknownMention:
    """``legal`` is True when a legal form marks the name (then it beats a shorter catalog name inside it:
    "Müller Logistik GmbH" is not the drugstore "Müller")."""

    field: str
    start: int
    end: int
    name: str  # display name, legal form dropped
    legal: bool = False

    @property
    def id(self) -> str:
        return unknown_id(self.name)


def unknown_id(name: str) -> str:
    """``unknown:acme-widgets``: normalised name, words joined by hyphens, stable for every spelling that
    differs only in case or punctuation."""
    return "unknown:" + "-".join(normalise(name).split())


def repeat_mentions(fields: dict[str, str], names: dict[str, str]) -> list[UnknownMention]:
    """Other mentions of names found once by a cue ("Acme Widgets Inc." ... "Acme Widgets")."""
    out = []
    for field, text in fields.items():
        for name in names.values():
            if len(name) < 4:
                continue
            for m in re.finditer(r"(?<![\w&-])" + re.escape(name) + r"(?![\w&-])", text):
                out.append(UnknownMention(field, m.start(), m.end(), name))
    return out


def _trim_leading(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-start and function words in front of a name ("The Acme Corp" → "Acme Corp")."""
    while True:
        m = re.match(r"(\S+)\s", text[start:end])
        if not m or m.group(1) not in _LEADING_NOISE:
            return start, end
        start += m.end()


def _has_quote(text: str) -> bool:
    return any(q in text for q in "«„“\"")


def find_unknown(field: str, text: str) -> list[UnknownMention]:
    """Candidate company names in one field, before removing those the catalog already covers."""
    out: list[UnknownMention] = []
    # Each pattern first finds its cheap anchor (a legal form, "shares", a quote, "brands"), then reads the
    # name next to it: scanning every position with the name pattern costs milliseconds per article.
    seen_legal: set[int] = set()
    for token in _LEGAL_TOKEN.finditer(text) if any(t in text for t in _LEGAL_PREFILTER) else ():
        lo = max(0, token.start() - 120)
        m = next(reversed(list(_NAME_BEFORE_LEGAL.finditer(text, lo, token.end()))), None)
        if m is None or m.end("legal") != token.end() or m.start() in seen_legal:
            continue
        seen_legal.add(m.start())
        start, name_end = _trim_leading(text, m.start("name"), m.end("name"))
        if start >= name_end:
            continue
        name = text[start:name_end]
        if name in _LEADING_NOISE or len(name) < 2:
            continue
        out.append(UnknownMention(field, start, m.end("legal"), name, legal=True))
    for m in _RU_QUOTED.finditer(text) if _has_quote(text) and is_cyrillic(text) else ():
        name = m.group("name").strip()
        if not name or not (name[0].isupper() or name[0].isdigit()):
            continue
        s = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        out.append(UnknownMention(field, s, s + len(name), name, legal=True))
    spans: list[tuple[int, int]] = []
    if "hares" in text:
        spans += [(m.start("a"), m.end("a")) for m in _SHARES_OF.finditer(text)]
    if "hares " in text or "stock " in text:
        for moved in _SHARES_MOVED.finditer(text):
            m = _NAME_AT_END.search(text, max(0, moved.start() - 80), moved.start())
            if m:
                spans.append((m.start("b"), m.end("b")))
    if ", " in text:
        spans += [(m.start("name"), m.end("name")) for m in _APPOSITIVE.finditer(text)]
    spans += [(m.start("name"), m.end("name")) for m in _ROLE_AFTER.finditer(text)]
    spans += [(m.start("name"), m.end("name")) for m in _ROLE_BEFORE.finditer(text)]
    spans += [(m.start("name"), m.end("name")) for m in _ACQUIRED.finditer(text)]
    for m in _LISTED.finditer(text):
        base = m.start("list")
        spans += [(base + i.start(), base + i.end()) for i in _LIST_ITEM.finditer(m.group("list"))]
    for a, b in spans:
        start, end = _trim_leading(text, a, b)
        name = text[start:end]
        if start < end and name not in _LEADING_NOISE and not _NOT_COMPANY.intersection(name.split()):
            out.append(UnknownMention(field, start, end, name))
    return out
