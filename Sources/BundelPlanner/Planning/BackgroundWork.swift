import Dispatch
import Synchronization

/// Work started on a thread of its own, whose result is waited for when it is needed: the
/// caller meanwhile runs a single-threaded step (a GLPK solve) that the work does not depend on.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let finished = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.leave()
        }
    }

    /// The work's result, once it has finished.
    var value: Value {
        finished.wait()
        return result.withLock { $0! }
    }
}
