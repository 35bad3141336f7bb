import BundelPlanner
import BundelTestSupport
import Foundation
import Testing

/// The small test network's flows written out as a year's worth of deliveries and imported
/// back: the planner's own loader reads the imported flows.csv, with the same frequencies,
/// quantities and product groups and the days the log kept to.
@Suite("Import round trip through the planner")
struct ImportRoundTripTests {
    /// The days a flow of `perWeek` deliveries keeps in the generated log.
    static func days(_ perWeek: Int) -> [Weekday] {
        switch perWeek {
        case 1: return [.tue]
        case 2: return [.mon, .thu]
        default: return Array(Weekday.allCases.prefix(perWeek))
        }
    }

    /// Eight weeks from Monday 7 September 2026, the fourth a holiday; quantities ±5 %
    /// alternating, semicolons and decimal commas, suppliers by name, each line with its
    /// supplier's product group.
    static func log(_ network: Network) -> String {
        var rows = ["Leverdatum;Leverancier;Locatie;Gewicht (kg);Rolcontainers;Productgroep"]
        for flow in network.flows {
            let name = network.supplier(flow.supplier)!.name
            let group = network.supplier(flow.supplier)!.productGroup
            var count = 0
            for week in 0..<8 where week != 3 {
                for day in days(flow.deliveriesPerWeek) {
                    let offset = 7 * week + Weekday.allCases.firstIndex(of: day)!
                    let date = Calendar(identifier: .gregorian).date(
                        byAdding: .day, value: offset,
                        to: DateComponents(calendar: Calendar(identifier: .gregorian), year: 2026, month: 9, day: 7)
                            .date!)!
                    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
                    let noise = count.isMultiple(of: 2) ? 1.05 : 0.95
                    count += 1
                    let quantity = flow.quantityPerDelivery.map {
                        String(format: "%.3f", $0 * noise).replacingOccurrences(of: ".", with: ",")
                    }
                    rows.append(
                        "\(parts.day!)-\(parts.month!)-\(parts.year!);\(name);\(flow.site);\(quantity.joined(separator: ";"));\(group)"
                    )
                }
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    @Test func theSmallNetworksFlowsComeBack() throws {
        let original = try NetworkFile.load(path: SmallNetwork.folder.appendingPathComponent("network.yaml").path)
            .network
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv")
        try Data(Self.log(original).utf8).write(to: log)
        let out = folder.appendingPathComponent("network")
        let run = try ImportCommandTests.run([
            log.path, "--network", SmallNetwork.folder.appendingPathComponent("network.yaml").path, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("8 calendar week(s); 7 with deliveries"), "\(run.output)")
        for name in ["network.yaml", "sites.csv", "suppliers.csv"] {
            try FileManager.default.copyItem(
                at: SmallNetwork.folder.appendingPathComponent(name), to: out.appendingPathComponent(name))
        }
        let imported = try NetworkFile.load(path: out.appendingPathComponent("network.yaml").path).network
        #expect(imported.flows.count == original.flows.count)
        for flow in original.flows {
            let back = try #require(imported.flows.first { $0.supplier == flow.supplier && $0.site == flow.site })
            #expect(back.deliveriesPerWeek == flow.deliveriesPerWeek, "\(flow.supplier)->\(flow.site)")
            #expect(back.days == Self.days(flow.deliveriesPerWeek), "\(flow.supplier)->\(flow.site)")
            // flows.csv's product_group column, which the planner reads as the flow's own group.
            #expect(
                back.productGroup == original.supplier(flow.supplier)!.productGroup, "\(flow.supplier)->\(flow.site)")
            for (a, b) in zip(back.weeklyQuantity, flow.weeklyQuantity) {
                // Seven weeks of ±5 % alternating: at most 5 % / 7 off.
                #expect(abs(a - b) <= b * 0.008 + 0.01, "\(flow.supplier)->\(flow.site): \(back.weeklyQuantity)")
            }
        }
    }
}
