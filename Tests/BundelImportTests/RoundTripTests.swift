import Foundation
import Testing

@testable import BundelImport

/// A log generated from known flows, with noise, order lines and a holiday week, imported back
/// to those flows.
@Suite("Delivery log round trip")
struct RoundTripTests {
    struct KnownFlow {
        var supplier: String
        var site: String
        /// 0 = Monday.
        var weekdays: [Int]
        var kg: Double
        var cages: Double
        /// The weeks (0-based) it is delivered in.
        var weeks: Range<Int> = 0..<12
        /// Each delivery written as this many order lines (1 or 2).
        var lines = 1
    }

    static let flows = [
        KnownFlow(supplier: "bakery", site: "site-a", weekdays: [0, 3], kg: 120, cages: 2),
        KnownFlow(supplier: "Bakkerij Zon", site: "Site B", weekdays: [2], kg: 40, cages: 1),
        KnownFlow(supplier: "paper", site: "site-a", weekdays: [1], kg: 300, cages: 3),
        KnownFlow(supplier: "cleaning", site: "site-c", weekdays: [0, 2, 4], kg: 60, cages: 1, lines: 2),
        KnownFlow(supplier: "drinks", site: "site-b", weekdays: [4], kg: 200, cages: 4, weeks: 0..<4),
    ]
    /// Monday 5 January 2026; week 6 (from 16 February) is a holiday without deliveries.
    static let start = LogDate(year: 2026, month: 1, day: 5)!
    static let holiday = 6

    /// The log: ±8 % on the weight, alternating so that it nearly cancels; the paper supplier's
    /// fourth delivery a day late.
    static func log() -> String {
        var rows = ["Leverdatum;Leverancier;Locatie;Gewicht (kg);Rolcontainers"]
        for flow in flows {
            var count = 0
            for week in flow.weeks where week != holiday {
                for weekday in flow.weekdays {
                    var date = LogDate(day: start.day + 7 * week + weekday)
                    if flow.supplier == "paper", count == 3 { date = LogDate(day: date.day + 1) }
                    let kg = flow.kg * (count.isMultiple(of: 2) ? 1.08 : 0.92)
                    count += 1
                    let (y, m, d) = date.components
                    // Order lines of one delivery differ (40 % and 60 %): identical rows are duplicates.
                    let shares = flow.lines == 1 ? [1.0] : [0.4, 0.6]
                    for share in shares {
                        let weight = String(format: "%.2f", kg * share).replacingOccurrences(of: ".", with: ",")
                        let cages = String(format: "%.2f", flow.cages * share).replacingOccurrences(of: ".", with: ",")
                        rows.append("\(d)-\(m)-\(y);\(flow.supplier);\(flow.site);\(weight);\(cages)")
                    }
                }
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    func flow(_ result: DeliveryImport, _ supplier: String, _ site: String) throws -> ImportedFlow {
        try #require(result.flows.first { $0.supplier == supplier && $0.site == site })
    }

    @Test func weeksAndHolidayAreFound() throws {
        let result = try ImportFixture.run(Self.log())
        #expect(result.summary.weeksCovered == 12)
        #expect(result.summary.weeksWithDeliveries == 11)
        #expect(result.summary.holidayWeeks == ["2026-02-16"])
        #expect(result.summary.firstDate == "2026-01-05")
        #expect(result.summary.skipped.isEmpty)
        #expect(result.flows.count == 5)
        #expect(result.summary.suppliers.allSatisfy { $0.status == "known" })
        #expect(result.summary.sites.allSatisfy { $0.status == "known" })
    }

    @Test func frequenciesDaysAndQuantitiesComeBack() throws {
        let result = try ImportFixture.run(Self.log())
        let expected: [(String, String, Int, [String], Double, Double)] = [
            ("bakery", "site-a", 2, ["mon", "thu"], 240, 4), ("bakery", "site-b", 1, ["wed"], 40, 1),
            ("paper", "site-a", 1, ["tue"], 300, 3), ("cleaning", "site-c", 3, ["mon", "wed", "fri"], 180, 3),
        ]
        for (supplier, site, perWeek, days, kg, cages) in expected {
            let flow = try flow(result, supplier, site)
            #expect(flow.deliveriesPerWeek == perWeek, "\(supplier)->\(site)")
            #expect(flow.days == days, "\(supplier)->\(site)")
            #expect(abs(flow.weeklyQuantity[0] - kg) <= kg * 0.02, "\(supplier)->\(site): \(flow.weeklyQuantity)")
            #expect(abs(flow.weeklyQuantity[1] - cages) <= 0.01, "\(supplier)->\(site): \(flow.weeklyQuantity)")
        }
        // Two order lines a day are one delivery.
        #expect(try flow(result, "cleaning", "site-c").deliveries == 33)
        #expect(result.summary.rowsUsed == result.summary.deliveries + 33)
        // Median and P90 of 120 kg ± 8 %: half the deliveries at 129.6, half at 110.4.
        let bakery = try flow(result, "bakery", "site-a")
        #expect(bakery.medianPerDelivery[0] > 110 && bakery.medianPerDelivery[0] < 130)
        #expect(abs(bakery.p90PerDelivery[0] - 129.6) < 0.01)
    }

    @Test func theLateDeliveryAndTheTermTimeFlowAreReported() throws {
        let result = try ImportFixture.run(Self.log())
        let paper = try flow(result, "paper", "site-a")
        #expect(paper.deliveriesOnDays == 10 && paper.deliveries == 11)
        let total = Double(result.summary.deliveries)
        // Every delivery is on its flow's days but the late paper delivery.
        let drinks = try flow(result, "drinks", "site-b")
        #expect(drinks.deliveriesPerWeek == 1 && drinks.days == ["fri"])
        #expect(abs(result.summary.shareOnInferredDays - (total - 1) / total) < 1e-9)
        let variable = result.summary.variableFlows.map { "\($0.supplier)->\($0.site)" }
        #expect(variable == ["drinks->site-b"])
        #expect(result.summary.variableFlows.first?.longestGap == 7)
        #expect(result.report.contains("drinks → site-b"))
    }

    @Test func flowsCSVHasTheNetworkColumns() throws {
        let result = try ImportFixture.run(Self.log())
        let lines = result.flowsCSV.split(separator: "\n")
        #expect(lines.first == "supplier,site,deliveries_per_week,kg,cages,days")
        #expect(lines.contains { $0.hasPrefix("cleaning,site-c,3,") && $0.hasSuffix(",3,mon|wed|fri") })
        #expect(result.files.map(\.name) == ["flows.csv", "flow-statistics.csv", "import-summary.md"])
    }
}
