import Foundation

extension ScenarioLoader {
    /// `networks: [PATH, ...]`: one network per organisation, read as `network:` reads one and
    /// merged into one network (``NetworkMerge``). Each organisation is named by its network's
    /// `name`; a network listed twice (the same file, or two files of the same name) is a
    /// problem at its entry. `nil` when a network cannot be read or merged.
    static func readNetworks(
        _ yaml: YAMLMapping, folder: URL, overrides: NetworkOverrides, log: ProblemLog
    ) -> (loaded: LoadedNetwork, organisations: [Organisation])? {
        guard let references = yaml.stringList("networks") else { return nil }
        let entries = yaml.node["networks"]?.sequence.map(Array.init) ?? []
        let field = { (index: Int) in yaml.fieldPath("networks") + "[\(index)]" }
        let lineOf = { (index: Int) in
            entries.indices.contains(index) ? entries[index].mark?.line : yaml.node["networks"]?.mark?.line
        }
        guard !references.isEmpty else {
            yaml.problem("networks", "list at least one network, one per organisation")
            return nil
        }
        var parts: [LoadedNetwork] = []
        var seenFiles: [String: Int] = [:], seenNames: [String: Int] = [:]
        var complete = true
        for (index, reference) in references.enumerated() {
            let url = URL(fileURLWithPath: reference, relativeTo: folder).standardizedFileURL
            if let first = seenFiles[url.path] {
                log.add(
                    yaml.file, line: lineOf(index), field: field(index),
                    "network \(DisplayPath.of(url)) is listed twice (first as networks[\(first)]); list each organisation once"
                )
                complete = false
                continue
            }
            seenFiles[url.path] = index
            guard FileManager.default.fileExists(atPath: url.path) else {
                log.add(
                    yaml.file, line: lineOf(index), field: field(index),
                    "no such file: \(DisplayPath.of(url)) (paths are relative to the scenario file)")
                complete = false
                continue
            }
            guard let loaded = NetworkLoader.load(url, displayPath: DisplayPath.of(url), log: log, overrides: overrides)
            else {
                complete = false
                continue
            }
            let name = loaded.network.name
            if let first = seenNames[name] {
                log.add(
                    yaml.file, line: lineOf(index), field: field(index),
                    "organisation '\(name)' is listed twice: networks[\(first)] has the same name; list each organisation once, or give the networks distinct names"
                )
                complete = false
                continue
            }
            seenNames[name] = index
            parts.append(loaded)
        }
        guard complete else { return nil }
        let candidates = Set(yaml.stringList("hubs", required: false) ?? [])
        let problemsBefore = log.problems.count
        guard let merged = NetworkMerge.merge(parts, candidateHubs: candidates, log: log),
            log.problems.count == problemsBefore
        else { return nil }
        let organisations = parts.map { part in
            Organisation(id: part.network.name, file: part.network.file, sites: part.network.sites.map(\.id))
        }
        return (merged, organisations)
    }

    /// `coalition: [ORG, ...]`: plan only these organisations of `networks:` (their sites and
    /// flows, every hub still a candidate), as `bundel coalition` plans each coalition; the
    /// scenarios `bundel coalition --emit-jobs` writes use it. Positions into `organisations`,
    /// `nil` without the field or with a problem (logged).
    static func readCoalition(_ yaml: YAMLMapping, organisations: [Organisation]) -> [Int]? {
        guard let ids = yaml.stringList("coalition", required: false) else { return nil }
        guard yaml.has("networks") else {
            yaml.problem("coalition", "a coalition is a set of the organisations of networks: [..]; list those first")
            return nil
        }
        let known = organisations.map(\.id)
        var members: [Int] = []
        for (index, id) in ids.enumerated() {
            guard let position = known.firstIndex(of: id) else {
                yaml.problem(
                    "coalition", "unknown organisation '\(id)'; the networks name \(known.joined(separator: ", "))")
                continue
            }
            if ids[..<index].contains(id) {
                yaml.problem("coalition", "organisation '\(id)' is listed twice; list each once")
                continue
            }
            members.append(position)
        }
        if ids.isEmpty { yaml.problem("coalition", "list at least one organisation") }
        return members.isEmpty ? nil : members
    }
}
