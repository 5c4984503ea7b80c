import ArchiveModel
import Testing

struct DiagnosticTests {
    @Test func printsLikeACompilerWithTheHintOnTheNextLine() {
        let diagnostic = Diagnostic(
            file: "Content/articles/x.md", line: 3, column: 7, message: "`date` is not a date: soon",
            hint: "write an ISO 8601 date")
        #expect(
            diagnostic.description
                == "Content/articles/x.md:3:7: error: `date` is not a date: soon\n  hint: write an ISO 8601 date")
    }

    @Test func omitsLineAndColumnWhenUnknown() {
        let warning = Diagnostic.warning(file: "Templates/base.mustache", message: "odd")
        #expect(warning.description == "Templates/base.mustache: warning: odd")
        #expect(![warning].containsErrors)
    }
}
