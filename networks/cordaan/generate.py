#!/usr/bin/env python3
"""Generate the Cordaan care network for bundel (all sites synthetic).

Writes four CSV files next to this script (or into the folder given as the
only argument):

  sites.csv                    140 care locations (care homes, day centres,
                               supported-living houses), all generated
  suppliers.csv                31 fictional suppliers with a depot in a real
                               business park (Amsterdam region and national
                               distribution centres)
  flows.csv                    weekly (supplier, site) delivery flows

Method in short
---------------
* No public list of Cordaan's locations exists, so every site is generated
  and labelled (coordinate_source = generated, names ending "(synthetic)").
* Each district (DISTRICTS) has a share of the 140 locations and one or more
  anchors: approximate public centres of its neighbourhoods.  A location is
  placed at a random bearing and distance from an anchor; points that fall
  in one of the large water bodies (WATER) or closer than MIN_SEPARATION_M to
  another location are drawn again.  Plausible at route scale only.
* The site type (care home, day centre, supported living) is shuffled over
  the locations with fixed totals (SITE_TYPES); the type sets the size
  (residents or clients), the delivery window and the unloading time.
* Each location belongs to a care domain (elderly, disability,
  mental-health care; DOMAIN_SHARES) and a city half (north-west,
  south-east).  Suppliers (SUPPLIERS) are fictional, contracted per product
  group and per care domain (and, for local bakeries and pharmacies, per
  city half); their depots are the approximate centre of a real business
  park (DEPOT_AREAS).
* Flows follow one table of rules (FLOW_RULES): per supplier and site type,
  the probability that a location is supplied and how often a week; weekly
  quantities follow the size of the location (KG_PER_HEAD_WEEK).
* Calibration to the public figure of about 847 goods stops a week: after
  the rules above, supported-living houses without a parcel flow get one
  parcel delivery a week, in a seeded random order, until the deliveries a
  week add up to TARGET_STOPS.  The CO2 figure (about 14 t a week) was
  approached by the structure of the table (number of suppliers, depots,
  vehicle types, frequencies), measured with bundel; the steps are in
  README.md, "Calibration".

Everything random comes from ONE random.Random(SEED) consumed in a fixed
order, so running the script twice gives byte-identical files.  Python 3
standard library only.  Usage:

    python3 networks/cordaan/generate.py [OUTPUT_FOLDER]
"""

import csv
import math
import os
import random
import re
import sys

SEED = 847
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

TARGET_SITES = 140
TARGET_STOPS = 847          # goods stops a week (Topsector Logistiek / Connekt case)
MIN_SEPARATION_M = 60       # generated locations keep this distance from each other

