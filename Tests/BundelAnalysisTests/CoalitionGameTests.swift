import Testing

@testable import BundelAnalysis

/// The game theory of `bundel coalition` on constructed games, without planning.
@Suite("Coalition games")
struct CoalitionGameTests {
    /// v({1}) = 10, v({2}) = 20, v({3}) = 30, v({1,2}) = 50, v({1,3}) = 60, v({2,3}) = 70,
    /// v(N) = 120. By hand: phi_1 = 10/3 + 30/6 + 30/6 + 50/3 = 30, phi_2 = 20/3 + 40/6 + 40/6 +
    /// 60/3 = 40, phi_3 = 30/3 + 50/6 + 50/6 + 70/3 = 50.
    static let superadditive = CoalitionGame(
        players: 3, values: [0b001: 10, 0b010: 20, 0b100: 30, 0b011: 50, 0b101: 60, 0b110: 70, 0b111: 120])

    /// Pairs that save more than the grand coalition can give them: v(pairs) = 90, 80, 70,
    /// v(N) = 100, every player alone 0. By hand: phi = (38 1/3, 33 1/3, 28 1/3); the pair
    /// {1,2} gets 71 2/3 of the 90 it saves alone, an excess of 18 1/3, the largest.
    static let emptyCore = CoalitionGame(
        players: 3, values: [0b001: 0, 0b010: 0, 0b100: 0, 0b011: 90, 0b101: 80, 0b110: 70, 0b111: 100])

    @Test func exactShapleyValueOfAThreePlayerGameMatchesTheHandComputedOne() throws {
        let shares = try #require(ShapleyValue.exact(Self.superadditive))
        #expect(zip(shares, [30.0, 40, 50]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(shares)")
        #expect(abs(shares.reduce(0, +) - 120) < 1e-9)
    }

    @Test func theHandComputedSharesAreInTheCore() {
        let outcome = CoreCheck.check(Self.superadditive, allocation: [30, 40, 50])
        #expect(outcome.inCore)
        #expect(outcome.objecting == nil)
        #expect(outcome.coalitionsChecked == 6)
    }

    @Test func aCoreViolationNamesTheGroupWithTheLargestExcess() throws {
        let shares = try #require(ShapleyValue.exact(Self.emptyCore))
        #expect(zip(shares, [115.0 / 3, 100.0 / 3, 85.0 / 3]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(shares)")
        let outcome = CoreCheck.check(Self.emptyCore, allocation: shares)
        #expect(!outcome.inCore)
        #expect(outcome.objecting == 0b011)
        #expect(abs((outcome.excess ?? 0) - 55.0 / 3) < 1e-9)
        #expect(CoalitionGame.members(0b011) == [0, 1])
    }

    @Test func missingCoalitionsGiveNoExactValue() {
        var game = Self.superadditive
        game = CoalitionGame(players: 3, values: game.values.filter { $0.key != 0b110 })
        #expect(ShapleyValue.exact(game) == nil)
    }

    @Test func marginalContributionsToTheGrandCoalition() {
        let contributions = MarginalContribution.toGrandCoalition(Self.superadditive)
        #expect(contributions == [50, 60, 70])
    }

    /// Sampled orders: the same seed gives the same orders; each estimate adds up to v(N); with
    /// many orders the estimates lie within four standard errors of the exact value.
    @Test func sampledSharesAreSeededEfficientAndNearTheExactValue() throws {
        let orders = ShapleySampling.orders(players: 3, samples: 400, seed: 5)
        #expect(orders == ShapleySampling.orders(players: 3, samples: 400, seed: 5))
        #expect(orders != ShapleySampling.orders(players: 3, samples: 400, seed: 6))
        #expect(orders.allSatisfy { $0.sorted() == [0, 1, 2] })
        let estimates = try #require(ShapleySampling.estimate(Self.superadditive, orders: orders))
        #expect(abs(estimates.map(\.mean).reduce(0, +) - 120) < 1e-9)
        for (estimate, exact) in zip(estimates, [30.0, 40, 50]) {
            #expect(estimate.standardError > 0)
            #expect(abs(estimate.mean - exact) <= 4 * estimate.standardError + 1e-9, "\(estimate) vs \(exact)")
        }
    }

    @Test func sampledOrdersNeedOnlyTheirPrefixes() {
        let needed = ShapleySampling.coalitions(along: [[2, 0, 1]])
        #expect(needed == [0b100, 0b101, 0b111])
        let planned = CoalitionAnalysis.coalitionsToPlan(players: 3, orders: [[2, 0, 1]])
        // Plus every player alone and the grand coalition without each.
        #expect(planned == [0b001, 0b010, 0b011, 0b100, 0b101, 0b110, 0b111])
        #expect(CoalitionAnalysis.coalitionsToPlan(players: 3, orders: nil).count == 7)
    }

    @Test func divisionRules() {
        #expect(AllocationRule.proportional(120, weights: [1, 2, 3]) == [20, 40, 60])
        #expect(AllocationRule.proportional(90, weights: [0, 0, 0]) == [30, 30, 30])
        #expect(AllocationRule.equal(90, count: 3) == [30, 30, 30])
    }
}
