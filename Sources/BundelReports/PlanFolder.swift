import BundelPlanner

/// The files `bundel plan --out DIR` writes: the weekly plans and route sheets, the emission
/// detail, the decision, the hub fleets' use and the map.
public enum PlanFolder {
    /// The name of every file, known before planning: a run that would overwrite one is refused
    /// before it starts rather than after minutes of planning.
    public static let fileNames = [
        "elements.csv", "flows.csv", "groups.csv", "tocs.csv", "hocs.csv", "methodology.md",
        "plan.json", "routes.csv", "route-sheets.csv",
        "decisions.csv", "supplier-ranking.csv", "product-group-ranking.csv", "rounds.csv", "hubs.csv",
        "hub-fleet.csv", "plan.geojson",
    ]

    /// The files of `result`, in the order of ``fileNames``.
    public static func files(_ result: PlanResult) throws -> [(name: String, content: String)] {
        try EmissionReport.files(result) + RouteSheets.files(result) + DecisionReport.files(result)
            + HubFleetReport.files(result) + [(name: "plan.geojson", content: try GeoJSONMap.document(result))]
    }
}
