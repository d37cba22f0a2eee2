"""Companies that are not in the catalog, found from how the text names them.

Two kinds of cue, both language-general: a legal form attached to a capitalised name ("Acme Widgets Inc.",
"Müller Logistik GmbH", ООО «Ромашка») and strong business context ("shares of X", "brands X, Y and Z",
"компания «X»", "surveyed by X", "A X assinou" in Portuguese), to which a few shapes of their own add (a
capitalised domain "X.net"; a coined "my6sense" only beside a role or an appositive; a name the text also
gives as a web or mail address, "KLOOK" beside "www.klook.com"). Capitalised words alone
are never enough: that is a general NER's job and its precision.

Surfaces: for a Latin legal *suffix* the mention spans the name and its legal form ("Acme Widgets Inc.");
for a Russian legal *prefix* or context word it spans the quoted name only, without quotes ("Ромашка").
The id is ``unknown:<slug of the name without legal form>``, so every mention of one name shares it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import lru_cache

from .cues import (
    CITE_ARTICLES,
    CONJUNCTIONS,
    DEFINING_HEADS,
    DEFINING_ONE_OF,
    DEFINING_PLURALS,
    DEFINING_SUFFIXES,
    DEFINING_VERBS,
    DEFINITION_FOLLOWERS,
    GERMAN_AFTER,
    INTRO_PHRASES,
    INTRO_WORDS,
    LIST_INTRO,
    MEDIA_HEADS,
    NATIONALITIES,
    ORG_AGENT_CITES,
    ORG_GROUP_WORDS,
    PERSON_AGENT_CITES,
    REPORTING_VERBS,
    ROLES_BEFORE_INTRO,
    SPORT_COMPLEMENTS,
)
from .evidence import business_sentence, given_name_before, starts_sentence
from .keys import latin_key
from .textnorm import normalise


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Upper-case letters of the Latin, Greek and Cyrillic blocks: names are capitalised in every such script.
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_UP = "[" + re.escape(_UPPER) + "]"
# A capitalised word; a dot only inside it ("Amazon.com"), so that a name never swallows a full stop.
_CAP = rf"(?:{_UP}(?:[\w'’&-]|\.(?=\w))*|\d[\w&-]*[A-Za-z][\w&-]*)"
# Next to a role or an appositive (not in lists, where products are named the same way: "iOS and Android"),
# a coined name may start small when a digit or a capital follows ("my6sense", "eZ", "iRobot").
_COINED = rf"(?:{_CAP}|[a-z]{{1,6}}(?:\d|[A-Z])[\w&-]*)"
# spaces only: a name never runs across lines; no conjunction links names ("Celonis, DeepL und N26" is three)
_LINK = r"(?: (?:&|of|de|du|der|la|le|van|von|del|della|di|da|do|dos) | )"
_NAME = rf"{_CAP}(?:{_LINK}{_CAP}){{0,4}}"
_LEGAL = (
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SA|SE|PLC|plc|"
    r"N\.V\.|NV|S\.p\.A\.|SpA|B\.V\.|BV|Co\.,? Ltd\.?|Co\.|KGaA|Oyj|ASA|S\.A\.S\.|SAS|S\.L\.U?\.?|"
    r"Pty\.? Ltd\.?|Sdn\.? Bhd\.?|LLP|LP|L\.P\.|[Ss]p\. z o\.o\.|S\.A\.|A\.Ş\.|AŞ|Ltda\.?|S\.r\.l\.|Srl|"
    r"S\.R\.L\.|SARL|A/S|ApS|AB|Oy|Kft\.|s\.r\.o\.|a\.s\.|d\.o\.o\.|"
    # Norwegian and Estonian AS, Hungarian Zrt./Nyrt./Bt., Indonesian Tbk ("PT ... (Persero) Tbk"), JSC,
    # Croatian and Slovene d.d., Bulgarian АД / ЕАД / ООД / ЕООД, Serbian д.о.о. / а.д.
    r"AS|Zrt\.|Nyrt\.|Bt\.|(?:\(Persero\) )?Tbk\.?|P?JSC|OJSC|d\.d\.|ЕООД|ООД|ЕАД|АД|д\.о\.о\.|а\.д\.)"
)
_LOWER_LEGAL_HOMOGRAPHS = frozenset(("as", "As", "ad", "Ad", "bt"))
_RU_QUOTED = re.compile(
    r"(?:ООО|ПАО|АО|ОАО|ЗАО|НАО|АКБ|ГК|НПО|МФК|ФГУП|ГУП|ТОО|ЧАО|АФК|ТОВ|ПрАТ|ПАТ|АТ|"
    r"[Кк]омпані[яїєюі]{1,2}|[Кк]омпани[яиюей]{1,2}|"
    r"[Кк]онцерн[аеу]?|[Хх]олдинг[аеу]?|[Гг]рупп[аыеу] компаний|[Бб]анк[аеу]?|"
    r"[Зз]авод[аеу]?|[Ии]здательств[оау]|[Сс]тудия|"
    r"[Аа]налитик(?:а|и|ов)?|[Ээ]кономист(?:а)?|[Сс]тратег|[Аа]налітик(?:и)?|[Ee]кономіст)\s*"
    r"[«„“\"](?P<name>[^»“”\"\n]{2,60})[»“”\"]"
)
# the name may be quoted ("„Аргира Текстил“ ЕООД", "«Квирант» АД")
_NAME_BEFORE_LEGAL = re.compile(
    rf"(?<![\w&.-])[„“«\"]?(?P<name>{_NAME})[“”»\"]?,?\s(?P<legal>{_LEGAL})(?!\w)"
)
_NAME_AT = re.compile(_NAME)
_NAME_AT_END = re.compile(rf"(?<![\w])(?P<b>{_NAME})(?:'s|’s)?\s*$")
_COINED_NAME = rf"(?:{_COINED}(?:{_LINK}{_CAP}){{0,4}})"
_COINED_AT_END = re.compile(rf"(?<![\w])(?P<b>{_COINED_NAME})(?:'s|’s)?\s*$")
_SHARES_MOVED = re.compile(
    r"(?:shares|stock)\s(?:rose|fell|jumped|dropped|slid|climbed|gained|lost|tumbled|surged|plunged|soared|"
    r"sank|were|are|have|closed)\b"
)
_CONJ = "(?:" + "|".join(CONJUNCTIONS) + ")"
# one name after an organisation-only group noun and "such as"/"including"/"like", perhaps past a bracketed
# abbreviation of the group noun: "Demand Side Platforms (DSPs) such as Acme"
_GROUP_ONE = re.compile(
    rf"(?: \([A-Za-z]{{2,8}}\))? (?:such as|including|like) (?P<name>{_NAME})(?=[,.;:)]| and | or )"
)
_GROUP_LIST = re.compile(
    rf"(?: (?:{'|'.join(LIST_INTRO)})| ?[—–:]|[^.:;!?\n]{{0,60}}?:)? "
    rf"(?P<list>{_NAME}(?:, {_NAME})*,? {_CONJ} {_NAME})"
)
# "Hipcricket, a mobile marketing company"; "CloudSimple, a startup"
_APPOSITIVE_HEAD = re.compile(
    r"\s(?:[\w&-]+\s){0,6}?(?:company|firm|startup|start-up|maker|manufacturer|provider|producer|retailer|bank|"
    r"lender|insurer|airline|carrier|conglomerate|developer|supplier|operator|publisher|broker|consultancy|"
    r"chain|subsidiary|unit|giant|platform|marketplace|agency|studio|label|brand|newspaper|magazine|outlet|"
    r"network)(?![\w'’])"
)
# "Belmatic, the Oslo-based maker of robots": after "the" the head noun must end the description (not
# "Jane Doe, the studio head", a person)
_APPOSITIVE_THE_HEAD = re.compile(
    _APPOSITIVE_HEAD.pattern.removesuffix(r"(?![\w'’])")
    + r"(?=[,.;:]|\s(?:of|that|which|in|for|with|from|behind|known|whose)\b)"
)
_APPOSITIVE_HEADS = {"appositive": _APPOSITIVE_HEAD, "appositive_the": _APPOSITIVE_THE_HEAD}
_ABBREVIATION = re.compile(r"\s\(([A-Z][A-Za-z&]{1,6})\)")
_SEPARATOR = rf"(?:, (?:{_CONJ} )?| {_CONJ} )"  # spaces only: a list never runs across lines
_NEXT_ITEM = re.compile(rf"\.?(?: \([A-Z][A-Za-z&]{{1,6}}\))?{_SEPARATOR}(?P<name>{_NAME})")
_PREVIOUS_ITEM = re.compile(rf"(?<![\w])(?P<name>{_NAME})\.?(?: \([A-Z][A-Za-z&]{{1,6}}\))?{_SEPARATOR}$")
_OF_AT_NAME = re.compile(rf"\s(?:of|at)\s(?P<name>{_COINED_NAME})")

# "X said in a statement" is said of people as often as of companies: only a name whose last word is a
# company head noun counts ("Brimley Foods said in a statement").
_COMPANY_HEADS = _words(
    """Group Holdings Holding Partners Capital Technologies Technology Systems Motors Airlines Airways Bank
    Energy Pharmaceuticals Pharma Media Labs Laboratories Industries Networks Foods Brands Entertainment
    Studios Robotics Aerospace Solutions Software Therapeutics Logistics Communications Electronics
    Insurance Financial Investments Ventures Resources Mining Petroleum Semiconductor Biotech Retail Stores
    Markets Exchange Automotive Telecom Chemicals Steel Metals Shipping Securities Trust Enterprises
    Manufacturing Productions Pictures Records Games Interactive Dynamics Devices Instruments Materials"""
)
_ROLE_ROLES_BEFORE = frozenset(("analyst", "strategist", "economist", "trader", "portfolio manager", "analysts",
                                "executives", "employees", "engineers"))
_ROLES_AFTER_ONLY = frozenset(("shareholders",))
# Any organisation has a spokesman, and a capitalised "Chief Executive" is often a government title ("Hong
# Kong Chief Executive"): these roles name no company in front of them.
_ROLES_BEFORE_ONLY = frozenset(("spokesperson", "spokesman", "spokeswoman"))

# Capitalised words that start sentences or qualify names but are not part of a company's name.
_LEADING_NOISE = _words(
    """The A An In On At For By With From And But Of To As After Before When While Yesterday Today Rival
    Shares Both Its Their His Her Our This That These Those Former Fellow Also Then Meanwhile However If
    Unlike Like Including Despite Under Between Since Although Because Where Why How What Who Which Said
    Mr Mrs Ms Dr CEO CFO CTO COO Chairman President Director Head Chief Executive Analyst Spokesman PT
    Spokeswoman Spokesperson of de du der und la le van von Die Der Das Den Dem Des Ein Eine Einer Le La Les
    El Los Las Il Lo Gli Het Een"""
)


# The words of a site's feed headings, not of an outlet's name: "More Latest News", "Breaking News", "Top Stories".
_NEWS_FEEDS = _words("More Latest Breaking Top Recent Related Other Popular Trending Featured Read All Live")

# Names with these words are institutions, places or events, not companies.
# Nouns that head or lead the name of an institution, a place or an event ("Patent Office", "Office of the
# Mayor", "Park Avenue"). Inside a longer name, between two other words, they are a brand's common word
# ("Box Office Mojo"), except the academic ones, which take a place anywhere ("University College London").
_INSTITUTION_NOUNS = _words(
    """Department Ministry Agency Commission Council Committee Court
    Police Hospital Museum Association Society Party Government Office Administration Bureau Authority
    Church Army Navy Senate Congress Parliament League Federation Republic Kingdom State States County
    Street Avenue Square Park River Mountains Island Islands Airport Station Awards Festival Conference
    Nations Organization Organisation Union Fund Forum Programme Foundation"""
)
_NOT_COMPANY = _words(
    """University College Institute School
    Day Week Olympics Cup Championship January February March April May June July August September
    October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday I We You He She
    They It NASA FDA SEC EU UN NATO FBI CIA US U.S. UK
    WHO IMF OECD WTO OPEC IAEA UNESCO UNICEF UNHCR CDC NIH EPA FTC FCC DOJ IRS NHS ECB BLS FAA NTSB DHS
    ONU OMS OTAN UE FMI OCDE BCE ООН ВОЗ МВФ ЕС НАТО ЦБ ФАС МВД ФСБ
    Vám Vás Vy Váš Vaše Vaši Vašich Vašim Państwo Pan Pani Sie Ihnen Ihre Ihr Вы Вам Вас"""
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
    same_as: str | None = None  # for an abbreviation: the id of the name it abbreviates

    @property
    def id(self) -> str:
        return self.same_as or unknown_id(self.name)


def unknown_id(name: str) -> str:
    """``unknown:<latin key>``: the name transliterated to Latin and spelling-folded (see
    :func:`.keys.latin_key`), so that every spelling of one name that differs in case, punctuation, script or
    transliteration shares it: «Ромашка» and "Romashka" are both ``unknown:romaska``."""
    return "unknown:" + latin_key(name)


def repeat_mentions(fields: dict[str, str], found: list[UnknownMention]) -> list[UnknownMention]:
    """Other mentions of names found once by a cue ("Acme Widgets Inc." ... "Acme Widgets"), and of the
    abbreviation a name was given in brackets ("Sierra Nevada Corporation (SNC)" ... "SNC")."""
    names: dict[str, str] = {}
    for u in found:
        names.setdefault(u.name, u.id)
        m = _ABBREVIATION.match(fields[u.field], u.end)
        if m:
            names.setdefault(m.group(1), u.id)
    same_as = {name: None if unknown_id(name) == uid else uid for name, uid in names.items() if len(name) >= 3}
    out = []
    for field, text in fields.items():
        for name, alias_of in same_as.items():
            for start, end in _whole_word_occurrences(text, name):
                out.append(UnknownMention(field, start, end, name, same_as=alias_of))
    return out


def _whole_word_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``name`` not inside a longer word (nor joined by "&" or "-").

    ``str.find`` rather than a regular expression: a pattern opening with a look-behind is tried at every
    character of the text (about 1.5 ms per name on a 50 KB filing), and a new pattern per name defeats the
    compile cache."""
    out: list[tuple[int, int]] = []
    i = text.find(name)
    while i != -1:
        j = i + len(name)
        if (i == 0 or not _joins(text[i - 1])) and (j == len(text) or not _joins(text[j])):
            out.append((i, j))
            i = text.find(name, j)
        else:
            i = text.find(name, i + 1)
    return out


