import Foundation

/// The baseline's delivery days: days the network gives are kept, the others are chosen by the
/// scenario's `baseline_days` policy, and the baseline is routed on them.
///
/// - `balanced`: the greedy balance of ``DayPatterns/balance`` per supplier, flows with given
///   days placed first (without given days exactly the greedy balance bundel used before `baseline_days`).
/// - `cheapest`: each supplier's days improved from the balanced ones by a local search on an
///   estimate of its own routing cost per day (``DayCostEstimate``); both day sets are then
///   routed for real and each supplier keeps the one whose routes are cheaper, so the baseline
///   is never dearer than the balanced one.
/// - `given`: every flow has one possible pattern (the loader has checked), so nothing is chosen.
enum BaselineDayChoice {
    /// The days of every flow, the routed baseline, and how they were chosen.
    static func plan(
        _ scenario: Scenario, context: TravelContext, deadline: ContinuousClock.Instant,
        progress: PlanProgress = .silent,
        statistics: inout Planner.RunStatistics
    ) -> (days: [Int: [Int]], baseline: WeeklyPlan, summary: BaselineDaysSummary) {
        let network = scenario.network
        var summary = BaselineDaysSummary(policy: scenario.baselineDays)
        var choosing = Set<String>()
        for flow in network.flows {
            switch scenario.givenDays(of: flow) {
            case .own: summary.flowsWithOwnDays += 1
            case .supplier: summary.flowsWithSupplierDays += 1
            case .none: break
            }
            if scenario.baselineDayCandidates(of: flow).count > 1 { choosing.insert(flow.supplier) }
        }
        summary.suppliersWithChoice = choosing.count
        let balanced = balancedDays(scenario)
        var cheapest = balanced
        if scenario.baselineDays == .cheapest {
            progress("baseline: each supplier's cheapest delivery days (estimated)")
            cheapest = cheapestDays(scenario, context: context, start: balanced)
        }
        progress("baseline: every supplier routes its own \(network.flows.count) flows, day by day")
        let balancedPlan = Planner.routeDirect(
            network.flows, days: balanced, scenario: scenario, context: context,
            deadline: deadline, statistics: &statistics)
        guard scenario.baselineDays == .cheapest else { return (balanced, balancedPlan, summary) }
        summary.balancedTotals = balancedPlan.totals
        let changed = Set(network.flows.filter { cheapest[$0.index] != balanced[$0.index] }.map(\.supplier))
        guard !changed.isEmpty else { return (balanced, balancedPlan, summary) }
        progress(
            "baseline: \(changed.count) supplier(s) routed again on their cheapest days, to keep the cheaper routes")
        let cheapestPlan = Planner.routeDirect(
            network.flows.filter { changed.contains($0.supplier) }, days: cheapest, scenario: scenario,
            context: context, deadline: deadline, statistics: &statistics)
        var days = balanced
        var baseline = WeeklyPlan(routes: [], unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0)
        for supplier in network.suppliers {
            var source = balancedPlan
            if changed.contains(supplier.id) {
                // Fewest unserved deliveries first, then the objective; a tie keeps the balanced days.
                func key(_ plan: WeeklyPlan) -> (Int, Double) {
                    (
                        plan.unserved.filter { $0.operatedBy == supplier.id }.count,
                        scenario.objective.value(
                            of: PlanTotals(routes: plan.routes.filter { $0.operatedBy == supplier.id }))
                    )
                }
                if key(cheapestPlan) < key(balancedPlan) {
                    source = cheapestPlan
                    summary.suppliersOnCheapestDays += 1
                    for flow in network.flows where flow.supplier == supplier.id {
                        days[flow.index] = cheapest[flow.index]
                    }
                } else {
                    summary.suppliersKeptBalanced += 1
                }
            }
            baseline.routes += source.routes.filter { $0.operatedBy == supplier.id }
            baseline.unserved += source.unserved.filter { $0.operatedBy == supplier.id }
            baseline.dayProblems += source.dayProblems.filter { $0.operatedBy == supplier.id }
        }
        return (days, baseline, summary)
    }

