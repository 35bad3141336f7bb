#!/usr/bin/env python3
"""Generate the Zuidas office network for bundel.

Writes four CSV files next to this script (or into the folder given as the
only argument):

  sites.csv                    40 office buildings in the Zuidas business
                               district (15 at public addresses, 25 generated)
  suppliers.csv                16 fictional suppliers with a depot in a real
                               regional business park
  flows.csv                    weekly (supplier, building) delivery flows

Method in short
---------------
* Well-known buildings are listed by hand (PUBLIC_SITES) with their public
  address and an approximate location rounded to 4 decimals, placed by hand
  and not geocoded (coordinate_source = public-address).
* The district is filled up to 40 buildings with synthetic office buildings
  (names ending "(synthetic)", coordinate_source = generated) at a random
  bearing and distance from the anchor of a sub-area (GENERATED_AREAS); a
  point in the A10/railway strip (a10_lat) or closer than MIN_SEPARATION_M
  to another building is drawn again.  in_zone marks the buildings north of
  the A10 (inside the ring).
* Suppliers (SUPPLIERS) are fictional; their depots are the approximate
  centre of a real regional business park (DEPOT_AREAS).
* Flows follow per-product-group rules (FLOW_RULES) by building size;
  quantities per delivery are drawn in a typical range per group, placed by
  the building's size.
* Calibration to the gate surveys ("about a quarter of the deliveries post
  and parcels"): after all other flows, parcel deliveries are added one at a
  time to (carrier, building) pairs drawn with weights (carrier share x
  building size) until post and parcels make up PARCEL_SHARE of the
  deliveries a week.

Everything random comes from ONE random.Random(SEED) consumed in a fixed
order, so running the script twice gives byte-identical files.  Python 3
standard library only.  Usage:

    python3 networks/zuidas/generate.py [OUTPUT_FOLDER]
"""

import csv
import math
import os
import random
import re
import sys

SEED = 2019
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

TARGET_SITES = 40
MIN_SEPARATION_M = 50
PARCEL_SHARE = 0.25         # post + parcels among all deliveries (gate surveys)

# The A10 motorway and the railway run through the Zuidas from west to east,
# falling slightly to the south: about 52.3392 at the Parnassusweg (lon
# 4.8620), 52.3386 at station Amsterdam Zuid and 52.3376 at station RAI (lon
# 4.8897), approximated by a straight line.  Buildings north of it lie inside
# the A10 ring, the area of the zero-emission zone extension planned for 2028
# (in_zone = true); buildings south of it lie outside.  Generated points
# within A10_HALF_WIDTH degrees of latitude of the line are drawn again.
A10_WEST = (52.3392, 4.8620)
A10_SLOPE = -0.0016 / 0.0277      # degrees of latitude per degree of longitude
A10_HALF_WIDTH = 0.0007           # about 80 m: motorway, railway and verges


def a10_lat(lon):
    return A10_WEST[0] + A10_SLOPE * (lon - A10_WEST[1])

# Building size -> (employees range, service minutes range, position in the
# typical per-delivery range of a product group, delivery window).  Large
# buildings have a loading dock staffed in the morning; smaller ones take
# goods at the reception.  Windows are assumptions that follow the gate
# surveys (most deliveries in the morning rush).
SIZE = {
    "L": ((1000, 3000), (10, 15), (0.5, 1.0), ("07:00", "11:00")),
    "M": ((250, 1000), (6, 10), (0.2, 0.8), ("07:30", "12:00")),
    "S": ((50, 250), (4, 7), (0.0, 0.5), ("08:30", "12:00")),
}

