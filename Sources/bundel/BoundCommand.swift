import ArgumentParser
import BundelRouting
import Foundation

/// `bundel bound`: proven lower bounds on benchmark instances, measured against their optima.
struct BoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bound",
        abstract: "Prove lower bounds on benchmark instances (VRPLIB .vrp, Solomon .txt, or folders of them) and report their gaps to the best-known values.",
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

    @Option(help: ArgumentHelp("A bks.csv with best-known values (default: found beside the instances).", valueName: "file"))
    var bks: String?

    @Option(help: "Only the first N instances (ordered by size, then name).")
    var limit: Int?

    @Flag(help: "Print CSV rows instead of a table.")
    var csv = false

    @Flag(name: .customLong("vehicles-from-name"), help: "Limit the fleet to the k of names like E-n30-k3 when the file gives no VEHICLES (the convention of the A, B, E, P optima); the bound then counts at most k routes.")
    var vehiclesFromName = false

    func validate() throws {
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a number of seconds greater than 0") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        var files = try InstanceFiles.list(paths) { $0.hasSuffix(".vrp") || $0.lowercased().hasSuffix(".txt") }
        if let limit { files = Array(files.prefix(limit)) }
        guard !files.isEmpty else { printError("error: no instance files found"); throw ExitCodes.inputError }
        let bksPath = bks ?? files.lazy.compactMap { BestKnownSolutions.find(near: $0) }.first
        let known = try bksPath.map { try BestKnownSolutions.read(path: $0).entries } ?? [:]

        print(csv ? "instance,nodes,bound,bks,optimal,gap_pct,method,cuts,seconds"
                  : "instance            nodes       bound         bks    gap %  method                  cuts   time s")
        var gaps: [Double] = [], above: [String] = [], seconds = 0.0, exact = 0
        for file in files {
            let instance = try BenchmarkRun.read(file, vehiclesFromName: vehiclesFromName)
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let bound = try RouteLowerBound.compute(for: instance.problem, measure: .cost, timeLimitSeconds: timeLimit)
            let entry = known[stem]
            var gap: Double?
            if let bound, let entry { gap = entry.value > 0 ? 100 * (entry.value - bound.value) / entry.value : 0 }
            if let gap { gaps.append(gap) }
            if let bound, let entry, bound.value > entry.value + 1e-6 * max(1, entry.value) { above.append(stem) }
            seconds += bound?.seconds ?? 0
            if bound?.method == .exact { exact += 1 }
            let boundText = bound.map { String(format: "%.2f", $0.value) } ?? "-"
            let bksText = entry.map { String(format: "%.1f", $0.value) } ?? "-"
            let gapText = gap.map { String(format: "%.2f", $0) } ?? "-"
            let method = bound.map { $0.method.rawValue + ($0.complete ? "" : " (cut)") } ?? "none"
            if csv {
                print([stem, String(instance.nodeCount), boundText, bksText, entry?.provenOptimal == true ? "yes" : "no", gapText, method,
                       String(bound?.cuts ?? 0), String(format: "%.2f", bound?.seconds ?? 0)].joined(separator: ","))
            } else {
                let cuts: String = BenchmarkRun.pad(String(bound?.cuts ?? 0), 8)
                let time: String = BenchmarkRun.pad(String(format: "%.1f", bound?.seconds ?? 0), 9)
                let flag = above.last == stem ? "  ABOVE" : ""
                let figures: String = BenchmarkRun.pad(boundText, 12) + BenchmarkRun.pad(bksText, 12) + BenchmarkRun.pad(gapText, 9)
                print(BenchmarkRun.pad(stem, 18, left: true) + BenchmarkRun.pad(String(instance.nodeCount), 7) + figures + "  " + BenchmarkRun.pad(method, 20, left: true) + cuts + time + flag)
            }
        }
        let mean = gaps.isEmpty ? "-" : String(format: "%.2f %%", gaps.reduce(0, +) / Double(gaps.count))
        let worst = gaps.max().map { String(format: "%.2f %%", $0) } ?? "-"
        let summary = "summary: \(files.count) instances, mean gap of the bound to the best known \(mean), largest \(worst), "
            + "\(exact) exact, \(above.count) above the best known, \(String(format: "%.0f", seconds)) s"
        print(csv ? "# " + summary : summary)
        if !above.isEmpty {
            printError("error: the bound exceeds the best-known value on " + above.joined(separator: ", "))
            throw ExitCodes.internalError
        }
    }
}
