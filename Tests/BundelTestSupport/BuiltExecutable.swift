import Foundation

/// The built `bundel` executable beside the test bundle, for tests that need a process of
/// their own (signals, per-process hashing); nil when the build made none.
enum BuiltExecutable {
    static let bundel: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bundel")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()
}
