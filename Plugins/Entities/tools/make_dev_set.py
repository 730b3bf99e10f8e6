#!/usr/bin/env python3
"""Builds Tests/EntitiesTests/Fixtures/news_dev.jsonl from the hand-annotated paragraphs below
(our own writing; names of real public figures and places are facts). Markup: [[text|LABEL]].
Offsets in the output are Unicode code points, end exclusive."""
import json, os, re

PARAS = r"""
[[German|NORP]] Chancellor [[Friedrich Merz]|PERSON] met [[French|NORP]] President [[Emmanuel Macron|PERSON]] in [[Berlin|GPE]] on [[Tuesday|DATE]] to discuss defence spending, a day after [[NATO|ORG]] ministers agreed to raise their targets to [[3.5 percent|PERCENT]] of GDP by [[2035|DATE]].
Shares of [[Nordwind Logistics|ORG]] fell [[12%|PERCENT]] in [[Frankfurt|GPE]] after the company, which employs about 4,000 people, cut its forecast for [[next year|DATE]]. Chief executive [[Helga Brandt|PERSON]] said demand from [[China|GPE]] had weakened since [[March|DATE]].
The [[World Health Organization|ORG]] said on [[Friday|DATE]] that a new strain of avian flu had been detected in [[Cambodia|GPE]] and [[Vietnam|GPE]]. [[WHO|ORG]] Director-General [[Tedros Adhanom Ghebreyesus|PERSON]] urged governments in [[Southeast Asia|LOC]] to step up surveillance.
[[Kenyan|NORP]] runner [[Faith Kipyegon|PERSON]] broke the world record in the 1,500 metres at a meeting in [[Paris|GPE]], finishing in [[three minutes and 49 seconds|TIME]]. [[Kipyegon|PERSON]] had already won gold at the [[Olympics|EVENT]] in [[Tokyo|GPE]].
Prime Minister [[Keir Starmer|PERSON]] told the [[House of Commons|ORG]] that [[Britain|GPE]] would spend [[£2 billion|MONEY]] on new housing over [[the next five years|DATE]]. The [[Conservative|NORP]] leader, [[Kemi Badenoch|PERSON]], called the plan unfunded.
The [[Amazon|LOC]] rainforest lost an area the size of [[Belgium|GPE]] in [[2024|DATE]], according to data published by [[Brazil|GPE]]'s space research institute [[INPE|ORG]]. Environment minister [[Marina Silva|PERSON]] blamed drought and illegal logging in the state of [[Pará|GPE]].
[[Microsoft|ORG]] agreed to buy [[Quarry Analytics|ORG]], a [[Seattle|GPE]]-based software firm, for [[$1.2 billion|MONEY]], the companies said on [[Monday|DATE]]. The deal is expected to close in [[the first quarter|DATE]], pending approval by the [[Federal Trade Commission|ORG]].
Floods in [[Pakistan|GPE]]'s [[Sindh|GPE]] province have killed at least 120 people since [[July 14|DATE]], officials said. Rescue teams from the [[Red Crescent|ORG]] reached the town of [[Dadu|GPE]] at [[6 a.m.|TIME]] local time.
[[Ukrainian|NORP]] President [[Volodymyr Zelensky|PERSON]] arrived in [[Washington|GPE]] for talks with [[Donald Trump|PERSON]] at the [[White House|ORG]]. [[Zelensky|PERSON]] is seeking more [[Patriot|PRODUCT]] air defence systems as [[Russian|NORP]] strikes on [[Kharkiv|GPE]] and [[Odesa|GPE]] intensify.
The [[Bank of Japan|ORG]] kept interest rates unchanged at [[0.5%|PERCENT]] on [[Thursday|DATE]]. Governor [[Kazuo Ueda|PERSON]] said the yen's weakness was a concern, and economists at [[Nomura|ORG]] expect a hike in [[July|DATE]].
Researchers at the [[University of Melbourne|ORG]] have found that coral cover on the [[Great Barrier Reef|LOC]] fell sharply [[last year|DATE]]. Lead author [[Rebecca Lowe|PERSON]] said the decline was the worst since records began in [[1986|DATE]].
[[Argentine|NORP]] President [[Javier Milei|PERSON]] will attend the [[G20|ORG]] summit in [[Johannesburg|GPE]], his spokesman [[Manuel Adorni|PERSON]] said. [[Milei|PERSON]] has clashed with [[South Africa|GPE]] over trade tariffs.
Police in [[Lyon|GPE]] arrested two men suspected of stealing paintings worth about [[€3 million|MONEY]] from the [[Musée des Beaux-Arts|FAC]]. The theft happened between [[midnight|TIME]] and [[4 a.m.|TIME]] on [[Sunday|DATE]], prosecutors said.
[[Iceland|GPE]]'s [[Reykjanes Peninsula|LOC]] saw its eighth volcanic eruption in [[two years|DATE]] on [[Wednesday evening|TIME]]. Residents of [[Grindavik|GPE]] were evacuated, and flights at [[Keflavik Airport|FAC]] continued as normal.
Tech investor [[Priya Raman|PERSON]] has joined the board of [[Helix Robotics Inc.|ORG]], the [[Boston|GPE]] startup said in a statement. [[Raman|PERSON]] previously led the hardware fund at [[Sequoia Capital|ORG]].
[[Mexican|NORP]] President [[Claudia Sheinbaum|PERSON]] said on [[Monday|DATE]] that [[Mexico|GPE]] would not accept [[US|GPE]] troops on its soil. [[Sheinbaum|PERSON]] spoke after [[Secretary of State|NONE]] [[Marco Rubio|PERSON]] visited [[Mexico City|GPE]].
The [[International Monetary Fund|ORG]] ([[IMF|ORG]]) cut its global growth forecast to [[2.8%|PERCENT]] for [[2025|DATE]], citing trade tensions between [[Washington|GPE]] and [[Beijing|GPE]]. [[IMF|ORG]] chief economist [[Pierre-Olivier Gourinchas|PERSON]] warned of risks in [[Europe|LOC]].
Contact the press office at [[press@nordwind-logistics.example|EMAIL]] or call [[+49 69 1234 5678|PHONE]] for details, or visit [[https://nordwind-logistics.example/news|URL]].
Thousands of [[Georgians|NORP]] rallied in [[Tbilisi|GPE]] against the [[Georgian Dream|ORG]] government, which critics say has moved closer to [[Moscow|GPE]]. Opposition figure [[Nika Melia|PERSON]] was detained for [[48 hours|TIME]].
The [[Louvre|FAC]] reopened at [[9:30|TIME]] after a strike by staff over overcrowding. About [[8.7 million|CARDINAL]] people visited the museum in [[2024|DATE]], the [[French|NORP]] culture ministry said.
"""

def parse(line):
    text, ents = "", []
    pos = 0
    for m in re.finditer(r"\[\[(.+?)\|([A-Z]+)\]\]", line):
        text += line[pos:m.start()]
        s = len(text)
        body = m.group(1).rstrip("]").replace("]|", "|")
        text += body
        if m.group(2) not in ("NONE", "CARDINAL", "PRODUCT"):
            ents.append({"start": s, "end": len(text), "label": m.group(2)})
        pos = m.end()
    text += line[pos:]
    return text, ents

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Tests", "EntitiesTests", "Fixtures", "news_dev.jsonl")
n = 0
with open(out, "w", encoding="utf-8") as f:
    for line in PARAS.strip().splitlines():
        line = line.replace("[[Friedrich Merz]|PERSON]", "[[Friedrich Merz|PERSON]]")
        text, ents = parse(line)
        text = text.replace("[[", "").replace("]]", "")
        f.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")
        n += 1
print(n, "records")
