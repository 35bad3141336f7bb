import Foundation

/// Explains a consolidation decision flow by flow and supplier by supplier: what bundling
/// saves (or costs) by the model's own estimates, all else equal.
///
/// A flow's saving is the change in the model's objective (``AssignmentValue``) when it alone
/// moves between direct delivery and its hub, with every other flow where the model put it.
/// That change has five parts: the direct delivery avoided, the extra hub deliveries at its site
/// (none when the site already gets as many from the hub: the hub brings one combined load per
/// day), the trunk trips the extra volume adds (none when its supplier's legs drive anyway and
/// have room: ``ConsolidationEstimates/trunkTripsDriven``), the handling, and the hub's fixed cost when the flow is the
/// hub's only one. It is exact for the model, not for the routes, and marginal: two flows that
/// share a site each look cheap because the other already pays for the stop.
struct ConsolidationExplainer {
    let scenario: Scenario
    let estimates: ConsolidationEstimates
    let viaHub: [Int: String]
    /// Per hub and site, the frequencies of the flows bundled there.
    private var frequencies: [String: [String: [Int]]] = [:]
    /// Per hub and supplier, the weekly volume and number of flows bundled there.
    private var volumes: [String: [String: (quantity: [Double], flows: Int)]] = [:]
    /// Bundled flows per hub.
    private var flowCount: [String: Int] = [:]
    /// Per hub, its vehicle-days under whole vehicle-days, to price a flow's change in O(1).
    private var vehicleDays: [String: HubVehicleDays] = [:]

    init(scenario: Scenario, estimates: ConsolidationEstimates, viaHub: [Int: String]) {
        self.scenario = scenario
        self.estimates = estimates
        self.viaHub = viaHub
        for flow in scenario.network.flows {
            guard let hub = viaHub[flow.index] else { continue }
            frequencies[hub, default: [:]][flow.site, default: []].append(flow.deliveriesPerWeek)
            let current = volumes[hub]?[flow.supplier] ?? (flow.weeklyQuantity.map { _ in 0 }, 0)
            volumes[hub, default: [:]][flow.supplier] = (
                zip(current.quantity, flow.weeklyQuantity).map(+), current.flows + 1
            )
            flowCount[hub, default: 0] += 1
        }
        for (hub, sites) in frequencies {
            vehicleDays[hub] = HubVehicleDays(
                stops: sites.compactMapValues { $0.max() }, hub: hub, estimates: estimates)
        }
    }

    /// Why each flow is direct or bundled, in flow order, each with its rank by saving.
    func flows() -> [FlowExplanation] {
        var explanations = unranked()
        let ranked = explanations.indices.filter { explanations[$0].saving != nil }
            .sorted { (-explanations[$0].saving!, $0) < (-explanations[$1].saving!, $1) }
        for (place, index) in ranked.enumerated() { explanations[index].rank = place + 1 }
        return explanations
    }

    private func unranked() -> [FlowExplanation] {
        let objective = scenario.objective
        return scenario.network.flows.map { flow in
            var explanation = FlowExplanation(
                flow: flow.index, rank: nil, supplier: flow.supplier, site: flow.site, viaHub: viaHub[flow.index],
                bestHub: nil, saving: nil, savingMetrics: nil, parts: nil, counterweight: nil, ineligibility: [],
                allDirect: nil, objectiveKind: objective)
            if let hub = viaHub[flow.index] {
                let parts = savingOfBundling(flow, at: hub)
                let saving = Self.total(parts)
                explanation.saving = saving.value(objective)
                explanation.savingMetrics = saving
                explanation.parts = parts
                if saving.value(objective) < 0 { explanation.counterweight = counterweight(bundling: flow) }
                return explanation
            }
            let options = scenario.hubs.filter { estimates.isEligible(flow, at: $0, scenario: scenario) }
                .map { (hub: $0, parts: savingOfBundling(flow, at: $0)) }
            guard
                let best = options.max(by: {
                    Self.total($0.parts).value(objective) < Self.total($1.parts).value(objective)
                })
            else {
                explanation.ineligibility = scenario.hubs.compactMap {
                    estimates.ineligibility(of: flow, at: $0, scenario: scenario)
                }
                return explanation
            }
            let saving = Self.total(best.parts)
            explanation.bestHub = best.hub
            explanation.saving = saving.value(objective)
            explanation.savingMetrics = saving
            explanation.parts = best.parts
            if saving.value(objective) > 0 {
                explanation.counterweight = scenario.wholeSuppliers ? .wholeSupplier : .otherChoices
            }
            return explanation
        }
    }

    /// Suppliers that can bundle, ranked by what bundling all their flows saves.
    func suppliers() -> [BundlingRanking] {
        let bySupplier = Dictionary(grouping: scenario.network.flows, by: \.supplier)
        return ranking(
            scenario.network.suppliers.map { supplier in
                (supplier.id, supplier.productGroup, 1, bySupplier[supplier.id] ?? [])
            })
    }

