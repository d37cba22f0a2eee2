"""Evidence that a capitalised common word ("Apple", "Shell", "Next", «Магнит») names a company.

The rule is general, not per name: a weak match is kept when the text around it carries a company cue —
a legal form next to it, a Russian organisational prefix or guillemets, a possessive followed by a
product or business word, the company's ticker, a business word in the same sentence, or another,
unambiguous mention of the same company (or of another company) in the article.
"""

from __future__ import annotations

import re

from ..script import SCRIPT_RANGES, WORD_CHAR
from .cues import INTRO_SUFFIXES, INTRO_WORDS

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
    companhia contrato contratos milhões lucro receita faturamento acionistas acionista vendas aquisição
    fusão privatização controladora subsidiária clientes investimento investimentos
    spółka spółki spółkę koncern koncernu rynek rynku akcje akcji zysk zysku przychody sprzedaż mln mld
    producent producenta klientów společnost trh trhu akcie zisk tržby výrobce zákazníků miliard miliardy
    milionů miliardów milionów
    företag företaget koncernen vinst omsättning miljarder miljoner kronor avtal fabriken virksomhed
    virksomheden aksjen aksjer overskud omsætning overskudd omsetning milliarder millioner kroner aftale
    avtale fabrikk
    yritys yrityksen osakkeet tulos voitto miljardia miljoonaa sopimus tehdas tehtaan
    cég céget cégnél társaság árbevétel nyereség nyeresége milliárd millió forint szerződés gyár gyárat
    companie companiei compania firmă acțiuni acțiunile profitul afaceri miliarde milioane contractul fabrica
    hisse hisseleri kâr gelir milyar milyon sözleşme fabrika
    saham laba pendapatan miliar juta kontrak pabrik
    bedrijf aandeel aandelen winst omzet miljard miljoen
    компанія компанію акції прибуток виручка мільярд мільйонів контракт виробник
    фирма фирме добит приход милиона милијарди уговор фабрика фабрику
    печалба приходи милиарда договор
    """
) | _words(
    # the other languages the stream detects, written from general knowledge of business news: Afrikaans,
    # Catalan, Welsh, Estonian, Latvian, Lithuanian, Croatian, Slovene, Albanian, Swahili, Somali, Tagalog,
    # Vietnamese (one syllable only where it means business alone), Greek, Arabic, Persian, Urdu, Hebrew
    # (Arabic and Hebrew tokens are read without their one-letter prefixes: see _is_cue), Hindi, Marathi,
    # Nepali, Bengali, Gujarati, Punjabi, Tamil, Telugu, Kannada, Malayalam (Thai: THAI_CUES)
    """maatskappy maatskappye aandele aandeelhouers wins omset miljard miljoen fabriek kontrak
    empreses companyia accions beneficis facturació milions contracte
    cwmni cwmnïau elw miliwn biliwn cyfranddaliadau ffatri
    ettevõte ettevõtte ettevõtted aktsiad kasum käive miljardit miljonit tehas leping
    uzņēmums uzņēmuma akcijas peļņa ieņēmumi miljardi miljoni rūpnīca līgums
    bendrovė bendrovės įmonė įmonės akcijos pelnas pajamos milijardų milijonų gamykla sutartis
    tvrtka tvrtke tvrtku poduzeće dionice dionica dobit prihod milijardi milijuna tvornica ugovor
    podjetje podjetja družba družbe delnice dobiček prihodki milijard milijonov tovarna pogodba
    kompania kompanisë aksionet fitimi miliardë milionë fabrika kontrata
    kampuni benki hisa faida mapato bilioni milioni kiwanda mkataba
    shirkadda shirkad shirkadaha malaayiin bilyan
    kumpanya kompanya bangko bilyon milyon pabrika kontrata
    doanh nhuận
    μετοχές μετοχών κέρδη έσοδα πωλήσεις δισ εκατ επενδυτές
    شركة شركات مصرف بنك أسهم الأسهم أرباح إيرادات مبيعات مليار مليون مصنع مستثمرين المستثمرين صفقة
    شرکت شرکتهای سهام درآمد فروش میلیارد میلیون بانک کارخانه قرارداد
    کمپنی کمپنیوں حصص منافع آمدنی ارب کروڑ ملین بینک فیکٹری معاہدہ
    חברה חברת חברות מניות מניה רווח רווחים הכנסות מכירות מיליארד מיליון בנק מפעל עסקה משקיעים
    कंपनी कंपनियों कम्पनी शेयर मुनाफा मुनाफे राजस्व बिक्री अरब करोड़ बैंक कारखाना फैक्ट्री अनुबंध निवेशक लिमिटेड
    कंपनीने कंपनीच्या शेअर नफा महसूल विक्री अब्ज कोटी बँक करार गुंतवणूकदार
    कम्पनीको सेयर नाफा अर्ब करोड सम्झौता लगानीकर्ता
    কোম্পানি কোম্পানির শেয়ার মুনাফা রাজস্ব বিক্রি বিলিয়ন কোটি ব্যাংক কারখানা চুক্তি বিনিয়োগকারী লিমিটেড
    કંપની કંપનીના શેર નફો આવક વેચાણ અબજ કરોડ બેંક ફેક્ટરી કરાર રોકાણકાર
    ਕੰਪਨੀ ਸ਼ੇਅਰ ਮੁਨਾਫਾ ਆਮਦਨ ਵਿਕਰੀ ਅਰਬ ਕਰੋੜ ਬੈਂਕ ਫੈਕਟਰੀ ਸਮਝੌਤਾ
    லாபம் வருவாய் விற்பனை பில்லியன் கோடி வங்கி தொழிற்சாலை ஒப்பந்தம்
    కంపెనీ షేర్లు లాభం ఆదాయం అమ్మకాలు బిలియన్ కోట్లు బ్యాంకు ఫ్యాక్టరీ ఒప్పందం
    ಕಂಪನಿ ಷೇರು ಲಾಭ ಆದಾಯ ಮಾರಾಟ ಶತಕೋಟಿ ಕೋಟಿ ಬ್ಯಾಂಕ್ ಕಾರ್ಖಾನೆ ಒಪ್ಪಂದ
    കമ്പനി കമ്പനിയുടെ ഓഹരി ലാഭം വരുമാനം വിൽപ്പന കോടി ബാങ്ക് ഫാക്ടറി കരാർ
    """
)
#: Thai writes no space between words, so its business words are looked for inside the sentence's runs.
THAI_CUES = ("บริษัท", "หุ้น", "กำไร", "รายได้", "ยอดขาย", "ล้านบาท", "พันล้าน", "ธนาคาร", "โรงงาน", "นักลงทุน")
CUE_PREFIXES = ("компани", "концерн", "корпорац", "холдинг", "акци", "выручк", "прибыл", "автопроизвод",
                "автоконцерн", "ритейлер", "производител", "shareholder", "manufactur", "automak", "carmak",
                # the declined forms of more languages' business nouns (their listed forms are left out above)
                "компанії", "предузећ", "дружеств", "yhtiö", "osake", "liikevaih", "részvény",
                "vállalat", "aktie", "bolag", "selskab", "selskap", "şirket", "perusahaan", "постач", "поставщ",
                "εταιρ", "ομίλ", "όμιλ", "τράπεζ", "τραπεζ", "நிறுவன", "பங்கு", "సంస్థ", "ಸಂಸ್ಥೆ")
# One-letter prefixes that Arabic and Persian (and, or, with, for, as) and Hebrew (and, the, in, to, from,
# that, as) write joined to the next word: «وشركة», «والشركة», «ובחברת».
_ARABIC_PROCLITICS = re.compile(r"^[وفبلك]{0,2}(?:ال)?(?=\w{3})")
_HEBREW_PROCLITICS = re.compile(r"^[והבלמשכ]{1,2}(?=\w{3})")

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]*\s+|\n+")
_TOKEN = re.compile(rf"\w(?:{WORD_CHAR}|-)*", re.UNICODE)
_THAI = re.compile(r"[\u0e01-\u0e4e]")


class Sentences:
    """Sentence spans of one field, found on demand around a position (only weak hits need them, and
    splitting a whole article would cost more than matching it), with cached cue lookups."""

    __slots__ = ("_cues", "_spans", "text")
    WINDOW = 400  # a sentence longer than this is cut at the window edge

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: dict[int, tuple[int, int]] = {}
        self._cues: dict[int, bool] = {}

    def span(self, pos: int) -> tuple[int, int]:
        found = self._spans.get(pos)
        if found is None:
            text = self.text
            lo = max(0, pos - self.WINDOW)
            start = lo
            for m in _SENTENCE_END.finditer(text, lo, pos):
                start = m.end()
            m = _SENTENCE_END.search(text, pos, min(len(text), pos + self.WINDOW))
            found = self._spans[pos] = (start, m.end() if m else min(len(text), pos + self.WINDOW))
        return found

    def has_cue(self, pos: int) -> bool:
        start, end = self.span(pos)
        cached = self._cues.get(start)
        if cached is None:
            sentence = self.text[start:end].lower()
            cached = any(_is_cue(t) for t in _TOKEN.findall(sentence)) or (
                _THAI.search(sentence) is not None and any(c in sentence for c in THAI_CUES))
            self._cues[start] = cached
        return cached

    def is_sentence_start(self, pos: int) -> bool:
        start, _ = self.span(pos)
        return not self.text[start:pos].strip(" \t\"'«„“(-—–")


def unprefixed(word: str) -> str:
    """An Arabic, Persian or Hebrew word without the one-letter prefixes joined to it (and the Arabic
    article); other words as they are."""
    first = word[:1]
    if "\u0600" <= first <= "\u06ff":
        return _ARABIC_PROCLITICS.sub("", word, count=1)
    if "\u05d0" <= first <= "\u05ea":
        return _HEBREW_PROCLITICS.sub("", word, count=1)
    return word


def _is_cue(token: str) -> bool:
    if token in CUE_WORDS or token.startswith(CUE_PREFIXES):
        return True
    bare = unprefixed(token)
    return bare != token and (bare in CUE_WORDS or "ال" + bare in CUE_WORDS)


def business_sentence(text: str, start: int, end: int) -> bool:
    """A business word in the sentence around ``text[start:end]``, the name itself not counted (a brand
    called "Cloud" is no evidence for itself)."""
    lo, hi = Sentences(text).span(start)
    around = text[lo:start].lower() + " " + text[end:hi].lower()
    return any(_is_cue(t) for t in _TOKEN.findall(around)) or (
        _THAI.search(around) is not None and any(c in around for c in THAI_CUES))


def local_evidence(text: str, start: int, end: int, possessive_end: int | None, *, namelike: bool = False) -> bool:
    """Cues right at the mention: a legal form after it, an organisation word or quote before it, or a
    possessive followed by a business word or (not for a name-like word: "Austin's Mayor Steve Adler",
    "Lincoln's Gettysburg Address") by a capitalised/camel-case product name."""
    if _LEGAL_AFTER.match(text, end, min(len(text), end + 20)):
        return True
    before = text[max(0, start - 24) : start]
    if _ORG_BEFORE.search(before.rstrip(" ") if not before.endswith(("«", '"', "„", "“")) else before):
        return True
    if start > 0 and text[start - 1] in _QUOTE_OPEN and end < len(text) and text[end] in _QUOTE_CLOSE:
        return True
    if possessive_end is not None:
        # the word after the possessive ending ("Toyota’s new plant"; "Toyota'nın" in Turkish)
        tail = _POSSESSIVE_TAIL.match(text, possessive_end)
        m = _TOKEN.match(text, tail.end()) if tail else None
        if m:
            word = m.group()
            if _is_cue(word.lower()) or (not namelike and (word[0].isupper() or any(c.isupper() for c in word[1:]))):
                return True
            # one lower-case word between: "Target's new stores", "Apple's biggest rival"
            second = _TOKEN.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
            if second and word.islower() and _is_cue(second.group().lower()):
                return True
    return False


# An apostrophe, the possessive or case ending after it, then the space before the next word.
_POSSESSIVE_TAIL = re.compile(r".\w{0,4}[ \t]+")


_NEXT_WORD = re.compile(r"[ \t]+(\S+)")
_PREV_WORD = re.compile(r"(\S+)[ \t]+$")
_FUNCTION_WORDS = frozenset(("The", "A", "An", "And", "Or", "Of", "In", "On", "At", "For", "By", "With", "From",
                             "To", "As", "But", "Die", "Der", "Das", "Le", "La", "Les", "El", "Il",
                             "Η", "Ο", "Το", "Οι", "Τα", "Της", "Του", "Την", "Τον", "Των"))  # Greek articles
# Words that follow a company name as a subject or owner: "Oracle shares fell", "Target said".
_FOLLOWERS = _words(
    """shares stock stores CEO chief executives spokesperson spokesman spokeswoman said says reported reports
    announced posted sued agreed plans shareholders investors customers сообщила сообщил заявила заявил
    объявила объявил сообщили заявили seemed launched released unveiled introduced confirmed denied declined
    bought acquired sold raised hired began started stepped expects wants filed warned unveils launches
    confirms denies sells buys hires cuts
    meldete meldet kündigte kündigt teilte verlor verliert steigerte senkte übernahm übernimmt kaufte
    verkaufte verkauft investiert streicht eröffnete
    annonce annoncé rachète racheté vend vendu licencie prévoit investit lance lancé dévoile dévoilé
    anunció anuncia vendió compró adquirió lanzó despidió presentó informó
    annuncia annunciò annunciato vende acquista acquisito lancia lanciato
    anunciou anuncia vendeu comprou adquiriu lançou demitiu informou
    meldde kondigde verkocht kocht lanceerde
    ogłosił ogłosiła sprzedał sprzedała kupił kupiła przejął przejęła zwolnił poinformował poinformowała"""
)


def starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` follows a sentence end, a colon or a line break (quotes and an opening
    bracket between them allowed): there any word is capitalised, so its capital says nothing."""
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"'«„“(")
    return not before or before[-1] in ".!?…:\n"


