import BundelPlanner
import Foundation

/// The weekly plans themselves, which `bundel plan --out DIR` writes beside the emission
/// detail for facility managers who print a route sheet per vehicle per day: `plan.json` (both
/// plans in full), `routes.csv` (one row per trip) and `route-sheets.csv` (one row per stop).
public enum RouteSheets {
    /// `plan.json`: the direct baseline and the bundled plan. Numbers carry the six decimals
    /// of the CSV files; kilometres are exact, from whole metres.
    public struct Document: Codable, Sendable {
        public var baseline: Plan
        public var bundled: Plan
        /// Ctrl-C cut the run short: the plans are complete and valid, their searches shorter.
        public var interrupted: Bool
    }

    /// One weekly plan: its days with their trips, and what could not be delivered.
    public struct Plan: Codable, Sendable {
        /// Every planning day, in weekday order, also days without trips.
        public var days: [Day]
        /// The plan's unserved deliveries, as in the summary's `unserved` lists.
        public var unserved: [UnservedDelivery]
    }

    /// The trips of one day, in the order the sheets are printed: by operator, vehicle label
    /// and departure.
    public struct Day: Codable, Sendable {
        public var day: Weekday
        public var trips: [Trip]
    }

    /// One trip of one vehicle, with everything its driver's sheet needs.
    public struct Trip: Codable, Sendable {
        public var kind: RouteKind
        /// The supplier or hub that runs the trip.
        public var operatedBy: String
        /// The vehicle's label that day (`e-van 2`); trips without one from the planner (trunk
        /// legs) get `OPERATOR KIND N`, numbered by departure within the operator's day.
        public var vehicle: String
        /// 1, 2, ... for the vehicle's trips that day, by departure.
        public var trip: Int
        public var vehicleType: String
        /// Location ids where the trip starts and ends (depot or hub).
        public var start: String
        public var end: String
        /// Minutes after midnight, and the same as `HH:MM`.
        public var departureMinute: Double
        public var departure: String
        /// Departure plus the trip's duration: back at `end`.
        public var returnMinute: Double
        public var `return`: String
        /// All legs, the return leg included.
        public var km: Double
        /// The leg from the last stop back to `end`.
        public var returnLegKm: Double
        public var costEur: Double
        public var co2eWtwKg: Double
        public var co2eTtwKg: Double
        public var stops: [Stop]
    }

    /// One stop of a trip: a site delivery, or the hub for a trunk leg.
    public struct Stop: Codable, Sendable {
        /// 1, 2, ... in the order the trip visits them.
        public var sequence: Int
        public var location: String
        /// The site's or hub's name.
        public var name: String
        /// When service starts (after any wait for the window), in minutes after midnight and
        /// as `HH:MM`.
        public var arrivalMinute: Double
        public var arrival: String
        /// The site's delivery window as `HH:MM-HH:MM`; absent for a hub.
        public var window: String?
        /// Quantity handed over, per capacity dimension id.
        public var delivered: [String: Double]
        /// Quantity still on board when the vehicle leaves, per capacity dimension id.
        public var onBoardAfter: [String: Double]
        public var flows: [DeliveredFlow]
        /// The leg into this stop, and all legs so far.
        public var legKm: Double
        public var cumulativeKm: Double
    }

    /// A flow that a stop (partly) delivers.
    public struct DeliveredFlow: Codable, Sendable {
        /// Index of the flow in the network.
        public var flow: Int
        public var supplier: String
        /// The site the flow goes to.
        public var site: String
        /// On a trunk leg: the day of the hub tours that deliver these goods.
        public var forTours: Weekday?
    }

