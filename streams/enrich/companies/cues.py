"""Vocabulary the stages read around a name: a leaf module (it imports only the text normaliser).

Words are lower-case unless said otherwise. They are kinds of context, not names: a descriptive noun before
a name ("le motoriste X", "la consultora X", "der Autobauer X"), an attribution that cites a source ("told
X", "selon X"), the head word of a media outlet's name ("... Journal", "... Zeitung"), group nouns that
introduce lists ("neobanks like A, B and C"), and the conjunctions of those lists, in the languages the
catalog covers.
"""

from __future__ import annotations

from .textnorm import normalise


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


SLAVIC_NATIONALITIES = frozenset(
    # Polish and Czech nationality adjectives, in every case and gender ("z duńskim X", "chiński X",
    # "americká X"): those languages put them straight before a company's name as Italian does
    stem + ending
    for stems, endings in (
        ("amerykańsk niemieck francusk chińsk japońsk koreańsk brytyjsk duńsk szwedzk holendersk szwajcarsk "
         "włosk hiszpańsk kanadyjsk fińsk norwesk czesk tajwańsk indyjsk austriack belgijsk izraelsk "
         "australijsk irlandzk portugalsk węgiersk ukraińsk", "i iego iemu im a iej ą ie ich imi"),
        ("americk německ francouzsk čínsk japonsk korejsk britsk švédsk nizozemsk švýcarsk italsk španělsk "
         "kanadsk dánsk finsk norsk tchajwansk", "ý á é ého ou ém ým"),
    )
    for stem in stems.split()
    for ending in endings.split()
)
"""Their name needs a business word in its sentence: they also stand before teams and films ("Szwajcarski
Team X", "duńskiej Rekonstrukcji")."""
NATIONALITIES = SLAVIC_NATIONALITIES | frozenset(
    # Swedish, Danish and Norwegian ("amerikanska Lyten", "danske Vestas"), Ukrainian, Russian and Serbian
    # («данська Vestas», «немецкий Quorvane», «америчка Quorvane») nationality adjectives in the forms
    # that stand before a name; also needing a business word: Scandinavian sports pages name players so
    # ("norske Haaland")
    stem + ending
    for stems, endings in (
        ("amerikansk svensk dansk norsk tysk fransk kinesisk japansk brittisk britisk finsk koreansk "
         "holländsk hollandsk nederlandsk schweizisk italiensk spansk indisk kanadensisk kanadisk",
         "a e"),
        ("американськ німецьк французьк китайськ японськ британськ данськ шведськ норвезьк фінськ корейськ "
         "швейцарськ нідерландськ італійськ", "а ий ої ого ій"),
        ("американск немецк французск китайск японск британск датск шведск норвежск финск корейск "
         "швейцарск нидерландск итальянск", "ая ий ой ого ую"),
        ("америчк немачк француск кинеск јапанск британск данск шведск норвешк финск корејск швајцарск",
         "а и е у"),
    )
    for stem in stems.split()
    for ending in endings.split()
)

