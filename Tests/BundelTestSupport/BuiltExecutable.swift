import Foundation

/// The built `bundel` executable beside the test bundle, for tests that need a process of
/// their own (signals, per-process hashing, what the command prints); nil when the build made
/// none.
public enum BuiltExecutable {
    public static let bundel: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("bundel")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    /// The skip reason shown when the executable is missing.
    public static let missing = "the bundel executable was not built beside the tests; run `swift build` first"
}
