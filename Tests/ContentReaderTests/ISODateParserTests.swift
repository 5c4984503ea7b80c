import ContentReader
import Testing

struct ISODateParserTests {
    @Test(arguments: [
        ("2014-11-07", "2014-11-07T00:00:00Z"),
        ("2014-11-07T09:30", "2014-11-07T09:30:00Z"),
        ("2014-11-07T09:30:15Z", "2014-11-07T09:30:15Z"),
        ("2014-11-07 09:30:15.250+01:00", "2014-11-07T08:30:15Z"),
        ("2014-11-07T23:30:00-0230", "2014-11-08T02:00:00Z"),
    ])
    func parsesTheISOFormsFrontMatterUses(text: String, utc: String) throws {
        let date = try #require(ISODateParser.parse(text))
        #expect(date.rfc3339 == utc)
        #expect(date.isoDay == String(text.prefix(10)))
    }

    @Test(arguments: [
        "", "2014", "2014-13-01", "2014-11-31", "07/11/2014", "2014-11-07T25:00", "2014-11-07Tnoon", "2014-11-07 extra",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(ISODateParser.parse(text) == nil)
    }
}