# ---------------------------------------------------------------------------
# 1. Districts: (id, name, id prefix, number of locations, in the S100 zone,
#    anchors).  An anchor is (neighbourhood, lat, lon, radius m, weight): the
#    approximate public centre of a neighbourhood of the district, rounded to
#    4 decimals, written by hand (not geocoded).  Counts are the district's
#    share of the 140 locations: dense in the city districts (120), thinner
#    at the edges (20).  Radii keep Centrum inside the S100 ring
#    (Singelgracht) and the other districts outside it.
# ---------------------------------------------------------------------------
DISTRICTS = [
    ("centrum", "Centrum", "cen", 14, True, [
        ("Nieuwmarkt/Lastage", 52.3725, 4.8990, 550, 3),
        ("Jordaan", 52.3745, 4.8835, 300, 2),
        ("Grachtengordel-Zuid", 52.3650, 4.8910, 300, 1),
        ("Plantage/Weesperbuurt", 52.3650, 4.9100, 300, 2),
    ]),
    ("west", "West", "wst", 17, False, [
        ("Oud-West/De Baarsjes", 52.3660, 4.8630, 650, 3),
        ("Bos en Lommer", 52.3790, 4.8480, 600, 2),
        ("Spaarndammerbuurt/Westerpark", 52.3870, 4.8750, 400, 1),
    ]),
    ("nieuw-west", "Nieuw-West", "nw", 20, False, [
        ("Geuzenveld-Slotermeer", 52.3800, 4.8080, 900, 3),
        ("Osdorp", 52.3580, 4.7920, 800, 3),
        ("Slotervaart", 52.3560, 4.8250, 600, 2),
        ("Nieuw Sloten", 52.3440, 4.8090, 450, 1),
    ]),
    ("zuid", "Zuid", "zd", 19, False, [
        ("De Pijp", 52.3540, 4.8940, 450, 2),
        ("Rivierenbuurt", 52.3460, 4.9020, 550, 2),
        ("Oud-Zuid", 52.3530, 4.8710, 550, 2),
        ("Buitenveldert", 52.3290, 4.8760, 700, 2),
    ]),
    ("oost", "Oost", "ost", 18, False, [
        ("Oosterparkbuurt/Dapperbuurt", 52.3585, 4.9245, 350, 2),
        ("Indische Buurt", 52.3635, 4.9390, 450, 2),
        ("Watergraafsmeer", 52.3500, 4.9370, 750, 3),
        ("IJburg", 52.3540, 4.9990, 300, 1),
    ]),
    ("noord", "Noord", "nrd", 16, False, [
        ("Tuindorp Oostzaan/Banne", 52.4070, 4.8990, 700, 2),
        ("Van der Pekbuurt/Buikslotermeer", 52.3950, 4.9220, 650, 3),
        ("Nieuwendam", 52.3930, 4.9470, 550, 2),
    ]),
    ("zuidoost", "Zuidoost", "zo", 16, False, [
        ("Bijlmer-Centrum", 52.3150, 4.9520, 650, 3),
        ("Bijlmer-Oost", 52.3120, 4.9730, 550, 2),
        ("Gaasperdam", 52.2960, 4.9800, 600, 2),
    ]),
    ("amstelveen", "Amstelveen", "amv", 9, False, [
        ("Amstelveen Stadshart", 52.3030, 4.8620, 1300, 1),
    ]),
    ("diemen", "Diemen", "dmn", 5, False, [
        ("Diemen centre", 52.3400, 4.9620, 650, 1),
    ]),
    ("duivendrecht", "Duivendrecht (Ouder-Amstel)", "dvd", 2, False, [
        ("Duivendrecht village", 52.3280, 4.9380, 300, 1),
    ]),
    ("weesp", "Weesp", "wsp", 4, False, [
        ("Weesp centre", 52.3080, 5.0430, 550, 1),
    ]),
]

# Large water bodies that a generated point must avoid: (name, kind, data).
# A "circle" is (lat, lon, radius m); a "box" is (min lat, max lat, min lon,
# max lon).  Approximate, written by hand; smaller canals and rivers are not
# modelled (plausibility at route scale only).
WATER = [
    ("IJ at Centraal Station and Oosterdok", "box", (52.3795, 52.3880, 4.8850, 4.9350)),
    ("IJ east of the Oostelijke Eilanden", "box", (52.3800, 52.3880, 4.9350, 4.9700)),
    ("Sloterplas", "circle", (52.3665, 4.8170, 650)),
    ("Nieuwe Meer", "circle", (52.3390, 4.8080, 900)),
    ("Gaasperplas", "circle", (52.3110, 4.9930, 550)),
    ("Amstel at the Berlagebrug", "box", (52.3440, 52.3520, 4.9050, 4.9090)),
]

# ---------------------------------------------------------------------------
# 2. Site types: (id, label, count, residents or clients range, service
#    minutes range, delivery windows to draw from).  One window per site
#    (bundel's format has no per-flow windows): care homes take the morning
#    window of their kitchen and linen room (07:00-11:00), which their other
#    suppliers share; day centres close their goods entrance earlier in the
#    afternoon; small supported-living houses are staffed for deliveries in
#    short two-hour windows.
# ---------------------------------------------------------------------------
SITE_TYPES = [
    ("care-home", "Care home", 26, (40, 140), (15, 25), [("07:00", "11:00")]),
    ("day-centre", "Day centre", 26, (15, 60), (8, 12), [("08:30", "14:00")]),
    ("supported-living", "Supported living", 88, (4, 14), (5, 8),
     [("09:00", "11:00"), ("10:00", "12:00"), ("13:00", "15:00")]),
]

