import Foundation

/// GLPK's stand-alone solver, from Debian's glpk-utils (which the README's test command
/// installs), to check that an exported CPLEX LP file is read back to the same optimum.
public enum Glpsol {
    /// Where `glpsol` is installed; nil when it is not (tests that need it are then skipped).
    public static let path: URL? = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].map { URL(fileURLWithPath: $0) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// The skip reason shown when `glpsol` is missing.
    public static let missing = "glpsol not installed: apt-get install -y glpk-utils"

    /// Solves the CPLEX LP file at `lpFile` and returns the objective glpsol reports (its
    /// report's line "Objective:  obj = 29.5 (MINimum)").
    public static func objective(of lpFile: URL) throws -> Double {
        guard let path else { throw TestSupportError("glpsol is not installed") }
        let report = lpFile.deletingPathExtension().appendingPathExtension("glpsol.txt")
        defer { try? FileManager.default.removeItem(at: report) }
        let run = try ProcessRun.run(path, ["--lp", lpFile.path, "-o", report.path])
        guard run.status == 0 else {
            throw TestSupportError("glpsol ended with \(run.status): \(run.output)\(run.errors)")
        }
        let text = try String(contentsOf: report, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
            let value = line.split(separator: "=").last?.split(separator: " ").first.flatMap({ Double($0) })
        else { throw TestSupportError("glpsol's report has no objective line: \(text.prefix(500))") }
        return value
    }
}
