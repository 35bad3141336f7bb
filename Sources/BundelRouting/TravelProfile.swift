/// Distances and durations between all locations for one kind of vehicle (car, truck, bike).
///
/// Stored as flat row-major arrays: the hot loops of the search index them directly.
public struct TravelProfile: Sendable {
    /// Number of locations.
    public let size: Int
    /// Metres from location `i` to `j` at `i * size + j`.
    public let distances: [Int]
    /// Seconds from location `i` to `j` at `i * size + j`.
    public let durations: [Int]

    /// Creates a profile, checking that both matrices are square, non-negative and of `size`.
    public init(size: Int, distances: [Int], durations: [Int]) throws(RoutingError) {
        guard size > 0, distances.count == size * size, durations.count == size * size else {
            throw RoutingError("travel matrices must hold \(size) x \(size) values, got \(distances.count) distances and \(durations.count) durations")
        }
        if let bad = distances.firstIndex(where: { $0 < 0 }) ?? durations.firstIndex(where: { $0 < 0 }) {
            throw RoutingError("negative travel value from location \(bad / size) to \(bad % size)")
        }
        // The search stores legs in 32 bits (half the memory, twice the legs per cache line).
        if let bad = distances.firstIndex(where: { $0 > Self.largestValue }) ?? durations.firstIndex(where: { $0 > Self.largestValue }) {
            throw RoutingError("travel value from location \(bad / size) to \(bad % size) is above \(Self.largestValue), the largest supported")
        }
        self.size = size
        self.distances = distances
        self.durations = durations
    }

    /// The largest distance (metres) or duration (seconds) of one leg: 2^31 - 1, about 2.1
    /// million km or 68 years.
    public static let largestValue = Int(Int32.max)

    @inline(__always) public func distance(_ from: Int, _ to: Int) -> Int { distances[from * size + to] }
    @inline(__always) public func duration(_ from: Int, _ to: Int) -> Int { durations[from * size + to] }
}
