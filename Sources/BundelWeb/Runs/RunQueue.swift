import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the `bundel` executable, one child process per run, at most `concurrentRuns` at once;
/// further runs wait as `queued` in the database, so that they survive a restart.
///
/// A child process rather than a call into the planner: the files a run leaves are exactly what
/// the command line writes, a cancel is the command line's own Ctrl-C (SIGINT: it finishes a
/// complete plan and writes it, marked interrupted), and a plan that crashes cannot take the
/// server with it.
public actor RunQueue {
    let store: WebStore
    let bundel: URL
    let concurrentRuns: Int
    /// A run with no time limit of its own is stopped after this many seconds.
    let defaultTimeLimitSeconds: Double
    /// How far past its time limit a child may go before it gets SIGINT, and then SIGKILL.
    let watchdog: Watchdog
    /// GNU coreutils' env, which can reset a signal to its default before it starts a program.
    static let env = URL(fileURLWithPath: "/usr/bin/env")
    /// At most this many runs wait queued; past it a new run is refused (503).
    static let maximumQueued = 1000
    private var children: [Int64: Process] = [:]
    private var cancelled: Set<Int64> = []
    private var timedOut: Set<Int64> = []

    public init(
        store: WebStore, bundel: URL, concurrentRuns: Int, defaultTimeLimitSeconds: Double = 3600,
        watchdog: Watchdog = Watchdog()
    ) {
        self.store = store
        self.bundel = bundel
        self.concurrentRuns = max(1, concurrentRuns)
        self.defaultTimeLimitSeconds = defaultTimeLimitSeconds
        self.watchdog = watchdog
    }

    /// The command line keeps to its time limit itself (the bounds may take the limit again); the
    /// watchdog is for a child that hangs: past twice the limit and `graceSeconds` it gets SIGINT
    /// (a plan then writes what it has), and `killSeconds` later SIGKILL.
    public struct Watchdog: Sendable {
        public var graceSeconds: Double = 60
        public var killSeconds: Double = 15

        public init(graceSeconds: Double = 60, killSeconds: Double = 15) {
            self.graceSeconds = graceSeconds
            self.killSeconds = killSeconds
        }
    }

    /// Starts what the database holds as queued (runs queued before a restart among them).
    public func resume() {
        pump()
    }

    /// Queues a run of `kind` over stored scenarios and starts it when a core is free.
    public func submit(
        kind: RunKind, scenarios: [Int64], timeLimitSeconds: Double?, options: RunOptions = RunOptions()
    ) throws -> RunRecord {
        if kind == .compare, scenarios.count < 2 {
            throw APIError(.badRequest, "a compare run takes two or more scenarios")
        }
        if kind != .compare, scenarios.count != 1 {
            throw APIError(.badRequest, "a \(kind.rawValue) run takes exactly one scenario")
        }
        try RunOptionsCheck.check(options, for: kind)
        if let timeLimitSeconds, !(timeLimitSeconds.isFinite && timeLimitSeconds > 0 && timeLimitSeconds <= 86_400) {
            throw APIError(.badRequest, "timeLimitSeconds must be more than 0 and at most 86400")
        }
        for id in scenarios where try store.scenario(id) == nil { throw APIError.notFound("scenario \(id)") }
        guard FileManager.default.isExecutableFile(atPath: bundel.path) else {
            throw APIError(.serviceUnavailable, "the bundel executable is gone; no run can start until it is rebuilt")
        }
        guard try store.queuedRuns().count < Self.maximumQueued else {
            throw APIError(.serviceUnavailable, "\(Self.maximumQueued) runs are waiting already; try again later")
        }
        let run = try store.insert(
            RunRecord(
                id: nil, kind: kind, scenarioIds: scenarios.map(String.init).joined(separator: ","),
                timeLimitSeconds: timeLimitSeconds, status: .queued, createdAt: Timestamp.now(),
                options: options == RunOptions()
                    ? nil : String(decoding: try JSONEncoder().encode(options), as: UTF8.self)))
        pump()
        return run
    }

    /// Cancels a queued run at once, or asks a running one's child to stop (SIGINT); a run that has
    /// ended cannot be cancelled (409).
    public func cancel(_ id: Int64) throws -> RunRecord {
        guard let run = try store.run(id) else { throw APIError.notFound("run \(id)") }
        switch run.status {
        case .queued:
            return try store.changeRun(id) {
                $0.status = .cancelled
                $0.finishedAt = Timestamp.now()
                $0.message = "cancelled before it started"
            } ?? run
        case .running:
            cancelled.insert(id)
            children[id]?.interrupt()
            return run
        default:
            throw APIError(
                .conflict, "run \(id) has already ended (\(run.status.rawValue)); there is nothing to cancel")
        }
    }

    /// How many child processes run now.
    public var runningCount: Int { children.count }

    /// Asks every child to stop, for a server that is shutting down; their runs are marked
    /// interrupted when the server starts again, if they are not over by then.
    public func interruptAll() {
        for child in children.values { child.interrupt() }
    }

    /// Starts queued runs while fewer than `concurrentRuns` are running.
    private func pump() {
        guard children.count < concurrentRuns, let queued = try? store.queuedRuns() else { return }
        for run in queued.prefix(concurrentRuns - children.count) {
            guard let id = run.id else { continue }
            do {
                try launch(run, id: id)
            } catch {
                _ = try? store.changeRun(id) {
                    $0.status = .failed
                    $0.finishedAt = Timestamp.now()
                    $0.message = "could not start bundel: \(error.localizedDescription)"
                }
            }
        }
    }

    /// The command line of a run, every path one the server made from database ids.
    func arguments(_ run: RunRecord, folder: URL) throws -> [String] {
        let files = try run.scenarios.map { id in
            guard try store.scenario(id) != nil else { throw APIError.notFound("scenario \(id)") }
            return store.scenarioFile(id).path
        }
        let report = folder.appendingPathComponent("report").path
        switch run.kind {
        case .plan:
            var arguments = [
                "plan", files[0], "--out", folder.appendingPathComponent("out").path, "--report", report, "--json",
                "--verbose",
            ]
            if let seconds = run.timeLimitSeconds { arguments += ["--time-limit", String(seconds)] }
            return arguments
        case .compare:
            // --verbose: progress lines in the log, which the run's events carry.
            return ["compare"] + (try namedScenarioFiles(run.scenarios, in: folder))
                + ["--json", "--verbose", "--report", report]
        case .sweep:
            let options = run.runOptions
            return ["sweep", files[0], "--param", options.parameter ?? "", "--values"] + (options.values ?? [])
                + ["--json", "--verbose", "--report", report]
        case .pareto:
            var arguments = ["pareto", files[0], "--json", "--verbose"]
            if let points = run.runOptions.points { arguments += ["--points", String(points)] }
            if let seconds = run.timeLimitSeconds { arguments += ["--time-limit", String(seconds)] }
            return arguments
        }
    }

    /// The scenarios of a compare run written into its folder under their names (`scenarios/Small
    /// via the hub.yaml`), each naming its network by full path: `bundel compare` labels a run by
    /// its file's name, and a stored file is `ID/scenario.yaml`. A name given twice gets its id.
    func namedScenarioFiles(_ ids: [Int64], in folder: URL) throws -> [String] {
        let scenarios = folder.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        var taken: Set<String> = []
        return try ids.map { id in
            guard let record = try store.scenario(id) else { throw APIError.notFound("scenario \(id)") }
            // A file name: no folder separators, no hidden file, no control characters, and at
            // most 120 bytes, well inside a file system's 255 with the id and `.yaml` added.
            var name = ""
            for character in record.name {
                let safe: Character =
                    character == "/" || character == "\\" || character.isNewline || (character.asciiValue ?? 32) < 32
                    ? "-" : character
                guard name.utf8.count + safe.utf8.count <= 120 else { break }
                name.append(safe)
            }
            name = name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.hasPrefix(".") { name = "scenario \(id)" }
            if taken.contains(name.lowercased()) { name += " (scenario \(id))" }
            taken.insert(name.lowercased())
            let file = scenarios.appendingPathComponent(name + ".yaml")
            try Data(try ScenarioFile.downloadText(id, store: store).utf8).write(to: file)
            return file.path
        }
    }

    private func launch(_ run: RunRecord, id: Int64) throws {
        let folder = store.runFolder(id)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        let arguments = try arguments(run, folder: folder)
        // The server ignores SIGINT (its own shutdown takes it through a dispatch source), and a
        // child inherits ignored signals: GNU env gives it SIGINT's default back, so that a
        // cancel reaches a child that has not (yet) set a handler of its own.
        if FileManager.default.isExecutableFile(atPath: Self.env.path) {
            process.executableURL = Self.env
            process.arguments = ["--default-signal=INT", bundel.path] + arguments
        } else {
            process.executableURL = bundel
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        for name in [RunFiles.summary, RunFiles.log] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
        }
        let output = try FileHandle(forWritingTo: folder.appendingPathComponent(RunFiles.summary))
        let errors = try FileHandle(forWritingTo: folder.appendingPathComponent(RunFiles.log))
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [weak self] ended in
            try? output.close()
            try? errors.close()
            let status = ended.terminationStatus
            let signalled = ended.terminationReason == .uncaughtSignal
            Task { await self?.ended(id, status: status, signalled: signalled) }
        }
        _ = try store.changeRun(id) {
            $0.status = .running
            $0.startedAt = Timestamp.now()
        }
        try process.run()
        children[id] = process
        watch(id, pid: process.processIdentifier, seconds: run.timeLimitSeconds ?? defaultTimeLimitSeconds)
    }

    /// Enforces a run's time limit from outside, as ``Watchdog`` says.
    private func watch(_ id: Int64, pid: Int32, seconds: Double) {
        let watchdog = self.watchdog
        Task { [weak self] in
            try? await Task.sleep(for: .seconds(seconds * 2 + watchdog.graceSeconds))
            guard let self, await self.isRunning(id, pid: pid) else { return }
            await self.markTimedOut(id)
            kill(pid, SIGINT)
            try? await Task.sleep(for: .seconds(watchdog.killSeconds))
            if await self.isRunning(id, pid: pid) { kill(pid, SIGKILL) }
        }
    }

    private func isRunning(_ id: Int64, pid: Int32) -> Bool { children[id]?.processIdentifier == pid }

    private func markTimedOut(_ id: Int64) { timedOut.insert(id) }

    /// Records how a child ended and starts the next queued run.
    private func ended(_ id: Int64, status: Int32, signalled: Bool) {
        children[id] = nil
        let wasCancelled = cancelled.remove(id) != nil
        let wasTimedOut = timedOut.remove(id) != nil
        let lastLines = RunFiles.lastLines(of: store.runFolder(id).appendingPathComponent(RunFiles.log), count: 3)
        _ = try? store.changeRun(id) { run in
            run.finishedAt = Timestamp.now()
            run.exitCode = signalled ? nil : Int(status)
            if wasTimedOut {
                run.status = .failed
                run.message = "stopped: the run went far past its time limit"
            } else if wasCancelled {
                run.status = .cancelled
                run.message =
                    status == 130 && !signalled
                    ? "cancelled: the plan written is complete and valid, but its searches were cut short"
                    : "cancelled"
            } else if status == 0 && !signalled {
                run.status = .finished
                run.message = nil
            } else if status == 130 && !signalled {
                run.status = .interrupted
                run.message = "interrupted from outside the web app (SIGINT)"
            } else {
                run.status = .failed
                run.message =
                    signalled
                    ? "bundel ended on signal \(status)"
                    : "bundel ended with exit code \(status): \(lastLines.joined(separator: " "))"
            }
        }
        pump()
    }
}
