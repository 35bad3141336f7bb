/// The linear estimates the consolidation model weighs, all per week: what a flow costs
/// delivered directly, what one hub delivery at a site costs, what one trunk trip costs and
/// how many trips a supplier's trunk legs drive anyway once it uses a hub.
///
/// They start from the baseline's routes and a pilot hub plan, and are updated from the routes
/// of each plan the model chooses (``updated(from:viaHub:matrix:)``), so that the next solve
/// prices the deliveries as they were actually driven.
struct ConsolidationEstimates: Sendable {
    /// Direct delivery of each flow (indexed by flow).
    var direct: [Metrics]
    /// One hub delivery at a site: `hubStop[hub][site]`; a missing site cannot be served.
    var hubStop: [String: [String: Metrics]]
    /// One trunk trip: `trunkTrip[hub][supplier]`.
    var trunkTrip: [String: [String: Metrics]]
    /// The trips a supplier's trunk legs to a hub drove in the last routed plan that had them
    /// (`trunkTripsDriven[hub][supplier]`): legs go on every day the hub needs the supplier's
    /// goods and round up to whole vehicles, so they have room the volume alone does not show.
    /// Once the supplier uses the hub the model counts at least these trips, so a flow that fits
    /// in their room adds nothing to its supplier's trunk cost (``tripsAnyway(of:to:scenario:)``).
    var trunkTripsDriven: [String: [String: Double]] = [:]
    /// Capacity of the trunk vehicle per supplier; a supplier without one cannot bundle.
    var trunkCapacity: [String: [Double]]
    /// Under whole vehicle-days (`hub_fleet_cost: vehicle_day`), per hub: what one vehicle-day
    /// of its fleet costs in the routes, on average. The model then pays the hub's vehicle-days
    /// as a whole and ``hubStop`` holds only the tours' kilometres (and their cost).
    var vehicleDayCost: [String: Double] = [:]
    /// Under whole vehicle-days, per hub and site: the vehicle-days one hub delivery there
    /// takes, its share of the days of the vehicles that serve it (by the hours of their trips,
    /// then as ``RouteCostAllocation`` shares a trip among its stops).
    var vehicleDaysPerStop: [String: [String: Double]] = [:]
    /// Flows a counted hub fleet could not carry in an earlier round's routes, per hub, with
    /// the reason: they may no longer go through that hub (``Planner/consolidate``).
    var fleetExcluded: [String: [Int: Ineligibility]] = [:]

    /// Why a flow cannot go through a hub, or nil when it can.
    func ineligibility(of flow: Flow, at hub: String, scenario: Scenario) -> Ineligibility? {
        if scenario.participation(of: flow) == .out {
            let group = scenario.network.productGroup(of: flow)
            return scenario.supplierParticipation[flow.supplier] == nil
                && scenario.productGroupParticipation[group] == .out
                ? .productGroupOut(group: group) : .supplierOut(supplier: flow.supplier)
        }
        if trunkCapacity[flow.supplier] == nil { return .trunkCannotCarry(supplier: flow.supplier) }
        if trunkTrip[hub]?[flow.supplier] == nil { return .noTrunkVehicle(supplier: flow.supplier) }
        if hubStop[hub]?[flow.site] == nil { return .hubFleetCannotServe(hub: hub, site: flow.site) }
        if let reason = fleetExcluded[hub]?[flow.index] { return reason }
        return nil
    }

    /// The trunk trips a week a supplier that uses a hub pays whatever its volume: its stated
    /// minimum, or the trips its legs drove in the last routed plan when more.
    func tripsAnyway(of supplier: String, to hub: String, scenario: Scenario) -> Double {
        max(Double(scenario.network.supplier(supplier)!.minHubTripsPerWeek), trunkTripsDriven[hub]?[supplier] ?? 0)
    }

    /// Whether a flow may go through a hub.
    func isEligible(_ flow: Flow, at hub: String, scenario: Scenario) -> Bool {
        ineligibility(of: flow, at: hub, scenario: scenario) == nil
    }

