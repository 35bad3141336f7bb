/// A reader's result that breaks the fuzz property: an inconsistent load, a refusal without a
/// stated problem, or an input that took too long.
public struct FuzzViolation: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
