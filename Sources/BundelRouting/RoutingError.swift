/// A routing problem that is malformed (sizes or indices that do not match).
public struct RoutingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the offending item.
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
