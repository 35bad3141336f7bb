/// Quantities are arrays with one value per capacity dimension of the network.
enum Quantities {
    /// The element-wise sum of quantity vectors.
    static func sum<Vectors: Sequence>(_ vectors: Vectors, dimensions: Int) -> [Double]
    where Vectors.Element == [Double] {
        vectors.reduce(into: [Double](repeating: 0, count: dimensions)) { total, vector in
            for index in total.indices { total[index] += vector[index] }
        }
    }
}

extension Array where Element == VehicleType {
    /// The type with the most capacity over all dimensions (ties: the lowest id), used where one
    /// vehicle stands for a fleet: splitting oversized deliveries, trunk legs, hub day patterns.
    var largest: VehicleType? {
        self.max { ($0.capacity.reduce(0, +), $1.id) < ($1.capacity.reduce(0, +), $0.id) }
    }

    /// The largest type that may deliver at `site`: with the zone enforced, a site in the zone
    /// only gets vehicles that may enter it, so its deliveries are cut to their size; nil when
    /// no type may go there.
    func largest(servingSite site: Site, enforceZone: Bool) -> VehicleType? {
        enforceZone && site.inZone ? filter(\.mayEnterZone).largest : largest
    }
}
