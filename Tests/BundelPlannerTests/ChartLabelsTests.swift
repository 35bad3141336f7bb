import Testing

@testable import BundelReports

/// Bar labels shortened to the chart's label column still tell every bar apart.
@Suite("Chart labels")
struct ChartLabelsTests {
    @Test func labelsThatShareALongStartKeepTheirEnds() {
        let labels = ["A", "B"].flatMap { variant in
            ["baseline", "bundled"].map { "Utrecht hospital group via the Lage Weide hub, variant \(variant) \($0)" }
        }
        let short = ChartLabels.shortened(labels, limit: 46)
        #expect(short.allSatisfy { $0.count <= 46 && $0.contains("…") })
        #expect(Set(short).count == labels.count, "\(short)")
        // The even split already tells them apart: start and end both shown.
        #expect(short.allSatisfy { $0.hasPrefix("Utrecht") && ($0.hasSuffix("baseline") || $0.hasSuffix("bundled")) })
    }

    /// Labels that differ only deep in the middle show where they differ.
    @Test func labelsThatDifferOnlyInTheMiddleShowWhereTheyDiffer() {
        let start = String(repeating: "s", count: 60), end = String(repeating: "e", count: 60)
        let labels = [start + "1" + end, start + "2" + end, "short"]
        let short = ChartLabels.shortened(labels, limit: 20)
        #expect(short.allSatisfy { $0.count <= 20 })
        #expect(Set(short).count == 3, "\(short)")
        #expect(short[0].contains("1") && short[1].contains("2") && short[2] == "short")
    }

    @Test func shortLabelsStayAsTheyAre() {
        let labels = ["mon baseline", "mon bundled"]
        #expect(ChartLabels.shortened(labels, limit: 46) == labels)
    }
}
