import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import TestSupport
import Testing

/// Mention precision and recall on the synthetic corpus (`make-corpus.py -n 2000`), against its
/// gold mentions (entity id and surface, article bodies only). Prints the figures:
/// `swift test --filter CorpusEvaluationTests`.
///
/// About 7.5% of that gold names a person who is not in the text: for a paragraph quoting "he said"
/// the generator records the speaker's name as a mention without writing it. Recall is therefore
/// reported twice, against all gold and against the gold whose surface occurs in the body
/// (`reachable`), and the goal is asserted on the second.
@Suite(.enabled(if: SyntheticCorpus.script != nil, "needs ../shared/bench/make-corpus.py"))
struct CorpusEvaluationTests {
    struct Gold: Decodable {
        struct GoldMention: Decodable {
            var entity: String
            var surface: String
        }
        var slug: String
        var mentions: [GoldMention]
    }

    @Test func mentionPrecisionAndRecallReach98Percent() throws {
        let folder = try SyntheticCorpus.generate(count: 2000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let entitiesData = try Data(contentsOf: folder.appendingPathComponent("entities.yml"))
        let entities = try EntitiesFileReader.read(path: "entities.yml", bytes: [UInt8](entitiesData))
        let recognizer = EntityRecognizer(gazetteer: Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared))
        let goldLines = try String(contentsOf: folder.appendingPathComponent("gold.jsonl"), encoding: .utf8).split(
            separator: "\n")
        var truePositives = 0
        var predicted = 0
        var expected = 0
        var reachable = 0
        var misses: [String: Int] = [:]
        var extras: [String: Int] = [:]
        for line in goldLines {
            let gold = try JSONDecoder().decode(Gold.self, from: Data(line.utf8))
            let data = try Data(contentsOf: folder.appendingPathComponent("articles/\(gold.slug).md"))
            let article = try #require(ArticleReader.read(path: gold.slug, bytes: [UInt8](data)).article)
            let units = article.textUnits
            let source = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
            let found = recognizer.annotate(units).mentions.filter {
                [.paragraph, .heading].contains(units[$0.unit].role)
            }
            var wanted: [String: Int] = [:]
            for mention in gold.mentions { wanted["\(mention.entity)|\(mention.surface)", default: 0] += 1 }
            let body = String(decoding: data, as: UTF8.self).components(separatedBy: "\n---\n").dropFirst().joined()
            for (key, count) in wanted {
                let surface = String(key.split(separator: "|", maxSplits: 1)[1])
                reachable += min(count, Self.occurrences(of: surface, in: body))
            }
            expected += gold.mentions.count
            predicted += found.count
            for mention in found {
                let range = try #require(
                    units[mention.unit].sourceMap.sourceRange(start: mention.start, end: mention.end))
                let key = "\(mention.entity)|\(String(String.UnicodeScalarView(source[range])))"
                if let count = wanted[key], count > 0 {
                    wanted[key] = count - 1
                    truePositives += 1
                } else {
                    extras[key, default: 0] += 1
                }
            }
            for (key, count) in wanted where count > 0 { misses[key, default: 0] += count }
        }
        let precision = Double(truePositives) / Double(max(predicted, 1))
        let recall = Double(truePositives) / Double(max(expected, 1))
        let reachableRecall = Double(truePositives) / Double(max(reachable, 1))
        print(
            "entity mentions on make-corpus.py -n 2000: precision \(String(format: "%.4f", precision)), "
                + "recall \(String(format: "%.4f", reachableRecall)) of the \(reachable) gold mentions in the text "
                + "(\(String(format: "%.4f", recall)) of all \(expected) gold), \(predicted) predicted")
        print("most missed: \(misses.sorted { $0.value > $1.value }.prefix(12))")
        print("most extra: \(extras.sorted { $0.value > $1.value }.prefix(12))")
        #expect(precision >= 0.98)
        #expect(reachableRecall >= 0.98)
    }

    /// Occurrences of `surface` in `text` as a whole name: not inside a word, nor inside a longer
    /// capitalised name ("Dame Betty" does not occur in "Dame Betty Hogan-Howe").
    static func occurrences(of surface: String, in text: String) -> Int {
        var count = 0
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: surface, range: searchRange) {
            searchRange = found.upperBound..<text.endIndex
            let before = text[..<found.lowerBound].suffix(2)
            let after = text[found.upperBound...].prefix(2)
            if before.last?.isLetter == true || after.first?.isLetter == true { continue }
            if after.first == " ", after.last?.isUppercase == true { continue }
            if before.last == " " {
                let previousWord = text[..<text.index(before: found.lowerBound)].reversed().prefix {
                    $0.isLetter || $0 == "-"
                }
                if previousWord.last?.isUppercase == true { continue }
            }
            count += 1
        }
        return count
    }
}