def _joins(c: str) -> bool:
    """A character that continues a word (``\\w`` of :mod:`re`: alphanumeric or "_") or joins two ("&", "-")."""
    return c.isalnum() or c in "_&-"


def list_neighbours(
    fields: dict[str, str],
    spans: list[tuple[str, int, int]],
    known: Callable[[str, int, int], bool],
    places: Container[str] = frozenset(),
) -> list[UnknownMention]:
    """Unknown names coordinated with companies: in a list of at least three names ("A, B, C and D") of
    which at least two are already companies, the others are companies too. One company is enough when a
    conjunction closes the list ("Enel, Ansaldo Energia e Leonardo"), if the others are not acronyms,
    places or people named here. ``spans`` are the companies found so far;
    ``known(field, start, end)`` says whether a span overlaps one of them (a constant-time lookup, so that
    long articles stay linear)."""
    out: list[UnknownMention] = []
    done: set[tuple[str, int]] = set()
    for field, start, end in sorted(spans):
        if (field, start) in done:
            continue
        text = fields[field]
        items = [(start, end)]
        pos = end
        while (m := _NEXT_ITEM.match(text, pos)) is not None:
            items.append((m.start("name"), m.end("name")))
            pos = m.end("name")
        pos = start
        # a separator must end right before the name: checked cheaply before the backward search
        while _ends_with_separator(text, pos) and (
            m := _PREVIOUS_ITEM.search(text, max(0, pos - 100), pos)
        ) is not None:
            items.insert(0, (m.start("name"), m.end("name")))
            pos = m.start("name")
        done.update((field, a) for a, _ in items)
        if len(items) < 3:
            continue
        flags = [known(field, a, b) for a, b in items]
        # one company suffices when "and" closes the list, but then the others must look like firms
        weak = sum(flags) == 1
        if sum(flags) < 2 and not (
            weak and _closed_by_and(text, items[-2][1], items[-1][0]) and not any(
                _POSSESSIVE_INSIDE.search(text, a, b + 3) for a, b in items)
        ):
            continue
        for (a, b), is_known in zip(items, flags, strict=True):
            if is_known:
                continue
            if weak and (text[a:b].isupper() or text[a:b] in places or _person_here(text, text[a:b])
                         or _RUSSIAN_SURNAME.search(text[a:b])):
                continue  # "Frost & Sullivan, CTIA and ...": an acronym is a body as often as a firm
            if _MODIFIES_NOUN.match(text, b):
                continue
            if " " not in text[a:b] and text.endswith(_GERMAN_NOUN_ARTICLES, max(0, a - 8), a):
                continue  # "senkte die Prognose, Adidas und Puma": a German noun after its article
            a, b = _trim_leading(text, a, b)
            name = text[a:b]
            if a < b and acceptable_name(name):
                out.append(UnknownMention(field, a, b, name))
    return out


_GERMAN_NOUN_ARTICLES = (" die ", " der ", " das ", " den ", " dem ", " des ", " eine ", " einen ", " einem ",
                         " einer ")
_SEPARATOR_ENDS = (", ", *(f" {c} " for c in CONJUNCTIONS))


_TWO_PLAIN_WORDS = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")


