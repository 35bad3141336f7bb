import Dispatch
import Synchronization

/// Benchmark runs on several threads: `bench --jobs` and `bound --jobs` hand out one instance
/// at a time to each of a fixed number of workers, so that every worker stays busy whatever
/// each instance takes.
enum ConcurrentRuns {
    /// Calls `run` once for each index below `count`, from at most `workers` threads at once.
    static func perform(_ count: Int, workers: Int, _ run: @Sendable (Int) -> Void) {
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < count else { return }
                run(index)
            }
        }
    }
}
