import Testing

@testable import BundelRouting

/// The route pool's key is a route's set of jobs: the same in any order, different for other
/// sets and for another number of reloads (another split into trips).
@Suite("Route pool key")
struct RoutePoolKeyTests {
    @Test func theKeyIsTheSetOfJobs() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let jobs = (0..<Int.random(in: 1...30, using: &random)).map { _ in Int.random(in: 0..<500, using: &random) }
            let unique = Array(Set(jobs)).sorted()
            #expect(RoutePool.key(of: unique) == RoutePool.key(of: unique.shuffled(using: &random)))
            let other = unique.dropLast() + [unique.last! + 500]
            #expect(RoutePool.key(of: unique) != RoutePool.key(of: Array(other)))
        }
        #expect(RoutePool.key(of: [1, Route.reload, 2]) != RoutePool.key(of: [1, Route.reload, Route.reload, 2]))
        #expect(RoutePool.key(of: [1, Route.reload, 2]) == RoutePool.key(of: [2, 1, Route.reload]))
    }
}
