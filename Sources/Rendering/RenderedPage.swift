/// A finished page: where it goes under the output folder and its HTML.
public struct RenderedPage: Sendable {
    /// Site path of the page: `articles/x/` (written as `articles/x/index.html`) or a file name
    /// such as `404.html`.
    public var sitePath: String
    public var html: String
    /// An article page's body as HTML, annotations and all, for feeds with full content.
    public var content: String? = nil

    /// The file the page is written to, relative to the output folder.
    public var filePath: String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }
}
