import BundelLP
import BundelRouting
import Foundation

/// Runs a scenario end to end: the direct baseline, the consolidation model, and the bundled
/// plan of trunk legs, hub tours and the flows that stay direct.
///
/// 1. Baseline: each supplier routes its own deliveries, day by day, from its depot.
/// 2. Estimates: the baseline's routes give each flow's direct cost; a pilot plan that sends
///    every eligible flow through each hub gives the cost of a hub stop at each site.
/// 3. The consolidation MIP (GLPK) picks the flows to bundle.
/// 4. The chosen plan is routed for real: hub tours, trunk legs and the remaining direct routes.
/// 5. The estimates are updated from those routes and the model solved again (3-4) until its
///    choice repeats; the best routed plan is kept.
public enum Planner {
    /// Plans `scenario`. `stop` (Ctrl-C) ends every search early: the plan is then complete and
    /// valid but less optimised, and marked interrupted. With `keepingProblems`, both plans
    /// keep the routing problems their routes came from (``WeeklyPlan/dayProblems``).
    /// `commandStarted`, when given, is when the command began: the time limit then covers
    /// reading the input as well (``TimeBudget/init(limit:commandStarted:)``).
    static func plan(
        _ scenario: Scenario, progress: PlanProgress = .silent, stop: StopSignal? = nil,
        keepingProblems: Bool = false, commandStarted: ContinuousClock.Instant? = nil
    ) throws -> PlanResult {
        let start = ContinuousClock.now
        let budget = TimeBudget(limit: scenario.timeLimitSeconds, commandStarted: commandStarted ?? start)
        var statistics = RunStatistics()
        statistics.stop = stop
        statistics.keepProblems = keepingProblems
        let setup = try prepare(
            scenario, baselineUntil: budget.deadline(atFraction: 0.35),
            pilotUntil: budget.deadline(atFraction: 0.55), progress: progress, statistics: &statistics)
        let (outcome, bundled, _) = try consolidate(
            scenario, estimates: setup.estimates, directDays: setup.directDays,
            context: setup.context, budget: budget, allDirect: setup.baseline,
            progress: progress, statistics: &statistics)
        var result = PlanResult(
            scenario: scenario, baseline: setup.baseline, bundled: bundled, consolidation: outcome,
            routingProblems: statistics.problems, routingIterations: statistics.iterations,
            hitTimeLimit: statistics.hitTimeLimit, seconds: (ContinuousClock.now - start).inSeconds)
        result.routingProblemsReused = statistics.reusedProblems
        result.readingSeconds = (start - budget.start).inSeconds
        result.stages = statistics.stages
        result.timeLimited =
            (statistics.routingHitTimeLimit ? ["routing"] : [])
            + (statistics.modelHitTimeLimit ? ["consolidation model"] : [])
        result.oneTripPerDeliveryKm = oneTripPerDeliveryKm(scenario.network, matrix: setup.context.matrix)
        result.interrupted = stop?.isRequested ?? false
        result.baselineDays = setup.baselineDays
        return result
    }

    /// Kilometres a week if each delivery were its own round trip from its supplier's depot.
    static func oneTripPerDeliveryKm(_ network: Network, matrix: TravelMatrix) -> Double {
        network.flows.map { flow in
            Double(
                flow.deliveriesPerWeek
                    * (matrix.metres(flow.supplier, flow.site) + matrix.metres(flow.site, flow.supplier))) / 1000
        }.reduce(0, +)
    }

    /// What every consolidation starts from: the travel context, the direct delivery days, the
    /// routed baseline and the first estimates (from the baseline and a pilot hub plan).
    struct Setup {
        var context: TravelContext
        var directDays: [Int: [Int]]
        var baseline: WeeklyPlan
        var estimates: ConsolidationEstimates
        /// How the baseline's days were chosen.
        var baselineDays: BaselineDaysSummary
    }

