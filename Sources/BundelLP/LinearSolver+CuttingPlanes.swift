import CBundelGLPK
import Foundation

/// A constraint found by a separation routine and added to the model between two solves.
public struct Cut: Sendable {
    /// Coefficients of the model's variables (finite values; a repeated variable is summed).
    public var terms: [(variable: LinearModel.Variable, coefficient: Double)]
    /// The admissible range of the left-hand side.
    public var bound: LinearModel.Bound

    public init(terms: [(variable: LinearModel.Variable, coefficient: Double)], bound: LinearModel.Bound) {
        self.terms = terms
        self.bound = bound
    }
}

/// The outcome of a cutting-plane loop.
public struct CuttingPlaneResult: Sendable {
    /// Status of the last solve.
    public let status: SolveStatus
    /// Objective of the last solve that ended optimal, `nil` when none did. For a minimisation
    /// whose cuts are all valid inequalities, this is a lower bound on the original problem.
    public let objectiveValue: Double?
    /// Values of the variables in that solve.
    public let values: [Double]
    /// Solves run, and cuts added between them.
    public let rounds: Int
    public let cutsAdded: Int
    /// Whether the separator found nothing more to cut in the last optimal solution (else the
    /// loop stopped at its round or time limit, or on a solve that did not end optimal).
    public let separationComplete: Bool
    /// Whether the time limit ended the loop.
    public let stoppedByTimeLimit: Bool
    /// Wall-clock seconds spent, separation included.
    public let seconds: Double
}

extension LinearSolver {
    /// Solves `model`, asks `separate` for constraints the solution breaks, adds them, and
    /// solves again until `separate` returns none, `maxRounds` solves have run, or the time
    /// limit of `options` strikes.
    ///
    /// An LP is re-solved from the previous basis with the dual simplex (added rows keep the
    /// basis dual feasible), so a round costs a few pivots rather than a solve from scratch.
    /// Every few rounds the added cuts that do not bind are deleted again (an LP only).
    /// A model with integer variables is solved by branch and cut in each round (exact
    /// separation of integer solutions, for small problems). The whole loop runs inside
    /// ``GLPKProblem/withGLPK(_:)`` (the time limit counts from when GLPK is available, and
    /// without thread-local storage `separate` must not call ``LinearSolver`` itself). Every
    /// cut is checked before GLPK sees it, as in ``LinearModel``.
    public static func solve(
        _ model: LinearModel, options: SolveOptions = SolveOptions(), maxRounds: Int = 10_000,
        separate: ([Double]) -> [Cut]
    ) throws(LPError) -> CuttingPlaneResult {
        try options.validate()
        guard maxRounds >= 1 else { throw .invalidOption("the round limit \(maxRounds) must be at least 1") }
        guard model.variableCount > 0 else { throw .invalidOption("a cutting-plane loop needs a model with variables") }
        let outcome = try GLPKProblem.withGLPK { () throws(LPError) in
            // The clock starts once GLPK is ours: time spent waiting for another thread's
            // solve (with a GLPK that has one environment for all threads) is not this loop's.
            let start = Date()
            return try GLPKGuard.run(echo: options.verbose) {
                withTerminalOutput(options.verbose) {
                    CuttingPlaneLoop(problem: GLPKProblem(model), model: model, options: options, start: start)
                        .run(maxRounds: maxRounds, separate: separate)
                }
            }
        }
        if let badCut = outcome.badCut { throw badCut }
        return outcome.result
    }
}

/// The rounds of ``LinearSolver/solve(_:options:maxRounds:separate:)`` on one GLPK problem.
private struct CuttingPlaneLoop {
    let problem: GLPKProblem
    let model: LinearModel
    let options: SolveOptions
    let start: Date

    /// The result, or the error of a cut that could not be added.
    struct Outcome {
        var result: CuttingPlaneResult
        var badCut: LPError?
    }

    func run(maxRounds: Int, separate: ([Double]) -> [Cut]) -> Outcome {
        let isMIP = model.hasIntegerVariables
        var bestObjective: Double?, bestValues: [Double] = []
        var status = SolveStatus.error("not solved"), rounds = 0, cutsAdded = 0
        var complete = false, stoppedByTime = false, badCut: LPError?
        while rounds < maxRounds {
            let remaining = options.timeLimitSeconds.map { $0 - Date().timeIntervalSince(start) }
            if let remaining, remaining <= 0, rounds > 0 {
                stoppedByTime = true
                break
            }
            rounds += 1
            let solved = isMIP ? branchAndCut(remaining) : simplex(remaining, warm: rounds > 1)
            status = solved.status
            stoppedByTime = solved.stoppedByTime
            guard status == .optimal else { break }
            bestObjective = solved.objective
            bestValues = solved.values
            let cuts = separate(solved.values)
            if cuts.isEmpty {
                complete = true
                break
            }
            if !isMIP, rounds % Self.purgeInterval == 0 { purgeSlackCuts() }
            if let error = add(cuts, numberedFrom: cutsAdded) {
                badCut = error
                break
            }
            cutsAdded += cuts.count
        }
        let result = CuttingPlaneResult(
            status: status, objectiveValue: bestObjective, values: bestValues, rounds: rounds, cutsAdded: cutsAdded,
            separationComplete: complete, stoppedByTimeLimit: stoppedByTime, seconds: Date().timeIntervalSince(start))
        return Outcome(result: result, badCut: badCut)
    }

