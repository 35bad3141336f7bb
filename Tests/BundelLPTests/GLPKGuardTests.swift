import Dispatch
import Synchronization
import Testing

@testable import BundelLP

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
        let value = try GLPKProblem.withGLPK { () throws(LPError) in try GLPKGuard.run { 42 } }
        #expect(value == 42)
    }

    /// GLPK keeps an environment per thread (Debian's build has thread-local storage), so
    /// solves run on several threads at once, and an error caught on one thread (which frees
    /// that thread's environment) leaves the others' solves alone. Each knapsack-like MIP
    /// max sum x_i with x_i integer in [0, 3] and sum x_i <= k has the optimum k.
    @Test(.enabled(if: GLPKProblem.isThreadLocal, "this GLPK has one environment for all threads"))
    func threadsSolveAtOnceAndAnErrorStaysOnItsThread() throws {
        let answers = Mutex<[Int: Double]>([:])
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            if index % 4 == 0 {
                if let message = GLPKGuard.provokeError(), !message.contains("glp_set_obj_dir") {
                    errors.withLock { $0.append(message) }
                }
                return
            }
            do {
                var model = LinearModel(sense: .maximize)
                let variables = try (0..<12).map {
                    try model.addVariable(name: "x\($0)", kind: .integer, upperBound: 3, objective: 1)
                }
                try model.addConstraint(name: "sum", variables.map { ($0, 1.0) }, .atMost(Double(index)))
                let result = try LinearSolver.solve(model)
                answers.withLock { $0[index] = result.objectiveValue ?? .nan }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let solved = answers.withLock { $0 }
        #expect(solved.count == 12)
        for (index, value) in solved { #expect(abs(value - Double(index)) < 1e-9, "problem \(index): \(value)") }
    }
}
