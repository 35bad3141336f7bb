import BundelLP
import Testing

@Suite("Linear programs with known optima")
struct LinearProgramTests {
    /// max 3x + 2y  s.t. x + y <= 4, x + 3y <= 9, x <= 3: optimum (3, 1) with value 11.
    /// The first and third rows are tight with duals 2 and 1; the second is slack (dual 0).
    @Test func smallMaximisation() throws {
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", objective: 3)
        let y = try model.addVariable(name: "y", objective: 2)
        let total = try model.addConstraint(name: "total", [x: 1, y: 1], .atMost(4))
        let mix = try model.addConstraint(name: "mix", [x: 1, y: 3], .atMost(9))
        let limit = try model.addConstraint(name: "limit", [x: 1], .atMost(3))

        let result = try LinearSolver.solve(model)

        #expect(result.status == .optimal)
        #expect(!result.isMIP)
        #expect(abs(result.objectiveValue! - 11) < 1e-9)
        #expect(abs(result.value(x) - 3) < 1e-9)
        #expect(abs(result.value(y) - 1) < 1e-9)
        #expect(abs(result.dual(total)! - 2) < 1e-9)
        #expect(abs(result.dual(mix)!) < 1e-9)
        #expect(abs(result.dual(limit)! - 1) < 1e-9)
        #expect(abs(result.reducedCost(x)!) < 1e-9)
        #expect(abs(result.reducedCost(y)!) < 1e-9)
    }

    /// min x + 2y + objective constant 5 s.t. x + y >= 2, x - y == 0, bounds y <= 10:
    /// optimum x = y = 1 with value 8; the non-basic slack variable has a positive reduced cost.
    @Test func minimisationWithEqualityAndConstant() throws {
        var model = LinearModel(sense: .minimize)
        model.objectiveConstant = 5
        let x = try model.addVariable(name: "x", objective: 1)
        let y = try model.addVariable(name: "y", upperBound: 10, objective: 2)
        let slack = try model.addVariable(name: "unused", objective: 4)
        try model.addConstraint(name: "demand", [(x, 1), (y, 1), (slack, 1)], .atLeast(2))
        try model.addConstraint(name: "balance", [(x, 1), (y, -1)], .equalTo(0))

        let result = try LinearSolver.solve(model)

        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - 8) < 1e-9)
        #expect(abs(result.value(x) - 1) < 1e-9)
        #expect(abs(result.value(slack)) < 1e-9)
        // Taking one unit of the unused variable saves 1.5 (the demand dual) and costs 4.
        #expect(abs(result.reducedCost(slack)! - 2.5) < 1e-9)
    }

    @Test func repeatedTermsAreSummed() throws {
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", objective: 1)
        // 1x + 1x <= 4 must mean 2x <= 4, not a duplicate index handed to GLPK.
        try model.addConstraint(name: "twice", [(x, 1), (x, 1)], .atMost(4))
        let result = try LinearSolver.solve(model)
        #expect(abs(result.value(x) - 2) < 1e-9)
    }

    @Test func infeasibleLP() throws {
        var model = LinearModel()
        let x = try model.addVariable(name: "x", objective: 1)
        try model.addConstraint(name: "low", [x: 1], .atLeast(2))
        try model.addConstraint(name: "high", [x: 1], .atMost(1))
        let result = try LinearSolver.solve(model)
        #expect(result.status == .infeasible)
        #expect(result.objectiveValue == nil)
        #expect(result.values.isEmpty)
    }

    @Test func unboundedLP() throws {
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", objective: 1)
        let y = try model.addVariable(name: "y", objective: 1)
        try model.addConstraint(name: "gap", [x: 1, y: -1], .atMost(1))
        let result = try LinearSolver.solve(model)
        #expect(result.status == .unbounded)
    }

    @Test func modelWithoutVariables() throws {
        var model = LinearModel()
        model.objectiveConstant = 7
        #expect(try LinearSolver.solve(model).objectiveValue == 7)
        try model.addConstraint(name: "impossible", [(LinearModel.Variable, Double)](), .atLeast(1))
        #expect(try LinearSolver.solve(model).status == .infeasible)
    }
}

