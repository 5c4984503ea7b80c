import ArchiveModel
import Enrichment
import Testing

/// Each recognition rule on realistic paragraphs written for it, with the negative cases.
struct EntityRuleTests {
    @Test func shortFormsResolveToTheFullNameMetEarlier() {
        let found = mentionList(
            """
            The chief constable of Northshire Police, Sir Alan Marchetti-Doyle, defended the cuts on Tuesday.

            Sir Alan told councillors the force had lost 400 officers since 2010. Marchetti-Doyle later said the figures were "stark".

            Councillor Priya Raman, who chairs the police committee, said Ms Raman's group would vote against.
            """)
        #expect(found.contains("sir-alan-marchetti-doyle: Sir Alan Marchetti-Doyle") == false)
        #expect(found.contains("alan-marchetti-doyle: Sir Alan Marchetti-Doyle"))
        #expect(found.contains("alan-marchetti-doyle: Sir Alan"))
        #expect(found.contains("alan-marchetti-doyle: Marchetti-Doyle"))
        #expect(found.contains("priya-raman: Priya Raman"))
        #expect(found.contains("priya-raman: Ms Raman"))
        #expect(found.contains("northshire-police: Northshire Police"))
    }

    @Test func anAmbiguousShortFormStaysUnlinked() {
        let found = mentionList(
            """
            Sir James Ellison, the former chief inspector, and Sir James Pritchard, the current one, both gave evidence.

            Sir James said the inspectorate had been "starved of funds".
            """)
        #expect(found.filter { $0.hasSuffix(": Sir James") }.isEmpty)
        #expect(found.contains("james-ellison: Sir James Ellison"))
        #expect(found.contains("james-pritchard: Sir James Pritchard"))
    }

    @Test func anAmbiguousGazetteerAliasIsSettledByTheArticleOrLeftAlone() {
        let gazetteer = [
            Entity(id: "james-ellison", type: .person, name: "James Ellison", aliases: ["Sir James"]),
            Entity(id: "james-pritchard", type: .person, name: "James Pritchard", aliases: ["Sir James"]),
        ]
        let settled = mentionList(
            "James Pritchard spoke first.\n\nLater Sir James added a caveat.", entities: gazetteer)
        #expect(settled.contains("james-pritchard: Sir James"))
        let unsettled = mentionList("At the dinner Sir James added a caveat.", entities: gazetteer)
        #expect(unsettled.isEmpty)
    }

