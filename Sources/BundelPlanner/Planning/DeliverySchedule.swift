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
    /// is level while each supplier brings its goods on as few days as it can.
    ///
    /// A flow as frequent as its site's days uses them all. The others (a weekly flow at a site
    /// the hub serves daily) are placed supplier by supplier, the supplier with most to place
    /// first and its heaviest flows first, each on the candidate that, in this order of
    /// importance: keeps every day within ``dayLoadCap`` times the mean day (as far as the
    /// candidates allow); adds the fewest days on which the supplier must come to the hub (each
    /// is a trunk leg); keeps the busiest day lightest; has the smallest sum of squared day
    /// loads; comes first among the candidates. A flow's load is the share of the largest hub
    /// vehicle one delivery fills in its binding dimension. Candidates are the allowed patterns
    /// of the flow's own frequency that lie within its site's days or, when none does, the
    /// site's days thinned out evenly at each offset.
    ///
    /// Taking the first candidate, as bundel did before, put every weekly flow on Monday;
    /// balancing flow by flow alone spread each supplier's weekly flows over the whole week,
    /// so that it came to the hub every day.
    static func balancedFlowDays(_ flows: [Flow], siteDays: [String: [Int]], dayCount: Int, patterns: [Int: [[Int]]],
                                 vehicleCapacity: [Double]) -> [Int: [Int]] {
        func fill(_ flow: Flow) -> Double {
            zip(flow.quantityPerDelivery, vehicleCapacity).map { $1 > 0 ? $0 / $1 : 0 }.max() ?? 0
        }
        let total = flows.map { fill($0) * Double($0.deliveriesPerWeek) }.reduce(0, +)
        let cap = dayLoadCap * total / Double(max(dayCount, 1))
        var load = [Double](repeating: 0, count: dayCount)
        var supplierDays: [String: Set<Int>] = [:]
        var flowDays: [Int: [Int]] = [:]
        var flexible: [Flow] = []
        for flow in flows {
            let days = siteDays[flow.site]!
            if flow.deliveriesPerWeek >= days.count {
                flowDays[flow.index] = days
                for day in days { load[day] += fill(flow) }
                supplierDays[flow.supplier, default: []].formUnion(days)
            } else {
                flexible.append(flow)
            }
        }
        var toPlace: [String: Double] = [:]
        for flow in flexible { toPlace[flow.supplier, default: 0] += fill(flow) * Double(flow.deliveriesPerWeek) }
        let order = flexible.sorted {
            (-toPlace[$0.supplier]!, $0.supplier, -fill($0) * Double($0.deliveriesPerWeek), $0.index)
                < (-toPlace[$1.supplier]!, $1.supplier, -fill($1) * Double($1.deliveriesPerWeek), $1.index)
        }
        for flow in order {
            let candidates = DayPatterns.subsets(of: siteDays[flow.site]!, count: flow.deliveriesPerWeek,
                                                 allowed: patterns[flow.deliveriesPerWeek] ?? [])
            let known = supplierDays[flow.supplier] ?? []
            var best: (key: (Int, Int, Double, Double, Int), days: [Int])?
            for (position, days) in candidates.enumerated() {
                var trial = load
                for day in days { trial[day] += fill(flow) }
                let over = days.contains { trial[$0] > cap + 1e-12 } ? 1 : 0
                let key = (over, days.filter { !known.contains($0) }.count, trial.max()!, trial.map { $0 * $0 }.reduce(0, +), position)
                if best == nil || key < best!.key { best = (key, days) }
            }
            flowDays[flow.index] = best!.days
            for day in best!.days { load[day] += fill(flow) }
            supplierDays[flow.supplier, default: []].formUnion(best!.days)
        }
        return flowDays
    }

    /// How far above the mean day a day's hub load may grow before a flow is placed elsewhere
    /// even if its supplier must then come on one more day: 1.2, which leaves room below the
    /// 1.3 that a hub's staff and fleet can absorb, since the routed tours do not follow the
    /// loads exactly.
    static let dayLoadCap = 1.2

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
