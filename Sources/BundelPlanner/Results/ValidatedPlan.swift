/// A plan run whose two plans the independent ``WeeklyPlanValidator`` accepted, and whose
/// consolidation model gave a solution (or kept every flow direct at its time limit).
///
/// Only this module makes one (``Planner/validatedPlan(_:progress:stop:keepingProblems:)``),
/// and ``Planner/plan(_:progress:stop:keepingProblems:)`` is internal, so a caller of the
/// planner (the command line, a web app, compare and sweep) cannot get a plan any other way:
/// a plan that breaks a rule is a bug, never a result.
public struct ValidatedPlan: Sendable {
    /// The plan run. Read-only: a changed plan would be a plan nobody validated.
    public private(set) var result: PlanResult

    /// Wraps a result that has just passed the checks; internal so that nothing else can.
    init(validated result: PlanResult) { self.result = result }

    /// Adds the proven lower bounds, which describe the plan without changing it.
    public mutating func attach(_ bounds: PlanBounds) { result.bounds = bounds }
}
