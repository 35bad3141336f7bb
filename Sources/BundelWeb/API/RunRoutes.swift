import Foundation
import Hummingbird

/// `/api/runs`: start, list, one run's status, cancel, its files, its progress as server-sent events.
enum RunRoutes {
    /// The body of a new run.
    struct NewRun: Decodable {
        var kind: RunKind
        var scenarioIds: [Int64]
        var timeLimitSeconds: Double?
        /// A sweep's parameter and values.
        var parameter: String?
        var values: [String]?
        /// Plans on a Pareto front (2 to 20).
        var points: Int?
    }

    static func add(to router: Router<some RequestContext>, services: WebServices) {
        router.get("/api/runs") { _, _ in
            JSONBody.response(try services.store.runs().map { RunView($0, store: services.store) })
        }
        router.post("/api/runs") { request, _ in
            let data = try await services.body(of: request, limit: 64 * 1024)
            let new = try JSONBody.decode(NewRun.self, from: data)
            let run = try await services.queue.submit(
                kind: new.kind, scenarios: new.scenarioIds, timeLimitSeconds: new.timeLimitSeconds,
                options: RunOptions(parameter: new.parameter, values: new.values, points: new.points))
            return JSONBody.response(RunView(run, store: services.store), status: .created)
        }
        router.get("/api/runs/:id") { _, context in
            JSONBody.response(RunView(try run(context, services), store: services.store))
        }
        router.post("/api/runs/:id/cancel") { _, context in
            let id = try id(context)
            _ = try await services.queue.cancel(id)
            guard let run = try services.store.run(id) else { throw APIError.notFound("run \(id)") }
            return JSONBody.response(RunView(run, store: services.store), status: .accepted)
        }
        router.get("/api/runs/:id/files/:name") { _, context in
            let run = try run(context, services)
            let name = context.parameters.get("name") ?? ""
            guard let id = run.id,
                let file = RunFiles.list(services.store.runFolder(id)).first(where: { $0.name == name })
            else { throw APIError.notFound("file '\(name)' of this run") }
            let data = try Data(contentsOf: file.url)
            return Response(
                status: .ok,
                headers: [
                    .contentType: MediaTypes.of(name),
                    .contentDisposition: "attachment; filename=\"\(name)\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/api/runs/:id/events") { _, context in
            let run = try run(context, services)
            return RunEvents.response(run.id ?? 0, store: services.store)
        }
    }

    static func run(_ context: some RequestContext, _ services: WebServices) throws -> RunRecord {
        let id = try id(context)
        guard let run = try services.store.run(id) else { throw APIError.notFound("run \(id)") }
        return run
    }
}

/// Content types of the files a run writes.
enum MediaTypes {
    static func of(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "geojson": "application/geo+json"
        case "csv": "text/csv; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
