import Foundation

/// A shell script that stands in for the bundel executable in a test of how the server treats
/// its child processes (one that hangs, crashes or ends on SIGINT).
enum StandInBundel {
    /// Writes `script` to `name` in `folder`, executable, and returns its path.
    static func write(_ script: String, named name: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent(name)
        try script.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file
    }
}
