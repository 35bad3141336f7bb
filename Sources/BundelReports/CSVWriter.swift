/// Builds CSV text: a header and rows, with fields quoted only where needed (RFC 4180).
struct CSVWriter {
    private var lines: [String]

    init(header: [String]) { lines = [Self.line(header)] }

    mutating func add(_ fields: [String]) { lines.append(Self.line(fields)) }

    var text: String { lines.joined(separator: "\n") + "\n" }

    private static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
