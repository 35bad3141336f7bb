import BundelPlanner
import Foundation
import Yams

/// Writes a scenario file for a stored network from a ``ScenarioForm``, checks it with the
/// planner's own loader, and stores it; and gives it back for download with the network named by
/// its full path, so that `bundel plan` runs it as it is.
enum ScenarioFile {
    /// Keys of a scenario file that name files: a stored scenario may name only its stored network,
    /// so that no request names a path on the server.
    static let pathKeys = ["networks", "coalition"]

    static func create(_ form: ScenarioForm, store: WebStore) throws -> ScenarioRecord {
        guard try store.network(form.networkId) != nil else { throw APIError.notFound("network \(form.networkId)") }
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw APIError(.badRequest, "give the scenario a name") }
        var top = try form.yaml.map(parse) ?? fields(of: form)
        top["name"] = Node(name)
        top["network"] = Node("../../networks/\(form.networkId)/network.yaml")
        let text: String
        do {
            text = try Yams.serialize(node: .mapping(top))
        } catch {
            throw APIError(.badRequest, "the scenario cannot be written as YAML")
        }
        // Written beside the stored ones (the same depth, so the network's relative path holds)
        // and read back with the planner's loader before it gets an id.
        let scratch = store.folder.appendingPathComponent("scenarios/new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let file = scratch.appendingPathComponent("scenario.yaml")
        try Data(text.utf8).write(to: file)
        try check(file, scratchName: scratch.lastPathComponent)
        var record = try store.insert(
            ScenarioRecord(id: nil, networkId: form.networkId, name: name, createdAt: Timestamp.now()))
        guard let id = record.id else { throw APIError(.internalServerError, "the scenario got no id") }
        do {
            try FileManager.default.moveItem(at: scratch, to: store.scenarioFile(id).deletingLastPathComponent())
        } catch {
            try? store.deleteScenario(id)
            throw error
        }
        record.id = id
        return record
    }

    /// The stored scenario's text with `network:` as a full path, for download.
    static func downloadText(_ id: Int64, store: WebStore) throws -> String {
        guard let record = try store.scenario(id) else { throw APIError.notFound("scenario \(id)") }
        var top = try parse(try String(contentsOf: store.scenarioFile(id), encoding: .utf8))
        top["network"] = Node(store.networkFolder(record.networkId).appendingPathComponent("network.yaml").path)
        return try Yams.serialize(node: .mapping(top))
    }

    /// The top mapping of a scenario's YAML text, refusing keys that name other files.
    static func parse(_ text: String) throws -> Node.Mapping {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw APIError(.unprocessableContent, "the scenario is not valid YAML: \(error)")
        }
        guard let top = node?.mapping else {
            throw APIError(.unprocessableContent, "the scenario must be a YAML mapping (key: value lines)")
        }
        for key in pathKeys where top[Node(key)] != nil {
            throw APIError(
                .unprocessableContent, "'\(key)' names other files; a scenario here plans its own network only")
        }
        if let distances = top["distances"]?.mapping, distances["matrix"] != nil || distances["durations"] != nil {
            throw APIError(
                .unprocessableContent,
                "'distances.matrix' names a file; use great-circle distances with a detour factor")
        }
        if let factors = top["emission_factors"]?.string ?? top["emission_factors"]?.mapping?["set"]?.string,
            factors.contains("/") || factors.hasSuffix(".yaml") || factors.hasSuffix(".yml")
        {
            throw APIError(.unprocessableContent, "'emission_factors' names a file; use a built-in set such as nl-2021")
        }
        let uncertain = top["uncertainty"]?.mapping?["emission_factors"]?.sequence?.compactMap(\.string) ?? []
        if uncertain.contains(where: { $0.contains("/") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) {
            throw APIError(
                .unprocessableContent,
                "'uncertainty.emission_factors' names a file; use built-in sets such as nl-2021 and nl-2026")
        }
        return top
    }

    /// The form's fields as a scenario mapping; what the form leaves out keeps the loader's default.
    static func fields(of form: ScenarioForm) throws -> Node.Mapping {
        var top = Node.Mapping([])
        let list = { (values: [String]) in Node.sequence(Node.Sequence(values.map { Node($0) }, .implicit, .flow)) }
        if let days = form.days { top["days"] = list(days) }
        top["hubs"] = list(form.hubs ?? [])
        if let participation = form.participation {
            top["participation"] = .mapping(Node.Mapping([(Node("default"), Node(participation))]))
        }
        var fleets: [(Node, Node)] = []
        if let fleet = form.hubFleet, !fleet.isEmpty { fleets.append((Node("hub"), list(fleet))) }
        var suppliers: [(Node, Node)] = []
        if let fleet = form.supplierFleet, !fleet.isEmpty { suppliers.append((Node("all"), list(fleet))) }
        for (supplier, fleet) in (form.supplierFleets ?? [:]).sorted(by: { $0.key < $1.key }) where !fleet.isEmpty {
            suppliers.append((Node(supplier), list(fleet)))
        }
        if !suppliers.isEmpty { fleets.append((Node("suppliers"), .mapping(Node.Mapping(suppliers)))) }
        if !fleets.isEmpty { top["fleets"] = .mapping(Node.Mapping(fleets)) }
        top["emission_factors"] = Node(form.emissionFactors ?? "nl-2021")
        if let objective = form.objective { top["objective"] = Node(objective) }
        if let seconds = form.timeLimitSeconds { top["time_limit_seconds"] = Node(String(seconds)) }
        if let iterations = form.routingIterations { top["routing_iterations"] = Node(String(iterations)) }
        if let seed = form.seed { top["seed"] = Node(String(seed)) }
        if let days = form.baselineDays { top["baseline_days"] = Node(days) }
        return top
    }

    /// Reads the scenario with the planner's loader; a 422 with every problem when it fails.
    static func check(_ file: URL, scratchName: String) throws {
        do {
            _ = try ScenarioLoader.load(path: file.path)
        } catch {
            let problems = ProblemPaths.relative(error.problems, folderName: scratchName)
            throw APIError(
                .unprocessableContent,
                "the scenario has \(problems.count == 1 ? "1 problem" : "\(problems.count) problems")",
                problems: problems)
        }
    }
}