@Suite("Mixed-integer programs with known optima")
struct MixedIntegerProgramTests {
    /// A small knapsack-like MIP checked against brute-force enumeration of all integer points.
    @Test func integerProgramMatchesEnumeration() throws {
        let profit = [5.0, 4, 3, 7]
        let weight = [[2.0, 3, 1, 4], [4.0, 1, 2, 3]]
        let capacity = [7.0, 9]
        let upper = [3.0, 2, 4, 1]
        var model = LinearModel(sense: .maximize)
        let items = try (0..<4).map {
            try model.addVariable(name: "item\($0)", kind: .integer, upperBound: upper[$0], objective: profit[$0])
        }
        for (row, weights) in weight.enumerated() {
            try model.addConstraint(name: "cap\(row)", Array(zip(items, weights)), .atMost(capacity[row]))
        }

        var best = -Double.infinity
        for a in 0...3 {
            for b in 0...2 {
                for c in 0...4 {
                    for d in 0...1 {
                        let point = [Double(a), Double(b), Double(c), Double(d)]
                        let fits = weight.indices.allSatisfy { row in
                            zip(weight[row], point).map(*).reduce(0, +) <= capacity[row]
                        }
                        if fits { best = max(best, zip(profit, point).map(*).reduce(0, +)) }
                    }
                }
            }
        }

        let result = try LinearSolver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.isMIP)
        #expect(abs(result.objectiveValue! - best) < 1e-9)
        #expect(result.rowDuals == nil)
        for item in items { #expect(result.value(item) == result.value(item).rounded()) }
    }

    @Test func binaryVariablesHaveUnitBounds() throws {
        var model = LinearModel(sense: .maximize)
        // Bounds given for a binary are ignored: binary means 0 or 1.
        let open = try model.addVariable(name: "open", kind: .binary, upperBound: 9, objective: 10)
        let result = try LinearSolver.solve(model)
        #expect(result.value(open) == 1)
        #expect(result.objectiveValue == 10)
    }

    @Test func infeasibleMIP() throws {
        // 2x == 3 has the fractional solution 1.5 but no integer one.
        var model = LinearModel()
        let x = try model.addVariable(name: "x", kind: .integer, upperBound: 10, objective: 1)
        try model.addConstraint(name: "odd", [x: 2], .equalTo(3))
        #expect(try LinearSolver.solve(model).status == .infeasible)
    }

    @Test func unboundedMIP() throws {
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", kind: .integer, objective: 1)
        let y = try model.addVariable(name: "y", objective: 1)
        try model.addConstraint(name: "gap", [x: 1, y: -1], .atMost(1))
        #expect(try LinearSolver.solve(model).status == .unbounded)
    }

    /// Jeroslow's problem: 2 * sum(x) == n with n odd has no binary solution, and plain branch
    /// and bound needs exponentially many nodes to prove it, so a short time limit must stop it.
    @Test func timeLimitStopsBranchAndCut() throws {
        var model = LinearModel()
        let count = 35
        let xs = try (0..<count).map { try model.addVariable(name: "x\($0)", kind: .binary, objective: 1) }
        try model.addConstraint(name: "parity", xs.map { ($0, 2.0) }, .equalTo(Double(count)))
        let result = try LinearSolver.solve(model, options: SolveOptions(timeLimitSeconds: 0.2))
        #expect(result.stoppedByTimeLimit)
        #expect(result.status == .timeLimit)
    }

    /// The same problem with a node limit instead: the search stops after that many nodes,
    /// whatever the clock says, and reports that it found nothing.
    @Test func nodeLimitStopsBranchAndCut() throws {
        var model = LinearModel()
        let count = 35
        let xs = try (0..<count).map { try model.addVariable(name: "x\($0)", kind: .binary, objective: 1) }
        try model.addConstraint(name: "parity", xs.map { ($0, 2.0) }, .equalTo(Double(count)))
        let result = try LinearSolver.solve(model, options: SolveOptions(nodeLimit: 50))
        #expect(!result.stoppedByTimeLimit)
        #expect(result.status == .nodeLimit)
        #expect(throws: LPError.self) { try LinearSolver.solve(model, options: SolveOptions(nodeLimit: 0)) }
    }

