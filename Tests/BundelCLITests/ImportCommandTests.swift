import BundelPlanner
import BundelTestSupport
import Foundation
import Testing

/// `bundel import` as a user runs it: the example log of the README into a folder, never over
/// existing files without `--force`, and nothing at all written when the log is refused.
@Suite("Import command")
struct ImportCommandTests {
    static let repository = SmallNetwork.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let network = repository.appendingPathComponent("networks/amsterdam-campuses/network.yaml").path
    static let example = repository.appendingPathComponent("examples/delivery-log")

    static func run(_ arguments: [String]) throws -> ProcessRun {
        let bundel = try #require(BuiltExecutable.bundel, "\(BuiltExecutable.missing)")
        return try ProcessRun.run(bundel, ["import"] + arguments)
    }

    static func contents(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test func theExampleLogIsImportedAndAnEarlierImportKeptWithoutForce() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("imported")
        let log = Self.example.appendingPathComponent("leveringen.xlsx").path
        let first = try Self.run([log, "--network", Self.network, "--out", out.path])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("9 with deliveries"))
        #expect(first.output.contains("leveringen.xlsx:43: field 'Leverdatum': cannot read '31-02-2026' as a date"))
        let written = try Self.contents(out)
        #expect(written.keys.sorted() == ["flow-statistics.csv", "flows.csv", "import-summary.md"])
        #expect(written["flows.csv"]?.hasPrefix("supplier,site,deliveries_per_week,kg,cages,days\n") == true)
        #expect(written["import-summary.md"] == first.output.components(separatedBy: "wrote ").first)

        // Again from the CSV export: refused without --force, the files left as they were.
        let csv = Self.example.appendingPathComponent("leveringen.csv").path
        let refused = try Self.run([csv, "--network", Self.network, "--out", out.path])
        #expect(refused.status == 73)
        #expect(refused.errors.contains("flows.csv exists; use --force to overwrite it"), "\(refused.errors)")
        #expect(try Self.contents(out) == written)

        let forced = try Self.run([csv, "--network", Self.network, "--out", out.path, "--force", "--json"])
        #expect(forced.status == 0, "\(forced.errors)")
        let replaced = try Self.contents(out)
        // The Dutch CSV export holds the same deliveries as the workbook.
        #expect(replaced["flows.csv"] == written["flows.csv"])
        #expect(replaced["import-summary.md"] != written["import-summary.md"], "names the CSV file")
        let json = try JSONSerialization.jsonObject(with: Data(forced.output.utf8)) as? [String: Any]
        let summary = try #require(json?["summary"] as? [String: Any])
        #expect(summary["weeksCovered"] as? Int == 10)
        #expect(summary["weeksWithDeliveries"] as? Int == 9)
    }

    @Test func aRefusedLogWritesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv")
        try Data("datum;leverancier;locatie;kg\nmorgen;pap-a;rtl-a;10\n".utf8).write(to: log)
        let out = folder.appendingPathComponent("imported")
        let run = try Self.run([log.path, "--network", Self.network, "--out", out.path])
        #expect(run.status == 65)
        #expect(run.errors.contains("log.csv:2: field 'datum': cannot read 'morgen' as a date"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func oneExistingFileKeepsEveryFileFromBeingWritten() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("import-summary.md"))
        let log = Self.example.appendingPathComponent("leveringen.csv").path
        let run = try Self.run([log, "--network", Self.network, "--out", folder.path])
        #expect(run.status == 73)
        #expect(try Self.contents(folder) == ["import-summary.md": "mine\n"])
    }

    @Test func aMissingLogOrColumnOptionIsAnInputError() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Self.run(["nope.csv", "--network", Self.network, "--out", folder.path])
        #expect(missing.status == 65)
        #expect(missing.errors.contains("nope.csv: no such file"), "\(missing.errors)")
        let log = Self.example.appendingPathComponent("leveringen.csv").path
        let option = try Self.run([log, "--network", Self.network, "--out", folder.path, "--column", "date=Dag"])
        #expect(option.status == 65)
        #expect(option.errors.contains("field 'Dag': the mapping gives this column for 'date'"), "\(option.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// The small test network's flows written out as a year's worth of deliveries and imported
/// back: the planner's own loader reads the imported flows.csv, with the same frequencies and
/// quantities and the days the log kept to.
@Suite("Import round trip through the planner")
struct ImportRoundTripTests {
    /// The days a flow of `perWeek` deliveries keeps in the generated log.
    static func days(_ perWeek: Int) -> [Weekday] {
        switch perWeek {
        case 1: return [.tue]
        case 2: return [.mon, .thu]
        default: return Array(Weekday.allCases.prefix(perWeek))
        }
    }

    /// Eight weeks from Monday 7 September 2026, the fourth a holiday; quantities ±5 %
    /// alternating, semicolons and decimal commas, suppliers by name.
    static func log(_ network: Network) -> String {
        var rows = ["Leverdatum;Leverancier;Locatie;Gewicht (kg);Rolcontainers"]
        for flow in network.flows {
            let name = network.supplier(flow.supplier)!.name
            var count = 0
            for week in 0..<8 where week != 3 {
                for day in days(flow.deliveriesPerWeek) {
                    let offset = 7 * week + Weekday.allCases.firstIndex(of: day)!
                    let date = Calendar(identifier: .gregorian).date(
                        byAdding: .day, value: offset,
                        to: DateComponents(calendar: Calendar(identifier: .gregorian), year: 2026, month: 9, day: 7)
                            .date!)!
                    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
                    let noise = count.isMultiple(of: 2) ? 1.05 : 0.95
                    count += 1
                    let quantity = flow.quantityPerDelivery.map {
                        String(format: "%.3f", $0 * noise).replacingOccurrences(of: ".", with: ",")
                    }
                    rows.append(
                        "\(parts.day!)-\(parts.month!)-\(parts.year!);\(name);\(flow.site);\(quantity.joined(separator: ";"))"
                    )
                }
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    @Test func theSmallNetworksFlowsComeBack() throws {
        let original = try NetworkFile.load(path: SmallNetwork.folder.appendingPathComponent("network.yaml").path)
            .network
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv")
        try Data(Self.log(original).utf8).write(to: log)
        let out = folder.appendingPathComponent("network")
        let run = try ImportCommandTests.run([
            log.path, "--network", SmallNetwork.folder.appendingPathComponent("network.yaml").path, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("8 calendar week(s); 7 with deliveries"), "\(run.output)")
        for name in ["network.yaml", "sites.csv", "suppliers.csv"] {
            try FileManager.default.copyItem(
                at: SmallNetwork.folder.appendingPathComponent(name), to: out.appendingPathComponent(name))
        }
        let imported = try NetworkFile.load(path: out.appendingPathComponent("network.yaml").path).network
        #expect(imported.flows.count == original.flows.count)
        for flow in original.flows {
            let back = try #require(imported.flows.first { $0.supplier == flow.supplier && $0.site == flow.site })
            #expect(back.deliveriesPerWeek == flow.deliveriesPerWeek, "\(flow.supplier)->\(flow.site)")
            #expect(back.days == Self.days(flow.deliveriesPerWeek), "\(flow.supplier)->\(flow.site)")
            for (a, b) in zip(back.weeklyQuantity, flow.weeklyQuantity) {
                // Seven weeks of ±5 % alternating: at most 5 % / 7 off.
                #expect(abs(a - b) <= b * 0.008 + 0.01, "\(flow.supplier)->\(flow.site): \(back.weeklyQuantity)")
            }
        }
    }
}
