import Testing

/// Quotation marks as news archives hold them: two apostrophes for both marks (''…''), two
/// backticks for the opening one (``…''), in sentences written for these tests.
extension QuoteRuleTests {
    @Test func doubledApostrophesQuoteLikeDoubleMarks() {
        let found = quotes(
            """
            ''We will not raise fares this year,'' said Delia Moran, the transit authority's chairwoman.

            The mayor, Luis Ortega, called the plan ''a sensible first step'' but warned that costs would rise.

            ''It was a long night,'' Mr. Ortega said. ''We are tired, but the bridge is open.''

            The players' union and the drivers' committee said nothing.
            """)
        #expect(
            found == [
                "direct delia-moran: We will not raise fares this year,",
                "partial luis-ortega: a sensible first step",
                "direct luis-ortega: It was a long night,",
                "direct luis-ortega: We are tired, but the bridge is open.",
            ])
    }

    @Test func backticksOpenAndApostrophesCloseAQuotation() {
        let found = quotes(
            """
            ``The ferry is the town's lifeline,'' said Captain Aled Morgan.

            Councillor Ruth Ames called it ``a lifeline we cannot afford to lose.''
            """)
        #expect(
            found == [
                "direct aled-morgan: The ferry is the town's lifeline,",
                "partial ruth-ames: a lifeline we cannot afford to lose.",
            ])
    }
}

/// American and agency style names: a middle initial with its full stop stays inside the name.
extension QuoteRuleTests {
    @Test func aMiddleInitialWithItsFullStopStaysInsideTheName() {
        let found = quotes(
            """
            "The levee was never finished," said Marian T. Holloway, a civil engineer in Baton Rouge.

            Edwin J. R. Farrow, the parish's attorney, disagreed. "It was finished twice," Mr. Farrow said.

            "We will see in the spring," Ms. Holloway said. They chose Plan B. The vote was close.
            """)
        #expect(
            found == [
                "direct marian-t-holloway: The levee was never finished,",
                "direct edwin-j-r-farrow: It was finished twice,",
                "direct marian-t-holloway: We will see in the spring,",
            ])
    }
}

extension QuoteRuleTests {
    /// The census lists "In" and "My" as given names: at a sentence's start they are words, so
    /// "In June" and "In Florida" are no people to hand a quotation to.
    @Test func aSentenceOpeningPrepositionIsNoGivenName() {
        let found = quotes(
            """
            In June, after the storm, Carla Pena toured the harbour. "We will rebuild," said Ms. Pena.

            In Florida, Brenda Cole railed against the plan. "They should pay," she said.
            """)
        #expect(found == ["direct carla-pena: We will rebuild,", "direct brenda-cole: They should pay,"])
    }
}

extension QuoteRuleTests {
    /// An unnamed source is a noun phrase: "it" or a subject read as "to" or "when" is no one.
    @Test func aDescriptionMustEndInANoun() {
        let found = quotes(
            """
            "Nothing is decided," said the harbour board's chairwoman.

            The statement came late. "The fares will rise in spring," it said.

            Passengers were told to wait. "We are sorry for the delay," a spokesman for the operator said.
            """)
        #expect(
            found == [
                "direct ~the harbour board's chairwoman: Nothing is decided,",
                "direct -: The fares will rise in spring,",
                "direct ~a spokesman for the operator: We are sorry for the delay,",
            ])
    }
}

extension QuoteRuleTests {
    /// A surname in the speaker's place that no full name settles — never named in full, a word of
    /// the dictionary, or shared by two people of the article — is the speaker as the text names
    /// them, linked to no one; a later pronoun goes to them, not to an earlier person.
    @Test func aSurnameNoEntitySettlesIsStillTheSpeaker() {
        let found = quotes(
            """
            Gloria Baptiste opened the hearing. "The budget is late," Okonkwo said. "Again," she added.

            "We counted every vote," Small said after the count.

            Both Dana Whitfield and Reuben Whitfield ran for the board. "I will serve," Whitfield said.

            Dr. Abernethy said on Monday that the clinic would close. "We have no staff," she said.
            """)
        #expect(
            found == [
                "direct ?Okonkwo: The budget is late,",
                "direct ?Okonkwo: Again,",
                "direct ?Small: We counted every vote,",
                "direct ?Whitfield: I will serve,",
                "direct ?Abernethy: We have no staff,",
            ])
    }

    /// Not a name: a first-person speaker, a determiner.
    @Test func wordsAfterAQuotationThatAreNoName() {
        let found = quotes(
            """
            "Nobody asked us," I said to the clerk.

            "It is closed," The council said.
            """)
        #expect(
            found == [
                "direct -: Nobody asked us,",
                "direct ~The council: It is closed,",
            ])
    }
}