def _person_here(text: str, name: str) -> bool:
    """A name this text uses for a person: one word that it also writes after a given name ("Scooter
    Braun"), or two plain words whose second it also writes alone ("Tim Cook" ... "Cook said"): news
    shortens people to the surname, companies to the first word or not at all."""
    if " " not in name:
        return any(given_name_before(text, a, b) for a, b in _whole_word_occurrences(text, name))
    if not _TWO_PLAIN_WORDS.fullmatch(name):
        return False
    first, last = name.split()
    return any(not text.endswith(first + " ", 0, a) for a, _ in _whole_word_occurrences(text, last))


# A Slavic surname in any case ("с Газпромом, Путиным и Медведевым"): -ов/-ев/-ин/-ын and their case endings.
# Companies named after a person («Калашников», «Туполев») are in the catalog or quoted; only unknown items of
# lists with a single known company are judged by it. Not "-ский": plants and sites are named so too.
_RUSSIAN_SURNAME = re.compile(r"(?:[оеё]в|[иы]н)(?:а|у|ыми|ым|ой|ом|е|ы|ых)?$")
# An unknown item before a plural noun for a kind of firm ("Amazon, Netflix and Hollywood studios", "Siemens,
# Bosch and Mittelstand groups") names that kind, not a firm. Only such nouns: a company before any other
# plural ("Intel shares", "Boeing jets") or a verb ("... and Mitsubishi creates") is still a company.
_MODIFIES_NOUN = re.compile(
    r" (?:studios|groups|firms|companies|makers|carmakers|automakers|brands|banks|lenders|insurers|retailers|"
    r"chains|labels|startups|start-ups|conglomerates|giants|outlets|publishers|broadcasters|operators)\b"
)


# "or" offers alternatives, often of technologies or products ("Wi-Fi, Bluetooth, or AirPlay")
_AND_WORDS = frozenset(CONJUNCTIONS) - {"or", "або"}
# an item in or before a possessive: "Apple's AirPlay 2" names a product of the company, not the company
_POSSESSIVE_INSIDE = re.compile(r"['’]s\s")


def _closed_by_and(text: str, gap_start: int, gap_end: int) -> bool:
    """The last two items are joined by "and" ("Enel, Ansaldo Energia e Leonardo"): an enumeration, unlike a
    comma chain of a company and its address ("SpaceX, Hawthorne, California")."""
    return any(w in _AND_WORDS for w in text[gap_start:gap_end].replace(",", " ").split())


def _ends_with_separator(text: str, pos: int) -> bool:
    return text.endswith(_SEPARATOR_ENDS, max(0, pos - 6), pos)


