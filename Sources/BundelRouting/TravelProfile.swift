/// Distances and durations between all locations for one kind of vehicle (car, truck, bike).
///
/// Stored as the search reads them: one flat row-major array of legs (metres and seconds in 32
/// bits each), and the same legs by destination. A search shares these arrays rather than
/// copying them, so that the network-wide profile of a large plan, which several hub days
/// route on at once, is held once.
public struct TravelProfile: Sendable {
    /// Number of locations.
    public let size: Int
    /// The leg from location `i` to `j` at `i * size + j`.
    let legs: [Leg]
    /// The leg from location `i` to `j` at `j * size + i`: pricing the insertions of one job
    /// reads the legs into it and the legs out of it as two rows that stay in the cache, where
    /// reading a column missed it on every leg. The same array as ``legs`` (no copy) when every
    /// leg costs the same both ways, as great-circle distances do.
    let legsInto: [Leg]

    /// One leg: metres and seconds.
    struct Leg: Sendable, Equatable {
        var distance: Int32
        var duration: Int32
    }

    /// Creates a profile, checking that both matrices are square, non-negative and of `size`.
    public init(size: Int, distances: [Int], durations: [Int]) throws(RoutingError) {
        guard size > 0, distances.count == size * size, durations.count == size * size else {
            throw RoutingError(
                "travel matrices must hold \(size) x \(size) values, got \(distances.count) distances and \(durations.count) durations"
            )
        }
        try self.init(size: size, distance: { distances[$0] }, duration: { durations[$0] })
    }

    /// Creates a profile of `size` locations from the metres and seconds of each leg, given by
    /// its index `i * size + j`, checking that they are non-negative and fit 32 bits. Builds
    /// the legs without an intermediate matrix of full-width integers (a network of 10,000
    /// locations would need 1.6 GB for two).
    public init(size: Int, distance: (Int) -> Int, duration: (Int) -> Int) throws(RoutingError) {
        guard size > 0 else { throw RoutingError("travel matrices must hold at least one location") }
        var legs: [Leg] = []
        legs.reserveCapacity(size * size)
        var symmetric = true
        for index in 0..<size * size {
            let metres = distance(index), seconds = duration(index)
            guard metres >= 0, seconds >= 0 else {
                throw RoutingError("negative travel value from location \(index / size) to \(index % size)")
            }
            // The search stores legs in 32 bits (half the memory, twice the legs per cache line).
            guard metres <= Self.largestValue, seconds <= Self.largestValue else {
                throw RoutingError(
                    "travel value from location \(index / size) to \(index % size) is above \(Self.largestValue), the largest supported"
                )
            }
            let leg = Leg(distance: Int32(metres), duration: Int32(seconds))
            let from = index / size, to = index % size
            if symmetric, to < from, legs[to * size + from] != leg { symmetric = false }
            legs.append(leg)
        }
        self.size = size
        self.legs = legs
        self.legsInto = symmetric ? legs : (0..<size * size).map { index in legs[(index % size) * size + index / size] }
    }

    /// The largest distance (metres) or duration (seconds) of one leg: 2^31 - 1, about 2.1
    /// million km or 68 years.
    public static let largestValue = Int(Int32.max)

    /// Metres from location `i` to `j`, row by row.
    public var distances: [Int] { legs.map { Int($0.distance) } }
    /// Seconds from location `i` to `j`, row by row.
    public var durations: [Int] { legs.map { Int($0.duration) } }

    @inline(__always) public func distance(_ from: Int, _ to: Int) -> Int { Int(legs[from * size + to].distance) }
    @inline(__always) public func duration(_ from: Int, _ to: Int) -> Int { Int(legs[from * size + to].duration) }
}
