/// A local search over the consolidation model's assignments, each valued exactly as the model
/// values it (``AssignmentValue``): whole suppliers, whole sites and single flows moved between
/// direct delivery and the hubs, each move kept when it lowers the value and breaks no hub's
/// capacity or counted fleet.
///
/// Why it exists: the model's LP relaxation grows with the flows (41-91 s for one round at
/// 4,000 sites), so a round that the clock cut short had only its starting assignments to
/// return, every flow direct among them. This search takes about a second there and hands branch
/// and cut a start near the optimum. It proves nothing; the relaxation's bound says how near.
///
/// Every move is valued by the change in the parts it touches (the flows' own terms, their
/// suppliers' trunk trips, their sites' hub deliveries, the hubs' fixed cost and vehicle-days),
/// kept as running totals, so a pass over 24,000 flows costs milliseconds, not a valuation of
/// the whole assignment per move. Moves are tried in a fixed order, so the same model gives the
/// same assignment.
struct ConsolidationLocalSearch {
    private let hubIds: [String]
    private let supplierCount: Int
    private let siteCount: Int
    private let dimensionCount: Int
    private let flowSupplier: [Int]
    private let flowSite: [Int]
    private let flowFrequency: [Int]
    private let flowQuantity: [[Double]]
    private let flowForced: [Bool]
    /// The hubs (indices into `hubIds`) each flow may take: its variables in the model.
    private let flowOptions: [[Int]]
    /// The flow's own term at a hub (its direct estimate saved, its handling added), weighed;
    /// indexed `flow * hubs + hub`, NaN where the flow has no option.
    private let viaValue: [Double]
    /// One trunk trip's weighed value and the trips driven anyway, indexed `hub * suppliers + supplier`.
    private let tripValue: [Double]
    private let tripsAnyway: [Double]
    private let trunkCapacity: [[Double]]
    /// One hub delivery a week at a site, weighed, and its share of a vehicle-day, indexed
    /// `hub * sites + site`.
    private let stopValue: [Double]
    private let vehicleDaysPerStop: [Double]
    private let vehicleDayCost: [Double?]
    private let fixedValue: [Double]
    private let hubCapacity: [[Double]]
    /// The vehicle-days a week a counted hub fleet has, where the model limits them.
    private let fleetLimit: [Double?]
    private let wholeSuppliers: Bool
    private let flowsOfSupplier: [[Int]]
    private let flowsAtSite: [[Int]]
    private let maxFrequency: Int

    /// Passes over every move after which the search stops even if the last one still improved:
    /// a bound on its time that does not depend on the clock.
    static let passLimit = 30

