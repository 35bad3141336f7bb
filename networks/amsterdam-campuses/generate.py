#!/usr/bin/env python3
"""Generate the default UvA/HvA campus network for bundel.

Writes three CSV files next to this script:

  sites.csv      ~80 university buildings (delivery addresses)
  suppliers.csv  ~28 fictional suppliers with a depot in a regional business park
  flows.csv      weekly (supplier, site) delivery flows

Method in short
---------------
* Buildings whose public address is well known are listed by hand below
  (PUBLIC_SITES) with an approximate location rounded to 4 decimals
  (coordinate_source = public-address).
* The campus is then filled up to 80 buildings with synthetic buildings that
  are placed at a random bearing and a random distance (within a small radius)
  from an anchor point of their campus (coordinate_source = generated).
* Suppliers (SUPPLIERS) are fictional; their depots are placed at the
  approximate centre of a real regional business park (DEPOT_AREAS).
* Flows are drawn per product group with simple, documented rules
  (see make_flows) and per-delivery quantities are kept within one vehicle.

Everything random comes from ONE random.Random(SEED) consumed in a fixed order,
so running the script twice gives byte-identical files.  Python 3 standard
library only.  Usage:

    python3 networks/amsterdam-campuses/generate.py [OUTPUT_FOLDER]

The optional OUTPUT_FOLDER (default: this script's folder) lets a test write
the files elsewhere and compare two runs.
"""

import csv
import math
import os
import random
import sys

SEED = 2026
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

CAMPUSES = ("roeterseiland", "science-park", "binnenstad", "amstelcampus",
            "zuidas", "nieuw-west", "zuidoost")

# Inside Amsterdam's S100 ring (the zero-emission zone for logistics):
# the Binnenstad buildings and Roeterseiland (just inside the Singelgracht /
# Mauritskade).  Amstelcampus (Wibautstraat, south of the Singelgracht),
# Science Park, Zuidas, Nieuw-West and Zuidoost are outside.
IN_ZONE = {
    "roeterseiland": True,
    "binnenstad": True,
    "amstelcampus": False,
    "science-park": False,
    "zuidas": False,
    "nieuw-west": False,
    "zuidoost": False,
}

# Default delivery time windows.
WINDOW_DEFAULT = ("07:00", "16:00")   # most buildings
WINDOW_CENTRE = ("08:00", "12:00")    # narrow city-centre streets / canals
WINDOW_LAB = ("07:30", "15:00")       # laboratory buildings

# Building size class -> (service minutes range, position in the typical
# per-delivery quantity range of a product group, as fractions 0..1).
# Size scales both the unloading time and how much each supplier delivers:
# a small building gets the lower half of the range, a large one the upper half.
SIZE = {
    "S": ((5, 8), (0.0, 0.5)),
    "M": ((8, 12), (0.2, 0.8)),
    "L": ((14, 20), (0.5, 1.0)),
}