# ---------------------------------------------------------------------------
# 1. Buildings with a public address: (id, name with address, sub-area, lat,
#    lon, size).  Approximate locations placed by hand, 4 decimals.
# ---------------------------------------------------------------------------
PUBLIC_SITES = [
    ("zas-wtc", "WTC Amsterdam Zuidplein 36", "strawinsky", 52.3406, 4.8736, "L"),
    ("zas-abnamro", "ABN AMRO head office Gustav Mahlerlaan 10", "mahler", 52.3370, 4.8744, "L"),
    ("zas-vu-main", "Vrije Universiteit main building De Boelelaan 1105", "vu-campus", 52.3343, 4.8660, "L"),
    ("zas-acta-vu", "ACTA Gustav Mahlerlaan 3004", "vu-campus", 52.3342, 4.8640, "M"),
    ("zas-nauta", "NautaDutilh Beethovenstraat 400", "beethoven", 52.3400, 4.8703, "M"),
    ("zas-debrauw", "De Brauw Blackstone Westbroek Claude Debussylaan 80", "strawinsky", 52.3401, 4.8768, "M"),
    ("zas-google", "Google Netherlands Claude Debussylaan 34", "strawinsky", 52.3402, 4.8752, "M"),
    ("zas-loyens", "Loyens & Loeff Parnassusweg 300", "parnas", 52.3408, 4.8626, "M"),
    ("zas-stibbe", "Stibbe Beethovenplein 10", "beethoven", 52.3376, 4.8705, "M"),
    ("zas-houthoff", "Houthoff Gustav Mahlerplein 50", "mahler", 52.3367, 4.8726, "M"),
    ("zas-akzo", "AkzoNobel Center Christian Neefestraat 2", "parnas", 52.3412, 4.8645, "M"),
    ("zas-atrium", "Atrium Strawinskylaan 3105", "strawinsky", 52.3411, 4.8670, "L"),
    ("zas-edge", "The Edge Gustav Mahlerlaan 2970", "kop-zuidas", 52.3365, 4.8880, "L"),
    ("zas-rai", "RAI Amsterdam Europaplein 24", "kop-zuidas", 52.3415, 4.8893, "L"),
    ("zas-ey", "EY Antonio Vivaldistraat 150", "vivaldi", 52.3360, 4.8815, "L"),
]

# ---------------------------------------------------------------------------
# 2. Synthetic buildings: (id prefix, sub-area, name template, anchor lat,
#    lon, min radius m, max radius m, count, size weights L/M/S).
# ---------------------------------------------------------------------------
GENERATED_AREAS = [
    ("zas-mah", "mahler", "Mahler office {n} (synthetic)", 52.3368, 4.8735, 60, 250, 4, (1, 3, 2)),
    ("zas-str", "strawinsky", "Strawinsky office {n} (synthetic)", 52.3408, 4.8715, 60, 300, 5, (1, 3, 2)),
    ("zas-bee", "beethoven", "Beethoven office {n} (synthetic)", 52.3375, 4.8690, 60, 200, 3, (0, 2, 3)),
    ("zas-viv", "vivaldi", "Vivaldi office {n} (synthetic)", 52.3355, 4.8800, 60, 300, 4, (1, 3, 3)),
    ("zas-kop", "kop-zuidas", "Kop Zuidas office {n} (synthetic)", 52.3388, 4.8865, 60, 250, 3, (1, 2, 2)),
    ("zas-vu", "vu-campus", "VU campus building {n} (synthetic)", 52.3338, 4.8660, 60, 300, 3, (1, 2, 1)),
    ("zas-par", "parnas", "Parnas office {n} (synthetic)", 52.3425, 4.8630, 60, 250, 3, (0, 2, 3)),
]

# ---------------------------------------------------------------------------
# 3. Depot areas: approximate centre of real regional business parks (the
#    same table as networks/amsterdam-campuses).
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
    "utrecht-lage-weide": (52.1030, 5.0720),    # Utrecht Lage Weide
    "nieuwegein": (52.0430, 5.0860),            # Nieuwegein Plettenburg
    "amersfoort": (52.1690, 5.3860),            # Amersfoort De Hoek
}

