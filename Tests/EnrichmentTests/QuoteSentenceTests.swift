import ArchiveModel
import Enrichment
import Testing

/// Quotations that open a sentence of their own inside a paragraph, quotations introduced by a
/// colon without a reporting verb, and pronouns after people the text describes but does not
/// name: each pattern on paragraphs written for it (notation as in `QuoteRuleTests`).
struct QuoteSentenceTests {
    let rules = QuoteRuleTests()

    @Test func aQuotationAfterAnInvertedAttributionKeepsItsSpeaker() {
        let found = rules.quotes(
            """
            "The tide tables are wrong," said Dr Ellen Marsh. "They have been wrong since the survey."

            "We will appeal," added Tomasz Kowalski, who farms the lower meadows. "And we expect to win."

            "It is a scandal," Mr Kowalski said. "An absolute scandal."
            """)
        #expect(
            found == [
                "direct ellen-marsh: The tide tables are wrong,",
                "direct ellen-marsh: They have been wrong since the survey.",
                "direct tomasz-kowalski: We will appeal,",
                "direct tomasz-kowalski: And we expect to win.",
                "direct tomasz-kowalski: It is a scandal,",
                "direct tomasz-kowalski: An absolute scandal.",
            ])
    }

    @Test func aQuotationsOwnAttributionOutranksTheSentenceBefore() {
        let found = rules.quotes(
            """
            Dr Ellen Marsh said the defences had been built for a different sea. "Nobody planned for this."

            Residents told a different story. "The water came up through the floorboards," said Joan Whitley, 81, from Upper Mill.

            Why, asked one man at the back of the hall, had nobody been warned? "We found out from a sign on the gate," said Priya Natarajan, who runs the café by the slipway.

            According to the council, the road will close for a month. "This is madness," said Tomasz Kowalski.

            According to Mr Kowalski, the farm shop will close too. "We cannot last a month without passing trade."
            """)
        #expect(
            found == [
                "direct ellen-marsh: Nobody planned for this.",
                "direct joan-whitley: The water came up through the floorboards,",
                "direct priya-natarajan: We found out from a sign on the gate,",
                "direct tomasz-kowalski: This is madness,",
                "direct tomasz-kowalski: We cannot last a month without passing trade.",
            ])
    }

    @Test func aColonIntroducesASpeakersWholeSentenceWithoutAReportingVerb() {
        let found = rules.quotes(
            """
            Another commuter, Graham Stott, was blunter: "Lock both sides in a room until they agree."

            Ms Natarajan was more measured: "I understand why people are angry."

            Mr Stott's verdict on the new timetable was short: "Useless."

            The notice on the ticket office door was brief: "Closed until further notice by order of the board."
            """)
        #expect(
            found == [
                "direct graham-stott: Lock both sides in a room until they agree.",
                "direct ?Natarajan: I understand why people are angry.",
            ])
    }

    @Test func aPronounAfterAnUnnamedPersonIsNotGivenToAnEarlierName() {
        let found = rules.quotes(
            """
            Graham Pell, the board's chief executive, said the embankment would be finished by the spring.

            Across the road, Carol Dean's husband, Keith, said the couple had stopped insuring the ground floor. "What would be the point?" he asked.

            A spokeswoman for the Environment Agency said the flood maps were being redrawn. "We expect to publish them in May," she said.

            "The work is on schedule," Mr Pell said.
            """)
        #expect(
            found == [
                "direct ~Carol Dean's husband: What would be the point?",
                "direct ~A spokeswoman for the Environment Agency: We expect to publish them in May,",
                "direct graham-pell: The work is on schedule,",
            ])
    }

    @Test func theNameClosingAnAppositionIsTheSubjectNotAnOrganisationInsideIt() {
        let trust = Entity(
            id: "harbour-trust", type: .organisation, name: "Kingsmouth Harbour Trust", aliases: ["the trust"])
        let found = rules.quotes(
            """
            Margaret Oyelaran, who chairs the Kingsmouth Harbour Trust, said the sale had been painful but unavoidable.

            Her colleague, the trust's head of policy Daniel Okafor, said the figures would be published. "We are not hiding anything," he said.
            """, entities: [trust])
        #expect(found == ["direct daniel-okafor: We are not hiding anything,"])
    }

    @Test func aPronounSkipsAnUnnamedPersonOfTheOtherSexButNotOneOfUnknownSex() {
        let found = rules.quotes(
            """
            Graham Pell said the board had done what it could.

            His wife, Ann, said the family had moved inland last year. "We had no choice," he said.

            His deputy, a former engineer, said the pumps had failed twice. "We had no warning," he said.
            """)
        // The deputy's sex is not stated: the pronoun names nobody rather than the wrong man.
        #expect(found == ["direct graham-pell: We had no choice,", "direct -: We had no warning,"])
    }

    @Test func aNameAfterWordsSayingWhoTheyAreIsTheSpeaker() {
        let found = rules.quotes(
            """
            "We showed real character," said manager Tony Reyes. "You find out what your players are made of."

            Rovers boss Claire Hennessy was less happy. "We had enough chances to win two games," she said.

            "The referee got it right," said Rovers captain Dan Kerr.

            When Tony Reyes arrived at the ground, the mood was grim: "Nobody expected a result like that."
            """)
        #expect(
            found == [
                "direct tony-reyes: We showed real character,",
                "direct tony-reyes: You find out what your players are made of.",
                "direct claire-hennessy: We had enough chances to win two games,",
                "direct dan-kerr: The referee got it right,",
            ])
    }

    @Test func titlesInARowStandBeforeTheName() {
        let found = rules.quotes(
            """
            Detective Constable Lisa Marsh, of the county police, said: "He thought he could hide behind his reputation."

            Detective Chief Inspector Ann Rowe said the inquiry had taken two years. "It was painstaking work," she said.
            """)
        #expect(
            found == [
                "direct lisa-marsh: He thought he could hide behind his reputation.",
                "direct ann-rowe: It was painstaking work,",
            ])
    }

    @Test func aPronounAfterAPersonNamedOnlyByHonorificIsNotGivenToAnEarlierName() {
        let found = rules.quotes(
            """
            "Footfall goes up when the streets are quieter," says Helen Osei, who owns a bookshop on Market Street.

            Ms Gray, a former nurse, was elected in May. Asked about a legal challenge, she replied: "Our lawyers are confident."
            """)
        #expect(
            found == [
                "direct helen-osei: Footfall goes up when the streets are quieter,",
                "direct ?Gray: Our lawyers are confident.",
            ])
    }

    @Test func aNameInAppositionAfterARoleAndAUtilityNameAreSpeakers() {
        let found = rules.quotes(
            """
            The Refugee Council's chief executive, Enver Solomon, said: "This is a plan that punishes the victims of war."

            In a statement, Southmere Water said it "deeply regrets" the spills.
            """)
        #expect(
            found == [
                "direct enver-solomon: This is a plan that punishes the victims of war.",
                "partial southmere-water: deeply regrets",
            ])
    }

    @Test func militaryAndMaritimeRanksAreTitles() {
        let found = rules.quotes(
            """
            Captain Rhys Gwynne told investigators he had raised concerns "again and again".

            His successor, Captain Aled Morgan, said he had been told to "keep the timetable, whatever it takes".

            "I was told: 'If you cancel, someone else will sail,'" Captain Morgan said.
            """)
        #expect(
            found == [
                "partial rhys-gwynne: again and again",
                "partial aled-morgan: keep the timetable, whatever it takes",
                "direct aled-morgan: I was told: 'If you cancel, someone else will sail,'",
            ])
    }

    @Test func anAttributionAfterTheQuotationMayRunOnWhenItNamesItsSpeaker() {
        let found = rules.quotes(
            """
            "This is about whether women in this city can give birth safely," the organiser, Dr Amara Nwosu, told the crowd outside the town hall.

            The board's chair, Graham Tillotson, has called the unit "no longer sustainable". Later, Mr Tillotson's spokesman said: "The board will consider all the views expressed."

            The chair said the unit was "no longer sustainable", while his deputy insisted the decision was "final" and officials said it was "irreversible".
            """)
        #expect(
            found == [
                "direct amara-nwosu: This is about whether women in this city can give birth safely,",
                "partial graham-tillotson: no longer sustainable",
                "direct ~Mr Tillotson's spokesman: The board will consider all the views expressed.",
                "partial ~The chair: no longer sustainable",
                "partial ~his deputy: final",
                "partial ~officials: irreversible",
            ])
    }

    @Test func abbreviatedTitlesAndAPlaceAfterTheNameAsAmericanPapersWriteThem() {
        let found = rules.quotes(
            """
            "This is the most important investment in our roads in a generation," said Sen. Maria Delgado, who wrote much of the bill.

            Gov. Linda Park of Ohio welcomed the vote. Her state, she said, would "finally be able to fix what has been broken".

            "We'll see," said Rep. Sam Whitaker when asked whether the House would pass it.
            """)
        #expect(
            found == [
                "direct maria-delgado: This is the most important investment in our roads in a generation,",
                "partial linda-park: finally be able to fix what has been broken",
                "direct sam-whitaker: We'll see,",
            ])
    }
}
