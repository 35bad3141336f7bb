import Foundation
import GRDB

/// The web app's database (SQLite through GRDB) and the folder of files beside it. Files live in
/// folders named by database id only, so that no request ever names a path.
public final class WebStore: Sendable {
    /// The data folder.
    public let folder: URL
    let database: DatabaseQueue

    /// Opens (or makes) the store in `folder` and brings its tables up to date. A run still
    /// `running` belonged to a server that stopped without finishing it, and is marked
    /// `interrupted`; `queued` runs stay queued for the new server's queue.
    public init(folder: URL) throws {
        self.folder = folder
        for sub in ["networks", "scenarios", "runs", "uploads"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        database = try DatabaseQueue(path: folder.appendingPathComponent("bundel-web.sqlite").path)
        try Self.migrator.migrate(database)
        try database.write { db in
            try db.execute(
                sql: "UPDATE runs SET status = ?, finishedAt = ?, message = ? WHERE status = ?",
                arguments: [
                    RunStatus.interrupted.rawValue, Timestamp.now(),
                    "the server stopped while this run was running; start it again", RunStatus.running.rawValue,
                ])
        }
    }

    /// The tables; a new migration is appended, never an old one edited, so that an existing data
    /// folder is brought forward.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "networks") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull()
                table.column("description", .text).notNull()
                table.column("sites", .integer).notNull()
                table.column("suppliers", .integer).notNull()
                table.column("flows", .integer).notNull()
                table.column("hubIds", .text).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "scenarios") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("networkId", .integer).notNull().references("networks")
                table.column("name", .text).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("scenarioIds", .text).notNull()
                table.column("timeLimitSeconds", .double)
                table.column("status", .text).notNull()
                table.column("createdAt", .text).notNull()
                table.column("startedAt", .text)
                table.column("finishedAt", .text)
                table.column("exitCode", .integer)
                table.column("message", .text)
            }
        }
        migrator.registerMigration("v2: run options") { db in
            try db.alter(table: "runs") { table in table.add(column: "options", .text) }
        }
        return migrator
    }

    // MARK: Folders by id

    public func networkFolder(_ id: Int64) -> URL { folder.appendingPathComponent("networks/\(id)") }
    public func scenarioFile(_ id: Int64) -> URL { folder.appendingPathComponent("scenarios/\(id)/scenario.yaml") }
    public func runFolder(_ id: Int64) -> URL { folder.appendingPathComponent("runs/\(id)") }
    /// A fresh folder for an upload being checked, removed again whether it is kept or not.
    func uploadFolder() -> URL { folder.appendingPathComponent("uploads/\(UUID().uuidString)") }

    // MARK: Reading and writing

    public func networks() throws -> [NetworkRecord] {
        try database.read { try NetworkRecord.order(Column("id")).fetchAll($0) }
    }

    public func network(_ id: Int64) throws -> NetworkRecord? {
        try database.read { try NetworkRecord.fetchOne($0, key: id) }
    }

    public func scenarios() throws -> [ScenarioRecord] {
        try database.read { try ScenarioRecord.order(Column("id")).fetchAll($0) }
    }

    public func scenario(_ id: Int64) throws -> ScenarioRecord? {
        try database.read { try ScenarioRecord.fetchOne($0, key: id) }
    }

    public func runs() throws -> [RunRecord] {
        try database.read { try RunRecord.order(Column("id").desc).fetchAll($0) }
    }

    public func run(_ id: Int64) throws -> RunRecord? {
        try database.read { try RunRecord.fetchOne($0, key: id) }
    }

    /// The oldest queued runs first: the order in which the queue starts them.
    public func queuedRuns() throws -> [RunRecord] {
        try database.read {
            try RunRecord.filter(Column("status") == RunStatus.queued.rawValue).order(Column("id")).fetchAll($0)
        }
    }

    /// Inserts a record and returns it with its id.
    func insert<Record: MutablePersistableRecord & Sendable>(_ record: Record) throws -> Record {
        try database.write { db in
            var copy = record
            try copy.insert(db)
            return copy
        }
    }

    /// Saves a changed record.
    func update<Record: MutablePersistableRecord & Sendable>(_ record: Record) throws {
        try database.write { db in try record.update(db) }
    }

    /// Changes a run in one transaction: the change sees the row as it is now, not as it was read.
    @discardableResult
    func changeRun(_ id: Int64, _ change: @Sendable (inout RunRecord) -> Void) throws -> RunRecord? {
        try database.write { db in
            guard var run = try RunRecord.fetchOne(db, key: id) else { return nil }
            change(&run)
            try run.update(db)
            return run
        }
    }

    /// Removes a network row written before its files could be moved into place.
    func deleteNetwork(_ id: Int64) throws {
        _ = try database.write { db in try NetworkRecord.deleteOne(db, key: id) }
    }

    /// Removes a scenario row whose file could not be written.
    func deleteScenario(_ id: Int64) throws {
        _ = try database.write { db in try ScenarioRecord.deleteOne(db, key: id) }
    }
}
