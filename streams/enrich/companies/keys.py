"""Automaton keys and identity keys, made the same way at build time (``scripts/build_catalog.py``) and at
run time: one module, so that the build and the matcher cannot disagree.

- :func:`group_keys` / :func:`alias_keys`: catalog aliases → normalised automaton keys with their flags;
- :func:`trim_alias`: the alias core that keys are made from;
- :func:`latin_key`: one spelling-insensitive Latin key for a name in Latin or Cyrillic script («Ромашка» and
  "Romashka", «Зорвик Роботикс» and "Zorvik Robotics" give the same key), for unknown companies' ids.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .textnorm import has_cjk, is_cyrillic, normalise

WEAK_FLAG, STEM_FLAG, CJK_FLAG, CYRILLIC_FLAG, ANCHOR_FLAG, NAMELIKE_FLAG = 1, 2, 4, 8, 16, 32
WEAK, STEM, CJK, CYRILLIC, ANCHOR, NAMELIKE = (WEAK_FLAG, STEM_FLAG, CJK_FLAG, CYRILLIC_FLAG, ANCHOR_FLAG,
                                               NAMELIKE_FLAG)
"""Key flags: alias needs evidence; key is the alias minus its final letter (a case ending must follow);
CJK (no word boundaries); Cyrillic (Russian, Ukrainian and Belarusian case endings allowed); anchor (a cue
word, not a company);
name-like (a first name, a place or a one-word brand: its capital letter is no evidence, since such words
are always capitalised)."""

# Case endings after a Cyrillic name: Russian, then the Ukrainian and Belarusian ones Russian lacks
# («Укрзалізниці», «Нафтогазові»)
CASE_ENDINGS = frozenset(
    ("а", "я", "у", "ю", "ом", "ем", "ём", "е", "и", "ы", "ой", "ей", "ою", "ею", "ов", "ев", "ам", "ям",
     "ами", "ями", "ах", "ях", "ью",
     "і", "ї", "ів", "їв", "єю", "ові", "еві", "єві", "ў", "ай", "яй", "аў", "яў")
)
_STEM_FINALS = "аяьй"
_APOSTROPHES = "'’"




_STRENGTH = WEAK_FLAG | NAMELIKE_FLAG


def group_keys(
    rows: list[tuple[str, list[str], set[str], bool]], namelike: set[tuple[int, str]] = frozenset()  # type: ignore[assignment]
) -> dict[str, list[list]]:
    """Automaton payloads by key, from ``(id, aliases, weak aliases, inflect)`` rows in catalog order: one
    list of ``[row index, alias, flags]`` per key (done at build time so that loading only parses it).
    ``inflect`` asks for the "-s" keys of Latin names (worth it for well-known companies only)."""
    buckets: dict[str, list[list]] = {}
    for idx, (_, aliases, weak, inflect) in enumerate(rows):
        for a in aliases:
            for key, alias, flags in alias_keys(a, a in weak, inflect):
                if (idx, a) in namelike:
                    flags |= NAMELIKE
                bucket = buckets.setdefault(key, [])
                same = [b for b in bucket if b[0] == idx and (
                    b[2] & _STRENGTH == flags & _STRENGTH or b[1].isupper() or alias.isupper())]
                if same:
                    # spelling variants of one key and strength ("СберБанк"/"Сбербанк"), or an acronym beside a
                    # word ("ROMA"/"Roma": capitals are how datelines write a city): keep the one with fewest
                    # required capitals, so that every listed spelling still matches, with its strength
                    if _capitals(alias) < _capitals(same[0][1]):
                        same[0][1], same[0][2] = alias, flags
                    continue
                # variants of different strength stay apart, the one with more capitals first: the scan takes
                # the first whose capitals the text has, so "CaixaBank" is strong while "Caixabank" (another
                # source's spelling) needs evidence
                at = next((i for i, b in enumerate(bucket) if b[0] == idx and _capitals(b[1]) < _capitals(alias)),
                          len(bucket))
                bucket.insert(at, [idx, alias, flags])
    return buckets


def alias_keys(alias: str, weak: bool, inflect: bool = True) -> list[tuple[str, str, int]]:
    """Automaton keys of one alias as ``(key, alias as matched, flags)``, made at build time.

    Keys start with a space so that they only match at a word start in the padded text. Latin keys also
    end with one, so that they never fire inside a longer word (" audi " is not in "audience"); a strong
    Latin name gets a second key with German/English "-s" ("Volkswagens"). Cyrillic keys stay open at the
    end for Russian case endings, and those ending in а/я/ь/й also get a stem key («Лада» → « лад» +
    «ы/у/ой/е»). CJK keys have no spaces at all. A Latin name with "&" gets a key with the other spacing."""
    alias = trim_alias(alias)
    norm = normalise(alias)
    if not norm:
        return []
    flags = WEAK if weak else 0
    if has_cjk(alias):
        return [(norm, alias, flags | CJK)]
    if is_cyrillic(alias):
        flags |= CYRILLIC
        keys = [(" " + norm, alias, flags)]
        if not alias.isupper() and alias[-1] in _STEM_FINALS and len(norm) > 3:
            keys.append((" " + norm[:-1], alias, flags | STEM))
        return keys
    keys = [(" " + norm + " ", alias, flags)]
    if inflect and not weak and len(alias) >= 4 and not alias.isupper() and alias[-1] not in "sS":
        keys.append((" " + norm + "s ", alias + "s", flags))
    if "&" in alias:
        # "Dolce & Gabbana" is also written "Dolce&Gabbana", and "AT&T" "AT & T": the other spacing is a key too
        other = alias.replace(" & ", "&") if " & " in alias else " & ".join(p.strip() for p in alias.split("&"))
        if other != alias:
            keys.append((" " + normalise(other) + " ", other, flags))
    return keys


def _capitals(alias: str) -> int:
    return sum(c.isupper() for c in alias)


def trim_alias(alias: str) -> str:
    """Drop leading/trailing punctuation ("Apple Inc." → "Apple Inc"): keys must start and end on a letter
    (or its combining mark)."""
    start, end = 0, len(alias)
    while start < end and not alias[start].isalnum():
        start += 1
    # a final combining mark is the vowel of the last letter («เชลล์», «टाटा»)
    while end > start and not (alias[end - 1].isalnum() or unicodedata.category(alias[end - 1])[0] == "M"):
        end -= 1
    return alias[start:end]



_CYRILLIC_LATIN = dict(zip(
    "абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "g", "d", "e", "e", "e", "zh", "z", "i", "i", "i", "i", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
# Spelling variants that transliteration and English spelling produce for one sound, folded to one letter.
_FOLDS = (("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"), ("ck", "k"),
          ("ph", "f"), ("x", "ks"), ("c", "k"), ("w", "v"), ("y", "i"), ("j", "i"))


@lru_cache(maxsize=16384)  # pure, and a name recurs within an article and across a source's articles
def latin_key(name: str) -> str:
    """Words of a name, transliterated to Latin (Cyrillic letter by letter), accents dropped, and spelling
    variants folded ("kh"/"h", "c"/"k", "y"/"i", doubled letters), joined by hyphens. CJK names keep their
    characters: without a reading dictionary they have no reliable Latin form."""
    if has_cjk(name):
        return "-".join(normalise(name).split())
    out = []
    for word in normalise(name).split():
        word = "".join(_CYRILLIC_LATIN.get(c, c) for c in word)
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        for a, b in _FOLDS:
            word = word.replace(a, b)
        folded = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
        out.append(folded)
    return "-".join(out)
