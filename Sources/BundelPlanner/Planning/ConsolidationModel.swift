import BundelLP

/// The mixed-integer program that decides which flows go through which hub.
///
/// Sets: flows f, candidate hubs h, sites i, suppliers s. Variables: `via[f,h]` (binary) flow f
/// goes through hub h, else it stays direct; `open[h]` (binary); `level[i,h,k]` site i gets at
/// least k hub deliveries a week (the maximum, not the sum, of its bundled flows' frequencies,
/// because a site receives one combined delivery per day, written as a staircase of levels);
/// `trips[s,h]` trunk trips a week (continuous: volume over vehicle capacity in every
/// dimension, and at least the trips its legs drive anyway once it uses the hub, `uses[s,h]`
/// binary: its minimum, or the trips its routed legs drove, so that volume fitting in their
/// room costs nothing more);
/// `joins[s,h]` with `whole_suppliers`. The objective adds the direct estimate of flows left
/// direct, hub stops, trunk trips, handling and the hub's fixed cost, each weighed by the
/// scenario's objective. docs/model.md has the formulation in full.
///
/// Every objective coefficient is kept as ``Metrics`` (cost, km, CO2e) beside its weighed value,
/// so that a limit on one figure can be added afterwards (the epsilon-constraint method of
/// ``ParetoFront``) and the solution's figures can be read back.
struct ConsolidationModel: Sendable {
    /// What the model decided and how sure it is.
    struct Decision: Sendable {
        var status: SolveStatus
        /// The optimum in the objective's unit, including the constant.
        var objective: Double?
        /// Cost, km and CO2e of the solution by the model's estimates.
        var metrics: Metrics?
        /// Hub id per bundled flow index.
        var viaHub: [Int: String]
        /// Whether the clock (not the gap or the node limit) ended the search.
        var stoppedByTimeLimit = false
        /// The optimal basis of the model's LP relaxation: a warm start for the next solve of
        /// the same model with other estimates or a row added (``solve(timeLimitSeconds:relativeGap:startingFrom:warmStart:)``).
        var relaxationBasis: SimplexBasis?
        /// Simplex iterations of the relaxation and of branch and cut together.
        var simplexIterations = 0
        /// A value no assignment's is below: the optimum of the model's LP relaxation, or when
        /// the clock cut the relaxation short, the bound its duals had reached by then
        /// (`boundFromCutRelaxation`); `nil` when neither is known.
        var bound: Double?
        /// Whether `bound` comes from a relaxation the clock cut short (a weaker bound).
        var boundFromCutRelaxation = false
    }

    let scenario: Scenario
    let estimates: ConsolidationEstimates
    let objective: ObjectiveWeights
    private(set) var model = LinearModel(sense: .minimize)
    /// The all-direct estimate, the model's constant term.
    private(set) var constant = Metrics()
    private var coefficients: [(variable: LinearModel.Variable, metrics: Metrics)] = []
    private var via: [(flow: Int, hub: String, variable: LinearModel.Variable)] = []
    private var open: [String: LinearModel.Variable] = [:]
    /// Per supplier and hub: its trunk trips, whether it uses the hub, and whether it joins it
    /// (with `whole_suppliers`), for ``startingValues(for:)``.
    private var trunk:
        [(
            supplier: String, hub: String, trips: LinearModel.Variable, uses: LinearModel.Variable,
            joins: LinearModel.Variable?
        )] = []
    /// Per hub and site: its stop levels (``stopLevels(site:hub:upTo:in:)``).
    private var levels: [(hub: String, site: String, levels: [LinearModel.Variable])] = []
    /// Per hub under whole vehicle-days: its vehicle-days a week.
    private var vehicleDays: [String: LinearModel.Variable] = [:]
    /// Hubs forced open (`true`) or closed (`false`) by ``fixing(hub:open:)``.
    private(set) var hubsFixedOpen: [String: Bool] = [:]

    /// The hubs each flow may take: one entry per `via` variable.
    var options: [(flow: Int, hub: String)] { via.map { ($0.flow, $0.hub) } }

