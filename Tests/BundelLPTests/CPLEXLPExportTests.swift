import BundelLP
import BundelTestSupport
import Foundation
import Testing

@Suite("CPLEX LP export")
struct CPLEXLPExportTests {
    /// A facility-location MIP: open depots (fixed cost) and assign three customers.
    static func facilityModel() throws -> LinearModel {
        var model = LinearModel(sense: .minimize)
        model.objectiveConstant = 2.5
        let fixed = [10.0, 14]
        let cost = [[2.0, 7, 5], [6.0, 3, 1]]
        let open = try (0..<2).map { try model.addVariable(name: "open[\($0)]", kind: .binary, objective: fixed[$0]) }
        var assign: [[LinearModel.Variable]] = []
        for depot in 0..<2 {
            assign.append(
                try (0..<3).map {
                    try model.addVariable(name: "assign(\(depot).\($0))", upperBound: 1, objective: cost[depot][$0])
                })
        }
        for customer in 0..<3 {
            try model.addConstraint(
                name: "serve_\(customer)", [(assign[0][customer], 1), (assign[1][customer], 1)], .equalTo(1))
            for depot in 0..<2 {
                try model.addConstraint(
                    name: "link_\(depot)_\(customer)", [(assign[depot][customer], 1), (open[depot], -1)], .atMost(0))
            }
        }
        return model
    }

    @Test func exportNamesEveryRowAndColumn() throws {
        let text = try Self.facilityModel().cplexLPText()
        #expect(text.contains("Minimize"))
        #expect(text.contains("serve_2"))
        #expect(text.contains("assign(1.2)"))
        #expect(text.contains("Binary") || text.contains("Generals"))
    }

    @Test(.enabled(if: Glpsol.path != nil, Comment(rawValue: Glpsol.missing)))
    func glpsolReadsTheExportAndFindsTheSameOptimum() throws {
        let model = try Self.facilityModel()
        let direct = try LinearSolver.solve(model)
        #expect(direct.status == .optimal)

        let folder = try scratchFolder("bundel-lp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lpFile = folder.appendingPathComponent("facility.lp")
        try model.writeCPLEXLP(to: lpFile.path)
        let value = try Glpsol.objective(of: lpFile)
        #expect(abs(value - direct.objectiveValue!) < 1e-6, "glpsol \(value) vs \(direct.objectiveValue!)")
    }
}