    /// Day indices per flow, balanced per supplier: flows with given days first (they have the
    /// least choice), then by falling frequency, each on the pattern among its candidates that
    /// keeps the supplier's busiest day lightest (ties: the smaller sum of squared day loads,
    /// then the earlier candidate). Without given days these are the days bundel chose before `baseline_days` existed.
    static func balancedDays(_ scenario: Scenario) -> [Int: [Int]] {
        let network = scenario.network
        var days: [Int: [Int]] = [:]
        for supplier in network.suppliers {
            let flows = network.flows.filter { $0.supplier == supplier.id }
            let given = flows.map { scenario.givenDays(of: $0) != .none }
            let candidates = flows.map { scenario.baselineDayCandidates(of: $0) }
            var load = [Double](repeating: 0, count: scenario.days.count)
            let order = flows.indices.sorted {
                (given[$0] ? 0 : 1, -flows[$0].deliveriesPerWeek, $0) < (
                    given[$1] ? 0 : 1, -flows[$1].deliveriesPerWeek, $1
                )
            }
            for item in order {
                var best: (key: (Double, Double, Int), days: [Int])?
                for (position, pattern) in candidates[item].enumerated() {
                    var trial = load
                    for day in pattern { trial[day] += 1 }
                    let key = (trial.max()!, trial.map { $0 * $0 }.reduce(0, +), position)
                    if best == nil || key < best!.key { best = (key, pattern) }
                }
                days[flows[item].index] = best!.days
                for day in best!.days { load[day] += 1 }
            }
        }
        return days
    }

    /// Day indices per flow, each supplier's improved from `start` (the balanced days) by a local
    /// search on ``DayCostEstimate``: flow by flow, in the network's order, onto the candidate
    /// pattern that lowers the estimated cost of the supplier's week most, until no move of one
    /// flow lowers it. Suppliers are searched side by side; the result does not depend on which
    /// finishes first.
    static func cheapestDays(_ scenario: Scenario, context: TravelContext, start: [Int: [Int]]) -> [Int: [Int]] {
        let network = scenario.network
        let searched = network.suppliers.concurrentMap { supplier -> [(Int, [Int])] in
            let flows = network.flows.filter { $0.supplier == supplier.id }
            let candidates = flows.map { scenario.baselineDayCandidates(of: $0) }
            guard candidates.contains(where: { $0.count > 1 }) else {
                return flows.map { ($0.index, start[$0.index]!) }
            }
            let estimate = DayCostEstimate(supplier: supplier, flows: flows, scenario: scenario, context: context)
            let chosen = improve(
                start: flows.map { start[$0.index]! }, candidates: candidates, dayCount: scenario.days.count,
                cost: estimate.cost)
            return zip(flows, chosen).map { ($0.index, $1) }
        }
        return Dictionary(uniqueKeysWithValues: searched.flatMap { $0 })
    }

