import Foundation
import SwiftCSV

/// Reads a delivery log saved as CSV: comma, semicolon or tab separated (whichever the header
/// line uses most outside quotes), UTF-8 with or without a byte-order mark, LF, CRLF or CR.
public enum CSVLogReader {
    public static func read(_ text: String, file: String) throws(ImportError) -> LogTable {
        // SwiftCSV splits on LF and CRLF; an old Mac export ends lines with CR alone.
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw ImportError([ImportProblem(file: file, line: nil, field: nil, message: "the file is empty")])
        }
        let delimiter = guessDelimiter(firstLine: String(text.prefix { $0 != "\n" }))
        let csv: CSV<Enumerated>
        do { csv = try CSV<Enumerated>(string: text, delimiter: delimiter, loadColumns: false) } catch {
            throw ImportError([ImportProblem(file: file, line: nil, field: nil, message: "not valid CSV: \(error)")])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [LogTable.Row] = []
        // Lines are counted from the rows' own text because quoted fields may span lines.
        var line = 2
        for values in csv.rows {
            defer { line += 1 + values.reduce(0) { $0 + $1.filter(\.isNewline).count } }
            if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            rows.append(LogTable.Row(line: line, cells: values.map { $0.isEmpty ? .empty : .text($0) }))
        }
        return LogTable(file: file, header: header, rows: rows, decimalComma: delimiter != .comma)
    }

    public static func read(url: URL, file: String) throws(ImportError) -> LogTable {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ImportError([
                ImportProblem(
                    file: file, line: nil, field: nil,
                    message: "cannot read the file as UTF-8 text (\(error.localizedDescription)); save it as CSV UTF-8")
            ])
        }
        return try read(text, file: file)
    }

    /// The separator the header line uses most often outside quoted names.
    static func guessDelimiter(firstLine: String) -> CSVDelimiter {
        var counts: [Character: Int] = [:]
        var quoted = false
        for character in firstLine {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "," || character == ";" || character == "\t" { counts[character, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key == ";") }
        switch best?.key {
        case ";": return .semicolon
        case "\t": return .tab
        default: return .comma
        }
    }
}
