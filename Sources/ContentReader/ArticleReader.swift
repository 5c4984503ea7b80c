import ArchiveModel

/// Turns the bytes of one file under `Content/articles/` into an `Article`, choosing the format by
/// extension (`.md`: front matter + CommonMark, `.txt`: pasted plain text).
public enum ArticleReader {
    /// The outcome of reading one file: the article when it could be read, and every diagnostic.
    public struct Result: Sendable {
        public var article: Article?
        public var diagnostics: [Diagnostic]
    }

    /// File extensions that hold articles.
    public static let extensions: Set<String> = ["md", "markdown", "txt"]

    /// The largest article file read (16 MiB): a hundred times a long feature, so a file past it is
    /// almost surely not an article (a whole archive pasted into one file, a stray data file).
    public static let maximumBytes = 16 << 20

    /// Reads one article. `path` is shown in diagnostics; `fileName` gives the date prefix and slug.
    public static func read(path: String, bytes: [UInt8]) -> Result {
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        guard bytes.count <= maximumBytes else {
            return Result(article: nil, diagnostics: [tooLarge(path: path, size: bytes.count)])
        }
        do throws(Diagnostic) {
            let source = try SourceText(path: path, bytes: bytes)
            if fileName.lowercased().hasSuffix(".txt") {
                return Result(article: try PlainTextArticleParser.parse(source, fileName: fileName), diagnostics: [])
            }
            return readMarkdown(source, fileName: fileName)
        } catch {
            return Result(article: nil, diagnostics: [error])
        }
    }

    private static func readMarkdown(_ source: SourceText, fileName: String) -> Result {
        do throws(Diagnostic) {
            let parts = try FrontMatter.split(source)
            let document = try YAMLDocument(path: source.path, yaml: parts.yaml, lineOffset: parts.yamlFirstLine - 1)
            var decoder = ArticleMetadataDecoder(document: document, fileName: FileNameInfo(fileName: fileName))
            guard let metadata = decoder.decode() else {
                return Result(article: nil, diagnostics: decoder.diagnostics)
            }
            let lines = LineIndex(text: source.text, base: source.scalarBase)
            let body = MarkdownParser.parse(parts.body, firstLine: parts.bodyFirstLine, lines: lines)
            return Result(
                article: Article(path: source.path, metadata: metadata, body: body), diagnostics: decoder.diagnostics)
        } catch {
            return Result(article: nil, diagnostics: [error])
        }
    }

    /// The error for a file over `maximumBytes`.
    public static func tooLarge(path: String, size: Int) -> Diagnostic {
        Diagnostic(
            file: path, line: 1, column: 1,
            message: "the file is \(size >> 20) MiB; an article may be at most \(maximumBytes >> 20) MiB",
            hint: "split it into one file per article, or move it out of Content/articles/ if it is not an article")
    }
}