    /// Builds the model. A flow may go through a hub when its supplier is not forced out, its
    /// supplier's trunk vehicle carries its goods and the hub fleet can reach and may enter its
    /// site (``ConsolidationEstimates/isEligible(_:at:scenario:)``).
    init(scenario: Scenario, estimates: ConsolidationEstimates, objective: ObjectiveWeights? = nil) throws(LPError) {
        self.scenario = scenario
        self.estimates = estimates
        self.objective = objective ?? scenario.objective
        let network = scenario.network
        let name = LinearModel.sanitizedName
        let flowsBySupplier = Dictionary(grouping: network.flows, by: \.supplier)
        var joins: [String: [LinearModel.Variable]] = [:]

        constant = estimates.direct.reduce(Metrics(), +)
        model.objectiveConstant = constant.value(self.objective)
        for hubId in scenario.hubs {
            let hub = network.hub(hubId)!
            let open = try addVariable(
                name: "open(\(name(hubId)))", kind: .binary, metrics: Metrics(costEur: hub.fixedCostPerWeek))
            self.open[hubId] = open
            var hubVolume: [[(LinearModel.Variable, Double)]] = network.dimensions.map { _ in [] }
            var levelsAtSite: [String: [LinearModel.Variable]] = [:]
            for (supplierId, flows) in flowsBySupplier.sorted(by: { $0.key < $1.key }) {
                let eligible = flows.filter { estimates.isEligible($0, at: hubId, scenario: scenario) }
                guard !eligible.isEmpty, let trip = estimates.trunkTrip[hubId]?[supplierId],
                    let capacity = estimates.trunkCapacity[supplierId]
                else { continue }
                let tag = "\(name(supplierId)).\(name(hubId))"
                // Continuous on purpose: with integer trips the rounding turns the model into a
                // knapsack that GLPK needed minutes to close (gap 2% after 100 s on the campus
                // network) against 0.2 s without. The routed plan rounds the trips up; the whole
                // trips its legs drove last round come back as the floor of min_trips, which
                // gives the room they had (a flow that fits adds no trunk cost) without the
                // knapsack.
                let trips = try addVariable(name: "trips(\(tag))", metrics: trip)
                let uses = try addVariable(name: "uses(\(tag))", kind: .binary)
                try model.addConstraint(
                    name: "min_trips(\(tag))",
                    [
                        (uses, estimates.tripsAnyway(of: supplierId, to: hubId, scenario: scenario)),
                        (trips, -1),
                    ], .atMost(0))
                var trunkVolume: [[(LinearModel.Variable, Double)]] = network.dimensions.map { _ in [] }
                // A supplier uses the hub only when it is open; with a flow only when the
                // supplier uses it, this bounds every flow by the hub's opening in one row per
                // supplier instead of one per flow, with the same LP relaxation.
                try model.addConstraint(name: "hub_open(\(tag))", [(uses, 1), (open, -1)], .atMost(0))
                let whole = scenario.wholeSuppliers ? try addVariable(name: "joins(\(tag))", kind: .binary) : nil
                if let whole { joins[supplierId, default: []].append(whole) }
                trunk.append((supplierId, hubId, trips, uses, whole))
                for flow in eligible {
                    let saving =
                        estimates.direct[flow.index] * -1
                        + ConsolidationEstimates.handling(flow, at: hub, factors: scenario.emissionFactors)
                    let x = try addVariable(name: "via(f\(flow.index).\(name(hubId)))", kind: .binary, metrics: saving)
                    via.append((flow.index, hubId, x))
                    try model.addConstraint(
                        name: "uses_hub(f\(flow.index).\(name(hubId)))", [(x, 1), (uses, -1)], .atMost(0))
                    if let whole {
                        try model.addConstraint(
                            name: "whole(f\(flow.index).\(name(hubId)))", [(x, 1), (whole, -1)], .equalTo(0))
                    }
                    let levels = try stopLevels(
                        site: flow.site, hub: hubId, upTo: flow.deliveriesPerWeek, in: &levelsAtSite)
                    try model.addConstraint(
                        name: "frequency(f\(flow.index).\(name(hubId)))",
                        [(x, 1), (levels[flow.deliveriesPerWeek - 1], -1)], .atMost(0))
                    for dimension in network.dimensions.indices where flow.weeklyQuantity[dimension] > 0 {
                        trunkVolume[dimension].append((x, flow.weeklyQuantity[dimension]))
                        hubVolume[dimension].append((x, flow.weeklyQuantity[dimension]))
                    }
                }
                for (dimension, terms) in trunkVolume.enumerated() where !terms.isEmpty && capacity[dimension] > 0 {
                    try model.addConstraint(
                        name: "trunk_volume(\(tag).\(name(network.dimensions[dimension].id)))",
                        terms + [(trips, -capacity[dimension])], .atMost(0))
                }
            }
            for (dimension, terms) in hubVolume.enumerated()
            where !terms.isEmpty && hub.capacityPerWeek[dimension].isFinite {
                try model.addConstraint(
                    name: "hub_capacity(\(name(hubId)).\(name(network.dimensions[dimension].id)))",
                    terms + [(open, -hub.capacityPerWeek[dimension])], .atMost(0))
            }
            if let dayCost = estimates.vehicleDayCost[hubId], !levelsAtSite.isEmpty {
                try addVehicleDays(hub: hubId, cost: dayCost, levelsAtSite: levelsAtSite)
            }
            levels += levelsAtSite.sorted { $0.key < $1.key }.map { (hubId, $0.key, $0.value) }
        }
        // Each flow goes through at most one hub; forced-in suppliers' flows through exactly one.
        // A free flow with one hub to choose needs no row: its binary says it all.
        let optionsPerFlow = Dictionary(grouping: via, by: \.flow)
        for flow in network.flows {
            guard let options = optionsPerFlow[flow.index] else { continue }
            let forced = scenario.participation(of: flow) == .in
            guard forced || options.count > 1 else { continue }
            try model.addConstraint(
                name: "assign(f\(flow.index))", options.map { ($0.variable, 1.0) }, forced ? .equalTo(1) : .atMost(1))
        }
        // With whole suppliers, a supplier joins one hub at most (its contract is with one).
        for (supplierId, options) in joins.sorted(by: { $0.key < $1.key }) where options.count > 1 {
            try model.addConstraint(name: "one_hub(\(name(supplierId)))", options.map { ($0, 1.0) }, .atMost(1))
        }
    }

