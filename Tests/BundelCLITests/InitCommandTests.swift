import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner
@testable import bundel

/// `bundel init DIR`: the example it writes validates and plans, documents every field, and
/// never mixes with or half-replaces a folder already in use.
@Suite("bundel init")
final class InitCommandTests {
    /// The scratch folders a test made, removed when it ends.
    private var folders: [URL] = []

    deinit { for folder in folders { try? FileManager.default.removeItem(at: folder) } }

    func scratch() throws -> URL {
        let folder = try scratchFolder("bundel-init")
        folders.append(folder)
        return folder
    }

    static let names = ["network.yaml", "sites.csv", "suppliers.csv", "flows.csv", "scenario.yaml"]

    /// Planned in-process: the loader finds no problem, no note and no outlying coordinates,
    /// and the plan passes the validator with every delivery served and both plans routed.
    @Test func writesAnExampleThatValidatesAndPlans() throws {
        let folder = try scratch().appendingPathComponent("my-network")
        #expect(Fixture.exitCode(["init", folder.path]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == Self.names.sorted())
        let path = folder.appendingPathComponent("scenario.yaml").path
        #expect(Fixture.exitCode(["validate", path]) == 0)
        let (scenario, notes) = try ScenarioLoader.loadWithNotes(path: path)
        #expect(notes.isEmpty && scenario.network.outlyingLocations.isEmpty)
        #expect(scenario.network.sites.count == 8 && scenario.network.suppliers.count == 4)
        #expect(scenario.hubs == ["lage-weide"] && scenario.timeLimitSeconds <= 30)
        let result = try Planner.validatedPlan(scenario).result
        #expect(result.baseline.unserved.isEmpty && result.bundled.unserved.isEmpty)
        #expect(!result.baseline.routes.isEmpty && !result.hitTimeLimit)
    }

    /// Every field a hub and a vehicle type can have, and every column of the tables, is in the
    /// template (set, or commented out with its meaning), so that a field added to the loader
    /// and not to the template fails here.
    @Test func templateNamesEveryField() {
        let network = NetworkTemplate.network
        for field in NetworkLoader.hubFields.union(NetworkLoader.vehicleTypeFields).union(["service_time", "area"]) {
            #expect(network.contains("\(field):"), "network.yaml of bundel init lacks \(field)")
        }
        for column in NetworkLoader.siteColumns.required + NetworkLoader.supplierColumns.required {
            #expect(network.contains(column), "network.yaml of bundel init does not describe the column \(column)")
        }
        // Required fields are marked on the comment line above them.
        let lines = network.components(separatedBy: "\n")
        for field in ["fixed_cost_per_week", "capacity", "cost_per_hour", "energy_per_km", "may_enter_zone"] {
            let line = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(field):") }
            #expect(line.map { lines[$0 - 1].contains("(required)") } == true, "\(field) is not marked required")
        }
    }

    /// A folder with a file of its own is refused (exit 73) and left as it was; with --force
    /// the five files are written beside that file.
    @Test func refusesAFolderInUseUnlessForced() throws {
        let folder = try scratch()
        let own = folder.appendingPathComponent("notes.txt")
        try "mine".write(to: own, atomically: true, encoding: .utf8)
        #expect(Fixture.exitCode(["init", folder.path]) == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        #expect(Fixture.exitCode(["init", folder.path, "--force"]) == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == (Self.names + ["notes.txt"]).sorted())
        #expect(try String(contentsOf: own, encoding: .utf8) == "mine")
        // A file where the folder should be is refused too.
        #expect(Fixture.exitCode(["init", own.path]) == 73)
    }

    /// `validate` prints outlying coordinates as warnings on standard error and still exits 0:
    /// the example with one site's lat and lon swapped (it has no `area`).
    @Test(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func validateWarnsOfSwappedCoordinates() throws {
        let folder = try scratch().appendingPathComponent("swapped")
        #expect(Fixture.exitCode(["init", folder.path]) == 0)
        try Fixture.edit(folder, "sites.csv", replacing: "52.0750,5.1250", with: "5.1250,52.0750")
        let run = try ProcessRun.run(
            BuiltExecutable.bundel!, ["validate", folder.appendingPathComponent("scenario.yaml").path])
        #expect(run.status == 0)
        #expect(run.errors.hasPrefix("1 warning: coordinates far from the rest of the network:\n"), "\(run.errors)")
        #expect(
            run.errors.contains(
                "sites.csv:9: field 'lat': site nursing-south at (5.125, 52.075) lies 6,759 km from the middle of the network"
            ) && run.errors.contains("lat and lon look swapped: at (52.075, 5.125) it would lie"))
    }

    /// All five files or none: when the last one cannot be written (a folder has its name),
    /// the four before it are not left behind.
    @Test func writesAllFilesOrNone() throws {
        let folder = try scratch()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("scenario.yaml"), withIntermediateDirectories: false)
        #expect(Fixture.exitCode(["init", folder.path, "--force"]) == 73)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["scenario.yaml"])
    }
}
