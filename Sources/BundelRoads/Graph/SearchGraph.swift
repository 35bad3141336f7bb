/// The road graph with its pass-through nodes bypassed, for the shortest-path searches.
///
/// Most OpenStreetMap nodes only shape a street between two junctions: a node with exactly two
/// neighbours that no search starts or ends at is replaced by edges from junction to junction
/// that carry the summed time and length. A city's graph shrinks to its junctions, three to
/// five times fewer nodes, and every search with it; distances and times stay those of the
/// full graph.
struct SearchGraph {
    /// Search node of each graph node, or -1 where the node was bypassed.
    let index: [Int32]
    let nodeCount: Int
    let edgeStart: [Int32]
    let edgeTarget: [Int32]
    let edgeMillis: [Int64]
    let edgeMetres: [Double]

    /// Bypasses every node of `graph` with two neighbours that is not in `keep`.
    init(_ graph: RoadGraph, keeping keep: Set<Int>) {
        let n = graph.nodeCount
        let start = graph.edgeStart, target = graph.edgeTarget
        let (reverseStart, reverseTarget) = RoadGraph.reversed(nodeCount: n, start: start, target: target)
        // A node stays when a search needs it or when streets meet there (or end there).
        var kept = [Bool](repeating: false, count: n)
        for node in 0..<n {
            if keep.contains(node) {
                kept[node] = true
                continue
            }
            var neighbours = Set<Int32>()
            for e in Int(start[node])..<Int(start[node + 1]) { neighbours.insert(target[e]) }
            for e in Int(reverseStart[node])..<Int(reverseStart[node + 1]) { neighbours.insert(reverseTarget[e]) }
            kept[node] = neighbours.count != 2 || neighbours.contains(Int32(node))
        }
        var index = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        for node in 0..<n where kept[node] {
            index[node] = count
            count += 1
        }

        var edgeStart = [Int32](repeating: 0, count: Int(count) + 1)
        var edgeTarget: [Int32] = [], edgeMillis: [Int64] = [], edgeMetres: [Double] = []
        for node in 0..<n where kept[node] {
            for first in Int(start[node])..<Int(start[node + 1]) {
                // Follow the street through bypassed nodes to the next kept one.
                var previous = node, current = Int(target[first])
                var millis = graph.edgeMillis[first], metres = graph.edgeMetres[first]
                var steps = 0
                var arrived = true
                while !kept[current] {
                    // The cheapest edge onwards, not back where the street came from.
                    var best: Int?
                    for e in Int(start[current])..<Int(start[current + 1]) where Int(target[e]) != previous {
                        if best == nil
                            || (graph.edgeMillis[e], graph.edgeMetres[e]) < (
                                graph.edgeMillis[best!], graph.edgeMetres[best!]
                            )
                        {
                            best = e
                        }
                    }
                    steps += 1
                    // A one-way street entered against its direction leads nowhere; a ring of
                    // shape nodes without a junction would never end.
                    guard let next = best, steps <= n else {
                        arrived = false
                        break
                    }
                    millis += graph.edgeMillis[next]
                    metres += graph.edgeMetres[next]
                    previous = current
                    current = Int(target[next])
                }
                guard arrived, current != node else { continue }
                edgeTarget.append(index[current])
                edgeMillis.append(millis)
                edgeMetres.append(metres)
            }
            edgeStart[Int(index[node]) + 1] = Int32(edgeTarget.count)
        }
        self.index = index
        self.nodeCount = Int(count)
        self.edgeStart = edgeStart
        self.edgeTarget = edgeTarget
        self.edgeMillis = edgeMillis
        self.edgeMetres = edgeMetres
    }
}