# ---------------------------------------------------------------------------
# 4. Suppliers (fictional): (id, name, product group, depot area, vehicle
#    type, minimum trunk trips a week to a hub once bundled).
# ---------------------------------------------------------------------------
SUPPLIERS = [
    ("off-a", "Office supplies wholesaler A (fictional)", "office", "nieuwegein", "diesel-van", 1),
    ("off-b", "Office supplies supplier B (fictional)", "office", "amersfoort", "diesel-van", 1),
    ("off-c", "Stationery and print shop C (fictional)", "office", "westpoort", "diesel-van", 1),
    ("cof-a", "Coffee and vending supplier A (fictional)", "coffee", "utrecht-lage-weide", "diesel-van", 1),
    ("cof-b", "Coffee and tea supplier B (fictional)", "coffee", "diemen", "diesel-van", 1),
    ("ctr-a", "Catering wholesaler for company restaurants (fictional)", "catering", "westpoort", "rigid-truck", 5),
    ("bak-a", "Bakery and lunch supplier (fictional)", "bakery", "zaandam", "diesel-van", 5),
    ("fru-a", "Fruit and snacks supplier (fictional)", "fruit", "amstel-iii", "diesel-van", 1),
    ("wat-a", "Water cooler and bottled water supplier (fictional)", "water", "hoofddorp", "rigid-truck", 1),
    ("cln-a", "Cleaning supplies wholesaler (fictional)", "cleaning", "almere", "diesel-van", 1),
    ("hyg-a", "Hygiene paper and washroom supplier (fictional)", "hygiene", "amstel-business-park", "diesel-van", 1),
    ("post", "Postal service business mail (fictional)", "post", "westpoort", "diesel-van", 5),
    ("par-a", "Parcel carrier A (fictional)", "parcels", "schiphol-oude-meer", "diesel-van", 5),
    ("par-d", "Parcel carrier D (fictional)", "parcels", "amstel-iii", "diesel-van", 5),
    ("par-b", "Parcel carrier B (fictional)", "parcels", "westpoort", "diesel-van", 2),
    ("par-x", "Express courier (fictional)", "parcels", "schiphol-oude-meer", "diesel-van", 2),
]

# ---------------------------------------------------------------------------
# 5. Flow rules per supplier: size -> (probability that a building is
#    supplied, deliveries a week (low, high)).  Parcels come from the
#    calibration step (PARCEL_CARRIER_WEIGHTS), not from these rules.
# ---------------------------------------------------------------------------
FLOW_RULES = {
    "off-a": {"L": (0.7, (1, 2)), "M": (0.5, (1, 1)), "S": (0.5, (1, 1))},
    "off-b": {"L": (0.5, (1, 1)), "M": (0.4, (1, 1)), "S": (0.3, (1, 1))},
    "off-c": {"L": (0.4, (1, 1)), "M": (0.2, (1, 1)), "S": (0.3, (1, 1))},
    "cof-a": {"L": (0.7, (2, 3)), "M": (0.6, (1, 2)), "S": (0.5, (1, 1))},
    "cof-b": {"L": (0.4, (1, 2)), "M": (0.3, (1, 1)), "S": (0.3, (1, 1))},
    "ctr-a": {"L": (0.9, (5, 5)), "M": (0.5, (3, 3))},
    "bak-a": {"L": (0.7, (5, 5)), "M": (0.4, (2, 3)), "S": (0.2, (1, 2))},
    "fru-a": {"L": (0.5, (1, 2)), "M": (0.4, (1, 1)), "S": (0.3, (1, 1))},
    "wat-a": {"L": (0.8, (2, 2)), "M": (0.7, (1, 1)), "S": (0.5, (1, 1))},
    "cln-a": {"L": (1.0, (1, 2)), "M": (0.9, (1, 1)), "S": (0.8, (1, 1))},
    "hyg-a": {"L": (0.7, (1, 1)), "M": (0.5, (1, 1)), "S": (0.3, (1, 1))},
    "post":  {"L": (1.0, (3, 3)), "M": (0.9, (1, 2)), "S": (0.5, (1, 1))},
}
PARCEL_CARRIER_WEIGHTS = {"par-a": 0.4, "par-d": 0.3, "par-b": 0.2, "par-x": 0.1}
PARCEL_SIZE_WEIGHTS = {"L": 6, "M": 2, "S": 1}
MAX_PER_WEEK = 5

# Per product group: typical kg per delivery and kg per roll cage.
GROUP_KG_PER_DELIVERY = {
    "office": (15, 150), "coffee": (15, 80), "catering": (60, 300), "bakery": (8, 40),
    "fruit": (8, 30), "water": (60, 300), "cleaning": (15, 80), "hygiene": (15, 60),
    "post": (2, 12), "parcels": (4, 30),
}
GROUP_KG_PER_CAGE = {
    "office": 250, "coffee": 200, "catering": 200, "bakery": 80, "fruit": 120,
    "water": 300, "cleaning": 200, "hygiene": 60, "post": 100, "parcels": 75,
}
MIN_CAGES_PER_DELIVERY = 0.05
# Per-delivery limits: half a vehicle (van 1000 kg / 6 cages, rigid truck 6000 kg / 18
# cages), so that the variant with fewer deliveries still fits one vehicle per delivery.
LIMITS = {"diesel-van": (500.0, 3.0), "rigid-truck": (2000.0, 9.0)}