    /// Routes the baseline by `baselineUntil` and the pilot hub plans by `pilotUntil`.
    static func prepare(
        _ scenario: Scenario, baselineUntil: ContinuousClock.Instant, pilotUntil: ContinuousClock.Instant,
        progress: PlanProgress = .silent, statistics: inout RunStatistics
    ) throws -> Setup {
        let network = scenario.network
        progress("travel matrix for \(network.hubs.count + network.sites.count + network.suppliers.count) locations")
        var clock = ContinuousClock.now
        let context = TravelContext(
            matrix: try TravelMatrix.forScenario(scenario), network: network, factors: scenario.emissionFactors)
        statistics.record(\.matrixSeconds, since: &clock)
        let crossDockProblems = CrossDockCheck.problems(scenario, matrix: context.matrix)
        if !crossDockProblems.isEmpty { throw InputError(crossDockProblems) }
        // The baseline's days: given days kept, the others by the scenario's `baseline_days`.
        let (directDays, baseline, baselineDays) = BaselineDayChoice.plan(
            scenario, context: context, deadline: baselineUntil,
            progress: progress, statistics: &statistics)
        statistics.record(\.baselineSeconds, since: &clock)
        progress(
            "estimates: pilot hub plan\(scenario.hubs.count == 1 ? "" : "s") for \(scenario.hubs.joined(separator: ", "))"
        )
        let estimates = self.estimates(
            from: baseline, scenario: scenario, context: context, deadline: pilotUntil, statistics: &statistics)
        statistics.record(\.estimatesSeconds, since: &clock)
        return Setup(
            context: context, directDays: directDays, baseline: baseline, estimates: estimates,
            baselineDays: baselineDays)
    }

    /// The consolidation model's estimates: direct costs from the baseline's routes, hub-stop
    /// costs from a pilot plan per hub that takes every flow allowed to join, and trunk trips.
    static func estimates(
        from baseline: WeeklyPlan, scenario: Scenario, context: TravelContext,
        deadline: ContinuousClock.Instant, statistics: inout RunStatistics
    ) -> ConsolidationEstimates {
        let network = scenario.network
        let shares = ConsolidationEstimates.flowShares(baseline, flowCount: network.flows.count, matrix: context.matrix)
        var estimates = ConsolidationEstimates(
            direct: network.flows.map { shares[$0.index] ?? Metrics() },
            hubStop: [:], trunkTrip: [:], trunkCapacity: [:])
        for supplier in network.suppliers {
            // A supplier can only bundle when its trunk vehicle can carry every dimension its
            // flows have (a van without room for roll cages cannot bring cages to the hub).
            guard let vehicle = TrunkLegs.vehicle(for: supplier, scenario: scenario) else { continue }
            let carried = network.flows.filter { $0.supplier == supplier.id }.allSatisfy { flow in
                zip(flow.weeklyQuantity, vehicle.capacity).allSatisfy { quantity, capacity in
                    quantity == 0 || capacity > 0
                }
            }
            if carried { estimates.trunkCapacity[supplier.id] = vehicle.capacity }
        }
        let eligible = network.flows.filter {
            scenario.participation(of: $0) != .out && estimates.trunkCapacity[$0.supplier] != nil
        }
        for hubId in scenario.hubs {
            let hub = network.hub(hubId)!
            // The pilot prices a hub stop with an unlimited fleet: a counted fleet would leave
            // sites unserved and without an estimate, which says nothing about their cost.
            let pilot = routeHub(
                hub, flows: eligible, scenario: scenario, context: context, deadline: deadline,
                limitFleet: false, statistics: &statistics)
            let shares = ConsolidationEstimates.hubShares(pilot, scenario: scenario, matrix: context.matrix)
            estimates.hubStop[hubId] = shares.stops
            if let cost = shares.dayCost {
                estimates.vehicleDayCost[hubId] = cost
                estimates.vehicleDaysPerStop[hubId] = shares.vehicleDays
            }
            var trips: [String: Metrics] = [:]
            for supplier in network.suppliers {
                guard let vehicle = TrunkLegs.vehicle(for: supplier, scenario: scenario) else { continue }
                let trip = TrunkLegs.trip(
                    supplier, to: hub, vehicle: vehicle, day: scenario.days[0], deliveries: [], context: context)
                trips[supplier.id] = Metrics(trip)
            }
            estimates.trunkTrip[hubId] = trips
        }
        return estimates
    }

