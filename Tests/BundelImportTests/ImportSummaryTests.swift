import Foundation
import Testing

@testable import BundelImport

/// The printed summary's flow table gives each flow's quantity per delivery.
@Suite("Import summary")
struct ImportSummaryTests {
    @Test func theFlowTableGivesMedianAndP90PerDelivery() throws {
        let result = try ImportFixture.run(
            "datum,leverancier,locatie,kg,cages\n2026-03-02,bakery,site-a,100,1\n2026-03-04,bakery,site-a,200,1\n"
                + "2026-03-06,bakery,site-a,600,2\n")
        #expect(
            result.report.contains(
                "| supplier | site | deliveries | per week | kg per week | cages per week | kg per delivery (median / P90) | cages per delivery (median / P90) | days |"
            ))
        // Three deliveries of 100, 200, 600 kg: median 200; P90 between 200 and 600 at 0.8: 520.
        #expect(
            result.report.contains("| bakery | site-a | 3 | 3 | 900 | 4 | 200 / 520 | 1 / 1.8 | mon wed fri |"),
            "\(result.report)")
        #expect(result.statisticsCSV.contains("bakery,site-a,3,1,3,3,200,520,1,1.8,"))
    }
}
