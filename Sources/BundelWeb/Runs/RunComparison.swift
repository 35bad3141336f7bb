import BundelReports
import Foundation

/// Two or more finished plan runs side by side, from what each run kept: the JSON summary its
/// `bundel plan --json` printed. Nothing is planned again, so the figures are the runs' own,
/// and the rows are the ones `bundel compare` prints for the same scenarios.
struct RunComparison: Encodable {
    var runIds: [Int64]
    /// What labels the runs: the scenario's name, with ` (run N)` where two runs share it.
    var labelKey = "run"
    var runs: [ComparisonTable.Entry]
    /// The comparison as `bundel compare` prints it.
    var text: String

    /// At most this many runs side by side: each is a file to read, and the tables grow with them.
    static let limit = 50

    /// Reads `ids` from the store: 400 for fewer than two or more than ``limit`` (or a run named twice), 404 for an
    /// unknown run, 409 for a run that is not a finished plan or kept no readable summary.
    init(_ ids: [Int64], store: WebStore) throws {
        guard ids.count >= 2, ids.count <= Self.limit, Set(ids).count == ids.count else {
            throw APIError(.badRequest, "compare two to \(Self.limit) different runs: ?runs=ID1,ID2")
        }
        var entries: [ComparisonTable.Entry] = []
        for id in ids {
            guard let run = try store.run(id) else { throw APIError.notFound("run \(id)") }
            guard run.kind == .plan, run.status == .finished else {
                throw APIError(
                    .conflict, "run \(id) is a \(run.status.rawValue) \(run.kind.rawValue) run; compare finished plans")
            }
            let summary = store.runFolder(id).appendingPathComponent(RunFiles.summary)
            guard let data = try? Data(contentsOf: summary),
                let entry = try? ComparisonTable.Entry(summary: data, label: "")
            else { throw APIError(.conflict, "run \(id) kept no readable JSON summary") }
            entries.append(entry)
        }
        // Variants of one study often share a name: the run's number tells them apart.
        let names = entries.map(\.scenario)
        for (index, id) in ids.enumerated() {
            let name = names[index]
            entries[index].label = names.filter { $0 == name }.count > 1 ? "\(name) (run \(id))" : name
        }
        runIds = ids
        runs = entries
        text = ComparisonTable.render(
            entries, title: "\(entries.count) finished runs, each against its own direct baseline")
    }

    /// `3,5` or `3&runs=5` as run ids; 400 for anything else.
    static func ids(_ values: [String]) throws -> [Int64] {
        let parts = values.flatMap { $0.split(separator: ",") }
        let ids = parts.compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard ids.count == parts.count else { throw APIError(.badRequest, "runs are given by number: ?runs=ID1,ID2") }
        return ids
    }
}