    /// The plan for the flows the model sent through hubs (hub tours, trunk legs, hub costs)
    /// and the flows that stay direct, re-routed on their baseline days.
    static func bundledPlan(
        _ viaHub: [Int: String], directDays: [Int: [Int]], scenario: Scenario, context: TravelContext,
        deadline: ContinuousClock.Instant, statistics: inout RunStatistics
    ) -> WeeklyPlan {
        let network = scenario.network
        let directFlows = network.flows.filter { viaHub[$0.index] == nil }
        var bundled = routeDirect(
            directFlows, days: directDays, scenario: scenario, context: context,
            deadline: deadline, statistics: &statistics)
        for hubId in scenario.hubs {
            let hub = network.hub(hubId)!
            let flows = network.flows.filter { viaHub[$0.index] == hubId }
            guard !flows.isEmpty else { continue }
            // Trunk legs first: they bring what the tours of each day need, and a same_day
            // hub's tours wait for them.
            let schedule = hubSchedule(hub, flows: flows, scenario: scenario)
            var trunkLegs: [PlannedRoute] = []
            var cost = HubCost(hub: hubId, fixedCostEur: hub.fixedCostPerWeek)
            for (supplierId, supplierFlows) in Dictionary(grouping: schedule.flows, by: \.supplier).sorted(by: {
                $0.key < $1.key
            }) {
                let supplier = network.supplier(supplierId)!
                let vehicle = TrunkLegs.vehicle(for: supplier, scenario: scenario)!
                let legs = TrunkLegs.plan(
                    supplier, to: hub, flows: supplierFlows, flowDays: schedule.days, vehicle: vehicle,
                    days: scenario.days, context: context)
                trunkLegs += legs.routes
                cost.storageCostEur += legs.storageCostEur
            }
            let release =
                hub.crossDock == .sameDay ? TrunkLegs.readyMinutes(trunkLegs, at: hub, days: scenario.days) : nil
            let tours = routeHub(
                hub, flows: flows, scenario: scenario, context: context, deadline: deadline, schedule: schedule,
                notBefore: release, statistics: &statistics)
            bundled.routes += tours.routes + trunkLegs
            bundled.unserved += tours.unserved
            bundled.dayProblems += tours.dayProblems
            cost.handlingCostEur = flows.map { zip(hub.handlingCost, $0.weeklyQuantity).map(*).reduce(0, +) }
                .reduce(0, +)
            bundled.hubCosts.append(cost)
            bundled.hubFixedCostEur += cost.fixedCostEur
            bundled.hubHandlingCostEur += cost.handlingCostEur
            bundled.hubStorageCostEur += cost.storageCostEur
        }
        bundled.hubOperations = HubOperations.fromTrunkLegs(
            bundled.routes, network: network, factors: scenario.emissionFactors)
        // Day by day, then by kind and operator; the index keeps the order total and stable.
        bundled.routes = bundled.routes.enumerated().sorted {
            ($0.element.day, $0.element.kind.rawValue, $0.element.operatedBy, $0.offset)
                < ($1.element.day, $1.element.kind.rawValue, $1.element.operatedBy, $1.offset)
        }.map(\.element)
        return bundled
    }

    /// The bundled plans of several assignments (``bundledPlan(_:directDays:scenario:context:deadline:statistics:)``),
    /// routed side by side, in the order given.
    ///
    /// A routed switch is mostly one supplier's hub days: a single search or two, which leave
    /// the other core idle when plans are routed one after the other. Problems the plans share
    /// are searched once (``DayRouteCache``), so the plans and the run's counts are those of
    /// routing them one by one, whichever thread gets where first.
    static func bundledPlans(
        _ assignments: [[Int: String]], directDays: [Int: [Int]], scenario: Scenario, context: TravelContext,
        deadline: ContinuousClock.Instant, statistics: inout RunStatistics
    ) -> [WeeklyPlan] {
        if assignments.count == 1 {
            return [
                bundledPlan(
                    assignments[0], directDays: directDays, scenario: scenario, context: context, deadline: deadline,
                    statistics: &statistics)
            ]
        }
        // Each plan's own day problems then run one after another on its thread (Dispatch gives
        // a concurrentPerform inside another no more threads), so the plans, not their days,
        // share the cores; most bundled flows first: they make the longest hub days.
        let shared = statistics
        let routed = assignments.concurrentMap(heaviestFirst: \.count) {
            viaHub -> (plan: WeeklyPlan, counts: RunStatistics) in
            var counts = shared.withoutCounts
            let plan = bundledPlan(
                viaHub, directDays: directDays, scenario: scenario, context: context, deadline: deadline,
                statistics: &counts)
            return (plan, counts)
        }
        for item in routed { statistics.addCounts(of: item.counts) }
        return routed.map(\.plan)
    }

