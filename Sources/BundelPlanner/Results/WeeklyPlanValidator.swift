/// Checks a weekly plan against its scenario from first principles, independently of the
/// planner: every flow delivered exactly as often and as much as required, by the right kind of
/// route, on an allowed day pattern; one hub visit per site and day unless the delivery needs
/// more than one vehicle; capacities, delivery windows, shifts and zone rules respected; every
/// hub tour's goods at the hub in time; every leg's length equal to the matrix and every
/// reported duration, cost and emission recomputed.
public enum WeeklyPlanValidator {
    /// Every broken rule of both plans of a run, each prefixed with its plan; the matrix is
    /// built again from the scenario rather than taken from the planner.
    public static func violations(of result: PlanResult) throws(InputError) -> [String] {
        let matrix = try TravelMatrix.forScenario(result.scenario)
        return violations(of: result.baseline, scenario: result.scenario, matrix: matrix, viaHub: [:]).map {
            "baseline: \($0)"
        }
            + violations(
                of: result.bundled, scenario: result.scenario, matrix: matrix, viaHub: result.consolidation.viaHub
            ).map { "bundled: \($0)" }
    }

    /// Every broken rule, in words; empty when the plan is valid.
    ///
    /// - Parameter viaHub: the hub of each bundled flow (empty for a baseline plan).
    public static func violations(
        of plan: WeeklyPlan, scenario: Scenario, matrix: TravelMatrix,
        viaHub: [Int: String]
    ) -> [String] {
        let network = scenario.network
        var problems: [String] = []
        var deliveredDays = [Set<Weekday>](repeating: [], count: network.flows.count)
        var delivered = network.flows.map { _ in [Double](repeating: 0, count: network.dimensions.count) }
        var trunked = delivered

        for (number, route) in plan.routes.enumerated() {
            let name = "route \(number) (\(route.kind.rawValue) \(route.operatedBy) \(route.day.rawValue))"
            guard let vehicle = network.vehicleType(route.vehicleType) else {
                problems.append("\(name): unknown vehicle type \(route.vehicleType)")
                continue
            }
            problems += checkRoute(route, name: name, vehicle: vehicle, scenario: scenario, matrix: matrix)
            for stop in route.stops {
                for delivery in stop.deliveries {
                    guard network.flows.indices.contains(delivery.flow) else {
                        problems.append("\(name): unknown flow \(delivery.flow)")
                        continue
                    }
                    let flow = network.flows[delivery.flow]
                    let expected: RouteKind =
                        route.kind == .trunk ? .trunk : (viaHub[flow.index] == nil ? .direct : .hubTour)
                    if route.kind != expected {
                        problems.append(
                            "\(name): carries flow \(flow.index), which should go by \(expected.rawValue) route")
                    }
                    switch route.kind {
                    case .direct, .trunk:
                        if flow.supplier != route.operatedBy {
                            problems.append("\(name): carries flow \(flow.index) of supplier \(flow.supplier)")
                        }
                    case .hubTour:
                        if viaHub[flow.index] != route.operatedBy {
                            problems.append(
                                "\(name): carries flow \(flow.index), which is not bundled at \(route.operatedBy)")
                        }
                    }
                    if route.kind == .trunk {
                        if viaHub[flow.index] != stop.location {
                            problems.append("\(name): brings flow \(flow.index) to \(stop.location), not to its hub")
                        }
                        for index in delivery.quantity.indices {
                            trunked[flow.index][index] += delivery.quantity[index]
                        }
                    } else {
                        if flow.site != stop.location {
                            problems.append(
                                "\(name): delivers flow \(flow.index) at \(stop.location), not at its site \(flow.site)"
                            )
                        }
                        deliveredDays[flow.index].insert(route.day)
                        for index in delivery.quantity.indices {
                            delivered[flow.index][index] += delivery.quantity[index]
                        }
                    }
                }
            }
        }
        problems += checkHubOperations(plan, scenario: scenario)
        problems += checkCrossDock(plan, scenario: scenario)
        problems += checkVehicleDays(plan, scenario: scenario)
        problems += checkVehicleDayCosts(plan, scenario: scenario)
        for unserved in plan.unserved {
            for delivery in unserved.deliveries where network.flows.indices.contains(delivery.flow) {
                deliveredDays[delivery.flow].insert(unserved.day)
                for index in delivery.quantity.indices { delivered[delivery.flow][index] += delivery.quantity[index] }
            }
        }
        for flow in network.flows {
            let days = deliveredDays[flow.index].count
            if days != flow.deliveriesPerWeek {
                problems.append(
                    "flow \(flow.index) (\(flow.supplier) -> \(flow.site)): delivered on \(days) days, needs \(flow.deliveriesPerWeek)"
                )
            }
            if !nearlyEqual(delivered[flow.index], flow.weeklyQuantity) {
                problems.append(
                    "flow \(flow.index) (\(flow.supplier) -> \(flow.site)): delivered \(delivered[flow.index]), needs \(flow.weeklyQuantity)"
                )
            }
            if viaHub[flow.index] != nil, !nearlyEqual(trunked[flow.index], flow.weeklyQuantity) {
                problems.append(
                    "flow \(flow.index): trunk legs bring \(trunked[flow.index]) to the hub, needs \(flow.weeklyQuantity)"
                )
            }
        }
        problems += checkDayPatterns(plan, scenario: scenario, viaHub: viaHub, deliveredDays: deliveredDays)
        problems += checkHubVisits(plan, scenario: scenario)
        return problems
    }

