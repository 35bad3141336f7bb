import Foundation

/// The output of one run, written so that it appears together or not at all: every file and
/// folder is first written under a hidden temporary name beside its target, and only when all
/// of them are written are they moved into place. A failure before that removes what was
/// staged (and the folders made for it) and leaves the targets as they were.
struct StagedOutputs {
    private struct Move {
        var staged: URL
        var target: URL
        var isFolder: Bool
    }

    private var moves: [Move] = []
    /// The outermost folders made for the staged files, removed again by ``discard()``.
    private var madeFolders: [URL] = []
    private let id = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"

    /// Throws when `url` cannot take a file: it is a folder, it exists and `force` is not
    /// given, or the nearest existing folder above it is not a writable folder. Cheap, so
    /// commands call it before planning.
    static func checkFile(_ url: URL, force: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw OutputError(description: "\(url.path) is a folder, not a file") }
            if !force { throw OutputError(description: "\(url.path) exists; use --force to overwrite it") }
        }
        try checkFolder(above: url)
    }

    /// Throws when the nearest existing folder above `url` is not a folder that can be written:
    /// the folders missing below it are made when the output is written.
    static func checkFolder(above url: URL) throws {
        var folder = url.standardizedFileURL.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            folder = folder.deletingLastPathComponent()
        }
        guard isFolder.boolValue else {
            throw OutputError(description: "cannot write \(url.path): \(folder.path) is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw OutputError(description: "cannot write \(url.path): the folder \(folder.path) is not writable")
        }
    }

    /// Writes `content` under a temporary name beside `url`, making its folder when missing.
    mutating func stage(_ content: String, at url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
        let staged = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(id)")
        moves.append(Move(staged: staged, target: url, isFolder: false))
        do { try Data(content.utf8).write(to: staged) } catch {
            throw OutputError(description: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes the files `produce` passes to its argument (name, content) into a temporary
    /// folder beside `path`, which replaces `path` on ``commit()``: file by file, because a large
    /// export would not fit in memory at once. `path` must be replaceable
    /// (``AtomicFolder/checkReplaceable(_:force:)``).
    mutating func stageFolder(
        _ path: String, force: Bool, _ produce: ((_ name: String, _ content: String) throws -> Void) throws -> Void
    ) throws {
        try AtomicFolder.checkReplaceable(path, force: force)
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try makeFolder(parent)
        let staged = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(id)")
        moves.append(Move(staged: staged, target: target, isFolder: true))
        do {
            try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
            try produce { name, content in try Data(content.utf8).write(to: staged.appendingPathComponent(name)) }
        } catch {
            throw OutputError(description: "cannot write the folder \(path): \(error.localizedDescription)")
        }
    }

    /// Moves everything staged into place: a file replaces the old one in a single rename; a
    /// folder replaces the old one after it is moved aside (a rename onto a non-empty folder
    /// fails), and the old one is restored when that fails.
    func commit() throws {
        let manager = FileManager.default
        for move in moves {
            if move.isFolder, manager.fileExists(atPath: move.target.path) {
                let old = move.target.deletingLastPathComponent()
                    .appendingPathComponent(".\(move.target.lastPathComponent).old-\(id)")
                do {
                    try manager.moveItem(at: move.target, to: old)
                    do { try manager.moveItem(at: move.staged, to: move.target) } catch {
                        try? manager.moveItem(at: old, to: move.target)
                        throw error
                    }
                    try? manager.removeItem(at: old)
                } catch {
                    throw OutputError(
                        description: "cannot write the folder \(move.target.path): \(error.localizedDescription)")
                }
            } else if rename(move.staged.path, move.target.path) != 0 {
                throw OutputError(
                    description: "cannot write \(move.target.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes everything staged and the folders made for it.
    func discard() {
        for move in moves { try? FileManager.default.removeItem(at: move.staged) }
        for folder in madeFolders.reversed() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Makes `folder` and the folders above it that are missing, remembering the outermost.
    private mutating func makeFolder(_ folder: URL) throws {
        var outermost: URL?
        var above = folder
        while !FileManager.default.fileExists(atPath: above.path) {
            outermost = above
            above = above.deletingLastPathComponent()
        }
        guard let outermost else { return }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw OutputError(description: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        madeFolders.append(outermost)
    }
}

extension StagedOutputs {
    /// Writes `files` into the folder `path`, which must not exist or be empty: all of them or,
    /// on any failure, none (the jobs' folders of `--emit-jobs`).
    static func writeNewFolder(_ path: String, files: [(name: String, content: String)]) throws {
        var outputs = StagedOutputs()
        do {
            try outputs.stageFolder(path, force: false) { write in
                for file in files { try write(file.name, file.content) }
            }
            try outputs.commit()
        } catch {
            outputs.discard()
            throw error
        }
    }
}