    /// The local search of ``cheapestDays``: `start[f]` must be one of `candidates[f]`; `cost`
    /// prices the flows (positions into `start`) delivered on one day. Two moves:
    ///
    /// - one flow onto the candidate with the largest estimated saving (ties: the earlier
    ///   candidate), in passes over the flows until a pass moves none;
    /// - then, when no single flow can move, the best merge of one day into another: every flow
    ///   delivered on the first day and not the second whose pattern with the one day swapped
    ///   for the other is a candidate moves there (two groups of neighbours on two days, which
    ///   no single flow leaves alone, become one tour); after a merge the single moves go on.
    ///
    /// Every move lowers the estimated total, so the search ends.
    static func improve(start: [[Int]], candidates: [[[Int]]], dayCount: Int, cost: ([Int]) -> Double) -> [[Int]] {
        var chosen = start
        var onDay = [[Int]](repeating: [], count: dayCount)
        for (flow, days) in start.enumerated() { for day in days { onDay[day].append(flow) } }
        var dayCost = onDay.map(cost)
        // A move must save more than rounding noise, so that no pass undoes another.
        let tolerance = 1e-6 * max(1, dayCost.reduce(0, +))
        for _ in 0..<1000 {
            var moved = false
            for flow in candidates.indices where candidates[flow].count > 1 {
                let old = chosen[flow]
                var leaving: [Int: Double] = [:], joining: [Int: Double] = [:]
                var best: (saving: Double, days: [Int])?
                for pattern in candidates[flow] where pattern != old {
                    var change = 0.0
                    for day in old where !pattern.contains(day) {
                        if leaving[day] == nil { leaving[day] = cost(onDay[day].filter { $0 != flow }) }
                        change += leaving[day]! - dayCost[day]
                    }
                    for day in pattern where !old.contains(day) {
                        if joining[day] == nil { joining[day] = cost(onDay[day] + [flow]) }
                        change += joining[day]! - dayCost[day]
                    }
                    if -change > tolerance, best == nil || -change > best!.saving { best = (-change, pattern) }
                }
                guard let best else { continue }
                for day in old where !best.days.contains(day) {
                    onDay[day].removeAll { $0 == flow }
                    dayCost[day] = leaving[day]!
                }
                for day in best.days where !old.contains(day) {
                    onDay[day].append(flow)
                    dayCost[day] = joining[day]!
                }
                chosen[flow] = best.days
                moved = true
            }
            if moved { continue }
            var merge: (saving: Double, from: Int, to: Int, flows: [Int], fromCost: Double, toCost: Double)?
            for from in 0..<dayCount {
                for to in 0..<dayCount where to != from {
                    let movers = onDay[from].filter { flow in
                        !chosen[flow].contains(to) && candidates[flow].contains(swapped(chosen[flow], from, to))
                    }
                    guard !movers.isEmpty else { continue }
                    let fromCost = cost(onDay[from].filter { !movers.contains($0) })
                    let toCost = cost(onDay[to] + movers)
                    let saving = dayCost[from] + dayCost[to] - fromCost - toCost
                    if saving > tolerance, merge == nil || saving > merge!.saving {
                        merge = (saving, from, to, movers, fromCost, toCost)
                    }
                }
            }
            guard let merge else { break }
            for flow in merge.flows { chosen[flow] = swapped(chosen[flow], merge.from, merge.to) }
            onDay[merge.from].removeAll { merge.flows.contains($0) }
            onDay[merge.to] += merge.flows
            dayCost[merge.from] = merge.fromCost
            dayCost[merge.to] = merge.toCost
        }
        return chosen
    }

    /// `days` with `from` replaced by `to`, sorted.
    private static func swapped(_ days: [Int], _ from: Int, _ to: Int) -> [Int] {
        days.map { $0 == from ? to : $0 }.sorted()
    }
}

/// A supplier's routing cost of one day's deliveries, estimated in O(n²) without the routing
/// engine, in the scenario's objective (cost by default): a tour from the depot through the
/// day's sites by cheapest insertion (sites taken farthest from the depot first), plus one
/// extra round trip of the mean depot-site-depot length for every further load the day's
/// quantity needs beyond one vehicle's capacity, priced per km and per hour (driving and
/// service) with the supplier vehicle type that comes out cheapest. Time windows, shifts and
/// zone rules are left out: the estimate only steers the choice of days, and the routed plans
/// decide (``BaselineDayChoice/plan(_:context:deadline:progress:statistics:)``).
struct DayCostEstimate: Sendable {
    struct Vehicle: Sendable {
        let capacity: [Double]
        /// Objective per metre and per second.
        let perMetre: Double
        let perSecond: Double
        /// Seconds between the estimate's points.
        let seconds: [Int]
    }

    /// Point 0 is the depot, then the supplier's sites.
    let pointCount: Int
    let metres: [Int]
    let vehicles: [Vehicle]
    /// Per flow (position in the supplier's flows): its site's point, one delivery's quantity,
    /// and the seconds its stop takes.
    let point: [Int]
    let quantity: [[Double]]
    let serviceSeconds: [Double]