def _trim_leading(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-start and function words in front of a name ("The Acme Corp" → "Acme Corp",
    "Sacramento-based McClatchy" → "McClatchy")."""
    while True:
        m = re.match(r"(\S+)\s", text[start:end])
        if not m:
            return start, end
        word = m.group(1)
        if not (word in _LEADING_NOISE or word.endswith(("-based", "'s", "’s")) or word.lower() in INTRO_WORDS):
            return start, end
        start += m.end()


def acceptable_name(name: str) -> bool:
    """Not a function word, not an institution or place, and long enough to be a name (not "TX")."""
    return (
        sum(c.isalnum() for c in name) >= 3
        and name not in _LEADING_NOISE
        and not _NOT_COMPANY.intersection(words := name.split())
        and not _INSTITUTION_NOUNS.intersection((words[0], words[-1]))
    )


def find_unknown(field: str, text: str, anchors: list[tuple[str, int, int]]) -> list[UnknownMention]:
    """Candidate company names in one field, read around the anchors the automaton found (a legal form,
    a role word, "shares", "brands", ", a"): no pattern scans the whole text."""
    out: list[UnknownMention] = []
    spans: list[tuple[int, int]] = []
    sources: list[tuple[int, int]] = []  # outlets keep a leading article: "The Verge", "Le Monde"
    sites: dict[str, None] = {}  # the names of the sites the text links or mails to ("www.acme.com"), in order
    for kind, start, end in anchors:
        if kind == "legal":
            if text[start:end] in _LOWER_LEGAL_HOMOGRAPHS:
                continue  # the English "as", not Norwegian "AS": the automaton's keys are lower-case
            stop = end + 1 if text[end : end + 1] == "." else end
            found = list(_NAME_BEFORE_LEGAL.finditer(text, max(0, start - 120), stop))
            m = found[-1] if found else None
            if m is None or m.end("legal") < end:
                continue
            a, name_end = _trim_leading(text, m.start("name"), m.end("name"))
            name = text[a:name_end]
            if a < name_end and acceptable_name(name):
                # an Indonesian "PT" (Perseroan Terbatas) before the name is part of the mention, not the name
                span_start = a - 3 if text.endswith("PT ", 0, a) else a
                # a quoted name is the mention without its legal form, as «Ромашка» is in ООО «Ромашка»
                span_end = name_end if text[name_end : name_end + 1] in "“”»\"" else m.end("legal")
                out.append(UnknownMention(field, span_start, span_end, name, legal=True))
        elif kind == "ru":
            m = _RU_QUOTED.match(text, start)
            if m:
                raw = m.group("name")
                name = raw.strip()
                if name and (name[0].isupper() or name[0].isdigit()):
                    a = m.start("name") + (len(raw) - len(raw.lstrip()))
                    out.append(UnknownMention(field, a, a + len(name), name, legal=True))
        elif kind == "role":
            written = text[start:end]
            role = written.lower()
            if role not in _ROLE_ROLES_BEFORE and role not in _ROLES_BEFORE_ONLY and not (
                " " in role and written[0].isupper()
            ):
                _name_before(text, start, spans)
            if role not in _ROLES_AFTER_ONLY:
                m = _OF_AT_NAME.match(text, end)
                if m:
                    spans.append((m.start("name"), m.end("name")))
        elif kind == "acquire" and text[start].islower():  # a verb mid-sentence, not "Bought" in a heading
            m = _NAME_AT.match(text, end + 1)
            if m:
                spans.append((m.start(), m.end()))
        elif kind == "shares":
            if text.startswith("of ", end + 1) and text[start:end].lower() == "shares":
                m = _NAME_AT.match(text, end + 4)
                if m:
                    spans.append((m.start(), m.end()))
            elif _SHARES_MOVED.match(text, start):
                _name_before(text, start, spans)
        elif kind == "shares_of":
            m = _NAME_AT.match(text, end + 1)
            # a price move must follow: "Acțiunile Hidroelectrica au urcat cu 3,2%" (not "akcje protestu")
            if m and _PERCENT.search(text, m.end(), m.end() + 80):
                spans.append((m.start(), m.end()))
        elif kind == "group":
            m = _GROUP_LIST.match(text, end)
            one = None if m else _GROUP_ONE.match(text, end)
            if one and text[start:end].lower() in ORG_GROUP_WORDS:
                spans.append((one.start("name"), one.end("name")))
            elif m:
                base = m.start("list")
                spans += [(base + i.start(), base + i.end()) for i in _NAME_AT.finditer(m.group("list"))]
            elif text.endswith((", the ", ", both "), max(0, start - 7), start):
                _list_before(text, text.rfind(",", 0, start), spans)  # "John Lewis and Argos, the retailers"
            else:
                _name_defined(text, start, end, spans)
        elif kind in _APPOSITIVE_HEADS and text[start - 2 : start] == ", " and _APPOSITIVE_HEADS[kind].match(text, end):
            _name_before(text, start - 2, spans)
        elif kind == "intro":
            _name_introduced(text, start, end, spans)
            _name_defined(text, start, end, spans)
        elif kind == "cite":
            cue = " ".join(text[start:end].lower().split())
            _name_cited(text, end, sources, english=cue in _ENGLISH_CITES, agent=cue)
        elif kind == "head":
            written = text[start:end]
            if written[:1].isupper() and text[end : end + 1] != "-" and not _title_case_line(text, start, end):
                m = _NAME_AT_END.search(text, max(0, start - 80), end)
                if m and " " in m.group("b") and m.end("b") == end and " of " not in m.group("b"):
                    spans.append((m.start("b"), m.end("b")))
        elif kind == "media":
            written = text[start:end]
            nxt = text[end + 1 : end + 2] if text[end : end + 1] == " " else ""
            if (
                written[:1].isupper()
                and text[end : end + 1] != "-"
                and not nxt.isupper()  # "White House Press Secretary" is a title, not an outlet
                and not _title_case_line(text, start, end)
            ):
                m = _NAME_AT_END.search(text, max(0, start - 80), end)
                if m and " " in m.group("b") and m.end("b") == end and m.group("b").split()[0] not in _NEWS_FEEDS:
                    sources.append((m.start("b"), m.end("b")))
        elif kind == "domain" and text[start - 1 : start] == "." and not text[end : end + 1].isalnum():
            m = _DOMAIN_NAME.search(text, max(0, start - 40), start - 1)
            if m and text[end : end + 1] not in "/." and acceptable_name(m.group()):
                out.append(UnknownMention(field, m.start(), end, text[m.start() : end]))
            elif not m:
                label = _site_label(text, start - 1)
                if label and len(sites) < _MAX_SITES:
                    sites[label] = None
        elif kind == "request":
            if text.endswith(("'s ", "’s "), max(0, start - 3), start):
                _name_before(text, start, sources)
            elif text.startswith(" from ", end):
                m = _NAME_AT.match(text, end + 6)
                if m:
                    sources.append((m.start(), _trim_dates(text, m.start(), m.end())))
        elif kind == "tr_cite":
            m = _TR_OWNER.search(text, max(0, start - 80), start)
            if m:
                sources.append((m.start("b"), m.end("b")))
        elif kind == "appos_desc" and text[start - 2 : start] == ", " and not text[end + 1 : end + 2].isupper():
            # "X, la società che ..." — but "13MF, la société Teknokit" introduces the name after it
            before: list[tuple[int, int]] = []
            _name_before(text, start - 2, before)
            spans.extend((a, b) for a, b in before if not text[a].isdigit())
        elif kind == "subject" and text[start].islower():  # mid-sentence, not a heading's "Reported"
            _name_as_subject(text, start, end, spans)
        elif kind == "statement":
            m = _NAME_AT_END.search(text, max(0, start - 80), start)
            if m and m.group("b").split()[-1] in _COMPANY_HEADS:
                spans.append((m.start("b"), m.end("b")))
    for label in sites:
        _named_like_site(text, label, spans)
    datelines: list[tuple[int, int]] = []
    _bracketed_sources(text, datelines)
    for a, b in datelines:
        name = text[a:b]
        if len(name) == 2 and name.isalpha() and name.isupper() and name not in _NOT_COMPANY:
            # an agency in a dateline may have two letters: "LONDON (PA) —"
            out.append(UnknownMention(field, a, b, name, legal=True))
    for a, b in (*sources, *datelines):
        a, b = _trim_source(text, a, _trim_possessive(text, a, b))
        name = text[a:b]
        if acceptable_name(name) and name not in _LEADING_NOISE:
            # a cited source is as sure as a legal form: it beats a common word inside it ("Box Office Mojo")
            out.append(UnknownMention(field, a, b, name, legal=True))
    for a, b in spans:
        start, end = _trim_leading(text, a, _trim_possessive(text, a, b))
        name = text[start:end]
        if start < end and acceptable_name(name):
            out.append(UnknownMention(field, start, end, name))
    return out


def _trim_possessive(text: str, start: int, end: int) -> int:
    """The end of a name without its possessive ("Belmatic's chief executive" names "Belmatic", the key its
    other mentions have too)."""
    if end - start > 3 and text.endswith(("'s", "’s"), start, end):
        return end - 2
    return end


# The name part of a capitalised domain, not inside a URL or an e-mail address ("PanEuro.Net", not
# "www.acme.com" or "mail@Acme.com").
_DOMAIN_NAME = re.compile(rf"(?<![\w./@:-]){_UP}[\w-]*[A-Za-z][\w-]*$")
# A name with a Turkish genitive suffix after an apostrophe, ending right before the anchor ("X'in ").
_TR_OWNER = re.compile(r"(?<![\w])(?P<b>" + _NAME.replace("[\\w'’&-]", "[\\w&-]") + r")['’]n?[ıiuü]n $")


# A web address or an e-mail address up to its top-level domain: "https://www.acme.com", "news@acme.com".
_HOST_BEFORE = re.compile(r"(?:https?://|www\.|@)(?:[\w-]+\.)*?(?:www\.)?(?P<label>[\w-]{3,40})$", re.IGNORECASE)
# Each site name costs one pass over the text: a page of link lists must stay linear in its length.
_MAX_SITES = 16
# Sites whose name is a product, a mail service or a common word, not the company behind the page.
_HOST_LABELS = _words(
    """wordpress blogspot blogger medium tumblr youtube youtu instagram gmail googlemail hotmail outlook live
    icloud mail email yahoo protonmail wixsite weebly squarespace sites pages github gitlab amazonaws
    cloudfront news web site online home info"""
)


def _site_label(text: str, dot: int) -> str | None:
    """The name of the site in a web or e-mail address ending at ``dot``, the dot before its top-level
    domain ("klook" in "https://www.klook.com/..."), or None when the domain is not an address's."""
    m = _HOST_BEFORE.search(text, max(0, dot - 80), dot)
    if not m:
        return None
    label = m.group("label").lower()
    return None if label in _HOST_LABELS or label.isdigit() else label


def _named_like_site(text: str, label: str, spans: list[tuple[int, int]]) -> None:
    """Names written outside an address that spell the name of a site the text gives ("KLOOK" and
    "klook.com", "my6sense" and "www.my6sense.com", "Bleacher Report" and "bleacherreport.com"): a text that
    gives a name's own address names a business. Only names written as names count, capitalised or with a
    shape of their own, and not only at the start of a sentence, where any word is capitalised."""
    pattern = _site_pattern(label)
    found: list[tuple[int, int]] = []
    mid_sentence = False
    for m in pattern.finditer(text):
        name = m.group()
        shaped = _has_own_shape(name)
        if not shaped and not all(w[0].isupper() or w[0].isdigit() for w in name.split()):
            continue
        found.append((m.start(), m.end()))
        mid_sentence = mid_sentence or shaped or not starts_sentence(text, m.start())
    if mid_sentence:
        spans.extend(found)


@lru_cache(maxsize=1024)
def _site_pattern(label: str) -> re.Pattern[str]:
    # the letters of the label, a space, "&" or "-" allowed between any two; whole words, not in an address
    body = "[ &-]?".join(re.escape(c) for c in label)
    return re.compile(rf"(?<![\w@./:-]){body}(?![\w@-]|\.\w)", re.IGNORECASE)


def _name_before(text: str, pos: int, spans: list[tuple[int, int]]) -> None:
    """The capitalised (or coined) name that ends right before ``pos`` (a possessive 's allowed), if any."""
    m = _COINED_AT_END.search(text, max(0, pos - 80), pos)
    if m:
        spans.append((m.start("b"), m.end("b")))


# A result's noun within a few words, in the languages of cues.REPORTING_VERBS (stems: the case endings vary)
_FINANCIAL_OBJECT = re.compile(
    r"[^.;!?\n]{0,60}?\b(?:revenue|sales|profit|loss|earnings|income|ebitda|turnover|chiffre d.affaires|bénéfice"
    r"|perte|ventes|beneficio|ingresos|pérdida|ventas|facturación|utile netto|ricavi|perdita|fatturato|vendite"
    r"|lucro|receita|prejuízo|vendas|faturamento|zysk|przychod|strat[aęy]\b|stratą|sprzedaż|winst|omzet|verlies"
    r"|vinst|omsättning"
    r"|förlust|rörelseresultat|overskud|omsætning|omsetning|underskud|driftsresultat|tržb|ztrát|liikevaih"
    r"|liiketulos|voitto|tappio|árbevétel|nyereség|veszteség|venitur|pierder|cifr[aă] de afaceri)",
    re.IGNORECASE,
)
_REPORTING = frozenset(normalise(v) for v in REPORTING_VERBS)


def _name_as_subject(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The name before a company's predicate ("Kofola reported a rise in revenue", "Quintrel, which makes
    sensors"): not an acronym (public bodies are written so: "the EU said its"), nor a person here, nor a
    sentence's first word unless the text also capitalises it mid-sentence ("Officials said its", "Pressure,
    which makes")."""
    cue = text[start:end].lower()
    if cue.startswith("which"):
        if text[start - 2 : start] != ", ":
            return
        pos = start - 2
    else:
        pos = start - 1 if text[start - 1 : start] == " " else start
        if normalise(cue) in _REPORTING and not _FINANCIAL_OBJECT.match(text, end):
            return
    m = _NAME_AT_END.search(text, max(0, pos - 80), pos)
    if not m or m.end("b") != pos or text[m.end("b") - 2 : m.end("b")] in ("'s", "’s"):
        return
    a, b = _trim_leading(text, m.start("b"), m.end("b"))
    name = text[a:b]
    if a >= b or name.isupper() or _person_here(text, name):
        return
    if " " not in name and starts_sentence(text, a) and not any(
        not starts_sentence(text, x) for x, _ in _whole_word_occurrences(text, name)
    ):
        return
    spans.append((a, b))


def _title_case_line(text: str, start: int, end: int) -> bool:
    lo = max(text.rfind("\n", 0, start) + 1, start - 120)
    hi = text.find("\n", end)
    hi = min(end + 120, len(text) if hi == -1 else hi)
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[lo:hi]) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) > 0.6 * len(long)


