import Foundation

/// A run as the API shows it: the database row, its elapsed seconds and, once it has ended, the
/// files it left and the verdict of its summary.
struct RunView: Encodable {
    var id: Int64
    var kind: RunKind
    var scenarioIds: [Int64]
    var timeLimitSeconds: Double?
    /// A sweep's parameter and values; a front's points.
    var parameter: String?
    var values: [String]?
    var points: Int?
    var status: RunStatus
    var createdAt: String
    var startedAt: String?
    var finishedAt: String?
    var elapsedSeconds: Double?
    var exitCode: Int?
    var message: String?
    /// The verdict sentence of a finished plan.
    var verdict: String?
    var files: [FileView]

    struct FileView: Encodable {
        var name: String
        var bytes: Int
        var url: String
    }

    init(_ run: RunRecord, store: WebStore) {
        let id = run.id ?? 0
        self.id = id
        kind = run.kind
        scenarioIds = run.scenarios
        timeLimitSeconds = run.timeLimitSeconds
        let options = run.runOptions
        parameter = options.parameter
        values = options.values
        points = options.points
        status = run.status
        createdAt = run.createdAt
        startedAt = run.startedAt
        finishedAt = run.finishedAt
        exitCode = run.exitCode
        message = run.message
        elapsedSeconds = Self.elapsed(run)
        let folder = store.runFolder(id)
        files =
            run.status.isFinal
            ? RunFiles.list(folder).map { file in
                let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path))?[.size] as? Int
                return FileView(name: file.name, bytes: size ?? 0, url: "/api/runs/\(id)/files/\(file.name)")
            } : []
        verdict = run.status == .finished ? Self.verdict(folder.appendingPathComponent(RunFiles.summary)) : nil
    }

    /// Seconds from start to end, or to now while it runs.
    static func elapsed(_ run: RunRecord) -> Double? {
        guard let started = run.startedAt.flatMap(Timestamp.parse) else { return nil }
        let end = run.finishedAt.flatMap(Timestamp.parse) ?? Date()
        return (end.timeIntervalSince(started) * 10).rounded() / 10
    }

    /// `verdict.sentence` of a plan's JSON summary.
    static func verdict(_ summary: URL) -> String? {
        guard let data = try? Data(contentsOf: summary),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let verdict = object["verdict"] as? [String: Any]
        else { return nil }
        return verdict["sentence"] as? String
    }
}
