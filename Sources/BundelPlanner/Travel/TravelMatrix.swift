import BundelRouting

/// Road distances (and optionally durations) between every hub, site and supplier depot.
///
/// Without a matrix file the distance is the great-circle distance times the scenario's detour
/// factor, and durations follow from each vehicle type's speed. With a matrix file both come
/// from the file.
public struct TravelMatrix: Sendable {
    /// Ids of the locations in matrix order: hubs, then sites, then supplier depots.
    public let ids: [String]
    /// Index of each id.
    public let index: [String: Int]
    /// Metres from `i` to `j` at `i * count + j`.
    public let metres: [Int]
    /// Seconds from `i` to `j`, when the matrix file gave durations.
    public let seconds: [Int]?

    public var count: Int { ids.count }

    /// The ids of a network's locations in matrix order, with their coordinates.
    public static func locations(of network: Network) -> [(id: String, point: GeoPoint)] {
        network.hubs.map { ($0.id, $0.location) } + network.sites.map { ($0.id, $0.location) }
            + network.suppliers.map { ($0.id, $0.depot) }
    }

    /// Distances from coordinates: great-circle metres times `detourFactor`, rounded.
    public init(network: Network, detourFactor: Double) {
        let locations = Self.locations(of: network)
        var metres = [Int](repeating: 0, count: locations.count * locations.count)
        for (i, from) in locations.enumerated() {
            for (j, to) in locations.enumerated() where i != j {
                metres[i * locations.count + j] = Int((GreatCircle.metres(from.point, to.point) * detourFactor).rounded())
            }
        }
        self.init(ids: locations.map(\.id), metres: metres, seconds: nil)
    }

    init(ids: [String], metres: [Int], seconds: [Int]?) {
        self.ids = ids
        self.index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        self.metres = metres
        self.seconds = seconds
    }

    public func metres(_ from: String, _ to: String) -> Int { metres[index[from]! * count + index[to]!] }

    /// The travel profile for a vehicle type over the whole matrix: the matrix's durations when
    /// it has them, else distance over the type's speed.
    public func profile(speedKmh: Double) -> TravelProfile {
        let durations = seconds ?? metres.map { Self.seconds(metres: $0, speedKmh: speedKmh) }
        // The matrix is square and non-negative by construction; the profile cannot fail.
        return try! TravelProfile(size: count, distances: metres, durations: durations)
    }

    /// The travel profile for a vehicle type over only `locations` (matrix indices, in the
    /// order the profile numbers them): the matrix's durations when it has them, else distance
    /// over the type's speed. A day problem of a dozen stops thus carries a 13 x 13 matrix, not
    /// the whole network's.
    public func profile(speedKmh: Double, over locations: [Int]) -> TravelProfile {
        let size = locations.count
        var distances = [Int](repeating: 0, count: size * size)
        var durations = [Int](repeating: 0, count: size * size)
        for (i, from) in locations.enumerated() {
            for (j, to) in locations.enumerated() {
                let cell = from * count + to
                distances[i * size + j] = metres[cell]
                durations[i * size + j] = seconds?[cell] ?? Self.seconds(metres: metres[cell], speedKmh: speedKmh)
            }
        }
        // The matrix is square and non-negative by construction; the profile cannot fail.
        return try! TravelProfile(size: size, distances: distances, durations: durations)
    }

    /// Seconds from one location to another for a vehicle type.
    public func seconds(_ from: String, _ to: String, speedKmh: Double) -> Int {
        let i = index[from]! * count + index[to]!
        return seconds?[i] ?? Self.seconds(metres: metres[i], speedKmh: speedKmh)
    }

    /// Whole seconds to drive `metres` at `speedKmh`.
    private static func seconds(metres: Int, speedKmh: Double) -> Int {
        Int((Double(metres) / (speedKmh / 3.6)).rounded())
    }
}