# ---------------------------------------------------------------------------
# 1. Buildings with a public address (approximate coordinates, 4 decimals).
#    Fields: id, name (incl. address), campus, lat, lon, size, lab, window,
#    service minutes.  lab=True means the building receives lab supplies.
# ---------------------------------------------------------------------------
C, D, L = WINDOW_CENTRE, WINDOW_DEFAULT, WINDOW_LAB
PUBLIC_SITES = [
    # Roeterseilandcampus (UvA: FMG, FEB, Law)
    ("rtl-a", "REC A Nieuwe Achtergracht 166", "roeterseiland", 52.3633, 4.9115, "L", False, D, 15),
    ("rtl-bc", "REC B/C Nieuwe Achtergracht 166", "roeterseiland", 52.3628, 4.9122, "L", False, D, 14),
    ("rtl-e", "REC E Roetersstraat 11", "roeterseiland", 52.3637, 4.9124, "M", False, D, 10),
    ("rtl-gh", "REC G/H Nieuwe Achtergracht 129", "roeterseiland", 52.3624, 4.9107, "M", True, L, 10),
    ("rtl-jk", "REC J/K Valckenierstraat 65", "roeterseiland", 52.3645, 4.9127, "M", False, D, 10),
    ("rtl-m", "REC M Plantage Muidergracht 12", "roeterseiland", 52.3651, 4.9114, "M", False, D, 9),
    # Science Park (UvA: FNWI, Informatics, AUC)
    ("sp-904", "Science Park 904", "science-park", 52.3546, 4.9556, "L", True, L, 20),
    ("sp-lab42", "Lab42 Science Park 900", "science-park", 52.3558, 4.9530, "L", False, D, 14),
    ("sp-auc", "Amsterdam University College Science Park 113", "science-park", 52.3545, 4.9505, "M", False, D, 10),
    # Binnenstad / city centre (UvA: Humanities, Law history, library, museum)
    ("bin-omhp", "Oudemanhuispoort 4-6", "binnenstad", 52.3695, 4.8953, "L", False, C, 15),
    ("bin-ub", "University Library Singel 425", "binnenstad", 52.3683, 4.8895, "L", False, D, 14),
    ("bin-bushuis", "Bushuis Kloveniersburgwal 48", "binnenstad", 52.3713, 4.8985, "M", False, C, 10),
    ("bin-oih", "Oost-Indisch Huis Oude Hoogstraat 24", "binnenstad", 52.3718, 4.8978, "M", False, C, 10),
    ("bin-pch", "P.C. Hoofthuis Spuistraat 134", "binnenstad", 52.3737, 4.8907, "L", False, C, 14),
    ("bin-theater", "Universiteitstheater Nieuwe Doelenstraat 16", "binnenstad", 52.3677, 4.8946, "M", False, C, 8),
    ("bin-agnieten", "Agnietenkapel Oudezijds Voorburgwal 231", "binnenstad", 52.3701, 4.8958, "S", False, C, 6),
    ("bin-allard", "Allard Pierson Oude Turfmarkt 127", "binnenstad", 52.3689, 4.8933, "M", False, C, 10),
    ("bin-maagdenhuis", "Maagdenhuis Spui 21", "binnenstad", 52.3689, 4.8903, "M", False, C, 9),
    # Amstelcampus (HvA, along the Wibautstraat)
    ("ams-wibaut", "Wibauthuis Wibautstraat 3b", "amstelcampus", 52.3590, 4.9085, "L", False, D, 18),
    ("ams-leeuwenburg", "Leeuwenburg Weesperzijde 190", "amstelcampus", 52.3566, 4.9081, "L", False, D, 14),
    ("ams-kohnstamm", "Kohnstammhuis Wibautstraat 2-4", "amstelcampus", 52.3581, 4.9095, "L", False, D, 15),
    ("ams-thijssen", "Theo Thijssenhuis Wibautstraat 2-4", "amstelcampus", 52.3597, 4.9076, "M", False, D, 10),
    ("ams-premsela", "Benno Premselahuis Rhijnspoorplein 1", "amstelcampus", 52.3592, 4.9123, "L", False, D, 14),
    ("ams-koetsier", "Koetsier-Montaignehuis Rhijnspoorplein 2", "amstelcampus", 52.3598, 4.9118, "M", False, D, 10),
    ("ams-muller", "Muller-Lulofshuis Wibautstraat 80", "amstelcampus", 52.3562, 4.9110, "M", False, D, 10),
    # Zuidas (ACTA, dentistry, shared UvA/VU)
    ("zas-acta", "ACTA Gustav Mahlerlaan 3004", "zuidas", 52.3342, 4.8640, "L", False, D, 15),
    # Nieuw-West (HvA sports and nutrition)
    ("nw-meurer", "Dr. Meurerhuis Dr. Meurerlaan 8", "nieuw-west", 52.3648, 4.8034, "L", False, D, 14),
    # Zuidoost (HvA health and business; AMC medical faculty)
    ("zo-fraijlema", "Fraijlemaborg Fraijlemaborg 133", "zuidoost", 52.3130, 4.9555, "L", False, D, 15),
    ("zo-tulp", "Nicolaes Tulphuis Tafelbergweg 51", "zuidoost", 52.3113, 4.9522, "L", False, D, 14),
    ("zo-amc", "AMC Meibergdreef 9", "zuidoost", 52.2942, 4.9580, "L", True, L, 20),
]

