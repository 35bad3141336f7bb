import Foundation

/// `report.html` in a folder given by `--report`: refused up front when it exists and
/// `--force` is not given (before any planning), written atomically at the end.
enum ReportFile {
    static func url(in folder: String) -> URL { URL(fileURLWithPath: folder).appendingPathComponent("report.html") }

    /// Throws when the report exists and may not be overwritten.
    static func checkWritable(in folder: String?, force: Bool) throws {
        guard let folder, !force, FileManager.default.fileExists(atPath: url(in: folder).path) else { return }
        throw OutputError(description: "\(url(in: folder).path) exists; use --force to overwrite it")
    }

    /// Writes the page to a temporary name and moves it into place.
    static func write(_ html: String, in folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: url(in: folder), options: .atomic)
        } catch {
            throw OutputError(description: "cannot write \(url(in: folder).path): \(error.localizedDescription)")
        }
    }
}
