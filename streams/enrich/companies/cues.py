"""Vocabulary the later stages read around a name: a leaf module (it imports nothing of the package).

Words are lower-case unless said otherwise. They are kinds of context, not names: a descriptive noun before
a name ("le motoriste X", "la consultora X", "der Autobauer X"), an attribution that cites a source ("told
X", "selon X"), the head word of a media outlet's name ("... Journal", "... Zeitung"), group nouns that
introduce lists ("neobanks like A, B and C"), and the conjunctions of those lists, in the languages the
catalog covers.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


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
    enseigne cabinet pétrolier énergéticien
    empresa compañía grupo constructora fabricante aerolínea banco entidad aseguradora operadora editorial
    diario periódico agencia consultora cadena gigante filial petrolera eléctrica energética distribuidora
    naviera
    companhia construtora montadora seguradora editora jornal diário agência consultoria rede subsidiária
    petroleira estaleiro varejista fabricante
    società azienda gruppo costruttore produttore banca compagnia assicurazione operatore editore quotidiano
    giornale agenzia catena colosso controllata
    konzern unternehmen firma hersteller autobauer autokonzern chiphersteller händler discounter
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
)
# Compound nouns ending so introduce a company too ("Rüstungskonzern", "Chipmachinemaker", "Onlinehändler").
INTRO_SUFFIXES = ("konzern", "hersteller", "händler", "anbieter", "maker", "keten", "bezorger", "bedrijf")
# Capitalised German nouns come after a German descriptor as often as names do ("der Konzern Verluste"), so
# there a name needs a shape of its own or a verb or punctuation after it.
GERMAN_AFTER = _words("hat habe ist sei will wird wurde kündigte teilte sagte plant meldete erwartet baut und")

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

# Attributions before a source: "told X", "according to X", "reported by X", "selon X", "según X".
CITE_BEFORE = (
    "told", "tells", "according to", "reported by", "quoted by", "cited by", "in an interview with",
    "selon", "según", "segundo", "secondo", "laut", "gegenüber", "podaje", "według", "volgens", "aldus",
    "сообщает", "сообщил", "сообщила", "сообщили", "передает", "пишет", "повідомляє", "повідомило",
)
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
    outlets newspapers chains supermarkets labels platforms developers makers brokers
    firmen konzerne banken empresas entreprises sociétés aziende bedrijven компаний"""
)
LIST_INTRO = ("such as", "including", "like", "wie", "como", "comme", "come", "zoals", "jak", "takie jak",
              "gibi", "как")
CONJUNCTIONS = ("and", "or", "und", "et", "y", "e", "i", "en", "ve", "oraz", "и", "та", "або")
