import BundelLP

/// The mixed-integer program that decides which flows go through which hub.
///
/// Sets: flows f, candidate hubs h, sites i, suppliers s. Variables: `via[f,h]` (binary) flow f
/// goes through hub h, else it stays direct; `open[h]` (binary); `stops[i,h]` hub deliveries a
/// week at site i, at least the frequency of every flow bundled there (the maximum, not the
/// sum, because a site receives one combined delivery per day, written as a staircase of
/// levels); `trips[s,h]` trunk trips a week (continuous: volume over vehicle capacity in every
/// dimension, and at least the supplier's minimum once it uses the hub, `uses[s,h]` binary).
/// The objective adds the direct estimate of flows left direct, hub stops, trunk trips,
/// handling (cost, or the CO2e of hub operations) and the hub's fixed cost. docs/model.md has the formulation in full.
struct ConsolidationModel {
    /// Per-unit estimates the model weighs, all per week.
    struct Estimates {
        /// Direct delivery of each flow (indexed by flow), from the baseline's routes.
        var direct: [Metrics]
        /// One hub delivery at a site: `hubStop[hub][site]`; a missing site cannot be served.
        var hubStop: [String: [String: Metrics]]
        /// One trunk trip: `trunkTrip[hub][supplier]`.
        var trunkTrip: [String: [String: Metrics]]
        /// Capacity of the trunk vehicle per supplier.
        var trunkCapacity: [String: [Double]]
    }

    /// What the model decided and how sure it is.
    struct Decision {
        var status: SolveStatus
        var objective: Double?
        /// Hub id per bundled flow index.
        var viaHub: [Int: String]
    }

    let scenario: Scenario
    let estimates: Estimates
    private(set) var model = LinearModel(sense: .minimize)
    private var via: [(flow: Int, hub: String, variable: LinearModel.Variable)] = []

    /// Builds the model. A flow may go through a hub when its supplier is not forced out and the
    /// hub has a stop estimate for its site (the hub fleet can reach and may enter it).
    init(scenario: Scenario, estimates: Estimates) throws(LPError) {
        self.scenario = scenario
        self.estimates = estimates
        let network = scenario.network
        let objective = scenario.objective
        let name = LinearModel.sanitizedName
        let flowsBySupplier = Dictionary(grouping: network.flows, by: \.supplier)

        model.objectiveConstant = estimates.direct.map { $0.value(objective) }.reduce(0, +)
        for hubId in scenario.hubs {
            let hub = network.hub(hubId)!
            let open = try model.addVariable(name: "open(\(name(hubId)))", kind: .binary,
                                             objective: objective == .cost ? hub.fixedCostPerWeek : 0)
            var hubVolume: [[(LinearModel.Variable, Double)]] = network.dimensions.map { _ in [] }
            var levelsAtSite: [String: [LinearModel.Variable]] = [:]
            for (supplierId, flows) in flowsBySupplier.sorted(by: { $0.key < $1.key }) {
                guard scenario.participation(of: supplierId) != .out, let trip = estimates.trunkTrip[hubId]?[supplierId],
                      let capacity = estimates.trunkCapacity[supplierId] else { continue }
                let eligible = flows.filter { estimates.hubStop[hubId]?[$0.site] != nil }
                guard !eligible.isEmpty else { continue }
                let supplier = network.supplier(supplierId)!
                let tag = "\(name(supplierId)).\(name(hubId))"
                // Continuous on purpose: with integer trips the rounding turns the model into a
                // knapsack that GLPK needed minutes to close (gap 2% after 100 s on the campus
                // network) against 0.2 s without. The routed plan rounds the trips up.
                let trips = try model.addVariable(name: "trips(\(tag))", objective: trip.value(objective))
                let uses = try model.addVariable(name: "uses(\(tag))", kind: .binary)
                try model.addConstraint(name: "min_trips(\(tag))", [(uses, Double(supplier.minHubTripsPerWeek)), (trips, -1)], .atMost(0))
                var trunkVolume: [[(LinearModel.Variable, Double)]] = network.dimensions.map { _ in [] }
                let whole = scenario.wholeSuppliers ? try model.addVariable(name: "joins(\(tag))", kind: .binary) : nil
                for flow in eligible {
                    let saving = -estimates.direct[flow.index].value(objective) + handlingTerm(flow, at: hub)
                    let x = try model.addVariable(name: "via(f\(flow.index).\(name(hubId)))", kind: .binary, objective: saving)
                    via.append((flow.index, hubId, x))
                    try model.addConstraint(name: "hub_open(f\(flow.index).\(name(hubId)))", [(x, 1), (open, -1)], .atMost(0))
                    try model.addConstraint(name: "uses_hub(f\(flow.index).\(name(hubId)))", [(x, 1), (uses, -1)], .atMost(0))
                    if let whole { try model.addConstraint(name: "whole(f\(flow.index).\(name(hubId)))", [(x, 1), (whole, -1)], .equalTo(0)) }
                    let levels = try stopLevels(site: flow.site, hub: hubId, upTo: flow.deliveriesPerWeek, in: &levelsAtSite)
                    try model.addConstraint(name: "frequency(f\(flow.index).\(name(hubId)))",
                                            [(x, 1), (levels[flow.deliveriesPerWeek - 1], -1)], .atMost(0))
                    for dimension in network.dimensions.indices where flow.weeklyQuantity[dimension] > 0 {
                        trunkVolume[dimension].append((x, flow.weeklyQuantity[dimension]))
                        hubVolume[dimension].append((x, flow.weeklyQuantity[dimension]))
                    }
                }
                for (dimension, terms) in trunkVolume.enumerated() where !terms.isEmpty && capacity[dimension] > 0 {
                    try model.addConstraint(name: "trunk_volume(\(tag).\(name(network.dimensions[dimension].id)))",
                                            terms + [(trips, -capacity[dimension])], .atMost(0))
                }
            }
            for (dimension, terms) in hubVolume.enumerated() where !terms.isEmpty && hub.capacityPerWeek[dimension].isFinite {
                try model.addConstraint(name: "hub_capacity(\(name(hubId)).\(name(network.dimensions[dimension].id)))",
                                        terms + [(open, -hub.capacityPerWeek[dimension])], .atMost(0))
            }
        }
        // Each flow goes through at most one hub; forced-in suppliers' flows through exactly one.
        for flow in network.flows {
            let options = via.filter { $0.flow == flow.index }.map { ($0.variable, 1.0) }
            guard !options.isEmpty else { continue }
            let forced = scenario.participation(of: flow.supplier) == .in
            try model.addConstraint(name: "assign(f\(flow.index))", options, forced ? .equalTo(1) : .atMost(1))
        }
    }