_LATIN_LETTERS = re.compile(f"[{SCRIPT_RANGES['Latin']}]")
_OTHER_LETTERS = re.compile("[" + "".join(body for name, body in SCRIPT_RANGES.items() if name != "Latin") + "]")


_KOREAN_PARTICLES = frozenset("은는이가을를의와과에도로")


def _glued(text: str, i: int) -> bool:
    """A Latin letter or digit, "&" or a Hangul syllable at ``i``: the name goes on. Chinese and Japanese
    write every Latin name against their characters ("、Amazonが"), so those are no part of it."""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    return c == "&" or (c.isalnum() and (c.isascii() or _LATIN_LETTERS.match(c) is not None)) or "가" <= c <= "힣"


def latin_among_other_script(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """A Latin name inside a sentence written in another script («Η LG ξεκίνησε», «وقالت Apple»): there
    the press keeps foreign names in their own spelling and writes its own words, people and places in its
    script, so the Latin word is a name whatever its letters spell, and its capital is no accident of
    position. The sentence (the name left out) must have more letters of the other script than Latin."""
    if not _LATIN_LETTERS.match(text, start) or _glued(text, start - 1) or (
        _glued(text, end) and not (text[end : end + 1] in _KOREAN_PARTICLES and not _glued(text, end + 1))
    ):
        return False  # "KT&G", «GM대우차»: part of a longer name; «LG가» is LG with a Korean particle
    if text[end : end + 1] == ":":
        return False  # "Previous: … Next: …": a page's navigation label left in English
    return in_other_script(text, start, end, sentence)


def in_other_script(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """The sentence around ``text[start:end]`` (the name left out) has more letters of scripts other than
    Latin than Latin ones: there a Latin word's capital is the convention of its own script, no evidence."""
    lo, hi = sentence
    around = text[lo:start] + " " + text[end:hi]
    other = len(_OTHER_LETTERS.findall(around))
    return other >= 8 and other > len(_LATIN_LETTERS.findall(around))


def part_of_longer_name(text: str, start: int, end: int, possessive_end: int | None) -> bool | str:
    """A common-word name after another capitalised word is part of some other name ("Adam Neumann",
    True). Before another capitalised word or a number it may be a brand label ("Apple Watch", "Fiat 500")
    or part of another name ("S&P 500", "Apple Valley"): ``"label"``, for the caller to weigh."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m:
        word = m.group(1)
        if (
            word[:1].isupper()
            and not starts_sentence(text, m.start(1))
            and word not in _FUNCTION_WORDS
            and not word.endswith(("'s", "’s", ",", ".", "!", "?", ":", "—", "-"))
        ):
            return True
    if possessive_end is None:
        m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
        if m:
            word = m.group(1).strip("\"'“”«»(),.;:!?")
            if word[:1].isdigit() or (word[:1].isupper() and not word.isupper()):
                return "label"
    return False


# Words that follow a maker's name in the name of its product or service ("Apple Watch", "Google Assistant",
# "Uber Eats", "Tesla Model Y"); a word with a digit is a model code ("Fiat 500", "Peugeot 208").
PRODUCT_WORDS = _words(
    """Watch Pay Music TV Store Maps Search Cloud Gaming Assistant Prime Drive Card Wallet Home Pro Max Mini
    Air Plus Model Eats Pixel Echo Kindle Surface Office Galaxy Switch Ads Shopping Photos Translate Lens
    Phone Tablet Laptop Car Bank Browser App Apps Arcade Fitness Health Messenger Chat Video Books Podcasts"""
)


_NEXT_TWO = re.compile(r"[ \t]+(\S+)(?:[ \t]+(\S+))?")


def brand_label(text: str, end: int, products: frozenset[str] = frozenset()) -> bool:
    """A product word or one of the catalog's ``products`` ("Amazon Alexa", "Google Chrome"), or a model code
    within the next two words ("Intel Core i7", "Tesla Model 3")."""
    m = _NEXT_TWO.match(text, end, min(len(text), end + 40))
    if not m:
        return False
    word = m.group(1).strip("\"'“”«»(),.;:!?")
    second = (m.group(2) or "").strip("\"'“”«»(),.;:!?")
    # a model code mixes letters and digits ("i7", "S25") or is the first word ("Fiat 500"); a bare number
    # two words on is a table ("Chase Elliott 2275")
    code = any(c.isdigit() for c in second) and any(c.isalpha() for c in second) and word[:1].isupper()
    named = word in products or f"{word} {second}" in products  # names are stripped: "Alexa " is none
    return word in PRODUCT_WORDS or named or any(c.isdigit() for c in word) or code


# Lower-case nouns after a capitalised word that make it a place, not a company ("the Amazon rainforest").
_PLACE_NOUNS = _words(
    """river rainforest rain basin jungle forest valley mountain mountains beach island islands delta region
    coast bay lake sea desert county city town street avenue road park"""
)
_WORDISH = re.compile(r"[^\W\d_][\w'’-]*")


def capital_is_evidence(text: str, start: int, end: int) -> bool:
    """Mid-sentence, a capital letter on a common word ("like Apple", "Amazon founder") says proper noun —
    but not in a title-case line (headlines, menus), not on an all-caps word (datelines, banners, acronyms:
    those need other evidence), and not before a place noun."""
    surface = text[start:end]
    if surface.isupper():
        return False
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    if m and m.group(1).strip(",.;:!?").lower() in _PLACE_NOUNS:
        return False
    lo = max(text.rfind("\n", 0, start) + 1, start - 120)
    hi = text.find("\n", end)
    hi = min(end + 120, len(text) if hi == -1 else hi)
    long = [w for w in _WORDISH.findall(text, lo, hi) if len(w) > 3]
    return not (len(long) >= 3 and sum(w[0].isupper() for w in long) > 0.6 * len(long))


_CITED_BEFORE = re.compile(
    r"(?:\b(?:told|tells|telling|according to|reported by|quoted by|cited by|in an interview with|via|"
    r"surveyed by|polled by|compiled by|published by|provided by|survey (?:from|by)|poll by|data from|"
    r"estimates from|forecast from|reports? from|"
    r"selon|d['’]après|según|segundo|secondo|laut|gegenüber|сообщает|сообщил|сообщила|сообщили|"
    r"передает|пишет|рассказал|рассказала|заявил|заявила|повідомляє|повідомило|podaje|według|"
    r"volgens|meldt|aldus)\s+(?:the\s+|l['’]|la\s+|le\s+|el\s+|o\s+|a\s+|il\s+|de\s+|het\s+|)[«\"“„]?)$"
)


def cited_source(text: str, start: int, end: int) -> bool:
    """A name cited as a source: a dateline "WASHINGTON (AP) —", a bracketed credit "[ The Verge ]", or
    after an attribution word ("told Reuters", "according to Bloomberg", "selon l'AFP", "сообщает ТАСС")."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 6]
    if before.endswith("(") and after.startswith(")"):
        rest = after[1:].lstrip(" ")
        ahead = before[:-1].rstrip(" ")
        word = ahead.rsplit(None, 1)[-1] if ahead.strip() else ""
        if rest[:1] in ("—", "–", "-", ":") or not word or (word.rstrip(",").isupper() and len(word) > 1):
            return True
    if before.rstrip(" ").endswith("[") and after.lstrip(" ").startswith("]"):
        return True
    return _CITED_BEFORE.search(before) is not None


def followed_by_subject_word(text: str, end: int) -> bool:
    """"Oracle shares fell", "Target said", "Bayer verlor", "Shell anunció"; also past an adverb or a perfect's
    auxiliary ("Apple also stepped into gaming", "Shell has agreed", "Apple a annoncé")."""
    m = _NEXT_WORD.match(text, end, min(len(text), end + 60))
    if not m:
        return False
    word = m.group(1).strip(",.;:")
    if word in _FOLLOWERS:
        return True
    if word not in _BETWEEN_SUBJECT_AND_VERB:
        return False
    m = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 40))
    return bool(m) and m.group(1).strip(",.;:") in _FOLLOWERS


