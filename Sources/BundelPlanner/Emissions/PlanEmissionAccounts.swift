/// The emission accounts of a plan's two plans, allocated on one basis (ISO 14083 asks for the
/// same quantity unit within a calculation, so the baseline and the bundled plan share it).
public struct PlanEmissionAccounts: Sendable {
    public var basis: EmissionAccount.Basis
    public var baseline: EmissionAccount
    public var bundled: EmissionAccount

    public init(_ result: PlanResult) {
        let scenario = result.scenario
        let network = scenario.network
        basis = EmissionAccount.Basis.of(
            scenario.emissionAllocation, plans: [result.baseline, result.bundled], network: network)
        baseline = EmissionAccount(plan: result.baseline, network: network, viaHub: [:], basis: basis)
        bundled = EmissionAccount(
            plan: result.bundled, network: network, viaHub: result.consolidation.viaHub, basis: basis)
    }

    /// Both plans with their names, baseline first, for tables.
    public var labelled: [(plan: String, account: EmissionAccount)] {
        [("baseline", baseline), ("bundled", bundled)]
    }
}
