import Hummingbird

/// Applies the ``AccessPolicy`` to every request before any route sees it.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: AccessPolicy

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        let cookie = request.headers[.cookie].flatMap { header in
            header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("bundel_token=") }.map { String($0.dropFirst("bundel_token=".count)) }
        }
        let query = request.uri.queryParameters.get("token")
        if let refusal = policy.refusal(
            method: request.method.rawValue, authorization: request.headers[.authorization], cookieToken: cookie,
            queryToken: query, origin: request.headers[.origin], host: request.head.authority)
        {
            throw refusal
        }
        var response = try await next(request, context)
        // A person who opened a page with ?token=... keeps it for the pages' own requests.
        if let query, let token = policy.token, AccessPolicy.equalInConstantTime(query, token) {
            response.headers[.setCookie] = "bundel_token=\(query); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }
}
