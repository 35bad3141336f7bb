import Foundation

/// GNU parallel (Debian package `parallel`) running an `--emit-jobs` folder's manifest as a batch
/// engine would: each line of `jobs.txt` from the folder, with the built `bundel` on the PATH.
public enum GNUParallel {
    /// Whether `parallel` is on the PATH, and the message of a test that needs it.
    public static var installed: Bool { ProcessRun.onPath("parallel") != nil }
    public static let missing = "GNU parallel is not installed (apt install parallel)"

    /// Runs every line of `jobs/jobs.txt`, stopping at the first that fails.
    public static func runJobs(in jobs: URL) throws -> ProcessRun {
        guard let parallel = ProcessRun.onPath("parallel") else { throw TestSupportError(missing) }
        guard let bundel = BuiltExecutable.bundel else { throw TestSupportError(BuiltExecutable.missing) }
        let bin = bundel.deletingLastPathComponent().path
        return try ProcessRun.run(
            parallel, ["--will-cite", "--halt", "now,fail=1", "-a", "jobs.txt"],
            environment: ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")],
            currentDirectory: jobs)
    }
}