    /// Adds a variable whose objective coefficient is `metrics` weighed by the objective.
    private mutating func addVariable(
        name: String, kind: LinearModel.VariableKind = .continuous, upperBound: Double = .infinity,
        metrics: Metrics = Metrics()
    ) throws(LPError) -> LinearModel.Variable {
        let variable = try model.addVariable(
            name: name, kind: kind, upperBound: kind == .binary ? 1 : upperBound,
            objective: metrics.value(objective))
        coefficients.append((variable, metrics))
        return variable
    }

    /// The stop-level variables of a site, created up to `count` levels: `level[k-1]` is 1 when
    /// the site gets at least k hub deliveries a week, so its stops are the sum of its levels.
    ///
    /// This is the maximum of the bundled flows' frequencies written as a staircase (level k
    /// must be on for every flow delivered k or more times a week). Its LP relaxation is much
    /// tighter than `stops >= frequency * via` per flow, which lets GLPK prove optimality fast.
    private mutating func stopLevels(
        site: String, hub: String, upTo count: Int,
        in levels: inout [String: [LinearModel.Variable]]
    ) throws(LPError) -> [LinearModel.Variable] {
        var existing = levels[site] ?? []
        let cost = estimates.hubStop[hub]![site]!
        let tag = "\(LinearModel.sanitizedName(site)).\(LinearModel.sanitizedName(hub))"
        while existing.count < count {
            let level = existing.count + 1
            let variable = try addVariable(name: "level(\(tag).\(level))", upperBound: 1, metrics: cost)
            if let previous = existing.last {
                try model.addConstraint(
                    name: "staircase(\(tag).\(level))", [(variable, 1), (previous, -1)], .atMost(0))
            }
            existing.append(variable)
        }
        levels[site] = existing
        return existing
    }