# A descriptive noun right before a name introduces a company: "the carmaker X", "le motoriste X",
# "la constructora X", "a petroleira X", "il gruppo X", "der Autobauer X", "de supermarktketen X",
# "spółka X"; also a nationality adjective after an article ("la tedesca X", "l'américain X").
INTRO_WORDS = _words(
    """
    company firm group carmaker automaker chipmaker retailer airline carrier lender insurer startup start-up
    studio publisher broadcaster newspaper outlet agency consultancy conglomerate supplier manufacturer
    operator developer label chain giant subsidiary distributor shipbuilder shipyard brewer miner
    société entreprise groupe constructeur motoriste fabricant équipementier distributeur banque assureur
    compagnie transporteur opérateur éditeur quotidien journal hebdomadaire agence chaîne géant filiale
    enseigne cabinet pétrolier énergéticien coentreprise co-entreprise joint-venture
    rakip concurrent concurrente concorrente konkurrent rivaal
    empresa compañía grupo constructora fabricante aerolínea banco entidad aseguradora operadora editorial
    diario periódico agencia consultora cadena gigante filial petrolera eléctrica energética distribuidora
    naviera
    companhia construtora montadora seguradora editora jornal diário agência consultoria rede subsidiária
    petroleira estaleiro varejista fabricante
    società azienda gruppo costruttore produttore banca compagnia assicurazione operatore editore quotidiano
    giornale agenzia catena colosso controllata
    konzern unternehmen firma hersteller autobauer autokonzern chiphersteller händler discounter
    konzerns unternehmens herstellers autobauers autokonzerns chipherstellers händlers discounters
    versicherers zulieferers anbieters einzelhändlers
    einzelhändler versicherer fluggesellschaft zeitung nachrichtenagentur zulieferer anbieter lieferdienst
    bedrijf concern onderneming fabrikant verzekeraar luchtvaartmaatschappij krant dagblad persbureau
    supermarktketen winkelketen
    spółka spółki spółkę firmy koncern koncernu producent producenta przewoźnik ubezpieczyciel wydawca
    dziennik gazeta agencja sieć sieci deweloper
    tedesca tedesco francese americana americano statunitense cinese giapponese coreana britannica
    svizzera olandese alemana alemán francesa francés estadounidense japonesa japonés coreana británica
    alemã americana chinesa japonesa francesa norte-americana
    allemand allemande américain américaine japonais japonaise chinois chinoise britannique suédois
    suédoise néerlandais néerlandaise coréen coréenne
    """
) | NATIONALITIES | _words(
    # descriptive nouns in more of the languages the stream detects: Scandinavian, Finnish, Czech, Slovak,
    # Romanian, Croatian, Slovene, Turkish, Indonesian, Catalan
    """bolaget företaget koncernen tillverkaren banken flygbolaget biltillverkaren detaljhandelskedjan
    selskabet virksomheden producenten flyselskabet selskapet konsernet produsenten flyselskapet
    yhtiö yritys konserni valmistaja pankki lentoyhtiö autonvalmistaja
    společnost výrobce banka automobilka dopravce řetězec spoločnosť výrobca
    compania grupul producătorul banca operatorul retailerul constructorul
    tvrtka kompanija proizvođač podjetje proizvajalec
    şirketi şirket firması grubu holdingi üreticisi
    perusahaan produsen maskapai raksasa emiten
    l'empresa companyia
    """
) | _words(
    # the same nouns in the other cases of Polish, Czech, Slovak, Croatian and Slovene, where a noun's ending
    # changes with its role ("umowa z firmą X", "dohoda se společností X", "ugovor s tvrtkom X")
    """spółce spółką firmie firmę firmą koncernowi koncernem koncernie producentowi producentem producencie
    przewoźnika przewoźnikowi przewoźnikiem przewoźniku ubezpieczyciela ubezpieczycielem wydawcy wydawcę
    wydawcą dewelopera deweloperem siecią operatora operatorem giganta
    gigantem banku bankiem
    společnosti společností firmy firmě firmu firmou výrobci výrobcem automobilky automobilce automobilku
    automobilkou dopravci dopravcem banky bance bankou řetězce řetězcem
    spoločnosti spoločnosťou výrobcu výrobcom firme
    tvrtke tvrtki tvrtku tvrtkom kompanije kompaniji kompaniju kompanijom proizvođača proizvođaču proizvođačem
    podjetja podjetju podjetjem proizvajalca proizvajalcu proizvajalcem
    """
) | _words(
    # Greek (each case the press writes before a name), Bulgarian, Serbian and Macedonian Cyrillic, Albanian,
    # Lithuanian, Latvian, Estonian
    """εταιρεία εταιρείας εταιρία εταιρίας όμιλος ομίλου όμιλο τράπεζα τράπεζας κατασκευαστής κατασκευαστή
    πρακτορείο πρακτορείου
    αεροπορική κολοσσός κολοσσού
    компанията компания фирмата фирма банката производителят компанија компаније компанији
    фирме произвођач kompanisë kompania shoqëria
    bendrovė bendrovės įmonė įmonės uzņēmums uzņēmuma kompānija kompānijas ettevõte ettevõtte firma
    """
) | _words(
    # the word for "company" (and bank, group) before a name in the languages of other scripts and the rest
    # of the Latin ones: Arabic, Persian, Urdu, Hebrew (construct state), Hindi, Marathi, Nepali, Bengali,
    # Gujarati, Punjabi, Tamil, Telugu, Kannada, Malayalam, Thai; Afrikaans, Welsh, Swahili, Somali, Tagalog.
    # Arabic and Hebrew prefixes joined to them («وشركة», «ובחברת») are read off first (evidence.introduced).
    """شركة مجموعة بنك مصرف شرکت گروه بانک کمپنی بینک گروپ חברת קבוצת בנק רשת
    कंपनी कम्पनी बैंक समूह কোম্পানি ব্যাংক গ্রুপ કંપની ਕੰਪਨੀ நிறுவனம் కంపెనీ సంస్థ ಕಂಪನಿ കമ്പനി บริษัท ธนาคาร
    maatskappy cwmni kampuni benki shirkadda kumpanya kompanya
    """
)
#: Descriptive nouns of two words: Vietnamese "công ty X" (company), "tập đoàn X" (group), "ngân hàng X" (bank).
INTRO_PHRASES = ("công ty", "tập đoàn", "ngân hàng", "hãng hàng không", "hãng", "hãng xe", "hãng xe điện",
                 "doanh nghiệp", "nhà sản xuất")
