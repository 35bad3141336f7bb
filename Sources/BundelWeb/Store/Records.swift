import Foundation
import GRDB

/// An uploaded network: its files are in the data folder under `networks/ID`.
public struct NetworkRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "networks"
    public var id: Int64?
    public var name: String
    public var description: String
    public var sites: Int
    public var suppliers: Int
    public var flows: Int
    /// The ids of the network's hubs, comma-separated (hub ids never hold commas: they are YAML keys
    /// the loader checks).
    public var hubIds: String
    public var createdAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A scenario: its YAML is in the data folder under `scenarios/ID/scenario.yaml`.
public struct ScenarioRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scenarios"
    public var id: Int64?
    public var networkId: Int64
    public var name: String
    public var createdAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A run of the `bundel` executable: its outputs are in the data folder under `runs/ID`.
public struct RunRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"
    public var id: Int64?
    public var kind: RunKind
    /// The scenarios, comma-separated database ids, in the order given.
    public var scenarioIds: String
    /// Overrides the scenario's time limit when set.
    public var timeLimitSeconds: Double?
    public var status: RunStatus
    public var createdAt: String
    public var startedAt: String?
    public var finishedAt: String?
    public var exitCode: Int?
    /// Why a run failed, was cancelled or interrupted; nil for a finished run.
    public var message: String?
    /// A sweep's parameter and values, a front's points: ``RunOptions`` as JSON.
    public var options: String? = nil

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The options as a value (empty when there are none).
    public var runOptions: RunOptions {
        options.flatMap { try? JSONDecoder().decode(RunOptions.self, from: Data($0.utf8)) } ?? RunOptions()
    }

    /// The scenario ids as numbers.
    public var scenarios: [Int64] { scenarioIds.split(separator: ",").compactMap { Int64($0) } }
}

/// What a sweep or a Pareto run needs beyond its scenario.
public struct RunOptions: Codable, Sendable, Equatable {
    /// The sweep's parameter, as `bundel sweep --param` takes it.
    public var parameter: String?
    /// The sweep's values, each as YAML.
    public var values: [String]?
    /// Plans on a Pareto front.
    public var points: Int?

    public init(parameter: String? = nil, values: [String]? = nil, points: Int? = nil) {
        self.parameter = parameter
        self.values = values
        self.points = points
    }
}

/// Timestamps as ISO 8601 text in UTC: readable in the database and the API alike.
enum Timestamp {
    /// Tenths of a second matter for the elapsed time of a short run.
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func now() -> String { style.format(Date()) }

    static func parse(_ text: String) -> Date? { try? style.parse(text) }
}
