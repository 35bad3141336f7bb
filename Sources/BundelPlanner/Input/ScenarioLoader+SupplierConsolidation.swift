extension ScenarioLoader {
    /// `supplier_consolidation: {paper: pap-a, cleaning: largest}`: one contract per product
    /// group. Every flow of a listed product group (``Network/productGroup(of:)``) moves to one
    /// supplier: the one named, or `largest`, the supplier with the most weekly volume of the
    /// group (in the weight dimension, else the first; ties by id). `all: largest` does so for
    /// every product group not listed. The named supplier may deliver other groups today (a
    /// tender can award the group to any supplier of the network).
    ///
    /// A moved flow keeps its product group and quantities and takes the receiving supplier's
    /// depot, vehicle type and fixed days: its own days are kept only where that supplier has
    /// none or they lie within them. Flows that then share a (supplier, site) pair merge into
    /// one: weekly quantities add up, deliveries a week are the largest of theirs (one contract
    /// delivers as often as its most frequent need, never more often in total than before) and
    /// the days are those of that most frequent flow (the receiving supplier's own on a tie,
    /// then the first in flows.csv). The merged flow stands where the first of its flows stood.
    /// Baseline and bundled plan both see the consolidated flows.
    ///
    /// Returns the flows' rows in their flows tables in their new order (a merged flow has the
    /// row of its first flow), for later messages.
    static func applySupplierConsolidation(
        _ yaml: YAMLMapping, to network: inout Network, flowRows: FlowRows
    ) -> FlowRows {
        guard let consolidation = yaml.mapping("supplier_consolidation", required: false) else { return flowRows }
        let groups = network.productGroups
        let supplierIds = network.suppliers.map(\.id).sorted()
        var targets: [String: String] = [:]
        var largestForRest = false
        for (group, target, line) in consolidation.entries() {
            let field = consolidation.fieldPath(group)
            if group == "all" {
                if target == "largest" {
                    largestForRest = true
                } else {
                    consolidation.log.add(
                        consolidation.file, line: line, field: field,
                        "all takes only largest (each product group to its own largest supplier), got '\(target)'")
                }
                continue
            }
            guard groups.contains(group) else {
                consolidation.log.add(
                    consolidation.file, line: line, field: field,
                    "unknown product group '\(group)'; the network has \(groups.sorted().joined(separator: ", "))")
                continue
            }
            guard target == "largest" || network.supplier(target) != nil else {
                consolidation.log.add(
                    consolidation.file, line: line, field: field,
                    "unknown supplier '\(target)'; name a supplier (\(supplierIds.joined(separator: ", "))) or largest"
                )
                continue
            }
            targets[group] = target
        }
        if largestForRest { for group in groups where targets[group] == nil { targets[group] = "largest" } }
        for (group, target) in targets where target == "largest" {
            targets[group] = largestSupplier(of: group, in: network)
        }
        guard !targets.isEmpty else { return flowRows }

        // Move, then check the receiving suppliers' fixed days.
        var moved = network.flows
        var wasMoved = moved.map { _ in false }
        // Per product group, the flows its new supplier has too few days for: one problem each.
        var tooFrequent: [String: (first: Flow, target: String, days: [Weekday], count: Int)] = [:]
        for index in moved.indices {
            let group = network.productGroup(of: moved[index])
            guard let target = targets[group], target != moved[index].supplier,
                let receiver = network.supplier(target)
            else { continue }
            moved[index].supplier = target
            wasMoved[index] = true
            moved[index].productGroup = group
            guard let fixed = receiver.days else { continue }
            if let own = moved[index].days, !Set(own).isSubset(of: fixed) { moved[index].days = nil }
            if moved[index].deliveriesPerWeek > fixed.count {
                let count = (tooFrequent[group]?.count ?? 0) + 1
                tooFrequent[group] = (tooFrequent[group]?.first ?? network.flows[index], target, fixed, count)
            }
        }
        for (group, excess) in tooFrequent.sorted(by: { $0.key < $1.key }) {
            let flow = excess.first
            let others = excess.count > 1 ? " (and \(excess.count - 1) more flow(s))" : ""
            consolidation.problem(
                group,
                "supplier \(excess.target) delivers only on \(excess.days.map(\.rawValue).joined(separator: "|")), but the flow \(flow.supplier) -> \(flow.site)\(others) it would take over has \(flow.deliveriesPerWeek) deliveries a week; choose another supplier or give \(excess.target) more days"
            )
        }

        // Merge the flows that share a (supplier, site) pair, in the order they first appear.
        var position: [String: Int] = [:]
        var parts: [[(flow: Flow, moved: Bool)]] = []
        var positions: [Int] = []
        for (index, flow) in moved.enumerated() {
            let key = "\(flow.supplier)\u{0}\(flow.site)"
            if let merged = position[key] {
                parts[merged].append((flow, wasMoved[index]))
                continue
            }
            position[key] = parts.count
            parts.append([(flow, wasMoved[index])])
            positions.append(index)
        }
        network.flows = parts.enumerated().map { newIndex, flows in
            var merged = mergedFlow(flows, network: network)
            merged.index = newIndex
            return merged
        }
        return flowRows.reordered(positions)
    }

    /// Notes on `participation.suppliers` entries of suppliers that `supplier_consolidation` left
    /// without flows: valid (the entry was written for the network as it is), but it affects
    /// nothing now, and the flows the supplier lost follow their new supplier's participation.
    static func emptiedSupplierNotes(
        _ scenario: Scenario, supplyingBefore: Set<String>, yaml: YAMLMapping
    ) -> [InputProblem] {
        let supplying = Set(scenario.network.flows.map(\.supplier))
        let entries = yaml.node["participation"]?["suppliers"]
        return scenario.supplierParticipation.keys.sorted().compactMap { id in
            guard supplyingBefore.contains(id), !supplying.contains(id) else { return nil }
            return InputProblem(
                file: scenario.file, line: entries?[id]?.mark?.line, field: "participation.suppliers.\(id)",
                message:
                    "supplier \(id) has no flows left after supplier_consolidation, so its participation affects nothing; the flows it delivered follow the participation of the supplier they moved to"
            )
        }
    }

    /// The supplier with the most weekly volume of a product group (the weight dimension, else
    /// the first; ties by id); `nil` when no flow has the group.
    static func largestSupplier(of group: String, in network: Network) -> String? {
        let dimension = network.weightDimension ?? 0
        var volume: [String: Double] = [:]
        for flow in network.flows where network.productGroup(of: flow) == group {
            volume[flow.supplier, default: 0] += flow.weeklyQuantity[dimension]
        }
        return volume.min { (-$0.value, $0.key) < (-$1.value, $1.key) }?.key
    }

    /// One flow for flows of one (supplier, site) pair: quantities added, the most frequent
    /// one's deliveries and days (the receiving supplier's own flow first on a tie, then the
    /// first in order).
    private static func mergedFlow(_ flows: [(flow: Flow, moved: Bool)], network: Network) -> Flow {
        guard flows.count > 1 else { return flows[0].flow }
        let most = flows.enumerated().max { a, b in
            (a.element.flow.deliveriesPerWeek, a.element.moved ? 0 : 1, -a.offset)
                < (b.element.flow.deliveriesPerWeek, b.element.moved ? 0 : 1, -b.offset)
        }!.element.flow
        var merged = flows[0].flow
        merged.weeklyQuantity = flows.dropFirst().reduce(merged.weeklyQuantity) {
            zip($0, $1.flow.weeklyQuantity).map(+)
        }
        merged.deliveriesPerWeek = most.deliveriesPerWeek
        merged.days = most.days
        // Flows of different groups meet only where the receiving supplier already delivers
        // another group to the site: the merged flow then has the group of the supplier's own
        // flow there.
        let own = flows.first { !$0.moved }?.flow ?? flows[0].flow
        merged.productGroup = network.productGroup(of: own)
        return merged
    }
}
