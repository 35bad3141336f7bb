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
    /// Metres from `i` to `j` at `i * count + j`, in 32 bits (up to 2.1 million km, which the
    /// readers enforce): a network of 10,000 locations takes 400 MB rather than 800 MB.
    public let metres: [Int32]
    /// Seconds from `i` to `j`, when the matrix file gave durations.
    public let seconds: [Int32]?

    public var count: Int { ids.count }

    /// The ids of a network's locations in matrix order, with their coordinates.
    public static func locations(of network: Network) -> [(id: String, point: GeoPoint)] {
        network.hubs.map { ($0.id, $0.location) } + network.sites.map { ($0.id, $0.location) }
            + network.suppliers.map { ($0.id, $0.depot) }
    }

    /// Distances from coordinates: great-circle metres times `detourFactor`, rounded.
    public init(network: Network, detourFactor: Double) {
        let locations = Self.locations(of: network)
        let count = locations.count
        // Half the pairs, each mirrored: the great-circle distance is the same both ways.
        var metres = [Int32](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in i + 1..<count {
                let value = Int32((GreatCircle.metres(locations[i].point, locations[j].point) * detourFactor).rounded())
                metres[i * count + j] = value
                metres[j * count + i] = value
            }
        }
        self.init(ids: locations.map(\.id), metres: metres, seconds: nil)
    }

    /// A matrix of `ids` from full-width values, which the readers have kept within 32 bits.
    init(ids: [String], metres: [Int], seconds: [Int]?) {
        self.init(ids: ids, metres: metres.map { Int32($0) }, seconds: seconds.map { $0.map { Int32($0) } })
    }

    init(ids: [String], metres: [Int32], seconds: [Int32]?) {
        self.ids = ids
        self.index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        self.metres = metres
        self.seconds = seconds
    }

    public func metres(_ from: String, _ to: String) -> Int { Int(metres[index[from]! * count + index[to]!]) }

    /// The travel profile for a vehicle type over the whole matrix: the matrix's durations when
    /// it has them, else distance over the type's speed.
    public func profile(speedKmh: Double) -> TravelProfile {
        // The matrix is square and non-negative by construction, with values in 32 bits; the
        // profile cannot fail.
        try! TravelProfile(
            size: count, distance: { Int(metres[$0]) },
            duration: { cell in
                seconds.map { Int($0[cell]) } ?? Self.seconds(metres: Int(metres[cell]), speedKmh: speedKmh)
            })
    }

    /// The travel profile for a vehicle type over only `locations` (matrix indices, in the
    /// order the profile numbers them): the matrix's durations when it has them, else distance
    /// over the type's speed. A day problem of a dozen stops thus carries a 13 x 13 matrix, not
    /// the whole network's.
    public func profile(speedKmh: Double, over locations: [Int]) -> TravelProfile {
        let size = locations.count
        let cell = { (local: Int) in locations[local / size] * count + locations[local % size] }
        // The matrix is square and non-negative by construction, with values in 32 bits; the
        // profile cannot fail.
        return try! TravelProfile(
            size: size, distance: { Int(metres[cell($0)]) },
            duration: { local in
                let global = cell(local)
                return seconds.map { Int($0[global]) } ?? Self.seconds(metres: Int(metres[global]), speedKmh: speedKmh)
            })
    }

    /// Seconds from one location to another for a vehicle type.
    public func seconds(_ from: String, _ to: String, speedKmh: Double) -> Int {
        let i = index[from]! * count + index[to]!
        return seconds.map { Int($0[i]) } ?? Self.seconds(metres: Int(metres[i]), speedKmh: speedKmh)
    }

    /// Whole seconds to drive `metres` at `speedKmh`.
    private static func seconds(metres: Int, speedKmh: Double) -> Int {
        Int((Double(metres) / (speedKmh / 3.6)).rounded())
    }
}
