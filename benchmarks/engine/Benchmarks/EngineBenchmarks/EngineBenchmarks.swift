import Benchmark
import BundelRouting
import Foundation

/// The routing engine on fixed instances of the shared benchmark sets, seed 1, without the
/// set-partitioning step (GLPK's time limit would make the work depend on the clock):
///
/// - `INSTANCE construction`: the solve with 0 iterations: the first solution (savings),
///   the route evaluations and the result; what every solve pays once.
/// - `INSTANCE search`: the solve with 1,000 ruin-and-recreate iterations, reported per
///   iteration (scaling factor 1,000: wall clock and mallocs per iteration, throughput in
///   iterations per second), construction included. Allocations of the search loop alone per
///   iteration: (search × 1,000 − construction) / 1,000; benchmarks/engine/per-iteration.sh
///   prints them from a stored baseline.
///
/// Instances come from `../shared/benchmarks` beside the repository (or `BUNDEL_SHARED`);
/// without them no benchmark is registered and a note says why.
let benchmarks: @Sendable () -> Void = {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let shared = ProcessInfo.processInfo.environment["BUNDEL_SHARED"].map { URL(fileURLWithPath: $0) }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared")
    let instances = [
        "cvrp/X/X-n261-k13.vrp",
        "vrptw/solomon/R101.vrp",
        "vrptw/solomon/C201.vrp",
    ]

    // Allocation counts are exact for a fixed seed and iteration count; time is noisy on a
    // shared machine (compare speed side by side with benchmarks/engine-speed.sh instead).
    let timing = BenchmarkThresholds(relative: [.p50: 25.0])
    let counts = BenchmarkThresholds(relative: [.p50: 2.0])
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .mallocBytesCount, .peakMemoryResident]
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: timing, .throughput: timing,
        .mallocCountTotal: counts, .mallocBytesCount: counts,
        .peakMemoryResident: BenchmarkThresholds(relative: [.p50: 10.0]),
    ]

    // Fixed units, so that per-iteration.sh can read the tables: counts in ones, time in µs.
    Benchmark.defaultConfiguration.timeUnits = .microseconds
    Benchmark.defaultConfiguration.units = [.mallocCountTotal: .count, .mallocBytesCount: .count]

    for relativePath in instances {
        let path = shared.appendingPathComponent("benchmarks").appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else {
            FileHandle.standardError.write(Data("EngineBenchmarks: skipped \(relativePath): \(path) not found (set BUNDEL_SHARED)\n".utf8))
            continue
        }
        let problem: RoutingProblem
        do {
            problem = try VRPLIBInstance.read(anyFormat: path).problem
        } catch {
            fatalError("EngineBenchmarks: cannot read \(path): \(error)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent

        Benchmark("\(name) construction",
                  configuration: .init(metrics: metrics, maxDuration: .seconds(2), maxIterations: 10,
                                       thresholds: thresholds)) { _ in
            let parameters = SearchParameters(seed: 1, maxIterations: 0, timeLimitSeconds: 600, setPartitioning: false)
            blackHole(try? RoutingSolver.solve(problem, parameters: parameters))
        }

        Benchmark("\(name) search",
                  configuration: .init(metrics: metrics, scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 10,
                                       thresholds: thresholds)) { benchmark in
            let parameters = SearchParameters(seed: 1, maxIterations: benchmark.scaledIterations.count, timeLimitSeconds: 600,
                                              setPartitioning: false)
            let solution = try? RoutingSolver.solve(problem, parameters: parameters)
            precondition(solution?.statistics.iterations == benchmark.scaledIterations.count, "the search stopped early")
            blackHole(solution)
        }
    }
}
