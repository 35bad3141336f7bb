import Foundation
import Testing

@testable import BundelPlanner

/// Matrix files in every form bundel reads: long and square CSV, OSRM and Valhalla answers.
@Suite("Matrix files")
struct MatrixFileTests {
    /// The small network's locations in matrix order (hubs, sites, suppliers).
    static let ids = ["hub", "s1", "s2", "s3", "s4", "s5", "s6", "far", "near", "parcels"]

    /// Made-up but asymmetric distances (metres) and times (seconds) for every pair.
    static func metres(_ i: Int, _ j: Int) -> Int { i == j ? 0 : 1000 + 37 * i + 113 * j }
    static func seconds(_ i: Int, _ j: Int) -> Int { i == j ? 0 : 120 + 7 * i + 3 * j }

    /// A copy of the small fixture whose scenario reads `files` (name → content) as
    /// `distances` fields (`matrix: name`, `durations: name`).
    func scenario(_ files: [String: String], fields: String) throws -> (URL, Scenario?, [InputProblem]) {
        let folder = try Fixture.copyOfSmall()
        for (name, content) in files {
            try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try Fixture.edit(folder, "scenario.yaml", replacing: "  detour_factor: 1.3", with: fields)
        do {
            let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
            _ = try TravelMatrix.forScenario(scenario)
            return (folder, scenario, [])
        } catch {
            return (folder, nil, error.problems)
        }
    }

    func matrix(_ files: [String: String], fields: String) throws -> TravelMatrix {
        let (folder, scenario, problems) = try scenario(files, fields: fields)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let scenario else { throw InputError(problems) }
        return try TravelMatrix.forScenario(scenario)
    }

    /// The messages, with the temporary folder cut off so that they can be compared exactly.
    func messages(_ files: [String: String], fields: String) throws -> [String] {
        let (folder, _, problems) = try scenario(files, fields: fields)
        defer { try? FileManager.default.removeItem(at: folder) }
        return problems.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    static func square(_ unit: String, value: (Int, Int) -> String, ids: [String] = ids) -> String {
        var lines = [([unit] + ids).joined(separator: ",")]
        for (i, from) in ids.enumerated() {
            lines.append(
                ([from] + ids.indices.map { value(Self.ids.firstIndex(of: from)!, Self.ids.firstIndex(of: ids[$0])!) })
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func expectExact(_ matrix: TravelMatrix, durations: Bool) {
        #expect(matrix.ids == Self.ids)
        for i in Self.ids.indices {
            for j in Self.ids.indices {
                #expect(matrix.metres[i * 10 + j] == Self.metres(i, j))
                if durations { #expect(matrix.seconds.map { Int($0[i * 10 + j]) } == Self.seconds(i, j)) }
            }
        }
        #expect((matrix.seconds != nil) == durations)
    }

    @Test func squareCSVWithSeparateDurationsInAnyOrder() throws {
        // Rows and columns shuffled: they are matched by id, not position.
        let shuffled = Self.ids.reversed().map { $0 }
        let distances = Self.square("distance_km", value: { String(Double(Self.metres($0, $1)) / 1000) }, ids: shuffled)
        let durations = Self.square("duration_s", value: { String(Self.seconds($0, $1)) })
        expectExact(try matrix(["d.csv": distances], fields: "  matrix: d.csv"), durations: false)
        expectExact(
            try matrix(["d.csv": distances, "t.csv": durations], fields: "  matrix: d.csv\n  durations: t.csv"),
            durations: true)
        let metresForm = Self.square("distance_m", value: { String(Self.metres($0, $1)) })
        let minutes = Self.square("duration_min", value: { String(Double(Self.seconds($0, $1)) / 60) })
        expectExact(
            try matrix(["d.csv": metresForm, "t.csv": minutes], fields: "  matrix: d.csv\n  durations: t.csv"),
            durations: true)
    }

    @Test func squareCSVProblemsNameLineAndField() throws {
        var rows = Self.square("distance_km", value: { String(Double(Self.metres($0, $1)) / 1000) }).split(
            separator: "\n"
        ).map(String.init)
        rows[0] = rows[0].replacingOccurrences(of: ",s6,", with: ",s7,")
        rows[2] = rows[2].replacingOccurrences(of: "s1,1.037,0.0,", with: "s1,1.037,0.4,")
        rows[4] = rows[4].replacingOccurrences(of: ",1.", with: ",1,")
        rows[10] = rows[3]
        let problems = try messages(["d.csv": rows.joined(separator: "\n") + "\n"], fields: "  matrix: d.csv")
        // The reader of CSV files reports the row with decimal commas before the matrix is read.
        #expect(
            problems == [
                "d.csv:5: 18 fields but the header has 11 (a decimal comma? write 12.5, not 12,5; or quote a text that contains a comma)",
                "d.csv:1: field 's7': unknown location 's7' in the header (not a hub, site or supplier of the network)",
                "d.csv:1: the header lacks 1 location(s): s6; it must name every hub, site and supplier",
                "d.csv:3: field 's1': from a location to itself must be 0 or empty, got 0.4",
                "d.csv:11: field 'distance_km': location 's2' already has a row (line 4)",
                "d.csv: 2 location(s) have no row: s3, parcels; add a row for each, its first cell the location's id",
                "d.csv: 25 of 90 location pairs are missing (for example hub -> s6, s1 -> s6, s2 -> s6); the matrix must cover every pair of hubs, sites and supplier depots",
            ])

        #expect(
            try messages(["d.csv": "km,hub,s1\n"], fields: "  matrix: d.csv")
                == [
                    "d.csv:1: field 'km': a square matrix's top-left cell must say what the numbers are: distance_km or distance_m; got 'km' (or write the long form with columns from,to,distance_km)"
                ])
        let durations = Self.square("duration_min", value: { String($0 + $1) })
        #expect(
            try messages(["d.csv": durations], fields: "  matrix: d.csv")
                == [
                    "d.csv:1: field 'duration_min': distances.matrix needs distance_km or distance_m, but this file holds duration_min; give durations in distances.durations and distances in distances.matrix"
                ])
    }

    @Test func durationsAreRefusedTwiceAndWithoutAMatrix() throws {
        var long = "from,to,distance_km,duration_min\n"
        for (i, from) in Self.ids.enumerated() {
            for (j, to) in Self.ids.enumerated() where i != j {
                long += "\(from),\(to),\(Double(Self.metres(i, j)) / 1000),\(Double(Self.seconds(i, j)) / 60)\n"
            }
        }
        expectExact(try matrix(["m.csv": long], fields: "  matrix: m.csv"), durations: true)
        let durations = Self.square("duration_s", value: { String(Self.seconds($0, $1)) })
        #expect(
            try messages(["m.csv": long, "t.csv": durations], fields: "  matrix: m.csv\n  durations: t.csv")
                == ["t.csv: m.csv already gives durations; leave out distances.durations or use a matrix without them"])
        #expect(
            try messages(["t.csv": durations], fields: "  detour_factor: 1.3\n  durations: t.csv").contains {
                $0.hasSuffix(
                    "field 'distances.durations': durations go with a distance matrix: give distances.matrix too")
            })
    }

    @Test func unknownExtensionsAreExplained() throws {
        #expect(
            try messages(["m.xlsx": "x"], fields: "  matrix: m.xlsx")
                == [
                    "m.xlsx: unknown matrix file type '.xlsx': use .csv (the long form from,to,distance_km[,duration_min] or a square table of ids) or .json (an OSRM table or Valhalla sources_to_targets answer)"
                ])
    }

