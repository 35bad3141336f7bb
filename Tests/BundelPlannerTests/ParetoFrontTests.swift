import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// The cost–CO2e front: each plan shown once, none dominated, caps met on the routes (issue 14).
@Suite("Pareto front")
struct ParetoFrontTests {
    /// A point as the tracer makes it, with only what the front compares.
    static func point(_ role: ParetoFront.Role, cost: Double, co2e: Double, viaHub: [Int: String]) -> ParetoFront.Point
    {
        var routed = PlanTotals()
        routed.costEur = cost
        routed.co2eWtwKg = co2e
        return ParetoFront.Point(
            number: 0, roles: [role], modelCapKg: role.co2eCapKg, tries: 1, status: "optimal", rounds: 1,
            estimate: Metrics(costEur: cost, co2eWtwKg: co2e), flowsViaHub: viaHub.count, routed: routed, viaHub: viaHub
        )
    }

    static func dominates(_ a: PlanTotals, _ b: PlanTotals) -> Bool {
        a.costEur <= b.costEur && a.co2eWtwKg <= b.co2eWtwKg
    }

    /// The small network: no two listed points are the same plan, no listed point is dominated
    /// (worse or equal in both figures) by another, every trace is either on the front or left
    /// off with a reason, capped points meet their caps on their routes, and the traces that
    /// gave the same plan are named in a note. Before, the front listed the all-in plan three
    /// times (cheapest, the first cap and cleanest).
    @Test func theFrontShowsEachPlanOnceAndNoneDominated() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let front = try ParetoFront.trace(scenario, points: 4)
        let points = front.points
        #expect(!points.isEmpty)
        #expect(points.map(\.number) == Array(1...points.count))
        for (index, a) in points.enumerated() {
            for b in points[(index + 1)...] {
                #expect(a.viaHub != b.viaHub, "plans \(a.number) and \(b.number) are the same assignment")
                #expect(a.routed != b.routed, "plans \(a.number) and \(b.number) have the same routes")
                #expect(
                    !Self.dominates(a.routed, b.routed) && !Self.dominates(b.routed, a.routed),
                    "\(a.routed) against \(b.routed)")
            }
            if let cap = a.co2eCapKg, a.roles.first?.kind == .cap {
                #expect(a.routed.co2eWtwKg <= cap + ParetoFront.capTolerance)
            }
        }
        let roles = points.flatMap(\.roles) + front.omitted.map(\.role)
        #expect(roles.filter { $0.kind == .cheapest }.count == 1 && roles.filter { $0.kind == .cleanest }.count == 1)
        #expect(
            roles.count == 4 || roles.count == 2, "two ends and two caps, or no caps when the ends' routes are the same"
        )
        #expect(front.omitted.allSatisfy { $0.reason == .unreachable || $0.dominatedBy != nil })
        let merged = points.filter { $0.roles.count > 1 }
        #expect(!merged.isEmpty, "on the small network several traces give the same plan")
        let text = ParetoTable.render(front)
        for point in merged { #expect(text.contains("note: plan \(point.number): the "), "\(text)") }
        #expect(front.baseline == (try Planner.plan(scenario)).baseline.totals.rounded())
    }

    /// Identical plans merge into the first (keeping both roles, "the cheapest plan is also the
    /// cleanest"), and a plan another matches in cost and beats in CO2e is left off, named.
    @Test func identicalPlansMergeAndDominatedPlansAreLeftOff() throws {
        let all = [0: "hub", 1: "hub"]
        let traced = [
            Self.point(.cheapest, cost: 100, co2e: 50, viaHub: all),
            Self.point(.cap(45), cost: 100, co2e: 55, viaHub: [0: "hub"]),
            Self.point(.cleanest, cost: 100, co2e: 50, viaHub: all),
        ]
        let (points, dominated) = ParetoFront.front(merging: traced)
        #expect(points.count == 1)
        #expect(points[0].roles == [.cheapest, .cleanest])
        #expect(
            dominated == [
                ParetoFront.Omitted(
                    role: .cap(45), reason: .dominated, dominatedBy: 1, routed: traced[1].routed, tries: 1)
            ])
        let unreachable = ParetoFront.Omitted(role: .cap(40), reason: .unreachable, routed: traced[1].routed, tries: 3)
        let result = ParetoFront.Result(
            scenario: try ScenarioLoader.load(path: Fixture.smallScenario), baseline: PlanTotals(),
            points: points, omitted: dominated + [unreachable], pointsAsked: 4, seconds: 0)
        let text = ParetoTable.render(result)
        #expect(text.contains("note: plan 1: the cheapest plan is also the cleanest"), "\(text)")
        #expect(text.contains("cap 45.0 kg left off the front: its plan is dominated by plan 1"), "\(text)")
        #expect(text.contains("cap 40.0 kg is unreachable on the routes: 3 solves"), "\(text)")
        let csv = ParetoTable.csv(result)
        #expect(csv.contains("\n1,cheapest;cleanest,"))
        #expect(csv.contains(",dominated,") && csv.contains("\n,cap 40.0 kg,40.000000,,3,unreachable,"), "\(csv)")
        let json = try ParetoTable.json(result)
        #expect(json.contains("the cheapest plan is also the cleanest"))
    }

    /// A capped point whose routes overshoot is solved again with the model's cap lowered by
    /// the routes' excess over the estimate; one that never meets it is unreachable.
    @Test func capsAreAdjustedFromRoutesOrReportedUnreachable() throws {
        var caps: [Double] = []
        // Routes emit 10 kg more than the estimate, which equals the model's cap.
        let (reached, _, tries) = ParetoFront.reach(100) { modelCap, _ in
            caps.append(modelCap)
            return Self.point(.cap(100), cost: 1000 - modelCap, co2e: modelCap + 10, viaHub: [0: "hub"])
        }
        #expect(caps == [100, 90])
        #expect(tries == 2 && reached?.routed.co2eWtwKg == 100)
        let (never, closest, all) = ParetoFront.reach(100) { modelCap, _ in
            Self.point(.cap(100), cost: 1, co2e: 120, viaHub: [0: "hub"])
        }
        #expect(never == nil && all == ParetoFront.capTries && closest?.co2eWtwKg == 120)
    }
}
