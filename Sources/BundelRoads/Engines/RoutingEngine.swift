import Foundation

/// The routing engines whose matrix services bundel can ask, and whose answers it can read from
/// a file.
public enum RoutingEngine: String, Sendable, CaseIterable {
    case osrm
    case valhalla

    public var displayName: String { self == .osrm ? "OSRM" : "Valhalla" }

    func request(base: URL, mode: TravelMode, sources: [RoadPoint], targets: [RoadPoint]) -> HTTPRequest {
        switch self {
        case .osrm: OSRMTable.request(base: base, mode: mode, sources: sources, targets: targets)
        case .valhalla: ValhallaMatrix.request(base: base, mode: mode, sources: sources, targets: targets)
        }
    }

    func parse(_ object: [String: Any], rows: Int?, columns: Int?, file: String) throws(RoadsError) -> MatrixBlock {
        switch self {
        case .osrm: try OSRMTable.parse(object, rows: rows, columns: columns, file: file)
        case .valhalla: try ValhallaMatrix.parse(object, rows: rows, columns: columns, file: file)
        }
    }

    /// Reads a saved answer of either engine, recognised by its content.
    public static func parseAnswer(
        _ data: Data, file: String
    ) throws(RoadsError) -> (engine: RoutingEngine, block: MatrixBlock) {
        let object = try JSONValue.object(data, file: file)
        if ValhallaMatrix.recognises(object) { return (.valhalla, try ValhallaMatrix.parse(object, file: file)) }
        if OSRMTable.recognises(object) { return (.osrm, try OSRMTable.parse(object, file: file)) }
        let keys = object.keys.sorted().prefix(6).joined(separator: ", ")
        throw RoadsError(
            .input, file,
            "not a matrix answer bundel knows: expected OSRM's table answer (code, distances, durations) or Valhalla's (sources_to_targets), found the keys \(keys.isEmpty ? "none" : keys)"
        )
    }
}
