/// Where a long run says what it is doing (the command line prints it on standard error);
/// silent by default, so library use and tests print nothing.
public struct PlanProgress: Sendable {
    private let report: @Sendable (String) -> Void

    public init(_ report: @escaping @Sendable (String) -> Void) {
        self.report = report
    }

    public static let silent = PlanProgress { _ in }

    /// Reports one step.
    public func callAsFunction(_ message: @autoclosure () -> String) {
        report(message())
    }
}
