import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` over all cores. Results keep the input order, so the outcome does not depend on
    /// which thread finished first.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = Mutex<[Result?]>(Array<Result?>(repeating: nil, count: count))
        let items = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(items[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}
