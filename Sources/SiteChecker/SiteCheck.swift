import ArchiveModel
import ContentReader
import Foundation

/// Checks a built site as a reader's browser would meet it: every internal link and `#fragment`
/// resolves to a file and an element of the output folder, ids are unique on each page, images have
/// alt text, and XML files (feeds, sitemaps) are well-formed. External links are only collected.
public struct SiteCheck: Sendable {
    /// What was found.
    public struct Report: Sendable {
        /// Errors (broken links, missing fragments, duplicate ids, malformed XML) and warnings.
        public var findings: [Diagnostic]
        /// External URLs with the number of pages that link to them.
        public var external: [String: Int]
        public var pages: Int
        public var links: Int

        public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    }

    /// One page's ids and links, read in parallel.
    struct PageScan: Sendable {
        var path: String
        var ids: Set<String> = []
        var findings: [Diagnostic] = []
        var links: [(url: String, line: Int)] = []
    }

    /// The output folder.
    let output: URL
    /// The site's absolute URL (`https://example.org/archive/`): links under it are the site's own.
    let baseURL: String
    /// The path the site is served under (`/archive/`): root-relative links must start with it.
    let basePath: String
    /// How files are named in findings (`Output`).
    let displayName: String
    let concurrency: Int

    /// `baseURL` is site.yml's (or `--base-url`'s), ending in "/".
    public init(
        output: URL, baseURL: String, displayName: String? = nil,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.output = output.standardizedFileURL
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.basePath = SiteConfig(baseURL: baseURL).basePath
        self.displayName = displayName ?? self.output.lastPathComponent
        self.concurrency = max(1, concurrency)
    }

    public func run() async -> Report {
        let files = ContentScanner.relativeFiles(under: output)
        let fileSet = Set(files)
        let pages = files.filter { $0.hasSuffix(".html") }
        let scans = await scanAll(pages)
        var idsByPage: [String: Set<String>] = [:]
        for scan in scans { idsByPage[scan.path] = scan.ids }
        var findings = scans.flatMap(\.findings)
        var external: [String: Int] = [:]
        var links = 0
        for scan in scans {
            var seenExternal = Set<String>()
            for link in scan.links {
                links += 1
                switch resolve(link.url, from: scan.path) {
                case .external(let url):
                    if seenExternal.insert(url).inserted { external[url, default: 0] += 1 }
                case .ignored:
                    break
                case .outside:
                    findings.append(
                        finding(
                            scan.path, link.line, "link `\(link.url)` leaves the site's path \(basePath)",
                            hint: "root-relative links must start with the base_url path"))
                case .internal(let path, let fragment):
                    guard let target = existing(path, in: fileSet) else {
                        findings.append(
                            finding(
                                scan.path, link.line,
                                "broken link `\(link.url)`: no page at \(basePath)\(Self.shown(path))",
                                hint: "fix the link, or add the page it points to"))
                        continue
                    }
                    if let fragment, !fragment.isEmpty, target.hasSuffix(".html"),
                        idsByPage[target]?.contains(fragment) != true
                    {
                        findings.append(
                            finding(
                                scan.path, link.line,
                                "broken link `\(link.url)`: \(basePath)\(Self.shown(target)) has no element with id `\(fragment)`",
                                hint: "link to an id the page has"))
                    }
                }
            }
        }
        findings += files.filter { $0.hasSuffix(".xml") }.compactMap(checkXML)
        return Report(findings: findings, external: external, pages: pages.count, links: links)
    }

    /// A file as its URL path shows it: `articles/x/` for `articles/x/index.html`.
    static func shown(_ path: String) -> String {
        path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    }

    private func finding(_ page: String, _ line: Int, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(file: "\(displayName)/\(page)", line: line, message: message, hint: hint)
    }

    /// Reads and scans every page, a few at a time.
    private func scanAll(_ pages: [String]) async -> [PageScan] {
        let output = self.output
        let displayName = self.displayName
        return await withTaskGroup(of: [PageScan].self) { group in
            let chunk = max(1, (pages.count + concurrency * 4 - 1) / (concurrency * 4))
            for start in stride(from: 0, to: pages.count, by: chunk) {
                let slice = Array(pages[start..<min(pages.count, start + chunk)])
                group.addTask { slice.map { Self.scan($0, in: output, displayName: displayName) } }
            }
            var all: [PageScan] = []
            for await part in group { all += part }
            return all.sorted { $0.path < $1.path }
        }
    }

