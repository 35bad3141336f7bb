import BundelReports
import Testing

@testable import BundelPlanner

/// A flow's reason in words (``FlowExplanation/reason``, BundelReports) from the planner's
/// facts: bundled or direct, with and against its own saving and each counterweight, why it
/// cannot be bundled, and all direct reported. The sentences are those decisions.csv and the
/// JSON gave when the planner still wrote them.
@Suite("Flow reasons")
struct FlowExplanationReasonTests {
    /// Parts that save 140.00 - 12.14 - 115.89 - 1.00 = 10.97 EUR.
    static let parts = SavingParts(
        directAvoided: Metrics(km: 30, costEur: 140), hubStops: Metrics(km: -8, costEur: -12.14),
        trunk: Metrics(costEur: -115.89), handling: Metrics(costEur: -1), hubFixed: Metrics())

    /// The same with the hub's fixed cost of 100 EUR: bundling costs 89.03 EUR.
    static var partsWithHubFixed: SavingParts {
        var parts = parts
        parts.hubFixed = Metrics(costEur: -100)
        return parts
    }

    static func explanation(
        viaHub: String? = nil, bestHub: String? = nil, saving: Double?, parts: SavingParts? = parts,
        _ counterweight: FlowExplanation.Counterweight? = nil, ineligibility: [Ineligibility] = [],
        allDirect: AllDirectComparison? = nil, objective: ObjectiveWeights = .cost
    ) -> FlowExplanation {
        FlowExplanation(
            flow: 0, rank: nil, supplier: "far", site: "s1", viaHub: viaHub, bestHub: bestHub, saving: saving,
            savingMetrics: nil, parts: saving == nil ? nil : parts, counterweight: counterweight,
            ineligibility: ineligibility, allDirect: allDirect, objectiveKind: objective)
    }

    @Test func bundledAndSaving() {
        #expect(
            Self.explanation(viaHub: "hub", saving: 10.97).reason
                == "via hub: saves 10.97 EUR/week (marginal: direct delivery 140.00, hub stops 12.14, trunk 115.89, handling 1.00)"
        )
    }

    @Test(arguments: [
        (FlowExplanation.Counterweight.supplierForcedIn, "its supplier is forced in"),
        (.productGroupForcedIn, "its product group is forced in"),
        (.wholeSupplier, "its supplier joins with all its flows, which saves more in all"),
        (.otherChoices, "the model's other choices make up for it"),
    ])
    func bundledAlthoughItCosts(counterweight: FlowExplanation.Counterweight, why: String) {
        #expect(
            Self.explanation(viaHub: "hub", saving: -89.03, parts: Self.partsWithHubFixed, counterweight).reason
                == "via hub although on its own it costs 89.03 EUR/week more: \(why) (marginal: direct delivery 140.00, hub stops 12.14, trunk 115.89, handling 1.00, hub fixed cost 100.00)"
        )
    }

    /// The parts weighed by the objective: 140 EUR + 0.5 x 30 km for the direct delivery, 12.14
    /// EUR + 0.5 x 8 km for the hub stops; 155.00 - 16.14 - 115.89 - 1.00 - 100.00 = -78.03.
    @Test func directBecauseBundlingCosts() {
        let explanation = Self.explanation(
            bestHub: "west", saving: -78.03, parts: Self.partsWithHubFixed,
            objective: ObjectiveWeights(perEur: 1, perKm: 0.5))
        #expect(
            explanation.reason
                == "direct: bundling via west would cost 78.03 points/week more (marginal: direct delivery 155.00, hub stops 16.14, trunk 115.89, handling 1.00, hub fixed cost 100.00)"
        )
    }

    @Test(arguments: [
        (
            FlowExplanation.Counterweight.wholeSupplier,
            "its supplier bundles all flows or none, and all together do not pay"
        ),
        (.otherChoices, "hub capacity or the model's other choices keep it direct"),
    ])
    func directAlthoughBundlingSaves(counterweight: FlowExplanation.Counterweight, why: String) {
        #expect(
            Self.explanation(bestHub: "hub", saving: 10.97, counterweight).reason
                == "direct although bundling via hub alone would save 10.97 EUR/week: \(why) (marginal: direct delivery 140.00, hub stops 12.14, trunk 115.89, handling 1.00)"
        )
    }

    /// Each hub's reason once, sorted by its words; the counted fleet's says which round.
    @Test func cannotBeBundled() {
        let why: [Ineligibility] = [
            .supplierOut(supplier: "parcels"), .supplierOut(supplier: "parcels"),
        ]
        #expect(
            Self.explanation(saving: nil, ineligibility: why).reason
                == "direct: cannot be bundled: supplier parcels does not take part (participation: out)")
        #expect(
            Self.explanation(saving: nil, ineligibility: [.productGroupOut(group: "paper")]).reason
                == "direct: cannot be bundled: product group paper is kept out of the hub (participation: out)")
        let several: [Ineligibility] = [
            .trunkCannotCarry(supplier: "far"), .noTrunkVehicle(supplier: "far"),
            .hubFleetCannotServe(hub: "west", site: "s1"),
        ]
        #expect(
            Self.explanation(saving: nil, ineligibility: several).reason
                == "direct: cannot be bundled: no trunk vehicle for far; the fleet of hub west cannot serve site s1 (window, zone or range); the trunk vehicle of far cannot carry every kind of goods it delivers"
        )
        let fleet = [
            Ineligibility.CountedVehicles(count: 1, vehicleType: "e-van"),
            Ineligibility.CountedVehicles(count: 2, vehicleType: "cargo-bike"),
        ]
        #expect(
            Self.explanation(
                saving: nil, ineligibility: [.hubFleetExhausted(hub: "hub", fleet: fleet, day: .tue, round: 2)]
            ).reason
                == "direct: cannot be bundled: direct: the counted fleet of hub hub (1 e-van, 2 cargo-bike a day) had no vehicle left on tue in round 2"
        )
        #expect(
            Self.explanation(saving: nil).reason == "direct: cannot be bundled: no candidate hub")
    }

    @Test func allDirectReported() {
        let comparison = AllDirectComparison(bestRound: 2, bestRouted: 1_234.5, allDirectRouted: 1_181.2)
        #expect(
            Self.explanation(bestHub: "hub", saving: -89.03, parts: Self.partsWithHubFixed, allDirect: comparison)
                .reason
                == "direct: every routed plan with flows through a hub cost more than delivering all direct (best: round 2, 1,235 against 1,181 EUR/week); by the model's estimates: direct: bundling via hub would cost 89.03 EUR/week more (marginal: direct delivery 140.00, hub stops 12.14, trunk 115.89, handling 1.00, hub fixed cost 100.00)"
        )
    }
}