    /// Every flow is delivered on an allowed day pattern of its frequency, or a direct flow on
    /// the days the network gives it (its own, or within its supplier's). A bundled flow rides
    /// on its site's hub deliveries instead: the days a hub delivers at a site form an allowed
    /// pattern for the most frequent flow bundled there, and each flow's days lie among them
    /// (that it has as many days as its frequency is checked with the quantities).
    private static func checkDayPatterns(
        _ plan: WeeklyPlan, scenario: Scenario, viaHub: [Int: String],
        deliveredDays: [Set<Weekday>]
    ) -> [String] {
        let network = scenario.network
        let allowed = scenario.allowedDayPatterns
        var problems: [String] = []
        func names(_ days: [Int]) -> String { days.map { scenario.days[$0].rawValue }.joined(separator: "+") }
        func listed(_ frequency: Int) -> String { (allowed[frequency] ?? []).map(names).joined(separator: ", ") }
        /// The days as sorted indices into the planning days, or nil (and a problem) when one is not a planning day.
        func indices(_ days: Set<Weekday>, _ what: String) -> [Int]? {
            let outside = days.filter { !scenario.days.contains($0) }
            guard outside.isEmpty else {
                problems.append(
                    "\(what): delivered on \(outside.sorted().map(\.rawValue).joined(separator: ", ")), not a planning day"
                )
                return nil
            }
            return days.map { scenario.days.firstIndex(of: $0)! }.sorted()
        }

        for flow in network.flows
        where viaHub[flow.index] == nil && deliveredDays[flow.index].count == flow.deliveriesPerWeek {
            let what = "flow \(flow.index) (\(flow.supplier) -> \(flow.site))"
            guard let days = indices(deliveredDays[flow.index], what) else { continue }
            // Days the network gives are facts: the flow's own when they are one per delivery;
            // else within its own (fewer deliveries under delivery_frequency) or its supplier's,
            // on an allowed pattern inside them when there is one.
            if let own = flow.days, own.count == flow.deliveriesPerWeek {
                if Set(own) != deliveredDays[flow.index] {
                    problems.append(
                        "\(what): delivered on \(names(days)), not on its given days \(own.map(\.rawValue).joined(separator: "+"))"
                    )
                }
                continue
            }
            if let within = flow.days ?? network.supplier(flow.supplier)?.days {
                let withinText = within.map(\.rawValue).joined(separator: "+")
                if !deliveredDays[flow.index].isSubset(of: within) {
                    problems.append("\(what): delivered on \(names(days)), outside its given days \(withinText)")
                    continue
                }
                let inside = (allowed[flow.deliveriesPerWeek] ?? []).filter { pattern in
                    pattern.allSatisfy { within.contains(scenario.days[$0]) }
                }
                if !inside.isEmpty, !inside.contains(days) {
                    problems.append(
                        "\(what): delivered on \(names(days)), not an allowed pattern for \(flow.deliveriesPerWeek) a week within its given days \(withinText) (\(inside.map(names).joined(separator: ", ")))"
                    )
                }
                continue
            }
            if !(allowed[flow.deliveriesPerWeek] ?? []).contains(days) {
                problems.append(
                    "\(what): delivered on \(names(days)), not an allowed pattern for \(flow.deliveriesPerWeek) a week (\(listed(flow.deliveriesPerWeek)))"
                )
            }
        }

        // The days each hub delivers at each site: its tours' stops there and what it could not serve.
        var siteDays: [String: Set<Weekday>] = [:]
        for route in plan.routes where route.kind == .hubTour {
            for stop in route.stops { siteDays["\(route.operatedBy) \(stop.location)", default: []].insert(route.day) }
        }
        for unserved in plan.unserved where network.hub(unserved.operatedBy) != nil {
            siteDays["\(unserved.operatedBy) \(unserved.site)", default: []].insert(unserved.day)
        }
        let bundled = Dictionary(grouping: network.flows.filter { viaHub[$0.index] != nil }) {
            "\(viaHub[$0.index]!) \($0.site)"
        }
        for (key, flows) in bundled.sorted(by: { $0.key < $1.key }) {
            let frequency = flows.map(\.deliveriesPerWeek).max()!
            let what = "site \(flows[0].site) via hub \(viaHub[flows[0].index]!)"
            guard let days = indices(siteDays[key] ?? [], what) else { continue }
            if !(allowed[frequency] ?? []).contains(days) {
                problems.append(
                    "\(what): hub deliveries on \(days.isEmpty ? "no day" : names(days)), not an allowed pattern for \(frequency) a week, the most frequent flow bundled there (\(listed(frequency)))"
                )
            }
            for flow in flows where !deliveredDays[flow.index].isSubset(of: siteDays[key] ?? []) {
                problems.append(
                    "flow \(flow.index) (\(flow.supplier) -> \(flow.site)): delivered on days without a hub delivery at its site (\(names(days)))"
                )
            }
        }
        return problems
    }

