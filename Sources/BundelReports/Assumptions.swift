import BundelPlanner

/// The assumptions behind a plan's figures, one line each, shown right after the verdict: the
/// choices a reviewer challenges first (baseline days, stop times, distances, emission
/// factors, hub costs, and whether the data is real).
public enum Assumptions {
    /// Each assumption as "topic: what was assumed".
    public static func lines(_ result: PlanResult) -> [String] {
        let scenario = result.scenario
        let network = scenario.network
        var lines: [String] = []
        lines.append(result.baselineDays.sentence)
        lines.append("stop times: \(stopTimes(network))")
        if let matrix = scenario.matrixFile {
            lines.append(
                "distances: the matrix file \(matrix)\(scenario.durationsFile.map { ", travel times from \($0)" } ?? ", travel times from each vehicle type's speed where it has none")"
            )
        } else {
            lines.append(
                "distances: great-circle distance x \(NumberFormat.grouped(scenario.detourFactor, decimals: 2)) (detour factor), travel time at each vehicle type's average speed"
            )
        }
        let years = scenario.emissionFactors.carriers.map(\.year)
        let vintage =
            years.min() == years.max()
            ? years.first.map { "\($0)" } ?? "no year" : "\(years.min()!)-\(years.max()!)"
        lines.append(
            "emission factors: set \(scenario.emissionFactors.name) (factors of \(vintage); sources in methodology.md, --out)"
        )
        for hub in network.hubs where scenario.hubs.contains(hub.id) {
            let handling = zip(network.dimensions, hub.handlingCost).filter { $0.1 > 0 }
                .map { "\(NumberFormat.grouped($0.1, decimals: 2)) EUR per \($0.0.unit)" }
            let overridden = scenario.networkOverrides.contains {
                $0.path.hasPrefix("hubs.\(hub.id).") || $0.path.hasPrefix("hubs.*.")
            }
            lines.append(
                "hub \(hub.id): \(NumberFormat.grouped(hub.fixedCostPerWeek, decimals: 0)) EUR a week fixed, handling \(handling.isEmpty ? "free" : handling.joined(separator: ", ")) (\(overridden ? "set by the scenario's overrides" : "from the network file"))"
            )
        }
        if network.description.lowercased().contains("synthetic") {
            lines.append("data: synthetic, as the network says (\(network.description))")
        }
        return lines
    }

    /// "each site's fixed minutes + 2 min per delivery + 0.5 min per cage".
    private static func stopTimes(_ network: Network) -> String {
        let minutes = network.sites.map(\.serviceMinutes)
        let fixed =
            minutes.min() == minutes.max()
            ? "\(minutes.first ?? 0) min a stop" : "\(minutes.min()!)-\(minutes.max()!) min a stop by site"
        var parts = [fixed]
        let service = network.serviceTime
        if service.perDeliveryMinutes > 0 {
            parts.append("\(NumberFormat.grouped(service.perDeliveryMinutes, decimals: 1)) min per delivery")
        }
        for (dimension, perUnit) in zip(network.dimensions, service.perUnitMinutes) where perUnit > 0 {
            parts.append("\(NumberFormat.grouped(perUnit, decimals: 2)) min per \(dimension.unit)")
        }
        return parts.joined(separator: " + ")
    }
}
