import Foundation

/// Numbers as logs write them: a decimal point, or a decimal comma where the file allows it
/// (semicolon- or tab-separated CSV, text cells of a sheet). With both signs in one number
/// the last is the decimal sign and the other groups thousands (`1.234,5`, `1,234.5`).
enum LogNumber {
    static func parse(_ cell: LogTable.Cell, decimalComma: Bool) -> Double? {
        switch cell {
        case .empty: return nil
        case .number(let value): return value
        case .text(let raw):
            var text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
            let comma = text.lastIndex(of: ","), point = text.lastIndex(of: ".")
            switch (comma, point) {
            case (.some(let c), .some(let p)):
                if c > p {
                    text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                } else {
                    text = text.replacingOccurrences(of: ",", with: "")
                }
            case (.some, nil):
                guard decimalComma else { return nil }
                text = text.replacingOccurrences(of: ",", with: ".")
            default: break
            }
            guard let value = Double(text), value.isFinite else { return nil }
            return value
        }
    }
}
