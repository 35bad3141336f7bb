import Foundation

/// Reading untyped JSON from a routing engine field by field, so that a surprise names the key
/// path (`sources_to_targets[2][5].distance`) instead of failing as a whole, as `Codable` would.
enum JSONValue {
    /// The top-level object of a JSON text.
    static func object(_ data: Data, file: String) throws(RoadsError) -> [String: Any] {
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            let text = String(decoding: data.prefix(80), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw RoadsError(
                .input, file,
                "not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)")); it starts with: \(text)"
            )
        }
        guard let object = parsed as? [String: Any] else {
            throw RoadsError(.input, file, "expected a JSON object { ... } at the top")
        }
        return object
    }

    /// A list of lists of numbers or nulls, `rows` by `columns`; `scale` converts the unit.
    static func grid(
        _ value: Any?, path: String, rows: Int?, columns: Int?, scale: Double, file: String
    ) throws(RoadsError) -> [[Int?]] {
        guard let outer = value as? [Any] else {
            throw RoadsError(.input, file, field: path, "expected a list of rows")
        }
        if let rows, outer.count != rows {
            throw RoadsError(.input, file, field: path, "has \(outer.count) rows, expected \(rows)")
        }
        var result: [[Int?]] = []
        for (i, rowValue) in outer.enumerated() {
            guard let row = rowValue as? [Any] else {
                throw RoadsError(.input, file, field: "\(path)[\(i)]", "expected a list of numbers")
            }
            if let columns, row.count != columns {
                throw RoadsError(.input, file, field: "\(path)[\(i)]", "has \(row.count) values, expected \(columns)")
            }
            var cells: [Int?] = []
            for (j, cell) in row.enumerated() {
                cells.append(try number(cell, path: "\(path)[\(i)][\(j)]", scale: scale, file: file))
            }
            result.append(cells)
        }
        return result
    }

    /// The largest value in metres or seconds that a cell may hold.
    static let largest = 1e15

    /// A non-negative number times `scale`, rounded; `nil` for JSON null.
    static func number(_ value: Any?, path: String, scale: Double, file: String) throws(RoadsError) -> Int? {
        if value == nil || value is NSNull { return nil }
        guard let number = value as? NSNumber, number.doubleValue.isFinite else {
            throw RoadsError(.input, file, field: path, "expected a number or null, got \(describe(value))")
        }
        guard number.doubleValue >= 0 else {
            throw RoadsError(.input, file, field: path, "must not be negative, got \(number)")
        }
        // Beyond this the conversion to Int would stop the program; no road is that long.
        guard number.doubleValue * scale < largest else {
            throw RoadsError(.input, file, field: path, "\(number) is too large (the limit is 10^15 metres or seconds)")
        }
        return Int((number.doubleValue * scale).rounded())
    }

    static func describe(_ value: Any?) -> String {
        switch value {
        case nil: "nothing"
        case is String: "the text \"\(value as! String)\""
        case is [Any]: "a list"
        case is [String: Any]: "an object"
        default: "\(value!)"
        }
    }
}