# Nouns that, as the head of a definition, make its subject a company: "Quorvane is a Stockholm-based software
# company", "Belmatic ist ein Plattform-Anbieter", "Quorvane est une société de conseil". Only nouns no person,
# movement or body is called: not "group" ("a militant group"), "agency", "giant" ("a gas giant"), "carrier",
# "developer", "publisher", "operator" or "miner", which name people and things as often, nor "lender" ("a
# lender of last resort" is a central bank).
DEFINING_HEADS = _words(
    """
    company firm carmaker automaker chipmaker retailer airline insurer startup start-up conglomerate
    consultancy manufacturer shipbuilder subsidiary broadcaster newspaper shipyard
    société entreprise constructeur motoriste fabricant équipementier banque assureur compagnie filiale enseigne
    empresa compañía constructora fabricante aerolínea aseguradora filial naviera petrolera distribuidora
    companhia construtora montadora seguradora subsidiária varejista petroleira
    società azienda costruttore produttore banca compagnia controllata
    unternehmen konzern hersteller autobauer anbieter versicherer fluggesellschaft zulieferer händler discounter
    bedrijf onderneming fabrikant verzekeraar luchtvaartmaatschappij
    """
)
# The same after "one of the": "Quorvane is one of Europe's largest carmakers", "est l'un des premiers
# constructeurs". Not "platforms", "networks", "carriers" or "operators", which name products, ships and people.
DEFINING_PLURALS = _words(
    """companies firms carmakers automakers banks lenders retailers startups airlines insurers studios
    publishers outlets newspapers chains supermarkets brokers broadcasters makers suppliers
    firmen konzerne banken empresas entreprises sociétés aziende bedrijven compañías banques banche
    compagnie companhias bancos aerolíneas enseignes"""
)
# compounds ending so ("Plattform-Anbieter"); not "-maker" ("filmmaker") or "-händler" ("Kunsthändler"): people
DEFINING_SUFFIXES = ("konzern", "hersteller", "anbieter", "bedrijf")
# The copula and article of a definition, per language: "<Name> is a ...", "ist ein ...", "est une ...".
DEFINING_VERBS = (
    "is a", "is an", "is the", "was a", "was an", "has been a", "remains a", "is now a", "became a",
    "ist ein", "ist eine", "ist der", "ist die", "ist das", "war ein", "war eine", "bleibt ein",
    "est un", "est une", "était un", "était une", "reste un", "reste une", "est le", "est la",
    "es un", "es una", "era un", "era una", "es la", "es el",
    "è un", "è una", "è uno", "era un", "era una", "è la", "è il",
    "é um", "é uma", "era um", "era uma", "é a", "é o",
    "is een", "was een", "is de", "is het",
)
DEFINING_ONE_OF = (
    "is one of", "was one of", "remains one of", "is now one of", "became one of",
    "ist einer der", "ist eines der", "ist eine der", "war einer der", "war eines der",
    "est l'un des", "est l’un des", "est l'une des", "est l’une des", "était l'un des", "était l’un des",
    "es una de las", "es uno de los", "era una de las", "era uno de los",
    "è uno dei", "è una delle", "è uno degli", "era uno dei", "era una delle",
    "é uma das", "é um dos", "era uma das", "era um dos",
    "is een van de", "is één van de",
)
# What may follow the head noun of a definition: punctuation, or a word that starts its complement ("a
# company that ...", "based in", "une société de conseil", "ein Anbieter mit Sitz in"). Any other word makes
# the noun a modifier ("a company town", "a firm believer").
DEFINITION_FOLLOWERS = _words(
    """that which who whose with in from based headquartered founded owned specialising specializing known
    selling making run backed listed operating and for of since
    que qui dont avec en de du des basée basé spécialisée spécialisé fondée fondé
    con del dedicada dedicado especializada especializado fundada fundado
    che di della del fondata fondato specializzata specializzato
    com da do em fundada
    mit aus im seit und für von der die das
    dat die met uit van voor"""
)
# A sports club is a "società di calcio", a "sociedad deportiva": a definition whose complement names a sport
# makes no company.
SPORT_COMPLEMENTS = _words(
    """calcio football fútbol futebol fußball basket basketball pallavolo rugby hockey sportiva sportivo
    sportive sportif deportiva deportivo esportiva esportivo sports sport"""
)

