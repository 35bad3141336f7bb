/// One thing wrong with an input file, located so that a user can find and fix it.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible, Codable {
    /// Path of the file as the user gave it or as resolved from the scenario.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// The field (YAML key path or CSV column) at fault, when there is one.
    public let field: String?
    /// What is wrong and, where possible, how to fix it.
    public let message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field 'name': message`, the form compilers use, which editors can jump to.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field '\(field)': " }
        return text + message
    }
}

/// Input that cannot be used, with every problem found (not just the first).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let problems: [InputProblem]

    public init(_ problems: [InputProblem]) { self.problems = problems }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "\(count) in the input:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Collects problems while a set of files is read, so that all of them can be reported at once.
final class ProblemLog {
    private(set) var problems: [InputProblem] = []
    /// Moves a problem to where its cause was written (a scenario's override of a network
    /// value); a moved problem already logged is not logged again, since one override that set
    /// many rows would otherwise be reported once per row.
    var relocation: ((InputProblem) -> InputProblem)?

    func add(_ file: String, line: Int?, field: String?, _ message: String) {
        let problem = InputProblem(file: file, line: line, field: field, message: message)
        guard let moved = relocation?(problem), moved != problem else {
            problems.append(problem)
            return
        }
        if !problems.contains(moved) { problems.append(moved) }
    }

    /// Throws an ``InputError`` holding every problem logged so far, if there is one.
    func throwIfAny() throws(InputError) {
        if !problems.isEmpty { throw InputError(problems) }
    }
}
