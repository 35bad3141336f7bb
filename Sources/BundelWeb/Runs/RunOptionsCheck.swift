/// What a sweep or a Pareto run may ask: a sweep's parameter is a scenario or network value, never
/// one that names a file (no request names a path on the server), and no value can pass for an
/// option of the command line.
enum RunOptionsCheck {
    /// Parameters that name files.
    static let fileParameters: Set<String> = [
        "network", "networks", "coalition", "distances.matrix", "distances.durations", "emission_factors",
        "emission_factors.set", "uncertainty",
    ]

    static func check(_ options: RunOptions, for kind: RunKind) throws {
        switch kind {
        case .sweep:
            guard let parameter = options.parameter?.trimmingCharacters(in: .whitespaces), !parameter.isEmpty else {
                throw APIError(.badRequest, "a sweep needs 'parameter'")
            }
            let bare = parameter.hasPrefix("overrides.") ? String(parameter.dropFirst("overrides.".count)) : parameter
            if fileParameters.contains(bare) || fileParameters.contains(where: { bare.hasPrefix($0 + ".") }) {
                throw APIError(.badRequest, "'\(parameter)' names files; a sweep here varies values only")
            }
            guard let values = options.values, !values.isEmpty, values.count <= 50 else {
                throw APIError(.badRequest, "a sweep needs 1 to 50 'values'")
            }
            for value in [parameter] + values where value.hasPrefix("-") || value.contains("/") {
                throw APIError(
                    .badRequest, "'\(value)' cannot be a sweep's parameter or value (no leading '-', no '/')")
            }
        case .pareto:
            if let points = options.points, !(2...20).contains(points) {
                throw APIError(.badRequest, "'points' must be 2 to 20")
            }
        case .plan, .compare:
            break
        }
    }
}