    /// File name → content, rendered completely before anything is written.
    public static func files(_ result: PlanResult) throws -> [(name: String, content: String)] {
        let document = document(result)
        let dimensions = result.scenario.network.dimensions.map(\.id)
        var routes = CSVWriter(header: [
            "plan", "day", "kind", "operator", "vehicle", "trip", "vehicle_type", "departure", "return",
            "stops", "km", "cost_eur", "co2e_wtw_kg", "co2e_ttw_kg",
        ])
        var sheets = CSVWriter(
            header: [
                "plan", "day", "operator", "vehicle", "trip", "sequence", "location", "name", "arrival",
                "window", "leg_km", "cumulative_km",
            ]
                + dimensions.map { "delivered_\($0)" } + dimensions.map { "on_board_\($0)" } + ["flows"])
        for (plan, content) in [("baseline", document.baseline), ("bundled", document.bundled)] {
            for day in content.days {
                for trip in day.trips {
                    routes.add([
                        plan, day.day.rawValue, trip.kind.rawValue, trip.operatedBy, trip.vehicle, String(trip.trip),
                        trip.vehicleType, trip.departure, trip.return, String(trip.stops.count),
                        NumberFormat.fixed(trip.km), NumberFormat.fixed(trip.costEur),
                        NumberFormat.fixed(trip.co2eWtwKg), NumberFormat.fixed(trip.co2eTtwKg),
                    ])
                    for stop in trip.stops {
                        // A dimension missing from a stop's quantities prints empty rather than 0,
                        // so that a gap in the plan is not mistaken for a delivery of nothing.
                        let delivered = dimensions.map { stop.delivered[$0].map(NumberFormat.fixed) ?? "" }
                        let onBoard = dimensions.map { stop.onBoardAfter[$0].map(NumberFormat.fixed) ?? "" }
                        sheets.add(
                            [
                                plan, day.day.rawValue, trip.operatedBy, trip.vehicle, String(trip.trip),
                                String(stop.sequence),
                                stop.location, stop.name, stop.arrival, stop.window ?? "",
                                NumberFormat.fixed(stop.legKm), NumberFormat.fixed(stop.cumulativeKm),
                            ]
                                + delivered + onBoard + [
                                    stop.flows.map {
                                        "\($0.flow):\($0.supplier)" + ($0.forTours.map { "@\($0.rawValue)" } ?? "")
                                    }.joined(separator: ";")
                                ])
                    }
                }
            }
        }
        return [
            ("plan.json", try JSONText.encode(document, what: "plan.json")), ("routes.csv", routes.text),
            ("route-sheets.csv", sheets.text),
        ]
    }

    /// Both weekly plans of a run, day by day.
    public static func document(_ result: PlanResult) -> Document {
        Document(
            baseline: plan(result.baseline, scenario: result.scenario),
            bundled: plan(result.bundled, scenario: result.scenario), interrupted: result.interrupted)
    }

    /// One weekly plan's days with their trips in print order.
    static func plan(_ weekly: WeeklyPlan, scenario: Scenario) -> Plan {
        let labels = vehicleLabels(weekly.routes)
        // The scenario's days, plus any day a route names, so that no trip is left out.
        let days = Set(scenario.days + weekly.routes.map(\.day)).sorted()
        let byDay = Dictionary(grouping: weekly.routes.indices, by: { weekly.routes[$0].day })
        return Plan(
            days: days.map { day in
                let ordered = (byDay[day] ?? []).sorted { a, b in
                    let first = weekly.routes[a], second = weekly.routes[b]
                    if first.operatedBy != second.operatedBy { return first.operatedBy < second.operatedBy }
                    if labels[a].vehicle != labels[b].vehicle {
                        return labelOrder(labels[a].vehicle, labels[b].vehicle)
                    }
                    if first.departureMinute != second.departureMinute {
                        return first.departureMinute < second.departureMinute
                    }
                    return a < b
                }
                return Day(
                    day: day,
                    trips: ordered.map {
                        trip(
                            weekly.routes[$0], vehicle: labels[$0].vehicle, number: labels[$0].trip,
                            network: scenario.network)
                    })
            }, unserved: weekly.unserved)
    }

    /// The vehicle label and trip number of every route, by index. Routes without a label get
    /// one of their own: the planner only leaves trunk legs unlabelled, and those all leave at
    /// shift start, so they cannot be trips of one vehicle.
    static func vehicleLabels(_ routes: [PlannedRoute]) -> [(vehicle: String, trip: Int)] {
        struct Scope: Hashable { var day: Weekday, operatedBy: String, vehicle: String }
        var taken = Set(
            routes.compactMap { route in
                route.vehicle.map { Scope(day: route.day, operatedBy: route.operatedBy, vehicle: $0) }
            })
        var derivedCount: [Scope: Int] = [:]
        var tripCount: [Scope: Int] = [:]
        var labels = [(vehicle: String, trip: Int)](repeating: ("", 0), count: routes.count)
        // By departure, so that numbers follow the clock; ties keep the plan's (deterministic)
        // order, so that the same plan always gets the same labels.
        for index in routes.indices.sorted(by: { (routes[$0].departureMinute, $0) < (routes[$1].departureMinute, $1) })
        {
            let route = routes[index]
            var vehicle = route.vehicle ?? ""
            if route.vehicle == nil {
                // Counted per operator, day and kind of trip: `near trunk 1`, `near trunk 2`.
                let counter = Scope(day: route.day, operatedBy: route.operatedBy, vehicle: route.kind.rawValue)
                // Skip numbers that a planner label of the same operator and day already uses.
                repeat {
                    derivedCount[counter, default: 0] += 1
                    vehicle = "\(route.operatedBy) \(route.kind.rawValue) \(derivedCount[counter, default: 0])"
                } while taken.contains(Scope(day: route.day, operatedBy: route.operatedBy, vehicle: vehicle))
                taken.insert(Scope(day: route.day, operatedBy: route.operatedBy, vehicle: vehicle))
            }
            let scope = Scope(day: route.day, operatedBy: route.operatedBy, vehicle: vehicle)
            tripCount[scope, default: 0] += 1
            labels[index] = (vehicle, tripCount[scope, default: 0])
        }
        return labels
    }

