import Foundation
import Testing

@testable import BundelRoads

@Suite("Routing engine answers")
struct EngineAnswerTests {
    func parse(_ json: String) throws(RoadsError) -> (engine: RoutingEngine, block: MatrixBlock) {
        try RoutingEngine.parseAnswer(Data(json.utf8), file: "answer.json")
    }

    func message(_ json: String) -> String? {
        do {
            _ = try parse(json)
            return nil
        } catch { return error.description }
    }

    @Test func osrmTableWithSnappedWaypoints() throws {
        let answer = try parse(
            """
            {"code":"Ok","durations":[[0,61.4],[70.5,null]],"distances":[[0,512.6],[498.2,null]],
             "sources":[{"location":[4.9,52.37],"name":"Dam","distance":3.1},{"location":[4.91,52.36],"name":"","distance":0}],
             "destinations":[{"location":[4.9,52.37]},{"location":[4.91,52.36]}]}
            """)
        #expect(answer.engine == .osrm)
        #expect(answer.block.rows == 2 && answer.block.columns == 2 && answer.block.hasDurations)
        #expect(answer.block.metres == [0, 513, 498, nil])
        #expect(answer.block.seconds == [0, 61, 71, nil])
        #expect(
            answer.block.sourcePoints == [
                RoadPoint(latitude: 52.37, longitude: 4.9), RoadPoint(latitude: 52.36, longitude: 4.91),
            ])
    }

    @Test func valhallaVerboseConciseAndOldForms() throws {
        let verbose = try parse(
            """
            {"sources_to_targets":[[{"from_index":0,"to_index":0,"time":0,"distance":0.0},{"from_index":0,"to_index":1,"time":null,"distance":null}],
                                   [{"from_index":1,"to_index":1,"time":0,"distance":0.0},{"from_index":1,"to_index":0,"time":172,"distance":1.259}]],
             "sources":[{"lat":52.370153,"lon":4.896074},{"lat":52.368077,"lon":4.900802}],
             "targets":[{"lat":52.370153,"lon":4.896074},{"lat":52.368077,"lon":4.900802}],"units":"kilometers"}
            """)
        #expect(verbose.engine == .valhalla)
        // Cells are placed by their indices, not their position in the row.
        #expect(verbose.block.metres == [0, nil, 1259, 0])
        #expect(verbose.block.seconds == [0, nil, 172, 0])
        #expect(verbose.block.targetPoints?[1] == RoadPoint(latitude: 52.368077, longitude: 4.900802))

        let concise = try parse(
            """
            {"sources_to_targets":{"durations":[[0,100],[90,0]],"distances":[[0,1.5],[1.25,0]]},"units":"miles"}
            """)
        #expect(concise.block.metres == [0, Int((1.5 * 1609.344).rounded()), Int((1.25 * 1609.344).rounded()), 0])
        #expect(concise.block.seconds == [0, 100, 90, 0])
        #expect(concise.block.sourcePoints == nil)

        let old = try parse(
            """
            {"sources_to_targets":[[{"time":0,"distance":0}]],"sources":[[{"lat":52.1,"lon":4.2}]],"targets":[[{"lat":52.1,"lon":4.2}]]}
            """)
        #expect(old.block.metres == [0] && old.block.sourcePoints == [RoadPoint(latitude: 52.1, longitude: 4.2)])
    }

    @Test func unusableAnswersNameTheField() {
        #expect(
            message(#"{"code":"NoTable","message":"No table found"}"#)
                == "answer.json: field 'code': OSRM answered NoTable: No table found")
        #expect(
            message(#"{"code":"Ok","durations":[[0]]}"#)
                == "answer.json: field 'distances': missing: the answer has no distances; ask OSRM for them with annotations=duration,distance"
        )
        #expect(
            message(#"{"code":"Ok","distances":[[0,1],[2]]}"#)
                == "answer.json: field 'distances': rows have different lengths; expected a rectangular table")
        #expect(
            message(#"{"code":"Ok","distances":[[0,"12"],[2,0]]}"#)
                == "answer.json: field 'distances[0][1]': expected a number or null, got the text \"12\"")
        #expect(
            message(#"{"code":"Ok","distances":[[0,-4],[2,0]]}"#)
                == "answer.json: field 'distances[0][1]': must not be negative, got -4")
        #expect(
            message(#"{"sources_to_targets":{"distances":[[0]]},"units":"furlongs"}"#)
                == "answer.json: field 'units': expected kilometers or miles, got furlongs")
        #expect(
            message(#"{"error_code":171,"error":"No suitable edges near location","status_code":400}"#)
                == "answer.json: not a matrix answer bundel knows: expected OSRM's table answer (code, distances, durations) or Valhalla's (sources_to_targets), found the keys error, error_code, status_code"
        )
        #expect(message("[1, 2]") == "answer.json: expected a JSON object { ... } at the top")
        #expect(message("{\"code\": ")?.hasPrefix("answer.json: not valid JSON") == true)
    }

    @Test func osrmRequestListsEachCoordinateOnce() {
        let a = RoadPoint(latitude: 52.37, longitude: 4.9), b = RoadPoint(latitude: 52.36, longitude: 4.91),
            c = RoadPoint(latitude: 52.35, longitude: 4.92)
        let square = OSRMTable.request(
            base: URL(string: "http://router:5000/")!, mode: .car, sources: [a, b], targets: [a, b])
        #expect(
            square.url.absoluteString
                == "http://router:5000/table/v1/car/4.900000,52.370000;4.910000,52.360000?sources=0;1&destinations=0;1&annotations=duration,distance"
        )
        let block = OSRMTable.request(
            base: URL(string: "http://router:5000")!, mode: .bicycle, sources: [a], targets: [b, c])
        #expect(
            block.url.absoluteString
                == "http://router:5000/table/v1/bike/4.900000,52.370000;4.910000,52.360000;4.920000,52.350000?sources=0&destinations=1;2&annotations=duration,distance"
        )
        #expect(block.method == "GET" && block.body == nil)
    }

    @Test func valhallaRequestAsksForTheModesCosting() throws {
        let a = RoadPoint(latitude: 52.37, longitude: 4.9)
        let request = ValhallaMatrix.request(
            base: URL(string: "http://127.0.0.1:8002")!, mode: .truck, sources: [a], targets: [a])
        #expect(request.url.absoluteString == "http://127.0.0.1:8002/sources_to_targets" && request.method == "POST")
        let body = try JSONSerialization.jsonObject(with: request.body!) as! [String: Any]
        #expect(body["costing"] as? String == "truck")
        #expect((body["sources"] as? [[String: Double]])?.first == ["lat": 52.37, "lon": 4.9])
    }
}