# Compound nouns ending so introduce a company too ("Rüstungskonzern", "Chipmachinemaker", "Onlinehändler").
INTRO_SUFFIXES = ("konzern", "hersteller", "händler", "anbieter", "maker", "keten", "bezorger", "bedrijf",
                  "kette", "ketten", "tochter", "marke")
# Capitalised German nouns come after a German descriptor as often as names do ("der Konzern Verluste"), so
# there a name needs a shape of its own or a verb or punctuation after it.
GERMAN_AFTER = _words(
    """hat habe ist sei will wird wurde kündigte teilte sagte plant meldete erwartet baut und hatte war
    fiel stieg steigerte senkte verlor übernahm kaufte verkaufte streicht strich eröffnete schließt"""
)

# A role noun before a descriptor makes the name after it a person: "założyciel firmy Ryszard Nowak",
# "the founder of company X" is a company, but "fondateur de la société" is followed by its founder's name
# only when the role comes first ("le fondateur de l'entreprise, Jean Dupont").
ROLES_BEFORE_INTRO = _words(
    """founder co-founder ceo chairman chairwoman president director head chief boss owner spokesman
    spokeswoman spokesperson założyciel założycielka prezes prezeska szef szefowa dyrektor rzecznik
    fondateur fondatrice président présidente directeur directrice patron porte-parole fundador fundadora
    presidente director directora consejero portavoz dono diretor diretora fondatore fondatrice
    amministratore gründer gründerin chef chefin vorstandschef sprecher sprecherin oprichter directeur
    topman topvrouw woordvoerder"""
)

# The last word of a capitalised multi-word name that makes it a company's name ("Augme Technologies",
# "Pegasus Hava Yolları", "Ithaca Holdings"). Not "Bank", "Group", "Capital" or "Partners": "World Bank",
# "Working Group" and "the Capital" are other things.
COMPANY_HEADS = _words(
    """Airlines Airways Holdings Technologies Pharmaceuticals Therapeutics Motors Industries Laboratories Labs
    Robotics Aerospace Logistics Semiconductor Semiconductors Electronics Entertainment Studios Productions
    Pictures Records Games Foods Brands Enterprises Ventures Investments Securities Insurance
    Telecom Biotech Biosciences Automotive Chemicals Petroleum
    Mining Shipping Airline Yolları Havayolları Bankası Sigorta Holding Logistik Werke Verlag Versicherung
    Books Publishing Publishers Brewing Brewery"""
)