    /// Rounds between two purges of the cuts that do not bind.
    static let purgeInterval = 5

    /// Deletes the added rows whose slack is basic (the cut does not bind at the current
    /// optimum). The basis stays valid, the LP stays small, and a cut that binds again later is
    /// found again by the separator: without this, dense cuts pile up and GLPK's pivots slow
    /// down round by round.
    private func purgeSlackCuts() {
        let lp = problem.pointer
        let rows = Int(glp_get_num_rows(lp))
        guard rows > model.constraintCount else { return }
        // GLPK's arrays are 1-based: element 0 is ignored.
        var slack: [Int32] = [0]
        for row in (model.constraintCount + 1)...rows where glp_get_row_stat(lp, Int32(row)) == GLP_BS {
            slack.append(Int32(row))
        }
        guard slack.count > 1 else { return }
        glp_del_rows(lp, Int32(slack.count - 1), &slack)
    }

    /// A round's solve: its status, objective and values.
    private struct Solved {
        var status: SolveStatus
        var objective: Double
        var values: [Double]
        var stoppedByTime: Bool
    }

    /// The time left in GLPK's unit; a round that starts with none left still gets a moment.
    private func milliseconds(_ remaining: Double?) -> Int32 {
        SolveOptions.glpkMilliseconds(remaining.map { max($0, 0.001) })
    }

    private func simplex(_ remaining: Double?, warm: Bool) -> Solved {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = milliseconds(remaining)
        parameters.presolve = GLP_OFF
        // New rows enter with their slack basic: the old basis stays dual feasible, which is
        // where the dual simplex starts best.
        parameters.meth = warm ? GLP_DUALP : GLP_PRIMAL
        let code = glp_simplex(problem.pointer, &parameters)
        let lp = problem.pointer
        let optimal = code == 0 && glp_get_status(lp) == GLP_OPT
        let status: SolveStatus =
            optimal
            ? .optimal
            : code == GLP_ETMLIM
                ? .timeLimit
                : code == 0 && glp_get_status(lp) == GLP_NOFEAS
                    ? .infeasible
                    : code == 0 && glp_get_status(lp) == GLP_UNBND
                        ? .unbounded : .error(LinearSolver.describe(returnCode: code))
        let values = optimal ? (1...Int32(model.variableCount)).map { glp_get_col_prim(lp, $0) } : []
        return Solved(
            status: status, objective: optimal ? glp_get_obj_val(lp) : .nan, values: values,
            stoppedByTime: code == GLP_ETMLIM)
    }

    private func branchAndCut(_ remaining: Double?) -> Solved {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = milliseconds(remaining)
        parameters.mip_gap = options.relativeMIPGap
        parameters.presolve = GLP_ON
        let code = glp_intopt(problem.pointer, &parameters)
        let mip = problem.pointer
        let optimal = (code == 0 || code == GLP_EMIPGAP) && glp_mip_status(mip) == GLP_OPT
        let status: SolveStatus =
            optimal
            ? .optimal
            : code == GLP_ETMLIM
                ? .timeLimit
                : code == GLP_ENOPFS || glp_mip_status(mip) == GLP_NOFEAS
                    ? .infeasible : .error(LinearSolver.describe(returnCode: code))
        let values = optimal ? (1...Int32(model.variableCount)).map { glp_mip_col_val(mip, $0) } : []
        return Solved(
            status: status, objective: optimal ? glp_mip_obj_val(mip) : .nan, values: values,
            stoppedByTime: code == GLP_ETMLIM)
    }

    /// Adds `cuts` as new rows, each checked as ``LinearModel`` checks its constraints; the
    /// error of the first bad cut (and nothing added) otherwise.
    private func add(_ cuts: [Cut], numberedFrom first: Int) -> LPError? {
        var rows: [LinearModel.RowData] = []
        for (offset, cut) in cuts.enumerated() {
            do {
                rows.append(
                    try model.checkedRow(
                        name: "cut\(first + offset)", cut.terms.map { ($0.variable, $0.coefficient) }, cut.bound))
            } catch { return error }
        }
        let firstRow = glp_add_rows(problem.pointer, Int32(rows.count))
        for (offset, row) in rows.enumerated() { problem.setRow(firstRow + Int32(offset), row) }
        return nil
    }
}
