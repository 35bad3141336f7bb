/// A linear or mixed-integer program, built in Swift and checked as it grows.
///
/// The model is a plain value: building it never touches GLPK. ``LinearSolver`` hands it to GLPK
/// only at solve or export time, after every argument has been validated here, because GLPK
/// aborts the process on a bad index or bound.
///
/// ```swift
/// var model = LinearModel(sense: .maximize)
/// let x = try model.addVariable(name: "x", kind: .integer, upperBound: 4, objective: 3)
/// let y = try model.addVariable(name: "y", objective: 2)
/// try model.addConstraint(name: "capacity", [x: 1, y: 1], .atMost(5))
/// let result = try LinearSolver.solve(model)
/// ```
public struct LinearModel: Sendable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable { case minimize, maximize }

    /// The domain of a variable.
    public enum VariableKind: Sendable, Equatable {
        case continuous
        case integer
        /// An integer variable with bounds fixed to [0, 1].
        case binary
    }

    /// A handle to a variable of the model that created it.
    public struct Variable: Hashable, Sendable, Comparable {
        /// Position of the variable in the model, from 0.
        public let index: Int
        public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
    }

    /// A handle to a constraint (row) of the model that created it.
    public struct Constraint: Hashable, Sendable {
        /// Position of the constraint in the model, from 0.
        public let index: Int
    }

    /// The admissible range of a constraint's left-hand side.
    public enum Bound: Sendable, Equatable {
        case atMost(Double)
        case atLeast(Double)
        case equalTo(Double)
        case between(Double, Double)

        var range: (lower: Double, upper: Double) {
            switch self {
            case let .atMost(value): return (-.infinity, value)
            case let .atLeast(value): return (value, .infinity)
            case let .equalTo(value): return (value, value)
            case let .between(lower, upper): return (lower, upper)
            }
        }
    }

    struct VariableData: Sendable {
        var name: String
        var kind: VariableKind
        var lowerBound: Double
        var upperBound: Double
        var objective: Double
    }

    struct RowData: Sendable {
        var name: String
        /// Terms with distinct variables, sorted by variable index, no zero coefficients.
        var terms: [(variable: Int, coefficient: Double)]
        var lowerBound: Double
        var upperBound: Double
    }

    /// Objective direction.
    public var sense: Sense
    /// A constant added to the objective value.
    public var objectiveConstant: Double = 0 {
        didSet { precondition(objectiveConstant.isFinite, "objective constant must be finite") }
    }
    private(set) var variables: [VariableData] = []
    private(set) var rows: [RowData] = []
    private var variableNames: Set<String> = []
    private var rowNames: Set<String> = []

    /// Creates an empty model.
    public init(sense: Sense = .minimize) {
        self.sense = sense
    }

    /// Number of variables (columns).
    public var variableCount: Int { variables.count }
    /// Number of constraints (rows).
    public var constraintCount: Int { rows.count }
    /// Whether any variable is integer or binary, which makes ``LinearSolver`` use branch and cut.
    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// The LP relaxation: the same model with every variable continuous within its bounds.
    public var relaxation: LinearModel {
        var copy = self
        for index in copy.variables.indices { copy.variables[index].kind = .continuous }
        return copy
    }

    /// The name given to a variable.
    public func name(of variable: Variable) -> String { variables[variable.index].name }
    /// The name given to a constraint.
    public func name(of constraint: Constraint) -> String { rows[constraint.index].name }
    /// The kind of a variable.
    public func kind(of variable: Variable) -> VariableKind { variables[variable.index].kind }
    /// All variables, in the order they were added.
    public var allVariables: [Variable] { variables.indices.map(Variable.init(index:)) }

    /// Adds a variable and returns its handle.
    ///
    /// - Parameters:
    ///   - name: unique, valid in the CPLEX LP format (see ``isValidName(_:)``).
    ///   - kind: continuous, integer or binary (binary forces bounds [0, 1]).
    ///   - lowerBound: may be `-.infinity`.
    ///   - upperBound: may be `.infinity`.
    ///   - objective: coefficient in the objective.
    @discardableResult
    public mutating func addVariable(
        name: String, kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity, objective: Double = 0
    ) throws(LPError) -> Variable {
        try Self.checkName(name, among: variableNames)
        let (lower, upper) = kind == .binary ? (0.0, 1.0) : (lowerBound, upperBound)
        try Self.checkBounds(name: name, lower: lower, upper: upper)
        if kind == .integer {
            for bound in [lower, upper] where bound.isFinite && bound != bound.rounded() {
                throw .fractionalIntegerBound(name: name, bound: bound)
            }
        }
        guard objective.isFinite else { throw .nonFiniteCoefficient(name: name, value: objective) }
        variableNames.insert(name)
        variables.append(
            VariableData(
                name: name, kind: kind, lowerBound: lower, upperBound: upper, objective: objective))
        return Variable(index: variables.count - 1)
    }

    /// Sets a variable's objective coefficient.
    public mutating func setObjective(_ variable: Variable, _ coefficient: Double) throws(LPError) {
        try check(variable)
        guard coefficient.isFinite else {
            throw .nonFiniteCoefficient(name: variables[variable.index].name, value: coefficient)
        }
        variables[variable.index].objective = coefficient
    }

    /// The objective coefficient of a variable.
    public func objectiveCoefficient(of variable: Variable) -> Double {
        variables[variable.index].objective
    }

    /// Adds a sparse linear constraint `bound.lower <= sum(coefficient * variable) <= bound.upper`.
    ///
    /// Repeated variables are summed and zero coefficients dropped, since GLPK rejects (by
    /// aborting) a row that names a column twice.
    @discardableResult
    public mutating func addConstraint(
        name: String, _ terms: [(Variable, Double)], _ bound: Bound
    ) throws(LPError) -> Constraint {
        try Self.checkName(name, among: rowNames)
        let row = try checkedRow(name: name, terms, bound)
        rowNames.insert(name)
        rows.append(row)
        return Constraint(index: rows.count - 1)
    }

    /// A row of this model after checking its bound, variables and coefficients: repeated
    /// variables summed and zero coefficients dropped, since GLPK rejects (by aborting) a row
    /// that names a column twice. Constraints and the cuts of a cutting-plane loop both pass here.
    func checkedRow(name: String, _ terms: [(Variable, Double)], _ bound: Bound) throws(LPError) -> RowData {
        let (lower, upper) = bound.range
        try Self.checkBounds(name: name, lower: lower, upper: upper)
        var merged: [Int: Double] = [:]
        for (variable, coefficient) in terms {
            try check(variable)
            guard coefficient.isFinite else { throw .nonFiniteCoefficient(name: name, value: coefficient) }
            merged[variable.index, default: 0] += coefficient
        }
        let sortedTerms = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            .map { (variable: $0.key, coefficient: $0.value) }
        return RowData(name: name, terms: sortedTerms, lowerBound: lower, upperBound: upper)
    }

    /// Adds a constraint from a dictionary of coefficients (order does not matter).
    @discardableResult
    public mutating func addConstraint(
        name: String, _ terms: [Variable: Double], _ bound: Bound
    ) throws(LPError) -> Constraint {
        try addConstraint(name: name, terms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, bound)
    }

    /// Whether `name` can name a variable or constraint: 1 to 255 characters, starting with a
    /// letter or underscore, then letters, digits and `_ . ( ) [ ]`. These are the characters
    /// the CPLEX LP format and GLPK's reader of it both accept, so an export reads back unchanged.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 255 else { return false }
        let isLetter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        guard isLetter(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            isLetter($0) || ("0"..."9").contains($0) || "_.()[]".unicodeScalars.contains($0)
        }
    }

    /// Turns an arbitrary identifier (such as a site id with dashes) into a valid name by
    /// replacing every other character with `_` and prefixing `_` where it starts badly.
    public static func sanitizedName(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let keep =
                scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.()[]".unicodeScalars.contains(scalar))
            scalars.append(keep ? scalar : "_")
        }
        var name = String(scalars)
        if !isValidName(name) { name = "_" + name }
        return String(name.prefix(255))
    }

    /// What is wrong with `values` (one per variable, in order) as a solution of this model:
    /// the first bound, integrality or constraint they break by more than `tolerance`
    /// (relative to the size of the bound), or `nil` when they are feasible.
    public func violation(of values: [Double], tolerance: Double = 1e-9) -> String? {
        guard values.count == variables.count else { return "\(values.count) values for \(variables.count) variables" }
        let slack = { (bound: Double) in tolerance * max(1, abs(bound)) }
        for (variable, value) in zip(variables, values) {
            guard value.isFinite else { return "'\(variable.name)' = \(value) is not a finite number" }
            if value < variable.lowerBound - slack(variable.lowerBound)
                || value > variable.upperBound + slack(variable.upperBound)
            {
                return "'\(variable.name)' = \(value) lies outside [\(variable.lowerBound), \(variable.upperBound)]"
            }
            if variable.kind != .continuous, value != value.rounded() {
                return "'\(variable.name)' = \(value) is not a whole number"
            }
        }
        for row in rows {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * values[$1.variable] }
            if activity < row.lowerBound - slack(row.lowerBound) || activity > row.upperBound + slack(row.upperBound) {
                return "constraint '\(row.name)' = \(activity) lies outside [\(row.lowerBound), \(row.upperBound)]"
            }
        }
        return nil
    }

    private static func checkName(_ name: String, among used: Set<String>) throws(LPError) {
        guard isValidName(name) else {
            throw .invalidName(
                name,
                reason: name.isEmpty
                    ? "empty"
                    : "use 1-255 letters, digits or _.()[] and start with a letter or _")
        }
        guard !used.contains(name) else { throw .duplicateName(name) }
    }

    private static func checkBounds(name: String, lower: Double, upper: Double) throws(LPError) {
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity, lower <= upper else {
            throw .invalidBounds(name: name, lower: lower, upper: upper)
        }
    }

    private func check(_ variable: Variable) throws(LPError) {
        guard variables.indices.contains(variable.index) else {
            throw .unknownVariable(index: variable.index, variableCount: variables.count)
        }
    }
}
