import Foundation

/// A folder of output files that appears whole or not at all (`--export-problems DIR`): the
/// files are written to a hidden folder beside it, which is then renamed to `DIR`. An existing
/// `DIR` must be empty, or, with `--force`, hold nothing but `.json` files (an earlier export),
/// so that `--force` never removes files of another kind.
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

    /// Writes the files `produce` passes to its argument (name, content) as the folder `path`,
    /// replacing what `checkReplaceable` allows; nothing is left behind when a write fails.
    static func write(
        to path: String, force: Bool,
        _ produce: ((_ name: String, _ content: String) throws -> Void) throws -> Void
    ) throws {
        try checkReplaceable(path, force: force)
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let id = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(id)")
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            try produce { name, content in try Data(content.utf8).write(to: temporary.appendingPathComponent(name)) }
            if manager.fileExists(atPath: target.path) {
                // Move the old folder aside first: a rename onto a non-empty folder fails.
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(id)")
                try manager.moveItem(at: target, to: old)
                do { try manager.moveItem(at: temporary, to: target) } catch {
                    try? manager.moveItem(at: old, to: target)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: temporary, to: target)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw OutputError(description: "cannot write the folder \(path): \(error.localizedDescription)")
        }
    }
}