# Attributions before a source: "told X", "according to X", "reported by X", "selon X", "según X".
CITE_BEFORE = (
    "told", "tells", "according to", "reports from", "report from", "reported by", "quoted by", "cited by",
    "in an interview with",
    "selon", "según", "segundo", "secondo", "laut", "gegenüber", "podaje", "według", "volgens", "aldus",
    "сообщает", "сообщил", "сообщила", "сообщили", "передает", "пишет", "повідомляє", "повідомило",
    "theo",  # Vietnamese: "theo VnExpress" (according to)
    # reporting verbs put before their subject, the outlet: "rapporte Le Figaro", "informa Expansión"
    "rapporte", "rapportent", "indique", "écrit", "révèle", "informa", "informó", "informado", "publica",
    "publicó", "adelanta", "informou", "publicou", "noticiou", "revelou", "riferisce", "scrive",
    "rivela", "poinformował", "poinformowała", "podał", "podała", "pisze", "berichtet", "berichtete",
    "meldet", "meldete", "schreibt", "schreef", "bericht", "повідомив", "повідомила", "пише",
    # agents that are organisations far more often than people: pollsters, data providers, publishers
    *("surveyed by", "polled by", "compiled by", "published by", "provided by", "survey from", "survey by",
      "poll by", "data from", "estimates from", "forecast from", "first reported by", "originally published by"),
)
# Of those, the agents whose name may have any length, as people seldom poll or compile ("a survey from Acme
# Research"); after "published by" / "provided by" a plain two-word name may still be a person.
ORG_AGENT_CITES = frozenset(("surveyed by", "polled by", "compiled by", "survey from", "survey by", "poll by",
                             "data from", "estimates from", "forecast from"))
PERSON_AGENT_CITES = frozenset(("published by", "provided by", "first reported by", "originally published by"))
# Articles that may stand between an attribution and the outlet ("selon l'AFP", "segundo o Valor").
CITE_ARTICLES = _words("the l la le les el o a il lo de het der die")

# Head words of outlet names: "Sioux Falls Argus Leader" no, but "SportsBusiness Journal", "Wheeling
# News-Register", "Lebensmittel Zeitung" yes. Capitalised in the text, after at least one more capitalised word.
MEDIA_HEADS = _words(
    """journal times post herald tribune gazette chronicle reporter register insider inquirer observer
    examiner courier zeitung news press magazine telegraph dispatch bulletin"""
)

# Group nouns after which a list names companies: "neobanks like A, B and C", "Start-ups wie A, B und C".
GROUP_WORDS = _words(
    """brand brands companies firms carmakers automakers banks neobanks fintechs lenders retailers startups
    rivals competitors clients customers partners investors suppliers airlines insurers studios publishers
    outlets newspapers chains supermarkets labels platforms developers makers brokers carriers operators
    providers vendors sellers exchanges agencies broadcasters networks
    firmen konzerne banken empresas entreprises sociétés aziende bedrijven компаний
    konkurrenten rivalen marken supermarktketten handelsketten
    marcas bancos aerolíneas rivales competidores compañías marques banques concurrents rivaux enseignes
    marchi banche concorrenti rivali compagnie companhias concorrentes rivais
    firmy banki konkurenci marki producenci merken concurrenten ketens
    rakipleri rakipler şirketler şirketleri markalar markaları bankalar
    компании конкуренты бренды банки"""
)
# Of those, the nouns that name organisations only (not "investors", "customers" or "rivals", which may be
# people): after them "such as" may introduce a single company ("platforms such as Acme").
ORG_GROUP_WORDS = _words(
    """companies firms carmakers automakers banks neobanks fintechs lenders retailers startups airlines
    insurers studios publishers outlets newspapers chains supermarkets labels platforms brokers carriers
    operators providers vendors exchanges broadcasters networks"""
)
LIST_INTRO = ("such as", "including", "like", "wie", "como", "comme", "come", "zoals", "jak", "takie jak",
              "gibi", "как", "tels que", "telles que", "tali come", "wie etwa", "takich jak", "arasında",
              "entre ellos", "entre elles", "entre eles", "tra cui", "darunter", "w tym", "onder wie")
