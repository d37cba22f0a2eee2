"""Stage 2, evidence and decision: which catalog hits are companies here.

Strong hits are kept, unless a given name or a dateline shows a person or a place; weak hits (common words,
first names, places) are kept with evidence read around them (:mod:`.evidence`). Reads only the hits of
:mod:`.scan` and the text; sets each hit's ``accepted``/``rejected`` once and hands the accepted ones on.
"""

from __future__ import annotations

from bisect import bisect_left

from .evidence import (
    Sentences,
    brand_label,
    camel_case,
    capital_is_evidence,
    cited_source,
    dateline_place,
    defined_abbreviation,
    followed_by_subject_word,
    given_name_before,
    in_other_script,
    introduced,
    latin_among_other_script,
    local_evidence,
    part_of_longer_name,
    surname_after,
    ticker_in,
)
from .scan import CompanyMatcher, Hit
from .textnorm import normalise

_NOUNS_CAPITALISED = frozenset(("de", "lb"))  # languages that capitalise every noun


def decide(
    matcher: CompanyMatcher,
    fields: dict[str, str],
    found: dict[str, list[Hit]] | None = None,
    language: str | None = None,
) -> list[Hit]:
    """Keep strong hits, and weak hits with evidence; two passes so that a company confirmed anywhere in
    the article confirms its weak mentions elsewhere (except a bare sentence-initial word followed by a
    comma, e.g. "Next, ..."). A sentence-initial weak word is capitalised for its position alone, so there
    a business word in the sentence is not enough ("Next year the company ..."). Mid-sentence, outside
    title-case lines, the capital of a common word is itself evidence ("stepped into gaming, like Apple"),
    unless a place noun follows ("the Amazon rainforest") or the name is name-like (a first name, a place).
    A weak name followed by another capitalised word is a brand label ("Apple Watch") when a model code
    or product word follows or the company is confirmed elsewhere; otherwise part of another name.

    Near-linear: the hits of a sentence are found by bisection over hits sorted by position."""
    by_field: dict[str, list[Hit]] = {}
    for field, text in fields.items():
        by_field[field] = sorted(found[field] if found is not None else matcher.hits(field, text),
                                 key=lambda h: h.start)
    all_hits = [h for hs in by_field.values() for h in hs]
    places = matcher.catalog.places
    defined: set[int] = set()
    for h in all_hits:
        h.accepted = not h.weak
        text = fields[h.field]
        if defined_abbreviation(text, h.start, h.end):
            defined.add(h.entry)
        if given_name_before(text, h.start, h.end, nouns_capitalised=language in _NOUNS_CAPITALISED) or (
            dateline_place(text, h.start, h.end) and text[h.start : h.end] not in matcher.entry(h.entry).aliases
        ):
            h.accepted, h.rejected = False, True  # "Henry Ford", "HAYWARD, Calif.": a person, a place
    persons = {h.entry for h in all_hits if h.rejected}
    for h in all_hits:
        surface = fields[h.field][h.start : h.end]
        if surface[-1:] == "s" and surface in places and surface[:-1] in matcher.entry(h.entry).aliases:
            h.accepted, h.rejected = False, True  # "Hellas" is Greece, not the genitive of "Hella"
    hit_starts = {(h.field, h.start) for h in all_hits}
    for h in all_hits:
        after = surname_after(fields[h.field], h.start, h.end)
        # "Sony Ericsson": a company name is no surname
        if not h.rejected and after is not None and (h.field, after) not in hit_starts:
            h.accepted, h.rejected = False, True  # "Mercedes Fernández": a first name (not a surname: see above)
    for h in all_hits:
        if h.entry in defined:  # the article spelt the acronym out as something else
            h.accepted, h.rejected = False, True
        elif h.entry in persons and not h.rejected and " " not in fields[h.field][h.start : h.end] and not (
            local_evidence(fields[h.field], h.start, h.end, h.possessive_end, namelike=h.namelike)
        ):
            # "Doug Ford ... Ford said": once a one-word name was a person's surname here, it stays one
            h.accepted, h.rejected = False, True
    if all(h.accepted for h in all_hits):
        return all_hits
    sentences = {f: Sentences(t) for f, t in fields.items()}
    starts = {f: [h.start for h in hs] for f, hs in by_field.items()}
    whole = "\n".join(fields.values())

    def in_sentence(h: Hit) -> list[Hit]:
        start, end = sentences[h.field].span(h.start)
        s = starts[h.field]
        return by_field[h.field][bisect_left(s, start) : bisect_left(s, end)]

    ticker_cache: dict[int, bool] = {}
    initial: list[Hit] = []
    labels: list[Hit] = []
    for h in all_hits:
        if h.accepted:
            continue
        if h.rejected:
            continue
        text = fields[h.field]
        sent = sentences[h.field]
        if (
            local_evidence(text, h.start, h.end, h.possessive_end, namelike=h.namelike)
            or cited_source(text, h.start, h.end)
            # "WeWork" written as the alias is: not "NeXT" for the alias "Next"
            or (camel_case(text[h.start : h.end]) and text[h.start : h.end] in matcher.entry(h.entry).aliases)
        ):
            h.accepted = True
            continue
        entry = matcher.entry(h.entry)
        if introduced(text, h.start):  # "le motoriste Safran", "the retailer Argos"
            h.accepted = True
            continue
        surface = text[h.start : h.end]
        if surface.isupper() and not any(a.isupper() for a in entry.weak if normalise(a) == normalise(surface)):
            continue  # "AUSTIN, Texas", "ROMA —": a dateline or banner in capitals, not the brand "Austin"
        longer = part_of_longer_name(text, h.start, h.end, h.possessive_end)
        if longer == "label" and h.namelike:
            h.rejected = True  # "Megan Smith", "Austin Dillon": a first name before a surname
            continue
        if longer == "label":
            if brand_label(text, h.end, matcher.catalog.products):
                h.accepted = True
            else:
                labels.append(h)
            continue
        if longer:
            h.rejected = True
            continue
        if not h.namelike and latin_among_other_script(text, h.start, h.end, sent.span(h.start)):
            h.accepted = True  # «Η LG ξεκίνησε», «وقالت Shell»: a foreign name kept in its own spelling
            continue
        if followed_by_subject_word(text, h.end) and not h.namelike:  # "Patrick said" is a person
            h.accepted = True
            continue
        if entry.tickers:
            if h.entry not in ticker_cache:
                ticker_cache[h.entry] = ticker_in(whole, entry.tickers)
            if ticker_cache[h.entry]:
                h.accepted = True
                continue
        if sent.is_sentence_start(h.start):
            initial.append(h)
            continue
        # Russian capitalises no common noun mid-sentence: there a capital alone is evidence.
        # A name-like word (a first name, a town, a one-word shop brand) is not confirmed by its capital or by
        # business words or other companies nearby: "AUSTIN, Texas (Reuters) - Tesla ..."
        h.accepted = not h.namelike and (
            h.cyrillic
            or sent.has_cue(h.start)
            or any(not o.weak for o in in_sentence(h))
            # in a sentence of another script a Latin word's capital is its script's convention, no evidence
            or (capital_is_evidence(text, h.start, h.end)
                and not in_other_script(text, h.start, h.end, sent.span(h.start)))
        )
    for h in initial:
        h.accepted = any(o.entry != h.entry and o.accepted for o in in_sentence(h))
    confirmed = {h.entry for h in all_hits if h.accepted}
    for h in all_hits:
        if h.accepted or h.rejected or h.entry not in confirmed:
            continue
        text = fields[h.field]
        if sentences[h.field].is_sentence_start(h.start) and text[h.end : h.end + 1] == ",":
            continue
        h.accepted = True
    return [h for h in all_hits if h.accepted]


