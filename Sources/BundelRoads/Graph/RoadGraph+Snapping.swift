extension RoadGraph {
    /// Where a location joins the road network: the nearest routable node and how far it is.
    public struct Snap: Sendable, Equatable {
        public let node: Int
        /// Great-circle metres from the location to the node.
        public let metres: Double
    }

    /// Each point's nearest node of the largest strongly connected component.
    ///
    /// Engines snap to the nearest point on a road edge; snapping to a node instead moves a
    /// location by at most half a segment, usually a few metres in a city, where OpenStreetMap
    /// ways have a node every few metres.
    public func snap(_ points: [RoadPoint]) -> [Snap] {
        let routable = (0..<nodeCount).filter(isRoutable).map(Int32.init)
        let grid = NodeGrid(latitudes: latitudes, longitudes: longitudes, nodes: routable)
        return points.map { point in
            // The graph is never empty (its initialiser refuses that) and has a largest component.
            let node = grid.nearest(latitude: point.latitude, longitude: point.longitude)!
            return Snap(node: node, metres: point.metres(to: self.point(node)))
        }
    }

    /// The routable nodes, for picking sample locations.
    public var routableNodeList: [Int] { (0..<nodeCount).filter(isRoutable) }
}
