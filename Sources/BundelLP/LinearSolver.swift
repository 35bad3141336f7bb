import CBundelGLPK
import Foundation

/// Solves ``LinearModel``s with GLPK: the simplex method for LPs, branch and cut for MIPs.
public enum LinearSolver {
    /// Solves the model: by simplex when all variables are continuous, else by branch and cut.
    ///
    /// Throws for invalid options and for an error inside GLPK (``LPError/glpkFailure(_:)``,
    /// never an abort); infeasibility, unboundedness and time limits are reported in the
    /// result's ``SolveResult/status``.
    public static func solve(
        _ model: LinearModel, options: SolveOptions = SolveOptions()
    ) throws(LPError) -> SolveResult {
        try options.validate()
        if let initial = options.initialSolution, model.hasIntegerVariables, let problem = model.violation(of: initial)
        {
            throw .invalidOption("the initial solution is not feasible: \(problem)")
        }
        let start = Date()
        if model.variableCount == 0 { return solveEmpty(model) }
        return try GLPKProblem.withGLPK { () throws(LPError) in
            try GLPKGuard.run(echo: options.verbose) {
                withTerminalOutput(options.verbose) {
                    let problem = GLPKProblem(model)
                    return model.hasIntegerVariables
                        ? branchAndCut(problem, model, options, start: start)
                        : simplex(problem, model, options, start: start)
                }
            }
        }
    }

    /// Runs `body` with GLPK's terminal output on or off, restoring the previous setting.
    static func withTerminalOutput<T>(_ on: Bool, _ body: () -> T) -> T {
        let previous = glp_term_out(on ? GLP_ON : GLP_OFF)
        defer { glp_term_out(previous) }
        return body()
    }

    private static func simplex(
        _ problem: GLPKProblem, _ model: LinearModel, _ options: SolveOptions, start: Date
    ) -> SolveResult {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = options.glpkTimeLimitMilliseconds
        // Without the presolver GLPK ends with a basis even for infeasible or unbounded
        // models, so it can say which of the two it is and give duals for optimal ones.
        parameters.presolve = GLP_OFF
        let lp = problem.pointer
        parameters.meth = startingMethod(problem, options)
        let code = glp_simplex(lp, &parameters)
        let stoppedByTime = code == GLP_ETMLIM
        let status: SolveStatus
        switch (code, glp_get_status(lp)) {
        case (0, GLP_OPT): status = .optimal
        case (0, GLP_NOFEAS): status = .infeasible
        case (0, GLP_UNBND): status = .unbounded
        case (_, GLP_FEAS): status = .feasible
        case (GLP_ETMLIM, _): status = .timeLimit
        default: status = .error(describe(returnCode: code))
        }
        // Cut short by the clock, the duals reached so far still bound the optimum.
        let boundByDuals =
            stoppedByTime
            ? model.lagrangianBound(rowDuals: (0..<Int32(model.constraintCount)).map { glp_get_row_dual(lp, $0 + 1) })
            : nil
        guard status.hasSolution else {
            var result = SolveResult.withoutSolution(
                status, stoppedByTimeLimit: stoppedByTime, isMIP: false, start: start)
            result.objectiveBound = boundByDuals
            result.simplexIterations = Int(glp_get_it_cnt(lp))
            return result
        }
        let columns = 1...Int32(model.variableCount)
        let values = columns.map { glp_get_col_prim(lp, $0) }
        let optimal = status == .optimal
        let duals = optimal ? (0..<Int32(model.constraintCount)).map { glp_get_row_dual(lp, $0 + 1) } : nil
        let reduced = optimal ? columns.map { glp_get_col_dual(lp, $0) } : nil
        return SolveResult(
            status: status, objectiveValue: glp_get_obj_val(lp), values: values,
            rowDuals: duals, reducedCosts: reduced, stoppedByTimeLimit: stoppedByTime,
            isMIP: false, seconds: Date().timeIntervalSince(start), basis: optimal ? currentBasis(problem) : nil,
            simplexIterations: Int(glp_get_it_cnt(lp)), objectiveBound: optimal ? glp_get_obj_val(lp) : boundByDuals)
    }

