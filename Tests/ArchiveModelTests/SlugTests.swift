import ArchiveModel
import Testing

struct SlugTests {
    @Test func apostrophesVanishAndPunctuationBecomesOneHyphen() {
        #expect(Slug.make(from: "Britain’s most senior police officer") == "britains-most-senior-police-officer")
        #expect(
            Slug.make(from: "Internet is becoming a 'dark and ungoverned space', says Met chief")
                == "internet-is-becoming-a-dark-and-ungoverned-space-says-met-chief")
        #expect(Slug.make(from: "  -- Local   government -- ") == "local-government")
    }

    @Test func accentedLettersFoldToASCII() {
        #expect(Slug.make(from: "São Paulo") == "sao-paulo")
        #expect(Slug.make(from: "Zürich Ümlaut Café") == "zurich-umlaut-cafe")
    }

    @Test func textWithoutLettersMakesAnEmptySlug() {
        #expect(Slug.make(from: "—…!?") == "")
        #expect(!Slug.isValid(""))
    }

    @Test func pathTraversalIsNeverAValidSlug() {
        #expect(!Slug.isValid("../../x"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("Upper"))
        #expect(Slug.isValid("a-valid-slug-2"))
        #expect(Slug.make(from: "../../x") == "x")
    }
}
