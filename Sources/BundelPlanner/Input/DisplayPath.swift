import Foundation

/// Paths as shown in messages: relative to the working directory when below it, so that
/// `networks/x/sites.csv:12` can be pasted into an editor.
enum DisplayPath {
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
