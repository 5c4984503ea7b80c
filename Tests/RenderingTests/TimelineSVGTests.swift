import Rendering
import Testing

struct TimelineSVGTests {
    @Test func barsCoverWholeYearsAndScaleToThePeak() {
        // November 2014 (key 2014 * 12 + 10) twice as busy as March 2016.
        let svg = TimelineSVG.render(months: [2014 * 12 + 10: 4, 2016 * 12 + 2: 2], width: 360, height: 120)
        #expect(svg.hasPrefix("<svg class=\"timeline\""))
        #expect(svg.contains("aria-label=\"Mentions per month, January 2014 to December 2016; most in one month: 4\""))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2)
        #expect(
            svg.contains("<rect x=\"100\" y=\"0\" width=\"9\" height=\"100\"><title>November 2014: 4</title></rect>"))
        #expect(svg.contains("<title>March 2016: 2</title>"))
        #expect(svg.contains("height=\"50\""))
    }

    @Test func nothingToDrawGivesNoChart() {
        #expect(TimelineSVG.render(months: [:]).isEmpty)
        #expect(TimelineSVG.render(months: [24_000: 0]).isEmpty)
    }
}
