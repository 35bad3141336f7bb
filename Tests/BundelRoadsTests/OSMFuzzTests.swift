import BundelFuzzSupport
import BundelRouting
import Foundation
import Testing

@testable import BundelRoads

/// Fuzz tests of the hand-written OpenStreetMap XML scanner and the road graph built on what it
/// reads: damaged versions of the hand-made street grid (`Fixtures/tiny.osm`) must each load
/// into a consistent extract whose road graph builds for every travel mode, or be refused with
/// a `RoadsError` of kind input naming the file; any other error, or a trap, fails. The damage
/// is seeded, so every run reads the same inputs (`BUNDEL_FUZZ_ITERATIONS`, `BUNDEL_FUZZ_SEED`
/// for longer runs elsewhere). No input has stopped or fooled the scanner yet (600 of each kind
/// per run, and 20,000 with seeds 1-3): should one, keep it as a regression input.
@Suite struct OSMFuzzTests {
    static let iterations = FuzzRun.iterations(default: 600)
    static let tiny = Array(try! Data(contentsOf: URL(fileURLWithPath: RoadFixture.tinyOSM)))

    /// What the scanner made of `bytes`: a consistent load or its own refusal.
    static func outcome(_ bytes: [UInt8], file: String) throws -> FuzzRun.Outcome {
        let extract: OSMExtract
        do { extract = try OSMExtract.parse(bytes, file: file) } catch { return try refusal(error, file) }
        return try check(extract, file: file)
    }

    /// A refusal must be the reader's own error, about the input, naming the file.
    static func refusal(_ error: any Error, _ file: String) throws -> FuzzRun.Outcome {
        try FuzzRun.refusal(error, expected: RoadsError.self) { error in
            error.kind != .input
                ? "its kind is not input" : error.source != file ? "it names \(error.source), not \(file)" : nil
        }
    }

    /// A loaded extract is consistent (one position per node, positions on the globe, only ways
    /// with a highway tag), and its road graph either builds for every mode or is refused.
    /// Reads a damaged file of a fuzz run: a consistent extract, or the reader's own refusal.
    static func readDamaged(folder: URL, file: String) throws -> FuzzRun.Outcome {
        let path = folder.appendingPathComponent(file).path
        let extract: OSMExtract
        do { extract = try OSMExtract.read(path: path) } catch { return try refusal(error, path) }
        return try check(extract, file: path)
    }

    static func check(_ extract: OSMExtract, file: String) throws -> FuzzRun.Outcome {
        guard extract.nodeIds.count == extract.latitudes.count, extract.nodeIds.count == extract.longitudes.count,
            extract.latitudes.allSatisfy({ $0.isFinite && abs($0) <= 90 }),
            extract.longitudes.allSatisfy({ $0.isFinite && abs($0) <= 180 }),
            extract.ways.allSatisfy({ $0.tags["highway"] != nil })
        else {
            throw FuzzViolation("inconsistent extract: \(extract.nodeIds.count) nodes, \(extract.ways.count) ways")
        }
        for mode in TravelMode.allCases {
            let graph: RoadGraph
            do { graph = try RoadGraph(extract: extract, rules: .standard(mode)) } catch {
                return try refusal(error, file)
            }
            guard graph.nodeCount >= 0, graph.edgeCount >= 0, graph.routableNodes <= graph.nodeCount else {
                throw FuzzViolation(
                    "inconsistent \(mode) graph: \(graph.nodeCount) nodes, \(graph.routableNodes) routable")
            }
        }
        return .loaded
    }

    /// Damage by bytes and lines, as for every reader (``InputMutator``), read from disk.
    @Test func randomDamage() throws {
        let run = try FuzzRun.run(
            "osm", seeds: [("tiny.osm", Self.tiny)], iterations: Self.iterations, seed: 21,
            read: Self.readDamaged)
        print(run.summary)
        #expect(run.failures.isEmpty, "\(run.failures.prefix(3).map(\.description).joined(separator: "\n"))")
        #expect(run.loaded > 0 && run.refused > 0, "\(run.summary)")
    }

