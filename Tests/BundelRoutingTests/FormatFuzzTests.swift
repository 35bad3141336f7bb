import BundelFuzzSupport
import BundelRouting
import Foundation
import Testing

/// Fuzz tests of the benchmark and VROOM readers: damaged versions of the small fixtures must
/// each load into a consistent problem or be refused with a `RoutingError` that names the file
/// (any other error fails the test), never stop the
/// process. 600 inputs per reader by default (`BUNDEL_FUZZ_ITERATIONS` for long runs).
@Suite struct FormatFuzzTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let iterations = FuzzRun.iterations(default: 600)

    static func seed(_ path: String) throws -> (name: String, content: [UInt8]) {
        let url = fixtures.appendingPathComponent(path)
        return (url.lastPathComponent, Array(try Data(contentsOf: url)))
    }

    /// Checks a fuzz run: at least some inputs loaded and some were refused (else the mutations
    /// or the seeds are wrong), and nothing else happened.
    static func check(_ run: FuzzRun) {
        print(run.summary)
        #expect(run.failures.isEmpty, "\(run.failures.prefix(3).map(\.description).joined(separator: "\n"))")
        #expect(run.loaded > 0 && run.refused > 0, "\(run.summary)")
    }

    /// A refusal is a `RoutingError` whose message names the damaged file.
    static func refusal(_ error: any Error, _ file: String) throws -> FuzzRun.Outcome {
        try FuzzRun.refusal(error, expected: RoutingError.self) { error in
            error.message.contains(file) ? nil : "the message does not name \(file)"
        }
    }

    /// A loaded instance is consistent: one location per node, the depot first.
    static func checkInstance(_ instance: VRPLIBInstance) throws -> FuzzRun.Outcome {
        let problem = instance.problem
        guard problem.profiles.count == 1, problem.profiles[0].size == instance.nodeCount,
            problem.jobs.enumerated().allSatisfy({ $0.element.location == $0.offset + 1 }),
            problem.vehicleTypes.count == 1
        else {
            throw FuzzViolation("inconsistent instance: \(instance.nodeCount) nodes, \(problem.jobs.count) jobs")
        }
        return .loaded
    }

    @Test func vrplibInstances() throws {
        let run = try FuzzRun.run(
            "vrplib", seeds: [try Self.seed("tiny-cvrp.vrp"), try Self.seed("tiny-vrptw.vrp")],
            iterations: Self.iterations, seed: 1
        ) { folder, file in
            let instance: VRPLIBInstance
            do { instance = try VRPLIBInstance.read(anyFormat: folder.appendingPathComponent(file).path) } catch {
                return try Self.refusal(error, file)
            }
            return try Self.checkInstance(instance)
        }
        Self.check(run)
    }

    @Test func solomonInstances() throws {
        let run = try FuzzRun.run(
            "solomon", seeds: [try Self.seed("tiny-solomon.txt")], iterations: Self.iterations, seed: 2
        ) { folder, file in
            let instance: VRPLIBInstance
            do { instance = try VRPLIBInstance.read(anyFormat: folder.appendingPathComponent(file).path) } catch {
                return try Self.refusal(error, file)
            }
            return try Self.checkInstance(instance)
        }
        Self.check(run)
    }

    @Test func vroomProblems() throws {
        let run = try FuzzRun.run(
            "vroom", seeds: [try Self.seed("tiny-vroom.json")], iterations: Self.iterations, seed: 3
        ) { folder, file in
            let read: VROOMProblem
            do { read = try VROOMProblem.read(path: folder.appendingPathComponent(file).path) } catch {
                return try Self.refusal(error, file)
            }
            guard read.jobIds.count == read.problem.jobs.count, read.vehicleIds.count == read.problem.vehicleTypes.count
            else {
                throw FuzzViolation("\(read.jobIds.count) job ids for \(read.problem.jobs.count) jobs")
            }
            return .loaded
        }
        Self.check(run)
    }

    @Test func cvrplibSolutions() throws {
        let run = try FuzzRun.run(
            "cvrplib-solution", seeds: [try Self.seed("fuzz-corpus/tiny-cvrp.sol")],
            iterations: Self.iterations, seed: 4
        ) { folder, file in
            let solution: CVRPLIBSolution
            do { solution = try CVRPLIBSolution.read(path: folder.appendingPathComponent(file).path) } catch {
                return try Self.refusal(error, file)
            }
            // Written out and read back, the routes are the same.
            let again = folder.appendingPathComponent("again.sol")
            try solution.text(convention: .roundedEuclidean).write(to: again, atomically: true, encoding: .utf8)
            guard try CVRPLIBSolution.read(path: again.path).routes == solution.routes,
                solution.routes.allSatisfy({ $0.allSatisfy { $0 >= 0 } })
            else {
                throw FuzzViolation("routes \(solution.routes) do not survive writing and reading")
            }
            return .loaded
        }
        Self.check(run)
    }

    /// Every input that once stopped a reader, kept under `Fixtures/fuzz-regressions/`: each
    /// must now be refused with a `RoutingError` (a crash would end the test run here).
    @Test func fuzzRegressionsAreRefused() throws {
        let folder = Self.fixtures.appendingPathComponent("fuzz-regressions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            !$0.hasPrefix(".") && $0 != "README.md"
        }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let error = #expect(throws: RoutingError.self, "\(file)") {
                switch (file as NSString).pathExtension {
                case "json": _ = try VROOMProblem.read(path: path)
                case "sol": _ = try CVRPLIBSolution.read(path: path)
                default: _ = try VRPLIBInstance.read(anyFormat: path)
                }
            }
            // The message names the file, so that a user can find what to fix.
            #expect(error?.message.hasPrefix(path) == true, "\(file): \(error?.message ?? "")")
        }
    }
}