def _has_own_shape(name: str, acronyms: bool = True) -> bool:
    """A name that cannot be an ordinary capitalised noun: an acronym, a capital or digit inside a word
    ("DeepL", "N26", "TheWrap"; not after a hyphen, as in "Jean-Pierre"), a domain ("Lenta.ru")."""
    return any(
        (acronyms and len(w) >= 2 and w.isupper())
        or any((c.isupper() and w[i] != "-") or c.isdigit() for i, c in enumerate(w[1:]))
        or "." in w
        for w in name.split()
    )


def _word_start(text: str, start: int) -> int:
    """Where the word holding an anchor starts: a compound ("Rüstungskonzern", "Plattform-Anbieter") is
    anchored at its last part."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    return start


def _name_introduced(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The capitalised name right after a descriptive noun ("le motoriste Safran", "la consultora Kantar",
    "der Autobauer BMW"). Lower-case descriptors only, except German nouns, which are capitalised: after those
    a capitalised word is as often a noun ("der Konzern Verluste"), so the name needs a shape of its own, a
    verb or punctuation after it."""
    word_start = _word_start(text, start)
    if word_start > 0 and text[word_start - 1] in "'’":  # "l'assureur", "l’américain"
        pass
    elif word_start > 0 and not text[word_start - 1].isspace():
        return
    before = text[max(0, word_start - 30) : word_start].split()
    if before and (
        before[-1].lower().strip(",") in ROLES_BEFORE_INTRO or before[-1].lower().startswith(_CYR_ROLES)
    ):
        return  # "założyciel firmy Ryszard Nowak", «директор компаније Милан Јовановић»: a person
    sentence_start = not text[max(0, word_start - 3) : word_start].strip() or text[
        max(0, word_start - 2) : word_start
    ].rstrip(" ")[-1:] in (".", "!", "?", "\n", "")
    german = text[word_start].isupper() and not sentence_start
    if german and word_start > 0 and not _after_article(text, word_start):
        return
    if text[end : end + 1] != " ":
        return
    vietnamese = text[start:end].lower() in INTRO_PHRASES
    name_at = end + 1
    if vietnamese:
        while (legal := _VI_LEGAL.match(text, name_at)) is not None:
            name_at = legal.end()  # "Công ty TNHH ...", "Ngân hàng TMCP ...": the legal form, then the name
    m = _NAME_AT.match(text, name_at)
    if not m:
        return
    if vietnamese and " " not in m.group() and not m.group().isascii() and _VI_LOWER_SYLLABLE.match(
        text, m.end()
    ):
        # "Ngân hàng Nhà nước", "TMCP Ngoại thương ...": one capitalised syllable (with its tone mark) of a
        # longer noun, not a brand ("Vinamilk", "Sabeco")
        return
    name = m.group()
    if text[word_start:end].lower() in NATIONALITIES and not business_sentence(text, m.start(), m.end()):
        return
    if german:
        after = text[m.end() : m.end() + 12].lstrip(" ")
        nxt = after.split(" ", 1)[0] if after else ""
        if not (_has_own_shape(name) or not after or after[0] in ",.;:!?)" or nxt in GERMAN_AFTER):
            return
    spans.append((m.start(), m.end()))


# "<Name> is a [up to five modifiers] <head>": the subject of a definition whose head is a firm noun.
_MODIFIERS = r"(?:[^\s.,;:!?()\[\]\"“”«»]+ ){0,5}$"
_DEFINED = re.compile(
    rf"(?<![\w])(?P<name>{_COINED_NAME}),? (?P<verb>{'|'.join(re.escape(v) for v in DEFINING_VERBS)})(?:'| )"
    + _MODIFIERS
)
# "<Name> is one of the world's largest <plural>"
_DEFINED_ONE_OF = re.compile(
    rf"(?<![\w])(?P<name>{_COINED_NAME}),? (?P<verb>{'|'.join(re.escape(v) for v in DEFINING_ONE_OF)}) "
    + _MODIFIERS
)
# copulas of the languages whose noun phrases end with their head (English, Dutch, German)
_HEAD_FINAL_COPULAS = frozenset(("is", "was", "has", "remains", "became", "ist", "war", "bleibt"))
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")


def _name_defined(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The subject of a definition: "Quorvane is a Stockholm-based software company that ...", "Belmatic ist
    ein globaler Plattform-Anbieter", "Quorvane es una empresa de logística", "Quorvane is one of Europe's
    largest carmakers". In English, Dutch and German, whose noun phrases end with their head, the head noun
    must end the phrase (punctuation or the start of its complement after it: "a firm believer" is no firm);
    in the Romance languages adjectives follow it ("una delle maggiori aziende italiane")."""
    word_start = _word_start(text, start)
    if word_start == 0 or text[word_start - 1] not in " '’":
        return
    head = text[word_start:end].lower()
    plural = head in DEFINING_PLURALS
    if text[end : end + 1].isalnum() or not (
        plural or head in DEFINING_HEADS or head.endswith(DEFINING_SUFFIXES)
    ):
        return
    lo = max(0, word_start - 160)
    # German plurals are written as the singular: "ist eines der größten Unternehmen"
    m = None if plural else _DEFINED.search(text, lo, word_start)
    if m is None:
        m = _DEFINED_ONE_OF.search(text, lo, word_start)
    if m is None or m.end() != word_start:
        return
    nxt = _NEXT_WORD.match(text, end)
    following = nxt.group(1).lower() if nxt else ""
    if (
        text[end : end + 1] not in ("", ".", ",", ";", ":", "!", "?", ")")
        and m.group("verb").split()[0] in _HEAD_FINAL_COPULAS
        and following not in DEFINITION_FOLLOWERS
    ):
        return
    if nxt and SPORT_COMPLEMENTS.intersection(w.strip(".,;:") for w in text[end : end + 40].lower().split()[:3]):
        return  # "una società di calcio", "a sports company": a club
    a, b = _trim_leading(text, m.start("name"), m.end("name"))
    name = text[a:b]
    if a < b and acceptable_name(name) and not _person_here(text, name):
        spans.append((a, b))


# Vietnamese legal forms after the descriptor (TNHH: limited liability; CP, TMCP: joint-stock; MTV: one
# member), and a lower-case syllable that continues a proper noun.
_VI_LEGAL = re.compile(r"(?:TNHH|TMCP|CP|MTV|Cổ phần|cổ phần)(?: MTV)? ")
_VI_LOWER_SYLLABLE = re.compile(r" [a-zà-ỹđ]")


_GERMAN_ARTICLES = ("der ", "die ", "das ", "den ", "dem ", "des ", "Der ", "Die ", "Das ", "Den ", "Dem ", "Des ",
                    "beim ", "vom ", "zum ", "Beim ", "Vom ", "Zum ")


def _after_article(text: str, pos: int) -> bool:
    return text.endswith(_GERMAN_ARTICLES, max(0, pos - 5), pos)


_ENGLISH_CITES = frozenset(("told", "tells", "according to", "reports from", "report from", "reported by",
                            "quoted by", "cited by",
                            "in an interview with", *ORG_AGENT_CITES, *PERSON_AGENT_CITES))
# Words a name runs into without being part of it: "told the Argus Leader Monday afternoon".
_DATE_WORDS = _words(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Today Yesterday Tonight"""
)


def _trim_dates(text: str, start: int, end: int) -> int:
    """The end of a name without the weekday, month or "today" it runs into."""
    while True:
        cut = text.rfind(" ", start, end)
        if cut == -1 or text[cut + 1 : end] not in _DATE_WORDS:
            return end
        end = cut


