import Foundation
import Testing

@testable import BundelRoads

@Suite("OpenStreetMap extracts")
struct OSMExtractTests {
    @Test func readsNodesAndOnlyTheWaysWithAHighwayTag() throws {
        let extract = try OSMExtract.read(path: RoadFixture.tinyOSM)
        let positions = try RoadFixture.positions()
        #expect(extract.nodeIds.count == positions.count)
        for (index, id) in extract.nodeIds.enumerated() {
            #expect(
                RoadPoint(latitude: extract.latitudes[index], longitude: extract.longitudes[index]) == positions[id])
        }
        // The building (way 17) and the relation are not roads.
        #expect(extract.ways.map(\.id) == [10, 11, 12, 13, 14, 15, 16, 18])
        let south = try #require(extract.ways.first { $0.id == 10 })
        #expect(south.nodes == [1, 2, 3])
        #expect(south.tags["name"] == "Zuidstraat & Co")
        let text = try String(contentsOfFile: RoadFixture.tinyOSM, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("<way id=\"10\">") }! + 1
        #expect(south.line == line)
        // Node tags are kept for barriers only.
        #expect(extract.barriers == [8: ["barrier": "bollard"]])
    }

    @Test func gzipAndPlainGiveTheSameExtract() throws {
        let plain = try OSMExtract.read(path: RoadFixture.tinyOSM)
        let compressed = try OSMExtract.read(path: RoadFixture.tinyOSMGz)
        #expect(plain.nodeIds == compressed.nodeIds && plain.latitudes == compressed.latitudes)
        #expect(plain.ways.map(\.nodes) == compressed.ways.map(\.nodes))
        #expect(plain.ways.map(\.tags) == compressed.ways.map(\.tags))
    }

    @Test func aCutOffGzipFileIsReportedAsDamaged() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: RoadFixture.tinyOSMGz))
        let url = try RoadFixture.scratch("cut.osm.gz", bytes.prefix(bytes.count / 2))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect {
            try OSMExtract.read(path: url.path, displayPath: "cut.osm.gz")
        } throws: { error in
            let message = (error as! RoadsError).description
            return message.hasPrefix("cut.osm.gz: the file is damaged: zlib says")
                && message.hasSuffix("(is the download complete?)")
        }
    }

    /// Each broken file gives one message naming the file, the line and what to do.
    @Test(arguments: [
        (
            "<html><body>no map</body></html>",
            "x.osm:1: expected an OpenStreetMap XML file, whose first element is <osm>, but it starts with <html>"
        ),
        (
            "<osm>\n <node id=\"1\" lat=\"52.1\" lon=\"4,9\"/>\n</osm>",
            "x.osm:2: field 'node.lon': expected degrees between -180 and 180, got '4,9'"
        ),
        (
            "<osm>\n <node id=\"1\" lat=\"95\" lon=\"4.9\"/>\n</osm>",
            "x.osm:2: field 'node.lat': expected degrees between -90 and 90, got '95'"
        ),
        ("<osm>\n <way id=\"w1\">\n</way></osm>", "x.osm:2: field 'way.id': expected a whole number, got 'w1'"),
        (
            "<osm>\n\n <node id=\"1\" lat=\"52.1\"",
            "x.osm:3: not well-formed XML: the file ends inside the tag <node> (is it cut off?)"
        ),
        ("<osm>\n <way id=\"1\">\n  <nd ref=\"1\"/>\n", "x.osm:4: the file ends inside a <way> (is it cut off?)"),
        (
            "<osm>\n <node id=\"1\" lat=52.1 lon=\"4.9\"/>",
            "x.osm:2: not well-formed XML: the value of attribute 'lat' must be in quotes"
        ),
        (
            "{\"type\": \"FeatureCollection\"}",
            "x.osm:1: expected OpenStreetMap XML (.osm, or .osm.gz compressed with gzip), but the file does not start with '<'"
        ),
    ])
    func brokenFilesAreExplained(content: String, message: String) throws {
        #expect {
            try OSMExtract.parse(Array(content.utf8), file: "x.osm")
        } throws: { error in
            (error as! RoadsError).description == message
        }
    }

    @Test func aPBFFileGetsTheConversionCommand() throws {
        var bytes: [UInt8] = [0, 0, 0, 13, 10, 9]
        bytes += Array("OSMHeader".utf8) + [0x18, 0x7c, 0x10, 0x71, 0x1a, 0x78, 0x9c, 0xe3, 0x0a, 0x0f, 0xf6]
        #expect {
            try OSMExtract.parse(bytes, file: "maps/city.osm.pbf")
        } throws: { error in
            (error as! RoadsError).description
                == "maps/city.osm.pbf: this is an OpenStreetMap PBF file; bundel reads OSM XML (.osm or .osm.gz): convert it with `osmium cat city.osm.pbf -o city.osm.gz`"
        }
    }

    @Test func aMissingFileIsAnInputError() {
        #expect {
            try OSMExtract.read(path: "/nonexistent/map.osm.gz", displayPath: "map.osm.gz")
        } throws: { error in
            let error = error as! RoadsError
            return error.kind == .input && error.description == "map.osm.gz: cannot read the file (no such file)"
        }
    }
}
