#!/usr/bin/env python3
"""Builds Plugins/Sentiment/data/lexicon.tsv for textpiped's sentiment stage.

Sources (see ../NOTICE):
  1. VADER 3.3.2 (vaderSentiment on PyPI, MIT licence): vader_lexicon.txt, the mean human rating of
     each word/emoticon (-4 … +4), taken as is; keys lower-cased (VADER looks words up lower-cased).
  2. VADER's emoji_utf8_lexicon.txt (MIT): emoji -> English description; an emoji's valence is the
     sum of the VADER valences of its description's words (clipped to -3 … +3), used only when the
     hand-written list has none.
  3. Pattern's English adjective lexicon as shipped in TextBlob (textblob/en/en-sentiment.xml,
     PDDL public domain): for single words VADER lacks, mean polarity over senses (-1 … +1) × 2.5,
     when |mean polarity| >= 0.25.
  4. tools/extra_lexicon.tsv: hand-written idioms, review/news words, corrections and emoji
     valences (textpiped's own judgement); overrides everything above. 0 removes a word (the word is
     left out); a phrase with 0 is kept, so that it blocks its words (`horror film`).

Usage:  pip install vaderSentiment textblob && python3 make_lexicon.py
No evaluation data is read.
"""
import os
import statistics
import xml.etree.ElementTree as ET

import textblob
import vaderSentiment

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "lexicon.tsv")
VDIR = os.path.dirname(vaderSentiment.__file__)
PATTERN = os.path.join(os.path.dirname(textblob.__file__), "en", "en-sentiment.xml")
PATTERN_SCALE = 2.5
PATTERN_MIN = 0.25
# Pattern entries left out: function words, words whose everyday sense is not evaluative, and a few
# whose polarity is wrong for running text (textpiped's own judgement).
PATTERN_SKIP = set("""
own many first past late latest light right game rank base fly rose secret dramatic sexual gay elect
hot full filled static primary sound skittish flippant uncommon artesian cast-iron married pregnant
collectible calculable unilateral small slow common complex higher available quick golden mean unsalted
ecological secondary fucking effing hazardous cheap least behind usual random cold thick guarded
approximate terminally uncut ungraded unstirred vocational youngish naturalistic nostalgic offbeat
deadpan subtle edgy slick exotic airheaded licentious unashamed forcible game catching decreased
implicated extinct expensive goody-goody honest-to-god relevant irrelevant proves apt
ahw aww awww awwww lolol duh duhhh duhhhh duuuh grr grrrr blech yaaawwnnnn
""".split())


def read_vader():
    lex = {}
    for line in open(os.path.join(VDIR, "vader_lexicon.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        term, val = parts[0].strip(), float(parts[1])
        key = term.lower()
        # The stage matches lower-cased, as VADER does. Duplicated emoticons keep their first rating
        # (VADER rates "d:" twice: -2.9 in the emoticon block, the horror face "D:", and +1.2 further
        # down; VADER's dict keeps the last); duplicated words keep the lower-case spelling's.
        is_symbol = not key.replace("'", "").replace("-", "").isalnum()
        if key in lex and (is_symbol or term != key):
            continue
        lex[key] = val
    return lex


def read_extra():
    extra = {}
    for line in open(os.path.join(HERE, "extra_lexicon.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        term, val = line.split("\t")
        extra[term.strip().lower()] = float(val)
    return extra


def read_pattern():
    pol = {}
    for w in ET.parse(PATTERN).getroot().iter("word"):
        form = w.get("form").lower()
        pol.setdefault(form, []).append(float(w.get("polarity")))
    return {k: statistics.mean(v) for k, v in pol.items()}


def emoji_valences(vader):
    out = {}
    for line in open(os.path.join(VDIR, "emoji_utf8_lexicon.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2:
            continue
        emoji, desc = parts
        if len(emoji) != 1:          # skip sequences; the stage looks up single code points
            continue
        words = desc.lower().replace("-", " ").split()
        v = sum(vader.get(w, 0.0) for w in words)
        if abs(v) >= 0.5:
            out[emoji] = max(-3.0, min(3.0, round(v, 1)))
    return out


def fmt(v):
    return ("%.2f" % v).rstrip("0").rstrip(".") if v != int(v) else "%d.0" % v


def main():
    vader = read_vader()
    extra = read_extra()
    pattern = read_pattern()
    emoji = emoji_valences(vader)
    sections = []
    sections.append(("VADER 3.3.2 vader_lexicon.txt (MIT)",
                     {k: v for k, v in vader.items() if k not in extra}))
    sections.append(("Pattern/TextBlob en-sentiment.xml adjectives (PDDL), mean polarity x 2.5",
                     {k: round(v * PATTERN_SCALE, 2) for k, v in sorted(pattern.items())
                      if k not in vader and k not in extra and abs(v) >= PATTERN_MIN and k not in PATTERN_SKIP
                      and " " not in k and k.replace("-", "").isalpha()}))
    sections.append(("VADER emoji_utf8_lexicon.txt descriptions scored with VADER valences (MIT)",
                     {k: v for k, v in emoji.items() if k not in extra}))
    sections.append(("textpiped hand-written (tools/extra_lexicon.tsv)",
                     {k: v for k, v in extra.items() if v != 0 or " " in k}))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# textpiped sentiment lexicon: term TAB valence (-4 … +4). Generated by tools/make_lexicon.py.\n")
        f.write("# Lines starting with '#' are comments. Terms are matched lower-case; a term with spaces is a\n")
        f.write("# multi-word expression. Emoticons and emoji are terms like any other.\n")
        seen = set()
        for title, entries in sections:
            f.write("# --- %s: %d entries ---\n" % (title, len(entries)))
            for k in entries:
                if k in seen or "\t" in k:
                    continue
                seen.add(k)
                f.write("%s\t%s\n" % (k, fmt(entries[k])))
        f.write("# --- removed by tools/extra_lexicon.tsv (valence 0): %s ---\n"
                % " ".join(sorted(k for k, v in extra.items() if v == 0 and " " not in k)))
    changed = [k for k, v in extra.items() if k in vader and vader[k] != v]
    same = [k for k, v in extra.items() if k in vader and vader[k] == v]
    print("wrote", OUT, "entries", len(seen))
    print("extra overriding VADER:", len(changed), "identical to VADER:", same)


if __name__ == "__main__":
    main()