    @Test func anAcronymGivenInBracketsMeansTheNameBeforeIt() {
        let found = mentionList(
            """
            The Serious Fraud Office (SFO) opened an inquiry in March.

            A spokesman said the SFO would not comment on individual cases.
            """)
        #expect(
            found == [
                "serious-fraud-office: Serious Fraud Office", "serious-fraud-office: SFO", "serious-fraud-office: SFO",
            ])
    }

    @Test func possessivesLeaveTheApostropheOutOfTheMention() {
        let found = mentionList(
            "Britain’s largest union and Germany's biggest bank met in Paris. Mr Okafor’s deputy, Ruth Okafor-Bell, attended."
        )
        #expect(found.contains("united-kingdom: Britain"))
        #expect(found.contains("germany: Germany"))
        #expect(found.contains("paris: Paris"))
    }

    @Test func aOneLetterTypoResolvesOnlyToAKnownEntity() {
        let gazetteer = [Entity(id: "facebook", type: .organisation, name: "Facebook")]
        #expect(
            mentionList("He said Facbook and Twitter were in denial.", entities: gazetteer).contains(
                "facebook: Facbook"))
        // Built-in places are not typo targets, and short words are never corrected.
        #expect(mentionList("Officials in Manchestr were unhappy.").isEmpty)
        let local = mentionList("Petra Lindqvist chaired the meeting. Later Lindkvist said the vote was close.")
        #expect(local.contains("petra-lindqvist: Lindkvist") || !local.contains { $0.hasSuffix("Lindkvist") })
    }

    @Test func sentenceInitialCommonWordsMonthsAndTitlesAloneAreNotEntities() {
        let found = mentionList(
            """
            Those who attended said little. Speaking afterwards, the Commissioner was blunt. Yet the mood changed in May.

            Privacy campaigners were absent. Credit agencies declined to comment. May Chen, a solicitor, disagreed.
            """)
        #expect(found == ["may-chen: May Chen"])
    }

    @Test func shortAcronymsMatchOnlyInCapitals() {
        let gazetteer = [
            Entity(id: "islamic-state", type: .organisation, name: "Islamic State", aliases: ["IS", "Isil"])
        ]
        let found = mentionList("He said IS is not the only threat, and it is growing.", entities: gazetteer)
        #expect(found == ["islamic-state: IS"])
    }

    @Test func titlesBeforeANameAreNotPartOfTheMention() {
        let found = mentionList(
            "Chief Constable Sara Thompson met Prime Minister Daniel Achterberg and FBI Director James Comey in Washington."
        )
        #expect(found.contains("sara-thompson: Sara Thompson"))
        #expect(found.contains("daniel-achterberg: Daniel Achterberg"))
        #expect(found.contains("james-comey: James Comey"))
        #expect(found.contains("fbi: FBI"))
        #expect(found.contains("washington: Washington"))
    }

    @Test func organisationsAreFoundByTheirWords() {
        let found = mentionList(
            "The Estuary Flood Board, the Department for Transport and Harlow Holdings plc signed the deal with Riverside Borough Council."
        )
        #expect(
            found == [
                "estuary-flood-board: Estuary Flood Board", "department-for-transport: Department for Transport",
                "harlow-holdings-plc: Harlow Holdings plc", "riverside-borough-council: Riverside Borough Council",
            ])
    }

    @Test func aCapitalisedNameBeforeAReportingVerbJoinsItsFullName() {
        let found = mentionList(
            "Graham Pell accepted the findings.\n\n\"It would be irresponsible to speculate,\" Pell said.")
        #expect(found == ["graham-pell: Graham Pell", "graham-pell: Pell"])
    }

    @Test func anAppositionOrRelativeClauseMarksAPerson() {
        let found = mentionList(
            """
            Osei Bonsu-Mensah, the head of the port authority, resigned. Imelda Kavanagh, a spokeswoman for the union, declined to comment.

            Ferdinand Okonkwo-Lutz, who chairs the board, said Bonsu-Mensah had been "honourable".

            Harbour Street, the oldest road in town, was closed.
            """)
        #expect(found.contains("osei-bonsu-mensah: Osei Bonsu-Mensah"))
        #expect(found.contains("imelda-kavanagh: Imelda Kavanagh"))
        #expect(found.contains("ferdinand-okonkwo-lutz: Ferdinand Okonkwo-Lutz"))
        #expect(found.contains("osei-bonsu-mensah: Bonsu-Mensah"))
        #expect(!found.contains { $0.contains("Harbour Street") })
    }

    @Test func placesNamedByCommonWordsNeedALocative() {
        #expect(mentionList("Reading the report, ministers winced.").isEmpty)
        #expect(mentionList("The rally in Reading drew 2,000 people.") == ["reading: Reading"])
    }

    @Test func headlineCapitalsAreNotNames() {
        let annotated = annotate(
            "The council met.", headline: "Council Votes To Keep Harbour Library Open As Cuts Bite")
        #expect(annotated.annotations.mentions.isEmpty)
        let named = annotate("Robert Hannigan spoke.", headline: "Hannigan Warns Of Dark Web, Says Britain Must Act")
        #expect(named.annotations.mentions.filter { $0.unit == 0 }.map(\.text) == ["Britain"])
    }

    @Test func theAuthorCanPinSuppressAndLinkMentions() {
        let gazetteer = [Entity(id: "bernard-hogan-howe", type: .person, name: "Bernard Hogan-Howe")]
        let overrides = EntityOverrides(
            pins: ["the Commissioner": "bernard-hogan-howe", "the Chief": "nobody-known"], suppressed: ["Paris"])
        let annotated = annotate(
            "Bernard Hogan-Howe arrived in Paris. Later the Commissioner spoke to the Chief.", entities: gazetteer,
            overrides: overrides)
        let found = annotated.annotations.mentions.map { "\($0.entity): \($0.text)" }
        #expect(found == ["bernard-hogan-howe: Bernard Hogan-Howe", "bernard-hogan-howe: the Commissioner"])
        #expect(annotated.annotations.unknownIDs == ["nobody-known"])
    }
}
