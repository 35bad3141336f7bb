import BundelTestSupport
import BundelWeb
import Foundation
import Testing

/// Uploads that must be refused with the right status and leave nothing behind: no network row,
/// no folder under networks/, no scratch folder under uploads/.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct BadUploadTests {
    /// Small limits, so that the test data stays small.
    static func limits(_ configuration: inout WebConfiguration) {
        configuration.limits.bodyBytes = 256 * 1024
        configuration.limits.uncompressedBytes = 1024 * 1024
        configuration.limits.zipEntries = 20
    }

    @Test func refusedUploadsStoreNothing() async throws {
        try await WebTestServer.with(configure: Self.limits) { server in
            let client = server.client()
            func upload(_ data: Data) async throws -> WebResponse {
                try await client.send("POST", "/api/networks", body: data, headers: ["Content-Type": "application/zip"])
            }
            // Larger than the body limit.
            let oversized = try await upload(Data(repeating: 7, count: 300 * 1024))
            #expect(oversized.status == 413, "\(oversized.text)")
            // A name that climbs out of the folder.
            let climbing = try await upload(
                try ZipFixtures.zip([("network.yaml", Data("name: x\n".utf8)), ("../escape.txt", Data("x".utf8))]))
            #expect(climbing.status == 400, "\(climbing.text)")
            #expect((climbing.object["error"] as? String)?.contains("..") == true)
            let absolute = try await upload(try ZipFixtures.zip([("/tmp/bundel-web-escape.txt", Data("x".utf8))]))
            #expect(absolute.status == 400, "\(absolute.text)")
            // A link.
            let link = try await upload(try ZipFixtures.withLink())
            #expect(link.status == 400, "\(link.text)")
            // A bomb: 3 MB of zeros deflate to a few kilobytes, past the 1 MB uncompressed limit.
            let bomb = try await upload(
                try ZipFixtures.zip([("network.yaml", Data("name: x\n".utf8)), ("zeros.csv", Data(count: 3_000_000))]))
            #expect(bomb.status == 413, "\(bomb.text)")
            // Too many entries.
            let many = try await upload(try ZipFixtures.zip((0..<25).map { ("f\($0).csv", Data("a\n".utf8)) }))
            #expect(many.status == 413, "\(many.text)")
            // Not a ZIP at all.
            let notZip = try await upload(Data("hello".utf8))
            #expect(notZip.status == 400, "\(notZip.text)")
            // A broken CSV: the problem named by file, line and field, as `bundel validate` says it.
            let broken = try await upload(
                try ZipFixtures.smallNetwork(
                    editing: "sites.csv", replacing: "s2,Site two,centre,52.3636", with: "s2,Site two,centre,fifty-two")
            )
            #expect(broken.status == 422, "\(broken.text)")
            let problems = broken.object["problems"] as? [[String: Any]] ?? []
            #expect(
                problems.contains {
                    $0["file"] as? String == "sites.csv" && $0["line"] as? Int == 3 && $0["field"] as? String == "lat"
                }, "\(problems)")
            // A table named outside the folder is refused before the loader could read it.
            let outside = try await upload(
                try ZipFixtures.smallNetwork(
                    editing: "network.yaml", replacing: "sites: sites.csv", with: "sites: ../../bundel-web.sqlite"))
            #expect(outside.status == 422, "\(outside.text)")
            #expect(
                (outside.object["problems"] as? [[String: Any]])?.first?["field"] as? String == "sites",
                "\(outside.text)")
            #expect(!outside.text.contains("SQLite"))
            let noNetworkFile = try await upload(try ZipFixtures.zip([("sites.csv", Data("id\n".utf8))]))
            #expect(noNetworkFile.status == 422, "\(noNetworkFile.text)")

            #expect(try await client.get("/api/networks").array.isEmpty)
            let fm = FileManager.default
            #expect(try fm.contentsOfDirectory(atPath: server.folder.appendingPathComponent("networks").path).isEmpty)
            #expect(try fm.contentsOfDirectory(atPath: server.folder.appendingPathComponent("uploads").path).isEmpty)
            #expect(!fm.fileExists(atPath: "/tmp/bundel-web-escape.txt"))
            #expect(!fm.fileExists(atPath: server.folder.appendingPathComponent("escape.txt").path))
        }
    }
}