    /// Product groups ranked by what bundling all their suppliers' flows saves: where a
    /// purchasing euro makes the biggest difference.
    /// A flow counts in its own product group (``Network/productGroup(of:)``), so a supplier
    /// whose flows carry several groups counts in each of them.
    func productGroups() -> [BundlingRanking] {
        let network = scenario.network
        let byGroup = Dictionary(grouping: network.flows, by: network.productGroup(of:))
        return ranking(
            byGroup.sorted { $0.key < $1.key }.map { group, flows in
                (group, group, Set(flows.map(\.supplier)).count, flows.sorted { $0.index < $1.index })
            })
    }

    /// Groups of flows ranked by saving. A group with bundled flows is credited with what its
    /// bundled flows save together (against sending them all direct); a group the model kept
    /// direct with what bundling all its eligible flows at its best hub would save. Groups that
    /// cannot bundle at all are left out.
    private func ranking(
        _ groups: [(id: String, productGroup: String, suppliers: Int, flows: [Flow])]
    ) -> [BundlingRanking] {
        let objective = scenario.objective
        var rankings: [BundlingRanking] = []
        for group in groups {
            let bundled = group.flows.filter { viaHub[$0.index] != nil }
            var entry = BundlingRanking(
                rank: 0, id: group.id, productGroup: group.productGroup, suppliers: group.suppliers,
                flows: group.flows.count, flowsViaHub: bundled.count, hub: nil, saving: 0, savingMetrics: Metrics())
            if !bundled.isEmpty {
                entry.savingMetrics = valueChange(moving: bundled, to: nil)
                let hubs = Dictionary(grouping: bundled.compactMap { viaHub[$0.index] }, by: { $0 })
                entry.hub = hubs.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
            } else {
                var best: (hub: String, saving: Metrics)?
                for hub in scenario.hubs {
                    let eligible = group.flows.filter { estimates.isEligible($0, at: hub, scenario: scenario) }
                    guard !eligible.isEmpty else { continue }
                    let saving = valueChange(moving: eligible, to: hub) * -1
                    if best == nil || saving.value(objective) > best!.saving.value(objective) { best = (hub, saving) }
                }
                guard let best else { continue }
                entry.hub = best.hub
                entry.savingMetrics = best.saving
            }
            entry.saving = entry.savingMetrics.value(objective)
            rankings.append(entry)
        }
        rankings.sort { ($1.saving, $0.id) < ($0.saving, $1.id) }
        for index in rankings.indices { rankings[index].rank = index + 1 }
        return rankings
    }

    /// How much the model's objective grows (negative: falls) when the flows `moved` go to
    /// `destination` (`nil`: direct) and every other flow stays where the model put it: the
    /// ``AssignmentValue`` of the changed assignment minus that of the decision, to rounding.
    ///
    /// Only the parts the move touches are recounted (its flows' direct delivery and handling,
    /// the hub deliveries at their sites, their suppliers' trunk trips, the fleets and fixed
    /// costs of the hubs they leave or join), so ranking every supplier costs about one pass
    /// over the flows, where valuing the whole plan per supplier (300 suppliers, 60,000 flows)
    /// took longer than the rest of the explanations together and ran past the time limit.
    func valueChange(moving moved: [Flow], to destination: String?) -> Metrics {
        var change = Metrics()
        // Per hub: the deliveries a week of the flows leaving and joining each site, the
        // volume and flows joining (negative: leaving) each supplier's trunk, the flow count.
        var leaving: [String: [String: [Int]]] = [:]
        var joining: [String: [String: [Int]]] = [:]
        var trunkChange: [String: [String: (quantity: [Double], flows: Int)]] = [:]
        var countChange: [String: Int] = [:]
        for flow in moved {
            let origin = viaHub[flow.index]
            guard origin != destination else { continue }
            for (hub, sign) in [(origin, -1), (destination, 1)] {
                guard let hub else {
                    change = change + estimates.direct[flow.index] * Double(sign)
                    continue
                }
                let hubRecord = scenario.network.hub(hub)!
                change =
                    change
                    + ConsolidationEstimates.handling(flow, at: hubRecord, factors: scenario.emissionFactors)
                    * Double(sign)
                if sign < 0 {
                    leaving[hub, default: [:]][flow.site, default: []].append(flow.deliveriesPerWeek)
                } else {
                    joining[hub, default: [:]][flow.site, default: []].append(flow.deliveriesPerWeek)
                }
                let current = trunkChange[hub]?[flow.supplier] ?? (flow.weeklyQuantity.map { _ in 0 }, 0)
                trunkChange[hub, default: [:]][flow.supplier] = (
                    zip(current.quantity, flow.weeklyQuantity).map { $0 + Double(sign) * $1 }, current.flows + sign
                )
                countChange[hub, default: 0] += sign
            }
        }
        // In hub, site and supplier order, so that the sum is the same in every run.
        for (hub, flowsChange) in countChange.sorted(by: { $0.key < $1.key }) {
            let before = flowCount[hub] ?? 0
            if (before == 0) != (before + flowsChange == 0) {
                change = change + AssignmentValue.fixedCost(of: hub, scenario: scenario) * (before == 0 ? 1 : -1)
            }
            var stops: [String: Int] = [:]
            let sites = Set(leaving[hub, default: [:]].keys).union(joining[hub, default: [:]].keys)
            for site in sites.sorted() {
                var deliveries = frequencies[hub]?[site] ?? []
                let stopsBefore = deliveries.max() ?? 0
                for gone in leaving[hub]?[site] ?? [] { deliveries.remove(at: deliveries.firstIndex(of: gone)!) }
                deliveries += joining[hub]?[site] ?? []
                stops[site] = deliveries.max() ?? 0
                change =
                    change
                    + AssignmentValue.hubStops(stops[site]!, at: site, hub: hub, estimates: estimates)
                    - AssignmentValue.hubStops(stopsBefore, at: site, hub: hub, estimates: estimates)
            }
            let fleet = vehicleDays[hub] ?? HubVehicleDays(stops: [:], hub: hub, estimates: estimates)
            change =
                change + fleet.cost(withDeliveries: stops, estimates: estimates)
                - fleet.cost(withDeliveries: [:], estimates: estimates)
            for (supplier, added) in (trunkChange[hub] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let volume = volumes[hub]?[supplier] ?? (added.quantity.map { _ in 0 }, 0)
                let trunkBefore =
                    volume.flows == 0
                    ? Metrics()
                    : AssignmentValue.trunk(
                        volume.quantity, from: supplier, to: hub, scenario: scenario, estimates: estimates)
                let trunkAfter =
                    volume.flows + added.flows == 0
                    ? Metrics()
                    : AssignmentValue.trunk(
                        zip(volume.quantity, added.quantity).map(+), from: supplier, to: hub, scenario: scenario,
                        estimates: estimates)
                change = change + trunkAfter - trunkBefore
            }
        }
        return change
    }