CONJUNCTIONS = ("and", "or", "und", "et", "y", "e", "i", "en", "ve", "oraz", "и", "та", "або", "och", "og",
                "ja", "și", "dan")


# --- case suffixes after a Latin-script name, per language (read by :mod:`.scan`)
# Finnish, Estonian, Hungarian, the Baltic and West and South Slavic languages put case endings on a
# company's name ("Wärtsilän", "Nokialle", "MOL-nál", "OTP-t", "Samsungiem", "Orlenu"), after a hyphen or
# a colon for acronyms and foreign spellings ("IBM:n", "Apple-nél"). Longest first; the base must be a catalog
# name as written.
NAME_SUFFIXES: dict[str, tuple[str, ...]] = {
    "fi": ("ineen", "seen", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "iin", "hin",
           "han", "hon", "na", "nä", "ta", "tä", "ja", "jä", "in", "en", "n", "a", "ä", "t"),
    "et": ("sse", "ga", "ks", "le", "lt", "st", "ni", "na", "ta", "l", "s", "i", "d", "t"),
    "hu": ("ként", "nál", "nél", "hoz", "hez", "höz", "ban", "ben", "ból", "ből", "ról", "ről", "tól", "től",
           "nak", "nek", "val", "vel", "ért", "ba", "be", "ra", "re", "on", "en", "ön", "ot", "et", "öt", "at",
           "ig", "ék", "t", "n", "é"),
    "lt": ("ui", "as", "ą", "o", "e", "u"),
    "lv": ("am", "ā", "u", "a"),
    "pl": ("owi", "iem", "em", "ie", "ów", "om", "u", "a", "ę", "ą", "y", "i"),
    "cs": ("ovi", "em", "em", "ou", "u", "a", "e", "y", "i"),
    "sk": ("ovi", "om", "ou", "u", "a", "e", "y", "i"),
    "hr": ("om", "em", "u", "a", "e", "i"),
    "sl": ("om", "em", "u", "a", "e", "i"),
    "sv": ("s",), "da": ("s",), "no": ("s",), "nl": ("s",),
}
NAME_SUFFIX_SEPARATORS = ("-", ":", "'", "’")

# --- stock exchanges (read by :mod:`.exchanges`)
# The word for a stock exchange (or the stock market's institution) per language, lower-case, matched at
# the start of a word with any ending («бирже», "pörssissä", "Bursei") or at the end of a compound
# ("Stockholmsbörsen", "Értéktőzsdén" ← "tőzsd"). Languages the stream detects; CJK names are catalogued.
EXCHANGE_STEMS = (
    "börse", "börs", "børs", "beurs", "bourse", "bolsa", "borsa", "burs", "burz", "borz", "giełd", "tőzsd",
    "pörssi", "birž", "бирж", "бірж", "борс", "берз", "χρηματιστήρι",
    "χρηματιστηρ",
)
# Words of a name written in several words: "sở giao dịch" (Vietnamese), English "Exchange" (capitalised).
EXCHANGE_PHRASES = ("sở giao dịch",)
# Where to look, as keys of the scan's automaton (normalised, a leading space for a word start): a word
# starting with a stem, a compound ending in one of the stems that compound ("Stockholmsbörsen", "Мосбирже",
# "Effectenbeurs"), the Vietnamese phrase, "exchange" (its capital is checked here). A stem inside another
# lower-case word ("reimbursed") is no key, so most texts give no anchor at all.
EXCHANGE_COMPOUNDING = ("börs", "børs", "beurs", "tőzsd", "pörssi", "бирж", "борс")
_EXCHANGE_KEYS: dict[str, str] = {
    **{f" {normalise(s)}": "exchange" for s in EXCHANGE_STEMS},
    **{normalise(s): "exchange" for s in EXCHANGE_COMPOUNDING},
    **{f" {normalise(p)} ": "exchange" for p in EXCHANGE_PHRASES},
    " exchange ": "exchange",
}