    /// A hub visits a site at most once a day, unless that day's delivery exceeds the largest
    /// vehicle of the hub fleet that may deliver there (with the zone enforced, at a site in the
    /// zone: the largest that may enter it): then it may come as often as loads of that vehicle
    /// are needed (the planner cuts such a delivery into that many equal parts, and the routing
    /// may carry parts in separate trips or vehicles).
    private static func checkHubVisits(_ plan: WeeklyPlan, scenario: Scenario) -> [String] {
        let network = scenario.network
        let fleet = scenario.hubFleet.compactMap(network.vehicleType)
        guard !fleet.isEmpty else { return [] }
        struct Visit: Hashable { let hub: String, site: String, day: Weekday }
        var visits: [Visit: (count: Int, quantity: [Double])] = [:]
        for route in plan.routes where route.kind == .hubTour {
            for stop in route.stops {
                let key = Visit(hub: route.operatedBy, site: stop.location, day: route.day)
                let sum = visits[key]?.quantity ?? stop.quantity.map { _ in 0 }
                visits[key] = ((visits[key]?.count ?? 0) + 1, zip(sum, stop.quantity).map(+))
            }
        }
        var problems: [String] = []
        for (key, visit) in visits.sorted(by: {
            ($0.key.hub, $0.key.site, $0.key.day) < ($1.key.hub, $1.key.site, $1.key.day)
        })
        where visit.count > 1 {
            guard let site = network.site(key.site) else { continue }
            let largest = (fleet.largest(servingSite: site, enforceZone: scenario.enforceZone) ?? fleet.largest!)
                .capacity
            let loads = zip(visit.quantity, largest).map { $1 > 0 ? $0 / $1 : ($0 > 0 ? .infinity : 0) }.max() ?? 0
            // Rounded up with a hair of slack, so that a delivery of exactly two loads summed
            // back from its parts with rounding errors still allows two visits.
            let needed = loads.isFinite && loads > 1 + 1e-9 ? Int((loads + 1e-9).rounded(.up)) : 1
            if visit.count > needed {
                problems.append(
                    "hub \(key.hub) visits site \(key.site) \(visit.count) times on \(key.day.rawValue), but that day's delivery fills \(NumberParsing.format((loads * 100).rounded() / 100)) loads of its largest vehicle, so at most \(needed)"
                )
            }
        }
        return problems
    }

