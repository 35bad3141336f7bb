import Foundation

/// A delivery log read from its file, before any column has a meaning: a header and rows of
/// cells, each row knowing its line (CSV) or row number (XLSX) so that problems point at it.
public struct LogTable: Sendable, Equatable {
    /// One cell as the file holds it: spreadsheets keep numbers (and dates, as serial numbers)
    /// apart from text, CSV files only have text.
    public enum Cell: Sendable, Equatable, Hashable {
        case empty
        case text(String)
        case number(Double)

        /// The cell as text: numbers without a needless fraction, so that `12` in a sheet and
        /// `12` in a CSV file read the same.
        public var text: String? {
            switch self {
            case .empty: return nil
            case .text(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            case .number(let value):
                if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
                return String(value)
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [Cell]

        public init(line: Int, cells: [Cell]) {
            self.line = line
            self.cells = cells
        }

        public subscript(_ column: Int) -> Cell { column < cells.count ? cells[column] : .empty }
    }

    /// The file as shown in messages.
    public var file: String
    public var header: [String]
    public var rows: [Row]
    /// Whether numbers in text cells may use a decimal comma (a semicolon- or tab-separated
    /// file, or any sheet whose text cells hold numbers).
    public var decimalComma: Bool

    public init(file: String, header: [String], rows: [Row], decimalComma: Bool) {
        self.file = file
        self.header = header
        self.rows = rows
        self.decimalComma = decimalComma
    }
}
