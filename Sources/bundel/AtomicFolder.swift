import Foundation

/// A folder of output files that appears whole or not at all (`--export-problems DIR`, written
/// by ``StagedOutputs/stageFolder(_:force:_:)``): an existing `DIR` must be empty, or, with
/// `--force`, hold nothing but `.json` files (an earlier export), so that `--force` never
/// removes files of another kind.
enum AtomicFolder {
    /// Throws when `path` could not take the files: a file that is not a folder, or a folder
    /// that is not empty (without `force`) or holds files other than `.json` ones.
    static func checkReplaceable(_ path: String, force: Bool) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw OutputError(description: "\(path) exists and is not a folder") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw OutputError(description: "cannot read the folder \(path): \(error.localizedDescription)")
        }
        guard !names.isEmpty else { return }
        guard force else {
            throw OutputError(description: "\(path) exists and is not empty; use --force to replace it")
        }
        if let other = names.sorted().first(where: { !$0.hasSuffix(".json") }) {
            throw OutputError(
                description:
                    "\(path) holds \(other), which an export does not write; not replacing the folder even with --force"
            )
        }
    }
}
