/// Road data or a routing engine that cannot be used, located so that a user can act on it.
///
/// The kind tells the command line which exit code to use: bad files are input errors, while a
/// server that cannot be reached or answers with an error is a service that is unavailable.
public struct RoadsError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A file (OpenStreetMap extract, matrix) that cannot be read or used.
        case input
        /// The routing engine could not be reached or answered with an error.
        case engine
    }

    public let kind: Kind
    /// The file or URL at fault.
    public let source: String
    /// 1-based line in the file, when known.
    public let line: Int?
    /// The field (XML attribute, JSON key path) at fault, when there is one.
    public let field: String?
    /// What is wrong and, where possible, how to fix it.
    public let message: String

    public init(_ kind: Kind, _ source: String, line: Int? = nil, field: String? = nil, _ message: String) {
        self.kind = kind
        self.source = source
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field 'name': message`, the form of every input problem in bundel.
    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field '\(field)': " }
        return text + message
    }
}