    /// The search over `model`'s assignments; hubs the model keeps closed are left out.
    init(_ model: ConsolidationModel) {
        let scenario = model.scenario
        let network = scenario.network
        let estimates = model.estimates
        let objective = model.objective
        hubIds = scenario.hubs.filter { model.hubsFixedOpen[$0] != false }
        let hubIndex = Dictionary(uniqueKeysWithValues: hubIds.enumerated().map { ($1, $0) })
        let supplierIds = network.suppliers.map(\.id)
        let supplierIndex = Dictionary(uniqueKeysWithValues: supplierIds.enumerated().map { ($1, $0) })
        let siteIndex = Dictionary(uniqueKeysWithValues: network.sites.enumerated().map { ($1.id, $0) })
        supplierCount = supplierIds.count
        siteCount = network.sites.count
        dimensionCount = network.dimensions.count
        let hubCount = hubIds.count
        flowSupplier = network.flows.map { supplierIndex[$0.supplier]! }
        flowSite = network.flows.map { siteIndex[$0.site]! }
        flowFrequency = network.flows.map(\.deliveriesPerWeek)
        flowQuantity = network.flows.map(\.weeklyQuantity)
        flowForced = network.flows.map { scenario.participation(of: $0) == .in }
        maxFrequency = max(1, flowFrequency.max() ?? 1)
        var options = [[Int]](repeating: [], count: network.flows.count)
        var viaValue = [Double](repeating: .nan, count: network.flows.count * hubCount)
        for option in model.options {
            guard let hub = hubIndex[option.hub] else { continue }
            let flow = network.flows[option.flow]
            options[option.flow].append(hub)
            let saving =
                estimates.direct[option.flow] * -1
                + ConsolidationEstimates.handling(flow, at: network.hub(option.hub)!, factors: scenario.emissionFactors)
            viaValue[option.flow * hubCount + hub] = saving.value(objective)
        }
        flowOptions = options.map { $0.sorted() }
        self.viaValue = viaValue
        var tripValue = [Double](repeating: 0, count: hubCount * supplierIds.count)
        var tripsAnyway = tripValue
        var stopValue = [Double](repeating: 0, count: hubCount * network.sites.count)
        var perStop = stopValue
        for (hub, hubId) in hubIds.enumerated() {
            for (supplier, supplierId) in supplierIds.enumerated() {
                tripValue[hub * supplierIds.count + supplier] =
                    estimates.trunkTrip[hubId]?[supplierId]?.value(objective) ?? 0
                tripsAnyway[hub * supplierIds.count + supplier] = estimates.tripsAnyway(
                    of: supplierId, to: hubId, scenario: scenario)
            }
            for (site, siteRow) in network.sites.enumerated() {
                stopValue[hub * network.sites.count + site] =
                    estimates.hubStop[hubId]?[siteRow.id]?.value(objective) ?? 0
                perStop[hub * network.sites.count + site] = estimates.vehicleDaysPerStop[hubId]?[siteRow.id] ?? 0
            }
        }
        self.tripValue = tripValue
        self.tripsAnyway = tripsAnyway
        self.stopValue = stopValue
        vehicleDaysPerStop = perStop
        trunkCapacity = supplierIds.map { estimates.trunkCapacity[$0] ?? [] }
        // Under whole vehicle-days the model's weight on a vehicle-day is its cost in euros.
        vehicleDayCost = hubIds.map { hub in
            estimates.vehicleDayCost[hub].map { Metrics(costEur: $0).value(objective) }
        }
        fixedValue = hubIds.map { AssignmentValue.fixedCost(of: $0, scenario: scenario).value(objective) }
        hubCapacity = hubIds.map { network.hub($0)!.capacityPerWeek }
        // The model's `fleet_count` row: every hub fleet type counted and no supplier forced in.
        let counts = scenario.hubFleetTypes.map { scenario.hubFleetCounts[$0.id] }
        let counted =
            !counts.isEmpty && counts.allSatisfy { $0 != nil } && !flowForced.contains(true)
            ? Double(counts.compactMap { $0 }.reduce(0, +) * scenario.days.count) : nil
        fleetLimit = hubIds.map { estimates.vehicleDayCost[$0] != nil ? counted : nil }
        wholeSuppliers = scenario.wholeSuppliers
        var bySupplier = [[Int]](repeating: [], count: supplierIds.count)
        var atSite = [[Int]](repeating: [], count: network.sites.count)
        for flow in network.flows.indices {
            bySupplier[flowSupplier[flow]].append(flow)
            atSite[flowSite[flow]].append(flow)
        }
        flowsOfSupplier = bySupplier
        flowsAtSite = atSite
    }

    /// The assignment the search reaches from `start` (flow index to hub id, the rest direct):
    /// the start made to keep the model's rules first (a flow at a hub it may not take goes
    /// direct, a forced flow without a hub takes its first, a whole supplier's flows one hub,
    /// a hub over its limits sends its last flows direct), then every improving move until none
    /// is left or ``passLimit`` passes are done.
    func improved(from start: [Int: String]) -> [Int: String] {
        var state = State(self)
        for (flow, hub) in normalised(start).enumerated() where hub >= 0 { state.assign(flow, to: hub) }
        for hub in hubIds.indices { state.relieve(hub) }
        for _ in 0..<Self.passLimit where pass(&state) {}
        var assignment: [Int: String] = [:]
        for (flow, hub) in state.hubOf.enumerated() where hub >= 0 { assignment[flow] = hubIds[hub] }
        return assignment
    }

    /// `start` as hub indices per flow (-1 direct), changed where it breaks the model's rules.
    private func normalised(_ start: [Int: String]) -> [Int] {
        let hubIndex = Dictionary(uniqueKeysWithValues: hubIds.enumerated().map { ($1, $0) })
        var hubOf = flowOptions.indices.map { flow -> Int in
            if let hub = start[flow].flatMap({ hubIndex[$0] }), flowOptions[flow].contains(hub) { return hub }
            return flowForced[flow] ? (flowOptions[flow].first ?? -1) : -1
        }
        guard wholeSuppliers else { return hubOf }
        // A whole supplier joins the hub most of its flows take (the first on a tie), with every
        // flow that may go there.
        for flows in flowsOfSupplier {
            var counts = [Int](repeating: 0, count: hubIds.count)
            for flow in flows where hubOf[flow] >= 0 { counts[hubOf[flow]] += 1 }
            let most = counts.max() ?? 0
            let hub = most > 0 ? counts.firstIndex(of: most)! : -1
            for flow in flows { hubOf[flow] = hub >= 0 && flowOptions[flow].contains(hub) ? hub : -1 }
        }
        return hubOf
    }