    /// What handling a flow's weekly quantity at a hub adds: its cross-docking cost and the
    /// well-to-wheel CO2e of the hub operations' energy.
    static func handling(_ flow: Flow, at hub: Hub, factors: EmissionFactorSet) -> Metrics {
        let cost = zip(hub.handlingCost, flow.weeklyQuantity).map(*).reduce(0, +)
        let energy = zip(hub.handlingEnergyPerUnit, flow.weeklyQuantity).map(*).reduce(0, +)
        return Metrics(
            costEur: cost, co2eWtwKg: energy * (factors.carrier(hub.handlingEnergyCarrier)?.wellToWheelKg ?? 0))
    }

    /// The estimates after routing a chosen plan: flows the plan delivers directly take their
    /// share of its direct routes, sites it serves from a hub take their share of that hub's
    /// tours; everything the plan did not drive keeps its previous estimate.
    ///
    /// A supplier's remaining direct stops cost more once its neighbours' flows go to the hub,
    /// and a hub stop costs more when few sites share the tours than in the pilot plan: both
    /// show up here and make the next solve reconsider those flows. A trunk trip's estimate
    /// becomes the average of the routed legs, and the number of legs is what the supplier's
    /// trunk drives anyway (``trunkTripsDriven``): the rounding up to whole trips and the days
    /// with legs are then room for more volume, not a surcharge on every trip. (Before, the
    /// routed legs were divided over the model's continuous trips, so every flow paid a share
    /// of the rounding, even one that fitted in a leg that drove anyway.)
    func updated(
        from plan: WeeklyPlan, viaHub: [Int: String], scenario: Scenario, matrix: TravelMatrix
    ) -> ConsolidationEstimates {
        var next = learningTrunkLegs(from: plan)
        let directRoutes = WeeklyPlan(
            routes: plan.routes.filter { $0.kind == .direct }, unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0)
        let measured = Self.flowShares(directRoutes, flowCount: direct.count, matrix: matrix)
        let unservedFlows = Set(plan.unserved.flatMap { $0.deliveries.map(\.flow) })
        for (flow, share) in measured where viaHub[flow] == nil && !unservedFlows.contains(flow) {
            next.direct[flow] = share
        }
        for hub in hubStop.keys {
            let tours = plan.routes.filter { $0.kind == .hubTour && $0.operatedBy == hub }
            let unserved = plan.unserved.filter { $0.operatedBy == hub }
            let shares = Self.hubShares(
                WeeklyPlan(routes: tours, unserved: unserved, hubFixedCostEur: 0, hubHandlingCostEur: 0),
                scenario: scenario, matrix: matrix)
            for (site, share) in shares.stops { next.hubStop[hub]![site] = share }
            for (site, days) in shares.vehicleDays { next.vehicleDaysPerStop[hub, default: [:]][site] = days }
            if let cost = shares.dayCost { next.vehicleDayCost[hub] = cost }
        }
        return next
    }

    /// The estimates with the trunk legs of `plan` learned: for every supplier and hub with
    /// legs, one trip costs their average and their number is what drives anyway
    /// (``trunkTripsDriven``); other suppliers keep theirs.
    func learningTrunkLegs(from plan: WeeklyPlan) -> ConsolidationEstimates {
        var next = self
        var trunkRoutes: [String: [String: (metrics: Metrics, trips: Int)]] = [:]
        for route in plan.routes where route.kind == .trunk {
            guard let hub = route.stops.first?.location else { continue }
            let sum = trunkRoutes[hub]?[route.operatedBy] ?? (Metrics(), 0)
            trunkRoutes[hub, default: [:]][route.operatedBy] = (sum.metrics + Metrics(route), sum.trips + 1)
        }
        for (hub, suppliers) in trunkRoutes {
            for (supplier, routed) in suppliers {
                next.trunkTrip[hub]![supplier] = routed.metrics * (1 / Double(routed.trips))
                next.trunkTripsDriven[hub, default: [:]][supplier] = Double(routed.trips)
            }
        }
        return next
    }

