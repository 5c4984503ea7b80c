/// A finished page: where it goes under the output folder and its HTML.
public struct RenderedPage: Sendable {
    /// Site path of the page: `articles/x/` (written as `articles/x/index.html`) or a file name
    /// such as `404.html`.
    public var sitePath: String
    public var html: String
    /// An article page's body as HTML, annotations and all, for feeds with full content.
    public var content: String? = nil
    /// For a large file (an export), the text made piece by piece instead of `html`, so the output
    /// can write each piece as it comes and never hold the whole file.
    public var stream: (@Sendable (_ emit: (String) -> Void) -> Void)? = nil
    /// For a file listing the archive article by article (an export, the search index), its rows
    /// instead of `html`: written whole, or patched after an edit.
    public var rows: ArticleRows? = nil

    /// The file the page is written to, relative to the output folder.
    public var filePath: String { Self.filePath(of: sitePath) }

    /// The file a page at `sitePath` is written to.
    public static func filePath(of sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }
}
