/// Why a consolidation model has no solution, in the commonest case: the hubs of a scenario
/// have no room for the flows forced through them (participation `in`). The solver's status
/// alone ("infeasible") names neither the hub nor the dimension that is short.
public enum HubCapacityCheck {
    /// One text per capacity dimension that the forced-in flows overfill, in the form of an
    /// ``InputProblem`` (`scenario.yaml: field 'participation': ...`); empty when they fit.
    ///
    /// The check compares the forced weekly quantity with the capacity of all the scenario's
    /// hubs together. It counts forced flows that the model leaves direct because no hub can
    /// serve them (window, range), so it is asked only once the model has no solution.
    public static func shortfalls(_ scenario: Scenario) -> [String] {
        let network = scenario.network
        let hubs = scenario.hubs.compactMap(network.hub)
        guard !hubs.isEmpty else { return [] }
        let hubFleet = scenario.hubFleet.compactMap(network.vehicleType)
        // Zone sites no hub vehicle may enter are left to their suppliers (Planner.routeHub),
        // so their flows do not reach a hub even when forced.
        let forced = network.flows.filter { flow in
            scenario.participation(of: flow) == .in
                && !(scenario.enforceZone && (network.site(flow.site)?.inZone ?? false)
                    && !hubFleet.contains(where: \.mayEnterZone))
        }
        var texts: [String] = []
        for (index, dimension) in network.dimensions.enumerated() {
            let needed = forced.map { $0.weeklyQuantity[index] }.reduce(0, +)
            let capacity = hubs.map { $0.capacityPerWeek[index] }.reduce(0, +)
            guard capacity.isFinite, needed > capacity + 1e-9 else { continue }
            let names = hubs.map { "'\($0.id)'" }.joined(separator: ", ")
            let holder =
                hubs.count == 1
                ? "hub \(names) has capacity_per_week.\(dimension.id) \(NumberParsing.format(capacity))"
                : "hubs \(names) have capacity_per_week.\(dimension.id) \(NumberParsing.format(capacity)) together"
            let problem = InputProblem(
                file: scenario.file, line: nil, field: "participation",
                message:
                    "the \(forced.count) flow(s) forced in (participation 'in') need \(NumberParsing.format(needed)) \(dimension.id) a week, but \(holder); raise the capacity in the network file or set fewer suppliers to 'in'"
            )
            texts.append(problem.description)
        }
        return texts
    }
}