    /// Under whole vehicle-days (``ConsolidationEstimates/vehicleDayCost``) the hub's fleet is
    /// paid by the day, as a whole: `vehicle_days[h]` (continuous) at the average cost of a
    /// vehicle-day, at least the vehicle-days its deliveries take (each site's hub deliveries
    /// times its share of the routed vehicle-days) and at least one on each day the hub
    /// delivers, which are no fewer than any site's hub deliveries a week. With a counted hub
    /// fleet (every type counted) and no supplier forced in, the week's vehicle-days are at most
    /// the vehicles a day times the planning days.
    private mutating func addVehicleDays(
        hub: String, cost: Double, levelsAtSite: [String: [LinearModel.Variable]]
    ) throws(LPError) {
        let name = LinearModel.sanitizedName
        let days = try addVariable(name: "vehicle_days(\(name(hub)))", metrics: Metrics(costEur: cost))
        vehicleDays[hub] = days
        var work: [(LinearModel.Variable, Double)] = []
        for (site, levels) in levelsAtSite.sorted(by: { $0.key < $1.key }) {
            let perStop = estimates.vehicleDaysPerStop[hub]?[site] ?? 0
            if perStop > 0 { work += levels.map { ($0, perStop) } }
            try model.addConstraint(
                name: "fleet_days(\(name(site)).\(name(hub)))", levels.map { ($0, 1.0) } + [(days, -1)], .atMost(0))
        }
        if !work.isEmpty { try model.addConstraint(name: "fleet_work(\(name(hub)))", work + [(days, -1)], .atMost(0)) }
        let fleet = scenario.hubFleetTypes.map { scenario.hubFleetCounts[$0.id] }
        let forced = scenario.network.flows.contains { scenario.participation(of: $0) == .in }
        if !fleet.isEmpty, fleet.allSatisfy({ $0 != nil }), !forced {
            let available = Double(fleet.compactMap { $0 }.reduce(0, +) * scenario.days.count)
            try model.addConstraint(name: "fleet_count(\(name(hub)))", [(days, 1)], .atMost(available))
        }
    }

    /// The same model with a hub forced open or closed, to measure what the hub is worth.
    func fixing(hub: String, open isOpen: Bool) throws(LPError) -> ConsolidationModel {
        var copy = self
        guard let variable = open[hub] else { return copy }
        copy.hubsFixedOpen[hub] = isOpen
        try copy.model.addConstraint(
            name: "fix_open(\(LinearModel.sanitizedName(hub)))", [(variable, 1)], .equalTo(isOpen ? 1 : 0))
        return copy
    }

    /// The same model with the weekly CO2e (well-to-wheel, by the estimates) at most `limit`
    /// kg: the epsilon constraint of a cost–CO2e trade-off.
    func limitingCO2e(toAtMost limit: Double) throws(LPError) -> ConsolidationModel {
        var copy = self
        let terms = coefficients.filter { $0.metrics.co2eWtwKg != 0 }.map { ($0.variable, $0.metrics.co2eWtwKg) }
        try copy.model.addConstraint(name: "co2e_limit", terms, .atMost(limit - constant.co2eWtwKg))
        return copy
    }