def _name_cited(
    text: str, end: int, spans: list[tuple[int, int]], english: bool = False, agent: str = ""
) -> None:
    """An outlet after an attribution ("told Business Insider", "selon Le Monde", "informou o Valor
    Econômico", "podał „Puls Biznesu”"): only names shaped like outlets — after an article or in quotes, with
    an article or an outlet head word inside ("The Verge", "Le Monde"), with a shape of their own ("TheWrap"),
    or ending the clause ("informa Expansión.") — since people are cited the same way ("told John Smith")."""
    pos = end + 1 if text[end : end + 1] == " " else end
    article: int | None = None
    quoted = False
    m = re.match(r"(\w+)(?:['’]| )", text[pos : pos + 8])
    if m and m.group(1).lower() in CITE_ARTICLES:
        article = pos
        pos += m.end()
    if text[pos : pos + 1] in "«\"“„":
        quoted = True
        pos += 1
    m = _NAME_AT.match(text, pos)
    if not m:
        return
    name_end = _trim_dates(text, m.start(), m.end())
    if name_end <= m.start():
        return
    name = text[m.start() : name_end]
    if agent in ORG_AGENT_CITES | PERSON_AGENT_CITES and name.endswith(("'s", "’s")):
        return  # "data published by Brazil's space agency": the owner of the agent, not the agent
    if _PUBLICATION_AFTER.match(text, name_end):
        return  # "according to the Acme Index report from Belmatic": the title of a publication, not its source
    words = name.split()
    after = text[name_end : name_end + 1]
    if (
        article is not None
        or quoted
        # pollsters and data providers, whatever the length of their name ("surveyed by Acme Research");
        # publishers too, unless the name is a plain two words, as a person's is ("published by Jane Roe")
        or agent in ORG_AGENT_CITES
        or (agent in PERSON_AGENT_CITES and len(words) != 2)
        or (words[0] in ("The", "Le", "La", "Les", "El", "Il", "Der", "Die", "De", "O", "A") and len(words) > 1)
        or words[-1].lower() in MEDIA_HEADS
        or _has_own_shape(name, acronyms=len(words) > 1)  # "according to WHO": agencies are cited too
        # ending the clause: after a verb put before its subject ("informa Expansión."), or three words or
        # more after an English attribution ("according to Box Office Mojo."; "told Tim Cook." is a person)
        or (after in (".", ";", ")") and (len(words) >= 3 if english else len(words) <= 3) and not (
            # German capitalises nouns: "meldete Gewinn.", "laut Statistik." end a clause with no outlet in it
            agent in _GERMAN_CITES and len(words) == 1 and not _has_own_shape(name)
        ))
        # one name told something, then quoted or in an interview: an outlet ("told Acme:"); a person told
        # something is named in full or has a verb of his own after him
        or (agent in ("told", "tells") and len(words) == 1 and _TOLD_OUTLET.match(text, name_end) is not None)
    ):
        a = article if article is not None and text[article].isupper() else m.start()
        spans.append((a, name_end))
        # a second source coordinated with the first: "according to reports from The Wrap and Acme"
        m = _AND_NAME.match(text, name_end)
        if m:
            other = m.group("name")
            n = len(other.split())
            if n != 2 or _has_own_shape(other) or other.split()[0] in _NAME_ARTICLES:
                spans.append((m.start("name"), _trim_dates(text, m.start("name"), m.end("name"))))


_PERCENT = re.compile(r"\d\s?%|\d\s?(?:procent|prosent|százalék|puncte|pct)")
_GERMAN_CITES = frozenset(("laut", "gegenüber", "berichtet", "berichtete", "meldet", "meldete", "schreibt"))
_TOLD_OUTLET = re.compile(r":|,? in an (?:interview|e-?mail|emailed statement)\b")
_PUBLICATION_AFTER = re.compile(r" (?:report|reports|survey|study|index|poll|data|analysis|ranking)\b")
_AND_NAME = re.compile(rf" (?:and|or|und|et|y|e) (?P<name>{_NAME})(?=[.,;:)]|\s+[a-z])")


_DATELINE = re.compile(rf"\(({_NAME})\)\s*[—–-]")
_DATELINE_NO_DASH = re.compile(rf"\(({_NAME})\)\s+(?=[{re.escape(_UPPER)}])")
_BRACKETED = re.compile(rf"\[\s*({_NAME})\s*\]")


def _bracketed_sources(text: str, spans: list[tuple[int, int]]) -> None:
    """Sources in a dateline "WASHINGTON (AP) —" or a bracketed credit "[ The Verge ]": found from each
    bracket in the text (a C-speed search), read only there."""
    for opener, pattern in (("(", _DATELINE), ("[", _BRACKETED)):
        i = text.find(opener)
        while i != -1:
            m = pattern.match(text, i)
            opens_line = opener == "(" and _opens_dateline(text, i)
            if m is None and opens_line:
                m = _DATELINE_NO_DASH.match(text, i)  # "STOCKHOLM (TT) Konkursförvaltaren ..."
            if m:
                before = text[max(0, i - 40) : i].rstrip(" ,")
                word = before.rsplit(None, 1)[-1] if before.strip() else ""
                if opener == "[" or not word or (word.isupper() and len(word) > 1) or before.endswith("\n") or (
                    opens_line
                ):
                    spans.append((m.start(1), m.end(1)))
            i = text.find(opener, i + 1)


def _opens_dateline(text: str, i: int) -> bool:
    """The bracket follows a dateline's place in capitals at the start of a line, perhaps with a date
    ("ВРШАЦ, 12. јун (Танјуг) –", "STOCKHOLM (TT)")."""
    head = text[text.rfind("\n", 0, i) + 1 : i]
    first = head.split(None, 1)[0].rstrip(",") if head.strip() else ""
    return len(head) <= 40 and len(first) >= 3 and first.isupper() and first.isalpha()


# --- CJK: names delimited by particles (Japanese kana, Korean spacing) and marked by suffixes or context --
_KO_PARTICLE = r"(?:가|이|는|은|를|을|와|과|의|에서|에|로|으로|도|만)?"
_KO_SUFFIX = re.compile(
    r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9&]{1,12}(?:뱅크|은행|증권|전자|자동차|그룹|홀딩스|건설|화학|생명|보험|카드|"
    r"거래소|항공|제약|바이오|엔터테인먼트|미디어|텔레콤|에너지|중공업|물산|상사))" + _KO_PARTICLE + r"(?![가-힣])"
)
_KO_COUNTRY_BANK = re.compile(r"^(?:한국|중국|일본|미국|유럽|영국|독일)(?:은행|중앙은행)")  # central banks
# Common nouns before a company suffix make a kind of company, not a name: 인터넷은행 "internet bank".
_KO_GENERIC = re.compile(r"^(?:전문가|연구|인터넷|시중|지방|국내|해외|외국|글로벌|대형|중소|주요|민간|국영|"
                         r"투자|상업|저축|디지털|모바일|온라인|계열|금융|대기업|재벌)")
_KO_PREFIX = re.compile(r"주식회사 ?([가-힣A-Za-z0-9]{2,12})")
_KO_DATELINE = re.compile(r"\([가-힣]{2,4}=([가-힣A-Za-z]{2,10})\)")
_KO_REPORTED = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]{2,10})(?:가|이) (?:\d{1,2}일 )?(?:보도했다|전했다)")
_JA_RUN = r"[ァ-ヴー・&＆A-Za-z0-9\u4e00-\u9fff]"
_JA_SUFFIX = re.compile(
    rf"(?<!{_JA_RUN})({_JA_RUN}{{1,12}}(?:ホールディングス|グループ|銀行|証券|自動車|電機|商事|物産|製作所|工業|"
    r"重工業|重工|通信|取引所|航空|製薬|電力|鉄道))(?![ァ-ヴー局庁省])"  # 局/庁/省: a government body
)
_JA_PREFIX = re.compile(r"株式会社([A-Za-z0-9][A-Za-z0-9 &.-]{0,40}[A-Za-z0-9]|[ァ-ヴー・A-Za-z0-9]{2,20})")
_JA_DESCRIBED = re.compile(r"(?:スタートアップ|大手|新興企業|子会社|傘下|メーカー)の([ァ-ヴー・A-Za-z0-9]{2,20})")
# Japanese news names a foreign company after the one-character name of its country: 米アップル, 独シーメンス,
# 英アーム — not a person or an office (米トランプ大統領, 米メディア), nor a common loanword (米ドル).
_JA_FOREIGN = re.compile(
    r"(?<![\u4e00-\u9fff])[米英独仏韓台豪加伊蘭露印瑞]"
    r"([ァ-ヴ][ァ-ヴー・]{2,}(?:AI|[A-Z]{1,4})?)"
    # not a person, an office or a place: 米トランプ大統領, 米カンザス州, 英ロンドン市, 米ハーバード大学
    r"(?![ァ-ヴー・A-Za-z]|大統領|首相|氏|政権|長官|大使|議員|監督|選手|さん|政府|当局|州|市|都|大学|軍|国)"
)
# A foreign company written in katakana with 社 ("company") after it: アップル社, ベルマティック社 (not 社会
# "society", 社員 "employee", 社屋 "office building", 神社 "shrine").
_JA_SHA = re.compile(r"(?<![ァ-ヴー・])([ァ-ヴ][ァ-ヴー・]{2,19})社(?![会員屋寺])")
_JA_LOANWORDS = _words(
    """ドル ユーロ メディア メーカー ファンド ブランド チーム ニュース エネルギー テクノロジー ハイテク
    スタートアップ ベンチャー ネット ブログ サイト アプリ ゲーム チェーン グループ ホテル レストラン"""
)
_KANA = re.compile(r"[\u3040-\u30ff]")
# A source cited: 据证券时报报道 ("according to a Securities Times report"), 매일경제 보도에 따르면 (the same in
# Korean); an outlet far more often than a person, as a person is not said to report (报道/보도).
# The name must end as outlets do (时报, 新华社, 财新网, 日报; 일보, 신문, 경제, 뉴스), not as a reporter's name.
_ZH_CITED = re.compile(r"据([\u4e00-\u9fff]{1,7}[报報网網社台刊志闻聞视視经經讯訊])(?:报道|報導|报导|消息)")
_KO_CITED = re.compile(
    r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]{0,8}(?:일보|신문|경제|뉴스|방송|통신|미디어|TV))(?:의)? 보도에 따르면"
)
# Rivals listed before 等 and a group noun: 与顺丰、京东等竞争对手 ("with rivals such as SF and JD")
_ZH_LISTED = re.compile(
    r"(?<=[与和及同跟对])([\u4e00-\u9fff]{2,4}?)、([\u4e00-\u9fff]{2,4}?)(?:、([\u4e00-\u9fff]{2,4}?))?"
    r"等(?:竞争对手|对手|公司|企业|厂商|车企|巨头|平台)"
)
# Words that make a company suffix a kind of thing: 電気自動車 (electric car), 軽自動車 (kei car), 中古自動車,
# 中央銀行 (central bank), 地方銀行 (regional bank), 投資銀行, 商業銀行, 証券取引所 (a stock exchange)
_JA_GENERIC_PREFIXES = ("電気", "軽", "中古", "大型", "小型", "国産", "輸入", "次世代", "燃料電池", "中央", "地方",
                        "投資", "商業", "民間", "外資", "日系", "外国", "証券", "格安", "大手", "自動運転")