# Predicates whose subject a reader takes for a company. People "say its" rarely (they have a his or her),
# post videos rather than losses (so the verbs of reporting below need a financial noun after them), and are
# "who", not "which", in a relative clause.
SUBJECT_PREDICATES = ("said its", "says its", "which makes", "which sells", "which produces", "which manufactures",
                      "which builds", "which develops", "which supplies", "which operates", "which owns")
# Verbs of reporting a result, in the languages of the sets that put the subject first and capitalise no common
# noun (not German); a financial noun must follow them (candidates._FINANCIAL_OBJECT): "Kofola zvýšila tržby",
# "Inditex registró un beneficio", "Northvolt redovisade en förlust".
REPORTING_VERBS = (
    "reported", "reports", "posted", "posts", "recorded", "booked", "swung to",
    "a enregistré", "a publié", "a réalisé", "a dégagé", "affiche",
    "registró", "obtuvo", "reportó", "ha registrado", "ha obtenido", "facturó", "ganó",
    "ha registrato", "ha chiuso", "ha realizzato", "ha archiviato", "registra",
    "registrou", "reportou", "obteve", "teve", "faturou", "lucrou",
    "odnotował", "odnotowała", "zanotował", "zanotowała", "wypracował", "wypracowała", "zwiększył", "zwiększyła",
    "boekte", "rapporteerde", "behaalde",
    "redovisade", "rapporterade", "ökade", "rapporterte", "rapporterede", "omsatte", "leverede", "leverte",
    "vykázal", "vykázala", "zaznamenal", "zaznamenala", "zvýšil", "zvýšila", "zvýšilo",
    "kasvatti", "teki", "raportoi", "növelte", "a raportat", "a înregistrat",
)

# Anchors: words that the company automaton also finds (see :mod:`.scan`), each with what to read around it.
# Keys are normalised like catalog keys (lower case, punctuation as spaces, a leading space for the word
# start); the original text decides case-sensitive details.
_LEGAL_WORDS = ("inc", "incorporated", "corp", "corporation", "ltd", "limited", "llc", "l l c", "gmbh", "ag",
                "s a", "sa", "se", "plc", "n v", "nv", "s p a", "spa", "b v", "bv", "co", "kgaa", "oyj", "asa",
                "sas", "s l", "pty", "sdn", "llp", "lp", "l p", "sp  z o o", "a ş", "aş", "ltda", "s l u", "s r l",
                "srl", "sarl", "a s", "aps", "ab", "oy", "kft", "s r o", "d o o",
                "as", "zrt", "nyrt", "bt", "tbk", "jsc", "pjsc", "ojsc", "d d", "еоод", "оод", "еад", "ад", "д о о",
                "а д")
_RU_PREFIXES = ("ооо", "пао", "ао", "оао", "зао", "нао", "акб", "гк", "нпо", "мфк", "фгуп", "гуп", "тоо", "чао",
                "афк", "компания", "компании", "компанию", "компанией", "концерн", "концерна", "концерну",
                "холдинг", "холдинга", "группа компаний", "группы компаний", "банк", "банка", "банку", "завод",
                "завода", "издательство", "студия", "тов", "прат", "пат", "ат", "компанія", "компанії",
                "компанію", "компанією",
                # an analyst's or economist's employer in quotes: «аналитик «Финама»» (the broker, genitive)
                "аналитик", "аналитика", "аналитики", "аналитиков", "экономист", "экономиста", "стратег",
                "аналітик", "аналітики", "економіст")
_ROLES = ("analysts", "executives", "employees", "engineers",
          "ceo", "chief executive", "chief operating officer", "chief financial officer",
          "chief technology officer", "founder", "co founder", "chairman", "chairwoman", "spokesperson",
          "spokesman", "spokeswoman", "shareholders", "analyst", "strategist", "economist", "trader",
          "portfolio manager")
