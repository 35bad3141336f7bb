import ArgumentParser
import BundelRouting
import Foundation
import Synchronization

/// `bundel bench`: the routing engine on benchmark instances, with gaps to the best known.
struct BenchCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Solve benchmark instances (VRPLIB .vrp files or folders of them) and report gaps to best-known values.",
        discussion: """
            Each run is single-threaded; --jobs runs several instances side by side. Distances follow each \
            set's convention: nint Euclidean for CVRP, one-decimal truncation for CVRPTW (as bks.csv uses).
            A folder written by `bundel plan --export-problems` (VROOM .json problems, each with its \
            NAME.solution.json) is solved problem by problem, and the gap is to the solution the plan found \
            for it, not to a best-known value.
            """
    )

    @Argument(help: "Instance files or folders holding .vrp files, or folders of exported day problems (.json).")
    var paths: [String]

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds per instance.", valueName: "seconds"))
    var timeLimit: Double = 10

    @Option(
        name: .customLong("time-per-node"),
        help: ArgumentHelp("Seconds per node instead (0.1 gives n/10 s).", valueName: "seconds"))
    var timePerNode: Double?

    @Option(help: "Runs per instance, with seeds 1...K.")
    var seeds: Int = 1

    @Option(
        help: ArgumentHelp("A bks.csv with best-known values (default: found beside the instances).", valueName: "file")
    )
    var bks: String?

    @Option(help: "Only the first N instances (ordered by size, then name).")
    var limit: Int?

    @Option(help: "Instances solved at the same time (each single-threaded).")
    var jobs: Int = 1

    @Flag(help: "Print CSV rows instead of a table.")
    var csv = false

    @Flag(
        name: .customLong("vehicles-from-name"),
        help:
            "Limit the fleet to the k of names like E-n30-k3 when the file gives no VEHICLES (the convention of the A, B, E, P optima)."
    )
    var vehiclesFromName = false

    func validate() throws {
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be greater than 0") }
        if let timePerNode, !(timePerNode.isFinite && timePerNode > 0) {
            throw ValidationError("--time-per-node must be greater than 0")
        }
        if seeds < 1 || jobs < 1 { throw ValidationError("--seeds and --jobs must be at least 1") }
    }

    func execute() throws {
        var files = try InstanceFiles.list(paths) { $0.hasSuffix(".vrp") || BenchmarkRun.isProblemJSON($0) }
        if let limit { files = Array(files.prefix(limit)) }
        guard !files.isEmpty else {
            printError("error: no .vrp or exported .json problem files found")
            throw ExitCodes.inputError
        }
        // The two kinds have different references (a best-known value against a plan's own
        // solution), so one table holds one kind.
        let exported = files.allSatisfy(BenchmarkRun.isProblemJSON)
        guard exported || !files.contains(where: BenchmarkRun.isProblemJSON) else {
            printError(
                "error: give either benchmark instances (.vrp) or exported day problems (.json), not both in one run")
            throw ExitCodes.inputError
        }
        let bksPath = exported ? nil : bks ?? files.lazy.compactMap { BestKnownSolutions.find(near: $0) }.first
        let tasks = files.flatMap { file in (1...seeds).map { (file, UInt64($0)) } }

        let header =
            exported
            ? (csv
                ? "problem,jobs,seed,cost,plan_cost,gap_to_plan_pct,routes,seconds,feasible"
                : BenchmarkRun.exportedTableHeader)
            : (csv ? "instance,nodes,seed,cost,bks,gap_pct,routes,seconds,feasible" : BenchmarkRun.tableHeader)
        FileHandle.standardOutput.write(Data((header + "\n").utf8))
        let results = Mutex<[Int: BenchmarkRun]>([:])
        let failures = Mutex<[String]>([])
        let perNode = timePerNode, fixed = timeLimit, asCSV = csv, limitFleet = vehiclesFromName
        ConcurrentRuns.perform(tasks.count, workers: jobs) { index in
            let (file, seed) = tasks[index]
            do {
                let run: BenchmarkRun
                if exported {
                    // Nodes as in CVRP names: the jobs and the depot.
                    let seconds =
                        try perNode.map { $0 * Double(try VROOMProblem.read(path: file).problem.jobs.count + 1) }
                        ?? fixed
                    run = try BenchmarkRun.solveExported(path: file, seconds: seconds, seed: seed)
                } else {
                    let nodes = Double(Self.nodeCount(file) ?? 100)
                    let seconds = perNode.map { $0 * nodes } ?? fixed
                    run = try BenchmarkRun.solve(
                        path: file, seconds: seconds, seed: seed, bksPath: bksPath, vehiclesFromName: limitFleet)
                }
                results.withLock { $0[index] = run }
                let line = asCSV ? Self.csvRow(run) : run.tableRow
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            } catch {
                failures.withLock { $0.append("\(file): \(error)") }
            }
        }
        for failure in failures.withLock({ $0 }) { printError("error: \(failure)") }
        let runs = results.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        let gaps = runs.compactMap(\.gapPercent)
        let meanGap = gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count)
        let optimal = runs.filter { $0.provenOptimal && ($0.gapPercent ?? 1) <= 1e-9 }.count
        let infeasible = runs.filter { !$0.feasible }.count
        let recombined = runs.filter(\.setPartitioningImproved).count
        let searchSeconds = "\(String(format: "%.0f", runs.map(\.seconds).reduce(0, +))) s of search"
        var summary =
            "summary: \(runs.count) runs, mean gap \(meanGap.map { String(format: "%.2f %%", $0) } ?? "-"), "
            + "\(optimal) at the proven optimum, \(infeasible) infeasible, set partitioning improved \(recombined), "
            + searchSeconds
        if exported {
            let compared = runs.filter { $0.bestKnown != nil }
            // A cent either way is the same solution: costs are sums of euros with many decimals.
            let better = compared.filter { $0.cost < $0.bestKnown! - 0.005 }.count
            let worse = compared.filter { $0.cost > $0.bestKnown! + 0.005 }.count
            summary =
                "summary: \(runs.count) runs, mean gap to the plan's solutions \(meanGap.map { String(format: "%.2f %%", $0) } ?? "-") "
                + "(negative: cheaper than the plan), cheaper in \(better), equal in \(compared.count - better - worse), dearer in \(worse); "
                + "cost \(String(format: "%.2f", compared.map(\.cost).reduce(0, +))) against the plan's "
                + "\(String(format: "%.2f", compared.compactMap(\.bestKnown).reduce(0, +))); \(infeasible) infeasible, "
                + "set partitioning improved \(recombined), " + searchSeconds
        }
        FileHandle.standardOutput.write(Data(((csv ? "# " + summary : summary) + "\n").utf8))
        if !failures.withLock({ $0 }).isEmpty { throw ExitCodes.inputError }
    }

    static func csvRow(_ run: BenchmarkRun) -> String {
        [
            run.instance, String(run.nodes), String(run.seed), String(run.cost), run.bestKnown.map { String($0) } ?? "",
            run.gapPercent.map { String(format: "%.3f", $0) } ?? "", String(run.vehicles),
            String(format: "%.2f", run.seconds),
            run.feasible ? "yes" : "no",
        ].joined(separator: ",")
    }

    /// The node count from a CVRPLIB name (`X-n101-k25` → 101), for ordering and n/10 limits.
    static func nodeCount(_ file: String) -> Int? {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let range = name.range(of: #"-n(\d+)"#, options: .regularExpression) else { return nil }
        return Int(name[range].dropFirst(2))
    }

    static func size(of file: String) -> Int { nodeCount(file) ?? 0 }
}
