/// One switch of the routed improvement step: the plan reached so far with one supplier or one
/// flow moved in or out of the hubs.
struct PlanSwitch {
    var viaHub: [Int: String]
    /// A supplier, or `flow SUPPLIER->SITE`.
    var subject: String
    var toDirect: Bool
    var flowsChanged: Int

    /// The switch as its row names it: `switch SUBJECT direct` or `switch SUBJECT in`.
    var label: String { "switch \(subject) \(toDirect ? "direct" : "in")" }
}