    static func scan(_ path: String, in output: URL, displayName: String) -> PageScan {
        var scan = PageScan(path: path)
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            scan.findings.append(Diagnostic(file: "\(displayName)/\(path)", message: "cannot read the page"))
            return scan
        }
        for tag in HTMLScanner.tags(in: String(decoding: data, as: UTF8.self)) {
            for attribute in ["id", tag.name == "a" ? "name" : ""] where !attribute.isEmpty {
                guard let id = tag.attributes[attribute], !id.isEmpty else { continue }
                if !scan.ids.insert(id).inserted && attribute == "id" {
                    scan.findings.append(
                        Diagnostic(
                            file: "\(displayName)/\(path)", line: tag.line, message: "id `\(id)` is used twice",
                            hint: "ids must be unique on a page, or links to them go to the first"))
                }
            }
            if tag.name == "img" && tag.attributes["alt"] == nil {
                scan.findings.append(
                    .warning(
                        file: "\(displayName)/\(path)", line: tag.line,
                        message: "image `\(tag.attributes["src"] ?? "")` has no alt text",
                        hint: "give it an alt text (alt=\"\" for a purely decorative image)"))
            }
            let attribute: String? =
                switch tag.name {
                case "a", "link", "area": "href"
                case "img", "script", "iframe", "source", "audio", "video": "src"
                default: nil
                }
            if let attribute, let url = tag.attributes[attribute] { scan.links.append((url, tag.line)) }
        }
        return scan
    }

    /// What a link points at.
    enum Target: Equatable {
        case external(String)
        /// A path relative to the output folder, and the fragment if any.
        case `internal`(String, fragment: String?)
        /// A root-relative link outside the site's base path.
        case outside
        /// Nothing to check: an empty link, or `#` alone.
        case ignored
    }

    func resolve(_ url: String, from page: String) -> Target {
        var trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "#" { return .ignored }
        // The site's own absolute URLs (canonical links, feeds) are checked like root-relative ones.
        if trimmed.hasPrefix(baseURL) || trimmed + "/" == baseURL {
            trimmed = basePath + trimmed.dropFirst(min(trimmed.count, baseURL.count))
        }
        if trimmed.hasPrefix("//") { return .external("https:" + trimmed) }
        if let colon = trimmed.firstIndex(of: ":"),
            trimmed[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
            trimmed[..<colon].first?.isLetter == true
        {
            return .external(trimmed)
        }
        var rest = Substring(trimmed)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        let decoded = String(rest).removingPercentEncoding ?? String(rest)
        var components: [Substring]
        if decoded.isEmpty {
            return .internal(page, fragment: fragment)
        } else if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return .outside }
            components = decoded.dropFirst(basePath.count).split(separator: "/", omittingEmptySubsequences: false)
        } else {
            components =
                page.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                + decoded.split(separator: "/", omittingEmptySubsequences: false)
        }
        var resolved: [Substring] = []
        for component in components {
            if component == ".." {
                guard !resolved.isEmpty else { return .outside }
                resolved.removeLast()
            } else if component != "." {
                resolved.append(component)
            }
        }
        // A trailing slash leaves an empty last component: the folder's index.html.
        var path = resolved.joined(separator: "/")
        if path.hasSuffix("/") || path.isEmpty || decoded.hasSuffix("/") {
            path = path.hasSuffix("/") || path.isEmpty ? path + "index.html" : path + "/index.html"
        }
        return .internal(path, fragment: fragment)
    }

    /// The file a path names, as a static server would find it (a folder's index.html after its redirect).
    private func existing(_ path: String, in files: Set<String>) -> String? {
        if files.contains(path) { return path }
        if files.contains(path + "/index.html") { return path + "/index.html" }
        return nil
    }

    /// A malformed XML file's error, with its line.
    private func checkXML(_ path: String) -> Diagnostic? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            return Diagnostic(file: "\(displayName)/\(path)", message: "cannot read the file")
        }
        guard let problem = XMLCheck.problem(in: data) else { return nil }
        return Diagnostic(
            file: "\(displayName)/\(path)", line: problem.line, column: problem.column,
            message: "not well-formed XML: \(problem.message)",
            hint: "feed and sitemap readers reject the whole file; check the template or text that made it")
    }
}
