import ArchiveModel
import Testing

@testable import SiteBuilder

/// Every file a build writes is checked to stay inside the output folder, whatever a slug or a
/// static file's name says.
struct OutputPathTests {
    @Test(arguments: [
        "index.html", "articles/a-story/index.html", ".well-known/security.txt", "assets/site.min.css",
        "a/...", "..hidden/x", "x/.y/z", "a//b", "tags/café/index.html",
    ])
    func pathsInsideAreAccepted(_ path: String) throws {
        #expect(OutputStage.isInside(path))
        try OutputStage.checkInside(path)
    }

    @Test(arguments: [
        "/etc/passwd", "..", ".", "../x", "./x", "a/../../x", "a/..", "a/.", "a/./b", "a\\..\\b", "articles/x\\y",
    ])
    func pathsThatLeaveOrAreAmbiguousAreRefused(_ path: String) {
        #expect(!OutputStage.isInside(path))
        #expect(throws: Diagnostic.self) { try OutputStage.checkInside(path) }
    }
}
