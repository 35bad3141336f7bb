import ArgumentParser
import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `bundel matrix` and `bundel calibrate`: exit codes, files written only when the run succeeds.
@Suite("Matrix and calibrate commands")
struct MatrixCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let smallScenario = root.appendingPathComponent("Tests/BundelPlannerTests/Fixtures/small/scenario.yaml").path
    static let centreScenario = root.appendingPathComponent("scenarios/amsterdam-centre/micro-hub-rokin.yaml").path
    static let committedMatrix = root.appendingPathComponent("networks/amsterdam-centre/matrix-osm-bicycle.csv")
    static let tinyOSM = root.appendingPathComponent("Tests/BundelRoadsTests/Fixtures/tiny.osm").path
    static let extract = root.appendingPathComponent("../shared/data/amsterdam-centre.osm.gz").standardizedFileURL.path
    static let haveExtract = FileManager.default.fileExists(atPath: extract)

    func exitCode(_ arguments: [String]) -> Int32 { Fixture.exitCode(arguments) }

    @Test func usageErrorsExitWith64() {
        #expect(exitCode(["matrix", Self.smallScenario, "--engine", "valhalla"]) == 64)
        #expect(exitCode(["matrix", Self.smallScenario, "--engine", "osm"]) == 64)
        #expect(exitCode(["matrix", Self.smallScenario, "--engine", "osrm", "--url", "localhost:5000"]) == 64)
        #expect(
            exitCode(["matrix", Self.smallScenario, "--engine", "osm", "--osm", Self.tinyOSM, "--profile", "boat"])
                == 64)
        #expect(exitCode(["matrix", "--engine", "osm", "--osm", Self.tinyOSM]) == 64)
        #expect(
            exitCode(["matrix", Self.smallScenario, "--engine", "osm", "--osm", Self.tinyOSM, "--random", "10"]) == 64)
        #expect(exitCode(["calibrate"]) == 64)
        #expect(exitCode(["calibrate", Self.smallScenario, "--osm", Self.tinyOSM]) == 64)
    }

    @Test func anUnreachableEngineExitsWith69AndWritesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.csv")
        #expect(
            exitCode([
                "matrix", Self.smallScenario, "--engine", "valhalla", "--url", "http://127.0.0.1:9", "--retries", "0",
                "--out", out.path,
            ]) == 69)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func locationsOutsideTheExtractExitWith65AndWriteNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.csv")
        #expect(
            exitCode(["matrix", Self.smallScenario, "--engine", "osm", "--osm", Self.tinyOSM, "--out", out.path]) == 65)
        #expect(
            exitCode([
                "matrix", Self.smallScenario, "--engine", "osm", "--osm",
                folder.appendingPathComponent("none.osm").path, "--out", out.path,
            ]) == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func theRandomBenchmarkAndCalibrationRunOnAnExtract() {
        #expect(exitCode(["matrix", "--engine", "osm", "--osm", Self.tinyOSM, "--random", "20"]) == 0)
        #expect(exitCode(["calibrate", "--osm", Self.tinyOSM, "--points", "10", "--min-distance", "50"]) == 0)
        #expect(exitCode(["calibrate", "--osm", Self.tinyOSM, "--points", "10", "--min-distance", "5000"]) == 65)
    }

    @Test func calibrateFitsTheScenariosMatrixOrRefusesWithoutOne() throws {
        #expect(exitCode(["calibrate", Self.centreScenario, "--json"]) == 0)
        #expect(exitCode(["calibrate", Self.smallScenario]) == 65)
        #expect(exitCode(["calibrate", Self.smallScenario, "--matrix", "/nonexistent/m.csv"]) == 65)
        // The centre network's matrix does not fit the small network.
        #expect(exitCode(["calibrate", Self.smallScenario, "--matrix", Self.committedMatrix.path]) == 65)
    }

    /// The committed matrix again, from the extract, into a file that is refused a second time
    /// without --force.
    @Test(
        .enabled(
            if: haveExtract,
            "../shared/data/amsterdam-centre.osm.gz is absent: bundel matrix --engine osm is not run on it"))
    func osmMatrixIsWrittenOnceAndEqualsTheCommittedOne() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.csv")
        let arguments = [
            "matrix", Self.centreScenario, "--engine", "osm", "--osm", Self.extract, "--profile", "bicycle", "--out",
            out.path,
        ]
        #expect(exitCode(arguments) == 0)
        let written = try Data(contentsOf: out)
        #expect(written == (try Data(contentsOf: Self.committedMatrix)))
        try Data("earlier\n".utf8).write(to: out)
        #expect(exitCode(arguments) == 73)
        #expect(try String(contentsOf: out, encoding: .utf8) == "earlier\n")
        #expect(exitCode(arguments + ["--force"]) == 0)
        #expect(try Data(contentsOf: out) == written)
    }
}
