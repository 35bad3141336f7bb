import Foundation
import Testing

@testable import BundelPlanner
@testable import BundelReports

/// The weekly plan files of `--out`: `plan.json`, `routes.csv` and `route-sheets.csv` agree
/// with the summary and with themselves.
@Suite("Route sheets")
struct RouteSheetsTests {
    /// The rendered files of a plan of the small network, by name.
    static func files(_ result: PlanResult) throws -> [String: String] {
        Dictionary(try RouteSheets.files(result).map { ($0.name, $0.content) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rows of a CSV text as dictionaries keyed by the header (quoted fields per RFC 4180).
    static func rows(_ text: String) throws -> [[String: String]] {
        var records: [[String]] = [[]]
        var field = "", quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                // A doubled quote inside a quoted field is one quote.
                if afterQuote { field.append("\"") }
                quoted = true
            case ",":
                records[records.count - 1].append(field)
                field = ""
            case "\n":
                records[records.count - 1].append(field)
                field = ""
                records.append([])
            default: field.append(character)
            }
            afterQuote = false
        }
        if records.last == [] { records.removeLast() }
        let header = try #require(records.first)
        return try records.dropFirst().map { record in
            try #require(
                record.count == header.count, "row \(record) has \(record.count) fields, header \(header.count)")
            return Dictionary(zip(header, record), uniquingKeysWith: { first, _ in first })
        }
    }

    /// Parses a number field, failing the test when it is not one.
    static func number(_ row: [String: String], _ column: String) throws -> Double {
        try #require(row[column].flatMap(Double.init), "column \(column) in \(row)")
    }