# ---------------------------------------------------------------------------
# 3. Care domains.  Cordaan works in elderly care, care for people with a
#    disability and mental-health care (assumption: the domains are public,
#    the split of the locations is not).  Care homes belong to elderly care;
#    a day centre is elderly or disability care; a supported-living house is
#    disability or mental-health care.  Purchasing contracts differ per
#    domain, so several suppliers of one product group each serve a part of
#    the locations (see README.md, "Calibration").
# ---------------------------------------------------------------------------
DOMAIN_SHARES = {
    "care-home": [("elderly", 1.0)],
    "day-centre": [("elderly", 0.5), ("disability", 0.5)],
    "supported-living": [("disability", 0.6), ("mental-health", 0.4)],
}
ALL = ("elderly", "disability", "mental-health")
OTHER = ("disability", "mental-health")
CARE = ("elderly", "disability")

# Local suppliers (bakeries, pharmacies) each serve one half of the city:
# the north-west (Centrum, West, Nieuw-West, Noord) or the south-east (the
# other districts and the edges).
NORTH_WEST = ("centrum", "west", "nieuw-west", "noord")
BOTH = ("north-west", "south-east")

# ---------------------------------------------------------------------------
# 4. Depot areas: approximate centre of real business parks (4 decimals,
#    written by hand, not geocoded).
# ---------------------------------------------------------------------------
DEPOT_AREAS = {
    "westpoort": (52.3990, 4.8180),             # Amsterdam Westpoort
    "schiphol-oude-meer": (52.2870, 4.7840),    # Schiphol-Oost / Oude Meer
    "hoofddorp": (52.2920, 4.7010),             # Hoofddorp Beukenhorst
    "aalsmeer": (52.2650, 4.7700),              # Aalsmeer flower auction area
    "amstel-iii": (52.3030, 4.9450),            # Amstel III (Zuidoost)
    "diemen": (52.3420, 4.9630),                # Diemen business area
    "zaandam": (52.4270, 4.8120),               # Zaandam Achtersluispolder
    "almere": (52.3920, 5.2340),                # Almere De Vaart
    "haarlem-waarderpolder": (52.3890, 4.6560), # Haarlem Waarderpolder
    "utrecht-lage-weide": (52.1030, 5.0720),    # Utrecht Lage Weide
    "nieuwegein": (52.0430, 5.0860),            # Nieuwegein Plettenburg
    "amersfoort": (52.1690, 5.3860),            # Amersfoort De Hoek
    "tiel": (51.9090, 5.3900),                  # Tiel, Medel business park
    "ede": (52.0330, 5.6300),                   # Ede-West business parks (A12/A30)
    "veghel": (51.6290, 5.5250),                # Veghel De Dubbelen (food logistics)
    "waalwijk": (51.6980, 5.0500),              # Waalwijk Haven (distribution centres)
}

