/// On which planning days each flow is delivered, always on one of the scenario's allowed day
/// patterns for its frequency.
///
/// Direct flows follow their own frequency, spread so that each supplier's days are balanced.
/// Bundled flows follow their site: a site receives one combined hub delivery on each of its
/// days, as many days as its most frequent bundled flow needs, and each bundled flow uses a
/// subset of them of its own size.
enum DeliverySchedule {
    /// Day indices per flow for direct delivery, balanced per supplier.
    ///
    /// This stays greedy (``DayPatterns/balance``) rather than using ``DayPatternModel``: every
    /// direct delivery weighs the same (one stop), the baseline describes how suppliers deliver
    /// today rather than a plan to optimise, and a model per supplier would add a GLPK solve per
    /// supplier (28 on the campus network) to every plan. Not measured: whether the model's
    /// compactness would shorten the suppliers' own routes enough to change that.
    static func direct(_ network: Network, dayCount: Int, patterns: [Int: [[Int]]]) -> [Int: [Int]] {
        var days: [Int: [Int]] = [:]
        for supplier in network.suppliers {
            let flows = network.flows.filter { $0.supplier == supplier.id }
            let chosen = DayPatterns.balance(frequencies: flows.map(\.deliveriesPerWeek), weights: flows.map { _ in 1 },
                                             dayCount: dayCount, patterns: patterns)
            for (flow, flowDays) in zip(flows, chosen) { days[flow.index] = flowDays }
        }
        return days
    }

    /// Day indices per site and per bundled flow for one hub's deliveries.
    ///
    /// The sites' days come from ``DayPatternModel`` (balance and compact sectors), started from
    /// and compared with the greedy balance, which it replaces only when it does better.
    static func hub(_ flows: [Flow], from hub: Hub, network: Network, dayCount: Int, patterns: [Int: [[Int]]],
                    vehicleCapacity: [Double], timeLimitSeconds: Double = DayPatternModel.defaultTimeLimitSeconds)
        -> (sites: [String: [Int]], flows: [Int: [Int]]) {
        let bySite = Dictionary(grouping: flows, by: \.site)
        let siteIds = bySite.keys.sorted()
        let frequencies = siteIds.map { bySite[$0]!.map(\.deliveriesPerWeek).max()! }
        // Weigh a site by its stop and by how much of a vehicle its deliveries fill.
        let weights = zip(siteIds, frequencies).map { site, frequency -> Double in
            let weekly = Quantities.sum(bySite[site]!.map(\.weeklyQuantity), dimensions: vehicleCapacity.count)
            let fill = zip(weekly, vehicleCapacity).map { $1 > 0 ? $0 / Double(frequency) / $1 : 0 }.max() ?? 0
            return 1 + fill
        }
        let greedy = DayPatterns.balance(frequencies: frequencies, weights: weights, dayCount: dayCount, patterns: patterns)
        let sites = zip(siteIds, zip(frequencies, weights)).map { id, item in
            DayPatternModel.Site(id: id, location: network.site(id)!.location, frequency: item.0, weight: item.1)
        }
        // The model is checked as it is built; should that ever fail, the greedy days stand.
        let chosen = (try? DayPatternModel(sites: sites, hub: hub.location, patterns: patterns, dayCount: dayCount, greedy: greedy))?
            .solve(timeLimitSeconds: timeLimitSeconds).days ?? greedy
        var siteDays: [String: [Int]] = [:]
        var flowDays: [Int: [Int]] = [:]
        for (site, days) in zip(siteIds, chosen) {
            siteDays[site] = days
            for flow in bySite[site]! {
                flowDays[flow.index] = DayPatterns.subset(days, count: flow.deliveriesPerWeek, allowed: patterns[flow.deliveriesPerWeek]!)
            }
        }
        return (siteDays, flowDays)
    }

    /// The delivery jobs of a set of flows: per day, one job per flow (direct) or per site
    /// (bundled, `combinePerSite`).
    static func jobs(_ flows: [Flow], days: [Int: [Int]], network: Network, dayCount: Int, combinePerSite: Bool) -> [[DeliveryJob]] {
        let sites = Dictionary(uniqueKeysWithValues: network.sites.map { ($0.id, $0) })
        var perDay = [[DeliveryJob]](repeating: [], count: dayCount)
        var combined = [[String: Int]](repeating: [:], count: dayCount)
        for flow in flows {
            let delivery = FlowDelivery(flow: flow.index, quantity: flow.quantityPerDelivery)
            for day in days[flow.index]! {
                if combinePerSite, let existing = combined[day][flow.site] {
                    perDay[day][existing].deliveries.append(delivery)
                } else {
                    combined[day][flow.site] = perDay[day].count
                    perDay[day].append(DeliveryJob(site: sites[flow.site]!, day: day, deliveries: [delivery]))
                }
            }
        }
        return perDay
    }
}
