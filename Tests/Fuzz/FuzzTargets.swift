import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import Rendering

/// The readers and rules that take a user's bytes, each with the properties any input must keep:
/// no crash, no trap, and the invariants below. Chosen by `BROADSHEET_FUZZ_TARGET` (`frontmatter`,
/// `plaintext`, `quotes`, `url`). Built with libFuzzer by `Tests/Fuzz/fuzz.sh`; built normally,
/// the same binary replays files given as arguments (`swift run broadsheet-fuzz-replay url FILE…`).
enum FuzzTargets {
    static let names = ["frontmatter", "plaintext", "quotes", "url"]

    static let enricher = ArticleEnricher(gazetteer: Gazetteer(entities: [], knowledge: BuiltInKnowledge.shared))
    static let urls = SiteURLs(config: SiteConfig(baseURL: "https://example.org/archive/"))

    static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "frontmatter": read(bytes, as: "Content/articles/2020-01-01-fuzz.md")
        case "plaintext": read(bytes, as: "Content/articles/2020-01-01-fuzz.txt")
        case "quotes": quotes(bytes)
        case "url": url(bytes)
        default: fatalError("unknown fuzz target \(target); one of \(names)")
        }
    }

    /// A Markdown or plain-text article: read, or refused with diagnostics naming the file.
    static func read(_ bytes: [UInt8], as path: String) {
        let result = ArticleReader.read(path: path, bytes: bytes)
        if result.article == nil {
            precondition(result.diagnostics.contains { $0.severity == .error }, "refused without an error")
        }
        for diagnostic in result.diagnostics { precondition(diagnostic.file == path) }
        if let article = result.article { checkAnnotations(article) }
    }

    /// Any text as a pasted article, enriched: every mention and quotation lies inside its unit.
    static func quotes(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let result = ArticleReader.read(
            path: "Content/articles/2020-01-01-fuzz.txt", bytes: Array(("Headline\n\n" + text).utf8))
        if let article = result.article { checkAnnotations(article) }
    }

    static func checkAnnotations(_ article: Article) {
        let units = article.textUnits
        let lengths = units.map { $0.text.unicodeScalars.count }
        let enrichment = enricher.enrich(article)
        for mention in enrichment.entities.mentions {
            precondition(lengths.indices.contains(mention.unit), "mention in no unit")
            precondition(0 <= mention.start && mention.start < mention.end && mention.end <= lengths[mention.unit])
        }
        for quote in enrichment.quotes {
            precondition(quote.start <= quote.end, "quotation ends before it starts")
            precondition(lengths.indices.contains(quote.start.unit) && lengths.indices.contains(quote.end.unit))
            precondition(quote.start.offset >= 0 && quote.start.offset <= lengths[quote.start.unit])
            precondition(quote.end.offset >= 0 && quote.end.offset <= lengths[quote.end.unit])
        }
    }

    /// An author's link address: what the site writes never runs script as a browser reads it,
    /// and holds no control character or space.
    static func url(_ bytes: [UInt8]) {
        let address = String(decoding: bytes, as: UTF8.self)
        for isImage in [false, true] {
            let written = urls.content(address, allowUnsafe: false, isImage: isImage)
            precondition(!written.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }, "control kept")
            // As a browser reads the attribute: controls and spaces stripped, tabs and newlines gone.
            let read = String(
                String.UnicodeScalarView(
                    written.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
                )
            ).lowercased()
            for scheme in ["javascript:", "vbscript:", "file:"] {
                precondition(!read.hasPrefix(scheme), "\(scheme) got through: \(address.debugDescription)")
            }
            if read.hasPrefix("data:") {
                precondition(isImage && read.hasPrefix("data:image/"), "data: got through")
            }
        }
    }
}

#if FUZZING
    let fuzzTarget = ProcessInfo.processInfo.environment["BROADSHEET_FUZZ_TARGET"] ?? "frontmatter"

    /// libFuzzer's driver, which calls `callback` with each input it makes.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzer(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The program's entry (SwiftPM names it `<module>_main`): hands over to libFuzzer.
    @_cdecl("FuzzTargets_main")
    func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzer(&count, &arguments) { data, size in
            FuzzTargets.run(fuzzTarget, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
#else
    /// Replays inputs (a crash libFuzzer saved, a seed corpus) without libFuzzer:
    /// `broadsheet-fuzz-replay TARGET FILE…`.
    @main
    enum FuzzReplay {
        static func main() throws {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let target = arguments.first, FuzzTargets.names.contains(target) else {
                print("usage: broadsheet-fuzz-replay \(FuzzTargets.names.joined(separator: "|")) FILE…")
                return
            }
            for path in arguments.dropFirst() {
                FuzzTargets.run(target, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            }
            print("replayed \(arguments.count - 1) input(s) through \(target): no failure")
        }
    }
#endif
