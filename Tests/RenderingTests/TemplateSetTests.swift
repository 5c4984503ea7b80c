import ArchiveModel
import Rendering
import TestSupport
import Testing

struct TemplateSetTests {
    /// The default theme, as name → (path, text), to break one template at a time.
    func defaultTheme() throws -> [String: (path: String, text: String)] {
        var sources: [String: (path: String, text: String)] = [:]
        for name in TemplateSet.required + [
            "partials/header", "partials/footer", "partials/card", "partials/pagination", "partials/tag-list",
        ] {
            let bytes = try Repository.fixtureBytes("../../Templates/\(name).mustache")
            sources[name] = ("Templates/\(name).mustache", String(decoding: bytes, as: UTF8.self))
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
