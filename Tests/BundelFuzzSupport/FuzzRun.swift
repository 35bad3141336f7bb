import Foundation
import PropertyBased

/// A bounded, deterministic fuzz run of one reader: damaged versions of seed files are written
/// to a folder and handed to the reader by path, counting what loads and what is refused.
///
/// PropertyBased's `propertyCheck` draws a fresh random seed on every run and, with a fixed
/// seed, checks one case only; and a reader that traps kills the whole test process before the
/// checker could report or shrink anything. So the run drives PropertyBased's generators with
/// its seeded `Xoshiro` itself, and writes each input to disk before reading it: after a crash
/// the folder holds the input that caused it (see `current.txt` there).
public struct FuzzRun {
    /// What a reader did with one input.
    public enum Outcome: Sendable { case loaded, refused }

    /// An input that the reader neither loaded consistently nor refused with its own error.
    public struct Failure: Sendable, CustomStringConvertible {
        public let file: String
        public let iteration: Int
        public let input: [UInt8]
        public let message: String
        public var description: String {
            "iteration \(iteration), \(file): \(message)\n--- input ---\n\(String(decoding: input, as: UTF8.self))"
        }
    }

    /// Seconds one input may take before it counts as a failure.
    public static let slowInputSeconds = 10.0

    public let name: String
    public private(set) var loaded = 0
    public private(set) var refused = 0
    public private(set) var failures: [Failure] = []
    public private(set) var seconds = 0.0

    /// Inputs per reader: `BUNDEL_FUZZ_ITERATIONS` when set (for long runs), else `fallback`.
    public static func iterations(default fallback: Int) -> Int {
        ProcessInfo.processInfo.environment["BUNDEL_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? fallback
    }

    /// Runs `iterations` inputs. The seed files (name and content) are written to a fresh folder
    /// named after the run; each iteration damages one of the files named in `mutate`, calls
    /// `read` with the folder and that file's name, and restores the file. `read` returns the
    /// outcome, or throws anything else it met (a foreign error, an inconsistent result).
    public static func run(
        _ name: String, seeds: [(name: String, content: [UInt8])], mutate: [String]? = nil,
        iterations: Int, seed: UInt64,
        read: (_ folder: URL, _ file: String) throws -> Outcome
    ) throws -> FuzzRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-fuzz/\(name)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in seeds { try Data(file.content).write(to: folder.appendingPathComponent(file.name)) }
        let targets = seeds.filter { mutate?.contains($0.name) ?? true }
        let generators = targets.map { InputMutator.generator(for: $0.content) }
        // The same seed gives the same inputs on every machine and run.
        // `BUNDEL_FUZZ_SEED` shifts every run's seed, for long runs that look elsewhere.
        let shift = ProcessInfo.processInfo.environment["BUNDEL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0
        var rng = Xoshiro(
            seed: (seed &+ shift &* 1000, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        var run = FuzzRun(name: name)
        let start = Date()
        for iteration in 0..<iterations {
            let pick = Int.random(in: targets.indices, using: &rng)
            let input = generators[pick].run(using: &rng)
            let url = folder.appendingPathComponent(targets[pick].name)
            try Data(input).write(to: url)
            try Data("iteration \(iteration), seed \(seed) + \(shift) x 1000: \(targets[pick].name)\n".utf8)
                .write(to: folder.appendingPathComponent("current.txt"))
            let began = Date()
            do {
                let outcome = try read(folder, targets[pick].name)
                // Inputs are a few kilobytes; one that takes this long points at a loop or an
                // allocation sized by the input, the hang a clock-free run cannot otherwise see.
                let took = Date().timeIntervalSince(began)
                if took > slowInputSeconds {
                    throw FuzzViolation(String(format: "took %.1f s (a loop or allocation sized by the input?)", took))
                }
                switch outcome {
                case .loaded: run.loaded += 1
                case .refused: run.refused += 1
                }
            } catch {
                run.failures.append(
                    Failure(file: targets[pick].name, iteration: iteration, input: input, message: "\(error)"))
            }
            try Data(targets[pick].content).write(to: url)
        }
        run.seconds = Date().timeIntervalSince(start)
        try? FileManager.default.removeItem(at: folder)
        return run
    }

    /// One line for the test log: inputs, how many loaded, time.
    public var summary: String {
        "fuzz \(name): \(loaded + refused + failures.count) inputs, \(loaded) loaded, \(refused) refused, \(failures.count) failures, "
            + String(format: "%.1f s", seconds)
    }
}
