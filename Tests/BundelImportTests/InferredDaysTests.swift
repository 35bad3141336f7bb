import Foundation
import Testing

@testable import BundelImport

/// Days are only written when the deliveries keep to them.
@Suite("Inferred delivery days")
struct InferredDaysTests {
    @Test func aFlowOnChangingDaysGetsNoDaysAndTheReason() throws {
        // Once a week for five weeks, on four different weekdays.
        let log = """
            datum,leverancier,locatie,kg,cages
            2026-03-02,bakery,site-a,10,1
            2026-03-10,bakery,site-a,10,1
            2026-03-18,bakery,site-a,10,1
            2026-03-26,bakery,site-a,10,1
            2026-03-30,bakery,site-a,10,1

            """
        let result = try ImportFixture.run(log)
        let flow = try #require(result.flows.first)
        #expect(flow.deliveriesPerWeek == 1)
        #expect(flow.days == nil)
        #expect(
            flow.daysNote
                == "no fixed days: 40% on its 1 most frequent weekday(s), below 80% (mon 2, tue 1, wed 1, thu 1)")
        #expect(result.summary.shareOnInferredDays == 0)
        #expect(result.flowsCSV.hasSuffix("bakery,site-a,1,10,1,\n"))
    }

    @Test func theThresholdKeepsOneLateDeliveryInFive() {
        let kept = FlowInference.inferDays(perWeekday: [4, 1, 0, 0, 0, 0, 0], perWeek: 1)
        #expect(kept.days == ["mon"] && kept.onDays == 4)
        let tied = FlowInference.inferDays(perWeekday: [3, 0, 3, 0, 3, 0, 0], perWeek: 2)
        #expect(tied.days == nil)
    }

    @Test func daysOutsideTheSuppliersOwnAreLeftForTheUser() throws {
        var network = ImportFixture.network
        network.suppliers[1].days = ["tue", "fri"]
        let log =
            "datum,leverancier,locatie,kg\n2026-03-02,paper,site-a,10\n2026-03-09,paper,site-a,10\n"
            + "2026-03-03,bakery,site-a,10\n2026-03-10,bakery,site-a,10\n"
        let table = try CSVLogReader.read(log, file: "log.csv")
        let result = try DeliveryImport.run(table, mapping: ColumnMapping(), network: network, locations: nil)
        let paper = try #require(result.flows.first { $0.supplier == "paper" })
        #expect(paper.days == nil)
        #expect(
            paper.daysNote
                == "delivered on mon, outside the supplier's days tue|fri in suppliers.csv; settle which is right")
        #expect(result.flows.first { $0.supplier == "bakery" }?.days == ["tue"])
        #expect(result.summary.shareOnInferredDays == 0.5)
    }
}
