/// How the baseline's delivery days are chosen for flows whose days the network does not give
/// (scenario field `baseline_days`). Given days, a flow's own or its supplier's, are facts and
/// always kept.
public enum BaselineDaysPolicy: String, Sendable, Codable, CaseIterable {
    /// Every flow's days must be given (or follow from the week: a flow delivered on every
    /// planning day); nothing is chosen.
    case given
    /// Each supplier chooses its own days, among the allowed patterns, to make its own routes
    /// cheapest, the way a carrier plans (the default: the conservative baseline).
    case cheapest
    /// Each supplier's deliveries are spread evenly over the week (the greedy balance).
    case balanced

    /// The policy in a few words, for summaries.
    public var explanation: String {
        switch self {
        case .given: return "the days the network gives"
        case .cheapest: return "each supplier picks the days that make its own routes cheapest"
        case .balanced: return "each supplier's deliveries spread evenly over the week"
        }
    }
}

/// Where a flow's baseline days come from.
public enum GivenDays: Sendable, Equatable {
    /// Nothing given: any allowed pattern of its frequency.
    case none
    /// The flow's own days (flows.csv); when the scenario's `delivery_frequency` lowered its
    /// frequency below their number, it is delivered on some of them.
    case own([Int])
    /// Its supplier's fixed days (suppliers.csv): delivered only on some of them.
    case supplier([Int])

    /// The days, as sorted indices into the planning days, within which the flow is delivered.
    public var within: [Int]? {
        switch self {
        case .none: return nil
        case .own(let days), .supplier(let days): return days
        }
    }
}

extension Scenario {
    /// Where `flow`'s baseline days come from, as indices into the planning days (the loader
    /// has checked that given days are planning days).
    public func givenDays(of flow: Flow) -> GivenDays {
        func indices(_ days: [Weekday]) -> [Int] { days.compactMap { self.days.firstIndex(of: $0) }.sorted() }
        if let own = flow.days { return .own(indices(own)) }
        if let days = network.supplier(flow.supplier)?.days { return .supplier(indices(days)) }
        return .none
    }

    /// The day patterns `flow` may take in the baseline (and, staying direct, in the bundled
    /// plan), as sorted day indices: its own days when they are as many as its deliveries; within
    /// given days, the allowed patterns of its frequency that lie within them, or when none does,
    /// the evenly spread choices of its frequency among them; without given days, every allowed
    /// pattern of its frequency.
    public func baselineDayCandidates(of flow: Flow) -> [[Int]] {
        let allowed = allowedDayPatterns[flow.deliveriesPerWeek] ?? []
        guard let within = givenDays(of: flow).within else { return allowed }
        // As a bundled flow's days are chosen among its site's days.
        return DayPatterns.subsets(of: within, count: flow.deliveriesPerWeek, allowed: allowed)
    }
}

/// How the baseline's days were chosen in a run, for the reports.
public struct BaselineDaysSummary: Sendable, Codable, Equatable {
    public var policy: BaselineDaysPolicy
    /// Flows with days of their own in flows.csv.
    public var flowsWithOwnDays: Int
    /// Flows without days of their own whose supplier has fixed days.
    public var flowsWithSupplierDays: Int
    /// Suppliers with at least one flow whose days the policy could choose.
    public var suppliersWithChoice: Int
    /// With `cheapest`: suppliers whose chosen days differ from the balanced ones and whose
    /// routes on them came out cheaper, so they are the baseline's.
    public var suppliersOnCheapestDays: Int = 0
    /// With `cheapest`: suppliers whose estimated cheapest days routed dearer than the balanced
    /// ones, which they keep.
    public var suppliersKeptBalanced: Int = 0
    /// With `cheapest`: the routed baseline had every supplier kept its balanced days (the
    /// baseline of `balanced`), to show what the choice of days moved.
    public var balancedTotals: PlanTotals?

    public init(
        policy: BaselineDaysPolicy, flowsWithOwnDays: Int = 0, flowsWithSupplierDays: Int = 0,
        suppliersWithChoice: Int = 0
    ) {
        self.policy = policy
        self.flowsWithOwnDays = flowsWithOwnDays
        self.flowsWithSupplierDays = flowsWithSupplierDays
        self.suppliersWithChoice = suppliersWithChoice
    }
}
