import Foundation

/// OSRM's `table` service: the request for a block of a matrix and the reading of its answer.
///
/// `GET /table/v1/{profile}/{lon,lat;...}?sources=...&destinations=...&annotations=duration,distance`
/// answers `{"code": "Ok", "durations": [[s]], "distances": [[m]], "sources": [{"location":
/// [lon, lat]}], "destinations": [...]}`, rows in the order of `sources`. Durations are seconds
/// and distances metres, both with decimals; `null` marks a pair without a route.
public enum OSRMTable {
    /// The URL for `sources` × `targets`; the coordinates are listed once each, sources first.
    static func request(base: URL, mode: TravelMode, sources: [RoadPoint], targets: [RoadPoint]) -> HTTPRequest {
        let same = sources == targets
        let points = same ? sources : sources + targets
        let coordinates = points.map { String(format: "%.6f,%.6f", $0.longitude, $0.latitude) }.joined(separator: ";")
        let sourceIndices = (0..<sources.count).map(String.init).joined(separator: ";")
        let targetIndices = (same ? 0..<targets.count : sources.count..<points.count).map(String.init).joined(
            separator: ";")
        let path = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        let url = URL(
            string:
                "\(path)/table/v1/\(mode.osrmProfile)/\(coordinates)?sources=\(sourceIndices)&destinations=\(targetIndices)&annotations=duration,distance"
        )!
        return HTTPRequest(url: url, method: "GET", body: nil)
    }

    /// Whether a JSON object looks like an OSRM table answer.
    static func recognises(_ object: [String: Any]) -> Bool {
        object["code"] != nil && (object["durations"] != nil || object["distances"] != nil || object["message"] != nil)
    }

    /// The matrix in an answer; `rows` and `columns`, when given, are checked.
    public static func parse(
        _ object: [String: Any], rows: Int? = nil, columns: Int? = nil, file: String
    ) throws(RoadsError) -> MatrixBlock {
        guard let code = object["code"] as? String else {
            throw RoadsError(.input, file, field: "code", "missing; expected \"Ok\" in an OSRM table answer")
        }
        guard code == "Ok" else {
            throw RoadsError(
                .input, file, field: "code", "OSRM answered \(code): \(object["message"] as? String ?? "no message")")
        }
        guard object["distances"] != nil else {
            throw RoadsError(
                .input, file, field: "distances",
                "missing: the answer has no distances; ask OSRM for them with annotations=duration,distance")
        }
        let distances = try JSONValue.grid(
            object["distances"], path: "distances", rows: rows, columns: columns, scale: 1, file: file)
        let rowCount = distances.count
        let columnCount = distances.first?.count ?? 0
        guard distances.allSatisfy({ $0.count == columnCount }) else {
            throw RoadsError(
                .input, file, field: "distances", "rows have different lengths; expected a rectangular table")
        }
        var durations: [[Int?]]?
        if object["durations"] != nil {
            durations = try JSONValue.grid(
                object["durations"], path: "durations", rows: rowCount, columns: columnCount, scale: 1, file: file)
        }
        let sources = try waypoints(object["sources"], key: "sources", count: rowCount, file: file)
        let targets = try waypoints(object["destinations"], key: "destinations", count: columnCount, file: file)
        return MatrixBlock(
            rows: rowCount, columns: columnCount, metres: distances.flatMap { $0 },
            seconds: durations?.flatMap { $0 } ?? Array(repeating: nil, count: rowCount * columnCount),
            hasDurations: durations != nil, sourcePoints: sources, targetPoints: targets)
    }

    /// The snapped positions (`location: [lon, lat]`) of `sources` or `destinations`, when listed.
    private static func waypoints(
        _ value: Any?, key: String, count: Int, file: String
    ) throws(RoadsError) -> [RoadPoint]? {
        guard let list = value as? [Any] else { return nil }
        guard list.count == count else {
            throw RoadsError(.input, file, field: key, "lists \(list.count) points but the table has \(count)")
        }
        var points: [RoadPoint] = []
        for (i, item) in list.enumerated() {
            guard let location = (item as? [String: Any])?["location"] as? [Any], location.count == 2,
                let lon = (location[0] as? NSNumber)?.doubleValue, let lat = (location[1] as? NSNumber)?.doubleValue
            else {
                throw RoadsError(.input, file, field: "\(key)[\(i)].location", "expected [longitude, latitude]")
            }
            points.append(RoadPoint(latitude: lat, longitude: lon))
        }
        return points
    }
}