    private static func checkRoute(
        _ route: PlannedRoute, name: String, vehicle: VehicleType, scenario: Scenario,
        matrix: TravelMatrix
    ) -> [String] {
        let network = scenario.network
        var problems: [String] = []
        let base = route.kind == .hubTour ? network.hub(route.operatedBy)?.id : network.supplier(route.operatedBy)?.id
        if base == nil || route.start != base || route.end != base {
            problems.append("\(name): starts at \(route.start) and ends at \(route.end), not at its operator's base")
            return problems
        }
        let places = [route.start] + route.stops.map(\.location) + [route.end]
        guard places.allSatisfy({ matrix.index[$0] != nil }) else {
            return problems + ["\(name): visits an unknown location"]
        }
        let legs = zip(places, places.dropFirst()).map { matrix.metres($0.0, $0.1) }
        if legs != route.legMetres {
            problems.append("\(name): legs \(route.legMetres) differ from the matrix \(legs)")
        }

        var load = [Double](repeating: 0, count: network.dimensions.count)
        for stop in route.stops {
            let sum = stop.deliveries.reduce(into: [Double](repeating: 0, count: load.count)) { total, delivery in
                for index in total.indices { total[index] += delivery.quantity[index] }
            }
            if !nearlyEqual(sum, stop.quantity) {
                problems.append("\(name): stop at \(stop.location) reports \(stop.quantity) but delivers \(sum)")
            }
            for index in load.indices { load[index] += sum[index] }
        }
        for index in load.indices where load[index] > vehicle.capacity[index] * (1 + 1e-9) + 1e-9 {
            problems.append(
                "\(name): carries \(load[index]) \(network.dimensions[index].id), more than the \(vehicle.capacity[index]) of a \(vehicle.id)"
            )
        }

        // Re-run the clock in seconds: travel, wait for the window, serve, and return.
        var clock = route.departureMinute * 60
        if clock < Double(vehicle.shiftStart * 60) - 1e-6 {
            problems.append("\(name): departs before the shift starts")
        }
        for (stop, (from, to)) in zip(route.stops, zip(places, places.dropFirst())) {
            clock += Double(matrix.seconds(from, to, speedKmh: vehicle.speedKmh))
            if let site = network.site(stop.location) {
                clock = max(clock, Double(site.windowStart * 60))
                if clock > Double(site.windowEnd * 60) + 1e-6 {
                    problems.append(
                        "\(name): service at \(site.id) starts at minute \(clock / 60), after its window ends at \(site.windowEnd)"
                    )
                }
                if scenario.enforceZone, site.inZone, !vehicle.mayEnterZone {
                    problems.append("\(name): a \(vehicle.id) may not enter the zone to serve \(site.id)")
                }
                if abs(clock / 60 - stop.serviceStartMinute) > 1e-6 {
                    problems.append(
                        "\(name): reports service at \(site.id) at minute \(stop.serviceStartMinute), the schedule gives \(clock / 60)"
                    )
                }
                clock += Double(
                    network.serviceSeconds(at: site, deliveries: stop.deliveries.count, quantity: stop.quantity))
            } else if let hub = network.hub(stop.location), route.kind == .trunk {
                clock += Double(hub.unloadSeconds(stop.quantity))
            } else {
                problems.append(
                    "\(name): stop at \(stop.location) is not a site\(route.kind == .trunk ? " or hub" : "")")
            }
        }
        clock += Double(matrix.seconds(places[places.count - 2], route.end, speedKmh: vehicle.speedKmh))
        if clock > Double(vehicle.shiftEnd * 60) + 1e-6 {
            problems.append("\(name): returns at minute \(clock / 60), after the shift ends at \(vehicle.shiftEnd)")
        }
        let duration = clock - route.departureMinute * 60
        if abs(duration - Double(route.durationSeconds)) > 1e-6 {
            problems.append("\(name): reports \(route.durationSeconds) s, the schedule takes \(duration) s")
        }
        let metres = legs.reduce(0, +)
        // A hub tour paid by whole vehicle-days is checked with the vehicle's other trips.
        if !(route.kind == .hubTour && scenario.hubFleetCost == .vehicleDay) {
            let cost =
                vehicle.costPerKilometre * Double(metres) / 1000 + vehicle.costPerHourIncludingFixed * duration / 3600
            if abs(cost - route.costEur) > 1e-6 * max(1, cost) {
                problems.append("\(name): reports cost \(route.costEur), recomputed \(cost)")
            }
        }
        // Energy leg by leg: the load on board falls at every stop and is zero on the way back.
        var onBoard =
            network.weightDimension.map { weight in route.stops.map { $0.quantity[weight] }.reduce(0, +) } ?? 0
        var energy = 0.0
        for (index, metres) in legs.enumerated() {
            var perKm = vehicle.energyPerKilometre
            if let model = vehicle.loadDependentEnergy, let weight = network.weightDimension {
                perKm = model.empty + (model.full - model.empty) * min(max(onBoard / vehicle.capacity[weight], 0), 1)
            }
            energy += Double(metres) / 1000 * perKm
            if index < route.stops.count, let weight = network.weightDimension {
                onBoard -= route.stops[index].quantity[weight]
            }
        }
        // A refrigeration unit: energy by the hour of the trip and by the km, from the same
        // supply; leakage, the year's kg × GWP over the unit's yearly hours, is direct (WTW and TTW).
        var leakage = 0.0
        if let reefer = vehicle.reefer {
            energy +=
                reefer.energyPerHour * Double(route.durationSeconds) / 3600 + reefer.energyPerKilometre
                * Double(metres) / 1000
            if let hours = reefer.operatingHoursPerYear {
                leakage =
                    reefer.refrigerantLeakageKgPerYear * reefer.refrigerantGWP * Double(route.durationSeconds) / 3600
                    / hours
            }
        }
        energy /= 1 - vehicle.chargingLossFraction
        let factor = scenario.emissionFactors.carrier(vehicle.energyCarrier)
        let wtw = energy * (factor?.wellToWheelKg ?? .nan) + leakage
        let ttw = energy * (factor?.tankToWheelKg ?? .nan) + leakage
        if !(abs(wtw - route.co2eWtwKg) <= 1e-9 * max(1, wtw)) {
            problems.append("\(name): reports \(route.co2eWtwKg) kg CO2e WTW, recomputed \(wtw)")
        }
        if !(abs(ttw - route.co2eTtwKg) <= 1e-9 * max(1, ttw)) {
            problems.append("\(name): reports \(route.co2eTtwKg) kg CO2e TTW, recomputed \(ttw)")
        }
        return problems
    }