    /// One pass over every move (suppliers, then sites and single flows unless suppliers join
    /// whole); whether one was kept.
    private func pass(_ state: inout State) -> Bool {
        var improved = false
        let hubs = Array(hubIds.indices)
        for flows in flowsOfSupplier where !flows.isEmpty {
            if !flows.contains(where: { flowForced[$0] }) {
                improved = state.tryMove(flows, to: { _, _ in -1 }) || improved
            }
            for hub in hubs {
                // A whole supplier at a hub sends every flow that may go there; the rest direct.
                improved =
                    state.tryMove(
                        flows,
                        to: { flow, current in
                            flowOptions[flow].contains(hub) ? hub : (wholeSuppliers ? -1 : current)
                        }) || improved
            }
        }
        guard !wholeSuppliers else { return improved }
        for flows in flowsAtSite where !flows.isEmpty {
            improved = state.tryMove(flows, to: { flow, current in flowForced[flow] ? current : -1 }) || improved
            for hub in hubs {
                improved =
                    state.tryMove(flows, to: { flow, current in flowOptions[flow].contains(hub) ? hub : current })
                    || improved
            }
        }
        for flow in flowOptions.indices {
            if !flowForced[flow] { improved = state.tryMove([flow], to: { _, _ in -1 }) || improved }
            for hub in flowOptions[flow] { improved = state.tryMove([flow], to: { _, _ in hub }) || improved }
        }
        return improved
    }

    /// An assignment with the running totals its value is made of.
    private struct State {
        let search: ConsolidationLocalSearch
        /// Hub index per flow, -1 direct.
        var hubOf: [Int]
        /// Per hub and supplier: quantity per dimension (`(hub * suppliers + supplier) * dimensions + d`)
        /// and the number of its flows carried.
        var volume: [Double]
        var carried: [Int]
        /// Per hub and site: flows bundled per frequency (`(hub * sites + site) * (max + 1) + k`)
        /// and the site's hub deliveries a week (the largest such frequency).
        var frequencies: [Int]
        var stops: [Int]
        /// Per hub: sites by their hub deliveries a week, the vehicle-days the deliveries take,
        /// the flows bundled and the quantity handled per dimension.
        var sitesByStops: [Int]
        var work: [Double]
        var flowsAt: [Int]
        var handled: [Double]
        /// Marks of the parts a move touches (a generation counter spares clearing them).
        var trunkMark: [Int]
        var siteMark: [Int]
        var hubMark: [Int]
        var generation = 0

        init(_ search: ConsolidationLocalSearch) {
            self.search = search
            let hubs = search.hubIds.count
            hubOf = [Int](repeating: -1, count: search.flowSupplier.count)
            volume = [Double](repeating: 0, count: hubs * search.supplierCount * search.dimensionCount)
            carried = [Int](repeating: 0, count: hubs * search.supplierCount)
            frequencies = [Int](repeating: 0, count: hubs * search.siteCount * (search.maxFrequency + 1))
            stops = [Int](repeating: 0, count: hubs * search.siteCount)
            sitesByStops = [Int](repeating: 0, count: hubs * (search.maxFrequency + 1))
            work = [Double](repeating: 0, count: hubs)
            flowsAt = [Int](repeating: 0, count: hubs)
            handled = [Double](repeating: 0, count: hubs * search.dimensionCount)
            trunkMark = [Int](repeating: -1, count: hubs * search.supplierCount)
            siteMark = [Int](repeating: -1, count: hubs * search.siteCount)
            hubMark = [Int](repeating: -1, count: hubs)
        }

        /// Moves `flow` to `hub` (-1 direct), updating every running total.
        mutating func assign(_ flow: Int, to hub: Int) {
            let old = hubOf[flow]
            guard old != hub else { return }
            if old >= 0 { account(flow, at: old, sign: -1) }
            hubOf[flow] = hub
            if hub >= 0 { account(flow, at: hub, sign: 1) }
        }

        /// Adds (`sign` 1) or removes (-1) a flow's share of the totals at `hub`.
        private mutating func account(_ flow: Int, at hub: Int, sign: Int) {
            let dimensions = search.dimensionCount
            let trunk = hub * search.supplierCount + search.flowSupplier[flow]
            carried[trunk] += sign
            for (dimension, quantity) in search.flowQuantity[flow].enumerated() {
                // Back to exactly zero when the last flow leaves, so no rounding residue lingers.
                let index = trunk * dimensions + dimension
                volume[index] = carried[trunk] == 0 ? 0 : volume[index] + Double(sign) * quantity
                handled[hub * dimensions + dimension] += Double(sign) * quantity
            }
            flowsAt[hub] += sign
            let site = hub * search.siteCount + search.flowSite[flow]
            let width = search.maxFrequency + 1
            frequencies[site * width + search.flowFrequency[flow]] += sign
            var highest = search.maxFrequency
            while highest > 0, frequencies[site * width + highest] == 0 { highest -= 1 }
            let before = stops[site]
            guard highest != before else { return }
            stops[site] = highest
            if before > 0 { sitesByStops[hub * width + before] -= 1 }
            if highest > 0 { sitesByStops[hub * width + highest] += 1 }
            work[hub] += search.vehicleDaysPerStop[site] * Double(highest - before)
        }

