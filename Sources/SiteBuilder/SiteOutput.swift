import ArchiveModel
import Foundation
import Rendering

/// Where a build puts the site: a staging folder swapped in place of the output folder
/// (`OutputStage`), or a new generation of an in-memory site (`MemoryStage`, for serve). Either way
/// nothing is visible until `commit`, and a failed build leaves the previous site as it was.
protocol SiteOutput: Sendable {
    func write(_ contents: String, to relativePath: String) throws(Diagnostic)
    /// Writes a file made piece by piece by `produce`, each piece as it comes (or, in memory, when
    /// the file is first read).
    func stream(to relativePath: String, _ produce: @escaping @Sendable ((String) -> Void) -> Void) throws(Diagnostic)
    /// Keeps the previous build's file at `relativePath`; false when there is none.
    func keep(_ relativePath: String) -> Bool
    /// Keeps files that the last build wrote or kept, at once; returns the positions in
    /// `relativePaths` of those that are not there (deleted from the output by hand, say), which
    /// the caller makes again.
    func keep(lastBuilt relativePaths: [String]) -> [Int]
    /// Whether `renderLater` is worth calling: it renders when a page is asked for (serve).
    var rendersPagesLater: Bool { get }
    /// Writes the HTML `render` makes: at every request, never kept (in memory), or now (on disk).
    func renderLater(to relativePath: String, _ render: @escaping @Sendable () -> String) throws(Diagnostic)
    /// Copies files under `folder` to `prefix` + their relative path; returns those skipped because a
    /// generated page already had the path.
    func copyTree(_ folder: URL, files relativePaths: [String], prefix: String) throws(Diagnostic) -> [String]
    /// Writes a file of article rows, patched from the previous output's file when `patch` allows
    /// and it is still as the last build left it; the new file's record (none in memory) and
    /// whether it was patched.
    func writeRows(_ rows: ArticleRows, to relativePath: String, patching patch: RowPatch?) throws(Diagnostic) -> (
        record: RowFileRecord?, patched: Bool
    )
    func commit() throws(Diagnostic)
    func discard()
}

extension SiteOutput {
    func keep(lastBuilt relativePaths: [String]) -> [Int] {
        relativePaths.indices.filter { !keep(relativePaths[$0]) }
    }
}

/// A file of article rows as a build left it: where each article's rows are, and the file's stamp
/// when written (a file changed since cannot be patched).
struct RowFileRecord: Sendable, Equatable {
    var layout: RowLayout
    var stamp: FileStamp
}

/// What a build can patch a file of article rows from: the last build's record of it, and where
/// each article's rows were in it (`ArticleRows.sources`).
struct RowPatch: Sendable {
    var previous: RowFileRecord
    var sources: [Int?]
}

extension SiteOutput {
    /// Writes a file of article rows whole (in memory, made when first asked for); no record.
    func writeRows(_ rows: ArticleRows, to relativePath: String, patching patch: RowPatch?) throws(Diagnostic) -> (
        record: RowFileRecord?, patched: Bool
    ) {
        try stream(to: relativePath) { emit in _ = rows.render(emit: emit) }
        return (nil, false)
    }
}
