import BundelPlanner

/// `hub-fleet.csv` of `bundel plan --out DIR`: the vehicles each hub uses per type and day.
public enum HubFleetReport {
    /// File name → content; one row per hub, vehicle type of its fleet that it uses, and
    /// planning day (days without tours included).
    public static func files(_ result: PlanResult) -> [(name: String, content: String)] {
        var writer = CSVWriter(header: [
            "hub", "vehicle_type", "cost_basis", "day", "vehicles", "trips", "available", "vehicle_day_cost_eur",
            "cost_eur",
        ])
        for use in HubFleetUse.of(result.bundled, scenario: result.scenario) {
            for day in use.days {
                writer.add([
                    use.hub, use.vehicleType, use.costBasis.rawValue, day.day.rawValue, String(day.vehicles),
                    String(day.trips),
                    use.available.map(String.init) ?? "", use.vehicleDayCostEur.map(NumberFormat.fixed) ?? "",
                    NumberFormat.fixed(day.costEur),
                ])
            }
        }
        return [("hub-fleet.csv", writer.text)]
    }
}
