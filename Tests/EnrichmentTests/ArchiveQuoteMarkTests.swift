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