    init(supplier: Supplier, flows: [Flow], scenario: Scenario, context: TravelContext) {
        let matrix = context.matrix
        var ids = [supplier.id]
        var pointOf: [String: Int] = [:]
        for flow in flows where pointOf[flow.site] == nil {
            pointOf[flow.site] = ids.count
            ids.append(flow.site)
        }
        pointCount = ids.count
        metres = ids.flatMap { from in ids.map { to in matrix.metres(from, to) } }
        let weights = scenario.objective
        vehicles = scenario.fleet(of: supplier).map { type in
            let perKm = type.loadDependentEnergy.map { ($0.empty + $0.full) / 2 } ?? type.energyPerKilometre
            let wtw = context.factors.carrier(type.energyCarrier)?.wellToWheelKg ?? 0
            let drawn = 1 / (1 - type.chargingLossFraction)
            let co2ePerKm = (perKm + (type.reefer?.energyPerKilometre ?? 0)) * drawn * wtw
            // A refrigeration unit also emits by the hour: its energy and its leakage.
            let co2ePerHour =
                type.reefer.map { $0.energyPerHour * drawn * wtw + $0.leakageCo2eKg(seconds: 3600) } ?? 0
            return Vehicle(
                capacity: type.capacity,
                perMetre: (weights.perEur * type.costPerKilometre + weights.perKm + weights.perKgCO2e * co2ePerKm)
                    / 1000,
                perSecond: (weights.perEur * type.costPerHourIncludingFixed + weights.perKgCO2e * co2ePerHour) / 3600,
                seconds: ids.flatMap { from in ids.map { to in matrix.seconds(from, to, speedKmh: type.speedKmh) } })
        }
        point = flows.map { pointOf[$0.site]! }
        quantity = flows.map(\.quantityPerDelivery)
        let sites = Dictionary(uniqueKeysWithValues: scenario.network.sites.map { ($0.id, $0) })
        // One delivery is one stop of its own (a supplier has one flow per site).
        serviceSeconds = flows.map { flow in
            Double(
                context.serviceTime.seconds(
                    fixedMinutes: sites[flow.site]!.serviceMinutes, deliveries: 1, quantity: flow.quantityPerDelivery))
        }
    }

    /// The estimated cost of delivering `flows` (positions in the supplier's flows) on one day.
    func cost(_ flows: [Int]) -> Double {
        guard !flows.isEmpty else { return 0 }
        let n = pointCount
        let sites = Set(flows.map { point[$0] }).sorted {
            (-(metres[$0] + metres[$0 * n]), $0) < (-(metres[$1] + metres[$1 * n]), $1)
        }
        // Cheapest insertion into the tour depot -> ... -> depot, in the order above.
        var tour: [Int] = []
        for site in sites {
            var best = (added: Int.max, position: 0)
            for position in 0...tour.count {
                let before = position == 0 ? 0 : tour[position - 1]
                let after = position == tour.count ? 0 : tour[position]
                let added = metres[before * n + site] + metres[site * n + after] - metres[before * n + after]
                if added < best.added { best = (added, position) }
            }
            tour.insert(site, at: best.position)
        }
        let legs = zip([0] + tour, tour + [0])
        let tourMetres = Double(legs.map { metres[$0.0 * n + $0.1] }.reduce(0, +))
        let radialMetres = Double(sites.map { metres[$0] + metres[$0 * n] }.reduce(0, +)) / Double(sites.count)
        let service = flows.map { serviceSeconds[$0] }.reduce(0, +)
        var load = [Double](repeating: 0, count: quantity[flows[0]].count)
        for flow in flows { for dimension in load.indices { load[dimension] += quantity[flow][dimension] } }

        var cheapest = Double.infinity
        for vehicle in vehicles {
            let ratio = zip(load, vehicle.capacity).map { $1 > 0 ? $0 / $1 : ($0 > 0 ? .infinity : 0) }.max() ?? 0
            guard ratio.isFinite else { continue }
            let extra = Double(max(1, Int((ratio - 1e-9).rounded(.up))) - 1)
            let tourSeconds = Double(legs.map { vehicle.seconds[$0.0 * n + $0.1] }.reduce(0, +))
            let radialSeconds =
                Double(sites.map { vehicle.seconds[$0] + vehicle.seconds[$0 * n] }.reduce(0, +)) / Double(sites.count)
            let value =
                vehicle.perMetre * (tourMetres + extra * radialMetres)
                + vehicle.perSecond * (tourSeconds + extra * radialSeconds + service)
            cheapest = min(cheapest, value)
        }
        // No vehicle of the supplier carries the load: nothing to steer by (the routing reports it).
        return cheapest.isFinite ? cheapest : 0
    }
}
