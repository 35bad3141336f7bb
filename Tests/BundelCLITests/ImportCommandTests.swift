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

    /// `--sheet`, `--mapping` and `--locations` reach the import: the second sheet of a
    /// workbook; the first with its dates from the text column and the product group taken as
    /// the site (so that the mapping shows), placed from a locations table.
    @Test func sheetMappingAndLocationsOptionsAreUsed() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapping = folder.appendingPathComponent("mapping.yaml")
        try Data("columns:\n  date: Datum tekst\n  site: Productgroep\n".utf8).write(to: mapping)
        let locations = folder.appendingPathComponent("locations.csv")
        try Data("address;lat;lon\nFOOD;52,3700;4,8930\n".utf8).write(to: locations)
        let workbook = SmallNetwork.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BundelImportTests/Fixtures/twin-shared.xlsx")
        let network = SmallNetwork.folder.appendingPathComponent("network.yaml").path
        let out = folder.appendingPathComponent("out")
        // The second sheet holds four days: too short, and said of that sheet.
        let orders = try Self.run([workbook.path, "--network", network, "--out", out.path, "--sheet", "Orders"])
        #expect(orders.status == 65)
        #expect(
            orders.errors.contains("twin-shared.xlsx[Orders]: the usable rows cover only 4 day(s)"), "\(orders.errors)")
        let run = try Self.run([
            workbook.path, "--network", network, "--out", out.path, "--mapping", mapping.path, "--locations",
            locations.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Rows: 12 read, 12 used"), "\(run.output)")
        let sites = try String(contentsOf: out.appendingPathComponent("new-sites.csv"), encoding: .utf8)
        #expect(
            sites.contains(
                "food,food,,52.370000,4.893000,TODO,TODO,TODO,,locations-table normalised: food\n"),
            "\(sites)")
        let suppliers = try String(contentsOf: out.appendingPathComponent("new-suppliers.csv"), encoding: .utf8)
        #expect(
            suppliers
                == "id,name,product_group,depot_area,lat,lon,vehicle_type,min_hub_trips_per_week\n"
                + "bakkerij-zon,Bakkerij Zon,,,TODO,TODO,TODO,\npapier-co,Papier & Co,,,TODO,TODO,TODO,\n")
    }
}
