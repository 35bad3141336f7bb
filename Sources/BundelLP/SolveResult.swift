import CBundelGLPK

/// The outcome of a solve. Infeasible, unbounded and time-limited models are results, not errors.
public enum SolveStatus: Sendable, Equatable, CustomStringConvertible {
    /// Proven optimal (for a MIP: within the requested relative gap).
    case optimal
    /// A feasible solution whose optimality is not proven, e.g. when the time limit struck.
    case feasible
    /// No solution satisfies the constraints.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// The time limit struck before any feasible solution was found.
    case timeLimit
    /// The node limit struck before any feasible solution was found.
    case nodeLimit
    /// GLPK failed (numerical trouble, iteration limit without a solution, ...).
    case error(String)

    /// Whether variable values are available.
    public var hasSolution: Bool { self == .optimal || self == .feasible }

    public var description: String {
        switch self {
        case .optimal: return "optimal"
        case .feasible: return "feasible"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .timeLimit: return "time limit"
        case .nodeLimit: return "node limit"
        case let .error(message): return "error: \(message)"
        }
    }
}

/// A simplex basis: GLPK's status (basic, non-basic at a bound, free, fixed) of every row and
/// every column of a model.
public struct SimplexBasis: Sendable, Equatable {
    public let rows: [Int32]
    public let columns: [Int32]

    /// The status of a basic row or column.
    public static let basic = Int32(GLP_BS)

    public init(rows: [Int32], columns: [Int32]) {
        self.rows = rows
        self.columns = columns
    }
}

/// Values from a solve: status, objective, primal values and, for LPs, duals.
public struct SolveResult: Sendable {
    /// What the solver concluded.
    public let status: SolveStatus
    /// Objective value including the model's constant; `nil` without a solution.
    public let objectiveValue: Double?
    /// Primal values indexed like the model's variables; empty without a solution.
    public let values: [Double]
    /// Row duals (shadow prices) of an LP; `nil` for a MIP or without an optimal basis.
    public let rowDuals: [Double]?
    /// Reduced costs of the variables of an LP; `nil` for a MIP or without an optimal basis.
    public let reducedCosts: [Double]?
    /// Whether the solve stopped because of the time limit.
    public let stoppedByTimeLimit: Bool
    /// Whether branch and cut ran (the model had integer variables).
    public let isMIP: Bool
    /// Wall-clock seconds spent in GLPK.
    public let seconds: Double
    /// The optimal basis of an LP, or of a MIP's LP relaxation: a start for a model of the
    /// same shape solved next (``SolveOptions/startingBasis``), such as the MIP of an LP
    /// relaxation solved first.
    public var basis: SimplexBasis? = nil
    /// Simplex iterations GLPK made (for a MIP: in its relaxation and every node): a measure of
    /// the work that, unlike the seconds, does not depend on the machine or its load.
    public var simplexIterations = 0
    /// For an LP: a bound on its optimum (below it when minimising) that holds however the
    /// simplex ended. The optimum itself when optimal; when the clock cut the simplex short,
    /// the Lagrangian bound of the duals it had reached (``LinearModel/lagrangianBound(rowDuals:)``);
    /// `nil` otherwise, and for a MIP.
    public var objectiveBound: Double? = nil

    /// The value of a variable in the solution.
    public func value(_ variable: LinearModel.Variable) -> Double {
        precondition(
            status.hasSolution && values.indices.contains(variable.index),
            "no value for variable \(variable.index) (status \(status))")
        return values[variable.index]
    }

    /// The reduced cost of a variable (LP only).
    public func reducedCost(_ variable: LinearModel.Variable) -> Double? {
        reducedCosts?[variable.index]
    }

    /// The dual value of a constraint (LP only).
    public func dual(_ constraint: LinearModel.Constraint) -> Double? {
        rowDuals?[constraint.index]
    }
}
