import BundelRoads
import Foundation

extension TravelMatrix {
    /// The network's points in matrix order, for a routing engine or the road graph.
    public static func roadPoints(of network: Network) -> [RoadPoint] {
        locations(of: network).map { RoadPoint(latitude: $0.point.latitude, longitude: $0.point.longitude) }
    }

    /// A matrix of a network's locations computed by a routing engine or the road graph from
    /// ``roadPoints(of:)``. Every pair needs a route; `source` names where the matrix came
    /// from in the message about those without one.
    public init(roads: RoadMatrix, network: Network, source: String) throws(InputError) {
        let ids = Self.locations(of: network).map(\.id)
        precondition(roads.size == ids.count, "the road matrix was not made for this network's locations")
        let pairs = roads.pairsWithoutRoute
        if !pairs.isEmpty {
            let examples = pairs.prefix(4).map { "\(ids[$0.from]) -> \(ids[$0.to])" }.joined(separator: ", ")
            let counts = Dictionary(pairs.flatMap { [$0.from, $0.to] }.map { ($0, 1) }, uniquingKeysWith: +)
            let worst = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(3)
                .map { "\(ids[$0.key]) (\($0.value))" }.joined(separator: ", ")
            throw InputError([
                InputProblem(
                    file: source, line: nil, field: nil,
                    message:
                        "no route for \(pairs.count) of \(ids.count * (ids.count - 1)) location pairs, for example \(examples); the locations in most of them: \(worst). Such a location lies on a road cut off by one-way streets, access rules or the edge of the map data: move its coordinates onto a through road"
                )
            ])
        }
        var seconds: [Int]? = roads.seconds.indices.map { index in
            index / roads.size == index % roads.size ? 0 : roads.seconds[index] ?? -1
        }
        if seconds!.contains(-1) { seconds = nil }
        let metres = roads.metres.indices.map { index in
            index / roads.size == index % roads.size ? 0 : roads.metres[index]!
        }
        self.init(ids: ids, metres: metres, seconds: seconds)
    }

    /// The matrix in the long CSV form that `distances.matrix` reads back exactly: kilometres
    /// with three decimals (whole metres) and, when there are durations, minutes with four
    /// (whole seconds survive the round trip).
    public func longFormCSV() -> String {
        var lines = [seconds == nil ? "from,to,distance_km" : "from,to,distance_km,duration_min"]
        lines.reserveCapacity(count * count)
        for i in 0..<count {
            for j in 0..<count where i != j {
                var line = "\(ids[i]),\(ids[j]),\(String(format: "%.3f", Double(metres[i * count + j]) / 1000))"
                if let seconds { line += String(format: ",%.4f", Double(seconds[i * count + j]) / 60) }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
