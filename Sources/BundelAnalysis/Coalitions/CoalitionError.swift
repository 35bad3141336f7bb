/// A coalition analysis whose shares break a rule they must keep: a bug, never a result.
public struct CoalitionError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
