import BundelPlanner
import Foundation

/// `bundel coalition --emit-jobs DIR` and `--collect DIR`: the coalition plans as jobs for any
/// batch engine (GNU parallel, a Slurm job array, a Kubernetes Indexed Job), and the analysis
/// from their results. No scheduler: DIR gets one self-contained scenario per coalition
/// (``CoalitionScenarioFile``), a manifest of one shell command line per job, run from DIR,
/// each writing the plan's JSON summary beside its scenario, and a description of the game for
/// the collection. The collected analysis is the in-process one: the same plans, the same
/// rounded figures, the same shares.
public enum CoalitionJobs {
    /// The manifest: one command line per job.
    public static let manifest = "jobs.txt"
    /// What the collection needs besides the results.
    public static let descriptionFile = "coalition.json"

    /// One job: a coalition, its scenario file and the file its result goes to.
    public struct Job: Sendable, Codable, Equatable {
        public var coalition: UInt64
        public var members: [String]
        public var scenario: String
        public var result: String
    }

    /// The game the jobs evaluate, as written to ``descriptionFile``.
    public struct Description: Sendable, Codable, Equatable {
        public var scenario: String
        public var file: String
        public var organisations: [Organisation]
        public var volumes: [Double]
        public var volumeUnit: String
        public var samples: Int?
        public var seed: UInt64
        public var timeLimitSeconds: Double
        public var routingIterations: Int
        public var weeksPerYear: Double
        public var jobs: [Job]
    }

    /// The files of DIR (name, content): a scenario per coalition needed, the manifest and the
    /// description. `path` is the scenario file `scenario` was loaded from.
    public static func files(
        scenario: Scenario, path: String, settings: CoalitionSettings
    ) throws -> [(name: String, content: String)] {
        try CoalitionAnalysis.checkPlayable(scenario, settings: settings)
        let count = scenario.organisations.count
        let orders = settings.samples.map { ShapleySampling.orders(players: count, samples: $0, seed: settings.seed) }
        let ids = scenario.organisations.map(\.id)
        let limit = settings.timeLimitSeconds.map { " --time-limit \($0)" } ?? ""
        var files: [(name: String, content: String)] = []
        var jobs: [Job] = []
        var lines: [String] = []
        for coalition in CoalitionAnalysis.coalitionsToPlan(players: count, orders: orders) {
            // The members as bits, the first organisation rightmost: coalition-011 is the first two.
            let bits = String(coalition, radix: 2)
            let name = "coalition-" + String(repeating: "0", count: max(0, count - bits.count)) + bits
            let members = CoalitionGame.members(coalition).map { ids[$0] }
            files.append(
                (name + ".yaml", try CoalitionScenarioFile.text(scenario: path, members: members)))
            jobs.append(Job(coalition: coalition, members: members, scenario: name + ".yaml", result: name + ".json"))
            // Written under another name and moved when complete: a failed job leaves no result.
            lines.append(
                "bundel plan \(name).yaml --json --quiet\(limit) > \(name).json.partial && mv \(name).json.partial \(name).json"
            )
        }
        let (volumes, unit) = CoalitionAnalysis.volumes(of: scenario)
        let description = Description(
            scenario: scenario.name, file: scenario.file, organisations: scenario.organisations, volumes: volumes,
            volumeUnit: unit, samples: settings.samples, seed: settings.seed,
            timeLimitSeconds: settings.timeLimitSeconds ?? scenario.timeLimitSeconds,
            routingIterations: scenario.routingIterations, weeksPerYear: scenario.weeksPerYear, jobs: jobs)
        files.append((descriptionFile, try JobsFolderDescription.text(of: description)))
        files.append((manifest, lines.joined(separator: "\n") + "\n"))
        return files
    }

    /// The analysis from the results in `folder`; a missing or unreadable result is an error
    /// naming the job's file and its command line.
    public static func collect(_ folder: URL) throws -> CoalitionAnalysis {
        let description = try JobsFolderDescription.read(
            Description.self, file: descriptionFile, in: folder, noun: "job", emittedBy: "bundel coalition")
        var problems: [InputProblem] = []
        var plans: [CoalitionPlan] = []
        for job in description.jobs {
            let url = folder.appendingPathComponent(job.result)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(
                    InputProblem(
                        file: url.path, line: nil, field: nil,
                        message: "no result: run the job of \(job.scenario) in \(manifest) first"))
                continue
            }
            do {
                plans.append(try JSONDecoder().decode(PlanSummary.self, from: data).plan(job.coalition))
            } catch {
                problems.append(
                    InputProblem(
                        file: url.path, line: nil, field: nil,
                        message: "not the JSON summary of bundel plan --json: \(error)"))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let orders = description.samples.map {
            ShapleySampling.orders(players: description.organisations.count, samples: $0, seed: description.seed)
        }
        var analysis = try CoalitionAnalysis.analyse(
            organisations: description.organisations, volumes: description.volumes,
            volumeUnit: description.volumeUnit, plans: plans, orders: orders)
        analysis.scenario = description.scenario
        analysis.file = description.file
        analysis.method = description.samples.map { .sampled(samples: $0, seed: description.seed) } ?? .exact
        analysis.timeLimitSeconds = description.timeLimitSeconds
        analysis.routingIterations = description.routingIterations
        analysis.weeksPerYear = description.weeksPerYear
        return analysis
    }

    /// The part of `bundel plan --json` a coalition's value needs.
    struct PlanSummary: Decodable {
        struct Totals: Decodable {
            var costEur: Double
            var vehicleKm: Double
            var co2eWtwKg: Double
            var stops: Int
        }
        struct Hub: Decodable { var id: String }
        struct Verdict: Decodable { var openHubs: [Hub] }
        struct Run: Decodable { var hitTimeLimit: Bool }
        var baseline: Totals
        var bundled: Totals
        var verdict: Verdict
        var run: Run

        /// The coalition's facts, rounded as the in-process plans are.
        func plan(_ coalition: UInt64) -> CoalitionPlan {
            let figures = { (totals: Totals) in
                var planTotals = PlanTotals()
                planTotals.costEur = totals.costEur
                planTotals.vehicleKm = totals.vehicleKm
                planTotals.co2eWtwKg = totals.co2eWtwKg
                return CoalitionFigures(planTotals)
            }
            return CoalitionPlan(
                coalition: coalition, baseline: figures(baseline), bundled: figures(bundled),
                baselineStops: baseline.stops, hubsOpened: verdict.openHubs.map(\.id), hitTimeLimit: run.hitTimeLimit)
        }
    }
}
