import BundelLP

/// Why a scenario has no plan to report.
public enum PlanRejection: Error, Sendable, CustomStringConvertible {
    /// The consolidation model found no solution; `shortfalls` names the hub capacities that are
    /// short, when that is why (``HubCapacityCheck``).
    case noSolution(file: String, status: SolveStatus, shortfalls: [String])
    /// The independent validator found broken rules: a bug in the planner, never a result.
    case brokenRules(file: String, violations: [String])

    /// The first line, then one indented line per reason (at most 20 broken rules).
    public var description: String {
        switch self {
        case let .noSolution(file, status, shortfalls):
            return
                ([
                    "\(file): the consolidation model has no solution: \(status)\(shortfalls.isEmpty ? "" : ", because:")"
                ]
                + shortfalls.map { "  \($0)" }).joined(separator: "\n")
        case let .brokenRules(file, violations):
            return
                ([
                    "internal error: the plan of \(file) breaks \(violations.count) rule(s) of the independent validator; nothing was written:"
                ]
                + violations.prefix(20).map { "  \($0)" }).joined(separator: "\n")
        }
    }
}
