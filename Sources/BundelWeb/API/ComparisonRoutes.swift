import Foundation
import Hummingbird

/// `/api/comparison?runs=ID1,ID2`: finished plan runs side by side from their own summaries.
enum ComparisonRoutes {
    static func add(to router: Router<some RequestContext>, services: WebServices) {
        router.get("/api/comparison") { request, _ in
            let ids = try RunComparison.ids(request.uri.queryParameters.getAll("runs"))
            return JSONBody.response(try RunComparison(ids, store: services.store))
        }
    }
}