    /// Solves the model within the time limit, to the given relative gap (optimal within it).
    ///
    /// A local search (``ConsolidationLocalSearch``) improves the two obvious assignments
    /// (every flow direct; every flow through a hub) and the given starts; then the LP
    /// relaxation is solved: its solution, each flow rounded to the hub it takes at least half
    /// of, is one more start, improved by the search too, and its basis starts branch and cut's
    /// relaxation. Branch and cut starts from the best of these that the model admits, so that it always
    /// has an answer when one of them is feasible, however little time it gets: a model cut
    /// short by the clock then returns the best solution found by then, at worst that start,
    /// with the status ``SolveStatus/feasible``. GLPK's feasibility pump runs only when no
    /// start is within the gap of the relaxation's bound: it found 0.03 % at once on a
    /// 1,400-site round but took 30 s to finish its passes, where the rounding took none.
    ///
    /// `warmStart` is the relaxation's basis from an earlier solve of this model's shape: the
    /// model's own before a hub was fixed, or before the all-in candidate forced its flows in.
    /// The relaxation of a 4,000-site network takes 41-51 s from scratch (glpsol); closing its
    /// hub from the optimal basis took 22 s. A basis whose costs have changed since (another
    /// round's) is no longer dual feasible, and ``LinearSolver`` drops it for a start from
    /// scratch; the rounds therefore do not pass one on.
    func solve(
        timeLimitSeconds: Double, relativeGap: Double = ConsolidationOutcome.relativeGap,
        startingFrom starts: [[Int: String]] = [], warmStart: SimplexBasis? = nil
    ) throws(LPError) -> Decision {
        let began = ContinuousClock.now
        // The local search from the obvious assignments and the given starts, beside the
        // relaxation (GLPK, one thread): it takes about a second at 4,000 sites, and when the
        // relaxation does not finish in time its result is the round's answer instead of the
        // best start alone.
        let search = ConsolidationLocalSearch(self)
        let obvious = [[:], allInAssignment()] + starts
        let searching = BackgroundWork { obvious.concurrentMap(search.improved(from:)) }
        let relaxed = try LinearSolver.solve(
            model.relaxation,
            options: SolveOptions(
                timeLimitSeconds: max(0.1, timeLimitSeconds - (ContinuousClock.now - began).inSeconds),
                startingBasis: warmStart))
        let searched = searching.value
        let bound = relaxed.objectiveBound
        let boundFromCutRelaxation = relaxed.status != .optimal && bound != nil
        let rounded = relaxed.status == .optimal ? [rounding(relaxed)] : []
        let candidates = obvious + searched + rounded + rounded.map(search.improved(from:))
        let start = candidates.compactMap { assignment in
            startingValues(for: assignment).map { (assignment, $0, objective(at: $0)) }
        }.min { $0.2 < $1.2 }
        let closeEnough =
            start.map { start in bound.map { start.2 - $0 <= relativeGap * max(abs(start.2), 1e-9) } ?? false } ?? false
        let left = max(0.001, timeLimitSeconds - (ContinuousClock.now - began).inSeconds)
        let options = SolveOptions(
            timeLimitSeconds: left, nodeLimit: Self.nodeLimit, initialSolution: start?.1, relativeMIPGap: relativeGap,
            feasibilityPump: !closeEnough, startingBasis: relaxed.basis)
        let result = try LinearSolver.solve(model, options: options)
        let iterations = relaxed.simplexIterations + result.simplexIterations
        guard result.status.hasSolution else {
            guard let start, result.stoppedByTimeLimit || relaxed.stoppedByTimeLimit else {
                return Decision(
                    status: result.status, objective: nil, metrics: nil, viaHub: [:], relaxationBasis: relaxed.basis,
                    simplexIterations: iterations, bound: bound,
                    boundFromCutRelaxation: boundFromCutRelaxation)
            }
            return Decision(
                status: .feasible, objective: start.2, metrics: metrics(of: start.1), viaHub: start.0,
                stoppedByTimeLimit: true,
                relaxationBasis: relaxed.basis, simplexIterations: iterations, bound: bound,
                boundFromCutRelaxation: boundFromCutRelaxation)
        }
        var viaHub: [Int: String] = [:]
        for option in via where result.value(option.variable) > 0.5 { viaHub[option.flow] = option.hub }
        return Decision(
            status: result.status, objective: result.objectiveValue, metrics: metrics(of: result.values),
            viaHub: viaHub,
            stoppedByTimeLimit: result.stoppedByTimeLimit || relaxed.stoppedByTimeLimit, relaxationBasis: relaxed.basis,
            simplexIterations: iterations, bound: bound,
            boundFromCutRelaxation: boundFromCutRelaxation)
    }

    /// The decision of a model that leaves nothing to choose, without a solve: when every flow
    /// with a hub option has exactly one and its supplier is forced in (the all-in candidate
    /// through a single hub), the only assignment takes every option, and each continuous
    /// variable's cheapest feasible value (``startingValues(for:)``) is its optimum, as every
    /// one of them has a positive cost and only lower limits. Status ``SolveStatus/infeasible``
    /// when that assignment breaks a row (a hub's capacity, a counted fleet); `nil` when the
    /// model has a choice to make and must be solved. At 4,000 sites this saved the all-in
    /// candidate's relaxation and branch and cut, about 70 s.
    func forcedDecision() -> Decision? {
        let network = scenario.network
        var assignment: [Int: String] = [:]
        for option in via {
            guard assignment[option.flow] == nil, scenario.participation(of: network.flows[option.flow]) == .in
            else { return nil }
            assignment[option.flow] = option.hub
        }
        guard let values = startingValues(for: assignment) else {
            return Decision(status: .infeasible, objective: nil, metrics: nil, viaHub: [:])
        }
        let value = objective(at: values)
        return Decision(
            status: .optimal, objective: value, metrics: metrics(of: values), viaHub: assignment, bound: value)
    }

    /// Branch-and-bound nodes after which the model's search stops with its best solution
    /// (status ``SolveStatus/feasible``) if the gap is not yet closed: deterministic, unlike
    /// the clock, so the same input gives the same plan on any machine. A 1,400-site round
    /// took about 70 ms a node; the campus network's rounds close at the root.
    static let nodeLimit = 500