# ---------------------------------------------------------------------------
# 2. Synthetic buildings: (id prefix, campus, name template, anchor lat, lon,
#    min radius m, max radius m, count, probability that it is a lab building).
#    Radii are kept small so that a generated building stays on its campus
#    (and on the same side of the S100 ring as its campus: Roeterseiland and
#    the Amstelcampus get small radii, the Amstelcampus anchor lies south of
#    the Singelgracht).
# ---------------------------------------------------------------------------
GENERATED_GROUPS = [
    ("rtl", "roeterseiland", "Roeterseiland annex {n} (synthetic)", 52.3636, 4.9116, 100, 300, 5, 0.2),
    ("sp", "science-park", "Science Park building {n} (synthetic)", 52.3546, 4.9540, 100, 600, 13, 0.5),
    ("bin", "binnenstad", "Binnenstad canal house {n} (synthetic)", 52.3700, 4.8940, 100, 600, 9, 0.0),
    ("ams", "amstelcampus", "Amstelcampus annex {n} (synthetic)", 52.3570, 4.9100, 100, 250, 5, 0.0),
    ("zas", "zuidas", "Zuidas office {n} (synthetic)", 52.3350, 4.8700, 100, 600, 4, 0.0),
    ("nw", "nieuw-west", "Nieuw-West annex {n} (synthetic)", 52.3648, 4.8034, 150, 600, 4, 0.0),
    ("zo-amc", "zuidoost", "AMC location {n} (synthetic)", 52.2942, 4.9580, 100, 500, 7, 0.5),
    ("zo", "zuidoost", "Zuidoost annex {n} (synthetic)", 52.3125, 4.9540, 100, 400, 3, 0.0),
]
TARGET_SITES = 80
MIN_SEPARATION_M = 40  # generated buildings keep this distance from all others

# ---------------------------------------------------------------------------
# 3. Depot areas: approximate centre of real regional business parks.
# ---------------------------------------------------------------------------
DEPOT_AREAS = {
    "westpoort": (52.3990, 4.8180),             # Amsterdam Westpoort
    "schiphol-oude-meer": (52.2870, 4.7840),    # Schiphol-Oost / Oude Meer
    "hoofddorp": (52.2920, 4.7010),             # Hoofddorp Beukenhorst
    "amstel-business-park": (52.3260, 4.9200),  # Amstel Business Park (Duivendrecht)
    "amstel-iii": (52.3030, 4.9450),            # Amstel III (Zuidoost)
    "diemen": (52.3420, 4.9630),                # Diemen business area
    "zaandam": (52.4270, 4.8120),               # Zaandam Achtersluispolder
    "almere": (52.3920, 5.2340),                # Almere De Vaart
    "haarlem-waarderpolder": (52.3890, 4.6560), # Haarlem Waarderpolder
    "utrecht-lage-weide": (52.1030, 5.0720),    # Utrecht Lage Weide
    "nieuwegein": (52.0430, 5.0860),            # Nieuwegein Plettenburg
    "amersfoort": (52.1690, 5.3860),            # Amersfoort De Hoek
}

