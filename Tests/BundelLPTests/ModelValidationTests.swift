import BundelLP
import Testing

/// GLPK aborts the process on a bad argument; these must all be Swift errors instead.
@Suite("Invalid model arguments are rejected before GLPK sees them")
struct ModelValidationTests {
    @Test func lowerBoundAboveUpperBound() {
        var model = LinearModel()
        #expect(throws: LPError.invalidBounds(name: "x", lower: 2, upper: 1)) {
            try model.addVariable(name: "x", lowerBound: 2, upperBound: 1)
        }
    }

    @Test func nanAndInfiniteBounds() {
        var model = LinearModel()
        #expect(throws: LPError.self) { try model.addVariable(name: "a", lowerBound: .nan) }
        #expect(throws: LPError.self) { try model.addVariable(name: "b", lowerBound: .infinity) }
        #expect(throws: LPError.self) { try model.addVariable(name: "c", upperBound: -.infinity) }
        #expect(model.variableCount == 0)
    }

    @Test func nonFiniteCoefficients() throws {
        var model = LinearModel()
        #expect(throws: LPError.nonFiniteCoefficient(name: "x", value: .infinity)) {
            try model.addVariable(name: "x", objective: .infinity)
        }
        let y = try model.addVariable(name: "y")
        #expect(throws: LPError.self) { try model.addConstraint(name: "r", [y: .nan], .atMost(1)) }
        #expect(throws: LPError.self) { try model.setObjective(y, -.infinity) }
        #expect(throws: LPError.self) { try model.addConstraint(name: "s", [y: 1], .between(3, 2)) }
        #expect(model.constraintCount == 0)
    }

    @Test func variableFromAnotherModel() throws {
        var big = LinearModel()
        for index in 0..<3 { try big.addVariable(name: "v\(index)") }
        let foreign = big.allVariables[2]
        var small = LinearModel()
        try small.addVariable(name: "only")
        #expect(throws: LPError.unknownVariable(index: 2, variableCount: 1)) {
            try small.addConstraint(name: "r", [foreign: 1], .atMost(1))
        }
        #expect(throws: LPError.unknownVariable(index: 2, variableCount: 1)) {
            try small.setObjective(foreign, 1)
        }
    }

    @Test func fractionalBoundsOnIntegerVariables() {
        var model = LinearModel()
        #expect(throws: LPError.fractionalIntegerBound(name: "n", bound: 2.5)) {
            try model.addVariable(name: "n", kind: .integer, upperBound: 2.5)
        }
    }

    @Test func namesMustBeValidAndUnique() throws {
        var model = LinearModel()
        try model.addVariable(name: "flow_1(duivendrecht)")
        #expect(throws: LPError.duplicateName("flow_1(duivendrecht)")) {
            try model.addVariable(name: "flow_1(duivendrecht)")
        }
        for bad in ["", "2x", "a b", "x-y", "x+y", String(repeating: "a", count: 256), "naïve"] {
            #expect(throws: LPError.self, "\(bad)") { try model.addVariable(name: bad) }
        }
        // Variables and constraints have separate namespaces, as in GLPK.
        try model.addConstraint(name: "flow_1(duivendrecht)", [(LinearModel.Variable, Double)](), .atMost(1))
    }

    @Test func sanitizedNamesAreValid() {
        for raw in ["rtl-a", "2nd site", "", "Zuidas/WTC", "naïve", String(repeating: "x", count: 300)] {
            let name = LinearModel.sanitizedName(raw)
            #expect(LinearModel.isValidName(name), "\(raw) -> \(name)")
        }
        #expect(LinearModel.sanitizedName("rtl-a") == "rtl_a")
    }

    @Test func invalidOptions() {
        let model = LinearModel()
        #expect(throws: LPError.self) { try LinearSolver.solve(model, options: SolveOptions(timeLimitSeconds: -1)) }
        #expect(throws: LPError.self) { try LinearSolver.solve(model, options: SolveOptions(timeLimitSeconds: .nan)) }
        #expect(throws: LPError.self) { try LinearSolver.solve(model, options: SolveOptions(relativeMIPGap: -0.1)) }
    }
}
