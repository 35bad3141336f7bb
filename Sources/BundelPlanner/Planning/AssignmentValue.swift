/// The consolidation model's objective for a given assignment of flows to hubs, computed
/// directly from the estimates rather than by the solver.
///
/// It serves two purposes. It checks the MIP: at an optimum the model's continuous variables
/// take their cheapest values (a site's hub deliveries are the maximum frequency of its bundled
/// flows, trunk trips the largest volume-over-capacity ratio but at least the trips the
/// supplier's legs drive anyway), so this value equals the solver's objective. And it explains the decision: the
/// difference it makes to move one flow, or one supplier, is that flow's saving.
public struct AssignmentValue: Sendable, Equatable {
    /// Direct delivery of the flows that stay direct.
    public internal(set) var direct = Metrics()
    /// Hub deliveries at sites: per site and hub, its stop estimate times its deliveries a week.
    public internal(set) var hubStops = Metrics()
    /// Trunk trips from suppliers to hubs.
    public internal(set) var trunk = Metrics()
    /// Cross-docking cost and hub-operation CO2e of the bundled quantity.
    public internal(set) var handling = Metrics()
    /// Fixed weekly cost of the hubs that take flows.
    public internal(set) var hubFixed = Metrics()
    /// Under whole vehicle-days, the hub fleets' vehicle-days (``vehicleDays(_:hub:estimates:)``).
    public internal(set) var hubVehicleDays = Metrics()

    /// The sum of the parts.
    public var total: Metrics { direct + hubStops + trunk + handling + hubFixed + hubVehicleDays }

    /// The value of delivering the flows in `viaHub` through their hubs and the rest directly.
    init(_ viaHub: [Int: String], scenario: Scenario, estimates: ConsolidationEstimates) {
        let network = scenario.network
        var frequency: [String: [String: Int]] = [:]
        var volume: [String: [String: [Double]]] = [:]
        for flow in network.flows {
            guard let hubId = viaHub[flow.index], let hub = network.hub(hubId) else {
                direct = direct + estimates.direct[flow.index]
                continue
            }
            frequency[hubId, default: [:]][flow.site] = max(frequency[hubId]?[flow.site] ?? 0, flow.deliveriesPerWeek)
            let carried = volume[hubId]?[flow.supplier] ?? flow.weeklyQuantity.map { _ in 0 }
            volume[hubId, default: [:]][flow.supplier] = zip(carried, flow.weeklyQuantity).map(+)
            handling = handling + ConsolidationEstimates.handling(flow, at: hub, factors: scenario.emissionFactors)
        }
        // Sorted, so that the sums are added in the same order in every run (a dictionary's
        // order changes from process to process, and with it the last bits of a sum).
        for (hubId, sites) in frequency.sorted(by: { $0.key < $1.key }) {
            hubFixed = hubFixed + Self.fixedCost(of: hubId, scenario: scenario)
            for (site, deliveries) in sites.sorted(by: { $0.key < $1.key }) {
                hubStops = hubStops + Self.hubStops(deliveries, at: site, hub: hubId, estimates: estimates)
            }
            hubVehicleDays = hubVehicleDays + Self.vehicleDays(sites, hub: hubId, estimates: estimates)
        }
        for (hubId, suppliers) in volume.sorted(by: { $0.key < $1.key }) {
            for (supplierId, quantity) in suppliers.sorted(by: { $0.key < $1.key }) {
                trunk =
                    trunk + Self.trunk(quantity, from: supplierId, to: hubId, scenario: scenario, estimates: estimates)
            }
        }
    }

    /// A hub's fixed weekly cost.
    static func fixedCost(of hub: String, scenario: Scenario) -> Metrics {
        Metrics(costEur: scenario.network.hub(hub)!.fixedCostPerWeek)
    }

    /// `deliveries` hub deliveries a week at a site.
    static func hubStops(_ deliveries: Int, at site: String, hub: String, estimates: ConsolidationEstimates) -> Metrics
    {
        (estimates.hubStop[hub]?[site] ?? Metrics()) * Double(deliveries)
    }

    /// Under whole vehicle-days, what the hub's fleet costs a week when it delivers `stops` hub
    /// deliveries a week at each site, as the model counts it: the larger of the vehicle-days
    /// the deliveries take and the most deliveries at one site (one vehicle on each day the hub
    /// delivers), at the average cost of a vehicle-day. Nothing under pro rata.
    static func vehicleDays(_ stops: [String: Int], hub: String, estimates: ConsolidationEstimates) -> Metrics {
        guard let cost = estimates.vehicleDayCost[hub], !stops.isEmpty else { return Metrics() }
        return Metrics(costEur: cost * vehicleDaysNeeded(stops, hub: hub, estimates: estimates))
    }

    /// The vehicle-days a week that ``vehicleDays(_:hub:estimates:)`` pays for (0 without stops).
    static func vehicleDaysNeeded(_ stops: [String: Int], hub: String, estimates: ConsolidationEstimates) -> Double {
        max(vehicleDayWork(stops, hub: hub, estimates: estimates), Double(stops.values.max() ?? 0))
    }

    /// The vehicle-days the deliveries take: each site's hub deliveries a week times its share
    /// of a vehicle-day, added in site order (the same last bits in every process).
    static func vehicleDayWork(_ stops: [String: Int], hub: String, estimates: ConsolidationEstimates) -> Double {
        stops.sorted { $0.key < $1.key }.map {
            (estimates.vehicleDaysPerStop[hub]?[$0.key] ?? 0) * Double($0.value)
        }.reduce(0, +)
    }

    /// The trunk trips that carry `quantity` a week from a supplier that uses a hub.
    static func trunk(
        _ quantity: [Double], from supplier: String, to hub: String, scenario: Scenario,
        estimates: ConsolidationEstimates
    ) -> Metrics {
        (estimates.trunkTrip[hub]?[supplier] ?? Metrics())
            * trunkTrips(quantity, from: supplier, to: hub, scenario: scenario, estimates: estimates)
    }

    /// Trunk trips a week as the model counts them: the largest volume-over-capacity ratio, at
    /// least the trips the supplier's legs drive anyway (its minimum, or what its routed legs
    /// drove: ``ConsolidationEstimates/tripsAnyway(of:to:scenario:)``). Continuous above that.
    static func trunkTrips(
        _ quantity: [Double], from supplier: String, to hub: String, scenario: Scenario,
        estimates: ConsolidationEstimates
    ) -> Double {
        let capacity = estimates.trunkCapacity[supplier] ?? []
        let loads = zip(quantity, capacity).map { $1 > 0 ? $0 / $1 : 0 }
        return max(estimates.tripsAnyway(of: supplier, to: hub, scenario: scenario), loads.max() ?? 0)
    }
}