extension QuoteRuleTests {
    /// Agency and American copy report speech with more verbs than "said", in both tenses, and
    /// with participles that carry a partial quotation.
    @Test func otherVerbsOfSayingAttributeQuotations() {
        let found = quotes(
            """
            "The audit was a whitewash," Councillor Brenda Ivers charged on Tuesday.

            "Nobody reads the small print," notes Ivan Petrov, a consumer lawyer.

            Mayor Tobias Wren hit back, labeling the claim "a desperate stunt by a sore loser."
            """)
        #expect(
            found == [
                "direct brenda-ivers: The audit was a whitewash,",
                "direct ivan-petrov: Nobody reads the small print,",
                "partial tobias-wren: a desperate stunt by a sore loser.",
            ])
    }

    /// A paragraph that ends `Wren continued:` introduces the quotation opening the next one.
    @Test func aParagraphEndingInAColonIntroducesTheNextOnesQuotation() {
        let found = quotes(
            """
            Mayor Tobias Wren spoke for an hour. Near the end, Wren continued:

            "We built this bridge once and we will build it again."

            The councillors applauded.
            """)
        #expect(found == ["direct tobias-wren: We built this bridge once and we will build it again."])
    }
}

extension QuoteRuleTests {
    /// The verb right after the name attributes the quotation, however long the sentence runs on
    /// with participles; a name no entity settles may open a clause after a fronted phrase.
    @Test func theVerbNextToTheNameAttributesALongAttribution() {
        let found = quotes(
            """
            Both Helen Marsh and Rupert Marsh sat on the board.

            "The pool stays open," Marsh said at a packed meeting on Friday, adding that staff would be kept on.

            Asked about the budget, Mrs. Marsh shook her head and said, "Not this year."
            """)
        #expect(found == ["direct ?Marsh: The pool stays open,", "direct ?Marsh: Not this year."])
    }
}

extension QuoteRuleTests {
    /// Names inside a quotation never speak it; a quotation ending in a comma hands over to the
    /// attribution after it; "X hammered Y" is no description of Y.
    @Test func theAttributionAfterAQuotationOutranksNamesInsideAndBeforeIt() {
        let found = quotes(
            """
            The count went on late into the night.

            "Both Nora Quint and Felix Adeyemi frighten me," the Texan said later.

            Nora Quint would not say that "the figures were public," Oduya added.

            Felix Adeyemi hammered Nora Quint, calling her plan "a fantasy."
            """)
        #expect(
            found == [
                "direct ~the Texan: Both Nora Quint and Felix Adeyemi frighten me,",
                "partial ?Oduya: the figures were public,",
                "partial felix-adeyemi: a fantasy.",
            ])
    }
}

extension QuoteRuleTests {
    /// Only words that can stand for a speaker describe one: a time or an amount read as a subject
    /// is no speaker; a name closing a long description is the speaker; a surname opening the
    /// sentence, though a word of the dictionary, is a name when the article capitalises it.
    @Test func descriptionsMustBeAbleToSpeakAndNamesCloseThem() {
        let found = quotes(
            """
            The count went on late into the night.

            A few days later, "the vote was rigged," a few days said.

            "We will appeal," said the former mayor and party Chairman Ed Rendwick.

            Voters in Ashford backed Stephen Bush and Maria Bush. Bush said the result was "a clear mandate."
            """)
        #expect(
            found == [
                "partial -: the vote was rigged,",
                "direct ?Ed Rendwick: We will appeal,",
                "partial ?Bush: a clear mandate.",
            ])
    }
}
