import Foundation

/// The labels of `compare`'s runs: each scenario's file name, which tells runs apart where
/// their scenarios' names do not (several variants of one study often share a long name).
enum ScenarioFileLabels {
    /// The file name of each path; where different files share a name, as many of the folders
    /// above them as tell them apart (`cordaan/hub.yaml`, `campuses/hub.yaml`); a file given
    /// twice gets its position (`hub.yaml (2)`).
    static func labels(_ paths: [String]) -> [String] {
        let components = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.pathComponents }
        let labels = components.map { parts in
            let namesakes = Set(components.filter { $0.last == parts.last })
            let depth =
                (1...max(parts.count, 1)).first { depth in
                    Set(namesakes.map { $0.suffix(depth) }).count == namesakes.count
                } ?? parts.count
            return parts.suffix(depth).joined(separator: "/")
        }
        var seen: [String: Int] = [:]
        return labels.map { label in
            seen[label, default: 0] += 1
            return seen[label]! > 1 ? "\(label) (\(seen[label]!))" : label
        }
    }
}