    /// Each flow's weekly share of the routes it rides on (flows not on any route are absent).
    static func flowShares(_ plan: WeeklyPlan, flowCount: Int, matrix: TravelMatrix) -> [Int: Metrics] {
        var shares: [Int: Metrics] = [:]
        for route in plan.routes {
            for (stop, share) in zip(route.stops, RouteCostAllocation.shares(of: route, matrix: matrix)) {
                let part = share * (1 / Double(stop.deliveries.count))
                for delivery in stop.deliveries { shares[delivery.flow] = (shares[delivery.flow] ?? Metrics()) + part }
            }
        }
        return shares
    }

    /// The estimates of one hub's deliveries from its tours in `plan`. Pro rata, each site's
    /// share of the tours (``siteShares(_:matrix:)``). Under whole vehicle-days the tours count
    /// by their kilometres only, each site also gets its share of the vehicle-days per delivery,
    /// and `dayCost` is the average cost of the vehicle-days (nil without tours).
    static func hubShares(
        _ plan: WeeklyPlan, scenario: Scenario, matrix: TravelMatrix
    )
        -> (stops: [String: Metrics], vehicleDays: [String: Double], dayCost: Double?)
    {
        guard scenario.hubFleetCost == .vehicleDay else { return (siteShares(plan, matrix: matrix), [:], nil) }
        var kmOnly = plan
        var sum: [String: Double] = [:]
        var days: [String: Set<Weekday>] = [:]
        var dayCosts = 0.0
        let vehicles = Dictionary(grouping: plan.routes.indices) {
            "\(plan.routes[$0].day.rawValue) \(plan.routes[$0].vehicle ?? "trip \($0)")"
        }
        for (_, indices) in vehicles.sorted(by: { $0.key < $1.key }) {
            guard let type = scenario.vehicleType(plan.routes[indices[0]].vehicleType, for: .hubTour) else { continue }
            dayCosts += type.vehicleDayCostEur
            let shares = FleetCostBasis.vehicleDayShares(durations: indices.map { plan.routes[$0].durationSeconds })
            for (index, share) in zip(indices, shares) {
                let route = plan.routes[index]
                kmOnly.routes[index].costEur = type.costPerKilometre * Double(route.metres) / 1000
                for (stop, fraction) in zip(route.stops, RouteCostAllocation.fractions(of: route, matrix: matrix)) {
                    sum[stop.location, default: 0] += share * fraction
                    days[stop.location, default: []].insert(route.day)
                }
            }
        }
        let unservedSites = Set(plan.unserved.map(\.site))
        var vehicleDays: [String: Double] = [:]
        for (site, total) in sum where !unservedSites.contains(site) {
            vehicleDays[site] = total / Double(days[site]!.count)
        }
        return (
            siteShares(kmOnly, matrix: matrix), vehicleDays, vehicles.isEmpty ? nil : dayCosts / Double(vehicles.count)
        )
    }

    /// The average cost of one delivery day at each site, from a plan's routes. Sites with an
    /// unserved delivery get no estimate: the plan could not serve them.
    static func siteShares(_ plan: WeeklyPlan, matrix: TravelMatrix) -> [String: Metrics] {
        var sum: [String: Metrics] = [:]
        var days: [String: Set<Weekday>] = [:]
        for route in plan.routes {
            for (stop, share) in zip(route.stops, RouteCostAllocation.shares(of: route, matrix: matrix)) {
                sum[stop.location] = (sum[stop.location] ?? Metrics()) + share
                days[stop.location, default: []].insert(route.day)
            }
        }
        let unservedSites = Set(plan.unserved.map(\.site))
        var estimates: [String: Metrics] = [:]
        for (site, total) in sum where !unservedSites.contains(site) {
            // Split parts of one day's delivery count as one delivery: the model counts days.
            estimates[site] = total * (1 / Double(days[site]!.count))
        }
        return estimates
    }
}
