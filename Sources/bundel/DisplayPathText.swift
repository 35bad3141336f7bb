import Foundation

/// Paths as the command line shows them: relative where that is shorter to read.
enum DisplayPathText {
    /// Relative to the working directory when below it.
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    /// The path of `url` relative to `folder` (`../../networks/x/matrix.csv`), as a scenario
    /// file names other files.
    static func relative(_ url: URL, from folder: URL) -> String {
        let target = url.standardizedFileURL.pathComponents
        let base = folder.standardizedFileURL.pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        guard common > 1 else { return url.standardizedFileURL.path }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}