# ---------------------------------------------------------------------------
# 4. Suppliers (fictional).  Fields: id, name, product group, depot area,
#    vehicle type, fresh (fresh catering: delivers 3-5 times a week and needs
#    at least 5 hub trips a week).
# ---------------------------------------------------------------------------
SUPPLIERS = [
    ("pap-a", "Paper wholesaler A (fictional)", "paper", "westpoort", "rigid-truck", False),
    ("pap-b", "Paper supplier B (fictional)", "paper", "nieuwegein", "diesel-van", False),
    ("pap-c", "Paper supplier C (fictional)", "paper", "haarlem-waarderpolder", "diesel-van", False),
    ("pap-d", "Office supplies supplier D (fictional)", "paper", "amstel-business-park", "diesel-van", False),
    ("cat-a", "Coffee and vending supplier A (fictional)", "coffee-catering", "utrecht-lage-weide", "diesel-van", False),
    ("cat-b", "Fresh bakery supplier B (fictional)", "coffee-catering", "zaandam", "diesel-van", True),
    ("cat-c", "Fresh dairy and produce supplier C (fictional)", "coffee-catering", "westpoort", "diesel-van", True),
    ("cat-d", "Catering wholesaler D (fictional)", "coffee-catering", "diemen", "rigid-truck", False),
    ("cat-e", "Fresh sandwich and lunch supplier E (fictional)", "coffee-catering", "amstel-business-park", "diesel-van", True),
    ("cat-f", "Beverages supplier F (fictional)", "coffee-catering", "hoofddorp", "diesel-van", False),
    ("cln-a", "Cleaning supplier A (fictional)", "cleaning", "almere", "diesel-van", False),
    ("cln-b", "Cleaning supplier B (fictional)", "cleaning", "schiphol-oude-meer", "diesel-van", False),
    ("cln-c", "Cleaning and hygiene supplier C (fictional)", "cleaning", "amstel-iii", "diesel-van", False),
    ("cln-d", "Cleaning supplier D (fictional)", "cleaning", "amersfoort", "diesel-van", False),
    ("it-a", "IT hardware supplier A (fictional)", "it", "hoofddorp", "diesel-van", False),
    ("it-b", "IT hardware supplier B (fictional)", "it", "utrecht-lage-weide", "diesel-van", False),
    ("it-c", "IT accessories supplier C (fictional)", "it", "schiphol-oude-meer", "diesel-van", False),
    ("it-d", "AV and IT supplier D (fictional)", "it", "diemen", "diesel-van", False),
    ("lab-a", "Lab supplies supplier A (fictional)", "lab-supplies", "amersfoort", "diesel-van", False),
    ("lab-b", "Lab supplies supplier B (fictional)", "lab-supplies", "nieuwegein", "diesel-van", False),
    ("lab-c", "Lab chemicals supplier C (fictional)", "lab-supplies", "haarlem-waarderpolder", "diesel-van", False),
    ("lab-d", "Lab consumables supplier D (fictional)", "lab-supplies", "westpoort", "diesel-van", False),
    ("fur-a", "Furniture supplier A (fictional)", "furniture", "almere", "rigid-truck", False),
    ("fur-b", "Furniture supplier B (fictional)", "furniture", "nieuwegein", "rigid-truck", False),
    ("fur-c", "Furniture supplier C (fictional)", "furniture", "zaandam", "rigid-truck", False),
    ("par-a", "Parcel carrier A (fictional)", "parcels", "schiphol-oude-meer", "diesel-van", False),
    ("par-b", "Parcel carrier B (fictional)", "parcels", "westpoort", "diesel-van", False),
    ("par-c", "Parcel carrier C (fictional)", "parcels", "diemen", "diesel-van", False),
]

