import BundelPlanner

/// Input problems as a user should see them: named relative to the folder they uploaded or the
/// scenario they wrote, not by the server's scratch path (which the loader prints relative to the
/// working directory, or in full).
enum ProblemPaths {
    /// `problems` with every file below a folder called `folderName` named from inside it, and
    /// `rename` applied to the rest of the name.
    static func relative(
        _ problems: [InputProblem], folderName: String, rename: (String) -> String = { $0 }
    ) -> [InputProblem] {
        problems.map { problem in
            guard let range = problem.file.range(of: folderName + "/") else { return problem }
            return InputProblem(
                file: rename(String(problem.file[range.upperBound...])), line: problem.line, field: problem.field,
                message: problem.message)
        }
    }
}
