import Hummingbird

/// The HTML pages (added in a later step).
enum Pages {
    static func add(to router: Router<some RequestContext>, services: WebServices) {}
}
