import Foundation

@testable import BundelRoads

/// The hand-made street grid under `Fixtures/` and scratch files for tests that need broken ones.
enum RoadFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var tinyOSM: String { folder.appendingPathComponent("tiny.osm").path }
    static var tinyOSMGz: String { folder.appendingPathComponent("tiny.osm.gz").path }

    /// The grid's node positions by OpenStreetMap id, read from the file's text independently of
    /// the reader under test.
    static func positions() throws -> [Int64: RoadPoint] {
        let text = try String(contentsOfFile: tinyOSM, encoding: .utf8)
        var result: [Int64: RoadPoint] = [:]
        let pattern = try NSRegularExpression(pattern: #"<node id="(\d+)" lat=["'](\S+?)["'] lon=["'](\S+?)["']"#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let part = { (i: Int) in String(text[Range(match.range(at: i), in: text)!]) }
            result[Int64(part(1))!] = RoadPoint(latitude: Double(part(2))!, longitude: Double(part(3))!)
        }
        return result
    }

    /// A file with `content` in a fresh temporary folder.
    static func scratch(_ name: String, _ content: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-roads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try content.write(to: url)
        return url
    }
}
