import BundelReports
import BundelRouting
import Foundation
import Testing

@testable import BundelPlanner

@Suite("Proven bounds of a plan")
struct PlanBoundsTests {
    /// The small network with every flow through the hub, so that both plans have routing
    /// problems of their own: every bound lies below what the plans' routes drive and cost,
    /// problem by problem and in total, and the certified saving is the baseline's bound minus
    /// the bundled plan as reported.
    @Test func boundsLieBelowThePlansAndCertifyWhatTheySay() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "scenario.yaml", replacing: "  default: free", with: "  default: in")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario, keepingProblems: true)
        #expect(!result.baseline.dayProblems.isEmpty && result.bundled.dayProblems.contains { $0.kind == .hubTour })
        let bounds = PlanBounds.compute(baseline: result.baseline, bundled: result.bundled)
        #expect(bounds.problems == result.baseline.dayProblems.count + result.bundled.dayProblems.count)
        #expect(bounds.fallbackProblems == 0)

        for day in result.baseline.dayProblems + result.bundled.dayProblems {
            let served = day.solution.routes.flatMap(\.servedJobs).sorted()
            let km = try #require(
                try RouteLowerBound.compute(for: day.problem, serving: served, measure: .distance, timeLimitSeconds: 10)
            )
            #expect(km.value <= Double(day.solution.distanceMetres), "\(day.operatedBy) \(day.day)")
        }
        let baseline = result.baseline.totals, bundled = result.bundled.totals
        #expect(bounds.baseline.vehicleKm > 0 && bounds.baseline.vehicleKm <= baseline.vehicleKm + 1e-9)
        #expect(bounds.baseline.costEur > 0 && bounds.baseline.costEur <= baseline.costEur + 1e-6)
        #expect(
            bounds.bundled.vehicleKm <= bundled.vehicleKm + 1e-9 && bounds.bundled.costEur <= bundled.costEur + 1e-6)
        // The bundled bound keeps the trunk legs and hub costs as planned.
        #expect(bounds.bundled.vehicleKm >= result.bundled.totals(of: .trunk).vehicleKm - 1e-9)
        #expect(abs(bounds.certifiedSaving.vehicleKm - (bounds.baseline.vehicleKm - bundled.vehicleKm)) < 1e-9)
        #expect(abs(bounds.certifiedSaving.costEur - (bounds.baseline.costEur - bundled.costEur)) < 1e-6)

        // The summary, the report and the JSON say the same.
        #expect(!result.consolidation.allDirectReported)
        var bounded = result
        bounded.bounds = bounds
        let summary = SummaryTable.render(bounded)
        #expect(
            summary.contains("proven lower bounds, for these delivery days")
                && summary.contains("certified minimum saving"))
        let html = HTMLReport.render(bounded)
        #expect(html.contains("<h2>Proven bounds</h2>") && html.contains("certified minimum saving"))
        let json = try JSONSummary(bounded).encoded()
        #expect(json.contains("\"certifiedSaving\"") && json.contains("\"bounds\""))
        // With direct delivery reported there is no saving to certify, and the summary says so.
        bounded.consolidation.allDirectReported = true
        #expect(SummaryTable.render(bounded).contains("the reported plan is direct delivery: no saving to certify"))
    }
}