# ---------------------------------------------------------------------------
# 5. Suppliers (fictional): (id, name, product group, care domains served,
#    city halves served, depot area, vehicle type, minimum trunk trips a week
#    to a hub once bundled).  Wholesalers, laundries and distributors deliver
#    by rigid truck (fresh food by refrigerated truck) from their
#    distribution centres; pharmacies, bakeries, parcel carriers and small
#    specialists by van.
# ---------------------------------------------------------------------------
SUPPLIERS = [
    ("fresh-elderly", "Fresh food and meals wholesaler for elderly care (fictional)", "food-fresh", ("elderly",), BOTH, "ede", "reefer-truck", 5),
    ("fresh-other", "Fresh food wholesaler for disability and mental-health care (fictional)", "food-fresh", OTHER, BOTH, "utrecht-lage-weide", "reefer-truck", 2),
    ("bakery-nw", "Bakery and dairy supplier North-West (fictional)", "bakery-dairy", ("elderly",), ("north-west",), "zaandam", "diesel-van", 2),
    ("bakery-se", "Bakery and dairy supplier South-East (fictional)", "bakery-dairy", ("elderly",), ("south-east",), "diemen", "diesel-van", 2),
    ("frozen-elderly", "Frozen food wholesaler for elderly care (fictional)", "food-frozen", ("elderly",), BOTH, "veghel", "reefer-truck", 1),
    ("dry-elderly", "Dry food wholesaler for elderly care (fictional)", "food-dry", ("elderly",), BOTH, "veghel", "rigid-truck", 1),
    ("dry-disability", "Groceries wholesaler for disability care (fictional)", "food-dry", ("disability",), BOTH, "nieuwegein", "rigid-truck", 1),
    ("dry-mental", "Supermarket home-delivery service for mental-health houses (fictional)", "food-dry", ("mental-health",), BOTH, "diemen", "diesel-van", 1),
    ("beverages", "Beverages wholesaler (fictional)", "beverages", ALL, BOTH, "waalwijk", "rigid-truck", 1),
    ("nutrition", "Medical nutrition supplier (fictional)", "medical-nutrition", CARE, BOTH, "utrecht-lage-weide", "rigid-truck", 1),
    ("linen-elderly", "Industrial laundry for care homes (fictional)", "linen", ("elderly",), BOTH, "haarlem-waarderpolder", "rigid-truck", 3),
    ("linen-disability", "Laundry for disability care (fictional)", "linen", ("disability",), BOTH, "amersfoort", "rigid-truck", 1),
    ("linen-mental", "Laundry for mental-health care (fictional)", "linen", ("mental-health",), BOTH, "almere", "rigid-truck", 1),
    ("workwear", "Workwear laundry for staff uniforms (fictional)", "workwear", ("elderly",), BOTH, "almere", "rigid-truck", 1),
    ("pharmacy-nw", "Care pharmacy North-West (fictional)", "pharmacy", ALL, ("north-west",), "westpoort", "diesel-van", 2),
    ("pharmacy-se", "Care pharmacy South-East (fictional)", "pharmacy", ALL, ("south-east",), "amstel-iii", "diesel-van", 2),
    ("medical-elderly", "Medical supplies distributor for elderly care (fictional)", "medical", ("elderly",), BOTH, "tiel", "rigid-truck", 1),
    ("medical-other", "Medical supplies distributor for disability and mental-health care (fictional)", "medical", OTHER, BOTH, "utrecht-lage-weide", "rigid-truck", 1),
    ("nursing", "Nursing and wound-care supplies (fictional)", "nursing", ("elderly",), BOTH, "nieuwegein", "diesel-van", 1),
    ("care-aids", "Care aids rental and service for beds and hoists (fictional)", "care-aids", CARE, BOTH, "amersfoort", "rigid-truck", 1),
    ("incontinence-elderly", "Incontinence and care products supplier for elderly care (fictional)", "incontinence", ("elderly",), BOTH, "waalwijk", "rigid-truck", 1),
    ("incontinence-disability", "Incontinence products service for disability care (fictional)", "incontinence", ("disability",), BOTH, "utrecht-lage-weide", "rigid-truck", 1),
    ("incontinence-mental", "Incontinence products service for mental-health care (fictional)", "incontinence", ("mental-health",), BOTH, "tiel", "rigid-truck", 1),
    ("cleaning-elderly", "Cleaning supplies wholesaler for elderly care (fictional)", "cleaning", ("elderly",), BOTH, "almere", "rigid-truck", 1),
    ("cleaning-other", "Cleaning supplies wholesaler for disability and mental-health care (fictional)", "cleaning", OTHER, BOTH, "hoofddorp", "rigid-truck", 1),
    ("hygiene-paper", "Hygiene paper and dispensers supplier (fictional)", "hygiene-paper", ALL, BOTH, "hoofddorp", "rigid-truck", 1),
    ("office-elderly", "Office supplies supplier for elderly care (fictional)", "office", ("elderly",), BOTH, "nieuwegein", "diesel-van", 1),
    ("office-other", "Office supplies supplier for disability and mental-health care (fictional)", "office", OTHER, BOTH, "amersfoort", "diesel-van", 1),
    ("flowers", "Flowers and plants supplier (fictional)", "flowers", ("elderly",), BOTH, "aalsmeer", "diesel-van", 1),
    ("par-a", "Parcel carrier A (fictional)", "parcels", ALL, BOTH, "schiphol-oude-meer", "diesel-van", 5),
    ("par-b", "Parcel carrier B (fictional)", "parcels", ALL, BOTH, "westpoort", "diesel-van", 2),
]

