import Foundation
import Hummingbird

/// `/api/scenarios`: list, create from the form's fields or YAML, one scenario, its YAML.
enum ScenarioRoutes {
    static func add(to router: Router<some RequestContext>, services: WebServices) {
        router.get("/api/scenarios") { _, _ in
            JSONBody.response(try services.store.scenarios().map { ScenarioView($0, store: services.store) })
        }
        router.post("/api/scenarios") { request, _ in
            let data = try await services.body(of: request, limit: 1024 * 1024)
            let form = try JSONBody.decode(ScenarioForm.self, from: data)
            let record = try ScenarioFile.create(form, store: services.store)
            return JSONBody.response(ScenarioView(record, store: services.store), status: .created)
        }
        router.get("/api/scenarios/:id") { _, context in
            let id = try id(context)
            guard let record = try services.store.scenario(id) else { throw APIError.notFound("scenario \(id)") }
            return JSONBody.response(ScenarioView(record, store: services.store))
        }
        router.get("/api/scenarios/:id/yaml") { _, context in
            let id = try id(context)
            let text = try ScenarioFile.downloadText(id, store: services.store)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/yaml; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"scenario-\(id).yaml\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}

/// A scenario as the API shows it: the row and its YAML as stored.
struct ScenarioView: Encodable {
    var id: Int64
    var networkId: Int64
    var name: String
    var createdAt: String
    var yaml: String

    init(_ record: ScenarioRecord, store: WebStore) {
        id = record.id ?? 0
        networkId = record.networkId
        name = record.name
        createdAt = record.createdAt
        yaml = (try? String(contentsOf: store.scenarioFile(id), encoding: .utf8)) ?? ""
    }
}
