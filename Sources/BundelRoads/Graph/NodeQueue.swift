/// A binary min-heap of (time, node) pairs packed into one `UInt64` each, for Dijkstra's search.
///
/// Packing the node into the low bits makes a comparison one integer compare and keeps the heap
/// a flat array of 8-byte keys; stale entries are skipped when popped instead of decreasing keys
/// in place. (swift-collections' `Heap` would do as well, at the cost of a dependency for the
/// thirty lines below.)
struct NodeQueue {
    static let nodeBits: UInt64 = 24
    /// Graphs with more nodes than this do not fit the packing.
    static let maximumNodes = 1 << 24
    private static let nodeMask: UInt64 = (1 << nodeBits) - 1

    private var keys: [UInt64] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() { keys.removeAll(keepingCapacity: true) }

    mutating func push(millis: Int64, node: Int) {
        keys.append(UInt64(millis) << Self.nodeBits | UInt64(node))
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (millis: Int64, node: Int) {
        let top = keys[0]
        let last = keys.removeLast()
        if !keys.isEmpty {
            keys[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < keys.count else { break }
                let right = left + 1
                let child = right < keys.count && keys[right] < keys[left] ? right : left
                guard keys[child] < keys[parent] else { break }
                keys.swapAt(child, parent)
                parent = child
            }
        }
        return (Int64(top >> Self.nodeBits), Int(top & Self.nodeMask))
    }
}