# "buy" is left out: its object is more often a product ("buy Pokemon Sword") than a company.
_ACQUIRE = ("acquired", "acquire", "acquires", "acquiring", "bought", "takeover of", "merger with",
            # "buy" alone takes products; agreed or offered, it takes a company ("agreed to buy Acme")
            "agreed to buy", "deal to buy", "offer to buy", "bid to buy", "agreed to purchase")
_GROUPS = (*sorted(GROUP_WORDS), "start ups")
ANCHOR_KEYS: dict[str, str] = {
    **{f" {w} ": "legal" for w in _LEGAL_WORDS},
    **{f" {w} ": "ru" for w in _RU_PREFIXES},
    **{f" {w} ": "role" for w in _ROLES},
    **{f" {w} ": "acquire" for w in _ACQUIRE},
    **{f" {normalise(w)} ": "intro" for w in sorted(INTRO_WORDS)},
    **{f"{w} ": "intro" for w in INTRO_SUFFIXES},
    **{f" {normalise(w)} ": "intro" for w in INTRO_PHRASES},
    **{f" {normalise(w)} ": "cite" for w in CITE_BEFORE},
    **{f" {w} ": "media" for w in sorted(MEDIA_HEADS)},
    **{f" {normalise(w)} ": "head" for w in sorted(COMPANY_HEADS)},
    # heads of two words that name an investment firm ("CVC Capital Partners"); not "Partners" alone
    **{f" {normalise(w)} ": "head" for w in ("Capital Partners", "Capital Management", "Asset Management",
                                            "Investment Partners", "Investment Management", "Private Equity")},
    **{f" {w} ": "group" for w in _GROUPS},
    " shares ": "shares", " stock ": "shares", "  a ": "appositive", "  an ": "appositive",
    # shares of a name, the name after the word ("Acțiunile Hidroelectrica au urcat cu 3%", "akcje Orlenu")
    **{f" {normalise(w)} ": "shares_of" for w in (
        "acțiunile", "acţiunile", "acțiuni", "akcje", "akcie", "akcije", "dionice", "delnice", "aktierna i",
        "aktien i", "aktierne i", "aksjene i", "osakkeet", "hisseleri", "saham", "cổ phiếu", "акциите на",
        "акциите", "акције", "акції")},
    "  the ": "appositive_the",
    # what a company does as the subject of a sentence: "Northvolt said its plant ...", "Kofola reported a
    # rise in revenue", "Quintrel, which makes sensors, ..." (see candidates._name_as_subject)
    **{f" {normalise(w)} ": "subject" for w in (*SUBJECT_PREDICATES, *REPORTING_VERBS)},
    " said in a statement ": "statement", " said in a press release ": "statement",
    " said in a filing ": "statement", " said in a regulatory filing ": "statement",
    # a name written as a domain: "Lenta.ru", "Acme.net" (the dot is a space once normalised); not the
    # domains that are also frequent words ("it", "de", "es"), whose every occurrence would be an anchor
    **{f" {tld} ": "domain" for tld in ("com", "net", "ru", "ua", "pl", "io", "ai", "fr")},
    # the outlet that asked: "did not respond to The Hill's request for comment", "... comment from Wired"
    " request for comment ": "request", " requests for comment ": "request",
    # Turkish cites its source before the postposition: "X'in haberine göre" (according to X's report)
    " haberine göre ": "tr_cite", " haberlerine göre ": "tr_cite", " yazdığına göre ": "tr_cite",
    **{normalise(', ' + w) + " ": "appos_desc" for w in (
        # an appositive descriptor after a name: "X, la società che ...", "X, a empresa de ..."
        "la società", "l'azienda", "la compagnia", "il gruppo", "la empresa", "la compañía", "el grupo",
        "a empresa", "a companhia", "o grupo", "la société", "l'entreprise", "le groupe", "la startup",
        "die Firma", "das Unternehmen", "der Konzern", "het bedrijf", "spółka", "firma", "společnost",
    )},
}
ANCHOR_KEYS.update(_EXCHANGE_KEYS)
"""Normalised anchor key → kind; the scanner adds these to its automaton and reports where they occur."""