    /// A knapsack whose relaxation is fractional: stopped at the root, branch and cut still
    /// returns the starting solution it was given (or better), never nothing.
    @Test func initialSolutionIsTheFirstIncumbent() throws {
        var model = LinearModel(sense: .maximize)
        let weights = [12.0, 7, 11, 8, 9, 6, 13, 5, 10, 4]
        let values = [24.0, 13, 23, 15, 16, 11, 27, 9, 19, 8]
        let items = try weights.indices.map {
            try model.addVariable(name: "take\($0)", kind: .binary, objective: values[$0])
        }
        try model.addConstraint(name: "capacity", zip(items, weights).map { ($0, $1) }, .atMost(26))
        // Items 0 and 2: weight 23, value 47.
        let start = weights.indices.map { $0 == 0 || $0 == 2 ? 1.0 : 0.0 }
        // Without the starting solution, the root alone finds nothing.
        #expect(try LinearSolver.solve(model, options: SolveOptions(nodeLimit: 1)).status == .nodeLimit)
        let result = try LinearSolver.solve(model, options: SolveOptions(nodeLimit: 1, initialSolution: start))
        #expect(result.status.hasSolution)
        #expect(try #require(result.objectiveValue) >= 47 - 1e-9)
        #expect(model.violation(of: result.values) == nil)
        // Solved in full, the optimum is at least as good.
        #expect(
            try #require(try LinearSolver.solve(model, options: SolveOptions(initialSolution: start)).objectiveValue)
                >= result.objectiveValue!)
    }

    /// GLPK would take an infeasible starting solution unchecked, so it is refused first.
    @Test func infeasibleInitialSolutionIsRefused() throws {
        var model = LinearModel()
        let x = try model.addVariable(name: "x", kind: .binary, objective: 1)
        let y = try model.addVariable(name: "y", kind: .binary, objective: 1)
        try model.addConstraint(name: "cover", [x: 1, y: 1], .atLeast(1))
        #expect(model.violation(of: [0, 0]) == "constraint 'cover' = 0.0 lies outside [1.0, inf]")
        #expect(model.violation(of: [0.5, 1]) == "'x' = 0.5 is not a whole number")
        #expect(throws: LPError.self) { try LinearSolver.solve(model, options: SolveOptions(initialSolution: [0, 0])) }
        #expect(throws: LPError.self) { try LinearSolver.solve(model, options: SolveOptions(initialSolution: [1])) }
        #expect(try LinearSolver.solve(model, options: SolveOptions(initialSolution: [1, 1])).objectiveValue == 1)
    }
}

@Suite("Cutting-plane loop")
struct CuttingPlaneTests {
    /// Maximise x + y over the unit square; the separator knows x + y <= 1, which the first
    /// solve (x = y = 1) breaks: one cut, a second solve from the old basis, optimum 1.
    @Test func aCutIsAddedAndTheModelSolvedAgain() throws {
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", upperBound: 1, objective: 1)
        let y = try model.addVariable(name: "y", upperBound: 1, objective: 1)
        var asked = 0
        let result = try LinearSolver.solve(model) { values in
            asked += 1
            return values[0] + values[1] > 1 + 1e-9 ? [Cut(terms: [(x, 1), (y, 1)], bound: .atMost(1))] : []
        }
        #expect(result.status == .optimal && result.objectiveValue == 1)
        #expect(result.rounds == 2 && result.cutsAdded == 1 && result.separationComplete && asked == 2)
    }

    /// With integer variables every round is branch and cut: the cut x + y <= 1.5 leaves the
    /// LP at 1.5 but the integers at 1.
    @Test func integerRoundsUseBranchAndCut() throws {
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", kind: .binary, objective: 1)
        let y = try model.addVariable(name: "y", kind: .binary, objective: 1)
        let result = try LinearSolver.solve(model) { values in
            values[0] + values[1] > 1.5 ? [Cut(terms: [(x, 1), (y, 1)], bound: .atMost(1.5))] : []
        }
        #expect(result.objectiveValue == 1 && result.separationComplete)
    }

