import Hummingbird

/// Turns every error a route throws into a JSON body with its status: an ``APIError`` as it is,
/// Hummingbird's own (an unknown route, a body too large) with its status and a plain message,
/// anything else as a 500 that says only that the server failed (the detail goes to the log).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as HTTPError {
            return APIError(error.status, error.body ?? Self.message(for: error.status)).response()
        } catch let error as any HTTPResponseError {
            return APIError(error.status, Self.message(for: error.status)).response()
        } catch {
            context.logger.error("request \(request.method) \(request.uri.path) failed: \(error)")
            return APIError(.internalServerError, "the server failed on this request; its log has the detail")
                .response()
        }
    }

    /// A sentence for a status Hummingbird gave without a message.
    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such page or endpoint"
        case .contentTooLarge: "the request body is too large"
        case .methodNotAllowed: "this method is not allowed here"
        default: status.reasonPhrase.isEmpty ? "request failed" : status.reasonPhrase.lowercased()
        }
    }
}
