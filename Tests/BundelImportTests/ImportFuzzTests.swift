import BundelFuzzSupport
import Foundation
import Testing

@testable import BundelImport

/// Fuzz tests of the log readers: damaged versions of the twin fixtures must each import into
/// consistent flows or be refused with an `ImportError` whose problems name the file, never stop
/// the process. 600 inputs per reader by default (`BUNDEL_FUZZ_ITERATIONS` for long runs).
@Suite struct ImportFuzzTests {
    static let iterations = FuzzRun.iterations(default: 600)

    static func seed(_ name: String) throws -> (name: String, content: [UInt8]) {
        (name, Array(try Data(contentsOf: ImportFixture.folder.appendingPathComponent(name))))
    }

    /// An import is consistent: every row used or left out, every flow delivered at least once
    /// a week with finite, non-negative quantities, and its days as many as its deliveries.
    static func check(_ result: DeliveryImport) throws -> FuzzRun.Outcome {
        let summary = result.summary
        guard summary.rowsUsed + summary.skipped.count == summary.rows, !result.flows.isEmpty,
            result.flows.allSatisfy({ flow in
                flow.deliveriesPerWeek >= 1 && flow.weeklyQuantity.allSatisfy { $0.isFinite && $0 >= 0 }
                    && (flow.days.map { $0.count == flow.deliveriesPerWeek } ?? true)
            })
        else {
            throw FuzzViolation("inconsistent import: \(summary.rows) rows, \(result.flows.count) flows")
        }
        _ = result.files
        return .loaded
    }

    static func refusal(_ error: any Error, _ file: String) throws -> FuzzRun.Outcome {
        try FuzzRun.refusal(error, expected: ImportError.self) { error in
            error.problems.allSatisfy { $0.file.hasPrefix(file) } ? nil : "a problem does not name \(file)"
        }
    }

    static func checkRun(_ run: FuzzRun) {
        print(run.summary)
        #expect(run.failures.isEmpty, "\(run.failures.prefix(3).map(\.description).joined(separator: "\n"))")
        #expect(run.loaded > 0 && run.refused > 0, "\(run.summary)")
    }

    /// Damaged copies of the fixture `seedFile` read by `read` and imported, each checked.
    static func fuzz(
        _ name: String, seedFile: String, seed: UInt64, read: (URL, String) throws -> LogTable
    ) throws {
        let run = try FuzzRun.run(name, seeds: [try Self.seed(seedFile)], iterations: Self.iterations, seed: seed) {
            folder, file in
            let result: DeliveryImport
            do {
                let table = try read(folder.appendingPathComponent(file), file)
                result = try DeliveryImport.run(
                    table, mapping: ColumnMapping(), network: ImportFixture.network, locations: nil)
            } catch {
                return try Self.refusal(error, file)
            }
            return try Self.check(result)
        }
        Self.checkRun(run)
    }

    @Test func csvLogs() throws {
        try Self.fuzz("import-csv", seedFile: "twin.csv", seed: 20) { try CSVLogReader.read(url: $0, file: $1) }
    }

    @Test func xlsxLogs() throws {
        try Self.fuzz("import-xlsx", seedFile: "twin-shared.xlsx", seed: 21) { try XLSXReader.read(url: $0, file: $1) }
    }
}
