/// How ``LinearSolver`` runs GLPK: time and node limits, MIP gap, output.
public struct SolveOptions: Sendable, Equatable {
    /// Wall-clock limit in seconds; `nil` means none. The best solution found by then is returned.
    public var timeLimitSeconds: Double?
    /// Branch-and-bound nodes after which branch and cut stops with its incumbent; `nil` means
    /// none. GLPK is deterministic, so unlike the clock this limit stops the search at the same
    /// point on every machine and under any load, and the same model gives the same answer.
    public var nodeLimit: Int?
    /// A feasible solution (one value per variable, in order) that branch and cut starts from
    /// as its first incumbent, so that it returns at least this solution and measures its gap
    /// from the start. ``LinearSolver`` checks it against the model first, since GLPK takes it
    /// unchecked. Ignored for models without integer variables.
    public var initialSolution: [Double]?
    /// Relative MIP gap at which branch and cut stops and reports the incumbent as optimal
    /// (the convention of HiGHS and CPLEX); 0 asks for a proven optimum.
    public var relativeMIPGap: Double
    /// A basis to start the simplex from (for a MIP, that of its LP relaxation), typically
    /// the optimal one of a model of the same shape solved before (``SolveResult/basis``), or
    /// of that model with rows added at its end (they start basic). Used when it has a status
    /// for every variable and at most the model's rows, and is still dual feasible (the costs
    /// did not change); otherwise, or when GLPK cannot factorize it, the start from scratch (every slack basic).
    public var startingBasis: SimplexBasis?
    /// Runs GLPK's feasibility pump at the root of branch and cut: on the consolidation model
    /// of a 1,400-site network it finds a solution within 0.03 % of the bound at once, where
    /// branch and cut alone needed hundreds of nodes (over 100 s) to come as close.
    public var feasibilityPump: Bool
    /// Lets GLPK print its progress to standard error. Off by default: a library keeps quiet.
    public var verbose: Bool

    public init(
        timeLimitSeconds: Double? = nil, nodeLimit: Int? = nil, initialSolution: [Double]? = nil,
        relativeMIPGap: Double = 1e-6, feasibilityPump: Bool = false, startingBasis: SimplexBasis? = nil,
        verbose: Bool = false
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.nodeLimit = nodeLimit
        self.initialSolution = initialSolution
        self.relativeMIPGap = relativeMIPGap
        self.feasibilityPump = feasibilityPump
        self.startingBasis = startingBasis
        self.verbose = verbose
    }

    /// Checks the options before GLPK sees them.
    public func validate() throws(LPError) {
        if let limit = timeLimitSeconds, !(limit.isFinite && limit >= 0) {
            throw .invalidOption("time limit \(limit) s must be a finite number >= 0")
        }
        if let limit = nodeLimit, limit < 1 {
            throw .invalidOption("node limit \(limit) must be at least 1")
        }
        guard relativeMIPGap.isFinite, relativeMIPGap >= 0 else {
            throw .invalidOption("relative MIP gap \(relativeMIPGap) must be a finite number >= 0")
        }
    }

    /// The time limit in GLPK's unit (milliseconds, as a C int).
    var glpkTimeLimitMilliseconds: Int32 { Self.glpkMilliseconds(timeLimitSeconds) }

    /// Seconds in GLPK's unit (milliseconds, as a C int); `nil` means no limit.
    static func glpkMilliseconds(_ seconds: Double?) -> Int32 {
        guard let seconds else { return Int32.max }
        return Int32(min(seconds * 1000, Double(Int32.max)).rounded(.up))
    }
}
