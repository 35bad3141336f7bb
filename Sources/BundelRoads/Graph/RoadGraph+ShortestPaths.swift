import Dispatch
import Foundation
import Synchronization

extension RoadGraph {
    /// The fastest route between every ordered pair of `nodes`: its length and time.
    ///
    /// One Dijkstra search per source over the compact arrays, stopped once every target is
    /// settled; sources are shared among all cores, each with its own work arrays. Routes are
    /// fastest, not shortest, as the routing engines choose them; among equally fast routes the
    /// shorter one is kept. Row `i` of the result is from `nodes[i]`; pairs of nodes in
    /// different components stay `nil`.
    public func fastestRoutes(between nodes: [Int]) -> RoadMatrix {
        precondition(nodeCount <= NodeQueue.maximumNodes, "graph too large for the search's heap keys")
        let size = nodes.count
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, size))
        let rows = Mutex<[[(metres: Int?, seconds: Int?)]?]>(Array(repeating: nil, count: size))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var search = Search(graph: self, targets: nodes)
            for source in stride(from: worker, to: size, by: workers) {
                let row = search.run(from: nodes[source])
                rows.withLock { $0[source] = row }
            }
        }
        var matrix = RoadMatrix(size: size)
        rows.withLock { rows in
            for (i, row) in rows.enumerated() {
                for (j, cell) in row!.enumerated() {
                    matrix.metres[i * size + j] = cell.metres
                    matrix.seconds[i * size + j] = cell.seconds
                }
            }
        }
        matrix.snapped = nodes.map { Optional(point($0)) }
        return matrix
    }

    /// One worker's arrays for repeated searches, reset lazily by a search number so that a
    /// search costs what it visits, not the size of the graph.
    private struct Search {
        let graph: RoadGraph
        let targets: [Int]
        var millis: [Int64]
        var metres: [Double]
        var settled: [Bool]
        /// The search that last wrote each node's entries; older entries count as unreached.
        var stamp: [Int32]
        var current: Int32 = 0
        var queue = NodeQueue()
        /// How many targets sit on each node (two locations may snap to the same one).
        var targetCount: [Int32: Int] = [:]

        init(graph: RoadGraph, targets: [Int]) {
            self.graph = graph
            self.targets = targets
            millis = Array(repeating: 0, count: graph.nodeCount)
            metres = Array(repeating: 0, count: graph.nodeCount)
            settled = Array(repeating: false, count: graph.nodeCount)
            stamp = Array(repeating: -1, count: graph.nodeCount)
            for target in targets { targetCount[Int32(target), default: 0] += 1 }
        }

        mutating func run(from source: Int) -> [(metres: Int?, seconds: Int?)] {
            current += 1
            queue.removeAll()
            reach(source, millis: 0, metres: 0)
            queue.push(millis: 0, node: source)
            var targetsLeft = targetCount.count
            while !queue.isEmpty, targetsLeft > 0 {
                let (time, node) = queue.pop()
                guard !settled[node], time == millis[node] else { continue }
                settled[node] = true
                if targetCount[Int32(node)] != nil { targetsLeft -= 1 }
                for edge in Int(graph.edgeStart[node])..<Int(graph.edgeStart[node + 1]) {
                    let next = Int(graph.edgeTarget[edge])
                    let nextMillis = time + graph.edgeMillis[edge]
                    let nextMetres = metres[node] + graph.edgeMetres[edge]
                    if stamp[next] != current {
                        reach(next, millis: nextMillis, metres: nextMetres)
                        queue.push(millis: nextMillis, node: next)
                    } else if !settled[next], nextMillis < millis[next] || (nextMillis == millis[next] && nextMetres < metres[next]) {
                        millis[next] = nextMillis
                        metres[next] = nextMetres
                        queue.push(millis: nextMillis, node: next)
                    }
                }
            }
            return targets.map { target in
                guard stamp[target] == current, settled[target] else { return (nil, nil) }
                return (Int(metres[target].rounded()), Int((Double(millis[target]) / 1000).rounded()))
            }
        }

        private mutating func reach(_ node: Int, millis time: Int64, metres length: Double) {
            stamp[node] = current
            settled[node] = false
            millis[node] = time
            metres[node] = length
        }
    }
}
