import Foundation

/// A uniform grid over a set of graph nodes, for finding the node nearest to a point without
/// measuring the distance to all of them.
///
/// Positions are projected onto a plane tangent at the nodes' mean latitude (metres east and
/// north); across a city the projection's error is far below the spacing of road nodes.
struct NodeGrid {
    private let originLatitude: Double
    private let originLongitude: Double
    private let metresPerDegreeLongitude: Double
    private let metresPerDegreeLatitude = RoadPoint.earthRadiusMetres * Double.pi / 180
    private let cell: Double
    private let columns: Int
    private let rows: Int
    /// Nodes in cell `c` are `cellNodes[cellStart[c]..<cellStart[c + 1]]`.
    private let cellStart: [Int]
    private let cellNodes: [Int32]
    private let x: [Double]
    private let y: [Double]

    /// A grid over `nodes` (graph node numbers) with cells of `cellMetres`.
    init(latitudes: [Double], longitudes: [Double], nodes: [Int32], cellMetres: Double = 200) {
        let minLatitude = nodes.map { latitudes[Int($0)] }.min() ?? 0
        let minLongitude = nodes.map { longitudes[Int($0)] }.min() ?? 0
        let meanLatitude = nodes.isEmpty ? 0 : nodes.reduce(0) { $0 + latitudes[Int($1)] } / Double(nodes.count)
        originLatitude = minLatitude
        originLongitude = minLongitude
        metresPerDegreeLongitude = metresPerDegreeLatitude * cos(meanLatitude * Double.pi / 180)
        cell = cellMetres
        var x = [Double](repeating: 0, count: latitudes.count), y = x
        var maxX = 0.0, maxY = 0.0
        for node in nodes.map(Int.init) {
            x[node] = (longitudes[node] - minLongitude) * metresPerDegreeLongitude
            y[node] = (latitudes[node] - minLatitude) * metresPerDegreeLatitude
            maxX = max(maxX, x[node])
            maxY = max(maxY, y[node])
        }
        columns = Int(maxX / cellMetres) + 1
        rows = Int(maxY / cellMetres) + 1
        var start = [Int](repeating: 0, count: columns * rows + 1)
        let cellOf = nodes.map {
            Int(y[Int($0)] / cellMetres) * (Int(maxX / cellMetres) + 1) + Int(x[Int($0)] / cellMetres)
        }
        for c in cellOf { start[c + 1] += 1 }
        for i in 0..<(columns * rows) { start[i + 1] += start[i] }
        var fill = start
        var cellNodes = [Int32](repeating: 0, count: nodes.count)
        for (i, c) in cellOf.enumerated() {
            cellNodes[fill[c]] = nodes[i]
            fill[c] += 1
        }
        self.cellStart = start
        self.cellNodes = cellNodes
        self.x = x
        self.y = y
    }

    /// The node nearest to a point (ties to the lower node number), or `nil` without nodes.
    func nearest(latitude: Double, longitude: Double) -> Int? {
        guard !cellNodes.isEmpty else { return nil }
        let px = (longitude - originLongitude) * metresPerDegreeLongitude
        let py = (latitude - originLatitude) * metresPerDegreeLatitude
        let cx = Int((px / cell).rounded(.down)), cy = Int((py / cell).rounded(.down))
        var best: (node: Int, squared: Double)?
        // The point lies in cell (cx, cy), possibly outside the grid; a node in ring r + 1 or
        // beyond is at least r cells away, so the search stops once the best is closer than that.
        let lastRing = max(cx, columns - 1 - cx, cy, rows - 1 - cy, 0)
        for ring in 0...lastRing {
            for j in (cy - ring)...(cy + ring) where j >= 0 && j < rows {
                let onEdgeRow = j == cy - ring || j == cy + ring
                for i in (cx - ring)...(cx + ring) where i >= 0 && i < columns {
                    guard onEdgeRow || i == cx - ring || i == cx + ring else { continue }
                    let c = j * columns + i
                    for slot in cellStart[c]..<cellStart[c + 1] {
                        let node = Int(cellNodes[slot])
                        let dx = x[node] - px, dy = y[node] - py
                        let squared = dx * dx + dy * dy
                        if best == nil || squared < best!.squared || (squared == best!.squared && node < best!.node) {
                            best = (node, squared)
                        }
                    }
                }
            }
            if let best, best.squared.squareRoot() <= Double(ring) * cell { break }
        }
        return best?.node
    }
}
