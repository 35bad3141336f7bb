import Foundation

/// JSON text as the reports write it: pretty printed with sorted keys and nothing
/// time-dependent, so that the same values always give the same bytes and runs can be diffed.
enum JSONText {
    /// `value` as JSON text ending in a newline. `what` names the output in the error, since
    /// the encoder's own message (a NaN, say) only gives the path inside the document.
    static func encode<Value: Encodable>(_ value: Value, what: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw JSONTextError(description: "cannot encode \(what) as JSON: \(error)")
        }
    }
}

/// A report value that JSON cannot represent, such as a NaN or an infinite number.
public struct JSONTextError: Error, CustomStringConvertible {
    public let description: String
}
