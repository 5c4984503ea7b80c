import ArchiveModel
import Foundation
import Rendering
import TestSupport
import Testing

struct TemplateSetTests {
    /// The default theme, as name → (path, text), to break one template at a time.
    func defaultTheme() throws -> [String: (path: String, text: String)] {
        var sources: [String: (path: String, text: String)] = [:]
        let folder = Repository.root.appendingPathComponent("Templates")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            sources[String(file.dropLast(".mustache".count))] = ("Templates/\(file)", text)
        }
        return sources
    }

    func diagnostics(_ sources: [String: (path: String, text: String)]) -> [Diagnostic] {
        do {
            _ = try TemplateSet.parse(sources)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func theDefaultThemeLoads() throws {
        let set = try TemplateSet.load(from: Repository.root.appendingPathComponent("Templates"))
        #expect(set.names.isSuperset(of: TemplateSet.required))
    }

    @Test func aMissingPageTemplateIsAnErrorNamingItsPath() throws {
        var sources = try defaultTheme()
        sources["tag"] = nil
        let found = diagnostics(sources)
        #expect(found.map(\.file) == ["Templates/tag.mustache"])
        #expect(found.first?.message == "missing template `tag`")
    }

    @Test func aSyntaxErrorNamesTheTemplateAndLine() throws {
        var sources = try defaultTheme()
        sources["article"] = (
            "Templates/article.mustache", "{{<base}}\n{{$main}}\n<h1>{{#title}}{{title}}</h1>\n{{/main}}\n{{/base}}\n"
        )
        let found = try #require(diagnostics(sources).first)
        #expect(found.file == "Templates/article.mustache")
        #expect(found.message.hasPrefix("template syntax error"))
        #expect(found.line != nil)
    }

    @Test func aPartialThatDoesNotExistIsAnErrorAtItsLine() throws {
        var sources = try defaultTheme()
        sources["404"] = (
            "Templates/404.mustache", "{{<base}}\n{{$main}}\n  {{> partials/missing }}\n{{/main}}\n{{/base}}\n"
        )
        let found = diagnostics(sources)
        #expect(
            found.map(\.description) == [
                "Templates/404.mustache:3:3: error: the template `partials/missing` it uses does not exist\n  hint: create Templates/partials/missing.mustache or fix the name"
            ])
    }
}
