extension RoadGraph {
    /// Strongly connected components (Kosaraju, with explicit stacks so that a long road does
    /// not overflow the call stack) and the number of the largest.
    ///
    /// An extract cut out of a city leaves one-way streets that lead out of the map and dead
    /// ends that cannot be left: a location snapped there would have no route to or from the
    /// others. Snapping only to the largest component guarantees a complete matrix.
    static func stronglyConnectedComponents(
        nodeCount n: Int, start: [Int32], target: [Int32]
    ) -> (component: [Int32], largest: Int32) {
        // Pass 1: nodes in order of finishing a depth-first search on the graph.
        var visited = [Bool](repeating: false, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        var stack: [(node: Int32, next: Int32)] = []
        for root in 0..<n where !visited[root] {
            visited[root] = true
            stack.append((Int32(root), start[root]))
            while let top = stack.last {
                let node = Int(top.node)
                if top.next < start[node + 1] {
                    stack[stack.count - 1].next += 1
                    let neighbour = Int(target[Int(top.next)])
                    if !visited[neighbour] {
                        visited[neighbour] = true
                        stack.append((Int32(neighbour), start[neighbour]))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }

        let (reverseStart, reverseTarget) = reversed(nodeCount: n, start: start, target: target)

        // Pass 2: in reverse finishing order, everything a node reaches in the reversed graph
        // that has no component yet forms its component.
        var component = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        var pending: [Int32] = []
        for root in order.reversed() where component[Int(root)] < 0 {
            let id = Int32(sizes.count)
            var size = 0
            component[Int(root)] = id
            pending.append(root)
            while let node = pending.popLast() {
                size += 1
                for e in Int(reverseStart[Int(node)])..<Int(reverseStart[Int(node) + 1]) {
                    let neighbour = Int(reverseTarget[e])
                    if component[neighbour] < 0 {
                        component[neighbour] = id
                        pending.append(Int32(neighbour))
                    }
                }
            }
            sizes.append(size)
        }
        // Ties go to the lowest component number, so the choice does not depend on chance.
        let largest = sizes.indices.max { sizes[$0] < sizes[$1] || (sizes[$0] == sizes[$1] && $0 > $1) } ?? 0
        return (component, Int32(largest))
    }

    /// The graph with every edge turned round, in the same compact form: the edges into node
    /// `i` come from `target[start[i]..<start[i + 1]]`.
    static func reversed(nodeCount n: Int, start: [Int32], target: [Int32]) -> (start: [Int32], target: [Int32]) {
        var reverseStart = [Int32](repeating: 0, count: n + 1)
        for t in target { reverseStart[Int(t) + 1] += 1 }
        for i in 0..<n { reverseStart[i + 1] += reverseStart[i] }
        var fill = reverseStart
        var reverseTarget = [Int32](repeating: 0, count: target.count)
        for node in 0..<n {
            for e in Int(start[node])..<Int(start[node + 1]) {
                let t = Int(target[e])
                reverseTarget[Int(fill[t])] = Int32(node)
                fill[t] += 1
            }
        }
        return (reverseStart, reverseTarget)
    }
}