# ---------------------------------------------------------------------------
# 6. Flow rules: supplier -> site type -> (probability that a location of the
#    type, in one of the supplier's domains and city halves, is supplied;
#    deliveries a week (low, high), drawn uniformly).  Supported-living
#    houses get their parcels from the calibration step.
# ---------------------------------------------------------------------------
FLOW_RULES = {
    "fresh-elderly":        {"care-home": (1.0, (5, 5)), "day-centre": (0.5, (2, 2))},
    "fresh-other":          {"day-centre": (0.5, (2, 2))},
    "bakery-nw":            {"care-home": (1.0, (1, 1))},
    "bakery-se":            {"care-home": (1.0, (1, 1))},
    "frozen-elderly":       {"care-home": (1.0, (1, 1)), "day-centre": (0.3, (1, 1))},
    "dry-elderly":          {"care-home": (1.0, (1, 1)), "day-centre": (0.5, (1, 1))},
    "dry-disability":       {"day-centre": (0.5, (1, 1)), "supported-living": (0.7, (1, 1))},
    "dry-mental":           {"supported-living": (0.7, (1, 1))},
    "beverages":            {"care-home": (0.7, (1, 1)), "day-centre": (0.3, (1, 1))},
    "nutrition":            {"care-home": (0.5, (1, 1)), "supported-living": (0.1, (1, 1))},
    "linen-elderly":        {"care-home": (1.0, (2, 2)), "day-centre": (0.4, (1, 1))},
    "linen-disability":     {"day-centre": (0.4, (1, 1)), "supported-living": (0.3, (1, 1))},
    "linen-mental":         {"supported-living": (0.3, (1, 1))},
    "workwear":             {"care-home": (0.5, (1, 1))},
    "pharmacy-nw":          {"care-home": (1.0, (1, 1)), "supported-living": (0.3, (1, 1))},
    "pharmacy-se":          {"care-home": (1.0, (1, 1)), "supported-living": (0.3, (1, 1))},
    "medical-elderly":      {"care-home": (1.0, (1, 1)), "day-centre": (0.3, (1, 1))},
    "medical-other":        {"day-centre": (0.2, (1, 1)), "supported-living": (0.15, (1, 1))},
    "nursing":              {"care-home": (0.5, (1, 1))},
    "care-aids":            {"care-home": (0.4, (1, 1)), "day-centre": (0.1, (1, 1))},
    "incontinence-elderly": {"care-home": (1.0, (1, 1)), "day-centre": (0.5, (1, 1))},
    "incontinence-disability": {"day-centre": (0.5, (1, 1)), "supported-living": (0.4, (1, 1))},
    "incontinence-mental":  {"supported-living": (0.4, (1, 1))},
    "cleaning-elderly":     {"care-home": (1.0, (1, 1)), "day-centre": (0.6, (1, 1))},
    "cleaning-other":       {"day-centre": (0.6, (1, 1)), "supported-living": (0.2, (1, 1))},
    "hygiene-paper":        {"care-home": (0.5, (1, 1)), "day-centre": (0.1, (1, 1))},
    "office-elderly":       {"care-home": (0.8, (1, 1)), "day-centre": (0.5, (1, 1))},
    "office-other":         {"day-centre": (0.5, (1, 1)), "supported-living": (0.1, (1, 1))},
    "flowers":              {"care-home": (0.2, (1, 1))},
    "par-a":             {"care-home": (1.0, (1, 1)), "day-centre": (0.3, (1, 1))},
    "par-b":             {"day-centre": (0.3, (1, 1))},
}
CALIBRATION_SUPPLIER = "par-a"   # tops up supported-living houses, 1 a week

# Weekly kg per resident (care home, supported living) or per client (day
# centre), and kg per roll cage, per product group (assumptions; order of
# magnitude from the kitchen, linen and care-product use of Dutch care homes).
KG_PER_HEAD_WEEK = {
    "food-fresh":   {"care-home": 4.0, "day-centre": 1.5},
    "food-frozen":  {"care-home": 1.0, "day-centre": 0.3},
    "bakery-dairy": {"care-home": 1.5},
    "food-dry":     {"care-home": 2.5, "day-centre": 1.0, "supported-living": 8.0},
    "beverages":    {"care-home": 1.5, "day-centre": 0.5},
    "medical-nutrition": {"care-home": 0.5, "supported-living": 0.5},
    "workwear":     {"care-home": 0.6},
    "nursing":      {"care-home": 0.2},
    "care-aids":    {"care-home": 1.0, "day-centre": 0.5},
    "hygiene-paper": {"care-home": 0.6, "day-centre": 0.3},
    "flowers":      {"care-home": 0.1},
    "linen":        {"care-home": 7.0, "day-centre": 0.5, "supported-living": 2.0},
    "pharmacy":     {"care-home": 0.15, "supported-living": 0.15},
    "medical":      {"care-home": 0.4, "day-centre": 0.1, "supported-living": 0.2},
    "incontinence": {"care-home": 2.5, "day-centre": 0.5, "supported-living": 1.0},
    "cleaning":     {"care-home": 0.8, "day-centre": 0.4, "supported-living": 0.6},
    "office":       {"care-home": 0.2, "day-centre": 0.3, "supported-living": 0.1},
}
KG_PER_CAGE = {
    "food-fresh": 200, "food-frozen": 200, "bakery-dairy": 150, "food-dry": 250, "beverages": 300,
    "medical-nutrition": 200, "workwear": 100, "nursing": 80, "care-aids": 100,
    "hygiene-paper": 60, "flowers": 40, "linen": 120, "pharmacy": 60,
    "medical": 80, "incontinence": 60, "cleaning": 200, "office": 150,
    "parcels": 75,
}
PARCEL_KG_PER_DELIVERY = {"care-home": (8, 25), "day-centre": (4, 12), "supported-living": (2, 8)}
MIN_KG_PER_DELIVERY = 2.0
MIN_CAGES_PER_DELIVERY = 0.05

