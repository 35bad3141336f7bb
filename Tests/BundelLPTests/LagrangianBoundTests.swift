import BundelLP
import BundelRouting
import Testing

/// The Lagrangian bound of any row duals: the optimum at the optimal duals, never beyond it at
/// others, repaired where a reduced cost has the wrong sign on a variable without that bound.
@Suite("Lagrangian bound")
struct LagrangianBoundTests {
    /// A feasible random LP: boxed variables and variables without an upper bound (costing
    /// something, so that the LP is bounded), rows of every kind around a known point.
    static func randomModel(seed: UInt64, sense: LinearModel.Sense) throws -> LinearModel {
        var random = SeededGenerator(seed: seed)
        var model = LinearModel(sense: sense)
        var point: [Double] = []
        var variables: [LinearModel.Variable] = []
        for index in 0..<12 {
            let boxed = index % 3 != 0
            let cost =
                Double.random(in: 0.5..<5, using: &random) * (sense == .minimize ? 1 : -1)
                * (boxed && index % 2 == 0 ? -1 : 1)
            variables.append(
                try model.addVariable(
                    name: "x\(index)", upperBound: boxed ? Double.random(in: 1..<4, using: &random) : .infinity,
                    objective: cost))
            point.append(boxed ? Double.random(in: 0..<1, using: &random) : Double.random(in: 0..<3, using: &random))
        }
        model.objectiveConstant = 7
        for row in 0..<9 {
            let terms = variables.filter { _ in Double.random(in: 0..<1, using: &random) < 0.4 }.map {
                ($0, Double.random(in: -3..<3, using: &random))
            }
            guard !terms.isEmpty else { continue }
            let activity = terms.reduce(0) { $0 + $1.1 * point[$1.0.index] }
            let bound: LinearModel.Bound =
                switch row % 3 {
                case 0: .atMost(activity + Double.random(in: 0..<2, using: &random))
                case 1: .atLeast(activity - Double.random(in: 0..<2, using: &random))
                default: .equalTo(activity)
                }
            try model.addConstraint(name: "r\(row)", terms, bound)
        }
        return model
    }

    @Test(arguments: 1...12)
    func optimalDualsGiveTheOptimumAndOthersNeverPassIt(seed: Int) throws {
        for sense in [LinearModel.Sense.minimize, .maximize] {
            let model = try Self.randomModel(seed: UInt64(seed), sense: sense)
            let result = try LinearSolver.solve(model)
            guard result.status == .optimal, let optimum = result.objectiveValue, let duals = result.rowDuals else {
                // Unbounded in the direction of the objective: nothing to bound.
                #expect(result.status == .unbounded)
                continue
            }
            #expect(result.objectiveBound == optimum)
            let atOptimum = try #require(model.lagrangianBound(rowDuals: duals))
            #expect(abs(atOptimum - optimum) <= 1e-6 * max(1, abs(optimum)))
            // Any other duals, of any size and sign: a bound on the right side, or none.
            var random = SeededGenerator(seed: UInt64(seed) &* 7919)
            var bounded = 0
            for scale in [0.01, 0.3, 3.0] {
                for _ in 0..<20 {
                    let other = duals.map { $0 + Double.random(in: -scale..<scale, using: &random) }
                    guard let bound = model.lagrangianBound(rowDuals: other) else { continue }
                    bounded += 1
                    if sense == .minimize {
                        #expect(bound <= optimum + 1e-6 * max(1, abs(optimum)))
                    } else {
                        #expect(bound >= optimum - 1e-6 * max(1, abs(optimum)))
                    }
                }
            }
            // Small disturbances are repaired, not given up on.
            #expect(bounded >= 20, "only \(bounded) of 60 disturbed duals gave a bound")
        }
    }

    @Test func aRowDualWithoutItsBoundCountsNothing() throws {
        // min x subject to x >= 2 (no upper bound on the row): optimum 2; a negative dual on
        // the row would need an upper bound to count, so it is dropped and the bound is 0.
        var model = LinearModel()
        let x = try model.addVariable(name: "x", objective: 1)
        try model.addConstraint(name: "floor", [(x, 1)], .atLeast(2))
        #expect(model.lagrangianBound(rowDuals: [1]) == 2)
        #expect(model.lagrangianBound(rowDuals: [-1]) == 0)
        #expect(model.lagrangianBound(rowDuals: [0.5]) == 1)
        #expect(model.lagrangianBound(rowDuals: [1, 2]) == nil)
    }

    @Test func aFreeVariableNeedsAZeroReducedCost() throws {
        // x free, min x subject to x >= 2: only the dual 1 leaves x's reduced cost at zero.
        // From 3 the repair moves the dual down to it (within the tolerance of a zero reduced
        // cost); from 0 no dual can move towards zero, so nothing is proved.
        var model = LinearModel()
        let x = try model.addVariable(name: "x", lowerBound: -.infinity, objective: 1)
        try model.addConstraint(name: "floor", [(x, 1)], .atLeast(2))
        #expect(model.lagrangianBound(rowDuals: [1]) == 2)
        let repaired = try #require(model.lagrangianBound(rowDuals: [3]))
        #expect(repaired <= 2 && repaired > 2 - 1e-6)
        #expect(model.lagrangianBound(rowDuals: [0]) == nil)
    }
}
