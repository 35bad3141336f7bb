/// One thing wrong with a delivery log, its mapping or its tables, located so that a user can
/// find it: `file:line: field 'name': message`, as the rest of bundel reports input problems.
public struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The 1-based line of a CSV file or row of a sheet, when known.
    public let line: Int?
    /// The column at fault, when there is one.
    public let field: String?
    public let message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field '\(field)': " }
        return text + message
    }
}

/// A log that cannot be imported, with every problem found (not just the first).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) { self.problems = problems }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "\(count) in the input:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