def fewer(n):
    """Deliveries a week in the fewer-deliveries scenario (delivery_frequency.scale: 0.5)."""
    return (n + 1) // 2


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def distance_m(lat1, lon1, lat2, lon2):
    """Equirectangular distance in metres (fine at district scale)."""
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


def site(sid, name, area, lat, lon, size, employees, service, source):
    return dict(id=sid, name=name, area=area, lat=lat, lon=lon, size=size,
                employees=employees, service=service, window=SIZE[size][3],
                zone=lat > a10_lat(lon), source=source)


def make_sites(rng):
    sites = []
    for sid, name, area, lat, lon, size in PUBLIC_SITES:
        (elo, ehi), (slo, shi), _pos, _window = SIZE[size]
        sites.append(site(sid, name, area, lat, lon, size, rng.randint(elo, ehi),
                          rng.randint(slo, shi), "public-address"))
    for prefix, area, template, alat, alon, rmin, rmax, count, weights in GENERATED_AREAS:
        for n in range(1, count + 1):
            while True:
                d = rng.uniform(rmin, rmax)
                b = rng.uniform(0, 2 * math.pi)
                lat, lon = offset(alat, alon, d, b)
                lat, lon = round(lat, 4), round(lon, 4)
                if abs(lat - a10_lat(lon)) < A10_HALF_WIDTH:
                    continue
                if all(distance_m(lat, lon, s["lat"], s["lon"]) >= MIN_SEPARATION_M for s in sites):
                    break
            size = rng.choices(["L", "M", "S"], weights=weights)[0]
            (elo, ehi), (slo, shi), _pos, _window = SIZE[size]
            sites.append(site("%s-g%d" % (prefix, n), template.format(n=n), area, lat, lon,
                              size, rng.randint(elo, ehi), rng.randint(slo, shi), "generated"))
    assert len(sites) == TARGET_SITES, len(sites)
    return sites


def make_suppliers():
    out = []
    for sid, name, group, area, vehicle, trips in SUPPLIERS:
        lat, lon = DEPOT_AREAS[area]
        out.append(dict(id=sid, name=name, group=group, area=area, lat=lat,
                        lon=lon, vehicle=vehicle, trips=trips))
    return out