# Per-delivery limits: one vehicle, with margin (van 1000 kg / 6 cages, rigid
# truck 6000 kg / 18 cages; the electric hub van takes 900 kg / 6 cages and a
# larger combined delivery is split by the planner).
LIMITS = {"diesel-van": (600.0, 4.0), "rigid-truck": (3000.0, 12.0),
          "reefer-truck": (3000.0, 12.0)}

# The fewer-deliveries scenario (delivery_frequency.scale: 0.5) delivers each flow
# ceil(n/2) times a week with the same weekly quantity; check() keeps that within a vehicle.
def fewer(n):
    return (n + 1) // 2


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def distance_m(lat1, lon1, lat2, lon2):
    """Equirectangular distance in metres (fine at city scale)."""
    k = 111320.0
    dx = (lon2 - lon1) * k * math.cos(math.radians((lat1 + lat2) / 2))
    dy = (lat2 - lat1) * k
    return math.hypot(dx, dy)


def offset(lat, lon, dist_m, bearing_rad):
    """Point at dist_m metres and the given bearing from (lat, lon)."""
    k = 111320.0
    dlat = dist_m * math.cos(bearing_rad) / k
    dlon = dist_m * math.sin(bearing_rad) / (k * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def in_water(lat, lon):
    for _name, kind, data in WATER:
        if kind == "circle":
            if distance_m(lat, lon, data[0], data[1]) < data[2]:
                return True
        elif data[0] <= lat <= data[1] and data[2] <= lon <= data[3]:
            return True
    return False


def largest_remainder(total, weights):
    """Split `total` into integers proportional to `weights` (ties: first)."""
    s = float(sum(weights))
    raw = [total * w / s for w in weights]
    out = [int(math.floor(r)) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[:total - sum(out)]:
        out[i] += 1
    return out


def make_sites(rng):
    """Place the locations district by district, anchor by anchor."""
    types = []
    for tid, _label, count, _size, _service, _windows in SITE_TYPES:
        types += [tid] * count
    assert len(types) == TARGET_SITES
    rng.shuffle(types)
    type_by_id = {t[0]: t for t in SITE_TYPES}

    sites = []
    for did, dname, prefix, count, zone, anchors in DISTRICTS:
        per_anchor = largest_remainder(count, [a[4] for a in anchors])
        n = 0
        for (aname, alat, alon, radius, _w), k in zip(anchors, per_anchor):
            for _ in range(k):
                while True:
                    # sqrt: uniform over the disc rather than crowding the centre.
                    d = radius * math.sqrt(rng.random())
                    b = rng.uniform(0, 2 * math.pi)
                    lat, lon = offset(alat, alon, d, b)
                    lat, lon = round(lat, 4), round(lon, 4)
                    if in_water(lat, lon):
                        continue
                    if all(distance_m(lat, lon, s["lat"], s["lon"]) >= MIN_SEPARATION_M for s in sites):
                        break
                n += 1
                tid = types[len(sites)]
                _t, label, _c, (hlo, hhi), (slo, shi), windows = type_by_id[tid]
                heads = rng.randint(hlo, hhi)
                service = rng.randint(slo, shi)
                window = windows[0] if len(windows) == 1 else rng.choice(windows)
                shares = DOMAIN_SHARES[tid]
                domain = shares[0][0] if len(shares) == 1 else rng.choices(
                    [d for d, _ in shares], weights=[w for _, w in shares])[0]
                sites.append(dict(
                    id="%s-%02d" % (prefix, n),
                    name="%s %s %d (synthetic)" % (label, dname, n),
                    group=did, neighbourhood=aname, lat=lat, lon=lon, type=tid,
                    heads=heads, domain=domain,
                    half="north-west" if did in NORTH_WEST else "south-east", window=window, service=service, zone=zone,
                    source="generated"))
    assert len(sites) == TARGET_SITES, len(sites)
    return sites


def make_suppliers():
    out = []
    for sid, name, group, domains, halves, area, vehicle, trips in SUPPLIERS:
        lat, lon = DEPOT_AREAS[area]
        out.append(dict(id=sid, name=name, group=group, domains=domains, halves=halves,
                        area=area, lat=lat, lon=lon, vehicle=vehicle, trips=trips))
    return out


def quantities(rng, sup, site, deliveries):
    """Weekly kg and cages of a flow; per-delivery values rounded first."""
    group = sup["group"]
    if group == "parcels":
        lo, hi = PARCEL_KG_PER_DELIVERY[site["type"]]
        kg = rng.uniform(lo, hi)
    else:
        weekly = KG_PER_HEAD_WEEK[group][site["type"]] * site["heads"]
        kg = weekly / deliveries * rng.uniform(0.85, 1.15)
    max_kg, max_cages = LIMITS[sup["vehicle"]]
    kg = round(min(max(kg, MIN_KG_PER_DELIVERY), max_kg), 1)
    cages = kg / KG_PER_CAGE[group] * rng.uniform(0.85, 1.15)
    cages = round(min(max(cages, MIN_CAGES_PER_DELIVERY), max_cages), 2)
    return kg, cages


def make_flows(rng, sites, suppliers):
    """Apply FLOW_RULES site by site, then calibrate the stops a week."""
    sup_by_id = {s["id"]: s for s in suppliers}
    pairs = {}  # (supplier id, site id) -> deliveries a week
    for site in sites:
        for sup in suppliers:
            rule = FLOW_RULES[sup["id"]].get(site["type"])
            if (rule is None or site["domain"] not in sup["domains"]
                    or site["half"] not in sup["halves"]):
                continue
            p, (lo, hi) = rule
            if rng.random() < p:
                pairs[(sup["id"], site["id"])] = rng.randint(lo, hi)

    # Calibration: parcels for supported-living houses, 1 a week, in a seeded
    # order, until the deliveries a week reach TARGET_STOPS.
    before = sum(pairs.values())
    assert before <= TARGET_STOPS, "the rules alone give %d deliveries" % before
    candidates = [s for s in sites if s["type"] == "supported-living"
                  and (CALIBRATION_SUPPLIER, s["id"]) not in pairs]
    rng.shuffle(candidates)
    need = TARGET_STOPS - before
    assert need <= len(candidates), (need, len(candidates))
    for site in candidates[:need]:
        pairs[(CALIBRATION_SUPPLIER, site["id"])] = 1

    site_index = {s["id"]: i for i, s in enumerate(sites)}
    sup_index = {s["id"]: i for i, s in enumerate(suppliers)}
    site_by_id = {s["id"]: s for s in sites}
    flows = []
    for key in sorted(pairs, key=lambda k: (sup_index[k[0]], site_index[k[1]])):
        sup, site = sup_by_id[key[0]], site_by_id[key[1]]
        deliveries = pairs[key]
        kg, cages = quantities(rng, sup, site, deliveries)
        flows.append(dict(supplier=sup["id"], site=site["id"], deliveries=deliveries,
                          kg=round(kg * deliveries, 1), cages=round(cages * deliveries, 2),
                          kg_each=kg, cages_each=cages))
    return flows, before


# ---------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------
# service_minutes in sites.csv is the fixed part of a stop (parking, walking in, finding the
# goods reception). The minutes drawn per building are what a typical single-supplier stop takes
# in all; network.yaml's service_time adds 3 to 4 minutes to an average delivery (2 per
# delivery note, 0.01 per kg, 2 per roll cage), so 4 are taken off here, leaving at least 2
# minutes. Direct stops then last on average a little less than before service_time existed
# (the baseline is not made longer), and a hub stop with many deliveries takes longer, as it does.
SERVICE_VARIABLE_PART = 4
MIN_FIXED_SERVICE = 2


def fixed_service(minutes):
    return max(MIN_FIXED_SERVICE, minutes - SERVICE_VARIABLE_PART)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            for cell in row:
                assert "," not in str(cell) and '"' not in str(cell), cell
            w.writerow(row)


def fmt(x, decimals):
    return "%.*f" % (decimals, x)


def check(sites, suppliers, flows):
    """Sanity checks; raise AssertionError on any violation."""
    slug = re.compile(r"^[a-z0-9-]+$")
    site_ids = [s["id"] for s in sites]
    sup_ids = [s["id"] for s in suppliers]
    assert len(set(site_ids)) == len(site_ids), "duplicate site id"
    assert len(set(sup_ids)) == len(sup_ids), "duplicate supplier id"
    assert not set(site_ids) & set(sup_ids), "site and supplier ids overlap"
    for s in sites + suppliers:
        assert slug.match(s["id"]), s["id"]
        assert 51.5 <= s["lat"] <= 52.6 and 4.5 <= s["lon"] <= 5.8, s
    for s in sites:
        assert s["name"].endswith("(synthetic)") and s["source"] == "generated"
        assert not in_water(s["lat"], s["lon"]), s
    sup_by_id = {s["id"]: s for s in suppliers}
    seen = set()
    for f in flows:
        assert f["supplier"] in sup_by_id and f["site"] in set(site_ids), f
        key = (f["supplier"], f["site"])
        assert key not in seen, key
        seen.add(key)
        assert 1 <= f["deliveries"] <= 5
        max_kg, max_cages = LIMITS[sup_by_id[f["supplier"]]["vehicle"]]
        # The fewer-deliveries scenario carries up to twice as much per delivery.
        assert f["kg"] / fewer(f["deliveries"]) <= max_kg + 1e-9, f
        assert f["cages"] / fewer(f["deliveries"]) <= max_cages + 1e-9, f
        assert f["cages"] / f["deliveries"] >= MIN_CAGES_PER_DELIVERY - 1e-9, f
    assert sum(f["deliveries"] for f in flows) == TARGET_STOPS


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else OUT_DIR
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    sites = make_sites(rng)
    suppliers = make_suppliers()
    flows, before = make_flows(rng, sites, suppliers)
    check(sites, suppliers, flows)

    write_csv(os.path.join(out_dir, "sites.csv"),
              ["id", "name", "group", "lat", "lon", "window_start", "window_end",
               "service_minutes", "in_zone", "coordinate_source"],
              [[s["id"], s["name"], s["group"], fmt(s["lat"], 4), fmt(s["lon"], 4),
                s["window"][0], s["window"][1], fixed_service(s["service"]),
                "true" if s["zone"] else "false", s["source"]] for s in sites])
    write_csv(os.path.join(out_dir, "suppliers.csv"),
              ["id", "name", "product_group", "depot_area", "lat", "lon",
               "vehicle_type", "min_hub_trips_per_week"],
              [[s["id"], s["name"], s["group"], s["area"], fmt(s["lat"], 4),
                fmt(s["lon"], 4), s["vehicle"], s["trips"]] for s in suppliers])
    header = ["supplier", "site", "deliveries_per_week", "kg", "cages"]
    write_csv(os.path.join(out_dir, "flows.csv"), header,
              [[f["supplier"], f["site"], f["deliveries"], fmt(f["kg"], 1),
                fmt(f["cages"], 2)] for f in flows])

    counts = {}
    for s in sites:
        counts[s["type"]] = counts.get(s["type"], 0) + 1
    print("sites: %d (%s), suppliers: %d, flows: %d" % (
        len(sites), ", ".join("%s %d" % (t[0], counts[t[0]]) for t in SITE_TYPES),
        len(suppliers), len(flows)))
    print("deliveries/week: %d (rules %d + calibration parcels %d); fewer-deliveries variant: %d"
          % (sum(f["deliveries"] for f in flows), before, TARGET_STOPS - before,
             sum(fewer(f["deliveries"]) for f in flows)))
    print("total kg/week: %.1f, roll cages/week: %.2f" % (
        sum(f["kg"] for f in flows), sum(f["cages"] for f in flows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
