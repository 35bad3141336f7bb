/// A hub fleet's vehicle-days a week under whole vehicle-days, as ``AssignmentValue`` counts
/// them, kept so that a change of a few sites' hub deliveries is priced without recounting the
/// hub: the larger of the vehicle-days the deliveries take and the most deliveries at one site,
/// at the average cost of a vehicle-day.
///
/// The explanations price every flow at every hub this way, and every supplier's flows
/// together. Recounting the whole hub for each (a pass over every site, sorted) made them
/// quadratic: on a generated network of 10,000 sites and 60,000 flows they ran for more than
/// ten minutes past the plan's time limit.
struct HubVehicleDays {
    let hub: String
    /// Hub deliveries a week per site.
    let stops: [String: Int]
    /// ``AssignmentValue/vehicleDayWork(_:hub:estimates:)`` of `stops`.
    private let work: Double
    /// The sites with hub deliveries, the busiest first (of two equally busy ones, the first in
    /// site order, so that every run keeps the same one): the busiest site that a change leaves
    /// alone is found within the first few entries.
    private let busiestFirst: [(deliveries: Int, site: String)]

    init(stops: [String: Int], hub: String, estimates: ConsolidationEstimates) {
        self.hub = hub
        self.stops = stops
        work = AssignmentValue.vehicleDayWork(stops, hub: hub, estimates: estimates)
        busiestFirst = stops.map { (deliveries: $0.value, site: $0.key) }
            .sorted { ($1.deliveries, $0.site) < ($0.deliveries, $1.site) }
    }

    /// What the hub's fleet costs a week with `deliveries` hub deliveries a week at `site`
    /// (0: none) and every other site as it is: ``AssignmentValue/vehicleDays(_:hub:estimates:)``
    /// of the changed stops.
    func cost(withDeliveries deliveries: Int, at site: String, estimates: ConsolidationEstimates) -> Metrics {
        // The explanations ask this for every flow at every hub: no dictionary to build or sort.
        cost(changing: CollectionOfOne((site, deliveries)), isChanged: { $0 == site }, estimates: estimates)
    }

    /// What the hub's fleet costs a week with the hub deliveries a week of `changes` (site to
    /// deliveries, 0: none) and every other site as it is.
    func cost(withDeliveries changes: [String: Int], estimates: ConsolidationEstimates) -> Metrics {
        // In site order, so that the changed sum is added the same way in every run.
        cost(
            changing: changes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, isChanged: { changes[$0] != nil },
            estimates: estimates)
    }

    /// The cost with `changes` (site, deliveries) made in the given order; `isChanged` says
    /// whether a site is among them.
    private func cost(
        changing changes: some Sequence<(String, Int)>, isChanged: (String) -> Bool,
        estimates: ConsolidationEstimates
    ) -> Metrics {
        guard let dayCost = estimates.vehicleDayCost[hub] else { return Metrics() }
        var changedWork = work
        var served = stops.count
        var busiestChanged = 0
        for (site, deliveries) in changes {
            let current = stops[site] ?? 0
            served += (deliveries > 0 ? 1 : 0) - (current > 0 ? 1 : 0)
            busiestChanged = max(busiestChanged, deliveries)
            // Unchanged, the sum stays exactly the one added in site order.
            guard deliveries != current else { continue }
            let perStop = estimates.vehicleDaysPerStop[hub]?[site] ?? 0
            changedWork = changedWork - perStop * Double(current) + perStop * Double(deliveries)
        }
        guard served > 0 else { return Metrics() }
        let busiestElsewhere = busiestFirst.first { !isChanged($0.site) }?.deliveries ?? 0
        return Metrics(costEur: dayCost * max(changedWork, Double(max(busiestElsewhere, busiestChanged))))
    }
}