    /// The relaxation's solution rounded: each flow through the hub it takes most of, when
    /// that is at least half.
    private func rounding(_ relaxed: SolveResult) -> [Int: String] {
        var taken: [Int: (hub: String, share: Double)] = [:]
        for option in via {
            let share = relaxed.value(option.variable)
            if share >= 0.5, share > (taken[option.flow]?.share ?? 0) { taken[option.flow] = (option.hub, share) }
        }
        return taken.mapValues(\.hub)
    }

    /// The model's objective at `values`.
    func objective(at values: [Double]) -> Double {
        coefficients.reduce(model.objectiveConstant) {
            $0 + model.objectiveCoefficient(of: $1.variable) * values[$1.variable.index]
        }
    }

    /// Cost, km and CO2e at `values`, by the estimates.
    private func metrics(of values: [Double]) -> Metrics {
        coefficients.reduce(constant) { $0 + $1.metrics * values[$1.variable.index] }
    }

    /// Every flow the model may bundle through a hub: each supplier's flows through the hub
    /// that can take most of them (the first in the scenario's order on a tie), or the first
    /// that can take the flow; a start for branch and cut when suppliers are forced in.
    private func allInAssignment() -> [Int: String] {
        let flows = scenario.network.flows
        var eligibleAt: [String: [String: Int]] = [:]
        for option in via { eligibleAt[flows[option.flow].supplier, default: [:]][option.hub, default: 0] += 1 }
        // `max(by:)` keeps the first of equal elements.
        let preferred = eligibleAt.mapValues { counts in
            scenario.hubs.filter { counts[$0] != nil }.max { counts[$0]! < counts[$1]! }
        }
        var assignment: [Int: String] = [:]
        for (flow, choices) in Dictionary(grouping: via, by: \.flow) {
            let hubs = choices.map(\.hub)
            let first = preferred[flows[flow].supplier] ?? nil
            assignment[flow] =
                first.flatMap { hubs.contains($0) ? $0 : nil } ?? scenario.hubs.first(where: hubs.contains)
        }
        return assignment
    }

    /// The values of every variable for the assignment `viaHub`, each continuous variable at
    /// its cheapest feasible value (as ``AssignmentValue`` counts them), or nil when the
    /// assignment breaks a constraint of the model (a flow it may not bundle there, a forced
    /// flow left direct, a hub's capacity, a counted fleet).
    func startingValues(for viaHub: [Int: String]) -> [Double]? {
        let network = scenario.network
        var values = [Double](repeating: 0, count: model.variableCount)
        var bundled = 0
        for option in via where viaHub[option.flow] == option.hub {
            values[option.variable.index] = 1
            bundled += 1
        }
        // Every bundled flow must have a variable at its hub (eligible there).
        guard bundled == viaHub.count else { return nil }
        for (hub, variable) in open where viaHub.values.contains(hub) { values[variable.index] = 1 }
        // Per hub: each supplier's weekly quantity through it, each site's hub deliveries a week
        // (in flow order, so that the sums are the same in every process).
        var volume: [String: [String: [Double]]] = [:]
        var stops: [String: [String: Int]] = [:]
        for (index, hub) in viaHub.sorted(by: { $0.key < $1.key }) {
            let flow = network.flows[index]
            let carried = volume[hub]?[flow.supplier] ?? flow.weeklyQuantity.map { _ in 0 }
            volume[hub, default: [:]][flow.supplier] = zip(carried, flow.weeklyQuantity).map(+)
            stops[hub, default: [:]][flow.site] = max(stops[hub]?[flow.site] ?? 0, flow.deliveriesPerWeek)
        }
        for part in trunk {
            guard let quantity = volume[part.hub]?[part.supplier] else { continue }
            values[part.uses.index] = 1
            if let joins = part.joins { values[joins.index] = 1 }
            values[part.trips.index] = AssignmentValue.trunkTrips(
                quantity, from: part.supplier, to: part.hub, scenario: scenario,
                estimates: estimates)
        }
        for part in levels {
            for level in part.levels.prefix(stops[part.hub]?[part.site] ?? 0) { values[level.index] = 1 }
        }
        for (hub, variable) in vehicleDays {
            values[variable.index] = AssignmentValue.vehicleDaysNeeded(
                stops[hub] ?? [:], hub: hub, estimates: estimates)
        }
        return model.violation(of: values) == nil ? values : nil
    }
}
