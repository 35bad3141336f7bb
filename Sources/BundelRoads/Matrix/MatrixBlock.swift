/// Part of a matrix as one engine answer holds it: `rows` sources by `columns` targets, row-major,
/// with where the engine placed each point on the road when it says so.
public struct MatrixBlock: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Whole metres; `nil` where the engine found no route.
    public var metres: [Int?]
    /// Whole seconds; `nil` where the engine found no route, or all `nil` when it gave no times.
    public var seconds: [Int?]
    /// Whether the answer carried travel times at all.
    public var hasDurations: Bool
    public var sourcePoints: [RoadPoint]?
    public var targetPoints: [RoadPoint]?
}
