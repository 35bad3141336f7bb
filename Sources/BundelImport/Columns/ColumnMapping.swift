import Foundation
import Yams

/// Which log column holds what, as the user names it: a mapping file (`--mapping FILE`) and
/// `--column KEY=COLUMN` options, the options winning. Keys are the roles below and the
/// network's dimension ids; everything not named is found by its header (``LogColumns``).
public struct ColumnMapping: Sendable, Equatable {
    /// A column chosen for a key, with the unit its quantities are in when the user says so.
    public struct Choice: Sendable, Equatable {
        public var column: String
        public var unit: String?

        public init(column: String, unit: String? = nil) {
            self.column = column
            self.unit = unit
        }
    }

    /// The keys other than dimension ids.
    public static let roles = ["date", "supplier", "site", "address", "postcode", "product_group", "quantity", "unit"]

    public var choices: [String: Choice]
    /// The sheet of a workbook to read, when the mapping file names one.
    public var sheet: String?

    public init(choices: [String: Choice] = [:], sheet: String? = nil) {
        self.choices = choices
        self.sheet = sheet
    }

    /// The mapping with `--column KEY=COLUMN` options applied on top.
    public func applying(options: [String]) throws(ImportError) -> ColumnMapping {
        var mapping = self
        var problems: [ImportProblem] = []
        for option in options {
            guard let equals = option.firstIndex(of: "=") else {
                problems.append(
                    ImportProblem(
                        file: "--column", line: nil, field: nil,
                        message: "'\(option)' is not KEY=COLUMN, e.g. date=Leverdatum"))
                continue
            }
            let key = HeaderName.normalised(String(option[..<equals])).replacingOccurrences(of: " ", with: "_")
            let column = option[option.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            mapping.choices[key] = Choice(column: column)
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return mapping
    }

    /// Reads a mapping file:
    /// ```yaml
    /// sheet: Leveringen          # optional, for a workbook
    /// columns:
    ///   date: Leverdatum
    ///   supplier: Leverancier
    ///   kg: {column: Gewicht, unit: t}
    /// ```
    public static func load(url: URL, file: String) throws(ImportError) -> ColumnMapping {
        func problem(_ field: String?, _ message: String) -> ImportProblem {
            ImportProblem(file: file, line: nil, field: field, message: message)
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ImportError([problem(nil, "cannot read the mapping file (\(error.localizedDescription))")])
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw ImportError([problem(nil, "not valid YAML: \(error)")])
        }
        guard let root = node?.mapping else { throw ImportError([problem(nil, "expected a mapping with 'columns'")]) }
        var mapping = ColumnMapping()
        var problems: [ImportProblem] = []
        for (key, value) in root {
            switch key.string {
            case "sheet":
                if let name = value.string {
                    mapping.sheet = name
                } else {
                    problems.append(problem("sheet", "expected a sheet name"))
                }
            case "columns":
                guard let columns = value.mapping else {
                    problems.append(problem("columns", "expected a mapping from keys to column names"))
                    continue
                }
                for (name, choice) in columns {
                    guard let key = name.string else { continue }
                    if let column = choice.scalar?.string {
                        mapping.choices[key] = Choice(column: column)
                    } else if let entry = choice.mapping, let column = entry["column"]?.string {
                        mapping.choices[key] = Choice(column: column, unit: entry["unit"]?.string)
                    } else {
                        problems.append(
                            problem("columns.\(key)", "expected a column name or {column: NAME, unit: UNIT}"))
                    }
                }
            default:
                problems.append(problem(key.string, "unknown field; expected: sheet, columns"))
            }
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return mapping
    }
}