    private static func branchAndCut(
        _ problem: GLPKProblem, _ model: LinearModel, _ options: SolveOptions, start: Date
    ) -> SolveResult {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = options.glpkTimeLimitMilliseconds
        parameters.mip_gap = options.relativeMIPGap
        parameters.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        let control = SearchControl(nodeLimit: options.nodeLimit.map { Int32(clamping: $0) }, initial: nil)
        // The relaxation is solved here first, by the dual simplex, which the degenerate
        // relaxations of the consolidation model need several times less time for than the
        // primal simplex of GLPK's presolver (a 1,400-site model: 16 s against 47 s). Branch
        // and cut then starts from that basis without the presolver, which also lets a
        // starting solution in: the tree search sees the problem as built only without the
        // presolver (with it, columns are renumbered).
        let relaxation = solveRelaxationFirst(problem, options)
        // Cut short by the clock, the relaxation goes no further: GLPK's MIP presolver, the
        // only other way into branch and cut, never looks at the clock (a 60,000-flow model
        // spent seven minutes in it past a 53 s limit). The caller keeps its own start.
        if relaxation == .stoppedByTimeLimit {
            return .withoutSolution(.timeLimit, stoppedByTimeLimit: true, isMIP: true, start: start)
        }
        let relaxationSolved = relaxation == .optimal
        let basis = relaxationSolved ? currentBasis(problem) : nil
        // The time limit holds for both together.
        if let limit = options.timeLimitSeconds {
            parameters.tm_lim = SolveOptions.glpkMilliseconds(max(0.001, limit - Date().timeIntervalSince(start)))
        }
        if relaxationSolved {
            parameters.presolve = GLP_OFF
            control.initial = options.initialSolution.map { [0] + $0 }
        } else {
            // Infeasible, unbounded or cut short: the presolver solves the relaxation again
            // and reports an infeasible or unbounded one through the return code.
            parameters.presolve = GLP_ON
        }
        if control.nodeLimit != nil || control.initial != nil {
            parameters.cb_func = { tree, info in
                guard let tree, let info else { return }
                let control = Unmanaged<SearchControl>.fromOpaque(info).takeUnretainedValue()
                if glp_ios_reason(tree) == GLP_IHEUR, let initial = control.initial {
                    control.initial = nil
                    // Checked against the model in solve(_:options:); GLPK checks only
                    // integrality and whether it beats the incumbent.
                    _ = glp_ios_heur_sol(tree, initial)
                }
                // GLPK has no node limit of its own: count every subproblem generated so far,
                // once the starting solution is in (else a limit of one node would drop it).
                if let limit = control.nodeLimit, control.initial == nil {
                    var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
                    glp_ios_tree_size(tree, &active, &current, &total)
                    if total >= limit { glp_ios_terminate(tree) }
                }
            }
            parameters.cb_info = Unmanaged.passUnretained(control).toOpaque()
        }
        let code = withExtendedLifetime(control) { glp_intopt(problem.pointer, &parameters) }
        let mip = problem.pointer
        let mipStatus = glp_mip_status(mip)
        let stoppedByTime = code == GLP_ETMLIM
        let status: SolveStatus
        switch (code, mipStatus) {
        case (0, GLP_OPT), (GLP_EMIPGAP, _): status = .optimal
        case (0, GLP_NOFEAS), (GLP_ENOPFS, _): status = .infeasible
        case (GLP_ENODFS, _): status = .unbounded
        case (_, GLP_FEAS): status = .feasible
        case (GLP_ETMLIM, _): status = .timeLimit
        case (GLP_ESTOP, _): status = .nodeLimit
        default: status = .error(describe(returnCode: code))
        }
        guard status.hasSolution else {
            return .withoutSolution(status, stoppedByTimeLimit: stoppedByTime, isMIP: true, start: start)
        }
        let values = (1...Int32(model.variableCount)).map { glp_mip_col_val(mip, $0) }
        return SolveResult(
            status: status, objectiveValue: glp_mip_obj_val(mip), values: values,
            rowDuals: nil, reducedCosts: nil, stoppedByTimeLimit: stoppedByTime,
            isMIP: true, seconds: Date().timeIntervalSince(start), basis: basis,
            simplexIterations: Int(glp_get_it_cnt(mip)))
    }

    /// What the branch-and-cut callback needs: the node limit and the starting solution (with
    /// GLPK's unused element 0), handed over once at the first chance and then dropped.
    private final class SearchControl {
        let nodeLimit: Int32?
        var initial: [Double]?

        init(nodeLimit: Int32?, initial: [Double]?) {
            self.nodeLimit = nodeLimit
            self.initial = initial
        }
    }

    /// How the relaxation solved before branch and cut ended.
    private enum RelaxationEnd { case optimal, stoppedByTimeLimit, other }

