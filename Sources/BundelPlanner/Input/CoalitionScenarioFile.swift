import Foundation
import Yams

/// A scenario file for one coalition of a scenario of several organisations, for batch
/// engines (`bundel coalition --emit-jobs`): the scenario's own YAML with `coalition:` set to
/// the members and every file it names made an absolute path, so that the file plans the same
/// wherever it is put. The `uncertainty:` block, which a plan ignores, is left out, since its
/// factor-set paths would need the same care for nothing.
public enum CoalitionScenarioFile {
    /// The YAML text of the scenario at `path` planning only `members` (organisation ids).
    public static func text(scenario path: String, members: [String]) throws(InputError) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent()
        let problem = { (message: String) in
            InputError([InputProblem(file: DisplayPath.of(url), line: nil, field: nil, message: message)])
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let composed = try? Yams.compose(yaml: text), var top = composed.mapping
        else { throw problem("cannot read the scenario as YAML") }
        let absolute = { (reference: String) -> Node in
            Node(URL(fileURLWithPath: reference, relativeTo: folder).standardizedFileURL.path)
        }
        if let networks = top["networks"]?.sequence {
            top["networks"] = Node.sequence(Node.Sequence(networks.map { $0.string.map(absolute) ?? $0 }))
        }
        // A factor set named by a path (not a built-in name), alone or as `{set: ...}`.
        let isPath = { (reference: String) in
            reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/")
        }
        if let reference = top["emission_factors"]?.string, isPath(reference) {
            top["emission_factors"] = absolute(reference)
        } else if var factors = top["emission_factors"]?.mapping, let reference = factors["set"]?.string,
            isPath(reference)
        {
            factors["set"] = absolute(reference)
            top["emission_factors"] = .mapping(factors)
        }
        if var distances = top["distances"]?.mapping {
            for key in ["matrix", "durations"] {
                if let reference = distances[key]?.string { distances[key] = absolute(reference) }
            }
            top["distances"] = .mapping(distances)
        }
        top["uncertainty"] = nil
        top["coalition"] = Node.sequence(Node.Sequence(members.map { Node($0) }))
        do {
            return try Yams.serialize(node: .mapping(top))
        } catch {
            throw problem("cannot write the coalition's scenario: \(error)")
        }
    }
}
