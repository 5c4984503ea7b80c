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
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        // Split on the UTF-8 bytes: splitting 900 KB by Characters was a sixth of an incremental build.
        return text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            line.first == UInt8(ascii: "#") ? nil : String(Substring(line))
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