    /// Solves the LP relaxation with the dual simplex (the primal one where the dual fails),
    /// as branch and cut without the presolver needs. When it ends neither optimal nor by the
    /// clock, the caller keeps the presolver, which reports infeasible and unbounded
    /// relaxations itself.
    private static func solveRelaxationFirst(_ problem: GLPKProblem, _ options: SolveOptions) -> RelaxationEnd {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = options.glpkTimeLimitMilliseconds
        parameters.meth = startingMethod(problem, options)
        let code = glp_simplex(problem.pointer, &parameters)
        if code == 0, glp_get_status(problem.pointer) == GLP_OPT { return .optimal }
        return code == GLP_ETMLIM ? .stoppedByTimeLimit : .other
    }

    /// Installs ``SolveOptions/startingBasis`` when it fits the problem and is still dual
    /// feasible (only rows were added since it was optimal: a variable fixed, a limit added),
    /// and returns the simplex method to run: the dual simplex (the primal one where it fails),
    /// which restores the added rows in a few pivots from such a basis and suits GLPK's own
    /// start on the degenerate relaxations of the consolidation model.
    ///
    /// A basis fits when it has a status for every column and for the problem's first rows:
    /// rows added after those start basic (their slack in the basis). A basis whose costs
    /// changed since (the next round of a model whose estimates moved) is not dual feasible and
    /// is dropped for the standard start: from it, the primal simplex needed half the
    /// iterations on a 4,000-site round but twice the time (79 s against 41 s).
    private static func startingMethod(_ problem: GLPKProblem, _ options: SolveOptions) -> Int32 {
        let lp = problem.pointer
        let rowCount = Int(glp_get_num_rows(lp))
        guard let basis = options.startingBasis, basis.columns.count == Int(glp_get_num_cols(lp)),
            basis.rows.count <= rowCount
        else { return GLP_DUALP }
        for (row, status) in basis.rows.enumerated() { glp_set_row_stat(lp, Int32(row + 1), status) }
        for row in basis.rows.count..<rowCount { glp_set_row_stat(lp, Int32(row + 1), GLP_BS) }
        for (column, status) in basis.columns.enumerated() { glp_set_col_stat(lp, Int32(column + 1), status) }
        // A basis of the wrong rank, a singular one or one no longer dual feasible: the start
        // of a problem given no basis (every row's slack basic) instead, so that such a solve
        // runs exactly as one without a starting basis.
        if glp_warm_up(lp) != 0 || glp_get_dual_stat(lp) != GLP_FEAS { glp_std_basis(lp) }
        return GLP_DUALP
    }

    /// The status of every row and column in the problem's current basis.
    private static func currentBasis(_ problem: GLPKProblem) -> SimplexBasis {
        let lp = problem.pointer
        return SimplexBasis(
            rows: (0..<glp_get_num_rows(lp)).map { glp_get_row_stat(lp, $0 + 1) },
            columns: (0..<glp_get_num_cols(lp)).map { glp_get_col_stat(lp, $0 + 1) })
    }

    /// A model without variables: its objective is the constant, and it is feasible exactly
    /// when every (empty) constraint admits 0. GLPK refuses such problems, so Swift decides.
    private static func solveEmpty(_ model: LinearModel) -> SolveResult {
        let feasible = model.rows.allSatisfy { $0.lowerBound <= 0 && 0 <= $0.upperBound }
        return SolveResult(
            status: feasible ? .optimal : .infeasible,
            objectiveValue: feasible ? model.objectiveConstant : nil, values: [],
            rowDuals: feasible && !model.hasIntegerVariables ? model.rows.map { _ in 0 } : nil,
            reducedCosts: feasible ? [] : nil, stoppedByTimeLimit: false,
            isMIP: false, seconds: 0)
    }

    static func describe(returnCode code: Int32) -> String {
        switch code {
        case GLP_EBADB: return "invalid initial basis"
        case GLP_ESING: return "singular basis matrix"
        case GLP_ECOND: return "ill-conditioned basis matrix"
        case GLP_EBOUND: return "incorrect bounds"
        case GLP_EFAIL: return "solver failure"
        case GLP_EITLIM: return "iteration limit reached"
        case GLP_EROOT: return "no optimal basis for the LP relaxation"
        case GLP_ENOPFS: return "no primal feasible solution"
        case GLP_ENODFS: return "no dual feasible solution"
        default: return "GLPK return code \(code)"
        }
    }
}

extension SolveResult {
    /// A result that carries only a status: infeasible, unbounded, time limit or error.
    static func withoutSolution(
        _ status: SolveStatus, stoppedByTimeLimit: Bool, isMIP: Bool, start: Date
    ) -> SolveResult {
        SolveResult(
            status: status, objectiveValue: nil, values: [], rowDuals: nil, reducedCosts: nil,
            stoppedByTimeLimit: stoppedByTimeLimit, isMIP: isMIP, seconds: Date().timeIntervalSince(start))
    }
}
