import ArchiveModel
import Enrichment
import Foundation

/// Loads Broadsheet's built-in knowledge from the package's resource files: countries, cities of
/// 100,000+ people and regions (GeoNames, CC BY 4.0; ISO 3166-1 via Debian's iso-codes), given names
/// (US Census 1990, public domain, plus a hand-written list of names the census lacks), common English words (SCOWL) and the hand-written lists of
/// honorifics, titles and organisation words. Loaded once per process.
public enum BuiltInKnowledge {
    /// The knowledge base, read once and shared.
    public static let shared: KnowledgeBase = load()

    static func load() -> KnowledgeBase {
        let organisationWords = lines("organisation-words").map {
            $0.split(separator: " ", maxSplits: 1).map(String.init)
        }
        // first-names.txt: a name and a tab and m, f or u (shared).
        let names = lines("first-names").map { $0.split(separator: "\t").map(String.init) }
        return KnowledgeBase(
            places: places(),
            firstNames: names.compactMap(\.first) + lines("first-names-extra"),
            femaleNames: names.filter { $0.count == 2 && $0[1] == "f" }.map { $0[0] },
            maleNames: names.filter { $0.count == 2 && $0[1] == "m" }.map { $0[0] },
            commonWords: lines("common-words"),
            honorifics: lines("honorifics"),
            titles: lines("titles"),
            organisationSuffixes: organisationWords.filter { $0.first == "suffix" && $0.count == 2 }.map { $0[1] },
            organisationHeads: organisationWords.filter { $0.first == "head" && $0.count == 2 }.map { $0[1] })
    }

    /// The non-comment, non-empty lines of a resource file.
    static func lines(_ name: String, extension fileExtension: String = "txt") -> [String] {
        guard let url = Bundle.module.url(forResource: "Resources/\(name)", withExtension: fileExtension),
            let data = FileManager.default.contents(atPath: url.path)
        else { return [] }
        // Cut at each newline found with memchr, each line made a String straight from its bytes:
        // the generic `split` of the UTF-8 view was a sixth of a build after a one-article edit.
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [String] = []
            var start = 0
            while start < bytes.count {
                let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start).map {
                    bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                }
                let end = newline ?? bytes.count
                if end > start, bytes[start] != UInt8(ascii: "#") {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return lines
        }
    }

    /// `places.tsv`: id, name, aliases (|), kind, GeoNames id, country code, population.
    static func places() -> [Entity] {
        lines("places", extension: "tsv").compactMap { line in
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                String(Substring($0))
            }
            guard fields.count >= 7 else { return nil }
            let kind = fields[3] == "country" ? "Country" : fields[3] == "city" ? "City" : "Region"
            let description = fields[5].isEmpty ? kind : "\(kind) (\(fields[5]))"
            return Entity(
                id: fields[0], type: .place, name: fields[1],
                aliases: fields[2].split(separator: "|").map(String.init), description: description,
                geonames: Int(fields[4]))
        }
    }
}