    /// Counters over all routing problems of a run, and the run's stop request.
    struct RunStatistics: Sendable {
        var problems = 0
        var iterations = 0
        /// Which parts the time limit cut short: the routing searches, the consolidation model.
        var routingHitTimeLimit = false
        var modelHitTimeLimit = false
        var hitTimeLimit: Bool { routingHitTimeLimit || modelHitTimeLimit }
        /// Set by Ctrl-C: every search stops at its next check with its best solution, and the
        /// rounds end, so that a complete plan is still reported.
        var stop: StopSignal?
        /// Whether the routed plans keep their routing problems (``WeeklyPlan/dayProblems``).
        var keepProblems = false
        /// The day problems routed so far in the run, and how many were routed again.
        var routes = DayRouteCache()
        var reusedProblems = 0
        /// Where the run's time went.
        var stages = PlanStageTimes()

        /// Adds the time from `start` until now to `stage`, and moves `start` to now.
        mutating func record(
            _ stage: WritableKeyPath<PlanStageTimes, Double>, since start: inout ContinuousClock.Instant
        ) {
            let now = ContinuousClock.now
            stages[keyPath: stage] += (now - start).inSeconds
            start = now
        }

        /// The same run (its stop request, its cache, whether problems are kept) with no
        /// problems counted yet, for routing that is counted on its own and added later.
        var withoutCounts: RunStatistics {
            var fresh = RunStatistics()
            fresh.stop = stop
            fresh.keepProblems = keepProblems
            fresh.routes = routes
            return fresh
        }

        /// Adds the routing counts of `other` (made from ``withoutCounts``).
        mutating func addCounts(of other: RunStatistics) {
            problems += other.problems
            iterations += other.iterations
            reusedProblems += other.reusedProblems
            routingHitTimeLimit = routingHitTimeLimit || other.routingHitTimeLimit
        }

        mutating func add(_ outcomes: [DayRouter.Outcome]) {
            let searched = outcomes.filter { !$0.reused }
            problems += searched.count
            reusedProblems += outcomes.count - searched.count
            iterations += searched.map(\.statistics.iterations).reduce(0, +)
            routingHitTimeLimit = routingHitTimeLimit || searched.contains { $0.statistics.stoppedByTimeLimit }
        }
    }

    /// Direct delivery of `flows`: one routing problem per supplier and day, solved in parallel.
    static func routeDirect(
        _ flows: [Flow], days: [Int: [Int]], scenario: Scenario, context: TravelContext,
        deadline: ContinuousClock.Instant, statistics: inout RunStatistics
    ) -> WeeklyPlan {
        let network = scenario.network
        var tasks: [(supplier: Supplier, day: Int, jobs: [DeliveryJob])] = []
        for supplier in network.suppliers {
            let own = flows.filter { $0.supplier == supplier.id }
            let perDay = DeliverySchedule.jobs(
                own, days: days, network: network, dayCount: scenario.days.count, combinePerSite: false)
            for (day, jobs) in perDay.enumerated() where !jobs.isEmpty { tasks.append((supplier, day, jobs)) }
        }
        let router = router(scenario, context: context, deadline: deadline, statistics: statistics)
        let outcomes = tasks.concurrentMap { task in
            router.route(
                task.jobs, day: task.day, from: task.supplier.id, operatedBy: task.supplier.id, kind: .direct,
                fleet: scenario.fleet(of: task.supplier))
        }
        statistics.add(outcomes)
        return WeeklyPlan(
            routes: outcomes.flatMap(\.routes), unserved: outcomes.flatMap(\.unserved), hubFixedCostEur: 0,
            hubHandlingCostEur: 0,
            dayProblems: outcomes.compactMap(\.problem))
    }

    /// The flows a hub's tours can deliver (sites in a zone that no hub vehicle may enter are
    /// left to their suppliers) and the planning days of each.
    static func hubSchedule(_ hub: Hub, flows: [Flow], scenario: Scenario) -> (flows: [Flow], days: [Int: [Int]]) {
        let network = scenario.network
        let fleet = scenario.hubFleetTypes
        let reachable = flows.filter { flow in
            !(scenario.enforceZone && network.site(flow.site)!.inZone && !fleet.contains(where: \.mayEnterZone))
        }
        // The day-pattern model runs once for the pilot and once for the plan; its node limit
        // normally ends it, and its time limit (a tenth of a small budget at most) is the net.
        let schedule = DeliverySchedule.hub(
            reachable, from: hub, network: network, dayCount: scenario.days.count,
            patterns: scenario.allowedDayPatterns, vehicleCapacity: fleet.largest?.capacity ?? [],
            timeLimitSeconds: min(DayPatternModel.defaultTimeLimitSeconds, 0.1 * scenario.timeLimitSeconds))
        return (reachable, schedule.flows)
    }