    @Test func csvRowsAddUpToTheSummary() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let files = try Self.files(result)
        let routes = try Self.rows(try #require(files["routes.csv"]))
        let stops = try Self.rows(try #require(files["route-sheets.csv"]))
        let summary = JSONSummary(result)
        // The files must hold both plans, or the sums below could agree vacuously.
        #expect(Set(routes.map { $0["plan"] }) == ["baseline", "bundled"])

        // Each trip is named by plan, day, operator, vehicle and trip number; the stops refer to it.
        func key(_ row: [String: String]) -> [String] {
            ["plan", "day", "operator", "vehicle", "trip"].map { row[$0] ?? "?" }
        }
        let kinds = Dictionary(routes.map { (key($0), $0["kind"] ?? "?") }, uniquingKeysWith: { _, _ in "duplicate" })
        #expect(kinds.count == routes.count, "trip keys are not unique")

        for (plan, totals) in [("baseline", summary.baseline), ("bundled", summary.bundled)] {
            let planRoutes = routes.filter { $0["plan"] == plan }
            let km = try planRoutes.map { try Self.number($0, "km") }.reduce(0, +)
            #expect(
                abs(km - totals.vehicleKm) < 0.0005 + 1e-9, "\(plan): routes.csv \(km) km, summary \(totals.vehicleKm)")
            #expect(planRoutes.count == totals.trips, "\(plan)")
            let planStops = stops.filter { $0["plan"] == plan }
            #expect(planStops.allSatisfy { kinds[key($0)] != nil }, "\(plan): a stop row names no trip")
            #expect(planStops.filter { kinds[key($0)] != "trunk" }.count == totals.stops, "\(plan)")
            // Each trip's stop count in routes.csv is its number of rows in route-sheets.csv.
            for route in planRoutes {
                #expect(
                    try Self.number(route, "stops") == Double(planStops.filter { key($0) == key(route) }.count),
                    "\(key(route))")
            }
        }
        // The bundled plan of the small network has trunk legs, so the trunk filter above matters.
        #expect(routes.contains { $0["plan"] == "bundled" && $0["kind"] == "trunk" })
        #expect(stops.first.map { $0.keys.contains("delivered_kg") && $0.keys.contains("on_board_cages") } == true)
    }

    @Test func planJSONTripsAreConsistent() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let json = try #require(try Self.files(result)["plan.json"])
        let document = try JSONDecoder().decode(RouteSheets.Document.self, from: Data(json.utf8))
        let dimensions = scenario.network.dimensions.map(\.id)

        for (plan, weekly, sheet) in [
            ("baseline", result.baseline, document.baseline), ("bundled", result.bundled, document.bundled),
        ] {
            #expect(sheet.days.map(\.day) == scenario.days, "\(plan)")
            let trips = sheet.days.flatMap(\.trips)
            #expect(trips.count == weekly.routes.count, "\(plan)")
            #expect(sheet.unserved == weekly.unserved, "\(plan)")
            for trip in trips {
                let name = "\(plan) \(trip.operatedBy) \(trip.vehicle) trip \(trip.trip)"
                #expect(!trip.stops.isEmpty, "\(name)")
                let legs = trip.stops.map(\.legKm).reduce(0, +) + trip.returnLegKm
                #expect(abs(trip.km - legs) < 1e-9, "\(name): \(trip.km) km, legs add up to \(legs)")
                #expect(abs((trip.stops.last?.cumulativeKm ?? 0) + trip.returnLegKm - trip.km) < 1e-9, "\(name)")
                for (earlier, later) in zip(trip.stops, trip.stops.dropFirst()) {
                    #expect(
                        earlier.arrivalMinute <= later.arrivalMinute,
                        "\(name): stop \(later.sequence) before stop \(earlier.sequence)")
                }
                #expect(trip.stops.map(\.sequence) == Array(1..<(trip.stops.count + 1)), "\(name)")
                #expect(trip.departureMinute <= trip.stops.first?.arrivalMinute ?? .infinity, "\(name)")
                #expect((trip.stops.last?.arrivalMinute ?? 0) <= trip.returnMinute, "\(name)")
                // The load falls by what each stop receives (both rounded to six decimals), down
                // to exactly nothing after the last stop.
                var previous = dimensions.map { dimension in
                    trip.stops.map { $0.delivered[dimension] ?? .nan }.reduce(0, +)
                }
                for stop in trip.stops {
                    for (index, dimension) in dimensions.enumerated() {
                        let expected = previous[index] - (stop.delivered[dimension] ?? .nan)
                        #expect(
                            abs((stop.onBoardAfter[dimension] ?? .nan) - expected) < 2e-6,
                            "\(name) stop \(stop.sequence) \(dimension)")
                    }
                    previous = dimensions.map { stop.onBoardAfter[$0] ?? .nan }
                }
                for dimension in dimensions {
                    #expect(
                        abs(trip.stops.last?.onBoardAfter[dimension] ?? .nan) <= 1e-9,
                        "\(name): \(dimension) left on board")
                }
                // Stops at sites show the site's window and start service inside it.
                for stop in trip.stops where trip.kind != .trunk {
                    let site = try #require(scenario.network.site(stop.location), "\(name): \(stop.location)")
                    #expect(stop.name == site.name, "\(name) \(stop.location)")
                    if site.id == "s1" { #expect(stop.window == "08:00-12:00", "\(name)") }
                    #expect(
                        Double(site.windowStart) <= stop.arrivalMinute && stop.arrivalMinute <= Double(site.windowEnd),
                        "\(name) \(stop.location)")
                }
            }
        }
    }

    /// With one multi-trip hub van, a day's hub tours are trips 1, 2, ... of the same vehicle,
    /// numbered in order of departure, each leaving after the previous one is back.
    @Test func tripsOfOneVehicleAreNumberedByDeparture() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall(editing: [
            (
                "  hub: [e-van]",
                "  hub: [{type: e-van-multi, count: 1}]\nvehicle_types:\n  - {id: e-van-multi, base: e-van, capacity: {kg: 250, cages: 3}, max_trips_per_shift: 8, reload_minutes: 15}"
            ),
            ("  default: free", "  default: in"),
        ])
        let document = RouteSheets.document(result)
        var sawSeveral = false
        for day in document.bundled.days {
            let tours = day.trips.filter { $0.kind == .hubTour }
            #expect(tours.allSatisfy { $0.vehicle == "e-van-multi 1" }, "\(day.day)")
            #expect(tours.map(\.trip) == Array(1..<(tours.count + 1)), "\(day.day)")
            for (first, second) in zip(tours, tours.dropFirst()) {
                #expect(first.returnMinute <= second.departureMinute, "\(day.day)")
            }
            sawSeveral = sawSeveral || tours.count > 1
            // Trunk legs have no planner label: each gets its own, so no two share a trip number.
            let trunks = day.trips.filter { $0.kind == .trunk }
            #expect(Set(trunks.map { "\($0.operatedBy) \($0.vehicle)" }).count == trunks.count, "\(day.day)")
            #expect(trunks.allSatisfy { $0.trip == 1 && $0.vehicle.hasPrefix("\($0.operatedBy) trunk ") }, "\(day.day)")
        }
        #expect(sawSeveral)
    }

    @Test func vehicleLabelsSortAsPeopleReadThem() {
        #expect(RouteSheets.labelOrder("e-van 2", "e-van 10"))
        #expect(!RouteSheets.labelOrder("e-van 10", "e-van 2"))
        #expect(RouteSheets.labelOrder("a 01", "a 1") != RouteSheets.labelOrder("a 1", "a 01"))
    }

    @Test func clockTimesRoundDownAndDoNotWrap() {
        #expect(ClockTime.text(minutes: 480.0) == "08:00")
        #expect(ClockTime.text(minutes: 480.99) == "08:00")
        #expect(ClockTime.text(minutes: 545.5) == "09:05")
        #expect(ClockTime.text(minutes: 1505.0) == "25:05")
        #expect(ClockTime.text(minutes: -30.0) == "-00:30")
        #expect(ClockTime.text(minutes: 432) == "07:12")
    }

    @Test func clockTimesOfWhatIsDoneRoundUp() {
        #expect(ClockTime.text(minutes: 432.5, rounding: .up) == "07:13")
        #expect(ClockTime.text(minutes: 432.0, rounding: .up) == "07:12")
    }

    /// The three formatters this one replaced differed here: one printed the number, two trapped.
    @Test func clockTimesOfNoNumberDoNotTrap() {
        #expect(ClockTime.text(minutes: .nan) == "nan")
        #expect(ClockTime.text(minutes: .nan, rounding: .up) == "nan")
        #expect(ClockTime.text(minutes: .infinity) == "inf")
        #expect(ClockTime.text(minutes: 1e12) == "1000000000000.0")
    }
}
