import Foundation

/// Valhalla's `sources_to_targets` service: the request for a block of a matrix and the reading
/// of its answer.
///
/// `POST /sources_to_targets {"sources": [{"lat", "lon"}], "targets": [...], "costing": "auto"}`
/// answers, in the verbose form, `{"sources_to_targets": [[{"from_index", "to_index", "time",
/// "distance"}]], "sources": [...], "targets": [...], "units": "kilometers"}`, or in the concise
/// form (`"verbose": false`) `{"sources_to_targets": {"durations": [[s]], "distances": [[km]]}}`.
/// Times are seconds, distances in the answer's `units`; `null` marks a pair without a route.
public enum ValhallaMatrix {
    static func request(base: URL, mode: TravelMode, sources: [RoadPoint], targets: [RoadPoint]) -> HTTPRequest {
        let body: [String: Any] = [
            "sources": sources.map { ["lat": $0.latitude, "lon": $0.longitude] },
            "targets": targets.map { ["lat": $0.latitude, "lon": $0.longitude] },
            "costing": mode.valhallaCosting,
            "units": "kilometers",
            "verbose": true,
        ]
        // Sorted keys keep the request the same bytes from run to run (and in tests).
        let data = try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return HTTPRequest(url: base.appendingPathComponent("sources_to_targets"), method: "POST", body: data)
    }

    static func recognises(_ object: [String: Any]) -> Bool { object["sources_to_targets"] != nil }

    public static func parse(
        _ object: [String: Any], rows: Int? = nil, columns: Int? = nil, file: String
    ) throws(RoadsError) -> MatrixBlock {
        if let error = object["error"] as? String {
            throw RoadsError(
                .input, file, field: "error",
                "Valhalla answered error \(object["error_code"].map { "\($0)" } ?? "?"): \(error)")
        }
        let units = object["units"] as? String ?? "kilometers"
        let metresPerUnit: Double
        switch units {
        case "kilometers", "km": metresPerUnit = 1000
        case "miles", "mi": metresPerUnit = 1609.344
        default: throw RoadsError(.input, file, field: "units", "expected kilometers or miles, got \(units)")
        }
        let body = object["sources_to_targets"]
        if let concise = body as? [String: Any] {
            let distances = try JSONValue.grid(
                concise["distances"], path: "sources_to_targets.distances", rows: rows, columns: columns,
                scale: metresPerUnit, file: file)
            let columnCount = distances.first?.count ?? 0
            guard distances.allSatisfy({ $0.count == columnCount }) else {
                throw RoadsError(
                    .input, file, field: "sources_to_targets.distances",
                    "rows have different lengths; expected a rectangular table")
            }
            let durations =
                concise["durations"] == nil
                ? nil
                : try JSONValue.grid(
                    concise["durations"], path: "sources_to_targets.durations", rows: distances.count,
                    columns: columnCount, scale: 1, file: file)
            return MatrixBlock(
                rows: distances.count, columns: columnCount, metres: distances.flatMap { $0 },
                seconds: durations?.flatMap { $0 } ?? Array(repeating: nil, count: distances.count * columnCount),
                hasDurations: durations != nil,
                sourcePoints: try points(object["sources"], key: "sources", count: distances.count, file: file),
                targetPoints: try points(object["targets"], key: "targets", count: columnCount, file: file))
        }
        guard let list = body as? [Any] else {
            throw RoadsError(
                .input, file, field: "sources_to_targets", "expected a list of rows or {durations, distances}")
        }
        if let rows, list.count != rows {
            throw RoadsError(.input, file, field: "sources_to_targets", "has \(list.count) rows, expected \(rows)")
        }
        let rowCount = list.count
        var columnCount = columns
        var metres: [Int?] = [], seconds: [Int?] = []
        for (i, rowValue) in list.enumerated() {
            guard let row = rowValue as? [Any] else {
                throw RoadsError(.input, file, field: "sources_to_targets[\(i)]", "expected a list of cells")
            }
            if columnCount == nil { columnCount = row.count }
            guard row.count == columnCount else {
                throw RoadsError(
                    .input, file, field: "sources_to_targets[\(i)]", "has \(row.count) cells, expected \(columnCount!)")
            }
            if metres.isEmpty {
                metres = Array(repeating: nil, count: rowCount * row.count)
                seconds = metres
            }
            for (j, cellValue) in row.enumerated() {
                let path = "sources_to_targets[\(i)][\(j)]"
                guard let cell = cellValue as? [String: Any] else {
                    throw RoadsError(.input, file, field: path, "expected {from_index, to_index, time, distance}")
                }
                // Cells name their pair; older versions did not, and their position counts.
                let from = (cell["from_index"] as? NSNumber)?.intValue ?? i
                let to = (cell["to_index"] as? NSNumber)?.intValue ?? j
                guard (0..<rowCount).contains(from), (0..<row.count).contains(to) else {
                    throw RoadsError(
                        .input, file, field: path,
                        "from_index \(from) or to_index \(to) lies outside the \(rowCount) x \(row.count) matrix")
                }
                metres[from * row.count + to] = try JSONValue.number(
                    cell["distance"], path: "\(path).distance", scale: metresPerUnit, file: file)
                seconds[from * row.count + to] = try JSONValue.number(
                    cell["time"], path: "\(path).time", scale: 1, file: file)
            }
        }
        let width = columnCount ?? 0
        return MatrixBlock(
            rows: rowCount, columns: width, metres: metres, seconds: seconds, hasDurations: true,
            sourcePoints: try points(object["sources"], key: "sources", count: rowCount, file: file),
            targetPoints: try points(object["targets"], key: "targets", count: width, file: file))
    }

    /// Snapped positions: `[{"lat", "lon"}]`, or `[[{...}]]` as Valhalla wrote them before 3.1.
    private static func points(_ value: Any?, key: String, count: Int, file: String) throws(RoadsError) -> [RoadPoint]?
    {
        guard var list = value as? [Any] else { return nil }
        if list.allSatisfy({ ($0 as? [Any])?.count == 1 }) { list = list.map { ($0 as! [Any])[0] } }
        guard list.count == count else {
            throw RoadsError(.input, file, field: key, "lists \(list.count) points but the matrix has \(count)")
        }
        var points: [RoadPoint] = []
        for (i, item) in list.enumerated() {
            guard let point = item as? [String: Any], let lat = (point["lat"] as? NSNumber)?.doubleValue,
                let lon = (point["lon"] as? NSNumber)?.doubleValue
            else {
                throw RoadsError(.input, file, field: "\(key)[\(i)]", "expected {lat, lon}")
            }
            points.append(RoadPoint(latitude: lat, longitude: lon))
        }
        return points
    }
}
