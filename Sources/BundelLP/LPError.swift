/// A misuse of the linear-programming API, caught before GLPK could see it.
///
/// GLPK aborts the whole process on a bad argument, so every index, bound, coefficient and
/// name is checked in Swift first and reported through this type instead.
public enum LPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A variable handle that does not belong to the model (index out of range).
    case unknownVariable(index: Int, variableCount: Int)
    /// A bound that is NaN, or a lower bound above the upper bound.
    case invalidBounds(name: String, lower: Double, upper: Double)
    /// An integer or binary variable whose finite bound is not a whole number.
    case fractionalIntegerBound(name: String, bound: Double)
    /// A coefficient (objective or constraint) that is NaN or infinite.
    case nonFiniteCoefficient(name: String, value: Double)
    /// A name that is empty, too long, or not valid in the CPLEX LP format.
    case invalidName(String, reason: String)
    /// Two variables or two constraints with the same name.
    case duplicateName(String)
    /// A solver option out of range (negative time limit, gap, ...).
    case invalidOption(String)
    /// Writing or reading a model file failed.
    case fileError(path: String, reason: String)
    /// GLPK itself reported an error (caught by ``GLPKGuard`` instead of aborting); its message.
    case glpkFailure(String)

    public var description: String {
        switch self {
        case let .unknownVariable(index, count):
            return "variable index \(index) is not in this model (it has \(count) variables)"
        case let .invalidBounds(name, lower, upper):
            return "'\(name)': invalid bounds [\(lower), \(upper)]"
        case let .fractionalIntegerBound(name, bound):
            return "integer variable '\(name)': bound \(bound) is not a whole number"
        case let .nonFiniteCoefficient(name, value):
            return "'\(name)': coefficient \(value) is not a finite number"
        case let .invalidName(name, reason):
            return "invalid name '\(name)': \(reason)"
        case let .duplicateName(name):
            return "the name '\(name)' is used twice"
        case let .invalidOption(reason):
            return "invalid solver option: \(reason)"
        case let .fileError(path, reason):
            return "\(path): \(reason)"
        case let .glpkFailure(message):
            return "GLPK failed: \(message)"
        }
    }
}
