import ArchiveModel
import Testing

/// Articles whose house style quotes speech in single marks (many British papers), on paragraphs
/// written for each pattern, straight marks as pasted text keeps them and curly ones as in
/// Markdown (notation as in `QuoteRuleTests`).
struct SingleQuoteMarkTests {
    let rules = QuoteRuleTests()

    @Test func speechInSingleMarksWithApostrophesInside() {
        let found = rules.quotes(
            """
            'It's a lifeline,' said Dorothy Kemp, 84. 'Without it I can't get to the doctor's or the bank.'

            Her neighbour, Frank Hollis, said the council had 'not listened to a single word'. 'The workers' union told them the same,' he said.

            'I grew up on rock 'n' roll and I'm not moving now,' said Mrs Kemp.
            """)
        #expect(
            found == [
                "direct dorothy-kemp: It's a lifeline,",
                "direct dorothy-kemp: Without it I can't get to the doctor's or the bank.",
                "partial frank-hollis: not listened to a single word",
                "direct frank-hollis: The workers' union told them the same,",
                "direct dorothy-kemp: I grew up on rock 'n' roll and I'm not moving now,",
            ])
    }

    @Test func partialQuotationsEndAtTheirMarkNotAtALaterPossessive() {
        let found = rules.quotes(
            """
            'We will fight this,' said Frank Hollis.

            Mr Hollis called the closure 'a disaster', adding that the drivers' contracts ran until June.

            He said the timetable was 'unworkable' and the residents' objections 'overwhelming'.
            """)
        #expect(
            found == [
                "direct frank-hollis: We will fight this,",
                "partial frank-hollis: a disaster",
                "partial frank-hollis: unworkable",
                "partial frank-hollis: overwhelming",
            ])
    }

    @Test func curlyMarksAQuotationOverParagraphsAndDoubleMarksInside() {
        let found = rules.quotes(
            """
            ‘Rural people pay the same council tax as everyone else,’ said Rachel Akande, the local MP. ‘They deserve the same services.

            ‘I have read the report “Left Behind” twice, and I will be asking the minister what he intends to do.’

            ‘We are working on it,’ a council spokeswoman said, ‘as we told residents at the meeting.’
            """)
        #expect(
            found == [
                "direct rachel-akande: Rural people pay the same council tax as everyone else,",
                "multi rachel-akande: They deserve the same services.\n\nI have read the report “Left Behind” twice, and I will be asking the minister what he intends to do.",
                "direct ~a council spokeswoman: We are working on it,",
                "partial ~a council spokeswoman: as we told residents at the meeting.",
            ])
    }

    @Test func aTitleInDoubleMarksDoesNotHideTheHouseStyle() {
        let found = rules.quotes(
            """
            The film "Harbour Lights" was shot in the village in 1962.

            'My mother was an extra,' said Frank Hollis. 'She never stopped talking about it.'
            """)
        #expect(
            found == [
                "direct frank-hollis: My mother was an extra,",
                "direct frank-hollis: She never stopped talking about it.",
            ])
    }

    @Test func anArticleQuotingInDoubleMarksKeepsItsApostrophesAndSingleMarksAsTheyAre() {
        let found = rules.quotes(
            """
            Frank Hollis said the drivers' contracts ran until June and the route was 'under review'.

            "I grew up on rock 'n' roll," he said. "The residents' objections are 'overwhelming'."
            """)
        #expect(
            found == [
                "direct frank-hollis: I grew up on rock 'n' roll,",
                "direct frank-hollis: The residents' objections are 'overwhelming'.",
            ])
    }

    @Test func thePassivesAgentAndWordsDescribedAsSomethingAreQuotations() {
        let found = rules.quotes(
            """
            The decision was branded 'shameful' by the local MP, Rachel Akande, who said she would raise it in Parliament.

            Her colleague Jean Hollis described the villagers' campaign as 'David against Goliath'. Their petition, 'Save the 42', has 2,000 signatures.
            """)
        #expect(
            found == [
                "partial rachel-akande: shameful",
                "partial jean-hollis: David against Goliath",
            ])
    }
}
