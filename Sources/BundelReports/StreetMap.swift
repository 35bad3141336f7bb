import BundelPlanner
import BundelRoads
import Foundation

/// The streets of an OpenStreetMap extract that a report's maps draw underneath the routes
/// (`bundel plan --report DIR --osm FILE`): every way with a `highway` tag that crosses the map,
/// as a line of coordinates with its class.
///
/// Only ways that cross the map are kept, and when they hold more than ``pointBudget`` points
/// the minor classes are left off, least important first (paths, then service roads, ...), so
/// that a whole city's extract gives a page a browser opens at once.
public struct StreetMap: Sendable {
    /// One street: its class (0 main roads, 1 streets, 2 service roads and tracks, 3 paths)
    /// and its points in order.
    struct Street: Sendable {
        var rank: Int
        var points: [GeoPoint]
    }

    /// Most points kept over all streets.
    static let pointBudget = 40_000

    /// The extract as named in messages.
    public let file: String
    let streets: [Street]

    /// The streets of `extract` that cross the map of `scenario`; throws, naming the file,
    /// when none does (an extract of another place).
    public init(extract: OSMExtract, scenario: Scenario) throws(RoadsError) {
        try self.init(extract: extract, frame: MapFrame(scenario: scenario))
    }

    init(extract: OSMExtract, frame: MapFrame) throws(RoadsError) {
        file = extract.file
        let (southWest, northEast) = frame.visibleBounds
        var index: [Int64: Int] = [:]
        index.reserveCapacity(extract.nodeIds.count)
        for (position, id) in extract.nodeIds.enumerated() { index[id] = position }
        var found: [Street] = []
        for way in extract.ways {
            guard let rank = Self.rank(way.tags["highway"] ?? "") else { continue }
            // A node missing from the extract (a way cut at its border) splits the line.
            var pieces: [[GeoPoint]] = [[]]
            for node in way.nodes {
                if let position = index[node] {
                    pieces[pieces.count - 1].append(
                        GeoPoint(latitude: extract.latitudes[position], longitude: extract.longitudes[position]))
                } else if !pieces[pieces.count - 1].isEmpty {
                    pieces.append([])
                }
            }
            for points in pieces where points.count >= 2 {
                let latitudes = points.map(\.latitude), longitudes = points.map(\.longitude)
                guard latitudes.max()! >= southWest.latitude, latitudes.min()! <= northEast.latitude,
                    longitudes.max()! >= southWest.longitude, longitudes.min()! <= northEast.longitude
                else { continue }
                found.append(Street(rank: rank, points: points))
            }
        }
        guard !found.isEmpty else {
            throw RoadsError(
                .input, extract.file,
                "no street of the extract lies on the map of the scenario (its sites and hubs); give an extract of the same area"
            )
        }
        // Whole classes, most important first, while they fit the budget; the main roads always.
        var kept: [Street] = []
        for rank in 0...3 {
            let streets = found.filter { $0.rank == rank }
            let points = streets.reduce(0) { $0 + $1.points.count }
            if rank > 0, kept.reduce(0, { $0 + $1.points.count }) + points > Self.pointBudget { break }
            kept += streets
        }
        streets = kept
    }

    /// Streets drawn on a map: the class of a `highway` value, or nil for ways that are no
    /// street on the ground (planned, under construction, platforms).
    static func rank(_ highway: String) -> Int? {
        let kind = highway.hasSuffix("_link") ? String(highway.dropLast(5)) : highway
        switch kind {
        case "motorway", "trunk", "primary", "secondary": return 0
        case "tertiary", "unclassified", "residential", "living_street", "pedestrian", "road": return 1
        case "service", "track", "busway": return 2
        case "proposed", "construction", "abandoned", "razed", "platform", "elevator", "bus_stop", "rest_area",
            "services":
            return nil
        default: return 3
        }
    }

    /// The streets as SVG polylines in the map's units, one group per class (wider for main
    /// roads), points closer than a unit to the last one kept left out.
    func svg(on frame: MapFrame) -> String {
        var svg = ""
        for (rank, width) in [(3, 0.4), (2, 0.5), (1, 0.8), (0, 1.6)] {
            let lines = streets.filter { $0.rank == rank }
            guard !lines.isEmpty else { continue }
            svg += "<g stroke-width=\"\(width)\">"
            for street in lines {
                var kept: [MapFrame.Point] = []
                for (position, location) in street.points.enumerated() {
                    let point = frame.project(location)
                    if let last = kept.last, position < street.points.count - 1,
                        abs(point.x - last.x) < 1, abs(point.y - last.y) < 1
                    {
                        continue
                    }
                    kept.append(point)
                }
                let points = kept.map { "\(HTMLReport.format($0.x)),\(HTMLReport.format($0.y))" }
                svg += "<polyline class=\"street\" points=\"\(points.joined(separator: " "))\"/>"
            }
            svg += "</g>"
        }
        return svg
    }
}
