/// Distances and travel times between every ordered pair of a list of points, as a routing
/// engine or the offline road graph gives them: row `i`, column `j` at `i * size + j`. `nil`
/// marks a pair without a route.
public struct RoadMatrix: Sendable, Equatable {
    public let size: Int
    /// Whole metres (engines answer to the metre at best).
    public var metres: [Int?]
    /// Whole seconds.
    public var seconds: [Int?]
    /// Where each point met the road network, when the source says so.
    public var snapped: [RoadPoint?]

    /// A matrix of `size` points with every pair still unknown.
    public init(size: Int) {
        self.size = size
        metres = Array(repeating: nil, count: size * size)
        seconds = Array(repeating: nil, count: size * size)
        snapped = Array(repeating: nil, count: size)
    }

    public init(size: Int, metres: [Int?], seconds: [Int?], snapped: [RoadPoint?]) {
        precondition(metres.count == size * size && seconds.count == size * size && snapped.count == size)
        self.size = size
        self.metres = metres
        self.seconds = seconds
        self.snapped = snapped
    }

    /// Ordered pairs of distinct points without a distance, as (row, column).
    public var pairsWithoutRoute: [(from: Int, to: Int)] {
        (0..<size * size).compactMap { index in
            let (i, j) = (index / size, index % size)
            return i != j && metres[index] == nil ? (i, j) : nil
        }
    }
}
