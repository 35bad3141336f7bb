import CBundelGLPK
import Foundation

extension LinearModel {
    /// Writes the model in CPLEX LP format, readable by `glpsol --lp`, CPLEX, HiGHS and others.
    ///
    /// The file is written by GLPK's own writer to a temporary file beside `path` and then moved
    /// into place, so a failure never leaves half a model behind. The LP format has no objective
    /// constant, so a non-zero ``objectiveConstant`` is written as a variable fixed at 1 whose
    /// objective coefficient is the constant; the file's optimum then equals the model's.
    public func writeCPLEXLP(to path: String) throws(LPError) {
        let exported = try withConstantAsFixedVariable()
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        if exported.variableCount == 0 {
            throw .fileError(path: path, reason: "a model without variables cannot be written in CPLEX LP format")
        }
        let code = try GLPKProblem.withGLPK { () throws(LPError) in
            try GLPKGuard.run {
                LinearSolver.withTerminalOutput(false) {
                    let problem = GLPKProblem(exported)
                    return temporary.path.withCString { glp_write_lp(problem.pointer, nil, $0) }
                }
            }
        }
        guard code == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .fileError(path: path, reason: "GLPK could not write the file (is the folder writable?)")
        }
        do {
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .fileError(path: path, reason: error.localizedDescription)
        }
    }

    /// The model in CPLEX LP format, as text.
    public func cplexLPText() throws(LPError) -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("bundel-\(UUID().uuidString).lp").path
        try writeCPLEXLP(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .fileError(path: path, reason: error.localizedDescription)
        }
    }

    /// A copy of the model whose objective constant is carried by a variable fixed at 1.
    private func withConstantAsFixedVariable() throws(LPError) -> LinearModel {
        guard objectiveConstant != 0 else { return self }
        var copy = self
        copy.objectiveConstant = 0
        var name = "objective_constant"
        while variables.contains(where: { $0.name == name }) { name += "_" }
        try copy.addVariable(name: name, lowerBound: 1, upperBound: 1, objective: objectiveConstant)
        return copy
    }
}
