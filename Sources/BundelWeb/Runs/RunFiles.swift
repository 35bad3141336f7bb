import Foundation

/// The files a run leaves in `runs/ID`, each offered for download by its bare name.
public enum RunFiles {
    /// What `bundel` printed on standard output: the JSON summary of a plan or comparison.
    public static let summary = "summary.json"
    /// What it printed on standard error: progress lines and, on failure, the error.
    public static let log = "log.txt"

    /// Every file of a run by download name: the summary, the log, report.html and each file
    /// of `--out`. Names are bare file names the server listed itself; a request picks one of them,
    /// it never names a path.
    public static func list(_ folder: URL) -> [(name: String, url: URL)] {
        var files: [(String, URL)] = []
        for name in [summary, log] {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { files.append((name, url)) }
        }
        for sub in ["report", "out"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path))
            for name in (names ?? []).sorted() where !name.hasPrefix(".") {
                files.append((name, folder.appendingPathComponent(sub).appendingPathComponent(name)))
            }
        }
        return files
    }

    /// The last `count` non-empty lines of a text file, for a failed run's message.
    static func lastLines(of url: URL, count: Int) -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let lines = String(decoding: data.suffix(4096), as: UTF8.self).split(separator: "\n").map(String.init)
        return Array(lines.suffix(count))
    }
}
