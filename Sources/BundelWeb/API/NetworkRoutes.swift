import Foundation
import Hummingbird

/// `/api/networks`: list, upload a ZIP, one network with its tables; `/api/builtin-networks`: the
/// networks that come with bundel, and adding one to the user's own.
enum NetworkRoutes {
    static func add(to router: Router<some RequestContext>, services: WebServices) {
        router.get("/api/networks") { _, _ in
            JSONBody.response(try services.store.networks().map(NetworkSummary.init))
        }
        router.post("/api/networks") { request, _ in
            let data = try await services.body(of: request, limit: services.limits.bodyBytes)
            let record = try NetworkImport.importZip(data, store: services.store, limits: services.limits)
            return JSONBody.response(NetworkSummary(record), status: .created)
        }
        router.post("/api/networks/form") { request, _ in
            let data = try await services.body(of: request, limit: services.limits.bodyBytes)
            let form = try JSONBody.decode(NetworkForm.self, from: data)
            let record = try NetworkImport.importForm(form, store: services.store)
            return JSONBody.response(NetworkSummary(record), status: .created)
        }
        router.get("/api/builtin-networks") { _, _ in
            JSONBody.response(BuiltInNetworks.list(services.examples))
        }
        router.post("/api/builtin-networks/:name") { _, context in
            let record = try BuiltInNetworks.add(
                context.parameters.get("name") ?? "", from: services.examples, store: services.store,
                limits: services.limits)
            return JSONBody.response(NetworkSummary(record), status: .created)
        }
        router.get("/api/networks/:id") { _, context in
            let id = try id(context)
            guard let record = try services.store.network(id) else { throw APIError.notFound("network \(id)") }
            return JSONBody.response(try NetworkDetail.read(record, store: services.store))
        }
    }
}