def make_flows(rng, sites, suppliers):
    """FLOW_RULES per building, then parcels up to PARCEL_SHARE."""
    pairs = {}
    for s in sites:
        for sup in suppliers:
            rule = FLOW_RULES.get(sup["id"], {}).get(s["size"])
            if rule is None:
                continue
            p, (lo, hi) = rule
            if rng.random() < p:
                pairs[(sup["id"], s["id"])] = rng.randint(lo, hi)

    # Calibration: parcels.  With A the other deliveries and B the post,
    # (B + C) / (A + B + C) = PARCEL_SHARE gives the parcel deliveries C.
    post = sum(n for (sid, _), n in pairs.items() if sid == "post")
    other = sum(pairs.values()) - post
    parcels = int(round((PARCEL_SHARE * other - (1 - PARCEL_SHARE) * post) / (1 - PARCEL_SHARE)))
    assert parcels > 0, (other, post)
    candidates = [(c, s["id"]) for c in PARCEL_CARRIER_WEIGHTS for s in sites]
    weights = [PARCEL_CARRIER_WEIGHTS[c] * PARCEL_SIZE_WEIGHTS[s["size"]]
               for c in PARCEL_CARRIER_WEIGHTS for s in sites]
    added = 0
    while added < parcels:
        key = rng.choices(candidates, weights=weights)[0]
        if pairs.get(key, 0) >= MAX_PER_WEEK:
            continue
        pairs[key] = pairs.get(key, 0) + 1
        added += 1

    site_index = {s["id"]: i for i, s in enumerate(sites)}
    sup_index = {s["id"]: i for i, s in enumerate(suppliers)}
    sup_by_id = {s["id"]: s for s in suppliers}
    site_by_id = {s["id"]: s for s in sites}
    flows = []
    for key in sorted(pairs, key=lambda k: (sup_index[k[0]], site_index[k[1]])):
        sup, s = sup_by_id[key[0]], site_by_id[key[1]]
        deliveries = pairs[key]
        lo, hi = GROUP_KG_PER_DELIVERY[sup["group"]]
        f_lo, f_hi = SIZE[s["size"]][2]
        kg = lo + rng.uniform(f_lo, f_hi) * (hi - lo)
        max_kg, max_cages = LIMITS[sup["vehicle"]]
        kg = round(min(kg, max_kg), 1)
        cages = kg / GROUP_KG_PER_CAGE[sup["group"]] * rng.uniform(0.85, 1.15)
        cages = round(min(max(cages, MIN_CAGES_PER_DELIVERY), max_cages), 2)
        flows.append(dict(supplier=sup["id"], site=s["id"], deliveries=deliveries,
                          kg=round(kg * deliveries, 1), cages=round(cages * deliveries, 2)))
    return flows


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
    slug = re.compile(r"^[a-z0-9-]+$")
    site_ids = [s["id"] for s in sites]
    sup_ids = [s["id"] for s in suppliers]
    assert len(set(site_ids)) == len(site_ids), "duplicate site id"
    assert len(set(sup_ids)) == len(sup_ids), "duplicate supplier id"
    assert not set(site_ids) & set(sup_ids)
    for s in sites + suppliers:
        assert slug.match(s["id"]), s["id"]
        assert 52.0 <= s["lat"] <= 52.6 and 4.5 <= s["lon"] <= 5.5, s
    for s in sites:
        assert 52.330 <= s["lat"] <= 52.345 and 4.858 <= s["lon"] <= 4.892, s
        assert (s["source"] == "generated") == s["name"].endswith("(synthetic)"), s
    sup_by_id = {s["id"]: s for s in suppliers}
    seen = set()
    for f in flows:
        assert f["supplier"] in sup_by_id and f["site"] in set(site_ids), f
        key = (f["supplier"], f["site"])
        assert key not in seen, key
        seen.add(key)
        assert 1 <= f["deliveries"] <= MAX_PER_WEEK
        max_kg, max_cages = LIMITS[sup_by_id[f["supplier"]]["vehicle"]]
        assert f["kg"] / fewer(f["deliveries"]) <= 2 * max_kg + 1e-9, f
        assert f["cages"] / fewer(f["deliveries"]) <= 2 * max_cages + 1e-9, f


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else OUT_DIR
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    sites = make_sites(rng)
    suppliers = make_suppliers()
    flows = make_flows(rng, sites, suppliers)
    check(sites, suppliers, flows)

    write_csv(os.path.join(out_dir, "sites.csv"),
              ["id", "name", "group", "lat", "lon", "window_start", "window_end",
               "service_minutes", "in_zone", "coordinate_source"],
              [[s["id"], s["name"], s["area"], fmt(s["lat"], 4), fmt(s["lon"], 4),
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

    group = {s["id"]: s["group"] for s in suppliers}
    total = sum(f["deliveries"] for f in flows)
    pp = sum(f["deliveries"] for f in flows if group[f["supplier"]] in ("post", "parcels"))
    sizes = {}
    for s in sites:
        sizes[s["size"]] = sizes.get(s["size"], 0) + 1
    print("sites: %d (L %d, M %d, S %d; %d public-address, %d inside the A10), suppliers: %d, flows: %d" % (
        len(sites), sizes.get("L", 0), sizes.get("M", 0), sizes.get("S", 0),
        sum(s["source"] == "public-address" for s in sites), sum(s["zone"] for s in sites),
        len(suppliers), len(flows)))
    print("deliveries/week: %d (%.1f per building), post and parcels %d (%.1f %%); fewer-deliveries variant: %d" % (
        total, total / len(sites), pp, 100.0 * pp / total, sum(fewer(f["deliveries"]) for f in flows)))
    print("total kg/week: %.1f, roll cages/week: %.2f" % (
        sum(f["kg"] for f in flows), sum(f["cages"] for f in flows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
