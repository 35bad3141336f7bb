/// A check made before planning: the hubs of a scenario must have room for the flows that are
/// forced through them (participation `in`). Without it the consolidation model is merely
/// "infeasible", which names neither the hub nor the dimension that is short.
public enum HubCapacityCheck {
    /// One text per capacity dimension that the forced-in flows overfill, in the form of an
    /// ``InputProblem`` (`scenario.yaml: field 'participation': ...`); empty when they fit.
    ///
    /// The check compares the forced weekly quantity with the capacity of all the scenario's
    /// hubs together, so it never rejects a scenario the model could solve; a split that the
    /// model cannot make across several hubs is still left to the model.
    public static func shortfalls(_ scenario: Scenario) -> [String] {
        let network = scenario.network
        let hubs = scenario.hubs.compactMap(network.hub)
        guard !hubs.isEmpty else { return [] }
        let hubFleet = scenario.hubFleet.compactMap(network.vehicleType)
        // Zone sites no hub vehicle may enter are left to their suppliers (Planner.routeHub),
        // so their flows do not reach a hub even when forced.
        let forced = network.flows.filter { flow in
            scenario.participation(of: flow.supplier) == .in
                && !(scenario.enforceZone && (network.site(flow.site)?.inZone ?? false) && !hubFleet.contains(where: \.mayEnterZone))
        }
        var texts: [String] = []
        for (index, dimension) in network.dimensions.enumerated() {
            let needed = forced.map { $0.weeklyQuantity[index] }.reduce(0, +)
            let capacity = hubs.map { $0.capacityPerWeek[index] }.reduce(0, +)
            guard capacity.isFinite, needed > capacity + 1e-9 else { continue }
            let names = hubs.map { "'\($0.id)'" }.joined(separator: ", ")
            let holder = hubs.count == 1 ? "hub \(names) has capacity_per_week.\(dimension.id) \(NumberParsing.format(capacity))"
                : "hubs \(names) have capacity_per_week.\(dimension.id) \(NumberParsing.format(capacity)) together"
            let problem = InputProblem(file: scenario.file, line: nil, field: "participation",
                                       message: "the \(forced.count) flow(s) forced in (participation 'in') need \(NumberParsing.format(needed)) \(dimension.id) a week, but \(holder); raise the capacity in the network file or set fewer suppliers to 'in'")
            texts.append(problem.description)
        }
        return texts
    }
}
