import Foundation

/// What a request path names in the built site: a file, a folder that needs its trailing slash,
/// or nothing. Pure, so every way of escaping the site can be tested: `..` (also percent-encoded),
/// backslashes, NUL bytes and symbolic links that point outside all resolve to `notFound`.
enum SitePath: Equatable {
    case file(URL)
    case redirect(String)
    case notFound

    /// Resolves `rawPath` (as sent, percent-encoded, without the query) under `basePath` in `root`.
    static func resolve(_ rawPath: String, basePath: String, root: URL) -> SitePath {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\"),
            decoded.hasPrefix("/")
        else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        // The site lives under its base path; "/archive" without the slash is the same folder.
        if decoded + "/" == basePath { return .redirect(basePath) }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        let relative = String(decoded.dropFirst(basePath.count))
        let rootPath = root.resolvingSymlinksInPath().path
        var target = root.appendingPathComponent(relative).resolvingSymlinksInPath()
        guard target.path == rootPath || target.path.hasPrefix(rootPath + "/") else { return .notFound }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            target = target.appendingPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: target.path) else { return .notFound }
        }
        return .file(target)
    }
}
