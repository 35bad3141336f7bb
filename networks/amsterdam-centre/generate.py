"""Writes flows.csv of the amsterdam-centre network: synthetic weekly flows from the three
local suppliers to about three quarters of the twelve sites, drawn once with a fixed seed.

Run from this folder: python3 generate.py
"""
import random

random.seed(11)
SITES = ("uva-bg5 uva-bg-centre brakke-grond compagnie zuiderkerk waalse-kerk instantia "
         "industria bonneterie greek-embassy church-of-england nrc").split()
# supplier, deliveries per week, kg per delivery (range)
SUPPLIERS = [("bakery", 5, (20, 80)), ("stationer", 1, (30, 120)), ("catering", 2, (40, 160))]

rows = ["supplier,site,deliveries_per_week,kg,cages"]
for supplier, frequency, (low, high) in SUPPLIERS:
    for site in SITES:
        if random.random() < 0.75:
            kg = round(random.uniform(low, high) * frequency, 1)
            # About 250 kg to a roll cage, and a partly filled cage at least.
            cages = round(kg / 250 + 0.1, 2)
            rows.append(f"{supplier},{site},{frequency},{kg},{cages}")
with open("flows.csv", "w") as out:
    out.write("\n".join(rows) + "\n")
