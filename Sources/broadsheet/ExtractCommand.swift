import ArchiveModel
import ArgumentParser
import ContentReader
import Enrichment
import Foundation
import Knowledge
import Rendering

/// `broadsheet extract [--entities FILE] PATH…`: the entities (and, later, quotes) of each file as
/// JSON Lines, for research use and for other tools.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the entities and quotations of article files as JSON Lines (offsets in Unicode scalars).")

    @Option(name: .long, help: "A gazetteer in the format of Content/entities.yml.")
    var entities: String?

    @Argument(help: "Article files (.md or .txt).")
    var paths: [String]

    func run() throws {
        var known: [Entity] = []
        if let entities {
            guard let data = FileManager.default.contents(atPath: entities) else {
                throw ValidationError("cannot read the gazetteer \(entities)")
            }
            do throws(DiagnosticError) {
                known = try EntitiesFileReader.read(path: entities, bytes: [UInt8](data))
            } catch {
                ConsoleLog.print(error.diagnostics)
                throw ExitCode(1)
            }
        }
        let enricher = ArticleEnricher(gazetteer: Gazetteer(entities: known, knowledge: BuiltInKnowledge.shared))
        var failed = false
        for path in paths {
            let bytes: [UInt8]
            switch FileBytes.read(path, shownAs: path, limit: ArticleReader.maximumBytes) {
            case .success(let read): bytes = read
            case .failure(let problem):
                ConsoleLog.print([problem])
                failed = true
                continue
            }
            let result = ArticleReader.read(path: path, bytes: bytes)
            guard let article = result.article else {
                ConsoleLog.print(result.diagnostics)
                failed = true
                continue
            }
            let units = article.textUnits
            let enrichment = enricher.enrich(article)
            let source = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            print(
                ExtractRecord.json(
                    file: path, source: source, units: units, annotations: enrichment.entities,
                    quotes: enrichment.quotes
                ).serialized())
        }
        if failed { throw ExitCode(1) }
    }
}