# Per product group: typical kg per delivery and kg per roll cage (density).
# A flow draws its kg per delivery inside this range; where inside depends on
# the size of the building (see SIZE).  Roll cages are roughly
# kg/250 (dense goods); parcels, IT, lab supplies and furniture are bulkier
# and get fewer kg per cage.
GROUP_KG_PER_DELIVERY = {
    "parcels": (5, 30),
    "coffee-catering": (30, 150),
    "paper": (50, 300),
    "cleaning": (20, 100),
    "it": (10, 80),
    "lab-supplies": (10, 60),
    "furniture": (200, 1500),
}
GROUP_KG_PER_CAGE = {
    "parcels": 75,
    "coffee-catering": 250,
    "paper": 250,
    "cleaning": 250,
    "it": 150,
    "lab-supplies": 150,
    "furniture": 175,
}
MIN_CAGES_PER_DELIVERY = 0.05
# Parcels: typically 0.1-0.4 roll cages per delivery.
GROUP_CAGES_PER_DELIVERY = {"parcels": (0.1, 0.4)}

# Per-delivery limits: one vehicle, with margin (van 1000 kg / 6 cages,
# rigid truck 6000 kg / 18 cages, electric hub van 900 kg / 6 cages).
LIMITS = {
    "diesel-van": (400.0, 2.5),
    "rigid-truck": (3000.0, 10.0),
}

MIN_HUB_TRIPS = {"parcels": 2}  # fresh catering: 5, everything else: 1


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def distance_m(lat1, lon1, lat2, lon2):
    """Equirectangular distance in metres (fine at campus scale)."""
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


def make_sites(rng):
    sites = []
    for sid, name, campus, lat, lon, size, lab, window, service in PUBLIC_SITES:
        sites.append(dict(id=sid, name=name, campus=campus, lat=lat, lon=lon,
                          size=size, lab=lab, window=window, service=service,
                          source="public-address"))

    for prefix, campus, template, alat, alon, rmin, rmax, count, p_lab in GENERATED_GROUPS:
        for n in range(1, count + 1):
            # Draw a location; redraw while it is too close to another building.
            while True:
                d = rng.uniform(rmin, rmax)
                b = rng.uniform(0, 2 * math.pi)
                lat, lon = offset(alat, alon, d, b)
                lat, lon = round(lat, 4), round(lon, 4)
                if all(distance_m(lat, lon, s["lat"], s["lon"]) >= MIN_SEPARATION_M
                       for s in sites):
                    break
            # Most synthetic buildings are small or medium.
            size = rng.choices(["S", "M", "L"], weights=[5, 4, 1])[0]
            lab = rng.random() < p_lab
            if lab:
                window = WINDOW_LAB
            elif campus == "binnenstad" and rng.random() < 0.6:
                window = WINDOW_CENTRE
            else:
                window = WINDOW_DEFAULT
            lo, hi = SIZE[size][0]
            service = rng.randint(lo, hi)
            sites.append(dict(id="%s-g%02d" % (prefix, n),
                              name=template.format(n=n), campus=campus,
                              lat=lat, lon=lon, size=size, lab=lab,
                              window=window, service=service,
                              source="generated"))
    assert len(sites) == TARGET_SITES, len(sites)
    return sites


def draw_kg_per_delivery(rng, site, lo, hi, wholesaler):
    """kg per delivery within [lo, hi], placed by the building's size.

    Wholesalers (truck suppliers of paper/catering) bring the bigger drops:
    their draw is moved into the upper half of the range.
    """
    f_lo, f_hi = SIZE[site["size"]][1]
    u = rng.uniform(f_lo, f_hi)
    if wholesaler:
        u = 0.5 + u / 2
    return lo + u * (hi - lo)


def pick_sites(rng, sites, prob_by_size):
    """Each site is taken with a probability that depends on its size."""
    return [s for s in sites if rng.random() < prob_by_size[s["size"]]]