    /// What the flow going through `hub` saves against its going direct, with every other
    /// flow as decided; the parts are positive where bundling saves.
    private func savingOfBundling(_ flow: Flow, at hub: String) -> SavingParts {
        let isBundledThere = viaHub[flow.index] == hub
        // Frequencies and volume at the hub without this flow, and with it.
        var others = frequencies[hub]?[flow.site] ?? []
        var volume = volumes[hub]?[flow.supplier] ?? (flow.weeklyQuantity.map { _ in 0 }, 0)
        var count = flowCount[hub] ?? 0
        if isBundledThere {
            others.remove(at: others.firstIndex(of: flow.deliveriesPerWeek)!)
            volume = (zip(volume.quantity, flow.weeklyQuantity).map(-), volume.flows - 1)
            count -= 1
        }
        let stopsWithout = others.max() ?? 0
        let stopsWith = max(stopsWithout, flow.deliveriesPerWeek)
        let trunkWithout =
            volume.flows == 0
            ? Metrics()
            : AssignmentValue.trunk(
                volume.quantity, from: flow.supplier, to: hub, scenario: scenario, estimates: estimates)
        let trunkWith = AssignmentValue.trunk(
            zip(volume.quantity, flow.weeklyQuantity).map(+), from: flow.supplier, to: hub,
            scenario: scenario, estimates: estimates)
        let hubRecord = scenario.network.hub(hub)!
        // Under whole vehicle-days the hub's vehicles count with its stops.
        let fleet = vehicleDays[hub] ?? HubVehicleDays(stops: [:], hub: hub, estimates: estimates)
        let vehiclesWithout = fleet.cost(withDeliveries: stopsWithout, at: flow.site, estimates: estimates)
        let vehiclesWith = fleet.cost(withDeliveries: stopsWith, at: flow.site, estimates: estimates)
        return SavingParts(
            directAvoided: estimates.direct[flow.index],
            hubStops: (AssignmentValue.hubStops(stopsWith, at: flow.site, hub: hub, estimates: estimates)
                - AssignmentValue.hubStops(stopsWithout, at: flow.site, hub: hub, estimates: estimates)
                + vehiclesWith - vehiclesWithout) * -1,
            trunk: (trunkWith - trunkWithout) * -1,
            handling: ConsolidationEstimates.handling(flow, at: hubRecord, factors: scenario.emissionFactors) * -1,
            hubFixed: count == 0 ? AssignmentValue.fixedCost(of: hub, scenario: scenario) * -1 : Metrics())
    }

    private static func total(_ parts: SavingParts) -> Metrics {
        parts.directAvoided + parts.hubStops + parts.trunk + parts.handling + parts.hubFixed
    }

    /// Why the model bundles a flow whose own saving is negative.
    private func counterweight(bundling flow: Flow) -> FlowExplanation.Counterweight {
        if scenario.participation(of: flow) == .in {
            return scenario.supplierParticipation[flow.supplier] == nil
                && scenario.productGroupParticipation[scenario.network.productGroup(of: flow)] == .in
                ? .productGroupForcedIn : .supplierForcedIn
        }
        return scenario.wholeSuppliers ? .wholeSupplier : .otherChoices
    }
}
