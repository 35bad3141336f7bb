/// The road network of an OpenStreetMap extract for one travel mode, as a directed graph in
/// compact arrays: nodes are numbered 0..<n, and the edges leaving node `i` are
/// `edgeStart[i]..<edgeStart[i + 1]`, so a shortest-path search touches only flat arrays.
///
/// Every OpenStreetMap node of a usable way becomes a graph node, so that a location snaps to
/// the road point nearest to it, not only to junctions. Edges follow the ways' geometry; their
/// length is the great-circle length of the segment and their time follows from
/// ``RoadRules``; a barrier node the mode cannot pass cuts the ways through it. Turn
/// restrictions (relations) and turn costs are not modelled, which makes some routes shorter
/// than a routing engine's.
public struct RoadGraph: Sendable {
    public let mode: TravelMode
    /// The file the graph was read from, for messages.
    public let file: String
    /// Position and OpenStreetMap id of each node.
    public let latitudes: [Double]
    public let longitudes: [Double]
    public let osmIds: [Int64]
    /// Start of each node's outgoing edges in the edge arrays; `nodeCount + 1` entries.
    let edgeStart: [Int32]
    let edgeTarget: [Int32]
    /// Length of each edge in metres.
    let edgeMetres: [Double]
    /// Time of each edge in milliseconds: whole numbers keep the search exact and its heap keys
    /// compact.
    let edgeMillis: [Int64]
    /// Component number of every node; nodes in ``largestComponent`` can reach each other.
    let component: [Int32]
    /// The largest strongly connected component: every node in it can reach every other.
    public let largestComponent: Int32
    /// Nodes of the largest component; locations snap only to these.
    public let routableNodes: Int
    /// References of usable ways to nodes the extract does not contain (ways cut at its edge).
    public let missingNodeReferences: Int
    /// Ways the mode may use.
    public let usableWays: Int
    /// Barrier nodes the mode cannot pass.
    public let blockingBarriers: Int

    public var nodeCount: Int { latitudes.count }
    public var edgeCount: Int { edgeTarget.count }

    public func point(_ node: Int) -> RoadPoint { RoadPoint(latitude: latitudes[node], longitude: longitudes[node]) }

    /// Builds the graph of the ways that `rules` let the mode use.
    public init(extract: OSMExtract, rules: RoadRules) throws(RoadsError) {
        mode = rules.mode
        file = extract.file
        var position: [Int64: Int] = [:]
        position.reserveCapacity(extract.nodeIds.count)
        for (index, id) in extract.nodeIds.enumerated() { position[id] = index }

        var graphIndex: [Int: Int32] = [:]
        var latitudes: [Double] = [], longitudes: [Double] = [], osmIds: [Int64] = []
        func node(_ extractIndex: Int) -> Int32 {
            if let existing = graphIndex[extractIndex] { return existing }
            let next = Int32(latitudes.count)
            graphIndex[extractIndex] = next
            latitudes.append(extract.latitudes[extractIndex])
            longitudes.append(extract.longitudes[extractIndex])
            osmIds.append(extract.nodeIds[extractIndex])
            return next
        }

        // A barrier that stops the mode cuts the ways through it: no edge may touch its node.
        let blocked = Set(
            extract.barriers.filter { rules.isBlocked(byNode: $0.value) }.keys.compactMap { position[$0] })
        var sources: [Int32] = [], targets: [Int32] = [], metres: [Double] = [], millis: [Int64] = []
        var missing = 0, usable = 0
        for way in extract.ways {
            let (forward, backward) = rules.speeds(way.tags)
            guard forward != nil || backward != nil else { continue }
            usable += 1
            // A way cut by the extract's boundary loses the nodes outside; it is kept up to them.
            var previous: Int?
            for reference in way.nodes {
                guard let current = position[reference] else {
                    missing += 1
                    previous = nil
                    continue
                }
                defer { previous = current }
                guard let previous, previous != current, !blocked.contains(previous), !blocked.contains(current) else {
                    continue
                }
                let a = node(previous), b = node(current)
                let length = RoadPoint(latitude: extract.latitudes[previous], longitude: extract.longitudes[previous])
                    .metres(to: RoadPoint(latitude: extract.latitudes[current], longitude: extract.longitudes[current]))
                for (from, to, speed) in [(a, b, forward), (b, a, backward)] {
                    guard let speed else { continue }
                    sources.append(from)
                    targets.append(to)
                    metres.append(length)
                    millis.append(Int64((length / (speed / 3.6) * 1000).rounded()))
                }
            }
        }
        guard !latitudes.isEmpty else {
            throw RoadsError(
                .input, extract.file,
                "no road in the extract can be used by \(rules.mode.rawValue) (\(extract.ways.count) ways with a highway tag; is it the right area and travel mode?)"
            )
        }

        // Counting sort by source node gives the compact adjacency arrays.
        let n = latitudes.count
        var start = [Int32](repeating: 0, count: n + 1)
        for source in sources { start[Int(source) + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var fill = start
        var edgeTarget = [Int32](repeating: 0, count: sources.count)
        var edgeMetres = [Double](repeating: 0, count: sources.count)
        var edgeMillis = [Int64](repeating: 0, count: sources.count)
        for e in 0..<sources.count {
            let slot = Int(fill[Int(sources[e])])
            fill[Int(sources[e])] += 1
            edgeTarget[slot] = targets[e]
            edgeMetres[slot] = metres[e]
            edgeMillis[slot] = millis[e]
        }

        self.latitudes = latitudes
        self.longitudes = longitudes
        self.osmIds = osmIds
        self.edgeStart = start
        self.edgeTarget = edgeTarget
        self.edgeMetres = edgeMetres
        self.edgeMillis = edgeMillis
        self.missingNodeReferences = missing
        self.usableWays = usable
        self.blockingBarriers = blocked.count
        let components = Self.stronglyConnectedComponents(nodeCount: n, start: start, target: edgeTarget)
        self.component = components.component
        self.largestComponent = components.largest
        self.routableNodes = components.component.lazy.filter { $0 == components.largest }.count
    }

    /// Whether routes lead from this node to every other routable node and back.
    public func isRoutable(_ node: Int) -> Bool { component[node] == largestComponent }
}
