import Foundation
import SwiftCSV

/// A CSV file read into rows whose fields are looked up by column name, each row knowing its
/// line in the file so that problems can point at it. Comma, semicolon and tab separated files
/// are recognised (spreadsheets in Dutch locales write semicolons).
struct CSVTable {
    /// What every row needs to know about its file, shared rather than copied per row.
    final class Context {
        let file: String
        let columnIndex: [String: Int]
        let log: ProblemLog
        init(file: String, columnIndex: [String: Int], log: ProblemLog) {
            self.file = file
            self.columnIndex = columnIndex
            self.log = log
        }
    }

    struct Row {
        let table: Context
        let line: Int
        let values: [String]

        /// The raw text of a column, or `nil` when the column is absent or the cell is empty.
        func text(_ column: String) -> String? {
            guard let index = table.columnIndex[column], index < values.count else { return nil }
            let text = values[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }

        func problem(_ column: String?, _ message: String) {
            table.log.add(table.file, line: line, field: column, message)
        }

        func string(_ column: String) -> String? {
            guard let text = text(column) else {
                problem(column, "missing value; every row needs one in this column")
                return nil
            }
            return text
        }

        func double(_ column: String, minimum: Double? = nil, maximum: Double? = nil, required: Bool = true) -> Double?
        {
            guard let text = text(column) else {
                if required { problem(column, "missing value; every row needs one in this column") }
                return nil
            }
            guard let value = NumberParsing.double(text) else {
                problem(column, NumberParsing.explain(text))
                return nil
            }
            if let minimum, value < minimum {
                problem(column, "must be at least \(NumberParsing.format(minimum)), got \(text)")
                return nil
            }
            if let maximum, value > maximum {
                problem(column, "must be at most \(NumberParsing.format(maximum)), got \(text)")
                return nil
            }
            return value
        }

        func int(_ column: String, minimum: Int? = nil) -> Int? {
            guard let text = string(column) else { return nil }
            guard let value = NumberParsing.int(text) else {
                problem(column, NumberParsing.explainWhole(text))
                return nil
            }
            if let minimum, value < minimum {
                problem(column, "must be at least \(minimum), got \(value)")
                return nil
            }
            return value
        }

        func bool(_ column: String, default fallback: Bool) -> Bool? {
            guard let text = text(column) else { return fallback }
            guard let value = NumberParsing.bool(text) else {
                problem(column, "expected true or false, got '\(text)'")
                return nil
            }
            return value
        }

        func minutesOfDay(_ column: String) -> Int? {
            guard let text = string(column) else { return nil }
            guard let minutes = NumberParsing.minutesOfDay(text) else {
                problem(column, "expected a time of day as HH:MM, got '\(text)'")
                return nil
            }
            return minutes
        }
    }

    let file: String
    let header: [String]
    private(set) var rows: [Row] = []

    /// The table with `column` set to `value` in the rows `matches` picks, and those rows'
    /// lines. A column the file lacks is added, empty in the other rows.
    func setting(_ column: String, to value: String, where matches: (Row) -> Bool) -> (table: CSVTable, lines: [Int]) {
        guard let first = rows.first else { return (self, []) }
        var header = self.header
        var context = first.table
        if context.columnIndex[column] == nil {
            header.append(column)
            var index = context.columnIndex
            index[column] = header.count - 1
            context = Context(file: file, columnIndex: index, log: context.log)
        }
        let position = context.columnIndex[column]!
        var updated = CSVTable(file: file, header: header)
        var lines: [Int] = []
        for row in rows {
            var values = row.values
            if values.count < header.count { values += Array(repeating: "", count: header.count - values.count) }
            if matches(row) {
                values[position] = value
                lines.append(row.line)
            }
            updated.rows.append(Row(table: context, line: row.line, values: values))
        }
        return (updated, lines)
    }

    /// The line on which a quoted field opens that the file never closes, or `nil`. A doubled
    /// quote inside a quoted field toggles twice, so it needs no special case.
    static func unclosedQuote(in text: String) -> Int? {
        var line = 1, opened: Int?
        for character in text {
            if character == "\"" { opened = opened == nil ? line : nil }
            if character.isNewline { line += 1 }
        }
        return opened
    }

    /// Reads the file and checks that the required columns are there; logs and returns `nil`
    /// when it cannot be read at all. With `namedColumns` false the header is taken as it is
    /// (case kept, no column required or refused), for tables whose columns are ids, such as a
    /// square travel matrix.
    static func load(
        _ url: URL, displayPath: String, required: [String], optional: [String] = [], namedColumns: Bool = true,
        log: ProblemLog
    ) -> CSVTable? {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            log.add(displayPath, line: nil, field: nil, "cannot read the file (\(YAMLMapping.reason(error)))")
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            log.add(
                displayPath, line: nil, field: nil,
                "the file is empty; it needs a header line\(namedColumns ? " naming the columns \(required.joined(separator: ","))" : "") and a row per entry"
            )
            return nil
        }
        if let line = unclosedQuote(in: text) {
            // The CSV reader would read to the end of the file as one field and blame every
            // column of that row instead of the quote.
            log.add(
                displayPath, line: line, field: nil,
                "a quoted field opened on this line is never closed; add the closing \" or remove the stray one")
            return nil
        }
        let csv: CSV<Enumerated>
        do { csv = try CSV<Enumerated>(string: text, loadColumns: false) } catch {
            log.add(displayPath, line: nil, field: nil, "not valid CSV: \(error)")
            return nil
        }
        // Spreadsheets often start a UTF-8 file with a byte-order mark; it is not part of the name.
        let header = csv.header.map {
            let name = $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces)
            return namedColumns ? name.lowercased() : name
        }
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if index[name] != nil { log.add(displayPath, line: 1, field: name, "column appears twice in the header") }
            index[name] = position
        }
        // Unknown columns first: a misspelt name is usually why a required one is missing.
        let known = Set(required + optional)
        for name in header where namedColumns && !known.contains(name) && !name.isEmpty {
            log.add(
                displayPath, line: 1, field: name,
                "unknown column; expected: \((required + optional).joined(separator: ", "))")
        }
        let missing = required.filter { index[$0] == nil }
        if !missing.isEmpty {
            log.add(
                displayPath, line: 1, field: nil,
                "missing column(s) \(missing.joined(separator: ", ")); the header must name: \(required.joined(separator: ","))"
            )
            return nil
        }
        let context = Context(file: displayPath, columnIndex: index, log: log)
        var table = CSVTable(file: displayPath, header: header)
        // Lines are counted from the rows' own text because quoted fields may span lines.
        var line = 2
        for values in csv.rows {
            defer { line += 1 + values.reduce(0) { $0 + $1.filter(\.isNewline).count } }
            if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            // SwiftCSV pads every row with empty cells to the longest row's length, so only
            // filled cells beyond the header mark a row that is too long.
            if values.count > header.count,
                values[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                log.add(
                    displayPath, line: line, field: nil,
                    "\(values.count) fields but the header has \(header.count)\(csv.delimiter == .comma ? " (a decimal comma? write 12.5, not 12,5; or quote a text that contains a comma)" : "")"
                )
                continue
            }
            table.rows.append(Row(table: context, line: line, values: values))
        }
        return table
    }
}
