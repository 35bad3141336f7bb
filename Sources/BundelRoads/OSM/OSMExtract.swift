import Foundation

/// The roads of an OpenStreetMap XML extract: the position of every node, the tags of nodes that
/// are barriers (bollards, gates), and every way that carries a `highway` tag, with its tags.
/// Relations (turn restrictions among them) are not read; see ``RoadGraph`` for what that means
/// for the distances.
public struct OSMExtract: Sendable {
    /// A way with a `highway` tag: its node ids in order and its tags.
    public struct Way: Sendable {
        public let id: Int64
        public let nodes: [Int64]
        public let tags: [String: String]
        /// Line of the `<way>` tag, for messages.
        public let line: Int
    }

    /// The file as named in messages.
    public let file: String
    /// Node ids, latitudes and longitudes at the same positions, in file order.
    public let nodeIds: [Int64]
    public let latitudes: [Double]
    public let longitudes: [Double]
    public let ways: [Way]
    /// Tags of the nodes with a `barrier` tag, by node id.
    public let barriers: [Int64: [String: String]]

    /// Reads an `.osm` or `.osm.gz` file.
    public static func read(path: String, displayPath: String? = nil) throws(RoadsError) -> OSMExtract {
        let display = displayPath ?? path
        let bytes = try CompressedFile.read(path, displayPath: display)
        return try parse(bytes, file: display)
    }

    /// Reads OpenStreetMap XML held in memory.
    public static func parse(_ bytes: [UInt8], file: String) throws(RoadsError) -> OSMExtract {
        try refuseOtherFormats(bytes, file: file)
        var scanner = XMLTagScanner(bytes: bytes, file: file)
        var tag = XMLTagScanner.Tag()
        var nodeIds: [Int64] = [], latitudes: [Double] = [], longitudes: [Double] = []
        var ways: [Way] = []
        var barriers: [Int64: [String: String]] = [:]
        var sawRoot = false
        // The node being read, while its tags follow (only barriers keep them).
        var node: (id: Int64, tags: [String: String])?
        // The way being read: its id, line, nodes and tags until `</way>`.
        var way: (id: Int64, line: Int, nodes: [Int64], tags: [String: String])?

        func attribute(_ name: StaticString, of tag: XMLTagScanner.Tag) -> Range<Int>? {
            tag.attributes.first { scanner.equals($0.name, name) }?.value
        }
        func integer(_ name: StaticString, of tag: XMLTagScanner.Tag, element: String) throws(RoadsError) -> Int64 {
            guard let range = attribute(name, of: tag) else {
                throw RoadsError(
                    .input, file, line: tag.line, field: "\(element).\(name)",
                    "missing attribute '\(name)' of <\(element)>")
            }
            guard let value = Int64(scanner.string(range)) else {
                throw RoadsError(
                    .input, file, line: tag.line, field: "\(element).\(name)",
                    "expected a whole number, got '\(scanner.string(range))'")
            }
            return value
        }
        func degrees(_ name: StaticString, of tag: XMLTagScanner.Tag, limit: Double) throws(RoadsError) -> Double {
            guard let range = attribute(name, of: tag) else {
                throw RoadsError(
                    .input, file, line: tag.line, field: "node.\(name)", "missing attribute '\(name)' of <node>")
            }
            let text = scanner.string(range)
            guard let value = Double(text), value.isFinite, abs(value) <= limit else {
                throw RoadsError(
                    .input, file, line: tag.line, field: "node.\(name)",
                    "expected degrees between -\(Int(limit)) and \(Int(limit)), got '\(text)'")
            }
            return value
        }

        while try scanner.next(into: &tag) {
            if !sawRoot {
                guard !tag.isClosing, scanner.equals(tag.name, "osm") else {
                    throw RoadsError(
                        .input, file, line: tag.line,
                        "expected an OpenStreetMap XML file, whose first element is <osm>, but it starts with <\(scanner.string(tag.name))>"
                    )
                }
                sawRoot = true
                continue
            }
            if tag.isClosing {
                if scanner.equals(tag.name, "way"), let finished = way {
                    if finished.tags["highway"] != nil {
                        ways.append(
                            Way(id: finished.id, nodes: finished.nodes, tags: finished.tags, line: finished.line))
                    }
                    way = nil
                } else if scanner.equals(tag.name, "node"), let finished = node {
                    if finished.tags["barrier"] != nil { barriers[finished.id] = finished.tags }
                    node = nil
                }
                continue
            }
            if scanner.equals(tag.name, "node") {
                // Deleted nodes in history files have no position; they are not part of the map.
                if let visible = attribute("visible", of: tag), scanner.string(visible) == "false" { continue }
                let id = try integer("id", of: tag, element: "node")
                nodeIds.append(id)
                latitudes.append(try degrees("lat", of: tag, limit: 90))
                longitudes.append(try degrees("lon", of: tag, limit: 180))
                node = tag.isEmpty ? nil : (id, [:])
            } else if scanner.equals(tag.name, "way") {
                way = (try integer("id", of: tag, element: "way"), tag.line, [], [:])
                if tag.isEmpty { way = nil }
            } else if way != nil, scanner.equals(tag.name, "nd") {
                way!.nodes.append(try integer("ref", of: tag, element: "nd"))
            } else if way != nil || node != nil, scanner.equals(tag.name, "tag") {
                guard let key = attribute("k", of: tag), let value = attribute("v", of: tag) else {
                    throw RoadsError(.input, file, line: tag.line, field: "tag", "a <tag> needs both k and v")
                }
                if way != nil {
                    way!.tags[scanner.string(key)] = scanner.string(value)
                } else {
                    node!.tags[scanner.string(key)] = scanner.string(value)
                }
            }
        }
        guard sawRoot else {
            throw RoadsError(
                .input, file, "the file holds no XML elements; expected an OpenStreetMap extract (<osm> ...)")
        }
        if way != nil {
            throw RoadsError(.input, file, line: scanner.line, "the file ends inside a <way> (is it cut off?)")
        }
        return OSMExtract(
            file: file, nodeIds: nodeIds, latitudes: latitudes, longitudes: longitudes, ways: ways, barriers: barriers)
    }

    /// Explains what to do with the binary and JSON forms of map data, which look like garbage
    /// to an XML reader.
    private static func refuseOtherFormats(_ bytes: [UInt8], file: String) throws(RoadsError) {
        let head = bytes.prefix(64)
        let first = head.first {
            ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0xEF, 0xBB, 0xBF].contains(
                $0)
        }
        if first == UInt8(ascii: "<") || first == nil { return }
        let name = (file as NSString).lastPathComponent
        let stem = name.replacingOccurrences(of: ".osm.pbf", with: "").replacingOccurrences(of: ".pbf", with: "")
        if head.count >= 16, String(decoding: head, as: UTF8.self).contains("OSMHeader") {
            throw RoadsError(
                .input, file,
                "this is an OpenStreetMap PBF file; bundel reads OSM XML (.osm or .osm.gz): convert it with `osmium cat \(name) -o \(stem).osm.gz`"
            )
        }
        throw RoadsError(
            .input, file, line: 1,
            "expected OpenStreetMap XML (.osm, or .osm.gz compressed with gzip), but the file does not start with '<'")
    }
}
