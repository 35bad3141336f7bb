import BundelPlanner
import Foundation

/// The description file of an `--emit-jobs` folder (`bundel coalition`, `bundel sweep`): what the
/// jobs compute and where each leaves its result, written as JSON beside the manifest and read
/// back by `--collect`. One routine for both commands, so that their folders read alike.
public enum JobsFolderDescription {
    /// `description` as the file's text: pretty, keys sorted, a final newline (same input, same
    /// bytes).
    public static func text(of description: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(description), as: UTF8.self) + "\n"
    }

    /// The description `file` in `folder`; when it is missing or unreadable, an input error naming
    /// it (`noun`: "no NOUN description here") and the command that writes such a folder.
    public static func read<Description: Decodable>(
        _ type: Description.Type, file: String, in folder: URL, noun: String, emittedBy command: String
    ) throws(InputError) -> Description {
        let url = folder.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url), let description = try? JSONDecoder().decode(type, from: data)
        else {
            throw InputError([
                InputProblem(
                    file: url.path, line: nil, field: nil,
                    message: "no \(noun) description here; write the folder with \(command) --emit-jobs")
            ])
        }
        return description
    }
}
