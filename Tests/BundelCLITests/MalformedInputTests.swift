import BundelTestSupport
import Foundation
import Testing

/// One malformed input: edits of the small fixture, the command that meets them, the exit code
/// it must end with and the exact problem texts it must report (the scratch folder's path cut off).
struct Fault: Sendable, CustomTestStringConvertible {
    /// A change to one file of the fixture: `old` replaced by `new`, or the whole file when `old` is nil.
    struct Edit: Sendable {
        let file: String
        let old: String?
        let new: String
    }

    let name: String
    let edits: [Edit]
    /// `validate` for input errors; `plan` for faults found only when planning.
    let command: String
    let exitCode: Int32
    let messages: [String]

    var testDescription: String { name }

    init(_ name: String, _ edits: [Edit], command: String = "validate", exit: Int32 = 65, _ messages: [String]) {
        self.name = name
        self.edits = edits
        self.command = command
        self.exitCode = exit
        self.messages = messages
    }
}

/// Shorthands for the table below.
private func edit(_ file: String, _ old: String, _ new: String) -> Fault.Edit {
    Fault.Edit(file: file, old: old, new: new)
}
private func write(_ file: String, _ text: String) -> Fault.Edit { Fault.Edit(file: file, old: nil, new: text) }

/// Every kind of bad input the loader must explain. Each case is one distinct fault; the
/// expected texts are exact so that a vaguer message, a lost line number or a missing hint fails.
let malformedInputs: [Fault] = [
    // YAML syntax.
    Fault(
        "YAML: bad indentation", [edit("network.yaml", "    lon: 4.9380", "   lon: 4.9380")],
        [
            "network.yaml:15: not valid YAML: did not find expected '-' indicator; check the indentation of line 15 and the line above: keys of one mapping start in the same column"
        ]),
    Fault(
        "YAML: tab for indentation", [edit("scenario.yaml", "  default: free", "\tdefault: free")],
        [
            "scenario.yaml:6: not valid YAML: found character that cannot start any token; indent with spaces, not tabs (line 6 starts with a tab)"
        ]),
    // CSV structure.
    Fault(
        "CSV: unbalanced quote", [edit("sites.csv", "s6,Site six,", "s6,\"Site six,")],
        [
            "sites.csv:7: a quoted field opened on this line is never closed; add the closing \" or remove the stray one"
        ]),
    Fault(
        "CSV: too many fields in a row", [edit("flows.csv", "near,s4,2,240,1", "near,s4,2,240,1,9,9")],
        [
            "flows.csv:6: 7 fields but the header has 5 (a decimal comma? write 12.5, not 12,5; or quote a text that contains a comma)"
        ]),
    Fault(
        "CSV: missing required column", [edit("suppliers.csv", "lon,vehicle_type,", "lon,vehicle,")],
        [
            "suppliers.csv:1: field 'vehicle': unknown column; expected: id, name, lat, lon, vehicle_type, product_group, depot_area, min_hub_trips_per_week, days",
            "suppliers.csv:1: missing column(s) vehicle_type; the header must name: id,name,lat,lon,vehicle_type",
        ]),
    Fault(
        "CSV: empty file", [write("flows.csv", "")],
        [
            "flows.csv: the file is empty; it needs a header line naming the columns supplier,site,deliveries_per_week,kg,cages and a row per entry"
        ]),
    Fault(
        "CSV: too few fields in a row", [edit("flows.csv", "near,s4,2,240,1", "near,s4,2,240")],
        [
            "flows.csv:6: field 'cages': missing value; every row needs one in this column"
        ]),
    Fault(
        "CSV: misspelt column", [edit("sites.csv", "in_zone,coordinate_source", "in_zone,coord_source")],
        [
            "sites.csv:1: field 'coord_source': unknown column; expected: id, name, lat, lon, window_start, window_end, service_minutes, campus, group, in_zone, coordinate_source, address"
        ]),
    Fault(
        "YAML: a key given twice", [edit("scenario.yaml", "seed: 7", "seed: 7\nseed: 8")],
        [
            "scenario.yaml:13: not valid YAML: duplicated key(s) seed; give each key once: remove or rename the repeated one"
        ]),
    Fault(
        "CSV: header without rows", [write("flows.csv", "supplier,site,deliveries_per_week,kg,cages\n")],
        [
            "flows.csv:2: the table has a header but no rows; add a row per entry below the header"
        ]),
    // Unknown ids.
    Fault(
        "flows: unknown supplier", [edit("flows.csv", "near,s6,1,80,0.4", "nearby,s6,1,80,0.4")],
        [
            "flows.csv:7: field 'supplier': unknown supplier 'nearby' (not in the suppliers file; did you mean 'near'?)"
        ]),
    Fault(
        "flows: unknown site", [edit("flows.csv", "near,s6,1,80,0.4", "near,s66,1,80,0.4")],
        [
            "flows.csv:7: field 'site': unknown site 's66' (not in the sites file; did you mean 's6'?)"
        ]),
    Fault(
        "scenario: unknown hub", [edit("scenario.yaml", "hubs: [hub]", "hubs: [hbu]")],
        [
            "scenario.yaml:4: field 'hubs': unknown hub 'hbu'; the network has: hub"
        ]),
    Fault(
        "scenario: unknown vehicle type in the hub fleet", [edit("scenario.yaml", "hub: [e-van]", "hub: [evan]")],
        [
            "scenario.yaml:8: field 'fleets.hub': unknown vehicle type 'evan'; the network and the scenario define e-van, van"
        ]),
    Fault(
        "scenario: unknown built-in vehicle type",
        [
            edit(
                "scenario.yaml", "routing_iterations: 30",
                "routing_iterations: 30\nvehicle_types:\n  - {id: x, base: hovercraft}")
        ],
        [
            "scenario.yaml:17: field 'vehicle_types[0].base': no built-in vehicle type 'hovercraft'; available: articulated-truck, diesel-van, e-cargo-bike, e-truck, e-van, rigid-truck"
        ]),
    Fault(
        "suppliers: unknown vehicle type", [edit("suppliers.csv", "52.3410,4.9630,van", "52.3410,4.9630,lorry")],
        [
            "suppliers.csv:3: field 'vehicle_type': unknown vehicle type 'lorry'; network.yaml defines e-van, van"
        ]),
    Fault(
        "scenario: unknown supplier in participation",
        [edit("scenario.yaml", "  default: free", "  default: free\n  suppliers: {farr: in}")],
        [
            "scenario.yaml:7: field 'participation.suppliers.farr': unknown supplier 'farr'; the suppliers are far, near, parcels"
        ]),
    // Duplicate ids.
    Fault(
        "scenario: a hub listed twice", [edit("scenario.yaml", "hubs: [hub]", "hubs: [hub, hub]")],
        [
            "scenario.yaml:4: field 'hubs': hub 'hub' is listed twice; list each hub once"
        ]),
    Fault(
        "sites: duplicate id",
        [
            edit(
                "sites.csv", "16:00,5,false,generated",
                "16:00,5,false,generated\ns5,Site five again,southeast,52.2942,4.9580,07:00,16:00,15")
        ],
        [
            "sites.csv:8: field 'id': duplicate site id 's5' (first on line 6)"
        ]),
    Fault(
        "suppliers: duplicate id",
        [edit("suppliers.csv", "4.8180,van,2", "4.8180,van,2\nnear,Near again,cleaning,diemen,52.3410,4.9630,van,1")],
        [
            "suppliers.csv:5: field 'id': duplicate supplier id 'near' (first on line 3)"
        ]),
    Fault(
        "network: duplicate hub id",
        [
            edit(
                "network.yaml", "vehicle_types:\n",
                "  - {id: hub, lat: 52.30, lon: 4.90, fixed_cost_per_week: 50}\nvehicle_types:\n")
        ],
        [
            "network.yaml:21: field 'hubs[1].id': hub id 'hub' is defined twice (first on line 12); give each hub its own id"
        ]),
    Fault(
        "network: duplicate vehicle type id", [edit("network.yaml", "  - id: e-van", "  - id: van")],
        [
            "network.yaml:33: field 'vehicle_types[1].id': vehicle type id 'van' is defined twice (first on line 22); give each vehicle type its own id",
            // The renamed e-van is gone, so the hub fleet's reference to it is a real second problem.
            "scenario.yaml:8: field 'fleets.hub': unknown vehicle type 'e-van'; the network and the scenario define van",
        ]),
    Fault(
        "flows: a flow listed twice", [edit("flows.csv", "near,s6,1,80,0.4", "near,s6,1,80,0.4\nnear,s6,2,20,0.1")],
        [
            "flows.csv:8: flow near -> s6 is listed twice (first on line 7); merge the rows"
        ]),
    Fault(
        "ids: a site named like the hub",
        [
            edit(
                "sites.csv", "16:00,5,false,generated",
                "16:00,5,false,generated\nhub,Site at the hub,west,52.3648,4.8034,07:00,16:00,5")
        ],
        [
            "sites.csv:8: field 'id': the id 'hub' already names a hub; ids must be unique across hubs, sites and suppliers (they name the travel matrix's rows): rename one"
        ]),
    // Missing files.
    Fault(
        "scenario: missing network file", [edit("scenario.yaml", "network: network.yaml", "network: netwerk.yaml")],
        [
            "scenario.yaml:2: field 'network': no such file: netwerk.yaml (paths are relative to the scenario file)"
        ]),
    Fault(
        "network: missing sites file", [edit("network.yaml", "sites: sites.csv", "sites: site.csv")],
        [
            "network.yaml:8: field 'sites': no such file: site.csv (paths are relative to the network file)"
        ]),
    Fault(
        "scenario: missing matrix file", [edit("scenario.yaml", "  detour_factor: 1.3", "  matrix: distances.csv")],
        [
            "scenario.yaml:10: field 'distances.matrix': no such file: distances.csv (paths are relative to the scenario file)"
        ]),
    Fault(
        "matrix: top-left cell not naming the unit",
        [edit("scenario.yaml", "  detour_factor: 1.3", "  matrix: m.csv"), write("m.csv", "id,hub,s1\nhub,0,1\n")],
        [
            "m.csv:1: field 'id': a square matrix's top-left cell must say what the numbers are: distance_km or distance_m; got 'id' (or write the long form with columns from,to,distance_km)"
        ]),
    Fault(
        "matrix: locations missing",
        [
            edit("scenario.yaml", "  detour_factor: 1.3", "  matrix: m.csv"),
            write("m.csv", "distance_km,hub,s1\nhub,0,1\ns1,1,0\n"),
        ],
        [
            "m.csv:1: the header lacks 8 location(s): s2, s3, s4, s5, s6, ...; it must name every hub, site and supplier",
            "m.csv: 8 location(s) have no row: s2, s3, s4, s5, s6, ...; add a row for each, its first cell the location's id",
            "m.csv: 88 of 90 location pairs are missing (for example hub -> s2, hub -> s3, hub -> s4); the matrix must cover every pair of hubs, sites and supplier depots",
        ]),
    // Coordinates.
    Fault(
        "sites: missing coordinate", [edit("sites.csv", "s3,Site three,east,52.3546,", "s3,Site three,east,,")],
        [
            "sites.csv:4: field 'lat': missing value; every row needs one in this column"
        ]),
    Fault(
        "sites: coordinates outside the area", [edit("sites.csv", "52.3342,4.8640", "53.3342,4.8640")],
        [
            "sites.csv:5: field 'lat': (53.3342, 4.864) lies outside the network's area"
        ]),
    Fault(
        "suppliers: lat and lon swapped", [edit("suppliers.csv", "52.3410,4.9630", "4.9630,52.3410")],
        [
            "suppliers.csv:3: field 'lat': (4.963, 52.341) lies outside the network's area; are lat and lon swapped?"
        ]),
    // Quantities and capacities.
    Fault(
        "flows: negative quantity", [edit("flows.csv", "near,s4,2,240,1", "near,s4,2,-240,1")],
        [
            "flows.csv:6: field 'kg': must be at least 0, got -240"
        ]),
    // Absurd sizes once trapped (Double to Int conversion, arithmetic overflow) while planning.
    Fault(
        "flows: absurdly large quantity", [edit("flows.csv", "far,s1,2,400,2", "far,s1,2,1e300,2")],
        [
            "flows.csv:2: field 'kg': '1e300' is too large; numbers up to 1000000000000 are accepted"
        ]),
    Fault(
        "network: absurdly large hub cost",
        [edit("network.yaml", "fixed_cost_per_week: 100", "fixed_cost_per_week: 1e308")],
        [
            "network.yaml:16: field 'hubs[0].fixed_cost_per_week': '1e308' is too large; numbers up to 1000000000000 are accepted"
        ]),
    Fault(
        "network: absurdly long unloading",
        [edit("network.yaml", "unload_minutes: 20", "unload_minutes: 9000000000000000000")],
        [
            "network.yaml:19: field 'hubs[0].unload_minutes': '9000000000000000000' is too large; whole numbers up to 1000000000 are accepted"
        ]),
    Fault(
        "sites: absurdly long service time", [edit("sites.csv", "07:00,16:00,15,", "07:00,16:00,9000000000000000000,")],
        [
            "sites.csv:6: field 'service_minutes': '9000000000000000000' is too large; whole numbers up to 1000000000 are accepted"
        ]),
    Fault(
        "flows: NaN quantity", [edit("flows.csv", "near,s4,2,240,1", "near,s4,2,NaN,1")],
        [
            "flows.csv:6: field 'kg': 'NaN' is not a finite number; write a number such as 12.5"
        ]),
    Fault(
        "network: infinite vehicle capacity",
        [edit("network.yaml", "capacity: {kg: 1000, cages: 6}", "capacity: {kg: inf, cages: 6}")],
        [
            "network.yaml:24: field 'vehicle_types[0].capacity.kg': 'inf' is not a finite number; write a number such as 12.5"
        ]),
    Fault(
        "network: negative hub capacity", [edit("network.yaml", "cages: 500}", "cages: -500}")],
        [
            "network.yaml:18: field 'hubs[0].capacity_per_week.cages': must be at least 0, got -500"
        ]),
    Fault(
        "flows: decimal comma in a comma-separated file", [edit("flows.csv", "near,s2,1,100,0.5", "near,s2,1,100,0,5")],
        [
            "flows.csv:5: 6 fields but the header has 5 (a decimal comma? write 12.5, not 12,5; or quote a text that contains a comma)"
        ]),
    Fault(
        "flows: decimal comma in a semicolon-separated file",
        [write("flows.csv", "supplier;site;deliveries_per_week;kg;cages\nfar;s1;2;400;2,5\n")],
        [
            "flows.csv:2: field 'cages': '2,5' uses a decimal comma; write 2.5 (decimal point)"
        ]),
    // Delivery windows.
    Fault(
        "sites: window ends before it starts",
        [
            edit(
                "sites.csv", "s6,Site six,west,52.3648,4.8034,07:00,16:00",
                "s6,Site six,west,52.3648,4.8034,16:00,07:00")
        ],
        [
            "sites.csv:7: field 'window_end': the delivery window ends (07:00) before it starts (16:00)"
        ]),
    Fault(
        "sites: window not HH:MM",
        [edit("sites.csv", "s6,Site six,west,52.3648,4.8034,07:00", "s6,Site six,west,52.3648,4.8034,7am")],
        [
            "sites.csv:7: field 'window_start': expected a time of day as HH:MM, got '7am'"
        ]),
    Fault(
        "sites: in_zone not a boolean", [edit("sites.csv", "10,true,generated\ns2", "10,ja,generated\ns2")],
        [
            "sites.csv:2: field 'in_zone': expected true or false, got 'ja'"
        ]),
    Fault(
        "flows: zero deliveries a week", [edit("flows.csv", "near,s4,2,240,1", "near,s4,0,240,1")],
        [
            "flows.csv:6: field 'deliveries_per_week': must be at least 1, got 0"
        ]),
    Fault(
        "network: a vehicle that carries nothing",
        [edit("network.yaml", "capacity: {kg: 1000, cages: 6}", "capacity: {kg: 0, cages: 0}")],
        [
            "network.yaml:24: field 'vehicle_types[0].capacity': a vehicle must carry something"
        ]),
    Fault(
        "network: a shift that ends before it starts",
        [
            edit(
                "network.yaml", "    may_enter_zone: false\n    shift: {start: \"06:00\", end: \"18:00\"}",
                "    may_enter_zone: false\n    shift: {start: \"18:00\", end: \"06:00\"}")
        ],
        [
            "network.yaml:32: field 'vehicle_types[0].shift.end': the shift ends (06:00) before it starts (18:00)"
        ]),
    Fault(
        "scenario: detour factor out of range", [edit("scenario.yaml", "detour_factor: 1.3", "detour_factor: 0.8")],
        [
            "scenario.yaml:10: field 'distances.detour_factor': must lie between 1 and 5 (road distance over straight line), got 0.8"
        ]),
    Fault(
        "scenario: missing network field", [edit("scenario.yaml", "network: network.yaml\n", "")],
        [
            "scenario.yaml:1: missing required field 'network'"
        ]),
    Fault(
        "scenario: hubs without a hub fleet", [edit("scenario.yaml", "fleets:\n  hub: [e-van]\n", "")],
        [
            "scenario.yaml:1: field 'fleets': give the hub fleet as fleets.hub: [vehicle type ids]"
        ]),
    Fault(
        "sites: NaN coordinate", [edit("sites.csv", "52.3700,4.8930", "nan,4.8930")],
        [
            "sites.csv:2: field 'lat': 'nan' is not a finite number; write a number such as 12.5"
        ]),
    // Every problem of every file in one run.
    Fault(
        "several files at once",
        [
            edit("flows.csv", "far,s3,1,150,1", "far,s3,-1,150,abc"),
            edit("sites.csv", "s6,Site six,west,52.3648,4.8034,07:00", "s6,Site six,west,52.3648,4.8034,7h"),
            edit("scenario.yaml", "objective: cost", "objective: money"),
        ],
        [
            "sites.csv:7: field 'window_start': expected a time of day as HH:MM, got '7h'",
            "flows.csv:3: field 'deliveries_per_week': must be at least 1, got -1",
            "flows.csv:3: field 'cages': expected a number, got 'abc'",
            "scenario.yaml:12: field 'objective': expected one of cost, km, co2e or weights such as {cost: 1, co2e: 0.1}, got 'money'",
        ]),
    // Frequencies and enums.
    Fault(
        "scenario: unknown planning day",
        [edit("scenario.yaml", "days: [mon, tue, wed, thu, fri]", "days: [mo, tue, wed, thu, fri]")],
        [
            "scenario.yaml:3: field 'days': unknown day 'mo'; use mon, tue, wed, thu, fri, sat, sun"
        ]),
    Fault(
        "scenario: day pattern frequency above the planning days",
        [
            edit(
                "scenario.yaml", "objective: cost",
                "objective: cost\nday_patterns:\n  6: [[mon, tue, wed, thu, fri, sat]]")
        ],
        [
            "scenario.yaml:14: field 'day_patterns.6': expected a delivery frequency (deliveries a week) from 1 to 5, the number of planning days"
        ]),
    Fault(
        "flows: more deliveries than planning days", [edit("flows.csv", "near,s4,2,240,1", "near,s4,6,240,1")],
        [
            "scenario.yaml:3: field 'days': 1 flow(s) need more deliveries per week than the 5 planning days allow (first: near -> s4, 6 a week)"
        ]),
    // Given delivery days (flows.csv and suppliers.csv `days`) and the baseline's policy.
    Fault(
        "flows: unknown delivery day",
        [edit("flows.csv", "cages\nfar,s1,2,400,2", "cages,days\nfar,s1,2,400,2,mo|thu")],
        [
            "flows.csv:2: field 'days': unknown day 'mo' in 'mo|thu'; write the days as mon|thu (mon, tue, wed, thu, fri, sat, sun)"
        ]),
    Fault(
        "flows: a delivery day given twice",
        [edit("flows.csv", "cages\nfar,s1,2,400,2", "cages,days\nfar,s1,2,400,2,mon|Monday")],
        [
            "flows.csv:2: field 'days': 'Monday' is listed twice in 'mon|Monday'"
        ]),
    Fault(
        "flows: fewer days than deliveries",
        [edit("flows.csv", "cages\nfar,s1,2,400,2", "cages,days\nfar,s1,2,400,2,tue")],
        [
            "flows.csv:2: field 'days': 1 day(s) (tue) for 2 deliveries a week; give one day per delivery, or leave the cell empty"
        ]),
    Fault(
        "flows: a delivery day outside the planning days",
        [edit("flows.csv", "cages\nfar,s1,2,400,2", "cages,days\nfar,s1,2,400,2,mon|sat")],
        [
            "flows.csv:2: field 'days': sat is not a planning day of scenario scenario.yaml (days: mon, tue, wed, thu, fri); plan those days too, or give the flow planning days"
        ]),
    Fault(
        "flows: a delivery day outside the supplier's days",
        [
            edit("flows.csv", "cages\nfar,s1,2,400,2", "cages,days\nfar,s1,2,400,2,mon|wed"),
            edit(
                "suppliers.csv", "min_hub_trips_per_week\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1",
                "min_hub_trips_per_week,days\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1,mon|thu"),
        ],
        [
            "flows.csv:2: field 'days': wed is not among the delivery days of supplier far, mon|thu (suppliers.csv:2, field 'days'); give days of the supplier, or add them to its days"
        ]),
    Fault(
        "flows: more deliveries than the supplier's days",
        [
            edit(
                "suppliers.csv", "min_hub_trips_per_week\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1",
                "min_hub_trips_per_week,days\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1,thu")
        ],
        [
            "flows.csv:2: field 'deliveries_per_week': 2 deliveries a week, but supplier far delivers only on thu (suppliers.csv:2, field 'days'); lower the deliveries or give the supplier more days"
        ]),
    Fault(
        "suppliers: unknown delivery day",
        [
            edit(
                "suppliers.csv", "min_hub_trips_per_week\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1",
                "min_hub_trips_per_week,days\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1,mon|thursday|fr")
        ],
        [
            "suppliers.csv:2: field 'days': unknown day 'fr' in 'mon|thursday|fr'; write the days as mon|thu (mon, tue, wed, thu, fri, sat, sun)"
        ]),
    Fault(
        "suppliers: a delivery day outside the planning days",
        [
            edit(
                "suppliers.csv", "min_hub_trips_per_week\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1",
                "min_hub_trips_per_week,days\nfar,Far supplier,paper,utrecht,52.1000,5.0700,van,1,mon|thu|sun")
        ],
        [
            "suppliers.csv:2: field 'days': sun is not a planning day of scenario scenario.yaml (days: mon, tue, wed, thu, fri); plan those days too, or give the supplier planning days"
        ]),
    Fault(
        "scenario: unknown baseline days policy",
        [edit("scenario.yaml", "baseline_days: balanced", "baseline_days: fastest")],
        [
            "scenario.yaml:16: field 'baseline_days': expected given, cheapest or balanced, got 'fastest'"
        ]),
    Fault(
        "scenario: given baseline days without days",
        [edit("scenario.yaml", "baseline_days: balanced", "baseline_days: given")],
        [
            "scenario.yaml:16: field 'baseline_days': given needs the delivery days of every flow, but 6 flow(s) have none that fix them (first: far -> s1, flows.csv:2: no days given); give a days column in flows.csv or the supplier's days in suppliers.csv, or use cheapest or balanced"
        ]),
    Fault(
        "scenario: bad objective", [edit("scenario.yaml", "objective: cost", "objective: fastest")],
        [
            "scenario.yaml:12: field 'objective': expected one of cost, km, co2e or weights such as {cost: 1, co2e: 0.1}, got 'fastest'"
        ]),
    Fault(
        "scenario: bad participation", [edit("scenario.yaml", "default: free", "default: maybe")],
        [
            "scenario.yaml:6: field 'participation.default': expected free, in or out, got 'maybe'"
        ]),
    Fault(
        "network: negative cost", [edit("network.yaml", "cost_per_km: 0.2", "cost_per_km: -0.2")],
        [
            "network.yaml:26: field 'vehicle_types[0].cost_per_km': must be at least 0, got -0.2"
        ]),
    Fault(
        "network: unknown dimension in a capacity",
        [edit("network.yaml", "capacity: {kg: 1000, cages: 6}", "capacity: {kg: 1000, cages: 6, pallets: 2}")],
        [
            "network.yaml:24: field 'vehicle_types[0].capacity.pallets': unknown dimension; the network's dimensions are kg, cages"
        ]),
    Fault(
        "scenario: more weeks than a year has", [edit("scenario.yaml", "seed: 7", "seed: 7\nweeks_per_year: 60")],
        [
            "scenario.yaml:14: field 'weeks_per_year': a year has at most 53 weeks, got 60"
        ]),
    Fault(
        "scenario: unknown supplier in a supplier fleet",
        [edit("scenario.yaml", "  hub: [e-van]", "  hub: [e-van]\n  suppliers: {nearr: [e-van]}")],
        [
            "scenario.yaml:9: field 'fleets.suppliers.nearr': unknown supplier 'nearr'; the suppliers are far, near, parcels (or use 'all')"
        ]),
    // Found when planning: exit 69, not 65, for the input is well formed but cannot be planned.
    Fault(
        "plan: hub capacity cannot hold the forced-in flows",
        [edit("scenario.yaml", "default: free", "default: in"), edit("network.yaml", "cages: 500}", "cages: 10}")],
        command: "plan", exit: 69,
        [
            "scenario.yaml: field 'participation': the 12 flow(s) forced in (participation 'in') need 12.4 cages a week, but hub 'hub' has capacity_per_week.cages 10; raise the capacity in the network file or set fewer suppliers to 'in'"
        ]),
    // Valid but probably not meant: validate succeeds and says so (see InputNotes).
    Fault(
        "flows: a delivery heavier than any vehicle of its supplier",
        [edit("flows.csv", "far,s1,2,400,2", "far,s1,2,4000,2")], exit: 0,
        [
            "flows.csv:2: field 'kg': flow far -> s1 delivers 2000 kg at a time (4000 a week in 2 deliveries), more than the largest vehicle of supplier far carries (van: 1000 kg); it is split into 2 loads. If that is not meant, check the quantity or add a larger vehicle type to fleets.suppliers.far"
        ]),
    Fault(
        "flows: a delivery of more vehicle loads than are planned",
        [edit("flows.csv", "far,s1,2,400,2", "far,s1,2,1000000000,2")],
        [
            "flows.csv:2: field 'kg': flow far -> s1 delivers 500000000 kg at a time, 500000 loads of the largest vehicle of supplier far (van: 1000 kg); at most 100 loads a delivery are planned: check the quantity (the weekly total) and the deliveries per week"
        ]),
    Fault(
        "scenario: enforced zone that no vehicle of a supplier may enter",
        [edit("scenario.yaml", "distances:", "zone:\n  enforce: true\ndistances:")], exit: 0,
        [
            "scenario.yaml:10: field 'zone.enforce': supplier far delivers to zone site(s) s1 but no vehicle of its fleet (van) may enter the zone: those deliveries stay unserved in the direct plan (reason 'no allowed vehicle') and are served only via a hub whose fleet may enter; add a vehicle type with may_enter_zone: true to fleets.suppliers.far if the supplier has one",
            "scenario.yaml:10: field 'zone.enforce': supplier near delivers to zone site(s) s2 but no vehicle of its fleet (van) may enter the zone: those deliveries stay unserved in the direct plan (reason 'no allowed vehicle') and are served only via a hub whose fleet may enter; add a vehicle type with may_enter_zone: true to fleets.suppliers.near if the supplier has one",
            "scenario.yaml:10: field 'zone.enforce': supplier parcels delivers to zone site(s) s1, s2 but no vehicle of its fleet (van) may enter the zone: those deliveries stay unserved in the direct plan (reason 'no allowed vehicle') and are served only via a hub whose fleet may enter; add a vehicle type with may_enter_zone: true to fleets.suppliers.parcels if the supplier has one",
        ]),
    Fault(
        "scenario: misspelt field", [edit("scenario.yaml", "seed: 7", "sead: 7")],
        [
            "scenario.yaml:13: field 'sead': unknown field; expected one of: baseline_days, coalition, consolidation_iterations, day_patterns, days, delivery_frequency, description, distances, emission_allocation, emission_factors, fleets, hub_fleet_cost, hubs, name, network, networks, objective, overrides, participation, routing_iterations, seed, supplier_consolidation, time_limit_seconds, uncertainty, vehicle_types, weeks_per_year, zone"
        ]),
]