# Roles in a Chinese dateline's brackets: （记者王磊）, （通讯员…）
_ZH_BYLINE_ROLES = ("记者", "記者", "通讯员", "通訊員", "编辑", "編輯", "实习生", "實習生", "摄影", "攝影", "特约")
_ZH_DATELINE = re.compile(r"(?:电|[\u4e00-\u9fff]{2})（([\u4e00-\u9fff]{2,4})）")
_ZH_LEGAL = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:股份有限公司|有限责任公司|集团有限公司|有限公司)")
_ZH_FUNCTION = "与和及由向对在为是将把被从的了"
# A descriptive noun before a name with a company suffix: 私募基金博裕资本 ("the private-equity fund X Capital"),
# 车企XX汽车; the descriptor marks where the name starts, which Chinese writing does not.
_ZH_DESCRIBED = re.compile(
    r"(?:私募基金|私募股权基金|投资机构|投资公司|基金公司|资产管理公司|券商|车企|科技公司|科技巨头|巨头|竞争对手|"
    r"运营商|航空公司|保险公司|制造商|零售商|开发商)"
    r"([\u4e00-\u9fff]{2,4}?(?:资本|集团|控股|证券|银行|科技|汽车|航空|保险|基金|能源|电子|传媒|投资))"
)


def find_cjk(field: str, text: str) -> list[UnknownMention]:
    """Unknown companies in Chinese, Japanese and Korean text (called only when the field has CJK
    characters): a company suffix at the end of a word or kana-delimited run (토스뱅크, 東京証券取引所), a legal
    form (株式会社X, 주식회사 X, X有限公司), a descriptor (スタートアップのX) or a source (（路透）, (서울=연합뉴스),
    X가 보도했다)."""
    out: list[UnknownMention] = []

    def add(m: re.Match[str], group: int = 1, legal: bool = False) -> None:
        a, b = m.start(group), m.end(group)
        name = text[a:b].strip()
        if len(name) >= 2:
            out.append(UnknownMention(field, a, a + len(name), name, legal=legal))

    for m in _KO_SUFFIX.finditer(text):
        if not _KO_COUNTRY_BANK.match(m.group(1)) and not _KO_GENERIC.match(m.group(1)):
            add(m, legal=True)  # a suffix makes a longer name: 카카오뱅크 is not 카카오
    kana = _KANA.search(text) is not None  # Japanese rules on Japanese text only, not on Chinese
    for pattern, legal in ((_KO_PREFIX, True), (_KO_DATELINE, True), (_KO_REPORTED, False), (_JA_SUFFIX, True),
                           (_JA_PREFIX, True), (_JA_DESCRIBED, False), (_ZH_DATELINE, True)):
        if not kana and pattern in (_JA_SUFFIX, _JA_PREFIX, _JA_DESCRIBED):
            continue
        for m in pattern.finditer(text):
            if pattern is _ZH_DATELINE and m.group(1).startswith(_ZH_BYLINE_ROLES):
                continue  # 电（记者王磊）: the reporter's byline, not the agency
            if pattern is _JA_SUFFIX and m.group(1).startswith(_JA_GENERIC_PREFIXES):
                continue  # 電気自動車 (an electric car), 中央銀行 (a central bank): kinds, not names
            add(m, legal=legal)
    if not kana:
        for m in _ZH_DESCRIBED.finditer(text):
            add(m, legal=True)  # a suffix makes a longer name, as in Korean
        for m in _ZH_CITED.finditer(text):
            add(m)
        for m in _ZH_LISTED.finditer(text):
            for group in (1, 2, 3):
                if m.group(group):
                    add(m, group)
    for m in _KO_CITED.finditer(text):
        add(m)
    if kana:
        for pattern in (_JA_FOREIGN, _JA_SHA):
            for m in pattern.finditer(text):
                if m.group(1) not in _JA_LOANWORDS:
                    add(m)
    for m in _ZH_LEGAL.finditer(text):
        a = m.start(1)
        while a < m.end(1) - 2 and text[a] in _ZH_FUNCTION:
            a += 1
        out.append(UnknownMention(field, a, m.end(), text[a : m.end(1)], legal=True))
    return out


def _list_before(text: str, pos: int, spans: list[tuple[int, int]]) -> None:
    """A list of at least two names ending at ``pos`` ("John Lewis and Argos" before ", the retailers")."""
    items: list[tuple[int, int]] = []
    m = _NAME_AT_END.search(text, max(0, pos - 80), pos)
    if not m or m.end("b") != pos:
        return
    items.append((m.start("b"), m.end("b")))
    cur = m.start("b")
    while _ends_with_separator(text, cur) and (p := _PREVIOUS_ITEM.search(text, max(0, cur - 100), cur)):
        items.append((p.start("name"), p.end("name")))
        cur = p.start("name")
    if len(items) >= 2:
        spans.extend(items)


_NAME_ARTICLES = frozenset(("The", "Le", "La", "Les", "El", "Il", "Der", "Die", "Das", "De", "Het"))


def _trim_source(text: str, start: int, end: int) -> tuple[int, int]:
    """An outlet's name without words glued before it ("Visit Business Insider", "From The New York Times",
    "An Associated Press ...") — an article that is part of the name stays ("The Verge") — and without what
    follows a possessive inside it ("The Verge’s Stadia" → "The Verge")."""
    while True:
        m = re.match(r"(\S+) ", text[start:end])
        if not m or m.group(1) in _NAME_ARTICLES or not (
            m.group(1) in _LEADING_NOISE or m.group(1) in ("Visit", "Read", "Watch", "Follow", "Via", "Subscribe")
        ):
            break
        start += m.end()
    m = re.search(r"['’]s\b", text[start:end])
    if m:
        end = start + m.start()
    return start, end


# --- Cyrillic: a capitalised or quoted name right after a descriptive noun in any case form ----------------
# («брокер Финам», «ритейлер «Лента»», «перевізник Укрзалізниця»). Not after "банк" unquoted: «банк России» is
# the central bank. A role before the descriptor makes the name a person («глава компании Иван Петров»).
_CYR_DESCRIBED = re.compile(
    r"(?<![\w-])(?P<d>(?i:брокер|ритейлер|оператор|перевозчик|перевізник|маркетплейс|стартап|сервис|сервіс|"
    r"девелопер|застройщик|забудовник|производитель|виробник|авиакомпани|авіакомпані|агентств|издани|видання|"
    r"телеканал|газет|холдинг|концерн|компани|компані|завод|мереж|сет|бренд|марк|банк|фирм|предузећ|"
    r"груп(?!п)))[а-яіїєёјћђ]{0,4}"  # Serbian "група" (a group of companies), not Russian "группа" (a band)
    r"\s+(?P<q>[«\"„“])?(?P<name>[А-ЯЁІЇЄҐA-Z][\w-]*(?:\s[А-ЯЁІЇЄҐA-Z0-9][\w-]*){0,3})"
)
# role stems, any case form («основателя компании Тимура ...», «главы холдинга ...»)
_CYR_ROLES = ("глав", "директор", "гендиректор", "основател", "соосновател", "президент", "совладел",
              "засновник", "співзасновник", "керівник", "голов", "владел", "власник", "представител",
              "речник", "пресс-секретар", "председател", "аналитик", "аналітик", "экономист", "економіст",
              # Serbian, Bulgarian and Macedonian
              "оснивач", "основач", "председник", "портпарол", "управител", "сопственик", "собственик")


