import BundelTestSupport
import Foundation
import Testing

/// `bundel-web` as a person starts it: a process that says where it serves and answers there.
struct BundelWebExecutableTests {
    static let executable: URL? = BuiltExecutable.bundel.map {
        $0.deletingLastPathComponent().appendingPathComponent("bundel-web")
    }.flatMap { FileManager.default.isExecutableFile(atPath: $0.path) ? $0 : nil }

    @Test(.enabled(if: executable != nil, "bundel-web was not built beside the tests; run `swift build` first"))
    func startsServesHealthAndStopsOnSigint() async throws {
        let folder = try scratchFolder("bundel-web-web-exe")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try #require(LoopbackPort.unused())
        let process = Process()
        process.executableURL = Self.executable!
        process.arguments = ["--port", String(port), "--data", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Its first line says where it serves, once it listens.
        let line = await Task.detached {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data, as: UTF8.self)
        }.value
        #expect(line.contains("serving http://127.0.0.1:\(port)/"), "\(line)")
        let client = WebClient(base: URL(string: "http://127.0.0.1:\(port)")!)
        let health = try await client.get("/api/health")
        #expect(health.status == 200)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bundel-web.sqlite").path))
        process.interrupt()
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "bundel-web did not stop on SIGINT within 120 s")
    }
}
