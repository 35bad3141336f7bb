import Foundation
import Hummingbird

/// The HTML pages: networks, a network's tables and map, the scenario form, scenarios, runs and
/// a run's live progress and results. They read the store as the API does and post to the API.
enum Pages {
    static func add(to router: Router<some RequestContext>, services: WebServices) {
        Assets.add(to: router)
        router.get("/") { _, _ in
            Response(status: .seeOther, headers: [.location: "/networks"])
        }
        router.get("/networks") { _, _ in try NetworkPages.list(services) }
        router.get("/networks/:id") { _, context in try NetworkPages.detail(try id(context), services) }
        router.get("/scenarios") { _, _ in try ScenarioPages.list(services) }
        router.get("/scenarios/new") { request, _ in
            guard let network = request.uri.queryParameters.get("network").flatMap({ Int64($0) }) else {
                throw APIError(.badRequest, "give the network: /scenarios/new?network=ID")
            }
            return try ScenarioPages.form(network, services)
        }
        router.get("/scenarios/:id") { _, context in try ScenarioPages.detail(try id(context), services) }
        router.get("/runs") { _, _ in try RunPages.list(services) }
        router.get("/compare") { request, _ in
            try ComparisonPage.page(try RunComparison.ids(request.uri.queryParameters.getAll("runs")), services)
        }
        router.get("/compare/report") { request, _ in
            try ComparisonPage.report(try RunComparison.ids(request.uri.queryParameters.getAll("runs")), services)
        }
        router.get("/runs/:id") { _, context in try RunPages.detail(try id(context), services) }
        router.get("/runs/:id/report") { _, context in try RunPages.report(try id(context), services) }
    }
}