def make_flows(rng, sites, suppliers):
    """Decide which supplier serves which site and how often.

    Rules per product group:
      parcels         every carrier serves ~90% of sites, 5 deliveries/week
      coffee-catering each supplier serves a size-dependent share of sites
                      (canteens are in the bigger buildings); fresh suppliers
                      3-5/week, others 1-2/week
      paper, cleaning,
      it              every site has one main supplier of the group and
                      sometimes a second one; 1-2/week
      lab-supplies    only lab buildings (Science Park, AMC, a few on
                      Roeterseiland); each served by 2-3 of the
                      lab suppliers, 2-3/week
      furniture       each supplier serves 4 random sites, 1/week, heavy
    """
    by_group = {}
    for sup in suppliers:
        by_group.setdefault(sup["group"], []).append(sup)

    pairs = {}  # (supplier id, site id) -> deliveries per week

    def add(sup, site, deliveries):
        key = (sup["id"], site["id"])
        assert key not in pairs
        pairs[key] = deliveries

    for site in sites:
        # Parcels: each carrier with probability 0.9, at least one carrier.
        carriers = [c for c in by_group["parcels"] if rng.random() < 0.9]
        if not carriers:
            carriers = [rng.choice(by_group["parcels"])]
        for c in carriers:
            add(c, site, 5)

        # Paper, cleaning and IT: one main supplier plus maybe a second one.
        for group, p_second in (("paper", 0.35), ("cleaning", 0.3), ("it", 0.4)):
            k = 2 if rng.random() < p_second else 1
            for sup in rng.sample(by_group[group], k):
                add(sup, site, rng.randint(1, 2))

        # Lab supplies: only lab buildings, 2-3 suppliers each.
        if site["lab"]:
            for sup in rng.sample(by_group["lab-supplies"], rng.randint(2, 3)):
                add(sup, site, rng.randint(2, 3))

    # Catering: per supplier, share of sites by size.
    for sup in by_group["coffee-catering"]:
        if sup["fresh"]:
            chosen = pick_sites(rng, sites, {"S": 0.25, "M": 0.55, "L": 0.9})
        else:
            chosen = pick_sites(rng, sites, {"S": 0.35, "M": 0.6, "L": 0.9})
        for site in chosen:
            add(sup, site, rng.randint(3, 5) if sup["fresh"] else rng.randint(1, 2))

    # Furniture: few sites, once a week.
    for sup in by_group["furniture"]:
        for site in rng.sample(sites, 4):
            add(sup, site, 1)

    # Quantities, in the order of suppliers and then sites as listed.
    site_index = {s["id"]: i for i, s in enumerate(sites)}
    sup_index = {s["id"]: i for i, s in enumerate(suppliers)}
    sup_by_id = {s["id"]: s for s in suppliers}
    site_by_id = {s["id"]: s for s in sites}
    flows = []
    for key in sorted(pairs, key=lambda k: (sup_index[k[0]], site_index[k[1]])):
        sup, site = sup_by_id[key[0]], site_by_id[key[1]]
        deliveries = pairs[key]
        lo, hi = GROUP_KG_PER_DELIVERY[sup["group"]]
        wholesaler = sup["vehicle"] == "rigid-truck" and sup["group"] != "furniture"
        kg = draw_kg_per_delivery(rng, site, lo, hi, wholesaler)
        max_kg, max_cages = LIMITS[sup["vehicle"]]
        kg = round(min(kg, max_kg), 1)  # never binds with the ranges above
        cages = kg / GROUP_KG_PER_CAGE[sup["group"]] * rng.uniform(0.85, 1.15)
        cmin, cmax = GROUP_CAGES_PER_DELIVERY.get(
            sup["group"], (MIN_CAGES_PER_DELIVERY, max_cages))
        cages = round(min(max(cages, cmin), cmax, max_cages), 2)
        # Weekly quantity = per-delivery quantity x deliveries per week; the
        # per-delivery values were rounded first, so dividing back is exact.
        flows.append(dict(supplier=sup["id"], site=site["id"],
                          deliveries=deliveries,
                          kg=round(kg * deliveries, 1),
                          cages=round(cages * deliveries, 2)))
    return flows