    /// Labels in reading order: numbers compared as numbers, so `e-van 2` comes before
    /// `e-van 10`; labels that differ only in leading zeros fall back to plain text order.
    static func labelOrder(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, options: .numeric) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: a < b
        }
    }

    /// One route as a trip with its stops, times, loads and kilometres.
    static func trip(_ route: PlannedRoute, vehicle: String, number: Int, network: Network) -> Trip {
        let dimensions = network.dimensions.map(\.id)
        // What is on board after a stop is what the later stops receive. Summing from the back
        // gives exactly 0 after the last stop, where subtracting from the full load would leave
        // rounding remainders such as -1e-15.
        var onBoard = [[Double]](repeating: [], count: route.stops.count)
        var later = dimensions.map { _ in 0.0 }
        for index in route.stops.indices.reversed() {
            onBoard[index] = later
            later = zip(later, route.stops[index].quantity).map(+)
        }
        // Kilometres from whole metres, so that the legs add up to the trip exactly.
        var metres = 0
        let stops = route.stops.enumerated().map { index, stop in
            let leg = route.legMetres.indices.contains(index) ? route.legMetres[index] : 0
            metres += leg
            let site = network.site(stop.location)
            return Stop(
                sequence: index + 1, location: stop.location,
                name: site?.name ?? network.hub(stop.location)?.name ?? stop.location,
                arrivalMinute: NumberFormat.sixDecimals(stop.serviceStartMinute),
                arrival: ClockTime.text(minutes: stop.serviceStartMinute),
                window: site.map {
                    ClockTime.text(minutes: $0.windowStart) + "-" + ClockTime.text(minutes: $0.windowEnd)
                },
                delivered: keyed(stop.quantity, by: dimensions), onBoardAfter: keyed(onBoard[index], by: dimensions),
                flows: stop.deliveries.map { delivery in
                    let flow = network.flows.indices.contains(delivery.flow) ? network.flows[delivery.flow] : nil
                    return DeliveredFlow(
                        flow: delivery.flow, supplier: flow?.supplier ?? "", site: flow?.site ?? "",
                        forTours: delivery.forDay)
                },
                legKm: Double(leg) / 1000, cumulativeKm: Double(metres) / 1000)
        }
        let returnMetres = route.legMetres.dropFirst(route.stops.count).reduce(0, +)
        let back = route.departureMinute + Double(route.durationSeconds) / 60
        return Trip(
            kind: route.kind, operatedBy: route.operatedBy, vehicle: vehicle, trip: number,
            vehicleType: route.vehicleType,
            start: route.start, end: route.end, departureMinute: NumberFormat.sixDecimals(route.departureMinute),
            departure: ClockTime.text(minutes: route.departureMinute), returnMinute: NumberFormat.sixDecimals(back),
            return: ClockTime.text(minutes: back),
            km: Double(route.metres) / 1000, returnLegKm: Double(returnMetres) / 1000,
            costEur: NumberFormat.sixDecimals(route.costEur),
            co2eWtwKg: NumberFormat.sixDecimals(route.co2eWtwKg), co2eTtwKg: NumberFormat.sixDecimals(route.co2eTtwKg),
            stops: stops)
    }

    /// A quantity vector as a mapping from dimension id, the form people and scripts read,
    /// with the six decimals of the CSV files.
    static func keyed(_ values: [Double], by dimensions: [String]) -> [String: Double] {
        Dictionary(zip(dimensions, values.map(NumberFormat.sixDecimals)), uniquingKeysWith: { first, _ in first })
    }
}
