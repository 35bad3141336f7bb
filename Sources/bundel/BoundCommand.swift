import ArgumentParser
import BundelRouting
import Foundation
import Synchronization

/// `bundel bound`: proven lower bounds on benchmark instances, measured against their optima.
struct BoundCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "bound",
        abstract:
            "Prove lower bounds on benchmark instances (VRPLIB .vrp, Solomon .txt, or folders of them) and report their gaps to the best-known values.",
        discussion: """
            The bound is the capacity-cut relaxation that `solve --bound` and `plan --bound` use (GLPK; \
            exact branch and cut up to \(RouteLowerBound.exactJobLimit) jobs). The gap is (best known - bound) / \
            best known; a bound above a proven optimum would be a bug and is flagged ABOVE, and the command \
            then exits with status 70. Time windows are not part of the relaxation, so on VRPTW sets the \
            bound is the capacitated one.
            """
    )

    @Argument(help: "Instance files or folders holding them.")
    var paths: [String]

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds per instance.", valueName: "seconds"))
    var timeLimit: Double = 30

    @Option(
        help: ArgumentHelp("A bks.csv with best-known values (default: found beside the instances).", valueName: "file")
    )
    var bks: String?

    @Option(help: "Only the first N instances (ordered by size, then name).")
    var limit: Int?

    @Option(help: "Instances bounded at the same time (each single-threaded; GLPK keeps an environment per thread).")
    var jobs: Int = 1

    @Flag(help: "Print CSV rows instead of a table.")
    var csv = false

    @Flag(
        name: .customLong("vehicles-from-name"),
        help:
            "Limit the fleet to the k of names like E-n30-k3 when the file gives no VEHICLES (the convention of the A, B, E, P optima); the bound then counts at most k routes."
    )
    var vehiclesFromName = false

    func validate() throws {
        if !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func execute() throws {
        var files = try InstanceFiles.list(paths) { $0.hasSuffix(".vrp") || $0.lowercased().hasSuffix(".txt") }
        if let limit { files = Array(files.prefix(limit)) }
        guard !files.isEmpty else {
            printError("error: no instance files found")
            throw ExitCodes.inputError
        }
        let bksPath = bks ?? files.lazy.compactMap { BestKnownSolutions.find(near: $0) }.first
        let known = try bksPath.map { try BestKnownSolutions.read(path: $0).entries } ?? [:]

        print(
            csv
                ? "instance,nodes,bound,bks,optimal,gap_pct,method,cuts,seconds"
                : "instance            nodes       bound         bks    gap %  method                  cuts   time s")
        // Every instance is read first, so that a file that cannot be read stops the run
        // before any bound is computed.
        let instances = try files.map { try BenchmarkRun.read($0, vehiclesFromName: vehiclesFromName) }
        let stems = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        let bounds = Mutex<[Int: RouteLowerBound?]>([:])
        let failures = Mutex<[String]>([])
        let seconds = timeLimit, asCSV = csv
        ConcurrentRuns.perform(files.count, workers: jobs) { index in
            do {
                let bound = try RouteLowerBound.compute(
                    for: instances[index].problem, measure: .cost, timeLimitSeconds: seconds)
                bounds.withLock { $0[index] = bound }
                print(
                    Self.row(
                        stems[index], nodes: instances[index].nodeCount, bound: bound, entry: known[stems[index]],
                        csv: asCSV))
            } catch {
                failures.withLock { $0.append("\(stems[index]): \(error)") }
            }
        }
        for failure in failures.withLock({ $0 }) { printError("error: \(failure)") }
        var gaps: [Double] = [], above: [String] = [], spent = 0.0, exact = 0
        for (index, bound) in bounds.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            let stem = stems[index]
            if let gap = Self.gap(bound, known[stem]) { gaps.append(gap) }
            if Self.isAbove(bound, known[stem]) { above.append(stem) }
            spent += bound?.seconds ?? 0
            if bound?.method == .exact { exact += 1 }
        }
        let mean = gaps.isEmpty ? "-" : String(format: "%.2f %%", gaps.reduce(0, +) / Double(gaps.count))
        let worst = gaps.max().map { String(format: "%.2f %%", $0) } ?? "-"
        let summary =
            "summary: \(files.count) instances, mean gap of the bound to the best known \(mean), largest \(worst), "
            + "\(exact) exact, \(above.count) above the best known, \(String(format: "%.0f", spent)) s"
        print(csv ? "# " + summary : summary)
        if !above.isEmpty {
            printError("error: the bound exceeds the best-known value on " + above.joined(separator: ", "))
            throw ExitCodes.internalError
        }
        if !failures.withLock({ $0.isEmpty }) { throw ExitCodes.internalError }
    }

    /// The gap of a bound to the best-known value, in percent of that value.
    static func gap(_ bound: RouteLowerBound?, _ entry: BestKnownSolutions.Entry?) -> Double? {
        guard let bound, let entry else { return nil }
        return GapPercent.of(bound: bound.value, below: entry.value) ?? 0
    }

    /// Whether a bound exceeds the best-known value (beyond rounding): a bug if that value is optimal.
    static func isAbove(_ bound: RouteLowerBound?, _ entry: BestKnownSolutions.Entry?) -> Bool {
        guard let bound, let entry else { return false }
        return bound.value > entry.value + 1e-6 * max(1, entry.value)
    }

    /// One instance's line of the table (or CSV row).
    static func row(
        _ stem: String, nodes: Int, bound: RouteLowerBound?, entry: BestKnownSolutions.Entry?, csv: Bool
    ) -> String {
        let boundText = bound.map { String(format: "%.2f", $0.value) } ?? "-"
        let bksText = entry.map { String(format: "%.1f", $0.value) } ?? "-"
        let gapText = gap(bound, entry).map { String(format: "%.2f", $0) } ?? "-"
        let method = bound.map { $0.method.rawValue + ($0.complete ? "" : " (cut)") } ?? "none"
        if csv {
            return [
                stem, String(nodes), boundText, bksText, entry?.provenOptimal == true ? "yes" : "no", gapText, method,
                String(bound?.cuts ?? 0), String(format: "%.2f", bound?.seconds ?? 0),
            ].joined(separator: ",")
        }
        let cuts: String = BenchmarkRun.pad(String(bound?.cuts ?? 0), 8)
        let time: String = BenchmarkRun.pad(String(format: "%.1f", bound?.seconds ?? 0), 9)
        let flag = isAbove(bound, entry) ? "  ABOVE" : ""
        let figures: String =
            BenchmarkRun.pad(boundText, 12) + BenchmarkRun.pad(bksText, 12) + BenchmarkRun.pad(gapText, 9)
        return BenchmarkRun.pad(stem, 18, left: true) + BenchmarkRun.pad(String(nodes), 7) + figures + "  "
            + BenchmarkRun.pad(method, 20, left: true) + cuts + time + flag
    }
}