# A definition: «Квирант — крупнейший российский ритейлер», «Квирант является крупнейшей компанией региона»,
# «Квірант — один з найбільших забудовників». Only adjectives between the copula and the descriptor («Иван
# Петров — основатель крупной компании» is a person: "основатель" is no adjective). Unquoted, the name is one
# word (a capitalised word before it starts the sentence: «Сегодня Квирант — ...») or Latin, and the descriptor
# names firms only: a region is «крупнейший производитель нефти» as often as a company is.
_CYR_ADJECTIVE = r"[а-яёіїєґ-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ую|юю|ій|ої|ою|ей|ым|им|ими|ыми)"
_CYR_FIRMS_ONLY = (r"компани|компані|ритейлер|авиакомпани|авіакомпані|холдинг|концерн|застройщик|девелопер|"
                   r"забудовник|маркетплейс|стартап|разработчик|розробник|страховщик|страховик|автопроизводител|"
                   r"автовиробник|издательств|видавництв|телеканал|мереж|сет")
# a quoted name, or an unquoted one: one Cyrillic word, or up to three Latin ones
_CYR_NAME_OR_QUOTED = (
    r"(?:(?P<q>[«\"„“])(?P<quoted>[^»\"“”\n]{2,40})[»\"“”]|"
    r"(?P<name>[А-ЯЁІЇЄҐ][\w-]*|[A-Z][\w&-]*(?:\s[A-Z0-9][\w&-]*){0,2}))"
)
_CYR_DEFINED = re.compile(
    r"(?<![\w-])" + _CYR_NAME_OR_QUOTED +
    r"\s+(?:[—–]|являл?[аои]?с[ья]|является|є)\s+(?:(?:одн[аоиу]|один|одним|одной) (?:из|з) )?"
    rf"(?:{_CYR_ADJECTIVE}\s+){{0,3}}"
    rf"(?P<d>(?i:{_CYR_FIRMS_ONLY}|производител|виробник|оператор|перевозчик|перевізник|поставщик|постачальник|"
    r"дистрибьютор|дистриб'ютор|газет))[а-яіїєё]{0,4}(?![\w-])"
)
_CYR_FIRM_DESCRIPTOR = re.compile(rf"(?i:{_CYR_FIRMS_ONLY})")
# Shares that moved: «Акции Квиранта выросли на 5%», «акції «Квіранту» впали». Only a company has shares, but
# «акции» are also campaigns («акции Навального»), so a price move must follow within a few words.
_CYR_SHARES = re.compile(
    r"(?<![\w-])(?i:акци[ия]|акції|бумаги|папери|котировки)\s+" + _CYR_NAME_OR_QUOTED +
    r"(?:\s+[^\s.!?]+){0,3}?\s+(?i:вырос|выросл|подорож|подешев|упал|снизил|прибавил|потерял|подскочил|обвал|"
    r"дорожа|дешевел|торгу|зросл|зріс|впал|подешевша|подорожча|знизил|додал|втратил)"
)


def find_cyrillic(field: str, text: str) -> list[UnknownMention]:
    """Unknown companies named after a Russian or Ukrainian descriptive noun (called only for Cyrillic text)."""
    out: list[UnknownMention] = []
    for m in _CYR_DESCRIBED.finditer(text):
        if m.group("d").lower() == "банк" and not m.group("q"):
            continue
        before = text[max(0, m.start() - 25) : m.start()].split()
        if before and before[-1].lower().strip(",").startswith(_CYR_ROLES):
            continue
        if m.group("d").lower().startswith("груп") and (
            m.group("q") or not before or before[-1].lower() not in NATIONALITIES
        ):
            continue  # «немачке групе Штада» (a group of companies), not «групою «Акцент»» (a band)
        name_end = m.end("name")
        if m.group("q"):
            close = text.find("»" if m.group("q") == "«" else "\"" if m.group("q") == "\"" else "“", name_end)
            if close == -1 or close - name_end > 40:
                continue
            name_end = close  # the whole quoted name: «„Вангард сејлбоутс“», not its first word
        name = text[m.start("name") : name_end].strip()
        if sum(c.isalnum() for c in name) >= 3 and acceptable_name(name):
            out.append(UnknownMention(field, m.start("name"), m.start("name") + len(name), name))
    for m in (*_CYR_DEFINED.finditer(text), *_CYR_SHARES.finditer(text)):
        group = "quoted" if m.group("q") else "name"
        defined = "d" in m.re.groupindex
        if group == "name" and defined and not _CYR_FIRM_DESCRIPTOR.match(m.group("d")):
            continue
        a, b = m.span(group)
        name = text[a:b].strip()
        a += text[a:b].index(name) if name else 0
        b = a + len(name)
        previous = text[max(0, a - 40) : a].split()[-1:] if text[a - 1 : a] == " " else []
        if defined and group == "name" and previous and previous[0][:1].isupper():
            continue  # «Сегодня Квирант — ...»: the word before may be part of the name or start the sentence
        if sum(c.isalnum() for c in name) >= 3 and acceptable_name(name):
            out.append(UnknownMention(field, a, b, name))
    return out


# --- Indonesian and Malay: "PT" (Perseroan Terbatas) before a company's name, with or without "Tbk" after --
_ID_PT = re.compile(rf"(?<![\w.])PT\.? (?P<name>{_NAME})")


def find_indonesian(field: str, text: str) -> list[UnknownMention]:
    """Companies written with the Indonesian legal form before the name ("PT Sinar Kopi Nusantara"); called
    only for ``id`` and ``ms``, since elsewhere "PT" is also Pacific Time ("9 a.m. PT")."""
    out: list[UnknownMention] = []
    for m in _ID_PT.finditer(text):
        name = m.group("name")
        if acceptable_name(name):
            out.append(UnknownMention(field, m.start(), m.end("name"), name, legal=True))
    return out


# --- Portuguese: a feminine article before a company's name ("A Petrobras assinou", "com a Embraer") --------
# Portuguese writes companies with the article of "a empresa"; countries, regions and most women's names
# with it end in -a ("a França", "na Bahia"), institutions are named by their head noun ("a Agência ..."),
# and short capitals are mostly public bodies ("a CVM", "a PF"): those are left out, and the sentence must
# speak of business (a cue word of :mod:`.evidence`).
_PT_ARTICLE = re.compile(rf"(?<![\w'’-])(?:[Aa]|[Dd]a|[Nn]a|[Pp]ela|[Àà]) (?P<name>{_NAME})")
_PT_INSTITUTIONS = _words(
    """Agência Ministério Governo Secretaria Câmara Senado Prefeitura Universidade Justiça Polícia Receita
    Assembleia Comissão Federação Confederação Associação Fundação Presidência República Casa Igreja Lei
    Constituição Operação Reforma Previdência Fazenda Procuradoria Defensoria Advocacia Controladoria
    Autoridade Organização Escola Faculdade Copa Liga Seleção Marinha Aeronáutica Força Guarda Selic"""
)


# --- Greek: a feminine article before a Latin name ("Η APIVITA έχει", "της Unilever") ----------------------
# Greek writes its own words, people and places in Greek letters and keeps foreign names in theirs; a company
# takes the article of «η εταιρεία», products that of «το» («το iPhone»). Leagues, cups and races are feminine
# too («η Premier League»): their heads rule a name out. Women and bodies take it as well («η Adela Peeva», «η
# FIFA»), so the sentence must speak of business, as in Portuguese.
_EL_ARTICLE = re.compile(
    r"(?<![\w])(?:[Ηη]|[Tτ]ης|[Tτ]ην|[Tτ]η|[Σσ]την|[Σσ]τη) "
    r"(?P<name>[A-Z][A-Za-z0-9&'’.-]*(?: [A-Z][A-Za-z0-9&'’.-]*){0,2})(?![\w&])"
)
_EL_EVENTS = _words("League Cup Formula Series Tour Expo Week Festival Awards Day Championship Open Games")


def find_greek(field: str, text: str) -> list[UnknownMention]:
    """Unknown companies written in Latin letters after a Greek feminine article (called only for ``el``)."""
    out: list[UnknownMention] = []
    for m in _EL_ARTICLE.finditer(text):
        name = m.group("name").rstrip(".")
        words = name.split()
        if _EL_EVENTS.intersection(words) or text[m.end("name") : m.end("name") + 2].strip()[:1].isdigit():
            continue
        if acceptable_name(name) and business_sentence(text, m.start("name"), m.start("name") + len(name)):
            out.append(UnknownMention(field, m.start("name"), m.start("name") + len(name), name))
    return out


def find_portuguese(field: str, text: str) -> list[UnknownMention]:
    """Unknown companies after a feminine article in Portuguese text (called only for ``pt``)."""
    out: list[UnknownMention] = []
    for m in _PT_ARTICLE.finditer(text):
        name = m.group("name")
        words = name.split()
        first = words[0]
        if first[-1:].lower() in "aáãâ" or first in _PT_INSTITUTIONS or not acceptable_name(name):
            continue
        if len(words) == 1 and first.isupper() and len(first) <= 4:
            continue
        if business_sentence(text, m.start("name"), m.end("name")):
            out.append(UnknownMention(field, m.start("name"), m.end("name"), name))
    return out
