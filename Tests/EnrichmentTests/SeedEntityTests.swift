import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import TestSupport
import Testing

/// The seed article against its hand-made reference.
struct SeedEntityTests {
    struct Gold: Decodable {
        struct GoldEntity: Decodable {
            var id: String
            var type: String
            var name: String
            var mentions_include: [String]
        }
        var entities: [GoldEntity]
    }

    let gold: Gold
    let article: Article

    init() throws {
        gold = try JSONDecoder().decode(
            Gold.self, from: Data(try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.gold.json")))
        let bytes = try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.txt")
        article = try #require(ArticleReader.read(path: "seed.txt", bytes: bytes).article)
    }

    func annotations(withGazetteer: Bool) throws -> EntityAnnotations {
        var entities: [Entity] = []
        if withGazetteer {
            let data = try Data(contentsOf: Repository.root.appendingPathComponent("Content/entities.yml"))
            entities = try EntitiesFileReader.read(path: "Content/entities.yml", bytes: [UInt8](data))
        }
        let recognizer = EntityRecognizer(gazetteer: Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared))
        return recognizer.annotate(article.textUnits)
    }

    /// The gold's name mentions; pronouns and role descriptions ("He", "The police chief") are
    /// listed there for speaker resolution only.
    func requiredMentions(_ entity: Gold.GoldEntity) -> [String] {
        entity.mentions_include.filter { surface in
            let words = surface.split(separator: " ")
            return words.count > 1 || !["He", "She", "They"].contains(surface)
        }.filter { surface in
            surface.split(separator: " ").allSatisfy { $0.first?.isUppercase == true }
        }
    }

    @Test func everyGoldEntityIsFoundWithItsListedMentions() throws {
        let found = try annotations(withGazetteer: true)
        for entity in gold.entities {
            let texts = found.mentions.filter { $0.entity == entity.id }.map(\.text)
            let type = found.entities.first { $0.entity.id == entity.id }?.entity.type.rawValue
            #expect(type == entity.type, "\(entity.id) has type \(type ?? "none")")
            for surface in requiredMentions(entity) {
                #expect(
                    texts.contains(surface) || texts.contains("Sir " + surface),
                    "\(entity.id) lacks the mention “\(surface)”; found \(texts)")
            }
        }
    }

    @Test func wordsThatOnlyLookLikeNamesAreNotEntities() throws {
        for withGazetteer in [true, false] {
            let found = try annotations(withGazetteer: withGazetteer)
            let forbidden = ["Commissioner", "Credit", "Photo", "Speaking", "Those", "Privacy", "Yet"]
            for mention in found.mentions {
                #expect(
                    !forbidden.contains { mention.text.split(separator: " ").contains(Substring($0)) },
                    "\(mention.text) became \(mention.entity)")
            }
        }
    }

    @Test func withoutAGazetteerThePeopleAndPlacesAreStillFound() throws {
        let found = try annotations(withGazetteer: false)
        let ids = Set(found.entities.map(\.entity.id))
        let people = [
            "bernard-hogan-howe", "robert-hannigan", "bill-bratton", "cathy-lanier", "charlie-beck", "james-comey",
        ]
        let places = gold.entities.filter { $0.type == "place" }.map(\.id)
        for id in people + places { #expect(ids.contains(id), "missing \(id)") }
        for id in people { #expect(found.entities.first { $0.entity.id == id }?.entity.type == .person) }
        let hannigan = found.mentions.filter { $0.entity == "robert-hannigan" }.map(\.text)
        #expect(hannigan == ["Robert Hannigan", "Mr Hannigan"])
        let bernard = found.mentions.filter { $0.entity == "bernard-hogan-howe" }.map(\.text)
        #expect(bernard.contains("Sir Bernard"))
    }

    @Test func eachEntityKeepsTheSentenceOfItsFirstBodyMention() throws {
        let found = try annotations(withGazetteer: true)
        let comey = try #require(found.entities.first { $0.entity.id == "james-comey" })
        #expect(comey.context.hasPrefix("Those he met included New York Police Department Commissioner Bill Bratton"))
        #expect(comey.context.hasSuffix("FBI Director James Comey."))
        let hannigan = try #require(found.entities.first { $0.entity.id == "robert-hannigan" })
        #expect(hannigan.mentionCount == 2)
    }
}