    /// What handling a flow at a hub adds to the objective: its handling cost, or the CO2e of
    /// the hub operations' energy for it; nothing for kilometres.
    private func handlingTerm(_ flow: Flow, at hub: Hub) -> Double {
        switch scenario.objective {
        case .cost:
            return zip(hub.handlingCost, flow.weeklyQuantity).map(*).reduce(0, +)
        case .co2e:
            let energy = zip(hub.handlingEnergyPerUnit, flow.weeklyQuantity).map(*).reduce(0, +)
            return energy * (scenario.emissionFactors.carrier(hub.handlingEnergyCarrier)?.wellToWheelKg ?? 0)
        case .km:
            return 0
        }
    }

    /// The stop-level variables of a site, created up to `count` levels: `level[k-1]` is 1 when
    /// the site gets at least k hub deliveries a week, so its stops are the sum of its levels.
    ///
    /// This is the maximum of the bundled flows' frequencies written as a staircase (level k
    /// must be on for every flow delivered k or more times a week). Its LP relaxation is much
    /// tighter than `stops >= frequency * via` per flow, which lets GLPK prove optimality fast.
    private mutating func stopLevels(site: String, hub: String, upTo count: Int,
                                     in levels: inout [String: [LinearModel.Variable]]) throws(LPError) -> [LinearModel.Variable] {
        var existing = levels[site] ?? []
        let cost = estimates.hubStop[hub]![site]!.value(scenario.objective)
        while existing.count < count {
            let level = existing.count + 1
            let name = "level(\(LinearModel.sanitizedName(site)).\(LinearModel.sanitizedName(hub)).\(level))"
            let variable = try model.addVariable(name: name, upperBound: 1, objective: cost)
            if let previous = existing.last {
                try model.addConstraint(name: "staircase(\(LinearModel.sanitizedName(site)).\(LinearModel.sanitizedName(hub)).\(level))",
                                        [(variable, 1), (previous, -1)], .atMost(0))
            }
            existing.append(variable)
        }
        levels[site] = existing
        return existing
    }

    /// Solves the model within the time limit.
    func solve(timeLimitSeconds: Double) throws(LPError) -> Decision {
        let result = try LinearSolver.solve(model, options: SolveOptions(timeLimitSeconds: timeLimitSeconds, relativeMIPGap: 1e-6))
        guard result.status.hasSolution else { return Decision(status: result.status, objective: nil, viaHub: [:]) }
        var viaHub: [Int: String] = [:]
        for option in via where result.value(option.variable) > 0.5 { viaHub[option.flow] = option.hub }
        return Decision(status: result.status, objective: result.objectiveValue, viaHub: viaHub)
    }
}