    /// Damage that knows XML and OpenStreetMap: tags cut off, bad entities, huge and odd ids,
    /// references to nodes that are not there, odd coordinates, elements lost or left open.
    @Test func structuredDamage() throws {
        let shift = ProcessInfo.processInfo.environment["BUNDEL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0
        var rng = SeededGenerator(seed: 22 &+ shift &* 1000)
        var loaded = 0, refused = 0
        var failures: [String] = []
        for iteration in 0..<Self.iterations {
            var bytes = Self.tiny
            for _ in 0..<Int.random(in: 1...3, using: &rng) { bytes = OSMDamage.apply(to: bytes, using: &rng) }
            do {
                switch try Self.outcome(bytes, file: "damaged.osm") {
                case .loaded: loaded += 1
                case .refused: refused += 1
                }
            } catch {
                failures.append(
                    "iteration \(iteration): \(error)\n--- input ---\n\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        print(
            "fuzz osm-structured: \(Self.iterations) inputs, \(loaded) loaded, \(refused) refused, \(failures.count) failures"
        )
        #expect(failures.isEmpty, "\(failures.prefix(3).joined(separator: "\n"))")
        #expect(loaded > 0 && refused > 0)
    }

    /// The compressed form: damaged gzip bytes must be refused by the reader, not trap in zlib's
    /// hands or produce a half-read extract that is inconsistent.
    @Test func damagedGzip() throws {
        let gz = Array(try Data(contentsOf: URL(fileURLWithPath: RoadFixture.tinyOSMGz)))
        let run = try FuzzRun.run(
            "osm-gz", seeds: [("tiny.osm.gz", gz)], iterations: Self.iterations / 3, seed: 23,
            read: Self.readDamaged)
        print(run.summary)
        #expect(run.failures.isEmpty, "\(run.failures.prefix(3).map(\.description).joined(separator: "\n"))")
        #expect(run.refused > 0, "\(run.summary)")
    }
}

/// Damage of OpenStreetMap XML that byte flips rarely make: each call makes one change.
enum OSMDamage {
    static let entities = [
        "&", "&amp", "&bogus;", "&#;", "&#x;", "&#xD800;", "&#x110000;", "&#99999999999;", "&#-1;", "&#0;",
        "&lt;&gt;&quot;&apos;", "&#x41;", "&#65;", "&&&;;", "&#xFFFFFFFFFFFFFFFF;",
    ]
    static let ids = [
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "0", "-1",
        "1e3", "", " 1", "0x10", "+2", "١", "3.0", "nan",
    ]
    static let degrees = [
        "nan", "1e400", "-0", "90.0000001", "-180.5", "", "52,37", "inf", "0x1p3", "52.37.1", "1e-400",
    ]

    static func apply(to bytes: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: // Cut off inside a tag: just after a random '<'.
            let opens = positions(of: "<", in: text)
            guard let open = opens.randomElement(using: &rng) else { return bytes }
            let cut = text.utf8.index(
                text.utf8.startIndex, offsetBy: min(text.utf8.count, open + Int.random(in: 1...12, using: &rng)))
            return Array(text.utf8[..<cut])
        case 1: // A bad or odd entity inside an attribute value.
            text = insertIntoValue(entities.randomElement(using: &rng)!, text, using: &rng)
        case 2: // A huge, negative or malformed id or reference.
            text = replaceValue(
                of: ["id", "ref"].randomElement(using: &rng)!, with: ids.randomElement(using: &rng)!, text, using: &rng)
        case 3: // A reference to a node that is not in the file.
            text = replaceValue(
                of: "ref", with: String(Int.random(in: 100...1_000_000, using: &rng)), text, using: &rng)
        case 4: // An odd coordinate.
            text = replaceValue(
                of: ["lat", "lon"].randomElement(using: &rng)!, with: degrees.randomElement(using: &rng)!, text,
                using: &rng)
        case 5: // An element closed twice or never: a closing tag lost or repeated.
            let closing = ["</way>", "</node>", "</osm>", "/>"].randomElement(using: &rng)!
            guard let range = ranges(of: closing, in: text).randomElement(using: &rng) else { return bytes }
            text.replaceSubrange(range, with: Bool.random(using: &rng) ? "" : closing + closing)
        case 6: // An element where it does not belong: a way inside a way, a node inside a way, a stray nd.
            let stray = [
                "<way id=\"77\">", "<node id=\"78\" lat=\"52.37\" lon=\"4.9\"/>", "<nd ref=\"1\"/>",
                "<tag k=\"highway\"/>",
                "<tag v=\"x\" k=\"highway\" k=\"y\"/>", "<osm>", "<!-- ", "<![CDATA[", "<?xml ?>", "<", ">", "\"", "'",
            ]
            .randomElement(using: &rng)!
            let lines = positions(of: "\n", in: text)
            guard let at = lines.randomElement(using: &rng) else { return bytes }
            text.insert(contentsOf: stray, at: text.utf8.index(text.utf8.startIndex, offsetBy: at + 1))
        case 7: // A quote lost, so that a value runs on into the next attribute or element.
            guard let range = ranges(of: "\"", in: text).randomElement(using: &rng) else { return bytes }
            text.replaceSubrange(range, with: "")
        default: // Any of the generic damages.
            return InputMutator.mutate(bytes, using: &rng)
        }
        return Array(text.utf8)
    }

    /// UTF-8 offsets of `needle` in `text`.
    static func positions(of needle: String, in text: String) -> [Int] {
        ranges(of: needle, in: text).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
    }

    static func ranges(of needle: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var rest = text.startIndex..<text.endIndex
        while let range = text.range(of: needle, range: rest) {
            found.append(range)
            rest = range.upperBound..<text.endIndex
        }
        return found
    }

    /// `text` with the value of a random `name="..."` attribute replaced by `value`.
    static func replaceValue(
        of name: String, with value: String, _ text: String, using rng: inout some RandomNumberGenerator
    ) -> String {
        guard let start = ranges(of: " \(name)=\"", in: text).randomElement(using: &rng),
            let end = text[start.upperBound...].firstIndex(of: "\"")
        else { return text }
        var copy = text
        copy.replaceSubrange(start.upperBound..<end, with: value)
        return copy
    }

    /// `text` with `insert` put at the start of a random attribute value.
    static func insertIntoValue(_ insert: String, _ text: String, using rng: inout some RandomNumberGenerator) -> String
    {
        guard let start = ranges(of: "=\"", in: text).randomElement(using: &rng) else { return text }
        var copy = text
        copy.insert(contentsOf: insert, at: start.upperBound)
        return copy
    }
}
