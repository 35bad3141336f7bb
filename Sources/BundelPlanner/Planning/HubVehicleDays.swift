/// A hub fleet's vehicle-days a week under whole vehicle-days, as ``AssignmentValue`` counts
/// them, kept so that a change of one site's hub deliveries is priced in O(1): the larger of
/// the vehicle-days the deliveries take and the most deliveries at one site, at the average
/// cost of a vehicle-day.
///
/// The explanations price every flow at every hub this way. Recounting the whole hub for each
/// flow (a pass over every site, sorted) made them quadratic: on a generated network of 10,000
/// sites and 60,000 flows they ran for more than ten minutes past the plan's time limit.
struct HubVehicleDays {
    let hub: String
    /// Hub deliveries a week per site.
    let stops: [String: Int]
    /// ``AssignmentValue/vehicleDayWork(_:hub:estimates:)`` of `stops`.
    private let work: Double
    /// The most deliveries at one site and that site, and the most at any other site.
    private var busiest: (deliveries: Int, site: String?) = (0, nil)
    private var runnerUp = 0

    init(stops: [String: Int], hub: String, estimates: ConsolidationEstimates) {
        self.hub = hub
        self.stops = stops
        work = AssignmentValue.vehicleDayWork(stops, hub: hub, estimates: estimates)
        // In site order, so that of two equally busy sites the same one is kept every run.
        for (site, deliveries) in stops.sorted(by: { $0.key < $1.key }) {
            if deliveries > busiest.deliveries {
                runnerUp = busiest.deliveries
                busiest = (deliveries, site)
            } else if deliveries > runnerUp {
                runnerUp = deliveries
            }
        }
    }

    /// What the hub's fleet costs a week with `deliveries` hub deliveries a week at `site`
    /// (0: none) and every other site as it is: ``AssignmentValue/vehicleDays(_:hub:estimates:)``
    /// of the changed stops.
    func cost(withDeliveries deliveries: Int, at site: String, estimates: ConsolidationEstimates) -> Metrics {
        guard let dayCost = estimates.vehicleDayCost[hub] else { return Metrics() }
        let current = stops[site] ?? 0
        let othersServed = stops.count - (current > 0 ? 1 : 0)
        guard deliveries > 0 || othersServed > 0 else { return Metrics() }
        let perStop = estimates.vehicleDaysPerStop[hub]?[site] ?? 0
        // Unchanged, the sum stays exactly the one added in site order.
        let changedWork =
            deliveries == current ? work : work - perStop * Double(current) + perStop * Double(deliveries)
        let elsewhere = busiest.site == site ? runnerUp : busiest.deliveries
        return Metrics(costEur: dayCost * max(changedWork, Double(max(elsewhere, deliveries))))
    }
}
