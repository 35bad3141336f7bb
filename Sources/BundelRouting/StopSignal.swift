import Synchronization

/// A request to stop searching, shared by every search of a run: set from a signal handler
/// (Ctrl-C) or another thread, checked by the searches between iterations. A stopped search
/// returns the best solution it has, so the caller can still write a complete plan.
public final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    /// Asks every search that watches this signal to stop.
    public func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }
}