    /// The trips of one vehicle on one day follow each other with the reload time in between,
    /// and no more of them than its type allows; a counted hub fleet is not exceeded.
    private static func checkVehicleDays(_ plan: WeeklyPlan, scenario: Scenario) -> [String] {
        var problems: [String] = []
        let labelled = plan.routes.filter { $0.vehicle != nil }
        for (key, trips) in Dictionary(grouping: labelled, by: { "\($0.operatedBy) \($0.day.rawValue) \($0.vehicle!)" })
        {
            let ordered = trips.sorted { $0.departureMinute < $1.departureMinute }
            guard let type = scenario.vehicleType(ordered[0].vehicleType, for: ordered[0].kind) else { continue }
            if ordered.count > type.maxTripsPerShift {
                problems.append("\(key): \(ordered.count) trips, more than the \(type.maxTripsPerShift) allowed")
            }
            for (first, second) in zip(ordered, ordered.dropFirst()) {
                let ready = first.departureMinute + Double(first.durationSeconds) / 60 + Double(type.reloadMinutes)
                if second.departureMinute < ready - 1e-6 {
                    problems.append(
                        "\(key): a trip departs at minute \(second.departureMinute), before the vehicle is back and reloaded (\(ready))"
                    )
                }
            }
        }
        for (type, count) in scenario.hubFleetCounts {
            for (key, trips) in Dictionary(
                grouping: labelled.filter { $0.kind == .hubTour && $0.vehicleType == type },
                by: { "\($0.operatedBy) \($0.day.rawValue)" })
            {
                let vehicles = Set(trips.map { $0.vehicle! }).count
                if vehicles > count {
                    problems.append("\(key): \(vehicles) vehicles of type \(type), only \(count) available")
                }
            }
        }
        return problems
    }