    /// A cut that names a variable the model lacks is refused before GLPK sees it.
    @Test func aCutWithAnUnknownVariableIsRefused() throws {
        var model = LinearModel(sense: .minimize)
        let x = try model.addVariable(name: "x", upperBound: 1, objective: 1)
        var other = LinearModel(sense: .minimize)
        for index in 0..<8 { try other.addVariable(name: "v\(index)") }
        let stranger = other.allVariables[7]
        #expect(throws: LPError.unknownVariable(index: 7, variableCount: 1)) {
            try LinearSolver.solve(model) { _ in [Cut(terms: [(x, 1), (stranger, 1)], bound: .atLeast(1))] }
        }
    }

    /// A knapsack solved again with other values from the relaxation's basis of the first
    /// solve: the same optimum as from scratch. A basis of another size is ignored, and one
    /// GLPK cannot factorize (every row and column basic) is replaced by GLPK's own start.
    @Test func relaxationBasisStartsTheNextSolve() throws {
        func knapsack(_ values: [Double]) throws -> LinearModel {
            var model = LinearModel(sense: .maximize)
            let weights = [12.0, 7, 11, 8, 9, 6, 13, 5, 10, 4]
            let items = try weights.indices.map {
                try model.addVariable(name: "take\($0)", kind: .binary, objective: values[$0])
            }
            try model.addConstraint(name: "capacity", zip(items, weights).map { ($0, $1) }, .atMost(26))
            try model.addConstraint(name: "pair", [(items[0], 1), (items[1], 1)], .atMost(1))
            return model
        }
        let first = try LinearSolver.solve(try knapsack([24, 13, 23, 15, 16, 11, 27, 9, 19, 8]))
        let basis = try #require(first.basis)
        #expect(basis.rows.count == 2 && basis.columns.count == 10)
        #expect(
            basis.rows.filter { $0 == SimplexBasis.basic }.count
                + basis.columns.filter { $0 == SimplexBasis.basic }.count == 2)
        let changed = try knapsack([20, 18, 23, 12, 16, 14, 25, 9, 21, 10])
        let scratch = try #require(try LinearSolver.solve(changed).objectiveValue)
        let bad = [
            SimplexBasis(rows: [SimplexBasis.basic], columns: [SimplexBasis.basic]),
            SimplexBasis(
                rows: [SimplexBasis.basic, SimplexBasis.basic], columns: Array(repeating: SimplexBasis.basic, count: 10)
            ),
        ]
        for start in [basis] + bad {
            let warm = try LinearSolver.solve(changed, options: SolveOptions(startingBasis: start))
            #expect(warm.status == .optimal)
            #expect(abs(try #require(warm.objectiveValue) - scratch) < 1e-9)
        }
    }

    /// A transportation problem (20 depots, 20 customers, costs from a fixed formula): the basis
    /// of its optimum starts the problem with a row added (a depot closed; the row starts
    /// basic, the dual simplex restores it) in fewer simplex iterations than a solve from
    /// scratch, to the same optimum. With other costs the basis is no longer dual feasible and
    /// GLPK's own start is taken: the same iterations as from scratch.
    @Test func optimalBasisStartsTheProblemWithARowAdded() throws {
        let size = 20
        func transport(costShift: Int, closing depot: Int? = nil) throws -> LinearModel {
            var model = LinearModel(sense: .minimize)
            var ship: [[LinearModel.Variable]] = []
            for i in 0..<size {
                ship.append(
                    try (0..<size).map { j in
                        try model.addVariable(
                            name: "ship\(i).\(j)",
                            objective: Double((i * 7 + j * 13) % 17 + 1 + costShift * ((i + 2 * j) % 3)))
                    })
            }
            for i in 0..<size {
                try model.addConstraint(name: "supply\(i)", ship[i].map { ($0, 1.0) }, .atMost(Double(30 + i % 5 * 4)))
            }
            for j in 0..<size {
                try model.addConstraint(
                    name: "demand\(j)", (0..<size).map { (ship[$0][j], 1.0) }, .atLeast(Double(20 + j % 3 * 5)))
            }
            if let depot { try model.addConstraint(name: "closed\(depot)", ship[depot].map { ($0, 1.0) }, .atMost(0)) }
            return model
        }
        let first = try LinearSolver.solve(try transport(costShift: 0))
        let basis = try #require(first.basis)
        for (changed, rowAdded) in [
            (try transport(costShift: 1), false), (try transport(costShift: 0, closing: 3), true),
        ] {
            let scratch = try LinearSolver.solve(changed)
            let warm = try LinearSolver.solve(changed, options: SolveOptions(startingBasis: basis))
            #expect(warm.status == .optimal)
            #expect(abs(try #require(warm.objectiveValue) - (try #require(scratch.objectiveValue))) < 1e-6)
            let comparison =
                "\(changed.constraintCount) rows: \(warm.simplexIterations) iterations from the basis, \(scratch.simplexIterations) from scratch"
            if rowAdded {
                #expect(warm.simplexIterations < scratch.simplexIterations, "\(comparison)")
            } else {
                #expect(warm.simplexIterations == scratch.simplexIterations, "\(comparison)")
            }
        }
    }
}