# Words that stand between a subject and its verb without making it less of a subject (no copula: "Apple was
# sold at the market" is fruit).
_BETWEEN_SUBJECT_AND_VERB = _words(
    """also recently now already then just still later quickly previously reportedly officially finally
    first has have had a ha hat heeft"""
)


def ticker_in(text: str, tickers: tuple[str, ...]) -> bool:
    """A ticker written as such ("NASDAQ: AAPL", "$AAPL", "(AAPL)") is evidence for its company."""
    return any(t in text and re.search(_TICKER_CONTEXT.format(t=re.escape(t)), text) for t in tickers)


def introduced(text: str, start: int) -> bool:
    """The word before a name is a descriptive noun: "le motoriste Safran", "der Autobauer BMW"."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group(1).lower().lstrip("l'’")
    return word in INTRO_WORDS or word.endswith(INTRO_SUFFIXES) or unprefixed(word) in INTRO_WORDS


_INITIAL = re.compile(r"(?:^|(?<=\s))[A-Z]\.[ \t]+$")
_GIVEN_NAME = re.compile(r"(?<![\w.&'’-])([A-Z][a-z]{2,})[ \t]+$")


def given_name_before(text: str, start: int, end: int, nouns_capitalised: bool = False) -> bool:
    """A one-word company name right after a capitalised word shaped like a given name, mid-sentence and
    outside title case, with no capital word after it: a person ("Henry Ford", "Michael Bloomberg"). Not in
    a language that capitalises nouns (German: "die Tochter Skoda"), nor after a descriptive noun."""
    surface = text[start:end]
    if " " in surface or not surface[:1].isupper() or surface.isupper():
        return False
    if _INITIAL.search(text, max(0, start - 6), start):
        return True  # "Z. Nielsen"
    m = _GIVEN_NAME.search(text, max(0, start - 20), start)
    if not m or m.group(1) in _FUNCTION_WORDS or m.group(1) in _NOT_GIVEN or nouns_capitalised:
        return False
    word = m.group(1).lower()
    if word in INTRO_WORDS or word.endswith(INTRO_SUFFIXES):
        return False
    before = text[max(0, m.start(1) - 3) : m.start(1)].rstrip(" \t\"'«„“(")
    if not before or before[-1] in ".!?…:\n":
        return False  # sentence start: "Shares Tesla ..." is rare, "Analysts expect" is not a name
    nxt = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    if nxt and nxt.group(1)[:1].isupper():
        return False
    return capital_is_evidence(text, start, end)  # not in a title-case line


# Capitalised words before a company name that are not given names.
_NOT_GIVEN = _words(
    """With For From Into Over Under About After Before Like Unlike Against Between Rival Rivals Partner Chinese
    American German French Japanese Korean British Russian Indian Italian Spanish Swedish Dutch Swiss European
    Asian Western Global North South East West New Old Big Tech Billionaire Investor Analyst Former Apple
    Google Amazon Microsoft Meta Facebook Twitter Samsung Sony Tesla Both Only Even Also Than Then Why How
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December
    Black White Red Green Blue Cyber Super Best Prime Big Small Early Late Christmas Easter Holiday Premium"""
)


# Endings of patronymic and family names: Spanish -ez, Slavic -ov/-ev/-ski/-enko/-ić, Nordic -sen/-sson.
_SURNAME = re.compile(
    r"[ \t]+[A-ZÁÉÍÓÚÑŁŚŻŹČŠŽ][a-záéíóúñłśżźčšžćęąöøåä]+(?:[aáeéoó]z|ov|ova|ev|eva|ski|ska|cki|cka|enko|ić|sen|"
    r"ssen|sson)(?![\w'’-])"
)


def surname_after(text: str, start: int, end: int) -> int | None:
    """Where the family name starts, when a one-word name is followed by a word shaped like one: then it is
    a first name ("Mercedes Fernández", "Lada Petrova"), unless a model code or another capitalised word
    follows that pair. None otherwise."""
    if " " in text[start:end]:
        return None
    m = _SURNAME.match(text, end, min(len(text), end + 40))
    if not m:
        return None
    nxt = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 40))
    if nxt and (nxt.group(1)[:1].isupper() or any(c.isdigit() for c in nxt.group(1))):
        return None
    return m.start() + len(m.group()) - len(m.group().lstrip(" \t"))


def dateline_place(text: str, start: int, end: int) -> bool:
    """A mixed-case name written in capitals at the start of a line and followed by a comma is a dateline's
    place ("HAYWARD, Calif. (AP) —"), not the company."""
    return (start == 0 or text[start - 1] == "\n") and text[start:end].isupper() and text[end : end + 1] == ","


def defined_abbreviation(text: str, start: int, end: int) -> bool:
    """An acronym in brackets right after the words it abbreviates ("Commercial Lunar Payload Services
    (CLPS)") names that thing, not a listed company of the same letters."""
    if not (start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")"):
        return False
    letters = text[start:end]
    words = re.findall(r"[A-Za-z][\w&-]*", text[max(0, start - 120) : start - 1])
    words = [w for w in words if w[0].isupper()]
    return len(words) >= len(letters) and "".join(w[0] for w in words[-len(letters) :]) == letters


_HUMP = re.compile(r"[a-z][A-Z]")


def camel_case(surface: str) -> bool:
    """A capital after a small letter inside a word ("WeWork", "HashiCorp"): a coined name, not a common
    word, a first name or a town."""
    return _HUMP.search(surface) is not None