    /// Under `hub_fleet_cost: vehicle_day` each hub vehicle used on a day costs its daily fixed
    /// cost plus a driver paid for its whole shift, once, however many trips it makes: its
    /// trips carry that vehicle-day in proportion to their hours, plus their own kilometres.
    private static func checkVehicleDayCosts(_ plan: WeeklyPlan, scenario: Scenario) -> [String] {
        guard scenario.hubFleetCost == .vehicleDay else { return [] }
        var problems: [String] = []
        let tours = plan.routes.filter { $0.kind == .hubTour }
        for route in tours where route.vehicle == nil {
            problems.append(
                "hub tour of \(route.operatedBy) on \(route.day.rawValue): no vehicle label, so its vehicle-day cannot be costed"
            )
        }
        let vehicles = Dictionary(grouping: tours.filter { $0.vehicle != nil }) {
            "\($0.operatedBy) \($0.day.rawValue) \($0.vehicle!)"
        }
        for (key, trips) in vehicles.sorted(by: { $0.key < $1.key }) {
            guard let vehicle = scenario.network.vehicleType(trips[0].vehicleType) else { continue }
            if trips.contains(where: { $0.vehicleType != vehicle.id }) {
                problems.append("\(key): trips of different vehicle types under one vehicle")
                continue
            }
            let dayCost =
                vehicle.fixedCostPerDay + vehicle.costPerHour * Double(vehicle.shiftEnd - vehicle.shiftStart) / 60
            let hours = trips.map { Double($0.durationSeconds) }.reduce(0, +)
            for trip in trips {
                let share = hours > 0 ? Double(trip.durationSeconds) / hours : 1 / Double(trips.count)
                let cost = vehicle.costPerKilometre * Double(trip.legMetres.reduce(0, +)) / 1000 + dayCost * share
                if abs(cost - trip.costEur) > 1e-6 * max(1, cost) {
                    problems.append(
                        "\(key): the trip departing at minute \(trip.departureMinute) reports cost \(trip.costEur), recomputed \(cost) (its km and \(share) of a vehicle-day of \(dayCost) EUR)"
                    )
                }
            }
        }
        return problems
    }

    /// Hub operations handle exactly what the trunk legs bring to each hub on each day, at the
    /// hub's energy per unit.
    private static func checkHubOperations(_ plan: WeeklyPlan, scenario: Scenario) -> [String] {
        let network = scenario.network
        var problems: [String] = []
        var brought: [String: [Double]] = [:]
        for route in plan.routes where route.kind == .trunk {
            for stop in route.stops {
                let key = "\(stop.location) \(route.day.rawValue)"
                brought[key] = zip(brought[key] ?? stop.quantity.map { _ in 0 }, stop.quantity).map(+)
            }
        }
        var handled: [String: [Double]] = [:]
        for operation in plan.hubOperations {
            guard let hub = network.hub(operation.hub) else {
                problems.append("hub operation at unknown hub \(operation.hub)")
                continue
            }
            let key = "\(operation.hub) \(operation.day.rawValue)"
            let quantity = operation.deliveries.reduce(into: [Double](repeating: 0, count: network.dimensions.count)) {
                total, delivery in
                for index in total.indices { total[index] += delivery.quantity[index] }
            }
            handled[key] = quantity
            let energy = zip(quantity, hub.handlingEnergyPerUnit).map(*).reduce(0, +)
            if abs(energy - operation.energy) > 1e-9 * max(1, energy) {
                problems.append("hub operation \(key): energy \(operation.energy), recomputed \(energy)")
            }
            let factor = scenario.emissionFactors.carrier(hub.handlingEnergyCarrier)
            let wtw = energy * (factor?.wellToWheelKg ?? .nan)
            if !(abs(wtw - operation.co2eWtwKg) <= 1e-9 * max(1, wtw)) {
                problems.append("hub operation \(key): \(operation.co2eWtwKg) kg CO2e WTW, recomputed \(wtw)")
            }
        }
        for (key, quantity) in brought where !nearlyEqual(handled[key] ?? [], quantity) {
            problems.append("hub \(key): trunk legs bring \(quantity) but operations handle \(handled[key] ?? [])")
        }
        if handled.count != brought.count { problems.append("hub operations on days without trunk arrivals") }
        return problems
    }

    private static func nearlyEqual(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }
    }
}
