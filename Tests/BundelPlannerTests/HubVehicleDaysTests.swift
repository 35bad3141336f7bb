import BundelRouting
import Testing

@testable import BundelPlanner

/// The explanations' O(1) price of one site's change to a hub's vehicle-days agrees with
/// counting the whole hub again (``AssignmentValue/vehicleDays(_:hub:estimates:)``).
@Suite("Hub vehicle-days priced per site")
struct HubVehicleDaysTests {
    /// Random hubs of 1 to 12 sites (ties among the busiest sites included), every site and
    /// one outside the hub set to 0 to 5 deliveries: the same cost as a full recount, to
    /// rounding of the changed sum.
    @Test func aChangedSiteCostsWhatARecountCosts() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let siteCount = Int.random(in: 1...12, using: &random)
            let sites = (0..<siteCount).map { "s\($0)" }
            var stops: [String: Int] = [:]
            var perStop: [String: Double] = [:]
            for site in sites {
                let deliveries = Int.random(in: 0...5, using: &random)
                if deliveries > 0 { stops[site] = deliveries }
                perStop[site] = Double.random(in: 0...0.6, using: &random)
            }
            perStop["outside"] = 0.25
            var estimates = ConsolidationEstimates(direct: [], hubStop: [:], trunkTrip: [:], trunkCapacity: [:])
            estimates.vehicleDayCost["h"] = 180
            estimates.vehicleDaysPerStop["h"] = perStop
            let hub = HubVehicleDays(stops: stops, hub: "h", estimates: estimates)
            for site in sites + ["outside"] {
                for deliveries in 0...5 {
                    var changed = stops
                    changed[site] = deliveries > 0 ? deliveries : nil
                    let recount = AssignmentValue.vehicleDays(changed, hub: "h", estimates: estimates).costEur
                    let priced = hub.cost(withDeliveries: deliveries, at: site, estimates: estimates).costEur
                    #expect(abs(priced - recount) <= 1e-9 * max(1, recount), "\(stops) \(site) \(deliveries)")
                }
            }
        }
    }

    /// Under pro rata (no vehicle-day cost) the fleet costs nothing extra.
    @Test func proRataCostsNothing() {
        let estimates = ConsolidationEstimates(direct: [], hubStop: [:], trunkTrip: [:], trunkCapacity: [:])
        let hub = HubVehicleDays(stops: ["a": 2], hub: "h", estimates: estimates)
        #expect(hub.cost(withDeliveries: 3, at: "a", estimates: estimates) == Metrics())
    }
}
