import Foundation

/// Best-known solution values per instance, from a `bks.csv` with columns
/// `instance,set,bks,optimal_known,...` (as in the shared benchmark folder).
public struct BestKnownSolutions: Sendable {
    public struct Entry: Sendable {
        public let value: Double
        public let provenOptimal: Bool
    }

    public let entries: [String: Entry]

    public static func read(path: String) throws(RoutingError) -> BestKnownSolutions {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RoutingError("\(path): cannot read the file")
        }
        let lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first, let name = header.firstIndex(of: "instance"),
            let value = header.firstIndex(of: "bks")
        else {
            throw RoutingError("\(path): expected a header with the columns instance and bks")
        }
        let optimal = header.firstIndex(of: "optimal_known")
        var entries: [String: Entry] = [:]
        for row in lines.dropFirst() where row.count > max(name, value) {
            guard let number = Double(row[value]) else { continue }
            entries[row[name]] = Entry(
                value: number, provenOptimal: optimal.map { row.count > $0 && row[$0] == "yes" } ?? false)
        }
        return BestKnownSolutions(entries: entries)
    }

    /// The first `bks.csv` in the folder of `path` or up to three folders above it.
    public static func find(near path: String) -> String? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue) {
            folder.deleteLastPathComponent()
        }
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("bks.csv")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
