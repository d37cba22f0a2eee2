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

from .textnorm import normalise

_CAP = r"(?:[A-Z][\w'’&.-]*|[A-Z]{2,}|\d[\w&-]*[A-Za-z][\w&-]*)"
_LINK = r"(?:\s(?:&|of|de|du|der|und|la|le|van|von)\s|\s)"
_NAME = rf"{_CAP}(?:{_LINK}{_CAP}){{0,4}}"
_LEGAL = (
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SA|SE|PLC|plc|"
    r"N\.V\.|NV|S\.p\.A\.|SpA|B\.V\.|BV|Co\.,? Ltd\.?|KGaA|Oyj|ASA|S\.A\.S\.|SAS|S\.L\.|Pty\.? Ltd\.?|"
    r"Sdn\.? Bhd\.?|LLP|LP|L\.P\.)"
)
_LATIN_LEGAL = re.compile(rf"(?<![\w&.-])(?P<name>{_NAME}),?\s(?P<legal>{_LEGAL})(?![\w])")
_RU_QUOTED = re.compile(
    r"(?<![\w])(?:ООО|ПАО|АО|ОАО|ЗАО|НАО|АКБ|ГК|НПО|МФК|ФГУП|ГУП|ТОО|ЧАО|АФК|"
    r"[Кк]омпани[яиюей]{1,2}|[Кк]онцерн[аеу]?|[Хх]олдинг[аеу]?|[Гг]рупп[аыеу] компаний|[Бб]анк[аеу]?|"
    r"[Зз]авод[аеу]?|[Ии]здательств[оау]|[Сс]тудия|[Ff]irma|[Ff]irm|[Cc]ompany)\s*"
    r"[«„“\"](?P<name>[^»“”\"\n]{2,60})[»“”\"]"
)
_CONTEXT = re.compile(
    rf"(?:\b[Ss]hares\s(?:of|in)\s(?P<a>{_NAME}))"
    rf"|(?:(?<![\w])(?P<b>{_NAME})(?:'s|’s)?\s(?:shares|stock)\s(?:rose|fell|jumped|dropped|slid|climbed|gained|"
    r"lost|tumbled|surged|plunged|soared|sank|were|are|have|closed))"
)
_BRANDS = re.compile(
    rf"\bbrands?(?:\s(?:such as|including|like))?\s(?P<list>{_NAME}(?:,\s{_NAME})*,?\s(?:and|or)\s{_NAME})"
)
_LIST_ITEM = re.compile(_NAME)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


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
    """Later bare mentions of names first seen with a legal form ("Acme Widgets Inc." ... "Acme Widgets")."""
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


def find_unknown(field: str, text: str) -> list[UnknownMention]:
    """Candidate company names in one field, before removing those the catalog already covers."""
    out: list[UnknownMention] = []
    for m in _LATIN_LEGAL.finditer(text):
        start, name_end = _trim_leading(text, m.start("name"), m.end("name"))
        if start >= name_end:
            continue
        name = text[start:name_end]
        if name in _LEADING_NOISE or len(name) < 2:
            continue
        out.append(UnknownMention(field, start, m.end("legal"), name, legal=True))
    for m in _RU_QUOTED.finditer(text):
        name = m.group("name").strip()
        if not name or not (name[0].isupper() or name[0].isdigit()):
            continue
        s = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        out.append(UnknownMention(field, s, s + len(name), name, legal=True))
    for m in _CONTEXT.finditer(text):
        group = "a" if m.group("a") else "b"
        start, end = _trim_leading(text, m.start(group), m.end(group))
        if start < end and text[start:end] not in _LEADING_NOISE:
            out.append(UnknownMention(field, start, end, text[start:end]))
    for m in _BRANDS.finditer(text):
        base = m.start("list")
        for item in _LIST_ITEM.finditer(m.group("list")):
            if item.group() in _LEADING_NOISE:
                continue
            out.append(UnknownMention(field, base + item.start(), base + item.end(), item.group()))
    return out
