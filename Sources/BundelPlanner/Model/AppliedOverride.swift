/// A network value a scenario replaced (`overrides:`), as written, so that reports can say
/// which figures are not the network file's.
public struct AppliedOverride: Sendable, Equatable {
    /// The override's path, `hubs.duivendrecht.fixed_cost_per_week`.
    public let path: String
    /// The value it set, as YAML text.
    public let value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }
}
