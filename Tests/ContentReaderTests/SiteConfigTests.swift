import ArchiveModel
import ContentReader
import Testing

struct SiteConfigTests {
    func read(_ yaml: String) throws(DiagnosticError) -> SiteConfig {
        try SiteConfigReader.read(path: "Content/site.yml", bytes: Array(yaml.utf8))
    }

    @Test func readsEverySettingAndTheBasePathOfASubPathURL() throws {
        let config = try read(
            "title: Archive\ndescription: Old news\nbase_url: https://example.org/archive\nlanguage: en-GB\nauthor: Desk\nunsafe_html: true\npaginate: 25\n"
        )
        #expect(config.title == "Archive")
        #expect(config.baseURL == "https://example.org/archive/")
        #expect(config.basePath == "/archive/")
        #expect(config.language == "en-GB")
        #expect(config.author == "Desk")
        #expect(config.unsafeHTML)
        #expect(config.pageSize == 25)
    }

    @Test func aDomainRootHasTheBasePathSlash() throws {
        #expect(try read("base_url: https://example.org").basePath == "/")
    }

    @Test func unknownKeyIsAnErrorNamingTheKeyTheFileAndTheLine() {
        #expect {
            try read("title: Archive\nbase_ulr: https://example.org/\n")
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.description.hasPrefix("Content/site.yml:2:1: error: unknown key `base_ulr` in site.yml")
                == true
                && diagnostic?.hint?.contains("base_url") == true
        }
    }

    @Test func baseURLMustBeAbsolute() {
        #expect(throws: DiagnosticError.self) { try read("base_url: /archive/\n") }
    }

    @Test func paginateMustBePositive() {
        #expect(throws: DiagnosticError.self) { try read("paginate: 0\n") }
    }
}