    /// An OSRM answer for the network's points, with waypoints where the locations are.
    static func osrmAnswer(
        points: [GeoPoint], cell: (Int, Int) -> (Int?, Int?) = { (metres($0, $1), seconds($0, $1)) }
    ) -> String {
        let n = points.count
        let distances = (0..<n).map { i in
            (0..<n).map { j in cell(i, j).0.map { "\($0).0" } ?? "null" }.joined(separator: ",")
        }
        let durations = (0..<n).map { i in
            (0..<n).map { j in cell(i, j).1.map { "\($0).0" } ?? "null" }.joined(separator: ",")
        }
        let waypoints = points.map {
            #"{"location":[\#($0.longitude + 0.0004),\#($0.latitude)],"name":"","distance":27.1}"#
        }.joined(separator: ",")
        return
            #"{"code":"Ok","distances":[[\#(distances.joined(separator: "],["))]],"durations":[[\#(durations.joined(separator: "],["))]],"sources":[\#(waypoints)],"destinations":[\#(waypoints)]}"#
    }

    static func smallPoints() throws -> [GeoPoint] {
        TravelMatrix.locations(of: try ScenarioLoader.load(path: Fixture.smallScenario).network).map(\.point)
    }

    @Test func osrmAndValhallaAnswersAreReadExactly() throws {
        let points = try Self.smallPoints()
        expectExact(
            try matrix(["m.json": Self.osrmAnswer(points: points)], fields: "  matrix: m.json"), durations: true)
        // Valhalla's verbose form, distances in kilometres.
        let rows = (0..<10).map { i in
            "["
                + (0..<10).map { j in
                    #"{"from_index":\#(i),"to_index":\#(j),"time":\#(Self.seconds(i, j)),"distance":\#(Double(Self.metres(i, j)) / 1000)}"#
                }.joined(separator: ",") + "]"
        }
        let located = points.map { #"{"lat":\#($0.latitude),"lon":\#($0.longitude)}"# }.joined(separator: ",")
        let valhalla =
            #"{"sources_to_targets":[\#(rows.joined(separator: ","))],"sources":[\#(located)],"targets":[\#(located)],"units":"kilometers"}"#
        expectExact(try matrix(["m.json": valhalla], fields: "  matrix: m.json"), durations: true)
    }

    @Test func engineAnswersThatDoNotFitTheNetworkAreRefused() throws {
        let points = try Self.smallPoints()
        #expect(
            try messages(["m.json": Self.osrmAnswer(points: Array(points.prefix(9)))], fields: "  matrix: m.json")
                == [
                    "m.json: the OSRM matrix has 9 rows and 9 columns, but the network has 10 locations (1 hubs, 6 sites, 3 suppliers); ask for all of them in the order hubs, sites, suppliers, or let `bundel matrix` do it"
                ])
        // Sites and suppliers swapped: the waypoints give the order away.
        let swapped = [points[0]] + points[7...] + points[1..<7]
        let problems = try messages(["m.json": Self.osrmAnswer(points: swapped)], fields: "  matrix: m.json")
        #expect(problems.count == 2)
        #expect(
            problems.first?.hasPrefix(
                "m.json: field 'sources': 9 point(s) lie more than 500 m from the location in their position, for example sources[1] lies at "
            ) == true)
        #expect(
            problems.first?.hasSuffix(
                "the rows must be the network's locations in the order hubs, sites, suppliers, with their coordinates")
                == true)
        // No route between two locations.
        let holes = Self.osrmAnswer(points: points) { i, j in
            i == 2 && j != 2 ? (nil, nil) : (Self.metres(i, j), Self.seconds(i, j))
        }
        #expect(
            try messages(["m.json": holes], fields: "  matrix: m.json")
                == [
                    "m.json: 9 of 90 location pairs are null (the engine found no route: a location may lie on a road cut off by one-way streets or the edge of the map data; move it onto a through road) (for example s2 -> hub, s2 -> s1, s2 -> s3); the matrix must cover every pair of hubs, sites and supplier depots"
                ])
        #expect(
            try messages(
                ["m.json": #"{"code":"InvalidQuery","message":"Query string malformed close to position 28"}"#],
                fields: "  matrix: m.json")
                == ["m.json: field 'code': OSRM answered InvalidQuery: Query string malformed close to position 28"])
    }

    @Test func theLongFormWrittenIsReadBackExactly() throws {
        var metres: [Int] = [], seconds: [Int] = []
        // Awkward values that need every decimal written; the diagonal is 0 by definition.
        for i in 0..<10 {
            for j in 0..<10 {
                metres.append(i == j ? 0 : Self.metres(i, j) * 7 + i)
                seconds.append(i == j ? 0 : Self.seconds(i, j) * 13 + j)
            }
        }
        let original = TravelMatrix(ids: Self.ids, metres: metres, seconds: seconds)
        let read = try matrix(["m.csv": original.longFormCSV()], fields: "  matrix: m.csv")
        #expect(read.metres == original.metres && read.seconds == original.seconds)
        let withoutTimes = TravelMatrix(ids: Self.ids, metres: metres, seconds: nil)
        #expect(withoutTimes.longFormCSV().hasPrefix("from,to,distance_km\nhub,s1,"))
        #expect(try matrix(["m.csv": withoutTimes.longFormCSV()], fields: "  matrix: m.csv").seconds == nil)
    }

    @Test func calibrationRecoversAKnownFactorAndSpeed() throws {
        let network = try ScenarioLoader.load(path: Fixture.smallScenario).network
        let locations = TravelMatrix.locations(of: network)
        // Road distance exactly 1.37 × the straight line, driven at 23 km/h.
        var metres: [Int] = [], seconds: [Int] = []
        for a in locations {
            for b in locations {
                let road = GreatCircle.metres(a.point, b.point) * 1.37
                metres.append(Int(road.rounded()))
                seconds.append(Int((road / (23 / 3.6)).rounded()))
            }
        }
        let matrix = TravelMatrix(ids: locations.map(\.id), metres: metres, seconds: seconds)
        let fit = try #require(DetourCalibration.fit(DetourCalibration.samples(matrix: matrix, network: network)))
        #expect(fit.pairs == 90 && fit.leftOut == 0)
        #expect(abs(fit.detourFactor - 1.37) < 1e-4)
        #expect(abs(fit.ratioMedian - 1.37) < 1e-3 && fit.errorMedian < 1e-3)
        #expect(abs(fit.speedKmh! - 23) < 0.01)
        // A wider spread shows in the percentiles, not in a factor that fits no pair.
        let mixed = [
            DetourCalibration.Sample(straightMetres: 1000, roadMetres: 1200, seconds: nil),
            .init(straightMetres: 1000, roadMetres: 1800, seconds: nil),
            .init(straightMetres: 50, roadMetres: 400, seconds: nil),
        ]
        let spread = try #require(DetourCalibration.fit(mixed))
        #expect(spread.pairs == 2 && spread.leftOut == 1 && spread.speedKmh == nil)
        #expect(abs(spread.detourFactor - 1.5) < 1e-12)
        #expect(spread.ratio10 == 1.2 && spread.ratio90 == 1.8)
    }
}