    /// Hub tours delivering `flows` from `hub`, one routing problem per day, on the days of
    /// `schedule` (computed when not given). `notBefore` holds, per planning day, the minute
    /// before which no tour may leave (a same_day hub waits for its trunk legs).
    static func routeHub(
        _ hub: Hub, flows: [Flow], scenario: Scenario, context: TravelContext,
        deadline: ContinuousClock.Instant, limitFleet: Bool = true,
        schedule: (flows: [Flow], days: [Int: [Int]])? = nil, notBefore: [Int?]? = nil,
        statistics: inout RunStatistics
    ) -> WeeklyPlan {
        let network = scenario.network
        let fleet = scenario.hubFleetTypes
        let schedule = schedule ?? hubSchedule(hub, flows: flows, scenario: scenario)
        let perDay = DeliverySchedule.jobs(
            schedule.flows, days: schedule.days, network: network, dayCount: scenario.days.count,
            combinePerSite: true)
        let router = router(scenario, context: context, deadline: deadline, statistics: statistics)
        let outcomes = Array(perDay.enumerated()).concurrentMap { day, jobs in
            router.route(
                jobs, day: day, from: hub.id, operatedBy: hub.id, kind: .hubTour, fleet: fleet,
                counts: limitFleet ? scenario.hubFleetCounts : [:], notBefore: notBefore?[day] ?? nil,
                costBasis: scenario.hubFleetCost)
        }
        statistics.add(outcomes)
        return WeeklyPlan(
            routes: outcomes.flatMap(\.routes), unserved: outcomes.flatMap(\.unserved), hubFixedCostEur: 0,
            hubHandlingCostEur: 0,
            dayProblems: outcomes.compactMap(\.problem))
    }

    private static func router(
        _ scenario: Scenario, context: TravelContext, deadline: ContinuousClock.Instant,
        statistics: RunStatistics
    ) -> DayRouter {
        // Set partitioning over the route pool costs more time than it saves on the small day
        // problems of a plan (measured: 105 s against 5 s for the campus scenario; again on
        // 2026-12-05, 63.6 s against 2.75 s for a weekly cost 0.005 % lower), so plans use the
        // annealing alone.
        var search = SearchParameters(
            seed: scenario.seed, maxIterations: scenario.routingIterations, setPartitioning: false)
        search.stop = statistics.stop
        return DayRouter(
            context: context, days: scenario.days, enforceZone: scenario.enforceZone, search: search,
            deadline: deadline,
            keepProblems: statistics.keepProblems, cache: statistics.routes)
    }
}

/// Splits the scenario's wall-clock budget into phase deadlines: baseline routing until 35 %,
/// pilot hub routing until 55 %, the consolidation rounds (MIP and routed plan each) until the end.
struct TimeBudget {
    let total: Double
    let start: ContinuousClock.Instant

    /// The share of a command's time limit kept back from planning for what follows it: the
    /// independent validator and the output files. At 10,000 sites they take about 10 s
    /// (an 80 MB JSON summary), 1.6 % of a 600 s limit; at 4,000 sites about 2 s of 180 s.
    static let checkingAndWritingShare = 0.03

    init(total: Double, start: ContinuousClock.Instant) {
        self.total = total
        self.start = start
    }

    /// The planning budget of a command that began at `commandStarted` and must end within
    /// `limit` seconds: counted from that start, so that reading the scenario and the network
    /// is inside the limit, and ending early enough to leave ``checkingAndWritingShare`` of it
    /// to the validator and the output files.
    init(limit: Double, commandStarted: ContinuousClock.Instant) {
        self.init(total: limit * (1 - Self.checkingAndWritingShare), start: commandStarted)
    }

    /// The moment at which `fraction` of the budget has passed.
    func deadline(atFraction fraction: Double) -> ContinuousClock.Instant {
        start.advanced(by: .milliseconds(Int64(total * fraction * 1000)))
    }

    /// Seconds from now until `fraction` of the budget has passed (0 when already past).
    func secondsUntil(fraction: Double) -> Double {
        max(0, (deadline(atFraction: fraction) - ContinuousClock.now).inSeconds)
    }
}
