#!/usr/bin/env python3
"""Builds Tests/EntitiesTests/Fixtures/news_dev2.jsonl and news_heldout2.jsonl from the hand-annotated
news items below (our own writing; the names of real public figures, places, clubs and companies are
facts). Several items imitate CoNLL-2003 Reuters formatting on purpose: headlines in capitals,
datelines ("LONDON 1996-08-30"), tokenised text with spaces before punctuation, results tables.

Markup: [[text|LABEL]] with OntoNotes labels (PERSON ORG GPE LOC NORP FAC EVENT LAW PRODUCT
WORK_OF_ART LANGUAGE DATE TIME MONEY PERCENT). Items are separated by a line holding only '---';
lines inside an item are joined with '\n'. Offsets are Unicode code points, end exclusive.
The held-out items were written together with the dev items and are NOT used to tune the rules.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "..", "..", "Tests", "EntitiesTests", "Fixtures")
MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]")


def parse(item):
    text, ents, pos = "", [], 0
    for m in MARK.finditer(item):
        text += item[pos:m.start()]
        s = len(text)
        text += m.group(1)
        ents.append({"start": s, "end": len(text), "label": m.group(2)})
        pos = m.end()
    text += item[pos:]
    assert "[[" not in text and "]]" not in text, text
    return text, ents


def build(src, name):
    items = [i.strip("\n") for i in re.split(r"^---$", src, flags=re.M) if i.strip()]
    with open(os.path.join(FIX, name), "w", encoding="utf-8") as f:
        for it in items:
            text, ents = parse(it)
            f.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")
    return len(items)


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    from news_items import DEV, HELDOUT
    print(build(DEV, "news_dev2.jsonl"), "dev items;", build(HELDOUT, "news_heldout2.jsonl"), "held-out items")
