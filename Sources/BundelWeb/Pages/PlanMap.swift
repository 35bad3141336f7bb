import Foundation

/// The map of a finished plan run from the plan.geojson it wrote (`--out`): its places and the
/// bundled plan's trips, each a straight line through its stops (no streets: nothing is fetched).
enum PlanMap {
    /// Empty when the run wrote no readable plan.geojson.
    static func html(_ geojson: URL) -> String {
        guard let data = try? Data(contentsOf: geojson),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let features = object["features"] as? [[String: Any]]
        else { return "" }
        var points: [NetworkMap.Point] = []
        var lines: [NetworkMap.Line] = []
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            let kind = properties["kind"] as? String ?? ""
            let name = properties["name"] as? String ?? properties["id"] as? String ?? ""
            // GeoJSON positions are [longitude, latitude].
            if kind == "trip", properties["plan"] as? String == "bundled",
                let coordinates = geometry["coordinates"] as? [[Double]]
            {
                let day = properties["day"] as? String ?? "", by = properties["operatedBy"] as? String ?? ""
                let route = properties["routeKind"] as? String ?? "trip"
                let stops = (properties["stops"] as? Double).map { Int($0) } ?? 0
                lines.append(
                    NetworkMap.Line(
                        points: coordinates.filter { $0.count >= 2 }.map { (lat: $0[1], lon: $0[0]) }, kind: route,
                        label: "\(day) \(route) of \(by), \(stops) stops"))
            } else if ["site", "hub", "depot"].contains(kind), let position = geometry["coordinates"] as? [Double],
                position.count >= 2
            {
                points.append(
                    NetworkMap.Point(
                        lat: position[1], lon: position[0], kind: kind == "depot" ? "supplier" : kind,
                        label: kind == "depot" ? "\(name) (depot)" : name))
            }
        }
        guard !points.isEmpty else { return "" }
        return "<h2>The bundled plan's trips, a week</h2>" + NetworkMap.svg(points, lines: lines)
    }
}
