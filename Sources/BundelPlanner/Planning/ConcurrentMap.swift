import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` over all cores. Results keep the input order, so the outcome does not depend on
    /// which thread finished first.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        concurrentMap(order: Array<Int>(indices), transform)
    }

    /// `map` over all cores that starts the elements of largest `weight` first (ties in input
    /// order): the cores take the next element as they come free, so a long task started last
    /// would run alone at the end while the others idle. Results keep the input order.
    public func concurrentMap<Result: Sendable>(
        heaviestFirst weight: (Element) -> Int, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let weights = map(weight)
        return concurrentMap(order: indices.sorted { (-weights[$0], $0) < (-weights[$1], $1) }, transform)
    }

    /// Runs `transform` on the elements in the order of `order` (a permutation of the indices).
    private func concurrentMap<Result: Sendable>(
        order: [Int], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array<Result?>(repeating: nil, count: count))
        let items = self
        DispatchQueue.concurrentPerform(iterations: count) { position in
            let index = order[position]
            let value = transform(items[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}