def make_suppliers():
    out = []
    for sid, name, group, area, vehicle, fresh in SUPPLIERS:
        lat, lon = DEPOT_AREAS[area]
        if fresh:
            trips = 5
        else:
            trips = MIN_HUB_TRIPS.get(group, 1)
        out.append(dict(id=sid, name=name, group=group, area=area, lat=lat,
                        lon=lon, vehicle=vehicle, fresh=fresh, trips=trips))
    return out


# ---------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------
# service_minutes in sites.csv is the fixed part of a stop (parking, walking in, finding the
# goods reception). The minutes drawn per building are what a typical single-supplier stop takes
# in all; network.yaml's service_time adds about 3 minutes to an average delivery (2 per
# delivery note, 0.01 per kg, 2 per roll cage), so that much is taken off here, leaving at
# least 2 minutes. Direct stops then last about as long as before service_time existed, and a
# hub stop with many deliveries takes longer, as it does.
SERVICE_VARIABLE_PART = 3
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
    import re
    slug = re.compile(r"^[a-z0-9-]+$")
    site_ids = [s["id"] for s in sites]
    sup_ids = [s["id"] for s in suppliers]
    assert len(set(site_ids)) == len(site_ids), "duplicate site id"
    assert len(set(sup_ids)) == len(sup_ids), "duplicate supplier id"
    for s in sites + suppliers:
        assert slug.match(s["id"]), s["id"]
        assert 52.0 <= s["lat"] <= 52.6 and 4.5 <= s["lon"] <= 5.5, s
    for s in sites:
        assert s["campus"] in CAMPUSES
        assert 5 <= s["service"] <= 20
    sup_by_id = {s["id"]: s for s in suppliers}
    seen = set()
    for f in flows:
        assert f["supplier"] in sup_by_id and f["site"] in set(site_ids), f
        key = (f["supplier"], f["site"])
        assert key not in seen, key
        seen.add(key)
        assert 1 <= f["deliveries"] <= 5
        max_kg, max_cages = LIMITS[sup_by_id[f["supplier"]]["vehicle"]]
        assert f["kg"] / f["deliveries"] <= max_kg + 1e-9, f
        assert f["cages"] / f["deliveries"] <= max_cages + 1e-9, f
        assert f["cages"] / f["deliveries"] >= MIN_CAGES_PER_DELIVERY - 1e-9, f


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else OUT_DIR
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    sites = make_sites(rng)
    suppliers = make_suppliers()
    flows = make_flows(rng, sites, suppliers)
    check(sites, suppliers, flows)

    write_csv(os.path.join(out_dir, "sites.csv"),
              ["id", "name", "campus", "lat", "lon", "window_start",
               "window_end", "service_minutes", "in_zone", "coordinate_source"],
              [[s["id"], s["name"], s["campus"], fmt(s["lat"], 4),
                fmt(s["lon"], 4), s["window"][0], s["window"][1],
                fixed_service(s["service"]), "true" if IN_ZONE[s["campus"]] else "false",
                s["source"]] for s in sites])
    write_csv(os.path.join(out_dir, "suppliers.csv"),
              ["id", "name", "product_group", "depot_area", "lat", "lon",
               "vehicle_type", "min_hub_trips_per_week"],
              [[s["id"], s["name"], s["group"], s["area"], fmt(s["lat"], 4),
                fmt(s["lon"], 4), s["vehicle"], s["trips"]] for s in suppliers])
    write_csv(os.path.join(out_dir, "flows.csv"),
              ["supplier", "site", "deliveries_per_week", "kg", "cages"],
              [[f["supplier"], f["site"], f["deliveries"], fmt(f["kg"], 1),
                fmt(f["cages"], 2)] for f in flows])

    total_kg = sum(f["kg"] for f in flows)
    total_del = sum(f["deliveries"] for f in flows)
    print("sites: %d, suppliers: %d, flows: %d" % (len(sites), len(suppliers), len(flows)))
    print("total kg/week: %.1f, deliveries/week: %d" % (total_kg, total_del))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
