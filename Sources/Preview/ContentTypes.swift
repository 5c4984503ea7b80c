/// Media types by file extension for the preview server: what a static host would send.
enum ContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "rss": "application/rss+xml",
        "atom": "application/atom+xml",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf", "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "pdf": "application/pdf", "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
        "wasm": "application/wasm",
    ]

    /// The media type for a file name; unknown extensions are sent as bytes.
    static func forFile(_ name: String) -> String {
        // The site's feeds, as the nginx configuration of .ci/crawl-nginx serves them.
        if name == "feed.xml" || name.hasSuffix("/feed.xml") { return "application/atom+xml" }
        if name == "feed.json" || name.hasSuffix("/feed.json") { return "application/feed+json" }
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