        /// The weighed trunk trips of a supplier at a hub (none when it sends nothing there).
        private func trunkPart(_ trunk: Int) -> Double {
            guard carried[trunk] > 0 else { return 0 }
            let capacity = search.trunkCapacity[trunk % search.supplierCount]
            var trips = search.tripsAnyway[trunk]
            for dimension in 0..<min(search.dimensionCount, capacity.count) where capacity[dimension] > 0 {
                trips = max(trips, volume[trunk * search.dimensionCount + dimension] / capacity[dimension])
            }
            return search.tripValue[trunk] * trips
        }

        /// The vehicle-days a week the hub's fleet is paid for (``AssignmentValue/vehicleDaysNeeded(_:hub:estimates:)``).
        private func vehicleDays(_ hub: Int) -> Double {
            let width = search.maxFrequency + 1
            var most = search.maxFrequency
            while most > 0, sitesByStops[hub * width + most] == 0 { most -= 1 }
            return max(work[hub], Double(most))
        }

        /// The hub's fixed cost and vehicle-days, weighed (none when it takes no flow).
        private func hubPart(_ hub: Int) -> Double {
            guard flowsAt[hub] > 0 else { return 0 }
            return search.fixedValue[hub] + (search.vehicleDayCost[hub].map { $0 * vehicleDays(hub) } ?? 0)
        }

        /// Sends the hub's flows direct, the last first (a whole supplier's together), until it
        /// keeps its capacity and counted fleet; forced flows stay, so it may still break them.
        mutating func relieve(_ hub: Int) {
            for flow in hubOf.indices.reversed() where !keepsLimits(hub) {
                guard hubOf[flow] == hub, !search.flowForced[flow] else { continue }
                let leaving = search.wholeSuppliers ? search.flowsOfSupplier[search.flowSupplier[flow]] : [flow]
                for other in leaving where !search.flowForced[other] && hubOf[other] == hub { assign(other, to: -1) }
            }
        }

        /// Whether the hub keeps its capacity and its counted fleet.
        private func keepsLimits(_ hub: Int) -> Bool {
            let dimensions = search.dimensionCount
            for dimension in 0..<dimensions
            where handled[hub * dimensions + dimension] > search.hubCapacity[hub][dimension] + 1e-9 {
                return false
            }
            if let limit = search.fleetLimit[hub], flowsAt[hub] > 0, vehicleDays(hub) > limit + 1e-9 { return false }
            return true
        }

        /// Moves `flows` to the hubs `target` names for each flow and its current hub (-1
        /// direct) when that lowers the value and keeps every limit; otherwise leaves the state
        /// as it was. Whether it moved them.
        mutating func tryMove(_ flows: [Int], to target: (_ flow: Int, _ current: Int) -> Int) -> Bool {
            var moves: [(flow: Int, from: Int, to: Int)] = []
            for flow in flows {
                let hub = target(flow, hubOf[flow])
                guard hub != hubOf[flow] else { continue }
                if hub < 0 ? search.flowForced[flow] : !search.flowOptions[flow].contains(hub) { return false }
                moves.append((flow, hubOf[flow], hub))
            }
            guard !moves.isEmpty else { return false }
            generation += 1
            var trunks: [Int] = []
            var sites: [Int] = []
            var hubs: [Int] = []
            let hubCount = search.hubIds.count
            var change = 0.0
            for move in moves {
                for hub in [move.from, move.to] where hub >= 0 {
                    let trunk = hub * search.supplierCount + search.flowSupplier[move.flow]
                    if trunkMark[trunk] != generation {
                        trunkMark[trunk] = generation
                        trunks.append(trunk)
                    }
                    let site = hub * search.siteCount + search.flowSite[move.flow]
                    if siteMark[site] != generation {
                        siteMark[site] = generation
                        sites.append(site)
                    }
                    if hubMark[hub] != generation {
                        hubMark[hub] = generation
                        hubs.append(hub)
                    }
                }
                if move.from >= 0 { change -= search.viaValue[move.flow * hubCount + move.from] }
                if move.to >= 0 { change += search.viaValue[move.flow * hubCount + move.to] }
            }
            func parts() -> Double {
                trunks.reduce(0) { $0 + trunkPart($1) }
                    + sites.reduce(0) { $0 + search.stopValue[$1] * Double(stops[$1]) }
                    + hubs.reduce(0) { $0 + hubPart($1) }
            }
            let before = parts()
            for move in moves { assign(move.flow, to: move.to) }
            change += parts() - before
            if change < -1e-6, hubs.allSatisfy({ keepsLimits($0) }) { return true }
            for move in moves.reversed() { assign(move.flow, to: move.from) }
            return false
        }
    }
}
