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
        keys.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            let key = heap[child]
            while child > 0 {
                let parent = (child - 1) / 2
                guard key < heap[parent] else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = key
        }
    }

    mutating func pop() -> (millis: Int64, node: Int) {
        let top = keys[0]
        let last = keys.removeLast()
        if !keys.isEmpty {
            keys.withUnsafeMutableBufferPointer { heap in
                // Sift the last key down from the root, moving smaller children up into the hole.
                var parent = 0
                let count = heap.count
                while true {
                    let left = 2 * parent + 1
                    guard left < count else { break }
                    let right = left + 1
                    let child = right < count && heap[right] < heap[left] ? right : left
                    guard heap[child] < last else { break }
                    heap[parent] = heap[child]
                    parent = child
                }
                heap[parent] = last
            }
        }
        return (Int64(top >> Self.nodeBits), Int(top & Self.nodeMask))
    }
}
