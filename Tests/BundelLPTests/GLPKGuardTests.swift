@testable import BundelLP
import Testing

/// GLPK aborts the process on an internal error unless its error hook jumps back: the guard
/// turns such an error into a Swift error with GLPK's message, and GLPK works again afterwards.
@Suite("GLPK errors do not abort the process")
struct GLPKGuardTests {
    @Test func aGLPKErrorIsCaughtWithItsMessageAndGLPKStillWorks() throws {
        // An invalid objective direction, passed straight to GLPK on purpose: unguarded, this
        // would end the test process.
        let message = try #require(GLPKGuard.provokeError())
        #expect(message.contains("glp_set_obj_dir"), "GLPK's own message: \(message)")
        #expect(message.contains("99"))

        // GLPK's environment was freed and is made again on the next call.
        var model = LinearModel(sense: .maximize)
        let x = try model.addVariable(name: "x", upperBound: 4, objective: 1)
        let y = try model.addVariable(name: "y", kind: .integer, upperBound: 3, objective: 2)
        try model.addConstraint(name: "sum", [(x, 1), (y, 1)], .atMost(5))
        let result = try LinearSolver.solve(model)
        #expect(result.status == .optimal)
        #expect(abs((result.objectiveValue ?? 0) - 8) < 1e-9)
    }

    @Test func theGuardReturnsTheBodysResultWhenGLPKSucceeds() throws {
        let value = try GLPKProblem.lock.withLock { _ throws(LPError) in try GLPKGuard.run { 42 } }
        #expect(value == 42)
    }
}
