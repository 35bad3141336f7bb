import ArgumentParser
@testable import bundel
import Foundation
import Testing

/// The command line: exit codes per kind of failure, and no output file unless the run succeeds.
@Suite("Command line")
struct CommandLineTests {
    static let smallScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BundelPlannerTests/Fixtures/small/scenario.yaml").path

    /// Parses and runs `arguments`; returns the exit code it ends with (0 when it returns).
    func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try Bundel.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return Bundel.exitCode(for: error).rawValue
        }
    }

    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func planWritesTheModelWhenAsked() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("model.lp")
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--write-lp", lp.path]) == 0)
        let text = try String(contentsOf: lp, encoding: .utf8)
        #expect(text.contains("Minimize") && text.contains("assign(f0)"))
    }

    @Test func validateAcceptsTheFixture() {
        #expect(exitCode(["validate", Self.smallScenario]) == 0)
    }

    @Test func inputErrorsExitWith65() {
        #expect(exitCode(["validate", "/nonexistent/scenario.yaml"]) == 65)
        #expect(exitCode(["plan", "/nonexistent/scenario.yaml"]) == 65)
    }

    @Test func usageErrorsExitWith64() {
        #expect(exitCode(["plan", Self.smallScenario, "--time-limit", "-3"]) == 64)
        #expect(exitCode(["plan"]) == 64)
    }

    @Test func anUnwritableModelFileExitsWith73AndLeavesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("missing-folder/model.lp")
        #expect(exitCode(["plan", Self.smallScenario, "--write-lp", target.path]) == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func outWritesTheEmissionDetailAndRefusesToOverwrite() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("detail")
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--out", out.path]) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["elements.csv", "flows.csv", "groups.csv", "methodology.md"])
        let elements = try String(contentsOf: out.appendingPathComponent("elements.csv"), encoding: .utf8)
        #expect(elements.hasPrefix("plan,element,day,operated_by,vehicle_type,km,tonne_km,energy,energy_carrier,co2e_wtw_kg"))
        #expect(elements.contains(",hub-operation,"))
        // A second run must not overwrite without --force, and writes nothing new.
        let before = try Data(contentsOf: out.appendingPathComponent("flows.csv"))
        #expect(exitCode(["plan", Self.smallScenario, "--out", out.path, "--seed", "9"]) == 73)
        #expect(try Data(contentsOf: out.appendingPathComponent("flows.csv")) == before)
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--out", out.path, "--force"]) == 0)
    }
}
