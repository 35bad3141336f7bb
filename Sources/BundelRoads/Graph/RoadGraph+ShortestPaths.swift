import Dispatch
import Foundation
import Synchronization

extension RoadGraph {
    /// The fastest route between every ordered pair of `nodes`: its length and time.
    ///
    /// One Dijkstra search per source over the compact arrays of the ``SearchGraph`` (the
    /// junctions and the given nodes), stopped once every target is settled; sources are shared
    /// among all cores, each with its own work arrays. Routes are
    /// fastest, not shortest, as the routing engines choose them; among equally fast routes the
    /// shorter one is kept. Row `i` of the result is from `nodes[i]`; pairs of nodes in
    /// different components stay `nil`.
    public func fastestRoutes(between nodes: [Int]) -> RoadMatrix {
        precondition(nodeCount <= NodeQueue.maximumNodes, "graph too large for the search's heap keys")
        let size = nodes.count
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, size))
        let rows = Mutex<[[(metres: Int?, seconds: Int?)]?]>(Array(repeating: nil, count: size))
        let graph = SearchGraph(self, keeping: Set(nodes))
        let searchNodes = nodes.map { Int(graph.index[$0]) }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let search = Search(graph: graph, targets: searchNodes)
            for source in stride(from: worker, to: size, by: workers) {
                let row = search.run(from: searchNodes[source])
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
    ///
    /// The hot loop runs on raw buffers (the worker's own copy of the edge arrays and its work
    /// arrays): bounds checks and copy-on-write checks on Swift arrays tripled its time on a
    /// city-sized graph.
    private final class Search {
        let targets: [Int]
        let edgeStart: UnsafeMutableBufferPointer<Int32>
        let edgeTarget: UnsafeMutableBufferPointer<Int32>
        let edgeMillis: UnsafeMutableBufferPointer<Int64>
        let edgeMetres: UnsafeMutableBufferPointer<Double>
        let millis: UnsafeMutableBufferPointer<Int64>
        let metres: UnsafeMutableBufferPointer<Double>
        /// `2 × search` once a node is reached in that search, `2 × search + 1` once it is
        /// settled; anything smaller is left over from an earlier search.
        let stamp: UnsafeMutableBufferPointer<Int32>
        /// Whether a target sits on the node.
        let isTarget: UnsafeMutableBufferPointer<Bool>
        let distinctTargets: Int
        var search: Int32 = 0
        var queue = NodeQueue()

        init(graph: SearchGraph, targets: [Int]) {
            self.targets = targets
            func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
                _ = buffer.initialize(from: array)
                return buffer
            }
            edgeStart = copy(graph.edgeStart)
            edgeTarget = copy(graph.edgeTarget)
            edgeMillis = copy(graph.edgeMillis)
            edgeMetres = copy(graph.edgeMetres)
            let n = graph.nodeCount
            millis = copy([Int64](repeating: 0, count: n))
            metres = copy([Double](repeating: 0, count: n))
            stamp = copy([Int32](repeating: -1, count: n))
            isTarget = copy([Bool](repeating: false, count: n))
            for target in targets { isTarget[target] = true }
            distinctTargets = Set(targets).count
        }

        deinit {
            for buffer in [
                UnsafeMutableRawBufferPointer(edgeStart), UnsafeMutableRawBufferPointer(edgeTarget),
                UnsafeMutableRawBufferPointer(edgeMillis), UnsafeMutableRawBufferPointer(edgeMetres),
                UnsafeMutableRawBufferPointer(millis), UnsafeMutableRawBufferPointer(metres),
                UnsafeMutableRawBufferPointer(stamp), UnsafeMutableRawBufferPointer(isTarget),
            ] {
                buffer.deallocate()
            }
        }

        func run(from source: Int) -> [(metres: Int?, seconds: Int?)] {
            search += 1
            let reached = 2 * search, settled = 2 * search + 1
            // Locals, not the object's properties, in the loop: a class's variable properties are
            // checked for exclusive access at run time on every use.
            let (edgeStart, edgeTarget, edgeMillis, edgeMetres) = (
                self.edgeStart, self.edgeTarget, self.edgeMillis, self.edgeMetres
            )
            let (millis, metres, stamp, isTarget) = (self.millis, self.metres, self.stamp, self.isTarget)
            var queue = self.queue
            defer { self.queue = queue }
            queue.removeAll()
            stamp[source] = reached
            millis[source] = 0
            metres[source] = 0
            queue.push(millis: 0, node: source)
            var targetsLeft = distinctTargets
            while !queue.isEmpty, targetsLeft > 0 {
                let (time, node) = queue.pop()
                guard stamp[node] == reached, time == millis[node] else { continue }
                stamp[node] = settled
                if isTarget[node] { targetsLeft -= 1 }
                let length = metres[node]
                for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
                    let next = Int(edgeTarget[edge])
                    let nextMillis = time + edgeMillis[edge]
                    let nextMetres = length + edgeMetres[edge]
                    let mark = stamp[next]
                    if mark < reached {
                        stamp[next] = reached
                        millis[next] = nextMillis
                        metres[next] = nextMetres
                        queue.push(millis: nextMillis, node: next)
                    } else if mark == reached,
                        nextMillis < millis[next] || (nextMillis == millis[next] && nextMetres < metres[next])
                    {
                        millis[next] = nextMillis
                        metres[next] = nextMetres
                        queue.push(millis: nextMillis, node: next)
                    }
                }
            }
            return targets.map { target in
                guard stamp[target] == settled else { return (nil, nil) }
                return (Int(metres[target].rounded()), Int((Double(millis[target]) / 1000).rounded()))
            }
        }
    }
}
