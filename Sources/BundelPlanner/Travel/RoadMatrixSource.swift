import BundelRoads
import Foundation

/// A network's road distances from real roads: the offline road graph of an OpenStreetMap
/// extract, or a routing engine's matrix service.
public enum RoadMatrixSource {
    /// How far every location had to move to reach the road graph.
    public struct Snapping: Sendable {
        public let ids: [String]
        public let snaps: [RoadGraph.Snap]

        public var largest: (id: String, metres: Double)? {
            snaps.indices.max { snaps[$0].metres < snaps[$1].metres }.map { (ids[$0], snaps[$0].metres) }
        }

        public var medianMetres: Double {
            let sorted = snaps.map(\.metres).sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
    }

    /// The matrix of the network's locations on the road graph, each snapped to its nearest
    /// routable node. A location farther than `maxSnapMetres` from every road node is an input
    /// error: the extract does not cover it, and any distance to it would be made up.
    public static func fromGraph(
        _ graph: RoadGraph, network: Network, maxSnapMetres: Double
    ) throws(InputError) -> (matrix: TravelMatrix, snapping: Snapping) {
        let locations = TravelMatrix.locations(of: network)
        let snaps = graph.snap(TravelMatrix.roadPoints(of: network))
        let far = snaps.indices.filter { snaps[$0].metres > maxSnapMetres }
        if !far.isEmpty {
            throw InputError(
                far.map { i in
                    InputProblem(
                        file: graph.file, line: nil, field: nil,
                        message:
                            "location '\(locations[i].id)' (\(locations[i].point.latitude), \(locations[i].point.longitude)) is \(TravelMatrix.describe(snaps[i].metres)) from the nearest road node usable by \(graph.mode.rawValue); the extract does not cover it (at most \(Int(maxSnapMetres)) m allowed, --max-snap)"
                    )
                })
        }
        let roads = graph.fastestRoutes(between: snaps.map(\.node))
        let matrix = try TravelMatrix(roads: roads, network: network, source: graph.file)
        return (matrix, Snapping(ids: locations.map(\.id), snaps: snaps))
    }

    /// The matrix of the network's locations from a routing engine; `progress` hears (blocks
    /// done, blocks in all).
    public static func fromEngine(
        _ client: MatrixClient, network: Network, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> TravelMatrix {
        let roads = try client.matrix(for: TravelMatrix.roadPoints(of: network), progress: progress)
        return try TravelMatrix(
            roads: roads, network: network, source: "\(client.engine.displayName) at \(client.baseURL.absoluteString)")
    }
}
