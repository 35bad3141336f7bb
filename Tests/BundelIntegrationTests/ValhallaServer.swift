import BundelRoads
import BundelTestSupport
import Foundation

/// A Valhalla routing engine (pyvalhalla from PyPI) serving the tiles of an OpenStreetMap extract
/// on 127.0.0.1, for as long as the test needs it.
///
/// Everything is built in a temporary folder: the extract as PBF (osmium-tool; Valhalla's tile
/// builder reads nothing else), the configuration, the tiles. The Python environment comes from
/// `scripts/valhalla-env.sh`, which makes it on first use.
final class ValhallaServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let extract = root.appendingPathComponent("../shared/data/amsterdam-centre.osm.gz").standardizedFileURL.path

    /// Why Valhalla cannot run here, or `nil` when it can; the environment is made as a side effect.
    static let unavailableReason: String? = {
        guard FileManager.default.fileExists(atPath: extract) else {
            return "\(extract) is absent (the shared OpenStreetMap extract)"
        }
        guard let osmium = executable("osmium") else {
            return "osmium-tool is not installed: apt-get install -y osmium-tool"
        }
        _ = osmium
        let script = root.appendingPathComponent("scripts/valhalla-env.sh").path
        let result = run(script, [], environment: [:])
        guard result.status == 0, let venv = result.output.split(separator: "\n").last.map(String.init) else {
            return
                "no Python environment with pyvalhalla (\(result.errors.trimmingCharacters(in: .whitespacesAndNewlines))); make it with \(script)"
        }
        environment = venv
        return nil
    }()

    /// The virtual environment's folder, once ``unavailableReason`` found it.
    nonisolated(unsafe) private static var environment = ""

    let folder: URL
    let port: Int
    let process: Process
    /// Seconds the tile build took.
    let tileSeconds: Double
    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Builds the tiles and starts the service; throws with the tools' own output on failure.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-valhalla-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard let free = LoopbackPort.unused() else { throw HarnessError("cannot bind a socket to find a free port") }
        port = free
        let bin = "\(Self.environment)/bin"
        let path = ["PATH": "\(bin):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"]
        let pbf = folder.appendingPathComponent("extract.osm.pbf").path
        try Self.check(
            Self.run(Self.executable("osmium")!, ["cat", Self.extract, "-o", pbf, "--overwrite"], environment: [:]),
            "osmium cat")

        let config = folder.appendingPathComponent("valhalla.json").path
        // Private sockets in the folder (the defaults under /tmp would collide with any other
        // Valhalla on the machine) and no draining, so that the service stops at once.
        let made = Self.run(
            "\(bin)/valhalla_build_config",
            [
                "--mjolnir-tile-dir", folder.appendingPathComponent("tiles").path,
                "--mjolnir-tile-extract", folder.appendingPathComponent("tiles.tar").path,
                "--mjolnir-timezone", folder.appendingPathComponent("timezones.sqlite").path,
                "--mjolnir-admin", folder.appendingPathComponent("admins.sqlite").path,
                "--httpd-service-listen", "tcp://127.0.0.1:\(port)",
                "--httpd-service-loopback", "ipc://\(folder.path)/loopback",
                "--httpd-service-interrupt", "ipc://\(folder.path)/interrupt",
                "--httpd-service-drain-seconds", "0", "--httpd-service-shutdown-seconds", "0",
            ], environment: path)
        try Self.check(made, "valhalla_build_config")
        try Data(made.output.utf8).write(to: URL(fileURLWithPath: config))

        let started = Date()
        try Self.check(
            Self.run("\(bin)/valhalla_build_tiles", ["-c", config, pbf], environment: path), "valhalla_build_tiles")
        tileSeconds = Date().timeIntervalSince(started)

        // The service binary itself, not pyvalhalla's Python wrapper around it, so that stopping
        // the process stops the server.
        let binaries = try FileManager.default.contentsOfDirectory(atPath: "\(Self.environment)/lib")
            .map { "\(Self.environment)/lib/\($0)/site-packages/valhalla/bin/valhalla_service" }
        guard let service = binaries.first(where: FileManager.default.isExecutableFile) else {
            throw HarnessError(
                "no valhalla_service binary in \(Self.environment)/lib/python*/site-packages/valhalla/bin")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: service)
        process.arguments = [config, "1"]
        process.environment = ProcessInfo.processInfo.environment.merging(path) { $1 }
        let log = folder.appendingPathComponent("service.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try waitUntilServing(log: log)
    }

    /// Stops the service and removes the folder.
    func stop() {
        if process.isRunning {
            // SIGKILL, not SIGTERM: the child inherits the signal mask of the test runner's
            // thread that started it, in which SIGTERM is blocked, so SIGTERM would wait forever.
            // The server keeps nothing worth a clean shutdown.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private func waitUntilServing(log: URL) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            guard process.isRunning else { break }
            let status = HTTPRequest(url: url.appendingPathComponent("status"), method: "GET", body: nil)
            if let answer = try? URLSessionTransport(timeoutSeconds: 2).send(status), answer.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw HarnessError("valhalla_service did not answer on \(url): \(output.suffix(1000))")
    }

    static func executable(_ name: String) -> String? { ProcessRun.onPath(name)?.path }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]
    ) -> (status: Int32, output: String, errors: String) {
        do {
            let run = try ProcessRun.run(URL(fileURLWithPath: executable), arguments, environment: environment)
            return (run.status, run.output, run.errors)
        } catch {
            return (-1, "", "\(executable): \(error)")
        }
    }

    private static func check(_ result: (status: Int32, output: String, errors: String), _ step: String) throws {
        guard result.status == 0 else {
            throw HarnessError("\(step) failed (\(result.status)): \(result.errors.suffix(1500))")
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
