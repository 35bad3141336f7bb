import BundelRoads
import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `plan --report DIR --osm FILE`: the streets of an OpenStreetMap extract under the report's
/// maps, and a bad extract refused before planning, naming the file.
@Suite("Streets under the report's maps")
struct StreetMapTests {
    /// The road tests' hand-made street grid, in the middle of the small network's sites.
    static let tinyExtract = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BundelRoadsTests/Fixtures/tiny.osm").path

    @Test func theStreetsOfAnExtractAreDrawnUnderEveryMap() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Fixture.exitCode([
                "plan", SmallNetwork.scenario, "--json", "--no-bound", "--report", folder.path, "--osm",
                Self.tinyExtract,
            ]) == 0)
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        // Every way with a highway tag is a street (the fixture's building is not); the one
        // that runs off the extract's edge keeps the part inside.
        let extract = try OSMExtract.read(path: Self.tinyExtract)
        #expect(html.components(separatedBy: "<polyline class=\"street\"").count - 1 == extract.ways.count)
        // Drawn once, and used by each map before (under) its routes.
        let maps = html.matches(of: try Regex(#"<svg class="map".*?</svg>"#)).map { String($0.output[0].substring!) }
        #expect(!maps.isEmpty)
        for map in maps {
            let streets = try #require(map.range(of: "<use href=\"#streets\"/>"))
            if let route = map.range(of: "<polyline class=\"route\"") {
                #expect(streets.lowerBound < route.lowerBound)
            }
        }
        #expect(html.contains("streets from tiny.osm (OpenStreetMap contributors, ODbL)"))
    }

    /// A file that is no OpenStreetMap XML, and an extract of another place, stop the run
    /// before it plans (with `--verbose` the planner's progress lines would show), naming the
    /// file; nothing is written.
    @Test func aBadExtractIsRefusedBeforePlanning() throws {
        let bundel = try #require(BuiltExecutable.bundel, "\(BuiltExecutable.missing)")
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("streets.osm")
        try Data("id,lat,lon\n1,52.37,4.90\n".utf8).write(to: garbage)
        let elsewhere = folder.appendingPathComponent("elsewhere.osm")
        let tiny = try String(contentsOfFile: Self.tinyExtract, encoding: .utf8)
        // The same grid moved 10 degrees south: a valid extract with no street on the map.
        try tiny.replacingOccurrences(of: "lat=\"52.", with: "lat=\"42.").replacingOccurrences(
            of: "lat='52.", with: "lat='42."
        ).write(to: elsewhere, atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("report")
        for (file, message) in [
            (garbage, "expected OpenStreetMap XML"), (elsewhere, "no street of the extract lies on the map"),
        ] {
            let run = try ProcessRun.run(
                bundel, ["plan", SmallNetwork.scenario, "--report", report.path, "--osm", file.path, "--verbose"])
            #expect(run.status == 65, "\(run.errors)")
            #expect(run.errors.contains(file.path) && run.errors.contains(message), "\(run.errors)")
            #expect(!run.errors.contains(" s] "), "no progress line: nothing was planned\n\(run.errors)")
            #expect(!FileManager.default.fileExists(atPath: report.path))
        }
    }

    @Test func osmNeedsAReport() {
        #expect(Fixture.exitCode(["plan", SmallNetwork.scenario, "--osm", Self.tinyExtract]) == 64)
    }
}
