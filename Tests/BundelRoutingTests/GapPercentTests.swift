import BundelRouting
import Testing

/// The gap of `bench`, `bound` and `solve --bound`, by hand.
@Suite("Gap percent")
struct GapPercentTests {
    @Test func aSolutionAboveItsReference() {
        #expect(GapPercent.of(105, above: 100) == 5)
        #expect(GapPercent.of(95, above: 100) == -5)
        #expect(GapPercent.of(100, above: 100) == 0)
    }

    @Test func aBoundBelowItsReference() {
        #expect(GapPercent.of(bound: 90, below: 100) == 10)
        #expect(GapPercent.of(bound: 100, below: 100) == 0)
        #expect(GapPercent.of(bound: 101, below: 100) == -1)
    }

    @Test func noReferenceNoGap() {
        #expect(GapPercent.of(5, above: 0) == nil)
        #expect(GapPercent.of(bound: 5, below: -1) == nil)
    }
}
