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
        let siteDays = Dictionary(uniqueKeysWithValues: zip(siteIds, chosen))
        return (siteDays, balancedFlowDays(flows, siteDays: siteDays, dayCount: dayCount, patterns: patterns, vehicleCapacity: vehicleCapacity))
    }

    /// The days each bundled flow uses of its site's days, chosen so that the hub's daily work
    /// is level.
    ///
    /// A flow as frequent as its site's days uses them all. The others (a weekly flow at a site
    /// the hub serves daily) are placed heaviest first, each on the candidate that keeps the
    /// busiest day lightest (ties: sum of squared day loads, then the candidate's order). A
    /// flow's load is the share of the largest hub vehicle one delivery fills in its binding
    /// dimension. Candidates are the allowed patterns of the flow's own frequency that lie
    /// within its site's days or, when none does, the site's days thinned out evenly at each
    /// offset. Taking the first candidate instead put every weekly flow on Monday.
    static func balancedFlowDays(_ flows: [Flow], siteDays: [String: [Int]], dayCount: Int, patterns: [Int: [[Int]]],
                                 vehicleCapacity: [Double]) -> [Int: [Int]] {
        func fill(_ flow: Flow) -> Double {
            zip(flow.quantityPerDelivery, vehicleCapacity).map { $1 > 0 ? $0 / $1 : 0 }.max() ?? 0
        }
        var load = [Double](repeating: 0, count: dayCount)
        var flowDays: [Int: [Int]] = [:]
        var flexible: [Flow] = []
        for flow in flows {
            let days = siteDays[flow.site]!
            if flow.deliveriesPerWeek >= days.count {
                flowDays[flow.index] = days
                for day in days { load[day] += fill(flow) }
            } else {
                flexible.append(flow)
            }
        }
        let order = flexible.sorted { (-fill($0) * Double($0.deliveriesPerWeek), $0.index) < (-fill($1) * Double($1.deliveriesPerWeek), $1.index) }
        for flow in order {
            let candidates = DayPatterns.subsets(of: siteDays[flow.site]!, count: flow.deliveriesPerWeek,
                                                 allowed: patterns[flow.deliveriesPerWeek] ?? [])
            var best: (key: (Double, Double, Int), days: [Int])?
            for (position, days) in candidates.enumerated() {
                var trial = load
                for day in days { trial[day] += fill(flow) }
                let key = (trial.max()!, trial.map { $0 * $0 }.reduce(0, +), position)
                if best == nil || key < best!.key { best = (key, days) }
            }
            flowDays[flow.index] = best!.days
            for day in best!.days { load[day] += fill(flow) }
        }
        return flowDays
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
