import Foundation
import Testing

/// The repository's root folder: this file is `Tests/BundelPlannerTests/NetworkGeneratorTests.swift`.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `python3` on the PATH, when there is one (the generators are Python 3 scripts).
private let python3: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()

/// Every ready network is written by a seeded `generate.py` (Python 3 standard library only):
/// two runs must give the same bytes, and those bytes must be the committed CSV files, so that
/// nobody edits a generated table by hand or changes a generator without regenerating.
@Suite("Network generators")
struct NetworkGeneratorTests {
    /// Each network folder and the CSV files its generator writes.
    static let generators: [(network: String, files: [String])] = [
        ("amsterdam-campuses", ["flows.csv", "sites.csv", "suppliers.csv"]),
        ("cordaan", ["flows.csv", "sites.csv", "suppliers.csv"]),
        ("zuidas", ["flows.csv", "sites.csv", "suppliers.csv"]),
    ]

    @Test(
        "generate.py writes the same bytes twice, equal to the committed files",
        .enabled(if: python3 != nil, "python3 is not on the PATH; the network generators are Python 3 scripts"),
        arguments: generators.map(\.network))
    func generatorIsDeterministic(network: String) throws {
        let folder = repositoryRoot.appendingPathComponent("networks").appendingPathComponent(network)
        let expected = Self.generators.first { $0.network == network }!.files
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bundel-generator-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }

        var runs: [[String: Data]] = []
        for run in 0..<2 {
            let output = scratch.appendingPathComponent("run\(run)")
            let (status, errors) = try generate(folder.appendingPathComponent("generate.py"), into: output)
            try #require(status == 0, "networks/\(network)/generate.py failed (exit \(status)): \(errors)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
                files[name] = try Data(contentsOf: output.appendingPathComponent(name))
            }
            runs.append(files)
        }
        #expect(runs[0].keys.sorted() == expected, "files written: \(runs[0].keys.sorted())")
        #expect(runs[1].keys.sorted() == expected)
        for name in expected {
            let first = try #require(runs[0][name])
            #expect(!first.isEmpty, "\(network)/\(name) is empty")
            #expect(runs[1][name] == first, "networks/\(network)/\(name) differs between two runs of generate.py")
            let committed = try? Data(contentsOf: folder.appendingPathComponent(name))
            #expect(
                committed == first,
                "networks/\(network)/\(name) is not what generate.py writes; run the generator again")
        }
    }

    /// The speed benchmark's synthetic network (`benchmarks/generate-network.py`) is not
    /// committed, but the same seed must give the same network, and its sizes are as asked.
    @Test(.enabled(if: python3 != nil, "python3 is not on the PATH; the benchmark generator is a Python 3 script"))
    func benchmarkNetworkGeneratorIsDeterministic() throws {
        let script = repositoryRoot.appendingPathComponent("benchmarks/generate-network.py")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bundel-benchmark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var runs: [[String: Data]] = []
        for run in 0..<2 {
            let output = scratch.appendingPathComponent("run\(run)")
            let (status, errors) = try generate(
                script, into: output, options: ["--sites", "50", "--suppliers", "6", "--flows", "120", "--seed", "3"])
            try #require(status == 0, "benchmarks/generate-network.py failed (exit \(status)): \(errors)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
                files[name] = try Data(contentsOf: output.appendingPathComponent(name))
            }
            runs.append(files)
        }
        #expect(runs[0] == runs[1])
        let lines = { (name: String) in
            String(decoding: runs[0][name] ?? Data(), as: UTF8.self).split(separator: "\n").count - 1
        }
        #expect(lines("sites.csv") == 50 && lines("suppliers.csv") == 6 && lines("flows.csv") == 120)
    }

    /// Runs `python3 SCRIPT OUTPUT [OPTIONS]` and returns its exit status and standard error.
    private func generate(_ script: URL, into output: URL, options: [String] = []) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = python3
        process.arguments = [script.path, output.path] + options
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }
}