/// The malformed fixtures above, each run through the built `bundel` executable as a user runs
/// it: what it prints on standard error must be exactly the expected problems under the header
/// of their kind, the exit code the expected one, and no file may be written.
@Suite("Malformed input")
struct MalformedInputTests {
    @Test(
        .enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)),
        arguments: malformedInputs)
    func faultIsReportedExactly(_ fault: Fault) throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        for change in fault.edits {
            if let old = change.old {
                try Fixture.edit(folder, change.file, replacing: old, with: change.new)
            } else {
                try Data(change.new.utf8).write(to: folder.appendingPathComponent(change.file))
            }
        }
        let before = try Self.files(in: folder)
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        let run = try ProcessRun.run(
            BuiltExecutable.bundel!, [fault.command, scenario] + (fault.command == "plan" ? ["--quiet"] : []),
            currentDirectory: folder)
        #expect(run.status == fault.exitCode, "\(run.errors)")
        // Paths are printed as given; the scratch folder's part is cut off to compare.
        let printed = run.errors.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
            .replacingOccurrences(of: folder.path + "/", with: "")
        #expect(printed == Self.expectedErrors(fault), "standard error:\n\(printed)")
        if fault.exitCode != 0 { #expect(run.output.isEmpty, "standard output: \(run.output)") }
        #expect(try Self.files(in: folder) == before, "the command wrote or removed files")
    }

    /// Standard error as the command prints it: the header of the fault's kind, then each
    /// problem indented by two spaces.
    static func expectedErrors(_ fault: Fault) -> String {
        let lines = fault.messages.map { "  \($0)" }
        let count = fault.messages.count
        let header: String
        switch fault.exitCode {
        case 0: header = count == 1 ? "1 note on the input:" : "\(count) notes on the input:"
        case 69: header = "scenario.yaml: the consolidation model has no solution: infeasible, because:"
        default: header = count == 1 ? "1 problem in the input:" : "\(count) problems in the input:"
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    /// Every file below `folder` with its size, to see that a refused run wrote nothing.
    static func files(in folder: URL) throws -> [String: Int] {
        var found: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            found[url.path] = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? -1
        }
        return found
    }

    @Test func theCasesAreDistinctAndEnough() {
        #expect(Set(malformedInputs.map(\.name)).count == malformedInputs.count)
        #expect(malformedInputs.count >= 30)
    }
}
